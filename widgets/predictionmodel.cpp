#include "predictionmodel.h"

#include "percenttext.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

#include <cmath>

namespace scalescope {

namespace {

// The core's channel-after-channel square as an image, enlarged to the thumbnail size.
QImage thumbnail(const train::ImagePrediction& p, int channels, int side) {
    if (side <= 0 || p.input.size() != std::size_t(channels) * side * side) return {};
    QImage img(side, side, channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    const std::size_t plane = std::size_t(side) * side;
    for (int y = 0; y < side; ++y) {
        uchar* row = img.scanLine(y);
        for (int x = 0; x < side; ++x)
            for (int c = 0; c < channels; ++c)
                row[x * channels + c] = p.input[c * plane + std::size_t(y) * side + x];
    }
    return img.scaled(PredictionModel::kThumbnailPx, PredictionModel::kThumbnailPx,
                      Qt::KeepAspectRatio, Qt::FastTransformation);
}
} // namespace

void PredictionModel::setReport(const train::PredictionReport& report) {
    beginResetModel();
    m_report = report;
    m_thumbnails.clear();
    for (auto& p : m_report.images) {
        m_thumbnails << thumbnail(p, report.channels, report.inputSize);
        std::vector<std::uint8_t>().swap(p.input); // the thumbnail holds it now
    }
    endResetModel();
}

void PredictionModel::clear() {
    beginResetModel();
    m_report = {};
    m_thumbnails.clear();
    endResetModel();
}

int PredictionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_report.images.size());
}

int PredictionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PredictionModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
    const train::ImagePrediction& p = m_report.images[std::size_t(index.row())];
    const bool ok = p.error.empty() && !p.top.empty();
    const auto className = [this](const train::ClassProbability& c) {
        return c.index >= 0 && std::size_t(c.index) < m_report.classes.size()
                   ? QString::fromStdString(m_report.classes[std::size_t(c.index)])
                   : QString::number(c.index);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Image:
            return QFileInfo(QString::fromStdString(p.path)).fileName();
        case Size:
            return ok ? QStringLiteral("%1×%2").arg(p.width).arg(p.height) : QString();
        case Label:
            return p.label >= 0 ? className({p.label, 0.0}) : QString();
        case Class:
            return ok ? className(p.top.front()) : tr("not classified");
        case Probability:
            return ok ? percentText(p.top.front().probability) : QString();
        case Then: {
            if (!ok) return QString::fromStdString(p.error);
            QStringList next;
            for (std::size_t i = 1; i < p.top.size(); ++i)
                next << tr("%1 %2").arg(className(p.top[i]), percentText(p.top[i].probability));
            return next.join(QStringLiteral(", "));
        }
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == Image && index.row() < m_thumbnails.size() &&
            !m_thumbnails[index.row()].isNull())
            return m_thumbnails[index.row()];
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Image)
            return tr("%1\nshown as the model was given it: a centred %2 px square")
                .arg(QString::fromStdString(p.path))
                .arg(m_report.storedSize);
        if (!ok) return QString::fromStdString(p.error);
        return {};
    case Qt::ForegroundRole:
        if (!ok && (index.column() == Class || index.column() == Then))
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        if (ok && p.label >= 0 && index.column() == Class)
            return QBrush(p.top.front().index == p.label ? QColor(0x1b, 0x7f, 0x3b)
                                                         : QColor(0xb3, 0x26, 0x1e));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Probability || index.column() == Size
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::UserRole:
        if (index.column() == Label) return p.label;
        if (index.column() == Class) return ok ? p.top.front().index : -1;
        if (index.column() == Probability) return ok ? p.top.front().probability : std::nan("");
        return {};
    default:
        return {};
    }
}

QVariant PredictionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Image:
        return tr("Image");
    case Size:
        return tr("Size");
    case Label:
        return tr("Folder's class");
    case Class:
        return tr("Class");
    case Probability:
        return tr("Probability");
    case Then:
        return tr("Then");
    default:
        return {};
    }
}

void PredictionFilter::setMistakesOnly(bool on) {
    if (on == m_mistakesOnly) return;
    m_mistakesOnly = on;
    invalidateFilter();
}

bool PredictionFilter::filterAcceptsRow(int row, const QModelIndex& parent) const {
    if (!m_mistakesOnly) return true;
    const QAbstractItemModel* m = sourceModel();
    const int label = m->data(m->index(row, PredictionModel::Label, parent), Qt::UserRole).toInt();
    const int top = m->data(m->index(row, PredictionModel::Class, parent), Qt::UserRole).toInt();
    return label >= 0 && top >= 0 && top != label;
}

bool PredictionFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    if (left.column() == PredictionModel::Probability) {
        const double a = left.data(Qt::UserRole).toDouble();
        const double b = right.data(Qt::UserRole).toDouble();
        // Files not classified stay after every probability in either order (a descending
        // sort asks lessThan(right, left)).
        const bool descending = sortOrder() == Qt::DescendingOrder;
        if (std::isnan(a) || std::isnan(b))
            return std::isnan(a) ? !std::isnan(b) && descending : !descending;
        return a < b;
    }
    return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
}

} // namespace scalescope
