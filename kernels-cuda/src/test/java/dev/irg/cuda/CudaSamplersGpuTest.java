package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.sampling.ScalarSamplers;
import dev.irg.spi.SamplerKernels.Kind;
import dev.irg.spi.SamplerKernels.Request;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The irg_sample_* kernels on a real GPU against the scalar samplers: every kind, both precisions,
 * sizes 0, 1, 33 and 1e6+3, per-element and broadcast parameters, every output written. CUDA's
 * log/cos/atan2/pow and nvcc's fused multiply-adds differ from java.lang.Math by ulps, so samples are
 * compared within 1e-12 relative (float32: one float rounding), allowing a rejection decision to flip
 * for at most 1e-5 of the elements (expected about 1e-15 per element); the bit-identical fraction is
 * printed. Gradients within 1e-10 relative of the scalar rsample where the samples agree. Skips with
 * a printed reason when there is no device.
 */
@Tag("gpu")
class CudaSamplersGpuTest {
    private static final long[] SIZES = {0, 1, 33, 1_000_003};
    private static final double SAMPLE_REL_F64 = 1e-12;
    private static final double REL_F32 = 0x1p-23;
    private static final double GRAD_REL_F64 = 1e-10;
    private static final double MAX_FLIPS = 1e-5;

    static CudaSamplers samplers;

    @BeforeAll
    static void device() {
        if (!CudaDevice.isAvailable()) {
            String why = "SKIPPED (gpu): " + CudaDevice.status();
            System.out.println(why);
            Assumptions.abort(why);
        }
        samplers = new CudaSamplers(CudaDevice.get());
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

    private static Vec out(Precision pr, int n) {
        Vec v = pr == Precision.F64 ? Vec.of(new double[n]) : Vec.of(new float[n]);
        for (int i = 0; i < n; i++) {
            v.set(i, -777); // sentinel: every element must be written
        }
        return v;
    }

    private static double rel(double e, double a) {
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.isNaN(e) == Double.isNaN(a) ? 0 : Double.POSITIVE_INFINITY;
        }
        return e == a ? 0 : Math.abs(a - e) / Math.max(Math.abs(e), Double.MIN_NORMAL);
    }

    @Test
    void elementwiseKindsMatchTheScalarSamplers() {
        Random r = new Random(3);
        for (Kind kind : new Kind[] {Kind.GAMMA, Kind.GAMMA_LOG, Kind.BETA, Kind.VONMISES}) {
            for (Precision pr : Precision.values()) {
                for (long size : SIZES) {
                    for (boolean broadcast : new boolean[] {false, true}) {
                        int n = (int) size;
                        double[] a = new double[n];
                        double[] b = new double[n];
                        for (int i = 0; i < n; i++) {
                            a[i] = kind == Kind.VONMISES ? Math.exp(r.nextDouble() * 20 - 9) : Math.exp(r.nextDouble() * 18.4 - 9.2);
                            b[i] = kind == Kind.VONMISES ? r.nextDouble() * 6 - 3 : Math.exp(r.nextDouble() * 9.2 - 4.6);
                            if (i % 101 == 3) {
                                a[i] = Double.NaN;
                            }
                        }
                        Vec p0 = broadcast ? Vec.scalar(0.7) : vec(a, pr);
                        Vec p1 = broadcast ? Vec.scalar(kind == Kind.VONMISES ? 0.2 : 1.5) : vec(b, pr);
                        Vec[] ref = {out(pr, n), out(pr, n), kind == Kind.VONMISES ? null : out(pr, n)};
                        Vec[] got = {out(pr, n), out(pr, n), kind == Kind.VONMISES ? null : out(pr, n)};
                        long first = 1L << 32;
                        ScalarSamplers.INSTANCE.sample(new Request(kind, pr, 99, first, 1, p0, p1, ref[0], ref[1], ref[2], n));
                        samplers.sample(new Request(kind, pr, 99, first, 1, p0, p1, got[0], got[1], got[2], n));
                        compare(kind + " " + pr + " n=" + n + (broadcast ? " broadcast" : ""), pr, ref, got, n);
                    }
                }
            }
        }
    }

    private static void compare(String what, Precision pr, Vec[] ref, Vec[] got, long n) {
        double sampleRel = pr == Precision.F64 ? SAMPLE_REL_F64 : REL_F32;
        double gradRel = pr == Precision.F64 ? GRAD_REL_F64 : 2 * REL_F32;
        long identical = 0;
        long flips = 0;
        for (long i = 0; i < n; i++) {
            double e = ref[0].get(i);
            double a = got[0].get(i);
            assertTrue(a != -777 || e == -777, what + ": element " + i + " not written");
            identical += Double.doubleToLongBits(e) == Double.doubleToLongBits(a) ? 1 : 0;
            if (rel(e, a) > sampleRel) {
                flips++;
                continue;
            }
            for (int g = 1; g < 3; g++) {
                if (ref[g] != null) {
                    double d = rel(ref[g].get(i), got[g].get(i));
                    assertTrue(d <= gradRel, what + ": gradient " + g + " element " + i + " " + ref[g].get(i) + " vs " + got[g].get(i));
                }
            }
        }
        assertTrue(flips <= MAX_FLIPS * n, what + ": " + flips + " samples differ beyond " + sampleRel);
        if (n > 1000) {
            System.out.printf(Locale.ROOT, "irg-cuda gpu sampling: %s: %d of %d bit-identical, %d differ beyond %.0e%n",
                    what, identical, n, flips, sampleRel);
        }
    }

    @Test
    void dirichletMatchesTheScalarSampler() {
        Random r = new Random(5);
        int k = 3;
        for (Precision pr : Precision.values()) {
            for (int rows : new int[] {0, 1, 333_335}) {
                double[] row = {0.3, 1.0, 25};
                double[] per = new double[rows * k];
                for (int i = 0; i < per.length; i++) {
                    per[i] = Math.exp(r.nextDouble() * 10 - 5);
                }
                for (Vec alpha : new Vec[] {vec(per, pr), rows == 1 ? Vec.scalar(0.5) : vec(row, pr), Vec.scalar(0.05)}) {
                    Vec[] ref = {out(pr, rows * k), out(pr, rows * k), out(pr, rows * k)};
                    Vec[] got = {out(pr, rows * k), out(pr, rows * k), out(pr, rows * k)};
                    ScalarSamplers.INSTANCE.sample(new Request(Kind.DIRICHLET, pr, 17, 5, k, alpha, null, ref[0], ref[1], ref[2], rows));
                    samplers.sample(new Request(Kind.DIRICHLET, pr, 17, 5, k, alpha, null, got[0], got[1], got[2], rows));
                    compare("DIRICHLET k=3 " + pr + " rows=" + rows + " alpha " + (alpha.isScalar() ? "scalar" : alpha.length()),
                            pr, ref, got, (long) rows * k);
                }
            }
        }
    }
}
