// Samplers and fused rsample: a port of java-api dev.irg.sampling (Philox, GammaSampler, BetaSampler,
// VonMisesSampler, DirichletSampler, ScalarSamplers), with the same counter layout, algorithms,
// operation order and constants (SamplingConstants, through the generated irg_constants.cuh).
// docs/sampling.md documents the layout; docs/cuda.md the kernels.
//
// Element i of a call draws block j of substream sub from counter (j, sub, lo32(i), hi32(i)) under
// key (lo32(seed), hi32(seed)); the Philox words and uniforms are bit-identical to Java's. The Gamma
// samples, Beta's sigmoid, Dirichlet's normalisation and the von Mises sampler use SamplerMath's functions
// (log, log1p, exp, cos(2 pi u), sin and cos of pi u / 2, atan2 in the first quadrant, sqrt(1 + t^2)),
// ported below in the same operations: bit-identical to Java (checked on the host by HostSamplingTest).
#pragma once
#include "irg_common.cuh"
#include "irg_constants.cuh"
#include "irg_gamma.cuh"
#include "irg_beta.cuh"
#include "irg_vonmises.cuh"

namespace irg {

namespace smp = SamplingConstants;

/** The four output words of one Philox4x32-10 block (Random123 word order). */
struct PhiloxWords {
    uint32_t w0, w1, w2, w3;
};

/** Philox.block: counter (c0, c1, c2, c3), key (k0, k1). */
IRG_HD PhiloxWords philoxBlock(uint32_t c0, uint32_t c1, uint32_t c2, uint32_t c3, uint32_t k0, uint32_t k1) {
    const uint64_t m0 = (uint32_t)smp::PHILOX_M0;
    const uint64_t m1 = (uint32_t)smp::PHILOX_M1;
    for (int r = 0; r < smp::PHILOX_ROUNDS; r++) {
        uint64_t p0 = m0 * c0;
        uint64_t p1 = m1 * c2;
        uint32_t n0 = (uint32_t)(p1 >> 32) ^ c1 ^ k0;
        uint32_t n1 = (uint32_t)p1;
        uint32_t n2 = (uint32_t)(p0 >> 32) ^ c3 ^ k1;
        uint32_t n3 = (uint32_t)p0;
        c0 = n0;
        c1 = n1;
        c2 = n2;
        c3 = n3;
        k0 += (uint32_t)smp::PHILOX_W0;
        k1 += (uint32_t)smp::PHILOX_W1;
    }
    return PhiloxWords{c0, c1, c2, c3};
}

/** Philox.elementBlock: block j of substream sub of element i under seed. */
IRG_HD PhiloxWords philoxElementBlock(long long seed, long long i, int sub, int j) {
    uint64_t s = (uint64_t)seed, e = (uint64_t)i;
    return philoxBlock((uint32_t)j, (uint32_t)sub, (uint32_t)e, (uint32_t)(e >> 32), (uint32_t)s, (uint32_t)(s >> 32));
}

/** Philox.u52: ((((hi << 32) | lo) >>> 12) + 1/2) 2^-52, in (0, 1), exact. */
IRG_HD double philoxU52(uint32_t lo, uint32_t hi) {
    uint64_t bits = ((uint64_t)hi << 32) | lo;
    return ((double)(bits >> 12) + 0.5) * smp::TWO_POW_M52;
}

/** Philox.u32: (w + 1/2) 2^-32, in (0, 1), exact. */
IRG_HD double philoxU32(uint32_t w) { return ((double)w + 0.5) * smp::TWO_POW_M32; }

// ---- SamplerMath: the Gamma sampler's elementary functions in basic arithmetic ----
// The same operations in the same order as java-api dev.irg.sampling.SamplerMath (and the SIMD
// VectorSamplerMath). Every product whose result is added to something is an explicit fma or a mulRn:
// nvcc contracts a plain a * b + c into an fma on the device, which would change the bits.

/** a * b rounded, never contracted into an fma with a following addition. */
IRG_HD double mulRn(double a, double b) {
#if defined(__CUDA_ARCH__)
    return __dmul_rn(a, b);
#else
    return a * b;
#endif
}

/** The IEEE bits of a double. */
IRG_HD uint64_t samplerBits(double x) {
#if defined(__CUDA_ARCH__)
    return (uint64_t)__double_as_longlong(x);
#else
    uint64_t b;
    __builtin_memcpy(&b, &x, sizeof b);
    return b;
#endif
}

/** The double of the given IEEE bits. */
IRG_HD double samplerFromBits(uint64_t b) {
#if defined(__CUDA_ARCH__)
    return __longlong_as_double((long long)b);
#else
    double x;
    __builtin_memcpy(&x, &b, sizeof x);
    return x;
#endif
}

/** SamplerMath.horner: sum_j c[j] z^j, one fma per step. */
IRG_HD double samplerHorner(const double* c, int n, double z) {
    double p = c[n - 1];
    for (int j = n - 2; j >= 0; j--) p = fma(p, z, c[j]);
    return p;
}

/** SamplerMath.logNormal: log of a positive normal finite x. */
IRG_HD double samplerLogNormal(double x) {
    uint64_t bits = samplerBits(x);
    double k = (double)((long long)(bits >> 52) - 1023);
    double m = samplerFromBits((bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull);
    if (m > smp::SAMPLER_SQRT2) {
        m = 0.5 * m;
        k = k + 1;
    }
    double f = m - 1;
    double s = f / (2 + f);
    double z = mulRn(s, s);
    double hf = mulRn(mulRn(0.5, f), f);
    double t = fma(z, samplerHorner(IRG_TAB(SamplingConstants, SAMPLER_LOG_P), smp::SAMPLER_LOG_P_LENGTH, z), hf);
    return fma(k, smp::SAMPLER_LN2_HI, f - (hf - fma(s, t, mulRn(k, smp::SAMPLER_LN2_LO))));
}

/** SamplerMath.log. */
IRG_HD double samplerLog(double x) {
    if (x >= MIN_NORMAL && x < inf_value()) return samplerLogNormal(x);
    if (x > 0 && x < MIN_NORMAL) {
        return samplerLogNormal(x * 0x1p54) - mulRn(54, smp::SAMPLER_LN2_HI) - mulRn(54, smp::SAMPLER_LN2_LO);
    }
    if (x == 0) return -inf_value();
    return x == inf_value() ? x : nan_value();
}

/** SamplerMath.log1p. */
IRG_HD double samplerLog1p(double x) {
    double u = 1 + x;
    if (u == 1) return x;
    return mulRn(samplerLog(u), x / (u - 1));
}

/** SamplerMath.roundToInt: (v + 1.5 2^52) - 1.5 2^52. */
IRG_HD double samplerRoundToInt(double v) {
    return (v + smp::SAMPLER_ROUND_MAGIC) - smp::SAMPLER_ROUND_MAGIC;
}

/** 2^k for a normal exponent k. */
IRG_HD double samplerPow2(long long k) { return samplerFromBits((uint64_t)(k + 1023) << 52); }

/** SamplerMath.exp. */
IRG_HD double samplerExp(double y) {
    if (!(y > smp::SAMPLER_EXP_MIN)) return y != y ? y : 0;
    if (y > smp::SAMPLER_EXP_MAX) return inf_value();
    double k = samplerRoundToInt(mulRn(y, smp::SAMPLER_INV_LN2));
    double r = fma(-k, smp::SAMPLER_LN2_LO, fma(-k, smp::SAMPLER_LN2_HI, y));
    double p = samplerHorner(IRG_TAB(SamplingConstants, SAMPLER_EXP), smp::SAMPLER_EXP_LENGTH, r);
    long long ki = (long long)k;
    long long k1 = ki >> 1;
    return mulRn(mulRn(p, samplerPow2(k1)), samplerPow2(ki - k1));
}

/** SamplerMath.cos2pi: cos(2 pi u) by the quadrant of 4u and polynomials in t = u - q/4. */
IRG_HD double samplerCos2pi(double u) {
    double q = samplerRoundToInt(mulRn(4, u));
    double t = u - mulRn(0.25, q);
    double z = mulRn(t, t);
    int quadrant = (int)q & 3;
    if ((quadrant & 1) == 0) {
        double c = samplerHorner(IRG_TAB(SamplingConstants, SAMPLER_COS_2PI), smp::SAMPLER_COS_2PI_LENGTH, z);
        return quadrant == 0 ? c : -c;
    }
    double s = mulRn(t, samplerHorner(IRG_TAB(SamplingConstants, SAMPLER_SIN_2PI), smp::SAMPLER_SIN_2PI_LENGTH, z));
    return quadrant == 1 ? -s : s;
}

/** SamplerMath.sinHalfPi: sin(pi u / 2) = cos(2 pi (u/4 - 1/4)). */
IRG_HD double samplerSinHalfPi(double u) { return samplerCos2pi(0.25 * u - 0.25); }

/** SamplerMath.cosHalfPi: cos(pi u / 2) = cos(2 pi (u/4)). */
IRG_HD double samplerCosHalfPi(double u) { return samplerCos2pi(0.25 * u); }

/** SamplerMath.atan2Positive: atan2(y, x) for y, x >= 0, not both 0. */
IRG_HD double samplerAtan2Positive(double y, double x) {
    bool swap = y > x;
    double t = swap ? x / y : y / x;
    double a;
    if (t > smp::SAMPLER_TAN_PI_8) {
        double s = (t - 1) / (t + 1);
        double h = samplerHorner(IRG_TAB(SamplingConstants, SAMPLER_ATAN), smp::SAMPLER_ATAN_LENGTH, mulRn(s, s));
        a = smp::SAMPLER_PI_4_HI + (smp::SAMPLER_PI_4_LO + mulRn(s, h));
    } else {
        a = mulRn(t, samplerHorner(IRG_TAB(SamplingConstants, SAMPLER_ATAN), smp::SAMPLER_ATAN_LENGTH, mulRn(t, t)));
    }
    return swap ? (smp::SAMPLER_PI_4_HI - a + smp::SAMPLER_PI_4_HI) + 2 * smp::SAMPLER_PI_4_LO : a;
}

/** SamplerMath.hypot1: sqrt(1 + t^2), t >= 0. */
IRG_HD double samplerHypot1(double t) { return t > smp::SAMPLER_HYPOT1_T_MAX ? t : sqrt(fma(t, t, 1.0)); }

// ---- Gamma (GammaSampler) ----

static constexpr int GAMMA_SAMPLER_INVALID = 0;
static constexpr int GAMMA_SAMPLER_BOOST = 1;
static constexpr int GAMMA_SAMPLER_DIRECT = 2;

/** GammaSampler.classify. */
IRG_HD int gammaSamplerClassify(double alpha) {
    if (!(alpha > 0) || alpha == inf_value()) return GAMMA_SAMPLER_INVALID;
    return alpha < smp::GAMMA_BOOST_BELOW ? GAMMA_SAMPLER_BOOST : GAMMA_SAMPLER_DIRECT;
}

/** GammaSampler.accepts: Marsaglia-Tsang's squeeze, then the log test; false when 1 + cx <= 0. */
IRG_HD bool gammaAccepts(double x, double u, double d, double c) {
    double cx = mulRn(c, x);
    if (cx <= -1) return false;
    double v = mulRn(mulRn(1 + cx, 1 + cx), 1 + cx);
    double x2 = mulRn(x, x);
    if (u < 1 - mulRn(mulRn(smp::GAMMA_SQUEEZE, x2), x2)) return true;
    return samplerLog(u) < mulRn(0.5, x2) + mulRn(d, 1 - v + mulRn(3, samplerLog1p(cx)));
}

/** GammaSampler.acceptedNormal: at most GAMMA_MAX_ATTEMPTS attempts, then the fallback. */
IRG_HD double gammaAcceptedNormal(long long seed, long long i, int sub, double d, double c) {
    double x = 0;
    for (int k = 0; k < smp::GAMMA_MAX_ATTEMPTS; k++) {
        PhiloxWords w = philoxElementBlock(seed, i, sub, smp::GAMMA_FIRST_ATTEMPT_BLOCK + k);
        x = mulRn(sqrt(mulRn(-2, samplerLog(philoxU52(w.w0, w.w1)))), samplerCos2pi(philoxU32(w.w2)));
        if (gammaAccepts(x, philoxU32(w.w3), d, c)) return x;
    }
    return mulRn(c, x) <= -1 ? 0 : x;
}

/** Standard Gamma(alpha, 1) sample (log of it when logSpace) of element i, substream sub; NaN if invalid. */
IRG_HD double gammaSample(long long seed, long long i, int sub, double alpha, bool logSpace) {
    int region = gammaSamplerClassify(alpha);
    if (region == GAMMA_SAMPLER_INVALID) return nan_value();
    double a = region == GAMMA_SAMPLER_BOOST ? alpha + 1 : alpha;
    double d = a - 1.0 / 3;
    double c = 1 / sqrt(mulRn(9, d));
    double x = gammaAcceptedNormal(seed, i, sub, d, c);
    double g;
    if (logSpace) {
        g = samplerLog(d) + mulRn(3, samplerLog1p(mulRn(c, x)));
    } else {
        double cx = 1 + mulRn(c, x);
        g = mulRn(d, mulRn(mulRn(cx, cx), cx));
    }
    if (region == GAMMA_SAMPLER_BOOST) {
        PhiloxWords w = philoxElementBlock(seed, i, sub, smp::GAMMA_BOOST_BLOCK);
        double u = philoxU52(w.w0, w.w1);
        g = logSpace ? g + samplerLog(u) / alpha : mulRn(g, samplerExp(samplerLog(u) / alpha));
    }
    return g;
}

/** IncompleteGamma.dLogXdAlpha: d(log x)/dalpha of a standard Gamma sample given as log x. */
IRG_HD double gammaDLogXdAlpha(double a, double logX) {
    if (!(a > 0) || a == inf_value() || logX != logX || logX == inf_value()) return nan_value();
    if (logX == -inf_value()) return inf_value();
    double x = exp(logX);
    if (x < MIN_NORMAL) return gammaSeries(a, x, logX, GAMMA_WHAT_GRAD_OVER_X);
    return gammaEval(a, x, GAMMA_WHAT_GRAD_OVER_X);
}

// ---- Beta (BetaSampler) ----

/** BetaSampler.sigmoid (with SamplerMath's exp): 1/(1 + exp(-d)) accurate in both tails. */
IRG_HD double betaSigmoid(double d) {
    if (d >= 0) return 1 / (1 + samplerExp(-d));
    double e = samplerExp(d);
    return e / (1 + e);
}

/** BetaSampler.sample: the logit log G_a - log G_b from substreams 0 and 1, then the sigmoid. */
IRG_HD double betaSample(long long seed, long long i, double a, double b) {
    double la = gammaSample(seed, i, smp::SUBSTREAM_MAIN, a, true);
    double lb = gammaSample(seed, i, smp::SUBSTREAM_BETA_B, b, true);
    if (la == -inf_value() && lb == -inf_value()) return nan_value();
    return betaSigmoid(la - lb);
}

// ---- von Mises (VonMisesSampler) ----

/** VonMisesSampler.envelopeSMinus1: s - 1 of the wrapped-Cauchy envelope, kappa > 0. */
IRG_HD double vonMisesEnvelopeSMinus1(double kappa) {
    if (kappa > smp::VONMISES_HUGE_KAPPA) {
        double e = 1 / sqrt(kappa);
        return mulRn(e, e) / (2 * (1 + e));
    }
    double root = samplerHypot1(2 * kappa);
    double tau = 1 + root;
    double sq = sqrt(2 * tau);
    double rho = mulRn(2 * kappa, tau) / mulRn(root + 1, tau + sq);
    double oneMinusRho = rho < smp::VONMISES_RHO_SPLIT ? 1 - rho : (sq - 1 - 1 / (2 * kappa + root)) / (2 * kappa);
    return mulRn(oneMinusRho, oneMinusRho) / (2 * rho);
}

/** VonMisesSampler.sample: about location 0, in [-pi, pi]; NaN for an invalid kappa. */
IRG_HD double vonMisesSample(long long seed, long long i, double kappa) {
    if (!(kappa >= 0) || kappa == inf_value()) return nan_value();
    if (kappa < smp::VONMISES_UNIFORM_BELOW) {
        PhiloxWords w = philoxElementBlock(seed, i, smp::SUBSTREAM_MAIN, smp::VONMISES_FIRST_ATTEMPT_BLOCK);
        return mulRn(PI, 2 * philoxU52(w.w0, w.w1) - 1);
    }
    double sm1 = vonMisesEnvelopeSMinus1(kappa);
    double sp1 = sm1 + 2;
    double theta = 0;
    int32_t sign = 0;
    for (int k = 0; k < smp::VONMISES_MAX_ATTEMPTS; k++) {
        PhiloxWords w = philoxElementBlock(seed, i, smp::SUBSTREAM_MAIN, smp::VONMISES_FIRST_ATTEMPT_BLOCK + k);
        sign = (int32_t)w.w3;
        double u = philoxU52(w.w0, w.w1);
        double sh = samplerSinHalfPi(u);
        double ch = samplerCosHalfPi(u);
        double oneMinusT = mulRn(2 * sh, sh);
        double onePlusT = mulRn(2 * ch, ch);
        double sPlusT = sm1 + onePlusT;
        double oneMinusF = mulRn(sm1, oneMinusT) / sPlusT;
        double onePlusF = mulRn(sp1, onePlusT) / sPlusT;
        theta = 2 * samplerAtan2Positive(sqrt(oneMinusF), sqrt(onePlusF));
        double c = mulRn(kappa, sm1 + oneMinusF);
        double u2 = philoxU32(w.w2);
        if (mulRn(c, 2 - c) - u2 > 0 || samplerLog(c / u2) + 1 - c >= 0) break;
    }
    return sign < 0 ? -theta : theta;
}

// ---- Dirichlet (DirichletSampler) ----

/**
 * DirichletSampler.normalize on a row of k log-Gammas (in place: logG holds log g_j on entry and
 * is kept; z receives the row). A whole NaN row when any log g_j is NaN or all are -inf.
 */
IRG_HD void dirichletNormalize(const double* logG, double* z, int k) {
    double mx = -inf_value();
    bool bad = false;
    for (int j = 0; j < k; j++) {
        bad |= logG[j] != logG[j];
        mx = bad ? nan_value() : (logG[j] > mx ? logG[j] : mx);
    }
    if (bad || mx == -inf_value()) {
        for (int j = 0; j < k; j++) z[j] = nan_value();
        return;
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
        double e = samplerExp(logG[j] - mx);
        z[j] = e;
        sum += e;
    }
    for (int j = 0; j < k; j++) z[j] /= sum;
}

/** DirichletSampler.oneMinus: 1 - z_j, as the sum of the others when z_j > 1/2. */
IRG_HD double dirichletOneMinus(const double* z, int k, int j) {
    if (!(z[j] > 0.5)) return 1 - z[j];
    double s = 0;
    for (int i = 0; i < k; i++) {
        if (i != j) s += z[i];
    }
    return s;
}

// ---- One element of a sampling call (ScalarSamplers), shared by the kernels and the host test ----

/** A sample and its gradients, the sample already rounded as stored (to float when f32). */
struct SampleOut {
    double z, g0, g1;
};

IRG_HD double asStored(double v, bool f32) { return f32 ? (double)(float)v : v; }

/** Kind GAMMA: z = G(alpha)/rate, dz/dalpha and dz/drate at z as stored. */
IRG_HD SampleOut gammaElement(long long seed, long long e, double a, double rate, bool f32, bool grad) {
    double z = gamma_valid_rate(rate) ? gammaSample(seed, e, smp::SUBSTREAM_MAIN, a, false) / rate : nan_value();
    SampleOut r{asStored(z, f32), 0, 0};
    if (grad) {
        r.g0 = gamma_grad_alpha(a, rate, r.z);
        r.g1 = gamma_grad_rate(a, rate, r.z);
    }
    return r;
}

/** Kind GAMMA_LOG: log z, d log z/dalpha (at log z as stored) and -1/rate. */
IRG_HD SampleOut gammaLogElement(long long seed, long long e, double a, double rate, bool f32, bool grad) {
    bool ok = gamma_valid_rate(rate) && gammaSamplerClassify(a) != GAMMA_SAMPLER_INVALID;
    double logRate = samplerLog(rate);
    double lz = ok ? gammaSample(seed, e, smp::SUBSTREAM_MAIN, a, true) - logRate : nan_value();
    SampleOut r{asStored(lz, f32), 0, 0};
    if (grad) {
        r.g0 = ok ? gammaDLogXdAlpha(a, r.z + logRate) : nan_value();
        r.g1 = ok ? -1 / rate : nan_value();
    }
    return r;
}

/** Kind BETA: z, dz/da, dz/db. */
IRG_HD SampleOut betaElement(long long seed, long long e, double a, double b, bool f32, bool grad) {
    SampleOut r{asStored(betaSample(seed, e, a, b), f32), 0, 0};
    if (grad) {
        r.g0 = beta_grad_a(a, b, r.z);
        r.g1 = beta_grad_b(a, b, r.z);
    }
    return r;
}

/** Kind VONMISES: z = loc + u, dz/dkappa. */
IRG_HD SampleOut vonMisesElement(long long seed, long long e, double kappa, double loc, bool f32, bool grad) {
    double z = finite(loc) ? loc + vonMisesSample(seed, e, kappa) : nan_value();
    SampleOut r{asStored(z, f32), 0, 0};
    if (grad) r.g0 = vonmises_grad_kappa(kappa, loc, r.z);
    return r;
}

/**
 * Kind DIRICHLET, one row (row = first + the row's index in the call): its k log-Gammas into
 * logG, the row into z, and when grad the gradients diag_j = dz_j/dalpha_j and
 * h_j = (dg_j/dalpha_j)/S (DirichletSampler.sampleRow and .gradients).
 */
IRG_HD void dirichletRow(long long seed, long long row, int k, const double* alpha, double* logG, double* z,
                         bool grad, double* diag, double* h) {
    for (int j = 0; j < k; j++) {
        logG[j] = gammaSample(seed, row * k + j, smp::SUBSTREAM_MAIN, alpha[j], true);
    }
    dirichletNormalize(logG, z, k);
    if (!grad) return;
    for (int j = 0; j < k; j++) {
        double f = z[j] == 0 ? 0 : z[j] * gammaDLogXdAlpha(alpha[j], logG[j]); // DirichletSampler.gradients
        h[j] = f;
        double rest = dirichletOneMinus(z, k, j);
        diag[j] = rest == 0 ? 0 : rest * f;
    }
}

} // namespace irg
