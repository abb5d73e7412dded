// A window's long job off the GUI thread: its result and progress arrive on the owner's thread
// after the job's thread has ended, a cancel or an error comes back as failed(), and a
// JobThread destroyed mid-job waits for it and delivers nothing.
#include "jobthread.h"

#include <QSignalSpy>
#include <QtTest>
#include <atomic>
#include <stdexcept>

using namespace scalescope;

namespace {
constexpr int kWaitMs = 10000; // a job here takes milliseconds; this only bounds a hang

// Reports `steps` steps of progress, one per millisecond, stopping with an exception when
// cancelled, as the core's evaluation, classification and speed probe do.
int countTo(int steps, const JobThread::Control& c) {
    for (int i = 1; i <= steps; ++i) {
        if (c.cancelled()) throw std::runtime_error("cancelled");
        QThread::msleep(1);
        c.progress(i, steps);
    }
    return steps;
}
} // namespace

class TestJobThread : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void deliversOnTheOwnersThread();
    void anErrorIsNamed();
    void aCancelSaysNothing();
    void oneJobAtATime();
    void destroyedMidJobWaits();
};

void TestJobThread::deliversOnTheOwnersThread() {
    JobThread job(QStringLiteral("test"));
    QSignalSpy running(&job, &JobThread::runningChanged);
    QSignalSpy progressed(&job, &JobThread::progressed);
    QThread* workThread = nullptr;
    QThread* doneThread = nullptr;
    int result = 0;
    bool runningAtDone = true;
    QVERIFY(job.start<int>(
        [&workThread](const JobThread::Control& c) {
            workThread = QThread::currentThread();
            return countTo(200, c);
        },
        [&](int r) {
            doneThread = QThread::currentThread();
            runningAtDone = job.isRunning();
            result = r;
        }));
    QVERIFY(job.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(result, 200, kWaitMs);
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(workThread != QThread::currentThread());
    QVERIFY(!runningAtDone); // the thread has ended before the result is shown
    QCOMPARE(running.count(), 2);
    QCOMPARE(running.at(0).at(0).toBool(), true);
    QCOMPARE(running.at(1).at(0).toBool(), false);
    // Throttled: far fewer than 200 signals, and the last one says it is done.
    QVERIFY(!progressed.isEmpty());
    QVERIFY2(progressed.count() < 100, qPrintable(QString::number(progressed.count())));
    QCOMPARE(progressed.last().at(0).toLongLong(), 200);
    QCOMPARE(progressed.last().at(1).toLongLong(), 200);
}

void TestJobThread::anErrorIsNamed() {
    JobThread job(QStringLiteral("test"));
    QSignalSpy failed(&job, &JobThread::failed);
    bool done = false;
    QVERIFY(job.start<int>(
        [](const JobThread::Control&) -> int { throw std::runtime_error("epochs: must be > 0"); },
        [&done](int) { done = true; }));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("epochs: must be > 0"));
    QVERIFY(!done);
    QVERIFY(!job.isRunning());
}

void TestJobThread::aCancelSaysNothing() {
    JobThread job(QStringLiteral("test"));
    QSignalSpy failed(&job, &JobThread::failed);
    std::atomic<bool> started{false};
    QVERIFY(job.start<int>(
        [&started](const JobThread::Control& c) {
            started = true;
            return countTo(1000000, c);
        },
        [](int) { QFAIL("a cancelled job has no result"); }));
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), kWaitMs);
    job.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
    QVERIFY(failed.at(0).at(0).toString().isEmpty());
    QVERIFY(!job.isRunning());
}

void TestJobThread::oneJobAtATime() {
    JobThread job(QStringLiteral("test"));
    int results = 0;
    const auto work = [](const JobThread::Control& c) { return countTo(50, c); };
    QVERIFY(job.start<int>(work, [&results](int) { ++results; }));
    QVERIFY(!job.start<int>(work, [&results](int) { results += 100; }));
    QTRY_COMPARE_WITH_TIMEOUT(results, 1, kWaitMs);
    QVERIFY(job.start<int>(work, [&results](int) { ++results; })); // free again
    QTRY_COMPARE_WITH_TIMEOUT(results, 2, kWaitMs);
}

void TestJobThread::destroyedMidJobWaits() {
    std::atomic<bool> started{false};
    std::atomic<bool> returned{false};
    bool done = false;
    {
        JobThread job(QStringLiteral("test"));
        QVERIFY(job.start<int>(
            [&](const JobThread::Control& c) {
                started = true;
                try {
                    return countTo(1000000, c);
                } catch (...) {
                    returned = true;
                    throw;
                }
            },
            [&done](int) { done = true; }));
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), kWaitMs);
    } // the destructor interrupts and waits
    QVERIFY(returned.load());
    QCoreApplication::processEvents(); // a queued delivery, were there one, would run here
    QVERIFY(!done);
}

QTEST_GUILESS_MAIN(TestJobThread)
#include "tst_jobthread.moc"
