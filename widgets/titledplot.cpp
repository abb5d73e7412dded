#include "titledplot.h"

#include <algorithm>
#include <qcustomplot.h>

namespace scalescope {

void keepLegendBorderInside(QCustomPlot* plot) {
    // The legend spans the widget, and its border is drawn one pixel right of and below its
    // rectangle (QPainter::drawRect with a one-pixel pen): those two lines fell outside. In a
    // real X11 window (Xvfb, 1366x768) the widget's last pixel row stayed blank as well, and
    // the bottom line with it: two pixels there.
    plot->plotLayout()->setMargins(QMargins(0, 0, 1, 2));
}

int legendColumnsThatFit(const QList<int>& widths, int spacing, int available) {
    for (int columns = int(widths.size()); columns > 1; --columns) {
        int total = spacing * (columns - 1);
        for (int c = 0; c < columns; ++c) {
            int widest = 0;
            for (int i = c; i < widths.size(); i += columns)
                widest = std::max(widest, widths[i]);
            total += widest;
        }
        if (total <= available) return columns;
    }
    return 1;
}

void fitLegendColumns(QCustomPlot* plot, QCPLegend* legend) {
    // An empty legend keeps its row, but with no margins and no border it takes no room (a
    // thin empty box under the plot before the first run or evaluation).
    const QMargins margins = legend->margins();
    const QPen border = legend->borderPen();
    // `legend` as the context: the connection goes with it.
    QObject::connect(plot, &QCustomPlot::beforeReplot, legend, [plot, l = legend, margins, border] {
        QList<int> widths;
        for (int i = 0; i < l->itemCount(); ++i)
            if (QCPAbstractLegendItem* item = l->item(i))
                widths << item->minimumOuterSizeHint().width();
        l->setMargins(widths.isEmpty() ? QMargins() : margins);
        l->setBorderPen(widths.isEmpty() ? QPen(Qt::NoPen) : border);
        const QMargins m = l->margins();
        // The plot's own layout margins and the border's pixel on either side.
        const int available = plot->viewport().width() - m.left() - m.right() -
                              plot->plotLayout()->margins().left() -
                              plot->plotLayout()->margins().right() - 2;
        const int columns = legendColumnsThatFit(widths, l->columnSpacing(), available);
        if (columns != l->wrap() || l->columnCount() > columns) {
            l->setWrap(columns);
            l->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // moves the entries
        }
    });
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
    fitLegendColumns(plot, plot->legend);
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
