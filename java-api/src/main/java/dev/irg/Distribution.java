package dev.irg;

import java.util.List;

/**
 * The distributions irg covers, with the names of their two parameters. Every batch operation takes
 * exactly two parameters and the sample: Gamma (alpha, rate), Beta (a, b), von Mises (kappa, loc).
 * The second parameter has a default for the CLI ({@code rate = 1}, {@code loc = 0}); Beta has none.
 */
public enum Distribution {
    GAMMA("gamma", "alpha", "rate", 1.0),
    BETA("beta", "a", "b", Double.NaN),
    VONMISES("vonmises", "kappa", "loc", 0.0);

    private final String id;
    private final String param0;
    private final String param1;
    private final double param1Default;

    Distribution(String id, String param0, String param1, double param1Default) {
        this.id = id;
        this.param0 = param0;
        this.param1 = param1;
        this.param1Default = param1Default;
    }

    public String id() {
        return id;
    }

    public String param0() {
        return param0;
    }

    public String param1() {
        return param1;
    }

    /** Default of the second parameter, or NaN when it is required. */
    public double param1Default() {
        return param1Default;
    }

    /** The operations of this distribution, in a stable order. */
    public List<Op> ops() {
        return java.util.Arrays.stream(Op.values()).filter(o -> o.distribution() == this).toList();
    }

    public static Distribution parse(String s) {
        for (Distribution d : values()) {
            if (d.id.equalsIgnoreCase(s.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown distribution '" + s + "': expected gamma, beta or vonmises");
    }
}
