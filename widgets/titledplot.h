// The docks' plot style: a bold title row on top and the legend in a row of its own
// underneath, so that neither ever covers the data.
#pragma once

#include <QString>

class QCustomPlot;
class QWidget;

namespace scalescope {

QCustomPlot* titledPlot(QWidget* parent, const QString& title, int minimumHeight);

} // namespace scalescope
