// Runs set against a reference run by wall time: when each first reached the accuracy the
// reference ended at. EfficientNetV2's claim for progressive learning is that accuracy in
// less time (29-65% less). No torch types: the GUI compares the runs it shows.
#pragma once

#include "trainer.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace scalescope::train {

// One run's epochs as recorded (Type::Epoch events or metrics.csv rows, in order), with a
// name for messages. Epochs that were not validated have a NaN accuracy and are skipped.
struct ComparedRun {
    std::string name;
    std::vector<TrainEvent> epochs;
    int plannedEpochs = 0;  // 0: as many as recorded
    std::string validation; // validationSetText; empty where unknown (taken as the same)
    // Runs with the same seedGroupKey (the configuration but its seed) can be averaged; empty
    // where unknown (no config.json): such a run stays on its own.
    std::string seedGroup;
    std::uint64_t seed = 0; // the configuration's; meaningful with a seedGroup
};

struct RunComparisonRow {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    int epochs = 0;                // recorded
    int plannedEpochs = 0;         // of the configuration
    double finalAccuracy = kNaN;   // the last validation's
    double bestAccuracy = kNaN;    // the best validation's
    double seconds = kNaN;         // wall time at the last recorded epoch
    double trainingSeconds = kNaN; // of it, not validating (NaN where not recorded)
    int reachedEpoch = 0;          // first epoch (1-based) at or above the target; 0: never
    double reachedSeconds = kNaN;  // wall time at the end of that epoch
    double reachedTraining = kNaN; // its training time (NaN where not recorded)
    double ratio = kNaN;           // reachedSeconds / the reference's own reachedSeconds
    double trainingRatio = kNaN;   // the same for the training times alone
    // Validated on the reference's images (or either is unknown). Where not, its accuracy
    // is on other images and its reach means little.
    bool sameValidation = true;
    // Final accuracy minus the reference's (0 for the reference). For means over seeds
    // (compareSeedMeans) it is taken seed by seed over the seeds both trained (`pairs`), with
    // its standard error where there are two pairs or more: the pairs share their data.
    double finalDifference = kNaN;
    double differenceError = kNaN;
    int pairs = 0;
};

struct RunComparison {
    int reference = 0;                      // index into the runs
    double target = RunComparisonRow::kNaN; // the reference's final validation accuracy
    std::vector<RunComparisonRow> rows;     // one per run, in the runs' order
};

// Throws std::invalid_argument naming the run when `reference` is out of range or the
// reference has no validated epoch. A run without a validated epoch gets a row of NaN.
// The reference's own time is to the first epoch at which it reached its final accuracy,
// not its whole run: on a set it masters early, its later epochs would flatter the others.
RunComparison compareRuns(const std::vector<ComparedRun>& runs, int reference);

// Runs that differ only in their seed, averaged epoch by epoch: the accuracy after each epoch
// and the wall time to it, as EfficientNetV2 and timm report means over seeds (one seed's
// accuracy on a small validation set moves by a point or more). `run` is the mean, named as
// the first member, over the epochs every member has recorded (a member still training holds
// the mean back); an epoch counts as validated only where every member validated it. A run
// without a seedGroup, or whose seed its group has already, is a group of its own.
struct SeedMean {
    ComparedRun run;
    std::vector<int> members;         // indices into the runs, in their order
    std::vector<std::uint64_t> seeds; // the members' seeds, in the same order
};
std::vector<SeedMean> meanOverSeeds(const std::vector<ComparedRun>& runs);

// compareRuns on the means of meanOverSeeds(runs), the reference being the group of
// runs[reference]; each row's finalDifference is paired by seed with the reference group's.
struct SeedComparison {
    std::vector<SeedMean> groups; // the comparison's rows, in this order
    RunComparison comparison;
};
SeedComparison compareSeedMeans(const std::vector<ComparedRun>& runs, int reference);

// The paths of a mean's runs written as one, where they differ only in each run's seed
// number ("runs/seed{1..6}/fixed", "runs/b0-s{1,2,5}"; bash expands either back); empty
// where they differ otherwise, or name fewer than two runs.
std::string seedPathPattern(const std::vector<std::string>& paths,
                            const std::vector<std::uint64_t>& seeds);

// The index of the first run whose schedule is "fixed" in `schedules` (the natural reference
// for progressive runs), else 0.
int defaultReference(const std::vector<std::string>& schedules);

} // namespace scalescope::train
