#include "scaling.h"
#include "limits.h"
#include "validation.h"

#include <cmath>
#include <sstream>

namespace scalescope {

namespace {
constexpr int kResolutionStep = 8; // compound resolutions snap to a multiple of 8

void requireMultiplier(const std::string& field, double v, const std::string& derivation) {
    requireFinite(field, v);
    if (v < limits::kMinMultiplier || v > limits::kMaxMultiplier) {
        std::ostringstream os;
        os << derivation << " = " << v << " is outside [" << limits::kMinMultiplier << ", "
           << limits::kMaxMultiplier << "]: no trainable model has that size";
        throw ValidationError(field, os.str());
    }
}
} // namespace

bool ScalingRequest::operator==(const ScalingRequest& o) const {
    return mode == o.mode && coefficients == o.coefficients && width == o.width &&
           depth == o.depth && resolution == o.resolution && dropout == o.dropout &&
           stages == o.stages && maxResolution == o.maxResolution && label == o.label;
}

int roundChannels(double channels, double multiplier, int divisor, double roundLimit) {
    const double scaled = channels * multiplier;
    // int(x + divisor / 2) // divisor * divisor, as in the TF and timm code.
    const double shifted = std::floor(scaled + divisor / 2.0);
    int rounded = std::max(divisor, int(shifted) / divisor * divisor);
    if (roundLimit > 0 && rounded < roundLimit * scaled) rounded += divisor;
    return rounded;
}

int roundRepeats(int repeats, double multiplier) {
    // Deliberately multiplier * repeats in double: 2.2 * 25 = 55.000000000000007 -> 56.
    return int(std::ceil(multiplier * repeats));
}

int roundResolution(int base, double multiplier) {
    const double r = base * multiplier;
    return std::max(kResolutionStep, int(std::lround(r / kResolutionStep)) * kResolutionStep);
}

void validate(const ScalingRequest& r, const ArchSpec& baseline) {
    using namespace limits;
    const Coefficients& c = r.coefficients;
    if (r.mode == ScalingRequest::Mode::Compound) {
        requireRange("alpha", c.alpha, kMinCoefficient, kMaxCoefficient);
        requireRange("beta", c.beta, kMinCoefficient, kMaxCoefficient);
        requireRange("gamma", c.gamma, kMinCoefficient, kMaxCoefficient);
        requireRange("phi", c.phi, -kMaxAbsPhi, kMaxAbsPhi);
        requireMultiplier("phi", std::pow(c.alpha, c.phi), "depth alpha^phi");
        requireMultiplier("phi", std::pow(c.beta, c.phi), "width beta^phi");
        requireMultiplier("phi", std::pow(c.gamma, c.phi), "resolution gamma^phi");
    } else {
        requireMultiplier("width", r.width, "width multiplier");
        requireMultiplier("depth", r.depth, "depth multiplier");
    }
    if (r.resolution != 0) requireRange("resolution", r.resolution, kMinResolution, kMaxResolution);
    if (r.maxResolution != 0)
        requireRange("max_resolution", r.maxResolution, kMinResolution, kMaxResolution);
    if (r.dropout) requireRange("dropout", *r.dropout, 0.0, 0.95);
    if (!r.stages.empty() && r.stages.size() != baseline.stages.size())
        throw ValidationError("stages", "has " + std::to_string(r.stages.size()) + " entries but " +
                                            baseline.displayName + " has " +
                                            std::to_string(baseline.stages.size()) + " stages");
    for (size_t i = 0; i < r.stages.size(); ++i) {
        const std::string p = "stage " + std::to_string(i + 1) + " ";
        requireMultiplier(p + "depth", r.stages[i].depth, "depth multiplier");
        requireMultiplier(p + "width", r.stages[i].width, "width multiplier");
    }
}

ScaledArch scale(const ArchSpec& baseline, const ScalingRequest& request) {
    validate(baseline);
    validate(request, baseline);

    ScaledArch a;
    a.baseline = baseline;
    a.request = request;
    int resolution = baseline.resolution;
    if (request.mode == ScalingRequest::Mode::Compound) {
        const Coefficients& c = request.coefficients;
        a.depthMultiplier = std::pow(c.alpha, c.phi);
        a.widthMultiplier = std::pow(c.beta, c.phi);
        resolution = roundResolution(baseline.resolution, std::pow(c.gamma, c.phi));
    } else {
        a.depthMultiplier = request.depth;
        a.widthMultiplier = request.width;
    }
    if (request.resolution != 0) resolution = request.resolution;
    a.uncappedResolution = resolution;
    a.resolution = (request.maxResolution != 0 && resolution > request.maxResolution)
                       ? request.maxResolution
                       : resolution;
    a.dropout = request.dropout.value_or(baseline.dropout);

    const int div = baseline.widthDivisor;
    const double lim = baseline.widthRoundLimit;
    a.stemChannels = roundChannels(baseline.stemChannels, a.widthMultiplier, div, lim);
    a.stemWidth = roundChannels(baseline.stemWidth, a.widthMultiplier, div, lim);
    a.headChannels = baseline.headChannels == 0
                         ? 0
                         : roundChannels(baseline.headChannels, a.widthMultiplier, div, lim);

    for (size_t i = 0; i < baseline.stages.size(); ++i) {
        const StageSpec& base = baseline.stages[i];
        const StageMultiplier m = request.stages.empty() ? StageMultiplier{} : request.stages[i];
        ScaledStage s;
        s.spec = base;
        s.baseRepeats = base.repeats;
        s.baseChannels = base.channels;
        // Global multiplier first; a per-stage factor of 1 leaves it bit-identical.
        s.depthMultiplier = m.depth == 1.0 ? a.depthMultiplier : a.depthMultiplier * m.depth;
        s.widthMultiplier = m.width == 1.0 ? a.widthMultiplier : a.widthMultiplier * m.width;
        s.spec.repeats = roundRepeats(base.repeats, s.depthMultiplier);
        s.spec.channels = roundChannels(base.channels, s.widthMultiplier, div, lim);
        const std::string p = "stage " + std::to_string(i + 1);
        if (s.spec.repeats > limits::kMaxRepeats)
            throw ValidationError(p + " depth",
                                  "scales " + std::to_string(base.repeats) + " repeats to " +
                                      std::to_string(s.spec.repeats) + ", more than " +
                                      std::to_string(limits::kMaxRepeats));
        if (s.spec.channels > limits::kMaxChannels)
            throw ValidationError(p + " width", "scales to " + std::to_string(s.spec.channels) +
                                                    " channels, more than " +
                                                    std::to_string(limits::kMaxChannels));
        a.stages.push_back(s);
    }
    return a;
}

int ScaledArch::totalBlocks() const {
    int n = 0;
    for (const auto& s : stages)
        n += s.spec.repeats;
    return n;
}

std::string ScaledArch::description() const {
    std::ostringstream os;
    os.precision(4);
    if (!request.label.empty()) os << request.label << ": ";
    if (request.mode == ScalingRequest::Mode::Compound) {
        const Coefficients& c = request.coefficients;
        os << "compound scaling, alpha=" << c.alpha << " beta=" << c.beta << " gamma=" << c.gamma
           << " phi=" << c.phi << " -> depth x" << depthMultiplier << ", width x" << widthMultiplier
           << ", " << uncappedResolution << " px";
    } else {
        os << "explicit multipliers: depth x" << depthMultiplier << ", width x" << widthMultiplier
           << ", " << uncappedResolution << " px";
    }
    if (resolution != uncappedResolution) os << " (capped to " << resolution << " px)";
    return os.str();
}

} // namespace scalescope
