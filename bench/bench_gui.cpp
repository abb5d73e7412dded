// GUI latency, offscreen: (1) one φ edit on a B7-sized model until the table, diagram and
// both cost plots are redrawn; (2) the longest stall of the GUI thread while a training run
// goes on in the background. Run: QT_QPA_PLATFORM=offscreen build/bin/bench_gui
#include "architectureview.h"
#include "costpanel.h"
#include "explorerdocument.h"
#include "mainwindow.h"
#include "scalingeditor.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPushButton>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <qcustomplot.h>

using namespace scalescope;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QCoreApplication::processEvents();

    // (1) Edits around phi = 7 on EfficientNet-B0 (B7-sized: depth x3.6, width x1.95).
    constexpr int kEdits = 60;
    std::vector<double> ms;
    for (int i = 0; i < kEdits; ++i) {
        const double phi = 6.5 + (i % 11) * 0.1;
        QElapsedTimer t;
        t.start();
        w.scalingEditor()->phiBox()->setValue(phi);
        // Table and diagram update synchronously; the plots redraw now rather than queued.
        w.costPanel()->stagePlot()->replot();
        w.costPanel()->phiPlot()->replot();
        w.architectureView()->viewport()->repaint();
        QCoreApplication::processEvents();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("edit phi on a B7-sized model (%d blocks, %zu layers): median %.2f ms, p95 %.2f "
                "ms, max %.2f ms\n",
                w.document()->arch().totalBlocks(), w.document()->costs().layers.size(),
                ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());

    // (2) Training in the background; a 5 ms timer on the GUI thread measures stalls.
    ScaleConfig c = w.document()->config();
    c.request = ScalingRequest{};
    c.request.mode = ScalingRequest::Mode::Explicit;
    c.request.width = 0.5;
    c.request.depth = 0.5;
    c.training.epochs = 3;
    c.training.trainSamples = 1200;
    c.training.valSamples = 200;
    c.training.device = "cpu";
    c.training.progressive.minImageSize = 32;
    c.training.progressive.maxImageSize = 64;
    w.document()->setConfig(c);
    w.trainingPanel()->setSettingsFromDocument();
    QElapsedTimer gap;
    double worst = 0;
    long ticks = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (gap.isValid()) worst = std::max(worst, gap.nsecsElapsed() / 1e6);
        ++ticks;
        gap.restart();
    });
    QEventLoop loop;
    QObject::connect(w.trainingController(), &TrainingController::runFinished, &loop,
                     &QEventLoop::quit);
    QElapsedTimer run;
    run.start();
    w.trainingPanel()->startButton()->click();
    gap.start();
    probe.start();
    loop.exec();
    std::printf("training %.1f s in the background: longest GUI-thread gap %.1f ms over %ld timer "
                "ticks (5 ms timer), %d curve points\n",
                run.elapsed() / 1000.0, worst, ticks, w.trainingPanel()->pointCount());
    return 0;
}
