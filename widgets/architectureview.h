// The scaled architecture as a diagram: stem, stages and head as blocks sized by channels
// and resolution, coloured by block type, labelled like "MBConv6 k3 ×15" with output shape
// and share of multiply-adds. Double-click a stage to expand it into its layers; hover for
// per-layer multiply-adds, parameters and activation memory; wheel zooms, drag pans;
// right-click a stage for its menu.
#pragma once

#include <QGraphicsView>
#include <QSet>

namespace scalescope {

class ExplorerDocument;

class ArchitectureView : public QGraphicsView {
    Q_OBJECT
  public:
    explicit ArchitectureView(ExplorerDocument* doc, QWidget* parent = nullptr);
    void setExpanded(int stage, bool expanded);
    bool isExpanded(int stage) const { return m_expanded.contains(stage); }
    int blockItemCount() const { return m_blockItems; } // stage and layer boxes drawn
    QString stageLabel(int stage) const;                // the text on a stage's box
    int stageAt(const QPoint& viewPos) const;           // the stage drawn there, -1 for none
    bool exportPng(const QString& path);
    bool exportSvg(const QString& path);

  Q_SIGNALS:
    // A right-click on a stage's box: what can be done to the stage is the owner's menu.
    void stageMenuRequested(int stage, const QPoint& globalPos);

  protected:
    void contextMenuEvent(QContextMenuEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;
    void mouseDoubleClickEvent(QMouseEvent* e) override;

  private:
    void rebuild();
    ExplorerDocument* m_doc;
    QSet<int> m_expanded;
    int m_stageCount = -1; // the stages the expanded numbers refer to
    QStringList m_labels;
    int m_blockItems = 0;
    bool m_userZoomed = false; // until the user zooms, the diagram fits the view
};

} // namespace scalescope
