package dev.irg.simd;

import java.util.SplittableRandom;

/**
 * CPU time per element of the float path's grouping alone (FloatGrouping: count, gather, scatter) on one block
 * of 4096 elements whose region codes are drawn with the shares of the report's float32 Gamma inputs (eight
 * regions; the first argument folds them into fewer), 20 000 repetitions per round, five rounds. -Du=true:
 * the second operand uniform (a broadcast rate), which gather fills instead of compressing. Package-private
 * access, so compiled rather than run by the source launcher:
 *   source scripts/jdk.sh
 *   javac --add-modules jdk.incubator.vector -cp kernels-simd/target/classes:java-api/target/classes -d /tmp/gt \
 *         kernels-simd/tools/GroupingTime.java
 *   java [-Du=true] --add-modules jdk.incubator.vector -cp /tmp/gt:kernels-simd/target/classes:java-api/target/classes \
 *        dev.irg.simd.GroupingTime 8
 * Measured 2026-11-29 (8 regions): count 0.36, gather 1.75-1.94 (uniform rate: 1.20-1.26), scatter 0.70-0.83 ns.
 */
public class GroupingTime {
    public static void main(String[] a) {
        boolean uniform = Boolean.getBoolean("u");
        int block = 4096;
        int nr = 8;
        int occupied = a.length > 0 ? Integer.parseInt(a[0]) : nr;
        FloatGrouping g = new FloatGrouping(nr, block);
        int cap = FloatGrouping.capacity(block, nr);
        float[] codes = new float[block];
        float[] p0 = new float[block];
        float[] p1 = new float[block];
        float[] x = new float[block];
        float[] g0 = new float[cap];
        float[] g1 = new float[cap];
        float[] gx = new float[cap];
        float[] out = new float[block];
        SplittableRandom r = new SplittableRandom(1);
        double[] share = {0.02, 0.21, 0.07, 0.40, 0.06, 0.03, 0.07, 0.17}; // WIDEN, series, fraction, Temme, ...
        for (int i = 0; i < block; i++) {
            double u = r.nextDouble();
            int c = 0;
            double acc = share[0];
            while (u > acc && c < nr - 1) {
                acc += share[++c];
            }
            codes[i] = c % occupied;
            p0[i] = i;
            p1[i] = 1;
            x[i] = i;
        }
        var tm = java.lang.management.ManagementFactory.getThreadMXBean();
        int iters = 20000;
        for (int round = 0; round < 5; round++) {
            long t0 = tm.getCurrentThreadCpuTime();
            for (int it = 0; it < iters; it++) {
                g.count(codes, nr, block);
            }
            long t1 = tm.getCurrentThreadCpuTime();
            for (int it = 0; it < iters; it++) {
                g.count(codes, nr, block);
                g.gather(codes, nr, -1, block, p0, p1, x, g0, g1, gx, false, uniform);
            }
            long t2 = tm.getCurrentThreadCpuTime();
            for (int it = 0; it < iters; it++) {
                g.count(codes, nr, block);
                g.gather(codes, nr, -1, block, p0, p1, x, g0, g1, gx, false, uniform);
                g.scatter(codes, nr, block, g0, out);
            }
            long t3 = tm.getCurrentThreadCpuTime();
            double per = 1.0 / iters / block;
            System.out.printf("regions %d%s: count %.2f, gather %.2f, scatter %.2f ns per element%n", occupied,
                    uniform ? " (uniform rate)" : "", (t1 - t0) * per, (t2 - t1 - (t1 - t0)) * per, (t3 - t2 - (t2 - t1)) * per);
        }
    }
}
