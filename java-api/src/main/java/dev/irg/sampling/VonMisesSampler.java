package dev.irg.sampling;

import static dev.irg.sampling.SamplingConstants.SUBSTREAM_MAIN;
import static dev.irg.sampling.SamplingConstants.VONMISES_FIRST_ATTEMPT_BLOCK;
import static dev.irg.sampling.SamplingConstants.VONMISES_MAX_ATTEMPTS;
import static dev.irg.sampling.SamplingConstants.VONMISES_HUGE_KAPPA;
import static dev.irg.sampling.SamplingConstants.VONMISES_RHO_SPLIT;
import static dev.irg.sampling.SamplingConstants.VONMISES_UNIFORM_BELOW;

/**
 * von Mises(kappa) samples about location 0, in [-pi, pi], by Best & Fisher (1979): a wrapped-Cauchy
 * proposal with rejection. Written without cancellation for large kappa (up to 1e5 and beyond):
 * with {@code s = (1 + rho^2)/(2 rho)} and {@code t = cos(pi u)}, the proposal's cosine
 * {@code f = (1 + s t)/(s + t)} is never formed; {@code 1 - f = (s - 1)(1 - t)/(s + t)} and
 * {@code 1 + f = (s + 1)(1 + t)/(s + t)} are, with {@code s - 1 = (1 - rho)^2/(2 rho)},
 * {@code 1 - t = 2 sin^2(pi u/2)}, {@code 1 + t = 2 cos^2(pi u/2)}, and the angle is
 * {@code 2 atan2(sqrt(1 - f), sqrt(1 + f))}.
 *
 * <p>Counters: attempt {@code k} uses block {@code VONMISES_FIRST_ATTEMPT_BLOCK + k} of substream 0:
 * {@code u = u52(w0, w1)} for the proposal, {@code u32(w2)} for acceptance, the sign from the top
 * bit of {@code w3}. Uniform (kappa below {@link SamplingConstants#VONMISES_UNIFORM_BELOW}): {@code
 * pi (2 u52(w0, w1) - 1)} of block 0. After {@link SamplingConstants#VONMISES_MAX_ATTEMPTS}
 * rejections (probability below 1e-29: the acceptance rate is at least 0.657) the last proposal is taken.
 */
public final class VonMisesSampler {
    private VonMisesSampler() {
    }

    /** Which method samples a concentration. */
    public enum Region {
        /** kappa NaN, negative or infinite: NaN. */
        INVALID,
        /** kappa below {@link SamplingConstants#VONMISES_UNIFORM_BELOW} (0 included): uniform on [-pi, pi]. */
        UNIFORM,
        /** Best-Fisher rejection from a wrapped Cauchy. */
        BEST_FISHER
    }

    public static Region classify(double kappa) {
        if (!(kappa >= 0) || kappa == Double.POSITIVE_INFINITY) {
            return Region.INVALID;
        }
        return kappa < VONMISES_UNIFORM_BELOW ? Region.UNIFORM : Region.BEST_FISHER;
    }

    /** The sample of element {@code i} (about location 0, in [-pi, pi]); NaN for an invalid kappa. */
    public static double sample(long seed, long i, double kappa, int[] w) {
        return switch (classify(kappa)) {
            case INVALID -> Double.NaN;
            case UNIFORM -> {
                Philox.elementBlock(seed, i, SUBSTREAM_MAIN, VONMISES_FIRST_ATTEMPT_BLOCK, w);
                yield uniform(Philox.u52(w[0], w[1]));
            }
            case BEST_FISHER -> bestFisher(seed, i, kappa, w, VONMISES_MAX_ATTEMPTS);
        };
    }

    /** Best-Fisher with a given attempt cap (tests exercise the fallback with a small one). */
    static double bestFisher(long seed, long i, double kappa, int[] w, int maxAttempts) {
        double sm1 = envelopeSMinus1(kappa);
        double[] theta = new double[1];
        int sign = 0;
        for (int k = 0; k < maxAttempts; k++) {
            Philox.elementBlock(seed, i, SUBSTREAM_MAIN, VONMISES_FIRST_ATTEMPT_BLOCK + k, w);
            sign = w[3];
            if (attempt(kappa, sm1, Philox.u52(w[0], w[1]), Philox.u32(w[2]), theta, 0)) {
                break;
            }
        }
        return sign < 0 ? -theta[0] : theta[0];
    }

    /*
     * The steps below are shared with the SIMD backend (which generates the Philox words in vectors
     * and calls them per lane), so both evaluate the same operations in the same order.
     */

    /**
     * {@code s - 1 = (1 - rho)^2/(2 rho)} of the wrapped-Cauchy envelope for {@code kappa > 0}, with
     * rho = (tau - sqrt(2 tau)) / (2 kappa) written without cancellation for small kappa and 1 - rho
     * without cancellation for large kappa.
     */
    public static double envelopeSMinus1(double kappa) {
        if (kappa > VONMISES_HUGE_KAPPA) {
            double e = 1 / Math.sqrt(kappa);
            return e * e / (2 * (1 + e));
        }
        double root = SamplerMath.hypot1(2 * kappa);     // sqrt(1 + 4 kappa^2)
        double tau = 1 + root;
        double sq = Math.sqrt(2 * tau);
        double rho = 2 * kappa * tau / ((root + 1) * (tau + sq));
        double oneMinusRho = rho < VONMISES_RHO_SPLIT
                ? 1 - rho
                : (sq - 1 - 1 / (2 * kappa + root)) / (2 * kappa);
        return oneMinusRho * oneMinusRho / (2 * rho);
    }

    /**
     * One Best-Fisher attempt: writes the proposal's angle in [0, pi] into {@code theta[at]} and
     * returns whether it is accepted. {@code u} is the proposal uniform u52(w0, w1), {@code u2} the
     * acceptance uniform u32(w2); the sign (top bit of w3) is applied by the caller.
     */
    public static boolean attempt(double kappa, double sm1, double u, double u2, double[] theta, int at) {
        double sp1 = sm1 + 2;                                // s + 1
        double sh = SamplerMath.sinHalfPi(u);                // sin(pi u / 2)
        double ch = SamplerMath.cosHalfPi(u);                // cos(pi u / 2)
        double oneMinusT = 2 * sh * sh;
        double onePlusT = 2 * ch * ch;
        double sPlusT = sm1 + onePlusT;
        double oneMinusF = sm1 * oneMinusT / sPlusT;
        double onePlusF = sp1 * onePlusT / sPlusT;
        theta[at] = 2 * SamplerMath.atan2Positive(Math.sqrt(oneMinusF), Math.sqrt(onePlusF));
        double c = kappa * (sm1 + oneMinusF);                // kappa (s - f)
        return c * (2 - c) - u2 > 0 || SamplerMath.log(c / u2) + 1 - c >= 0;
    }

    /** The uniform sample of {@code kappa} below {@link SamplingConstants#VONMISES_UNIFORM_BELOW}: pi (2 u - 1). */
    public static double uniform(double u) {
        return Math.PI * (2 * u - 1);
    }
}
