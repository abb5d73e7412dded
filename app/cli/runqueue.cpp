#include "runqueue.h"

#include "scaling/format.h"
#include "train/runhistory.h"
#include "train/studyruns.h"
#include "train/trainer.h"

#include <algorithm>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <iostream>

namespace scalescope::cli {

namespace {

train::TrainControl* gControl = nullptr;
extern "C" void onQueueSignal(int) {
    if (gControl) gControl->requestCancel(); // the run keeps its checkpoint
}

} // namespace

int queueExitCode(const QueueOutcome& outcome) {
    if (outcome.stopped) {
        std::cout << "stopped: run the same command again to go on from here\n";
        return 130;
    }
    return outcome.anyFailed ? 1 : 0;
}

void printRecordedNote(const std::vector<StudyResult>& results, const char* csvFile,
                       const std::string& dir) {
    const auto recorded = std::count_if(results.begin(), results.end(),
                                        [](const StudyResult& r) { return r.state == "recorded"; });
    if (recorded > 0)
        std::cout << "(" << recorded << " of the " << results.size() << " runs as " << csvFile
                  << " recorded them: their folders are not in " << dir << ")\n";
}

void setRecorded(std::vector<QueuedTraining>& list, const std::string& csvPath) {
    const auto records = train::readRecordedRuns(csvPath);
    for (QueuedTraining& q : list)
        if (const train::RecordedRun* r = train::recordedRun(
                records, std::filesystem::path(q.dir).filename().string(), q.config.training.seed))
            q.recorded = r->result;
}

QueueOutcome trainQueue(const std::vector<QueuedTraining>& list, bool quiet,
                        const std::string& dirFlag) {
    QueueOutcome outcome;
    outcome.results.resize(list.size());
    using State = train::RunFolderCheck::State;
    std::vector<State> found;
    for (size_t i = 0; i < list.size(); ++i) {
        const train::RunFolderCheck c = train::inspectRunFolder(list[i].dir, list[i].config);
        if (c.state == State::Foreign)
            throw ValidationError(dirFlag, c.why + ": choose another folder");
        QueuedResult& r = outcome.results[i];
        r.valAccuracy = c.finalValAccuracy;
        r.bestValAccuracy = c.bestValAccuracy;
        r.seconds = c.seconds;
        if (c.state == State::Empty && list[i].recorded) {
            r.valAccuracy = list[i].recorded->valAccuracy;
            r.bestValAccuracy = list[i].recorded->bestValAccuracy;
            r.seconds = list[i].recorded->seconds;
        }
        found.push_back(c.state);
    }

    train::TrainControl control;
    gControl = &control;
    std::signal(SIGINT, onQueueSignal);
    std::signal(SIGTERM, onQueueSignal);
    for (size_t i = 0; i < list.size(); ++i) {
        QueuedResult& r = outcome.results[i];
        const bool recorded = found[i] == State::Empty && list[i].recorded;
        if (outcome.stopped) { // a finished run's result stands
            r.state = found[i] == State::Finished ? "read back"
                      : recorded                  ? "recorded"
                                                  : "not started";
            continue;
        }
        std::cerr << "[" << i + 1 << "/" << list.size() << "] " << list[i].title << ": ";
        if (found[i] == State::Finished || recorded) {
            r.state = recorded ? "recorded" : "read back";
            std::cerr << (recorded ? "recorded before (its folder is gone), " : "finished before, ")
                      << fixed(100 * r.valAccuracy, 2) << "%\n";
            continue;
        }
        std::cerr << (found[i] == State::Stopped ? "continuing" : "training") << "\n";
        train::RunOptions opts;
        opts.runDir = list[i].dir;
        opts.resume = found[i] == State::Stopped;
        auto sink = [&](const train::TrainEvent& e) {
            using T = train::TrainEvent::Type;
            if (e.type == T::Epoch && !quiet && std::isfinite(e.valAccuracy))
                std::cerr << "  epoch " << e.epoch + 1 << "/" << e.epochs << ": val accuracy "
                          << fixed(100 * e.valAccuracy, 2) << "%\n";
            else if (e.type == T::Error)
                std::cerr << "  error: " << e.message << "\n";
        };
        const train::TrainSummary s = train::runTraining(list[i].config, opts, control, sink);
        r.valAccuracy = s.finalValAccuracy;
        r.bestValAccuracy = s.bestValAccuracy;
        r.seconds = s.wallSeconds;
        if (!s.error.empty()) {
            r.state = "failed: " + s.error;
            outcome.anyFailed = true;
        } else if (s.cancelled) {
            r.state = "stopped";
            outcome.stopped = true;
        } else {
            r.state = "trained";
            std::cerr << "  -> " << fixed(100 * r.valAccuracy, 2) << "% in "
                      << fixed(s.wallSeconds, 1) << " s\n";
        }
    }
    gControl = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return outcome;
}

} // namespace scalescope::cli
