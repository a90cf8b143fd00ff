package dev.irg.cli;

/** A failure reported as one line {@code irg: <message>} with a given exit status. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    CliException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** Malformed input or options: exit status 2. */
    static CliException usage(String message) {
        return new CliException(Main.EXIT_USAGE, message);
    }

    /** A runtime failure: exit status 1. */
    static CliException failure(String message) {
        return new CliException(Main.EXIT_FAILURE, message);
    }

    int status() {
        return status;
    }
}
