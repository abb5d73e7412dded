// Compare runs…: the training tab's runs set against a reference by wall time, in a
// well-behaved table; the reference defaults to the fixed-schedule run, stays the one chosen
// while it is listed, and the window follows the runs the tab shows.
#include "explorerdocument.h"
#include "runcomparisondialog.h"
#include "runcomparisonmodel.h"
#include "train/seedexperiment.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include "../train/fakerun.h"
#include "../train/tinyconfig.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QListWidget>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

using namespace scalescope;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

RunComparisonDialog::Entry entry(const QString& name, const QString& schedule,
                                 const QList<double>& accuracy, const QList<double>& seconds) {
    RunComparisonDialog::Entry e;
    e.name = name;
    e.number = name.section(' ', 0, 0).mid(1).toInt(); // "#2 fixed": 2; "#s5": none
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

// The plot's curve named `name`, as (time, accuracy %) points; empty where there is none.
QList<QPointF> curve(const RunComparisonDialog& d, const QString& name) {
    QList<QPointF> points;
    for (int i = 0; i < d.plot()->graphCount(); ++i)
        if (QCPGraph* g = d.plot()->graph(i); g->name() == name)
            for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
                points << QPointF(it->key, it->value);
    return points;
}

// The rings where rows reached the reference's accuracy (graphs without a legend entry).
QList<QPointF> rings(const RunComparisonDialog& d) {
    QList<QPointF> points;
    for (int i = 0; i < d.plot()->graphCount(); ++i)
        if (QCPGraph* g = d.plot()->graph(i); g->objectName() == "reached")
            for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
                points << QPointF(it->key, it->value);
    return points;
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
    void averagesOverSeeds();
    void meanRowsNameTheExperiment();
    void savesThePlot();
    void oneStartTrainsSeedsBesideFixedRuns();
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
    QCOMPARE(cell(m, 0, RunComparisonModel::Difference), QString("+0.00"));
    QCOMPARE(cell(m, 1, RunComparisonModel::Difference), QString("—")); // the reference
    QVERIFY(m->index(1, 0).data(Qt::FontRole).value<QFont>().bold());   // the reference
    QVERIFY2(d.summary().contains("ended at 90.00%, which it first reached after epoch 3 (00:30"),
             qPrintable(d.summary()));
    // The curves against wall time, the target as a dashed line, and where each reached it.
    QCOMPARE(curve(d, "#1 paper"), (QList<QPointF>{{8, 60}, {15, 90}}));
    QCOMPARE(curve(d, "#2 fixed (reference)"), (QList<QPointF>{{10, 50}, {20, 80}, {30, 90}}));
    QCOMPARE(rings(d), (QList<QPointF>{{15, 90}, {30, 90}}));
    QVERIFY(d.targetLine()->visible());
    QCOMPARE(d.targetLine()->point1->coords().y(), 90.0);
    QCOMPARE(d.plot()->xAxis->range().lower, 0.0);
    QVERIFY(d.plot()->xAxis->range().upper >= 30);
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
    QCOMPARE(d.plot()->graphCount(), 0);
    QVERIFY(!d.targetLine()->visible());
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
    ScaleConfig paperSeed2 = paper; // the same experiment at another seed
    paperSeed2.training.seed = 2;
    QVERIFY(writeFakeRun(dir.filePath("later").toStdString(), paperSeed2, 2, 0.5));
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
    // The tab tells which runs are seeds of one configuration.
    d->setMeanOverSeeds(true);
    QCOMPARE(d->model()->rowCount(), 2);
    QVERIFY2(
        cell(d->model(), 0, RunComparisonModel::Run)
            .endsWith("paper, 2 epochs (" + QDir(dir.path()).dirName() + "/paper) — runs #1, #3"),
        qPrintable(cell(d->model(), 0, RunComparisonModel::Run)));
    d->setMeanOverSeeds(false);
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

void TestRunComparisonDialog::averagesOverSeeds() {
    RunComparisonDialog d;
    QAbstractItemModelTester tester(d.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Seeds 1 and 2 of a fixed and a progressive configuration. The fixed runs end at 90% and
    // 80%, the progressive ones at 90% and 70%: -5 +- 5 points seed by seed.
    const auto seeded = [](RunComparisonDialog::Entry e, const char* group, std::uint64_t seed) {
        e.run.seedGroup = group;
        e.run.seed = seed;
        return e;
    };
    d.setRuns({seeded(entry("#1 paper", "paper", {0.6, 0.9}, {5, 10}), "paper", 1),
               seeded(entry("#2 fixed", "fixed", {0.5, 0.9}, {10, 20}), "fixed", 1),
               seeded(entry("#3 paper", "paper", {0.5, 0.7}, {6, 12}), "paper", 2),
               seeded(entry("#4 fixed", "fixed", {0.6, 0.8}, {12, 22}), "fixed", 2),
               entry("#5 old", "fixed", {0.4, 0.8}, {9, 19})}); // no configuration
    const RunComparisonModel* m = d.model();
    QCOMPARE(m->rowCount(), 5);
    QCOMPARE(d.reference(), 1);
    QCOMPARE(cell(m, 2, RunComparisonModel::Difference), QString("−20.00"));
    d.setReference(3); // the second fixed run
    d.setMeanOverSeeds(true);
    QCOMPARE(m->rowCount(), 3);
    QCOMPARE(d.reference(), 1); // its mean
    QCOMPARE(cell(m, 0, RunComparisonModel::Run), QString("Mean of 2 seeds (1, 2): #1 paper"));
    QCOMPARE(cell(m, 1, RunComparisonModel::Accuracy), QString("85.00%"));
    QCOMPARE(cell(m, 1, RunComparisonModel::Reached), QString("epoch 2, 00:21"));
    QCOMPARE(cell(m, 0, RunComparisonModel::Accuracy), QString("80.00%"));
    QCOMPARE(cell(m, 0, RunComparisonModel::Difference), QString("−5.00 ± 5.00"));
    // The means are what is drawn.
    QCOMPARE(curve(d, "#2 fixed, mean of 2 seeds (reference)"),
             (QList<QPointF>{{11, 55}, {21, 85}}));
    QCOMPARE(curve(d, "#1 paper, mean of 2 seeds"), (QList<QPointF>{{5.5, 55}, {11, 80}}));
    QCOMPARE(d.targetLine()->point1->coords().y(), 85.0);
    QVERIFY2(m->index(0, RunComparisonModel::Difference)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains("over 2 seeds"),
             "no tooltip on the paired difference");
    QCOMPARE(cell(m, 2, RunComparisonModel::Run), QString("#5 old")); // alone
    QCOMPARE(cell(m, 2, RunComparisonModel::Difference), QString("−5.00"));
    QVERIFY2(d.summary().contains("mean over the epochs"), qPrintable(d.summary()));
    // A seed still training holds its mean back to the epochs both have.
    d.setRuns({seeded(entry("#1 paper", "paper", {0.6, 0.9}, {5, 10}), "paper", 1),
               seeded(entry("#2 fixed", "fixed", {0.5, 0.9}, {10, 20}), "fixed", 1),
               seeded(entry("#3 paper", "paper", {0.5}, {6}), "paper", 2),
               seeded(entry("#4 fixed", "fixed", {0.6, 0.8}, {12, 22}), "fixed", 2)});
    QCOMPARE(cell(m, 0, RunComparisonModel::Epochs), QString("1/2"));
    QCOMPARE(cell(m, 0, RunComparisonModel::Reached), QString("not yet"));
    // Off again: the runs alone, the reference still the run chosen.
    d.setMeanOverSeeds(false);
    QCOMPARE(m->rowCount(), 4);
    QCOMPARE(d.reference(), 3);
    // Consecutive seeds read as a range.
    d.setMeanOverSeeds(true);
    std::vector<RunComparisonDialog::Entry> many{entry("#1 fixed", "fixed", {0.9}, {10})};
    for (std::uint64_t seed : {5, 2, 1, 3})
        many.push_back(seeded(entry(qPrintable(QString("#s%1").arg(seed)), "paper", {0.8}, {5}),
                              "paper", seed));
    d.setRuns(many);
    QCOMPARE(m->rowCount(), 2);
    QCOMPARE(cell(m, 1, RunComparisonModel::Run), QString("Mean of 4 seeds (1–3, 5): #s5"));
}

void TestRunComparisonDialog::meanRowsNameTheExperiment() {
    // Seeds opened from an experiment's folder, laid out as Start lays it out (seedN/paper),
    // and from folders of their own.
    QTemporaryDir dir;
    ScaleConfig paper = tinyConfig(2);
    for (std::uint64_t seed : {1, 2}) {
        paper.training.seed = seed;
        QVERIFY(writeFakeRun(dir.filePath(QString("exp/seed%1/paper").arg(seed)).toStdString(),
                             paper, 2, 0.5 + 0.1 * double(seed)));
        QVERIFY(writeFakeRun(dir.filePath(QString("own%1/paper").arg(seed)).toStdString(), paper, 2,
                             0.5));
    }
    ExplorerDocument doc;
    TrainingController controller;
    TrainingPanel panel(&doc, &controller);
    // A folder of runs opens them all, in the order of their paths.
    QVERIFY(panel.openFolder(dir.path(), TrainingPanel::TrainRest::No));
    QCOMPARE(panel.runCount(), 4);
    QCOMPARE(panel.statusText(), "Opened the 4 runs in " + dir.path());
    QVERIFY(panel.openFolder(dir.path(), TrainingPanel::TrainRest::No)); // listed already
    QCOMPARE(panel.runCount(), 4);
    QTemporaryDir empty; // no run in it or below it: refused as a run folder is
    QString why;
    QVERIFY(!panel.openFolder(empty.path(), TrainingPanel::TrainRest::No, &why));
    QVERIFY2(why.contains("metrics.csv"), qPrintable(why));
    panel.showComparison();
    RunComparisonDialog* d = panel.comparisonDialog();
    d->setMeanOverSeeds(true);
    // Two means of the same configuration: their seeds are re-runs of each other's.
    QCOMPARE(d->model()->rowCount(), 2);
    const QString experiment = cell(d->model(), 0, RunComparisonModel::Run);
    QVERIFY2(experiment.startsWith("Mean of 2 seeds (1, 2): ") &&
                 experiment.endsWith(", paper, 2 epochs (exp) — runs #1, #2"),
             qPrintable(experiment));
    // Outside a seedN folder the first run's folder names the mean, as it names the run.
    const QString own = cell(d->model(), 1, RunComparisonModel::Run);
    QVERIFY2(own.startsWith("Mean of 2 seeds (1, 2): ") &&
                 own.endsWith(", paper, 2 epochs (own1/paper) — runs #3, #4"),
             qPrintable(own));
    d->setMeanOverSeeds(false);
    QVERIFY2(cell(d->model(), 1, RunComparisonModel::Run).endsWith("(seed2/paper)"),
             qPrintable(cell(d->model(), 1, RunComparisonModel::Run)));
}

void TestRunComparisonDialog::savesThePlot() {
    RunComparisonDialog d;
    QTemporaryDir dir;
    QString why;
    QVERIFY(!d.savePlot(dir.filePath("empty.png"), &why));
    QVERIFY2(why.startsWith("nothing is compared yet"), qPrintable(why));
    d.setRuns({entry("#1 fixed", "fixed", {0.5, 0.9}, {10, 20}),
               entry("#2 paper", "paper", {0.6, 0.9}, {5, 12})});
    d.resize(900, 640);
    QVERIFY2(d.savePlot(dir.filePath("c.png"), &why), qPrintable(why));
    const QImage image(dir.filePath("c.png"));
    QCOMPARE(image.width(), 2 * d.plot()->width()); // twice the pixels, for print
    QVERIFY2(d.savePlot(dir.filePath("c.PDF"), &why), qPrintable(why));
    QFile pdf(dir.filePath("c.PDF"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(!d.savePlot(dir.filePath("c.jpg"), &why));
    QVERIFY2(why.endsWith("c.jpg: a plot is saved as .png or .pdf"), qPrintable(why));
    QVERIFY(!d.savePlot(dir.filePath("gone/c.png"), &why));
    QVERIFY2(why.contains("does not exist"), qPrintable(why));
    QVERIFY(!QFile::exists(dir.filePath("c.jpg")));
}

void TestRunComparisonDialog::oneStartTrainsSeedsBesideFixedRuns() {
    QTemporaryDir data; // the data folder, where Start puts its runs
    const QByteArray oldData = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", data.path().toUtf8());
    const auto restore = qScopeGuard([&] {
        if (oldData.isEmpty())
            qunsetenv("XDG_DATA_HOME");
        else
            qputenv("XDG_DATA_HOME", oldData);
    });
    ExplorerDocument doc;
    ScaleConfig c = tinyConfig(1);
    c.training.trainSamples = 320;
    c.training.valSamples = 64;
    c.training.seed = 7;
    QVERIFY(doc.setConfig(c));
    TrainingController controller;
    TrainingPanel panel(&doc, &controller);
    panel.setSettingsFromDocument();
    auto* seed = panel.findChild<QDoubleSpinBox*>(QStringLiteral("seed"));
    auto* seeds = panel.findChild<QSpinBox*>(QStringLiteral("seeds"));
    auto* alsoFixed = panel.findChild<QCheckBox*>(QStringLiteral("alsoFixed"));
    QVERIFY(seed && seeds && alsoFixed);
    QCOMPARE(seed->value(), 7.0); // the form shows the configuration's seed
    auto* schedule = panel.findChild<QComboBox*>(QStringLiteral("schedule"));
    QVERIFY(schedule);
    schedule->setCurrentIndex(schedule->findData("fixed"));
    QVERIFY(!alsoFixed->isEnabled()); // nothing to set a fixed run against
    schedule->setCurrentIndex(schedule->findData("paper"));
    QVERIFY(alsoFixed->isEnabled());
    seeds->setValue(2);
    alsoFixed->setChecked(true);
    panel.startButton()->click();
    QVERIFY(controller.isRunning());
    QCOMPARE(panel.queuedCount(), 3);
    QVERIFY2(panel.statusText().contains("3 more runs queued"), qPrintable(panel.statusText()));
    QVERIFY(!seeds->isEnabled()); // locked with the form while it trains
    QVERIFY(!alsoFixed->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isRunning() && panel.queuedCount() == 0, 240000);
    QCOMPARE(panel.runCount(), 4);
    // One folder for the Start: seed7/paper, seed7/fixed, seed8/paper, seed8/fixed.
    const QDir runs(data.filePath("scalescope/runs"));
    const QStringList experiments = runs.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(experiments.size(), 1);
    const QString experiment = runs.filePath(experiments.front());
    // Recorded, so that Open run… on the folder can train on what a closed window left.
    const std::optional<train::SeedExperiment> recorded =
        train::readExperiment(experiment.toStdString());
    QVERIFY(recorded && recorded->seeds == 2 && recorded->alsoFixed &&
            recorded->config.training.seed == 7);
    for (const char* schedule : {"paper", "fixed"})
        for (int s : {7, 8}) {
            const QString dir = QString("%1/seed%2/%3").arg(experiment).arg(s).arg(schedule);
            const ScaleConfig trained = loadConfig((dir + "/config.json").toStdString());
            QCOMPARE(trained.training.seed, std::uint64_t(s));
            QCOMPARE(QString::fromStdString(toString(trained.training.progressive.schedule)),
                     QString(schedule));
            QCOMPARE(train::readRunHistory(dir.toStdString()).epochs.size(), size_t(1));
        }
    // The seeds averaged: a fixed mean and a progressive one, set against each other.
    panel.showComparison();
    RunComparisonDialog* d = panel.comparisonDialog();
    d->setMeanOverSeeds(true);
    QCOMPARE(d->model()->rowCount(), 2);
    // Named for what the seeds share, then their numbers on the tab: no one seed's name.
    const QString meanName = cell(d->model(), d->reference(), RunComparisonModel::Run);
    QVERIFY2(meanName.startsWith("Mean of 2 seeds (7, 8): ") &&
                 meanName.endsWith(", fixed, 1 epoch — runs #2, #4") &&
                 !meanName.contains("seed 7"),
             qPrintable(meanName));
    QCOMPARE(cell(d->model(), d->reference(), RunComparisonModel::Schedule), QString("fixed"));
    QVERIFY2(!d->summary().contains("other images"), qPrintable(d->summary()));
    // The form's seed is the configuration's: the next Start trains it.
    seed->setValue(11);
    QVERIFY(panel.commitSettings());
    QCOMPARE(doc.config().training.seed, std::uint64_t(11));
    // Seeds running past the largest one are refused before anything starts.
    seed->setValue(double(kMaxSeed));
    panel.startButton()->click();
    QVERIFY(!controller.isRunning());
    QVERIFY2(panel.statusText().startsWith("Not started: training.seed: 2 seeds from"),
             qPrintable(panel.statusText()));
}

QTEST_MAIN(TestRunComparisonDialog)
#include "tst_runcomparisondialog.moc"
