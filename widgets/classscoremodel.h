// Each class's scores at one test size, as a table: images, recall, precision and the class
// its images were most often taken for (core train::classScores does the arithmetic).
#pragma once

#include "train/evaluation.h"

#include <QAbstractTableModel>

namespace scalescope {

class ClassScoreModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Class, Images, Recall, Precision, ConfusedWith, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    // The scores of `size` in `report`; an empty report clears the table.
    void setScores(const train::EvaluationReport& report, const train::SizeEvaluation& size);
    void clear();
    const std::vector<train::ClassScore>& scores() const { return m_scores; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    std::vector<train::ClassScore> m_scores;
    std::vector<std::string> m_classes;
};

} // namespace scalescope
