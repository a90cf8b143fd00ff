package dev.irg.internal;

import dev.irg.Backend;
import dev.irg.BackendInfo;
import dev.irg.spi.Availability;
import dev.irg.spi.KernelProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The backends found on the class path, probed once. A provider that cannot run here is kept in
 * the report with its reason and skipped, with one log line.
 */
public final class Registry {
    private static final Registry INSTANCE = new Registry();

    private final Map<Backend, KernelProvider> usable = new EnumMap<>(Backend.class);
    private final Map<Backend, BackendInfo> infos = new EnumMap<>(Backend.class);

    private Registry() {
        register(new ScalarProvider());
        ServiceLoader<KernelProvider> loader = ServiceLoader.load(KernelProvider.class, Registry.class.getClassLoader());
        var it = loader.iterator();
        while (true) {
            KernelProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                Log.once(Level.INFO, "irg: a backend provider could not be loaded: " + e);
                continue;
            }
            register(p);
        }
        for (Backend b : Backend.values()) {
            if (b != Backend.AUTO && !infos.containsKey(b)) {
                infos.put(b, new BackendInfo(b, false, "module irg-" + (b == Backend.SIMD ? "kernels-simd" : "kernels-cuda")
                        + " is not on the class path"));
            }
        }
    }

    private void register(KernelProvider p) {
        Availability a;
        try {
            a = p.probe();
        } catch (RuntimeException | LinkageError e) {
            a = Availability.no("probe failed: " + e);
        }
        if (a.available() && !usable.containsKey(p.backend())) {
            usable.put(p.backend(), p);
        } else if (!a.available()) {
            Log.once(Level.INFO, "irg: " + p.backend().id() + " backend unavailable: " + a.detail());
        }
        if (!infos.containsKey(p.backend()) || a.available()) {
            infos.put(p.backend(), new BackendInfo(p.backend(), a.available(), a.detail()));
        }
    }

    public static Registry get() {
        return INSTANCE;
    }

    /** The provider of {@code b} if it is usable here, else null. */
    public KernelProvider provider(Backend b) {
        return usable.get(b);
    }

    public List<BackendInfo> infos() {
        return new ArrayList<>(infos.values());
    }

    public BackendInfo info(Backend b) {
        return infos.get(b);
    }
}
