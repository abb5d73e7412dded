// EfficientNet's scaling study in the explorer: the document's model grown by depth, width or
// resolution alone and by compound scaling, to the same nominal MACs at each φ, with what each
// point costs; trained points (queued on the training tab, as `scalescope-cli study --train`
// trains them) fill in their final validation accuracy, drawn against MACs per strategy as in
// the paper's Figures 3 and 8.
#pragma once

#include "scaling/scalingstudy.h"

#include "runresults.h"
#include "train/studyruns.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QThreadPool>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class QCheckBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QSpinBox;
class QPushButton;
class QTableView;

namespace scalescope {

class ExplorerDocument;

class StudyPointModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        Strategy,
        Phi,
        Depth,
        Width,
        Size,
        TrainSize,
        Params,
        Macs,
        TestMacs,
        Nominal,
        Real,
        Accuracy,
        Paired, // against compound scaling at the same φ, seed by seed
        Reward, // EfficientNet-B0's search objective: the accuracy discounted by the MACs
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;
    void setPoints(std::vector<StudyPoint> points);
    const std::vector<StudyPoint>& points() const { return m_points; }
    const StudyPoint& point(int row) const { return m_points[size_t(row)]; }
    // Runs of each point (StudySpec::seeds); a point's accuracy is its runs' mean.
    void setSeeds(int seeds);
    int seeds() const { return m_seeds; }
    // A trained configuration's final validation accuracy; kept while the document changes, so
    // that a point shows it again whenever the study holds that exact configuration.
    void setAccuracy(const ScaleConfig& config, double accuracy);
    void setAccuracies(const std::vector<std::pair<ScaleConfig, double>>& list);
    // One run's (studyRun) accuracy, and a point's over its seeds' runs.
    std::optional<double> accuracy(const StudyPoint& run) const;
    // The configured model's point (φ 0), the reward's reference; nullptr where not listed.
    const StudyPoint* baseline() const;
    AccuracySummary summary(const StudyPoint& point) const;
    // The point's accuracy minus that of the compound point at its φ, seed by seed; none for
    // the compound and configured points, or where the study has no compound point.
    std::optional<PairedDifference> againstCompound(const StudyPoint& point) const;
    // Whether the Paired column says anything: several seeds, and compound among others.
    bool hasPairedColumn() const;
    // What the accuracy cell says of a point without one: "training…", "stopped"; empty
    // clears it. Kept by configuration, as accuracies are.
    void setNote(const ScaleConfig& config, const QString& note);
    QString note(const StudyPoint& p) const;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

  Q_SIGNALS:
    void accuraciesChanged();

  private:
    std::vector<double> accuracyBySeed(const StudyPoint& point) const; // NaN: none at that seed
    std::vector<StudyPoint> m_points;
    RunResults m_results;
    int m_seeds = 1;
};

class ScalingStudyDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ScalingStudyDialog(ExplorerDocument* doc, QWidget* parent = nullptr);
    StudyPointModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QCustomPlot* macsPlot() const { return m_macsPlot; }
    QCustomPlot* accuracyPlot() const { return m_accuracyPlot; }
    QString message() const; // why the table is empty, or what it holds
    // The φ list as typed ("1,2", "0:3:0.5") and the strategies; both study again.
    void setPhis(const QString& text);
    void setStrategyChecked(StudyStrategy s, bool checked);
    // The runs (each point at each seed) of the selected points (all when none is selected)
    // that have no accuracy yet, seed by seed, in the table's order: what Train queues.
    std::vector<StudyPoint> pointsToTrain() const;
    void setSeeds(int seeds); // studies again
    // Where trained points go: the folder opened last, else a new one under
    // ~/.local/share/scalescope/studies, made on the first call.
    QString studyDir();
    // The φ and strategies of the table (the last accepted).
    StudySpec spec() const { return m_spec; }
    // Before points train: records in studyDir() that it is a study of `base` with the table's
    // points (study.json). Where that folder holds a study of another configuration (the model
    // or the training settings were changed since), a new folder is taken and the message says
    // why. Returns the folder; empty with `why` when none can be recorded.
    QString recordStudy(const ScaleConfig& base, QString* why = nullptr);
    // The same with the folders looked at and study.json written on a pool thread (a study of
    // 200 runs reads 200 configurations): `done` gets the folder on the window's thread, or
    // an empty one with why not. Train and Open study are off meanwhile. Not called if the
    // window is gone by then.
    void recordStudyInBackground(const ScaleConfig& base,
                                 std::function<void(const QString& dir, const QString& why)> done);
    // A study folder written by `scalescope-cli study --train` or by this window: its runs'
    // accuracies, the configured model it started from (an undoable edit of the document where
    // that differs) and its φ and strategies (from its study.json, or, in folders written
    // before that file, from its run folders' names). False with `why` for a folder that is
    // no study.
    bool openStudy(const QString& dir, QString* why = nullptr);
    // The same with the folder read on a pool thread (a study of 200 long runs takes tens of
    // milliseconds to read here); the window shows it when read, or a message box says why
    // not. studyOpened reports the end either way.
    void openStudyInBackground(const QString& dir);
    // study.csv as `scalescope-cli study --train` writes it: every point, with the accuracy of
    // those trained ("not trained" for the rest). False with `why` when it cannot be written.
    bool exportCsv(const QString& path, QString* why = nullptr) const;
    // While a run trains, the document stays as it is: Open study, which may change it, is off.
    void setTrainingRunning(bool running);
    // Points of one curve on the accuracy plot (the baseline's point included).
    int accuracyPointCount(StudyStrategy s) const;

  Q_SIGNALS:
    void trainRequested(const std::vector<scalescope::StudyPoint>& points);
    void studyOpened(bool ok);

  protected:
    void showEvent(QShowEvent* e) override;
    // A folder dropped on the window opens as Open does.
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

  private:
    // Shows a folder read by train::readStudyFolder; false with `why` for no study.
    bool showStudy(const QString& dir, const train::StudyFolder& folder, QString* why);
    void study();
    void replot();
    // The folder recorded in: kept for the next points, and named in the message.
    void showRecorded(const QString& dir, const QString& note);
    // Edits of the document while the window is closed only mark the points stale: a slider
    // drag in the explorer does not cost every point's model each step.
    bool m_stale = false;
    ExplorerDocument* m_doc;
    StudyPointModel* m_model;
    QTableView* m_view;
    QLineEdit* m_phis;
    QSpinBox* m_seeds;
    std::map<StudyStrategy, QCheckBox*> m_strategies;
    QLabel* m_message;
    QCustomPlot* m_macsPlot;
    QCustomPlot* m_accuracyPlot;
    QPushButton* m_train;
    QPushButton* m_open;
    QString m_dir;
    StudySpec m_spec;
    bool m_trainingRunning = false;
    QThreadPool m_reader; // Open study's reads, Train's records; waited for when the window goes
};

} // namespace scalescope
