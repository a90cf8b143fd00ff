package dev.irg.examples;

import java.util.Locale;

/**
 * How far two poisson-mf fits of the same data, seed and step count are apart (CPU engine against GPU
 * engine): the ELBO of the first step (same parameters, same samples: only rounding differs), the
 * largest difference of the ELBO per training entry over all steps, the final held-out log-likelihood,
 * and the final parameters.
 *
 * @param firstRel     relative difference of the first step's ELBO
 * @param maxAbs       max over steps of |ELBO_a - ELBO_b| per training entry
 * @param lastA        last step's ELBO per entry of a
 * @param lastB        last step's ELBO per entry of b
 * @param heldOutAbs   |held-out log-likelihood per entry of a - of b| after the last step
 * @param paramsMaxRel max relative difference of the final unconstrained parameters
 */
record CurveDiff(double firstRel, double maxAbs, double lastA, double lastB, double heldOutAbs, double paramsMaxRel) {
    /**
     * The largest ELBO difference per entry accepted as "the same curve within float tolerance": the two
     * engines differ by rounding (summation order, an ulp in exp/log/lgamma), which Adam's trajectory
     * carries along: measured 4e-15 with the host-compiled kernels over 300 steps (docs/examples.md), while one
     * step's Monte Carlo noise of the ELBO estimate is about 1e-3.
     */
    static final double TOLERANCE = 1e-8;

    static CurveDiff of(PoissonMF.Fit a, PoissonMF.Fit b) {
        int n = Math.min(a.elbo().size(), b.elbo().size());
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(a.elbo().get(i)[1] - b.elbo().get(i)[1]));
            if (Double.isNaN(a.elbo().get(i)[1]) != Double.isNaN(b.elbo().get(i)[1])) {
                max = Double.POSITIVE_INFINITY;
            }
        }
        double fa = a.elbo().get(0)[1], fb = b.elbo().get(0)[1];
        double[] ha = a.heldOut().get(a.heldOut().size() - 1), hb = b.heldOut().get(b.heldOut().size() - 1);
        double pmax = 0;
        double[][] pa = a.params().all(), pb = b.params().all();
        for (int i = 0; i < pa.length; i++) {
            for (int j = 0; j < pa[i].length; j++) {
                double d = Math.abs(pa[i][j] - pb[i][j]) / Math.max(Math.abs(pa[i][j]), 1e-300);
                pmax = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(pmax, d);
            }
        }
        return new CurveDiff(Math.abs(fa - fb) / Math.abs(fa), max, a.elbo().get(n - 1)[1], b.elbo().get(n - 1)[1],
                Math.abs(ha[1] - hb[1]), pmax);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "first ELBO rel diff %.3g, max |ELBO diff| per entry %.3g (last %.6f vs %.6f), "
                + "final held-out diff %.3g, final params max rel diff %.3g", firstRel, maxAbs, lastA, lastB, heldOutAbs, paramsMaxRel);
    }
}
