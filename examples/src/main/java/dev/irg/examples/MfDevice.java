package dev.irg.examples;

import java.util.List;

/**
 * What {@link PoissonMfGpu} needs from a device: buffers, copies, a column-major Dgemm, irg's Gamma
 * rsample kernel and the example's kernels ({@link Kernel}). On a GPU, {@link CudaMfDevice} (JCuda,
 * JCublas, irg's device-resident API); in the tests, a host device that runs the same kernels compiled
 * for the CPU, so the GPU engine's host-side logic (layouts, offsets, arguments, order) is tested
 * without a GPU. Operations are enqueued in order; only {@link #download} and {@link #sync} wait.
 */
interface MfDevice extends AutoCloseable {
    /** A device buffer (or a slice of one) of {@link #length()} elements. */
    interface Buf {
        long length();
    }

    /** Kernel argument types. */
    enum Arg {
        /** long long */
        I64,
        /** int */
        I32,
        /** double */
        F64,
        /** a device pointer ({@link Buf}) */
        PTR
    }

    /**
     * The example's kernels (examples/src/main/cuda/irg_pmf.cu) with their C signatures; a test checks
     * these against the .cu file.
     */
    enum Kernel {
        SOFTPLUS("pmf_softplus", Arg.I64, Arg.PTR, Arg.PTR, Arg.F64),
        LIKELIHOOD("pmf_likelihood", Arg.I64, Arg.PTR, Arg.PTR, Arg.F64, Arg.PTR),
        CHAIN("pmf_chain", Arg.I64, Arg.PTR, Arg.PTR, Arg.PTR, Arg.PTR, Arg.PTR, Arg.F64, Arg.F64, Arg.F64, Arg.PTR),
        ELBO("pmf_elbo", Arg.I32, Arg.PTR, Arg.I32, Arg.PTR, Arg.F64, Arg.F64, Arg.PTR, Arg.I32),
        ADAM("pmf_adam", Arg.I64, Arg.PTR, Arg.PTR, Arg.PTR, Arg.PTR, Arg.F64, Arg.F64, Arg.F64, Arg.F64, Arg.F64, Arg.F64);

        final String symbol;
        final List<Arg> args;

        Kernel(String symbol, Arg... args) {
            this.symbol = symbol;
            this.args = List.of(args);
        }

        /** Throws unless {@code values} match the signature: Long, Integer, Double or a Buf of this device kind. */
        void check(Object[] values, Class<? extends Buf> bufClass) {
            if (values.length != args.size()) {
                throw new IllegalArgumentException(symbol + " takes " + args.size() + " arguments, got " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                Class<?> want = switch (args.get(i)) {
                    case I64 -> Long.class;
                    case I32 -> Integer.class;
                    case F64 -> Double.class;
                    case PTR -> bufClass;
                };
                if (!want.isInstance(values[i])) {
                    throw new IllegalArgumentException(symbol + " argument " + i + ": expected " + args.get(i) + ", got "
                            + (values[i] == null ? "null" : values[i].getClass().getSimpleName()));
                }
            }
        }
    }

    /** One line: the device and how the products run. */
    String description();

    /** A buffer of {@code n} doubles. */
    Buf doubles(long n);

    /** A buffer of {@code n} ints. */
    Buf ints(long n);

    /** Elements {@code from .. from + n - 1} of a double buffer. */
    Buf slice(Buf b, long from, long n);

    void upload(double[] src, Buf dst);

    void upload(int[] src, Buf dst);

    /** Waits for the enqueued work, then copies. */
    void download(Buf src, double[] dst);

    /**
     * C = op(A) op(B) for column-major double matrices (cublasDgemm with alpha 1, beta 0): op(A) is m x k,
     * op(B) k x n, C m x n; {@code transA}: A is stored k x m and transposed.
     */
    void dgemm(boolean transA, boolean transB, int m, int n, int k, Buf a, int lda, Buf b, int ldb, Buf c, int ldc);

    /**
     * irg's fused Gamma rsample (kernel irg_sample_GAMMA_f64) of elements 0 .. n-1 of the Philox
     * stream {@code seed}: z, dz/dalpha and dz/drate at shapes {@code alpha} and rates {@code rate}.
     */
    void gammaRsample(long n, long seed, Buf alpha, Buf rate, Buf z, Buf dzda, Buf dzdr);

    /** Blocks a grid-stride launch over {@code threads} threads uses (at most {@link #maxBlocks()}). */
    int blocks(long threads);

    int maxBlocks();

    /** Enqueues {@code kernel} on {@code blocks} blocks (of CudaDevice.BLOCK threads on a GPU). */
    void launch(Kernel kernel, int blocks, Object... args);

    /** Waits for every enqueued operation. */
    void sync();

    /** Frees every buffer. */
    @Override
    void close();
}
