package dev.irg.spi;

import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;

/**
 * One validated batch call handed to a backend: {@code out[i] = op(p0[i], p1[i], x[i])} for
 * {@code i < n}. {@code x} and {@code out} have exactly {@code n} elements of {@code precision};
 * {@code p0} and {@code p1} either do too or are scalars ({@link Vec#isScalar()}) broadcast over the
 * batch. The API has checked shapes and precisions before any backend sees the batch.
 */
public record Batch(Op op, Precision precision, Vec p0, Vec p1, Vec x, Vec out, long n) {

    /** Elements {@code from .. from+count-1} of this batch, as a batch of its own. */
    public Batch slice(long from, long count) {
        return new Batch(op, precision, p0.slice(from, count), p1.slice(from, count), x.slice(from, count),
                out.slice(from, count), count);
    }
}
