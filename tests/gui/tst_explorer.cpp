// The explorer window, offscreen: edits flow to every view, bad edits are refused, a short
// training run draws curves, configurations round-trip, and the Korean interface loads.
#include "architectureview.h"
#include "costpanel.h"
#include "explorerdocument.h"
#include "gridsearchdialog.h"
#include "mainwindow.h"
#include "runcomparisondialog.h"
#include "runcomparisonmodel.h"
#include "scaling/gridsearch.h"
#include "scaling/presets.h"
#include "scaling/scalingstudy.h"
#include "scalingeditor.h"
#include "scalingstudydialog.h"
#include "speedpanel.h"
#include "stagetablemodel.h"
#include "train/runhistory.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include "../train/tinyconfig.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGraphicsRectItem>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QToolTip>
#include <QTranslator>
#include <QUndoStack>
#include <QUrl>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <limits>
#include <qcustomplot.h>

using namespace scalescope;

namespace {
// The shared tiny model, on a few hundred images: a CPU finishes an epoch in a second.
ScaleConfig tinyRun(int epochs) {
    ScaleConfig c = tinyConfig(epochs);
    c.training.trainSamples = 320;
    c.training.valSamples = 64;
    return c;
}
// A legend's entries as "name:pen style", in order.
QStringList legendNames(QCPLegend* legend) {
    QStringList names;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend->item(i)))
            names << item->plottable()->name() + ":" +
                         QString::number(int(item->plottable()->pen().style()));
    return names;
}
} // namespace

class TestExplorer : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void editingPhiUpdatesEveryView();
    void presetsSwitchBaselines();
    void invalidTableEditsAreRefused_data();
    void invalidTableEditsAreRefused();
    void stageModelPassesTester();
    void fusedEarlyStagesThroughTheEditor();
    void diagramExpandsAndExports();
    void tablesCopyToTheClipboard();
    void exportImportRoundTrip();
    void shortTrainingRunDrawsCurves();
    void openedRunsBetweenValidations_data();
    void openedRunsBetweenValidations();
    void trainingFormSurvivesScalingEdits();
    void planFollowsTheForm();
    void moreTrainingSettingsRoundTrip();
    void closingDuringRunStopsWithCheckpoint();
    void koreanInterfaceLoads();
    void droppedFilesAndFoldersOpen();
};

void TestExplorer::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // keep the user's settings out of it
    QSettings().clear();
}

void TestExplorer::editingPhiUpdatesEveryView() {
    MainWindow w;
    w.show();
    const QString totalsBefore = w.costPanel()->totalsText();
    StageTableModel* m = w.stageModel();
    const QModelIndex stage6 = m->index(5, StageTableModel::ScaledRepeats);
    QCOMPARE(m->data(stage6, Qt::DisplayRole).toInt(), 4);
    QCOMPARE(w.architectureView()->stageLabel(5), QString("MBConv6 k5 ×4"));
    QSignalSpy changed(m, &QAbstractItemModel::dataChanged);
    w.scalingEditor()->phiBox()->setValue(2.0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(m->data(stage6, Qt::DisplayRole).toInt(), 6); // ceil(1.44 * 4)
    QCOMPARE(w.architectureView()->stageLabel(5), QString("MBConv6 k5 ×6"));
    QVERIFY(w.costPanel()->totalsText() != totalsBefore);
    QVERIFY(w.costPanel()->totalsText().contains("296 px"));
    QCOMPARE(w.document()->arch().resolution, 296);
    QCOMPARE(w.costPanel()->stageBarCount(), 9);
}

void TestExplorer::presetsSwitchBaselines() {
    MainWindow w;
    QAbstractItemModelTester tester(w.stageModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QComboBox* presets = w.scalingEditor()->presetBox();
    const int v2s = presets->findData("efficientnetv2-s");
    QVERIFY(v2s >= 0);
    presets->setCurrentIndex(v2s);
    Q_EMIT presets->activated(v2s);
    QCOMPARE(w.stageModel()->rowCount(), 6);
    QVERIFY(w.costPanel()->totalsText().contains("21,458,488"));
    const int b3 = presets->findData("efficientnet-b3");
    Q_EMIT presets->activated(b3);
    QCOMPARE(w.stageModel()->rowCount(), 7);
    QVERIFY(w.costPanel()->totalsText().contains("12,233,232"));
    QVERIFY(presets->itemText(b3).contains("official"));
}

void TestExplorer::invalidTableEditsAreRefused_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("even kernel") << int(StageTableModel::Kernel) << QVariant(4) << "odd";
    QTest::newRow("zero repeats") << int(StageTableModel::Repeats) << QVariant(0) << "between";
    QTest::newRow("fractional repeats")
        << int(StageTableModel::Repeats) << QVariant(2.5) << "whole number";
    QTest::newRow("text") << int(StageTableModel::Channels) << QVariant("many") << "not a number";
    QTest::newRow("nan width") << int(StageTableModel::WidthMult) << QVariant(std::nan(""))
                               << "not a number";
    QTest::newRow("negative depth")
        << int(StageTableModel::DepthMult) << QVariant(-1.0) << "depth multiplier";
    QTest::newRow("stride 3") << int(StageTableModel::Stride) << QVariant(3) << "between 1 and 2";
    QTest::newRow("bottleneck in an EfficientNet")
        << int(StageTableModel::Block) << QVariant("Bottleneck") << "do not belong";
    QTest::newRow("unknown block")
        << int(StageTableModel::Block) << QVariant("Inception") << "unknown value \"inception\"";
}

void TestExplorer::invalidTableEditsAreRefused() {
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(QString, reason);
    MainWindow w;
    const ScaleConfig before = w.document()->config();
    StageTableModel* m = w.stageModel();
    QSignalSpy refused(m, &StageTableModel::editRefused);
    QVERIFY(!m->setData(m->index(2, column), value, Qt::EditRole));
    QCOMPARE(refused.count(), 1);
    const QString msg = refused.first().first().toString();
    QVERIFY2(msg.contains("Stage 3") && msg.contains(reason), qPrintable(msg));
    QVERIFY(w.lastMessage().contains(reason));
    QVERIFY(w.document()->config() == before); // nothing changed
    // A good edit still works afterwards.
    QVERIFY(m->setData(m->index(2, StageTableModel::Kernel), 3, Qt::EditRole));
    QCOMPARE(w.document()->config().baseline.stages[2].kernel, 3);
}

void TestExplorer::fusedEarlyStagesThroughTheEditor() {
    // EfficientNetV2's change to B0: Fused-MBConv in stages 1-3, chosen in the table's own
    // editor, each one undoable step; the diagram's costs follow.
    MainWindow w;
    StageTableModel* m = w.stageModel();
    QTableView* table = nullptr;
    for (auto* view : w.findChildren<QTableView*>())
        if (view->model() == m) table = view;
    QVERIFY(table);
    auto* delegate = table->itemDelegateForColumn(StageTableModel::Block);
    QVERIFY(delegate);
    const std::int64_t macsBefore = w.document()->costs().macs;
    const int undoBefore = w.document()->undoStack()->count();
    for (int stage = 0; stage < 3; ++stage) {
        const QModelIndex index = m->index(stage, StageTableModel::Block);
        QVERIFY(m->flags(index) & Qt::ItemIsEditable);
        std::unique_ptr<QWidget> editor(delegate->createEditor(table, {}, index));
        auto* box = qobject_cast<QComboBox*>(editor.get());
        QVERIFY(box);
        delegate->setEditorData(box, index);
        QCOMPARE(box->currentText(), QString("MBConv"));
        box->setCurrentIndex(box->findText("Fused-MBConv"));
        delegate->setModelData(box, m, index);
        QVERIFY(w.document()->config().baseline.stages[size_t(stage)].block ==
                BlockType::FusedMBConv);
    }
    QCOMPARE(m->data(m->index(1, StageTableModel::Block), Qt::DisplayRole).toString(),
             QString("Fused-MBConv6 k3"));
    QCOMPARE(w.document()->undoStack()->count(), undoBefore + 3);
    // A full k x k convolution in place of 1x1 + depthwise: more MACs.
    QVERIFY(w.document()->costs().macs > macsBefore);
    // Typed names work too, and so does going back.
    QVERIFY(m->setData(m->index(2, StageTableModel::Block), "mbconv", Qt::EditRole));
    QVERIFY(w.document()->config().baseline.stages[2].block == BlockType::MBConv);
    w.document()->undoStack()->undo();
    QVERIFY(w.document()->config().baseline.stages[2].block == BlockType::FusedMBConv);
    // ResNet-RS has one block type: nothing to choose.
    QVERIFY(w.document()->loadPreset("resnet-rs-50"));
    QVERIFY(!(m->flags(m->index(0, StageTableModel::Block)) & Qt::ItemIsEditable));
}

void TestExplorer::stageModelPassesTester() {
    MainWindow w;
    QAbstractItemModelTester tester(w.stageModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    StageTableModel* m = w.stageModel();
    QVERIFY(m->setData(m->index(4, StageTableModel::DepthMult), 1.5, Qt::EditRole));
    QVERIFY(m->setData(m->index(1, StageTableModel::Expansion), 4.0, Qt::EditRole));
    QCOMPARE(m->data(m->index(4, StageTableModel::ScaledRepeats), Qt::DisplayRole).toInt(),
             5); // ceil(1.5 * 3)
    QVERIFY(!(m->flags(m->index(0, StageTableModel::Macs)) & Qt::ItemIsEditable));
    w.document()->loadPreset("resnet-rs-101");
    QCOMPARE(m->rowCount(), 4);
    QCOMPARE(m->data(m->index(2, StageTableModel::Block), Qt::DisplayRole).toString(),
             QString("Bottleneck k3"));
}

void TestExplorer::diagramExpandsAndExports() {
    MainWindow w;
    ArchitectureView* v = w.architectureView();
    const int collapsed = v->blockItemCount();
    QCOMPARE(collapsed, 9);  // stem, 7 stages, head
    v->setExpanded(5, true); // stage 6: four blocks
    QCOMPARE(v->blockItemCount(), collapsed - 1 + 4);
    // Hovering an expanded layer shows its own multiply-adds, parameters and memory.
    int layerTips = 0;
    for (QGraphicsItem* item : v->scene()->items()) {
        const QString tip = item->toolTip();
        if (item->type() == QGraphicsRectItem::Type && tip.contains("blocks.5.")) {
            QVERIFY(tip.contains("MACs") && tip.contains("params") && tip.contains("activations"));
            ++layerTips;
        }
    }
    QCOMPARE(layerTips, 4);
    QTemporaryDir dir;
    QVERIFY(v->exportPng(dir.filePath("d.png")));
    QVERIFY(v->exportSvg(dir.filePath("d.svg")));
    QImage img(dir.filePath("d.png"));
    QVERIFY(img.width() > 400);
    QFile svg(dir.filePath("d.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
}

// Ctrl+C (or Copy in the context menu) puts a table on the clipboard, tab-separated with its
// header: the selected rows, or all of them where no whole row is selected.
void TestExplorer::tablesCopyToTheClipboard() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QClipboard* clipboard = QGuiApplication::clipboard();
    auto lines = [&] { return clipboard->text().split('\n', Qt::SkipEmptyParts); };
    QTableView* stages = w.stageTable();
    stages->setFocus();
    stages->setCurrentIndex(w.stageModel()->index(2, StageTableModel::Kernel)); // one cell
    clipboard->clear();
    QTest::keyClick(stages, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(lines().size(), 1 + 7); // B0's seven stages
    QVERIFY2(lines()[0].startsWith("Block\tRepeats\tKernel\tStride"), qPrintable(lines()[0]));
    QVERIFY2(lines()[1].startsWith("MBConv1 k3\t1\t3\t1\t1\t0.25\t16"), qPrintable(lines()[1]));
    stages->selectRow(5); // stage 6, whole
    QTest::keyClick(stages, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(lines().size(), 2);
    QVERIFY2(lines()[1].startsWith("MBConv6 k5\t4\t5\t2"), qPrintable(lines()[1]));

    ScalingStudyDialog* study = w.scalingStudyDialog();
    study->show();
    auto* view = study->findChild<QTableView*>();
    QVERIFY(view);
    QAction* copy = nullptr;
    for (QAction* a : view->actions())
        if (a->text() == "Copy") copy = a;
    QVERIFY(copy);
    QVERIFY(view->model()->rowCount() > 2);
    view->clearSelection();
    copy->trigger();
    QCOMPARE(lines().size(), 1 + view->model()->rowCount());
    view->selectRow(1);
    copy->trigger();
    QCOMPARE(lines().size(), 2);
    QCOMPARE(lines()[1].split('\t').size(), lines()[0].split('\t').size());
}

void TestExplorer::exportImportRoundTrip() {
    QTemporaryDir dir;
    const QString path = dir.filePath("explorer.json");
    MainWindow w;
    w.scalingEditor()->phiBox()->setValue(1.5);
    QVERIFY(w.stageModel()->setData(w.stageModel()->index(3, StageTableModel::WidthMult), 1.25,
                                    Qt::EditRole));
    QVERIFY(w.saveConfig(path));
    const ScaleConfig saved = w.document()->config();
    w.scalingEditor()->phiBox()->setValue(-1.0);
    QVERIFY(!(w.document()->config() == saved));
    MainWindow other;
    QVERIFY(other.openConfig(path));
    QVERIFY(other.document()->config() == saved);
    QCOMPARE(other.document()->costs().macs,
             computeCosts(scale(saved.baseline, saved.request)).macs);
    // A broken file is refused with a message and leaves the window as it was.
    QFile bad(dir.filePath("bad.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"format\": \"scalescope-config\", \"version\": 1, \"baseline\": "
              "\"efficientnet-b0\", \"scaling\": {\"phi\": \"x\"}}");
    bad.close();
    QVERIFY(!other.openConfig(bad.fileName()));
    QVERIFY(other.lastMessage().contains("scaling.phi"));
    QVERIFY(other.document()->config() == saved);
}

void TestExplorer::shortTrainingRunDrawsCurves() {
    MainWindow w;
    ScaleConfig c = tinyRun(2);
    c.training.emaDecay = 0.9; // the EMA's and the trained weights' accuracy, both drawn
    QVERIFY(w.document()->setConfig(c));
    w.trainingPanel()->setSettingsFromDocument();
    QSignalSpy finished(w.trainingController(), &TrainingController::runFinished);
    w.trainingPanel()->startButton()->click();
    QVERIFY(w.trainingController()->isRunning());
    // Measuring would time the run's cores too: the Speed dock waits for the run.
    QVERIFY(!w.speedPanel()->measureButton()->isEnabled());
    // The explorer stays editable, undo included, and the run keeps the configuration it
    // started with. An undone training setting shows in the (locked) form for the next Start.
    const ScaleConfig started = w.document()->config();
    QVERIFY(w.scalingEditor()->isEnabled());
    QVERIFY(w.historyDock()->widget()->isEnabled());
    w.scalingEditor()->phiBox()->setValue(1.0);
    QVERIFY(!(w.document()->config().request == started.request));
    QVERIFY(w.undoAction()->isEnabled());
    auto* epochsBox = w.trainingPanel()->findChild<QSpinBox*>(QStringLiteral("epochs"));
    QVERIFY(epochsBox);
    QVERIFY(!epochsBox->isEnabled());
    ScaleConfig longer = w.document()->config();
    longer.training.epochs = 7;
    QVERIFY(w.document()->setConfig(longer));
    QCOMPARE(epochsBox->value(), 7);
    w.undoAction()->trigger();
    QCOMPARE(epochsBox->value(), 2);
    QVERIFY(finished.wait(120000));
    QVERIFY(w.speedPanel()->measureButton()->isEnabled());
    QCOMPARE(finished.first().at(0).toBool(), true); // completed
    QVERIFY(loadConfig((w.trainingPanel()->lastRunDir() + "/config.json").toStdString()) ==
            started);
    QCOMPARE(w.document()->config().request.coefficients.phi,
             1.0); // the edit made during the run stays
    QTRY_VERIFY(w.trainingPanel()->pointCount() > 2);
    QVERIFY2(w.trainingPanel()->statusText().contains("Finished"),
             qPrintable(w.trainingPanel()->statusText()));
    QVERIFY(w.scalingEditor()->isEnabled());
    QCOMPARE(w.trainingPanel()->runCount(), 1);
    QTemporaryDir dir;
    QVERIFY(w.trainingPanel()->exportMetricsCsv(dir.filePath("m.csv")));
    QFile csv(dir.filePath("m.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString(csv.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 3); // header + 2 epochs
    QCOMPARE(lines[0], "run," + QString::fromStdString(train::metricsFileHeader()));
    bool number = false;
    // The run's name is quoted and may hold commas: columns are counted from the end.
    const QStringList header = lines[0].split(',');
    const auto cell = [&](const char* name) {
        number = false;
        const int i = int(header.indexOf(name));
        if (i <= 0) return 0.0; // absent, or the first column, which no count from the end reaches
        const int fromEnd = i - int(header.size()); // -1 is the last
        return lines[2].section(',', fromEnd, fromEnd).toDouble(&number);
    };
    const double live = cell("live_val_accuracy");
    QVERIFY2(number && live >= 0 && live <= 1, qPrintable(lines[2]));
    const double validated = cell("validation_seconds");
    QVERIFY2(number && validated > 0, qPrintable(lines[2]));
    // Graphs per run: loss, val accuracy (EMA), val accuracy (trained weights), then the
    // schedule's four and img/s.
    QCPGraph* emaAcc = w.trainingPanel()->plot()->graph(1);
    QCPGraph* trainedAcc = w.trainingPanel()->plot()->graph(2);
    QCOMPARE(trainedAcc->data()->size(), 2);
    QVERIFY(std::abs(trainedAcc->data()->at(1)->value - live) < 1e-7); // 8 digits written
    QVERIFY2(emaAcc->name().endsWith("EMA"), qPrintable(emaAcc->name()));
    // The key legend names the dotted curve now, right after the dashed one, which says it is
    // the EMA's; the runs' legend keeps one entry a run.
    QCOMPARE(legendNames(w.trainingPanel()->keyLegend()).mid(0, 3),
             QStringList({"train loss:1", "val accuracy (EMA if kept):2",
                          "val accuracy, trained weights:3"}));
    QCOMPARE(legendNames(w.trainingPanel()->plot()->legend), QStringList({"#1:1"}));

    // The finished run's folder opens again as a second overlay, and both redraw against
    // wall time: the x axis then ends where the slower run ended.
    TrainingPanel* panel = w.trainingPanel();
    QVERIFY(panel->openRun(panel->lastRunDir()));
    QCOMPARE(panel->runCount(), 2);
    {
        // Labelled with its epochs and its folder with the parent's name; the model named as
        // when it started (the tiny model's multipliers, which tell it from the baseline).
        const QFileInfo info(panel->lastRunDir());
        const QString label = panel->findChild<QListWidget*>()->item(1)->text();
        QVERIFY2(label.startsWith("#2 EfficientNet-B0 w0.25 d0.25, paper, 2 epochs") &&
                     label.contains(info.dir().dirName() + '/' + info.fileName()),
                 qPrintable(label));
        const QString started = panel->findChild<QListWidget*>()->item(0)->text();
        QCOMPARE(started, QString("#1 EfficientNet-B0 w0.25 d0.25, paper, 2 epochs"));
    }
    QCOMPARE(panel->pointCount(), 4); // two epochs: a loss and an accuracy point each
    QCPAxis* x = panel->plot()->axisRect(0)->axis(QCPAxis::atBottom);
    // Epochs, with the last one inside the range, not on its clipped edge.
    QVERIFY2(x->range().upper > 2.0 && x->range().upper <= 2.1,
             qPrintable(QString::number(x->range().upper)));
    auto* axisBox = panel->findChild<QComboBox*>(QStringLiteral("xAxis"));
    QVERIFY(axisBox);
    axisBox->setCurrentIndex(axisBox->findData(int(TrainingPanel::XAxis::WallTime)));
    QCOMPARE(panel->xAxis(), TrainingPanel::XAxis::WallTime);
    const train::RunHistory h = train::readRunHistory(panel->lastRunDir().toStdString());
    QVERIFY(x->range().upper > h.epochs.back().elapsedSeconds);
    QVERIFY(x->range().upper < h.epochs.back().elapsedSeconds + 5);
    QCOMPARE(panel->pointCount(), 4); // redrawn, not doubled
    QCPGraph* opened = panel->plot()->graph(panel->plot()->graphCount() - 7); // its val accuracy
    QCOMPARE(opened->data()->at(1)->key, h.epochs.back().elapsedSeconds);
    // File → Compare training runs…: the trained run and its copy read back from metrics.csv
    // reach the same accuracy at the same time.
    QAction* compare = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
        if (a->text() == "Com&pare training runs…") compare = a;
    QVERIFY(compare);
    compare->trigger();
    QVERIFY(panel->comparisonDialog()->isVisible());
    QCOMPARE(panel->comparisonDialog()->model()->rowCount(), 2);
    const double ratio = panel->comparisonDialog()->model()->comparison().rows[1].ratio;
    QVERIFY2(std::abs(ratio - 1.0) < 1e-6, qPrintable(QString::number(ratio))); // 8 digits read
    panel->comparisonDialog()->close();

    // A run opened while another trains does not take the live run's events.
    finished.clear();
    w.trainingPanel()->startButton()->click();
    QVERIFY(w.trainingController()->isRunning());
    QVERIFY(panel->openRun(QString::fromStdString(h.dir))); // the first run, finished
    QVERIFY(finished.wait(120000));
    QTRY_VERIFY(panel->statusText().contains("Finished"));
    QCOMPARE(panel->runCount(), 4);
    QCOMPARE(panel->pointCount(), 4); // the opened run, newest, kept its own points
    QCPGraph* liveAcc = panel->plot()->graph(2 * 8 + 1);
    QCOMPARE(liveAcc->data()->size(), 2); // the live run (#3) got both epochs

    // A folder without a run is refused by name and adds nothing.
    QString why;
    QVERIFY(!panel->openRun(dir.path(), &why));
    QVERIFY2(why.contains("metrics.csv") && why.contains("no such file"), qPrintable(why));
    QCOMPARE(panel->runCount(), 4);
    QCOMPARE(legendNames(panel->plot()->legend), QStringList({"#1:1", "#2:1", "#3:1", "#4:1"}));
    // A click on a run's legend entry hides it (its box in the list too), greyed; another
    // brings it back.
    {
        QCustomPlot* plot = panel->plot();
        w.findChild<QTabWidget*>()->setCurrentWidget(panel);
        w.show(); // a hidden plot lays out for no size, and takes no clicks where it draws
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        plot->replot();
        QCPAbstractLegendItem* second = plot->legend->item(1);
        auto* runList = panel->findChild<QListWidget*>("runList");
        QTest::mouseClick(plot, Qt::LeftButton, {}, second->outerRect().center());
        QCOMPARE(runList->item(1)->checkState(), Qt::Unchecked);
        QVERIFY(!plot->graph(8)->visible()); // #2's loss
        QCOMPARE(second->textColor(), QColor(Qt::gray));
        QCOMPARE(runList->item(0)->checkState(), Qt::Checked);
        QTest::mouseClick(plot, Qt::LeftButton, {}, second->outerRect().center());
        QCOMPARE(runList->item(1)->checkState(), Qt::Checked);
        QVERIFY(plot->graph(8)->visible());
        QCOMPARE(second->textColor(), QColor(Qt::black));
        // Its tooltip names the run as the run list does.
        const QPoint at = second->outerRect().center();
        QHelpEvent help(QEvent::ToolTip, at, plot->mapToGlobal(at));
        QApplication::sendEvent(plot, &help);
        QTRY_COMPARE(QToolTip::text(), runList->item(1)->text());
    }

    // Without the runs that kept an EMA, the dotted key goes and the dashed one is plain.
    while (panel->runCount() > 0)
        QVERIFY(panel->removeRun(0));
    QVERIFY(legendNames(panel->plot()->legend).isEmpty());
    QCOMPARE(legendNames(panel->keyLegend()),
             QStringList({"train loss:1", "val accuracy:2", "image px:1", "dropout:2",
                          "RandAugment/30:3", "mixup α:4"}));
}

// Runs with training.validate_every above 1 leave epochs without validation: those draw a loss
// point and no accuracy point, and the status names the last validated epoch.
void TestExplorer::openedRunsBetweenValidations_data() {
    QTest::addColumn<QList<bool>>("validated"); // per epoch
    QTest::addColumn<int>("points");            // loss points + accuracy points
    QTest::addColumn<QString>("status");
    QTest::newRow("finished, every second epoch")
        << QList<bool>{false, true, true} << 5 << "3 epochs, final val accuracy 60.00%";
    QTest::newRow("stopped between validations")
        << QList<bool>{false, true, false} << 4 << "3 epochs, val accuracy 50.00% after epoch 2";
    QTest::newRow("stopped before any") << QList<bool>{false} << 1 << "1 epoch, none validated";
}

void TestExplorer::openedRunsBetweenValidations() {
    QFETCH(QList<bool>, validated);
    QFETCH(int, points);
    QFETCH(QString, status);
    QTemporaryDir dir;
    {
        std::ofstream csv(dir.filePath("metrics.csv").toStdString());
        csv << train::metricsFileHeader() << "\n";
        for (int i = 0; i < validated.size(); ++i) {
            train::TrainEvent e;
            e.epoch = i;
            e.step = 10 * (i + 1);
            e.imageSize = 32;
            e.loss = 2.0 - 0.1 * i;
            e.trainAccuracy = 0.3;
            e.elapsedSeconds = 5.0 * (i + 1);
            e.validationSeconds = 0;
            const double nan = std::numeric_limits<double>::quiet_NaN();
            e.valLoss = validated[i] ? 1.0 : nan;
            e.valAccuracy = validated[i] ? 0.4 + 0.1 * i : nan;
            csv << train::metricsRow(e) << "\n";
        }
    }
    MainWindow w;
    TrainingPanel* panel = w.trainingPanel();
    QString why;
    QVERIFY2(panel->openRun(dir.path(), &why), qPrintable(why));
    QCOMPARE(panel->pointCount(), points);
    QVERIFY2(panel->statusText().contains(status), qPrintable(panel->statusText()));
}

void TestExplorer::trainingFormSurvivesScalingEdits() {
    QTemporaryDir dir;
    MainWindow w;
    auto* epochs = w.trainingPanel()->findChild<QSpinBox*>("epochs");
    QVERIFY(epochs);
    epochs->setValue(17); // typed, not yet started or saved
    w.scalingEditor()->phiBox()->setValue(1.0);
    QCOMPARE(epochs->value(), 17);
    // Saving takes the form's settings along.
    QVERIFY(w.saveConfig(dir.filePath("c.json")));
    QCOMPARE(loadConfig(dir.filePath("c.json").toStdString()).training.epochs, 17);
    // Opening a file replaces them.
    ScaleConfig other = w.document()->config();
    other.training.epochs = 5;
    saveConfig(other, dir.filePath("o.json").toStdString());
    QVERIFY(w.openConfig(dir.filePath("o.json")));
    QCOMPARE(epochs->value(), 5);
}

// The folded-away settings reach the document (and a saved file), come back from one, and a
// value the engine refuses is refused by name before a run starts.
// Under the form, before Start: the progressive stages the settings train (the model's
// resolution is the last one's by default), or why Start would refuse them.
void TestExplorer::planFollowsTheForm() {
    MainWindow w;
    TrainingPanel* panel = w.trainingPanel();
    auto plan = [&] { return panel->planText().remove(QChar(0x2060)); };
    // B0's maps round up at 48 and 56 px: 0.88x the MACs where the pixels give 0.78x.
    QCOMPARE(plan(), QString("Trains in 3 stages: 48 px (epochs 1–2), 56 px (epochs 3–4), 64 px "
                             "(epochs 5–6); validated at 64 px. The steps cost 0.88× the "
                             "multiply-adds of 6 epochs at 64 px."));
    auto* epochs = panel->findChild<QSpinBox*>("epochs");
    auto* maxSize = panel->findChild<QSpinBox*>("maxImageSize");
    auto* minSize = panel->findChild<QSpinBox*>("minImageSize");
    auto* schedule = panel->findChild<QComboBox*>("schedule");
    QVERIFY(epochs && maxSize && minSize && schedule);
    epochs->setValue(2); // never more stages than epochs
    QVERIFY2(plan().startsWith("Trains in 2 stages: 48 px (epoch 1), 64 px (epoch 2); "
                               "validated at 64 px. The steps cost 0."),
             qPrintable(plan()));
    maxSize->setValue(0); // the model's: B0 at φ 2 is 296 px
    w.scalingEditor()->phiBox()->setValue(2.0);
    QVERIFY2(plan().contains("296 px (epoch 2); validated at 296 px"), qPrintable(plan()));
    schedule->setCurrentIndex(schedule->findData("fixed"));
    QCOMPARE(plan(), QString("Trains at 296 px for all 2 epochs, validated at 296 px."));
    maxSize->setValue(40); // below the smallest size
    schedule->setCurrentIndex(schedule->findData("paper"));
    QCOMPARE(plan(), QString("Start would refuse this: training.progressive.min_image_size: "
                             "minimum image size 48 is above the maximum 40"));
    minSize->setValue(32);
    QVERIFY2(plan().startsWith("Trains in 2 stages: 32 px"), qPrintable(plan()));
}

void TestExplorer::moreTrainingSettingsRoundTrip() {
    QTemporaryDir dir;
    MainWindow w;
    TrainingPanel* panel = w.trainingPanel();
    auto* more = panel->findChild<QToolButton*>("moreSettings");
    auto* decay = panel->findChild<QDoubleSpinBox*>("weightDecay");
    auto* ema = panel->findChild<QDoubleSpinBox*>("emaDecay");
    auto* precision = panel->findChild<QComboBox*>("precision");
    auto* graphs = panel->findChild<QCheckBox*>("cudaGraphs");
    auto* cudnn = panel->findChild<QCheckBox*>("cudnnBenchmark");
    auto* validateEvery = panel->findChild<QSpinBox*>("validateEvery");
    auto* init = panel->findChild<QComboBox*>("init");
    QVERIFY(more && decay && ema && precision && graphs && cudnn && validateEvery && init);
    QVERIFY(!decay->isVisibleTo(panel));
    // Before any run the curves' plots use the panel's width (an empty legend once capped it).
    w.resize(1500, 940);
    w.findChild<QTabWidget*>()->setCurrentIndex(1);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    panel->plot()->replot();
    QVERIFY2(panel->plot()->axisRect(0)->outerRect().width() > panel->plot()->width() * 3 / 4,
             qPrintable(QString::number(panel->plot()->axisRect(0)->outerRect().width())));
    // A run's schedule curves share its colour; the legend names them by line style.
    QCOMPARE(legendNames(panel->keyLegend()),
             QStringList({"train loss:1", "val accuracy:2", "image px:1", "dropout:2",
                          "RandAugment/30:3", "mixup α:4"}));
    QVERIFY(legendNames(panel->plot()->legend).isEmpty()); // no runs yet
    // The runs' empty legend takes no room under the keys.
    QVERIFY2(panel->plot()->legend->outerRect().height() <= 1,
             qPrintable(QString::number(panel->plot()->legend->outerRect().height())));
    QVERIFY(panel->keyLegend()->outerRect().height() > 10);
    QCOMPARE(panel->plot()->graphCount(), 0); // keys, no runs' curves
    more->click();
    QVERIFY(decay->isVisibleTo(panel));
    decay->setValue(5e-4);
    ema->setValue(0.999);
    precision->setCurrentIndex(precision->findData("fp32"));
    QVERIFY(graphs->isChecked()); // the default
    // CUDA's own options are greyed for the CPU, and keep their state for a GPU run.
    auto* device = panel->findChild<QComboBox*>("device");
    QVERIFY(device);
    const int deviceBefore = device->currentIndex();
    device->setCurrentIndex(device->findData("cpu"));
    QVERIFY(!graphs->isEnabled() && !cudnn->isEnabled());
    QVERIFY(graphs->isChecked());
    device->setCurrentIndex(device->findData("cuda:0"));
    QVERIFY(graphs->isEnabled() && cudnn->isEnabled());
    device->setCurrentIndex(deviceBefore);
    graphs->setChecked(false);
    QVERIFY(!cudnn->isChecked()); // the default
    cudnn->setChecked(true);
    QCOMPARE(validateEvery->text(), QStringLiteral("every epoch")); // the default, 1
    validateEvery->setValue(4);
    QCOMPARE(init->currentData().toString(), QStringLiteral("zero-last")); // the GUI's default
    init->setCurrentIndex(init->findData("timm"));
    QVERIFY(w.saveConfig(dir.filePath("c.json")));
    const TrainingSettings saved = loadConfig(dir.filePath("c.json").toStdString()).training;
    QCOMPARE(saved.weightDecay, 5e-4);
    QCOMPARE(saved.emaDecay, 0.999);
    QCOMPARE(QString::fromStdString(saved.precision), QStringLiteral("fp32"));
    QVERIFY(!saved.cudaGraphs);
    QVERIFY(saved.cudnnBenchmark);
    QCOMPARE(saved.validateEvery, 4);
    QCOMPARE(QString::fromStdString(saved.init), QStringLiteral("timm"));

    ScaleConfig other = w.document()->config();
    other.training.emaDecay = 0;
    other.training.precision = "bf16";
    other.training.cudaGraphs = true;
    other.training.cudnnBenchmark = false;
    other.training.validateEvery = 2;
    other.training.init = "zero-last";
    saveConfig(other, dir.filePath("o.json").toStdString());
    QVERIFY(w.openConfig(dir.filePath("o.json")));
    QCOMPARE(ema->text(), QStringLiteral("off"));
    QCOMPARE(precision->currentData().toString(), QStringLiteral("bf16"));
    QVERIFY(graphs->isChecked());
    QVERIFY(!cudnn->isChecked());
    QCOMPARE(validateEvery->value(), 2);
    QCOMPARE(init->currentData().toString(), QStringLiteral("zero-last"));

    // A warm-up longer than the run: refused with the field's name, nothing started.
    panel->findChild<QSpinBox*>("epochs")->setValue(2);
    auto* warmup = panel->findChild<QDoubleSpinBox*>("warmupEpochs");
    QVERIFY(warmup);
    warmup->setValue(5);
    QString why;
    QVERIFY(!panel->commitSettings(&why));
    QVERIFY2(why.contains("training.warmup_epochs"), qPrintable(why));
    warmup->setValue(0);
    // A first image size above the last one, likewise; against the model's own size (0), the
    // schedule clamps it instead.
    auto* minSize = panel->findChild<QSpinBox*>("minImageSize");
    auto* maxSize = panel->findChild<QSpinBox*>("maxImageSize");
    QVERIFY(minSize && maxSize);
    minSize->setValue(200);
    maxSize->setValue(64);
    QVERIFY(!panel->commitSettings(&why));
    QVERIFY2(why.contains("training.progressive.min_image_size"), qPrintable(why));
    maxSize->setValue(0);
    QVERIFY2(panel->commitSettings(&why), qPrintable(why));
}

void TestExplorer::closingDuringRunStopsWithCheckpoint() {
    MainWindow w;
    ScaleConfig c = tinyRun(200); // far longer than the test
    c.training.progressive.stages = 2;
    QVERIFY(w.document()->setConfig(c));
    w.trainingPanel()->setSettingsFromDocument();
    w.show();
    int asked = 0;
    bool answer = false;
    w.setStopConfirmation([&] {
        ++asked;
        return answer;
    });
    w.trainingPanel()->startButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(w.trainingPanel()->pointCount() > 0, 60000);
    QVERIFY(!w.close()); // "No": the window stays and the run goes on
    QCOMPARE(asked, 1);
    QVERIFY(w.trainingController()->isRunning());
    answer = true;
    QVERIFY(w.close());
    QCOMPARE(asked, 2);
    QVERIFY(QFile::exists(w.trainingPanel()->lastRunDir() + "/checkpoint.pt"));
    QVERIFY(QFile::exists(w.trainingPanel()->lastRunDir() + "/config.json"));
}

void TestExplorer::koreanInterfaceLoads() {
#ifndef SCALESCOPE_HAVE_TRANSLATIONS // configured with SCALESCOPE_WITH_TRANSLATIONS=OFF
    QSKIP("translations were turned off at configure time (SCALESCOPE_WITH_TRANSLATIONS=OFF)");
#endif
    QTranslator ko;
    QVERIFY(ko.load(QStringLiteral(":/i18n/scalescope_ko.qm")));
    QVERIFY(QCoreApplication::installTranslator(&ko));
    {
        MainWindow w;
        QCOMPARE(w.tabs()->tabText(0), QString::fromUtf8("아키텍처"));
        QCOMPARE(w.tabs()->tabText(1), QString::fromUtf8("학습"));
        QVERIFY(w.trainingPanel()->startButton()->text() == QString::fromUtf8("시작"));
        QCOMPARE(w.undoAction()->text(), QString::fromUtf8("실행 취소(&U)"));
        w.scalingEditor()->phiBox()->setValue(2.0);
        QCOMPARE(w.undoAction()->text(), QString::fromUtf8("실행 취소(&U): φ = 2 설정"));
    }
    QCoreApplication::removeTranslator(&ko);
    MainWindow en;
    QCOMPARE(en.tabs()->tabText(0), QString("Architecture"));
}

// A configuration dropped on the window opens as File → Open does; a run folder opens on the
// training tab, a study or grid folder in its window; anything else is refused, named.
void TestExplorer::droppedFilesAndFoldersOpen() {
    QTemporaryDir dir;
    const auto write = [&](const QString& name, const std::string& text) {
        QVERIFY(QDir().mkpath(QFileInfo(dir.filePath(name)).path()));
        std::ofstream(dir.filePath(name).toStdString()) << text;
    };
    const ScaleConfig b3 = configForPreset("efficientnet-b3");
    write("b3.json", configToJson(b3).dump(2));
    ScaleConfig tiny = tinyConfig();
    write("run/config.json", configToJson(tiny).dump(2));
    train::TrainEvent e;
    e.imageSize = 32;
    e.loss = 2.0;
    e.valAccuracy = 0.5;
    write("run/metrics.csv", train::metricsFileHeader() + "\n" + train::metricsRow(e) + "\n");
    write("study/study.json", studyManifestToJson(StudyManifest{tiny, StudySpec{}}).dump(2));
    GridManifest grid{tiny, GridSearchSpec{}, 2};
    write("grid/grid.json", gridManifestToJson(grid).dump(2));
    grid.seeds = 3;
    write("grid3/grid.json", gridManifestToJson(grid).dump(2));
    write("notes.txt", "not a configuration");
    QVERIFY(QDir().mkpath(dir.filePath("empty")));

    MainWindow w;
    w.show();
    // A real drop of the configuration, as the window receives it.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir.filePath("b3.json"))});
    // Qt delivers a drop to the widget that accepted the drag's entry.
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QCOMPARE(w.document()->config(), b3);

    QString why;
    QVERIFY2(w.openDropped(dir.filePath("run"), &why), qPrintable(why));
    QCOMPARE(w.tabs()->currentWidget(), w.trainingPanel());
    QCOMPARE(w.trainingPanel()->runCount(), 1);

    ScalingStudyDialog* study = w.scalingStudyDialog();
    QSignalSpy studyOpened(study, &ScalingStudyDialog::studyOpened);
    QVERIFY2(w.openDropped(dir.filePath("study"), &why), qPrintable(why));
    QVERIFY(study->isVisible());
    QVERIFY(studyOpened.wait(10000));
    QCOMPARE(studyOpened.first().first().toBool(), true);
    QCOMPARE(study->studyDir(), dir.filePath("study"));

    QVERIFY2(w.openDropped(dir.filePath("grid"), &why), qPrintable(why));
    GridSearchDialog* gridWindow = w.gridSearchDialog();
    QVERIFY(gridWindow && gridWindow->isVisible());
    QSignalSpy gridOpened(gridWindow, &GridSearchDialog::gridOpened);
    QVERIFY(gridOpened.wait(10000));
    QCOMPARE(gridOpened.first().first().toBool(), true);
    QCOMPARE(gridWindow->gridDir(), dir.filePath("grid"));
    QCOMPARE(gridWindow->seeds(), 2);

    // Dropped on the grid window itself, a grid folder opens there too.
    const auto dropOn = [](QWidget* target, const QString& path) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted()) return false;
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        return true;
    };
    QVERIFY(dropOn(gridWindow, dir.filePath("grid3")));
    QVERIFY(gridOpened.wait(10000));
    QCOMPARE(gridOpened.last().first().toBool(), true);
    QCOMPARE(gridWindow->gridDir(), dir.filePath("grid3"));
    QCOMPARE(gridWindow->seeds(), 3);
    QVERIFY(!dropOn(gridWindow, dir.filePath("notes.txt"))); // a file is no grid folder
    QVERIFY(dropOn(study, dir.filePath("study")));
    QVERIFY(studyOpened.wait(10000));
    QCOMPARE(studyOpened.last().first().toBool(), true);

    QVERIFY(!w.openDropped(dir.filePath("empty"), &why));
    QVERIFY2(why.contains("is no training run, experiment, study or grid folder"), qPrintable(why));
    QVERIFY(!w.openDropped(dir.filePath("notes.txt"), &why));
    QVERIFY2(why.contains("drop a configuration (.json)"), qPrintable(why));
}

QTEST_MAIN(TestExplorer)
#include "tst_explorer.moc"
