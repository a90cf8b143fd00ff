# References of BetaBothHugeTest (java-api): Beta with both parameters >= 2^53 far from the mean
# (BetaConstants.BOTH_HUGE_MIN, IncompleteBeta.bothHugeTail). The gradients as the exact tail integrals by
# mpmath quadrature (not the Java code's leading term): below the mean
#   dz/da = -int_0^x K(t)(log t + psi(a+b) - psi(a)) dt,  K(t) = (t/x)^(a-1) ((1-t)/(1-x))^(b-1)
# (dI/da over the density), above it dz/da = +int_x^1 of the same; dz/db with log(1 - t) + psi(a+b) - psi(b).
# t = x -+ (x(1-x)/|D|) s with D = (a+b)x - a (exact in mpmath from the double inputs), s over [0, inf); the
# O(1) integral is scaled after (mp.quad's error test is absolute), the log brackets normalised the same way.
# psi differences at 700 digits.
# Prints rows (a, b, x, dz/da, dz/db). Run: python3 tools/coefficients/beta_both_huge.py
import mpmath as mp

mp.mp.dps = 60


def grads(a, b, x):
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    D = (a + b) * x - a
    with mp.workdps(700):
        pa = +(mp.digamma(a + b) - mp.digamma(a))
        pb = +(mp.digamma(a + b) - mp.digamma(b))
    h = x * (1 - x) / abs(D)
    sgn = 1 if D > 0 else -1   # above the mean: t = x + h s, below: t = x - h s
    K = lambda s: mp.exp((a - 1) * mp.log1p(sgn * h * s / x) + (b - 1) * mp.log1p(-sgn * h * s / (1 - x)))
    t = lambda s: x + sgn * h * s
    cuts = [0, 1, 10, 100, 1000, 10000]
    # the brackets are divided by their value at s = 0 (they can be ~1e-56 where log t and psi cancel; mp.quad's
    # error test is absolute) and multiplied back after
    ba0 = mp.log(x) + pa
    bb0 = mp.log1p(-x) + pb
    ga = mp.quad(lambda s: K(s) * ((mp.log(t(s)) + pa) / ba0), cuts) * ba0 * h * sgn
    gb = mp.quad(lambda s: K(s) * ((mp.log1p(-t(s)) + pb) / bb0), cuts) * bb0 * h * sgn
    return ga, gb


pts = [(1e200, 1e200, 0.3), (1e200, 1e200, 0.5000000000000001), (1e200, 3e200, 0.6), (1e160, 1e200, 1e-40),
       (1e300, 1e300, 0.7), (2.0 ** 512, 2.0 ** 600, 1e-30), (1.7e308, 1e200, 0.999), (1.7e308, 1.7e308, 0.25),
       # one parameter in (2^53, 2^512) next to one above 1e154 (BOTH_HUGE_MIN = 2^53)
       (7.297736931194627e103, 7.028877501334293e174, 1.0382506922064436e-71), (1e60, 1e200, 0.5),
       (2.1236830755475266e108, 1.4279782133029464e246, 0.19570434562551364), (1e20, 1e160, 1.0000001e-140),
       (5.4584450878918405e261, 5.3107597440172015e138, 0.9999999999836),
       # a above 2^53, b below 2^120 a^2 and 1e154: x a few doubles from the mean (1e4..1e5 sd: the regions decide)
       (1e40, 1e100, 1.0000000000000001e-60), (1e40, 1e100, 9.999999999999996e-61), (1e45, 1e110, 1.0000000000000003e-65),
       (1e45, 1e110, 9.999999999999997e-66), (1e50, 1e105, 1.000000000000001e-55)]
for a, b, x in pts:
    ga, gb = grads(a, b, x)
    print("        {" + ", ".join([repr(a), repr(b), repr(x), repr(float(ga)), repr(float(gb))]) + "},")
