#include "architectureview.h"

#include "explorerdocument.h"
#include "scaling/format.h"

#include <QContextMenuEvent>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QSvgGenerator>
#include <QWheelEvent>
#include <cmath>

namespace scalescope {

namespace {
constexpr double kGap = 14;        // between boxes
constexpr double kMinHeight = 50;  // smallest box, at the last stage's resolution
constexpr double kMaxHeight = 230; // box of the stem's full-resolution map
constexpr int kStageRole = 0;      // QGraphicsItem::data key: stage index (-1 stem, n head)
constexpr double kZoomStep = 1.15;

QColor colourFor(int stage, int stages, BlockType t) {
    if (stage < 0 || stage >= stages) return QColor(0x9e, 0x9e, 0x9e);
    switch (t) {
    case BlockType::MBConv:
        return QColor(0x42, 0x85, 0xf4);
    case BlockType::FusedMBConv:
        return QColor(0xf4, 0x8c, 0x2a);
    case BlockType::Bottleneck:
        return QColor(0x34, 0xa8, 0x53);
    }
    return Qt::gray;
}

double boxWidth(int channels) {
    return 60 + 14 * std::log2(std::max(1, channels));
}
double boxHeight(int side, int resolution) {
    const double t = std::sqrt(double(side) / std::max(1, resolution));
    return kMinHeight + (kMaxHeight - kMinHeight) * std::clamp(t * 2.0, 0.0, 1.0);
}

QString layerTip(const LayerCost& L) {
    return QObject::tr("<b>%1</b> %2<br>in %3×%4×%5 → out %6×%7×%8<br>MACs %9<br>params "
                       "%10<br>activations (training, per image, fp32) %11")
        .arg(QString::fromStdString(L.name), QString::fromStdString(L.label))
        .arg(L.inChannels)
        .arg(L.inH)
        .arg(L.inW)
        .arg(L.outChannels)
        .arg(L.outH)
        .arg(L.outW)
        .arg(QString::fromStdString(withThousands(L.macs)),
             QString::fromStdString(withThousands(L.params)),
             QString::fromStdString(shortBytes(4.0 * double(L.activations))));
}
} // namespace

ArchitectureView::ArchitectureView(ExplorerDocument* doc, QWidget* parent)
    : QGraphicsView(parent), m_doc(doc) {
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundBrush(QColor(0xfa, 0xfa, 0xfa));
    connect(doc, &ExplorerDocument::changed, this, &ArchitectureView::rebuild);
    rebuild();
}

QString ArchitectureView::stageLabel(int stage) const {
    return stage >= 0 && stage < m_labels.size() ? m_labels[stage] : QString();
}

void ArchitectureView::setExpanded(int stage, bool expanded) {
    if (expanded)
        m_expanded.insert(stage);
    else
        m_expanded.remove(stage);
    rebuild();
}

void ArchitectureView::rebuild() {
    QGraphicsScene* s = scene();
    s->clear();
    m_blockItems = 0;
    m_labels.clear();
    const ScaledArch& arch = m_doc->arch();
    const CostReport& costs = m_doc->costs();
    const int n = int(arch.stages.size());
    // A stage added or taken out renumbers the ones after it: collapse rather than open
    // another stage than the one the user opened.
    if (n != m_stageCount) m_expanded.clear();
    m_stageCount = n;
    const QFont labelFont(font().family(), 13);
    double x = 0;
    // Each stage's items, to wrap the row into several to match the view's shape.
    struct Group {
        QList<QGraphicsItem*> items;
        double x0 = 0, width = 0;
    };
    QList<Group> groups;
    auto keep = [&](auto* item) { // each item drawn belongs to the current stage's group
        groups.last().items.append(item);
        return item;
    };
    const double baseline = kMaxHeight; // boxes hang centred on one line
    for (size_t si = 0; si < costs.stages.size(); ++si) {
        groups.append(Group{{}, x, 0});
        const StageCost& st = costs.stages[si];
        const int stage = st.stage;
        const BlockType type =
            stage >= 0 && stage < n ? arch.stages[size_t(stage)].spec.block : BlockType::MBConv;
        const QColor colour = colourFor(stage, n, type);
        const double share = 100.0 * st.macs / std::max<std::int64_t>(1, costs.macs);
        QString title;
        if (stage < 0)
            title = tr("Stem %1").arg(QString::fromStdString(st.label));
        else if (stage >= n)
            title = tr("Head %1").arg(QString::fromStdString(st.label));
        else
            title = QStringLiteral("%1 ×%2").arg(QString::fromStdString(st.label)).arg(st.repeats);
        const QString text = QStringLiteral("%1\n%2×%3×%4\n%5% MACs")
                                 .arg(title)
                                 .arg(st.outChannels)
                                 .arg(st.outH)
                                 .arg(st.outW)
                                 .arg(share, 0, 'f', share < 10 ? 1 : 0);
        if (stage >= 0 && stage < n) m_labels << title;
        const bool expanded = m_expanded.contains(stage) && stage >= 0 && stage < n;
        QString tip = tr("<b>%1</b><br>MACs %2 (%3%)<br>params %4<br>double-click to %5")
                          .arg(title, QString::fromStdString(withThousands(st.macs)))
                          .arg(share, 0, 'f', 1)
                          .arg(QString::fromStdString(withThousands(st.params)),
                               expanded ? tr("collapse") : tr("expand into layers"));
        if (!expanded) {
            auto* label = keep(s->addSimpleText(text, labelFont));
            const QRectF r = label->boundingRect();
            // Width grows with log(channels); never narrower than its label.
            const double w = std::max(boxWidth(st.outChannels), r.width() + 12);
            const double h = std::max(boxHeight(st.outH, arch.resolution), r.height() + 10);
            auto* box = keep(s->addRect(x, baseline - h / 2, w, h, QPen(colour.darker(140), 1.5),
                                        QBrush(colour.lighter(150))));
            box->setData(kStageRole, stage);
            box->setZValue(-1);
            // Hover shows the stage and, for a few blocks, each layer.
            QString layers;
            for (size_t li = st.firstLayer; li < st.firstLayer + std::min<size_t>(st.layerCount, 4);
                 ++li)
                layers += QStringLiteral("<hr>") + layerTip(costs.layers[li]);
            if (st.layerCount > 4)
                layers += tr("<hr>… %1 more layers (double-click)").arg(st.layerCount - 4);
            box->setToolTip(tip + layers);
            ++m_blockItems;
            label->setData(kStageRole, stage);
            label->setToolTip(box->toolTip());
            label->setPos(x + (w - r.width()) / 2, baseline - r.height() / 2);
            x += w + kGap;
        } else {
            // Expanded: one box per layer, thin, with its own costs on hover.
            const double top = baseline - kMaxHeight / 2 - 24;
            auto* head = keep(s->addSimpleText(title, labelFont));
            head->setPos(x, top);
            head->setData(kStageRole, stage);
            head->setToolTip(tip);
            for (size_t li = st.firstLayer; li < st.firstLayer + st.layerCount; ++li) {
                const LayerCost& L = costs.layers[li];
                const double w = 12 + 3 * std::log2(std::max(1, L.outChannels));
                const double h = boxHeight(L.outH, arch.resolution);
                auto* box = keep(s->addRect(x, baseline - h / 2, w, h, QPen(colour.darker(150), 1),
                                            QBrush(colour.lighter(120))));
                box->setData(kStageRole, stage);
                box->setToolTip(layerTip(L));
                ++m_blockItems;
                x += w + 3;
            }
            x = std::max(x, head->pos().x() + head->boundingRect().width()) + kGap;
        }
        groups.last().width = x - groups.last().x0;
    }
    // Wrap into rows so the diagram's aspect ratio is near the view's.
    const double total = x;
    const double rowPitch = kMaxHeight + 40;
    const double aspect =
        std::max(0.5, double(viewport()->width()) / std::max(1, viewport()->height()));
    const int rows = std::clamp(int(std::lround(std::sqrt(total / (rowPitch * aspect)))), 1, 4);
    const double rowWidth = total / rows;
    double rx = 0;
    int row = 0;
    for (Group& g : groups) {
        if (rx > 0 && rx + g.width > rowWidth * 1.08 && row + 1 < rows) {
            ++row;
            rx = 0;
        }
        for (QGraphicsItem* it : g.items)
            it->moveBy(rx - g.x0, row * rowPitch);
        rx += g.width;
    }
    auto* caption =
        s->addSimpleText(tr("%1 — %2 px — %3 params — %4 MACs (multiply-adds; the papers' FLOPs)")
                             .arg(QString::fromStdString(arch.baseline.displayName))
                             .arg(arch.resolution)
                             .arg(QString::fromStdString(shortCount(double(costs.params))),
                                  QString::fromStdString(shortCount(double(costs.macs)))),
                         QFont(font().family(), 14, QFont::Bold));
    caption->setPos(0, 0);
    auto* legend = s->addSimpleText(
        tr("blue: MBConv   orange: Fused-MBConv   green: Bottleneck   grey: stem and head"),
        labelFont);
    legend->setPos(0, baseline + kMaxHeight / 2 + 16 + row * rowPitch);
    caption->setPos(0, baseline - kMaxHeight / 2 - 44);
    s->setSceneRect(s->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    if (!m_userZoomed) fitInView(s->sceneRect(), Qt::KeepAspectRatio);
}

void ArchitectureView::resizeEvent(QResizeEvent* e) {
    QGraphicsView::resizeEvent(e);
    if (!m_userZoomed) rebuild(); // re-wrap the rows for the new shape, then fit
}

void ArchitectureView::wheelEvent(QWheelEvent* e) {
    const double f = e->angleDelta().y() > 0 ? kZoomStep : 1 / kZoomStep;
    m_userZoomed = true;
    scale(f, f);
}

int ArchitectureView::stageAt(const QPoint& viewPos) const {
    for (QGraphicsItem* item : items(viewPos)) {
        const QVariant v = item->data(kStageRole);
        if (!v.isValid()) continue;
        const int stage = v.toInt();
        if (stage >= 0 && stage < int(m_doc->arch().stages.size())) return stage;
    }
    return -1; // the stem, the head or nothing
}

void ArchitectureView::mouseDoubleClickEvent(QMouseEvent* e) {
    if (const int stage = stageAt(e->pos()); stage >= 0) {
        setExpanded(stage, !m_expanded.contains(stage));
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(e);
}

void ArchitectureView::contextMenuEvent(QContextMenuEvent* e) {
    if (const int stage = stageAt(e->pos()); stage >= 0) {
        Q_EMIT stageMenuRequested(stage, e->globalPos());
        e->accept();
        return;
    }
    QGraphicsView::contextMenuEvent(e);
}

bool ArchitectureView::exportPng(const QString& path) {
    const QRectF r = scene()->sceneRect();
    QImage img((r.size() * 2).toSize(), QImage::Format_ARGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    scene()->render(&p, QRectF(QPointF(0, 0), img.size()), r);
    p.end();
    return img.save(path, "PNG");
}

bool ArchitectureView::exportSvg(const QString& path) {
    QSvgGenerator gen;
    gen.setFileName(path);
    const QRectF r = scene()->sceneRect();
    gen.setSize(r.size().toSize());
    gen.setViewBox(QRectF(QPointF(0, 0), r.size()));
    gen.setTitle(QString::fromStdString(m_doc->arch().baseline.displayName));
    QPainter p;
    if (!p.begin(&gen)) return false;
    scene()->render(&p, QRectF(QPointF(0, 0), r.size()), r);
    return p.end();
}

} // namespace scalescope
