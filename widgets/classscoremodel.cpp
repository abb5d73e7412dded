#include "classscoremodel.h"

#include "percenttext.h"

#include <cmath>

namespace scalescope {

void ClassScoreModel::setScores(const train::EvaluationReport& report,
                                const train::SizeEvaluation& size) {
    beginResetModel();
    m_classes = report.classes;
    m_scores = train::classScores(size.confusion, report.classes);
    endResetModel();
}

void ClassScoreModel::clear() {
    beginResetModel();
    m_scores.clear();
    m_classes.clear();
    endResetModel();
}

int ClassScoreModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_scores.size());
}

int ClassScoreModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassScoreModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_scores.size())) return {};
    const train::ClassScore& s = m_scores[size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Images || index.column() == Recall || index.column() == Precision
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role == Qt::ToolTipRole && index.column() == ConfusedWith && s.confusedWith >= 0)
        return tr("%1 of the %2 images of %3 were taken for %4")
            .arg(s.confusedImages)
            .arg(s.images)
            .arg(QString::fromStdString(s.name),
                 QString::fromStdString(m_classes[size_t(s.confusedWith)]));
    // Qt::UserRole: the number behind a cell, for sorting and tests.
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Images:
            return qlonglong(s.images);
        case Recall:
            return s.recall;
        case Precision:
            return s.precision;
        case ConfusedWith:
            return s.confusedWith;
        default:
            return QString::fromStdString(s.name);
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Class:
        return QString::fromStdString(s.name);
    case Images:
        return qlonglong(s.images);
    case Recall:
        return percentText(s.recall);
    case Precision:
        return percentText(s.precision);
    case ConfusedWith:
        return s.confusedWith >= 0
                   ? tr("%1 (%2)")
                         .arg(QString::fromStdString(m_classes[size_t(s.confusedWith)]))
                         .arg(s.confusedImages)
                   : QStringLiteral("—");
    default:
        return {};
    }
}

QVariant ClassScoreModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return {};
    switch (section) {
    case Class:
        return tr("Class");
    case Images:
        return tr("Images");
    case Recall:
        return tr("Recall");
    case Precision:
        return tr("Precision");
    case ConfusedWith:
        return tr("Most often taken for");
    default:
        return {};
    }
}

} // namespace scalescope
