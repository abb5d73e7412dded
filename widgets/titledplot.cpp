#include "titledplot.h"

#include <qcustomplot.h>

namespace scalescope {

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
    return plot;
}

} // namespace scalescope
