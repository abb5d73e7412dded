// EfficientNet's grid search for α, β, γ: with φ fixed at 1 ("twice the resources"), every
// point of a grid whose α·β²·γ² is within a tolerance of the target (2: MACs about double per
// unit of φ), with what it costs. Training each candidate is the caller's (scalescope-cli
// grid --train); this part is plain arithmetic on the spec.
#pragma once

#include "config.h"
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
    int limit = 0;          // the `limit` closest to the target only; 0: every one
};

struct GridCandidate {
    Coefficients coefficients; // with φ = the spec's
    double product = 0;        // α·β²·γ²
    double depthMultiplier = 1, widthMultiplier = 1;
    int resolution = 0;
    int trainImageSize = 0; // the last training stage's: set apart and grown, or `resolution`
    std::int64_t params = 0, macs = 0;
};

// A candidate's run folder name: "a1.2-b1.1-g1.15" (at most three decimals each).
std::string gridRunName(const Coefficients& k);

// Throws ValidationError naming the field (grid.step, grid.tolerance, ...).
void validate(const GridSearchSpec& spec);

// The configuration a candidate trains: `base` scaled by α, β, γ, φ, its per-stage multipliers,
// size cap and training settings kept. Training and test sizes set apart from the model's grow
// with its resolution (scaleSetImageSizes), as the scaling study's points do. An official B1-B7
// table is a scaled model, not a baseline: the search starts from its B0.
ScaleConfig candidateConfig(const ScaleConfig& base, const Coefficients& k);

// One training run of a grid: a candidate at the seed of index `seedIndex` (the configured
// training seed plus it), in a folder named as the scaling study names its runs:
// "a1.2-b1.1-g1.15" at the configured seed, "a1.2-b1.1-g1.15-seed43" at the next.
struct GridRun {
    size_t candidate = 0; // its index in the candidate list
    int seedIndex = 0;
    ScaleConfig config;
    std::string runName;
};
inline constexpr int kMaxGridSeeds = 10; // seeds a candidate
// Throws ValidationError naming `field` unless 1 <= seeds <= kMaxGridSeeds.
void validateGridSeeds(int seeds, const std::string& field);

// Every candidate of `list` at each of `seeds` seeds, seed by seed: a stop after the first
// pass leaves every candidate trained once. Throws ValidationError("grid.seeds") outside 1 to
// kMaxGridSeeds.
std::vector<GridRun> gridRuns(const ScaleConfig& base, const std::vector<GridCandidate>& list,
                              int seeds);

// Whether `k` is the paper's α 1.2, β 1.1, γ 1.15 (to a millionth), which a grid's candidates
// are set against seed by seed.
bool isPaperCoefficients(const Coefficients& k);

// grid.json, beside a trained grid's run folders: the configured model the candidates scale
// (training settings included), the grid and the seeds, so that the folder opens again in the
// explorer's grid window with the same candidates. Written before the first run trains.
inline constexpr const char* kGridManifestFile = "grid.json";
struct GridManifest {
    ScaleConfig base;
    GridSearchSpec spec;
    int seeds = 1;
};
Json gridManifestToJson(const GridManifest& m);
// Throws ValidationError naming the field ("step", "seeds", "config.training.epochs", ...).
GridManifest gridManifestFromJson(const Json& j);

// At most this many candidates; a grid with more is refused (each one is a model to cost, and a
// run to train).
inline constexpr int kMaxGridCandidates = 1000;

// The grid's points within the tolerance, each costed as candidateConfig scales it, closest to
// the target first, then by α, β, γ. Points the scaling engine refuses (a model past its
// limits) are left out.
std::vector<GridCandidate> gridCandidates(const ScaleConfig& base, const GridSearchSpec& spec);

} // namespace scalescope
