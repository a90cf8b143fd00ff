package dev.irg.internal;

import dev.irg.Backend;
import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.math.IncompleteBeta;
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

    /**
     * The Beta pairs in one pass: {@link IncompleteBeta#evaluate} gives all five outputs of an element at once (each
     * single operation also computes them all and keeps one), so the pair costs one call's work and equals the two
     * calls bit for bit. Other pairs: one after the other.
     */
    @Override
    public void evaluatePair(Batch first, Batch second) {
        if (first.op().distribution() != Distribution.BETA) {
            evaluate(first);
            evaluate(second);
            return;
        }
        int w0 = IncompleteBeta.outIndex(first.op());
        int w1 = IncompleteBeta.outIndex(second.op());
        double[] r = new double[IncompleteBeta.OUT_LENGTH];
        var p0 = first.p0();
        var p1 = first.p1();
        var x = first.x();
        var out0 = first.out();
        var out1 = second.out();
        for (long i = 0, n = first.n(); i < n; i++) {
            IncompleteBeta.evaluate(p0.get(i), p1.get(i), x.get(i), r);
            out0.set(i, r[w0]);
            out1.set(i, r[w1]);
        }
    }
}
