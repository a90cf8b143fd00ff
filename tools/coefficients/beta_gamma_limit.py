# References of BetaGammaLimitTest (java-api): Beta with one huge parameter (BetaConstants.GAMMA_LIMIT_MIN,
# IncompleteBeta.gammaLimit), by mpmath at 50 digits, each by a route other than the Java code's:
# 1. The Gamma limit against mpmath's betainc where betainc is reliable (b = 1e30, 1e40; at b = 2^512 betainc
#    returns 2e-385 for a true 0.69): I_x(a, b) - P(a, lambda), lambda = -b log(1 - x), is below
#    (|a - 1| + 1) w + a^2/b as BetaConstants estimates.
# 2. Rows (a, b, x, I, dI/da, dI/db, dz/da, dz/db):
#    - small w = -log(1 - x) (the Gamma-limit regime): I = P(a, lambda) (1 - Q for a > 1e6), dI/da by mp.diff
#      of P (a <= 1e6, below the mean) or by quadrature of dQ/da (elsewhere), dI/db = g(a, lambda) w, density g(a, lambda) b/(1 - x);
#    - larger w (the tail: I = 1, dI/da and dI/db below 1e-1000): dz/da and dz/db as the exact integrals
#      int_0^(1-x) (1 + t/x)^(a-1) (1 - t/(1-x))^(b-1) (log(x + t) - psi(a) + psi(a+b)) dt (and with
#      log(1 - x - t) - psi(b) + psi(a+b)) by quadrature, not the Java code's leading terms.
# Run: python3 tools/coefficients/beta_gamma_limit.py
import mpmath as mp

mp.mp.dps = 50


def gamma_limit(a, b, x):
    w = -mp.log1p(-x)
    lam = b * w
    P = lambda s: mp.gammainc(s, 0, lam, regularized=True)
    Q = lambda s: mp.gammainc(s, lam, mp.inf, regularized=True)
    big = a > 1e6  # mpmath's lower incomplete gamma does not converge for a ~ 1e12; its upper one does
    I = 1 - Q(a) if big else P(a)
    g = mp.exp((a - 1) * mp.log(lam) - lam - mp.loggamma(a))
    if lam < a and not big:
        dIda = mp.diff(P, a)
    else:
        # -dP/da = dQ/da = g int_0^inf (1 + t/lambda)^(a-1) e^-t (log(lambda + t) - psi(a)) dt, cut around the
        # integrand's peak at t = max(0, a - 1 - lambda) in steps of its width sqrt(a)
        peak = max(mp.mpf(0), a - 1 - lam)
        sd = mp.sqrt(a + 1)
        cuts = sorted({mp.mpf(0)} | {peak + k * sd for k in (-30, -10, -3, -1, 0, 1, 3, 10, 30, 100) if peak + k * sd > 0})
        ratio = mp.quad(lambda t: mp.exp((a - 1) * mp.log1p(t / lam) - t) * (mp.log(lam + t) - mp.digamma(a)),
                        cuts + [mp.inf])
        dIda = -ratio * g
    dIdb = g * w
    dens = g * b / (1 - x)
    return I, dIda, dIdb, -dIda / dens, -dIdb / dens


def tail(a, b, x):
    # t = (1 - x) s/b: (1 - t/(1-x))^(b-1) = exp((b-1) log1p(-s/b)), decaying like e^-s
    # (the O(1) kernel is integrated and (1 - x)/b applied after: mp.quad's error test is absolute)
    k = lambda s: mp.exp((a - 1) * mp.log1p((1 - x) * s / (b * x)) + (b - 1) * mp.log1p(-s / b))
    t = lambda s: (1 - x) * s / b
    with mp.workdps(400):  # psi(a + b) - psi(b) ~ a/b cancels in 50 digits at b = 1e300
        pa = +(mp.digamma(a + b) - mp.digamma(a))
        pb = +(mp.digamma(a + b) - mp.digamma(b))
    cuts = [0, 1, 10, 100, 1000]
    ga = mp.quad(lambda s: k(s) * (mp.log(x + t(s)) + pa), cuts) * (1 - x) / b
    gb = mp.quad(lambda s: k(s) * (mp.log1p(-x - t(s)) + pb), cuts) * (1 - x) / b
    return mp.mpf(1), mp.mpf(0), mp.mpf(0), ga, gb


def check_limit():
    for a, b, lam in [(2.5, 1e30, 3.0), (0.3, 1e40, 0.01), (40.0, 1e40, 55.0)]:
        x = mp.mpf(lam) / b
        exact = mp.betainc(a, b, 0, x, regularized=True)
        lim = gamma_limit(mp.mpf(a), mp.mpf(b), x)[0]
        print(f"a={a} b={b:g} lambda~{lam}: betainc {mp.nstr(exact, 20)}  limit {mp.nstr(lim, 20)}"
              f"  relative difference {mp.nstr(abs(exact - lim) / exact, 3)}")


def rows():
    limit_pts = [(2.5, 2.0 ** 512, 3.0 / 2.0 ** 512), (2.5, 1e170, 3e-170), (1e-100, 1e170, 1e-171),
                 (0.01, 1e200, 1e-203), (1e3, 1e250, 1.05e-247), (1e3, 1e250, 8e-248), (1e6, 1e300, 1.0005e-294),
                 (2.5, 1e110, 5e-110), (0.5, 1e106, 2.621320343559643e-106), (1e-300, 1e100, 1e-99),
                 # large shapes next to the mean (lambda's last bit matters there: condition number ~ sqrt(a))
                 (1e10, 1e200, (1e10 + 1e5) / 1e200), (1e12, 1e300, (1e12 - 3e6) / 1e300),
                 (1e12, 1e300, (1e12 + 1e5) / 1e300), (2.0 ** 53, 1e200, 2.0 ** 53 * (1 + 1e-8) / 1e200)]
    tail_pts = [(7.0, 1e300, 0.5), (1e-30, 1e200, 0.3), (1e-100, 1e170, 0.3), (2.5, 1e110, 1e-3),
                (1e15, 1e120, 0.3), (1e15, 1e250, 1e-40), (2.5, 1e100, 3.5e-19), (0.5, 1.7e308, 0.999)]
    for pts, f in [(limit_pts, gamma_limit), (tail_pts, tail)]:
        for a, b, x in pts:
            r = f(mp.mpf(a), mp.mpf(b), mp.mpf(x))
            print("        {" + ", ".join([repr(a), repr(b), repr(x)] + [repr(float(v)) for v in r]) + "},")


check_limit()
rows()


# 3. Large shapes (a > 2^53, b >= 2^120 (a + 1)^2), next to the mean: dI/db = g(a, lambda) w (the limit, exact to
#    a^2/b ~ 1e-108 here) and dz/db = -(dI/db)/p with p the exact Beta density at 250 digits. Rows (a, b, x,
#    dI/db, dz/db) for BetaGammaLimitTest.largeShapesMeetMpmath (the regions are 3e-9 off there).
def large_shape_rows():
    for a, b, lam in [(1e16, 1e140, 1e16 + 1e8), (1e20, 1e150, 1e20 - 3e10), (1e30, 1e150, 1e30 + 2e15)]:
        x = lam / b  # the double input
        with mp.workdps(250):
            A, B, X = mp.mpf(a), mp.mpf(b), mp.mpf(x)
            w = -mp.log1p(-X)
            L = B * w
            g = mp.exp((A - 1) * mp.log(L) - L - mp.loggamma(A))
            dIdb = g * w
            logp = (A - 1) * mp.log(X) + (B - 1) * mp.log1p(-X) - (mp.loggamma(A) + mp.loggamma(B) - mp.loggamma(A + B))
            gb = -dIdb / mp.exp(logp)
        print("        {" + ", ".join([repr(a), repr(b), repr(x), repr(float(dIdb)), repr(float(gb))]) + "},")


large_shape_rows()
