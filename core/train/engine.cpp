#include "engine.h"

#include "cputhreads.h"

#include "torchsave.h"

#include <ATen/autocast_mode.h>
#include <torch/serialize.h>
#include <torch/version.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <type_traits>

namespace scalescope::train {

namespace {
// The optimizer's state map is keyed by the TensorImpl: its address as a string in LibTorch
// 1.x, the pointer itself in 2.x.
template <typename Key> Key stateKey(const torch::Tensor& p) {
    if constexpr (std::is_same_v<Key, std::string>) {
        std::ostringstream os;
        os << p.unsafeGetTensorImpl();
        return os.str();
    } else {
        return static_cast<Key>(p.unsafeGetTensorImpl());
    }
}
} // namespace

AutocastGuard::AutocastGuard(bool on) : m_on(on) {
    if (!m_on) return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    at::autocast::set_enabled(true);
#endif
}

AutocastGuard::~AutocastGuard() {
    if (!m_on) return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
    at::autocast::set_enabled(false);
#endif
    at::autocast::clear_cache();
}

torch::Tensor ForeachSGD::step(LossClosure closure) {
    torch::NoGradGuard ng;
    torch::Tensor loss;
    if (closure) {
        torch::AutoGradMode grad(true);
        loss = closure();
    }
    using Key = typename std::decay_t<decltype(state())>::key_type;
    for (auto& group : param_groups()) {
        const auto& o = static_cast<const torch::optim::SGDOptions&>(group.options());
        std::vector<torch::Tensor> params, grads;
        for (auto& p : group.params())
            if (p.grad().defined()) {
                params.push_back(p);
                grads.push_back(p.grad());
            }
        if (params.empty()) continue;
        if (o.weight_decay() != 0) at::_foreach_add_(grads, params, o.weight_decay());
        std::vector<torch::Tensor>* update = &grads;
        std::vector<torch::Tensor> bufs;
        if (o.momentum() != 0) {
            // Buffers that exist follow buf = m * buf + (1 - dampening) * g; a new one starts
            // as a copy of g, as in PyTorch.
            std::vector<torch::Tensor> oldBufs, oldGrads;
            for (size_t i = 0; i < params.size(); ++i) {
                const Key key = stateKey<Key>(params[i]);
                auto it = state().find(key);
                if (it == state().end()) {
                    auto st = std::make_unique<torch::optim::SGDParamState>();
                    st->momentum_buffer(grads[i].clone().detach());
                    bufs.push_back(st->momentum_buffer());
                    state()[key] = std::move(st);
                } else {
                    auto& st = static_cast<torch::optim::SGDParamState&>(*it->second);
                    bufs.push_back(st.momentum_buffer());
                    oldBufs.push_back(st.momentum_buffer());
                    oldGrads.push_back(grads[i]);
                }
            }
            if (!oldBufs.empty()) {
                at::_foreach_mul_(oldBufs, o.momentum());
                at::_foreach_add_(oldBufs, oldGrads, 1.0 - o.dampening());
            }
            if (o.nesterov())
                at::_foreach_add_(grads, bufs, o.momentum());
            else
                update = &bufs;
        }
        if (!m_lr.defined()) {
            at::_foreach_add_(params, *update, -o.lr());
            continue;
        }
        // Nesterov's update is the gradients, ours to scale in place; the momentum buffers
        // themselves are not.
        if (update != &grads) grads = at::_foreach_mul(*update, 1.0);
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 2)
        at::_foreach_mul_(grads, m_lr);
#else
        at::_foreach_mul_(grads, std::vector<torch::Tensor>(grads.size(), m_lr));
#endif
        at::_foreach_sub_(params, grads);
    }
    return loss;
}

torch::Device chooseDevice(const std::string& d) {
    if (d == "cpu") return torch::kCPU;
    if (d == "auto")
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0)
                                           : torch::Device(torch::kCPU);
    if (!torch::cuda::is_available())
        throw ValidationError("training.device",
                              "\"" + d +
                                  "\" was asked for, but CUDA is not available here "
                                  "(no GPU, or a CPU-only LibTorch); use cpu or auto");
    const int index = d == "cuda" ? 0 : std::atoi(d.c_str() + 5);
    if (index >= int(torch::cuda::device_count()))
        throw ValidationError("training.device", d + " does not exist (" +
                                                     std::to_string(torch::cuda::device_count()) +
                                                     " GPUs)");
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
}

Optimizer optimizerOf(const TrainingSettings& t) {
    return t.optimizer == "rmsprop" ? Optimizer::RMSProp : Optimizer::SGDMomentum;
}

std::string modelName(const ScaleConfig& c) {
    return c.preset.empty() ? c.baseline.displayName : c.preset;
}

int setCpuThreadsFor(const ScaledArch& arch, int imageSize, std::int64_t batch) {
    ScaledArch atSize = arch;
    atSize.resolution = imageSize;
    return setCpuTrainingThreads(double(computeCosts(atSize).macs) * double(batch));
}

int setCpuTrainingThreads(double stepMacs) {
    // Read once, before anything here set it: what the library chose for this machine.
    static const int libraryDefault = at::get_num_threads();
    at::set_num_threads(cpuTrainingThreads(stepMacs, libraryDefault));
    return at::get_num_threads();
}

DecaySplit splitForWeightDecay(ScaledNet& model) {
    DecaySplit s;
    for (const auto& p : model->parameters())
        (p.dim() > 1 ? s.decayed : s.plain).push_back(p);
    return s;
}

bool loadOptimizerState(torch::optim::Optimizer& opt, torch::serialize::InputArchive& archive) {
    try {
        opt.load(archive);
        return true;
    } catch (const c10::Error&) {
        opt.state().clear();
        return false;
    }
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainingSettings& t,
                                                       ScaledNet& model) {
    if (t.optimizer == "rmsprop") { // EfficientNet's: decay 0.9, momentum 0.9, eps 1e-3
        const auto o = torch::optim::RMSpropOptions(t.learningRate)
                           .alpha(0.9)
                           .eps(1e-3)
                           .momentum(t.momentum)
                           .weight_decay(t.weightDecay);
        return std::make_unique<torch::optim::RMSprop>(weightDecayGroups(model, o), o);
    }
    const auto o = torch::optim::SGDOptions(t.learningRate)
                       .momentum(t.momentum)
                       .nesterov(t.momentum > 0)
                       .weight_decay(t.weightDecay);
    return std::make_unique<ForeachSGD>(weightDecayGroups(model, o), o);
}

void setLearningRate(torch::optim::Optimizer& opt, double lr) {
    for (auto& group : opt.param_groups())
        group.options().set_lr(lr);
}

void toChannelsLast(torch::nn::Module& m) {
    for (auto& p : m.parameters())
        if (p.dim() == 4) p.set_data(p.data().contiguous(torch::MemoryFormat::ChannelsLast));
}

void clearGradients(torch::optim::Optimizer& opt) {
    for (auto& group : opt.param_groups())
        for (auto& p : group.params())
            p.mutable_grad() = torch::Tensor();
}

std::vector<torch::Tensor> momentumBuffers(torch::optim::SGD& opt) {
    using Key = typename std::decay_t<decltype(opt.state())>::key_type;
    std::vector<torch::Tensor> bufs;
    for (auto& group : opt.param_groups())
        for (auto& p : group.params()) {
            auto it = opt.state().find(stateKey<Key>(p));
            bufs.push_back(
                it == opt.state().end()
                    ? torch::Tensor()
                    : static_cast<torch::optim::SGDParamState&>(*it->second).momentum_buffer());
        }
    return bufs;
}

void copyState(ScaledNet& from, ScaledNet& to) {
    torch::NoGradGuard ng;
    auto src = from->named_parameters(), dst = to->named_parameters();
    for (auto& p : src)
        dst[p.key()].copy_(p.value());
    auto sb = from->named_buffers(), db = to->named_buffers();
    for (auto& b : sb)
        db[b.key()].copy_(b.value());
}

double emaDecayAt(double decay, std::int64_t step) {
    return std::min(decay, (1.0 + double(step)) / (10.0 + double(step)));
}

void updateEma(ScaledNet& model, ScaledNet& ema, double decay) {
    torch::NoGradGuard ng;
    std::vector<torch::Tensor> from, to;
    auto add = [&](std::vector<torch::Tensor> src, std::vector<torch::Tensor> dst) {
        for (size_t i = 0; i < src.size(); ++i) {
            if (src[i].is_floating_point()) {
                from.push_back(src[i].detach());
                to.push_back(dst[i]);
            } else {
                dst[i].copy_(src[i]); // BatchNorm's num_batches_tracked
            }
        }
    };
    add(model->parameters(), ema->parameters());
    add(model->buffers(), ema->buffers());
    at::_foreach_mul_(to, decay);
    at::_foreach_add_(to, from, 1.0 - decay);
}

TrainBatch prepareTrainBatch(const Split& split, const torch::Tensor& perm, std::int64_t first,
                             int batch, const BatchRecipe& recipe, torch::Device dev,
                             std::uint64_t seed) {
    const auto idx = perm.slice(0, first, first + batch);
    TrainBatch b;
    auto images = split.images.index_select(0, idx).to(dev, /*non_blocking=*/true);
    b.labels = split.labels.index_select(0, idx).to(dev, true);
    b.x = augmentTrain(images, recipe.augment, seed);
    b.x = b.x.contiguous(torch::MemoryFormat::ChannelsLast);
    b.lam = mixupInPlace(b.x, recipe.mixup, seed ^ 0x5bd1e995ull);
    return b;
}

StepResult stepOn(ScaledNet& model, torch::optim::Optimizer& opt, const torch::Tensor& x,
                  const torch::Tensor& labels, double labelSmoothing, bool bf16,
                  const MixLoss& mix) {
    namespace F = torch::nn::functional;
    torch::Tensor logits;
    {
        AutocastGuard ac(bf16);
        logits = model->forward(x);
    }
    logits = logits.to(torch::kFloat32);
    const auto ce = F::CrossEntropyFuncOptions().label_smoothing(labelSmoothing);
    auto loss = F::cross_entropy(logits, labels, ce);
    if (mix) loss = mix(loss, F::cross_entropy(logits, labels.flip(0), ce));
    loss.backward();
    opt.step();
    return {loss.detach(), logits.detach()};
}

torch::Tensor mixedCorrect(const torch::Tensor& logits, const torch::Tensor& labels, double lam) {
    torch::NoGradGuard ng;
    const auto predicted = logits.argmax(1);
    const auto own = predicted.eq(labels).sum().to(torch::kFloat64);
    if (lam >= 1.0) return own;
    const auto partner = predicted.eq(labels.flip(0)).sum().to(torch::kFloat64);
    return own * lam + partner * (1.0 - lam);
}

StepResult trainStep(ScaledNet& model, torch::optim::Optimizer& opt, const TrainBatch& batch,
                     double labelSmoothing, bool bf16) {
    clearGradients(opt);
    MixLoss mix;
    if (batch.lam < 1.0)
        mix = [lam = batch.lam](const torch::Tensor& own, const torch::Tensor& reversed) {
            return lam * own + (1.0 - lam) * reversed;
        };
    return stepOn(model, opt, batch.x, batch.labels, labelSmoothing, bf16, mix);
}

void writeTimmWeights(ScaledNet& model, const std::filesystem::path& path) {
    NamedTensors tensors;
    for (const auto& p : model->named_parameters())
        tensors.emplace_back(p.key(), p.value());
    for (const auto& b : model->named_buffers())
        tensors.emplace_back(b.key(), b.value());
    const std::vector<char> bytes = torchSaveBytes(tensors);
    const std::filesystem::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out.write(bytes.data(), std::streamsize(bytes.size()));
        if (!out) throw ValidationError(path.string(), "could not be written");
    }
    std::filesystem::rename(tmp, path);
}

void saveGeneratorStates(torch::serialize::OutputArchive& a, bool cuda) {
    at::Generator cpu = at::detail::getDefaultCPUGenerator(); // a handle on the one generator
    {
        std::lock_guard<std::mutex> lock(cpu.mutex());
        a.write("rng.cpu", cpu.get_state());
    }
    if (cuda) {
        at::Generator gpu = at::globalContext().defaultGenerator(torch::kCUDA);
        std::lock_guard<std::mutex> lock(gpu.mutex());
        a.write("rng.cuda", gpu.get_state());
    }
}

void loadGeneratorStates(torch::serialize::InputArchive& a, bool cuda) {
    torch::Tensor state; // absent in checkpoints from before: the seed's fresh generators
    if (a.try_read("rng.cpu", state)) {
        at::Generator cpu = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(cpu.mutex());
        cpu.set_state(state.to(torch::kCPU));
    }
    torch::Tensor cudaState;
    if (cuda && a.try_read("rng.cuda", cudaState)) {
        at::Generator gpu = at::globalContext().defaultGenerator(torch::kCUDA);
        std::lock_guard<std::mutex> lock(gpu.mutex());
        gpu.set_state(cudaState.to(torch::kCPU));
    }
}

} // namespace scalescope::train
