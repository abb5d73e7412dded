// One long job of a window off the GUI thread, as Qt's mandelbrot example runs its renderer: a
// QThread the window holds, cooperative cancel (requestInterruption, which the job polls
// between batches or passes) and results delivered on the window's thread. The evaluation,
// classification and speed windows run theirs here.
#pragma once

#include "progressthrottle.h"

#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThread>

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <utility>

namespace scalescope {

class JobThread : public QObject {
    Q_OBJECT
  public:
    // What a job is handed: whether to stop now, and where to say how far it is (passed on at
    // most every ProgressThrottle::kIntervalMs, and always at the end).
    struct Control {
        std::function<bool()> cancelled;
        std::function<void(std::int64_t done, std::int64_t total)> progress;
    };

    explicit JobThread(QString name, QObject* parent = nullptr);
    ~JobThread() override; // asks a running job to stop and waits for it

    bool isRunning() const { return m_thread != nullptr; }
    // Runs `work(control)`, which returns a Result, on a thread named as this object; once that
    // thread has ended, `done(result)` runs on this object's thread, or failed(why) is emitted
    // where `work` threw (why empty where it threw because it was cancelled). Nothing that
    // `work` captures may be the window's: the window may be going while it runs. False,
    // starting nothing, while a job runs.
    template <typename Result, typename Work, typename Done> bool start(Work work, Done done);
    void cancel(); // the job sees control.cancelled() and stops at its next check

  Q_SIGNALS:
    void progressed(qint64 done, qint64 total);
    void failed(const QString& reason); // empty: cancelled
    void runningChanged(bool running);

  private:
    void launch(std::function<void()> body);
    void ended(); // the thread has sent its last result: wait for it and let it go
    QString m_name;
    QThread* m_thread = nullptr;
};

template <typename Result, typename Work, typename Done>
bool JobThread::start(Work work, Done done) {
    if (m_thread) return false;
    launch([this, work = std::move(work), done = std::move(done)]() mutable {
        QThread* self = QThread::currentThread();
        ProgressThrottle throttle;
        const Control control{[self] { return self->isInterruptionRequested(); },
                              [this, &throttle](std::int64_t d, std::int64_t t) {
                                  if (throttle.due(d, t)) Q_EMIT progressed(d, t);
                              }};
        try {
            auto result = std::make_shared<Result>(work(control));
            QMetaObject::invokeMethod(
                this,
                [this, result, done] {
                    ended();
                    done(*result);
                },
                Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const QString why =
                self->isInterruptionRequested() ? QString() : QString::fromStdString(e.what());
            QMetaObject::invokeMethod(
                this,
                [this, why] {
                    ended();
                    Q_EMIT failed(why);
                },
                Qt::QueuedConnection);
        }
    });
    return true;
}

} // namespace scalescope
