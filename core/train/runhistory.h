// A finished or stopped run read back from its folder (metrics.csv, config.json), so that the
// GUI can overlay runs trained earlier or by `scalescope-cli train`. No torch types.
#pragma once

#include "trainer.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace scalescope::train {

// The run folder's per-epoch table; runTraining writes it, readRunHistory reads it.
inline constexpr const char* kMetricsFile = "metrics.csv";
// The state a stopped run continues from (RunOptions::resume), and the configuration it was
// started with.
inline constexpr const char* kCheckpointFile = "checkpoint.pt";
inline constexpr const char* kConfigFile = "config.json";
inline constexpr const char* kMetricsHeader =
    "epoch,step,stage,image_size,dropout,randaugment,mixup,learning_rate,train_loss,train_accuracy,"
    "val_loss,val_accuracy,images_per_second,elapsed_seconds";
// With an EMA of the weights, val_* are the EMA's and these the trained weights' own (timm
// reports both); empty without EMA. Optional when read: older runs do not have them.
inline constexpr const char* kMetricsLiveColumns = "live_val_loss,live_val_accuracy";
// Seconds of elapsed_seconds spent validating, summed over the epochs so far. Optional when
// read (empty: not recorded).
inline constexpr const char* kMetricsValidationColumn = "validation_seconds";

// The header this version writes: kMetricsHeader, the live columns, the validation time.
std::string metricsFileHeader();
// One epoch's row in that header's order (8 significant digits); a non-finite value is an
// empty cell, which readRunHistory reads back as NaN.
std::string metricsRow(const TrainEvent& epoch);

struct RunHistory {
    std::string dir;
    std::string model;      // the configuration's model name, or empty without config.json
    std::string schedule;   // "paper", "code" or "fixed"; empty without config.json
    std::string validation; // validationSetText; empty without config.json
    std::string seedGroup;  // seedGroupKey; empty without config.json
    std::uint64_t seed = 0; // the configuration's; meaningful with a seedGroup
    int plannedEpochs = 0;  // the configuration's epochs; the rows' count without config.json
    std::vector<TrainEvent> epochs; // Type::Epoch, one per row, in order
    bool hasCheckpoint = false;     // checkpoint.pt is there
    // Stopped before its last epoch, with the checkpoint and configuration to continue from.
    bool canContinue() const {
        return hasCheckpoint && !model.empty() && int(epochs.size()) < plannedEpochs;
    }
};

// readRunHistory's refusal of a run started and not one epoch in, without a checkpoint: there is
// nothing to plot, though listRuns lists such a run (it may be training its first epoch now).
struct NoEpochsYet : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// `path` is a run folder or its metrics.csv. Throws std::runtime_error naming the file and,
// for a bad row, its line and column ("metrics.csv line 4, column val_accuracy: ...").
// Empty cells (a NaN loss is written so) read as NaN. A run stopped in its first epoch has no
// rows; it reads as long as its checkpoint is there (else NoEpochsYet).
RunHistory readRunHistory(const std::string& path);

// What a run folder holds for a run about to be trained there with `config`: nothing to go on
// from (no config.json, or stopped before its first checkpoint), a finished run of exactly that
// configuration (its results), a stopped one (to continue from its checkpoint), or a run of
// another configuration, which training there would overwrite. The CLI's and the GUI's run
// queues decide the same way.
struct RunFolderCheck {
    enum class State { Empty, Finished, Stopped, Foreign };
    State state = State::Empty;
    double finalValAccuracy; // Finished: the last validation's (NaN where none ran)
    double bestValAccuracy;  // Finished: the best validation's
    double seconds;          // Finished: the run's wall time
    std::string why;         // Foreign: what differs, for a message naming the folder
    RunFolderCheck();
};
RunFolderCheck inspectRunFolder(const std::string& dir, const ScaleConfig& config);
// Only its first question, reading config.json alone: why `dir` holds a run of another
// configuration (or an unreadable one), or empty where training `config` there is fine.
std::string foreignRunFolder(const std::string& dir, const ScaleConfig& config);

// The model a run trains, in one short phrase for run lists and labels: a preset's name where
// the model is that preset as chosen ("EfficientNet-B3"), else the baseline's name, with φ
// where compound scaling moved it ("EfficientNet-B0 phi 2.0") or the multipliers where given
// ("EfficientNet-B0 w0.25 d0.25"); a built-in baseline edited (a stage added, removed or
// changed) is marked so ("EfficientNet-B0 (edited) phi 1.0").
std::string runModelName(const ScaleConfig& c);
// The images a run of `c` validates on, in words that are equal exactly when the images are:
// "shapes, 400 images (seed 1), at 32 px", "fashion-mnist, every test image, at 28 px".
// Accuracies on other images do not compare.
std::string validationSetText(const ScaleConfig& c);

// Runs whose configurations differ only in the seed share this key (the configuration as
// JSON without its seed and its preset's name, which is for display): they are the same
// experiment at other seeds, and their curves can be averaged (train::meanOverSeeds).
std::string seedGroupKey(const ScaleConfig& c);

// A run folder as `scalescope-cli runs` lists it.
struct RunListing {
    enum class State { Finished, Unfinished, Unreadable };
    std::string dir;
    std::string model;    // "EfficientNet-B0 phi 2"; empty without a readable config.json
    std::string dataset;  // the configuration's; empty without one
    std::string schedule; // "paper", "code" or "fixed"; empty without a configuration
    int smallestSize = 0; // the training stages' image sizes (equal for a fixed schedule)
    int largestSize = 0;
    int validatedSize = 0; // 0 without a configuration
    State state = State::Unreadable;
    int epochs = 0;        // rows of metrics.csv
    int plannedEpochs = 0; // the configuration's
    bool hasCheckpoint = false;
    double finalValAccuracy;   // the last row's (NaN where it was not validated)
    double bestValAccuracy;    // NaN where no row was validated
    double seconds;            // the last row's elapsed_seconds
    std::string problem;       // Unreadable: why ("metrics.csv line 4, column ...: ...")
    std::int64_t modified = 0; // metrics.csv's last write, seconds since the epoch
    RunListing();
};
// The run folders in each of `folders`: the folder itself where it holds metrics.csv, else the
// run folders (those holding metrics.csv) up to three levels below it, as a study's or a grid's
// folder or an experiment's "seed1/fixed" hold them. Newest first by metrics.csv's last write.
// Throws ValidationError("FOLDER") for a path that is not a folder.
std::vector<RunListing> listRuns(const std::vector<std::string>& folders);
// Only where those run folders are (listRuns's walk, reading nothing): `folder` itself, or the
// run folders up to three levels below it, in no particular order.
std::vector<std::string> runFolders(const std::string& folder);

} // namespace scalescope::train
