package dev.irg.sampling;

import static dev.irg.sampling.SamplingConstants.SUBSTREAM_MAIN;

import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.IncompleteBeta;
import dev.irg.math.Reference;
import dev.irg.spi.SamplerKernels;

/**
 * The scalar sampling kernels: every element in float64 (float32 parameters widened, results
 * rounded once on store). Gradients of an rsample are the reference gradient functions evaluated at
 * the sample exactly as returned (after rounding to float for float32), so an rsample equals a
 * sample followed by the gradient kernels, in one pass.
 */
public final class ScalarSamplers implements SamplerKernels {
    /** The one instance (stateless). */
    public static final ScalarSamplers INSTANCE = new ScalarSamplers();

    private static final Reference.Fn GAMMA_GRAD_ALPHA = Reference.of(Op.GAMMA_GRAD_ALPHA);
    private static final Reference.Fn GAMMA_GRAD_RATE = Reference.of(Op.GAMMA_GRAD_RATE);
    private static final Reference.Fn VONMISES_GRAD_KAPPA = Reference.of(Op.VONMISES_GRAD_KAPPA);

    private ScalarSamplers() {
    }

    @Override
    public boolean supports(Kind kind, boolean withGrad, dev.irg.Precision precision) {
        return true;
    }

    @Override
    public void sample(Request r) {
        switch (r.kind()) {
            case GAMMA -> gamma(r);
            case GAMMA_LOG -> gammaLog(r);
            case BETA -> beta(r);
            case VONMISES -> vonMises(r);
            case DIRICHLET -> dirichlet(r);
        }
    }

    private static boolean validRate(double rate) {
        return rate > 0 && rate < Double.POSITIVE_INFINITY;
    }

    private static void gamma(Request r) {
        int[] w = new int[4];
        Vec p0 = r.p0(), p1 = r.p1(), out = r.out(), g0 = r.grad0(), g1 = r.grad1();
        for (long i = 0; i < r.n(); i++) {
            double a = p0.get(i), rate = p1.get(i);
            double z = validRate(rate) ? GammaSampler.sample(r.seed(), r.first() + i, SUBSTREAM_MAIN, a, w) / rate : Double.NaN;
            out.set(i, z);
            if (g0 != null || g1 != null) {
                double zr = out.get(i);
                if (g0 != null) {
                    g0.set(i, GAMMA_GRAD_ALPHA.apply(a, rate, zr));
                }
                if (g1 != null) {
                    g1.set(i, GAMMA_GRAD_RATE.apply(a, rate, zr));
                }
            }
        }
    }

    private static void gammaLog(Request r) {
        int[] w = new int[4];
        Vec p0 = r.p0(), p1 = r.p1(), out = r.out(), g0 = r.grad0(), g1 = r.grad1();
        for (long i = 0; i < r.n(); i++) {
            double a = p0.get(i), rate = p1.get(i);
            boolean ok = validRate(rate) && GammaSampler.classify(a) != GammaSampler.Region.INVALID;
            double logRate = SamplerMath.log(rate);
            double lz = ok ? GammaSampler.logSample(r.seed(), r.first() + i, SUBSTREAM_MAIN, a, w) - logRate : Double.NaN;
            out.set(i, lz);
            if (g0 != null) {
                g0.set(i, ok ? GammaGradients.dLogXdAlpha(a, out.get(i) + logRate) : Double.NaN);
            }
            if (g1 != null) {
                g1.set(i, ok ? -1 / rate : Double.NaN);
            }
        }
    }

    private static void beta(Request r) {
        int[] w = new int[4];
        double[] grads = new double[IncompleteBeta.OUT_LENGTH];
        Vec p0 = r.p0(), p1 = r.p1(), out = r.out(), g0 = r.grad0(), g1 = r.grad1();
        for (long i = 0; i < r.n(); i++) {
            double a = p0.get(i), b = p1.get(i);
            out.set(i, BetaSampler.sample(r.seed(), r.first() + i, a, b, w));
            if (g0 != null || g1 != null) {
                // both gradients from one evaluation (IncompleteBeta.evaluate gives every output at once)
                IncompleteBeta.evaluate(a, b, out.get(i), grads);
                if (g0 != null) {
                    g0.set(i, grads[IncompleteBeta.OUT_GRAD_A]);
                }
                if (g1 != null) {
                    g1.set(i, grads[IncompleteBeta.OUT_GRAD_B]);
                }
            }
        }
    }

    private static void vonMises(Request r) {
        int[] w = new int[4];
        Vec p0 = r.p0(), p1 = r.p1(), out = r.out(), g0 = r.grad0();
        for (long i = 0; i < r.n(); i++) {
            double kappa = p0.get(i), loc = p1.get(i);
            double z = Double.isFinite(loc) ? loc + VonMisesSampler.sample(r.seed(), r.first() + i, kappa, w) : Double.NaN;
            out.set(i, z);
            if (g0 != null) {
                g0.set(i, VONMISES_GRAD_KAPPA.apply(kappa, loc, out.get(i)));
            }
        }
    }

    private static void dirichlet(Request r) {
        int k = r.k();
        int[] w = new int[4];
        double[] alpha = new double[k], logG = new double[k], z = new double[k], diag = new double[k], h = new double[k];
        Vec p0 = r.p0(), out = r.out(), g0 = r.grad0(), g1 = r.grad1();
        boolean shared = r.p0IsSharedRow() || p0.isScalar();
        if (shared) {
            for (int j = 0; j < k; j++) {
                alpha[j] = p0.get(j);
            }
        }
        for (long row = 0; row < r.n(); row++) {
            long base = row * k;
            if (!shared) {
                for (int j = 0; j < k; j++) {
                    alpha[j] = p0.get(base + j);
                }
            }
            DirichletSampler.sampleRow(r.seed(), r.first() + row, k, alpha, logG, z, w);
            for (int j = 0; j < k; j++) {
                out.set(base + j, z[j]);
            }
            if (g0 != null || g1 != null) {
                DirichletSampler.gradients(alpha, logG, z, k, diag, h);
                for (int j = 0; j < k; j++) {
                    if (g1 != null) {
                        g1.set(base + j, h[j]);
                    }
                    if (g0 != null) {
                        g0.set(base + j, diag[j]);
                    }
                }
            }
        }
    }
}
