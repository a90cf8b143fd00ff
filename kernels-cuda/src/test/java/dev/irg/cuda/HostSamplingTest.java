package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.sampling.Philox;
import dev.irg.sampling.ScalarSamplers;
import dev.irg.spi.SamplerKernels.Kind;
import dev.irg.spi.SamplerKernels.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The CUDA sampling math (irg_sampling.cuh) compiled for the host with g++ (irg_host_sample.cpp,
 * the same element functions as the irg_sample_* kernels) against the Java scalar samplers for
 * fixed seeds: Philox words identical, and every sample of every kind bit-identical (the samplers'
 * elementary functions are SamplerMath's, ported operation for operation; before SamplerMath the host build
 * called glibc's log, cos, atan2, ... and a few samples per thousand differed by an ulp); a failure reports
 * the first sample that is not within {@link #SAMPLE_REL} (1e-12 relative; float32: one float rounding)
 * before the count of bit-identical ones (printed).
 * Gradients within the CUDA gradient port's bound against the Java reference (HostMathTest: 1e-12
 * relative in float64, one float rounding in float32).
 */
class HostSamplingTest {
    private static final long SEED = 0x5DEECE66DL;
    /** Counter elements start just below 2^32, so the hi32 word of the element changes inside the batch. */
    private static final long FIRST = (1L << 32) - 1000;
    private static final int N = 4000;
    private static final double GRAD_REL_F64 = 1e-12;
    private static final double GRAD_REL_F32 = 0x1p-23;
    /**
     * A float64 sample that is not bit-identical: an elementary function differed by an ulp; the
     * largest amplification is in a Dirichlet component exp(log g_j - max), about |log g_j - max| ulps.
     */
    private static final double SAMPLE_REL = 1e-12;

    private static Path program;

    static synchronized Path program() throws Exception {
        if (program == null) {
            Path cxx = Toolchain.require(Toolchain.cxx(), "no C++ compiler (g++, c++ or clang++; or set CXX): cannot compile the sampling math for the host");
            Path dir = Files.createDirectories(Toolchain.target().resolve("host"));
            Path exe = dir.resolve("irg_host_sample");
            Path src = Toolchain.moduleDir().resolve("src/test/cpp/irg_host_sample.cpp");
            Toolchain.run(List.of(cxx.toString(), "-std=c++17", "-O2", "-Wall", "-Wextra", "-Werror",
                    "-I" + Toolchain.cudaSources(), src.toString(), "-o", exe.toString()), dir, null, 300);
            program = exe;
        }
        return program;
    }

    private static String[] run(String input) throws Exception {
        return Toolchain.run(List.of(program().toString()), Toolchain.target(), input, 600).split("\n");
    }

    private static String hex(double v) {
        return Double.isFinite(v) ? Double.toHexString(v) : Double.toString(v);
    }

    @Test
    void philoxWordsAreJavas() throws Exception {
        StringBuilder in = new StringBuilder();
        List<long[]> rows = new ArrayList<>();
        Random r = new Random(1);
        for (int i = 0; i < 500; i++) {
            long seed = i < 3 ? new long[] {0, -1, Long.MIN_VALUE}[i] : r.nextLong();
            long e = i % 2 == 0 ? r.nextLong() : FIRST + i;
            int sub = i % 2;
            int block = i % 64;
            rows.add(new long[] {seed, e, sub, block});
            in.append(String.format(Locale.ROOT, "PHILOX %d %d %d %d%n", seed, e, sub, block));
        }
        String[] out = run(in.toString());
        int[] w = new int[4];
        for (int i = 0; i < rows.size(); i++) {
            long[] q = rows.get(i);
            Philox.elementBlock(q[0], q[1], (int) q[2], (int) q[3], w);
            String expect = String.format(Locale.ROOT, "%d %d %d %d", w[0] & 0xFFFF_FFFFL, w[1] & 0xFFFF_FFFFL,
                    w[2] & 0xFFFF_FFFFL, w[3] & 0xFFFF_FFFFL);
            assertEquals(expect, out[i].trim(), "row " + i);
        }
    }

    private static double[] params(Kind kind, int which, Random r) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            if (kind == Kind.VONMISES) {
                v[i] = which == 0 ? (i % 17 == 0 ? 0 : Math.exp(r.nextDouble() * 20 - 9)) : r.nextDouble() * 6 - 3;
                if (which == 0 && i % 29 == 5) {
                    // huge kappa: the envelope's limit form (SamplingConstants.VONMISES_HUGE_KAPPA) and its neighbourhood
                    v[i] = new double[] {1e150, 0x1p500, Math.nextUp(0x1p500), 1e200, 1e300, Double.MAX_VALUE}[(i / 29) % 6];
                }
            } else if (which == 0 || kind == Kind.BETA) {
                v[i] = i % 13 == 0 ? 1.0 : Math.exp(r.nextDouble() * 18.4 - 9.2); // 1e-4 .. 1e4 and alpha = 1
            } else {
                v[i] = Math.exp(r.nextDouble() * 9.2 - 4.6);
            }
            if (i % 101 == 3) {
                v[i] = new double[] {-1, Double.NaN, 0, Double.POSITIVE_INFINITY}[(i / 101) % 4];
            }
            if (kind == Kind.VONMISES && which == 0 && v[i] == 0 && i % 101 == 3) {
                v[i] = -2;
            }
        }
        return v;
    }

    private static Vec vec(double[] v, Precision pr) {
        if (pr == Precision.F64) {
            return Vec.of(v.clone());
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Vec.of(f);
    }

    private static Vec zeros(Precision pr, int n) {
        return pr == Precision.F64 ? Vec.of(new double[n]) : Vec.of(new float[n]);
    }

    private static void assertClose(double expected, double actual, double rel, String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(Double.isNaN(expected), Double.isNaN(actual), what + ": NaN position");
            return;
        }
        if (expected == actual) {
            return;
        }
        double err = Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(err <= rel, what + ": expected " + expected + " got " + actual + " (rel " + err + ")");
    }

    @Test
    void elementwiseSamplersMatchJava() throws Exception {
        Random r = new Random(7);
        for (Kind kind : new Kind[] {Kind.GAMMA, Kind.GAMMA_LOG, Kind.BETA, Kind.VONMISES}) {
            double[] a = params(kind, 0, r);
            double[] b = params(kind, 1, r);
            for (Precision pr : Precision.values()) {
                Vec p0 = vec(a, pr);
                Vec p1 = vec(b, pr);
                Vec z = zeros(pr, N);
                Vec g0 = zeros(pr, N);
                Vec g1 = kind == Kind.VONMISES ? null : zeros(pr, N);
                ScalarSamplers.INSTANCE.sample(new Request(kind, pr, SEED, FIRST, 1, p0, p1, z, g0, g1, N));
                StringBuilder in = new StringBuilder(N * 80);
                String prec = pr.name().toLowerCase(Locale.ROOT);
                for (int i = 0; i < N; i++) {
                    in.append(kind.name()).append(' ').append(prec).append(' ').append(SEED).append(' ').append(FIRST + i)
                            .append(' ').append(hex(p0.get(i))).append(' ').append(hex(p1.get(i))).append('\n');
                }
                String[] out = run(in.toString());
                assertEquals(N, out.length);
                double rel = pr == Precision.F64 ? GRAD_REL_F64 : GRAD_REL_F32;
                int nan = 0;
                int identical = 0;
                for (int i = 0; i < N; i++) {
                    String[] f = out[i].trim().split(" ");
                    String what = kind + " " + pr + " element " + i + " (" + p0.get(i) + ", " + p1.get(i) + ")";
                    double hz = Double.parseDouble(f[0]);
                    identical += Double.doubleToLongBits(z.get(i)) == Double.doubleToLongBits(hz) ? 1 : 0;
                    assertClose(z.get(i), hz, pr == Precision.F64 ? SAMPLE_REL : GRAD_REL_F32, what + " sample");
                    nan += Double.isNaN(hz) ? 1 : 0;
                    assertClose(g0.get(i), Double.parseDouble(f[1]), rel, what + " grad0");
                    if (g1 != null) {
                        assertClose(g1.get(i), Double.parseDouble(f[2]), rel, what + " grad1");
                    }
                }
                assertTrue(nan < N / 10, kind + " " + pr + ": " + nan + " NaN samples");
                // every sampler uses only SamplerMath's elementary functions, ported operation for operation
                assertEquals(N, identical, kind + " " + pr + ": every sample must be bit-identical (SamplerMath)");
                System.out.printf(Locale.ROOT, "irg-cuda host sampling: %s %s: %d of %d samples bit-identical to ScalarSamplers, "
                        + "the rest within %.0e (%d NaN for invalid parameters)%n", kind, pr, identical, N,
                        pr == Precision.F64 ? SAMPLE_REL : GRAD_REL_F32, nan);
            }
        }
    }

    @Test
    void dirichletRowsMatchJava() throws Exception {
        Random r = new Random(11);
        for (int k : new int[] {1, 3, 8}) {
            int rows = 400;
            double[] alpha = new double[rows * k];
            for (int i = 0; i < alpha.length; i++) {
                alpha[i] = i % 53 == 7 ? -1 : Math.exp(r.nextDouble() * 14 - 7);
            }
            for (Precision pr : Precision.values()) {
                Vec p0 = vec(alpha, pr);
                Vec z = zeros(pr, rows * k);
                Vec diag = zeros(pr, rows * k);
                Vec h = zeros(pr, rows * k);
                long firstRow = 123_456_789L;
                ScalarSamplers.INSTANCE.sample(new Request(Kind.DIRICHLET, pr, SEED, firstRow, k, p0, null, z, diag, h, rows));
                StringBuilder in = new StringBuilder();
                for (int row = 0; row < rows; row++) {
                    in.append("DIRICHLET ").append(pr.name().toLowerCase(Locale.ROOT)).append(' ').append(SEED).append(' ')
                            .append(firstRow + row).append(' ').append(k);
                    for (int j = 0; j < k; j++) {
                        in.append(' ').append(hex(p0.get((long) row * k + j)));
                    }
                    in.append('\n');
                }
                String[] out = run(in.toString());
                double rel = pr == Precision.F64 ? GRAD_REL_F64 : GRAD_REL_F32;
                int identical = 0;
                for (int row = 0; row < rows; row++) {
                    String[] f = out[row].trim().split(" ");
                    for (int j = 0; j < k; j++) {
                        long e = (long) row * k + j;
                        String what = "dirichlet k=" + k + " " + pr + " row " + row + " component " + j;
                        double hz = Double.parseDouble(f[j]);
                        identical += Double.doubleToLongBits(z.get(e)) == Double.doubleToLongBits(hz) ? 1 : 0;
                        assertClose(z.get(e), hz, pr == Precision.F64 ? SAMPLE_REL : GRAD_REL_F32, what + " z");
                        assertClose(diag.get(e), Double.parseDouble(f[k + j]), rel, what + " diag");
                        assertClose(h.get(e), Double.parseDouble(f[2 * k + j]), rel, what + " vjp factor");
                    }
                }
                assertEquals(rows * k, identical, "dirichlet k=" + k + " " + pr + ": every component must be bit-identical (SamplerMath)");
                System.out.printf(Locale.ROOT, "irg-cuda host sampling: DIRICHLET k=%d %s: %d of %d components bit-identical%n",
                        k, pr, identical, rows * k);
            }
        }
    }
}
