// scalescope-cli study: EfficientNet's scaling study. The configured model grown by depth,
// width or resolution alone, and by all three at once, to the same nominal MACs at each φ;
// with --train, each point trained and the accuracies set side by side (study.csv).
#include "cliargs.h"
#include "trainflags.h"

#include "scaling/format.h"
#include "scaling/scalingstudy.h"

#ifdef SCALESCOPE_HAVE_TORCH
#include "runqueue.h"
#include "train/studyruns.h"
#include "train/trainer.h"
#endif

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

namespace {
using namespace scalescope;
namespace fs = std::filesystem;

const char* kStudyUsageHead =
    R"(usage: scalescope-cli study [--preset NAME | --config FILE] [OPTIONS]

EfficientNet's scaling study (Tan & Le, Figures 3 and 8): the configured model grown by depth
alone, width alone, resolution alone, and by all three at once (depth alpha^phi, width
beta^phi, resolution gamma^phi), each to the same nominal MACs (alpha*beta^2*gamma^2)^phi:
depth alone by that factor, width or resolution alone by its square root. phi counts from the
model as configured (its scaling flags, per-stage multipliers and size cap are kept), which
is the first point of every curve. Training sizes set apart from the model's (--min-size,
--max-size, --eval-size) grow with each point's resolution. The table gives each point's
rounded model, the sizes it trains and is validated at, and its real MACs beside the nominal
factor; with --train, each accuracy is set beside the MACs at the size it was validated at,
and a last table weighs it by them as the search that found EfficientNet-B0 did: the reward
acc x (MACs / the phi 0 model's)^-0.07, where twice the MACs must buy 5% more accuracy.

  --phis LIST            the phi of each point: 1,2 (default), 0.5,1,1.5 or FROM:TO:STEP
  --strategies LIST      compound, depth, width, resolution, or all (default)
  --seeds N              with --train: train every point N times (1 to 10), at the training
                         seed and the next N-1, and give the mean accuracy with its standard
                         error: on a small set one run's accuracy moves by points between
                         seeds; a second table sets each strategy against compound scaling
                         at its phi, seed by seed (default 1)
  --json                 the points as JSON (without --train)
  --train                train every point with the options below, the configured model
                         too, and set their final validation accuracies side by side (one
                         run folder each, and study.csv)
  --output-dir DIR       with --train: where (default ~/.local/share/scalescope/studies/...).
                         Run the same command again after a stop: finished points are read
                         back, a stopped one continues from its checkpoint. More phi
                         or strategies may be added to the same folder later (study.json
                         records them; study.csv lists them all); a study of another model
                         or other training options is refused there.
  --quiet                with --train: a line per point, none per epoch
  --folder DIR           the study a folder records (study.json): its points, each with
                         its state and accuracy as the table above; with --train, the
                         points not finished are trained (stopped ones continue), with the
                         study's own model and training settings (--from DIR: the same)

Training options (with --train), as for `train`:
)";

std::string phiLabel(double phi) {
    std::ostringstream os;
    os << phi;
    return os.str();
}

void printPoints(const std::vector<StudyPoint>& points) {
    std::cout << std::left << std::setw(12) << "strategy" << std::right << std::setw(6) << "phi"
              << std::setw(8) << "depth" << std::setw(8) << "width" << std::setw(7) << "size"
              << std::setw(7) << "train" << std::setw(6) << "test" << std::setw(11) << "params"
              << std::setw(10) << "MACs" << std::setw(10) << "nominal" << std::setw(8) << "real"
              << "\n";
    for (const StudyPoint& p : points)
        std::cout << std::left << std::setw(12) << toString(p.strategy) << std::right
                  << std::setw(6) << phiLabel(p.phi) << std::setw(8) << fixed(p.depthMultiplier, 3)
                  << std::setw(8) << fixed(p.widthMultiplier, 3) << std::setw(7) << p.resolution
                  << std::setw(7) << p.trainImageSize << std::setw(6) << p.testImageSize
                  << std::setw(11) << shortCount(double(p.params)) << std::setw(10)
                  << shortCount(double(p.macs)) << std::setw(9) << fixed(p.nominalMacsRatio, 2)
                  << "x" << std::setw(7) << fixed(p.macsRatio, 2) << "x\n";
    for (const StudyPoint& p : points)
        if (p.resolution != p.uncappedResolution)
            std::cout << toString(p.strategy) << " at phi " << phiLabel(p.phi) << ": "
                      << p.uncappedResolution << " px capped to " << p.resolution
                      << " px by the size cap\n";
}

Json pointsJson(const ScaleConfig& base, const StudySpec& spec,
                const std::vector<StudyPoint>& points) {
    Json out{{"baseline", base.baseline.displayName},
             {"alpha", base.request.coefficients.alpha},
             {"beta", base.request.coefficients.beta},
             {"gamma", base.request.coefficients.gamma},
             {"phis", spec.phis},
             {"seeds", spec.seeds}};
    Json strategies = Json::array();
    for (StudyStrategy s : spec.strategies)
        strategies.push_back(toString(s));
    out["strategies"] = strategies;
    Json rows = Json::array();
    for (const StudyPoint& p : points) {
        Json runNames = Json::array();
        for (int k = 0; k < spec.seeds; ++k)
            runNames.push_back(studyRun(p, k).runName);
        rows.push_back({{"strategy", toString(p.strategy)},
                        {"phi", p.phi},
                        {"depth_multiplier", p.depthMultiplier},
                        {"width_multiplier", p.widthMultiplier},
                        {"resolution", p.resolution},
                        {"uncapped_resolution", p.uncappedResolution},
                        {"train_image_size", p.trainImageSize},
                        {"test_image_size", p.testImageSize},
                        {"test_macs", p.testMacs},
                        {"params", p.params},
                        {"macs", p.macs},
                        {"nominal_macs_ratio", p.nominalMacsRatio},
                        {"macs_ratio", p.macsRatio},
                        {"run_name", p.runName},
                        {"run_names", runNames}});
    }
    out["points"] = rows;
    return out;
}

#ifdef SCALESCOPE_HAVE_TORCH
// Below the figure's table, with several seeds: each strategy against compound scaling at the
// same φ, seed by seed (pairedDifference), in points. `results` go with `runs`.
void printPairedTable(const StudySpec& spec, const std::vector<double>& phis,
                      const std::vector<StudyPoint>& runs, const std::vector<StudyResult>& results,
                      int width) {
    const auto& ss = spec.strategies;
    if (spec.seeds < 2 || std::find(ss.begin(), ss.end(), StudyStrategy::Compound) == ss.end() ||
        ss.size() < 2 || phis.size() < 2)
        return;
    // A point's accuracy at each seed index; NaN for a seed without a result.
    const auto bySeed = [&](StudyStrategy s, double phi) {
        std::vector<double> out(size_t(spec.seeds), NAN);
        for (size_t i = 0; i < runs.size(); ++i)
            if (runs[i].strategy == s && runs[i].phi == phi && runs[i].seedIndex < spec.seeds &&
                results[i].finished())
                out[size_t(runs[i].seedIndex)] = results[i].valAccuracy;
        return out;
    };
    std::cout << "\n" << std::setw(12) << "vs compound";
    for (size_t k = 1; k < phis.size(); ++k)
        std::cout << std::setw(width) << "phi " + phiLabel(phis[k]);
    std::cout << "\n";
    for (StudyStrategy s : ss) {
        if (s == StudyStrategy::Compound) continue;
        std::cout << std::setw(12) << toString(s);
        for (size_t k = 1; k < phis.size(); ++k) {
            const PairedDifference d =
                pairedDifference(bySeed(s, phis[k]), bySeed(StudyStrategy::Compound, phis[k]));
            std::cout << std::setw(width) << pairedDifferenceText(d);
        }
        std::cout << "\n";
    }
    std::cout << "(points above or below compound scaling at the same phi, seed by seed: the "
                 "mean difference\n ± its standard error, and in brackets the seeds where it "
                 "scored higher; a seed trains and\n validates every point on the same images)\n";
}

// The paper's figure as a table: a row per strategy, a column per φ, each cell the final
// validation accuracy (the mean over seeds, ± its standard error, where there are several)
// and the MACs at the size it was validated at, or the state of a run without a result. The
// configured model is every row's φ 0. `results` go with `runs` (studyRuns of `points`).
void printAccuracyTable(const StudySpec& spec, const std::vector<StudyPoint>& points,
                        const std::vector<StudyPoint>& runs,
                        const std::vector<StudyResult>& results) {
    std::vector<double> phis{0.0};
    for (double phi : spec.phis)
        if (phi != 0.0) phis.push_back(phi);
    // The configured model's MACs: the search reward's T.
    std::int64_t baseMacs = 0;
    for (const StudyPoint& p : points)
        if (p.strategy == StudyStrategy::Baseline) baseMacs = p.testMacs;
    bool anyResult = false;
    const auto cell = [&](StudyStrategy s, double phi, bool reward) -> std::string {
        for (const StudyPoint& p : points) {
            const bool match = phi == 0.0 ? p.strategy == StudyStrategy::Baseline
                                          : p.strategy == s && p.phi == phi;
            if (!match) continue;
            std::vector<double> accuracies;
            std::string pending;
            size_t missing = 0;
            for (size_t i = 0; i < runs.size(); ++i) {
                if (runs[i].strategy != p.strategy || runs[i].phi != p.phi) continue;
                // A stopped run's last validation is no result: the cell names its state.
                const StudyResult& r = results[i];
                if (r.finished())
                    accuracies.push_back(r.valAccuracy);
                else if (++missing == 1)
                    pending = r.state.substr(0, 11);
            }
            // The mean of the seeds trained (k/n while some are not); a state where none is.
            const AccuracySummary a = summarizeAccuracies(accuracies);
            anyResult = anyResult || !accuracies.empty();
            std::string what =
                accuracies.empty()
                    ? pending
                    : accuracyText(reward ? rewardSummary(a, p.testMacs, baseMacs) : a);
            if (!accuracies.empty() && missing > 0)
                what += " " + std::to_string(accuracies.size()) + "/" +
                        std::to_string(accuracies.size() + missing);
            return what + " (" + shortCount(double(p.testMacs)) + ")";
        }
        return "";
    };
    const int width = spec.seeds > 1 ? 27 : 22;
    const auto table = [&](const char* title, bool reward) {
        std::cout << std::left << std::setw(12) << title;
        for (double phi : phis)
            std::cout << std::setw(width) << "phi " + phiLabel(phi);
        std::cout << "\n";
        for (StudyStrategy s : spec.strategies) {
            std::cout << std::setw(12) << toString(s);
            for (double phi : phis)
                std::cout << std::setw(width) << cell(s, phi, reward);
            std::cout << "\n";
        }
    };
    table("val acc", false);
    if (spec.seeds > 1)
        std::cout << "(the mean of " << spec.seeds
                  << " seeds, ± its standard error; a seed is the training seed plus 0, 1, ...)\n";
    printPairedTable(spec, phis, runs, results, width);
    if (anyResult && baseMacs > 0) {
        std::cout << "\n";
        table("reward", true);
        std::cout << "(EfficientNet-B0's search objective, acc x (MACs tested / the phi 0 "
                     "model's)^-0.07: each\n point's accuracy discounted by what it costs more; "
                     "twice the MACs must buy 5% more\n accuracy to pay)\n";
    }
    std::cout << std::right;
}

int trainStudy(const ScaleConfig& base, const StudySpec& spec,
               const std::vector<StudyPoint>& points, const std::string& outDir, bool quiet) {
    // The folder records what it is a study of before anything trains (and refuses a study of
    // another configuration); earlier commands' points stay in it.
    StudyManifest held;
    try {
        held = train::recordStudy(outDir, base, spec, "--output-dir");
    } catch (const ValidationError& e) {
        throw ValidationError(e.field(), e.reason() + ": choose another folder");
    }
    std::vector<cli::QueuedTraining> queue;
    std::vector<std::string> dirs;
    // Seed by seed: a stop after the first pass still leaves every point trained once.
    std::vector<StudyPoint> runs = studyRuns(points, spec.seeds);
    std::stable_sort(runs.begin(), runs.end(), [](const StudyPoint& a, const StudyPoint& b) {
        return a.seedIndex < b.seedIndex;
    });
    for (const StudyPoint& p : runs) {
        std::ostringstream title;
        title << (p.strategy == StudyStrategy::Baseline
                      ? std::string("the configured model")
                      : toString(p.strategy) + " at phi " + phiLabel(p.phi))
              << ", " << p.resolution << " px";
        if (p.testImageSize != p.resolution)
            title << " (trains at " << p.trainImageSize << ", tested at " << p.testImageSize
                  << " px)";
        title << ", " << shortCount(double(p.testMacs)) << " MACs tested";
        if (spec.seeds > 1) title << ", seed " << p.config.training.seed;
        dirs.push_back((fs::path(outDir) / p.runName).string());
        queue.push_back({title.str(), dirs.back(), p.config});
    }
    cli::setRecorded(queue, (fs::path(outDir) / "study.csv").string());
    const cli::QueueOutcome outcome = cli::trainQueue(queue, quiet, "--output-dir");
    // study.csv covers every run the folder holds: this command's with what the queue did
    // ("read back", "stopped", ...), the others as their run folders are.
    const std::vector<StudyPoint> all = studyRuns(studyPoints(base, held.spec), held.spec.seeds);
    std::vector<StudyResult> results = train::studyFolderResults(outDir, all);
    std::vector<StudyResult> own;
    for (size_t k = 0; k < runs.size(); ++k) {
        const cli::QueuedResult& r = outcome.results[k];
        own.push_back({r.state, r.valAccuracy, r.bestValAccuracy, r.seconds, dirs[k]});
        for (size_t i = 0; i < all.size(); ++i)
            if (all[i].runName == runs[k].runName) results[i] = own.back();
    }
    const std::string csvPath = (fs::path(outDir) / "study.csv").string();
    writeFileAtomically(csvPath, studyCsv(all, results));
    printAccuracyTable(spec, points, runs, own);
    std::cout << "table: " << csvPath << "\n";
    return cli::queueExitCode(outcome);
}

// --folder DIR (or --from DIR): the study DIR/study.json records, with its own model, training
// settings and points; listed with each point's state, or with --train trained on where it
// stopped. `flag` is the one given, which the messages name.
int studyFromFolder(const cli::Args& a, const std::string& flag, const std::string& dir) {
    cli::refuseFlagsTheFolderKeeps(a, flag,
                                   {"--phis", "--strategies", "--seeds", "--output-dir", "--json"},
                                   "the study keeps the model, training settings and points its "
                                   "folder records");
    std::optional<StudyManifest> m;
    try {
        m = train::readStudyManifest(dir);
    } catch (const std::exception& e) {
        throw ValidationError(flag, e.what());
    }
    if (!m)
        throw ValidationError(flag, dir + " has no " + kStudyManifestFile +
                                        " (a folder that study --train or the GUI's study "
                                        "window trained into)");
    const std::vector<StudyPoint> points = studyPoints(m->base, m->spec);
    std::cerr << m->base.baseline.displayName << " scaled by alpha "
              << compactDecimal(m->base.request.coefficients.alpha) << ", beta "
              << compactDecimal(m->base.request.coefficients.beta) << ", gamma "
              << compactDecimal(m->base.request.coefficients.gamma) << ": " << points.size()
              << " points in " << dir << "\n";
    if (a.flag("--train")) return trainStudy(m->base, m->spec, points, dir, a.flag("--quiet"));
    if (a.has("--quiet")) throw ValidationError("--quiet", "goes with --train");
    printPoints(points);
    const std::vector<StudyPoint> runs = studyRuns(points, m->spec.seeds);
    const std::vector<StudyResult> results = train::studyFolderResults(dir, runs);
    printAccuracyTable(m->spec, points, runs, results);
    cli::printRecordedNote(results, "study.csv", dir);
    return 0;
}
#endif
} // namespace

int runStudyCommand(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help") {
            std::cout << kStudyUsageHead << cli::kTrainingFlagsHelp;
            return 0;
        }
    std::vector<std::string> options = cli::scalingFlagNames();
    for (const char* o :
         {"--phis", "--strategies", "--seeds", "--output-dir", "--folder", "--from"})
        options.push_back(o);
    for (const auto& o : cli::trainingFlagNames())
        options.push_back(o);
    const cli::Args a(argv, options, {"--json", "--train", "--quiet"});
    if (!a.positional().empty())
        throw ValidationError(a.positional().front(), "unexpected argument");

    // --folder, as grid calls it; --from, as the study first did.
    if (a.has("--folder") && a.has("--from"))
        throw ValidationError("--from", "is --folder by another name: give one of them");
    const std::string folderFlag = a.has("--from") ? "--from" : "--folder";
    if (const auto folder = a.value(folderFlag)) {
#ifdef SCALESCOPE_HAVE_TORCH
        return studyFromFolder(a, folderFlag, *folder);
#else
        throw ValidationError(folderFlag, "this build has no LibTorch (configure with "
                                          "-DSCALESCOPE_WITH_TORCH=ON)");
#endif
    }
    ScaleConfig base = cli::configFromArgs(a);
    StudySpec spec;
    if (auto v = a.value("--phis")) spec.phis = parsePhiList(*v, "--phis");
    if (auto v = a.integer("--seeds")) spec.seeds = *v;
    if (auto v = a.value("--strategies")) spec.strategies = parseStrategyList(*v, "--strategies");
    const bool train = a.flag("--train");
    if (train && a.flag("--json"))
        throw ValidationError("--json", "lists the points; with --train the results are in "
                                        "study.csv");
    if (!train)
        for (const char* only : {"--output-dir", "--quiet"})
            if (a.has(only)) throw ValidationError(only, "goes with --train");
    cli::applyTrainingFlags(a, base.training); // checked also when only listing
    std::vector<StudyPoint> points;
    try {
        points = studyPoints(base, spec);
    } catch (const ValidationError& e) {
        cli::rethrowAsFlag(e, {{"study.phis", "--phis"},
                               {"study.strategies", "--strategies"},
                               {"study.seeds", "--seeds"},
                               {"alpha", "--alpha"}});
    }
    if (a.flag("--json")) {
        std::cout << pointsJson(base, spec, points).dump(2) << "\n";
        return 0;
    }
    std::cerr << base.baseline.displayName << " scaled by alpha "
              << compactDecimal(base.request.coefficients.alpha) << ", beta "
              << compactDecimal(base.request.coefficients.beta) << ", gamma "
              << compactDecimal(base.request.coefficients.gamma) << " (alpha*beta^2*gamma^2 "
              << fixed(base.request.coefficients.flopsBase(), 4) << "): " << points.size()
              << " points\n";
    if (!train) {
        printPoints(points);
        return 0;
    }
#ifdef SCALESCOPE_HAVE_TORCH
    return trainStudy(base, spec, points,
                      a.value("--output-dir").value_or(train::defaultStudyDir()),
                      a.flag("--quiet"));
#else
    throw ValidationError("--train", "this build has no LibTorch (configure with "
                                     "-DSCALESCOPE_WITH_TORCH=ON)");
#endif
}
