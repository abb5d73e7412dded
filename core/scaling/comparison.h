// How one model's costs compare with a reference's: the GUI's pinned model and
// `scalescope-cli inspect --against`. Plain arithmetic on two cost reports.
#pragma once

#include "costs.h"
#include "scaling.h"

#include <optional>

namespace scalescope {

struct CostComparison {
    // Ratios, this model over the reference.
    double params = 1, macs = 1, activationBytesPerImage = 1;
    // Where only φ differs (both compound scaling of the same baseline, with the same α, β, γ,
    // stage multipliers, size cap and dropout, the image size derived by γ): compound
    // scaling's (α·β²·γ²)^Δφ, from which the rounded model's real MACs ratio departs.
    std::optional<double> predictedMacs;
    double phiFrom = 0, phiTo = 0; // the reference's φ and this one's, with predictedMacs
    bool stagesPair = true;        // as many stage rows (stem, stages, head) as the reference
};

CostComparison compareCosts(const ScaledArch& arch, const CostReport& costs,
                            const ScaledArch& reference, const CostReport& referenceCosts,
                            Precision precision);

} // namespace scalescope
