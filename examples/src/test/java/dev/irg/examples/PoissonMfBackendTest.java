package dev.irg.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irg.Backend;
import dev.irg.cuda.CudaDevice;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Where poisson-mf's step runs: without a CUDA driver, {@code auto} and {@code cuda} say why in one
 * line and give exactly the results of {@code cpu}; the CLI's backend names.
 */
class PoissonMfBackendTest {
    static final PrintStream NUL = new PrintStream(OutputStream.nullOutputStream());

    static PoissonMF.Dims dims() {
        PoissonMF.Dims d = PoissonMF.dims(Size.SMALL);
        return new PoissonMF.Dims(d.rows(), d.cols(), d.k(), 80, d.lr());
    }

    static double[] elbo(PoissonMF.Run r) {
        return r.fit().elbo().stream().mapToDouble(e -> e[1]).toArray();
    }

    @Test
    void withoutADriverAutoAndCudaSayWhyInOneLineAndMatchCpu() {
        Assumptions.assumeFalse(CudaDevice.isAvailable(), "a CUDA device is present: the fallback does not run here");
        PoissonMF mf = new PoissonMF();
        PoissonMF.Run cpu = mf.fit(new Config(Size.SMALL, Path.of("target", "unused"), 5, Backend.AUTO, Config.Engine.CPU, NUL, NUL),
                dims(), null);
        assertEquals(Config.Engine.CPU, cpu.cfg().engine());
        for (Config.Engine e : new Config.Engine[] {Config.Engine.AUTO, Config.Engine.CUDA}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Backend b = e == Config.Engine.CUDA ? Backend.CUDA : Backend.AUTO;
            Config cfg = new Config(Size.SMALL, Path.of("target", "unused"), 5, b, e, NUL, new PrintStream(err, true, StandardCharsets.UTF_8));
            cfg = mf.resolve(cfg);
            PoissonMF.Run r = mf.fit(cfg, dims(), null);
            List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
            System.out.println("poisson-mf, engine " + e + ", no driver: " + lines);
            assertEquals(List.of("poisson-mf: " + CudaDevice.status() + "; running on the CPU"), lines);
            assertEquals(Config.Engine.CPU, r.cfg().engine());
            assertEquals(Backend.AUTO, r.cfg().backend());
            // The same run as cpu; not always bit for bit: AUTO's SIMD rsample gradients may round an ulp
            // differently from one call to the next (interpreted vs compiled, docs/sampling.md), so two cpu
            // runs in one JVM differ by as much.
            assertClose(elbo(cpu), elbo(r), "the fallback gives the CPU run's ELBO curve");
            double[][] pa = cpu.fit().params().all(), pb = r.fit().params().all();
            for (int i = 0; i < pa.length; i++) {
                assertClose(pa[i], pb[i], "final parameters");
            }
            assertEquals(cpu.fit().engine(), r.fit().engine());
        }
    }

    /** Equal within 1e-12 relative, NaN in the same places. */
    static void assertClose(double[] a, double[] b, String what) {
        assertEquals(a.length, b.length, what);
        for (int i = 0; i < a.length; i++) {
            double tol = 1e-12 * Math.abs(a[i]);
            if (!(Math.abs(a[i] - b[i]) <= tol || Double.isNaN(a[i]) && Double.isNaN(b[i]))) {
                assertArrayEquals(a, b, what + ": element " + i);
            }
        }
    }

    @Test
    void backendNames() {
        Path o = Path.of("target", "unused");
        assertEquals(Config.Engine.CPU, Config.of(Size.SMALL, o, 1, "cpu", NUL, NUL).engine());
        assertEquals(Backend.AUTO, Config.of(Size.SMALL, o, 1, "CPU", NUL, NUL).backend());
        assertEquals(Config.Engine.CUDA, Config.of(Size.SMALL, o, 1, "cuda", NUL, NUL).engine());
        assertEquals(Config.Engine.AUTO, Config.of(Size.SMALL, o, 1, "auto", NUL, NUL).engine());
        assertEquals(Config.Engine.CPU, Config.of(Size.SMALL, o, 1, "scalar", NUL, NUL).engine());
        assertEquals(Backend.SIMD, Config.of(Size.SMALL, o, 1, "simd", NUL, NUL).backend());
        assertThrows(IllegalArgumentException.class, () -> Config.of(Size.SMALL, o, 1, "gpu", NUL, NUL));
    }
}
