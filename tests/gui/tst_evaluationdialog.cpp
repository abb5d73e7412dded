// The evaluation window: it scores a run off the GUI thread, draws accuracy against the test
// size and the confusion matrix it was given, lists each class's scores through a model that
// passes QAbstractItemModelTester, names a refused field, stops on cancel, and is opened from
// the training tab for the selected run.
#include "classscoremodel.h"
#include "evaluationdialog.h"
#include "explorerdocument.h"
#include "train/runhistory.h"
#include "train/trainer.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include "../train/tinyconfig.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <qcustomplot.h>

#include <cmath>
#include <numeric>

using namespace scalescope;

namespace {
constexpr int kEvaluateMs = 120000; // a few hundred tiny images on two busy CI cores

// Waits for the dialog's evaluation to end; true when it ended in time.
bool waitForEnd(EvaluationDialog& d) {
    return QTest::qWaitFor([&] { return !d.isEvaluating(); }, kEvaluateMs);
}
} // namespace

class TestEvaluationDialog : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void classModelPassesTester();
    void evaluatesOffTheGuiThread();
    void refusedSizesAreNamed();
    void cancelStops();
    void closingWhileEvaluating();
    void folderThatIsNoRun();
    void trainingTabOpensIt();

  private:
    QTemporaryDir m_run;
    train::RunHistory m_history;
};

void TestEvaluationDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    ScaleConfig c = tinyConfig(2);
    c.training.progressive.stages = 2;
    c.training.trainSamples = 640;
    c.training.valSamples = 200;
    c.training.emaDecay = 0.9;
    train::TrainControl control;
    train::RunOptions o;
    o.runDir = m_run.path().toStdString();
    const auto s = train::runTraining(c, o, control, [](const train::TrainEvent&) {});
    QVERIFY2(s.completed, s.error.c_str());
    m_history = train::readRunHistory(o.runDir);
}

void TestEvaluationDialog::classModelPassesTester() {
    ClassScoreModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    train::EvaluationReport r;
    r.classes = {"cat", "dog", "bird"};
    train::SizeEvaluation s;
    s.confusion = {5, 1, 0, 2, 6, 0, 0, 0, 0};
    model.setScores(r, s);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(ClassScoreModel::ColumnCount));
    QCOMPARE(model.data(model.index(0, ClassScoreModel::Recall)).toString(), QString("83.33%"));
    QCOMPARE(model.data(model.index(1, ClassScoreModel::Precision)).toString(), QString("85.71%"));
    QCOMPARE(model.data(model.index(1, ClassScoreModel::ConfusedWith)).toString(),
             QString("cat (2)"));
    QCOMPARE(model.data(model.index(2, ClassScoreModel::Recall)).toString(), QString("—"));
    QCOMPARE(model.data(model.index(2, ClassScoreModel::ConfusedWith), Qt::UserRole).toInt(), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestEvaluationDialog::evaluatesOffTheGuiThread() {
    EvaluationDialog d(m_run.path());
    QVERIFY(d.evaluateButton()->isEnabled());
    // Suggested: 24 to 48 px in steps of 4 for a run trained at 24 and 32 px.
    QCOMPARE(d.sizesEdit()->text(), QString("24, 28, 32, 36, 40, 44, 48"));
    QVERIFY(!d.trainedWeightsBox()->isHidden()); // the run kept an EMA
    d.sizesEdit()->setText("24, 32, 40");
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(10);
    QSignalSpy done(&d, &EvaluationDialog::evaluated);
    d.evaluateButton()->click();
    QVERIFY(d.isEvaluating());
    QVERIFY(!d.evaluateButton()->isEnabled());
    QVERIFY(!d.sizesEdit()->isEnabled());
    QVERIFY(waitForEnd(d));
    ticker.stop();
    QCOMPARE(done.count(), 1);
    QVERIFY2(ticks > 3, qPrintable(QString::number(ticks))); // the GUI thread kept running
    const auto r = d.report();
    QVERIFY(r.has_value());
    QCOMPARE(int(r->sizes.size()), 3);
    // At the validated 32 px the run's own last validation.
    QVERIFY(std::abs(r->sizes[1].top1 - m_history.epochs.back().valAccuracy) < 1e-7);
    QVERIFY2(d.statusText().contains("200 test images at 3 sizes"), qPrintable(d.statusText()));
    QVERIFY2(d.summaryText().contains("Best:"), qPrintable(d.summaryText()));

    // The curve holds the three sizes' top-1 and top-5, in percent.
    QCustomPlot* curve = d.curvePlot();
    QCOMPARE(curve->graphCount(), 2);
    QCOMPARE(curve->graph(0)->dataCount(), 3);
    for (int i = 0; i < 3; ++i) {
        const auto point = curve->graph(0)->data()->at(i);
        QCOMPARE(point->key, double(r->sizes[size_t(i)].imageSize));
        QCOMPARE(point->value, 100.0 * r->sizes[size_t(i)].top1);
        QCOMPARE(curve->graph(1)->data()->at(i)->value, 100.0 * r->sizes[size_t(i)].topK);
    }

    // The matrix and the class table show the best size first; each row of the map is the
    // true class's images spread over the predictions.
    const train::SizeEvaluation* best = r->best();
    QCOMPARE(d.shownSize(), best->imageSize);
    auto checkShown = [&](const train::SizeEvaluation& s) {
        QCPColorMapData* map = d.colorMap()->data();
        QCOMPARE(map->keySize(), 10);
        QCOMPARE(map->valueSize(), 10);
        for (int t = 0; t < 10; ++t) {
            const std::int64_t images = std::accumulate(
                s.confusion.begin() + t * 10, s.confusion.begin() + (t + 1) * 10, std::int64_t(0));
            double row = 0;
            for (int p = 0; p < 10; ++p) {
                row += map->cell(p, t);
                QVERIFY(std::abs(map->cell(p, t) -
                                 double(s.confusion[size_t(t * 10 + p)]) / double(images)) < 1e-12);
            }
            QVERIFY(std::abs(row - 1.0) < 1e-9);
        }
        const auto scores = train::classScores(s.confusion, r->classes);
        QCOMPARE(d.classModel()->rowCount(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(d.classModel()
                         ->data(d.classModel()->index(i, ClassScoreModel::Recall), Qt::UserRole)
                         .toDouble(),
                     scores[size_t(i)].recall);
    };
    checkShown(*best);
    QCOMPARE(d.sizeBox()->count(), 3);
    d.showSize(24);
    QCOMPARE(d.shownSize(), 24);
    checkShown(r->sizes[0]);

    // The export is the core's CSV: a header and a row per size and class.
    QTemporaryDir out;
    const QString csv = out.filePath("evaluation.csv");
    QString why;
    QVERIFY2(d.exportCsv(csv, &why), qPrintable(why));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count('\n'), 1 + 3 * 10);
}

void TestEvaluationDialog::refusedSizesAreNamed() {
    EvaluationDialog d(m_run.path());
    QString why;
    QVERIFY(!d.exportCsv("/tmp/never.csv", &why)); // nothing evaluated yet
    QVERIFY(why.contains("nothing has been evaluated"));
    d.sizesEdit()->setText("32, big");
    d.evaluate();
    QVERIFY(!d.isEvaluating());
    QVERIFY2(d.statusText().contains("test sizes: \"big\" is not a whole number"),
             qPrintable(d.statusText()));
    d.sizesEdit()->setText("32, 9000");
    d.evaluate();
    QVERIFY(!d.isEvaluating());
    QVERIFY2(d.statusText().contains("9000 px is outside 8-4096"), qPrintable(d.statusText()));
}

void TestEvaluationDialog::cancelStops() {
    EvaluationDialog d(m_run.path());
    d.sizesEdit()->setText("8:200:8"); // 25 sizes: far longer than the cancel takes
    d.evaluate();
    QVERIFY(d.isEvaluating());
    QVERIFY(d.findChild<QPushButton*>("cancelEvaluation")->isEnabled());
    d.findChild<QPushButton*>("cancelEvaluation")->click();
    QVERIFY(waitForEnd(d));
    QCOMPARE(d.statusText(), QString("Cancelled."));
    QVERIFY(!d.report().has_value());
    QVERIFY(d.evaluateButton()->isEnabled());
}

void TestEvaluationDialog::closingWhileEvaluating() {
    auto* d = new EvaluationDialog(m_run.path());
    d->sizesEdit()->setText("8:200:8");
    d->evaluate();
    QVERIFY(d->isEvaluating());
    delete d; // interrupts and joins its thread: no signal reaches a deleted dialog
    QTest::qWait(50);
}

void TestEvaluationDialog::folderThatIsNoRun() {
    QTemporaryDir empty;
    EvaluationDialog d(empty.path());
    QVERIFY(!d.evaluateButton()->isEnabled());
    QVERIFY2(d.statusText().contains("cannot be evaluated"), qPrintable(d.statusText()));
    QVERIFY2(d.statusText().contains("config.json"), qPrintable(d.statusText()));
    d.evaluate(); // refused quietly: the button is off
    QVERIFY(!d.isEvaluating());
}

void TestEvaluationDialog::trainingTabOpensIt() {
    ExplorerDocument doc;
    TrainingController controller;
    TrainingPanel panel(&doc, &controller);
    QVERIFY(!panel.evaluateButton()->isEnabled()); // no run yet
    QString why;
    QVERIFY(panel.openRun(m_run.path(), &why));
    QVERIFY(panel.evaluateButton()->isEnabled());
    panel.evaluateButton()->click();
    auto dialogs = panel.findChildren<EvaluationDialog*>();
    QCOMPARE(dialogs.size(), 1);
    QCOMPARE(dialogs.front()->runDir(), m_run.path());
    QVERIFY(dialogs.front()->isVisible());
    // The same run again raises the open window.
    QCOMPARE(panel.openEvaluation(m_run.path()), dialogs.front());
    QCOMPARE(panel.findChildren<EvaluationDialog*>().size(), 1);
    dialogs.front()->close(); // deletes itself
    QVERIFY(QTest::qWaitFor([&] { return panel.findChildren<EvaluationDialog*>().isEmpty(); }));
    // A folder without its checkpoint is refused by name.
    QTemporaryDir empty;
    QVERIFY(!panel.openEvaluation(empty.path(), &why));
    QVERIFY2(why.contains("has no checkpoint.pt"), qPrintable(why));
}

QTEST_MAIN(TestEvaluationDialog)
#include "tst_evaluationdialog.moc"
