// scalescope-cli runs: the training runs in a folder (by default ScaleScope's data folder:
// runs/, grids/, studies/), newest first, with their model, state and accuracies.
#include "cliargs.h"

#include "scaling/format.h"
#include "train/runhistory.h"
#include "train/trainer.h"

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
