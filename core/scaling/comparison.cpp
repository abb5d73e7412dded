#include "comparison.h"

#include <cmath>

namespace scalescope {

namespace {
double activationBytes(const ScaledArch& arch, const CostReport& costs, Precision precision) {
    return estimateMemory(costs, precision, paperOptimizer(arch.baseline.family), true)
        .activationBytesPerImage;
}
} // namespace

CostComparison compareCosts(const ScaledArch& arch, const CostReport& costs,
                            const ScaledArch& reference, const CostReport& referenceCosts,
                            Precision precision) {
    CostComparison r;
    r.params = double(costs.params) / double(referenceCosts.params);
    r.macs = double(costs.macs) / double(referenceCosts.macs);
    r.activationBytesPerImage = activationBytes(arch, costs, precision) /
                                activationBytes(reference, referenceCosts, precision);
    r.stagesPair = costs.stages.size() == referenceCosts.stages.size();
    // The same request but for φ (the label only names it) and the image size derived by γ.
    const ScalingRequest& now = arch.request;
    const ScalingRequest& ref = reference.request;
    ScalingRequest refAtNowPhi = ref;
    refAtNowPhi.coefficients.phi = now.coefficients.phi;
    refAtNowPhi.label = now.label;
    const bool onlyPhi = now.mode == ScalingRequest::Mode::Compound && now.resolution == 0 &&
                         arch.baseline == reference.baseline && refAtNowPhi == now &&
                         now.coefficients.phi != ref.coefficients.phi;
    if (onlyPhi) {
        r.phiFrom = ref.coefficients.phi;
        r.phiTo = now.coefficients.phi;
        r.predictedMacs = std::pow(now.coefficients.flopsBase(), r.phiTo - r.phiFrom);
    }
    return r;
}

} // namespace scalescope
