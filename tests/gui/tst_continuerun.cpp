// A stopped run goes on from its checkpoint: in the window that stopped it, or opened from its
// folder in a later session, until its last epoch, on the same curve; a finished run, or one
// without its checkpoint, cannot be continued.
#include "explorerdocument.h"
#include "mainwindow.h"
#include "train/prediction.h"
#include "train/runhistory.h"
#include "train/seedexperiment.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include "../train/fakerun.h"
#include "../train/tinyconfig.h"

#include <QAction>
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <qcustomplot.h>

using namespace scalescope;

namespace {
constexpr int kEpochs = 3;
constexpr int kFinishMs = 180000; // a tiny run on two busy CI cores

ScaleConfig tinyRun() {
    ScaleConfig c = tinyConfig(kEpochs);
    c.training.trainSamples = 640; // 20 steps an epoch
    c.training.valSamples = 64;
    return c;
}

int rows(const QString& dir) {
    return int(train::readRunHistory(dir.toStdString()).epochs.size());
}

// A run started and stopped soon after, as when the window closed during it (an earlier
// session); true when it left its checkpoint.
bool trainAndStop(const QString& runDir) {
    TrainingController controller;
    if (!controller.start(tinyRun(), runDir)) return false;
    const bool started =
        QTest::qWaitFor([&] { return QFile::exists(runDir + "/config.json"); }, 60000);
    QTest::qWait(300);
    controller.stop();
    controller.waitForFinished();
    return started && QFile::exists(runDir + "/checkpoint.pt");
}

// Rows of metrics.csv so far, read while the run writes it.
int rowsSoFar(const QString& dir) {
    QFile f(dir + "/metrics.csv");
    if (!f.open(QIODevice::ReadOnly)) return 0;
    return std::max(0, int(f.readAll().count('\n')) - 1);
}
} // namespace

class TestContinueRun : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void continuesInTheSameWindow();
    void continuesTheRunsQueuedAfterIt();
    void trainsWhatAnExperimentLeft();
    void continuesAnOpenedRun();
    void finishedOrWithoutCheckpointCannot();
    void failedRunIsMarked();
    void removesRunsButNotTheLiveOne();
};

void TestContinueRun::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // run folders and settings in test locations
    QSettings().clear();
}

void TestContinueRun::continuesInTheSameWindow() {
    MainWindow w;
    QVERIFY(w.document()->setConfig(tinyRun()));
    TrainingPanel* panel = w.trainingPanel();
    panel->setSettingsFromDocument();
    QVERIFY(!panel->continueButton()->isEnabled()); // nothing to continue yet
    panel->startButton()->click();
    const QString dir = panel->lastRunDir();
    QTRY_VERIFY_WITH_TIMEOUT(rowsSoFar(dir) >= 1, 60000); // an epoch done
    w.trainingController()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning(), 60000);
    QVERIFY(QFile::exists(dir + "/checkpoint.pt"));
    const train::RunHistory stopped = train::readRunHistory(dir.toStdString());
    QVERIFY(!stopped.epochs.empty() && int(stopped.epochs.size()) < kEpochs);
    QVERIFY(panel->continueButton()->isEnabled());
    const int pointsBefore = panel->pointCount();

    panel->continueButton()->click();
    QVERIFY(w.trainingController()->isRunning());
    QVERIFY(!panel->continueButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning(), kFinishMs);
    QVERIFY2(panel->statusText().startsWith("Finished"), qPrintable(panel->statusText()));
    const train::RunHistory done = train::readRunHistory(dir.toStdString());
    QCOMPARE(int(done.epochs.size()), kEpochs);
    // The epochs before the stop are kept, not trained again: the same rows, to the digit.
    for (size_t i = 0; i < stopped.epochs.size(); ++i) {
        QCOMPARE(done.epochs[i].elapsedSeconds, stopped.epochs[i].elapsedSeconds);
        QCOMPARE(done.epochs[i].valLoss, stopped.epochs[i].valLoss);
    }
    QVERIFY(done.epochs.back().elapsedSeconds > stopped.epochs.back().elapsedSeconds);
    QCOMPARE(panel->runCount(), 1); // the same run, drawn on
    QVERIFY(panel->pointCount() > pointsBefore);
    QVERIFY(!panel->continueButton()->isEnabled()); // finished
}

void TestContinueRun::continuesTheRunsQueuedAfterIt() {
    MainWindow w;
    ScaleConfig c = tinyRun();
    c.training.epochs = 2;
    c.training.seed = 1; // the Start's folders: seed1/…, seed2/…
    QVERIFY(w.document()->setConfig(c));
    TrainingPanel* panel = w.trainingPanel();
    panel->setSettingsFromDocument();
    panel->setStartOptions(2, false); // two seeds: one run queued after the first
    panel->startButton()->click();
    QCOMPARE(panel->queuedCount(), 1);
    // Closing now would ask, and say where the run queued after this one is kept.
    QVERIFY2(w.stopQuestion().endsWith("1 more run waits in the queue: its experiment's, "
                                       "grid's or study's folder records it; open it again to "
                                       "train it."),
             qPrintable(w.stopQuestion()));
    const QString first = panel->lastRunDir();
    QTRY_VERIFY_WITH_TIMEOUT(rowsSoFar(first) >= 1, 60000);
    w.trainingController()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning(), 60000);
    // Held, not dropped, and not started either.
    QCOMPARE(panel->queuedCount(), 0);
    QCOMPARE(panel->heldCount(), 1);
    QVERIFY2(panel->statusText().endsWith("Continue trains it on, then the run queued after it."),
             qPrintable(panel->statusText()));
    QCOMPARE(panel->runCount(), 1);
    panel->continueButton()->click();
    QVERIFY(w.trainingController()->isRunning());
    QCOMPARE(panel->queuedCount(), 1);
    QCOMPARE(panel->heldCount(), 0);
    QVERIFY2(panel->statusText().endsWith("(1 more run queued)"), qPrintable(panel->statusText()));
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning() && panel->queuedCount() == 0,
                             2 * kFinishMs);
    QCOMPARE(panel->runCount(), 2);
    // Both seeds trained to their end, the second in the Start's own folder.
    const QString second =
        QFileInfo(QFileInfo(first).path()).dir().filePath("seed2/" + QFileInfo(first).fileName());
    QCOMPARE(rows(first), 2);
    QCOMPARE(rows(second), 2);

    // Stopped again, and taken off the list: nothing is left to continue the rest after.
    panel->startButton()->click();
    const QString again = panel->lastRunDir();
    QTRY_VERIFY_WITH_TIMEOUT(rowsSoFar(again) >= 1, 60000);
    w.trainingController()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning(), 60000);
    QCOMPARE(panel->heldCount(), 1);
    QVERIFY(panel->removeRun(panel->runIndexOf(again)));
    QCOMPARE(panel->heldCount(), 0);
}

void TestContinueRun::trainsWhatAnExperimentLeft() {
    // An experiment a closed window left: two seeds beside their fixed-size twins, the first
    // stopped, its twin finished, the second seed's runs not started.
    QTemporaryDir tmp;
    const QString dir = tmp.filePath("exp");
    const train::SeedExperiment e{tinyRun(), 2, true};
    train::recordExperiment(dir.toStdString(), e, "f");
    const std::vector<train::ExperimentRun> runs = train::experimentRuns(e);
    QCOMPARE(runs.size(), size_t(4));
    const auto runDir = [&](size_t i) { return dir + "/" + QString::fromStdString(runs[i].dir); };
    QVERIFY(trainAndStop(runDir(0)));
    QVERIFY(writeFakeRun(runDir(1).toStdString(), runs[1].config, kEpochs, 0.5));

    MainWindow w;
    TrainingPanel* panel = w.trainingPanel();
    // Opened to look at it (as --open-run does): its runs so far, nothing trained.
    QVERIFY(panel->openFolder(dir, TrainingPanel::TrainRest::No));
    QCOMPARE(panel->runCount(), 2);
    QVERIFY(!w.trainingController()->isRunning());
    QVERIFY2(panel->statusText().endsWith("2 of its 4 runs listed; 3 not finished (open it again "
                                          "to train them)"),
             qPrintable(panel->statusText()));
    // Opened again to train the rest: the stopped run continues, the others train; the
    // listed runs are not listed twice.
    QVERIFY(panel->openExperiment(dir, TrainingPanel::TrainRest::Yes));
    QVERIFY(w.trainingController()->isRunning());
    QCOMPARE(panel->queuedCount(), 2);
    QVERIFY(panel->openExperiment(dir, TrainingPanel::TrainRest::Yes));
    QCOMPARE(panel->queuedCount(), 2); // what is queued or training is not queued again
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning() && panel->queuedCount() == 0,
                             3 * kFinishMs);
    QCOMPARE(panel->runCount(), 4);
    for (size_t i : {0, 2, 3})
        QCOMPARE(rows(runDir(i)), kEpochs);
    QCOMPARE(rows(runDir(1)), kEpochs); // read back, not trained again
    QVERIFY(panel->openExperiment(dir, TrainingPanel::TrainRest::Ask)); // nothing to ask
    QVERIFY2(panel->statusText().endsWith("its 4 runs, all finished"),
             qPrintable(panel->statusText()));
    // A folder whose record does not read is named.
    QFile record(dir + "/experiment.json");
    QVERIFY(record.open(QIODevice::WriteOnly | QIODevice::Truncate));
    record.write("{");
    record.close();
    QString why;
    QVERIFY(!panel->openFolder(dir, TrainingPanel::TrainRest::No, &why));
    QVERIFY2(why.contains("experiment.json"), qPrintable(why));
}

void TestContinueRun::continuesAnOpenedRun() {
    QTemporaryDir dir;
    const QString runDir = dir.filePath("stopped");
    QVERIFY(trainAndStop(runDir));
    const int before = rows(runDir); // 0 when it stopped in its first epoch
    QVERIFY(before < kEpochs);

    MainWindow w; // its own settings differ from the run's: the run's are used
    TrainingPanel* panel = w.trainingPanel();
    QString why;
    QVERIFY2(panel->openRun(runDir, &why), qPrintable(why));
    QVERIFY(panel->continueButton()->isEnabled());
    QVERIFY2(panel->statusText().contains("Continue trains it on"),
             qPrintable(panel->statusText()));
    panel->continueButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning(), kFinishMs);
    QVERIFY2(panel->statusText().startsWith("Finished"), qPrintable(panel->statusText()));
    QCOMPARE(rows(runDir), kEpochs);
    QCOMPARE(panel->runCount(), 1);
    QCOMPARE(loadConfig((runDir + "/config.json").toStdString()).training.epochs, kEpochs);
}

void TestContinueRun::finishedOrWithoutCheckpointCannot() {
    QTemporaryDir dir;
    MainWindow w;
    TrainingPanel* panel = w.trainingPanel();

    // A finished run: Continue stays off for it, also when selected.
    ScaleConfig c = tinyRun();
    c.training.epochs = 1;
    c.training.progressive.stages = 1;
    const QString doneDir = dir.filePath("finished");
    {
        TrainingController controller;
        QVERIFY(controller.start(c, doneDir));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isRunning(), kFinishMs);
    }
    QCOMPARE(rows(doneDir), 1);
    QVERIFY(QFile::exists(doneDir + "/checkpoint.pt"));
    QVERIFY(panel->openRun(doneDir));
    panel->findChild<QListWidget*>()->setCurrentRow(panel->runCount() - 1);
    QVERIFY(!panel->continueButton()->isEnabled());

    // The same folder as if stopped after its first epoch of three, its checkpoint lost: it
    // opens, but has nothing to continue from.
    c.training.epochs = 3;
    c.training.progressive.stages = 3;
    saveConfig(c, (doneDir + "/config.json").toStdString());
    QVERIFY(QFile::remove(doneDir + "/checkpoint.pt"));
    QString why;
    QVERIFY2(panel->openRun(doneDir, &why), qPrintable(why));
    QVERIFY(!panel->continueButton()->isEnabled());

    // Stopped in its first epoch without a checkpoint: nothing to show or continue from.
    const QString bare = dir.filePath("bare");
    QVERIFY(QDir().mkpath(bare));
    saveConfig(c, (bare + "/config.json").toStdString());
    QFile csv(bare + "/metrics.csv");
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(QByteArray::fromStdString(train::metricsFileHeader()) + "\n");
    csv.close();
    QVERIFY(!panel->openRun(bare, &why));
    QVERIFY2(why.contains("no epochs yet"), qPrintable(why));
}

void TestContinueRun::failedRunIsMarked() {
    QTemporaryDir empty; // an image folder without class folders: the run fails at its start
    ScaleConfig c = tinyRun();
    c.training.dataset = "folder";
    c.training.dataPath = empty.path().toStdString();
    MainWindow w;
    QVERIFY(w.document()->setConfig(c));
    TrainingPanel* panel = w.trainingPanel();
    panel->setSettingsFromDocument();
    panel->startButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning(), 60000);
    // A build without imgcodecs (the GPU host) refuses image folders outright.
    const QString reason = train::canClassifyImages() ? "needs one subfolder per class"
                                                      : "image folders need OpenCV's imgcodecs";
    QVERIFY2(panel->statusText().contains(reason), qPrintable(panel->statusText()));
    auto* list = panel->findChild<QListWidget*>(QStringLiteral("runList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 1);
    QVERIFY2(list->item(0)->text().endsWith(" — failed"), qPrintable(list->item(0)->text()));
    QVERIFY(list->item(0)->toolTip().contains(reason));
    QVERIFY(!panel->continueButton()->isEnabled());
}

void TestContinueRun::removesRunsButNotTheLiveOne() {
    QTemporaryDir dir;
    const QString opened = dir.filePath("opened");
    QVERIFY(writeFakeRun(opened.toStdString(), tinyRun(), kEpochs, 0.5));
    MainWindow w;
    QVERIFY(w.document()->setConfig(tinyRun()));
    TrainingPanel* panel = w.trainingPanel();
    panel->setSettingsFromDocument();
    QVERIFY(panel->openRun(opened));
    const int graphsWithOne = panel->plot()->graphCount();
    panel->startButton()->click(); // run #2, after the opened one
    const QString live = panel->lastRunDir();
    auto* removeAction = panel->findChild<QAction*>(QStringLiteral("removeRun"));
    QVERIFY(removeAction);
    QVERIFY(!removeAction->isEnabled()); // the live run is the current row
    QTRY_VERIFY_WITH_TIMEOUT(rowsSoFar(live) >= 1, 60000);
    QCOMPARE(panel->whyInUse(live), QString("it is training now"));
    QCOMPARE(panel->whyInUse(opened), QString());
    const QString queued = dir.filePath("queued");
    panel->queueRuns({{tinyRun(), queued, "queued"}});
    QCOMPARE(panel->whyInUse(queued), QString("it is queued to train"));

    // The opened run goes while the other trains: the live run's index moves down by one, and
    // its curves go on growing there.
    QVERIFY(panel->removeRun(0));
    QCOMPARE(panel->runCount(), 1);
    QCOMPARE(panel->runIndexOf(opened), -1);
    QCOMPARE(panel->plot()->graphCount(), graphsWithOne); // the opened run's 8 graphs went
    const int points = panel->pointCount();
    QTRY_VERIFY_WITH_TIMEOUT(panel->pointCount() > points, 60000);
    QString why;
    QVERIFY(!panel->removeRun(0, &why)); // the live run
    QVERIFY2(why.contains("is training"), qPrintable(why));
    QVERIFY(!removeAction->isEnabled());

    w.trainingController()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning(), 60000);
    QCOMPARE(panel->whyInUse(live), QString());
    QCOMPARE(panel->whyInUse(queued), QString()); // the stop dropped the queue
    QVERIFY(removeAction->isEnabled());
    // Numbers are not reused: the run opened next is #3, not a second #2.
    QVERIFY(panel->openRun(opened));
    auto* list = panel->findChild<QListWidget*>(QStringLiteral("runList"));
    QVERIFY(list);
    QVERIFY2(list->item(1)->text().startsWith("#3 "), qPrintable(list->item(1)->text()));
    removeAction->trigger(); // the current row: the one just opened
    QCOMPARE(panel->runCount(), 1);
    QCOMPARE(panel->runIndexOf(live), 0);
    QVERIFY(QFileInfo::exists(opened + "/metrics.csv")); // off the plot, not off the disk
    w.trainingController()->waitForFinished();
}

QTEST_MAIN(TestContinueRun)
#include "tst_continuerun.moc"
