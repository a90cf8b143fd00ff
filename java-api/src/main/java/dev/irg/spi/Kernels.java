package dev.irg.spi;

import dev.irg.Op;
import dev.irg.Precision;

/** The batch kernels of one backend. Implementations are thread-safe. */
public interface Kernels {

    /** Whether {@link #evaluate} handles {@code op} in {@code precision}. */
    boolean supports(Op op, Precision precision);

    /**
     * Writes every element of {@code batch.out()}. Out-of-domain elements give NaN in their slot;
     * nothing may throw for element values. Failures of the backend itself (a CUDA error, say)
     * throw {@link BackendException}.
     */
    void evaluate(Batch batch);

    /**
     * Two operations of one distribution over the same operands, {@code first.out()} and {@code second.out()}: both
     * batches have the same {@code p0}, {@code p1}, {@code x}, precision and length, different operations, and
     * outputs that overlap neither each other nor any operand (the API checks this before any backend sees them).
     * The default evaluates them one after the other; a backend that computes both in one pass (the Beta
     * derivatives in a and b share every series term and every step of the continued fraction) overrides it. The
     * results are those {@link #evaluate} gives each operation, up to the truncation of its sums (the fused sums stop
     * when both channels have converged).
     */
    default void evaluatePair(Batch first, Batch second) {
        evaluate(first);
        evaluate(second);
    }
}
