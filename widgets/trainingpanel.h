// The training tab: the settings (TrainingSettingsForm) with a line saying what they train,
// Start / Pause / Resume / Stop, a progress bar with ETA, and live curves:
// train loss, validation accuracy, the image-size schedule as steps, regularization and
// images per second, against epochs or wall time; each run kept as an overlay that can be
// shown or hidden, and finished runs opened from their folders beside it.
#pragma once

#include "train/seedexperiment.h"
#include "train/trainer.h"

#include <QWidget>

#include <array>
#include <deque>
#include <vector>

class QComboBox;
class QCPAxisRect;
class QCPCurve;
class QCPGraph;
class QCPItemStraightLine;
class QCPLegend;
class QCustomPlot;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QAction;

namespace scalescope {

class EvaluationDialog;
class PredictionDialog;
class RunComparisonDialog;
class TrainingSettingsForm;
class ExplorerDocument;
class TrainingController;

class TrainingPanel : public QWidget {
    Q_OBJECT
  public:
    TrainingPanel(ExplorerDocument* doc, TrainingController* controller, QWidget* parent = nullptr);
    QPushButton* startButton() const { return m_start; }
    // Continues the selected run (the newest when none is selected) from its checkpoint, with
    // the configuration it was started with; enabled for a stopped run that has one.
    QPushButton* continueButton() const { return m_continue; }
    // Opens the evaluation of the selected run (the newest when none is selected): its
    // checkpoint scored on its test images, per class and at several test sizes. Enabled for
    // a run with a checkpoint that is not training now.
    QPushButton* evaluateButton() const { return m_evaluate; }
    // The evaluation window of the run in `dir` (one per folder, raised when open already);
    // nullptr with `why` when the folder holds no checkpoint.
    EvaluationDialog* openEvaluation(const QString& dir, QString* why = nullptr);
    // The window that classifies image files with the run in `dir`, as openEvaluation.
    PredictionDialog* openPrediction(const QString& dir, QString* why = nullptr);
    QCustomPlot* plot() const { return m_plot; }         // its legend: one entry a run
    QCPLegend* keyLegend() const { return m_keyLegend; } // the line styles
    int runCount() const { return int(m_runs.size()); }
    // The run list's entry for run folder `dir` (trained here or opened), or -1.
    int runIndexOf(const QString& dir) const;
    int pointCount() const; // curve points of the newest run
    QString statusText() const;
    // What the form's settings train, before Start: each progressive stage's image size and
    // epochs and the size validated at, or why Start would refuse the settings. Follows every
    // edit of the form and of the model (its resolution is the last stage's by default).
    QString planText() const;
    bool exportMetricsCsv(const QString& path) const;
    QString lastRunDir() const { return m_lastRunDir; }
    void setSettingsFromDocument();
    // Adds a run folder (or its metrics.csv) written earlier, by the GUI or by
    // `scalescope-cli train`, as an overlay; false with the reason (file, line, column).
    bool openRun(const QString& path, QString* why = nullptr);
    // An experiment's folder (experiment.json: one Start of several seeds, or `scalescope-cli
    // train --seeds N`): its runs trained or stopped so far opened as with openRun, and those
    // not finished queued where `rest` says so (Ask: a question, naming how many): a stopped
    // one continues, one not started trains. false with `why` when its record cannot be read.
    enum class TrainRest { No, Yes, Ask };
    bool openExperiment(const QString& dir, TrainRest rest, QString* why = nullptr);
    // openExperiment for a folder with an experiment.json, openRun for a run folder, and for a
    // folder of runs (up to three levels down, as `scalescope-cli compare FOLDER` takes them)
    // openRun on each, the first 24 in the order of their paths.
    bool openFolder(const QString& path, TrainRest rest, QString* why = nullptr);
    // Takes the run at `index` off the list and the plot (also the run list's "Remove from the
    // plot" and its Delete key); its folder is left as it is. Refused, with `why`, for the run
    // training now.
    bool removeRun(int index, QString* why = nullptr);
    // Why the folder `dir` must stay where it is (the run training now, or one queued), or
    // empty.
    QString whyInUse(const QString& dir) const;
    // The run folders training now or queued, as they were given (not made absolute).
    QStringList dirsInUse() const;
    void openRunDialog();        // asks for a folder; a refused one is explained in a message box
    void evaluateRunDialog();    // asks for a run folder and opens its evaluation
    void classifyImagesDialog(); // asks for a run folder and opens its image classification
    // The runs on the tab set against a reference by wall time (the run list's "Compare
    // runs…"); made on first use, and kept up to date while it shows.
    RunComparisonDialog* comparisonDialog();
    void showComparison();
    // What the curves are drawn against: epochs, or wall time, where progressive learning's
    // saving shows.
    enum class XAxis { Epochs, WallTime };
    void setXAxis(XAxis axis);
    XAxis xAxis() const; // the selector's choice
    // Puts the form's settings into the document (validated); false with `why` when refused.
    bool commitSettings(QString* why = nullptr);
    // Options of Start rather than of the configuration, which the main window keeps between
    // sessions: seeds per Start (1-100), and a fixed-size run beside each progressive one.
    // Set to more than one run, they unfold More settings, where they are, and Start names
    // the count ("Start 12 runs"): a Start never trains more than it says.
    int seedsPerStart() const;
    bool alsoTrainFixed() const;
    void setStartOptions(int seeds, bool alsoFixed);
    int runsPerStart() const; // seeds, times two with the fixed runs
    // Runs trained one after the other, after the one in progress: a grid search's candidates,
    // a scaling study's points. An error drops those not yet started, a stop holds them
    // (heldCount). As the CLI's queue does, a folder holding a finished run of the same
    // configuration is read back (its curves overlaid, its accuracy reported) and a stopped
    // one continues from its checkpoint.
    struct QueuedRun {
        ScaleConfig config;
        QString runDir;
        QString label;            // the run list's name for it
        QString description = {}; // the label without its seed; empty: the label has none
    };
    // Each folder is looked at as its turn comes: one holding a run of another configuration,
    // which training would overwrite, ends the queue with a message (the callers choose their
    // folders so that none does).
    void queueRuns(std::vector<QueuedRun> runs);
    int queuedCount() const { return int(m_queue.size()); }
    // A Stop holds the runs queued after the stopped one: Continue on it trains it on and
    // then them. Starting another run leaves them held; queueing them again (or the stopped
    // run, which takes them along) lets them go, and so do an error and taking the stopped
    // run off the list.
    int heldCount() const { return int(m_held.size()); }

  Q_SIGNALS:
    void runStateChanged(bool running);
    // A run trained to its end, or a queued one found finished; the accuracy is its last
    // validation's.
    void runCompleted(const QString& runDir, double finalValAccuracy);
    // A run left the queue or the trainer: finished, read back, stopped or failed;
    // `canContinue` where it stopped with a checkpoint to go on from.
    void runEnded(const QString& runDir, bool canContinue);
    // The run list's "Browse training runs…": the window that lists a folder's runs.
    void browseRunsRequested();

  protected:
    // The plot's tooltips: a run's legend entry names the run as its row in the run list does.
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    // A folder from the file dialog, starting beside the last run (or in the runs folder).
    QString askRunFolder(const QString& caption);
    struct RunCurves {
        QString name;   // "#N label"
        int number = 0; // N: the order it was added in
        QCPGraph *loss = nullptr, *valAcc = nullptr, *size = nullptr, *dropout = nullptr,
                 *randAug = nullptr, *mixup = nullptr, *speed = nullptr;
        // With an EMA, valAcc is the EMA's and this the trained weights' own (else empty).
        QCPGraph* liveValAcc = nullptr;
        std::vector<train::TrainEvent> epochs;  // for the CSV export
        std::vector<train::TrainEvent> plotted; // Stage, Step and Epoch: redrawn on an axis change
        std::vector<QCPItemStraightLine*> stageLines; // stage boundaries on the loss plot
        int plannedEpochs = 1;
        std::array<QCPGraph*, 8> graphs() const {
            return {loss, valAcc, liveValAcc, size, dropout, randAug, mixup, speed};
        }
        double endSeconds = 0;  // the last event's time, plus the ETA while running
        QString dir;            // its run folder
        QString schedule;       // paper, code or fixed; empty where its folder did not say
        std::string validation; // train::validationSetText; empty where unknown
        std::string seedGroup;  // train::seedGroupKey; empty where unknown
        std::uint64_t seed = 0;
        // Its name without the number and the seed: what the runs of a seed mean share.
        QString description;
        bool canContinue = false; // stopped before its end, with a checkpoint
    };
    RunCurves& addRun(const QString& label, int plannedEpochs); // named "#N label"
    void plotEvent(RunCurves& run, const train::TrainEvent& e);
    void redrawCurves();
    // Names the dashed and dotted curves for the runs listed.
    void updateLegends();
    void updateXRange();
    void xAxisChanged(); // relabels and redraws
    void startClicked();
    // The runs of experiment `e` in folder `dir`, named as Start names them.
    std::vector<QueuedRun> experimentQueue(const train::SeedExperiment& e,
                                           const QString& dir) const;
    void startRun(const ScaleConfig& config, const QString& runDir, const QString& label,
                  const QString& description);
    // Trains m_runs[runIndex] into its folder: from the start, or on from its checkpoint.
    void launch(int runIndex, const ScaleConfig& config, bool resume);
    void startNextQueued();
    // The run list's entry for the run folder `dir`: the one listed, else the folder opened
    // (named "#N label"); -1 with `why` when it cannot be read.
    int listedRun(const QString& dir, const QString& label, const QString& description,
                  QString* why);
    void continueClicked();
    int continueTarget() const; // the run Continue acts on, or -1
    void updateContinue();
    void onEvents(const std::vector<train::TrainEvent>& batch);
    void onFinished(bool completed, bool cancelled, const QString& error);
    void replotIfDirty();
    TrainingSettings settingsFromForm() const;
    void setRunning(bool running);
    double xOf(const train::TrainEvent& e) const;

    ExplorerDocument* m_doc;
    TrainingController* m_controller;
    TrainingSettingsForm* m_form;
    QLabel* m_plan;
    void updatePlan();
    void updateStartText();
    QPushButton *m_start, *m_continue, *m_pause, *m_stop;
    QPushButton* m_evaluate;
    QAction* m_evaluateAction = nullptr; // the run list's context menu
    QAction* m_removeAction = nullptr;
    QAction* m_classifyAction = nullptr;
    QAction* m_compareAction = nullptr;
    RunComparisonDialog* m_comparison = nullptr;
    int m_runsRevision = 0;      // runs added or removed, epochs recorded
    int m_comparedRevision = -1; // what m_comparison last showed
    void refreshComparison();
    QProgressBar* m_progress;
    QLabel* m_status;
    QListWidget* m_runList;
    QComboBox* m_xAxis; // its item data is the XAxis
    QCustomPlot* m_plot;
    QCPLegend* m_keyLegend = nullptr;
    QCPCurve* m_valAccKey = nullptr;     // "val accuracy", or the EMA's where a run has one
    QCPCurve* m_trainedAccKey = nullptr; // in the key legend while a run has an EMA
    std::vector<QCPCurve*> m_styleKeys;  // every key, in the key legend's order
    QCPAxisRect *m_lossRect, *m_sizeRect, *m_speedRect;
    std::vector<RunCurves> m_runs;
    int m_liveRun = -1;  // the run the controller trains (or trained last), in m_runs
    int m_runsAdded = 0; // runs ever added: the next one's number
    QString m_lastRunDir;
    TrainingSettings m_shown; // what the form was last loaded with
    std::deque<QueuedRun> m_queue;
    std::deque<QueuedRun> m_held; // queued after m_heldAfter, which was stopped
    QString m_heldAfter;
    bool m_dirty = false;
};

} // namespace scalescope
