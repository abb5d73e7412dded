// EfficientNet's grid search in the explorer: the α, β, γ of a grid whose α·β²·γ² lies near 2,
// with what each costs at φ = 1 for the document's baseline. One can be taken into the document
// (an undoable edit); the selected ones can be trained one after the other at one or more seeds,
// their final validation accuracy (the mean ± its standard error over seeds) filled in as each
// finishes and set seed by seed against the paper's 1.2, 1.1, 1.15, as `scalescope-cli grid
// --train --seeds N` does. A click on a column's header sorts by it.
#pragma once

#include "scaling/gridsearch.h"
#include "scaling/scalingstudy.h"

#include <QAbstractTableModel>
#include <QDialog>

#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
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
    void setCandidates(std::vector<GridCandidate> list, const ScaleConfig& base);
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
    std::optional<double> accuracy(int row, int seedIndex) const;
    AccuracySummary summary(int row) const;
    // The candidate's accuracy minus the paper's coefficients', seed by seed; none for the
    // paper's row, with one seed, or where the grid does not hold 1.2, 1.1, 1.15.
    std::optional<PairedDifference> againstPaper(int row) const;
    bool hasPairedColumn() const; // several seeds, and the paper's coefficients among others
    void clearAccuracies();       // another baseline: the results were another model's
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

  private:
    // What tells a grid's runs apart (α, β, γ, φ, seed): the configurations trained are
    // looked up by it before they are compared whole, so that a table of hundreds of
    // candidates at ten seeds stays quick to fill, sort and follow the document.
    using RunKey = std::tuple<double, double, double, double, std::uint64_t>;
    static RunKey keyOf(const ScaleConfig& run);
    void setRuns(); // the runs of m_base, and their accuracies
    void resultsChanged();
    std::vector<double> accuracyBySeed(int row) const; // NaN: none at that seed
    std::vector<GridCandidate> m_list;
    ScaleConfig m_base;          // what the candidates are trained from
    std::vector<GridRun> m_runs; // seed by seed: run k·n + i is candidate i at seed index k
    std::vector<std::optional<double>> m_runAccuracy; // of m_runs[i], where trained
    std::map<RunKey, std::vector<std::pair<ScaleConfig, double>>> m_accuracy; // every one set
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
    bool useRow(int row); // the model row's α, β, γ into the document; φ stays
    // The selected candidates, in the model's order (closest to 2 first).
    std::vector<GridCandidate> selectedCandidates() const;
    void setSeeds(int seeds);
    int seeds() const;

  Q_SIGNALS:
    // Each candidate at `seeds` seeds (gridRuns).
    void trainRequested(const std::vector<scalescope::GridCandidate>& candidates, int seeds);

  protected:
    void showEvent(QShowEvent* e) override;

  private:
    void search();
    void documentChanged();
    bool m_stale = false; // the document changed while the window was closed
    void fitColumns();    // to the table's text, and to the widest result its seeds can give
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
    QLabel* m_message;
    QPushButton* m_use;
    QPushButton* m_train;
};

} // namespace scalescope
