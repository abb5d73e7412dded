// scalescope-cli train: runs the engine with a progress bar, an ETA and a final summary.
#include "cliargs.h"
#include "runqueue.h"
#include "trainflags.h"

#include "scaling/format.h"
#include "train/runhistory.h"
#include "train/seedexperiment.h"
#include "train/trainer.h"

#include <cmath>
#include <csignal>
#include <iostream>
#include <optional>

int runCompareCommand(const std::vector<std::string>& argv); // runscommand.cpp

namespace {
using namespace scalescope;

const char* kTrainUsageHead =
    R"(usage: scalescope-cli train [--config FILE | --preset NAME] [OPTIONS]

Trains the configuration (the scaling flags of `inspect` apply too) and writes a run folder:
config.json, metrics.csv, checkpoint.pt (atomic, every N steps), weights.pt (torch.load-able;
timm state_dict names for EfficientNets).

)";
const char* kTrainUsageTail =
    R"(  --run-dir DIR          where the run is written (default ~/.local/share/scalescope/runs/...)
  --resume               continue the run in --run-dir from its checkpoint
  --seeds N              train at --seed and the N-1 seeds after it, one after the other,
                         into --run-dir/seedS/SCHEDULE; then compare them as
                         `compare --mean-seeds` does. Run the same command again to go on
                         after a stop: finished runs are read back, a stopped one continues
  --also-fixed           beside each run, the same at the final size only (the fixed
                         schedule), as EfficientNetV2 sets progressive learning against it;
                         into --run-dir/SCHEDULE with one seed. With either flag the folder's
                         experiment.json records the experiment: --resume --run-dir DIR alone
                         trains what is not finished
  --quiet                no progress bar

Exit status: 0 finished (or finished before, with --resume), 1 failed while training,
2 bad input (a flag, the configuration, the dataset or the run folder), 130 stopped
(Ctrl+C or SIGTERM: the checkpoint is saved; --resume goes on from it).
)";

train::TrainControl* gControl = nullptr;
extern "C" void onSignal(int) {
    if (gControl) gControl->requestCancel(); // checkpoint, then exit
}

// --seeds / --also-fixed: the configuration at each seed (and at the fixed size), queued
// into one experiment folder laid out as bench/progressive_vs_fixed.sh lays it out, which
// experiment.json records first.
int trainSeeds(const train::SeedExperiment& e, const std::string& dir, bool quiet) {
    train::recordExperiment(dir, e, "--run-dir");
    std::vector<cli::QueuedTraining> queue;
    for (train::ExperimentRun& r : train::experimentRuns(e))
        queue.push_back({"seed " + std::to_string(r.config.training.seed) + ", " +
                             toString(r.config.training.progressive.schedule),
                         dir + "/" + r.dir, std::move(r.config)});
    std::cerr << "experiment folder: " << dir << "\n";
    const cli::QueueOutcome outcome = cli::trainQueue(queue, quiet, "--run-dir");
    for (size_t i = 0; i < queue.size(); ++i) {
        const cli::QueuedResult& r = outcome.results[i];
        std::cout << queue[i].title << ": " << r.state;
        if (std::isfinite(r.valAccuracy))
            std::cout << ", final val accuracy " << fixed(100 * r.valAccuracy, 2) << "% in "
                      << fixed(r.seconds, 1) << " s";
        std::cout << "  (" << queue[i].dir << ")\n";
    }
    // The runs set against each other, as `compare --mean-seeds DIR` sets them.
    std::cout << "\n";
    try {
        runCompareCommand({dir, "--mean-seeds"});
    } catch (const ValidationError& e) {
        std::cout << "not compared: " << e.what() << "\n";
    }
    return cli::queueExitCode(outcome);
}

} // namespace

int runTrainCommand(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help")
            return std::cout << kTrainUsageHead << cli::kTrainingFlagsHelp << kTrainUsageTail, 0;
    std::vector<std::string> options = cli::scalingFlagNames();
    options.push_back("--run-dir");
    options.push_back("--seeds");
    for (const auto& o : cli::trainingFlagNames())
        options.push_back(o);
    const cli::Args a(argv, options, {"--resume", "--quiet", "--also-fixed"});
    if (!a.positional().empty())
        throw ValidationError(a.positional().front(), "unexpected argument");
    ScaleConfig c = cli::configFromArgs(a);
    cli::applyTrainingFlags(a, c.training);
    train::RunOptions opts;
    opts.runDir = a.value("--run-dir").value_or(train::defaultRunDir());
    opts.resume = a.flag("--resume");
    if (a.has("--seeds") || a.flag("--also-fixed")) {
        const std::string flag = a.has("--seeds") ? "--seeds" : "--also-fixed";
        if (opts.resume)
            throw ValidationError("--resume", "not with " + flag +
                                                  ": run the same command again, or --resume "
                                                  "with --run-dir alone, and a stopped run goes "
                                                  "on from its checkpoint");
        const train::SeedExperiment e{c, a.integer("--seeds").value_or(1), a.flag("--also-fixed")};
        train::validateExperiment(e, "--seeds", "--also-fixed");
        if (e.seeds > 1 || e.alsoFixed) // else one run, trained as without the flags
            return trainSeeds(e, opts.runDir, a.flag("--quiet"));
    }
    if (opts.resume && a.has("--run-dir") && !a.has("--config") && !a.has("--preset")) {
        // An experiment's folder: its runs not finished yet, as the command that started it
        // would train them.
        std::optional<train::SeedExperiment> e;
        try {
            e = train::readExperiment(opts.runDir);
        } catch (const std::exception& ex) {
            throw ValidationError("--run-dir", ex.what());
        }
        if (e) {
            cli::refuseFlagsTheFolderKeeps(a, "--resume", {},
                                           "the experiment goes on as " + opts.runDir + "/" +
                                               train::kExperimentFile + " records it");
            return trainSeeds(*e, opts.runDir, a.flag("--quiet"));
        }
    }
    if (opts.resume && !a.has("--run-dir"))
        throw ValidationError("--resume", "needs --run-dir naming the run to continue");
    if (opts.resume && !a.has("--config") && !a.has("--preset")) {
        // Resume exactly what was started: the run folder holds its configuration, and a flag
        // that would change it is refused rather than dropped.
        cli::refuseFlagsTheFolderKeeps(a, "--resume", {},
                                       "the run goes on with the configuration in " + opts.runDir +
                                           "/" + train::kConfigFile +
                                           "; to change it, train into a new --run-dir");
        c = loadConfig(opts.runDir + "/" + train::kConfigFile);
    }
    // Never train over a run that is there already: finished, stopped or of another model. (A
    // resume of another configuration is the engine's to refuse: it refuses it for every caller.)
    using State = train::RunFolderCheck::State;
    const train::RunFolderCheck there = train::inspectRunFolder(opts.runDir, c);
    if (opts.resume && there.state == State::Finished) {
        std::cout << opts.runDir << " finished before; nothing to resume: final val accuracy "
                  << fixed(100 * there.finalValAccuracy, 2) << "%, best "
                  << fixed(100 * there.bestValAccuracy, 2) << "%\n";
        return 0;
    }
    if (!opts.resume && there.state == State::Foreign)
        throw ValidationError("--run-dir", there.why + "; choose another folder");
    if (!opts.resume && there.state == State::Stopped)
        throw ValidationError("--run-dir", opts.runDir +
                                               " holds this run, stopped: add --resume to go on "
                                               "with it, or choose another folder");
    if (!opts.resume && there.state == State::Finished)
        throw ValidationError("--run-dir", opts.runDir +
                                               " holds this run, finished (final val accuracy " +
                                               fixed(100 * there.finalValAccuracy, 2) +
                                               "%); choose another folder, or delete it to "
                                               "train it again");
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
                std::cerr << " ETA " << clockTime(e.etaSeconds) << "   " << std::flush;
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
            std::cerr << " (" << clockTime(e.elapsedSeconds) << ")\n";
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
    if (!s.error.empty()) return s.badInput ? 2 : 1;
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
