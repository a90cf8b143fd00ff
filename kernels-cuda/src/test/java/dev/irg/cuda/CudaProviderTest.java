package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Backend;
import dev.irg.BackendInfo;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Vec;
import dev.irg.math.Reference;
import dev.irg.spi.BackendException;
import dev.irg.spi.KernelProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The provider on a machine without a CUDA driver or device (CI, this build machine): it is
 * found by ServiceLoader, declines with one clear line, nothing crashes, and the dispatcher serves
 * calls on the CPU. On a GPU host these checks are replaced by CudaGpuTest.
 */
class CudaProviderTest {

    @Test
    void registeredThroughServiceLoader() {
        boolean found = false;
        for (KernelProvider p : ServiceLoader.load(KernelProvider.class)) {
            found |= p instanceof CudaProvider && p.backend() == Backend.CUDA;
        }
        assertTrue(found, "META-INF/services must list dev.irg.cuda.CudaProvider");
    }

    @Test
    void withoutDeviceDeclinesWithOneLineAndCpuServes() {
        var a = new CudaProvider().probe();
        Assumptions.assumeFalse(a.available(), "a CUDA device is present (" + a.detail() + "): see CudaGpuTest");
        System.out.println("cuda probe: " + a.detail());
        assertFalse(a.detail().isBlank());
        assertFalse(a.detail().contains("\n"), "one line: " + a.detail());
        assertFalse(CudaDevice.isAvailable());
        assertEquals(a.detail(), CudaDevice.status());
        BackendException e = assertThrows(BackendException.class, CudaDevice::get);
        assertTrue(e.getMessage().contains(a.detail()), e.getMessage());

        BackendInfo info = Irg.backends().stream().filter(b -> b.backend() == Backend.CUDA).findFirst().orElseThrow();
        assertFalse(info.available());
        assertEquals(a.detail(), info.detail());
        assertNotEquals(Backend.CUDA, Irg.get().backendFor(Op.GAMMA_GRAD_RATE, dev.irg.Precision.F64, 1L << 30));
        assertThrows(IllegalStateException.class,
                () -> Irg.using(Backend.CUDA).evaluate(Op.GAMMA_GRAD_RATE, Vec.scalar(2), Vec.scalar(3), Vec.of(new double[] {1}),
                        Vec.of(new double[1])));

        double[] z = {0.5, 1, 2, 0, -1}, out = new double[z.length];
        Irg.get().evaluate(Op.GAMMA_GRAD_RATE, Vec.scalar(2.5), Vec.scalar(2), Vec.of(z), Vec.of(out));
        for (int i = 0; i < z.length; i++) {
            assertEquals(Reference.eval(Op.GAMMA_GRAD_RATE, 2.5, 2, z[i]), out[i], 0.0, "z = " + z[i]);
        }
    }

    @Test
    void missingDriverLibraryIsReportedByName() {
        // The first probe step, with a driver library name that exists on no machine.
        var r = CudaRuntime.tryOpen("libirg-no-such-driver.so.9");
        assertEquals(null, r.runtime());
        assertEquals("no CUDA driver (libirg-no-such-driver.so.9 not found)", r.why());
    }
}
