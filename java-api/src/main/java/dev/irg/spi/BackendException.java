package dev.irg.spi;

/** A backend failed to run a batch (for example a CUDA error); the message names the cause. */
public class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
