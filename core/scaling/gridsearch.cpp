#include "gridsearch.h"

#include "limits.h"
#include "validation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scalescope {

namespace {
constexpr int kMaxPointsPerAxis = 201; // 201³ = 8.1 M products: still well under a second

int pointsPerAxis(const GridSearchSpec& s) {
    // A grid point is kept when it lies within a millionth of a step of `to`, so that 1.4 is
    // reached from 1.0 in steps of 0.05 despite binary fractions.
    return int(std::floor((s.to - s.from) / s.step + 1e-6)) + 1;
}
} // namespace

namespace {
std::string shortDecimal(double v) { // 1.200 -> 1.2, 1.150 -> 1.15
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s = buf;
    while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.')
        s.pop_back();
    return s;
}
} // namespace

std::string gridRunName(const Coefficients& k) {
    return "a" + shortDecimal(k.alpha) + "-b" + shortDecimal(k.beta) + "-g" + shortDecimal(k.gamma);
}

void validate(const GridSearchSpec& s) {
    requireFinite("grid.from", s.from);
    requireFinite("grid.to", s.to);
    requireFinite("grid.step", s.step);
    requireFinite("grid.target", s.target);
    requireFinite("grid.tolerance", s.tolerance);
    requireFinite("grid.phi", s.phi);
    // EfficientNet constrains α, β, γ ≥ 1: below 1 a coefficient shrinks what φ grows.
    if (s.from < 1.0 || s.from > limits::kMaxCoefficient)
        throw ValidationError("grid.from", "must be between 1 and " +
                                               std::to_string(int(limits::kMaxCoefficient)));
    if (s.to < s.from || s.to > limits::kMaxCoefficient)
        throw ValidationError("grid.to", "must be between grid.from and " +
                                             std::to_string(int(limits::kMaxCoefficient)));
    if (s.step <= 0) throw ValidationError("grid.step", "must be above 0");
    if ((s.to - s.from) / s.step + 1 > kMaxPointsPerAxis)
        throw ValidationError("grid.step", "gives more than " + std::to_string(kMaxPointsPerAxis) +
                                               " values from grid.from to grid.to");
    if (s.target <= 1.0) throw ValidationError("grid.target", "must be above 1");
    if (s.tolerance <= 0) throw ValidationError("grid.tolerance", "must be above 0");
    if (s.phi <= 0 || s.phi > limits::kMaxAbsPhi)
        throw ValidationError("grid.phi", "must be above 0 and at most " +
                                              std::to_string(int(limits::kMaxAbsPhi)));
}

std::vector<GridCandidate> gridCandidates(const ArchSpec& baseline, const ScalingRequest& base,
                                          const GridSearchSpec& s) {
    validate(s);
    const int n = pointsPerAxis(s);
    auto at = [&](int i) { return s.from + i * s.step; };
    std::vector<GridCandidate> out;
    ScalingRequest q = base;
    q.mode = ScalingRequest::Mode::Compound;
    q.label.clear();
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b)
            for (int g = 0; g < n; ++g) {
                Coefficients k{at(a), at(b), at(g), s.phi};
                const double product = k.flopsBase();
                if (std::abs(product - s.target) > s.tolerance) continue;
                q.coefficients = k;
                try {
                    const ScaledArch arch = scale(baseline, q);
                    const CostReport costs = computeCosts(arch);
                    out.push_back({k, product, arch.depthMultiplier, arch.widthMultiplier,
                                   arch.resolution, costs.params, costs.macs});
                } catch (const ValidationError&) {
                    // Past the engine's limits: not a model anyone can train.
                }
            }
    std::stable_sort(out.begin(), out.end(), [&](const GridCandidate& x, const GridCandidate& y) {
        return std::abs(x.product - s.target) < std::abs(y.product - s.target);
    });
    return out;
}

} // namespace scalescope
