// scalescope-cli train: runs the engine with a progress bar, an ETA and a final summary.
#include "cliargs.h"

#include "scaling/format.h"
#include "train/trainer.h"

#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace {
using namespace scalescope;

const char* kTrainUsage = R"(usage: scalescope-cli train [--config FILE | --preset NAME] [OPTIONS]

Trains the configuration (the scaling flags of `inspect` apply too) and writes a run folder:
config.json, metrics.csv, checkpoint.pt (atomic, every N steps), weights.pt (torch.load-able;
timm state_dict names for EfficientNets).

  --dataset D            shapes (default), shapes-hard, fashion-mnist, cifar10, folder
  --data-path P          dataset location (fashion-mnist defaults to Debian's)
  --epochs N             default from the config (4)
  --batch N              batch size
  --lr X                 base learning rate (cosine schedule with warm-up)
  --optimizer O          sgd (Nesterov momentum) or rmsprop
  --schedule S           progressive schedule: paper, code, or fixed (final size only)
  --stages M             progressive stages
  --min-size N --max-size N   image size from S0 to Se
  --eval-size N          validation image size (0 = the last stage's); EfficientNetV2
                         validates above its last training size (S: 300 -> 384)
  --train-samples N --val-samples N   images used (0 = all)
  --ema X                EMA decay of the weights (0 = off)
  --init I               initial weights: timm (default) or zero-last (every residual
                         branch's last BatchNorm and the classifier at zero)
  --device D             auto, cpu, cuda, cuda:N
  --precision P          auto, fp32, bf16 (CUDA)
  --cuda-graphs on|off   replay each stage's training step from a CUDA graph (default on)
  --cudnn-benchmark on|off   time cuDNN's algorithms for each new image size (default off)
  --checkpoint-every N   steps between checkpoints
  --validate-every N     epochs between validations (default 1; the last always)
  --seed N
  --run-dir DIR          where the run is written (default ~/.local/share/scalescope/runs/...)
  --resume               continue the run in --run-dir from its checkpoint
  --quiet                no progress bar
)";

train::TrainControl* gControl = nullptr;
extern "C" void onSignal(int) {
    if (gControl) gControl->requestCancel(); // checkpoint, then exit
}

bool onOff(const std::string& flag, const std::string& v) {
    if (v != "on" && v != "off")
        throw ValidationError(flag, "must be on or off, not \"" + v + "\"");
    return v == "on";
}

std::string clock(double s) {
    if (!std::isfinite(s) || s < 0) return "--:--";
    const long t = long(s + 0.5);
    char buf[32];
    if (t >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        std::snprintf(buf, sizeof buf, "%02ld:%02ld", t / 60, t % 60);
    return buf;
}
} // namespace

int runTrainCommand(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help") return std::cout << kTrainUsage, 0;
    // clang-format off
    const std::vector<std::string> options = {
        "--preset",      "--config",      "--alpha",       "--beta",        "--gamma",
        "--phi",         "--width",       "--depth",       "--resolution",  "--max-resolution",
        "--dropout",     "--stage-depth", "--stage-width", "--num-classes", "--dataset",
        "--data-path",   "--epochs",      "--batch",       "--lr",          "--optimizer",
        "--schedule",    "--stages",      "--min-size",    "--max-size",    "--train-samples",
        "--val-samples", "--ema",         "--device",      "--precision",   "--checkpoint-every",
        "--seed",        "--run-dir",     "--cuda-graphs", "--cudnn-benchmark", "--eval-size",
        "--validate-every", "--init"};
    // clang-format on
    const cli::Args a(argv, options, {"--resume", "--quiet"});
    if (!a.positional().empty())
        throw ValidationError(a.positional().front(), "unexpected argument");
    ScaleConfig c = cli::configFromArgs(a);
    TrainingSettings& t = c.training;
    if (auto v = a.value("--dataset")) t.dataset = *v;
    if (auto v = a.value("--data-path")) t.dataPath = *v;
    if (auto v = a.integer("--epochs")) t.epochs = *v;
    if (auto v = a.integer("--batch")) t.batchSize = *v;
    if (auto v = a.number("--lr")) t.learningRate = *v;
    if (auto v = a.value("--optimizer")) t.optimizer = *v;
    if (auto v = a.value("--schedule"))
        t.progressive.schedule = scheduleFromString(*v, "--schedule");
    if (auto v = a.integer("--stages")) t.progressive.stages = *v;
    if (auto v = a.integer("--min-size")) t.progressive.minImageSize = *v;
    if (auto v = a.integer("--max-size")) t.progressive.maxImageSize = *v;
    if (auto v = a.integer("--eval-size")) t.progressive.evalImageSize = *v;
    if (auto v = a.integer("--train-samples")) t.trainSamples = *v;
    if (auto v = a.integer("--val-samples")) t.valSamples = *v;
    if (auto v = a.number("--ema")) t.emaDecay = *v;
    if (auto v = a.value("--init")) t.init = *v;
    if (auto v = a.value("--device")) t.device = *v;
    if (auto v = a.value("--precision")) t.precision = *v;
    if (auto v = a.value("--cuda-graphs")) t.cudaGraphs = onOff("--cuda-graphs", *v);
    if (auto v = a.value("--cudnn-benchmark")) t.cudnnBenchmark = onOff("--cudnn-benchmark", *v);
    if (auto v = a.integer("--checkpoint-every")) t.checkpointEvery = *v;
    if (auto v = a.integer("--validate-every")) t.validateEvery = *v;
    if (auto v = a.integer("--seed")) {
        if (*v < 0) throw ValidationError("--seed", "must not be negative");
        t.seed = std::uint64_t(*v);
    }
    validate(t);
    train::RunOptions opts;
    opts.runDir = a.value("--run-dir").value_or(train::defaultRunDir());
    opts.resume = a.flag("--resume");
    if (opts.resume && !a.has("--run-dir"))
        throw ValidationError("--resume", "needs --run-dir naming the run to continue");
    if (opts.resume && !a.has("--config") && !a.has("--preset")) {
        // Resume exactly what was started: the run folder holds its configuration.
        c = loadConfig(opts.runDir + "/config.json");
    }
    const bool quiet = a.flag("--quiet");

    train::TrainControl control;
    gControl = &control;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    auto sink = [&](const train::TrainEvent& e) {
        using T = train::TrainEvent::Type;
        switch (e.type) {
        case T::Started:
            std::cerr << "training " << e.message << "\nrun folder: " << opts.runDir << "\n";
            break;
        case T::Stage:
            if (!quiet) std::cerr << "\n";
            std::cerr << "stage " << e.stage + 1 << "/" << e.stages << " from epoch " << e.epoch + 1
                      << ": " << e.imageSize << " px, dropout " << fixed(e.dropout, 2)
                      << ", RandAugment " << fixed(e.randAugment, 1) << ", mixup "
                      << fixed(e.mixup, 2)
                      << (e.cpuThreads > 0
                              ? ", " + std::to_string(e.cpuThreads) +
                                    (e.cpuThreads == 1 ? " CPU thread" : " CPU threads")
                              : std::string())
                      << "\n";
            break;
        case T::Step:
            if (!quiet) {
                const int width = 30;
                const double f = e.totalSteps ? double(e.step) / e.totalSteps : 0;
                const int filled = int(f * width);
                std::cerr << "\r[" << std::string(size_t(filled), '#')
                          << std::string(size_t(width - filled), '.') << "] " << int(f * 100)
                          << "% epoch " << e.epoch + 1 << "/" << e.epochs << " " << e.imageSize
                          << "px loss " << fixed(e.loss, 3) << " lr " << fixed(e.learningRate, 4)
                          << " " << int(e.imagesPerSecond) << " img/s";
                if (e.memoryBytes > 0) // peak GPU memory, or the process's resident set on CPU
                    std::cerr << " mem " << fixed(e.memoryBytes / (1024.0 * 1024.0 * 1024.0), 2)
                              << " GiB";
                std::cerr << " ETA " << clock(e.etaSeconds) << "   " << std::flush;
            }
            break;
        case T::Epoch:
            if (!quiet) std::cerr << "\n";
            std::cerr << "epoch " << e.epoch + 1 << "/" << e.epochs << ": train loss "
                      << fixed(e.loss, 4) << ", train acc " << fixed(100 * e.trainAccuracy, 1)
                      << "%";
            if (std::isfinite(e.valAccuracy)) // not between validations (--validate-every)
                std::cerr << ", val loss " << fixed(e.valLoss, 4) << ", val acc "
                          << fixed(100 * e.valAccuracy, 2) << "%";
            if (std::isfinite(e.liveValAccuracy)) // with EMA: the trained weights' own
                std::cerr << " (EMA), trained weights " << fixed(100 * e.liveValAccuracy, 2) << "%";
            std::cerr << " (" << clock(e.elapsedSeconds) << ")\n";
            break;
        case T::Checkpoint:
            break;
        case T::Paused:
            break;
        case T::Resumed:
            break;
        case T::Cancelled:
            std::cerr << "\n" << e.message << "\n";
            break;
        case T::Finished:
            break;
        case T::Error:
            std::cerr << "\nscalescope-cli: error: " << e.message << "\n";
            break;
        case T::Notice:
            std::cerr << "\nnote: " << e.message << "\n";
            break;
        }
    };
    const train::TrainSummary s = train::runTraining(c, opts, control, sink);
    gControl = nullptr;
    if (!s.error.empty()) return 1;
    std::cout << (s.completed ? "finished" : "stopped") << ": " << s.steps << " steps in "
              << fixed(s.wallSeconds, 1) << " s (";
    if (std::isfinite(s.validationSeconds))
        std::cout << fixed(s.validationSeconds, 1) << " s of it validating, ";
    std::cout << fixed(s.imagesPerSecond, 0) << " img/s) on " << s.device << "; final val accuracy "
              << fixed(100 * s.finalValAccuracy, 2) << "%, best "
              << fixed(100 * s.bestValAccuracy, 2) << "%\n";
    if (s.completed)
        std::cout << "weights: " << s.weightsPath << "\n";
    else
        std::cout << "resume with: scalescope-cli train --run-dir " << opts.runDir << " --resume\n";
    return s.completed ? 0 : 130;
}
