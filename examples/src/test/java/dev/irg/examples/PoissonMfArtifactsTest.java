package dev.irg.examples;

import dev.irg.cuda.CudaArtifacts;
import org.junit.jupiter.api.Test;

/**
 * The committed irg_pmf.ptx/.fatbin and their listings are what kernels-cuda/build-cuda.sh makes from
 * examples/src/main/cuda and the kernels-cuda headers it includes (kernels-cuda's check, reused): from
 * the source hashes always, by an nvcc rebuild when nvcc is present (a missing nvcc fails on CI).
 */
class PoissonMfArtifactsTest {
    @Test
    void stampMatchesSources() throws Exception {
        CudaArtifacts.IRG_PMF.checkStamp();
    }

    @Test
    void rebuildWithNvccGivesTheCommittedArtifacts() throws Exception {
        CudaArtifacts.IRG_PMF.checkRebuild();
    }
}
