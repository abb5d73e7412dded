// The training tab's runs set against a reference run (train::compareRuns), a row a run: its
// schedule, epochs, last and best validation accuracy, wall time, when it first reached the
// reference's final accuracy, that time as a share of the reference's own, and the final
// accuracy against the reference's. A row may be the mean of runs at several seeds.
#pragma once

#include "train/runcomparison.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace scalescope {

class RunComparisonModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        Run,
        Schedule,
        Epochs,
        Accuracy,
        Best,
        Time,
        Reached,
        Ratio,
        TrainingRatio,
        Difference, // final accuracy against the reference's, in points
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;
    // The runs' names and schedules, and their comparison (rows in the same order). Rows that
    // stay the same runs are updated in place, so that a selection survives a live run's epoch.
    // `validations`: each run's train::validationSetText. A run validated on other images
    // than the reference is greyed, its tooltip saying on which.
    void setComparison(const QStringList& names, const QStringList& schedules,
                       const QStringList& validations, train::RunComparison comparison);
    void clear();
    const train::RunComparison& comparison() const { return m_comparison; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

  private:
    QStringList m_names, m_schedules, m_validations;
    train::RunComparison m_comparison;
};

} // namespace scalescope
