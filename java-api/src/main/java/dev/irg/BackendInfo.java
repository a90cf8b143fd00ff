package dev.irg;

/** What {@link Irg#backends()} reports for one backend: whether it can run here and in one line why. */
public record BackendInfo(Backend backend, boolean available, String detail) {
    @Override
    public String toString() {
        return backend.id() + ": " + (available ? "available" : "unavailable") + " (" + detail + ")";
    }
}
