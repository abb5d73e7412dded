#include "runlistmodel.h"

#include "percenttext.h"
#include "scaling/format.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace scalescope {

namespace {
QString orDash(const std::string& s) {
    return s.empty() ? QStringLiteral("—") : QString::fromStdString(s);
}
} // namespace

void RunListModel::setRuns(std::vector<train::RunListing> runs, const QString& folder) {
    beginResetModel();
    m_runs = std::move(runs);
    m_folder = folder;
    endResetModel();
}

int RunListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunListModel::stateText(const train::RunListing& r) const {
    using S = train::RunListing::State;
    switch (r.state) {
    case S::Finished:
        return tr("finished");
    case S::Unfinished:
        return r.hasCheckpoint ? tr("unfinished (can continue)") : tr("unfinished (no checkpoint)");
    case S::Unreadable:
        return tr("unreadable");
    }
    return {};
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const train::RunListing& r = m_runs[size_t(index.row())];
    const bool readable = r.state != train::RunListing::State::Unreadable;
    if (role == Qt::ToolTipRole)
        return readable ? QString::fromStdString(r.dir)
                        : tr("%1: %2").arg(QString::fromStdString(r.dir),
                                           QString::fromStdString(r.problem));
    if (role == Qt::ForegroundRole) // greyed, yet selectable: to be moved to the trash
        return readable
                   ? QVariant()
                   : QVariant(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Epochs && index.column() != State
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
    const bool sort = role == Qt::UserRole;
    const auto number = [&](double v) -> QVariant {
        if (sort) return std::isfinite(v) ? v : -1.0; // unvalidated below every accuracy
        return percentText(v);
    };
    switch (index.column()) {
    case Run: {
        const QString dir = QString::fromStdString(r.dir);
        // Both made absolute: QDir leaves a relative path as it is.
        const QString rel = QDir(QFileInfo(m_folder).absoluteFilePath())
                                .relativeFilePath(QFileInfo(dir).absoluteFilePath());
        return m_folder.isEmpty() || rel.startsWith(QLatin1String("..")) || rel == "." ? dir : rel;
    }
    case Model:
        return orDash(r.model);
    case Dataset:
        return orDash(r.dataset);
    case Sizes: {
        if (sort) return r.validatedSize;
        if (r.validatedSize <= 0) return QStringLiteral("—");
        QString text = QString::number(r.smallestSize);
        if (r.largestSize != r.smallestSize) text += QStringLiteral("→%1").arg(r.largestSize);
        if (r.validatedSize != r.largestSize) text += tr(" (val %1)").arg(r.validatedSize);
        return text;
    }
    case Schedule:
        return orDash(r.schedule);
    case Epochs:
        if (sort) return r.epochs;
        return readable ? tr("%1/%2").arg(r.epochs).arg(r.plannedEpochs) : QStringLiteral("—");
    case State:
        return stateText(r);
    case Accuracy:
        return number(r.finalValAccuracy);
    case Best:
        return number(r.bestValAccuracy);
    case Time:
        if (sort) return std::isfinite(r.seconds) ? r.seconds : -1.0;
        return std::isfinite(r.seconds) ? QString::fromStdString(clockTime(r.seconds))
                                        : QStringLiteral("—");
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Run:
        return tr("Run");
    case Model:
        return tr("Model");
    case Dataset:
        return tr("Dataset");
    case Sizes:
        return tr("Image px");
    case Schedule:
        return tr("Schedule");
    case Epochs:
        return tr("Epochs");
    case State:
        return tr("State");
    case Accuracy:
        return tr("Val accuracy");
    case Best:
        return tr("Best");
    case Time:
        return tr("Time");
    }
    return {};
}

Qt::ItemFlags RunListModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void RunListModel::removeRun(const std::string& dir) {
    const auto it = std::find_if(m_runs.begin(), m_runs.end(),
                                 [&](const train::RunListing& r) { return r.dir == dir; });
    if (it == m_runs.end()) return;
    const int row = int(it - m_runs.begin());
    beginRemoveRows({}, row, row);
    m_runs.erase(it);
    endRemoveRows();
}

} // namespace scalescope
