// Runs the training engine on a QThread the controller owns (a worker object, as in Qt's
// mandelbrot example). The engine's events land in a mutex-guarded buffer; a GUI-thread timer
// copies them out under a short lock and hands them on, so nothing happens per batch on the
// GUI thread.
#pragma once

#include "train/trainer.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace scalescope {

class TrainingWorker : public QObject {
    Q_OBJECT
  public:
    TrainingWorker(train::TrainControl* control, std::mutex* mutex,
                   std::vector<train::TrainEvent>* buffer)
        : m_control(control), m_mutex(mutex), m_buffer(buffer) {}
    void run(const ScaleConfig& config, const train::RunOptions& options);
  Q_SIGNALS:
    void finished(bool completed, bool cancelled, const QString& error);

  private:
    train::TrainControl* m_control;
    std::mutex* m_mutex;
    std::vector<train::TrainEvent>* m_buffer;
};

class TrainingController : public QObject {
    Q_OBJECT
  public:
    static constexpr int kDrainMs = 40; // GUI refresh period while training
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override; // stops a run (with its checkpoint) and joins the thread

    // With `resume`, continues the stopped run in runDir from its checkpoint.
    bool start(const ScaleConfig& config, const QString& runDir, bool resume = false);
    void pause();
    void resume();
    void stop();
    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_control && m_control->paused(); }
    void waitForFinished();

  Q_SIGNALS:
    void events(const std::vector<scalescope::train::TrainEvent>& batch);
    void runFinished(bool completed, bool cancelled, const QString& error);

  private:
    void drain();
    QThread* m_thread = nullptr;
    TrainingWorker* m_worker = nullptr;
    std::unique_ptr<train::TrainControl> m_control;
    std::mutex m_mutex;
    std::vector<train::TrainEvent> m_buffer;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace scalescope
