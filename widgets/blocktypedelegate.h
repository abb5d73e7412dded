// The stage table's block-type editor: a list of the types the baseline's family builds
// (MBConv and Fused-MBConv), so that a choice is never typed wrong.
#pragma once

#include <QStyledItemDelegate>

namespace scalescope {

class BlockTypeDelegate : public QStyledItemDelegate {
    Q_OBJECT
  public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
};

} // namespace scalescope
