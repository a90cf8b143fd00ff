package dev.irg.internal;

import dev.irg.Backend;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.math.Reference;
import dev.irg.spi.Availability;
import dev.irg.spi.Batch;
import dev.irg.spi.KernelProvider;
import dev.irg.spi.Kernels;

/**
 * The scalar reference backend: every element through {@link Reference} in float64 (float32 inputs
 * are widened, results rounded once). Always available.
 */
public final class ScalarProvider implements KernelProvider, Kernels {

    @Override
    public Backend backend() {
        return Backend.SCALAR;
    }

    @Override
    public Availability probe() {
        return Availability.yes("float64 reference, " + CpuPool.parallelism() + " threads");
    }

    @Override
    public Kernels kernels() {
        return this;
    }

    @Override
    public boolean supports(Op op, Precision precision) {
        return true;
    }

    @Override
    public void evaluate(Batch b) {
        Reference.Fn f = Reference.of(b.op());
        var p0 = b.p0();
        var p1 = b.p1();
        var x = b.x();
        var out = b.out();
        for (long i = 0, n = b.n(); i < n; i++) {
            out.set(i, f.apply(p0.get(i), p1.get(i), x.get(i)));
        }
    }
}
