// The explorer window: wires the document, the views and the training controller.
#pragma once

#include <QMainWindow>

#include "scaling/gridsearch.h"
#include "scaling/scalingstudy.h"

#include <QString>
#include <QThreadPool>

#include <functional>
#include <map>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QTableView;

namespace scalescope {

class ArchitectureView;
class CostPanel;
class ExplorerDocument;
class GridSearchDialog;
class RunBrowserDialog;
class ScalingStudyDialog;
class ScalingEditor;
class SpeedPanel;
class StageTableModel;
class TrainingController;
class TrainingPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ExplorerDocument* document() const { return m_doc; }
    ScalingEditor* scalingEditor() const { return m_editor; }
    StageTableModel* stageModel() const { return m_stageModel; }
    ArchitectureView* architectureView() const { return m_view; }
    CostPanel* costPanel() const { return m_costs; }
    SpeedPanel* speedPanel() const { return m_speed; }
    QDockWidget* speedDock() const { return m_speedDock; }
    TrainingPanel* trainingPanel() const { return m_training; }
    TrainingController* trainingController() const { return m_controller; }
    QTabWidget* tabs() const { return m_tabs; }
    QString lastMessage() const { return m_lastMessage; }

    bool openConfig(const QString& path);
    // What a file or folder dropped on the window is opened as: a configuration (*.json); a
    // training run's folder (metrics.csv) on the training tab; a study's (study.json) or a
    // grid's (grid.json) in its window, read there off the GUI thread. False with `why` for
    // anything else, or a folder refused at once.
    bool openDropped(const QString& path, QString* why);
    bool saveConfig(const QString& path);
    bool save(); // to the file it came from, or asks where
    // Queues a training run per candidate (the grid's φ, the training tab's settings).
    void trainGridCandidates(const std::vector<GridCandidate>& list, int seeds);
    // On m_csvWriter; a failure is shown in the status bar, naming `file`.
    void writeCsvInBackground(std::function<void()> write, const char* file);
    // Queues the study's runs of `points` once the study window has recorded the study in its
    // folder, which it does off the GUI thread: the runs are queued a moment after the call.
    void trainStudyPoints(const std::vector<StudyPoint>& points);
    // The scaling study window, made on first use.
    ScalingStudyDialog* scalingStudyDialog();
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    QDockWidget* historyDock() const { return m_historyDock; }
    QAction* gridSearchAction() const { return m_gridAction; }
    // The stage table's stage under the cursor or the current one: duplicated right after
    // itself, or removed (Delete in the table). In the Edit menu and the table's context menu.
    QTableView* stageTable() const { return m_table; }
    QAction* duplicateStageAction() const { return m_duplicateStageAction; }
    QAction* removeStageAction() const { return m_removeStageAction; }
    QAction* stageLayersAction() const { return m_stageLayersAction; } // the diagram's layers
    // The table's context menu for a stage (a row or its header), made current; not modal.
    QMenu* showStageMenu(int stage, const QPoint& globalPos);
    GridSearchDialog* gridSearchDialog(); // the grid search window, made on first use
    // File → Browse training runs…: made on first use, listing the default runs folder.
    RunBrowserDialog* runBrowser();
    void showRunBrowser();
    // Overlays each run folder on the training tab; a message names those that do not open.
    void openRuns(const QStringList& dirs);
    void restoreSession(); // geometry, docks, last configuration
    // Asked when the window closes during a run; true stops the run. A dialog by default.
    void setStopConfirmation(std::function<bool()> ask) { m_confirmStop = std::move(ask); }
    // What that dialog asks: the run's checkpoint, and where the runs queued after it are kept.
    QString stopQuestion() const;

  protected:
    void closeEvent(QCloseEvent* e) override;
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

  private:
    // The side panels for the screen the window is on: one column where two do not fit beside
    // the training tab, and no wider than the screen allows (screenfit.h).
    void layOutForScreen();
    // The runs of `points` (as the study window listed them) of the study of `config` recorded
    // in `base`, on the training tab's queue.
    void queueStudyRuns(const ScaleConfig& config, const std::vector<StudyPoint>& points,
                        const QString& base);
    void buildMenus();
    void showMessage(const QString& text);
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void exportDialog(const QString& what);
    void updateTitle();
    void updateUndoActions();
    void updateStageActions(); // their stage number, and enabled where there is one
    int currentStage() const;  // the table's current row, -1 for none
    void selectStage(int stage);
    // Locks the model's editors while a study's or grid's run trains or waits (see .cpp).
    void updateEditingLock();
    bool saveAsDialog();

    ExplorerDocument* m_doc;
    TrainingController* m_controller;
    ScalingEditor* m_editor;
    StageTableModel* m_stageModel;
    QTableView* m_table;
    ArchitectureView* m_view;
    CostPanel* m_costs;
    SpeedPanel* m_speed;
    QDockWidget* m_speedDock = nullptr;
    TrainingPanel* m_training;
    QTabWidget* m_tabs;
    QMenu* m_recent = nullptr;
    QLabel* m_messageLabel = nullptr;
    QDockWidget* m_historyDock = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_gridAction = nullptr;
    QAction* m_duplicateStageAction = nullptr;
    QAction* m_removeStageAction = nullptr;
    QAction* m_stageLayersAction = nullptr; // checked: the stage drawn as its layers
    QMenu* m_stageMenu = nullptr;
    GridSearchDialog* m_gridDialog = nullptr;
    RunBrowserDialog* m_runBrowser = nullptr;
    std::map<QString, ScaleConfig> m_gridRuns; // run folder -> the configuration it trains
    ScalingStudyDialog* m_studyDialog = nullptr;
    std::map<QString, ScaleConfig> m_studyRuns; // run folder -> the point it trains
    // study.csv rewrites, one at a time (they share the file) and off the GUI thread: a study
    // of 200 long runs takes tens of milliseconds to read. Waited for when the window goes.
    QThreadPool m_csvWriter; // study.csv and grid.csv after each of their runs; waited for at exit
    bool m_running = false;
    bool m_editingLocked = false; // updateEditingLock
    QString m_tableToolTip;       // the stage table's, while it is not locked
    QString m_lastMessage;
    std::function<bool()> m_confirmStop;
};

} // namespace scalescope
