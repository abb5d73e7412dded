// The docks' plot style: a bold title row on top and the legend in a row of its own
// underneath, so that neither ever covers the data.
#pragma once

#include <QString>

class QCPLegend;
class QCustomPlot;
class QWidget;

namespace scalescope {

QCustomPlot* titledPlot(QWidget* parent, const QString& title, int minimumHeight);
// For a plot whose legend spans its width in a row of the layout: its right and bottom border
// lines are drawn inside the widget.
void keepLegendBorderInside(QCustomPlot* plot);
// Before each replot, gives `legend` (a row of the plot's layout, spanning its width) as many
// columns as its entries fit side by side, so that many entries take few rows on a wide plot
// and a narrow one still shows every entry whole; an empty one takes no room.
void fitLegendColumns(QCustomPlot* plot, QCPLegend* legend);
// The most columns that `widths`, laid out row by row, fit into `available` pixels, each
// column as wide as its widest entry and `spacing` between columns; at least one.
int legendColumnsThatFit(const QList<int>& widths, int spacing, int available);

} // namespace scalescope
