// Image files classified by a trained run, as a table: the square the model was given (as a
// thumbnail), the file, its size, the class its folder names (when it names one), the most
// likely class with its probability and the next ones. Files that did not decode keep their
// row with the reason.
#pragma once

#include "train/prediction.h"

#include <QAbstractTableModel>
#include <QImage>
#include <QSortFilterProxyModel>
#include <QVector>

namespace scalescope {

class PredictionModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Image, Size, Label, Class, Probability, Then, ColumnCount };
    static constexpr int kThumbnailPx = 64; // thumbnails are drawn this large, pixels kept sharp
    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const train::PredictionReport& report);
    void clear();
    const train::PredictionReport& report() const { return m_report; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    // Qt::UserRole: the folder's class (Label, -1 for none), the top class's index (Class),
    // its probability (Probability), -1 / NaN for a file that was not classified. The class is
    // drawn green where it is the folder's, red where it is not.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    train::PredictionReport m_report;
    QVector<QImage> m_thumbnails; // null where the file kept no input
};

// The table as shown: sorted by any column (probabilities as numbers, files not classified
// last) or in the order given, and optionally only the mistakes, files whose folder names a
// class other than the one predicted first.
class PredictionFilter : public QSortFilterProxyModel {
    Q_OBJECT
  public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMistakesOnly(bool on);
    bool mistakesOnly() const { return m_mistakesOnly; }

  protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

  private:
    bool m_mistakesOnly = false;
};

} // namespace scalescope
