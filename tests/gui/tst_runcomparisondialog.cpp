// Compare runs…: the training tab's runs set against a reference by wall time, in a
// well-behaved table; the reference defaults to the fixed-schedule run, stays the one chosen
// while it is listed, and the window follows the runs the tab shows.
#include "explorerdocument.h"
#include "runcomparisondialog.h"
#include "runcomparisonmodel.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include "../train/fakerun.h"
#include "../train/tinyconfig.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFont>
#include <QGuiApplication>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <limits>

using namespace scalescope;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

RunComparisonDialog::Entry entry(const QString& name, const QString& schedule,
                                 const QList<double>& accuracy, const QList<double>& seconds) {
    RunComparisonDialog::Entry e;
    e.name = name;
    e.schedule = schedule;
    e.run.name = name.toStdString();
    for (int i = 0; i < accuracy.size(); ++i) {
        train::TrainEvent t;
        t.type = train::TrainEvent::Type::Epoch;
        t.epoch = i;
        t.valAccuracy = accuracy[i];
        t.elapsedSeconds = seconds[i];
        e.run.epochs.push_back(t);
    }
    return e;
}

QString cell(const RunComparisonModel* m, int row, int column) {
    return m->index(row, column).data().toString();
}
} // namespace

class TestRunComparisonDialog : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void setsRunsAgainstTheFixedOne();
    void keepsTheChosenReference();
    void saysWhyNothingIsCompared();
    void marksRunsOnOtherImages();
    void followsTheTrainingTab();
};

void TestRunComparisonDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestRunComparisonDialog::setsRunsAgainstTheFixedOne() {
    RunComparisonDialog d;
    QAbstractItemModelTester tester(d.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The fixed run ends at 90%, first reached after epoch 3 at 30 s.
    d.setRuns({entry("#1 paper", "paper", {0.6, 0.9}, {8, 15}),
               entry("#2 fixed", "fixed", {0.5, 0.8, 0.9}, {10, 20, 30})});
    QCOMPARE(d.reference(), 1);
    const RunComparisonModel* m = d.model();
    QCOMPARE(m->rowCount(), 2);
    QCOMPARE(m->headerData(RunComparisonModel::Reached, Qt::Horizontal, Qt::DisplayRole).toString(),
             QString("Reached 90.00%"));
    QCOMPARE(cell(m, 0, RunComparisonModel::Reached), QString("epoch 2, 00:15"));
    QCOMPARE(cell(m, 0, RunComparisonModel::Ratio), QString("0.50×"));
    QCOMPARE(cell(m, 0, RunComparisonModel::TrainingRatio), QString("—")); // not recorded
    QCOMPARE(cell(m, 1, RunComparisonModel::Ratio), QString("1.00×"));
    QCOMPARE(cell(m, 1, RunComparisonModel::Epochs), QString("3/3"));
    QVERIFY(m->index(1, 0).data(Qt::FontRole).value<QFont>().bold()); // the reference
    QVERIFY2(d.summary().contains("ended at 90.00%, which it first reached after epoch 3 (00:30"),
             qPrintable(d.summary()));
    // The whole table for a spreadsheet, and only the selected rows once any are.
    QStringList lines = d.tableText().split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].startsWith("Run\tSchedule\tEpochs"), qPrintable(lines[0]));
    QVERIFY2(lines[1].startsWith("#1 paper\tpaper\t2/2\t90.00%"), qPrintable(lines[1]));
    d.view()->selectRow(1);
    lines = d.tableText().split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[1].startsWith("#2 fixed"));
}

void TestRunComparisonDialog::keepsTheChosenReference() {
    RunComparisonDialog d;
    QAbstractItemModelTester tester(d.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto paper = entry("#1 paper", "paper", {0.6, 0.92}, {8, 15});
    const auto fixed = entry("#2 fixed", "fixed", {0.5, 0.9}, {10, 20});
    d.setRuns({paper, fixed});
    d.setReference(0); // against the paper run's 92%: the fixed run never got there
    QCOMPARE(cell(d.model(), 1, RunComparisonModel::Reached), QString("never"));
    QCOMPARE(cell(d.model(), 1, RunComparisonModel::Ratio), QString("—"));
    auto training = fixed; // the same, with epochs still to come
    training.run.plannedEpochs = 5;
    d.setRuns({paper, training});
    QCOMPARE(cell(d.model(), 1, RunComparisonModel::Reached), QString("not yet"));
    d.setRuns({paper, fixed});
    // A third run on the tab: the reference stays the one chosen, by name, not by position.
    d.setRuns({entry("#3 code", "code", {0.93}, {5}), paper, fixed});
    QCOMPARE(d.reference(), 1);
    QCOMPARE(cell(d.model(), 0, RunComparisonModel::Ratio), QString("0.33×"));
    // Another epoch of the same runs leaves the chooser's list as it is (an open list would
    // close under the pointer).
    auto* chooser = d.findChild<QComboBox*>(QStringLiteral("reference"));
    QVERIFY(chooser);
    QSignalSpy refilled(chooser->model(), &QAbstractItemModel::rowsRemoved);
    auto longer = paper;
    longer.run.epochs.push_back(longer.run.epochs.back());
    longer.run.epochs.back().epoch = 2;
    d.setRuns({entry("#3 code", "code", {0.93}, {5}), longer, fixed});
    QCOMPARE(refilled.count(), 0);
    QCOMPARE(d.reference(), 1);
    QCOMPARE(cell(d.model(), 1, RunComparisonModel::Epochs), QString("3/3"));
    // Gone from the tab: back to the fixed run.
    d.setRuns({entry("#3 code", "code", {0.93}, {5}), fixed});
    QCOMPARE(d.reference(), 1);
}

void TestRunComparisonDialog::saysWhyNothingIsCompared() {
    RunComparisonDialog d;
    QAbstractItemModelTester tester(d.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(d.model()->rowCount(), 0);
    QVERIFY(d.summary().contains("at least two runs"));
    d.setRuns({entry("#1 fixed", "fixed", {0.5}, {10})});
    QVERIFY(d.summary().contains("at least two runs"));
    // A fixed run just started, not yet validated.
    d.setRuns({entry("#1 paper", "paper", {0.6}, {8}), entry("#2 fixed", "fixed", {kNaN}, {3})});
    QCOMPARE(d.model()->rowCount(), 0);
    QCOMPARE(d.summary(), QString("Not compared — reference: #2 fixed has no validated epoch yet"));
    d.setReference(0);
    QCOMPARE(d.model()->rowCount(), 2);
}

void TestRunComparisonDialog::marksRunsOnOtherImages() {
    RunComparisonDialog d;
    QAbstractItemModelTester tester(d.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto fixed = entry("#1 fixed", "fixed", {0.9}, {10});
    auto paper = entry("#2 paper", "paper", {0.9}, {6});
    auto other = entry("#3 paper", "paper", {0.95}, {4});
    fixed.run.validation = paper.run.validation = "shapes, 400 images (seed 1), at 32 px";
    other.run.validation = "shapes, 400 images (seed 2), at 32 px";
    d.setRuns({fixed, paper, other});
    const RunComparisonModel* m = d.model();
    QVERIFY(!m->index(1, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(m->index(2, 0).data(Qt::ForegroundRole).isValid()); // greyed
    const QString tip = m->index(2, RunComparisonModel::Ratio).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains("(seed 2)") && tip.contains("(seed 1)"), qPrintable(tip));
    QVERIFY2(d.summary().endsWith("1 run (greyed) validated on other images than the reference: "
                                  "its accuracies do not compare."),
             qPrintable(d.summary()));
}

void TestRunComparisonDialog::followsTheTrainingTab() {
    QTemporaryDir dir;
    ScaleConfig fixed = tinyConfig(4), paper = tinyConfig(2);
    fixed.training.progressive.schedule = ProgressiveSettings::Schedule::Fixed;
    QVERIFY(writeFakeRun(dir.filePath("fixed").toStdString(), fixed, 4, 0.8));
    QVERIFY(writeFakeRun(dir.filePath("paper").toStdString(), paper, 2, 0.85));
    QVERIFY(writeFakeRun(dir.filePath("later").toStdString(), paper, 2, 0.5));
    ExplorerDocument doc;
    TrainingController controller;
    TrainingPanel panel(&doc, &controller);
    auto* compare = panel.findChild<QAction*>(QStringLiteral("compareRuns"));
    QVERIFY(compare);
    QVERIFY(panel.openRun(dir.filePath("paper")));
    QVERIFY(!compare->isEnabled()); // one run: nothing to compare
    QVERIFY(panel.openRun(dir.filePath("fixed")));
    QVERIFY(compare->isEnabled());
    compare->trigger();
    RunComparisonDialog* d = panel.comparisonDialog();
    QVERIFY(d->isVisible());
    QCOMPARE(d->model()->rowCount(), 2);
    QCOMPARE(d->reference(), 1); // the fixed one, though opened second
    QVERIFY2(!d->summary().contains("other images"), qPrintable(d->summary())); // the same
    QVERIFY2(cell(d->model(), 1, RunComparisonModel::Run).startsWith("#2 EfficientNet-B0"),
             qPrintable(cell(d->model(), 1, RunComparisonModel::Run)));
    QCOMPARE(cell(d->model(), 1, RunComparisonModel::Schedule), QString("fixed"));
    QCOMPARE(cell(d->model(), 0, RunComparisonModel::Reached), QString("epoch 1, 00:02")); // 1.5 s
    // A run opened while the window shows joins it; one removed leaves it.
    QVERIFY(panel.openRun(dir.filePath("later")));
    QTRY_COMPARE(d->model()->rowCount(), 3);
    QCOMPARE(cell(d->model(), 2, RunComparisonModel::Reached), QString("never"));
    QVERIFY(panel.removeRun(0));
    QTRY_COMPARE(d->model()->rowCount(), 2);
    QCOMPARE(d->reference(), 0); // still the fixed run, now first
    // Unticked in the run list, hidden on the plot: out of the comparison as well.
    auto* list = panel.findChild<QListWidget*>(QStringLiteral("runList"));
    QVERIFY(list);
    list->item(1)->setCheckState(Qt::Unchecked);
    QTRY_COMPARE(d->model()->rowCount(), 0);
    QVERIFY(d->summary().contains("at least two runs"));
    list->item(1)->setCheckState(Qt::Checked);
    QTRY_COMPARE(d->model()->rowCount(), 2);
}

QTEST_MAIN(TestRunComparisonDialog)
#include "tst_runcomparisondialog.moc"
