// scalescope: the desktop explorer.
#include "mainwindow.h"

#include "evaluationdialog.h"
#include "explorerdocument.h"
#include "gridsearchdialog.h"
#include "predictiondialog.h"
#include "runbrowserdialog.h"
#include "runcomparisondialog.h"
#include "scalingstudydialog.h"
#include "screenfit.h"
#include "speedpanel.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QEventLoop>
#include <QLibraryInfo>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>
#include <cstdio>
#include <cstring>

namespace {
const char* kNoDisplay =
    "scalescope: no display was found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
    "  Run it in a virtual display:   xvfb-run -a scalescope\n"
    "  Or render a screenshot only:   scalescope --screenshot window.png\n"
    "  The command-line tool needs no display: scalescope-cli --help\n";

// Writes `w` as it is drawn to `file`; the exit status.
int saveGrab(QWidget* w, const QString& file) {
    if (!w->grab().save(file)) {
        std::fprintf(stderr, "scalescope: could not write %s\n", qPrintable(file));
        return 1;
    }
    std::fprintf(stderr, "scalescope: wrote %s\n", qPrintable(file));
    return 0;
}

bool hasArg(int argc, char** argv, const char* name) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], name) == 0 || std::strncmp(argv[i], name, std::strlen(name)) == 0)
            return true;
    return false;
}
} // namespace

int main(int argc, char** argv) {
    const bool screenshot = hasArg(argc, argv, "--screenshot");
    // --help and --version print and exit: they need no screen either.
    const bool infoOnly = hasArg(argc, argv, "--help") || hasArg(argc, argv, "-h") ||
                          hasArg(argc, argv, "--version") || hasArg(argc, argv, "-v");
    const bool platformChosen =
        qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || hasArg(argc, argv, "-platform");
    const bool display =
        qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    if (!display && !platformChosen) {
        if (!screenshot && !infoOnly) {
            std::fputs(kNoDisplay, stderr);
            return 2;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a screenshot needs no screen
    }
    // A screenshot renders at the sizes the windows were laid out for, not fitted to the
    // offscreen platform's small screen. A platform given with options keeps them.
    const auto screens = screenshot ? scalescope::largeOffscreenScreen() : nullptr;
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ScaleScope"));
    QApplication::setApplicationName(QStringLiteral("ScaleScope"));
    QApplication::setApplicationVersion(QStringLiteral(SCALESCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Explorer for compound model scaling"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption shot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window offscreen to FILE and exit."),
        QStringLiteral("FILE"));
    QCommandLineOption train(
        QStringLiteral("train"),
        QApplication::translate(
            "main", "With --screenshot: run the default training first and capture its curves."));
    QCommandLineOption compare(
        QStringLiteral("compare-fixed"),
        QApplication::translate("main",
                                "With --train: then train again at a fixed size, overlaid."));
    QCommandLineOption speed(
        QStringLiteral("measure-speed"),
        QApplication::translate("main",
                                "With --screenshot: measure the model's speed first and show it."));
    QCommandLineOption lang(QStringLiteral("lang"),
                            QApplication::translate("main", "Interface language (en, ko)."),
                            QStringLiteral("CODE"));
    QCommandLineOption config(QStringLiteral("config"),
                              QApplication::translate("main", "Open a configuration file."),
                              QStringLiteral("FILE"));
    QCommandLineOption openRun(
        QStringLiteral("open-run"),
        QApplication::translate("main", "Overlay a finished run's curves from its folder "
                                        "(repeatable); shows the training tab."),
        QStringLiteral("DIR"));
    QCommandLineOption xAxis(
        QStringLiteral("x-axis"),
        QApplication::translate("main", "Training curves against epochs or time."),
        QStringLiteral("epochs|time"));
    QCommandLineOption evaluate(
        QStringLiteral("evaluate-run"),
        QApplication::translate("main", "Open the evaluation of a run folder; with --screenshot, "
                                        "evaluate it at the suggested test sizes and capture "
                                        "that window."),
        QStringLiteral("DIR"));
    QCommandLineOption classifyRun(
        QStringLiteral("classify-run"),
        QApplication::translate("main", "Open the image classification of a run folder; with "
                                        "--screenshot, classify the --classify images and "
                                        "capture that window."),
        QStringLiteral("DIR"));
    QCommandLineOption classify(
        QStringLiteral("classify"),
        QApplication::translate("main", "An image file or folder to classify with the "
                                        "--classify-run run (repeatable)."),
        QStringLiteral("PATH"));
    QCommandLineOption study(
        QStringLiteral("open-study"),
        QApplication::translate("main", "Open the scaling study window on a study folder "
                                        "(scalescope-cli study --train); with --screenshot, "
                                        "capture that window."),
        QStringLiteral("DIR"));
    QCommandLineOption grid(
        QStringLiteral("open-grid"),
        QApplication::translate("main", "Open the grid search window on a grid folder "
                                        "(scalescope-cli grid --train); with --screenshot, "
                                        "capture that window."),
        QStringLiteral("DIR"));
    QCommandLineOption runs(
        QStringLiteral("browse-runs"),
        QApplication::translate("main", "Open File → Browse training runs… on a folder of runs "
                                        "(or a study's or grid's folder); with --screenshot, "
                                        "capture that window."),
        QStringLiteral("DIR"));
    QCommandLineOption compareRuns(
        QStringLiteral("compare-runs"),
        QApplication::translate("main", "With --open-run: set the runs against the fixed-size "
                                        "one by wall time (Compare runs…); with --screenshot, "
                                        "capture that window."));
    QCommandLineOption meanSeeds(
        QStringLiteral("mean-seeds"),
        QApplication::translate("main", "With --compare-runs: average the runs that differ only "
                                        "in their seed (Average over seeds)."));
    parser.addOptions({shot, train, compare, speed, lang, config, openRun, xAxis, evaluate,
                       classifyRun, classify, study, grid, runs, compareRuns, meanSeeds});
    parser.process(app);
    const QString axis = parser.value(xAxis);
    if (parser.isSet(xAxis) && axis != QLatin1String("epochs") && axis != QLatin1String("time")) {
        std::fprintf(stderr, "scalescope: --x-axis: \"%s\" is neither epochs nor time\n",
                     qPrintable(axis));
        return 2;
    }
    if (parser.isSet(meanSeeds) && !parser.isSet(compareRuns)) {
        std::fprintf(stderr, "scalescope: --mean-seeds: averages in the Compare runs window; "
                             "add --compare-runs\n");
        return 2;
    }

    // Language: --lang, then the saved choice, then the system locale.
    QString code = parser.value(lang);
    if (code.isEmpty()) code = QSettings().value(QStringLiteral("language")).toString();
    if (code.isEmpty()) code = QLocale::system().name().left(2);
    QTranslator appTr, qtTr;
    if (code != QLatin1String("en")) {
        if (appTr.load(QStringLiteral(":/i18n/scalescope_%1.qm").arg(code)))
            QApplication::installTranslator(&appTr);
        if (qtTr.load(QStringLiteral("qtbase_%1").arg(code),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTr);
    }

    scalescope::MainWindow window;
    if (!screenshot) window.restoreSession();
    if (parser.isSet(config) && !window.openConfig(parser.value(config))) {
        std::fprintf(stderr, "scalescope: %s\n", qPrintable(window.lastMessage()));
        if (screenshot) return 1;
    }
    if (axis == QLatin1String("time"))
        window.trainingPanel()->setXAxis(scalescope::TrainingPanel::XAxis::WallTime);
    for (const QString& dir : parser.values(openRun)) {
        QString why;
        if (!window.trainingPanel()->openFolder(dir, scalescope::TrainingPanel::TrainRest::No,
                                                &why)) {
            std::fprintf(stderr, "scalescope: --open-run %s: %s\n", qPrintable(dir),
                         qPrintable(why));
            if (screenshot) return 1;
        }
    }
    if (parser.isSet(openRun)) window.tabs()->setCurrentWidget(window.trainingPanel());
    window.show();
    scalescope::EvaluationDialog* evaluation = nullptr;
    if (parser.isSet(evaluate)) {
        QString why;
        evaluation = window.trainingPanel()->openEvaluation(parser.value(evaluate), &why);
        if (!evaluation) {
            std::fprintf(stderr, "scalescope: --evaluate-run %s: %s\n",
                         qPrintable(parser.value(evaluate)), qPrintable(why));
            if (screenshot) return 1;
        }
    }
    if (parser.isSet(classify) && !parser.isSet(classifyRun)) {
        std::fprintf(stderr, "scalescope: --classify needs --classify-run DIR, the run that "
                             "classifies\n");
        return 2;
    }
    scalescope::PredictionDialog* prediction = nullptr;
    if (parser.isSet(classifyRun)) {
        QString why;
        prediction = window.trainingPanel()->openPrediction(parser.value(classifyRun), &why);
        if (!prediction) {
            std::fprintf(stderr, "scalescope: --classify-run %s: %s\n",
                         qPrintable(parser.value(classifyRun)), qPrintable(why));
            if (screenshot) return 1;
        } else if (parser.isSet(classify)) {
            prediction->addPaths(parser.values(classify));
            if (screenshot && !prediction->isClassifying()) { // every path refused
                std::fprintf(stderr, "scalescope: %s\n", qPrintable(prediction->statusText()));
                return 1;
            }
        }
    }
    scalescope::ScalingStudyDialog* studyWindow = nullptr;
    if (parser.isSet(study)) {
        QString why;
        studyWindow = window.scalingStudyDialog();
        if (!studyWindow->openStudy(parser.value(study), &why)) {
            std::fprintf(stderr, "scalescope: --open-study %s: %s\n",
                         qPrintable(parser.value(study)), qPrintable(why));
            if (screenshot) return 1;
        }
        studyWindow->show();
    }
    QDialog* gridWindow = nullptr;
    if (parser.isSet(grid)) {
        QString why;
        scalescope::GridSearchDialog* g = window.gridSearchDialog();
        g->show();
        if (!g->openGrid(parser.value(grid), &why)) {
            std::fprintf(stderr, "scalescope: --open-grid %s: %s\n", qPrintable(parser.value(grid)),
                         qPrintable(why));
            if (screenshot) return 1;
        }
        gridWindow = g;
    }
    QDialog* runsWindow = nullptr;
    if (parser.isSet(runs)) {
        scalescope::RunBrowserDialog* b = window.runBrowser();
        QEventLoop loop;
        QObject::connect(b, &scalescope::RunBrowserDialog::listed, &loop, &QEventLoop::quit);
        b->showFolder(parser.value(runs));
        b->show();
        if (screenshot) loop.exec(); // listed off the GUI thread: wait for the table
        runsWindow = b;
    }
    QDialog* comparisonWindow = nullptr;
    if (parser.isSet(compareRuns)) {
        window.trainingPanel()->showComparison();
        comparisonWindow = window.trainingPanel()->comparisonDialog();
        window.trainingPanel()->comparisonDialog()->setMeanOverSeeds(parser.isSet(meanSeeds));
    }
    if (!screenshot) return app.exec();

    for (QDialog* shown :
         {static_cast<QDialog*>(studyWindow), gridWindow, runsWindow, comparisonWindow})
        if (shown) {
            QEventLoop loop;
            QTimer::singleShot(200, &loop, &QEventLoop::quit);
            loop.exec();
            return saveGrab(shown, parser.value(shot));
        }

    if (prediction) {
        QEventLoop loop;
        QObject::connect(prediction, &scalescope::PredictionDialog::classifyingChanged, &loop,
                         [&loop](bool classifying) {
                             if (!classifying) loop.quit();
                         });
        if (prediction->isClassifying()) loop.exec();
        std::fprintf(stderr, "scalescope: %s\n", qPrintable(prediction->statusText()));
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
        loop.exec();
        return saveGrab(prediction, parser.value(shot));
    }
    if (evaluation) {
        QEventLoop loop;
        QObject::connect(evaluation, &scalescope::EvaluationDialog::evaluatingChanged, &loop,
                         [&loop](bool evaluating) {
                             if (!evaluating) loop.quit();
                         });
        evaluation->evaluate();
        if (evaluation->isEvaluating()) loop.exec();
        std::fprintf(stderr, "scalescope: %s\n", qPrintable(evaluation->statusText()));
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
        loop.exec();
        return saveGrab(evaluation, parser.value(shot));
    }

    const QString file = parser.value(shot);
    if (parser.isSet(train)) {
        window.tabs()->setCurrentIndex(1);
        QEventLoop loop;
        QObject::connect(window.trainingController(), &scalescope::TrainingController::runFinished,
                         &loop, &QEventLoop::quit);
        window.trainingPanel()->startButton()->click();
        if (window.trainingController()->isRunning()) loop.exec();
        if (parser.isSet(compare)) { // the same run at the final size only, for comparison
            scalescope::TrainingSettings t = window.document()->config().training;
            t.progressive.schedule = scalescope::ProgressiveSettings::Schedule::Fixed;
            window.document()->setTraining(t);
            window.trainingPanel()->setSettingsFromDocument();
            window.trainingPanel()->startButton()->click();
            if (window.trainingController()->isRunning()) loop.exec();
        }
        QTimer::singleShot(2 * scalescope::TrainingController::kDrainMs, &loop, &QEventLoop::quit);
        loop.exec(); // let the last replot land
    } else if (parser.isSet(speed)) {
        window.speedDock()->raise();
        QEventLoop loop;
        QObject::connect(window.speedPanel(), &scalescope::SpeedPanel::measuringChanged, &loop,
                         [&loop](bool measuring) {
                             if (!measuring) loop.quit();
                         });
        window.speedPanel()->measure();
        if (window.speedPanel()->isMeasuring()) loop.exec();
        std::fprintf(stderr, "scalescope: %s\n", qPrintable(window.speedPanel()->statusText()));
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
        loop.exec();
    } else {
        QEventLoop loop;
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return saveGrab(&window, file);
}
