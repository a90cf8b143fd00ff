// von Mises(kappa, loc): the device port of dev.irg.math.VonMisesCdf and dev.irg.math.BesselI01
// (same regions, same constants from VonMisesConstants via irg_constants.cuh, same evaluation
// order). classify -> region, then one evaluation per region. Keep in step with the Java code:
// HostMathTest compares every operation with the Java reference.
#pragma once
#include "irg_common.cuh"
#include "irg_constants.cuh"

namespace irg {

namespace vm = VonMisesConstants;

IRG_HD double vm_sq(double v) { return v * v; }

// ---- BesselI01 ----

IRG_HD bool besselIsAsymptotic(double kappa) { return kappa >= vm::BESSEL_ASYMPTOTIC_MIN_KAPPA; }

/** Power series of I0; NaN if not converged within BESSEL_SERIES_MAX_TERMS. */
IRG_HD double besselSeriesI0(double kappa) {
    double q = 0.25 * kappa * kappa;
    double term = 1.0, sum = 1.0;
    for (int j = 1; j <= vm::BESSEL_SERIES_MAX_TERMS; j++) {
        term *= q / ((double)j * j);
        sum += term;
        if (term <= 0x1p-60 * sum) return sum;
    }
    return nan_value();
}

/** Power series of I1; NaN if not converged. */
IRG_HD double besselSeriesI1(double kappa) {
    double q = 0.25 * kappa * kappa;
    double term = 1.0, sum = 1.0;
    for (int j = 1; j <= vm::BESSEL_SERIES_MAX_TERMS; j++) {
        term *= q / ((double)j * (j + 1));
        sum += term;
        if (term <= 0x1p-60 * sum) return 0.5 * kappa * sum;
    }
    return nan_value();
}

IRG_HD double besselAsymptoticI0e(double kappa) {
    double r = 1.0 / kappa;
    double s = 0.0;
    for (int j = vm::BESSEL_I0E_ASYM_LENGTH - 1; j >= 0; j--) s = s * r + IRG_TAB(vm, BESSEL_I0E_ASYM)[j];
    return s * vm::INV_SQRT_TWO_PI / sqrt(kappa);
}

IRG_HD double besselAsymptoticDiff(double kappa) {
    double r = 1.0 / kappa;
    double s = 0.0;
    for (int j = vm::BESSEL_DIFF_ASYM_LENGTH - 1; j >= 0; j--) s = s * r + IRG_TAB(vm, BESSEL_DIFF_ASYM)[j];
    return s * vm::INV_SQRT_TWO_PI / sqrt(kappa);
}

/** I0(kappa) e^-kappa. */
IRG_HD double besselI0e(double kappa) {
    if (!(kappa >= 0) || kappa == inf_value()) return nan_value();
    if (besselIsAsymptotic(kappa)) return besselAsymptoticI0e(kappa);
    return besselSeriesI0(kappa) * exp(-kappa);
}

/** 1 - I1(kappa)/I0(kappa). */
IRG_HD double besselOneMinusRatio(double kappa) {
    if (!(kappa >= 0) || kappa == inf_value()) return nan_value();
    if (besselIsAsymptotic(kappa)) return besselAsymptoticDiff(kappa) / besselAsymptoticI0e(kappa);
    return 1.0 - besselSeriesI1(kappa) / besselSeriesI0(kappa);
}

// ---- VonMisesCdf ----

struct VmReduced {
    double k, ax, y;
    bool upper;
};

/** x - m pi with the three-part pi. */
IRG_HD double vmMinusMultipleOfPi(double x, double m) {
    return ((x - m * vm::PI_A) - m * vm::PI_B) - m * vm::PI_C;
}

/**
 * |x| > REDUCTION_EXACT_MAX: the phase from sin and cos, which CUDA (and the host libm) reduce exactly
 * for every finite argument (VonMisesCdf.reduceFar).
 */
IRG_HD VmReduced vmReduceFar(double x) {
    double s = sin(x);
    double c = cos(x);
    double r = atan2(s, c);
    double y = atan2(fabs(s), -c);
    double k = rint((x - r) * vm::INV_TWO_PI);
    return VmReduced{k, fabs(r), y, r > 0};
}

/**
 * x + xLo = 2 pi k + r, r in [-pi, pi]; ax = |r|, y = pi - ax; upper = r > 0 (VonMisesCdf.reduce(x, xLo): the
 * remainder added after the three-part subtraction; far arguments ignore it).
 */
IRG_HD VmReduced vmReduce(double x, double xLo) {
    if (fabs(x) > vm::REDUCTION_EXACT_MAX) return vmReduceFar(x);
    double k = rint(x * vm::INV_TWO_PI);
    for (int attempt = 0; attempt < 2; attempt++) {
        double r = vmMinusMultipleOfPi(x, 2.0 * k) + xLo;
        if (r > 0) {
            double y = -(vmMinusMultipleOfPi(x, 2.0 * k + 1.0) + xLo);
            if (y >= 0) return VmReduced{k, r, y, true};
            k += 1.0;
        } else {
            double y = vmMinusMultipleOfPi(x, 2.0 * k - 1.0) + xLo;
            if (y >= 0) return VmReduced{k, -r, y, false};
            k -= 1.0;
        }
    }
    return VmReduced{nan_value(), nan_value(), nan_value(), false};
}

IRG_HD bool vmValid(double kappa, double x) { return kappa >= 0 && kappa < inf_value() && fabs(x) < inf_value(); }

/** Region from ax in [0, pi] and 1 - A: central where 2 sin^2(ax/2) < 1 - A. */
IRG_HD int vmRegion(double ax, double oneMinusA) {
    return 2.0 * vm_sq(sin(0.5 * ax)) < oneMinusA ? vm::REGION_CENTRAL : vm::REGION_TAIL;
}

/** VonMisesCdf.classify. */
IRG_HD int vmClassify(double kappa, double x) {
    if (!vmValid(kappa, x)) return vm::REGION_INVALID;
    return vmRegion(vmReduce(x, 0.0).ax, besselOneMinusRatio(kappa));
}

/** Central region integral (Gauss-Legendre, CENTRAL_POINTS nodes), m = 0 or 1. */
IRG_HD double vmCentralIntegral(double kappa, double ax, double oneMinusA, int m) {
    double sum = 0.0;
    for (int i = 0; i < vm::CENTRAL_NODES_LENGTH; i++) {
        double s = sin(0.5 * ax * IRG_TAB(vm, CENTRAL_NODES)[i]);
        double q = 2.0 * s * s;
        double w = exp(-kappa * q);
        sum += IRG_TAB(vm, CENTRAL_WEIGHTS)[i] * (m == 0 ? w : (oneMinusA - q) * w);
    }
    return ax * sum;
}

IRG_HD double vmTailG0(double ax, double oneMinusA) { return 2.0 * vm_sq(sin(0.5 * ax)) - oneMinusA; }

IRG_HD double vmTailLength(double kappa, double ax, double y) {
    bool nearPi = ax >= 0.5 * PI;
    double sh = nearPi ? sin(0.5 * y) : cos(0.5 * ax); // sin(y/2)
    double ch = nearPi ? cos(0.5 * y) : sin(0.5 * ax); // cos(y/2)
    double s2 = sh * sh;
    double c = 0.5 * vm::TAIL_EXPONENT_CUTOFF / kappa;
    if (!(s2 > c)) return y;
    return 2.0 * asin(c / (sh * sqrt(ch * ch + c) + ch * sqrt(s2 - c)));
}

/** Tail region integral (Gauss-Legendre in d, TAIL_POINTS nodes), m = 0 or 1. */
IRG_HD double vmTailIntegral(double kappa, double ax, double y, double g0, int m) {
    double dmax = vmTailLength(kappa, ax, y);
    bool nearPi = ax >= 0.5 * PI;
    double sa = nearPi ? sin(y) : sin(ax);
    double ca = nearPi ? -cos(y) : cos(ax);
    double sum = 0.0;
    for (int i = 0; i < vm::TAIL_NODES_LENGTH; i++) {
        double sd = sin(0.5 * dmax * IRG_TAB(vm, TAIL_NODES)[i]);
        double cd = sqrt(1.0 - sd * sd);
        double q = 2.0 * (sa * cd + ca * sd) * sd;
        double w = exp(-kappa * q);
        sum += IRG_TAB(vm, TAIL_WEIGHTS)[i] * (m == 0 ? w : (g0 + q) * w);
    }
    return dmax * sum;
}

/** F(x; kappa) on the real line. */
IRG_HD double vonMisesCdf(double kappa, double x, double xLo) {
    if (!vmValid(kappa, x)) return nan_value();
    VmReduced r = vmReduce(x, xLo);
    double omA = besselOneMinusRatio(kappa);
    double i0e = besselI0e(kappa);
    double lower;
    if (vmRegion(r.ax, omA) == vm::REGION_CENTRAL) {
        lower = 0.5 - vmCentralIntegral(kappa, r.ax, omA, 0) / (vm::TWO_PI * i0e);
    } else {
        double v = kappa * (2.0 * vm_sq(sin(0.5 * r.ax)));
        lower = exp(-v) * (vmTailIntegral(kappa, r.ax, r.y, vmTailG0(r.ax, omA), 0) / (vm::TWO_PI * i0e));
    }
    return r.upper ? (r.k + 1.0) - lower : r.k + lower;
}

/** dF/dkappa. */
IRG_HD double vonMisesDcdfDkappa(double kappa, double x, double xLo) {
    if (!vmValid(kappa, x)) return nan_value();
    VmReduced r = vmReduce(x, xLo);
    double omA = besselOneMinusRatio(kappa);
    double i0e = besselI0e(kappa);
    double lower;
    if (vmRegion(r.ax, omA) == vm::REGION_CENTRAL) {
        lower = -vmCentralIntegral(kappa, r.ax, omA, 1) / (vm::TWO_PI * i0e);
    } else {
        double v = kappa * (2.0 * vm_sq(sin(0.5 * r.ax)));
        lower = -exp(-v) * (vmTailIntegral(kappa, r.ax, r.y, vmTailG0(r.ax, omA), 1) / (vm::TWO_PI * i0e));
    }
    return r.upper ? -lower : lower;
}

/** dz/dkappa = -(dF/dkappa)/p. */
IRG_HD double vonMisesGradKappa(double kappa, double x, double xLo) {
    if (!vmValid(kappa, x)) return nan_value();
    VmReduced r = vmReduce(x, xLo);
    double omA = besselOneMinusRatio(kappa);
    double lower;
    if (vmRegion(r.ax, omA) == vm::REGION_CENTRAL) {
        double v = kappa * (2.0 * vm_sq(sin(0.5 * r.ax)));
        lower = vmCentralIntegral(kappa, r.ax, omA, 1) * exp(v);
    } else {
        lower = vmTailIntegral(kappa, r.ax, r.y, vmTailG0(r.ax, omA), 1);
    }
    return r.upper ? -lower : lower;
}

/** VonMisesCdf.differenceLo: the remainder of d = x - loc (TwoSum of x and -loc). */
IRG_HD double vmDifferenceLo(double x, double loc, double d) {
    double b = d - x;
    return (x - (d - b)) + (-loc - b);
}

// Operations (dev.irg.Reference): the location enters as x - loc plus its remainder; a non-finite loc gives NaN.
IRG_HD double vonmises_cdf(double kappa, double loc, double x) {
    double d = x - loc;
    return finite(loc) ? vonMisesCdf(kappa, d, vmDifferenceLo(x, loc, d)) : nan_value();
}
IRG_HD double vonmises_dcdf_dkappa(double kappa, double loc, double x) {
    double d = x - loc;
    return finite(loc) ? vonMisesDcdfDkappa(kappa, d, vmDifferenceLo(x, loc, d)) : nan_value();
}
IRG_HD double vonmises_grad_kappa(double kappa, double loc, double x) {
    double d = x - loc;
    return finite(loc) ? vonMisesGradKappa(kappa, d, vmDifferenceLo(x, loc, d)) : nan_value();
}

} // namespace irg
