package dev.irg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.irg.Backend;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.spi.Availability;
import dev.irg.spi.KernelProvider;
import dev.irg.spi.Kernels;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static final KernelProvider SIMD = new KernelProvider() {
        @Override
        public Backend backend() {
            return Backend.SIMD;
        }

        @Override
        public Availability probe() {
            return Availability.yes("test");
        }

        @Override
        public Kernels kernels() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long autoThreshold() {
            return 7;
        }
    };

    @Test
    void perOpKeyThenGlobalKeyThenProviderDefault() {
        Properties p = new Properties();
        assertEquals(7, Calibration.threshold(p, SIMD, Op.GAMMA_GRAD_ALPHA, Precision.F64));
        p.setProperty("simd.auto_threshold", "512");
        assertEquals(512, Calibration.threshold(p, SIMD, Op.GAMMA_GRAD_ALPHA, Precision.F64));
        p.setProperty("simd.auto_threshold.gamma_grad_alpha.f64", "64");
        assertEquals(64, Calibration.threshold(p, SIMD, Op.GAMMA_GRAD_ALPHA, Precision.F64));
        assertEquals(512, Calibration.threshold(p, SIMD, Op.GAMMA_GRAD_ALPHA, Precision.F32));
        p.setProperty("cuda.auto_threshold", "1");
        assertEquals(512, Calibration.threshold(p, SIMD, Op.BETA_CDF, Precision.F32));
        p.setProperty("simd.auto_threshold", "not a number");
        assertEquals(7, Calibration.threshold(p, SIMD, Op.BETA_CDF, Precision.F32));
    }
}
