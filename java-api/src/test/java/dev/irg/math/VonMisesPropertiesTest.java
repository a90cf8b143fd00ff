package dev.irg.math;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of {@link VonMisesCdf} over random valid inputs: kappa log-uniform in [1e-4, 1e5]
 * (plus 0), x over several periods with extra mass near 0 and +-pi.
 */
class VonMisesPropertiesTest {

    /** Uniform on [0, 1] with 16 decimals (jqwik's default scale is 2). */
    static Arbitrary<Double> u01() {
        return Arbitraries.doubles().between(0, 1).ofScale(16);
    }

    @Provide
    Arbitrary<Double> steps() {
        return u01().map(u -> 0.5 * u);
    }

    @Provide
    Arbitrary<Double> wide() {
        return u01().map(u -> 200 * u - 100);
    }

    @Provide
    Arbitrary<Double> inner() {
        return u01().map(u -> 3.1 * (2 * u - 1));
    }

    @Provide
    Arbitrary<Double> kappas() {
        Arbitrary<Double> logUniform = u01().map(u -> Math.pow(10, -4 + 9 * u));
        return Arbitraries.frequencyOf(Tuple.of(12, logUniform), Tuple.of(1, Arbitraries.just(0.0)));
    }

    @Provide
    Arbitrary<Double> xs() {
        Arbitrary<Double> uniform = u01().map(u -> Math.PI * (2 * u - 1));
        Arbitrary<Double> nearZero = u01().map(u -> Math.pow(10, -15 * u));
        Arbitrary<Double> nearPi = u01().map(u -> Math.PI - Math.pow(10, -14 * u));
        Arbitrary<Integer> sign = Arbitraries.of(-1, 1);
        Arbitrary<Double> near = Combinators.combine(Arbitraries.oneOf(nearZero, nearPi), sign).as((v, s) -> s * v);
        return Arbitraries.frequencyOf(Tuple.of(2, uniform), Tuple.of(2, near));
    }

    @Property(tries = 400)
    void gradientHasTheSignOfMinusX(@ForAll("kappas") double kappa, @ForAll("xs") double x) {
        double g = VonMisesCdf.gradKappa(kappa, x);
        double d = VonMisesCdf.dcdfDkappa(kappa, x);
        check(Math.signum(g) == -Math.signum(x), "sign of dz/dkappa", kappa, x, g);
        // dF/dkappa has the sign of x, or has underflowed to 0 far in a tail
        check(Math.signum(d) == Math.signum(x) || d == 0, "sign of dF/dkappa", kappa, x, d);
    }

    @Property(tries = 400)
    void cdfIsMonotoneAndInRange(@ForAll("kappas") double kappa, @ForAll("xs") double x,
            @ForAll("steps") double step) {
        double x2 = x + step;
        double f1 = VonMisesCdf.cdf(kappa, x);
        double f2 = VonMisesCdf.cdf(kappa, x2);
        check(f1 <= f2, "monotone", kappa, x, f2 - f1);
        if (x >= -Math.PI && x <= Math.PI) {
            check(f1 >= 0 && f1 <= 1, "range", kappa, x, f1);
        }
    }

    @Property(tries = 300)
    void periodicInX(@ForAll("kappas") double kappa, @ForAll("xs") double x,
            @ForAll @net.jqwik.api.constraints.IntRange(min = -5, max = 5) int k) {
        // a shift by 2 pi k in double moves x by ~ulp(x + 2 pi k); allow what that does to F
        double xs = x + k * 2.0 * Math.PI;
        double dens = Math.sqrt(kappa + 1);
        double fTol = 1e-14 * (Math.abs(k) + 1) * dens;
        check(Math.abs(VonMisesCdf.cdf(kappa, xs) - k - VonMisesCdf.cdf(kappa, x)) <= fTol + 1e-15 * Math.abs(k),
                "F(x + 2 pi k) = F(x) + k", kappa, x, k);
        double g = VonMisesCdf.gradKappa(kappa, x);
        double gs = VonMisesCdf.gradKappa(kappa, xs);
        // dz/dkappa changes by at most |d(dz/dkappa)/dx| * ulp shift; bounded via a relative 1e-9 or an absolute floor
        check(Math.abs(gs - g) <= 1e-9 * Math.abs(g) + 1e-13 * (Math.abs(k) + 1), "dz/dkappa periodic", kappa, x, gs - g);
    }

    @Property(tries = 400)
    void noNaNOnValidInput(@ForAll("kappas") double kappa, @ForAll("wide") double x) {
        check(!Double.isNaN(VonMisesCdf.cdf(kappa, x)), "cdf NaN", kappa, x, 0);
        check(Double.isFinite(VonMisesCdf.dcdfDkappa(kappa, x)), "dcdf finite", kappa, x, 0);
        check(Double.isFinite(VonMisesCdf.gradKappa(kappa, x)), "grad finite", kappa, x, 0);
    }

    @Property(tries = 200)
    void gradientIsMinusDerivativeOverDensity(@ForAll("kappas") double kappa,
            @ForAll("inner") double x) {
        // where p(x) is comfortably representable, dz/dkappa = -(dF/dkappa)/p with p from BesselI01
        double logp = kappa * (Math.cos(x) - 1) - Math.log(2 * Math.PI * BesselI01.i0e(kappa));
        if (logp < -600 || Math.abs(x) < 1e-300) {
            return;
        }
        double p = Math.exp(logp);
        double g = VonMisesCdf.gradKappa(kappa, x);
        double viaP = -VonMisesCdf.dcdfDkappa(kappa, x) / p;
        // the check's own p carries kappa * ulp(cos x) of absolute error in its exponent
        double tol = 1e-12 + 4e-16 * kappa;
        check(Math.abs(viaP - g) <= tol * Math.abs(g), "dz/dkappa vs dF/dkappa / p", kappa, x, viaP / g - 1);
    }

    private static void check(boolean ok, String what, double kappa, double x, double info) {
        if (!ok) {
            throw new AssertionError(what + " fails at kappa=" + kappa + " x=" + x + " (" + info + ")");
        }
    }
}
