#include "speedprobe.h"

#include "engine.h"
#include "scaling/costs.h"
#include "scaling/limits.h"
#include "scaling/validation.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <sstream>

namespace scalescope::train {

namespace {
using Clock = std::chrono::steady_clock;
constexpr int kMaxBatch = 65536;  // beyond any accelerator's memory for these models
constexpr int kMaxRepeats = 1000; // a median of more says nothing new
constexpr int kMaxWarmup = 100;

void synchronize(const torch::Device& dev) {
    if (dev.is_cuda()) torch::cuda::synchronize(dev.index());
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

void clearModuleGradients(torch::nn::Module& m) {
    for (auto& p : m.parameters())
        p.mutable_grad() = torch::Tensor();
}
} // namespace

double SegmentSpeed::forwardGmacsPerSecond(int batch) const {
    return forwardMs > 0 ? double(macs) * batch / (forwardMs * 1e6) : 0.0;
}

double SpeedReport::trainImagesPerSecond() const {
    return trainStepMs > 0 ? batch * 1000.0 / trainStepMs : 0.0;
}

double SpeedReport::inferenceImagesPerSecond() const {
    return inferenceMs > 0 ? batch * 1000.0 / inferenceMs : 0.0;
}

void validate(const SpeedRequest& r) {
    if (r.batch != 0) requireRange("speed.batch", r.batch, 1, kMaxBatch);
    if (r.imageSize != 0)
        requireRange("speed.image_size", r.imageSize, limits::kMinResolution,
                     limits::kMaxResolution);
    requireRange("speed.repeats", r.repeats, 1, kMaxRepeats);
    requireRange("speed.warmup", r.warmup, 0, kMaxWarmup);
    if (!r.device.empty()) validateDevice("speed.device", r.device);
}

std::vector<StageShare> stageShares(const SpeedReport& r) {
    double totalMs = 0, totalMacs = 0;
    for (const auto& s : r.segments) {
        totalMs += s.forwardMs + s.backwardMs;
        totalMacs += double(s.macs);
    }
    std::vector<StageShare> shares;
    for (const auto& s : r.segments)
        shares.push_back({totalMs > 0 ? 100.0 * (s.forwardMs + s.backwardMs) / totalMs : 0.0,
                          totalMacs > 0 ? 100.0 * double(s.macs) / totalMacs : 0.0});
    return shares;
}

SpeedComparison compareSpeed(const SpeedReport& now, const SpeedReport& ref) {
    const auto macs = [](const SpeedReport& r) {
        double m = 0;
        for (const auto& s : r.segments)
            m += double(s.macs);
        return m;
    };
    const auto perImage = [](double ms, const SpeedReport& r) { return ms / r.batch; };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    SpeedComparison c;
    c.macs = macs(now) / macs(ref);
    c.trainStep = perImage(now.trainStepMs, now) / perImage(ref.trainStepMs, ref);
    c.inference = perImage(now.inferenceMs, now) / perImage(ref.inferenceMs, ref);
    c.peakMemory = now.batch == ref.batch && now.peakMemoryBytes > 0 && ref.peakMemoryBytes > 0
                       ? now.peakMemoryBytes / ref.peakMemoryBytes
                       : nan;
    if (now.segments.size() == ref.segments.size())
        for (size_t i = 0; i < now.segments.size(); ++i) {
            const auto& a = now.segments[i];
            const auto& b = ref.segments[i];
            c.stageTime.push_back(perImage(a.forwardMs + a.backwardMs, now) /
                                  perImage(b.forwardMs + b.backwardMs, ref));
        }
    return c;
}

std::string speedReportCsv(const SpeedReport& r) {
    std::ostringstream os;
    os.precision(10);
    os << "device,batch,image_size,train_step_ms,inference_ms,stage,block,macs,forward_ms,"
          "backward_ms,forward_gmacs_per_second\n";
    for (const SegmentSpeed& s : r.segments)
        os << r.device << ',' << r.batch << ',' << r.imageSize << ',' << r.trainStepMs << ','
           << r.inferenceMs << ',' << s.name << ',' << s.label << ',' << s.macs << ','
           << s.forwardMs << ',' << s.backwardMs << ',' << s.forwardGmacsPerSecond(r.batch) << '\n';
    return os.str();
}

bool sameSpeedInputs(const ScaleConfig& a, const ScaleConfig& b, const SpeedRequest& r) {
    const TrainingSettings &x = a.training, &y = b.training;
    return a.baseline == b.baseline && a.request == b.request && x.precision == y.precision &&
           x.optimizer == y.optimizer && x.cudaGraphs == y.cudaGraphs &&
           x.cudnnBenchmark == y.cudnnBenchmark && (!r.device.empty() || x.device == y.device) &&
           (r.batch > 0 || x.batchSize == y.batchSize);
}

SpeedReport measureSpeed(const ScaleConfig& config, const SpeedRequest& request,
                         const SpeedCancel& cancelled, const SpeedProgress& progress) {
    validate(request);
    const TrainingSettings& t = config.training;
    validate(t);
    ScaledArch arch = scale(config.baseline, config.request);
    if (request.imageSize > 0) arch.resolution = request.imageSize;
    const CostReport costs = computeCosts(arch);

    torch::Device dev = torch::kCPU;
    try {
        dev = chooseDevice(request.device.empty() ? t.device : request.device);
    } catch (const ValidationError& e) {
        throw ValidationError(request.device.empty() ? "training.device" : "speed.device",
                              e.reason());
    }
    const bool cuda = dev.is_cuda();
    if (t.precision == "bf16" && !cuda)
        throw ValidationError("training.precision",
                              "bf16 autocast runs on CUDA only; use fp32 or auto on the CPU");
    const bool bf16 = cuda && t.precision != "fp32";
    const int batch = request.batch > 0 ? request.batch : t.batchSize;
    requireRange("training.batch_size", batch, 1, kMaxBatch);
    const int classes = config.baseline.numClasses, channels = config.baseline.inChannels;

    SpeedReport report;
    report.device = dev.str();
    report.batch = batch;
    report.imageSize = arch.resolution;
    report.bf16 = bf16;
    report.optimizer = t.optimizer;
    const MemoryEstimate memory =
        estimateMemory(costs, bf16 ? Precision::BFloat16 : Precision::Float32, optimizerOf(t),
                       /*ema=*/false);
    report.estimatedMemoryBytes = memory.bytesAtBatch(batch);
    if (!cuda)
        requireHostMemory(memory, batch, request.batch > 0 ? "speed.batch" : "training.batch_size",
                          "measuring " + modelName(config) + " at batch " + std::to_string(batch) +
                              " and " + std::to_string(arch.resolution) + " px");

    retainHostMemory(); // the CPU's allocation policy of a training run, whose step it times
    ThreadCountGuard threadGuard;
    if (!cuda) {
        report.threads = setCpuTrainingThreads(double(costs.macs) * batch);
    }
    if (cuda) at::globalContext().setBenchmarkCuDNN(t.cudnnBenchmark);

    torch::manual_seed(t.seed);
    int done = 0, total = 0;
    auto passed = [&] {
        ++done;
        if (progress) progress(done, total);
        if (cancelled && cancelled()) throw SpeedCancelled();
    };
    try {
        ScaledNet model(arch, classes, channels, modelInitFromString(t.init));
        model->to(dev);
        toChannelsLast(*model);
        if (model->segmentCount() != int(costs.stages.size()))
            throw std::logic_error("the model has " + std::to_string(model->segmentCount()) +
                                   " pieces where the cost table has " +
                                   std::to_string(costs.stages.size()));
        TrainBatch b;
        b.x = torch::randn({batch, channels, arch.resolution, arch.resolution}, torch::kFloat)
                  .to(dev)
                  .contiguous(torch::MemoryFormat::ChannelsLast);
        b.labels = torch::randint(classes, {batch}, torch::kLong).to(dev);

        // The training step, as runTraining takes it.
        auto optimizer = makeOptimizer(t, model);
        std::unique_ptr<GraphedTrainStep> graphed;
        auto* sgd = dynamic_cast<ForeachSGD*>(optimizer.get());
        if (cuda && t.cudaGraphs && sgd && GraphedTrainStep::supported())
            graphed = std::make_unique<GraphedTrainStep>(model, *sgd, t.labelSmoothing, bf16, dev);
        // A graph replays from the step after its eager warm-up and capture.
        const int stepWarmup =
            graphed ? std::max(request.warmup, GraphedTrainStep::kWarmupSteps + 1) : request.warmup;
        const int stepPasses = stepWarmup + request.repeats;
        const int each = request.warmup + request.repeats;
        total = stepPasses + each * (1 + (request.perStage ? model->segmentCount() : 0));
        model->train();
        if (cuda)
            resetPeakDeviceMemory(dev);
        else
            resetPeakHostTensorMemory();
        std::vector<double> times;
        for (int i = 0; i < stepPasses; ++i) {
            synchronize(dev);
            const auto t0 = Clock::now();
            if (graphed) {
                graphed->run(b, t.learningRate);
            } else {
                setLearningRate(*optimizer, t.learningRate);
                trainStep(model, *optimizer, b, t.labelSmoothing, bf16);
            }
            synchronize(dev);
            if (i >= stepWarmup) times.push_back(msSince(t0));
            passed();
        }
        report.trainStepMs = median(times);
        report.graphed = graphed && graphed->failure().empty();
        report.peakMemoryBytes = cuda ? peakDeviceMemory(dev) : peakHostTensorMemory();
        graphed.reset();
        optimizer.reset();
        clearModuleGradients(*model);

        // Inference: eval mode, no autograd.
        {
            torch::NoGradGuard noGrad;
            AutocastGuard autocast(bf16);
            model->eval();
            times.clear();
            for (int i = 0; i < request.warmup + request.repeats; ++i) {
                synchronize(dev);
                const auto t0 = Clock::now();
                model->forward(b.x);
                synchronize(dev);
                if (i >= request.warmup) times.push_back(msSince(t0));
                passed();
            }
            report.inferenceMs = median(times);
        }

        if (!request.perStage) return report;
        // Each piece alone, in training mode, on the input the pieces before it make: its
        // forward, then its backward from a gradient of ones (the stem's input needs none,
        // as in training).
        model->train();
        std::vector<torch::Tensor> inputs;
        {
            torch::NoGradGuard noGrad;
            AutocastGuard autocast(bf16);
            torch::Tensor x = b.x;
            for (int s = 0; s < model->segmentCount(); ++s) {
                inputs.push_back(x);
                x = model->forwardSegment(s, x);
            }
        }
        for (int s = 0; s < model->segmentCount(); ++s) {
            const StageCost& cost = costs.stages[size_t(s)];
            SegmentSpeed seg;
            seg.name = cost.name;
            seg.label = cost.label;
            seg.macs = cost.macs;
            std::vector<double> forward, backward;
            torch::Tensor gradOut;
            for (int i = 0; i < request.warmup + request.repeats; ++i) {
                torch::Tensor x = inputs[size_t(s)].detach();
                if (s > 0) x.requires_grad_(true);
                synchronize(dev);
                auto t0 = Clock::now();
                torch::Tensor y;
                {
                    AutocastGuard autocast(bf16);
                    y = model->forwardSegment(s, x);
                }
                synchronize(dev);
                const double f = msSince(t0);
                if (!gradOut.defined()) gradOut = torch::ones_like(y);
                t0 = Clock::now();
                y.backward(gradOut);
                synchronize(dev);
                const double bw = msSince(t0);
                clearModuleGradients(*model);
                if (i >= request.warmup) {
                    forward.push_back(f);
                    backward.push_back(bw);
                }
                passed();
            }
            seg.forwardMs = median(forward);
            seg.backwardMs = median(backward);
            report.segments.push_back(seg);
        }
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        if (what.find("out of memory") != std::string::npos)
            throw std::runtime_error("out of memory on " + dev.str() + " at batch " +
                                     std::to_string(batch) + " (image size " +
                                     std::to_string(arch.resolution) + "): try batch " +
                                     std::to_string(std::max(1, batch / 2)));
        throw std::runtime_error("LibTorch: " + what.substr(0, what.find('\n')));
    }
    return report;
}

} // namespace scalescope::train
