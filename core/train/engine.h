// The pieces of one training step, shared by runTraining and the step benchmark so that
// the benchmark times exactly what training runs. Internal to core/train (torch types).
#pragma once

#include "augment.h"
#include "datasets.h"
#include "models.h"
#include "scaling/config.h"
#include "scaling/costs.h"

#include <torch/torch.h>

#include <cstdint>
#include <filesystem>
#include <functional>
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
    // The update reads its learning rate from this 0-dim tensor (on the parameters' device)
    // instead of the options while one is set: a step replayed from a CUDA graph then still
    // follows the schedule. An undefined tensor goes back to the options.
    void setLearningRateTensor(torch::Tensor lr) { m_lr = std::move(lr); }

  private:
    torch::Tensor m_lr;
};

torch::Device chooseDevice(const std::string& device);
// The optimizer whose state a training step of `t` keeps, for the memory estimate.
Optimizer optimizerOf(const TrainingSettings& t);
// The preset a configuration came from, or its baseline's name: for messages.
std::string modelName(const ScaleConfig& c);
// LibTorch's intra-op threads for a CPU step of `stepMacs` forward multiply-adds
// (cpuTrainingThreads, from the count LibTorch started with); returns the count set.
int setCpuTrainingThreads(double stepMacs);
// The same for a step of `arch` at `imageSize` px on `batch` images (a stage's training step,
// a validation, an evaluation at one size).
int setCpuThreadsFor(const ScaledArch& arch, int imageSize, std::int64_t batch);
// Puts LibTorch's thread count back as it was when made: what sets it for one piece of work
// (a speed probe, a validation, an evaluation) leaves the rest deciding as before.
class ThreadCountGuard {
  public:
    ThreadCountGuard() : m_saved(at::get_num_threads()) {}
    ~ThreadCountGuard() { at::set_num_threads(m_saved); }
    ThreadCountGuard(const ThreadCountGuard&) = delete;
    ThreadCountGuard& operator=(const ThreadCountGuard&) = delete;

  private:
    int m_saved;
};
// Weight decay applies to kernels (conv and linear weights) alone, not to BatchNorm weights or
// biases, as timm's optimizer factory does by default (filter_bias_and_bn).
struct DecaySplit {
    std::vector<torch::Tensor> decayed, plain;
};
DecaySplit splitForWeightDecay(ScaledNet& model);
// The split as two optimizer groups with options `o`, the second without decay (an empty
// group is left out): for SGD, RMSprop or any options type with weight_decay().
template <typename Options>
std::vector<torch::optim::OptimizerParamGroup> weightDecayGroups(ScaledNet& model,
                                                                 const Options& o) {
    const DecaySplit split = splitForWeightDecay(model);
    std::vector<torch::optim::OptimizerParamGroup> groups;
    for (const auto* params : {&split.decayed, &split.plain}) {
        if (params->empty()) continue;
        auto opts = std::make_unique<Options>(o);
        if (params == &split.plain) opts->weight_decay(0.0);
        groups.emplace_back(*params, std::move(opts));
    }
    return groups;
}
// The optimizer's state from a checkpoint's archive. False, with the state left empty (it
// rebuilds in a few steps), when the archive does not fit: a checkpoint of a version that
// kept all parameters in one group.
bool loadOptimizerState(torch::optim::Optimizer& opt, torch::serialize::InputArchive& archive);
// SGD (Nesterov when there is momentum) or RMSprop: one parameter group with weight decay,
// one without (DecaySplit).
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainingSettings& t, ScaledNet& model);
void setLearningRate(torch::optim::Optimizer& opt, double lr);
void toChannelsLast(torch::nn::Module& m);
// The default generators' states into a checkpoint and back: dropout and drop path draw
// from them, so a continued run draws the masks it would have drawn had it not stopped.
// CUDA's (the current device's) only where `cuda`; an archive without them changes nothing.
void saveGeneratorStates(torch::serialize::OutputArchive& a, bool cuda);
void loadGeneratorStates(torch::serialize::InputArchive& a, bool cuda);
// Parameters and buffers of one model into another of the same architecture, by name.
void copyState(ScaledNet& from, ScaledNet& to);
// SGD's momentum buffers in parameter order; undefined where a parameter has none yet.
std::vector<torch::Tensor> momentumBuffers(torch::optim::SGD& opt);
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
};
// Rows `perm[first, first + batch)` of `split`, channels-last (the model's layout on both
// devices); everything random is drawn from `seed`.
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
// The step itself on given tensors, without clearing gradients: `mix(own, reversed)` combines
// the batch's loss with its reverse's (mixup); none means no mixup.
using MixLoss = std::function<torch::Tensor(const torch::Tensor&, const torch::Tensor&)>;
StepResult stepOn(ScaledNet& model, torch::optim::Optimizer& opt, const torch::Tensor& x,
                  const torch::Tensor& labels, double labelSmoothing, bool bf16,
                  const MixLoss& mix);
// How many of a training batch's images the logits got right, as a float64 scalar on their
// device. Under mixup an image is its own with weight `lam` and its reverse partner's with
// 1 - lam (the loss's weights), so the prediction scores lam for the one label and 1 - lam
// for the other: counting the own label alone would call every swapped image wrong.
torch::Tensor mixedCorrect(const torch::Tensor& logits, const torch::Tensor& labels, double lam);

// trainStep replayed from a CUDA graph, one capture per batch shape: a whole step becomes
// one launch, which is what small models at small progressive sizes are bound by. The first
// kWarmupSteps steps of a shape run eagerly (cuDNN's algorithm search, the optimizer's
// buffers); the next is captured and every later one replayed. All of it runs on a side
// stream ordered after and before the caller's. Only SGD (ForeachSGD) is captured.
class GraphedTrainStep {
  public:
    static constexpr int kWarmupSteps = 3;
    // False where this build has no CUDA graphs (a CPU-only LibTorch).
    static bool supported();
    GraphedTrainStep(ScaledNet& model, ForeachSGD& opt, double labelSmoothing, bool bf16,
                     torch::Device dev);
    ~GraphedTrainStep();
    GraphedTrainStep(const GraphedTrainStep&) = delete;
    GraphedTrainStep& operator=(const GraphedTrainStep&) = delete;

    // One step at learning rate `lr`. The result's tensors are overwritten by the next call.
    // The first batch of each shape becomes the graph's input: later calls copy their batch
    // into its tensors, so its contents are only good until the next call. A capture that
    // fails turns graphs off for good (failure() says why) and the step runs eagerly; the
    // training goes on.
    StepResult run(const TrainBatch& batch, double lr);
    // The next run() with this batch would capture: no other GPU work should be queued then.
    bool willCapture(const TrainBatch& batch) const;
    // Drop the graph; the next step warms up and captures again (after a dropout change).
    void reset();
    const std::string& failure() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// `split` scored in eval mode without autograd, resized to `imageSize` as validation does,
// in batches of `batch`: the mean cross-entropy (no smoothing) and top-1 accuracy; with
// `classes` > 0 also the top-min(5, classes) accuracy and the confusion matrix
// ([true][predicted], row-major). Sums stay on the device: one host sync per call.
// `afterBatch(images done)` returning false stops it (the scores are then empty). The model is
// left in training mode, as runTraining keeps it.
struct SplitScores {
    double loss = 0, top1 = 0, topK = 0;
    std::vector<std::int64_t> confusion;
    bool stopped = false;
};
SplitScores scoreSplit(ScaledNet& model, const Split& split, int imageSize, int batch,
                       torch::Device dev, bool bf16, int classes = 0,
                       const std::function<bool(std::int64_t)>& afterBatch = {});

// The state_dict as a torch.save-format file (timm's names for EfficientNets).
void writeTimmWeights(ScaledNet& model, const std::filesystem::path& path);

// Peak bytes the caching allocator handed out on `dev` since the last reset (what PyTorch's
// torch.cuda.max_memory_allocated reports); -1 when this build cannot read it. CPU: -1.
double peakDeviceMemory(torch::Device dev);
void resetPeakDeviceMemory(torch::Device dev);

// Host memory for CPU tensors, kept for reuse instead of being returned to the kernel and
// faulted in again on the next step. runTraining calls retainHostMemory(), which is both
// (and returns what keepFreedHeapBlocks() does):
//  - keepFreedHeapBlocks(): glibc keeps freed blocks of up to 32 MiB (its largest mmap
//    threshold) in the heap. True when applied (glibc only; once per process).
//  - cacheLargeHostBlocks(): LibTorch's CPU allocator is replaced by one that keeps freed
//    blocks of 32 MiB and more, by size, as the CUDA caching allocator does on the GPU, up to
//    a quarter of the machine's memory. Smaller blocks are malloc's, as before. Idempotent.
bool retainHostMemory();
bool keepFreedHeapBlocks();
void cacheLargeHostBlocks();

// What the large-block cache has done since the process started (all 0 before it is used).
struct HostBlockCacheStats {
    std::int64_t reused = 0;      // large allocations served from the cache
    std::int64_t fresh = 0;       // large allocations that got new memory
    std::int64_t cachedBytes = 0; // held now, free, for reuse
    std::int64_t limitBytes = 0;  // the most it holds
};
HostBlockCacheStats hostBlockCacheStats();

// Peak bytes of CPU tensors since the last reset (the large-block cache's free blocks not
// counted), as peakDeviceMemory is for CUDA; -1 before cacheLargeHostBlocks() installed the
// allocator that counts them. The reset starts the peak from what is live now.
double peakHostTensorMemory();
void resetPeakHostTensorMemory();

// Bytes the kernel can still give this process without swapping (Linux's MemAvailable; the
// machine's memory where that cannot be read), with the large-block cache's free blocks.
std::int64_t availableHostMemory();
// The share of it that a CPU run may plan to use: the rest is the dataset's, the GUI's and
// the estimate's error (oneDNN's workspaces are not in the cost model).
constexpr double kHostMemoryShare = 0.8;
// Throws ValidationError(field) when training `what` at `batch` would, by the cost model's
// estimate `m`, need more than kHostMemoryShare of availableHostMemory(): the kernel would
// kill the process (and the GUI's unsaved edits with it) instead of failing an allocation.
void requireHostMemory(const MemoryEstimate& m, int batch, const std::string& field,
                       const std::string& what);

} // namespace scalescope::train
