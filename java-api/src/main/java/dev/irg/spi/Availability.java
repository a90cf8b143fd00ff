package dev.irg.spi;

/** Whether a backend can run here, and in one line why (or what it found). */
public record Availability(boolean available, String detail) {
    public static Availability yes(String detail) {
        return new Availability(true, detail);
    }

    public static Availability no(String why) {
        return new Availability(false, why);
    }
}
