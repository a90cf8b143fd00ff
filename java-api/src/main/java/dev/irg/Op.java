package dev.irg;

/**
 * Every elementwise batch operation irg computes. Each reads two parameters (see
 * {@link Distribution}) and a sample {@code x} and writes one value. The column name is the one used
 * by {@code irg eval} and the golden tables.
 *
 * <ul>
 *   <li>Gamma(alpha, rate): with {@code u = rate*x}: {@code P(alpha, u)}, {@code dP/dalpha},
 *       {@code dz/dalpha = -(dP/dalpha)/(rate*p(u))}, {@code dz/drate = -x/rate}.</li>
 *   <li>Beta(a, b): {@code I_x(a,b)}, {@code dI/da}, {@code dI/db}, {@code dz/da}, {@code dz/db}.</li>
 *   <li>von Mises(kappa, loc): with {@code u = x - loc}: {@code F(u; kappa)} on the real line
 *       ({@code F(u + 2pi) = F(u) + 1}), {@code dF/dkappa}, {@code dz/dkappa}.</li>
 * </ul>
 */
public enum Op {
    GAMMA_CDF(Distribution.GAMMA, "cdf"),
    GAMMA_DCDF_DALPHA(Distribution.GAMMA, "dcdf_dalpha"),
    GAMMA_GRAD_ALPHA(Distribution.GAMMA, "grad_alpha"),
    GAMMA_GRAD_RATE(Distribution.GAMMA, "grad_rate"),

    BETA_CDF(Distribution.BETA, "cdf"),
    BETA_DCDF_DA(Distribution.BETA, "dcdf_da"),
    BETA_DCDF_DB(Distribution.BETA, "dcdf_db"),
    BETA_GRAD_A(Distribution.BETA, "grad_a"),
    BETA_GRAD_B(Distribution.BETA, "grad_b"),

    VONMISES_CDF(Distribution.VONMISES, "cdf"),
    VONMISES_DCDF_DKAPPA(Distribution.VONMISES, "dcdf_dkappa"),
    VONMISES_GRAD_KAPPA(Distribution.VONMISES, "grad_kappa");

    private final Distribution distribution;
    private final String column;

    Op(Distribution distribution, String column) {
        this.distribution = distribution;
        this.column = column;
    }

    public Distribution distribution() {
        return distribution;
    }

    /** Column name in CSV input/output and in the golden tables. */
    public String column() {
        return column;
    }

    /** The operation of {@code d} whose column is {@code column}. */
    public static Op of(Distribution d, String column) {
        for (Op o : values()) {
            if (o.distribution == d && o.column.equals(column)) {
                return o;
            }
        }
        throw new IllegalArgumentException(d.id() + " has no quantity '" + column + "'");
    }
}
