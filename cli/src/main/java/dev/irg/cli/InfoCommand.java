package dev.irg.cli;

import dev.irg.Backend;
import dev.irg.BackendInfo;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code irg info}: the backends, whether they can run here and why, and the machine. */
@Command(name = "info", description = "Lists the backends (available or not, and why), vector width, CPUs and CUDA devices.",
        mixinStandardHelpOptions = true)
final class InfoCommand implements Runnable {
    @ParentCommand
    Main main;

    @Override
    public void run() {
        PrintStream o = main.out;
        o.println("machine: " + MachineInfo.cpuModel() + ", " + MachineInfo.cpus() + " CPUs available to the JVM");
        o.println("java:    " + MachineInfo.java() + " on " + MachineInfo.os());
        o.println("vector:  " + MachineInfo.vectorShape());
        o.println("threads: " + Irg.using(Backend.AUTO).threads() + " per call on CPU backends (system property irg.threads)");
        o.println("backends:");
        for (BackendInfo b : Irg.backends()) {
            o.printf("  %-7s %-12s %s%n", b.backend().id(), b.available() ? "available" : "unavailable", b.detail());
        }
        // What AUTO picks, per batch size, for one representative operation
        Irg auto = Irg.using(Backend.AUTO);
        StringBuilder sb = new StringBuilder("auto:    ");
        for (long n : new long[] {1, 1_000, 100_000, 10_000_000}) {
            sb.append("n=").append(n).append(" -> ").append(auto.backendFor(Op.GAMMA_GRAD_ALPHA, Precision.F64, n).id()).append("  ");
        }
        o.println(sb.toString().stripTrailing() + " (gamma grad_alpha, f64)");
        BackendInfo cuda = Irg.backends().stream().filter(b -> b.backend() == Backend.CUDA).findFirst().orElse(null);
        o.println("cuda:    " + (cuda == null ? "no provider" : cuda.available() ? cuda.detail() : "no usable device (" + cuda.detail() + ")"));
    }
}
