// On a 1280×720 screen (this suite's offscreen screen, tests/gui/screen-1280x720.json) every
// window opens within the screen, its buttons included; the side panels, in one column there,
// and the training settings show their rows without scrolling sideways.
#include "evaluationdialog.h"
#include "explorerdocument.h"
#include "gridsearchdialog.h"
#include "mainwindow.h"
#include "predictiondialog.h"
#include "scalingstudydialog.h"

#include <QDockWidget>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QtTest>
#include <functional>
#include <memory>

using namespace scalescope;

Q_DECLARE_METATYPE(std::function<QWidget*(MainWindow*)>)

namespace {
using Make = std::function<QWidget*(MainWindow*)>;
}

class TestScreenFit : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void windowsFitTheScreen_data();
    void windowsFitTheScreen();
    void sidePanelsNeedNoSidewaysScrolling();
    void aWideLayoutIsFittedWhenRestored();
};

void TestScreenFit::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // keep the user's settings out of it
    QSettings().clear();
    const QSize screen = QGuiApplication::primaryScreen()->availableGeometry().size();
    if (screen != QSize(1280, 720))
        QFAIL("needs a 1280×720 screen: run it by ctest, or with QT_QPA_PLATFORM="
              "offscreen:configfile=tests/gui/screen-1280x720.json");
}

void TestScreenFit::windowsFitTheScreen_data() {
    QTest::addColumn<Make>("make");
    QTest::newRow("main window") << Make([](MainWindow* w) -> QWidget* { return w; });
    QTest::newRow("grid search") << Make(
        [](MainWindow* w) -> QWidget* { return new GridSearchDialog(w->document(), w); });
    QTest::newRow("scaling study")
        << Make([](MainWindow* w) -> QWidget* { return new ScalingStudyDialog(w->document(), w); });
    QTest::newRow("evaluation") << Make([](MainWindow* w) -> QWidget* {
        return new EvaluationDialog(QStringLiteral("/no/such/run"), w);
    });
    QTest::newRow("classification") << Make([](MainWindow* w) -> QWidget* {
        return new PredictionDialog(QStringLiteral("/no/such/run"), w);
    });
}

void TestScreenFit::windowsFitTheScreen() {
    QFETCH(Make, make);
    MainWindow main;
    QWidget* w = make(&main);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    const QSize screen = w->screen()->availableGeometry().size();
    const int titleBar = w->style()->pixelMetric(QStyle::PM_TitleBarHeight);
    QVERIFY2(w->width() <= screen.width() && w->height() + titleBar <= screen.height(),
             qPrintable(QStringLiteral("%1×%2 (title bar %3) on %4×%5")
                            .arg(w->width())
                            .arg(w->height())
                            .arg(titleBar)
                            .arg(screen.width())
                            .arg(screen.height())));
    // Not shrunk below what it can show: the window is at least its minimum size.
    QVERIFY(w->width() >= w->minimumSizeHint().width());
    QVERIFY(w->height() >= w->minimumSizeHint().height());
}

void TestScreenFit::sidePanelsNeedNoSidewaysScrolling() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // One column here: Scaling above, Costs and Speed tabbed below it, each in turn in front.
    int docks = 0;
    for (QDockWidget* dock : w.findChildren<QDockWidget*>()) {
        auto* area = qobject_cast<QScrollArea*>(dock->widget());
        if (!area || dock->isHidden()) continue; // History, until View shows it
        ++docks;
        dock->raise();
        QCoreApplication::processEvents();
        QVERIFY2(!area->horizontalScrollBar()->isVisible(),
                 qPrintable(QStringLiteral("%1: %2 px wide, its rows need %3")
                                .arg(dock->windowTitle())
                                .arg(area->viewport()->width())
                                .arg(area->widget()->minimumSizeHint().width())));
    }
    QCOMPARE(docks, 3);
    // The training settings beside the curves: every field its full width.
    auto* tabs = qobject_cast<QTabWidget*>(w.centralWidget());
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    QCoreApplication::processEvents();
    const auto areas = tabs->widget(1)->findChildren<QScrollArea*>();
    QCOMPARE(areas.size(), 1);
    QVERIFY2(areas.front()->viewport()->width() >=
                 areas.front()->widget()->minimumSizeHint().width(),
             qPrintable(QStringLiteral("%1 px for settings that need %2")
                            .arg(areas.front()->viewport()->width())
                            .arg(areas.front()->widget()->minimumSizeHint().width())));
}

// Panels saved side by side on a wide screen (the costs in their own column) come back in one
// column here, and the window within the screen.
void TestScreenFit::aWideLayoutIsFittedWhenRestored() {
    QByteArray wide;
    {
        MainWindow w;
        auto* costs = w.findChild<QDockWidget*>(QStringLiteral("costDock"));
        w.addDockWidget(Qt::RightDockWidgetArea, costs);
        w.addDockWidget(Qt::RightDockWidgetArea, w.speedDock());
        w.tabifyDockWidget(costs, w.speedDock());
        QCOMPARE(w.dockWidgetArea(costs), Qt::RightDockWidgetArea);
        wide = w.saveState();
    }
    QSettings().setValue(QStringLiteral("windowState"), wide);
    QSettings().setValue(QStringLiteral("geometry"), QByteArray());
    MainWindow w;
    w.restoreSession();
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* scaling = w.findChild<QDockWidget*>(QStringLiteral("scalingDock"));
    auto* costs = w.findChild<QDockWidget*>(QStringLiteral("costDock"));
    QCOMPARE(w.dockWidgetArea(costs), w.dockWidgetArea(scaling));
    QVERIFY(w.width() <= w.screen()->availableGeometry().width());
    QSettings().clear();
}

QTEST_MAIN(TestScreenFit)
#include "tst_screenfit.moc"
