// GUI latency, offscreen: (1) one φ edit on a B7-sized model until the table, diagram and
// both cost plots are redrawn; (2) the longest stall of the GUI thread while a training run
// goes on in the background; (3) the largest scaling study folder the window allows: the work
// of opening it and of rewriting its study.csv (after each point), and the longest stall of
// the GUI thread while Open study… reads it on a pool thread; the study table's result cells
// with ten seeds a point; (4) the grid window's largest step-0.01 grid at ten seeds.
// Run: QT_QPA_PLATFORM=offscreen build/bin/bench_gui [grid]  (grid: (4) alone)
#include "architectureview.h"
#include "costpanel.h"
#include "explorerdocument.h"
#include "gridsearchdialog.h"
#include "mainwindow.h"
#include "scalingeditor.h"
#include "scalingstudydialog.h"
#include "screenfit.h"
#include "train/runhistory.h"
#include "train/studyruns.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <qcustomplot.h>

using namespace scalescope;

namespace {
// (4) The grid window at its largest step-0.01 grid (729 candidates of α·β²·γ² within 0.01 of
// 2) at ten seeds, every run trained, the explorer at φ 0: an edit of φ there with the window
// open (each run's configuration is made again and its accuracy looked up), a sort by
// accuracy, and the accuracy and paired cells of every row.
void benchGridWindow(MainWindow& w) {
    w.scalingEditor()->phiBox()->setValue(0);
    QElapsedTimer t;
    w.gridSearchAction()->trigger();
    GridSearchDialog* grid = w.gridSearchDialog();
    GridSearchSpec wide;
    wide.step = 0.01;
    wide.tolerance = 0.01;
    wide.from = 1.0;
    wide.to = 1.4;
    grid->setSpec(wide);
    grid->setSeeds(10);
    GridCandidateModel* g = grid->model();
    QCoreApplication::processEvents();
    // A run's result as it arrives, until the window has shown it.
    std::vector<double> setMs;
    int gridRunsSet = 0;
    for (int k = 0; k < g->seeds(); ++k)
        for (int r = 0; r < g->rowCount(); ++r, ++gridRunsSet) {
            t.start();
            g->setAccuracy(g->run(r, k).config, 0.5 + 1e-5 * gridRunsSet);
            QCoreApplication::processEvents();
            setMs.push_back(t.nsecsElapsed() / 1e6);
        }
    // An edit of φ, there and back, with the grid window open and closed.
    const auto edit = [&] {
        const double phi = w.document()->config().request.coefficients.phi;
        t.start();
        w.scalingEditor()->phiBox()->setValue(phi + 0.5);
        QCoreApplication::processEvents();
        w.scalingEditor()->phiBox()->setValue(phi);
        QCoreApplication::processEvents();
        return t.nsecsElapsed() / 1e6 / 2;
    };
    std::vector<double> editMs, closedMs, sortMs, gridCellMs, followMs;
    for (int i = 0; i < 5; ++i) {
        t.start(); // the window's own share of an edit: the runs made again, looked up
        g->setBase(w.document()->config());
        followMs.push_back(t.nsecsElapsed() / 1e6);
        grid->hide();
        closedMs.push_back(edit());
        grid->show();
        QCoreApplication::processEvents();
        editMs.push_back(edit());
        t.restart();
        grid->view()->sortByColumn(GridCandidateModel::Accuracy,
                                   i % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        sortMs.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        for (int r = 0; r < g->rowCount(); ++r)
            for (int column : {int(GridCandidateModel::Accuracy), int(GridCandidateModel::Paired)})
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                    g->data(g->index(r, column), role);
        gridCellMs.push_back(t.nsecsElapsed() / 1e6);
    }
    for (auto* list : {&setMs, &editMs, &closedMs, &sortMs, &gridCellMs, &followMs})
        std::sort(list->begin(), list->end());
    int shown = 0;
    for (int r = 0; r < g->rowCount(); ++r)
        shown += g->summary(r).count == g->seeds();
    std::printf("grid window, %d candidates x %d seeds (%d runs trained, %d candidates shown "
                "whole after the edits): one result shown median %.2f ms (max %.1f); phi edit "
                "with the window open median %.1f ms (max %.1f), closed %.1f ms (max %.1f), "
                "of which the window's runs made again %.1f ms; "
                "sort by accuracy %.1f ms; accuracy and paired cells of every row %.1f ms\n",
                g->rowCount(), g->seeds(), gridRunsSet, shown, setMs[setMs.size() / 2],
                setMs.back(), editMs[2], editMs.back(), closedMs[2], closedMs.back(), followMs[2],
                sortMs[2], gridCellMs[2]);

    // Side by side: a result arriving while the header fits its columns to their contents on
    // every change (the window's mode before 2026-12-07), and with the columns fitted once.
    QHeaderView* header = grid->view()->horizontalHeader();
    constexpr int kResults = 40;
    for (auto mode : {QHeaderView::ResizeToContents, QHeaderView::Interactive}) {
        header->setSectionResizeMode(mode);
        QCoreApplication::processEvents();
        std::vector<double> resultMs;
        for (int i = 0; i < kResults; ++i) {
            t.start();
            g->setAccuracy(g->run(i, 0).config, 0.6 + 1e-3 * i);
            QCoreApplication::processEvents();
            resultMs.push_back(t.nsecsElapsed() / 1e6);
        }
        std::sort(resultMs.begin(), resultMs.end());
        std::printf("  one result shown, header %s: median %.2f ms (max %.1f) over %d results\n",
                    mode == QHeaderView::Interactive ? "fitted once (now)"
                                                     : "resizing to contents (before)",
                    resultMs[resultMs.size() / 2], resultMs.back(), kResults);
    }
}
} // namespace

int main(int argc, char** argv) {
    const auto screens = largeOffscreenScreen(); // the layout the figures were measured with
    QApplication app(argc, argv);
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    QCoreApplication::processEvents();
    if (argc > 1 && std::string(argv[1]) == "grid") { // (4) alone
        benchGridWindow(w);
        return 0;
    }

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

    // (3) A study of 49 φ by four strategies, 197 points (kMaxStudyPoints allows 200), each
    // run folder finished with 100 epochs of metrics.
    QTemporaryDir studyDir;
    StudySpec spec;
    spec.phis.clear();
    for (int i = 1; i <= 49; ++i)
        spec.phis.push_back(0.05 * i);
    ScaleConfig base = w.document()->config();
    base.training.epochs = 100;
    train::recordStudy(studyDir.path().toStdString(), base, spec, "study");
    const std::vector<StudyPoint> points = studyPoints(base, spec);
    for (const StudyPoint& p : points) {
        const std::string dir = studyDir.path().toStdString() + "/" + p.runName;
        std::filesystem::create_directories(dir);
        saveConfig(p.config, dir + "/config.json");
        std::ofstream metrics(dir + "/metrics.csv");
        metrics << train::metricsFileHeader() << "\n";
        for (int e = 0; e < 100; ++e) {
            train::TrainEvent ev;
            ev.type = train::TrainEvent::Type::Epoch;
            ev.epoch = e;
            ev.epochs = 100;
            ev.imageSize = p.trainImageSize;
            ev.loss = 1.0 / (e + 1);
            ev.valLoss = 1.0 / (e + 1);
            ev.valAccuracy = 0.5 + 0.004 * e;
            ev.elapsedSeconds = 10.0 * (e + 1);
            metrics << train::metricsRow(ev) << "\n";
        }
    }
    ScalingStudyDialog* study = w.scalingStudyDialog();
    std::vector<double> openMs, csvMs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        QString why;
        if (!study->openStudy(studyDir.path(), &why)) {
            std::printf("open study failed: %s\n", qPrintable(why));
            return 1;
        }
        QCoreApplication::processEvents();
        openMs.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        train::writeStudyCsv(studyDir.path().toStdString());
        csvMs.push_back(t.nsecsElapsed() / 1e6);
    }
    if (study->accuracyPointCount(StudyStrategy::Compound) != 50) {
        std::printf("the study was not read whole: %d compound points\n",
                    study->accuracyPointCount(StudyStrategy::Compound));
        return 1;
    }
    // Of which: reading the folder, and making the points (their models and costs).
    std::vector<double> readMs, pointsMs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const train::StudyFolder f = train::readStudyFolder(studyDir.path().toStdString());
        readMs.push_back(t.nsecsElapsed() / 1e6);
        t.restart();
        const std::vector<StudyPoint> again = studyPoints(f.manifest->base, f.manifest->spec);
        pointsMs.push_back(t.nsecsElapsed() / 1e6);
    }
    // Open study… as the button does it: read on a pool thread, shown on the GUI thread.
    std::vector<double> stallMs;
    for (int i = 0; i < 5; ++i) {
        QEventLoop wait;
        QObject::connect(study, &ScalingStudyDialog::studyOpened, &wait, &QEventLoop::quit);
        worst = 0;
        gap.invalidate();
        probe.start();
        study->openStudyInBackground(studyDir.path());
        wait.exec();
        // The tick after the window showed the study closes the last gap.
        QEventLoop after;
        QTimer::singleShot(60, &after, &QEventLoop::quit);
        after.exec();
        probe.stop();
        stallMs.push_back(worst);
    }
    std::sort(stallMs.begin(), stallMs.end());
    std::sort(readMs.begin(), readMs.end());
    std::sort(pointsMs.begin(), pointsMs.end());
    std::sort(openMs.begin(), openMs.end());
    std::sort(csvMs.begin(), csvMs.end());
    std::printf(
        "study of %zu points, 100 epochs each: opened in one call median %.1f ms (max %.1f), "
        "study.csv rewritten median %.1f ms (max %.1f; off the GUI thread), 5 times each\n",
        points.size(), openMs[2], openMs.back(), csvMs[2], csvMs.back());
    std::printf("  of which reading the folder %.1f ms, the points' models and costs %.1f ms "
                "(medians)\n",
                readMs[2], pointsMs[2]);
    std::printf("Open study… in the background: longest GUI-thread gap median %.1f ms (max %.1f) "
                "over 5 opens (5 ms timer)\n",
                stallMs[2], stallMs.back());

    // The table's accuracy cells as a repaint asks for them (text, colour, tooltip), every row:
    // each looks its runs up among the trained ones. Runs are capped (kMaxStudyPoints), so
    // seeds only move this work between rows.
    StudyPointModel* m = study->model();
    QElapsedTimer t;
    t.start();
    for (int r = 0; r < m->rowCount(); ++r)
        for (int role : {int(Qt::DisplayRole), int(Qt::ForegroundRole), int(Qt::ToolTipRole)})
            m->data(m->index(r, StudyPointModel::Accuracy), role);
    std::printf("accuracy cells of all %d rows: %.1f ms\n", m->rowCount(), t.nsecsElapsed() / 1e6);
    // What Train does on the GUI thread before queueing: study.json checked against every run
    // folder of the study, then written.
    t.restart();
    train::recordStudy(studyDir.path().toStdString(), base, spec, "study");
    std::printf("Train's record of the study (%zu run folders looked at): %.1f ms\n", points.size(),
                t.nsecsElapsed() / 1e6);
    // As Train does it: on the window's pool thread; the GUI thread only shows the folder.
    std::vector<double> recordStallMs;
    for (int i = 0; i < 5; ++i) {
        QEventLoop wait;
        QString recorded;
        worst = 0;
        gap.invalidate();
        probe.start();
        study->recordStudyInBackground(base, [&](const QString& dir, const QString&) {
            recorded = dir;
            wait.quit();
        });
        wait.exec();
        QEventLoop after;
        QTimer::singleShot(60, &after, &QEventLoop::quit);
        after.exec();
        probe.stop();
        if (recorded != studyDir.path()) {
            std::printf("the study was recorded elsewhere: %s\n", qPrintable(recorded));
            return 1;
        }
        recordStallMs.push_back(worst);
    }
    std::sort(recordStallMs.begin(), recordStallMs.end());
    std::printf("Train's record in the background: longest GUI-thread gap median %.1f ms (max "
                "%.1f) over 5 records (5 ms timer)\n",
                recordStallMs[2], recordStallMs.back());

    // The same cells with ten seeds a point (17 points, 170 runs, every one trained), and the
    // column that sets each point against compound scaling seed by seed: each of its cells
    // looks up the runs of two points.
    study->setPhis("0.25,0.5,0.75,1");
    study->setSeeds(10);
    int runs = 0;
    for (int r = 0; r < m->rowCount(); ++r)
        for (int k = 0; k < m->seeds(); ++k, ++runs)
            m->setAccuracy(studyRun(m->point(r), k).config, 0.5 + 0.001 * runs);
    for (int column : {int(StudyPointModel::Accuracy), int(StudyPointModel::Paired)}) {
        std::vector<double> cellMs;
        for (int i = 0; i < 5; ++i) {
            t.restart();
            for (int r = 0; r < m->rowCount(); ++r)
                for (int role :
                     {int(Qt::DisplayRole), int(Qt::ForegroundRole), int(Qt::ToolTipRole)})
                    m->data(m->index(r, column), role);
            cellMs.push_back(t.nsecsElapsed() / 1e6);
        }
        std::sort(cellMs.begin(), cellMs.end());
        std::printf("%s cells of all %d rows, %d seeds (%d runs trained): median %.1f ms\n",
                    column == StudyPointModel::Accuracy ? "accuracy" : "against-compound",
                    m->rowCount(), m->seeds(), runs, cellMs[2]);
    }

    benchGridWindow(w);
    return 0;
}
