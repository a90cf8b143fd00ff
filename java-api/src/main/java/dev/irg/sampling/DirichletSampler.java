package dev.irg.sampling;

import static dev.irg.sampling.SamplingConstants.SUBSTREAM_MAIN;

/**
 * Dirichlet(alpha_1..alpha_K) rows as normalised Gammas {@code z_j = g_j / S}, {@code S = sum g_j},
 * computed from {@code log g_j} ({@link GammaSampler#logSample}) with a log-sum-exp, so rows of tiny
 * concentrations, whose Gammas all underflow, still sum to one. Component {@code j} of row {@code r}
 * is element {@code r K + j} of the call (substream 0), so a Dirichlet row uses the same counters as
 * the K Gamma samples at those element indices.
 */
public final class DirichletSampler {
    private DirichletSampler() {
    }

    /**
     * Samples row {@code row}: writes {@code log g_j} into {@code logG[0..k-1]} and {@code z_j} into
     * {@code z[0..k-1]}. A row with an invalid alpha is NaN in every component.
     *
     * @param alpha the K concentrations of this row
     */
    public static void sampleRow(long seed, long row, int k, double[] alpha, double[] logG, double[] z, int[] w) {
        long base = row * k;
        for (int j = 0; j < k; j++) {
            logG[j] = GammaSampler.logSample(seed, base + j, SUBSTREAM_MAIN, alpha[j], w);
        }
        normalize(logG, z, k);
    }

    /**
     * {@code z_j = exp(logG_j - max) / sum_i exp(logG_i - max)} for {@code j < k}; a whole NaN row
     * when any {@code logG_j} is NaN or all are {@code -inf}.
     */
    public static void normalize(double[] logG, double[] z, int k) {
        double max = Double.NEGATIVE_INFINITY;
        boolean bad = false;
        for (int j = 0; j < k; j++) {
            bad |= Double.isNaN(logG[j]);
            max = Math.max(max, logG[j]);
        }
        if (bad || max == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(z, 0, k, Double.NaN);
            return;
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double e = SamplerMath.exp(logG[j] - max); // SamplerMath: the CUDA port gives the same bits
            z[j] = e;
            sum += e;
        }
        for (int j = 0; j < k; j++) {
            z[j] /= sum;
        }
    }

    /**
     * The rsample gradients of a row: {@code h_j = (dg_j/dalpha_j)/S = z_j d(log g_j)/dalpha_j}
     * (finite even where g_j underflows) and {@code diag_j = dz_j/dalpha_j = (1 - z_j) h_j}; 0 where z_j itself
     * underflowed to 0 (alpha_j below ~1e-290: there d log g_j/dalpha_j may overflow, and the true product,
     * which can still be a subnormal, is below the double range or at its bottom), and diag_j = 0 where 1 - z_j
     * is 0 (every other component underflowed); h_j may then be +infinity (d log g_j/dalpha_j overflowed).
     */
    public static void gradients(double[] alpha, double[] logG, double[] z, int k, double[] diag, double[] h) {
        for (int j = 0; j < k; j++) {
            h[j] = GammaGradients.dLogXdAlpha(alpha[j], logG[j]); // d log g_j/dalpha_j, turned into h_j below
        }
        gradientsFromDLogG(h, z, k, diag, h);
    }

    /**
     * As {@link #gradients}, from d log g_j/dalpha_j already computed ({@code dLogG}: the SIMD backend takes
     * them from its vector kernel); {@code dLogG} may be {@code h} itself (each element is read before written).
     */
    public static void gradientsFromDLogG(double[] dLogG, double[] z, int k, double[] diag, double[] h) {
        for (int j = 0; j < k; j++) {
            // z_j = 0 (underflowed, alpha_j tiny): 0, not 0 * (+infinity, d log g/dalpha overflowed) = NaN
            double f = z[j] == 0 ? 0 : z[j] * dLogG[j];
            h[j] = f;
            double rest = oneMinus(z, k, j);
            diag[j] = rest == 0 ? 0 : rest * f; // the others all underflowed: 0, not 0 * infinity
        }
    }

    /**
     * {@code 1 - z[j]} without cancellation: the sum of the other components when {@code z[j] > 1/2}
     * (at most one per row, so a row costs O(K)), else {@code 1 - z[j]}.
     */
    public static double oneMinus(double[] z, int k, int j) {
        if (!(z[j] > 0.5)) {
            return 1 - z[j];
        }
        double s = 0;
        for (int i = 0; i < k; i++) {
            if (i != j) {
                s += z[i];
            }
        }
        return s;
    }
}
