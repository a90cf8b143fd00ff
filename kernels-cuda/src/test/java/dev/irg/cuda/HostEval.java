package dev.irg.cuda;

import dev.irg.Op;
import dev.irg.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CUDA device math compiled for the host (g++ with the CUDA keywords defined away, see
 * irg_common.cuh) as the program target/host/irg_host_eval, and a way to evaluate rows with it.
 */
final class HostEval {
    private static Path program;

    private HostEval() {
    }

    /** Builds the program once per JVM (skips the test without a C++ compiler, fails on CI). */
    static synchronized Path program() throws IOException, InterruptedException {
        if (program == null) {
            Path cxx = Toolchain.require(Toolchain.cxx(), "no C++ compiler (g++, c++ or clang++; or set CXX): cannot compile the device math for the host");
            Path dir = Files.createDirectories(Toolchain.target().resolve("host"));
            Path exe = dir.resolve("irg_host_eval");
            Path src = Toolchain.moduleDir().resolve("src/test/cpp/irg_host_eval.cpp");
            Toolchain.run(List.of(cxx.toString(), "-std=c++17", "-O2", "-Wall", "-Wextra", "-Werror",
                    "-I" + Toolchain.cudaSources(), src.toString(), "-o", exe.toString()), dir, null, 300);
            program = exe;
        }
        return program;
    }

    /** The operations compiled into the program (the ones with kernels). */
    static List<Op> ops() throws IOException, InterruptedException {
        List<Op> ops = new ArrayList<>();
        for (String s : Toolchain.run(List.of(program().toString(), "--list"), Toolchain.target(), null, 60).split("\n")) {
            if (!s.isBlank()) {
                ops.add(Op.valueOf(s.trim()));
            }
        }
        return ops;
    }

    /** The one-argument helpers compiled into the program, as "Class.method". */
    static List<String> helpers() throws IOException, InterruptedException {
        List<String> fns = new ArrayList<>();
        for (String s : Toolchain.run(List.of(program().toString(), "--list-fn"), Toolchain.target(), null, 60).split("\n")) {
            if (!s.isBlank()) {
                fns.add(s.trim());
            }
        }
        return fns;
    }

    /** The pair kernels compiled into the program (irg_PAIR_&lt;name&gt; without the prefix and precision), e.g. PAIR_BETA_GRAD. */
    static List<String> pairs() throws IOException, InterruptedException {
        List<String> ps = new ArrayList<>();
        for (String s : Toolchain.run(List.of(program().toString(), "--list-pairs"), Toolchain.target(), null, 60).split("\n")) {
            if (!s.isBlank()) {
                ps.add(s.trim());
            }
        }
        return ps;
    }

    /** Output {@code output} (0 or 1) of the pair kernel {@code pair}'s device function for every row. */
    static double[] evalPair(String pair, int output, Precision pr, double[] p0, double[] p1, double[] x)
            throws IOException, InterruptedException {
        return run(pair + "." + output, pr.name().toLowerCase(Locale.ROOT), p0, p1, x);
    }

    /** The region code the device math's classify step gives each row (see irg_host_eval.cpp). */
    static double[] evalClassify(String javaName, double[] p0, double[] p1, double[] x) throws IOException, InterruptedException {
        return run(javaName, "f64", p0, p1, x);
    }

    /** {@code helper(x[i])} for every i, computed by the host-compiled device math. */
    static double[] evalHelper(String helper, double[] x) throws IOException, InterruptedException {
        return run(helper, "f64", new double[x.length], new double[x.length], x);
    }

    /** {@code op(p0[i], p1[i], x[i])} for every i, computed by the host-compiled device math. */
    static double[] eval(Op op, Precision pr, double[] p0, double[] p1, double[] x) throws IOException, InterruptedException {
        return run(op.name(), pr.name().toLowerCase(Locale.ROOT), p0, p1, x);
    }

    private static double[] run(String name, String prec, double[] p0, double[] p1, double[] x) throws IOException, InterruptedException {
        StringBuilder in = new StringBuilder(x.length * 64);
        for (int i = 0; i < x.length; i++) {
            in.append(name).append(' ').append(prec).append(' ').append(hex(p0[i])).append(' ')
                    .append(hex(p1[i])).append(' ').append(hex(x[i])).append('\n');
        }
        String[] lines = Toolchain.run(List.of(program().toString()), Toolchain.target(), in.toString(), 600).split("\n");
        if (lines.length != x.length) {
            throw new IllegalStateException("irg_host_eval returned " + lines.length + " lines for " + x.length + " rows");
        }
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = Double.parseDouble(lines[i]);
        }
        return r;
    }

    private static String hex(double v) {
        return Double.isFinite(v) ? Double.toHexString(v) : Double.toString(v);
    }
}
