// The runs of a folder as a table (train::listRuns): model, dataset, image sizes, schedule,
// epochs, state, the last and the best validation accuracy and the wall time. Unreadable runs
// are listed greyed, with the reason as their tooltip, and can be selected (to be moved to the
// trash). Qt::UserRole holds each cell's sort value.
#pragma once

#include "train/runhistory.h"

#include <QAbstractTableModel>

#include <vector>

namespace scalescope {

class RunListModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        Run,
        Model,
        Dataset,
        Sizes,
        Schedule,
        Epochs,
        State,
        Accuracy,
        Best,
        Time,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;
    // `folder`: runs inside it are named relative to it.
    void setRuns(std::vector<train::RunListing> runs, const QString& folder);
    const train::RunListing& run(int row) const { return m_runs[size_t(row)]; }
    void removeRun(const std::string& dir); // its row, if listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

  private:
    QString stateText(const train::RunListing& r) const;
    std::vector<train::RunListing> m_runs;
    QString m_folder;
};

} // namespace scalescope
