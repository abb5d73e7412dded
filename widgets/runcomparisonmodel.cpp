#include "runcomparisonmodel.h"

#include "percenttext.h"
#include "scaling/format.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <cmath>

namespace scalescope {

namespace {
QString ratioText(double r) {
    return std::isfinite(r) ? QStringLiteral("%1×").arg(r, 0, 'f', 2) : QStringLiteral("—");
}
} // namespace

void RunComparisonModel::setComparison(const QStringList& names, const QStringList& schedules,
                                       const QStringList& validations,
                                       train::RunComparison comparison) {
    const bool sameRows = names == m_names;
    if (!sameRows) beginResetModel();
    m_names = names;
    m_schedules = schedules;
    m_validations = validations;
    m_comparison = std::move(comparison);
    if (!sameRows)
        endResetModel();
    else if (!m_names.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    // The target's percentage is in the Reached header.
    Q_EMIT headerDataChanged(Qt::Horizontal, Reached, Reached);
}

void RunComparisonModel::clear() {
    beginResetModel();
    m_names.clear();
    m_schedules.clear();
    m_validations.clear();
    m_comparison = {};
    endResetModel();
}

int RunComparisonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_comparison.rows.size());
}

int RunComparisonModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunComparisonModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const train::RunComparisonRow& r = m_comparison.rows[size_t(index.row())];
    const bool reference = index.row() == m_comparison.reference;
    if (role == Qt::FontRole && reference) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Epochs && index.column() != Reached
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (!r.sameValidation) {
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (role == Qt::ToolTipRole)
            return tr("Validated on other images (%1) than the reference (%2): its accuracies "
                      "do not compare")
                .arg(m_validations.value(index.row()), m_validations.value(m_comparison.reference));
    }
    if (role == Qt::ToolTipRole && index.column() == Difference && !reference && r.pairs >= 2)
        return tr("Final accuracy against the reference's, seed by seed over %1 seeds, with "
                  "the standard error of that mean")
            .arg(r.pairs);
    if (role == Qt::ToolTipRole && index.column() == Run)
        return reference ? tr("%1 — the reference").arg(m_names.value(index.row()))
                         : m_names.value(index.row());
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Run:
        return m_names.value(index.row());
    case Schedule: {
        const QString s = m_schedules.value(index.row());
        return s.isEmpty() ? QStringLiteral("—") : s;
    }
    case Epochs:
        return tr("%1/%2").arg(r.epochs).arg(r.plannedEpochs);
    case Accuracy:
        return percentText(r.finalAccuracy);
    case Best:
        return percentText(r.bestAccuracy);
    case Time:
        return QString::fromStdString(clockTime(r.seconds));
    case Reached:
        return r.reachedEpoch > 0 ? tr("epoch %1, %2")
                                        .arg(r.reachedEpoch)
                                        .arg(QString::fromStdString(clockTime(r.reachedSeconds)))
               : r.epochs < r.plannedEpochs ? tr("not yet") // may still
                                            : tr("never");
    case Ratio:
        return ratioText(r.ratio);
    case TrainingRatio:
        return ratioText(r.trainingRatio);
    case Difference: {
        if (reference || !std::isfinite(r.finalDifference)) return QStringLiteral("—");
        // U+2212: a real minus sign, as wide as the plus.
        const QString points = QStringLiteral("%1%2")
                                   .arg(r.finalDifference < 0 ? QChar(0x2212) : QChar('+'))
                                   .arg(std::abs(100 * r.finalDifference), 0, 'f', 2);
        return std::isfinite(r.differenceError)
                   ? tr("%1 ± %2").arg(points).arg(100 * r.differenceError, 0, 'f', 2)
                   : points;
    }
    }
    return {};
}

QVariant RunComparisonModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal) return QAbstractTableModel::headerData(section, o, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Reached:
            return tr("The first epoch validated at or above the reference's final accuracy, and "
                      "the wall time at its end");
        case Ratio:
            return tr("That time as a share of the reference's own time to its final accuracy "
                      "(EfficientNetV2 reports 0.35–0.71× for progressive learning)");
        case TrainingRatio:
            return tr("The same without the time spent validating, where the runs record it");
        case Difference:
            return tr("Final validation accuracy against the reference's, in points; for means "
                      "over seeds, taken seed by seed, with its standard error");
        }
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Run:
        return tr("Run");
    case Schedule:
        return tr("Schedule");
    case Epochs:
        return tr("Epochs");
    case Accuracy:
        return tr("Val acc");
    case Best:
        return tr("Best");
    case Time:
        return tr("Time");
    case Reached:
        return std::isfinite(m_comparison.target)
                   ? tr("Reached %1").arg(percentText(m_comparison.target))
                   : tr("Reached");
    case Ratio:
        return tr("× time");
    case TrainingRatio:
        return tr("× training");
    case Difference:
        return tr("Δ final");
    }
    return {};
}

} // namespace scalescope
