package dev.irg.examples;

/**
 * Adam (Kingma and Ba 2015) for gradient ASCENT on a list of parameter arrays, with the paper's
 * defaults beta1 = 0.9, beta2 = 0.999, eps = 1e-8 unless beta2 is given.
 */
final class Adam {
    static final double BETA1 = 0.9;
    static final double BETA2_DEFAULT = 0.999;
    static final double EPS = 1e-8;

    private final double lr;
    private final double beta2;
    private final double[][] m;
    private final double[][] v;
    private int t;

    Adam(double lr, double[]... params) {
        this(lr, BETA2_DEFAULT, params);
    }

    /** With a second-moment decay beta2 (a shorter memory adapts faster when gradients shrink by decades). */
    Adam(double lr, double beta2, double[]... params) {
        this.lr = lr;
        this.beta2 = beta2;
        m = new double[params.length][];
        v = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            m[i] = new double[params[i].length];
            v[i] = new double[params[i].length];
        }
    }

    /** One ascent step: params[i] += lr * mhat / (sqrt(vhat) + eps); non-finite gradient entries are skipped. */
    void step(double[][] params, double[][] grads) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < params.length; i++) {
            double[] p = params[i], g = grads[i], mi = m[i], vi = v[i];
            for (int j = 0; j < p.length; j++) {
                if (!Double.isFinite(g[j])) {
                    continue;
                }
                mi[j] = BETA1 * mi[j] + (1 - BETA1) * g[j];
                vi[j] = beta2 * vi[j] + (1 - beta2) * g[j] * g[j];
                p[j] += lr * (mi[j] / c1) / (Math.sqrt(vi[j] / c2) + EPS);
            }
        }
    }
}
