// EfficientNet's grid search in the explorer: the α, β, γ of a grid whose α·β²·γ² lies near 2,
// with what each costs at φ = 1 for the document's baseline. One can be taken into the document
// (an undoable edit); the selected ones can be trained one after the other, their final
// validation accuracy filled in as each finishes (as `scalescope-cli grid --train` does).
#pragma once

#include "scaling/gridsearch.h"

#include <QAbstractTableModel>
#include <QDialog>

#include <vector>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
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
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;
    void setCandidates(std::vector<GridCandidate> list);
    const GridCandidate& candidate(int row) const { return m_list[size_t(row)]; }
    // A trained candidate's final validation accuracy, kept across searches.
    void setAccuracy(const Coefficients& k, double accuracy);
    void clearAccuracies(); // another baseline: the results were another model's
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

  private:
    std::vector<GridCandidate> m_list;
    std::vector<std::pair<Coefficients, double>> m_accuracy; // α, β, γ, φ -> accuracy
};

class GridSearchDialog : public QDialog {
    Q_OBJECT
  public:
    explicit GridSearchDialog(ExplorerDocument* doc, QWidget* parent = nullptr);
    GridCandidateModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString message() const;                  // why the list is empty, or how many it holds
    void setSpec(const GridSearchSpec& spec); // and searches again
    bool useRow(int row);                     // the row's α, β, γ into the document; φ stays
    std::vector<GridCandidate> selectedCandidates() const;

  Q_SIGNALS:
    void trainRequested(const std::vector<scalescope::GridCandidate>& candidates);

  private:
    void search();
    void documentChanged();
    // What the candidates depend on, as last searched: another baseline, per-stage multipliers
    // or size cap means other models.
    ArchSpec m_baseline;
    std::vector<StageMultiplier> m_stages;
    int m_cap = 0;
    ExplorerDocument* m_doc;
    GridCandidateModel* m_model;
    QTableView* m_view;
    QDoubleSpinBox *m_from, *m_to, *m_step, *m_tolerance, *m_phi;
    QLabel* m_message;
    QPushButton* m_use;
    QPushButton* m_train;
};

} // namespace scalescope
