// Per-stage table over the document: the baseline's stage spec (its block type too, where
// the family has two: EfficientNetV2's Fused-MBConv in early stages is one edit) and the
// per-stage multipliers are editable; the scaled repeats, channels, output and MACs follow.
#pragma once

#include <QAbstractTableModel>

namespace scalescope {

class ExplorerDocument;

class StageTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        Block,
        Repeats,
        Kernel,
        Stride,
        Expansion,
        SE,
        Channels,
        DepthMult,
        WidthMult,
        ScaledRepeats,
        ScaledChannels,
        Output,
        Macs,
        ColumnCount
    };

    explicit StageTableModel(ExplorerDocument* doc, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

  Q_SIGNALS:
    void editRefused(const QString& message);

  private:
    void documentChanged();
    bool setBlockType(int stage, const QString& text); // "MBConv", "Fused-MBConv", ...
    ExplorerDocument* m_doc;
    int m_rows = 0;
};

} // namespace scalescope
