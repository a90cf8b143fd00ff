#!/usr/bin/env python3
"""Taylor coefficients in eta of Temme's c_k(eta) for the uniform asymptotic expansion of the
incomplete gamma function (DLMF 8.12.3, 8.12.8-8.12.10):

    Q(a, x) = erfc(eta sqrt(a/2))/2 + exp(-a eta^2/2)/sqrt(2 pi a) * sum_k c_k(eta) a^-k,
    lambda = x/a, eta^2/2 = lambda - 1 - log(lambda), sign(eta) = sign(lambda - 1),
    c_0 = 1/(lambda - 1) - 1/eta,  c_k = (1/eta) c_{k-1}'(eta) + (-1)^k gamma_k/(lambda - 1),

gamma_k being the Stirling coefficients of Gamma*(a) ~ sum gamma_k a^-k (DLMF 5.11.3).
All series are exact power-series arithmetic in mpmath at 80 digits:
  w(eta) = lambda - 1 from eta (1 + w) = w w' (the derivative of the defining relation),
  1/w as a Laurent series, then the recurrence. Prints the Java table for GammaConstants.

    python3 tools/coefficients/temme_gamma.py            # Java table
    python3 tools/coefficients/temme_gamma.py check      # compare with mpmath gammainc
"""
import sys
import mpmath as mp

mp.mp.dps = 80
NW = 120          # terms of w(eta)
K_TERMS = int(sys.argv[2]) if len(sys.argv) > 2 else 13     # c_0 .. c_{K-1}
N_TERMS = int(sys.argv[3]) if len(sys.argv) > 3 else 34     # Taylor terms kept per c_k

# w = sum_{j>=1} w[j] eta^j
w = [mp.mpf(0)] * (NW + 1)
w[1] = mp.mpf(1)
for n in range(2, NW + 1):
    s = w[n - 1]
    for i in range(2, n):
        s -= (n + 1 - i) * w[i] * w[n + 1 - i]
    w[n] = s / (n + 1)

# 1/w = (1/eta) * 1/(1 + sum_{j>=1} w[j+1] eta^j) ; u = series of w/eta
u = [w[j + 1] for j in range(NW)]
inv = [mp.mpf(0)] * NW
inv[0] = 1 / u[0]
for n in range(1, NW):
    s = mp.mpf(0)
    for j in range(1, n + 1):
        s += u[j] * inv[n - j]
    inv[n] = -s / u[0]
# Laurent series stored as dict power -> coefficient; 1/w = sum inv[n] eta^(n-1)
invw = {n - 1: inv[n] for n in range(NW)}

# Stirling coefficients gamma_k: Gamma*(z) = exp(sum_j B_2j/(2j(2j-1)) z^(1-2j)) as a series in 1/z
KMAX = K_TERMS + 2
lg = [mp.mpf(0)] * (KMAX + 1)
for j in range(1, KMAX):
    if 2 * j - 1 <= KMAX:
        lg[2 * j - 1] = mp.bernoulli(2 * j) / (2 * j * (2 * j - 1))
# exp of series with zero constant term: E' = L' E
E = [mp.mpf(0)] * (KMAX + 1)
E[0] = mp.mpf(1)
for n in range(1, KMAX + 1):
    E[n] = sum(k * lg[k] * E[n - k] for k in range(1, n + 1)) / n
gam = E

c = []
ck = dict(invw)
ck[-1] = ck.get(-1, 0) - 1  # minus 1/eta
c.append(ck)
for k in range(1, K_TERMS):
    prev = c[-1]
    nxt = {}
    for p, v in prev.items():
        if p != 0:
            nxt[p - 2] = nxt.get(p - 2, 0) + p * v
    for p, v in invw.items():
        nxt[p] = nxt.get(p, 0) + (-1) ** k * gam[k] * v
    c.append(nxt)

maxp = NW - 2 - 2 * K_TERMS
rows = []
for k, ck in enumerate(c):
    for p in range(-3, 0):
        assert abs(ck.get(p, 0)) < mp.mpf(10) ** (-60), (k, p, ck.get(p))
    rows.append([ck.get(p, mp.mpf(0)) for p in range(0, N_TERMS)])
    assert N_TERMS <= maxp


def cval(k, eta):
    return mp.fsum(rows[k][p] * eta ** p for p in range(N_TERMS))


def dcval(k, eta):
    return mp.fsum(p * rows[k][p] * eta ** (p - 1) for p in range(1, N_TERMS))


if len(sys.argv) > 1 and sys.argv[1] == "check":
    mp.mp.dps = 40
    # closed forms for c_0, c_1 (DLMF 8.12.8-9)
    for eta in [mp.mpf("0.3"), mp.mpf("-0.7")]:
        lam = mp.findroot(lambda L: L - 1 - mp.log(L) - eta ** 2 / 2, 1 + eta)
        c0 = 1 / (lam - 1) - 1 / eta
        c1 = 1 / eta ** 3 - 1 / (lam - 1) ** 3 - 1 / (lam - 1) ** 2 - 1 / (12 * (lam - 1))
        print("c0", mp.nstr(cval(0, eta) - c0, 5), "c1", mp.nstr(cval(1, eta) - c1, 5))
    for a in [mp.mpf(x) for x in ("20", "30", "50", "100", "1000")]:
        for eta in [mp.mpf(x) for x in ("-1.0", "-0.6", "-0.3", "0.01", "0.3", "0.6", "1.0")]:
            lam = mp.findroot(lambda L: L - 1 - mp.log(L) - eta ** 2 / 2, 1 + eta if eta > -0.5 else 0.4)
            x = lam * a
            q = mp.gammainc(a, x, mp.inf, regularized=True)
            T = mp.fsum(cval(k, eta) * a ** -k for k in range(K_TERMS))
            qt = mp.erfc(eta * mp.sqrt(a / 2)) / 2 + mp.exp(-a * eta ** 2 / 2) / mp.sqrt(2 * mp.pi * a) * T
            small = min(q, 1 - q)
            print("a=%s eta=%s relerr(small side)=%s" % (a, eta, mp.nstr(abs(qt - q) / small, 3)))
    sys.exit(0)


def d(v):
    return repr(float(v))




def truncation_tables():
    """Measured truncation of the sums (printed as Java): how many terms in 1/a (K) a given a needs,
    and how many Taylor terms (N) a given |eta| needs, for 1e-18 absolute error in T, dT/deta and
    dT/da (|T| >= |c_0| >= 0.26 on |eta| <= 1). Reference: 18 terms c_k with 80 Taylor terms each."""
    kref, nref = 18, 80
    # rebuild longer series for the reference
    cc = [dict(invw)]
    cc[0][-1] = cc[0].get(-1, 0) - 1
    g2 = [mp.mpf(0)] * (kref + 2)
    lg2 = [mp.mpf(0)] * (kref + 2)
    for j in range(1, kref + 2):
        if 2 * j - 1 <= kref + 1:
            lg2[2 * j - 1] = mp.bernoulli(2 * j) / (2 * j * (2 * j - 1))
    g2[0] = mp.mpf(1)
    for n in range(1, kref + 2):
        g2[n] = sum(k * lg2[k] * g2[n - k] for k in range(1, n + 1)) / n
    for k in range(1, kref):
        prev = cc[-1]
        nxt = {}
        for p, v in prev.items():
            if p != 0:
                nxt[p - 2] = nxt.get(p - 2, 0) + p * v
        for p, v in invw.items():
            nxt[p] = nxt.get(p, 0) + (-1) ** k * g2[k] * v
        cc.append(nxt)
    co = [[ck.get(p, mp.mpf(0)) for p in range(nref)] for ck in cc]
    eps = mp.mpf("1e-18")
    etas = [mp.mpf(i) / 20 for i in range(-20, 21)]
    val = lambda k, e: mp.fsum(co[k][j] * e ** j for j in range(nref))
    dval = lambda k, e: mp.fsum(j * co[k][j] * e ** (j - 1) for j in range(1, nref))
    cv = {(k, i): (val(k, e), dval(k, e)) for k in range(kref) for i, e in enumerate(etas)}
    a_mins = [20, 30, 50, 100, 200, 500, 1000, 10000, 100000, 1000000]
    ks = []
    for A in a_mins:
        A = mp.mpf(A)
        for K in range(1, kref):
            worst = max(max(abs(mp.fsum(cv[(k, i)][0] * A ** -k for k in range(K, kref))),
                            abs(mp.fsum(cv[(k, i)][1] * A ** -k for k in range(K, kref))),
                            abs(mp.fsum(k * cv[(k, i)][0] * A ** (-k - 1) for k in range(K, kref))))
                        for i in range(len(etas)))
            if worst < eps:
                break
        ks.append(K)
    eta_max = [mp.mpf(1) / 64, mp.mpf(1) / 32, mp.mpf(1) / 16, mp.mpf(1) / 8, mp.mpf(1) / 4, mp.mpf(1) / 2,
               mp.mpf(3) / 4, mp.mpf(1)]
    ns = []
    for H in eta_max:
        for N in range(1, nref):
            worst = max(max(mp.fsum(abs(co[k][j]) * H ** j for j in range(N, nref)),
                            mp.fsum(j * abs(co[k][j]) * H ** (j - 1) for j in range(N, nref))) * mp.mpf(20) ** -k
                        for k in range(K_TERMS))
            if worst < eps:
                break
        ns.append(N)
    assert max(ks) <= K_TERMS and max(ns) <= N_TERMS, (ks, ns)
    print("    public static final double[] TEMME_K_A_MIN = {%s};" % ", ".join(d(v) for v in a_mins))
    print("    public static final int[] TEMME_K_COUNT = {%s};" % ", ".join(str(v) for v in ks))
    print("    public static final double[] TEMME_N_ETA_MAX = {%s};" % ", ".join(d(v) for v in eta_max))
    print("    public static final int[] TEMME_N_COUNT = {%s};" % ", ".join(str(v) for v in ns))


if len(sys.argv) > 1 and sys.argv[1] == "truncation":
    truncation_tables()
    sys.exit(0)

ETA_MAX = 1
lam_lo = mp.findroot(lambda L: L - 1 - mp.log(L) - mp.mpf(ETA_MAX) ** 2 / 2, 0.3)
lam_hi = mp.findroot(lambda L: L - 1 - mp.log(L) - mp.mpf(ETA_MAX) ** 2 / 2, 2.1)
print("    // lambda at eta = -1 and eta = +1 (lambda - 1 - log lambda = 1/2): %s, %s" % (mp.nstr(lam_lo, 20), mp.nstr(lam_hi, 20)))
print("    public static final double TEMME_LAMBDA_LO = %s;" % d(lam_lo))
print("    public static final double TEMME_LAMBDA_HI = %s;" % d(lam_hi))
print("    public static final int TEMME_K = %d;" % K_TERMS)
print("    public static final int TEMME_N = %d;" % N_TERMS)
print("    public static final double[] TEMME_C = {")
for k, r in enumerate(rows):
    print("        // c_%d" % k)
    for i in range(0, N_TERMS, 4):
        print("        " + ", ".join(d(v) for v in r[i:i + 4]) + ",")
print("    };")

