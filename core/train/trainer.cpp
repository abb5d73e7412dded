#include "trainer.h"

#include "cputhreads.h"
#include "engine.h"
#include "runhistory.h"
#include "scaling/costs.h"
#include "scaling/schedule.h"
#include "trainedrun.h"

#include <torch/serialize.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <sstream>

namespace scalescope::train {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string toString(TrainEvent::Type t) {
    switch (t) {
    case TrainEvent::Type::Started:
        return "started";
    case TrainEvent::Type::Stage:
        return "stage";
    case TrainEvent::Type::Step:
        return "step";
    case TrainEvent::Type::Epoch:
        return "epoch";
    case TrainEvent::Type::Checkpoint:
        return "checkpoint";
    case TrainEvent::Type::Paused:
        return "paused";
    case TrainEvent::Type::Resumed:
        return "resumed";
    case TrainEvent::Type::Finished:
        return "finished";
    case TrainEvent::Type::Cancelled:
        return "cancelled";
    case TrainEvent::Type::Error:
        return "error";
    case TrainEvent::Type::Notice:
        return "notice";
    }
    return "?";
}

void TrainControl::requestCancel() {
    m_cancel = true;
    m_cv.notify_all();
}

void TrainControl::setPaused(bool paused) {
    m_paused = paused;
    m_cv.notify_all();
}

bool TrainControl::waitWhilePaused() {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cv.wait(lock, [&] { return !m_paused.load() || m_cancel.load(); });
    return !m_cancel.load();
}

bool cudaAvailable() {
    return torch::cuda::is_available();
}

std::string dataDir() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    const fs::path base =
        xdg && *xdg ? fs::path(xdg) : fs::path(home ? home : ".") / ".local" / "share";
    return (base / "scalescope").string();
}

namespace {
// A new folder in dataDir()/`kind`, named for now to the millisecond and past any folder
// already there: two runs (grids, studies) started in the same second, by two processes or a
// test suite's parallel runs, must not share a folder.
std::string stampedFolder(const char* kind) {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const long long ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    char stamp[48];
    const size_t n = std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&seconds));
    std::snprintf(stamp + n, sizeof stamp - n, "-%03lld", ms);
    const fs::path parent = fs::path(dataDir()) / kind;
    fs::path dir = parent / stamp;
    std::error_code ec;
    for (int i = 2; fs::exists(dir, ec); ++i)
        dir = parent / (std::string(stamp) + "-" + std::to_string(i));
    return dir.string();
}
} // namespace

std::string defaultRunDir() {
    return stampedFolder("runs");
}

std::string defaultGridDir() {
    return stampedFolder("grids");
}

std::string defaultStudyDir() {
    return stampedFolder("studies");
}

namespace {
constexpr const char* kWeightsFile = "weights.pt";
constexpr int kEvalBatchMultiplier = 2; // evaluation holds no gradients: larger batches fit

double residentBytes() {
    std::ifstream f("/proc/self/statm");
    long pages = 0, resident = 0;
    f >> pages >> resident;
    return double(resident) * 4096.0;
}

struct EvalResult {
    double loss = 0, accuracy = 0;
};

EvalResult evaluate(ScaledNet& model, const Split& val, int imageSize, int batch, torch::Device dev,
                    bool bf16) {
    const SplitScores s = scoreSplit(model, val, imageSize, batch, dev, bf16);
    return {s.loss, s.top1};
}

struct Progress {
    int epoch = 0;       // next epoch to run
    int stepInEpoch = 0; // next step inside it
    std::int64_t globalStep = 0;
    double elapsed = 0;    // seconds of training before this process
    double validation = 0; // of those, seconds spent validating (NaN: an older checkpoint)
    double bestAccuracy = -1;
    bool optimizerRestarted = false; // the checkpoint's optimizer state did not fit
};

void saveCheckpoint(const fs::path& dir, ScaledNet& model, torch::optim::Optimizer& opt,
                    ScaledNet* ema, const Progress& p, double elapsedSeconds) {
    torch::serialize::OutputArchive a;
    model->save(a);
    torch::serialize::OutputArchive optArchive;
    opt.save(optArchive);
    a.write("optimizer", optArchive);
    if (ema) {
        torch::serialize::OutputArchive emaArchive;
        (*ema)->save(emaArchive);
        a.write("ema", emaArchive);
    }
    a.write("progress.epoch", torch::tensor(std::int64_t(p.epoch)));
    a.write("progress.step_in_epoch", torch::tensor(std::int64_t(p.stepInEpoch)));
    a.write("progress.global_step", torch::tensor(p.globalStep));
    a.write("progress.elapsed", torch::tensor(elapsedSeconds, torch::kFloat64));
    a.write("progress.best_accuracy", torch::tensor(p.bestAccuracy, torch::kFloat64));
    a.write("progress.validation", torch::tensor(p.validation, torch::kFloat64));
    const auto params = model->parameters();
    saveGeneratorStates(a, !params.empty() && params.front().is_cuda());
    const fs::path tmp = dir / (std::string(kCheckpointFile) + ".tmp");
    a.save_to(tmp.string());
    fs::rename(tmp, dir / kCheckpointFile); // atomic: a crash leaves the old one whole
}

Progress loadCheckpoint(const fs::path& dir, ScaledNet& model, torch::optim::Optimizer& opt,
                        ScaledNet* ema, torch::Device dev) {
    const std::string path = (dir / kCheckpointFile).string();
    torch::serialize::InputArchive a;
    readCheckpoint(path, dev, a);
    if (const std::string why = checkpointMismatch(*model, a); !why.empty())
        throw ValidationError("run_dir", path + " does not hold the model being trained: " + why);
    model->load(a);
    torch::serialize::InputArchive optArchive;
    a.read("optimizer", optArchive);
    const bool optimizerLoaded = loadOptimizerState(opt, optArchive);
    if (ema) {
        torch::serialize::InputArchive emaArchive;
        if (a.try_read("ema", emaArchive))
            (*ema)->load(emaArchive);
        else
            copyState(model, *ema);
    }
    Progress p;
    p.optimizerRestarted = !optimizerLoaded;
    // A fresh tensor for every key: read() into a defined tensor calls set_() on it, which
    // keeps that tensor's dtype, so a float64 read into the int64 one before came back as
    // its bits taken for an integer (a resumed run's clock jumped to 4.6e18 s).
    const auto scalar = [&](const char* key) {
        torch::Tensor t;
        a.read(key, t);
        return t;
    };
    p.epoch = int(scalar("progress.epoch").item<std::int64_t>());
    p.stepInEpoch = int(scalar("progress.step_in_epoch").item<std::int64_t>());
    p.globalStep = scalar("progress.global_step").item<std::int64_t>();
    p.elapsed = scalar("progress.elapsed").item<double>();
    p.bestAccuracy = scalar("progress.best_accuracy").item<double>();
    torch::Tensor v;
    p.validation = a.try_read("progress.validation", v) ? v.item<double>()
                                                        : std::numeric_limits<double>::quiet_NaN();
    loadGeneratorStates(a, dev.is_cuda());
    return p;
}

// Keeps the metrics rows of epochs before `epoch` (a resumed run rewrites the rest).
void truncateMetrics(const fs::path& path, int epoch) {
    std::ifstream in(path);
    // The header becomes this version's; rows of a run begun before the live columns get
    // empty cells for them, so every row keeps the header's width.
    std::vector<std::string> keep{metricsFileHeader()};
    const auto width = std::count(keep[0].begin(), keep[0].end(), ',');
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line))
        if (!line.empty() && std::atoi(line.c_str()) < epoch) {
            line.append(
                std::max<std::ptrdiff_t>(0, width - std::count(line.begin(), line.end(), ',')),
                ',');
            keep.push_back(line);
        }
    in.close();
    std::ofstream out(path, std::ios::trunc);
    for (const auto& l : keep)
        out << l << "\n";
}
} // namespace

TrainSummary runTraining(const ScaleConfig& config, const RunOptions& options,
                         TrainControl& control, const EventSink& sink) {
    TrainSummary summary;
    const auto t0 = Clock::now();
    const TrainingSettings& t = config.training;
    int failingBatch = t.batchSize, failingSize = 0;
    bool madeRunDir = false; // removed again where the run fails before writing anything there
    auto emitError = [&](const std::string& msg) {
        summary.error = msg;
        TrainEvent e;
        e.type = TrainEvent::Type::Error;
        e.message = msg;
        sink(e);
    };
    try {
        validate(t);
        retainHostMemory(); // before the first tensor: freed tensors stay in the heap
        const ScaledArch arch = scale(config.baseline, config.request);
        const auto stages = progressiveStages(t.progressive, arch.resolution, t.epochs);
        const int evalSize = evaluationSize(t.progressive, stages);
        int storeSize = evalSize;
        for (const auto& s : stages)
            storeSize = std::max(storeSize, s.imageSize);
        const torch::Device dev = chooseDevice(t.device);
        const bool cuda = dev.is_cuda();
        if (t.precision == "bf16" && !cuda)
            throw ValidationError("training.precision",
                                  "bf16 autocast runs on CUDA only; use fp32 or auto on the CPU");
        const bool bf16 = cuda && t.precision != "fp32";
        // cuDNN times its kernels per input shape (one search per progressive stage), or
        // takes its heuristics' first choice.
        if (cuda) at::globalContext().setBenchmarkCuDNN(t.cudnnBenchmark);
        if (!cuda) { // before anything is allocated: the largest stage's step must fit
            ScaledArch atLargest = arch;
            atLargest.resolution = 0;
            for (const auto& s : stages)
                atLargest.resolution = std::max(atLargest.resolution, s.imageSize);
            requireHostMemory(estimateMemory(computeCosts(atLargest), Precision::Float32,
                                             optimizerOf(t), t.emaDecay > 0),
                              t.batchSize, "training.batch_size",
                              "training " + modelName(config) + " at batch " +
                                  std::to_string(t.batchSize) + " and " +
                                  std::to_string(atLargest.resolution) + " px on the CPU");
        }
        if (options.runDir.empty()) throw ValidationError("run_dir", "no run folder was given");
        const fs::path dir(options.runDir);
        std::error_code ec;
        madeRunDir = !fs::exists(dir, ec);
        fs::create_directories(dir, ec);
        if (ec)
            throw ValidationError("run_dir",
                                  options.runDir + " cannot be created: " + ec.message());
        if (options.resume && !fs::exists(dir / kCheckpointFile))
            throw ValidationError("run_dir", options.runDir + " has no " + kCheckpointFile +
                                                 " to resume from");
        // A run goes on as it was started: another configuration would be written over its
        // config.json and trained from weights (or a schedule) that are not its own.
        if (options.resume)
            if (const std::string why = foreignRunFolder(options.runDir, config); !why.empty())
                throw ValidationError("run_dir", why + "; it can only go on as it was started");
        torch::manual_seed(t.seed);

        Dataset data = loadDataset(t, storeSize);
        if (data.train.size() < 1 || data.val.size() < 1)
            throw ValidationError("training.dataset", "has no images");
        const int classes = int(data.classes.size());
        // Smallest crop area: shapes sit anywhere and a small crop would cut them out;
        // centred 28-32 px images keep about what a 4-pixel pad-and-crop keeps; photos of
        // any size take ImageNet's wider range.
        const double cropMinScale = data.name.rfind("shapes", 0) == 0 ? 0.8
                                    : data.name == "folder"           ? 0.25
                                                                      : 0.64;
        const bool dataOnDevice = cuda; // decoded once; uint8 on the GPU, batches sliced there
        if (dataOnDevice) {
            data.train.images = data.train.images.to(dev);
            data.train.labels = data.train.labels.to(dev);
            data.val.images = data.val.images.to(dev);
            data.val.labels = data.val.labels.to(dev);
        }
        saveConfig(config, (dir / kConfigFile).string());

        ScaledNet model(arch, classes, data.channels, modelInitFromString(t.init));
        model->to(dev);
        // NHWC on both devices: cuDNN's fast layout, and oneDNN's on the CPU, where it made
        // the CPU configurations' step 1.3x (128 px) to 1.9x (64 px) faster than NCHW.
        toChannelsLast(*model);
        auto optimizer = makeOptimizer(t, model);
        std::unique_ptr<ScaledNet> ema;
        if (t.emaDecay > 0) {
            ema = std::make_unique<ScaledNet>(arch, classes, data.channels);
            (*ema)->to(dev);
            toChannelsLast(**ema);
            copyState(model, *ema);
        }
        // SGD's step is replayed from a CUDA graph per stage (its learning rate read from a
        // tensor); RMSprop steps eagerly.
        std::unique_ptr<GraphedTrainStep> graphed;
        auto* sgd = dynamic_cast<ForeachSGD*>(optimizer.get());
        if (cuda && t.cudaGraphs && sgd && GraphedTrainStep::supported())
            graphed = std::make_unique<GraphedTrainStep>(model, *sgd, t.labelSmoothing, bf16, dev);
        bool graphFailureReported = false;
        const std::int64_t n = data.train.size();
        const int batch = int(std::min<std::int64_t>(t.batchSize, n));
        const std::int64_t steps = std::max<std::int64_t>(1, n / batch); // drop the ragged end
        const std::int64_t totalSteps = steps * t.epochs;
        const auto warmup = std::int64_t(std::llround(t.warmupEpochs * double(steps)));

        Progress prog;
        // An event carrying where the run is and the stage's image size and regularization.
        auto stageEvent = [&](TrainEvent::Type type, int epoch, const TrainingStage& st) {
            TrainEvent e;
            e.type = type;
            e.epoch = epoch;
            e.epochs = t.epochs;
            e.step = prog.globalStep;
            e.totalSteps = totalSteps;
            e.stage = st.index;
            e.stages = int(stages.size());
            e.imageSize = st.imageSize;
            e.dropout = st.dropout;
            e.randAugment = st.randAugment;
            e.mixup = st.mixup;
            return e;
        };
        if (options.resume) {
            prog = loadCheckpoint(dir, model, *optimizer, ema.get(), dev);
            if (prog.epoch >= t.epochs)
                throw ValidationError("run_dir", options.runDir + " has finished its " +
                                                     std::to_string(prog.epoch) +
                                                     " epochs: nothing is left to resume");
            // Loading replaces the weights with the file's (NCHW) tensors.
            toChannelsLast(*model);
            if (ema) toChannelsLast(**ema);
        }
        const fs::path metricsPath = dir / kMetricsFile;
        if (options.resume && fs::exists(metricsPath))
            truncateMetrics(metricsPath, prog.epoch);
        else
            std::ofstream(metricsPath, std::ios::trunc) << metricsFileHeader() << "\n";

        summary.device = cuda ? "cuda:" + std::to_string(int(dev.index())) : "cpu";
        {
            TrainEvent e;
            e.type = TrainEvent::Type::Started;
            e.epochs = t.epochs;
            e.totalSteps = totalSteps;
            e.step = prog.globalStep;
            e.stages = int(stages.size());
            std::ostringstream os;
            os << arch.baseline.displayName << " (" << countParameters(*model) << " parameters) on "
               << summary.device << ", " << data.name << " " << n << "/" << data.val.size()
               << " images, " << classes << " classes, validated at " << evalSize << " px"
               << (data.skippedFiles
                       ? ", " + std::to_string(data.skippedFiles) + " unreadable files skipped"
                       : "")
               << (options.resume ? ", resumed at epoch " + std::to_string(prog.epoch + 1) : "")
               << (graphed ? ", CUDA graphs" : "");
            e.message = os.str();
            sink(e);
        }
        if (prog.optimizerRestarted) {
            TrainEvent e;
            e.type = TrainEvent::Type::Notice;
            e.epoch = prog.epoch;
            e.epochs = t.epochs;
            e.step = prog.globalStep;
            e.totalSteps = totalSteps;
            e.message = "the checkpoint's optimizer state is from an older ScaleScope (weight "
                        "decay on every parameter); the weights are resumed, the momentum "
                        "starts afresh";
            sink(e);
        }

        const auto runStart = Clock::now();
        auto elapsed = [&] {
            return prog.elapsed + std::chrono::duration<double>(Clock::now() - runStart).count();
        };
        auto lastEvent = Clock::now();
        std::int64_t imagesSinceEvent = 0, stepsSinceEvent = 0, imagesThisRun = 0;
        torch::Tensor lossSinceEvent =
            torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat32).device(dev));
        int currentStage = -1;
        bool cancelled = false;
        for (int epoch = prog.epoch; epoch < t.epochs && !cancelled; ++epoch) {
            const TrainingStage& st = stageForEpoch(stages, epoch);
            failingSize = st.imageSize;
            if (st.index != currentStage) {
                currentStage = st.index;
                model->setDropout(st.dropout);
                if (ema) (*ema)->setDropout(st.dropout);
                if (graphed) graphed->reset(); // the graph holds the old dropout rate
                TrainEvent e = stageEvent(TrainEvent::Type::Stage, epoch, st);
                if (!cuda) {
                    // Every core for large steps only: a small step loses more to the
                    // threads' hand-offs than it gains (LibTorch starts with one thread on
                    // some VMs, where two made a 256 px epoch 1.6x faster).
                    e.cpuThreads = setCpuThreadsFor(arch, st.imageSize, batch);
                }
                e.elapsedSeconds = elapsed(); // where a wall-time axis marks the stage
                sink(e);
            }
            model->train();
            auto gen = at::detail::createCPUGenerator(t.seed * 7919 +
                                                      std::uint64_t(epoch)); // same order on resume
            auto perm = torch::randperm(n, gen, torch::kInt64).to(data.train.images.device());
            double epochLoss = 0;
            double epochCorrect = 0; // mixup-weighted: see mixedCorrect
            std::int64_t epochSeen = 0;
            torch::Tensor epochLossT = torch::zeros({}, lossSinceEvent.options()),
                          epochCorrectT = torch::zeros(
                              {}, torch::TensorOptions().dtype(torch::kFloat64).device(dev));
            const int firstStep = epoch == prog.epoch ? prog.stepInEpoch : 0;
            // Batch preparation (slice, augmentation, mixup) runs one step ahead on its own
            // thread. Everything it draws depends only on the seed and the global step, so a
            // resumed run sees the same batches.
            BatchRecipe recipe;
            recipe.augment.imageSize = st.imageSize;
            recipe.augment.randAugment = st.randAugment;
            recipe.augment.cropMinScale = cropMinScale;
            recipe.mixup = st.mixup;
            auto prepare = [&, recipe](std::int64_t s, std::int64_t globalStep) {
                const std::uint64_t stepSeed = t.seed * 1000003ull + std::uint64_t(globalStep);
                return prepareTrainBatch(data.train, perm, s * batch, batch, recipe, dev, stepSeed);
            };
            // On the CPU a batch thread only helps where a CPU is left over: else it takes
            // turns with the step's threads, and makes the step wait (cputhreads.h).
            const auto launch =
                cuda || prepareBatchAlongside(at::get_num_threads(), availableLogicalCpus())
                    ? std::launch::async
                    : std::launch::deferred;
            std::future<TrainBatch> pending;
            if (firstStep < steps)
                pending = std::async(launch, prepare, firstStep, prog.globalStep);
            // A step's speed is the steps' own: the validation, checkpoint and set-up since
            // the last epoch's final step (which always reports) are not training.
            lastEvent = Clock::now();
            for (std::int64_t s = firstStep; s < steps; ++s) {
                if (control.paused()) {
                    TrainEvent e;
                    e.type = TrainEvent::Type::Paused;
                    e.step = prog.globalStep;
                    e.epoch = epoch;
                    sink(e);
                    const bool go = control.waitWhilePaused();
                    lastEvent = Clock::now();
                    imagesSinceEvent = 0;
                    if (go) {
                        e.type = TrainEvent::Type::Resumed;
                        sink(e);
                    }
                }
                if (control.cancelRequested()) {
                    prog.epoch = epoch;
                    prog.stepInEpoch = int(s);
                    cancelled = true;
                    break;
                }
                // This step's batch was prepared while the previous step ran; start the next.
                const TrainBatch b = pending.get();
                // A capture wants no other GPU work queued meanwhile: the next batch waits.
                const bool capturing = graphed && graphed->willCapture(b);
                auto prepareNext = [&] {
                    if (s + 1 < steps)
                        pending = std::async(launch, prepare, s + 1, prog.globalStep + 1);
                };
                if (!capturing) prepareNext();
                const double lr =
                    learningRateAt(t.learningRate, prog.globalStep, totalSteps, warmup);
                StepResult r;
                if (graphed) {
                    r = graphed->run(b, lr);
                } else {
                    setLearningRate(*optimizer, lr);
                    r = trainStep(model, *optimizer, b, t.labelSmoothing, bf16);
                }
                if (capturing) prepareNext();
                if (graphed && !graphed->failure().empty() && !graphFailureReported) {
                    graphFailureReported = true;
                    TrainEvent e = stageEvent(TrainEvent::Type::Notice, epoch, st);
                    e.message = "CUDA graph capture failed (" + graphed->failure() +
                                "); training goes on without graphs";
                    sink(e);
                }
                const auto& loss = r.loss;
                const auto& logits = r.logits;
                const auto& labels = b.labels;
                if (ema) updateEma(model, *ema, emaDecayAt(t.emaDecay, prog.globalStep));
                {
                    torch::NoGradGuard ng;
                    lossSinceEvent += loss;
                    epochLossT += loss * double(batch);
                    epochCorrectT += mixedCorrect(logits, labels, b.lam);
                }
                ++prog.globalStep;
                ++stepsSinceEvent;
                imagesSinceEvent += batch;
                imagesThisRun += batch;
                epochSeen += batch;

                const auto now = Clock::now();
                const double sinceEvent = std::chrono::duration<double>(now - lastEvent).count();
                if (sinceEvent * 1000 >= options.stepEventMs || s == steps - 1) {
                    const double meanLoss =
                        lossSinceEvent.item<double>() /
                        double(std::max<std::int64_t>(1, stepsSinceEvent)); // one sync per event
                    if (!std::isfinite(meanLoss)) {
                        std::ostringstream os;
                        os << "the training loss became " << meanLoss << " at step "
                           << prog.globalStep << " (learning rate " << lr
                           << "): lower training.learning_rate, raise warmup_epochs, or use fp32";
                        throw std::runtime_error(os.str());
                    }
                    TrainEvent e = stageEvent(TrainEvent::Type::Step, epoch, st);
                    e.loss = meanLoss;
                    e.learningRate = lr;
                    e.imagesPerSecond = imagesSinceEvent / std::max(1e-9, sinceEvent);
                    e.memoryBytes = cuda ? peakDeviceMemory(dev) : residentBytes();
                    e.elapsedSeconds = elapsed();
                    const double rate =
                        imagesThisRun /
                        std::max(1e-9, std::chrono::duration<double>(now - runStart).count());
                    e.etaSeconds =
                        double(totalSteps - prog.globalStep) * batch / std::max(1e-9, rate);
                    sink(e);
                    lossSinceEvent.zero_();
                    stepsSinceEvent = 0;
                    imagesSinceEvent = 0;
                    lastEvent = now;
                }
                if (t.checkpointEvery > 0 && prog.globalStep % t.checkpointEvery == 0 &&
                    s + 1 < steps) {
                    prog.epoch = epoch;
                    prog.stepInEpoch = int(s + 1);
                    saveCheckpoint(dir, model, *optimizer, ema.get(), prog, elapsed());
                    TrainEvent e;
                    e.type = TrainEvent::Type::Checkpoint;
                    e.step = prog.globalStep;
                    e.epoch = epoch;
                    sink(e);
                }
            }
            if (cancelled) break;
            epochLoss = epochLossT.item<double>() / double(std::max<std::int64_t>(1, epochSeen));
            epochCorrect = epochCorrectT.item<double>();
            // Epochs between validations leave the validation cells empty (NaN); the epoch
            // index decides, so a resumed run validates after the same epochs.
            constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
            const bool validating = validationEpoch(epoch, t.epochs, t.validateEvery);
            EvalResult ev{kNaN, kNaN}, live{kNaN, kNaN};
            if (validating) {
                const auto validationStart = Clock::now();
                // On the CPU validation takes the threads of its own size and batch, not the
                // stage's: a 64 px stage's one thread made each 128 px validation take twice
                // as long as in the 128 px stage (docs/BENCHMARKS.md).
                const ThreadCountGuard stageThreads;
                if (!cuda)
                    setCpuThreadsFor(arch, evalSize, std::int64_t(batch) * kEvalBatchMultiplier);
                ev = evaluate(ema ? *ema : model, data.val, evalSize, batch * kEvalBatchMultiplier,
                              dev, bf16);
                // With EMA the trained weights are validated too (timm reports both): the
                // averaged ones can lag far behind while the learning rate is high.
                if (ema)
                    live = evaluate(model, data.val, evalSize, batch * kEvalBatchMultiplier, dev,
                                    bf16);
                prog.validation +=
                    std::chrono::duration<double>(Clock::now() - validationStart).count();
                summary.finalValAccuracy = ev.accuracy;
                prog.bestAccuracy = std::max(prog.bestAccuracy, ev.accuracy);
            }
            TrainEvent e = stageEvent(TrainEvent::Type::Epoch, epoch, st);
            e.loss = epochLoss;
            e.trainAccuracy = epochCorrect / double(std::max<std::int64_t>(1, epochSeen));
            e.valLoss = ev.loss;
            e.valAccuracy = ev.accuracy;
            e.liveValLoss = live.loss;
            e.liveValAccuracy = live.accuracy;
            e.learningRate =
                learningRateAt(t.learningRate, prog.globalStep - 1, totalSteps, warmup);
            e.elapsedSeconds = elapsed();
            e.validationSeconds = prog.validation;
            e.imagesPerSecond =
                imagesThisRun /
                std::max(1e-9, std::chrono::duration<double>(Clock::now() - runStart).count());
            sink(e);
            std::ofstream(metricsPath, std::ios::app) << metricsRow(e) << "\n";
            prog.epoch = epoch + 1;
            prog.stepInEpoch = 0;
            saveCheckpoint(dir, model, *optimizer, ema.get(), prog, elapsed());
        }
        summary.steps = prog.globalStep;
        summary.wallSeconds = elapsed();
        summary.validationSeconds = prog.validation;
        summary.bestValAccuracy = prog.bestAccuracy;
        summary.imagesPerSecond =
            imagesThisRun /
            std::max(1e-9, std::chrono::duration<double>(Clock::now() - runStart).count());
        if (cancelled) {
            saveCheckpoint(dir, model, *optimizer, ema.get(), prog, elapsed());
            summary.cancelled = true;
            TrainEvent e;
            e.type = TrainEvent::Type::Cancelled;
            e.step = prog.globalStep;
            e.epoch = prog.epoch;
            e.message = "stopped; checkpoint saved in " + dir.string();
            sink(e);
        } else {
            writeTimmWeights(ema ? *ema : model, dir / kWeightsFile);
            summary.weightsPath = (dir / kWeightsFile).string();
            summary.completed = true;
            TrainEvent e;
            e.type = TrainEvent::Type::Finished;
            e.step = prog.globalStep;
            e.epoch = t.epochs - 1;
            e.valAccuracy = summary.finalValAccuracy;
            e.elapsedSeconds = summary.wallSeconds;
            e.imagesPerSecond = summary.imagesPerSecond;
            e.message = "weights in " + summary.weightsPath;
            sink(e);
        }
    } catch (const ValidationError& e) {
        summary.badInput = true;
        emitError(e.what());
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        if (what.find("out of memory") != std::string::npos) {
            std::ostringstream os;
            os << "GPU out of memory at batch size " << failingBatch << " (image size "
               << failingSize << "): try batch size " << std::max(1, failingBatch / 2)
               << ", a smaller max image size, or bf16 precision";
            emitError(os.str());
        } else {
            emitError("LibTorch: " + what.substr(0, what.find('\n')));
        }
    } catch (const std::exception& e) {
        emitError(e.what());
    }
    if (!summary.error.empty() && madeRunDir) {
        std::error_code ec;
        fs::remove(options.runDir, ec); // only while empty: never what a run wrote
    }
    if (summary.wallSeconds == 0)
        summary.wallSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return summary;
}

BackgroundTrainer::~BackgroundTrainer() {
    cancel();
    wait();
}

void BackgroundTrainer::start(const ScaleConfig& config, const RunOptions& options) {
    wait();
    m_control = std::make_unique<TrainControl>();
    m_running = true;
    m_thread = std::thread([this, config, options] {
        auto sink = [this](const TrainEvent& e) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_events.push_back(e);
        };
        TrainSummary s = runTraining(config, options, *m_control, sink);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_summary = s;
        }
        m_running = false;
    });
}

void BackgroundTrainer::wait() {
    if (m_thread.joinable()) m_thread.join();
}

std::vector<TrainEvent> BackgroundTrainer::drainEvents() {
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<TrainEvent> out(m_events.begin(), m_events.end());
    m_events.clear();
    return out;
}

TrainSummary BackgroundTrainer::summary() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_summary;
}

} // namespace scalescope::train
