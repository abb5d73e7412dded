#include "blocktypedelegate.h"

#include "scaling/archspec.h"

#include <QComboBox>

#include <algorithm>

namespace scalescope {

QWidget* BlockTypeDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                         const QModelIndex&) const {
    auto* box = new QComboBox(parent);
    box->setObjectName(QStringLiteral("blockTypeEditor"));
    // The model's edit role speaks the spec's names; the list shows the papers'.
    box->addItem(tr("MBConv"), QString::fromStdString(toString(BlockType::MBConv)));
    box->addItem(tr("Fused-MBConv"), QString::fromStdString(toString(BlockType::FusedMBConv)));
    return box;
}

void BlockTypeDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* box = static_cast<QComboBox*>(editor);
    box->setCurrentIndex(std::max(0, box->findData(index.data(Qt::EditRole))));
}

void BlockTypeDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                     const QModelIndex& index) const {
    auto* box = static_cast<QComboBox*>(editor);
    if (box->currentData() != index.data(Qt::EditRole))
        model->setData(index, box->currentData(), Qt::EditRole);
}

} // namespace scalescope
