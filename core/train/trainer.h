// The training engine's public face: plain C++ with no torch types, so the GUI and CLI
// include it without LibTorch's headers (which also clash with Qt's `slots` macro).
#pragma once

#include "scaling/config.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace scalescope::train {

struct TrainEvent {
    enum class Type {
        Started,
        Stage,
        Step,
        Epoch,
        Checkpoint,
        Paused,
        Resumed,
        Finished,
        Cancelled,
        Error,
        Notice // something the user should know that does not stop the run
    };
    Type type = Type::Step;
    int epoch = 0; // 0-based
    int epochs = 0;
    std::int64_t step = 0; // global optimizer steps done
    std::int64_t totalSteps = 0;
    int stage = 0;
    int stages = 1;
    int imageSize = 0;
    double dropout = 0, randAugment = 0, mixup = 0;
    int cpuThreads = 0; // Stage, on the CPU: LibTorch's intra-op threads for it (else 0)
    double loss = std::numeric_limits<double>::quiet_NaN();
    double trainAccuracy = std::numeric_limits<double>::quiet_NaN();
    double valLoss = std::numeric_limits<double>::quiet_NaN();
    double valAccuracy = std::numeric_limits<double>::quiet_NaN();
    // Epoch, with an EMA: the trained (not averaged) weights' validation; NaN otherwise.
    double liveValLoss = std::numeric_limits<double>::quiet_NaN();
    double liveValAccuracy = std::numeric_limits<double>::quiet_NaN();
    double learningRate = 0;
    double imagesPerSecond = 0;
    double memoryBytes = 0; // peak device memory (CUDA) or resident set (CPU)
    double elapsedSeconds = 0;
    // Epoch: of elapsedSeconds, the seconds spent validating (every epoch so far, resumed
    // parts included), so that a schedule's training time can be told from its measuring.
    double validationSeconds = std::numeric_limits<double>::quiet_NaN();
    double etaSeconds = 0;
    std::string message; // Started: device and model; Error: the reason; Notice: the note
};

std::string toString(TrainEvent::Type t);

// Cooperative control shared between the training thread and its owner.
class TrainControl {
  public:
    void requestCancel();
    void setPaused(bool paused);
    bool cancelRequested() const { return m_cancel.load(); }
    bool paused() const { return m_paused.load(); }
    // Blocks while paused; returns false when cancelled (also while waiting).
    bool waitWhilePaused();

  private:
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_paused{false};
    std::mutex m_mutex;
    std::condition_variable m_cv;
};

struct RunOptions {
    std::string runDir;    // created if missing; holds config, metrics.csv, checkpoints
    bool resume = false;   // continue from runDir/checkpoint.pt
    int stepEventMs = 100; // at most one Step event per this many milliseconds
};

struct TrainSummary {
    bool completed = false;
    bool cancelled = false;
    std::string error;
    bool badInput = false; // the error is the configuration's or the run folder's, found
                           // before training (a ValidationError), not a failure during it
    double finalValAccuracy = std::numeric_limits<double>::quiet_NaN();
    double bestValAccuracy = std::numeric_limits<double>::quiet_NaN();
    double wallSeconds = 0;
    double validationSeconds = std::numeric_limits<double>::quiet_NaN(); // of wallSeconds
    double imagesPerSecond = 0;
    std::int64_t steps = 0;
    std::string device;
    std::string weightsPath;
};

using EventSink = std::function<void(const TrainEvent&)>;

// Trains `config` to the end, a cancel, or an error, on the calling thread. Never throws for
// bad input or a failing run: the reason is in the summary and in an Error event.
TrainSummary runTraining(const ScaleConfig& config, const RunOptions& options,
                         TrainControl& control, const EventSink& sink);

// runTraining on a std::thread with a thread-safe event queue.
class BackgroundTrainer {
  public:
    BackgroundTrainer() = default;
    ~BackgroundTrainer(); // cancels and joins
    BackgroundTrainer(const BackgroundTrainer&) = delete;
    BackgroundTrainer& operator=(const BackgroundTrainer&) = delete;

    void start(const ScaleConfig& config, const RunOptions& options);
    void pause() { m_control->setPaused(true); }
    void resume() { m_control->setPaused(false); }
    void cancel() { m_control->requestCancel(); }
    bool running() const { return m_running.load(); }
    void wait();
    std::vector<TrainEvent> drainEvents();
    TrainSummary summary() const;

  private:
    std::unique_ptr<TrainControl> m_control = std::make_unique<TrainControl>();
    std::thread m_thread;
    std::atomic<bool> m_running{false};
    mutable std::mutex m_mutex;
    std::deque<TrainEvent> m_events;
    TrainSummary m_summary;
};

bool cudaAvailable();
// ~/.local/share/scalescope ($XDG_DATA_HOME's): runs/, grids/ and studies/ are in it, and
// `runs` and the GUI's run browser list it by default.
std::string dataDir();
std::string defaultRunDir(); // dataDir()/runs/<timestamp>
// Where a grid search's runs go: .../scalescope/grids/STAMP, beside the runs folder.
std::string defaultGridDir();
// Where a scaling study's runs go: .../scalescope/studies/STAMP.
std::string defaultStudyDir();

} // namespace scalescope::train
