// Costs of the current model: multiply-adds and parameters per stage, the MACs–φ curve of
// the current α, β, γ with the official B0–B7 marked, and totals with training memory and
// the largest batch that fits a chosen GPU memory. A model pinned as the reference is drawn
// beside the current one, with the ratios of its costs.
#pragma once

#include "scaling/costs.h"
#include "scaling/scaling.h"

#include <QWidget>

#include <optional>

class QCPBars;
class QCustomPlot;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace scalescope {

class ExplorerDocument;

class CostPanel : public QWidget {
    Q_OBJECT
  public:
    explicit CostPanel(ExplorerDocument* doc, QWidget* parent = nullptr);
    QString totalsText() const;
    QCustomPlot* stagePlot() const { return m_stages; }
    QCustomPlot* phiPlot() const { return m_phi; }
    int stageBarCount() const; // data points in the MACs bars

    void pinReference(); // the current model becomes the reference
    void clearReference();
    bool hasReference() const { return m_ref.has_value(); }
    QString comparisonText() const; // empty without a reference
    int referenceBarCount() const;  // 0 when the stages cannot be paired

  private:
    void refresh();       // everything: totals and both plots
    void refreshTotals(); // the text only
    QString comparison() const;
    ExplorerDocument* m_doc;
    QCustomPlot* m_stages = nullptr;
    QCustomPlot* m_phi = nullptr;
    QLabel* m_totals = nullptr;
    QDoubleSpinBox* m_gpu = nullptr;
    QComboBox* m_precision = nullptr;
    struct Reference {
        ScaledArch arch;
        CostReport costs;
    };
    std::optional<Reference> m_ref;
    QLabel* m_compare = nullptr;
    QPushButton* m_pin = nullptr;
    QPushButton* m_unpin = nullptr;
    QCPBars* m_refBars = nullptr;
};

} // namespace scalescope
