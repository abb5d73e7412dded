// The pieces of one training step, shared by runTraining and the step benchmark so that
// the benchmark times exactly what training runs. Internal to core/train (torch types).
#pragma once

#include "augment.h"
#include "datasets.h"
#include "models.h"
#include "scaling/config.h"

#include <torch/torch.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace scalescope::train {

// bf16 autocast on CUDA for the guard's lifetime, across LibTorch versions (the API moved in
// 2.4).
class AutocastGuard {
  public:
    explicit AutocastGuard(bool on);
    ~AutocastGuard();
    AutocastGuard(const AutocastGuard&) = delete;
    AutocastGuard& operator=(const AutocastGuard&) = delete;

  private:
    bool m_on;
};

// SGD (optionally Nesterov) with PyTorch's semantics whose update is a handful of multi-tensor
// (_foreach) kernels instead of several kernels per parameter. The momentum buffers live in
// the base class's state, so checkpoints save and load as for torch::optim::SGD.
class ForeachSGD : public torch::optim::SGD {
  public:
    using torch::optim::SGD::SGD;
    torch::Tensor step(LossClosure closure = nullptr) override;
};

torch::Device chooseDevice(const std::string& device);
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainingSettings& t, ScaledNet& model);
void setLearningRate(torch::optim::Optimizer& opt, double lr);
void toChannelsLast(torch::nn::Module& m);
// Gradients become undefined (PyTorch's set_to_none): no kernel per parameter.
void clearGradients(torch::optim::Optimizer& opt);
// EMA of the weights as timm's ModelEma: parameters and BatchNorm statistics averaged
// alike (averaged weights with the live model's statistics do not fit together and can blow
// up), integer buffers copied. The decay warms up as in the TF EfficientNet code, so an
// early evaluation does not see mostly initial weights.
double emaDecayAt(double decay, std::int64_t step);
void updateEma(ScaledNet& model, ScaledNet& ema, double decay);

// A training batch on the device, augmented at the stage's size and mixed.
struct TrainBatch {
    torch::Tensor x, labels;
    double lam = 1.0; // mixup weight of the batch itself; its reverse gets 1 - lam
};
struct BatchRecipe {
    AugmentParams augment;
    double mixup = 0;
    bool channelsLast = false;
};
// Rows `perm[first, first + batch)` of `split`; everything random is drawn from `seed`.
TrainBatch prepareTrainBatch(const Split& split, const torch::Tensor& perm, std::int64_t first,
                             int batch, const BatchRecipe& recipe, torch::Device dev,
                             std::uint64_t seed);

// One optimizer step (clear gradients, forward under autocast, label-smoothed and mixed
// cross-entropy, backward, update). Returns the loss and logits, detached, on the device: the
// host never waits for the GPU here.
struct StepResult {
    torch::Tensor loss, logits;
};
StepResult trainStep(ScaledNet& model, torch::optim::Optimizer& opt, const TrainBatch& batch,
                     double labelSmoothing, bool bf16);

// The state_dict as a torch.save-format file (timm's names for EfficientNets).
void writeTimmWeights(ScaledNet& model, const std::filesystem::path& path);

// Peak bytes the caching allocator handed out on `dev` since the last reset (what PyTorch's
// torch.cuda.max_memory_allocated reports); -1 when this build cannot read it. CPU: -1.
double peakDeviceMemory(torch::Device dev);
void resetPeakDeviceMemory(torch::Device dev);

} // namespace scalescope::train
