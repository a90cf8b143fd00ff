package dev.irg.simd;

/**
 * Per-thread working arrays of the SIMD samplers for one block of elements (components for
 * Dirichlet). Sized for {@code capacity} elements plus one vector of padding; {@link #ensure} grows
 * them (only a Dirichlet row longer than {@link SimdKernels#BLOCK} needs more than a block).
 */
final class SamplerScratch {
    private final int pad;
    int capacity;
    // operands and results of a block
    double[] p0;
    double[] p1;
    double[] out;
    double[] g0;
    double[] g1;
    double[] t0;
    double[] t1;
    float[] f;
    // float32 operands of the fused rsample's gradient
    float[] fp0;
    float[] fp1;
    float[] fx;
    float[] fout;
    float[] fout2;  // a pair's second output (the Beta gradients)
    // the Gamma/von Mises rounds
    double[] code; // region codes of the Gamma and von Mises samplers (their classify)
    double[] d;
    double[] c;
    double[] x;
    int[] pend;
    int[] aux;
    long[] pe;
    double[] uA;
    double[] uB;
    double[] uC;
    // intermediate values of the vector sampler steps
    double[] w0;
    double[] w1;
    // the von Mises attempts of a round on compact arrays (SimdVonMisesSampler.attempts)
    double[] vk;
    double[] vs;
    double[] vsh;
    double[] vch;
    double[] vratio;
    double[] vtheta;
    double[] vaccept;
    // the log-space Gamma gradient (SimdSamplers.dLogXdAlpha): x = e^log x, rate 1, dx/dalpha
    double[] lx;
    double[] ones;
    double[] dx;
    // element numbers 0, 1, ... as doubles (gathered through an index list in SimdGammaSampler.attempt)
    double[] index;
    // the Gamma attempt's list of lanes the squeeze did not accept: element, 1 where 1 + c x > 0
    double[] mtElement;
    double[] mtOpen;
    // the current request is float32 with float-valued parameters (SimdSamplers.gradient)
    boolean paramsFloat;

    SamplerScratch(int capacity, int lanes) {
        this.pad = lanes;
        allocate(capacity);
    }

    /** Makes every array hold at least {@code n} elements plus padding. */
    void ensure(int n) {
        if (n > capacity) {
            allocate(Math.max(n, 2 * capacity));
        }
    }

    private void allocate(int cap) {
        capacity = cap;
        int m = cap + pad;
        p0 = new double[m];
        p1 = new double[m];
        out = new double[m];
        g0 = new double[m];
        g1 = new double[m];
        t0 = new double[m];
        t1 = new double[m];
        f = new float[m];
        fp0 = new float[m];
        fp1 = new float[m];
        fx = new float[m];
        fout = new float[m];
        fout2 = new float[m];
        code = new double[m];
        d = new double[m];
        c = new double[m];
        x = new double[m];
        pend = new int[m];
        aux = new int[m];
        pe = new long[m];
        uA = new double[m];
        uB = new double[m];
        uC = new double[m];
        w0 = new double[m];
        w1 = new double[m];
        vk = new double[m];
        vs = new double[m];
        vsh = new double[m];
        vch = new double[m];
        vratio = new double[m];
        vtheta = new double[m];
        vaccept = new double[m];
        lx = new double[m];
        ones = new double[m];
        java.util.Arrays.fill(ones, 1.0);
        dx = new double[m];
        mtElement = new double[m];
        mtOpen = new double[m];
        index = new double[m];
        for (int i = 0; i < m; i++) {
            index[i] = i;
        }
    }
}
