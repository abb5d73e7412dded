#include "titledplot.h"

#include <qcustomplot.h>

namespace scalescope {

void keepLegendBorderInside(QCustomPlot* plot) {
    // The legend spans the widget, and its border is drawn one pixel right of and below its
    // rectangle (QPainter::drawRect with a one-pixel pen): those two lines fell outside.
    plot->plotLayout()->setMargins(QMargins(0, 0, 1, 1));
}

QCustomPlot* titledPlot(QWidget* parent, const QString& title, int minimumHeight) {
    auto* plot = new QCustomPlot(parent);
    plot->setMinimumHeight(minimumHeight);
    const QString family = parent->font().family();
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0,
                                   new QCPTextElement(plot, title, QFont(family, 9, QFont::Bold)));
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(family, 8));
    plot->plotLayout()->addElement(2, 0, plot->legend);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(2); // two entries a row: a narrow dock cuts a longer row short
    plot->plotLayout()->setRowStretchFactor(2, 0.001);
    // A column is as narrow as its narrowest element allows, and an empty legend allows only
    // its margins: the axis rect above shrank to its minimum whenever the legend emptied (a
    // refused edit). An explicit maximum below QWIDGETSIZE_MAX (with the margins added)
    // replaces the legend's own.
    plot->legend->setMaximumSize(QWIDGETSIZE_MAX / 2, QWIDGETSIZE_MAX);
    keepLegendBorderInside(plot);
    return plot;
}

} // namespace scalescope
