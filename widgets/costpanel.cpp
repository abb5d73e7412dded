#include "costpanel.h"

#include "explorerdocument.h"
#include "modeldescription.h"
#include "scaling/comparison.h"
#include "scaling/format.h"
#include "scaling/presets.h"
#include "titledplot.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace scalescope {

namespace {
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
constexpr double kPhiMin = -2, kPhiMax = 8, kPhiStep = 0.25; // range of the MACs–φ curve
const QColor kReferenceColor(0x80, 0x80, 0x80, 170);
constexpr int kMinimumWidth = 360; // px: nine stage labels under the bars without overlap

QString ratio(double r) {
    return QStringLiteral("×") + QString::number(r, 'f', 2);
}
} // namespace

CostPanel::CostPanel(ExplorerDocument* doc, QWidget* parent) : QWidget(parent), m_doc(doc) {
    setMinimumWidth(kMinimumWidth);
    auto* layout = new QVBoxLayout(this);
    m_totals = new QLabel(this);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totals->setWordWrap(true);
    layout->addWidget(m_totals);
    auto* form = new QFormLayout;
    m_gpu = new QDoubleSpinBox(this);
    m_gpu->setRange(1, 1024);
    m_gpu->setValue(80);
    m_gpu->setSuffix(tr(" GiB"));
    m_precision = new QComboBox(this);
    m_precision->addItem(tr("bf16 activations"), int(Precision::BFloat16));
    m_precision->addItem(tr("fp32 activations"), int(Precision::Float32));
    form->addRow(tr("GPU memory"), m_gpu);
    form->addRow(tr("Precision"), m_precision);
    layout->addLayout(form);
    auto* refRow = new QHBoxLayout;
    m_pin = new QPushButton(tr("Pin as reference"), this);
    m_pin->setObjectName(QStringLiteral("pinReference"));
    m_pin->setToolTip(tr("Keep this model to compare the next edits against: its costs are "
                         "drawn in grey and the ratios listed."));
    m_unpin = new QPushButton(tr("Clear reference"), this);
    m_unpin->setObjectName(QStringLiteral("clearReference"));
    m_unpin->setEnabled(false);
    refRow->addWidget(m_pin);
    refRow->addWidget(m_unpin);
    refRow->addStretch(1);
    layout->addLayout(refRow);
    m_compare = new QLabel(this);
    m_compare->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compare->setWordWrap(true);
    m_compare->hide();
    layout->addWidget(m_compare);
    connect(m_pin, &QPushButton::clicked, this, &CostPanel::pinReference);
    connect(m_unpin, &QPushButton::clicked, this, &CostPanel::clearReference);

    m_stages = titledPlot(this, tr("Per stage: MACs and parameters"), 220);
    layout->addWidget(m_stages, 1);
    m_phi = titledPlot(this, tr("MACs against φ (current α, β, γ)"), 200);
    layout->addWidget(m_phi, 1);

    connect(doc, &ExplorerDocument::changed, this, &CostPanel::refresh);
    // Memory settings change only the totals; the plots depend on the model alone.
    connect(m_gpu, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
            &CostPanel::refreshTotals);
    connect(m_precision, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &CostPanel::refreshTotals);
    refresh();
}

QString CostPanel::totalsText() const {
    return m_totals->text();
}

int CostPanel::stageBarCount() const {
    auto* bars = qobject_cast<QCPBars*>(m_stages->plottable(0));
    return bars ? bars->data()->size() : 0;
}

void CostPanel::pinReference() {
    m_ref = Reference{m_doc->arch(), m_doc->costs()};
    m_unpin->setEnabled(true);
    refresh();
}

void CostPanel::clearReference() {
    m_ref.reset();
    m_unpin->setEnabled(false);
    refresh();
}

QString CostPanel::comparisonText() const {
    return m_ref ? m_compare->text() : QString();
}

int CostPanel::referenceBarCount() const {
    return m_refBars ? m_refBars->data()->size() : 0;
}

QString CostPanel::comparison() const {
    if (!m_ref) return {};
    const CostComparison k = compareCosts(m_doc->arch(), m_doc->costs(), m_ref->arch, m_ref->costs,
                                          Precision(m_precision->currentData().toInt()));
    QString text = tr("<b>Against the reference</b> (%1): parameters %2, MACs %3, training "
                      "memory per image %4")
                       .arg(describeModel(m_ref->arch), ratio(k.params), ratio(k.macs),
                            ratio(k.activationBytesPerImage));
    if (k.predictedMacs)
        text += tr("<br>φ %1 → %2: (α·β²·γ²)^Δφ predicts MACs %3, the rounded model has %4")
                    .arg(k.phiFrom, 0, 'g', 4)
                    .arg(k.phiTo, 0, 'g', 4)
                    .arg(ratio(*k.predictedMacs), ratio(k.macs));
    if (!k.stagesPair) text += tr("<br>The stages differ in number: the bars show no reference.");
    return text;
}

void CostPanel::refreshTotals() {
    const CostReport& c = m_doc->costs();
    const ScaledArch& arch = m_doc->arch();
    const Precision precision = Precision(m_precision->currentData().toInt());
    const MemoryEstimate mem =
        estimateMemory(c, precision, paperOptimizer(arch.baseline.family), true);
    m_compare->setVisible(m_ref.has_value());
    m_compare->setText(comparison());
    m_totals->setText(
        tr("<b>%1</b> at %2 px<br>Parameters: <b>%3</b> (%4)<br>MACs: <b>%5</b> (multiply-adds; "
           "the papers' \"FLOPs\")<br>"
           "Training memory: %6 per image (estimate)<br>Largest batch in %7 GiB: <b>%8</b>")
            .arg(QString::fromStdString(arch.baseline.displayName))
            .arg(arch.resolution)
            .arg(QString::fromStdString(withThousands(c.params)),
                 QString::fromStdString(shortCount(double(c.params))),
                 QString::fromStdString(shortCount(double(c.macs))),
                 QString::fromStdString(shortBytes(mem.activationBytesPerImage)))
            .arg(m_gpu->value())
            .arg(mem.maxBatch(m_gpu->value() * kGiB)));
}

void CostPanel::refresh() {
    refreshTotals();
    const CostReport& c = m_doc->costs();
    const ScaledArch& arch = m_doc->arch();

    // Per-stage bars: MACs (left axis, G) and parameters (right axis, M); the reference's MACs
    // beside them where its stages pair with these one to one.
    m_stages->clearPlottables();
    m_refBars = nullptr;
    const bool paired = m_ref && m_ref->costs.stages.size() == c.stages.size();
    if (paired) {
        m_refBars = new QCPBars(m_stages->xAxis, m_stages->yAxis);
        m_refBars->setName(tr("reference MACs (G)"));
        m_refBars->setBrush(kReferenceColor);
        m_refBars->setPen(Qt::NoPen);
    }
    auto* macs = new QCPBars(m_stages->xAxis, m_stages->yAxis);
    auto* params = new QCPBars(m_stages->xAxis, m_stages->yAxis2);
    macs->setName(tr("MACs (G)"));
    params->setName(tr("parameters (M)"));
    macs->setBrush(QColor(0x42, 0x85, 0xf4, 200));
    macs->setPen(Qt::NoPen);
    params->setBrush(QColor(0xf4, 0x8c, 0x2a, 200));
    params->setPen(Qt::NoPen);
    auto* group = new QCPBarsGroup(m_stages);
    const double barWidth = paired ? 0.26 : 0.38;
    for (QCPBars* b : {m_refBars, macs, params})
        if (b) {
            b->setBarsGroup(group);
            b->setWidth(barWidth);
        }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double maxMacs = 0, maxParams = 0;
    for (size_t i = 0; i < c.stages.size(); ++i) {
        const StageCost& s = c.stages[i];
        macs->addData(double(i), s.macs / 1e9);
        params->addData(double(i), s.params / 1e6);
        maxMacs = std::max(maxMacs, s.macs / 1e9);
        maxParams = std::max(maxParams, s.params / 1e6);
        if (paired) {
            const double r = m_ref->costs.stages[i].macs / 1e9;
            m_refBars->addData(double(i), r);
            maxMacs = std::max(maxMacs, r);
        }
        ticker->addTick(double(i), s.stage < 0 ? tr("stem")
                                   : s.stage >= int(arch.stages.size())
                                       ? tr("head")
                                       : QString::number(s.stage + 1));
    }
    m_stages->xAxis->setTicker(ticker);
    m_stages->xAxis->setRange(-0.6, double(c.stages.size()) - 0.4);
    m_stages->xAxis->setLabel(tr("stage"));
    m_stages->yAxis->setLabel(tr("MACs (G)"));
    m_stages->yAxis2->setVisible(true);
    m_stages->yAxis2->setLabel(tr("parameters (M)"));
    m_stages->yAxis->setRange(0, maxMacs * 1.15 + 1e-9);
    m_stages->yAxis2->setRange(0, maxParams * 1.15 + 1e-9);
    m_stages->replot(QCustomPlot::rpQueuedReplot);

    // MACs against φ for the current α, β, γ, with the official B0–B7 for reference.
    m_phi->clearGraphs();
    m_phi->clearItems();
    auto* curve = m_phi->addGraph();
    curve->setName(tr("α^φ, β^φ, γ^φ"));
    curve->setPen(QPen(QColor(0x42, 0x85, 0xf4), 2));
    ScalingRequest q = arch.request;
    const bool compound = q.mode == ScalingRequest::Mode::Compound;
    if (!compound) q = ScalingRequest{};
    for (double phi = kPhiMin; phi <= kPhiMax + 1e-9; phi += kPhiStep) {
        q.coefficients.phi = phi;
        try {
            curve->addData(phi, computeCosts(scale(arch.baseline, q)).macs / 1e9);
        } catch (const ValidationError&) {
            // Outside the engine's limits: the curve just stops there.
        }
    }
    if (arch.baseline.name == "efficientnet-b0") {
        auto* official = m_phi->addGraph();
        official->setName(tr("official B0–B7"));
        official->setLineStyle(QCPGraph::lsNone);
        official->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QColor(0xf4, 0x8c, 0x2a), 8));
        // The published table never changes: compute its points once.
        static const std::vector<double> officialGMacs = [] {
            std::vector<double> g;
            for (int b = 0; b <= 7; ++b) {
                const Preset p = findPreset("efficientnet-b" + std::to_string(b));
                g.push_back(computeCosts(scale(baselineSpec(p.baseline), p.request)).macs / 1e9);
            }
            return g;
        }();
        for (size_t b = 0; b < officialGMacs.size(); ++b)
            official->addData(double(b), officialGMacs[b]);
    }
    if (m_ref && m_ref->arch.request.mode == ScalingRequest::Mode::Compound &&
        m_ref->arch.baseline.name == arch.baseline.name) {
        auto* ref = m_phi->addGraph();
        ref->setName(tr("reference"));
        ref->setLineStyle(QCPGraph::lsNone);
        ref->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::darkGray, 2), Qt::NoBrush, 11));
        ref->addData(m_ref->arch.request.coefficients.phi, m_ref->costs.macs / 1e9);
    }
    auto* now = m_phi->addGraph();
    now->setName(tr("current"));
    now->setLineStyle(QCPGraph::lsNone);
    now->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::red, 9));
    if (compound) now->addData(arch.request.coefficients.phi, c.macs / 1e9);
    m_phi->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_phi->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    m_phi->xAxis->setLabel(tr("φ"));
    m_phi->yAxis->setLabel(tr("MACs (G, log)"));
    m_phi->rescaleAxes();
    m_phi->xAxis->setRange(kPhiMin - 0.3, kPhiMax + 0.3);
    m_phi->yAxis->scaleRange(1.3, m_phi->yAxis->range().center());
    m_phi->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace scalescope
