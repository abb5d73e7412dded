// Costs of the current model: multiply-adds and parameters per stage, the MACs–φ curve of
// the current α, β, γ with the official B0–B7 marked, and totals with training memory and
// the largest batch that fits a chosen GPU memory.
#pragma once

#include <QWidget>

class QCustomPlot;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

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

  private:
    void refresh();       // everything: totals and both plots
    void refreshTotals(); // the text only
    // A plot with a bold title row on top and its legend in a row of its own underneath.
    QCustomPlot* titledPlot(const QString& title, int minimumHeight);
    ExplorerDocument* m_doc;
    QCustomPlot* m_stages = nullptr;
    QCustomPlot* m_phi = nullptr;
    QLabel* m_totals = nullptr;
    QDoubleSpinBox* m_gpu = nullptr;
    QComboBox* m_precision = nullptr;
};

} // namespace scalescope
