#include "stagetablemodel.h"

#include "explorerdocument.h"
#include "scaling/format.h"

#include <cmath>

namespace scalescope {

StageTableModel::StageTableModel(ExplorerDocument* doc, QObject* parent)
    : QAbstractTableModel(parent), m_doc(doc) {
    m_rows = int(doc->config().baseline.stages.size());
    connect(doc, &ExplorerDocument::changed, this, &StageTableModel::documentChanged);
}

void StageTableModel::documentChanged() {
    const int rows = int(m_doc->config().baseline.stages.size());
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
    }
}

int StageTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}
int StageTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StageTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (o == Qt::Vertical) return tr("Stage %1").arg(section + 1);
    switch (section) {
    case Block:
        return tr("Block");
    case Repeats:
        return tr("Repeats");
    case Kernel:
        return tr("Kernel");
    case Stride:
        return tr("Stride");
    case Expansion:
        return tr("Expansion");
    case SE:
        return tr("SE ratio");
    case Channels:
        return tr("Channels");
    case DepthMult:
        return tr("Depth ×");
    case WidthMult:
        return tr("Width ×");
    case ScaledRepeats:
        return tr("Scaled repeats");
    case ScaledChannels:
        return tr("Scaled channels");
    case Output:
        return tr("Output");
    case Macs:
        return tr("MACs");
    }
    return {};
}

Qt::ItemFlags StageTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    // The block type is a choice only where the family has two (MBConv and Fused-MBConv).
    const bool oneBlockType = m_doc->config().baseline.family == Family::ResNetRS;
    if (index.column() <= WidthMult && !(index.column() == Block && oneBlockType))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant StageTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows) return {};
    const auto& cfg = m_doc->config();
    const StageSpec& s = cfg.baseline.stages[size_t(index.row())];
    const StageMultiplier m =
        cfg.request.stages.empty() ? StageMultiplier{} : cfg.request.stages[size_t(index.row())];
    const auto& arch = m_doc->arch();
    const ScaledStage& sc = arch.stages[size_t(index.row())];
    const CostReport& costs = m_doc->costs();
    const StageCost& cost = costs.stages[size_t(index.row()) + 1]; // [0] is the stem
    if (role == Qt::TextAlignmentRole)
        return int(index.column() == Block ? Qt::AlignLeft | Qt::AlignVCenter
                                           : Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Macs)
        return tr("%1 multiply-adds (the papers' FLOPs), %2 of the model")
            .arg(QString::fromStdString(withThousands(cost.macs)))
            .arg(
                QString::number(100.0 * cost.macs / std::max<std::int64_t>(1, costs.macs), 'f', 1) +
                "%");
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    const bool edit = role == Qt::EditRole;
    switch (index.column()) {
    case Block:
        return QString::fromStdString(edit ? toString(s.block) : blockLabel(s));
    case Repeats:
        return s.repeats;
    case Kernel:
        return s.kernel;
    case Stride:
        return s.stride;
    case Expansion:
        return s.expansion;
    case SE:
        return s.seRatio;
    case Channels:
        return s.channels;
    case DepthMult:
        return edit ? QVariant(m.depth) : QVariant(QString::number(m.depth, 'g', 4));
    case WidthMult:
        return edit ? QVariant(m.width) : QVariant(QString::number(m.width, 'g', 4));
    case ScaledRepeats:
        return sc.spec.repeats;
    case ScaledChannels:
        return sc.spec.channels;
    case Output:
        return QStringLiteral("%1×%2×%3").arg(cost.outChannels).arg(cost.outH).arg(cost.outW);
    case Macs:
        return QString::fromStdString(shortCount(double(cost.macs)));
    }
    return {};
}

bool StageTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString column = headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString();
    if (index.column() == Block) return setBlockType(index.row(), value.toString());
    bool ok = false;
    const double v = value.toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        Q_EMIT editRefused(tr("Stage %1, %2: \"%3\" is not a number")
                               .arg(index.row() + 1)
                               .arg(column, value.toString()));
        return false;
    }
    const int stage = index.row();
    QString why;
    auto onReject = [&](const QString& field, const QString& reason) {
        why = field + QStringLiteral(": ") + reason;
    };
    const auto conn = connect(m_doc, &ExplorerDocument::rejected, this, onReject);
    bool applied = false;
    const auto& cfg = m_doc->config();
    StageSpec s = cfg.baseline.stages[size_t(stage)];
    const StageMultiplier m =
        cfg.request.stages.empty() ? StageMultiplier{} : cfg.request.stages[size_t(stage)];
    auto whole = [&](int& field) {
        if (v != std::floor(v)) {
            why = tr("must be a whole number");
            return false;
        }
        field = int(v);
        return true;
    };
    switch (index.column()) {
    case Repeats:
        applied = whole(s.repeats) && m_doc->setStageSpec(stage, s);
        break;
    case Kernel:
        applied = whole(s.kernel) && m_doc->setStageSpec(stage, s);
        break;
    case Stride:
        applied = whole(s.stride) && m_doc->setStageSpec(stage, s);
        break;
    case Channels:
        applied = whole(s.channels) && m_doc->setStageSpec(stage, s);
        break;
    case Expansion:
        s.expansion = v;
        applied = m_doc->setStageSpec(stage, s);
        break;
    case SE:
        s.seRatio = v;
        applied = m_doc->setStageSpec(stage, s);
        break;
    case DepthMult:
        applied = m_doc->setStageMultiplier(stage, v, m.width);
        break;
    case WidthMult:
        applied = m_doc->setStageMultiplier(stage, m.depth, v);
        break;
    default:
        break;
    }
    disconnect(conn);
    if (!applied)
        Q_EMIT editRefused(tr("Stage %1, %2 refused: %3").arg(stage + 1).arg(column, why));
    return applied;
}

bool StageTableModel::setBlockType(int stage, const QString& text) {
    // "Fused-MBConv", "fused_mbconv" and "fused mbconv" all name the spec's fused_mbconv.
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char('-'), QLatin1Char('_')).replace(QLatin1Char(' '), QLatin1Char('_'));
    QString why;
    const auto conn = connect(m_doc, &ExplorerDocument::rejected, this,
                              [&](const QString& field, const QString& reason) {
                                  why = field + QStringLiteral(": ") + reason;
                              });
    bool applied = false;
    StageSpec s = m_doc->config().baseline.stages[size_t(stage)];
    try {
        s.block = blockTypeFromString(key.toStdString(), "block");
        applied = m_doc->setStageSpec(stage, s);
    } catch (const ValidationError& e) {
        why = QString::fromStdString(e.what());
    }
    disconnect(conn);
    if (!applied)
        Q_EMIT editRefused(
            tr("Stage %1, %2 refused: %3")
                .arg(stage + 1)
                .arg(headerData(Block, Qt::Horizontal, Qt::DisplayRole).toString(), why));
    return applied;
}

} // namespace scalescope
