// EfficientNet's grid search in the explorer: the α, β, γ of a grid whose α·β²·γ² lies near 2,
// with what each costs at φ = 1 for the document's baseline. One can be taken into the document
// (an undoable edit); the selected ones can be trained one after the other at one or more seeds,
// their final validation accuracy (the mean ± its standard error over seeds) filled in as each
// finishes and set seed by seed against the paper's 1.2, 1.1, 1.15, as `scalescope-cli grid
// --train --seeds N` does. A click on a column's header sorts by it.
#pragma once

#include "runresults.h"
#include "scaling/gridsearch.h"
#include "scaling/scalingstudy.h"
#include "train/gridfolder.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QThreadPool>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <utility>
#include <vector>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace scalescope {

class ExplorerDocument;

class GridCandidateModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        Alpha,
        Beta,
        Gamma,
        Product,
        Depth,
        Width,
        Size,
        TrainSize,
        Params,
        Macs,
        Accuracy,
        Paired, // against the paper's α, β, γ, seed by seed
        ColumnCount
    };
    // What the Qt::UserRole of a cell holds: a number to sort by (an accuracy cell without one
    // sorts below every result).
    static constexpr int SortRole = Qt::UserRole;
    using QAbstractTableModel::QAbstractTableModel;
    // The candidates and the configuration they are trained from (gridRuns): a run's accuracy
    // shows where its exact configuration was trained.
    // `seeds` (1 to kMaxGridSeeds) replaces the seeds of setSeeds; 0 keeps them.
    void setCandidates(std::vector<GridCandidate> list, const ScaleConfig& base, int seeds = 0);
    void setBase(const ScaleConfig& base); // the same candidates, other training settings or φ
    const GridCandidate& candidate(int row) const { return m_list[size_t(row)]; }
    // Runs of each candidate, at the training seed and the next ones; a candidate's accuracy
    // is its runs' mean. 1 to kMaxGridSeeds.
    void setSeeds(int seeds);
    int seeds() const { return m_seeds; }
    // The run of a candidate at seed index k, as Train queues it.
    const GridRun& run(int row, int seedIndex) const;
    // A trained run's final validation accuracy (NaN: it ended without a validation). Kept
    // while the document changes, so that it shows again whenever the table holds that exact
    // configuration.
    void setAccuracy(const ScaleConfig& run, double accuracy);
    void setAccuracies(const std::vector<std::pair<ScaleConfig, double>>& list); // one update
    std::optional<double> accuracy(int row, int seedIndex) const;
    AccuracySummary summary(int row) const;
    // The candidate's accuracy minus the paper's coefficients', seed by seed; none for the
    // paper's row, with one seed, or where the grid does not hold 1.2, 1.1, 1.15.
    std::optional<PairedDifference> againstPaper(int row) const;
    bool hasPairedColumn() const; // several seeds, and the paper's coefficients among others
    void clearAccuracies();       // another baseline: the results were another model's
    // What the accuracy cell says of a candidate without a result: "training…", "stopped"
    // (of the first of its runs with a note); empty clears it. Kept by configuration.
    void setNote(const ScaleConfig& run, const QString& note);
    QString note(int row) const;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

  private:
    void setRuns();         // the runs of m_base, and their accuracies
    void matchAccuracies(); // m_runAccuracy from m_results, the runs as they are
    void resultsChanged();
    std::vector<double> accuracyBySeed(int row) const; // NaN: none at that seed
    std::vector<GridCandidate> m_list;
    ScaleConfig m_base;          // what the candidates are trained from
    std::vector<GridRun> m_runs; // seed by seed: run k·n + i is candidate i at seed index k
    std::vector<std::optional<double>> m_runAccuracy; // of m_runs[i], where trained
    RunResults m_results;                             // every one set, and the notes
    int m_seeds = 1;
    int m_paperRow = -1;
};

class GridSearchDialog : public QDialog {
    Q_OBJECT
  public:
    explicit GridSearchDialog(ExplorerDocument* doc, QWidget* parent = nullptr);
    GridCandidateModel* model() const { return m_model; }
    QTableView* view() const { return m_view; } // shows the model through a sorting proxy
    // The view's row of a model row, as sorted now.
    int viewRow(int modelRow) const;
    QString message() const;                  // why the list is empty, or how many it holds
    void setSpec(const GridSearchSpec& spec); // and searches again
    GridSearchSpec spec() const;              // as the fields say now
    bool useRow(int row); // the model row's α, β, γ into the document; φ stays
    // The selected candidates, in the model's order (closest to 2 first).
    std::vector<GridCandidate> selectedCandidates() const;
    void setSeeds(int seeds);
    int seeds() const;
    // Where Train puts its runs: the folder opened or trained in last; empty before either
    // (the first Train makes one under ~/.local/share/scalescope/grids).
    QString gridDir() const { return m_dir; }
    // Before `runs` train: records in gridDir() (grid.json) that it holds this grid of `base`
    // at the table's seeds. Where that folder holds a grid of another configuration, or a run
    // folder another configuration's run, a new folder is taken and the message says why. The
    // folders are looked at and written on a pool thread; `done` gets the folder on the
    // window's thread, or an empty one with why not, and the runs whose results grid.csv holds
    // while their folders are gone (train::recordedOnly). Train and Open grid are off
    // meanwhile. Not called if the window is gone by then.
    void recordGridInBackground(const ScaleConfig& base, const std::vector<GridRun>& runs,
                                std::function<void(const QString& dir, const QString& why,
                                                   const std::set<std::string>& recordedOnly)>
                                    done);
    // A grid folder written by `scalescope-cli grid --train` or by this window: its model and
    // training settings (an undoable edit of the document where they differ), its grid and
    // seeds, and its runs' final accuracies. False with `why` for a folder that is no grid.
    bool openGrid(const QString& dir, QString* why = nullptr);
    // The same with the folder read on a pool thread; a message box says why not. gridOpened
    // reports the end either way.
    void openGridInBackground(const QString& dir);
    // While this grid's (or a study's) runs train or wait, the explorer's model stays as it
    // is: Use and Open grid, which edit it, are off; the table, Train and Close are not.
    void setEditingLocked(bool locked);

  Q_SIGNALS:
    // Each candidate at `seeds` seeds (gridRuns).
    void trainRequested(const std::vector<scalescope::GridCandidate>& candidates, int seeds);
    void gridOpened(bool ok);

  protected:
    void showEvent(QShowEvent* e) override;
    // A folder dropped on the window opens as Open does.
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

  private:
    void search();
    void documentChanged();
    void fitColumns(); // to the table's text, and to the widest result its seeds can give
    bool showGrid(const QString& dir, const train::GridFolder& folder, QString* why);
    void setBusy(bool busy); // a record or an open on the pool: Train and Open wait
    bool m_stale = false;    // the document changed while the window was closed
    bool m_opening = false;  // showGrid edits the document and then searches once itself
    // What the candidates depend on, as last searched: another baseline, per-stage multipliers
    // or size cap means other models.
    ArchSpec m_baseline;
    std::vector<StageMultiplier> m_stages;
    int m_cap = 0;
    ExplorerDocument* m_doc;
    GridCandidateModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_view;
    QDoubleSpinBox *m_from, *m_to, *m_step, *m_tolerance, *m_phi;
    QSpinBox* m_seeds;
    int m_limit = 0; // an opened grid's --limit, until a field is edited
    QLabel* m_message;
    QString m_tableMessage; // what the table holds, before any note on its folder
    QPushButton* m_use;
    QPushButton* m_train;
    QPushButton* m_open;
    QString m_dir;
    bool m_busy = false;
    bool m_locked = false; // setEditingLocked
    QThreadPool m_disk;    // Open grid's reads, Train's records, one at a time
};

} // namespace scalescope
