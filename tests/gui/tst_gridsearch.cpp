// The grid-search dialog: its model is a well-behaved table of exactly the core's candidates
// for the document's baseline, a grid that holds none says so (a refused one names the field),
// and a candidate's α, β, γ go into the document as one undoable edit that keeps φ; trained
// candidates stopped and queued again continue where they stopped.
#include "accuracytext.h"
#include "explorerdocument.h"
#include "fakerun.h"
#include "gridsearchdialog.h"
#include "mainwindow.h"
#include "nextrunstatus.h"
#include "scalingeditor.h"
#include "stagetablemodel.h"
#include "train/gridfolder.h"
#include "train/runhistory.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include "scaling/presets.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <cmath>

using namespace scalescope;

class TestGridSearch : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void listsTheCoreCandidates_data();
    void listsTheCoreCandidates();
    void emptyAndRefusedGridsSaySo();
    void followsTheDocumentsBaseline();
    void usingACandidateIsOneUndoableEdit();
    void trainsTheSelectedCandidates();
    void seedsAndThePaper();
    void trainsEachCandidateAtEverySeed();
    void aStopHoldsTheQueue();
    void returnInAFieldStartsNothing();
    void opensATrainedGrid();
    void recordedRunsAreNotTrainedAgain();
    void refusesAFolderWithoutAGrid();
};

void TestGridSearch::listsTheCoreCandidates_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("B0, the defaults") << "efficientnet-b0" << 0.05 << 0.1;
    QTest::newRow("B0, coarse and narrow") << "efficientnet-b0" << 0.1 << 0.05;
    QTest::newRow("ResNet-RS-50") << "resnet-rs-50" << 0.05 << 0.05;
}

void TestGridSearch::listsTheCoreCandidates() {
    QFETCH(QString, preset);
    QFETCH(double, step);
    QFETCH(double, tolerance);
    ExplorerDocument doc;
    QVERIFY(doc.loadPreset(preset));
    GridSearchDialog dialog(&doc);
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    GridSearchSpec spec;
    spec.step = step;
    spec.tolerance = tolerance;
    dialog.setSpec(spec);
    const ScaleConfig& c = doc.config();
    const std::vector<GridCandidate> core = gridCandidates(c, spec);
    QCOMPARE(dialog.model()->rowCount(), int(core.size()));
    QVERIFY(dialog.model()->rowCount() > 0);
    for (int r = 0; r < dialog.model()->rowCount(); ++r) {
        QCOMPARE(dialog.model()->candidate(r).macs, core[size_t(r)].macs);
        const QString product =
            dialog.model()->index(r, GridCandidateModel::Product).data().toString();
        QCOMPARE(product, QString::number(core[size_t(r)].product, 'f', 4));
    }
    QVERIFY2(dialog.message().startsWith(QString::number(core.size()) + " candidate"),
             qPrintable(dialog.message()));
    // Training sizes set apart from the model's grow with each candidate's γ^φ (48→64 px:
    // 72 px at γ 1.15); following the model, a candidate trains at its own size.
    for (int r = 0; r < dialog.model()->rowCount(); ++r) {
        const GridCandidate& g = dialog.model()->candidate(r);
        QCOMPARE(dialog.model()->index(r, GridCandidateModel::TrainSize).data().toInt(),
                 c.training.progressive.maxImageSize == 0
                     ? g.resolution
                     : candidateConfig(c, g.coefficients).training.progressive.maxImageSize);
    }
    ScaleConfig demo = doc.config();
    demo.training.progressive.minImageSize = 48;
    demo.training.progressive.maxImageSize = 64;
    QVERIFY(doc.setConfig(demo));
    GridSearchSpec near;
    near.from = 1.1;
    near.to = 1.2;
    near.tolerance = 0.08; // six candidates, γ 1.1, 1.15 and 1.2 among them
    dialog.setSpec(near);
    QSet<int> sizes;
    for (int r = 0; r < dialog.model()->rowCount(); ++r) {
        const int shown = dialog.model()->index(r, GridCandidateModel::TrainSize).data().toInt();
        // 64 px times γ (φ 1 from the baseline's φ 0), to a multiple of 8: 70.4, 73.6 -> 72,
        // 76.8 -> 80.
        QCOMPARE(shown, roundResolution(64, dialog.model()->candidate(r).coefficients.gamma));
        sizes.insert(shown);
    }
    QCOMPARE(sizes, QSet<int>({72, 80}));
}

void TestGridSearch::emptyAndRefusedGridsSaySo() {
    ExplorerDocument doc;
    GridSearchDialog dialog(&doc);
    GridSearchSpec spec;
    spec.tolerance = 0.0001;
    spec.from = 1.3;
    spec.to = 1.35;
    dialog.setSpec(spec);
    QCOMPARE(dialog.model()->rowCount(), 0);
    QVERIFY2(dialog.message().contains("No α, β, γ of this grid"), qPrintable(dialog.message()));
    spec.to = 1.2; // below from
    dialog.setSpec(spec);
    QCOMPARE(dialog.model()->rowCount(), 0);
    QVERIFY2(dialog.message().contains("grid.to: must be between grid.from"),
             qPrintable(dialog.message()));
}

// The dialog stays open beside the explorer: another baseline gives other candidates, and the
// accuracies trained for the old one are not shown against the new one.
void TestGridSearch::followsTheDocumentsBaseline() {
    ExplorerDocument doc;
    GridSearchDialog dialog(&doc);
    dialog.show();
    // Training sizes set apart from the model's (48→64 px) are the document's model's at its
    // φ: at φ 2 a candidate trains at other sizes than the one trained at φ 0, and shows no
    // accuracy; back at φ 0 it shows it again.
    QCOMPARE(doc.config().training.progressive.maxImageSize, 64);
    dialog.model()->setAccuracy(dialog.model()->run(0, 0).config, 0.75);
    QCOMPARE(dialog.model()->index(0, GridCandidateModel::Accuracy).data().toString(),
             QString("75.00%"));
    Coefficients k = doc.config().request.coefficients;
    QCOMPARE(k.phi, 0.0);
    const int trainsAt = dialog.model()->run(0, 0).config.training.progressive.maxImageSize;
    k.phi = 2;
    QVERIFY(doc.setCoefficients(k));
    QVERIFY(dialog.model()->run(0, 0).config.training.progressive.maxImageSize < trainsAt);
    QVERIFY(dialog.model()->index(0, GridCandidateModel::Accuracy).data().toString().isEmpty());
    k.phi = 0;
    QVERIFY(doc.setCoefficients(k));
    QCOMPARE(dialog.model()->index(0, GridCandidateModel::Accuracy).data().toString(),
             QString("75.00%"));
    QVERIFY(doc.setMaxResolution(128)); // a cap: other models, same baseline
    QCOMPARE(dialog.model()->candidate(0).resolution, 128);
    // Closed, the window catches up when shown again.
    dialog.hide();
    QVERIFY(doc.setMaxResolution(96));
    QCOMPARE(dialog.model()->candidate(0).resolution, 128);
    dialog.show();
    QCOMPARE(dialog.model()->candidate(0).resolution, 96);
    QVERIFY(doc.loadPreset("efficientnetv2-s"));
    const ScaleConfig& c = doc.config();
    const std::vector<GridCandidate> core = gridCandidates(c, GridSearchSpec{});
    QCOMPARE(dialog.model()->rowCount(), int(core.size()));
    QCOMPARE(dialog.model()->candidate(0).macs, core.front().macs);
    QVERIFY(dialog.message().contains("EfficientNetV2-S"));
    for (int r = 0; r < dialog.model()->rowCount(); ++r)
        QVERIFY(dialog.model()->index(r, GridCandidateModel::Accuracy).data().toString().isEmpty());
}

void TestGridSearch::usingACandidateIsOneUndoableEdit() {
    MainWindow w;
    ExplorerDocument* doc = w.document();
    Coefficients k = doc->config().request.coefficients;
    k.phi = 2.5;
    QVERIFY(doc->setCoefficients(k));
    const ScaleConfig before = doc->config();
    const int steps = doc->undoStack()->count();
    w.gridSearchAction()->trigger();
    GridSearchDialog* dialog = w.gridSearchDialog();
    QVERIFY(dialog);
    const int row = dialog->model()->rowCount() - 1; // the farthest from 2
    const GridCandidate pick = dialog->model()->candidate(row);
    QVERIFY(dialog->useRow(row));
    const Coefficients now = doc->config().request.coefficients;
    QCOMPARE(now.alpha, pick.coefficients.alpha);
    QCOMPARE(now.beta, pick.coefficients.beta);
    QCOMPARE(now.gamma, pick.coefficients.gamma);
    QCOMPARE(now.phi, 2.5); // φ is the explorer's
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    doc->undoStack()->undo();
    QVERIFY(doc->config() == before);
}

namespace {
// B0 capped at 32 px on a few shapes: a second or two a candidate on a CPU.
void makeTiny(MainWindow& w) {
    ExplorerDocument* doc = w.document();
    QVERIFY(doc->setMaxResolution(32));
    TrainingSettings t = doc->config().training;
    t.trainSamples = 64;
    t.valSamples = 32;
    t.epochs = 1;
    t.batchSize = 32;
    t.device = "cpu";
    t.progressive.stages = 1;
    t.progressive.minImageSize = 32;
    t.progressive.maxImageSize = 32;
    QVERIFY(doc->setTraining(t));
    w.trainingPanel()->setSettingsFromDocument();
}

// Model rows, selected in the view (which shows them through its sorting proxy).
void selectModelRows(GridSearchDialog* d, const QList<int>& rows) {
    QAbstractItemModel* shown = d->view()->model();
    QItemSelection s;
    for (int r : rows)
        s.select(shown->index(d->viewRow(r), 0),
                 shown->index(d->viewRow(r), GridCandidateModel::ColumnCount - 1));
    d->view()->selectionModel()->select(s, QItemSelectionModel::ClearAndSelect);
}

void selectRows(GridSearchDialog* d, int count) {
    QList<int> rows;
    for (int r = 0; r < count; ++r)
        rows << r;
    selectModelRows(d, rows);
}

int paperRow(const GridCandidateModel* m) {
    for (int r = 0; r < m->rowCount(); ++r)
        if (isPaperCoefficients(m->candidate(r).coefficients)) return r;
    return -1;
}
} // namespace

// The selected candidates train one after the other with the training tab's settings, each
// in its own run folder, and the table shows each one's final validation accuracy.
void TestGridSearch::trainsTheSelectedCandidates() {
    MainWindow w;
    makeTiny(w);
    w.gridSearchAction()->trigger();
    GridSearchDialog* d = w.gridSearchDialog();
    selectRows(d, 2);
    const std::vector<GridCandidate> picked = d->selectedCandidates();
    QCOMPARE(int(picked.size()), 2);
    w.stageTable()->setCurrentIndex(w.stageModel()->index(0, 0));
    QVERIFY(w.removeStageAction()->isEnabled());
    d->findChild<QPushButton*>("trainSelected")->click();
    TrainingPanel* panel = w.trainingPanel();
    // The grid's rows are the explorer's model grown: it stays as it is while they train or
    // wait (a plain run leaves it editable; tst_explorer).
    QTRY_VERIFY_WITH_TIMEOUT(w.trainingController()->isRunning(), 60000);
    QVERIFY(!w.scalingEditor()->isEnabled());
    QVERIFY2(w.scalingEditor()->toolTip().startsWith("Locked while a scaling study's or grid"),
             qPrintable(w.scalingEditor()->toolTip())); // says why
    // The grid's window: what would edit the model is off, the rest (Close too) is not.
    QPushButton* use = nullptr;
    for (QPushButton* b : d->findChildren<QPushButton*>())
        if (b->text() == "Use its α, β, γ") use = b;
    QVERIFY(use);
    QVERIFY(!use->isEnabled());
    QVERIFY(!d->findChild<QPushButton*>("openGrid")->isEnabled());
    QVERIFY(d->view()->isEnabled());
    QVERIFY(!w.undoAction()->isEnabled());
    QVERIFY(!w.duplicateStageAction()->isEnabled() && !w.removeStageAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel->runCount() == 2 && !w.trainingController()->isRunning() &&
                                 panel->queuedCount() == 0,
                             120000);
    QVERIFY(w.scalingEditor()->isEnabled());
    QVERIFY(w.duplicateStageAction()->isEnabled() && w.removeStageAction()->isEnabled());
    QVERIFY(w.scalingEditor()->toolTip().isEmpty());
    QVERIFY(use->isEnabled());
    QVERIFY(d->findChild<QPushButton*>("openGrid")->isEnabled());
    QVERIFY2(panel->statusText().startsWith("Finished"), qPrintable(panel->statusText()));
    for (int r = 0; r < 2; ++r) {
        const QString dir = QFileInfo(panel->lastRunDir()).path() + "/" +
                            QString::fromStdString(gridRunName(picked[size_t(r)].coefficients));
        const train::RunHistory h = train::readRunHistory(dir.toStdString());
        QCOMPARE(int(h.epochs.size()), 1);
        // Trained as the candidate: its α, β, γ at the grid's φ, capped at 32 px.
        const ScaleConfig c = loadConfig((dir + "/config.json").toStdString());
        QVERIFY(c.request.coefficients == picked[size_t(r)].coefficients);
        QCOMPARE(c.request.maxResolution, 32);
        const QString shown = d->model()->index(r, GridCandidateModel::Accuracy).data().toString();
        QCOMPARE(shown, QString::number(100 * h.epochs.back().valAccuracy, 'f', 2) + "%");
    }
    QVERIFY(d->model()->index(2, GridCandidateModel::Accuracy).data().toString().isEmpty());
}

// Several seeds: a candidate's cell is the mean ± its standard error over the seeds trained,
// each set against the paper's coefficients seed by seed; the table sorts by either.
void TestGridSearch::seedsAndThePaper() {
    ExplorerDocument doc;
    GridSearchDialog d(&doc);
    GridCandidateModel* m = d.model();
    QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sorted(d.view()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int paper = paperRow(m);
    QVERIFY(paper >= 0);
    QVERIFY(m->rowCount() >= 3);
    const int other = paper == 0 ? 1 : 0;
    const int third = paper == 2 || other == 2 ? 3 : 2;
    QVERIFY(d.view()->isColumnHidden(GridCandidateModel::Paired)); // one seed
    d.setSeeds(3);
    QCOMPARE(m->seeds(), 3);
    QVERIFY(!d.view()->isColumnHidden(GridCandidateModel::Paired));
    // The runs are the core's, seed by seed.
    std::vector<GridCandidate> list;
    for (int r = 0; r < m->rowCount(); ++r)
        list.push_back(m->candidate(r));
    const std::vector<GridRun> core = gridRuns(doc.config(), list, 3);
    for (const GridRun& r : core) {
        QVERIFY(m->run(int(r.candidate), r.seedIndex).config == r.config);
        QCOMPARE(m->run(int(r.candidate), r.seedIndex).runName, r.runName);
    }
    QVERIFY(QString::fromStdString(m->run(other, 1).runName)
                .endsWith(QString("-seed%1").arg(doc.config().training.seed + 1)));

    const auto set = [m](int row, int k, double a) { m->setAccuracy(m->run(row, k).config, a); };
    for (auto [k, a] : {std::pair{0, 0.90}, {1, 0.92}, {2, 0.94}})
        set(paper, k, a);
    for (auto [k, a] : {std::pair{0, 0.91}, {1, 0.95}, {2, 0.96}})
        set(other, k, a);
    set(third, 0, 0.80);
    set(third, 2, 0.90); // seed 1 not trained yet
    const auto cell = [m](int row, int column) { return m->index(row, column).data().toString(); };
    QCOMPARE(cell(other, GridCandidateModel::Accuracy), QString("94.00% ±1.53"));
    QCOMPARE(cell(paper, GridCandidateModel::Accuracy), QString("92.00% ±1.15"));
    QCOMPARE(cell(third, GridCandidateModel::Accuracy), QString("85.00% ±5.00 (2/3)"));
    // Differences .01, .03, .02: +2 points, higher at all three.
    QCOMPARE(cell(other, GridCandidateModel::Paired), QString("+2.00 ±0.58 (3/3)"));
    // Over the two seeds both have: −.10 and −.04.
    QCOMPARE(cell(third, GridCandidateModel::Paired), QString("-7.00 ±3.00 (0/2)"));
    QVERIFY(cell(paper, GridCandidateModel::Paired).isEmpty());
    const QString tip =
        m->index(third, GridCandidateModel::Accuracy).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QString("seed %1: not trained").arg(doc.config().training.seed + 1)),
             qPrintable(tip));

    // Sorted by accuracy, best first; the selection still names the model's candidates.
    d.view()->sortByColumn(GridCandidateModel::Accuracy, Qt::DescendingOrder);
    QCOMPARE(d.viewRow(other), 0);
    QCOMPARE(d.viewRow(paper), 1);
    QCOMPARE(d.viewRow(third), 2);
    selectModelRows(&d, {third});
    QCOMPARE(d.view()->selectionModel()->selectedRows().front().row(), 2);
    QVERIFY(d.selectedCandidates().front().coefficients == m->candidate(third).coefficients);
    d.view()->sortByColumn(GridCandidateModel::Paired, Qt::DescendingOrder);
    QCOMPARE(d.viewRow(other), 0);
    QCOMPARE(d.viewRow(third), 1);

    // One seed: the first seed's accuracies alone, and no paired column.
    d.setSeeds(1);
    QVERIFY(d.view()->isColumnHidden(GridCandidateModel::Paired));
    QCOMPARE(cell(other, GridCandidateModel::Accuracy), QString("91.00%"));
    QVERIFY(cell(other, GridCandidateModel::Paired).isEmpty());
    d.setSeeds(3); // the other seeds' results are kept
    QCOMPARE(cell(other, GridCandidateModel::Accuracy), QString("94.00% ±1.53"));
}

// Train at two seeds: each selected candidate at the training seed and the next, in folders
// named as the CLI's grid names them, and the table's cells are the mean and the paired
// difference of the runs' own final accuracies.
void TestGridSearch::trainsEachCandidateAtEverySeed() {
    MainWindow w;
    makeTiny(w);
    w.gridSearchAction()->trigger();
    GridSearchDialog* d = w.gridSearchDialog();
    GridCandidateModel* m = d->model();
    const int paper = paperRow(m);
    QVERIFY(paper >= 0);
    const int other = paper == 0 ? 1 : 0;
    d->setSeeds(2);
    selectModelRows(d, {paper, other});
    d->findChild<QPushButton*>("trainSelected")->click();
    TrainingPanel* panel = w.trainingPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->runCount() == 4 && !w.trainingController()->isRunning() &&
                                 panel->queuedCount() == 0,
                             180000);
    const QString grid = QFileInfo(panel->lastRunDir()).path();
    const std::uint64_t seed = w.document()->config().training.seed;
    std::map<int, std::vector<double>> acc;
    for (int row : {paper, other})
        for (int k = 0; k < 2; ++k) {
            QString name = QString::fromStdString(gridRunName(m->candidate(row).coefficients));
            if (k > 0) name += QString("-seed%1").arg(seed + std::uint64_t(k));
            const std::string dir = (grid + "/" + name).toStdString();
            const train::RunHistory h = train::readRunHistory(dir);
            QCOMPARE(int(h.epochs.size()), 1);
            QCOMPARE(loadConfig(dir + "/config.json").training.seed, seed + std::uint64_t(k));
            acc[row].push_back(h.epochs.back().valAccuracy);
        }
    // The last run is the second seed's: a stop after the first pass leaves each trained once.
    QVERIFY2(panel->lastRunDir().endsWith(QString("-seed%1").arg(seed + 1)),
             qPrintable(panel->lastRunDir()));
    QCOMPARE(m->index(other, GridCandidateModel::Accuracy).data().toString(),
             summaryText(summarizeAccuracies(acc[other]), 2));
    QCOMPARE(m->index(other, GridCandidateModel::Paired).data().toString(),
             pairedText(pairedDifference(acc[other], acc[paper])));
    QVERIFY(!d->view()->isColumnHidden(GridCandidateModel::Paired));
    // grid.csv follows the runs, as the CLI's: the four trained, the grid's others not.
    QTRY_VERIFY(QFileInfo(grid + "/grid.csv").lastModified() >=
                QFileInfo(panel->lastRunDir() + "/metrics.csv").lastModified());
    QFile csv(grid + "/grid.csv");
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QCOMPARE(text.count("\"trained\""), 4);
    QCOMPARE(text.count("\n"), 1 + m->rowCount() * 2);
}

void TestGridSearch::aStopHoldsTheQueue() {
    MainWindow w;
    makeTiny(w);
    w.gridSearchAction()->trigger();
    GridSearchDialog* d = w.gridSearchDialog();
    selectRows(d, 3);
    QPushButton* train = d->findChild<QPushButton*>("trainSelected");
    TrainingPanel* panel = w.trainingPanel();
    // The folder is recorded off the GUI thread: nothing is queued yet, and Train waits.
    const QString first = statusAtNextStart(panel, [&] {
        train->click();
        QCOMPARE(panel->queuedCount(), 0);
        QVERIFY(!train->isEnabled());
    });
    QVERIFY(!first.isEmpty());
    QVERIFY(!d->gridDir().isEmpty());
    QVERIFY2(d->message().contains("Training into " + d->gridDir()), qPrintable(d->message()));
    QVERIFY(QFileInfo::exists(d->gridDir() + "/grid.json"));
    QVERIFY(w.trainingController()->isRunning());
    QCOMPARE(panel->queuedCount(), 2);
    // No edits to the document while it trains.
    QVERIFY(!d->findChild<QPushButton*>("openGrid")->isEnabled());
    QVERIFY(!w.scalingEditor()->isEnabled());
    const auto accuracyCell = [d](int row) {
        return d->model()->index(row, GridCandidateModel::Accuracy).data().toString();
    };
    QCOMPARE(accuracyCell(0), QString("training…"));
    QVERIFY(accuracyCell(1).isEmpty()); // queued
    w.trainingController()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning(), 60000);
    QCOMPARE(accuracyCell(0), QString("stopped"));
    QCOMPARE(panel->queuedCount(), 0);
    QCOMPARE(panel->runCount(), 1);
    QVERIFY2(
        panel->statusText().endsWith("Continue trains it on, then the 2 runs queued after it."),
        qPrintable(panel->statusText()));
    QCOMPARE(panel->heldCount(), 2);
    QVERIFY(d->findChild<QPushButton*>("openGrid")->isEnabled());
    QVERIFY(w.scalingEditor()->isEnabled());

    // Train again: the stopped candidate continues from its checkpoint in its folder and
    // entry, and the two not started train.
    const QString stoppedDir = panel->lastRunDir();
    QVERIFY(train::readRunHistory(stoppedDir.toStdString()).canContinue());
    const QString again = statusAtNextStart(panel, [&] { train->click(); });
    QVERIFY2(again.startsWith("Continuing " + stoppedDir), qPrintable(again));
    QCOMPARE(panel->heldCount(), 0); // queued again with the rest of the grid
    QTRY_VERIFY_WITH_TIMEOUT(!w.trainingController()->isRunning() && panel->queuedCount() == 0,
                             120000);
    QCOMPARE(panel->runCount(), 3);
    for (int r = 0; r < 3; ++r)
        QVERIFY(d->model()->index(r, GridCandidateModel::Accuracy).data().toString().endsWith("%"));
    QCOMPARE(int(train::readRunHistory(stoppedDir.toStdString()).epochs.size()), 1);
    // The three again: each read back, nothing trained, nothing listed twice.
    train->click();
    QTRY_VERIFY2(panel->statusText().contains("read back"), qPrintable(panel->statusText()));
    QVERIFY(!w.trainingController()->isRunning());
    QCOMPARE(panel->runCount(), 3);
}

// Return in one of the grid's fields finishes the field: it neither trains the selection nor
// uses a candidate (a QDialog presses its default button otherwise).
void TestGridSearch::returnInAFieldStartsNothing() {
    MainWindow w;
    makeTiny(w);
    w.gridSearchAction()->trigger();
    GridSearchDialog* d = w.gridSearchDialog();
    QVERIFY(QTest::qWaitForWindowExposed(d));
    selectRows(d, 2);
    QSignalSpy train(d, &GridSearchDialog::trainRequested);
    const ScaleConfig before = w.document()->config();
    const auto boxes = d->findChildren<QDoubleSpinBox*>();
    QVERIFY(!boxes.isEmpty());
    for (QDoubleSpinBox* box : boxes) {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Return);
        QTest::keyClick(box, Qt::Key_Enter);
    }
    QCOMPARE(train.count(), 0);
    QVERIFY(w.document()->config() == before);
    QVERIFY(d->isVisible());
    QVERIFY(!w.trainingController()->isRunning());
}

// A grid folder trained before (as scalescope-cli grid --train leaves one): Open grid makes its
// model and training settings the document's (one undoable edit), takes its grid and seeds,
// shows its finished runs' accuracies against the paper's, says what it did not show, and
// trains into that folder next.
void TestGridSearch::opensATrainedGrid() {
    QTemporaryDir tmp;
    const QString dir = tmp.filePath("grid");
    MainWindow w;
    ExplorerDocument* doc = w.document();
    ScaleConfig base = doc->config();
    base.training.epochs += 4; // the grid's own settings
    GridSearchSpec spec;
    spec.from = 1.1;
    spec.to = 1.2;
    spec.tolerance = 0.08;
    const std::vector<GridCandidate> list = gridCandidates(base, spec);
    const std::vector<GridRun> runs = gridRuns(base, list, 2);
    train::recordGrid(dir.toStdString(), base, spec, 2, runs, "test");
    const auto paper = std::find_if(list.begin(), list.end(), [](const GridCandidate& c) {
        return isPaperCoefficients(c.coefficients);
    });
    QVERIFY(paper != list.end());
    const size_t p = size_t(paper - list.begin()), o = p == 0 ? 1 : 0,
                 third = p == 2 || o == 2 ? 3 : 2;
    const auto fake = [&](size_t candidate, int seedIndex, int epochs, double acc) {
        const GridRun& r = runs[size_t(seedIndex) * list.size() + candidate];
        QVERIFY(writeFakeRun((dir + "/").toStdString() + r.runName, r.config, epochs, acc));
    };
    const int epochs = base.training.epochs;
    fake(p, 0, epochs, 0.90);
    fake(p, 1, epochs, 0.92);
    fake(o, 0, epochs, 0.91);
    fake(o, 1, epochs, 0.95);
    fake(third, 0, 1, 0.40); // stopped after its first epoch
    ScaleConfig elsewhere = runs[0].config;
    elsewhere.training.learningRate *= 2;
    QVERIFY(writeFakeRun((dir + "/by-hand").toStdString(), elsewhere, epochs, 0.5));

    w.gridSearchAction()->trigger();
    GridSearchDialog* d = w.gridSearchDialog();
    const int steps = doc->undoStack()->count();
    QSignalSpy opened(d, &GridSearchDialog::gridOpened);
    d->openGridInBackground(dir);
    QVERIFY(!d->findChild<QPushButton*>("openGrid")->isEnabled()); // one read at a time
    QVERIFY(opened.wait(20000));
    QCOMPARE(opened.front().front().toBool(), true);
    QVERIFY(doc->config() == base);
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    QCOMPARE(d->seeds(), 2);
    QCOMPARE(d->spec().tolerance, 0.08);
    QCOMPARE(d->gridDir(), dir);
    GridCandidateModel* m = d->model();
    QCOMPARE(m->rowCount(), int(list.size()));
    const auto cell = [m](size_t row, int column) {
        return m->index(int(row), column).data().toString();
    };
    QCOMPARE(cell(o, GridCandidateModel::Accuracy), QString("93.00% ±2.00"));
    QCOMPARE(cell(p, GridCandidateModel::Accuracy), QString("91.00% ±1.00"));
    QCOMPARE(cell(o, GridCandidateModel::Paired), QString("+2.00 ±1.00 (2/2)"));
    QCOMPARE(cell(third, GridCandidateModel::Accuracy), QString("stopped")); // no result
    QVERIFY2(d->message().contains(QString("Opened %1: 4 of its 12 runs trained.").arg(dir)),
             qPrintable(d->message()));
    QVERIFY2(d->message().contains("1 stopped"), qPrintable(d->message()));
    QVERIFY2(d->message().contains("1 of another grid or model are not shown"),
             qPrintable(d->message()));
    QVERIFY(d->findChild<QPushButton*>("openGrid")->isEnabled());
    // A grid trained with the CLI's --limit opens with its candidates only, until a field of
    // the grid is edited.
    GridManifest limited = train::readGridManifest(dir.toStdString()).value();
    limited.spec.limit = 2;
    writeFileAtomically((dir + "/grid.json").toStdString(), gridManifestToJson(limited).dump(2));
    QVERIFY(d->openGrid(dir));
    QCOMPARE(m->rowCount(), 2);
    QVERIFY2(d->message().startsWith("The 2 candidates closest to 2"), qPrintable(d->message()));
    d->findChild<QDoubleSpinBox*>("tolerance")->setValue(0.081);
    QCOMPARE(m->rowCount(), int(gridCandidates(base, spec).size()));
    doc->undoStack()->undo(); // the document as it was; the grid's accuracies wait for it
    QVERIFY(!(doc->config() == base));
    QVERIFY(cell(o, GridCandidateModel::Accuracy).isEmpty());
}

// A grid folder kept with grid.json and grid.csv alone: the record's results fill the table,
// and Train trains only the selected candidates it has no result for.
void TestGridSearch::recordedRunsAreNotTrainedAgain() {
    QTemporaryDir tmp;
    const QString dir = tmp.filePath("grid");
    MainWindow w;
    makeTiny(w);
    w.gridSearchAction()->trigger();
    GridSearchDialog* d = w.gridSearchDialog();
    const ScaleConfig base = w.document()->config();
    GridCandidateModel* m = d->model();
    std::vector<GridCandidate> list;
    for (int r = 0; r < m->rowCount(); ++r)
        list.push_back(m->candidate(r));
    const std::vector<GridRun> runs = gridRuns(base, list, 1);
    train::recordGrid(dir.toStdString(), base, d->spec(), 1, runs, "test");
    for (size_t r : {0, 1})
        QVERIFY(writeFakeRun((dir + "/").toStdString() + runs[r].runName, runs[r].config, 1,
                             0.5 + 0.25 * double(r)));
    train::writeGridCsv(dir.toStdString());
    for (size_t r : {0, 1})
        QVERIFY(QDir(dir + "/" + QString::fromStdString(runs[r].runName)).removeRecursively());
    QString why;
    QVERIFY2(d->openGrid(dir, &why), qPrintable(why));
    QCOMPARE(m->index(1, GridCandidateModel::Accuracy).data().toString(), QString("75.00%"));
    selectRows(d, 3);
    d->findChild<QPushButton*>("trainSelected")->click();
    TrainingPanel* panel = w.trainingPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->runCount() == 1 && !w.trainingController()->isRunning() &&
                                 panel->queuedCount() == 0,
                             120000);
    QVERIFY2(w.statusBar()->currentMessage().startsWith("2 runs are not trained again: " + dir +
                                                        "/grid.csv records their results"),
             qPrintable(w.statusBar()->currentMessage()));
    QCOMPARE(panel->lastRunDir(), dir + "/" + QString::fromStdString(runs[2].runName));
    for (size_t r : {0, 1})
        QVERIFY(!QDir(dir + "/" + QString::fromStdString(runs[r].runName)).exists());
    QCOMPARE(m->index(0, GridCandidateModel::Accuracy).data().toString(), QString("50.00%"));
}

void TestGridSearch::refusesAFolderWithoutAGrid() {
    QTemporaryDir tmp;
    MainWindow w;
    w.gridSearchAction()->trigger();
    GridSearchDialog* d = w.gridSearchDialog();
    const ScaleConfig before = w.document()->config();
    const QString message = d->message();
    QSignalSpy opened(d, &GridSearchDialog::gridOpened);
    d->openGridInBackground(tmp.path());
    QVERIFY(opened.wait(20000));
    QCOMPARE(opened.front().front().toBool(), false);
    QVERIFY(w.document()->config() == before);
    QCOMPARE(d->message(), message);
    QVERIFY(d->gridDir().isEmpty());
    QMessageBox* box = d->findChild<QMessageBox*>();
    QVERIFY(box);
    QVERIFY2(box->text().contains("no grid.json"), qPrintable(box->text()));
    QString why;
    QVERIFY(!d->openGrid(tmp.filePath("absent"), &why));
    QVERIFY2(why.contains("not a folder"), qPrintable(why));
}

QTEST_MAIN(TestGridSearch)
#include "tst_gridsearch.moc"
