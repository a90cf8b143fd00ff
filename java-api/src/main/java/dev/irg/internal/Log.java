package dev.irg.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One-line log messages through {@link System.Logger} {@code dev.irg}; each distinct message once. */
public final class Log {
    private static final System.Logger LOGGER = System.getLogger("dev.irg");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private Log() {
    }

    public static void once(Level level, String message) {
        if (SEEN.add(message)) {
            LOGGER.log(level, message);
        }
    }
}
