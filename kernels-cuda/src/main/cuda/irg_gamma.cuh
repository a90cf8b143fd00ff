// Gamma(alpha, rate): element functions of the GAMMA_* operations.
// Mirrors dev.irg.math.Reference (rate handling) and dev.irg.math.IncompleteGamma (the regions).
#pragma once
#include "irg_common.cuh"
#include "irg_constants.cuh"

namespace irg {

/** rate > 0 and finite (Reference.validRate). */
IRG_HD bool gamma_valid_rate(double rate) { return rate > 0.0 && rate < inf_value(); }

/**
 * dz/drate = -z/rate for z = x/rate, x ~ Gamma(alpha, 1) (Reference.gammaGradRate): no special
 * function, but the same domain as the other Gamma operations.
 */
IRG_HD double gamma_grad_rate(double alpha, double rate, double z) {
    if (!(alpha > 0.0) || alpha == inf_value() || !gamma_valid_rate(rate) || !(z >= 0.0)) {
        return nan_value();
    }
    return -z / rate;
}

} // namespace irg
