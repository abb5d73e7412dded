// EfficientNet's grid search for α, β, γ: with φ fixed at 1 ("twice the resources"), every
// point of a grid whose α·β²·γ² is within a tolerance of the target (2: MACs about double per
// unit of φ), with what it costs. Training each candidate is the caller's (scalescope-cli
// grid --train); this part is plain arithmetic on the spec.
#pragma once

#include "costs.h"
#include "scaling.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scalescope {

struct GridSearchSpec {
    double from = 1.0, to = 1.4, step = 0.05; // each of α, β, γ: from, from + step, ..., to
    double target = 2.0;                      // the α·β²·γ² sought
    double tolerance = 0.1; // |α·β²·γ² − target| allowed (1.2·1.1²·1.15²: 1.92)
    double phi = 1.0;       // the φ each candidate is scaled to
};

struct GridCandidate {
    Coefficients coefficients; // with φ = the spec's
    double product = 0;        // α·β²·γ²
    double depthMultiplier = 1, widthMultiplier = 1;
    int resolution = 0;
    std::int64_t params = 0, macs = 0;
};

// A candidate's run folder name: "a1.2-b1.1-g1.15" (at most three decimals each).
std::string gridRunName(const Coefficients& k);

// Throws ValidationError naming the field (grid.step, grid.tolerance, ...).
void validate(const GridSearchSpec& spec);

// The grid's points within the tolerance, scaled from `base` (its per-stage multipliers and
// size cap kept), closest to the target first, then by α, β, γ. Points the scaling engine
// refuses (a model past its limits) are left out.
std::vector<GridCandidate> gridCandidates(const ArchSpec& baseline, const ScalingRequest& base,
                                          const GridSearchSpec& spec);

} // namespace scalescope
