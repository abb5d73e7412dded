// Undo, redo and the modified mark: every accepted edit is one step back to the exact
// configuration before it, a slider drag is one step, refused edits leave no step, opening a
// file can be undone, and closing the window keeps unsaved edits for the next start.
#include "architectureview.h"
#include "explorerdocument.h"
#include "mainwindow.h"
#include "scalingeditor.h"
#include "stagetablemodel.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include "../train/tinyconfig.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace scalescope;

namespace {
enum Edit {
    Phi,
    Preset,
    StageRepeats,
    StageDepth,
    DuplicateStage,
    RemoveStage,
    ImageCap,
    Training
};
} // namespace
Q_DECLARE_METATYPE(Edit)

class TestUndo : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init();
    void everyEditUndoesExactly_data();
    void everyEditUndoesExactly();
    void sliderDragIsOneStep();
    void refusedEditsLeaveNoStep();
    void stagesAreDuplicatedAndRemoved();
    void savingMarksTheWindowUnmodified();
    void openingAFileCanBeUndone();
    void undoWorksWhileTraining();
    void closingKeepsUnsavedEdits();
    void closingReadsASavedFileAgain();
    void closingKeepsTheStartOptions();
};

void TestUndo::init() {
    QStandardPaths::setTestModeEnabled(true); // keep the user's settings out of it
    QSettings().clear();
}

void TestUndo::everyEditUndoesExactly_data() {
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("undoText");
    QTest::newRow("φ in its spin box") << Phi << "Undo Set φ to 2";
    QTest::newRow("a preset") << Preset << "Undo Load EfficientNetV2-S";
    QTest::newRow("stage repeats in the table") << StageRepeats << "Undo Edit stage 3";
    QTest::newRow("a stage's depth multiplier") << StageDepth << "Undo Set stage 6's multipliers";
    QTest::newRow("a stage duplicated") << DuplicateStage << "Undo Duplicate stage 3";
    QTest::newRow("a stage removed") << RemoveStage << "Undo Remove stage 2";
    QTest::newRow("the image size cap") << ImageCap << "Undo Cap the image size at 160 px";
    QTest::newRow("training settings") << Training << "Undo Change the training settings";
}

void TestUndo::everyEditUndoesExactly() {
    QFETCH(Edit, edit);
    QFETCH(QString, undoText);
    MainWindow w;
    ExplorerDocument* doc = w.document();
    StageTableModel* table = w.stageModel();
    const ScaleConfig before = doc->config();
    const std::int64_t macsBefore = doc->costs().macs;
    QVERIFY(!w.undoAction()->isEnabled());
    QVERIFY(!w.isWindowModified());
    switch (edit) {
    case Phi:
        w.scalingEditor()->phiBox()->setValue(2.0);
        break;
    case Preset:
        QVERIFY(doc->loadPreset("efficientnetv2-s"));
        break;
    case StageRepeats:
        QVERIFY(table->setData(table->index(2, StageTableModel::Repeats), 5, Qt::EditRole));
        break;
    case StageDepth:
        QVERIFY(table->setData(table->index(5, StageTableModel::DepthMult), 2.0, Qt::EditRole));
        break;
    case DuplicateStage:
        QVERIFY(doc->duplicateStage(2));
        break;
    case RemoveStage:
        QVERIFY(doc->removeStage(1));
        break;
    case ImageCap: {
        QVERIFY(doc->setMaxResolution(160));
        break;
    }
    case Training: {
        TrainingSettings t = before.training;
        t.epochs = 11;
        QVERIFY(doc->setTraining(t));
        break;
    }
    }
    const ScaleConfig after = doc->config();
    QVERIFY(!(after == before));
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(w.isWindowModified());
    QVERIFY(w.undoAction()->isEnabled());
    QCOMPARE(w.undoAction()->text().remove('&'), undoText);

    w.undoAction()->trigger();
    QVERIFY(doc->config() == before);
    QCOMPARE(doc->costs().macs, macsBefore); // what the views show follows
    QCOMPARE(w.scalingEditor()->phiBox()->value(), before.request.coefficients.phi);
    QCOMPARE(table->rowCount(), int(before.baseline.stages.size()));
    QCOMPARE(table->data(table->index(2, StageTableModel::Repeats), Qt::EditRole).toInt(),
             before.baseline.stages[2].repeats);
    QVERIFY(!w.isWindowModified()); // back where it started
    QVERIFY(w.redoAction()->isEnabled());

    w.redoAction()->trigger();
    QVERIFY(doc->config() == after);
    QVERIFY(w.isWindowModified());
}

void TestUndo::sliderDragIsOneStep() {
    MainWindow w;
    ExplorerDocument* doc = w.document();
    QSlider* phi = w.scalingEditor()->slider(3);
    const double start = doc->config().request.coefficients.phi;
    const int from = phi->value();
    phi->setSliderDown(true); // pressed: the drag begins
    for (int v = from + 50; v <= from + 400; v += 50)
        phi->setValue(v);
    phi->setSliderDown(false);
    const double dragged = doc->config().request.coefficients.phi;
    QVERIFY(dragged > start + 1.0);
    QCOMPARE(doc->undoStack()->count(), 1);

    // A drag that ends where it began leaves no step.
    phi->setSliderDown(true);
    phi->setValue(from + 600);
    phi->setValue(from + 400);
    phi->setSliderDown(false);
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->config().request.coefficients.phi, dragged);

    // A second drag is a second step, though it moves the same slider.
    phi->setSliderDown(true);
    phi->setValue(from + 500);
    phi->setSliderDown(false);
    QCOMPARE(doc->undoStack()->count(), 2);
    doc->undoStack()->undo();
    QCOMPARE(doc->config().request.coefficients.phi, dragged);
    doc->undoStack()->undo();
    QCOMPARE(doc->config().request.coefficients.phi, start);

    // Arrow clicks on the spin box are steps of their own (and drop the redo steps).
    QDoubleSpinBox* box = w.scalingEditor()->phiBox();
    box->stepUp();
    box->stepUp();
    QCOMPARE(doc->undoStack()->count(), 2);
}

void TestUndo::refusedEditsLeaveNoStep() {
    MainWindow w;
    ExplorerDocument* doc = w.document();
    StageTableModel* table = w.stageModel();
    const ScaleConfig before = doc->config();
    QVERIFY(!table->setData(table->index(1, StageTableModel::Stride), 0, Qt::EditRole));
    QVERIFY(!table->setData(table->index(1, StageTableModel::Kernel), 2.5, Qt::EditRole));
    Coefficients k = before.request.coefficients;
    k.phi = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(!doc->setCoefficients(k));
    // The same values again are no edit either.
    QVERIFY(doc->setCoefficients(before.request.coefficients));
    QCOMPARE(doc->undoStack()->count(), 0);
    QVERIFY(doc->config() == before);
    QVERIFY(!w.isWindowModified());
    QVERIFY(!w.undoAction()->isEnabled());
}

// A stage of the baseline is duplicated right after itself, its multipliers with it, or taken
// out, from the stage table's context menu, the Edit menu or Delete; the model, the table and
// the diagram follow, and the engine's limits (one stage at the least) are refused by name.
void TestUndo::stagesAreDuplicatedAndRemoved() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    ExplorerDocument* doc = w.document();
    QVERIFY(doc->loadPreset("efficientnetv2-s"));
    QVERIFY(doc->setStageMultiplier(4, 1.5, 1.25));
    const ScaleConfig before = doc->config();
    const std::int64_t paramsBefore = doc->costs().params;
    QAction* duplicate = w.duplicateStageAction();
    QAction* remove = w.removeStageAction();
    QVERIFY(!duplicate->isEnabled()); // no stage chosen yet
    QCOMPARE(duplicate->text().remove('&'), QString("Duplicate stage"));

    // The context menu of stage 5 (row 4).
    QMenu* menu = w.showStageMenu(4, w.mapToGlobal(QPoint(50, 50)));
    QVERIFY(menu && menu->isVisible());
    QVERIFY(menu->actions().contains(duplicate) && menu->actions().contains(remove));
    QCOMPARE(duplicate->text().remove('&'), QString("Duplicate stage 5"));
    QCOMPARE(remove->text().remove('&'), QString("Remove stage 5"));
    QVERIFY(duplicate->isEnabled() && remove->isEnabled());
    menu->hide();
    QVERIFY(!w.showStageMenu(6, {})); // no such stage: no menu
    // A right-click on stage 3's box in the diagram opens the same menu for it.
    ArchitectureView* view = w.architectureView();
    QPoint onStage3(-1, -1);
    for (int y = 0; y < view->viewport()->height() && onStage3.x() < 0; y += 8)
        for (int x = 0; x < view->viewport()->width(); x += 8)
            if (view->stageAt({x, y}) == 2) {
                onStage3 = {x, y};
                break;
            }
    QVERIFY(onStage3.x() >= 0);
    QContextMenuEvent click(QContextMenuEvent::Mouse, onStage3,
                            view->viewport()->mapToGlobal(onStage3));
    QApplication::sendEvent(view->viewport(), &click);
    QVERIFY(menu->isVisible());
    QCOMPARE(w.stageTable()->currentIndex().row(), 2);
    QCOMPARE(duplicate->text().remove('&'), QString("Duplicate stage 3"));
    // Its layers in the diagram, from the menu; a double-click closes them again.
    QAction* layers = w.stageLayersAction();
    QVERIFY(menu->actions().contains(layers) && !layers->isChecked());
    const int boxes = view->blockItemCount();
    layers->trigger();
    QVERIFY(view->isExpanded(2));
    QVERIFY(view->blockItemCount() > boxes);
    menu->hide();
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, onStage3);
    QVERIFY(!view->isExpanded(2));
    QCOMPARE(view->blockItemCount(), boxes);
    w.showStageMenu(4, w.mapToGlobal(QPoint(50, 50)))->hide();

    duplicate->trigger();
    const ScaleConfig& c = doc->config();
    QCOMPARE(int(c.baseline.stages.size()), 7);
    QVERIFY(c.baseline.stages[5] == before.baseline.stages[4]);
    QCOMPARE(c.request.stages[5].depth, 1.5);
    QCOMPARE(c.request.stages[5].width, 1.25);
    QVERIFY(c.baseline.stages[6] == before.baseline.stages[5]);        // the rest moved on
    QVERIFY(doc->arch().stages[5].spec == doc->arch().stages[4].spec); // scaled alike
    QCOMPARE(w.stageModel()->rowCount(), 7);
    QCOMPARE(w.stageTable()->currentIndex().row(), 5); // the copy
    QCOMPARE(w.architectureView()->stageLabel(5), w.architectureView()->stageLabel(4));
    QVERIFY(doc->costs().params > paramsBefore);
    QCOMPARE(remove->text().remove('&'), QString("Remove stage 6"));

    // Delete in the table takes the current stage out: back to the model before.
    w.stageTable()->setFocus();
    QTest::keyClick(w.stageTable(), Qt::Key_Delete);
    QVERIFY(doc->config() == before);
    QCOMPARE(doc->costs().params, paramsBefore);
    QCOMPARE(w.stageTable()->currentIndex().row(), 5); // the stage after the removed one

    // The first stage out: the others move up, their multipliers with them.
    w.showStageMenu(0, w.mapToGlobal(QPoint(50, 50)))->hide();
    remove->trigger();
    QCOMPARE(int(doc->config().baseline.stages.size()), 5);
    QVERIFY(doc->config().baseline.stages[0] == before.baseline.stages[1]);
    QCOMPARE(doc->config().request.stages[3].depth, 1.5);
    QCOMPARE(w.undoAction()->text().remove('&'), QString("Undo Remove stage 1"));

    // Down to one stage; the last one is refused, with the engine's reason.
    for (int i = 0; i < 4; ++i)
        remove->trigger();
    QCOMPARE(int(doc->config().baseline.stages.size()), 1);
    const int steps = doc->undoStack()->count();
    remove->trigger();
    QCOMPARE(int(doc->config().baseline.stages.size()), 1);
    QCOMPARE(doc->undoStack()->count(), steps);
    QVERIFY2(w.lastMessage().contains("stages: at least one stage is needed"),
             qPrintable(w.lastMessage()));
    // Up to the most the engine allows; one more is refused likewise.
    while (doc->config().baseline.stages.size() < 32) {
        const size_t n = doc->config().baseline.stages.size();
        duplicate->trigger();
        QCOMPARE(doc->config().baseline.stages.size(), n + 1);
    }
    duplicate->trigger();
    QCOMPARE(int(doc->config().baseline.stages.size()), 32);
    QVERIFY2(w.lastMessage().contains("stages: at most 32 stages"), qPrintable(w.lastMessage()));

    // Every step undoes back to the model it started from.
    while (doc->undoStack()->canUndo() && !(doc->config() == before))
        doc->undoStack()->undo();
    QVERIFY(doc->config() == before);
}

void TestUndo::savingMarksTheWindowUnmodified() {
    QTemporaryDir dir;
    const QString path = dir.filePath("b0.json");
    MainWindow w;
    ExplorerDocument* doc = w.document();
    w.scalingEditor()->phiBox()->setValue(1.0);
    QVERIFY(w.isWindowModified());
    QVERIFY(w.saveConfig(path));
    QVERIFY(!w.isWindowModified());
    QVERIFY(w.windowTitle().contains("b0.json"));

    w.scalingEditor()->phiBox()->setValue(3.0);
    QVERIFY(w.isWindowModified());
    doc->undoStack()->undo(); // back to what the file holds
    QVERIFY(!w.isWindowModified());
    doc->undoStack()->undo(); // before the file was saved
    QVERIFY(w.isWindowModified());
    doc->undoStack()->redo();

    // Save (Ctrl+S) writes to the file the configuration came from, without asking.
    w.scalingEditor()->phiBox()->setValue(2.5);
    QVERIFY(w.save());
    QVERIFY(!w.isWindowModified());
    QCOMPARE(loadConfig(path.toStdString()).request.coefficients.phi, 2.5);
}

void TestUndo::openingAFileCanBeUndone() {
    QTemporaryDir dir;
    const QString path = dir.filePath("v2s.json");
    saveConfig(configForPreset("efficientnetv2-s"), path.toStdString());
    MainWindow w;
    ExplorerDocument* doc = w.document();
    w.scalingEditor()->phiBox()->setValue(1.5); // unsaved work
    const ScaleConfig edited = doc->config();
    QVERIFY(w.openConfig(path));
    QCOMPARE(doc->config().baseline.name, std::string("efficientnetv2-s"));
    QCOMPARE(doc->filePath(), path);
    QVERIFY(!w.isWindowModified()); // as it is on disk
    QCOMPARE(w.undoAction()->text().remove('&'), QString("Undo Open v2s.json"));

    doc->undoStack()->undo(); // the unsaved work is back, and untitled again
    QVERIFY(doc->config() == edited);
    QVERIFY(doc->filePath().isEmpty());
    QVERIFY(w.isWindowModified());
    QVERIFY(w.windowTitle().contains("untitled"));
    doc->undoStack()->redo();
    QCOMPARE(doc->filePath(), path);
    QVERIFY(!w.isWindowModified());

    // Opening the same unchanged file again is no step.
    QVERIFY(w.openConfig(path));
    QCOMPARE(doc->undoStack()->count(), 2);
}

void TestUndo::undoWorksWhileTraining() {
    MainWindow w;
    ScaleConfig c = tinyConfig(200); // far longer than the test
    c.training.trainSamples = 320;
    c.training.valSamples = 64;
    c.training.progressive.stages = 2;
    QVERIFY(w.document()->setConfig(c));
    w.trainingPanel()->setSettingsFromDocument();
    QVERIFY(w.undoAction()->isEnabled());
    w.trainingPanel()->startButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(w.trainingController()->isRunning(), 10000);
    // The run trains a copy of the configuration it started with: the explorer, its undo and
    // its history stay in the user's hands meanwhile.
    const QString runDir = w.trainingPanel()->lastRunDir();
    QVERIFY(w.undoAction()->isEnabled());
    QVERIFY(w.historyDock()->widget()->isEnabled());
    w.undoAction()->trigger();
    QVERIFY(w.document()->config().training.epochs != 200);
    QVERIFY(w.redoAction()->isEnabled());
    QVERIFY(w.trainingController()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(runDir + "/config.json"), 60000);
    w.trainingController()->stop();
    w.trainingController()->waitForFinished();
    QCOMPARE(loadConfig((runDir + "/config.json").toStdString()).training.epochs, 200);
    w.redoAction()->trigger();
    QCOMPARE(w.document()->config().training.epochs, 200);
}

void TestUndo::closingKeepsUnsavedEdits() {
    QTemporaryDir dir;
    const QString path = dir.filePath("b0.json");
    ScaleConfig edited;
    {
        MainWindow w;
        QVERIFY(w.saveConfig(path));
        w.scalingEditor()->phiBox()->setValue(2.0); // not saved
        edited = w.document()->config();
        QVERIFY(w.close());
    }
    MainWindow again;
    again.restoreSession();
    QVERIFY(again.document()->config() == edited);
    QCOMPARE(again.document()->filePath(), path); // Save writes where it came from
    QVERIFY(again.isWindowModified());
    QCOMPARE(again.document()->undoStack()->count(), 0); // a new session's history
    QVERIFY(again.save());
    QCOMPARE(loadConfig(path.toStdString()).request.coefficients.phi, 2.0);
}

void TestUndo::closingReadsASavedFileAgain() {
    QTemporaryDir dir;
    const QString path = dir.filePath("b0.json");
    {
        MainWindow w;
        QVERIFY(w.saveConfig(path));
        QVERIFY(w.close());
    }
    ScaleConfig changed = loadConfig(path.toStdString());
    changed.request.coefficients.phi = 4.0; // changed outside ScaleScope meanwhile
    saveConfig(changed, path.toStdString());
    MainWindow again;
    again.restoreSession();
    QCOMPARE(again.document()->config().request.coefficients.phi, 4.0);
    QVERIFY(!again.isWindowModified());

    // A file gone since then: the configuration as it was closed, untitled.
    QVERIFY(again.close());
    QVERIFY(QFile::remove(path));
    MainWindow third;
    third.restoreSession();
    QCOMPARE(third.document()->config().request.coefficients.phi, 4.0);
    QVERIFY(third.document()->filePath().isEmpty());
}

void TestUndo::closingKeepsTheStartOptions() {
    {
        MainWindow w;
        QCOMPARE(w.trainingPanel()->startButton()->text(), QString("Start"));
        w.trainingPanel()->setStartOptions(3, true);
        QCOMPARE(w.trainingPanel()->runsPerStart(), 6); // the default schedule is progressive
        QCOMPARE(w.trainingPanel()->startButton()->text(), QString("Start 6 runs"));
        QVERIFY(w.close());
    }
    {
        MainWindow again;
        again.restoreSession();
        TrainingPanel* panel = again.trainingPanel();
        QCOMPARE(panel->seedsPerStart(), 3);
        QVERIFY(panel->alsoTrainFixed());
        QCOMPARE(panel->startButton()->text(), QString("Start 6 runs"));
        // Where they are set, in sight: More settings unfolded.
        auto* more = panel->findChild<QToolButton*>(QStringLiteral("moreSettings"));
        QVERIFY(more && more->isChecked());
        panel->setStartOptions(1, false);
        QCOMPARE(panel->startButton()->text(), QString("Start"));
        QVERIFY(again.close());
    }
    // A value another version wrote, or a hand-edited one: one seed, never none.
    QSettings().setValue("seedsPerStart", "many");
    MainWindow third;
    third.restoreSession();
    QCOMPARE(third.trainingPanel()->seedsPerStart(), 1);
    QVERIFY(!third.trainingPanel()->alsoTrainFixed());
    QSettings().setValue("seedsPerStart", 100000);
    third.restoreSession();
    QCOMPARE(third.trainingPanel()->seedsPerStart(), 100); // the most one Start trains
}

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
