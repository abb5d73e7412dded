// Times the training engine's own step (core/train/engine.h's trainStep, the function
// runTraining calls) and its data path, and writes weights for the timm load check.
//   bench_train_step step --preset P --size S --batch B [--steps N] [--warmup W] [--channels-last
//   0|1]
//                         [--width X --depth X | --phi X] [--fused 0|1]
//                         (--fused 1: BatchNorm + SiLU as one CUDA operation, fusedbnact.h)
//   bench_train_step data --size S --batch B [--store S0] [--randaugment M] [--mixup A]
//                         [--channels 1|3] [--count N] [--steps N]
//   bench_train_step export DIR      (EfficientNet-B0, 1000 classes: weights.pt + check.pt)
//   bench_train_step graphcheck      (CUDA: graph replay against eager steps, same results)
//   bench_train_step stagechange [--sizes 64,85,107,128] [--preset P --phi X | --width X
//                         --depth X] [--batch B] [--classes K] [--steps N] [--graphs 0|1]
//                         [--cudnn-benchmark 0|1] [--channels-last 0|1]
//                                    (what a progressive stage change costs: each size's
//                                     first steps against its steady step)
//   bench_train_step bnact [--batch 256] [--steps 50] [--bf16 0|1]
//                                    (BatchNorm + SiLU: LibTorch's two operations against
//                                     the fused one, B0's shapes at 224 px)
//   bench_train_step dwconv [--batch 32] [--steps 20]
//                                    (depthwise convolutions on maps smaller than the kernel,
//                                     CPU: the full kernel against depthwiseConv's kept taps)
// Every mode: --host-malloc retain|heap|glibc: what runTraining sets (the default: the heap
// policy and the large-block cache), the heap policy alone (blocks over 32 MiB mapped afresh
// each time), or the C library's own, where freed tensors go back to the kernel
// (docs/BENCHMARKS.md).
// Each mode prints a human line and a "RESULT {json}" line for bench/gpu_step_bench.sh.
#include "engine.h"
#include "fusedbnact.h"
#include "scaling/presets.h"
#include "scaling/scaling.h"
#include "torchsave.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

using namespace scalescope;
using namespace scalescope::train;

namespace {
using Clock = std::chrono::steady_clock;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
constexpr std::uint64_t kSeed = 7; // fixed data for every run

std::map<std::string, std::string> parseFlags(int argc, char** argv, int first) {
    std::map<std::string, std::string> f;
    for (int i = first; i + 1 < argc; i += 2)
        f[argv[i]] = argv[i + 1];
    return f;
}
// Every numeric flag is a positive count or size here; anything else is refused by name.
int intFlag(const std::map<std::string, std::string>& f, const std::string& k, int d) {
    auto it = f.find(k);
    if (it == f.end()) return d;
    char* end = nullptr;
    const long v = std::strtol(it->second.c_str(), &end, 10);
    if (end == it->second.c_str() || *end || v < 0 || v > 1000000)
        throw std::invalid_argument(k + ": \"" + it->second +
                                    "\" is not a count from 0 to 1000000");
    return int(v);
}
// Non-negative unless `signedOk` (a compound coefficient below the baseline's).
double doubleFlag(const std::map<std::string, std::string>& f, const std::string& k, double d,
                  bool signedOk = false) {
    auto it = f.find(k);
    if (it == f.end()) return d;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (end == it->second.c_str() || *end || !std::isfinite(v) || (v < 0 && !signedOk))
        throw std::invalid_argument(k + ": \"" + it->second + "\" is not a finite number" +
                                    (signedOk ? "" : " >= 0"));
    return v;
}
void sync(torch::Device dev) {
    if (dev.is_cuda()) torch::cuda::synchronize();
}

// The preset, scaled by --phi (compound) or by --width/--depth (explicit multipliers on its
// baseline, as the CLI's flags: the small models the CPU progressive runs train).
ScaleConfig modelConfig(const std::map<std::string, std::string>& f, const std::string& preset,
                        double defaultPhi = 0.0) {
    ScaleConfig cfg = configForPreset(preset);
    if (f.count("--width") || f.count("--depth")) {
        cfg.request.mode = ScalingRequest::Mode::Explicit;
        cfg.request.width = doubleFlag(f, "--width", 1.0);
        cfg.request.depth = doubleFlag(f, "--depth", 1.0);
    } else if (f.count("--phi") || defaultPhi != 0.0) {
        cfg.request.mode = ScalingRequest::Mode::Compound;
        cfg.request.coefficients.phi = doubleFlag(f, "--phi", defaultPhi, /*signedOk=*/true);
    }
    validate(cfg.request, cfg.baseline);
    return cfg;
}

// The model a mode times: the configuration scaled, seeded, on `dev`.
ScaledNet seededModel(const ScaleConfig& cfg, int classes, torch::Device dev, bool channelsLast) {
    torch::manual_seed(kSeed);
    ScaledNet model(scale(cfg.baseline, cfg.request), classes, 3);
    model->to(dev);
    if (channelsLast) toChannelsLast(*model);
    return model;
}

int stepMode(const std::map<std::string, std::string>& f) {
    const std::string preset =
        f.count("--preset") ? f.at("--preset") : std::string("efficientnet-b0");
    const int size = intFlag(f, "--size", 224), batch = intFlag(f, "--batch", 256);
    const int steps = intFlag(f, "--steps", 40), warmup = intFlag(f, "--warmup", 15);
    const int classes = intFlag(f, "--classes", 1000);
    if (size < 8 || batch < 1 || steps < 1 || classes < 1)
        throw std::invalid_argument("--size must be at least 8 and --batch, --steps, --classes "
                                    "at least 1");
    const torch::Device dev = chooseDevice("auto");
    const bool cuda = dev.is_cuda();
    // Switches to isolate a problem: torch::optim::SGD instead of ForeachSGD, fp32, NCHW.
    const bool torchSgd = intFlag(f, "--torch-sgd", 0) != 0;
    const bool bf16 = cuda && intFlag(f, "--bf16", 1) != 0;
    const bool channelsLast = intFlag(f, "--channels-last", cuda ? 1 : 0) != 0;
    // --graphs 1: replayed from a CUDA graph, as runTraining does with cuda_graphs on.
    const bool graphs =
        cuda && !torchSgd && GraphedTrainStep::supported() && intFlag(f, "--graphs", 0) != 0;
    if (cuda) at::globalContext().setBenchmarkCuDNN(true);
    const bool fused = intFlag(f, "--fused", 0) != 0;
    if (fused && !(cuda && fusedBatchNormActCompiled()))
        throw std::invalid_argument("--fused 1 needs a GPU and a build with the CUDA kernels");
    setFusedBatchNormAct(fused);
    resetPeakDeviceMemory(dev);

    ScaledNet model = seededModel(modelConfig(f, preset), classes, dev, channelsLast);
    TrainingSettings t;
    t.optimizer = "sgd";
    t.learningRate = 0.1;
    t.momentum = 0.9;
    t.weightDecay = 1e-5;
    std::unique_ptr<torch::optim::Optimizer> opt;
    if (torchSgd) {
        const auto o = torch::optim::SGDOptions(t.learningRate)
                           .momentum(t.momentum)
                           .nesterov(true)
                           .weight_decay(t.weightDecay);
        opt = std::make_unique<torch::optim::SGD>(weightDecayGroups(model, o), o);
    } else {
        opt = makeOptimizer(t, model);
    }
    model->train();

    TrainBatch b;
    b.x = torch::randn({batch, 3, size, size}, torch::TensorOptions().device(dev));
    if (channelsLast) b.x = b.x.contiguous(torch::MemoryFormat::ChannelsLast);
    b.labels =
        torch::randint(0, classes, {batch}, torch::TensorOptions().dtype(torch::kInt64)).to(dev);
    std::unique_ptr<GraphedTrainStep> graphed;
    if (graphs)
        graphed = std::make_unique<GraphedTrainStep>(model, static_cast<ForeachSGD&>(*opt),
                                                     /*labelSmoothing=*/0.1, bf16, dev);
    auto run = [&](int n) {
        torch::Tensor last;
        for (int i = 0; i < n; ++i) {
            if (graphed) {
                last = graphed->run(b, t.learningRate).loss;
                continue;
            }
            setLearningRate(*opt, t.learningRate); // as runTraining does every step
            last = trainStep(model, *opt, b, /*labelSmoothing=*/0.1, bf16).loss;
        }
        return last;
    };
    run(warmup);
    sync(dev);
    const auto t0 = Clock::now();
    const double loss = run(steps).item<double>(); // the one host sync, after the clock stops
    sync(dev);
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    const double ips = double(steps) * batch / secs;
    const double peak = peakDeviceMemory(dev);
    const std::string mode =
        std::string(graphed ? (graphed->failure().empty() ? "graph" : "eager (capture failed)")
                            : "eager") +
        (fused ? "+fused" : "");
    if (graphed && !graphed->failure().empty())
        std::fprintf(stderr, "CUDA graph capture failed: %s\n", graphed->failure().c_str());
    // peakDeviceMemory is -1 where there is no allocator to ask (the CPU).
    char peakText[32] = "n/a";
    if (peak >= 0) std::snprintf(peakText, sizeof peakText, "%.2f GiB", peak / kGiB);
    std::printf("engine %s %dpx batch %d, %s: %.0f img/s (%.2f ms/step), peak %s, loss %.3f\n",
                preset.c_str(), size, batch, mode.c_str(), ips, 1000 * secs / steps, peakText,
                loss);
    std::printf("RESULT {\"side\":\"engine\",\"model\":\"%s\",\"size\":%d,\"batch\":%d,"
                "\"mode\":\"%s\",\"images_per_second\":%.1f,\"ms_per_step\":%.3f,"
                "\"peak_bytes\":%.0f,\"torch\":\"%s\",\"device\":\"%s\"}\n",
                preset.c_str(), size, batch, mode.c_str(), ips, 1000 * secs / steps, peak,
                TORCH_VERSION, cuda ? "cuda" : "cpu");
    return 0;
}

int dataMode(const std::map<std::string, std::string>& f) {
    const int size = intFlag(f, "--size", 128), batch = intFlag(f, "--batch", 256);
    const int store = intFlag(f, "--store", 224), steps = intFlag(f, "--steps", 60);
    const int count = intFlag(f, "--count", 8192);
    const int channels = intFlag(f, "--channels", 3); // 1: Fashion-MNIST's grey images
    if (size < 8 || store < 8 || batch < 1 || steps < 1 || count < batch ||
        (channels != 1 && channels != 3))
        throw std::invalid_argument("--size and --store must be at least 8, --batch and --steps "
                                    "at least 1, --count at least --batch, --channels 1 or 3");
    const torch::Device dev = chooseDevice("auto");
    Split split;
    split.images = torch::randint(0, 256, {count, channels, store, store},
                                  torch::TensorOptions().dtype(torch::kUInt8))
                       .to(dev);
    split.labels =
        torch::randint(0, 1000, {count}, torch::TensorOptions().dtype(torch::kInt64)).to(dev);
    const auto perm = torch::randperm(count, torch::TensorOptions().dtype(torch::kInt64)).to(dev);
    BatchRecipe r;
    r.augment.imageSize = size;
    r.augment.randAugment = doubleFlag(f, "--randaugment", 10);
    r.augment.cropMinScale = 0.25;
    r.mixup = doubleFlag(f, "--mixup", 0.2);
    const std::int64_t perEpoch = count / batch;
    auto run = [&](int n, int offset) {
        torch::Tensor sum = torch::zeros({}, torch::TensorOptions().device(dev));
        for (int i = 0; i < n; ++i) {
            const auto s = (i + offset) % perEpoch;
            sum += prepareTrainBatch(split, perm, s * batch, batch, r, dev, kSeed + i + offset)
                       .x.select(0, 0)
                       .mean();
        }
        return sum;
    };
    run(5, 0);
    sync(dev);
    const auto t0 = Clock::now();
    run(steps, 5).item<double>();
    sync(dev);
    const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    const double ips = double(steps) * batch / secs;
    std::printf("data path %dpx from %dpx uint8, %d channel%s, batch %d, RandAugment %.0f, "
                "mixup %.2f: %.0f img/s\n",
                size, store, channels, channels == 1 ? "" : "s", batch, r.augment.randAugment,
                r.mixup, ips);
    std::printf("RESULT {\"side\":\"data\",\"size\":%d,\"batch\":%d,\"images_per_second\":%.1f}\n",
                size, batch, ips);
    return 0;
}

// The CUDA-graph step against the eager one: two copies of one EfficientNet-B0 (no dropout or
// stochastic depth, fp32, deterministic cuDNN) fed the same batches, with a learning rate and
// a mixup weight that change every step and an image size that changes halfway (a new
// capture). They run in lockstep: after each step the eager copy's weights, BatchNorm
// statistics and momentum buffers are copied into the graphed one in place (the memory its
// graph reads), so every step is compared from the same state. Without that, a few steps of
// training on noise amplify last-bit differences (atomics in some backward kernels) into
// nothing comparable, which is what the first version of this check measured.
int graphCheckMode(const std::map<std::string, std::string>& f) {
    const int steps = intFlag(f, "--steps", 10), batch = intFlag(f, "--batch", 32);
    const torch::Device dev = chooseDevice("auto");
    if (!dev.is_cuda() || !GraphedTrainStep::supported()) {
        std::fprintf(stderr, "graphcheck needs a GPU and a LibTorch with CUDA graphs\n");
        return 2;
    }
    at::globalContext().setBenchmarkCuDNN(false);
    at::globalContext().setDeterministicCuDNN(true);
    ScaleConfig cfg = configForPreset("efficientnet-b0");
    cfg.baseline.dropPath = 0;
    const ScaledArch arch = scale(cfg.baseline, cfg.request);
    constexpr int kClasses = 10;
    constexpr double kTolerance = 1e-4; // one step's relative difference, loss and weights
    torch::manual_seed(kSeed);
    ScaledNet eager(arch, kClasses, 3), graphed(arch, kClasses, 3);
    for (ScaledNet* m : {&eager, &graphed}) {
        (*m)->setDropout(0);
        (*m)->to(dev);
        toChannelsLast(**m);
    }
    copyState(eager, graphed);
    TrainingSettings t;
    t.weightDecay = 1e-4;
    auto optEager = makeOptimizer(t, eager);
    auto optGraphed = makeOptimizer(t, graphed);
    GraphedTrainStep step(graphed, static_cast<ForeachSGD&>(*optGraphed), 0.1, /*bf16=*/false, dev);
    eager->train();
    graphed->train();
    double worstLoss = 0, worstWeight = 0;
    int graphedSteps = 0;
    bool capturedOnTime = true; // the step after the warm-up is the one captured
    for (int i = 0; i < 2 * steps; ++i) {
        const int size = i < steps ? 64 : 48;
        torch::manual_seed(kSeed + std::uint64_t(i));
        TrainBatch b;
        b.x = torch::randn({batch, 3, size, size}, torch::TensorOptions().device(dev))
                  .contiguous(torch::MemoryFormat::ChannelsLast);
        b.labels = torch::randint(0, kClasses, {batch},
                                  torch::TensorOptions().dtype(torch::kInt64).device(dev));
        b.lam = i % 2 ? 0.7 : 1.0;
        const double lr = 0.02 * (1 + i % 3);
        const bool captures = step.willCapture(b);
        setLearningRate(*optEager, lr);
        const double le = trainStep(eager, *optEager, b, 0.1, false).loss.item<double>();
        const double lg = step.run(b, lr).loss.item<double>();
        const double dLoss = std::abs(le - lg) / std::max(1.0, std::abs(le));
        // Largest weight difference, relative to each tensor's largest weight.
        double dWeight = 0;
        {
            torch::NoGradGuard ng;
            const auto a = eager->parameters(), g = graphed->parameters();
            for (size_t k = 0; k < a.size(); ++k)
                dWeight = std::max(dWeight, (a[k] - g[k]).abs().max().item<double>() /
                                                std::max(1e-3, a[k].abs().max().item<double>()));
            copyState(eager, graphed);
            const auto be = momentumBuffers(static_cast<ForeachSGD&>(*optEager));
            const auto bg = momentumBuffers(static_cast<ForeachSGD&>(*optGraphed));
            for (size_t k = 0; k < be.size(); ++k)
                if (be[k].defined() && bg[k].defined()) bg[k].copy_(be[k]);
        }
        const int k = i % steps;
        const bool warm = k < GraphedTrainStep::kWarmupSteps;
        const char* how = !step.failure().empty() ? "eager"
                          : warm                  ? "warm-up"
                          : captures              ? "captured"
                                                  : "replayed";
        if (k == GraphedTrainStep::kWarmupSteps && !captures) capturedOnTime = false;
        if (!warm && step.failure().empty()) ++graphedSteps;
        worstLoss = std::max(worstLoss, dLoss);
        worstWeight = std::max(worstWeight, dWeight);
        std::printf("step %2d, %d px, lr %.2f, lam %.1f, %-9s loss %.6f vs %.6f, "
                    "differences: loss %.1e, weights %.1e\n",
                    i, size, lr, b.lam, how, le, lg, dLoss, dWeight);
    }
    const bool captured = step.failure().empty();
    const bool pass = captured && capturedOnTime && graphedSteps > 0 && worstLoss < kTolerance &&
                      worstWeight < kTolerance;
    std::printf("%s: %s (%d graphed steps); largest one-step difference: loss %.2e "
                "(relative), weights %.2e (relative to each tensor's largest weight)\n",
                pass ? "GRAPH CHECK PASSED" : "GRAPH CHECK FAILED",
                !captured        ? step.failure().c_str()
                : capturedOnTime ? "captured and replayed"
                                 : "not captured after the warm-up",
                graphedSteps, worstLoss, worstWeight);
    return pass ? 0 : 1;
}

// A progressive run's image sizes one after the other, as runTraining meets them: each size's
// first steps timed one by one (eager warm-up, the capture with --graphs 1) against its
// steady step. Their excess over the steady step is what a stage change costs before the
// first epoch at that size; bench/configs/shapes-gpu.json's model by default.
int stageChangeMode(const std::map<std::string, std::string>& f) {
    const torch::Device dev = chooseDevice("auto");
    const bool cuda = dev.is_cuda();
    const int batch = intFlag(f, "--batch", 256), classes = intFlag(f, "--classes", 10);
    const int steady = intFlag(f, "--steps", 10);
    std::vector<int> sizes;
    {
        std::stringstream ss(f.count("--sizes") ? f.at("--sizes") : std::string("64,85,107,128"));
        for (std::string item; std::getline(ss, item, ',');)
            sizes.push_back(intFlag({{"--sizes", item}}, "--sizes", 0));
    }
    if (sizes.empty() || batch < 1 || steady < 1 ||
        std::any_of(sizes.begin(), sizes.end(), [](int s) { return s < 8; }))
        throw std::invalid_argument("--sizes must list sizes of at least 8 px; --batch and "
                                    "--steps at least 1");
    const bool graphs = cuda && GraphedTrainStep::supported() && intFlag(f, "--graphs", 1) != 0;
    const bool search = cuda && intFlag(f, "--cudnn-benchmark", 0) != 0;
    if (cuda) at::globalContext().setBenchmarkCuDNN(search);
    const std::string preset =
        f.count("--preset") ? f.at("--preset") : std::string("efficientnetv2-s");
    const ScaleConfig cfg = modelConfig(f, preset, /*defaultPhi=*/-2.0);
    // Channels-last on both devices by default, as runTraining.
    const bool channelsLast = intFlag(f, "--channels-last", 1) != 0;
    ScaledNet model = seededModel(cfg, classes, dev, channelsLast);
    TrainingSettings t;
    t.learningRate = 0.01;
    auto opt = makeOptimizer(t, model);
    std::unique_ptr<GraphedTrainStep> graphed;
    if (graphs)
        graphed = std::make_unique<GraphedTrainStep>(model, static_cast<ForeachSGD&>(*opt), 0.1,
                                                     cuda, dev);
    model->train();
    auto timedStep = [&](const TrainBatch& b) {
        sync(dev);
        const auto t0 = Clock::now();
        if (graphed)
            graphed->run(b, t.learningRate);
        else
            trainStep(model, *opt, b, 0.1, cuda);
        sync(dev);
        return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    };
    const int first = graphs ? GraphedTrainStep::kWarmupSteps + 1 : 2;
    char scaled[96];
    if (cfg.request.mode == ScalingRequest::Mode::Explicit)
        std::snprintf(scaled, sizeof scaled, "width %g depth %g", cfg.request.width,
                      cfg.request.depth);
    else
        std::snprintf(scaled, sizeof scaled, "phi %g", cfg.request.coefficients.phi);
    std::printf("stage change, %s %s, batch %d, %s, %s, %s (ms)\n", preset.c_str(), scaled, batch,
                dev.str().c_str(), graphs ? "CUDA graphs" : "eager",
                !cuda ? (channelsLast ? "channels-last" : "NCHW")
                      : (search ? "cuDNN benchmark search" : "cuDNN heuristics"));
    for (const int size : sizes) {
        TrainBatch b;
        b.x = torch::randn({batch, 3, size, size}, torch::TensorOptions().device(dev));
        if (channelsLast) b.x = b.x.contiguous(torch::MemoryFormat::ChannelsLast);
        b.labels = torch::randint(0, classes, {batch},
                                  torch::TensorOptions().dtype(torch::kInt64).device(dev));
        std::vector<double> firstMs;
        for (int i = 0; i < first; ++i)
            firstMs.push_back(timedStep(b));
        double steadyMs = 0;
        for (int i = 0; i < steady; ++i)
            steadyMs += timedStep(b) / steady;
        double extra = 0;
        std::string list;
        for (double ms : firstMs) {
            extra += ms - steadyMs;
            list += (list.empty() ? "" : " ") + std::to_string(int(std::lround(ms)));
        }
        std::printf("%4d px: first steps %s; steady %.1f; stage change costs %.0f ms\n", size,
                    list.c_str(), steadyMs, extra);
        std::printf("RESULT {\"side\":\"stagechange\",\"size\":%d,\"graphs\":%d,"
                    "\"cudnn_benchmark\":%d,\"steady_ms\":%.3f,\"extra_ms\":%.1f}\n",
                    size, int(graphs), int(search), steadyMs, extra);
    }
    return 0;
}

// EfficientNet-B0's depthwise convolutions where its last stages meet maps smaller than their
// kernels at small progressive sizes, forward and backward, timed with the full kernel (what
// torch::nn::Conv2d runs) and with depthwiseConv (what the model runs), in turn.
int dwconvMode(const std::map<std::string, std::string>& f) {
    const int batch = intFlag(f, "--batch", 32), steps = intFlag(f, "--steps", 20);
    struct Case {
        int channels, size, kernel, stride;
    };
    // stage 6 at 1x1 (32 px and below), stage 6's first block at 2x2, stage 7 at 1x1
    const Case cases[] = {{1152, 1, 5, 1}, {672, 2, 5, 2}, {1152, 1, 3, 1}, {1152, 2, 5, 1}};
    std::printf("depthwise convolution, forward and backward, batch %d, channels-last (ms)\n",
                batch);
    for (const Case& c : cases) {
        torch::manual_seed(kSeed);
        const auto x0 = torch::randn({batch, c.channels, c.size, c.size})
                            .contiguous(torch::MemoryFormat::ChannelsLast);
        const auto w0 = torch::randn({c.channels, 1, c.kernel, c.kernel})
                            .contiguous(torch::MemoryFormat::ChannelsLast);
        auto time = [&](bool full) {
            auto once = [&] {
                auto x = x0.detach().requires_grad_(true), w = w0.detach().requires_grad_(true);
                const std::int64_t s = c.stride, p = c.kernel / 2;
                const auto y = full ? torch::conv2d(x, w, torch::Tensor(), torch::IntArrayRef{s, s},
                                                    torch::IntArrayRef{p, p},
                                                    torch::IntArrayRef{1, 1}, c.channels)
                                    : depthwiseConv(x, w, c.stride);
                y.sum().backward();
            };
            once(); // primitives built outside the timing
            const auto t0 = Clock::now();
            for (int i = 0; i < steps; ++i)
                once();
            return std::chrono::duration<double, std::milli>(Clock::now() - t0).count() / steps;
        };
        const double full = time(true), kept = time(false);
        std::printf("%5d channels, %dx%d map, kernel %d, stride %d: full kernel %.2f, kept taps "
                    "%.2f (%.1fx)\n",
                    c.channels, c.size, c.size, c.kernel, c.stride, full, kept, full / kept);
        std::printf("RESULT {\"side\":\"dwconv\",\"channels\":%d,\"size\":%d,\"kernel\":%d,"
                    "\"stride\":%d,\"full_ms\":%.3f,\"kept_ms\":%.3f}\n",
                    c.channels, c.size, c.kernel, c.stride, full, kept);
    }
    return 0;
}

// BatchNorm + SiLU, forward and backward, as LibTorch's two operations (cuDNN's BatchNorm on
// CUDA) against fusedBatchNormAct, on EfficientNet-B0's BatchNorm + SiLU shapes at 224 px:
// time per pass, peak memory of one pass, and the largest differences (the CPU runs the
// fused operation's reference loops: a check of this mode, not a timing).
int bnactMode(const std::map<std::string, std::string>& f) {
    const torch::Device dev = chooseDevice("auto");
    const bool cuda = dev.is_cuda();
    const int batch = intFlag(f, "--batch", cuda ? 256 : 2);
    const int steps = intFlag(f, "--steps", cuda ? 50 : 2);
    const bool bf16 = cuda && intFlag(f, "--bf16", 1) != 0;
    if (batch < 1 || steps < 1) throw std::invalid_argument("--batch and --steps at least 1");
    if (cuda && !fusedBatchNormActCompiled())
        throw std::invalid_argument("this build has no fused CUDA kernels");
    struct Case {
        int channels, size;
    };
    // The stem; stage 2's expansion at 112 and 56 px; stages 3, 4, 5 and 6's expansions.
    const Case cases[] = {{32, 112}, {96, 112}, {96, 56},  {144, 56},
                          {240, 28}, {480, 14}, {672, 14}, {1152, 7}};
    std::printf("BatchNorm + SiLU, forward and backward, batch %d, %s, channels-last (ms)\n", batch,
                bf16 ? "bf16" : "fp32");
    for (const Case& c : cases) {
        torch::manual_seed(kSeed);
        auto x0 = (torch::randn({batch, c.channels, c.size, c.size}) * 2 + 1).to(dev);
        if (bf16) x0 = x0.to(torch::kBFloat16);
        x0 = x0.contiguous(torch::MemoryFormat::ChannelsLast);
        const auto g0 = torch::randn_like(x0);
        torch::nn::BatchNorm2d norm(torch::nn::BatchNorm2dOptions(c.channels));
        norm->to(dev);
        norm->train();
        auto once = [&](bool fused) {
            for (auto& p : norm->parameters())
                p.mutable_grad() = torch::Tensor();
            auto x = x0.detach().requires_grad_(true);
            const auto y =
                fused ? fusedBatchNormAct(x, *norm, true) : torch::silu(norm->forward(x));
            y.backward(g0);
            return std::make_pair(y.detach(), x.grad());
        };
        auto time = [&](bool fused) {
            once(fused);
            sync(dev);
            resetPeakDeviceMemory(dev);
            const double before = peakDeviceMemory(dev);
            const auto out = once(fused);
            sync(dev);
            const double peak = before < 0 ? -1 : peakDeviceMemory(dev) - before; // -1: CPU
            const auto t0 = Clock::now();
            for (int i = 0; i < steps; ++i)
                once(fused);
            sync(dev);
            const double ms =
                std::chrono::duration<double, std::milli>(Clock::now() - t0).count() / steps;
            return std::make_tuple(ms, peak, out.first, out.second);
        };
        const auto [plainMs, plainPeak, yPlain, gPlain] = time(false);
        const auto [fusedMs, fusedPeak, yFused, gFused] = time(true);
        auto relative = [](const torch::Tensor& a, const torch::Tensor& b) {
            const auto fa = a.to(torch::kFloat32), fb = b.to(torch::kFloat32);
            return (fa - fb).abs().max().item<double>() /
                   std::max(1e-12, fb.abs().max().item<double>());
        };
        const double dy = relative(yFused, yPlain), dx = relative(gFused, gPlain);
        char peaks[64] = "";
        if (cuda)
            std::snprintf(peaks, sizeof peaks, "; peak %.0f against %.0f MiB", fusedPeak / 1048576,
                          plainPeak / 1048576);
        std::printf("%5d channels at %3d px: LibTorch %.3f, fused %.3f (%.2fx)%s; largest "
                    "difference: output %.1e, input gradient %.1e (relative)\n",
                    c.channels, c.size, plainMs, fusedMs, plainMs / fusedMs, peaks, dy, dx);
        std::printf("RESULT {\"side\":\"bnact\",\"channels\":%d,\"size\":%d,\"batch\":%d,"
                    "\"plain_ms\":%.4f,\"fused_ms\":%.4f,\"plain_peak\":%.0f,"
                    "\"fused_peak\":%.0f,\"out_diff\":%.3g,\"grad_diff\":%.3g}\n",
                    c.channels, c.size, batch, plainMs, fusedMs, plainPeak, fusedPeak, dy, dx);
    }
    return 0;
}

// EfficientNet-B0 exactly as timm's efficientnet_b0 (1000 classes): a few steps so that
// the BatchNorm statistics are not the initial ones, then weights.pt and, for comparison,
// check.pt with an input and the engine's eval-mode logits for it (fp32, CPU).
int exportMode(const std::string& dirName) {
    namespace fs = std::filesystem;
    const fs::path dir(dirName);
    fs::create_directories(dir);
    const ScaleConfig cfg = configForPreset("efficientnet-b0");
    const ScaledArch arch = scale(cfg.baseline, cfg.request);
    torch::manual_seed(kSeed);
    ScaledNet model(arch, 1000, 3);
    TrainingSettings t;
    t.learningRate = 0.01;
    auto opt = makeOptimizer(t, model);
    TrainBatch b;
    b.x = torch::randn({8, 3, 96, 96});
    b.labels = torch::randint(0, 1000, {8}, torch::TensorOptions().dtype(torch::kInt64));
    for (int i = 0; i < 3; ++i)
        trainStep(model, *opt, b, 0.1, false);
    model->eval();
    torch::NoGradGuard ng;
    const auto x = torch::randn({4, 3, 224, 224});
    const auto logits = model->forward(x);
    writeTimmWeights(model, dir / "weights.pt");
    const std::vector<char> bytes = torchSaveBytes({{"input", x}, {"logits", logits}});
    std::ofstream(dir / "check.pt", std::ios::binary)
        .write(bytes.data(), std::streamsize(bytes.size()));
    std::printf("wrote %s and %s (%lld parameters)\n", (dir / "weights.pt").c_str(),
                (dir / "check.pt").c_str(), static_cast<long long>(countParameters(*model)));
    return 0;
}
} // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        // What the trainer does (retain), the heap policy alone, or glibc's own policy.
        const auto flags = parseFlags(argc, argv, 2);
        const auto heap = flags.count("--host-malloc") ? flags.at("--host-malloc") : "retain";
        if (heap != "retain" && heap != "heap" && heap != "glibc")
            throw std::invalid_argument("--host-malloc must be retain, heap or glibc, not " + heap);
        if (heap == "retain") cacheLargeHostBlocks();
        if (heap != "glibc" && !keepFreedHeapBlocks())
            std::fprintf(stderr, "bench_train_step: this C library's heap policy is kept\n");
        if (mode == "step") return stepMode(flags);
        if (mode == "data") return dataMode(flags);
        if (mode == "export" && argc > 2) return exportMode(argv[2]);
        if (mode == "graphcheck") return graphCheckMode(flags);
        if (mode == "stagechange") return stageChangeMode(flags);
        if (mode == "dwconv") return dwconvMode(flags);
        if (mode == "bnact") return bnactMode(flags);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_train_step: %s\n", e.what());
        return 1;
    }
    std::fprintf(
        stderr,
        "usage: bench_train_step step|data|graphcheck|stagechange|dwconv|bnact [--flag value "
        "...] | "
        "export DIR\n");
    return 2;
}
