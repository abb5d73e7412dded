// scalescope-cli grid: EfficientNet's grid search for α, β, γ at φ = 1. Lists the candidates
// with their costs; with --train, trains each one and ranks them by validation accuracy.
#include "cliargs.h"
#include "trainflags.h"

#include "scaling/format.h"
#include "scaling/gridsearch.h"
#include "scaling/scalingstudy.h"

#ifdef SCALESCOPE_HAVE_TORCH
#include "runqueue.h"
#include "train/gridfolder.h"
#include "train/speedprobe.h"
#include "train/trainer.h"
#endif

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>

namespace {
using namespace scalescope;
namespace fs = std::filesystem;

const char* kGridUsageHead = R"(usage: scalescope-cli grid [--preset NAME | --config FILE] [OPTIONS]

EfficientNet's grid search: with phi fixed (1: twice the resources), every alpha, beta, gamma
of a grid whose alpha*beta^2*gamma^2 lies within a tolerance of the target (2), with the
params and MACs of the model it scales to. The baseline's per-stage multipliers and image
size cap are kept. The paper found alpha 1.2, beta 1.1, gamma 1.15 (1.92) so.

  --from X --to X --step X   each coefficient's grid (default 1.0 to 1.4 by 0.05)
  --target X             the alpha*beta^2*gamma^2 sought (default 2)
  --tolerance X          how far from the target a candidate may be (default 0.1)
  --phi X                the phi each candidate is scaled to (default 1)
  --limit N              the N candidates closest to the target only
  --json                 the candidates as JSON (without --train)
  --measure              time each candidate's training step and inference here (as
                         `speed` does, with the training options' device and batch): the
                         same MACs can take different times (img/s columns, or in --json)
  --train                train every candidate with the options below and rank them by
                         final validation accuracy (one run folder each, grid.csv, and
                         grid.json, with which the GUI's grid window opens the folder)
  --output-dir DIR       with --train: where (default ~/.local/share/scalescope/grids/...).
                         Run the same command again after a stop: finished candidates are
                         read back, a stopped one continues from its checkpoint.
  --seeds N              with --train: train every candidate N times (1 to 10), at the
                         training seed and the next N-1, rank by the mean accuracy with its
                         standard error, and set each candidate against the paper's 1.2, 1.1,
                         1.15 seed by seed where it is listed (default 1)
  --quiet                with --train: a line per candidate, none per epoch
  --folder DIR           the grid a folder records (grid.json, written by --train or the
                         GUI's grid window): its candidates ranked from their runs as they
                         are, or with --train trained on where it stopped; the model,
                         training options, grid and seeds are the folder's

Training options (with --train), as for `train`:
)";

// What the grid chooses itself; refused with a reason rather than as unknown options.
const std::vector<std::string> kGridChooses = {"--alpha", "--beta",  "--gamma",
                                               "--width", "--depth", "--resolution"};

std::string numberText(double v) { // as few digits as it needs: 0.0001, 2, 1.15
    std::ostringstream os;
    os << v;
    return os.str();
}

// Measured img/s of a candidate: training step and inference (NaN when not measured).
struct Speed {
    double train = std::numeric_limits<double>::quiet_NaN();
    double inference = std::numeric_limits<double>::quiet_NaN();
};

void printCandidates(const std::vector<GridCandidate>& list, const std::vector<Speed>& speeds) {
    const bool measured = !speeds.empty();
    std::cout << std::right << std::setw(6) << "alpha" << std::setw(6) << "beta" << std::setw(7)
              << "gamma" << std::setw(11) << "a*b^2*g^2" << std::setw(8) << "depth" << std::setw(8)
              << "width" << std::setw(7) << "size" << std::setw(12) << "params" << std::setw(10)
              << "MACs";
    if (measured) std::cout << std::setw(12) << "step img/s" << std::setw(13) << "infer img/s";
    std::cout << "\n";
    for (size_t i = 0; i < list.size(); ++i) {
        const GridCandidate& c = list[i];
        std::cout << std::setw(6) << compactDecimal(c.coefficients.alpha) << std::setw(6)
                  << compactDecimal(c.coefficients.beta) << std::setw(7)
                  << compactDecimal(c.coefficients.gamma) << std::setw(11) << fixed(c.product, 4)
                  << std::setw(8) << fixed(c.depthMultiplier, 3) << std::setw(8)
                  << fixed(c.widthMultiplier, 3) << std::setw(7) << c.resolution << std::setw(12)
                  << shortCount(double(c.params)) << std::setw(10) << shortCount(double(c.macs));
        if (measured)
            std::cout << std::setw(12) << fixed(speeds[i].train, 1) << std::setw(13)
                      << fixed(speeds[i].inference, 1);
        std::cout << "\n";
    }
}

Json candidatesJson(const ScaleConfig& base, const GridSearchSpec& spec,
                    const std::vector<GridCandidate>& list, const std::vector<Speed>& speeds) {
    Json out{{"baseline", base.baseline.displayName},
             {"phi", spec.phi},
             {"target", spec.target},
             {"tolerance", spec.tolerance},
             {"from", spec.from},
             {"to", spec.to},
             {"step", spec.step}};
    Json rows = Json::array();
    for (size_t i = 0; i < list.size(); ++i) {
        const GridCandidate& c = list[i];
        rows.push_back({{"alpha", c.coefficients.alpha},
                        {"beta", c.coefficients.beta},
                        {"gamma", c.coefficients.gamma},
                        {"product", c.product},
                        {"depth_multiplier", c.depthMultiplier},
                        {"width_multiplier", c.widthMultiplier},
                        {"resolution", c.resolution},
                        {"params", c.params},
                        {"macs", c.macs}});
        if (!speeds.empty()) {
            rows.back()["train_images_per_second"] = speeds[i].train;
            rows.back()["inference_images_per_second"] = speeds[i].inference;
        }
    }
    out["candidates"] = rows;
    return out;
}

#ifdef SCALESCOPE_HAVE_TORCH
constexpr int kMeasureRepeats = 3; // timed steps a candidate; a ranking needs no more
constexpr int kMeasureWarmup = 1;

std::vector<Speed> measureCandidates(const ScaleConfig& base,
                                     const std::vector<GridCandidate>& list) {
    std::vector<Speed> speeds;
    train::SpeedRequest r;
    r.repeats = kMeasureRepeats;
    r.warmup = kMeasureWarmup;
    r.perStage = false;
    for (size_t i = 0; i < list.size(); ++i) {
        const GridCandidate& c = list[i];
        std::cerr << "[" << i + 1 << "/" << list.size() << "] measuring alpha "
                  << compactDecimal(c.coefficients.alpha) << ", beta "
                  << compactDecimal(c.coefficients.beta) << ", gamma "
                  << compactDecimal(c.coefficients.gamma) << "\n";
        const train::SpeedReport s = train::measureSpeed(candidateConfig(base, c.coefficients), r);
        speeds.push_back({s.trainImagesPerSecond(), s.inferenceImagesPerSecond()});
    }
    return speeds;
}

// The candidates ranked by their mean final validation accuracy over the seeds (`results`:
// one per run of `runs`), with each set against the paper's 1.2, 1.1, 1.15 seed by seed.
void printRanking(const std::vector<GridCandidate>& list, const std::vector<GridRun>& runs,
                  int seeds, const std::vector<StudyResult>& results) {

    // Each candidate's final accuracy at each seed (NaN where its run has none), its wall time
    // over the seeds, and the state of a run that did not finish.
    struct Outcome {
        std::vector<double> bySeed;
        double seconds = 0;
        int finished = 0;
        std::string unfinished;
    };
    std::vector<Outcome> out(list.size(),
                             Outcome{std::vector<double>(size_t(seeds), NAN), 0, 0, {}});
    for (size_t i = 0; i < runs.size(); ++i) {
        Outcome& o = out[runs[i].candidate];
        const StudyResult& t = results[i];
        const bool done = t.finished();
        if (done) {
            o.bySeed[size_t(runs[i].seedIndex)] = t.valAccuracy;
            ++o.finished;
        } else if (o.unfinished.empty()) {
            o.unfinished = t.state;
        }
        if (std::isfinite(t.seconds)) o.seconds += t.seconds;
    }
    std::vector<AccuracySummary> mean;
    for (const Outcome& o : out)
        mean.push_back(summarizeAccuracies(o.bySeed));
    // With several seeds, each candidate against the paper's 1.2, 1.1, 1.15, seed by seed.
    const auto paper = std::find_if(list.begin(), list.end(), [](const GridCandidate& c) {
        return isPaperCoefficients(c.coefficients);
    });
    const bool paired = seeds > 1 && paper != list.end();
    const size_t paperIndex = size_t(paper - list.begin());

    // Ranked: the best mean final validation accuracy first; those without one last.
    std::vector<size_t> ranked(list.size());
    for (size_t i = 0; i < ranked.size(); ++i)
        ranked[i] = i;
    std::stable_sort(ranked.begin(), ranked.end(), [&](size_t a, size_t b) {
        const bool fa = std::isfinite(mean[a].mean), fb = std::isfinite(mean[b].mean);
        return fa != fb ? fa : fa && mean[a].mean > mean[b].mean;
    });
    const int accWidth = seeds > 1 ? 15 : 10;
    std::cout << std::right << std::setw(5) << "rank" << std::setw(7) << "alpha" << std::setw(6)
              << "beta" << std::setw(7) << "gamma" << std::setw(11) << "a*b^2*g^2" << std::setw(10)
              << "MACs" << std::setw(accWidth) << "val acc";
    if (paired) std::cout << std::setw(26) << "vs 1.2/1.1/1.15";
    std::cout << std::setw(10) << "time"
              << "  state\n";
    for (size_t r = 0; r < ranked.size(); ++r) {
        const size_t i = ranked[r];
        const GridCandidate& c = list[i];
        const Outcome& o = out[i];
        std::string state = o.unfinished.empty() ? "trained" : o.unfinished;
        if (seeds > 1)
            state = std::to_string(o.finished) + "/" + std::to_string(seeds) + " trained" +
                    (o.unfinished.empty() ? "" : ", " + o.unfinished);
        else if (o.unfinished.empty())
            state = results[i].state; // "trained", "read back" or "recorded"
        std::cout << std::setw(5) << r + 1 << std::setw(7) << compactDecimal(c.coefficients.alpha)
                  << std::setw(6) << compactDecimal(c.coefficients.beta) << std::setw(7)
                  << compactDecimal(c.coefficients.gamma) << std::setw(11) << fixed(c.product, 4)
                  << std::setw(10) << shortCount(double(c.macs)) << std::setw(accWidth)
                  << accuracyText(mean[i]);
        if (paired)
            std::cout << std::setw(26)
                      << (i == paperIndex ? std::string("-")
                                          : pairedDifferenceText(pairedDifference(
                                                o.bySeed, out[paperIndex].bySeed)));
        std::cout << std::setw(9) << (o.seconds > 0 ? fixed(o.seconds, 1) + "s" : std::string("-"))
                  << "  " << state << "\n";
    }
    if (seeds > 1)
        std::cout << "(val acc: the mean of " << seeds
                  << " seeds ± its standard error; time: over the seeds"
                  << (paired ? ";\n vs 1.2/1.1/1.15: points above or below the paper's "
                               "coefficients, seed by seed, and in brackets\n the seeds where "
                               "it scored higher"
                             : "")
                  << ")\n";
}

int trainGrid(const ScaleConfig& base, const GridSearchSpec& spec,
              const std::vector<GridCandidate>& list, int seeds, const std::string& outDir,
              bool quiet) {
    const std::vector<GridRun> runs = gridRuns(base, list, seeds);
    // grid.json first: the folder opens in the explorer's grid window, stopped or not.
    train::recordGrid(outDir, base, spec, seeds, runs, "--output-dir");
    std::vector<cli::QueuedTraining> queue;
    std::vector<std::string> dirs;
    for (const GridRun& r : runs) {
        const GridCandidate& c = list[r.candidate];
        std::ostringstream title;
        title << "alpha " << compactDecimal(c.coefficients.alpha) << ", beta "
              << compactDecimal(c.coefficients.beta) << ", gamma "
              << compactDecimal(c.coefficients.gamma) << " (" << fixed(c.product, 4) << "), "
              << c.resolution << " px";
        const ProgressiveSettings& ps = r.config.training.progressive;
        if (ps.maxImageSize != 0 && ps.maxImageSize != c.resolution)
            title << " (trains at " << ps.maxImageSize << " px)"; // sizes set apart, grown by γ
        title << ", " << shortCount(double(c.macs)) << " MACs";
        if (seeds > 1) title << ", seed " << r.config.training.seed;
        dirs.push_back((fs::path(outDir) / r.runName).string());
        queue.push_back({title.str(), dirs.back(), r.config});
    }
    cli::setRecorded(queue, (fs::path(outDir) / "grid.csv").string());
    const cli::QueueOutcome outcome = cli::trainQueue(queue, quiet, "--output-dir");
    // The states as the queue saw them ("read back", "not started"), not the folders'.
    std::vector<StudyResult> results;
    for (size_t i = 0; i < runs.size(); ++i) {
        const cli::QueuedResult& q = outcome.results[i];
        StudyResult r;
        r.state = q.state;
        r.valAccuracy = q.valAccuracy;
        r.bestValAccuracy = q.bestValAccuracy;
        r.seconds = q.seconds;
        r.runDir = dirs[i];
        results.push_back(r);
    }
    const std::string csvPath = (fs::path(outDir) / "grid.csv").string();
    writeFileAtomically(csvPath, train::gridCsv(list, runs, results));
    printRanking(list, runs, seeds, results);
    std::cout << "table: " << csvPath << "\n";
    return cli::queueExitCode(outcome);
}

// --folder DIR: the grid DIR/grid.json records, with its own model, training settings, grid
// and seeds; ranked from its run folders as they are, or with --train trained on where it
// stopped.
int gridFromFolder(const cli::Args& a, const std::string& dir) {
    cli::refuseFlagsTheFolderKeeps(a, "--folder",
                                   {"--from", "--to", "--step", "--target", "--tolerance", "--phi",
                                    "--limit", "--seeds", "--output-dir", "--json", "--measure"},
                                   "the grid keeps the model, training settings, grid and seeds "
                                   "its folder records");
    std::optional<GridManifest> m;
    try {
        m = train::readGridManifest(dir);
    } catch (const std::exception& e) {
        throw ValidationError("--folder", e.what());
    }
    if (!m)
        throw ValidationError("--folder", dir + " has no " + kGridManifestFile +
                                              " (a folder that grid --train or the GUI's grid "
                                              "window trained into)");
    const std::vector<GridCandidate> list = gridCandidates(m->base, m->spec);
    std::cerr << m->base.baseline.displayName << " at phi " << numberText(m->spec.phi) << ": "
              << list.size() << " candidates at " << m->seeds << " seed"
              << (m->seeds > 1 ? "s" : "") << " in " << dir << "\n";
    if (a.flag("--train"))
        return trainGrid(m->base, m->spec, list, m->seeds, dir, a.flag("--quiet"));
    if (a.has("--quiet")) throw ValidationError("--quiet", "goes with --train");
    // Each run as its folder holds it; nothing is trained or written.
    const std::vector<GridRun> runs = gridRuns(m->base, list, m->seeds);
    const std::vector<StudyResult> results = train::gridFolderResults(dir, runs);
    printRanking(list, runs, m->seeds, results);
    cli::printRecordedNote(results, "grid.csv", dir);
    return 0;
}
#endif
} // namespace

int runGridCommand(const std::vector<std::string>& argv) {
    for (const auto& a : argv) {
        if (a == "--help") {
            std::cout << kGridUsageHead << cli::kTrainingFlagsHelp;
            return 0;
        }
        for (const auto& chosen : kGridChooses)
            if (a == chosen || a.rfind(chosen + "=", 0) == 0)
                throw ValidationError(chosen, "the grid chooses alpha, beta and gamma, and "
                                              "scales by them (set --from, --to, --step)");
    }
    std::vector<std::string> options;
    for (const auto& o : cli::scalingFlagNames())
        if (o != "--phi" &&
            std::find(kGridChooses.begin(), kGridChooses.end(), o) == kGridChooses.end())
            options.push_back(o);
    for (const char* o : {"--from", "--to", "--step", "--target", "--tolerance", "--phi", "--limit",
                          "--seeds", "--output-dir", "--folder"})
        options.push_back(o);
    for (const auto& o : cli::trainingFlagNames())
        options.push_back(o);
    const cli::Args a(argv, options, {"--json", "--train", "--quiet", "--measure"});
    if (!a.positional().empty())
        throw ValidationError(a.positional().front(), "unexpected argument");

    if (const auto folder = a.value("--folder")) {
#ifdef SCALESCOPE_HAVE_TORCH
        return gridFromFolder(a, *folder);
#else
        throw ValidationError("--folder", "this build has no LibTorch (configure with "
                                          "-DSCALESCOPE_WITH_TORCH=ON)");
#endif
    }
    ScaleConfig base = cli::configFromArgs(a);
    GridSearchSpec spec;
    if (auto v = a.number("--from")) spec.from = *v;
    if (auto v = a.number("--to")) spec.to = *v;
    if (auto v = a.number("--step")) spec.step = *v;
    if (auto v = a.number("--target")) spec.target = *v;
    if (auto v = a.number("--tolerance")) spec.tolerance = *v;
    if (auto v = a.number("--phi")) spec.phi = *v;
    if (auto n = a.integer("--limit")) {
        if (*n < 1) throw ValidationError("--limit", "must be at least 1");
        spec.limit = std::min(*n, kMaxGridCandidates);
    }
    const std::vector<GridCandidate> list = gridCandidates(base, spec);
    const bool train = a.flag("--train");
    if (train && a.flag("--json"))
        throw ValidationError("--json", "lists the candidates; with --train the results are in "
                                        "grid.csv");
    if (train && a.flag("--measure"))
        throw ValidationError("--measure", "times the listed candidates; with --train each "
                                           "run's metrics.csv has its img/s");
    if (!train)
        for (const char* only : {"--output-dir", "--quiet", "--seeds"})
            if (a.has(only)) throw ValidationError(only, "goes with --train");
    const int seeds = int(a.integer("--seeds").value_or(1));
    validateGridSeeds(seeds, "--seeds");
    cli::applyTrainingFlags(a, base.training); // checked also when only listing
    if (list.empty())
        throw ValidationError("grid.tolerance", "no alpha, beta, gamma of the grid lies within " +
                                                    numberText(spec.tolerance) + " of " +
                                                    numberText(spec.target) +
                                                    ": widen the tolerance or the grid");
    if (!a.flag("--json"))
        std::cerr << base.baseline.displayName << " at phi " << numberText(spec.phi)
                  << ": alpha, beta, gamma from " << numberText(spec.from) << " to "
                  << numberText(spec.to) << " by " << numberText(spec.step)
                  << ", alpha*beta^2*gamma^2 within " << numberText(spec.tolerance) << " of "
                  << numberText(spec.target) << ": " << list.size()
                  << (list.size() == 1 ? " candidate\n" : " candidates\n");
    std::vector<Speed> speeds;
    if (a.flag("--measure")) {
#ifdef SCALESCOPE_HAVE_TORCH
        speeds = measureCandidates(base, list);
#else
        throw ValidationError("--measure", "this build has no LibTorch (configure with "
                                           "-DSCALESCOPE_WITH_TORCH=ON)");
#endif
    }
    if (a.flag("--json")) {
        std::cout << candidatesJson(base, spec, list, speeds).dump(2) << "\n";
        return 0;
    }
    if (!train) {
        printCandidates(list, speeds);
        return 0;
    }
#ifdef SCALESCOPE_HAVE_TORCH
    return trainGrid(base, spec, list, seeds,
                     a.value("--output-dir").value_or(train::defaultGridDir()), a.flag("--quiet"));
#else
    throw ValidationError("--train", "this build has no LibTorch (configure with "
                                     "-DSCALESCOPE_WITH_TORCH=ON)");
#endif
}
