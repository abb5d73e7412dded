// Disk work for a window on its pool thread, its result delivered on the window's thread: the
// GUI thread stays free while a folder of hundreds of runs is read or recorded.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <exception>
#include <memory>
#include <utility>

namespace scalescope {

// Runs `work` (returning a Result) on `pool`, then `done(result, error)` on `window`'s thread;
// `error` is what `work` threw, with a default Result. `pool` must be a member of `window`, so
// that it waits for `work` before the window goes; a result that arrives after is dropped.
template <typename Result, typename Work, typename Done>
void runOffGuiThread(QThreadPool& pool, QObject* window, Work work, Done done) {
    pool.start([window, work = std::move(work), done = std::move(done)]() mutable {
        auto result = std::make_shared<Result>();
        QString error;
        try {
            *result = work();
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        QMetaObject::invokeMethod(
            window, [result, error, done] { done(*result, error); }, Qt::QueuedConnection);
    });
}

} // namespace scalescope
