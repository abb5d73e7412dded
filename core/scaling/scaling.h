// Compound and per-stage scaling: a pure function of a baseline spec and coefficients.
// Rounding follows the reference implementations (TF EfficientNet V1/V2, timm) exactly.
#pragma once

#include "archspec.h"

#include <optional>
#include <string>
#include <vector>

namespace scalescope {

struct Coefficients {
    double alpha = 1.2;  // depth base (EfficientNet grid search at phi = 1)
    double beta = 1.1;   // width base
    double gamma = 1.15; // resolution base
    double phi = 0.0;    // compound coefficient; negative gives models below the baseline

    // alpha * beta^2 * gamma^2: the FLOPs growth per unit of phi (the paper aims at 2).
    double flopsBase() const { return alpha * beta * beta * gamma * gamma; }
    bool operator==(const Coefficients& o) const {
        return alpha == o.alpha && beta == o.beta && gamma == o.gamma && phi == o.phi;
    }
};

struct StageMultiplier {
    double depth = 1.0;
    double width = 1.0;
    bool operator==(const StageMultiplier& o) const { return depth == o.depth && width == o.width; }
};

struct ScalingRequest {
    enum class Mode {
        Compound, // depth alpha^phi, width beta^phi, resolution gamma^phi
        Explicit  // given width/depth multipliers and resolution (the official B1-B7 table)
    };
    Mode mode = Mode::Compound;
    Coefficients coefficients;
    double width = 1.0; // Explicit mode
    double depth = 1.0; // Explicit mode
    int resolution = 0; // image size; 0 = derived (compound) or the baseline's (explicit)
    std::optional<double> dropout;       // overrides the baseline's (the B-table sets it)
    std::vector<StageMultiplier> stages; // empty, or one per baseline stage
    int maxResolution = 0;               // cap on the image size (EfficientNetV2); 0 = none
    std::string label;                   // e.g. "EfficientNet-B3 (official table)"

    bool operator==(const ScalingRequest& o) const;
};

// Throws ValidationError naming the field (alpha, phi, stages[2].depth, ...).
void validate(const ScalingRequest& request, const ArchSpec& baseline);

struct ScaledStage {
    StageSpec spec;               // concrete: scaled repeats and channels
    int baseRepeats = 0;          // before scaling
    int baseChannels = 0;         // before scaling
    double depthMultiplier = 1.0; // global x per-stage
    double widthMultiplier = 1.0;
};

struct ScaledArch {
    ArchSpec baseline;
    ScalingRequest request;
    double widthMultiplier = 1.0; // global
    double depthMultiplier = 1.0; // global
    int resolution = 224;         // after any cap
    int uncappedResolution = 224;
    double dropout = 0.2;
    int stemChannels = 32;
    int stemWidth = 32;
    int headChannels = 1280;
    std::vector<ScaledStage> stages;

    std::string description() const; // one line: how the multipliers were obtained
    int totalBlocks() const;
};

// Channel rounding of the reference code: multiply, round to the nearest multiple of
// `divisor` (never below it), and, when roundLimit > 0, never lose more than (1-roundLimit).
int roundChannels(double channels, double multiplier, int divisor, double roundLimit);
// Repeats: ceil(multiplier * repeats) in double precision, as the reference code does.
int roundRepeats(int repeats, double multiplier);
// Compound resolution: base * gamma^phi rounded to the nearest multiple of 8.
int roundResolution(int base, double multiplier);

ScaledArch scale(const ArchSpec& baseline, const ScalingRequest& request);

} // namespace scalescope
