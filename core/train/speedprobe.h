// Measured speed of a scaled model on this machine, beside what the cost tables count:
// multiply-adds are not time (EfficientNetV2's point: depthwise convolutions do few of them
// slowly), so the probe times the whole training step, inference, and the forward and
// backward pass of every piece the tables list (stem, stages, head). No torch types.
#pragma once

#include "scaling/config.h"

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scalescope::train {

// What is left empty or 0 comes from the configuration's training settings and its model.
struct SpeedRequest {
    std::string device;   // auto, cpu, cuda, cuda:N; empty: training.device
    int batch = 0;        // 0: training.batch_size
    int imageSize = 0;    // 0: the scaled model's resolution
    int repeats = 5;      // timed passes of each measurement; the median is reported
    int warmup = 2;       // untimed passes first (allocations, oneDNN's and cuDNN's first calls)
    bool perStage = true; // false: the step and inference only (segments left empty)
};

// Throws ValidationError naming the field ("speed.batch") and the reason.
void validate(const SpeedRequest& r);

// One piece of the forward pass, as CostReport::stages names it.
struct SegmentSpeed {
    std::string name;      // "stem", "stage 1", ..., "head"
    std::string label;     // "MBConv6 k3", ...
    std::int64_t macs = 0; // forward multiply-adds per image
    double forwardMs = 0;  // training mode, one batch, median
    double backwardMs = 0; // its backward alone, one batch, median
    // Forward multiply-adds done per second: the figure that tells a slow layer type.
    double forwardGmacsPerSecond(int batch) const;
};

struct SpeedReport {
    std::string device; // "cpu", "cuda:0 (NVIDIA H100 80GB HBM3)"
    int batch = 0, imageSize = 0;
    int threads = 0;      // CPU: LibTorch's intra-op threads (the trainer's choice); else 0
    bool bf16 = false;    // autocast, as training on this device runs
    bool graphed = false; // the training step replayed from a CUDA graph, as training does
    std::string optimizer;
    double trainStepMs = 0; // forward, backward and the optimizer's update; median
    double inferenceMs = 0; // eval mode without autograd; median
    // Peak bytes of tensors during the training steps (the weights, the optimizer's state and
    // the batch included), from LibTorch's CUDA caching allocator or the engine's CPU one; -1
    // where it cannot be read.
    double peakMemoryBytes = -1;
    double estimatedMemoryBytes = 0; // the cost model's estimate for the same step
    std::vector<SegmentSpeed> segments;
    double trainImagesPerSecond() const;
    double inferenceImagesPerSecond() const;
};

// Called after every timed or warm-up pass: passes done of all.
using SpeedProgress = std::function<void(int done, int total)>;
// Asked between passes; true stops the probe (measureSpeed then throws SpeedCancelled).
using SpeedCancel = std::function<bool()>;

class SpeedCancelled : public std::runtime_error {
  public:
    SpeedCancelled() : std::runtime_error("speed measurement cancelled") {}
};

// Each stage's share, in percent, of all stages' forward + backward time and of their
// forward multiply-adds (0 where the totals are 0): the Speed dock's bars and the CLI's table.
struct StageShare {
    double time = 0, macs = 0;
};
std::vector<StageShare> stageShares(const SpeedReport& r);

// A measurement against a pinned reference, as ratios now / reference. Times are per image,
// so that reports of different batches compare; memory only at the same batch (it holds the
// weights and optimizer state once, whatever the batch), NaN otherwise.
struct SpeedComparison {
    double macs = 0;       // forward multiply-adds per image
    double trainStep = 0;  // training step time per image
    double inference = 0;  // inference time per image
    double peakMemory = 0; // NaN: other batches, or a peak not read
    // Per stage, forward + backward time per image; empty when the stages do not pair.
    std::vector<double> stageTime;
};
SpeedComparison compareSpeed(const SpeedReport& now, const SpeedReport& reference);

// The report as CSV: a header, then a row per stage (name, block, MACs, forward and backward
// ms, GMAC/s), each carrying the run's device, batch, image size, training step and inference
// ms, so that rows from several reports can be stacked in one table.
std::string speedReportCsv(const SpeedReport& r);

// Whether measureSpeed(a, r) and measureSpeed(b, r) time the same thing: the same model and
// the training settings that change a step's speed (precision, optimizer, CUDA graphs,
// cuDNN's search; the device and batch where `r` leaves them to the configuration). Epochs,
// the dataset or the schedule do not count.
bool sameSpeedInputs(const ScaleConfig& a, const ScaleConfig& b, const SpeedRequest& r);

// Builds `config`'s scaled model (its classifier as the spec's, as the cost tables count it)
// with fresh weights, feeds it random images and labels, and
// times it on the calling thread. Throws ValidationError for a bad request or device,
// SpeedCancelled, and std::runtime_error for a failure (out of memory says which batch).
// The trainer's precision, channels-last layout, optimizer, CPU threads and CUDA graphs are
// used, so the training step is the step a run of this configuration takes.
SpeedReport measureSpeed(const ScaleConfig& config, const SpeedRequest& request,
                         const SpeedCancel& cancelled = {}, const SpeedProgress& progress = {});

} // namespace scalescope::train
