// α, β, γ, φ with sliders and spin boxes, α·β²·γ² and its distance from 2, the baseline and
// preset picker (the official B1-B7 table marked as such), and the image-size cap.
#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace scalescope {

class ExplorerDocument;

class ScalingEditor : public QWidget {
    Q_OBJECT
  public:
    explicit ScalingEditor(ExplorerDocument* doc, QWidget* parent = nullptr);
    QDoubleSpinBox* phiBox() const { return m_spin[3]; }
    QSlider* slider(int i) const { return m_slider[i]; } // 0-3: α, β, γ, φ
    QComboBox* presetBox() const { return m_preset; }

  private:
    void refresh();
    void coefficientEdited();
    ExplorerDocument* m_doc;
    QComboBox* m_preset = nullptr;
    QSlider* m_slider[4] = {};
    QDoubleSpinBox* m_spin[4] = {};
    QLabel* m_product = nullptr;
    QLabel* m_mode = nullptr;
    QSpinBox* m_cap = nullptr;
};

} // namespace scalescope
