package dev.irg.jmh;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Throughput per CPU-second of the calling thread, for A/B comparisons on a shared machine where
 * wall-clock JMH scores move with other processes' load: the same inputs as {@link OpBench}
 * ({@link Inputs}, same seed), one thread, a warm-up, then five timed rounds; prints the best round
 * in elements per CPU-second of this thread. Not a replacement for JMH (no forks, no blackhole; the
 * results escape through the output array): run two builds alternately and compare.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar dev.irg.jmh.CpuTime OP BACKEND N SECONDS F32|F64
 * </pre>
 */
public final class CpuTime {
    private CpuTime() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: CpuTime OP scalar|simd N SECONDS F32|F64");
            System.exit(2);
        }
        Op op = Op.valueOf(args[0]);
        int n = Integer.parseInt(args[2]);
        double seconds = Double.parseDouble(args[3]);
        boolean f32 = args[4].equalsIgnoreCase("F32");
        double[][] in = Inputs.draw(op.distribution(), n, 20261128L);
        Irg irg = Irg.using(Backend.parse(args[1])).threads(1);
        Vec p0 = f32 ? Vec.of(toFloat(in[0])) : Vec.of(in[0]);
        Vec p1 = f32 ? Vec.of(toFloat(in[1])) : Vec.of(in[1]);
        Vec x = f32 ? Vec.of(toFloat(in[2])) : Vec.of(in[2]);
        Vec out = f32 ? Vec.of(new float[n]) : Vec.of(new double[n]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warm = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warm) {
            irg.evaluate(op, p0, p1, x, out);
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long end = System.nanoTime() + (long) (seconds / 3 * 1e9);
            long calls = 0;
            while (System.nanoTime() < end) {
                irg.evaluate(op, p0, p1, x, out);
                calls++;
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) * 1e-9;
            best = Math.min(best, cpu / ((double) calls * n));
        }
        System.out.printf("%s %s %s n=%d: %.3g elements per CPU-second (best of 5 rounds)%n", op, args[1],
                f32 ? "F32" : "F64", n, 1 / best);
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
