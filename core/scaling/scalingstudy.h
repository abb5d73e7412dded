// EfficientNet's scaling study (Tan & Le, Figures 3 and 8): the same model grown by depth alone,
// width alone, resolution alone, and by all three at once, to the same nominal budget, so that
// the four curves of accuracy against MACs can be set side by side. At φ the compound model
// scales depth α^φ, width β^φ and resolution γ^φ, which multiplies MACs by about (α·β²·γ²)^φ;
// each single dimension is grown to that same factor on its own: depth (α·β²·γ²)^φ, width or
// resolution (α·β²·γ²)^(φ/2), since MACs grow with their square. Plain arithmetic on the spec;
// training the points is the caller's (scalescope-cli study --train, the GUI's study window).
#pragma once

#include "config.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace scalescope {

enum class StudyStrategy { Baseline, Compound, Depth, Width, Resolution };

std::string toString(StudyStrategy s); // "compound", "depth", ...
// "compound", "depth", "width", "resolution" (case-insensitive); throws naming `field`.
StudyStrategy studyStrategyFromString(const std::string& text, const std::string& field);

struct StudySpec {
    std::vector<double> phis{1.0, 2.0}; // φ of each point, counted from the model as configured
    std::vector<StudyStrategy> strategies{StudyStrategy::Compound, StudyStrategy::Depth,
                                          StudyStrategy::Width, StudyStrategy::Resolution};
    bool includeBaseline = true; // the configured model itself, where every curve starts
    // Runs of each point: the configured training seed, then the next ones. One accuracy on a
    // small set moves by points between seeds; the mean of several tells strategies apart.
    int seeds = 1;
};

inline constexpr int kMaxStudySeeds = 10;

struct StudyPoint {
    StudyStrategy strategy = StudyStrategy::Baseline;
    double phi = 0;
    // The nominal MACs factor over the configured model, (α·β²·γ²)^φ, and what the rounded
    // model really has.
    double nominalMacsRatio = 1, macsRatio = 1;
    double depthMultiplier = 1, widthMultiplier = 1; // global, as the model is built
    int resolution = 0;                              // after the configured size cap
    int uncappedResolution = 0;                      // before it
    // The last training stage's size: the model's, or the configured training size grown by
    // the point's resolution factor (as are the first stage's and the test size, where set).
    int trainImageSize = 0;
    // The size it is validated at (the configured test size, grown likewise, or the last
    // training stage's) and its MACs there: the cost its accuracy is drawn against.
    int testImageSize = 0;
    std::int64_t testMacs = 0;
    std::int64_t params = 0, macs = 0;
    ScaleConfig config; // what trains: explicit multipliers over the configured baseline
    // Which of the spec's seeds this run is (0: the configured seed, as studyPoints makes
    // every point), and its folder's name.
    int seedIndex = 0;
    std::string runName;
};

// A point's run folder name: "baseline", "compound-phi1", "width-phi0.5", "depth-phi-1"; a
// run at another seed than the configured one adds it: "compound-phi1-seed43". seed < 0: none.
std::string studyRunName(StudyStrategy s, double phi, std::int64_t seed = -1);

// The inverse of studyRunName: false for a name it does not write. `seed` (where given) is
// the name's seed, or -1 for a name without one.
bool parseStudyRunName(const std::string& name, StudyStrategy& strategy, double& phi,
                       std::int64_t* seed = nullptr);

// The run of `point` (as studyPoints makes it) at the seed of index `seedIndex`: the
// configured training seed plus the index, in a folder of its own.
StudyPoint studyRun(const StudyPoint& point, int seedIndex);
// Every run of the points: each point at each of `seeds` seeds, the configured one first.
std::vector<StudyPoint> studyRuns(const std::vector<StudyPoint>& points, int seeds);

// At most this many runs to train: points times seeds.
inline constexpr int kMaxStudyPoints = 200;

// Throws ValidationError naming the field (study.phis, study.strategies, study.seeds).
void validate(const StudySpec& spec);

// Every point of the study for `base`: the baseline first (where asked for), then each strategy
// in the spec's order, its φ in the spec's order. Each point keeps `base`'s per-stage
// multipliers, size cap, dropout and training settings; training and test sizes that are set
// (not the model's own) are multiplied by the point's resolution factor, rounded as the
// resolution is. A point past the engine's limits is refused, naming the strategy and φ.
std::vector<StudyPoint> studyPoints(const ScaleConfig& base, const StudySpec& spec);

// One point of a study of `base` (phi is ignored for the baseline), as studyPoints makes it.
StudyPoint studyPoint(const ScaleConfig& base, StudyStrategy strategy, double phi);

// What became of a point: its run's state and results (NaN where there are none).
struct StudyResult {
    // "trained", "read back", "recorded" (its folder is gone; the folder's CSV had it),
    // "stopped", "not trained", "failed: ..."
    std::string state;
    double valAccuracy = std::numeric_limits<double>::quiet_NaN(); // the last validation's
    double bestValAccuracy = std::numeric_limits<double>::quiet_NaN();
    double seconds = std::numeric_limits<double>::quiet_NaN(); // the run's wall time
    std::string runDir;
    // A finished run's: trained now, read back from its folder, or recorded.
    bool finished() const {
        return state == "trained" || state == "read back" || state == "recorded";
    }
};

// study.csv: a row per run (studyRuns), its model, sizes, MACs, result and seed (as many
// results as runs).
std::string studyCsv(const std::vector<StudyPoint>& runs, const std::vector<StudyResult>& results);

// The mean and standard error of a point's finite accuracies (NaN where there are none; the
// error NaN below two).
struct AccuracySummary {
    double mean, standardError;
    int count;
};
AccuracySummary summarizeAccuracies(const std::vector<double>& accuracies);

// EfficientNet-B0's search objective (MnasNet's soft constraint), ACC·(MACs/T)^w with
// w = -0.07, taking T as the configured model's MACs: that point's reward is its accuracy, and
// every other point's is its accuracy discounted by what it costs more. Twice the MACs must
// buy 5% more accuracy (2^0.07 = 1.05) to pay. Where the MACs are unknown: NaN.
inline constexpr double kSearchRewardExponent = -0.07;
double searchReward(double accuracy, std::int64_t macs, std::int64_t targetMacs);
// A point's accuracies summarized as its rewards: the mean and its error scaled by the same
// factor, since the MACs are the point's own.
AccuracySummary rewardSummary(const AccuracySummary& accuracy, std::int64_t macs,
                              std::int64_t targetMacs);

// Point a's accuracy minus point b's, seed by seed (index k holds seed k's accuracy, NaN where
// it has none), over the seeds both have. One seed trains every point of a study on the same
// images and validates them on the same set, so that set's own difficulty, which moves a
// single run by points, cancels in the difference.
struct PairedDifference {
    AccuracySummary difference; // of the pairs' differences: mean, standard error, pairs
    int higher = 0;             // pairs where a scored above b
};
PairedDifference pairedDifference(const std::vector<double>& a, const std::vector<double>& b);

// As the CLI prints them: "96.10%", "96.10±0.52%" (percent); "+1.60±1.05 (4/6 higher)"
// (points). "-" where there is none.
std::string accuracyText(const AccuracySummary& a);
std::string pairedDifferenceText(const PairedDifference& d);

// study.json, beside the points' run folders: the configured model a study grows, with its φ
// and strategies. Written before the first point trains, so that the folder reads back whole
// (the points not trained yet too) and a study of another model is not mixed into it.
inline constexpr const char* kStudyManifestFile = "study.json";
struct StudyManifest {
    ScaleConfig base; // the configured model, training settings included
    StudySpec spec;
};
Json studyManifestToJson(const StudyManifest& m);
// Throws ValidationError naming the field ("phis", "config.training.epochs", ...).
StudyManifest studyManifestFromJson(const Json& j);
// The φ and strategies of `a` followed by those of `b` not in it (φ equal to three decimals).
StudySpec mergeStudySpecs(const StudySpec& a, const StudySpec& b);

// "0.5,1,2" -> {0.5, 1, 2}; "0:2:0.5" (FROM:TO:STEP) -> {0, 0.5, 1, 1.5, 2}. Throws naming
// `field`.
std::vector<double> parsePhiList(const std::string& text, const std::string& field);
// "compound,depth" -> strategies; "all" -> the four. Throws naming `field`.
std::vector<StudyStrategy> parseStrategyList(const std::string& text, const std::string& field);

} // namespace scalescope
