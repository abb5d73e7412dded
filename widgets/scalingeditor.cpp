#include "scalingeditor.h"

#include "explorerdocument.h"
#include "scaling/presets.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <cmath>

namespace scalescope {

namespace {
constexpr int kSliderSteps = 1000;
struct Range {
    double lo, hi;
};
const Range kRanges[4] = {{1.0, 2.0}, {1.0, 2.0}, {1.0, 2.0}, {-4.0, 8.0}}; // α, β, γ, φ
} // namespace

ScalingEditor::ScalingEditor(ExplorerDocument* doc, QWidget* parent) : QWidget(parent), m_doc(doc) {
    auto* form = new QFormLayout(this);
    m_preset = new QComboBox(this);
    for (const auto& name : presetNames()) {
        const Preset p = findPreset(name);
        const QString label =
            p.officialTable ? tr("%1 (official table)").arg(QString::fromStdString(p.displayName))
                            : QString::fromStdString(p.displayName);
        m_preset->addItem(label, QString::fromStdString(name));
    }
    m_preset->setToolTip(tr("B1-B7 use the published width/depth/resolution table, not α^φ. "
                            "Edit φ to scale the baseline by compound scaling instead."));
    form->addRow(tr("Baseline / preset"), m_preset);
    const QString names[4] = {tr("α (depth)"), tr("β (width)"), tr("γ (resolution)"),
                              tr("φ (compound)")};
    for (int i = 0; i < 4; ++i) {
        auto* row = new QHBoxLayout;
        m_slider[i] = new QSlider(Qt::Horizontal, this);
        m_slider[i]->setRange(0, kSliderSteps);
        m_spin[i] = new QDoubleSpinBox(this);
        m_spin[i]->setDecimals(i == 3 ? 2 : 3);
        m_spin[i]->setSingleStep(i == 3 ? 0.25 : 0.01);
        m_spin[i]->setRange(i == 3 ? -10.0 : 0.001, i == 3 ? 20.0 : 10.0);
        m_spin[i]->setKeyboardTracking(false);
        row->addWidget(m_slider[i], 1);
        row->addWidget(m_spin[i]);
        form->addRow(names[i], row);
        connect(m_slider[i], &QSlider::valueChanged, this, [this, i](int v) {
            const double x = kRanges[i].lo + (kRanges[i].hi - kRanges[i].lo) * v / kSliderSteps;
            m_spin[i]->setValue(std::round(x * 1000) / 1000);
        });
        // A drag is one undo step, however many values it passes through.
        connect(m_slider[i], &QSlider::sliderPressed, m_doc, &ExplorerDocument::beginEditGroup);
        connect(m_slider[i], &QSlider::sliderReleased, m_doc, &ExplorerDocument::endEditGroup);
        connect(m_spin[i], qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                &ScalingEditor::coefficientEdited);
    }
    m_product = new QLabel(this);
    m_product->setWordWrap(true); // a narrow panel on a small screen
    m_product->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("α·β²·γ²"), m_product);
    m_mode = new QLabel(this);
    m_mode->setWordWrap(true);
    form->addRow(tr("Scaling"), m_mode);
    m_cap = new QSpinBox(this);
    m_cap->setRange(0, 4096);
    m_cap->setSingleStep(16);
    m_cap->setSpecialValueText(tr("none"));
    m_cap->setSuffix(tr(" px"));
    m_cap->setKeyboardTracking(false);
    form->addRow(tr("Image size cap"), m_cap);

    connect(m_preset, qOverload<int>(&QComboBox::activated), this,
            [this](int i) { m_doc->loadPreset(m_preset->itemData(i).toString()); });
    connect(m_cap, qOverload<int>(&QSpinBox::valueChanged), this,
            [this](int v) { m_doc->setMaxResolution(v); });
    connect(doc, &ExplorerDocument::changed, this, &ScalingEditor::refresh);
    refresh();
}

void ScalingEditor::coefficientEdited() {
    Coefficients k{m_spin[0]->value(), m_spin[1]->value(), m_spin[2]->value(), m_spin[3]->value()};
    if (!m_doc->setCoefficients(k)) refresh(); // refused: show the values still in force
}

void ScalingEditor::refresh() {
    const ScaleConfig& c = m_doc->config();
    const Coefficients& k = c.request.coefficients;
    const double values[4] = {k.alpha, k.beta, k.gamma, k.phi};
    for (int i = 0; i < 4; ++i) {
        const QSignalBlocker b1(m_spin[i]), b2(m_slider[i]);
        m_spin[i]->setValue(values[i]);
        const double t = (values[i] - kRanges[i].lo) / (kRanges[i].hi - kRanges[i].lo);
        m_slider[i]->setValue(int(std::lround(std::clamp(t, 0.0, 1.0) * kSliderSteps)));
    }
    const bool compound = c.request.mode == ScalingRequest::Mode::Compound;
    const double f = k.flopsBase();
    m_product->setText(compound ? tr("%1 (%2%3 from 2; MACs grow about %1^φ)")
                                      .arg(f, 0, 'f', 4)
                                      .arg(f >= 2 ? "+" : "")
                                      .arg(f - 2, 0, 'f', 4)
                                : tr("n/a: explicit multipliers"));
    const ScaledArch& a = m_doc->arch();
    QString mode =
        compound ? tr("Compound: depth ×%1, width ×%2, %3 px")
                       .arg(a.depthMultiplier, 0, 'f', 3)
                       .arg(a.widthMultiplier, 0, 'f', 3)
                       .arg(a.uncappedResolution)
                 : tr("%1: depth ×%2, width ×%3, %4 px (not α^φ)")
                       .arg(QString::fromStdString(a.request.label.empty() ? std::string("Explicit")
                                                                           : a.request.label))
                       .arg(a.depthMultiplier, 0, 'f', 2)
                       .arg(a.widthMultiplier, 0, 'f', 2)
                       .arg(a.uncappedResolution);
    if (a.resolution != a.uncappedResolution) mode += tr(", capped to %1 px").arg(a.resolution);
    m_mode->setText(mode);
    const QSignalBlocker b(m_preset);
    const int idx =
        m_preset->findData(QString::fromStdString(c.preset.empty() ? c.baseline.name : c.preset));
    if (idx >= 0) m_preset->setCurrentIndex(idx);
    const QSignalBlocker bc(m_cap);
    m_cap->setValue(c.request.maxResolution);
}

} // namespace scalescope
