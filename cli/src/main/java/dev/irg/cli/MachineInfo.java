package dev.irg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about this machine for {@code irg info} and the report header. */
final class MachineInfo {
    private MachineInfo() {
    }

    /** The CPU model name from /proc/cpuinfo, or the OS architecture where that file is absent. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    int i = line.indexOf(':');
                    return line.substring(i + 1).strip();
                }
            }
        } catch (Exception e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The preferred vector shape of the Panama Vector API, read by reflection so that the CLI runs (and
     * says why) without {@code --add-modules jdk.incubator.vector}: e.g. "512-bit (8 doubles, 16 floats)".
     */
    static String vectorShape() {
        try {
            Class<?> shape = Class.forName("jdk.incubator.vector.VectorShape");
            Object preferred = shape.getMethod("preferredShape").invoke(null);
            int bits = (Integer) shape.getMethod("vectorBitSize").invoke(preferred);
            return bits + "-bit (" + bits / 64 + " doubles, " + bits / 32 + " floats per vector)";
        } catch (ClassNotFoundException e) {
            return "unknown: module jdk.incubator.vector not loaded (run with --add-modules jdk.incubator.vector)";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown: " + e;
        }
    }

    static String java() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }
}
