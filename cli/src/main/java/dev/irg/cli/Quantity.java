package dev.irg.cli;

import dev.irg.Distribution;
import dev.irg.Op;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --quantity} selects among a distribution's operations, by their column names
 * ({@link Op#column()}): the CDF, its parameter derivatives ({@code dcdf_*}), the gradients
 * ({@code grad_*}), or all of them. Nothing here names a distribution: a new {@link Op} entry shows up
 * by itself.
 */
enum Quantity {
    CDF, DCDF, GRAD, ALL;

    static Quantity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown quantity '" + s + "': expected cdf, dcdf, grad or all");
        }
    }

    boolean selects(Op op) {
        String c = op.column();
        return switch (this) {
            case CDF -> c.equals("cdf");
            case DCDF -> c.startsWith("dcdf_");
            case GRAD -> c.startsWith("grad_");
            case ALL -> true;
        };
    }

    /**
     * The operations of {@code d} this quantity selects, in the distribution's order. The gradient
     * with respect to the second parameter ({@code grad_rate}) is left out when that parameter was
     * not given ({@code hasParam1} false): it is the trivial -z/rate at the default.
     */
    List<Op> ops(Distribution d, boolean hasParam1) {
        return d.ops().stream()
                .filter(this::selects)
                .filter(o -> hasParam1 || !o.column().equals("grad_" + d.param1()))
                .toList();
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
