// Training a list of configurations one after the other into their own run folders, as
// `grid --train` and `study --train` do: a folder holding a finished run of the same
// configuration is read back, a stopped one continues from its checkpoint, and Ctrl+C stops
// the run in progress (it keeps its checkpoint) and the rest of the list.
#pragma once

#include "scaling/config.h"
#include "scaling/scalingstudy.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace scalescope::cli {

struct QueuedTraining {
    std::string title; // the log line's name for it ("alpha 1.2, beta 1.1, ...")
    std::string dir;
    ScaleConfig config;
    // What the study's or grid's CSV recorded of it, where it did (setRecorded): while its
    // folder holds no run, that result stands and it is not trained again.
    std::optional<StudyResult> recorded = {};
};

struct QueuedResult {
    // "trained", "read back", "recorded", "stopped", "not started", "failed: ..."
    std::string state;
    double valAccuracy = std::numeric_limits<double>::quiet_NaN(); // the last validation's
    double bestValAccuracy = std::numeric_limits<double>::quiet_NaN();
    double seconds = std::numeric_limits<double>::quiet_NaN(); // the run's wall time
};

struct QueueOutcome {
    std::vector<QueuedResult> results; // one per queued configuration, in its order
    bool stopped = false;
    bool anyFailed = false;
};

// Gives each of `list` (in folders named DIR/<name>) the result `csvPath` recorded for it, at
// its seed (train::readRecordedRuns).
void setRecorded(std::vector<QueuedTraining>& list, const std::string& csvPath);

// Every folder is looked at before anything trains: one holding a run of another configuration
// is refused (ValidationError naming `dirFlag`) at once, not after hours of training.
QueueOutcome trainQueue(const std::vector<QueuedTraining>& list, bool quiet,
                        const std::string& dirFlag);

// Under a study's or a grid's table read from its folder: how many of its results are the
// folder's record's (`csvFile`, state "recorded"), their run folders being gone; nothing
// where none is.
void printRecordedNote(const std::vector<StudyResult>& results, const char* csvFile,
                       const std::string& dir);

// The command's exit code after its table: 130 with how to go on where the queue was stopped,
// 1 where a run failed, else 0.
int queueExitCode(const QueueOutcome& outcome);

} // namespace scalescope::cli
