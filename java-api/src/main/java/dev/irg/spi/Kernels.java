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
}
