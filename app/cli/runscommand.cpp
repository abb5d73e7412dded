// scalescope-cli runs: the training runs in a folder (by default ScaleScope's data folder:
// runs/, grids/, studies/), newest first, with their model, state and accuracies; and
// scalescope-cli compare: runs set against a reference run by wall time.
#include "cliargs.h"

#include "scaling/format.h"
#include "train/runcomparison.h"
#include "train/runhistory.h"
#include "train/trainer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>

namespace {
using namespace scalescope;
namespace fs = std::filesystem;

const char* kRunsUsage =
    R"(usage: scalescope-cli runs [FOLDER...] [--json]

Lists the training runs in each FOLDER (default: ScaleScope's data folder, whose runs/ holds
the runs `train` and the GUI start without --run-dir, and grids/ and studies/ those of grid
searches and scaling studies): FOLDER itself where it is a run folder (it holds metrics.csv),
else the run folders up to three levels below it, as a study's or a grid's folder or an
experiment's (seed1/fixed, seed1/paper) hold them. Newest first, with the model, the
dataset, the image sizes (trained, and validated where it differs), the schedule, the epochs
trained of those planned, the state, the last and the best validation accuracy and the run's
wall time. An unfinished run with a checkpoint goes on with
`scalescope-cli train --run-dir DIR --resume`.

  --json                 the list as JSON
)";

// "48-64, val 80": the training sizes, and the validation size where it is not the last one.
std::string sizesText(const train::RunListing& r) {
    if (r.validatedSize <= 0) return "-";
    std::string out = std::to_string(r.smallestSize);
    if (r.largestSize != r.smallestSize) out += "-" + std::to_string(r.largestSize);
    if (r.validatedSize != r.largestSize) out += ", val " + std::to_string(r.validatedSize);
    return out;
}

std::string stateText(const train::RunListing& r) {
    using S = train::RunListing::State;
    switch (r.state) {
    case S::Finished:
        return "finished";
    case S::Unfinished:
        return r.hasCheckpoint ? "unfinished (can resume)" : "unfinished (no checkpoint)";
    case S::Unreadable:
        return "unreadable";
    }
    return "";
}

Json listingJson(const train::RunListing& r) {
    Json j;
    j["dir"] = r.dir;
    j["model"] = r.model;
    j["dataset"] = r.dataset;
    j["schedule"] = r.schedule;
    j["smallest_image_size"] = r.smallestSize;
    j["largest_image_size"] = r.largestSize;
    j["validated_image_size"] = r.validatedSize;
    j["state"] = r.state == train::RunListing::State::Finished     ? "finished"
                 : r.state == train::RunListing::State::Unfinished ? "unfinished"
                                                                   : "unreadable";
    j["epochs"] = r.epochs;
    j["planned_epochs"] = r.plannedEpochs;
    j["has_checkpoint"] = r.hasCheckpoint;
    j["final_val_accuracy"] = cli::finiteOrNull(r.finalValAccuracy);
    j["best_val_accuracy"] = cli::finiteOrNull(r.bestValAccuracy);
    j["seconds"] = cli::finiteOrNull(r.seconds);
    if (!r.problem.empty()) j["problem"] = r.problem;
    return j;
}
} // namespace

int runRunsCommand(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help") return std::cout << kRunsUsage, 0;
    const cli::Args a(argv, {}, {"--json"});
    std::vector<std::string> folders = a.positional();
    if (folders.empty()) {
        folders.push_back(train::dataDir());
        std::error_code ec;
        if (!fs::is_directory(folders.front(), ec)) { // nothing trained here yet
            if (a.flag("--json"))
                std::cout << "[]\n";
            else
                std::cout << "no runs yet: " << folders.front() << " does not exist\n";
            return 0;
        }
    }
    const std::vector<train::RunListing> runs = train::listRuns(folders);
    if (a.flag("--json")) {
        Json list = Json::array();
        for (const auto& r : runs)
            list.push_back(listingJson(r));
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    // Runs in one folder are named relative to it; runs from several, by their whole path.
    const auto name = [&](const train::RunListing& r) {
        if (folders.size() != 1) return r.dir;
        const fs::path rel = fs::path(r.dir).lexically_relative(folders.front());
        return rel.empty() || rel == "." ? r.dir : rel.string();
    };
    size_t wName = 3, wModel = 5, wData = 7, wSizes = 8, wState = 5;
    for (const auto& r : runs) {
        wName = std::max(wName, name(r).size());
        wModel = std::max(wModel, r.model.size());
        wData = std::max(wData, r.dataset.size());
        wSizes = std::max(wSizes, sizesText(r).size());
        wState = std::max(wState, stateText(r).size());
    }
    std::cout << std::left << std::setw(int(wName) + 2) << "run" << std::setw(int(wModel) + 2)
              << "model" << std::setw(int(wData) + 2) << "dataset" << std::setw(int(wSizes) + 2)
              << "image px" << std::setw(10) << "schedule" << std::setw(9) << "epochs"
              << std::setw(int(wState) + 2) << "state" << std::right << std::setw(9) << "val acc"
              << std::setw(9) << "best" << std::setw(10) << "time"
              << "\n";
    int unreadable = 0;
    for (const auto& r : runs) {
        const bool readable = r.state != train::RunListing::State::Unreadable;
        unreadable += !readable;
        std::cout << std::left << std::setw(int(wName) + 2) << name(r) << std::setw(int(wModel) + 2)
                  << (r.model.empty() ? "-" : r.model) << std::setw(int(wData) + 2)
                  << (r.dataset.empty() ? "-" : r.dataset) << std::setw(int(wSizes) + 2)
                  << sizesText(r) << std::setw(10) << (r.schedule.empty() ? "-" : r.schedule)
                  << std::setw(9)
                  << (readable ? std::to_string(r.epochs) + "/" + std::to_string(r.plannedEpochs)
                               : std::string("-"))
                  << std::setw(int(wState) + 2) << stateText(r) << std::right << std::setw(9)
                  << percentCell(r.finalValAccuracy) << std::setw(9)
                  << percentCell(r.bestValAccuracy) << std::setw(10)
                  << (std::isfinite(r.seconds) ? clockTime(r.seconds) : std::string("-")) << "\n";
    }
    std::cout << runs.size() << (runs.size() == 1 ? " run" : " runs");
    if (folders.size() == 1) std::cout << " in " << folders.front();
    std::cout << "\n";
    if (unreadable)
        for (const auto& r : runs)
            if (r.state == train::RunListing::State::Unreadable)
                std::cout << name(r) << ": " << r.problem << "\n";
    return 0;
}

namespace {
const char* kCompareUsage =
    R"(usage: scalescope-cli compare RUN RUN... [--reference N] [--mean-seeds] [--json]

Sets training runs against a reference run by wall time, as EfficientNetV2 sets progressive
learning against fixed-size training: the accuracy the reference ended at, and for each run
the first epoch at which it validated at or above it, the wall time then, and that time as a
share of the reference's own time to it (x time; EfficientNetV2 reports 0.35-0.71 for
progressive learning). The reference is timed to the epoch at which it first reached its
final accuracy, not to its end: on a set it masters early, its later epochs would flatter
the others. Where the runs record it, x training is the same share without the time spent
validating. Points vs ref is the final accuracy's difference from the reference's. A run that
validated on other images than the reference (another dataset, count, seed or size) is named
in a note: its accuracies do not compare.

Each RUN is a run folder or its metrics.csv (`scalescope-cli runs` lists them), or a folder
of runs, which stands for the run folders in it, by name (an experiment's fixed/ and paper/).

  --reference N          the run to compare with, 1-based (default: the first with the
                         fixed schedule, else the first)
  --mean-seeds           average the runs that differ only in their seed (the same
                         configuration trained at other seeds), epoch by epoch, and compare
                         the means; each mean's final accuracy is also set against the
                         reference's seed by seed, with its standard error (points vs ref)
  --json                 the comparison as JSON
)";

std::string ratioCell(double r) {
    return std::isfinite(r) ? fixed(r, 2) : std::string("-");
}
} // namespace

int runCompareCommand(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help") return std::cout << kCompareUsage, 0;
    const cli::Args a(argv, {"--reference"}, {"--json", "--mean-seeds"});
    // Each run read once. A folder of runs stands for its runs, by name: "fixed" before
    // "paper"; those it cannot use are named and left out.
    std::vector<std::string> paths;
    std::vector<train::RunHistory> histories;
    const auto read = [](const std::string& path) {
        try {
            return train::readRunHistory(path);
        } catch (const std::exception& e) {
            const std::string why = e.what(); // names the file, not always its folder
            throw ValidationError("RUN", why.rfind(path, 0) == 0 ? why : path + ": " + why);
        }
    };
    for (const std::string& given : a.positional()) {
        std::error_code ec;
        if (!fs::is_directory(given, ec) || fs::exists(fs::path(given) / train::kMetricsFile, ec)) {
            histories.push_back(read(given));
            paths.push_back(given);
            continue;
        }
        std::vector<std::string> inside = train::runFolders(given);
        std::sort(inside.begin(), inside.end());
        size_t kept = 0;
        for (const std::string& dir : inside) {
            try {
                train::RunHistory h = read(dir);
                if (h.epochs.empty()) throw ValidationError("RUN", dir + ": no epoch recorded yet");
                histories.push_back(std::move(h));
                paths.push_back(dir);
                ++kept;
            } catch (const ValidationError& e) {
                std::cerr << "compare: left out " << e.reason() << "\n";
            }
        }
        if (kept == 0) throw ValidationError("RUN", given + " holds no run folder");
    }
    if (paths.size() < 2)
        throw ValidationError("RUN", "give at least two run folders to compare (" +
                                         std::to_string(paths.size()) + " given)");
    std::vector<train::ComparedRun> runs;
    std::vector<std::string> schedules;
    for (size_t i = 0; i < paths.size(); ++i) {
        const train::RunHistory& h = histories[i];
        runs.push_back({paths[i], h.epochs, h.plannedEpochs, h.validation, h.seedGroup, h.seed});
        schedules.push_back(h.schedule);
    }
    const bool mean = a.flag("--mean-seeds");
    if (!mean)
        for (train::ComparedRun& r : runs)
            r.seedGroup.clear(); // each run stands alone
    int reference = train::defaultReference(schedules);
    if (const auto n = a.integer("--reference")) {
        if (*n < 1 || *n > int(runs.size()))
            throw ValidationError("--reference", "must be between 1 and " +
                                                     std::to_string(runs.size()) + ", not " +
                                                     std::to_string(*n));
        reference = *n - 1;
    }
    train::SeedComparison sc;
    try {
        sc = train::compareSeedMeans(runs, reference);
    } catch (const std::invalid_argument& e) {
        throw ValidationError("--reference", e.what());
    }
    const train::RunComparison& c = sc.comparison;
    const std::vector<train::SeedMean>& groups = sc.groups;
    // A row is a run, or with --mean-seeds the mean of its group: named by its runs' paths
    // where they differ only in the seed ("seed{1..6}/paper"), else by its first run's.
    std::vector<std::string> names;
    std::vector<bool> namedByPaths; // the name says every run's folder
    for (const train::SeedMean& g : groups) {
        std::vector<std::string> members;
        for (int m : g.members)
            members.push_back(paths[size_t(m)]);
        const std::string pattern = train::seedPathPattern(members, g.seeds);
        namedByPaths.push_back(!pattern.empty());
        names.push_back(!pattern.empty() ? pattern
                        : g.members.size() > 1
                            ? members.front() + " x" + std::to_string(g.members.size())
                            : members.front());
    }
    const auto first = [&](size_t row) -> const train::RunHistory& {
        return histories[size_t(groups[row].members.front())];
    };
    if (a.flag("--json")) {
        Json j;
        j["reference"] = paths[size_t(groups[size_t(c.reference)].members.front())];
        j["target_accuracy"] = cli::finiteOrNull(c.target);
        j["mean_over_seeds"] = mean;
        Json list = Json::array();
        for (size_t i = 0; i < groups.size(); ++i) {
            const train::RunComparisonRow& r = c.rows[i];
            Json row;
            row["run"] = paths[size_t(groups[i].members.front())];
            if (mean) {
                Json members = Json::array(), seeds = Json::array();
                for (size_t m = 0; m < groups[i].members.size(); ++m) {
                    members.push_back(paths[size_t(groups[i].members[m])]);
                    seeds.push_back(groups[i].seeds[m]);
                }
                row["runs"] = members;
                row["seeds"] = seeds;
            }
            row["model"] = first(i).model;
            row["schedule"] = first(i).schedule;
            row["epochs"] = r.epochs;
            row["planned_epochs"] = r.plannedEpochs;
            row["final_val_accuracy"] = cli::finiteOrNull(r.finalAccuracy);
            row["best_val_accuracy"] = cli::finiteOrNull(r.bestAccuracy);
            row["seconds"] = cli::finiteOrNull(r.seconds);
            row["training_seconds"] = cli::finiteOrNull(r.trainingSeconds);
            row["reached_epoch"] = r.reachedEpoch > 0 ? Json(r.reachedEpoch) : Json(nullptr);
            row["reached_seconds"] = cli::finiteOrNull(r.reachedSeconds);
            row["time_ratio"] = cli::finiteOrNull(r.ratio);
            row["training_time_ratio"] = cli::finiteOrNull(r.trainingRatio);
            row["final_difference"] = cli::finiteOrNull(r.finalDifference);
            row["final_difference_standard_error"] = cli::finiteOrNull(r.differenceError);
            row["seed_pairs"] = r.pairs;
            row["validation_images"] = groups[i].run.validation;
            row["same_validation_images"] = r.sameValidation;
            list.push_back(row);
        }
        j["runs"] = list;
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    const std::string reached = "reached " + percentCell(c.target);
    size_t wName = 3, wSchedule = 8, wReached = reached.size();
    const auto reachedText = [](const train::RunComparisonRow& r) {
        return r.reachedEpoch > 0
                   ? "epoch " + std::to_string(r.reachedEpoch) + ", " + clockTime(r.reachedSeconds)
                   : std::string("never");
    };
    // Points against the reference's final accuracy, with the standard error of a mean over
    // seed pairs.
    const auto differenceText = [&](size_t i) {
        const train::RunComparisonRow& r = c.rows[i];
        if (int(i) == c.reference || !std::isfinite(r.finalDifference)) return std::string("-");
        std::string t = (r.finalDifference >= 0 ? "+" : "") + fixed(100 * r.finalDifference, 2);
        if (std::isfinite(r.differenceError)) t += " +-" + fixed(100 * r.differenceError, 2);
        return t;
    };
    for (size_t i = 0; i < groups.size(); ++i) {
        wName = std::max(wName, names[i].size());
        wSchedule = std::max(wSchedule, first(i).schedule.size());
        wReached = std::max(wReached, reachedText(c.rows[i]).size());
    }
    std::cout << std::left << std::setw(int(wName) + 2) << "run" << std::setw(int(wSchedule) + 2)
              << "schedule" << std::setw(9) << "epochs" << std::right << std::setw(9) << "val acc"
              << std::setw(9) << "best" << std::setw(10) << "time"
              << "  " << std::left << std::setw(int(wReached) + 2) << reached << std::right
              << std::setw(7) << "x time" << std::setw(12) << "x training" << std::setw(16)
              << "points vs ref"
              << "\n";
    for (size_t i = 0; i < groups.size(); ++i) {
        const train::RunComparisonRow& r = c.rows[i];
        const std::string& schedule = first(i).schedule;
        std::cout << std::left << std::setw(int(wName) + 2) << names[i]
                  << std::setw(int(wSchedule) + 2) << (schedule.empty() ? "-" : schedule)
                  << std::setw(9)
                  << (std::to_string(r.epochs) + "/" + std::to_string(r.plannedEpochs))
                  << std::right << std::setw(9) << percentCell(r.finalAccuracy) << std::setw(9)
                  << percentCell(r.bestAccuracy) << std::setw(10) << clockTime(r.seconds) << "  "
                  << std::left << std::setw(int(wReached) + 2) << reachedText(r) << std::right
                  << std::setw(7) << ratioCell(r.ratio) << std::setw(12)
                  << ratioCell(r.trainingRatio) << std::setw(16) << differenceText(i) << "\n";
    }
    std::cout << "reference: " << names[size_t(c.reference)] << ", which ended at "
              << percentCell(c.target) << "\n";
    if (mean) {
        for (size_t i = 0; i < groups.size(); ++i) {
            const train::SeedMean& g = groups[i];
            if (g.members.size() < 2) continue;
            std::cout << names[i] << ": the mean of " << g.members.size() << " runs (seeds";
            for (size_t m = 0; m < g.members.size(); ++m)
                std::cout << (m ? ", " : " ") << g.seeds[m];
            std::cout << ") over the " << c.rows[i].epochs << " epochs all of them recorded";
            if (!namedByPaths[i]) {
                std::cout << ":";
                for (int m : g.members)
                    std::cout << " " << paths[size_t(m)];
            }
            std::cout << "\n";
        }
        for (size_t i = 0; i < groups.size(); ++i)
            if (int(i) != c.reference && c.rows[i].pairs >= 2)
                std::cout << names[i] << " against the reference, final accuracy seed by seed: "
                          << differenceText(i).substr(0, differenceText(i).find(" +-"))
                          << " points (standard error " << fixed(100 * c.rows[i].differenceError, 2)
                          << ") over " << c.rows[i].pairs << " seeds\n";
    }
    for (size_t i = 0; i < groups.size(); ++i)
        if (!c.rows[i].sameValidation)
            std::cout << "note: " << names[i] << " validated on other images ("
                      << groups[i].run.validation << ") than the reference ("
                      << groups[size_t(c.reference)].run.validation
                      << "): its accuracies do not compare\n";
    return 0;
}
