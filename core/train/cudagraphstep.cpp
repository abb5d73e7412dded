// GraphedTrainStep: the training step captured into a CUDA graph. The CUDA headers are seen
// here alone, and only when CMake found that they compile (SCALESCOPE_CUDA_GRAPHS); elsewhere
// supported() is false and the trainer steps eagerly.
#include "engine.h"

#ifdef SCALESCOPE_CUDA_GRAPHS
#include <ATen/autocast_mode.h>
#include <ATen/cuda/CUDAEvent.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>
#endif

#include <optional>
#include <stdexcept>

namespace scalescope::train {

#ifdef SCALESCOPE_CUDA_GRAPHS

struct GraphedTrainStep::Impl {
    ScaledNet model;
    ForeachSGD& opt;
    double labelSmoothing;
    bool bf16;
    torch::Device dev;
    c10::cuda::CUDAStream stream;
    // Inputs the graph reads and outputs it writes: the same memory on every replay.
    torch::Tensor x, labels, lam, lr, loss, logits;
    std::vector<std::int64_t> shape;
    at::cuda::CUDAEvent ready, done; // orders the side stream after and before the caller
    int eagerSteps = 0;
    std::optional<at::cuda::CUDAGraph> graph;
    bool captured = false;
    std::string failure;

    Impl(ScaledNet& m, ForeachSGD& o, double ls, bool b, torch::Device d)
        : model(m), opt(o), labelSmoothing(ls), bf16(b), dev(d),
          stream(at::cuda::getStreamFromPool(false, d.index())) {}

    void step() {
        const StepResult r = stepOn(model, opt, x, labels, labelSmoothing, bf16,
                                    [this](const torch::Tensor& own, const torch::Tensor& rev) {
                                        return torch::lerp(rev, own, lam);
                                    });
        loss = r.loss;
        logits = r.logits;
    }

    void drop() {
        // Gradients and outputs live in the graph's memory pool: let go of them first.
        clearGradients(opt);
        loss = logits = torch::Tensor();
        graph.reset();
        captured = false;
        eagerSteps = 0;
    }

    // Captures step() and replays it once (capturing runs nothing). False, with `failure`
    // set, when CUDA refused: the stream's capture is ended and the error cleared.
    bool capture() {
        clearGradients(opt); // backward then allocates them from the graph's pool
        // Autocast's cache of bf16 weights would keep casts made inside the capture: the
        // graph casts afresh every replay instead (each weight is cast once a step anyway).
        const bool autocastCache = at::autocast::is_autocast_cache_enabled();
        at::autocast::set_autocast_cache_enabled(false);
        graph.emplace();
        try {
            graph->capture_begin({0, 0}, cudaStreamCaptureModeThreadLocal);
            try {
                step();
            } catch (...) {
                try {
                    graph->capture_end();
                } catch (...) {
                }
                throw;
            }
            graph->capture_end();
            at::autocast::set_autocast_cache_enabled(autocastCache);
            graph->replay();
            captured = true;
            return true;
        } catch (const std::exception& e) {
            failure = e.what();
            const auto cut = failure.find('\n');
            if (cut != std::string::npos) failure.resize(cut);
        }
        at::autocast::set_autocast_cache_enabled(autocastCache);
        static_cast<void>(cudaGetLastError());
        graph.reset();
        clearGradients(opt);
        loss = logits = torch::Tensor();
        return false;
    }
};

bool GraphedTrainStep::supported() {
    return true;
}

namespace {
// Checked before Impl asks CUDA for a stream on the device.
torch::Device cudaDevice(torch::Device dev) {
    if (!dev.is_cuda()) throw std::invalid_argument("CUDA graphs need a CUDA device");
    return dev;
}
} // namespace

GraphedTrainStep::GraphedTrainStep(ScaledNet& model, ForeachSGD& opt, double labelSmoothing,
                                   bool bf16, torch::Device dev)
    : d(std::make_unique<Impl>(model, opt, labelSmoothing, bf16, cudaDevice(dev))) {
    d->lr = torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat32).device(dev));
    d->lam = torch::ones({}, d->lr.options());
    opt.setLearningRateTensor(d->lr);
}

GraphedTrainStep::~GraphedTrainStep() {
    d->opt.setLearningRateTensor(torch::Tensor());
    d->drop();
}

bool GraphedTrainStep::willCapture(const TrainBatch& b) const {
    return d->failure.empty() && !d->captured && b.x.sizes() == c10::IntArrayRef(d->shape) &&
           d->eagerSteps >= kWarmupSteps;
}

void GraphedTrainStep::reset() {
    d->drop();
}

const std::string& GraphedTrainStep::failure() const {
    return d->failure;
}

StepResult GraphedTrainStep::run(const TrainBatch& b, double lr) {
    Impl& m = *d;
    setLearningRate(m.opt, lr); // the options too: a checkpoint saves them
    if (!m.failure.empty()) {
        m.opt.setLearningRateTensor(torch::Tensor());
        return trainStep(m.model, m.opt, b, m.labelSmoothing, m.bf16);
    }
    const c10::cuda::CUDAStream caller = c10::cuda::getCurrentCUDAStream(m.dev.index());
    m.ready.record(caller); // the batch was prepared on the caller's stream
    m.ready.block(m.stream);
    {
        const c10::cuda::CUDAStreamGuard guard(m.stream);
        if (b.x.sizes() != c10::IntArrayRef(m.shape)) {
            m.drop();
            m.shape = b.x.sizes().vec();
            // The first batch of a shape becomes the graph's input itself, not a copy in a
            // second buffer: a caller that passes one batch every step (the step benchmark)
            // then holds one input batch, as an eager step does. Its memory now also serves
            // the side stream, so the allocator must not reuse it before that is done.
            m.x = b.x;
            m.labels = b.labels;
            m.x.record_stream(m.stream);
            m.labels.record_stream(m.stream);
        }
        if (!m.x.is_same(b.x)) m.x.copy_(b.x); // every later batch, into the graph's input
        if (!m.labels.is_same(b.labels)) m.labels.copy_(b.labels);
        m.lam.fill_(b.lam);
        m.lr.fill_(lr);
        if (m.captured) {
            m.graph->replay();
        } else if (m.eagerSteps < kWarmupSteps) {
            clearGradients(m.opt);
            m.step();
            ++m.eagerSteps;
        } else if (!m.capture()) {
            // Eager from now on, on the caller's stream: this step has not run yet.
            m.opt.setLearningRateTensor(torch::Tensor());
        }
    }
    m.done.record(m.stream);
    m.done.block(caller);
    if (!m.failure.empty() && !m.loss.defined())
        return trainStep(m.model, m.opt, b, m.labelSmoothing, m.bf16);
    return {m.loss, m.logits};
}

#else // no CUDA graphs in this build

struct GraphedTrainStep::Impl {
    std::string failure = "this LibTorch has no CUDA graphs";
};

bool GraphedTrainStep::supported() {
    return false;
}

GraphedTrainStep::GraphedTrainStep(ScaledNet&, ForeachSGD&, double, bool, torch::Device)
    : d(std::make_unique<Impl>()) {
    throw std::invalid_argument(d->failure);
}

GraphedTrainStep::~GraphedTrainStep() = default;
bool GraphedTrainStep::willCapture(const TrainBatch&) const {
    return false;
}
void GraphedTrainStep::reset() {}
const std::string& GraphedTrainStep::failure() const {
    return d->failure;
}
StepResult GraphedTrainStep::run(const TrainBatch&, double) {
    throw std::logic_error(d->failure);
}

#endif

} // namespace scalescope::train
