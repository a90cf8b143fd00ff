package dev.irg.jmh;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import dev.irg.Backend;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import dev.irg.Vec;
import dev.irg.cuda.CudaDevice;
import java.util.concurrent.TimeUnit;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the CUDA backend, one batch of {@code n} elements per invocation (elements per second
 * = score x n), on the inputs of {@link OpBench}:
 * <ul>
 *   <li>{@code api=host}: {@code Irg.using(CUDA).evaluate} on host arrays, i.e. copies in, kernel,
 *       copies out (the chunked, double-buffered host path);</li>
 *   <li>{@code api=device}: {@link CudaDevice#launch} on device-resident operands, then
 *       {@code cuStreamSynchronize}: the kernel alone, no copies.</li>
 * </ul>
 * Without a CUDA device the setup fails with the reason ({@link CudaDevice#status()}); JMH has no
 * skip, so {@link FullSuite} (and {@code jmh/run-full.sh}) run this benchmark only when
 * {@link CudaDevice#isAvailable()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CudaOpBench {
    @Param({"GAMMA_CDF", "GAMMA_DCDF_DALPHA", "GAMMA_GRAD_ALPHA", "GAMMA_GRAD_RATE",
            "BETA_CDF", "BETA_DCDF_DA", "BETA_DCDF_DB", "BETA_GRAD_A", "BETA_GRAD_B",
            "VONMISES_CDF", "VONMISES_DCDF_DKAPPA", "VONMISES_GRAD_KAPPA"})
    public String op;

    @Param({"F32", "F64"})
    public String precision;

    @Param({"1000000", "16777216"})
    public int n;

    /** {@code host}: host arrays through the public API; {@code device}: device-resident operands. */
    @Param({"host", "device"})
    public String api;

    private Op operation;
    private Precision pr;
    private Irg irg;
    private Vec[] host;
    private Object outArray;
    private CudaDevice gpu;
    private CUdeviceptr[] dev;
    private CUstream stream;

    @Setup(Level.Trial)
    public void setup() {
        if (!CudaDevice.isAvailable()) {
            throw new IllegalStateException("no CUDA device (" + CudaDevice.status()
                    + "): run CudaOpBench on a GPU host, or the whole suite through FullSuite, which leaves it out");
        }
        operation = Op.valueOf(op);
        pr = Precision.parse(precision);
        Object[] in = Inputs.arrays(operation.distribution(), pr, n);
        outArray = pr == Precision.F64 ? new double[n] : new float[n];
        switch (api) {
            case "host" -> {
                irg = Irg.using(Backend.CUDA);
                irg.backendFor(operation, pr, n); // throws when there is no kernel for the op
                host = new Vec[] {Inputs.vec(in[0]), Inputs.vec(in[1]), Inputs.vec(in[2]), Inputs.vec(outArray)};
            }
            case "device" -> {
                gpu = CudaDevice.get();
                if (!gpu.supports(operation, pr)) {
                    throw new UnsupportedOperationException("no CUDA kernel for " + operation + " in " + pr);
                }
                check(cuCtxSetCurrent(gpu.context()), "cuCtxSetCurrent");
                long bytes = (long) n * (pr == Precision.F64 ? Double.BYTES : Float.BYTES);
                dev = new CUdeviceptr[4];
                for (int k = 0; k < 4; k++) {
                    dev[k] = new CUdeviceptr();
                    check(cuMemAlloc(dev[k], bytes), "cuMemAlloc");
                    if (k < 3) {
                        Pointer src = in[k] instanceof double[] d ? Pointer.to(d) : Pointer.to((float[]) in[k]);
                        check(cuMemcpyHtoD(dev[k], src, bytes), "cuMemcpyHtoD");
                    }
                }
                stream = new CUstream();
                check(cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate");
            }
            default -> throw new IllegalArgumentException("api must be host or device, got " + api);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (dev != null) {
            cuCtxSetCurrent(gpu.context());
            for (CUdeviceptr p : dev) {
                cuMemFree(p);
            }
            cuStreamDestroy(stream);
            dev = null;
        }
    }

    @Benchmark
    public void evaluate(Blackhole bh) {
        if (dev == null) {
            irg.evaluate(operation, host[0], host[1], host[2], host[3]);
            bh.consume(outArray);
        } else {
            gpu.launch(operation, pr, n, dev[0], 0, dev[1], 0, dev[2], dev[3], stream);
            check(cuStreamSynchronize(stream), "cuStreamSynchronize");
        }
    }

    private static void check(int result, String call) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new IllegalStateException(call + ": " + CUresult.stringFor(result));
        }
    }
}
