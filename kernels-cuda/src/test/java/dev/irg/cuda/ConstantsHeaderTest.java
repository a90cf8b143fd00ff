package dev.irg.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.cuda.gen.ConstantsHeader;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed irg_constants.cuh is exactly what the Java constant classes generate. */
class ConstantsHeaderTest {
    static final String REGENERATE = "kernels-cuda/build-cuda.sh";

    @Test
    void committedHeaderIsCurrent() throws Exception {
        var file = Toolchain.cudaSources().resolve("irg_constants.cuh");
        assertTrue(Files.exists(file), file + " is missing; regenerate it with: " + REGENERATE);
        assertEquals(ConstantsHeader.generate(), Files.readString(file),
                "kernels-cuda/src/main/cuda/irg_constants.cuh is stale (a dev.irg.math.*Constants class changed);"
                        + " regenerate it and the kernels with: " + REGENERATE);
    }

    @Test
    void literalsRoundTripExactly() {
        double[] vs = {0.0, -0.0, 1.0 / 3, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE, -1e-300, 6.02214076e23};
        for (double v : vs) {
            String lit = ConstantsHeader.lit(v);
            // Java parses the same hexadecimal literal syntax C++17 does.
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Double.parseDouble(lit)), lit);
        }
        assertEquals("__builtin_nan(\"\")", ConstantsHeader.lit(Double.NaN));
        assertEquals("(-__builtin_huge_val())", ConstantsHeader.lit(Double.NEGATIVE_INFINITY));
        assertEquals("(-9223372036854775807LL - 1)", ConstantsHeader.litL(Long.MIN_VALUE));
    }
}
