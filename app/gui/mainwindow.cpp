#include "mainwindow.h"

#include "architectureview.h"
#include "blocktypedelegate.h"
#include "costpanel.h"
#include "droppedpaths.h"
#include "explorerdocument.h"
#include "gridsearchdialog.h"
#include "offguithread.h"
#include "runbrowserdialog.h"
#include "scaling/timmexport.h"
#include "scalingeditor.h"
#include "scalingstudydialog.h"
#include "screenfit.h"
#include "speedpanel.h"
#include "stagetablemodel.h"
#include "tabletext.h"
#include "train/gridfolder.h"
#include "train/runhistory.h"
#include "train/studyruns.h"
#include "train/trainer.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>
#include <qcustomplot.h>

#include <algorithm>
#include <set>

namespace scalescope {

namespace {
constexpr int kMaxRecent = 8;
constexpr int kMessageMs = 12000; // how long a refusal stays in the status bar
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    m_doc = new ExplorerDocument(this);
    m_controller = new TrainingController(this);
    m_editor = new ScalingEditor(m_doc, this);
    m_stageModel = new StageTableModel(m_doc, this);
    m_view = new ArchitectureView(m_doc, this);
    m_costs = new CostPanel(m_doc, this);
    m_speed = new SpeedPanel(m_doc, this);
    m_training = new TrainingPanel(m_doc, m_controller, this);

    m_table = new QTableView(this);
    m_table->setModel(m_stageModel);
    m_table->setItemDelegateForColumn(StageTableModel::Block, new BlockTypeDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    m_tableToolTip =
        tr("Edit the baseline's stages (the block type too: Fused-MBConv in early stages, as "
           "EfficientNetV2) and the per-stage multipliers; the scaled columns follow. "
           "Right-click a stage, here or in the diagram, to duplicate or remove it.");
    m_table->setToolTip(m_tableToolTip);
    m_duplicateStageAction = new QAction(this);
    m_removeStageAction = new QAction(this);
    // Delete in the table takes the current stage out; elsewhere (a cell's editor) it edits.
    m_removeStageAction->setShortcut(QKeySequence::Delete);
    m_removeStageAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_removeStageAction);
    connect(m_duplicateStageAction, &QAction::triggered, this, [this] {
        const int stage = currentStage();
        if (stage >= 0 && m_doc->duplicateStage(stage)) selectStage(stage + 1); // the copy
    });
    connect(m_removeStageAction, &QAction::triggered, this, [this] {
        const int stage = currentStage();
        if (stage >= 0 && m_doc->removeStage(stage))
            selectStage(std::min(stage, m_stageModel->rowCount() - 1)); // the one after it
    });
    // The diagram's double-click, named: a view of the stage, not an edit of the model.
    m_stageLayersAction = new QAction(this);
    m_stageLayersAction->setCheckable(true);
    connect(m_stageLayersAction, &QAction::triggered, this, [this](bool checked) {
        if (const int stage = currentStage(); stage >= 0) m_view->setExpanded(stage, checked);
    });
    m_stageMenu = new QMenu(this);
    m_stageMenu->addAction(m_duplicateStageAction);
    m_stageMenu->addAction(m_removeStageAction);
    m_stageMenu->addSeparator();
    m_stageMenu->addAction(m_stageLayersAction);
    m_stageMenu->addAction(addCopyAction(m_table)); // the whole table, or the rows selected
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        // A scroll area's context menu position is its viewport's.
        showStageMenu(m_table->indexAt(pos).row(), m_table->viewport()->mapToGlobal(pos));
    });
    QHeaderView* rowHeader = m_table->verticalHeader();
    rowHeader->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(rowHeader, &QWidget::customContextMenuRequested, this,
            [this, rowHeader](const QPoint& pos) {
                showStageMenu(rowHeader->logicalIndexAt(pos), rowHeader->mapToGlobal(pos));
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateStageActions);
    connect(m_view, &ArchitectureView::stageMenuRequested, this, &MainWindow::showStageMenu);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({560, 280});
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(split, tr("Architecture"));
    m_tabs->addTab(m_training, tr("Training"));
    setCentralWidget(m_tabs);

    auto* scalingDock = new QDockWidget(tr("Scaling"), this);
    scalingDock->setObjectName(QStringLiteral("scalingDock"));
    scalingDock->setWidget(scrollable(m_editor));
    addDockWidget(Qt::LeftDockWidgetArea, scalingDock);
    auto* costDock = new QDockWidget(tr("Costs"), this);
    costDock->setObjectName(QStringLiteral("costDock"));
    costDock->setWidget(scrollable(m_costs));
    addDockWidget(Qt::RightDockWidgetArea, costDock);
    m_speedDock = new QDockWidget(tr("Speed"), this);
    m_speedDock->setObjectName(QStringLiteral("speedDock"));
    m_speedDock->setWidget(scrollable(m_speed));
    addDockWidget(Qt::RightDockWidgetArea, m_speedDock);
    tabifyDockWidget(costDock, m_speedDock);
    costDock->raise();
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    auto* history = new QUndoView(m_doc->undoStack(), m_historyDock);
    history->setEmptyLabel(tr("(start)")); // the state before the first step
    m_historyDock->setWidget(history);
    addDockWidget(Qt::LeftDockWidgetArea, m_historyDock);
    m_historyDock->hide(); // View → History shows it

    m_messageLabel = new QLabel(this);
    statusBar()->addWidget(m_messageLabel, 1);
    connect(m_doc, &ExplorerDocument::rejected, this,
            [this](const QString& field, const QString& reason) {
                showMessage(tr("Refused — %1: %2").arg(field, reason));
            });
    connect(m_stageModel, &StageTableModel::editRefused, this, &MainWindow::showMessage);
    connect(m_doc, &ExplorerDocument::changed, this, &MainWindow::updateTitle);
    // After the table's model: a stage added or removed resets its rows and current row.
    connect(m_doc, &ExplorerDocument::changed, this, &MainWindow::updateStageActions);
    connect(m_doc, &ExplorerDocument::modifiedChanged, this, &QWidget::setWindowModified);
    connect(m_training, &TrainingPanel::runCompleted, this,
            [this](const QString& dir, double accuracy) {
                const auto it = m_gridRuns.find(dir);
                if (it != m_gridRuns.end() && m_gridDialog)
                    m_gridDialog->model()->setAccuracy(it->second, accuracy);
                const auto study = m_studyRuns.find(dir);
                if (study != m_studyRuns.end() && m_studyDialog)
                    m_studyDialog->model()->setAccuracy(study->second, accuracy);
            });
    // A study's study.csv and a grid's grid.csv follow their runs as they end, as the CLI's
    // do; written off the GUI thread, one at a time.
    m_csvWriter.setMaxThreadCount(1);
    connect(m_training, &TrainingPanel::browseRunsRequested, this, &MainWindow::showRunBrowser);
    connect(m_training, &TrainingPanel::runEnded, this, [this](const QString& dir, bool stopped) {
        updateEditingLock(); // the queue may have ended with it
        const std::string folder = QFileInfo(dir).path().toStdString();
        if (const auto run = m_gridRuns.find(dir); run != m_gridRuns.end()) {
            if (m_gridDialog)
                m_gridDialog->model()->setNote(run->second, stopped ? tr("stopped") : QString());
            writeCsvInBackground([folder] { train::writeGridCsv(folder); }, "grid.csv");
        }
        if (const auto point = m_studyRuns.find(dir); point != m_studyRuns.end()) {
            if (m_studyDialog)
                m_studyDialog->model()->setNote(point->second, stopped ? tr("stopped") : QString());
            writeCsvInBackground([folder] { train::writeStudyCsv(folder); }, "study.csv");
        }
    });
    connect(m_training, &TrainingPanel::runStateChanged, this, [this](bool running) {
        m_running = running;
        updateEditingLock();
        m_speed->setTrainingRunning(running); // both would time the same cores
        if (m_studyDialog) m_studyDialog->setTrainingRunning(running);
        const auto point = m_studyRuns.find(m_training->lastRunDir());
        if (running && m_studyDialog && point != m_studyRuns.end())
            m_studyDialog->model()->setNote(point->second, tr("training…"));
        const auto gridRun = m_gridRuns.find(m_training->lastRunDir());
        if (running && m_gridDialog && gridRun != m_gridRuns.end())
            m_gridDialog->model()->setNote(gridRun->second, tr("training…"));
    });
    m_confirmStop = [this] {
        return QMessageBox::question(this, tr("Training in progress"), stopQuestion(),
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    buildMenus();
    updateTitle();
    setAcceptDrops(true); // configurations, and run, study and grid folders (openDropped)
    // The size the panels were laid out for, or the screen's where it is smaller (a laptop's
    // 1366×768): the panels scroll rather than push the window past the screen's edge.
    constexpr QSize kLaidOutFor(1620, 940);
    resizeWithinScreen(this, kLaidOutFor);
    layOutForScreen();
}

void MainWindow::layOutForScreen() {
    auto* scalingDock = findChild<QDockWidget*>(QStringLiteral("scalingDock"));
    auto* costDock = findChild<QDockWidget*>(QStringLiteral("costDock"));
    // Each side panel as wide as its rows need (and a vertical scroll bar, where the screen is
    // short), the diagram and the plots taking the rest. A screen without room for both side
    // columns beside the training tab (under about 1,600 px) gets one, the costs under the
    // editor; one narrower still narrows the panels in proportion, and they scroll sideways.
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const auto needs = [bar](const QDockWidget* dock) {
        const QWidget* content = qobject_cast<const QScrollArea*>(dock->widget())->widget();
        return content->minimumSizeHint().expandedTo(content->minimumSize()).width() + bar;
    };
    constexpr int kSeparators = 40; // px: the dock separators and margins around the tabs
    const int room =
        screen()->availableGeometry().width() - m_tabs->minimumSizeHint().width() - kSeparators;
    const int right = std::max(needs(costDock), needs(m_speedDock));
    const bool twoColumns = !scalingDock->isFloating() && !costDock->isFloating() &&
                            dockWidgetArea(costDock) != dockWidgetArea(scalingDock);
    int sides = twoColumns ? needs(scalingDock) + right : std::max(needs(scalingDock), right);
    if (twoColumns && sides > room) {
        // The costs under the editor, not behind it: what an edit costs stays in sight.
        splitDockWidget(scalingDock, costDock, Qt::Vertical);
        tabifyDockWidget(costDock, m_speedDock);
        costDock->raise();
        const int editor = m_editor->sizeHint().height() + 3 * bar; // its title bar and margins
        resizeDocks({scalingDock, costDock}, {editor, height() - editor}, Qt::Vertical);
        sides = std::max(needs(scalingDock), right);
    }
    const double narrow = std::clamp(double(room) / sides, 0.3, 1.0);
    for (QDockWidget* dock : {scalingDock, costDock, m_speedDock})
        dock->widget()->setMinimumWidth(int(narrow * needs(dock)));
}

MainWindow::~MainWindow() = default;

void MainWindow::showMessage(const QString& text) {
    m_lastMessage = text;
    m_messageLabel->setText(text);
    m_messageLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    QTimer::singleShot(kMessageMs, m_messageLabel, [l = m_messageLabel, text] {
        if (l->text() == text) l->clear();
    });
}

void MainWindow::updateTitle() {
    const QString file =
        m_doc->filePath().isEmpty() ? tr("untitled") : QFileInfo(m_doc->filePath()).fileName();
    // "[*]" is where Qt shows the modified mark while isWindowModified().
    setWindowTitle(tr("ScaleScope — %1 — %2[*]")
                       .arg(QString::fromStdString(m_doc->arch().baseline.displayName), file));
}

void MainWindow::updateEditingLock() {
    // A run trains a copy of the configuration it was started with, so the explorer stays
    // editable while it trains: the next model is worked out meanwhile. A study's or grid's
    // window is the exception: it shows the points it made from the explorer's model, and
    // its runs' results find their rows by configuration, so that model stays while they
    // train or wait in the queue.
    // By the folders in use (a grid queues thousands of runs): the maps hold them as queued.
    bool locked = false;
    for (const QString& dir : m_training->dirsInUse())
        locked = locked || m_studyRuns.count(dir) || m_gridRuns.count(dir);
    m_editingLocked = locked;
    // Said where the user looks: a disabled widget still shows its tooltip.
    const QString why = locked ? tr("Locked while a scaling study's or grid search's runs train "
                                    "or wait: its window matches their results to the model "
                                    "they were made from. Stop the training to edit.")
                               : QString();
    m_editor->setEnabled(!locked);
    m_editor->setToolTip(why);
    m_table->setEnabled(!locked);
    m_table->setToolTip(locked ? why : m_tableToolTip);
    m_historyDock->widget()->setEnabled(!locked); // a click there undoes too
    if (m_gridDialog) m_gridDialog->setEditingLocked(locked);
    updateUndoActions();
    updateStageActions();
}

int MainWindow::currentStage() const {
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void MainWindow::selectStage(int stage) {
    if (stage < 0 || stage >= m_stageModel->rowCount()) return;
    const int column = std::max(0, m_table->currentIndex().column());
    m_table->setCurrentIndex(m_stageModel->index(stage, column));
}

void MainWindow::updateStageActions() {
    const int stage = currentStage();
    const bool any = stage >= 0;
    // Enabled with one stage left or at the most allowed: the refusal says why.
    m_duplicateStageAction->setEnabled(any && !m_editingLocked);
    m_removeStageAction->setEnabled(any && !m_editingLocked);
    m_duplicateStageAction->setText(any ? tr("&Duplicate stage %1").arg(stage + 1)
                                        : tr("&Duplicate stage"));
    m_removeStageAction->setText(any ? tr("Re&move stage %1").arg(stage + 1) : tr("Re&move stage"));
    m_stageLayersAction->setEnabled(any);
    m_stageLayersAction->setChecked(any && m_view->isExpanded(stage));
    m_stageLayersAction->setText(any ? tr("Draw stage %1 as its layers").arg(stage + 1)
                                     : tr("Draw the stage as its layers"));
}

QMenu* MainWindow::showStageMenu(int stage, const QPoint& globalPos) {
    if (stage < 0 || stage >= m_stageModel->rowCount()) return nullptr;
    selectStage(stage);
    updateStageActions(); // the stage's layers may have been opened by a double-click since
    m_stageMenu->popup(globalPos);
    return m_stageMenu;
}

void MainWindow::updateUndoActions() {
    const QUndoStack* s = m_doc->undoStack();
    m_undoAction->setEnabled(s->canUndo() && !m_editingLocked);
    m_redoAction->setEnabled(s->canRedo() && !m_editingLocked);
    m_undoAction->setText(s->canUndo() ? tr("&Undo %1").arg(s->undoText()) : tr("&Undo"));
    m_redoAction->setText(s->canRedo() ? tr("&Redo %1").arg(s->redoText()) : tr("&Redo"));
}

bool MainWindow::save() {
    if (m_doc->filePath().isEmpty()) return saveAsDialog();
    return saveConfig(m_doc->filePath());
}

bool MainWindow::saveAsDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save configuration"), m_doc->filePath(), tr("ScaleScope configuration (*.json)"));
    return !path.isEmpty() && saveConfig(path);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open configuration…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open configuration"), {},
                                                          tr("ScaleScope configuration (*.json)"));
        if (!path.isEmpty()) openConfig(path);
    });
    file->addAction(tr("&Save configuration"), QKeySequence::Save, this, [this] { save(); });
    file->addAction(tr("Save configuration &as…"), QKeySequence::SaveAs, this,
                    [this] { saveAsDialog(); });
    file->addAction(tr("Open &training run…"), this, [this] {
        m_tabs->setCurrentWidget(m_training);
        m_training->openRunDialog();
    });
    file->addAction(tr("&Browse training runs…"), this, &MainWindow::showRunBrowser);
    file->addAction(tr("Com&pare training runs…"), this, [this] {
        m_tabs->setCurrentWidget(m_training); // the runs it compares are the tab's
        m_training->showComparison();
    });
    // A study's or a grid's folder, as their windows' Open does (and as dropping it does).
    const auto openFolder = [this](const QString& caption) {
        const QString dir = QFileDialog::getExistingDirectory(this, caption);
        QString why;
        if (!dir.isEmpty() && !openDropped(dir, &why) && !why.isEmpty())
            QMessageBox::warning(this, tr("Open"), why);
    };
    file->addAction(tr("Open scaling stud&y…"), this,
                    [openFolder] { openFolder(tr("Study folder (holds study.json)")); });
    file->addAction(tr("Open &grid search…"), this,
                    [openFolder] { openFolder(tr("Grid folder (holds grid.json)")); });
    file->addAction(tr("&Evaluate training run…"), this, [this] {
        m_tabs->setCurrentWidget(m_training);
        m_training->evaluateRunDialog();
    });
    file->addAction(tr("&Classify images with a training run…"), this, [this] {
        m_tabs->setCurrentWidget(m_training);
        m_training->classifyImagesDialog();
    });
    m_recent = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    QMenu* ex = file->addMenu(tr("E&xport"));
    ex->addAction(tr("Diagram as PNG…"), this, [this] { exportDialog("diagram-png"); });
    ex->addAction(tr("Diagram as SVG…"), this, [this] { exportDialog("diagram-svg"); });
    ex->addAction(tr("Cost plots as PNG…"), this, [this] { exportDialog("costs-png"); });
    ex->addAction(tr("Cost plots as PDF…"), this, [this] { exportDialog("costs-pdf"); });
    ex->addAction(tr("Training curves as PNG…"), this, [this] { exportDialog("curves-png"); });
    ex->addAction(tr("Training curves as PDF…"), this, [this] { exportDialog("curves-pdf"); });
    ex->addAction(tr("Metrics as CSV…"), this, [this] { exportDialog("metrics-csv"); });
    ex->addAction(tr("Speed table as CSV…"), this, [this] { exportDialog("speed-csv"); });
    ex->addAction(tr("timm arch_def (Python)…"), this, [this] { exportDialog("timm"); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QUndoStack* stack = m_doc->undoStack();
    m_undoAction = edit->addAction(tr("&Undo"), QKeySequence::Undo, stack, &QUndoStack::undo);
    m_redoAction = edit->addAction(tr("&Redo"), QKeySequence::Redo, stack, &QUndoStack::redo);
    for (auto sig : {&QUndoStack::canUndoChanged, &QUndoStack::canRedoChanged})
        connect(stack, sig, this, &MainWindow::updateUndoActions);
    for (auto sig : {&QUndoStack::undoTextChanged, &QUndoStack::redoTextChanged})
        connect(stack, sig, this, &MainWindow::updateUndoActions);
    updateUndoActions();
    edit->addSeparator();
    edit->addAction(m_duplicateStageAction);
    edit->addAction(m_removeStageAction);
    updateStageActions();
    edit->addSeparator();
    m_gridAction = edit->addAction(tr("&Grid search for α, β, γ…"), this, [this] {
        gridSearchDialog()->show();
        gridSearchDialog()->raise();
    });
    edit->addAction(tr("Scaling &study: compound against one dimension…"), this, [this] {
        scalingStudyDialog()->show();
        scalingStudyDialog()->raise();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (auto* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QMenu* lang = settings->addMenu(tr("&Language"));
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    for (const auto& [code, name] : {std::pair<QString, QString>{QString(), tr("System default")},
                                     {"en", QStringLiteral("English")},
                                     {"ko", QStringLiteral("한국어")}}) {
        QAction* a = lang->addAction(name);
        a->setCheckable(true);
        a->setChecked(current == code);
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("language"), code);
            showMessage(tr("The language changes when ScaleScope starts again."));
        });
    }
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ScaleScope"), this, [this] {
        QMessageBox::about(this, tr("About ScaleScope"),
                           tr("<b>ScaleScope</b> explores compound model scaling (EfficientNet), "
                              "non-uniform scaling and "
                              "progressive learning (EfficientNetV2) and ResNet-RS.<br>FLOPs in "
                              "the papers are multiply-adds; "
                              "ScaleScope shows them as MACs."));
    });
}

void MainWindow::exportDialog(const QString& what) {
    struct Kind {
        QString filter, suffix;
    };
    const Kind kind = what.endsWith("png")   ? Kind{tr("PNG image (*.png)"), "png"}
                      : what.endsWith("svg") ? Kind{tr("SVG image (*.svg)"), "svg"}
                      : what.endsWith("pdf") ? Kind{tr("PDF document (*.pdf)"), "pdf"}
                      : what.endsWith("csv") ? Kind{tr("CSV table (*.csv)"), "csv"}
                                             : Kind{tr("Python (*.py)"), "py"};
    QString why;
    if (what == "speed-csv" && !m_speed->report()) { // say so before asking for a file
        m_speed->exportCsv({}, &why);
        showMessage(tr("Not exported — %1").arg(why));
        return;
    }
    QString path = QFileDialog::getSaveFileName(this, tr("Export"), {}, kind.filter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += "." + kind.suffix;
    bool ok = false;
    if (what == "diagram-png")
        ok = m_view->exportPng(path);
    else if (what == "diagram-svg")
        ok = m_view->exportSvg(path);
    else if (what == "costs-png")
        ok = m_costs->grab().save(path, "PNG");
    else if (what == "costs-pdf")
        ok = m_costs->stagePlot()->savePdf(path);
    else if (what == "curves-png")
        ok = m_training->plot()->savePng(path, 0, 0, 2.0);
    else if (what == "curves-pdf")
        ok = m_training->plot()->savePdf(path);
    else if (what == "metrics-csv")
        ok = m_training->exportMetricsCsv(path);
    else if (what == "speed-csv")
        ok = m_speed->exportCsv(path, &why);
    else if (what == "timm") {
        try {
            const std::string py = timmArchDefPython(m_doc->arch());
            QFile f(path);
            ok = f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                 f.write(py.data(), qint64(py.size())) == qint64(py.size());
        } catch (const ValidationError& e) {
            showMessage(tr("Not exported — %1").arg(QString::fromStdString(e.what())));
            return;
        }
    }
    if (!ok)
        showMessage(tr("Could not write %1").arg(path));
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::writeCsvInBackground(std::function<void()> write, const char* file) {
    runOffGuiThread<bool>(
        m_csvWriter, this,
        [write = std::move(write)] {
            write();
            return true;
        },
        [this, file](bool, const QString& error) {
            if (!error.isEmpty())
                showMessage(tr("%1 not written — %2").arg(QLatin1String(file), error));
        });
}

void MainWindow::trainGridCandidates(const std::vector<GridCandidate>& list, int seeds) {
    QString why;
    if (!m_controller->isRunning() && !m_training->commitSettings(&why)) {
        showMessage(tr("Not started — the training settings are refused: %1").arg(why));
        return;
    }
    // The runs are made from the configuration as it is now, with the tab's settings in it;
    // seed by seed, so that a stop after the first pass leaves every candidate trained once.
    std::vector<GridRun> grid;
    try {
        grid = gridRuns(m_doc->config(), list, seeds);
    } catch (const ValidationError& e) {
        showMessage(tr("Not started — %1").arg(QString::fromStdString(e.what())));
        return;
    }
    // The grid's folder (grid.json) is recorded before its runs queue, off the GUI thread:
    // the folder of the last Train or Open grid while it holds this same grid, else a new one.
    m_gridDialog->recordGridInBackground(
        m_doc->config(), grid,
        [this, grid, seeds, list](const QString& base, const QString& refused,
                                  const std::set<std::string>& recordedOnly) {
            if (base.isEmpty()) {
                showMessage(tr("Not started — %1").arg(refused));
                return;
            }
            std::vector<TrainingPanel::QueuedRun> runs;
            for (const GridRun& r : grid) {
                if (recordedOnly.count(r.runName)) continue;
                const Coefficients& k = list[r.candidate].coefficients;
                const QString description =
                    tr("grid α %1, β %2, γ %3").arg(k.alpha).arg(k.beta).arg(k.gamma);
                QString label = description;
                if (seeds > 1) label += tr(", seed %1").arg(r.config.training.seed);
                runs.push_back({r.config,
                                base + QLatin1Char('/') + QString::fromStdString(r.runName), label,
                                description});
                m_gridRuns[runs.back().runDir] = r.config;
            }
            const QString csv = base + QStringLiteral("/grid.csv");
            const int recorded = int(recordedOnly.size());
            m_training->queueRuns(std::move(runs));
            if (recorded > 0)
                statusBar()->showMessage(
                    recorded == 1 ? tr("1 run is not trained again: %1 records its result (its "
                                       "folder is gone)")
                                        .arg(csv)
                                  : tr("%1 runs are not trained again: %2 records their results "
                                       "(their folders are gone)")
                                        .arg(recorded)
                                        .arg(csv),
                    kMessageMs);
            updateEditingLock();
            m_tabs->setCurrentWidget(m_training);
        });
}

GridSearchDialog* MainWindow::gridSearchDialog() {
    if (!m_gridDialog) {
        m_gridDialog = new GridSearchDialog(m_doc, this);
        m_gridDialog->setEditingLocked(m_editingLocked);
        connect(m_gridDialog, &GridSearchDialog::trainRequested, this,
                &MainWindow::trainGridCandidates);
    }
    return m_gridDialog;
}

void MainWindow::showRunBrowser() {
    RunBrowserDialog* d = runBrowser();
    d->show();
    d->raise();
    d->activateWindow();
}

RunBrowserDialog* MainWindow::runBrowser() {
    if (!m_runBrowser) {
        m_runBrowser = new RunBrowserDialog(this);
        connect(m_runBrowser, &RunBrowserDialog::openRuns, this, &MainWindow::openRuns);
        m_runBrowser->setInUse([this](const QString& dir) { return m_training->whyInUse(dir); });
        // A folder in the trash can be neither continued nor evaluated: off the training tab.
        connect(m_runBrowser, &RunBrowserDialog::trashed, this, [this](const QStringList& dirs) {
            for (const QString& dir : dirs)
                m_training->removeRun(m_training->runIndexOf(dir));
        });
        // The data folder: its runs/, and the grids' and studies' runs beside them.
        m_runBrowser->showFolder(QString::fromStdString(train::dataDir()));
    }
    return m_runBrowser;
}

void MainWindow::openRuns(const QStringList& dirs) {
    QStringList failed;
    for (const QString& dir : dirs) {
        QString why;
        if (m_training->runIndexOf(dir) < 0 && !m_training->openRun(dir, &why)) failed << why;
    }
    m_tabs->setCurrentWidget(m_training);
    if (!failed.isEmpty())
        showMessage((failed.size() == 1 ? tr("1 run could not be opened: %1")
                                        : tr("%1 runs could not be opened: %2").arg(failed.size()))
                        .arg(failed.join(QStringLiteral("; "))));
}

ScalingStudyDialog* MainWindow::scalingStudyDialog() {
    if (!m_studyDialog) {
        m_studyDialog = new ScalingStudyDialog(m_doc, this);
        m_studyDialog->setTrainingRunning(m_running);
        connect(m_studyDialog, &ScalingStudyDialog::trainRequested, this,
                &MainWindow::trainStudyPoints);
    }
    return m_studyDialog;
}

void MainWindow::trainStudyPoints(const std::vector<StudyPoint>& points) {
    QString why;
    if (!m_controller->isRunning() && !m_training->commitSettings(&why)) {
        showMessage(tr("Not started — the training settings are refused: %1").arg(why));
        return;
    }
    // The folder records the study (study.json) before its first point trains; the folders
    // are looked at off the GUI thread. The points are made again from the configuration as
    // it is now, with the tab's settings in it: they were made before those went in.
    const ScaleConfig config = m_doc->config();
    scalingStudyDialog()->recordStudyInBackground(
        config, [this, points, config](const QString& base, const QString& refused) {
            if (base.isEmpty()) {
                showMessage(tr("Not started — %1").arg(refused));
                return;
            }
            queueStudyRuns(config, points, base);
        });
}

void MainWindow::queueStudyRuns(const ScaleConfig& config, const std::vector<StudyPoint>& points,
                                const QString& base) {
    std::vector<StudyPoint> current;
    try {
        current = studyPoints(config, scalingStudyDialog()->spec());
    } catch (const ValidationError& e) {
        showMessage(tr("Not started — %1").arg(QString::fromStdString(e.what())));
        return;
    }
    std::vector<TrainingPanel::QueuedRun> runs;
    for (const StudyPoint& asked : points) {
        const auto same = std::find_if(current.begin(), current.end(), [&](const StudyPoint& c) {
            return c.strategy == asked.strategy && c.phi == asked.phi;
        });
        if (same == current.end()) continue; // not a point of the window's study
        const StudyPoint p = studyRun(*same, asked.seedIndex);
        const QString dir = base + QLatin1Char('/') + QString::fromStdString(p.runName);
        m_studyRuns[dir] = p.config;
        const QString description = p.strategy == StudyStrategy::Baseline
                                        ? tr("study: as configured")
                                        : tr("study: %1 at φ %2")
                                              .arg(QString::fromStdString(toString(p.strategy)))
                                              .arg(p.phi);
        QString label = description;
        if (p.seedIndex > 0) label += tr(", seed %1").arg(p.config.training.seed);
        runs.push_back({p.config, dir, label, description});
    }
    m_training->queueRuns(std::move(runs)); // the window asks for the points without results
    updateEditingLock();
    m_tabs->setCurrentWidget(m_training);
}

bool MainWindow::openConfig(const QString& path) {
    if (!m_doc->open(path)) return false;
    addRecent(path);
    return true;
}

namespace {
// Whether run folders lie below `dir` (train::runFolders' walk, which reads no file).
bool holdsRuns(const QString& dir) {
    try {
        return !train::runFolders(dir.toStdString()).empty();
    } catch (const std::exception&) {
        return false;
    }
}
} // namespace

bool MainWindow::openDropped(const QString& path, QString* why) {
    const QFileInfo info(path);
    const QDir dir(path);
    if (info.isDir() && dir.exists(QString::fromLatin1(kGridManifestFile))) {
        // During a run the window is off, and says so once it has read the folder.
        GridSearchDialog* grid = gridSearchDialog();
        grid->show();
        grid->raise();
        grid->openGridInBackground(path);
        return true;
    }
    if (info.isDir() && dir.exists(QString::fromLatin1(kStudyManifestFile))) {
        ScalingStudyDialog* study = scalingStudyDialog();
        study->show();
        study->raise();
        study->openStudyInBackground(path);
        return true;
    }
    if (info.isDir() &&
        (dir.exists(QString::fromLatin1(train::kMetricsFile)) ||
         dir.exists(QString::fromLatin1(train::kExperimentFile)) || holdsRuns(path))) {
        m_tabs->setCurrentWidget(m_training);
        return m_training->openFolder(path, TrainingPanel::TrainRest::Ask, why);
    }
    if (info.isDir()) {
        *why = tr("%1 is no training run, experiment, study or grid folder (it has no %2, %3, "
                  "%4 or %5)")
                   .arg(path, QString::fromLatin1(train::kMetricsFile),
                        QString::fromLatin1(train::kExperimentFile),
                        QString::fromLatin1(kStudyManifestFile),
                        QString::fromLatin1(kGridManifestFile));
        return false;
    }
    if (info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return openConfig(path); // a refusal is the document's message, as from File → Open
    *why = tr("%1: drop a configuration (.json) or a run, study or grid folder").arg(path);
    return false;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (!droppedPaths(e->mimeData()).isEmpty()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    QStringList refused;
    for (const QString& path : droppedPaths(e->mimeData())) {
        QString why;
        if (!openDropped(path, &why) && !why.isEmpty()) refused << why;
    }
    e->acceptProposedAction();
    if (!refused.isEmpty()) QMessageBox::warning(this, tr("Open"), refused.join(QLatin1Char('\n')));
}

bool MainWindow::saveConfig(const QString& path) {
    QString why;
    if (!m_controller->isRunning() && !m_training->commitSettings(&why)) {
        showMessage(tr("Not saved — the training settings are refused: %1").arg(why));
        return false;
    }
    if (!m_doc->saveAs(path)) return false;
    addRecent(path);
    updateTitle();
    return true;
}

void MainWindow::addRecent(const QString& path) {
    QSettings s;
    QStringList list = s.value(QStringLiteral("recentFiles")).toStringList();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    s.setValue(QStringLiteral("recentFiles"), list);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recent->clear();
    const QStringList list = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& p : list)
        m_recent->addAction(p, this, [this, p] { openConfig(p); });
    m_recent->setEnabled(!list.isEmpty());
}

void MainWindow::restoreSession() {
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("geometry")).toByteArray());
    if (restoreState(s.value(QStringLiteral("windowState")).toByteArray())) {
        // Panels laid out on a wider screen than this one: fitted to this one.
        layOutForScreen();
        resizeWithinScreen(this, size());
    }
    // A value from another version that is no number reads as one seed, as by default.
    m_training->setStartOptions(std::max(1, s.value(QStringLiteral("seedsPerStart")).toInt()),
                                s.value(QStringLiteral("alsoTrainFixed")).toBool());
    const QByteArray last = s.value(QStringLiteral("lastConfig")).toByteArray();
    const QString path = s.value(QStringLiteral("lastConfigPath")).toString();
    const bool modified = s.value(QStringLiteral("lastConfigModified")).toBool();
    // A file saved when the window closed is read again: it may have changed since.
    if (!path.isEmpty() && !modified && QFileInfo::exists(path) && m_doc->open(path)) {
        m_doc->resetHistory();
        updateTitle();
        return;
    }
    if (!last.isEmpty()) {
        try {
            m_doc->setConfig(configFromJson(Json::parse(last.toStdString())));
            m_doc->resetHistory();
            if (modified) { // unsaved edits: back as they were, still to be saved
                m_doc->setFilePath(path);
                m_doc->undoStack()->resetClean();
            }
        } catch (const std::exception&) {
            // A configuration from another version: start from the default instead.
        }
    }
    updateTitle();
}

QString MainWindow::stopQuestion() const {
    QString text = tr("A training run is in progress. Stop it and quit? A checkpoint is saved: "
                      "open the run later (File → Open training run) and Continue trains it on.");
    // Their experiment's, grid's or study's record keeps them.
    if (const int queued = m_training->queuedCount() + m_training->heldCount(); queued > 0)
        text += QLatin1Char(' ') +
                (queued == 1 ? tr("1 more run waits in the queue: its experiment's, grid's or "
                                  "study's folder records it; open it again to train it.")
                             : tr("%1 more runs wait in the queue: their experiment's, grid's or "
                                  "study's folder records them; open it again to train them.")
                                   .arg(queued));
    return text;
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (m_controller->isRunning()) {
        if (!m_confirmStop()) {
            e->ignore();
            return;
        }
        m_controller->stop();
        m_controller->waitForFinished();
    }
    QSettings s;
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.setValue(QStringLiteral("windowState"), saveState());
    s.setValue(QStringLiteral("lastConfig"),
               QByteArray::fromStdString(configToJson(m_doc->config()).dump()));
    s.setValue(QStringLiteral("lastConfigPath"), m_doc->filePath());
    s.setValue(QStringLiteral("lastConfigModified"), m_doc->isModified());
    s.setValue(QStringLiteral("seedsPerStart"), m_training->seedsPerStart());
    s.setValue(QStringLiteral("alsoTrainFixed"), m_training->alsoTrainFixed());
    e->accept();
}

} // namespace scalescope
