// The scaling study window: a well-behaved table of exactly the core's points for the
// document's model, refusals named by field, curves that follow the strategies asked for,
// trained points' accuracies on the table and the plot, and a study folder opened again.
#include "explorerdocument.h"
#include "fakerun.h"
#include "mainwindow.h"
#include "nextrunstatus.h"
#include "scalingstudydialog.h"
#include "tinyconfig.h"
#include "train/runhistory.h"
#include "train/studyruns.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include "scaling/presets.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <qcustomplot.h>

using namespace scalescope;

namespace {
// The suites' tiny B0 (tinyconfig.h) on 64 images for one epoch: a second or two a point.
ScaleConfig studyBase() {
    ScaleConfig c = tinyConfig(1);
    c.training.trainSamples = 64;
    c.training.valSamples = 32;
    return c;
}

// A column of a csv file without quotes in its cells' values, a cell per row.
QStringList csvColumn(const QString& path, const QString& column) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    const int col = lines.value(0).split(',').indexOf(column);
    QStringList out;
    for (int i = 1; i < lines.size(); ++i)
        out << lines[i].split(',').value(col).remove('"');
    return out;
}

QString percentOf(const QString& fraction) {
    return QString::number(100 * fraction.toDouble(), 'f', 2) + "%";
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Rows of metrics.csv so far, read while the run writes it.
int rowsSoFar(const QString& dir) {
    return std::max(0, int(readAll(dir + "/metrics.csv").count('\n')) - 1);
}
} // namespace

class TestScalingStudyDialog : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void listsTheCorePoints_data();
    void listsTheCorePoints();
    void refusalsNameTheField();
    void trainingSizesOfTheDefault();
    void strategiesAndCurves();
    void followsTheDocument();
    void accuraciesOnTableAndPlot();
    void opensAStudyFolder();
    void trainsThePointsFromTheWindow();
    void continuesAStoppedPoint();
    void aClosedWindowsStudyGoesOn();
    void readsBackExactPhis();
    void returnInTheFieldStartsNothing();
    void seedsAreAveraged();
    void pairedAgainstCompound();
    void opensAStudysRecordAlone();
    void anotherModelIsAnotherStudy();
};

void TestScalingStudyDialog::listsTheCorePoints_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("phis");
    QTest::newRow("B0, 1 and 2") << "efficientnet-b0"
                                 << "1,2";
    QTest::newRow("V2-S, a range") << "efficientnetv2-s"
                                   << "-1:1:0.5";
    QTest::newRow("ResNet-RS-50") << "resnet-rs-50"
                                  << "0.5";
}

void TestScalingStudyDialog::listsTheCorePoints() {
    QFETCH(QString, preset);
    QFETCH(QString, phis);
    ExplorerDocument doc;
    QVERIFY(doc.loadPreset(preset));
    ScalingStudyDialog dialog(&doc);
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.setPhis(phis);
    StudySpec spec;
    spec.phis = parsePhiList(phis.toStdString(), "phis");
    const std::vector<StudyPoint> core = studyPoints(doc.config(), spec);
    QCOMPARE(dialog.model()->rowCount(), int(core.size()));
    for (int r = 0; r < dialog.model()->rowCount(); ++r) {
        QVERIFY(dialog.model()->point(r).config == core[size_t(r)].config);
        QCOMPARE(dialog.model()->index(r, StudyPointModel::Real).data().toString(),
                 QString::number(core[size_t(r)].macsRatio, 'f', 2));
    }
    QVERIFY2(dialog.message().startsWith(QString::number(core.size()) + " points"),
             qPrintable(dialog.message()));
}

void TestScalingStudyDialog::refusalsNameTheField() {
    ExplorerDocument doc;
    ScalingStudyDialog dialog(&doc);
    QVERIFY(dialog.findChild<QPushButton*>("train")->isEnabled());
    dialog.resize(1060, 740);
    dialog.show();
    dialog.setPhis("1,two");
    QCOMPARE(dialog.model()->rowCount(), 0);
    QCOMPARE(dialog.message(), QString("Refused — study.phis: \"two\" is not a number"));
    QVERIFY(!dialog.findChild<QPushButton*>("train")->isEnabled());
    // The plots keep their width with nothing to draw: an empty legend had shrunk each axis
    // rect to its smallest (a quarter of the plot's width at this size).
    for (QCustomPlot* plot : {dialog.macsPlot(), dialog.accuracyPlot()}) {
        plot->replot();
        QVERIFY2(plot->axisRect()->outerRect().width() > plot->width() * 9 / 10,
                 qPrintable(QString("%1 of %2 px")
                                .arg(plot->axisRect()->outerRect().width())
                                .arg(plot->width())));
    }
    dialog.setPhis("30");
    QVERIFY2(dialog.message().contains("study.phis: compound scaling at phi 30 is past the "
                                       "engine's limits"),
             qPrintable(dialog.message()));
    dialog.setPhis("1");
    QCOMPARE(dialog.model()->rowCount(), 5);
    for (StudyStrategy s : {StudyStrategy::Compound, StudyStrategy::Depth, StudyStrategy::Width,
                            StudyStrategy::Resolution})
        dialog.setStrategyChecked(s, false);
    QVERIFY2(dialog.message().contains("study.strategies: no strategy given"),
             qPrintable(dialog.message()));
    dialog.setStrategyChecked(StudyStrategy::Width, true);
    QCOMPARE(dialog.model()->rowCount(), 2);
}

// The explorer's default trains B0 at 48 -> 64 px: each point trains at 64 px grown by its
// resolution factor, which the table shows beside the model's own size.
void TestScalingStudyDialog::trainingSizesOfTheDefault() {
    ExplorerDocument doc;
    QCOMPARE(doc.config().training.progressive.maxImageSize, 64);
    ScalingStudyDialog dialog(&doc);
    dialog.setPhis("2");
    const auto cell = [&](int row, int column) {
        return dialog.model()->index(row, column).data().toInt();
    };
    QCOMPARE(cell(0, StudyPointModel::Size), 224);
    QCOMPARE(cell(0, StudyPointModel::TrainSize), 64);
    const int last = dialog.model()->rowCount() - 1; // resolution alone at φ 2
    QVERIFY(dialog.model()->point(last).strategy == StudyStrategy::Resolution);
    QCOMPARE(cell(last, StudyPointModel::Size), 432);
    QCOMPARE(cell(last, StudyPointModel::TrainSize), 120);
    QCOMPARE(dialog.model()->point(last).config.training.progressive.maxImageSize, 120);
}

void TestScalingStudyDialog::strategiesAndCurves() {
    ExplorerDocument doc;
    ScalingStudyDialog dialog(&doc);
    dialog.setPhis("1,2,3");
    // Four curves and the nominal line, each strategy's curve from φ 0 to 3.
    QCOMPARE(dialog.macsPlot()->graphCount(), 5);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(dialog.macsPlot()->graph(i)->data()->size(), 4);
    dialog.findChild<QCheckBox*>("depth")->setChecked(false);
    dialog.findChild<QCheckBox*>("resolution")->setChecked(false);
    QCOMPARE(dialog.model()->rowCount(), 1 + 2 * 3);
    QCOMPARE(dialog.macsPlot()->graphCount(), 3);
    for (int r = 0; r < dialog.model()->rowCount(); ++r) {
        const StudyStrategy s = dialog.model()->point(r).strategy;
        QVERIFY(s == StudyStrategy::Baseline || s == StudyStrategy::Compound ||
                s == StudyStrategy::Width);
    }
    // The nominal line passes through the configured model at φ 0 and ×(α·β²·γ²)³ at 3.
    const QCPGraph* nominal = dialog.macsPlot()->graph(2);
    const double base = double(dialog.model()->point(0).macs) / 1e9;
    QCOMPARE(nominal->data()->constBegin()->value, base);
    QVERIFY(std::abs((nominal->data()->constEnd() - 1)->value -
                     base * std::pow(doc.config().request.coefficients.flopsBase(), 3)) < 1e-9);
}

// The points are the document's model grown: φ, a cap or another preset is another study.
void TestScalingStudyDialog::followsTheDocument() {
    ExplorerDocument doc;
    ScalingStudyDialog dialog(&doc);
    dialog.setPhis("1");
    dialog.show();
    Coefficients k = doc.config().request.coefficients;
    k.phi = 1;
    QVERIFY(doc.setCoefficients(k));
    QCOMPARE(dialog.model()->point(0).macs, doc.costs().macs);
    QCOMPARE(dialog.model()->point(0).resolution, 256);
    QVERIFY(doc.setMaxResolution(300));
    for (int r = 0; r < dialog.model()->rowCount(); ++r)
        QVERIFY(dialog.model()->point(r).resolution <= 300);
    QVERIFY(doc.loadPreset("efficientnetv2-s"));
    QVERIFY(dialog.message().contains("EfficientNetV2-S"));
    QCOMPARE(dialog.model()->point(0).params, qint64(21458488));
    // Closed, it waits: the edits are costed when it opens again.
    dialog.hide();
    QVERIFY(doc.loadPreset("resnet-rs-50"));
    QVERIFY(dialog.message().contains("EfficientNetV2-S"));
    dialog.show();
    QVERIFY(dialog.message().contains("ResNet-RS-50"));
    QCOMPARE(dialog.model()->point(0).macs, doc.costs().macs);
}

void TestScalingStudyDialog::accuraciesOnTableAndPlot() {
    ExplorerDocument doc;
    ScalingStudyDialog dialog(&doc);
    dialog.setPhis("1,2");
    QCOMPARE(dialog.accuracyPointCount(StudyStrategy::Width), 0);
    // Nothing trained: the axis already spans the MACs the points will be drawn at.
    const QCPRange empty = dialog.accuracyPlot()->xAxis->range();
    for (const StudyPoint& p : dialog.model()->points())
        QVERIFY(empty.contains(double(p.testMacs) / 1e9));
    const int widthRow = 5; // baseline, compound 1, 2, depth 1, 2, width 1
    QVERIFY(dialog.model()->point(widthRow).strategy == StudyStrategy::Width);
    dialog.model()->setAccuracy(dialog.model()->point(0).config, 0.7);
    dialog.model()->setAccuracy(dialog.model()->point(widthRow).config, 0.755);
    QCOMPARE(dialog.model()->index(widthRow, StudyPointModel::Accuracy).data().toString(),
             QString("75.50%"));
    QVERIFY(dialog.model()->index(1, StudyPointModel::Accuracy).data().toString().isEmpty());
    // The search reward: the baseline's is its accuracy, width's its accuracy times its MACs
    // over the baseline's to the power -0.07; none without an accuracy.
    const auto reward = [&](int row) {
        return dialog.model()->index(row, StudyPointModel::Reward).data().toString();
    };
    QCOMPARE(reward(0), QString("70.00%"));
    const double factor = std::pow(double(dialog.model()->point(widthRow).testMacs) /
                                       double(dialog.model()->point(0).testMacs),
                                   -0.07);
    QVERIFY(factor < 0.99);
    QCOMPARE(reward(widthRow), QString("%1%").arg(75.5 * factor, 0, 'f', 2));
    QVERIFY(reward(1).isEmpty());
    QCOMPARE(dialog.model()
                 ->headerData(StudyPointModel::Reward, Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
             QString("Reward"));
    // On the plot, a dashed line where a point would be as rewarding as the configured model:
    // its accuracy at its own MACs, rising by the 0.07th power of the MACs.
    QCPGraph* even = nullptr;
    for (int i = 0; i < dialog.accuracyPlot()->graphCount(); ++i)
        if (dialog.accuracyPlot()->graph(i)->property("breakEven").toBool())
            even = dialog.accuracyPlot()->graph(i);
    QVERIFY(even);
    std::int64_t least = std::numeric_limits<std::int64_t>::max(), most = 0;
    for (const StudyPoint& p : dialog.model()->points()) {
        least = std::min(least, p.testMacs);
        most = std::max(most, p.testMacs);
    }
    QCOMPARE(least, dialog.model()->point(0).testMacs); // the configured model is the least
    QCOMPARE(even->data()->at(0)->key, double(least) / 1e9);
    QVERIFY(std::abs(even->data()->at(0)->value - 70.0) < 1e-9);
    const auto last = even->data()->at(even->data()->size() - 1);
    QVERIFY(std::abs(last->value - 70.0 * std::pow(double(most) / double(least), 0.07)) < 1e-6);
    // Trained, but its last epoch had no validation: a dash, not an empty cell.
    dialog.model()->setAccuracy(dialog.model()->point(2).config, NAN);
    QCOMPARE(dialog.model()->index(2, StudyPointModel::Accuracy).data().toString(), QString("—"));
    // The configured model starts every curve; width has its φ 1 point too.
    QCOMPARE(dialog.accuracyPointCount(StudyStrategy::Width), 2);
    QCOMPARE(dialog.accuracyPointCount(StudyStrategy::Compound), 1);
    // Train asks only for what has no accuracy yet (the dashed one has one).
    const std::vector<StudyPoint> left = dialog.pointsToTrain();
    QCOMPARE(int(left.size()), dialog.model()->rowCount() - 3);
    // Another φ list keeps what was trained for the same models.
    dialog.setPhis("1");
    QCOMPARE(dialog.accuracyPointCount(StudyStrategy::Width), 2);
    dialog.setPhis("2");
    QCOMPARE(dialog.accuracyPointCount(StudyStrategy::Width), 1);
}

void TestScalingStudyDialog::opensAStudyFolder() {
    ExplorerDocument doc;
    ScalingStudyDialog dialog(&doc);
    QTemporaryDir dir;
    QString why;
    QVERIFY(!dialog.openStudy(dir.path(), &why));
    QVERIFY2(why.contains("holds no run folder"), qPrintable(why));
    QVERIFY(!dialog.openStudy(dir.filePath("missing"), &why));
    QVERIFY2(why.contains("not a folder"), qPrintable(why));

    // A study of the tiny model at φ 0.5 and 1, width and resolution, as the CLI leaves it.
    const ScaleConfig base = studyBase();
    StudySpec spec;
    spec.phis = {0.5, 1};
    spec.strategies = {StudyStrategy::Width, StudyStrategy::Resolution};
    const std::vector<StudyPoint> points = studyPoints(base, spec);
    for (size_t i = 0; i < points.size(); ++i)
        QVERIFY(writeFakeRun(dir.filePath(QString::fromStdString(points[i].runName)).toStdString(),
                             points[i].config, 1, 0.5 + 0.05 * double(i)));
    // A folder whose configuration is no JSON is named, and the rest is read.
    QVERIFY(QDir().mkpath(dir.filePath("depth-phi1")));
    QFile broken(dir.filePath("depth-phi1/config.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();
    const int undoSteps = doc.undoStack()->count();
    QVERIFY2(dialog.openStudy(dir.path(), &why), qPrintable(why));
    QVERIFY(doc.config() == base); // the study's configured model, as one undoable edit
    QCOMPARE(doc.undoStack()->count(), undoSteps + 1);
    QCOMPARE(dialog.findChild<QLineEdit*>("phis")->text(), QString("0.5,1"));
    QVERIFY(!dialog.findChild<QCheckBox*>("compound")->isChecked());
    QVERIFY(dialog.findChild<QCheckBox*>("width")->isChecked());
    QCOMPARE(dialog.model()->rowCount(), int(points.size()));
    for (int r = 0; r < dialog.model()->rowCount(); ++r)
        QCOMPARE(dialog.model()->index(r, StudyPointModel::Accuracy).data().toString(),
                 QString::number(100 * (0.5 + 0.05 * r), 'f', 2) + "%");
    QCOMPARE(dialog.accuracyPointCount(StudyStrategy::Resolution), 3);
    QVERIFY2(dialog.message().contains("Not read: depth-phi1: "), qPrintable(dialog.message()));
    QCOMPARE(dialog.studyDir(), dir.path()); // what is trained next goes there too
    // Exported as the CLI writes study.csv: a row per point, its accuracy and its folder.
    QVERIFY(dialog.exportCsv(dir.filePath("export.csv")));
    QFile csv(dir.filePath("export.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + int(points.size()));
    QVERIFY(lines[0].startsWith("strategy,phi,"));
    const QStringList last = lines.back().split(',');
    QCOMPARE(last.value(0), QString("resolution"));
    QCOMPARE(last.value(12).toDouble(), 0.5 + 0.05 * double(points.size() - 1));
    QCOMPARE(last.value(15), QString("\"trained\""));
    QCOMPARE(last.value(16), "\"" + dir.filePath("resolution-phi1") + "\"");
    QString whyNot;
    QVERIFY(!dialog.exportCsv(dir.filePath("missing/export.csv"), &whyNot));
    QVERIFY(!whyNot.isEmpty());
    QVERIFY(dialog.pointsToTrain().empty());

    // Open study… reads on a pool thread: the same study shown, the button back on after.
    QVERIFY(doc.setConfig(configForPreset("efficientnet-b0")));
    QSignalSpy opened(&dialog, &ScalingStudyDialog::studyOpened);
    auto* openButton = dialog.findChild<QPushButton*>("openStudy");
    dialog.openStudyInBackground(dir.path());
    QVERIFY(!openButton->isEnabled());
    QVERIFY(opened.wait(20000));
    QCOMPARE(opened.takeFirst().value(0).toBool(), true);
    QVERIFY(openButton->isEnabled());
    QVERIFY(doc.config() == base);
    QCOMPARE(dialog.accuracyPointCount(StudyStrategy::Resolution), 3);
    // A folder that is no study: a message box names it, without blocking the window.
    QTemporaryDir empty;
    dialog.openStudyInBackground(empty.path());
    QVERIFY(opened.wait(20000));
    QCOMPARE(opened.takeFirst().value(0).toBool(), false);
    auto* box = dialog.findChild<QMessageBox*>();
    QVERIFY(box && box->isVisible());
    QVERIFY2(box->text().contains(empty.path()), qPrintable(box->text()));
    box->close();
    QVERIFY(doc.config() == base); // left as it was
}

// φ are read back exactly, so that a trained point of a φ like 1.2345678 shows its accuracy.
void TestScalingStudyDialog::readsBackExactPhis() {
    ExplorerDocument doc;
    const ScaleConfig base = studyBase();
    QVERIFY(doc.setConfig(base));
    ScalingStudyDialog dialog(&doc);
    QTemporaryDir dir;
    StudySpec spec;
    spec.phis = {1.2345678};
    spec.strategies = {StudyStrategy::Depth};
    train::recordStudy(dir.path().toStdString(), base, spec, "study");
    const StudyPoint p = studyPoint(base, StudyStrategy::Depth, 1.2345678);
    // Run names keep three decimals.
    QVERIFY(writeFakeRun(dir.filePath("depth-phi1.235").toStdString(), p.config, 1, 0.75));
    QVERIFY(dialog.openStudy(dir.path()));
    QCOMPARE(dialog.findChild<QLineEdit*>("phis")->text(), QString("1.2345678"));
    QCOMPARE(dialog.accuracyPointCount(StudyStrategy::Depth), 1); // the configured model untrained
}

// Train queues the points on the training tab; each lands in its folder under the study's,
// trained as the point (its own image size), and its accuracy fills its row.
void TestScalingStudyDialog::trainsThePointsFromTheWindow() {
    MainWindow w;
    ExplorerDocument* doc = w.document();
    QVERIFY(doc->setConfig(studyBase()));
    w.trainingPanel()->setSettingsFromDocument();
    ScalingStudyDialog* d = w.scalingStudyDialog();
    QVERIFY(d->findChild<QPushButton*>("openStudy")->isEnabled());
    d->setPhis("1");
    for (StudyStrategy s : {StudyStrategy::Compound, StudyStrategy::Depth, StudyStrategy::Width})
        d->setStrategyChecked(s, false);
    QCOMPARE(d->model()->rowCount(), 2); // the configured model and resolution at φ 1
    QVERIFY(d->findChild<QPushButton*>("openStudy")->isEnabled());
    QTemporaryDir dir;
    QVERIFY(d->openStudy(dir.path()) == false); // an empty folder is no study
    d->findChild<QPushButton*>("train")->click();
    TrainingPanel* panel = w.trainingPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->runCount() == 2 && !w.trainingController()->isRunning() &&
                                 panel->queuedCount() == 0,
                             120000);
    QVERIFY2(panel->statusText().startsWith("Finished"), qPrintable(panel->statusText()));
    for (int r = 0; r < 2; ++r) {
        const StudyPoint& p = d->model()->point(r);
        const QString run =
            d->studyDir() + "/" + QString::fromStdString(studyRunName(p.strategy, p.phi));
        const train::RunHistory h = train::readRunHistory(run.toStdString());
        QCOMPARE(int(h.epochs.size()), 1);
        QCOMPARE(h.epochs.back().imageSize, r == 0 ? 32 : 48);
        const ScaleConfig saved = loadConfig((run + "/config.json").toStdString());
        QVERIFY(saved == p.config); // the resolution point's first stage grown too
        QCOMPARE(d->model()->index(r, StudyPointModel::Accuracy).data().toString(),
                 QString::number(100 * h.epochs.back().valAccuracy, 'f', 2) + "%");
    }
    QCOMPARE(d->accuracyPointCount(StudyStrategy::Resolution), 2);
    QVERIFY(d->pointsToTrain().empty());
    // The folder is a study the CLI and Open study read: study.json and study.csv.
    QVERIFY(QFile::exists(d->studyDir() + "/study.json"));
    QTRY_COMPARE(csvColumn(d->studyDir() + "/study.csv", "state"),
                 QStringList({"trained", "trained"}));
    for (int r = 0; r < 2; ++r)
        QCOMPARE(percentOf(csvColumn(d->studyDir() + "/study.csv", "val_accuracy").value(r)),
                 d->model()->index(r, StudyPointModel::Accuracy).data().toString());
}

// A point stopped in the queue: study.csv says so at once. Train again continues it from its
// checkpoint (the epochs before the stop kept to the digit) and trains the rest; a finished
// point queued again is read back, not trained.
void TestScalingStudyDialog::continuesAStoppedPoint() {
    MainWindow w;
    ScaleConfig base = studyBase();
    base.training.epochs = 3;
    base.training.progressive.stages = 3;
    base.training.trainSamples = 640; // 20 steps an epoch: time to stop after the first
    QVERIFY(w.document()->setConfig(base));
    TrainingPanel* panel = w.trainingPanel();
    panel->setSettingsFromDocument();
    ScalingStudyDialog* d = w.scalingStudyDialog();
    d->setPhis("1");
    for (StudyStrategy s : {StudyStrategy::Compound, StudyStrategy::Depth, StudyStrategy::Width})
        d->setStrategyChecked(s, false);
    auto* train = d->findChild<QPushButton*>("train");
    train->click();
    const QString study = d->studyDir();
    const QString first = study + "/baseline";
    // The folder is recorded on the window's pool thread: nothing queued yet, Train off.
    QVERIFY(!train->isEnabled());
    QCOMPARE(panel->runCount() + panel->queuedCount(), 0);
    QTRY_VERIFY2(d->message().contains("Training into " + study), qPrintable(d->message()));
    QVERIFY(train->isEnabled());
    const auto cell = [d](int row) {
        return d->model()->index(row, StudyPointModel::Accuracy).data().toString();
    };
    QTRY_COMPARE(cell(0), QString("training…"));
    QCOMPARE(cell(1), QString());
    QTRY_VERIFY_WITH_TIMEOUT(rowsSoFar(first) >= 1, 60000);
    w.trainingController()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning(), 60000);
    QCOMPARE(cell(0), QString("stopped"));
    QCOMPARE(panel->queuedCount(), 0); // the stop ended the queue
    const train::RunHistory stopped = train::readRunHistory(first.toStdString());
    QVERIFY(stopped.canContinue());
    QTRY_COMPARE(csvColumn(study + "/study.csv", "state"), QStringList({"stopped", "not trained"}));
    QCOMPARE(int(d->pointsToTrain().size()), 2);

    const QString status =
        statusAtNextStart(panel, [d] { d->findChild<QPushButton*>("train")->click(); });
    QCOMPARE(d->studyDir(), study); // the same study
    QVERIFY2(status.startsWith("Continuing " + first), qPrintable(status));
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning() && panel->queuedCount() == 0 &&
                                 d->pointsToTrain().empty(),
                             240000);
    const train::RunHistory done = train::readRunHistory(first.toStdString());
    QCOMPARE(int(done.epochs.size()), 3);
    for (size_t i = 0; i < stopped.epochs.size(); ++i) { // continued, not trained again
        QCOMPARE(done.epochs[i].elapsedSeconds, stopped.epochs[i].elapsedSeconds);
        QCOMPARE(done.epochs[i].valLoss, stopped.epochs[i].valLoss);
    }
    QTRY_COMPARE(csvColumn(study + "/study.csv", "state"), QStringList({"trained", "trained"}));

    QCOMPARE(panel->runCount(), 2); // the stopped point drawn on in its own entry

    // Queued again: read back, nothing trained, and listed once.
    panel->queueRuns({{d->model()->point(0).config, first, "again"}});
    QVERIFY(!w.trainingController()->isRunning());
    QCOMPARE(panel->runCount(), 2);
    QVERIFY2(panel->statusText().contains("read back"), qPrintable(panel->statusText()));
    QCOMPARE(int(train::readRunHistory(first.toStdString()).epochs.size()), 3);
    QCOMPARE(train::readRunHistory(first.toStdString()).epochs.back().elapsedSeconds,
             done.epochs.back().elapsedSeconds);
    // A folder of another configuration is not trained over: the queue ends there, and says
    // why; the run after it is not started.
    ScaleConfig other = d->model()->point(0).config;
    other.training.seed += 1;
    panel->queueRuns({{other, first, "other"}, {d->model()->point(1).config, first, "next"}});
    QVERIFY(!w.trainingController()->isRunning());
    QCOMPARE(panel->queuedCount(), 0);
    QVERIFY2(panel->statusText().contains("another configuration") &&
                 panel->statusText().contains("The run queued after it was not started"),
             qPrintable(panel->statusText()));
    QCOMPARE(panel->runCount(), 2);
    QCOMPARE(loadConfig((first + "/config.json").toStdString()).training.seed,
             d->model()->point(0).config.training.seed);

    // In another window the same study's stopped point would be opened and named as queued;
    // here a finished one is: read back into a window that had not listed it.
    MainWindow fresh;
    fresh.trainingPanel()->queueRuns(
        {{d->model()->point(1).config, study + "/resolution-phi1", "study: again"}});
    QCOMPARE(fresh.trainingPanel()->runCount(), 1);
    QCOMPARE(fresh.trainingPanel()->findChild<QListWidget*>("runList")->item(0)->text(),
             QString("#1 study: again"));
    QVERIFY(!fresh.trainingController()->isRunning());
    QVERIFY2(fresh.trainingPanel()->statusText().contains("read back"),
             qPrintable(fresh.trainingPanel()->statusText()));
}

// The window closed during a study (its run stopped, the queue gone): in a new window Open
// study and Train continue the stopped point from its checkpoint and train the rest.
void TestScalingStudyDialog::aClosedWindowsStudyGoesOn() {
    ScaleConfig base = studyBase();
    base.training.epochs = 3;
    base.training.progressive.stages = 3;
    base.training.trainSamples = 640;
    QString study;
    train::RunHistory stopped;
    {
        MainWindow first;
        first.setStopConfirmation([] { return true; }); // "Stop it and quit?" answered yes
        QVERIFY(first.document()->setConfig(base));
        first.trainingPanel()->setSettingsFromDocument();
        ScalingStudyDialog* d = first.scalingStudyDialog();
        d->setPhis("1");
        for (StudyStrategy s :
             {StudyStrategy::Compound, StudyStrategy::Depth, StudyStrategy::Width})
            d->setStrategyChecked(s, false);
        d->findChild<QPushButton*>("train")->click();
        study = d->studyDir();
        QTRY_VERIFY_WITH_TIMEOUT(rowsSoFar(study + "/baseline") >= 1, 60000);
        QVERIFY(first.close()); // stops the run, keeps its checkpoint
        stopped = train::readRunHistory((study + "/baseline").toStdString());
        QVERIFY(stopped.canContinue());
    }
    MainWindow w;
    ScalingStudyDialog* d = w.scalingStudyDialog();
    QString why;
    QVERIFY2(d->openStudy(study, &why), qPrintable(why));
    QVERIFY(w.document()->config() == base);
    QCOMPARE(d->model()->rowCount(), 2);
    QCOMPARE(d->model()->index(0, StudyPointModel::Accuracy).data().toString(), QString("stopped"));
    QCOMPARE(int(d->pointsToTrain().size()), 2);
    w.trainingPanel()->setSettingsFromDocument();
    TrainingPanel* panel = w.trainingPanel();
    const QString status =
        statusAtNextStart(panel, [d] { d->findChild<QPushButton*>("train")->click(); });
    QVERIFY2(status.startsWith("Continuing"), qPrintable(status));
    QCOMPARE(panel->findChild<QListWidget*>("runList")->item(0)->text(),
             QString("#1 study: as configured"));
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning() && panel->queuedCount() == 0 &&
                                 d->pointsToTrain().empty(),
                             240000);
    const train::RunHistory done = train::readRunHistory((study + "/baseline").toStdString());
    QCOMPARE(int(done.epochs.size()), 3);
    QCOMPARE(done.epochs[0].elapsedSeconds, stopped.epochs[0].elapsedSeconds);
    QCOMPARE(panel->runCount(), 2);
    QTRY_COMPARE(csvColumn(study + "/study.csv", "state"), QStringList({"trained", "trained"}));
}

// Points of a changed model (or changed training settings) are another study: a new folder,
// and the message says why; the first study's folder is left as it was.
void TestScalingStudyDialog::anotherModelIsAnotherStudy() {
    ExplorerDocument doc;
    QVERIFY(doc.setConfig(studyBase()));
    ScalingStudyDialog dialog(&doc);
    QTemporaryDir dir;
    QString why;
    const QString first = dialog.recordStudy(doc.config(), &why);
    QVERIFY2(!first.isEmpty(), qPrintable(why));
    QVERIFY(QFile::exists(first + "/study.json"));
    const QByteArray before = readAll(first + "/study.json");
    QCOMPARE(dialog.recordStudy(doc.config()), first); // the same model: the same study
    ScaleConfig wider = studyBase();
    wider.request.width = 0.5;
    QVERIFY(doc.setConfig(wider));
    const QString second = dialog.recordStudy(doc.config(), &why);
    QVERIFY(!second.isEmpty() && second != first);
    QCOMPARE(dialog.studyDir(), second);
    QVERIFY2(dialog.message().contains("a new folder") &&
                 dialog.message().contains("another configuration"),
             qPrintable(dialog.message()));
    QCOMPARE(readAll(first + "/study.json"), before);
    // Opened again, the first study brings its model back with it, though nothing trained.
    QVERIFY2(dialog.openStudy(first, &why), qPrintable(why));
    QVERIFY(doc.config() == studyBase());
    QCOMPARE(dialog.model()->rowCount(), 1 + 2 * 4); // φ 1,2 (the window's default), four ways
}

// Return in the φ field applies the list: it does not press Train (a QDialog presses its
// default button otherwise; seen in a real window, where it queued nine points).
void TestScalingStudyDialog::returnInTheFieldStartsNothing() {
    ExplorerDocument doc;
    QVERIFY(doc.setConfig(studyBase()));
    ScalingStudyDialog dialog(&doc);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy train(&dialog, &ScalingStudyDialog::trainRequested);
    auto* phis = dialog.findChild<QLineEdit*>("phis");
    phis->setFocus();
    phis->selectAll();
    QTest::keyClicks(phis, "0.5");
    QTest::keyClick(phis, Qt::Key_Return);
    QTest::keyClick(phis, Qt::Key_Enter);
    QCOMPARE(train.count(), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.model()->rowCount(), 1 + 4); // the list was applied
}

// Several seeds a point: Train queues each point at each seed, the cell shows the runs' mean
// ± its standard error (the count while some are missing), the plot draws the mean with an
// error bar, and a folder opened again brings the seeds back.
void TestScalingStudyDialog::seedsAreAveraged() {
    MainWindow w;
    QVERIFY(w.document()->setConfig(studyBase()));
    w.trainingPanel()->setSettingsFromDocument();
    ScalingStudyDialog* d = w.scalingStudyDialog();
    d->setPhis("1");
    for (StudyStrategy s : {StudyStrategy::Compound, StudyStrategy::Depth, StudyStrategy::Width})
        d->setStrategyChecked(s, false);
    d->setSeeds(3);
    QCOMPARE(d->model()->rowCount(), 2); // still a row per model
    const std::vector<StudyPoint> all = d->pointsToTrain();
    QCOMPARE(int(all.size()), 6);
    for (size_t i = 0; i < all.size(); ++i) // seed by seed, every point once per pass
        QCOMPARE(all[i].seedIndex, int(i / 2));
    const std::uint64_t seed = studyBase().training.seed;
    // Two of the baseline's three seeds first, selected runs only.
    d->view()->selectRow(0);
    QCOMPARE(int(d->pointsToTrain().size()), 3);
    d->findChild<QPushButton*>("train")->click();
    TrainingPanel* panel = w.trainingPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->runCount() == 3 && !w.trainingController()->isRunning() &&
                                 panel->queuedCount() == 0,
                             180000);
    const QString study = d->studyDir();
    std::vector<double> acc;
    for (const QString& name : {QString("baseline"), QString("baseline-seed%1").arg(seed + 1),
                                QString("baseline-seed%1").arg(seed + 2)}) {
        const QString run = study + "/" + name;
        QCOMPARE(loadConfig((run + "/config.json").toStdString()).training.seed, seed + acc.size());
        acc.push_back(train::readRunHistory(run.toStdString()).epochs.back().valAccuracy);
    }
    const AccuracySummary expected = summarizeAccuracies(acc);
    const QString cell = d->model()->index(0, StudyPointModel::Accuracy).data().toString();
    QCOMPARE(cell, QString("%1% ±%2")
                       .arg(100 * expected.mean, 0, 'f', 2)
                       .arg(100 * expected.standardError, 0, 'f', 2));
    QVERIFY(d->model()
                ->index(0, StudyPointModel::Accuracy)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QString("seed %1").arg(seed + 2)));
    // The plot: the mean, with its standard error as a bar.
    QCPErrorBars* bars = nullptr;
    for (int i = 0; i < d->accuracyPlot()->plottableCount(); ++i)
        if (auto* b = qobject_cast<QCPErrorBars*>(d->accuracyPlot()->plottable(i))) bars = b;
    QVERIFY(bars);
    QCOMPARE(bars->dataCount(), 1);
    QVERIFY(qFuzzyCompare(bars->dataValueRange(0).lower,
                          100 * (expected.mean - expected.standardError)));
    QVERIFY(qFuzzyCompare(bars->dataValueRange(0).upper,
                          100 * (expected.mean + expected.standardError)));
    QTRY_COMPARE(csvColumn(study + "/study.csv", "state"),
                 QStringList({"trained", "trained", "trained", "not trained", "not trained",
                              "not trained"}));
    QCOMPARE(
        csvColumn(study + "/study.csv", "seed"),
        QStringList({QString::number(seed), QString::number(seed + 1), QString::number(seed + 2),
                     QString::number(seed), QString::number(seed + 1), QString::number(seed + 2)}));

    // Opened in another window: three seeds again, the mean as it was.
    ExplorerDocument doc;
    ScalingStudyDialog again(&doc);
    QString why;
    QVERIFY2(again.openStudy(study, &why), qPrintable(why));
    QCOMPARE(again.findChild<QSpinBox*>("seeds")->value(), 3);
    QCOMPARE(again.model()->index(0, StudyPointModel::Accuracy).data().toString(), cell);
    QCOMPARE(int(again.pointsToTrain().size()), 3); // the resolution point's three seeds
}

// With several seeds, each point but compound's is set against the compound point at its φ
// seed by seed: the mean difference in points ± its standard error, and the seeds it won. The
// column shows only where it can say something.
void TestScalingStudyDialog::pairedAgainstCompound() {
    ExplorerDocument doc;
    ScalingStudyDialog dialog(&doc);
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.setPhis("1");
    QVERIFY(dialog.view()->isColumnHidden(StudyPointModel::Paired)); // one seed
    dialog.setSeeds(3);
    QVERIFY(!dialog.view()->isColumnHidden(StudyPointModel::Paired));
    StudyPointModel* m = dialog.model();
    const auto rowOf = [&](StudyStrategy s) {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->point(r).strategy == s) return r;
        return -1;
    };
    const auto set = [&](StudyStrategy s, const std::vector<double>& bySeed) {
        for (size_t k = 0; k < bySeed.size(); ++k)
            m->setAccuracy(studyRun(m->point(rowOf(s)), int(k)).config, bySeed[k]);
    };
    set(StudyStrategy::Compound, {0.90, 0.80, 0.85});
    set(StudyStrategy::Width, {0.92, 0.79, 0.88}); // +2, -1, +3 points
    set(StudyStrategy::Depth, {0.95});             // one seed trained
    const auto cell = [&](StudyStrategy s) {
        return m->index(rowOf(s), StudyPointModel::Paired).data().toString();
    };
    QCOMPARE(cell(StudyStrategy::Width), QString("+1.33 ±1.20 (2/3)"));
    QCOMPARE(cell(StudyStrategy::Depth), QString("+5.00 (1/1)"));
    QVERIFY(cell(StudyStrategy::Resolution).isEmpty()); // nothing trained
    QVERIFY(cell(StudyStrategy::Compound).isEmpty());
    QVERIFY(cell(StudyStrategy::Baseline).isEmpty());
    QVERIFY(m->index(rowOf(StudyStrategy::Width), StudyPointModel::Paired)
                .data(Qt::ToolTipRole)
                .toString()
                .contains("higher at 2 of them"));
    // Without compound scaling in the study there is nothing to set against.
    dialog.setStrategyChecked(StudyStrategy::Compound, false);
    QVERIFY(dialog.view()->isColumnHidden(StudyPointModel::Paired));
    QVERIFY(cell(StudyStrategy::Width).isEmpty());
    dialog.setStrategyChecked(StudyStrategy::Compound, true);
    QCOMPARE(cell(StudyStrategy::Width), QString("+1.33 ±1.20 (2/3)")); // kept by configuration
}

// A study folder copied with study.json and study.csv alone (docs/runs keeps studies so): the
// window shows the record's results, means and pairs as the run folders gave them, and says
// where they come from.
void TestScalingStudyDialog::opensAStudysRecordAlone() {
    QTemporaryDir dir;
    const std::string folder = dir.path().toStdString();
    const ScaleConfig base = studyBase();
    StudySpec spec;
    spec.phis = {1};
    spec.strategies = {StudyStrategy::Compound, StudyStrategy::Width};
    spec.seeds = 3;
    train::recordStudy(folder, base, spec, "test");
    const std::map<StudyStrategy, std::vector<double>> accuracy{
        {StudyStrategy::Baseline, {0.70, 0.60, 0.65}},
        {StudyStrategy::Compound, {0.90, 0.80, 0.85}},
        {StudyStrategy::Width, {0.92, 0.79, 0.88}}};
    const std::vector<StudyPoint> runs = studyRuns(studyPoints(base, spec), spec.seeds);
    for (const StudyPoint& p : runs)
        QVERIFY(writeFakeRun(dir.filePath(QString::fromStdString(p.runName)).toStdString(),
                             p.config, 2, accuracy.at(p.strategy)[size_t(p.seedIndex)]));
    train::writeStudyCsv(folder);
    for (const StudyPoint& p : runs)
        QVERIFY(QDir(dir.filePath(QString::fromStdString(p.runName))).removeRecursively());

    ExplorerDocument doc;
    ScalingStudyDialog dialog(&doc);
    QString why;
    QVERIFY2(dialog.openStudy(dir.path(), &why), qPrintable(why));
    QVERIFY2(dialog.message().contains("9 of its results are study.csv's") &&
                 dialog.message().contains(dir.path()),
             qPrintable(dialog.message()));
    StudyPointModel* m = dialog.model();
    for (int r = 0; r < m->rowCount(); ++r) {
        if (m->point(r).strategy == StudyStrategy::Width) {
            QCOMPARE(m->index(r, StudyPointModel::Paired).data().toString(),
                     QString("+1.33 ±1.20 (2/3)"));
            QVERIFY2(m->index(r, StudyPointModel::Accuracy).data().toString().startsWith("86.33%"),
                     qPrintable(m->index(r, StudyPointModel::Accuracy).data().toString()));
        }
    }
}

QTEST_MAIN(TestScalingStudyDialog)
#include "tst_scalingstudydialog.moc"
