#include "gridsearch.h"

#include "format.h"
#include "jsonreader.h"
#include "limits.h"
#include "schedule.h"
#include "validation.h"

#include <algorithm>
#include <cmath>

namespace scalescope {

namespace {
constexpr int kMaxPointsPerAxis = 201; // 201³ = 8.1 M products: still well under a second

int pointsPerAxis(const GridSearchSpec& s) {
    // A grid point is kept when it lies within a millionth of a step of `to`, so that 1.4 is
    // reached from 1.0 in steps of 0.05 despite binary fractions.
    return int(std::floor((s.to - s.from) / s.step + 1e-6)) + 1;
}
} // namespace

std::string gridRunName(const Coefficients& k) {
    return "a" + compactDecimal(k.alpha) + "-b" + compactDecimal(k.beta) + "-g" +
           compactDecimal(k.gamma);
}

ScaleConfig candidateConfig(const ScaleConfig& base, const Coefficients& k) {
    ScaleConfig c = base;
    if (c.request.mode == ScalingRequest::Mode::Explicit) c.request = ScalingRequest{};
    c.request.coefficients = k;
    c.request.label.clear();
    c.preset.clear();
    // Training and test sizes set apart from the model's grow with its resolution, as the
    // scaling study's do, or γ would change the model's nominal size and nothing it trains on.
    ProgressiveSettings& ps = c.training.progressive;
    if (ps.minImageSize == 0 && ps.maxImageSize == 0 && ps.evalImageSize == 0) return c;
    const ScalingRequest& from = base.request;
    double factor = 1.0;
    if (from.mode == ScalingRequest::Mode::Compound && from.resolution == 0) {
        factor = std::pow(k.gamma, k.phi) /
                 std::pow(from.coefficients.gamma, from.coefficients.phi); // γ^φ, exactly
    } else {
        try { // the ratio of the two models' resolutions
            factor = double(scale(c.baseline, c.request).uncappedResolution) /
                     double(scale(base.baseline, base.request).uncappedResolution);
        } catch (const ValidationError&) {
            // Past the engine's limits: gridCandidates leaves it out; sizes as configured.
        }
    }
    scaleSetImageSizes(ps, factor);
    return c;
}

void validateGridSeeds(int seeds, const std::string& field) {
    if (seeds < 1 || seeds > kMaxGridSeeds)
        throw ValidationError(field, "must be from 1 to " + std::to_string(kMaxGridSeeds) +
                                         ", not " + std::to_string(seeds));
}

std::vector<GridRun> gridRuns(const ScaleConfig& base, const std::vector<GridCandidate>& list,
                              int seeds) {
    validateGridSeeds(seeds, "grid.seeds");
    std::vector<GridRun> runs;
    runs.reserve(list.size() * size_t(seeds));
    for (size_t i = 0; i < list.size(); ++i) { // the first seed's: each candidate scaled once
        GridRun r;
        r.candidate = i;
        r.config = candidateConfig(base, list[i].coefficients);
        r.runName = gridRunName(list[i].coefficients);
        runs.push_back(std::move(r));
    }
    for (int k = 1; k < seeds; ++k)
        for (size_t i = 0; i < list.size(); ++i) {
            GridRun r = runs[i];
            r.seedIndex = k;
            r.config.training.seed += std::uint64_t(k);
            r.runName += "-seed" + std::to_string(r.config.training.seed);
            runs.push_back(std::move(r));
        }
    return runs;
}

bool isPaperCoefficients(const Coefficients& k) {
    const Coefficients paper;
    constexpr double kSame = 1e-6;
    return std::abs(k.alpha - paper.alpha) < kSame && std::abs(k.beta - paper.beta) < kSame &&
           std::abs(k.gamma - paper.gamma) < kSame;
}

namespace {
constexpr const char* kGridManifestFormat = "scalescope-grid"; // what the file is, for a reader
constexpr int kGridManifestVersion = 1;
} // namespace

Json gridManifestToJson(const GridManifest& m) {
    return Json{{"format", kGridManifestFormat}, {"version", kGridManifestVersion},
                {"from", m.spec.from},           {"to", m.spec.to},
                {"step", m.spec.step},           {"target", m.spec.target},
                {"tolerance", m.spec.tolerance}, {"phi", m.spec.phi},
                {"limit", m.spec.limit},         {"seeds", m.seeds},
                {"config", configToJson(m.base)}};
}

GridManifest gridManifestFromJson(const Json& j) {
    ObjectReader r(j, "");
    r.requireFormat(kGridManifestFormat, kGridManifestVersion);
    GridManifest m;
    m.spec.from = r.number("from");
    m.spec.to = r.number("to");
    m.spec.step = r.number("step");
    m.spec.target = r.number("target");
    m.spec.tolerance = r.number("tolerance");
    m.spec.phi = r.number("phi");
    m.spec.limit = r.integer("limit", 0);
    try {
        validate(m.spec);
    } catch (const ValidationError& e) { // grid.step -> step, as the file names it
        const std::string f = e.field().rfind("grid.", 0) == 0 ? e.field().substr(5) : e.field();
        throw ValidationError(f, e.reason());
    }
    m.seeds = r.integer("seeds");
    validateGridSeeds(m.seeds, "seeds");
    m.base = configFromJsonAt(r.raw("config"), "config");
    r.finish();
    return m;
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
    if (s.limit < 0 || s.limit > kMaxGridCandidates)
        throw ValidationError("grid.limit", "must be from 0 (every candidate) to " +
                                                std::to_string(kMaxGridCandidates));
}

std::vector<GridCandidate> gridCandidates(const ScaleConfig& base, const GridSearchSpec& s) {
    validate(s);
    const int n = pointsPerAxis(s);
    auto at = [&](int i) { return s.from + i * s.step; };
    // The points first, counted before any is costed: a refused grid costs nothing.
    std::vector<Coefficients> points;
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b)
            for (int g = 0; g < n; ++g) {
                const Coefficients k{at(a), at(b), at(g), s.phi};
                if (std::abs(k.flopsBase() - s.target) > s.tolerance) continue;
                if (int(points.size()) == kMaxGridCandidates)
                    throw ValidationError("grid.tolerance",
                                          "gives more than " + std::to_string(kMaxGridCandidates) +
                                              " candidates: narrow it, or the grid");
                points.push_back(k);
            }
    std::vector<GridCandidate> out;
    for (const Coefficients& k : points) {
        try {
            const ScaleConfig c = candidateConfig(base, k);
            const ScaledArch arch = scale(c.baseline, c.request);
            const CostReport costs = computeCosts(arch);
            const int trains = c.training.progressive.maxImageSize;
            out.push_back({k, k.flopsBase(), arch.depthMultiplier, arch.widthMultiplier,
                           arch.resolution, trains != 0 ? trains : arch.resolution, costs.params,
                           costs.macs});
        } catch (const ValidationError&) {
            // Past the engine's limits: not a model anyone can train.
        }
    }
    std::stable_sort(out.begin(), out.end(), [&](const GridCandidate& x, const GridCandidate& y) {
        return std::abs(x.product - s.target) < std::abs(y.product - s.target);
    });
    if (s.limit > 0 && size_t(s.limit) < out.size()) out.resize(size_t(s.limit));
    return out;
}

} // namespace scalescope
