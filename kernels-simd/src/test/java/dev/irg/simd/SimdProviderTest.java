package dev.irg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.BackendInfo;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimdProviderTest {

    @Test
    void registeredThroughServiceLoaderAndAvailable() {
        BackendInfo info = Irg.backends().stream().filter(b -> b.backend() == Backend.SIMD).findFirst().orElseThrow();
        assertTrue(info.available(), info.detail());
        assertTrue(info.detail().contains("-bit vectors"), info.detail());
    }

    @Test
    void servesGammaGradRateThroughTheApi() {
        Irg irg = Irg.using(Backend.SIMD);
        double[] alpha = {2.0, 0.5, -1.0};
        double[] z = {3.0, 0.25, 1.0};
        double[] out = new double[3];
        irg.gamma().gradRate(alpha, z, out);
        assertEquals(-3.0, out[0]);
        assertEquals(-0.25, out[1]);
        assertTrue(Double.isNaN(out[2]));
        assertEquals(Backend.SIMD, Irg.get().backendFor(Op.GAMMA_GRAD_RATE, Precision.F32, 1000));
    }

    @Test
    void widthsAndInvalidWidth() {
        // one width per JVM (Lanes): this JVM's width, and only it, can be asked for by number
        int jvm = SimdKernels.create(0).bits();
        assertEquals(jvm, SimdKernels.create(jvm).bits());
        assertEquals(jvm, SimdKernels.create(0).species().vectorBitSize());
        for (int w : new int[] {128, 256, 512}) {
            if (w != jvm) {
                assertThrows(IllegalArgumentException.class, () -> SimdKernels.create(w));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SimdKernels.create(100));
        String forced = System.getProperty(SimdProvider.BITS_PROPERTY);
        if (forced != null) {
            assertEquals(Integer.parseInt(forced), jvm);
        }
    }

    /** Without the incubator module the provider declines with one line and nothing throws. */
    @Test
    void declinesWithoutIncubatorModule() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), ProbeMain.class.getName()))
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("available=false"), text);
        assertTrue(text.contains("--add-modules jdk.incubator.vector"), text);
        assertFalse(text.contains("Exception in thread"), text);
    }

    /** Run in a JVM without {@code --add-modules jdk.incubator.vector}. */
    public static final class ProbeMain {
        public static void main(String[] args) {
            var a = new SimdProvider().probe();
            System.out.println("available=" + a.available() + " detail=" + a.detail());
            BackendInfo info = Irg.backends().stream().filter(b -> b.backend() == Backend.SIMD).findFirst().orElseThrow();
            System.out.println("registry: available=" + info.available() + " " + info.detail());
        }
    }
}
