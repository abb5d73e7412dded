// A finished or stopped run's folder read back for inference: its configuration, the sizes it
// trained and validated at, and its checkpoint's weights in a model of its architecture. What
// evaluating a run and classifying image files with it share (internal to core/train).
#pragma once

#include "evaluation.h"
#include "models.h"
#include "scaling/config.h"
#include "scaling/costs.h"

#include <torch/torch.h>

#include <string>

namespace scalescope::train {

struct TrainedRun {
    std::string dir;
    ScaleConfig config;
    ScaledArch arch;
    RunSizes sizes;
    std::string model; // runModelName: for messages and headers
    int storeSize = 0; // the largest size it trained or validated at: synthetic and folder
                       // images were stored there
};

// Reads `runDir`'s config.json. Throws ValidationError("run_dir") when the folder is not a
// run's, has no checkpoint yet or its configuration does not read.
TrainedRun readTrainedRun(const std::string& runDir);

struct TrainedWeights {
    ScaledNet model{nullptr}; // on the CPU, in eval mode
    std::string weights;      // "EMA" or "trained"
    int epochsTrained = 0;    // epochs the checkpoint has finished
};
// Builds the run's model for `classes` and `channels` and loads its checkpoint: the EMA of the
// weights where the run kept one (what it validated and what weights.pt holds), unless
// `trainedWeights`. Throws ValidationError("run_dir") for a checkpoint that does not read or
// holds another model (every tensor's name and shape is checked first).
TrainedWeights loadTrainedWeights(const TrainedRun& run, int classes, int channels,
                                  bool trainedWeights);

// Reads checkpoint `path` into `a` on `device`. Throws ValidationError("run_dir") naming the
// file where LibTorch cannot read it (truncated, not a checkpoint).
void readCheckpoint(const std::string& path, torch::Device device,
                    torch::serialize::InputArchive& a);
// The first tensor of `m` that `a` lacks or holds in another shape ("head.fc.weight is 10x1280
// there and 5x1280 in this model"), or an empty string. Module::load does not check shapes.
std::string checkpointMismatch(torch::nn::Module& m, torch::serialize::InputArchive& a);

// Peak tensor memory of an inference pass, by the cost model: the weights once and, per image,
// the largest layer's input, expanded and output maps alive together.
// The device a trained run is scored on: `requested` where given (a refusal names
// `requestField`), else the run's own where this machine has it, else the CPU: a run trained
// on a GPU is still evaluated on the laptop it was copied to.
torch::Device scoringDevice(const std::string& requested, const std::string& runDevice,
                            const std::string& requestField);

MemoryEstimate inferenceMemory(const CostReport& costs, bool bf16);

// A CSV cell: quoted where it holds a comma, a quote or a line break.
std::string csvField(const std::string& s);

// The first line of a LibTorch message (the rest is a C++ backtrace).
std::string firstLine(const std::string& s);

} // namespace scalescope::train
