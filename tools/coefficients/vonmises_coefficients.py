"""Generates the coefficient tables of dev.irg.math.VonMisesConstants (run: python3 this_file.py).

Prints Java field declarations; they are pasted into VonMisesConstants verbatim.
mpmath at 50 digits, every value rounded once to the nearest double.

Tables:
  CENTRAL_NODES/WEIGHTS, TAIL_NODES/WEIGHTS (and the smaller F32_* rules for float32 results, used by the
  SIMD kernels): Gauss-Legendre rules mapped to [0, 1]
      (node (1 + xi)/2 and weight w/2, so int_0^h f = h * sum W_i f(h u_i)), computed with
      mpmath.gauss_quadrature (numpy's leggauss is off by ~1e-14 relative at n = 32: not used).
  GL8/GL20/GL28_NODES/WEIGHTS: the same for the tail bands of the SIMD kernels (TAIL_BAND_POINTS).
  BESSEL_I0E_ASYM[k] = prod_{j=1..k} (2j-1)^2 / (k! 8^k): I0(k) e^-k sqrt(2 pi k) = sum_k c_k / k^k
      (DLMF 10.40.1 with mu = 0; all terms positive).
  BESSEL_DIFF_ASYM[k] = (-1)^k (a_k(0) - a_k(1)), a_k(nu) = prod_{j=1..k} (4nu^2 - (2j-1)^2)/(k! 8^k):
      (I0(k) - I1(k)) e^-k sqrt(2 pi k) = sum_{k>=1} d_k / k^k (DLMF 10.40.1; all terms positive).
  Number of asymptotic terms: the smallest N such that the first omitted term of both series at
  kappa = BESSEL_ASYMPTOTIC_MIN_KAPPA is below 2^-60 of the sum (printed below as a check).
  SIN_QUARTER_PERIOD: sin x = x + x t sum_j S_j t^j, t = x^2, on [0, pi/2] (the SIMD kernels' quadrature
      nodes: sin(d/2) and sin(t/2) with the half-angles in [0, pi/2]): a least-squares fit of
      (sin(x)/x - 1)/t on 400 Chebyshev points in t, weighted for the relative error of sin, with the
      smallest number of coefficients whose double Horner evaluation is within 2.5e-16 relative of
      mpmath's sin on 22 000 points (printed as a check; about one ulp, as Math.sin).
"""
import mpmath as mp

mp.mp.dps = 50
N_CENTRAL = 12
N_TAIL = 32
# float32 results: the smallest rules whose worst relative error stays below 1e-11 (vonmises_measure.py with
# (6, 24): central 1.0e-11, tail 9.0e-12; float rounding is 6e-8), as GammaConstants' float32 Temme counts
N_CENTRAL_F32 = 6
N_TAIL_F32 = 24
# the SIMD kernels' tail bands (TAIL_BAND_POINTS, F32_TAIL_BAND_POINTS; vonmises_bands.py): the rules not above
N_TAIL_BANDS = (8, 20, 28)
K_ASYM = 25  # BESSEL_ASYMPTOTIC_MIN_KAPPA


def java_array(name, values, comment):
    body = ",\n        ".join(repr(float(v)) for v in values)
    return f"    /** {comment} */\n    public static final double[] {name} = {{\n        {body}\n    }};\n"


def gl01(n):
    xs, ws = mp.gauss_quadrature(n, "legendre")
    return [(1 + x) / 2 for x in xs], [w / 2 for w in ws]


def a(nu, k):
    p = mp.mpf(1)
    for j in range(1, k + 1):
        p *= 4 * nu * nu - (2 * j - 1) ** 2
    return p / (mp.factorial(k) * mp.mpf(8) ** k)


def split_pi():
    """pi = PI_A + PI_B + PI_C with PI_A, PI_B of 30 significant bits (so m*PI_A, m*PI_B are
    exact for |m| < 2^23) and PI_C the rounded remainder (Cody-Waite reduction)."""
    def round_bits(v, bits):
        e = mp.floor(mp.log(abs(v), 2)) + 1
        return mp.nint(v * mp.mpf(2) ** (bits - e)) / mp.mpf(2) ** (bits - e)
    pa = round_bits(mp.pi, 30)
    pb = round_bits(mp.pi - pa, 30)
    pc = mp.mpf(float(mp.pi - pa - pb))
    return pa, pb, pc


def sin_quarter_period():
    """Coefficients S_j (see the module docstring) and the measured max relative error in double."""
    half_pi = mp.pi / 2
    tmax = half_pi * half_pi
    pts = 400
    ts = [tmax * (1 - mp.cos(mp.pi * (k + mp.mpf(1) / 2) / pts)) / 2 for k in range(pts)]
    xs = [half_pi * j / 20000 for j in range(1, 20001)] + [mp.mpf(10) ** (-300 + 300 * j / 2000) * mp.mpf(1.5)
                                                           for j in range(2000)]
    xs = [float(x) for x in xs]
    ref = [mp.sin(mp.mpf(x)) for x in xs]
    for n in range(6, 12):
        a_ = mp.matrix(pts, n)
        b_ = mp.matrix(pts, 1)
        for i, t in enumerate(ts):
            r = mp.sqrt(t)
            w = t / (mp.sin(r) / r)
            for j in range(n):
                a_[i, j] = w * t ** j
            b_[i] = w * (mp.sin(r) / r - 1) / t
        c = mp.lu_solve(a_.T * a_, a_.T * b_)
        coef = [float(c[j]) for j in range(n)]
        worst = 0.0
        for x, sref in zip(xs, ref):
            t = x * x
            q = coef[-1]
            for cj in reversed(coef[:-1]):
                q = q * t + cj
            worst = max(worst, float(abs((x + x * (t * q) - sref) / sref)))
        if worst <= 2.5e-16:
            return coef, worst
    raise RuntimeError("no fit within 2.5e-16")


def main():
    out = []
    pa, pb, pc = split_pi()
    for name, v in (("PI_A", pa), ("PI_B", pb), ("PI_C", pc)):
        out.append(f"    public static final double {name} = {float(v)!r};")
    out.append(f"    // check: pi - (PI_A + PI_B + PI_C) = {mp.nstr(mp.pi - pa - pb - pc, 3)}")
    for prefix, n, region, use in (("", N_CENTRAL, "CENTRAL", "central region"), ("", N_TAIL, "TAIL", "tail region"),
                                   ("F32_", N_CENTRAL_F32, "CENTRAL", "central region, float32 results"),
                                   ("F32_", N_TAIL_F32, "TAIL", "tail region, float32 results")):
        u, w = gl01(n)
        out.append(java_array(f"{prefix}{region}_NODES", u, f"Gauss-Legendre {n}-point nodes on [0, 1] ({use})."))
        weights_note = "float32 results" if prefix else "sum 1"
        out.append(java_array(f"{prefix}{region}_WEIGHTS", w, f"Gauss-Legendre {n}-point weights on [0, 1] ({weights_note})."))
    for n in N_TAIL_BANDS:
        u, w = gl01(n)
        out.append(java_array(f"GL{n}_NODES", u, f"Gauss-Legendre {n}-point nodes on [0, 1] (tail bands of the SIMD kernels)."))
        out.append(java_array(f"GL{n}_WEIGHTS", w, f"Gauss-Legendre {n}-point weights on [0, 1] (tail bands)."))
    # asymptotic series: choose N
    k = mp.mpf(K_ASYM)
    c = [(-1) ** j * a(0, j) for j in range(80)]
    d = [(-1) ** j * (a(0, j) - a(1, j)) for j in range(80)]
    s0 = sum(c[j] / k ** j for j in range(40))
    s1 = sum(d[j] / k ** j for j in range(40))
    n = 1
    while c[n] / k ** n > s0 * mp.mpf(2) ** -60 or d[n] / k ** n > s1 * mp.mpf(2) ** -60:
        n += 1
    out.append(java_array("BESSEL_I0E_ASYM", c[:n], f"I0(k) e^-k sqrt(2 pi k) = sum c_j k^-j, {n} terms (DLMF 10.40.1)."))
    out.append(java_array("BESSEL_DIFF_ASYM", d[:n], f"(I0(k) - I1(k)) e^-k sqrt(2 pi k) = sum d_j k^-j, {n} terms; d_0 = 0."))
    sq, sq_err = sin_quarter_period()
    out.append(java_array("SIN_QUARTER_PERIOD", sq, f"sin x = x + x t sum_j S_j t^j, t = x^2, x in [0, pi/2]: {len(sq)} "
                          f"coefficients, max rel. error {sq_err:.2g} in double (SIMD quadrature nodes)."))
    print("\n".join(out))
    # checks printed as comments
    for kk in (25, 30, 100, 1e5):
        kk = mp.mpf(kk)
        i0e = mp.besseli(0, kk) * mp.exp(-kk) * mp.sqrt(2 * mp.pi * kk)
        df = (mp.besseli(0, kk) - mp.besseli(1, kk)) * mp.exp(-kk) * mp.sqrt(2 * mp.pi * kk)
        e0 = sum(mp.mpf(float(v)) / kk ** j for j, v in enumerate(c[:n])) / i0e - 1
        e1 = sum(mp.mpf(float(v)) / kk ** j for j, v in enumerate(d[:n])) / df - 1
        print(f"// kappa={mp.nstr(kk, 6)}: rel. error of truncated (double-rounded) series: I0e {mp.nstr(e0, 3)}, I0e-I1e {mp.nstr(e1, 3)}")
    # series terms needed at K_ASYM
    q = (k / 2) ** 2
    t, s, j = mp.mpf(1), mp.mpf(1), 0
    while t > s * mp.mpf(2) ** -60:
        j += 1
        t *= q / (j * j)
        s += t
    print(f"// power series of I0 at kappa={K_ASYM}: {j} terms to reach 2^-60")


if __name__ == "__main__":
    main()
