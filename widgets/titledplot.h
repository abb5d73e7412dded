// The docks' plot style: a bold title row on top and the legend in a row of its own
// underneath, so that neither ever covers the data.
#pragma once

#include <QString>

class QCustomPlot;
class QWidget;

namespace scalescope {

QCustomPlot* titledPlot(QWidget* parent, const QString& title, int minimumHeight);
// For a plot whose legend spans its width in a row of the layout: its right and bottom border
// lines are drawn inside the widget.
void keepLegendBorderInside(QCustomPlot* plot);

} // namespace scalescope
