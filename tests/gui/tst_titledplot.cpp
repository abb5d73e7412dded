// The plots' legends take as many columns as their entries fit side by side: many runs take
// few rows on a wide plot, and a narrow plot still shows every entry whole.
#include "titledplot.h"

#include <QtTest>
#include <qcustomplot.h>

using namespace scalescope;

class TestTitledPlot : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void columnsThatFit_data();
    void columnsThatFit();
    void legendFollowsThePlotsWidth_data();
    void legendFollowsThePlotsWidth();
    void anEmptyLegendTakesNoRoom();
};

void TestTitledPlot::columnsThatFit_data() {
    QTest::addColumn<QList<int>>("widths");
    QTest::addColumn<int>("spacing");
    QTest::addColumn<int>("available");
    QTest::addColumn<int>("columns");
    QTest::newRow("empty") << QList<int>{} << 8 << 500 << 1;
    QTest::newRow("one entry wider than the room") << QList<int>{900} << 8 << 500 << 1;
    QTest::newRow("all in one row, exactly") << QList<int>{100, 100, 100} << 10 << 320 << 3;
    QTest::newRow("one pixel short of a row") << QList<int>{100, 100, 100} << 10 << 319 << 2;
    // Columns are as wide as their widest entry: 150 and 60 in two columns (the 150 and the
    // 40 share the first), 218 with the spacing; three columns need 150 + 60 + 60 + 16.
    QTest::newRow("a wide entry widens its column") << QList<int>{150, 60, 60, 40} << 8 << 230 << 2;
    QTest::newRow("twelve runs on a wide plot") << QList<int>(12, 60) << 8 << 1000 << 12;
    QTest::newRow("twelve runs on a narrow plot") << QList<int>(12, 60) << 8 << 300 << 4;
    QTest::newRow("no room at all") << QList<int>(5, 60) << 8 << 0 << 1;
}

void TestTitledPlot::columnsThatFit() {
    QFETCH(QList<int>, widths);
    QFETCH(int, spacing);
    QFETCH(int, available);
    QFETCH(int, columns);
    QCOMPARE(legendColumnsThatFit(widths, spacing, available), columns);
}

void TestTitledPlot::legendFollowsThePlotsWidth_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("maxRows");
    QTest::newRow("wide") << 1400 << 1; // twelve short entries side by side
    QTest::newRow("medium") << 500 << 3;
    QTest::newRow("narrow") << 160 << 12;
}

void TestTitledPlot::legendFollowsThePlotsWidth() {
    QFETCH(int, width);
    QFETCH(int, maxRows);
    QWidget parent;
    QCustomPlot* plot = titledPlot(&parent, QStringLiteral("Twelve runs"), 200);
    for (int i = 1; i <= 12; ++i)
        plot->addGraph()->setName(QStringLiteral("#%1").arg(i));
    parent.resize(width, 400);
    plot->resize(width, 400);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    plot->replot();
    QCPLegend* legend = plot->legend;
    QCOMPARE(
        legend->itemCount() -
            [&] {
                int empty = 0;
                for (int i = 0; i < legend->itemCount(); ++i)
                    empty += legend->item(i) ? 0 : 1;
                return empty;
            }(),
        12);
    QVERIFY2(legend->rowCount() <= maxRows, qPrintable(QString::number(legend->rowCount())));
    // Every entry lies whole inside the plot, in the order the graphs were added.
    int previousTop = -1, previousLeft = -1;
    for (int i = 1; i <= 12; ++i) {
        QCPAbstractLegendItem* item = legend->itemWithPlottable(plot->graph(i - 1));
        QVERIFY(item);
        const QRect r = item->outerRect();
        QVERIFY2(r.left() >= 0 && r.right() < width,
                 qPrintable(QStringLiteral("#%1 at %2..%3").arg(i).arg(r.left()).arg(r.right())));
        QVERIFY(r.top() > previousTop || (r.top() == previousTop && r.left() > previousLeft));
        previousTop = r.top();
        previousLeft = r.left();
    }
    // Narrowed after the first layout, it wraps again.
    if (width > 300) {
        const int rows = legend->rowCount();
        parent.resize(200, 400);
        plot->resize(200, 400);
        QTRY_COMPARE(plot->viewport().width(), 200);
        plot->replot();
        QVERIFY2(legend->rowCount() > rows, qPrintable(QString::number(legend->rowCount())));
    }
}

// Before anything is drawn (a dialog before its first evaluation) the legend's row is empty: no
// box under the plot; it comes back, framed, with the first entry.
void TestTitledPlot::anEmptyLegendTakesNoRoom() {
    QWidget parent;
    QCustomPlot* plot = titledPlot(&parent, QStringLiteral("Nothing yet"), 200);
    parent.resize(600, 400);
    plot->resize(600, 400);
    parent.show();
    QVERIFY(QTest::qWaitForWindowExposed(&parent));
    plot->replot();
    QVERIFY2(plot->legend->outerRect().height() <= 1,
             qPrintable(QString::number(plot->legend->outerRect().height())));
    QCOMPARE(plot->legend->borderPen().style(), Qt::NoPen);
    plot->addGraph()->setName(QStringLiteral("top-1"));
    plot->replot();
    QVERIFY(plot->legend->outerRect().height() > 10);
    QCOMPARE(plot->legend->borderPen().style(), Qt::SolidLine);
    plot->clearGraphs(); // empty again
    plot->replot();
    QVERIFY(plot->legend->outerRect().height() <= 1);
}

QTEST_MAIN(TestTitledPlot)
#include "tst_titledplot.moc"
