#include "trainingcontroller.h"

#include <QThread>

namespace scalescope {

void TrainingWorker::run(const ScaleConfig& config, const train::RunOptions& options) {
    auto sink = [this](const train::TrainEvent& e) {
        std::lock_guard<std::mutex> lock(*m_mutex);
        m_buffer->push_back(e);
    };
    const train::TrainSummary s = train::runTraining(config, options, *m_control, sink);
    Q_EMIT finished(s.completed, s.cancelled, QString::fromStdString(s.error));
    // Quit from this thread: the owner may be blocked in wait() on the GUI thread.
    QThread::currentThread()->quit();
}

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
    m_timer.setInterval(kDrainMs);
    connect(&m_timer, &QTimer::timeout, this, &TrainingController::drain);
}

TrainingController::~TrainingController() {
    stop();
    waitForFinished();
}

bool TrainingController::start(const ScaleConfig& config, const QString& runDir, bool resume) {
    if (m_running) return false;
    waitForFinished();
    m_control = std::make_unique<train::TrainControl>();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("training"));
    m_worker = new TrainingWorker(m_control.get(), &m_mutex, &m_buffer);
    m_worker->moveToThread(m_thread);
    train::RunOptions options;
    options.runDir = runDir.toStdString();
    options.resume = resume;
    connect(m_thread, &QThread::started, m_worker,
            [w = m_worker, config, options] { w->run(config, options); });
    connect(
        m_worker, &TrainingWorker::finished, this,
        [this](bool completed, bool cancelled, const QString& error) {
            drain(); // the last events first
            m_running = false;
            m_timer.stop();
            Q_EMIT runFinished(completed, cancelled, error);
        },
        Qt::QueuedConnection);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_running = true;
    m_timer.start();
    m_thread->start();
    return true;
}

void TrainingController::pause() {
    if (m_control) m_control->setPaused(true);
}
void TrainingController::resume() {
    if (m_control) m_control->setPaused(false);
}
void TrainingController::stop() {
    if (m_control) m_control->requestCancel();
}

void TrainingController::waitForFinished() {
    if (!m_thread) return;
    m_thread->wait(); // the engine returns within a step of a cancel
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
}

void TrainingController::drain() {
    std::vector<train::TrainEvent> batch;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        batch.swap(m_buffer);
    }
    if (!batch.empty()) Q_EMIT events(batch);
}

} // namespace scalescope
