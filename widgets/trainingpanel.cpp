#include "trainingpanel.h"

#include "evaluationdialog.h"
#include "percenttext.h"
#include "predictiondialog.h"
#include "screenfit.h"
#include "titledplot.h"
#include "trainingsettingsform.h"

#include "explorerdocument.h"
#include "runcolours.h"
#include "runcomparisondialog.h"
#include "scaling/format.h"
#include "scaling/schedule.h"
#include "train/runhistory.h"
#include "trainingcontroller.h"

#include <QAction>
#include <QCollator>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTextStream>
#include <QTimer>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <qcustomplot.h>

namespace scalescope {

namespace {
constexpr int kReplotMs = 40; // curves redraw at most 25 times a second
// Runs one folder of runs opens at once: each is read on the GUI thread, as Open run… reads
// one, and more are more curves than the eye can tell apart (the runs' colours repeat after
// twelve). Twelve seeds beside their fixed twins fit.
constexpr size_t kMaxRunsPerFolder = 24;

// A run's length in its label: runs compared side by side may differ in it.
QString epochCount(int epochs) {
    return epochs == 1 ? TrainingPanel::tr("1 epoch") : TrainingPanel::tr("%1 epochs").arg(epochs);
}

// What an error leaves of the queue behind it.
QString notStarted(size_t queued) {
    return queued == 1 ? TrainingPanel::tr("The run queued after it was not started.")
                       : TrainingPanel::tr("%1 queued runs were not started.").arg(queued);
}
} // namespace

TrainingPanel::TrainingPanel(ExplorerDocument* doc, TrainingController* controller, QWidget* parent)
    : QWidget(parent), m_doc(doc), m_controller(controller) {
    auto* outer = new QHBoxLayout(this);
    auto* left = new QWidget(this);
    auto* form = new QFormLayout(left);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a field under its label when narrow
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form = new TrainingSettingsForm(left);
    form->addRow(m_form);
    connect(m_form, &TrainingSettingsForm::startOptionsChanged, this,
            &TrainingPanel::updateStartText);
    m_plan = new QLabel(left);
    m_plan->setObjectName(QStringLiteral("trainingPlan"));
    m_plan->setWordWrap(true);
    m_plan->setToolTip(tr("What Start trains with these settings: EfficientNetV2's progressive "
                          "stages, each at its image size for its epochs"));
    form->addRow(m_plan);
    connect(m_form, &TrainingSettingsForm::edited, this, &TrainingPanel::updatePlan);
    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), left);
    m_continue = new QPushButton(tr("Continue"), left);
    m_continue->setObjectName(QStringLiteral("continueRun"));
    m_continue->setToolTip(tr("Train the selected stopped run on from its checkpoint, with the "
                              "settings it was started with"));
    m_pause = new QPushButton(tr("Pause"), left);
    m_stop = new QPushButton(tr("Stop"), left);
    buttons->addWidget(m_start);
    buttons->addWidget(m_continue);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_stop);
    form->addRow(buttons);
    m_progress = new QProgressBar(left);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    form->addRow(m_progress);
    m_status = new QLabel(tr("Ready."), left);
    m_status->setWordWrap(true);
    m_status->setMinimumWidth(260);
    form->addRow(m_status);
    m_runList = new QListWidget(left);
    m_runList->setObjectName(QStringLiteral("runList"));
    // Below its 90 px it would hide all but two runs; the column's spare height goes to it,
    // not to the status text above.
    m_runList->setMinimumHeight(90);
    m_runList->setToolTip(tr("Runs on the plot: untick to hide. Right-click to evaluate, "
                             "compare or remove them."));
    auto* runsRow = new QHBoxLayout;
    auto* openRun = new QPushButton(tr("Open run…"), left);
    openRun->setObjectName(QStringLiteral("openRun"));
    openRun->setToolTip(tr("Overlay a finished run from its folder (metrics.csv), e.g. one "
                           "trained with scalescope-cli"));
    m_xAxis = new QComboBox(left);
    m_xAxis->setObjectName(QStringLiteral("xAxis"));
    m_xAxis->addItem(tr("by epoch"), int(XAxis::Epochs));
    m_xAxis->addItem(tr("by wall time"), int(XAxis::WallTime));
    m_xAxis->setToolTip(tr("Wall time shows what progressive learning saves"));
    runsRow->addWidget(new QLabel(tr("Runs"), left));
    runsRow->addStretch(1);
    runsRow->addWidget(m_xAxis);
    runsRow->addWidget(openRun);
    m_evaluate = new QPushButton(tr("Evaluate…"), left);
    m_evaluate->setObjectName(QStringLiteral("evaluateRun"));
    m_evaluate->setToolTip(tr("Score the selected run's weights on its test images: per class, "
                              "and at several test image sizes"));
    runsRow->addWidget(m_evaluate);
    form->addRow(runsRow);
    form->addRow(m_runList); // full width: run names are long
    left->setMaximumWidth(380);

    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(420, 320);
    m_plot->plotLayout()->clear();
    m_lossRect = new QCPAxisRect(m_plot);
    m_sizeRect = new QCPAxisRect(m_plot);
    m_speedRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(0, 0, m_lossRect);
    m_plot->plotLayout()->addElement(1, 0, m_sizeRect);
    m_plot->plotLayout()->addElement(2, 0, m_speedRect);
    m_plot->plotLayout()->setRowStretchFactor(0, 2.0);
    m_plot->plotLayout()->setRowStretchFactor(1, 1.2);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.8);
    auto* group = new QCPMarginGroup(m_plot);
    for (QCPAxisRect* r : {m_lossRect, m_sizeRect, m_speedRect}) {
        r->setMarginGroup(QCP::msLeft | QCP::msRight, group);
        r->axis(QCPAxis::atRight)->setVisible(true);
        r->axis(QCPAxis::atBottom)->setLabel(tr("epoch"));
    }
    m_lossRect->axis(QCPAxis::atLeft)->setLabel(tr("train loss"));
    m_lossRect->axis(QCPAxis::atRight)->setLabel(tr("val accuracy"));
    m_lossRect->axis(QCPAxis::atRight)->setRange(0, 1);
    m_sizeRect->axis(QCPAxis::atLeft)->setLabel(tr("image px"));
    m_sizeRect->axis(QCPAxis::atRight)->setLabel(tr("regularization"));
    m_sizeRect->axis(QCPAxis::atRight)->setRange(0, 1.05);
    m_speedRect->axis(QCPAxis::atLeft)->setLabel(tr("img/s"));
    m_speedRect->axis(QCPAxis::atRight)->setTickLabels(false);
    // Two legends, each in a row of its own under the curves, so that neither hides data: the
    // line styles, in grey, then one entry a run in its colour. Two entries for each of 175
    // runs once took the plot's whole height.
    const QFont legendFont(font().family(), 8);
    // An empty legend's size hint caps the whole column (narrow plots before the first run).
    // An explicit maximum width replaces the hint, if it stays below QWIDGETSIZE_MAX with the
    // margins added.
    constexpr int kWideEnough = 1 << 20; // pixels
    m_keyLegend = new QCPLegend;
    m_plot->plotLayout()->addElement(3, 0, m_keyLegend);
    m_plot->plotLayout()->setRowStretchFactor(3, 0.001);
    m_plot->legend = new QCPLegend; // the runs': a removed graph leaves this one by itself
    m_plot->plotLayout()->addElement(4, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(4, 0.001);
    for (QCPLegend* l : {m_keyLegend, m_plot->legend}) {
        l->setMaximumSize(kWideEnough, QWIDGETSIZE_MAX);
        l->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        l->setLayer(QStringLiteral("legend"));
        l->setFont(legendFont);
        fitLegendColumns(m_plot, l);
    }
    keepLegendBorderInside(m_plot);
    m_plot->setAutoAddPlottableToLegend(false);
    // A run's curves share its colour: grey keys without data name them by line style.
    auto key = [&](QCPAxisRect* r, const QString& name, Qt::PenStyle style,
                   QCPScatterStyle::ScatterShape scatter, double scatterSize) {
        // A curve, not a graph: the runs' graphs keep their indices.
        auto* k = new QCPCurve(r->axis(QCPAxis::atBottom), r->axis(QCPAxis::atRight));
        k->setObjectName(QStringLiteral("styleKey"));
        k->setName(name);
        k->setPen(QPen(Qt::darkGray, 1.5, style));
        k->setScatterStyle(QCPScatterStyle(scatter, scatterSize));
        m_styleKeys.push_back(k); // the key legend's order
        return k;
    };
    key(m_lossRect, tr("train loss"), Qt::SolidLine, QCPScatterStyle::ssNone, 0);
    m_valAccKey = key(m_lossRect, tr("val accuracy"), Qt::DashLine, QCPScatterStyle::ssCircle, 5);
    // In the legend while a run with an EMA is listed: its dashed curve is the EMA's.
    m_trainedAccKey = key(m_lossRect, tr("val accuracy, trained weights"), Qt::DotLine,
                          QCPScatterStyle::ssDiamond, 4);
    const std::pair<QString, Qt::PenStyle> keys[] = {{tr("image px"), Qt::SolidLine},
                                                     {tr("dropout"), Qt::DashLine},
                                                     {tr("RandAugment/30"), Qt::DotLine},
                                                     {tr("mixup α"), Qt::DashDotLine}};
    for (const auto& [name, style] : keys)
        key(m_sizeRect, name, style, QCPScatterStyle::ssNone, 0);
    updateLegends();

    auto* split = new QSplitter(Qt::Horizontal, this);
    // The settings scroll up and down on a short screen, never sideways: a field cut at its
    // right edge is one the user cannot see to edit.
    QScrollArea* settings = scrollable(left);
    settings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    settings->setMinimumWidth(left->minimumSizeHint().width() +
                              style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    split->addWidget(settings);
    split->addWidget(m_plot);
    split->setStretchFactor(1, 1);
    outer->addWidget(split);

    connect(m_start, &QPushButton::clicked, this, &TrainingPanel::startClicked);
    connect(m_continue, &QPushButton::clicked, this, &TrainingPanel::continueClicked);
    connect(m_evaluate, &QPushButton::clicked, this, [this] {
        const int i = continueTarget();
        if (i < 0) return;
        QString why;
        if (!openEvaluation(m_runs[size_t(i)].dir, &why))
            m_status->setText(tr("Not evaluated: %1").arg(why));
    });
    connect(m_runList, &QListWidget::currentRowChanged, this, &TrainingPanel::updateContinue);
    // The selected run's windows, also from its row's context menu.
    m_runList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_evaluateAction = new QAction(tr("Evaluate…"), m_runList);
    m_classifyAction = new QAction(tr("Classify images…"), m_runList);
    m_classifyAction->setObjectName(QStringLiteral("classifyRunImages"));
    m_runList->addAction(m_evaluateAction);
    m_runList->addAction(m_classifyAction);
    m_removeAction = new QAction(tr("Remove from the plot"), m_runList);
    m_removeAction->setObjectName(QStringLiteral("removeRun"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut); // the list's Delete key only
    m_removeAction->setToolTip(tr("Take the run off the list and the plot; its folder stays"));
    m_runList->addAction(m_removeAction);
    m_compareAction = new QAction(tr("Compare runs…"), m_runList);
    m_compareAction->setObjectName(QStringLiteral("compareRuns"));
    m_compareAction->setToolTip(tr("When each run reached the accuracy a reference run ended at, "
                                   "in wall time: what progressive learning saves"));
    m_runList->addAction(m_compareAction);
    connect(m_compareAction, &QAction::triggered, this, &TrainingPanel::showComparison);
    connect(m_removeAction, &QAction::triggered, this, [this] {
        QString why;
        if (!removeRun(continueTarget(), &why) && !why.isEmpty()) m_status->setText(why);
    });
    auto* browseRuns = new QAction(tr("Browse training runs…"), m_runList);
    browseRuns->setObjectName(QStringLiteral("browseRuns"));
    m_runList->addAction(browseRuns);
    connect(browseRuns, &QAction::triggered, this, &TrainingPanel::browseRunsRequested);
    connect(m_evaluateAction, &QAction::triggered, m_evaluate, &QPushButton::click);
    connect(m_classifyAction, &QAction::triggered, this, [this] {
        const int i = continueTarget();
        if (i < 0) return;
        QString why;
        if (!openPrediction(m_runs[size_t(i)].dir, &why))
            m_status->setText(tr("Not classified: %1").arg(why));
    });
    connect(openRun, &QPushButton::clicked, this, &TrainingPanel::openRunDialog);
    connect(m_xAxis, &QComboBox::currentIndexChanged, this, &TrainingPanel::xAxisChanged);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_controller->isPaused()) {
            m_controller->resume();
            m_pause->setText(tr("Pause"));
        } else {
            m_controller->pause();
            m_pause->setText(tr("Resume"));
        }
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        m_controller->stop();
        m_status->setText(tr("Stopping after this step…"));
    });
    connect(m_controller, &TrainingController::events, this, &TrainingPanel::onEvents);
    connect(m_controller, &TrainingController::runFinished, this, &TrainingPanel::onFinished);
    connect(m_runList, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const int i = m_runList->row(item);
        if (i < 0 || i >= int(m_runs.size())) return;
        const bool on = item->checkState() == Qt::Checked;
        const RunCurves& run = m_runs[size_t(i)];
        for (QCPGraph* g : run.graphs())
            g->setVisible(on);
        for (QCPItemStraightLine* line : run.stageLines)
            line->setVisible(on);
        // Its legend entry stays, greyed, to bring it back with a click.
        if (QCPAbstractLegendItem* entry = m_plot->legend->itemWithPlottable(run.loss))
            entry->setTextColor(on ? QColor(Qt::black) : QColor(Qt::gray));
        updateXRange();
        ++m_runsRevision; // a hidden run leaves the comparison too
        m_dirty = true;
    });
    m_plot->installEventFilter(this); // the legend entries' tooltips
    // A click on a run's legend entry hides or shows it, as its box in the run list does.
    connect(m_plot, &QCustomPlot::legendClick, this,
            [this](QCPLegend* legend, QCPAbstractLegendItem* entry, QMouseEvent*) {
                auto* item = qobject_cast<QCPPlottableLegendItem*>(entry);
                if (legend != m_plot->legend || !item) return;
                for (size_t i = 0; i < m_runs.size(); ++i)
                    if (m_runs[i].loss == item->plottable()) {
                        QListWidgetItem* row = m_runList->item(int(i));
                        row->setCheckState(row->checkState() == Qt::Checked ? Qt::Unchecked
                                                                            : Qt::Checked);
                        break;
                    }
            });
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &TrainingPanel::replotIfDirty);
    timer->start(kReplotMs);
    // Reload the form only when the document's training settings changed underneath it (a
    // file was opened, an undo): scaling edits must not throw away what was typed here. While
    // a run trains the form is locked and shows what the next Start trains with.
    connect(doc, &ExplorerDocument::changed, this, [this] {
        if (!(m_doc->config().training == m_shown)) setSettingsFromDocument();
        updatePlan(); // the model's resolution is the last stage's size by default
    });
    setSettingsFromDocument();
    setRunning(false);
}

void TrainingPanel::setSettingsFromDocument() {
    m_shown = m_doc->config().training;
    m_form->setSettings(m_shown);
}

TrainingSettings TrainingPanel::settingsFromForm() const {
    return m_form->settings(m_doc->config().training);
}

bool TrainingPanel::commitSettings(QString* why) {
    QString reason;
    auto conn = connect(m_doc, &ExplorerDocument::rejected, this,
                        [&](const QString& f, const QString& r) { reason = f + ": " + r; });
    const TrainingSettings t = settingsFromForm();
    const bool ok = m_doc->setTraining(t);
    disconnect(conn);
    if (ok) m_shown = t; // the form and the document agree again
    if (why) *why = reason;
    return ok;
}

void TrainingPanel::updatePlan() {
    const TrainingSettings t = settingsFromForm();
    try {
        validate(t); // what Start would refuse, said before it is pressed
    } catch (const ValidationError& e) {
        m_plan->setText(
            tr("Start would refuse this: %1: %2")
                .arg(QString::fromStdString(e.field()), QString::fromStdString(e.reason())));
        m_plan->setStyleSheet(QStringLiteral("color: #a00000"));
        return;
    }
    m_plan->setStyleSheet({});
    const auto stages = progressiveStages(t.progressive, m_doc->arch().resolution, t.epochs);
    const int validated = evaluationSize(t.progressive, stages);
    if (stages.size() == 1) {
        m_plan->setText(t.epochs == 1 ? tr("Trains at %1 px for 1 epoch, validated at %2 px.")
                                            .arg(stages[0].imageSize)
                                            .arg(validated)
                                      : tr("Trains at %1 px for all %2 epochs, validated at %3 px.")
                                            .arg(stages[0].imageSize)
                                            .arg(t.epochs)
                                            .arg(validated));
        return;
    }
    QStringList parts;
    for (const TrainingStage& st : stages) {
        // Word joiners: a wrapped line never ends inside "3–4".
        const QString range =
            QStringLiteral("%1\u2060–\u2060%2").arg(st.firstEpoch + 1).arg(st.endEpoch);
        const QString epochs = st.endEpoch - st.firstEpoch == 1
                                   ? tr("epoch %1").arg(st.firstEpoch + 1)
                                   : tr("epochs %1").arg(range);
        parts << tr("%1 px (%2)").arg(st.imageSize).arg(epochs);
    }
    // What progressive learning saves, before it is tried: the steps' multiply-adds against
    // as many epochs at the last size.
    const double ratio = stageMacsRatio(m_doc->arch(), stages);
    m_plan->setText(tr("Trains in %1 stages: %2; validated at %3 px. The steps cost %4× the "
                       "multiply-adds of %5 epochs at %6 px.")
                        .arg(stages.size())
                        .arg(parts.join(QStringLiteral(", ")))
                        .arg(validated)
                        .arg(ratio, 0, 'f', 2)
                        .arg(t.epochs)
                        .arg(stages.back().imageSize));
}

QString TrainingPanel::planText() const {
    return m_plan->text();
}

int TrainingPanel::seedsPerStart() const {
    return m_form->seeds();
}

bool TrainingPanel::alsoTrainFixed() const {
    return m_form->alsoFixed();
}

void TrainingPanel::setStartOptions(int seeds, bool alsoFixed) {
    m_form->setStartOptions(seeds, alsoFixed);
}

int TrainingPanel::runsPerStart() const {
    return m_form->runsPerStart();
}

void TrainingPanel::updateStartText() {
    const int runs = runsPerStart();
    m_start->setText(runs == 1 ? tr("Start") : tr("Start %1 runs").arg(runs));
}

void TrainingPanel::setRunning(bool running) {
    m_form->setLocked(running);
    m_start->setEnabled(!running);
    m_pause->setEnabled(running);
    m_stop->setEnabled(running);
    m_pause->setText(tr("Pause"));
    updateContinue();
    Q_EMIT runStateChanged(running);
}

int TrainingPanel::continueTarget() const {
    const int row = m_runList->currentRow();
    return row >= 0 && row < int(m_runs.size()) ? row : int(m_runs.size()) - 1;
}

void TrainingPanel::updateContinue() {
    const int i = continueTarget();
    m_continue->setEnabled(!m_controller->isRunning() && i >= 0 && m_runs[size_t(i)].canContinue);
    // A run in training rewrites its checkpoint: its evaluation waits for the end or a stop.
    const bool training = m_controller->isRunning() && i == m_liveRun;
    const bool scorable =
        i >= 0 && !training && !m_runs[size_t(i)].dir.isEmpty() &&
        QFileInfo::exists(m_runs[size_t(i)].dir + QLatin1Char('/') + train::kCheckpointFile);
    m_evaluate->setEnabled(scorable);
    if (m_removeAction) m_removeAction->setEnabled(i >= 0 && !training);
    if (m_evaluateAction) m_evaluateAction->setEnabled(scorable);
    if (m_classifyAction) m_classifyAction->setEnabled(scorable);
    if (m_compareAction) m_compareAction->setEnabled(m_runs.size() >= 2);
}

RunComparisonDialog* TrainingPanel::comparisonDialog() {
    if (!m_comparison) m_comparison = new RunComparisonDialog(this);
    return m_comparison;
}

void TrainingPanel::showComparison() {
    RunComparisonDialog* d = comparisonDialog();
    refreshComparison();
    d->show();
    d->raise();
    d->activateWindow();
}

void TrainingPanel::refreshComparison() {
    if (!m_comparison || m_comparedRevision == m_runsRevision) return;
    m_comparedRevision = m_runsRevision;
    std::vector<RunComparisonDialog::Entry> entries;
    for (const RunCurves& r : m_runs)
        if (r.loss->visible()) // the runs ticked in the list, as on the plot
            entries.push_back({r.name,
                               r.number,
                               r.description,
                               r.schedule,
                               r.loss->pen().color(),
                               {r.name.toStdString(), r.epochs, r.plannedEpochs, r.validation,
                                r.seedGroup, r.seed}});
    m_comparison->setRuns(std::move(entries));
}

namespace {
// The window of `Dialog` for the run in `dir`, a child of `owner`: one per folder, raised when
// it is open already; nullptr with `why` when the folder holds no checkpoint. `created` is
// called with a new window before it shows.
template <class Dialog>
Dialog* openRunWindow(QWidget* owner, const QString& dir, QString* why, const QString& missing,
                      const std::function<void(Dialog*)>& created = {}) {
    if (!QFileInfo::exists(dir + QLatin1Char('/') + train::kCheckpointFile)) {
        if (why) *why = missing;
        return nullptr;
    }
    const QString key = QFileInfo(dir).absoluteFilePath();
    for (auto* open : owner->findChildren<Dialog*>())
        if (QFileInfo(open->runDir()).absoluteFilePath() == key) {
            open->show();
            open->raise();
            open->activateWindow();
            return open;
        }
    auto* dialog = new Dialog(dir, owner);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (created) created(dialog);
    dialog->show();
    return dialog;
}
} // namespace

EvaluationDialog* TrainingPanel::openEvaluation(const QString& dir, QString* why) {
    return openRunWindow<EvaluationDialog>(
        this, dir, why, tr("%1 has no %2 to evaluate").arg(dir, train::kCheckpointFile),
        [this](EvaluationDialog* d) {
            connect(d, &EvaluationDialog::classifyImagesRequested, this,
                    [this](const QString& run) { openPrediction(run); });
        });
}

PredictionDialog* TrainingPanel::openPrediction(const QString& dir, QString* why) {
    return openRunWindow<PredictionDialog>(
        this, dir, why, tr("%1 has no %2 to classify with").arg(dir, train::kCheckpointFile));
}

void TrainingPanel::continueClicked() {
    const int i = continueTarget();
    if (m_controller->isRunning() || i < 0 || !m_runs[size_t(i)].canContinue) return;
    RunCurves& run = m_runs[size_t(i)];
    // The run goes on as it was started: its own configuration, not the form's.
    ScaleConfig config;
    try {
        config = loadConfig((run.dir + QLatin1Char('/') + train::kConfigFile).toStdString());
    } catch (const ValidationError& e) {
        m_status->setText(tr("Not continued: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    run.canContinue = false;
    const bool withHeld = !m_held.empty() && run.dir == m_heldAfter;
    if (withHeld) { // queued after it when it was stopped: trained after it again
        m_queue = std::move(m_held);
        m_held.clear();
        m_heldAfter.clear();
    }
    m_status->setText(
        m_queue.empty() ? tr("Continuing %1 from its checkpoint…").arg(run.dir)
        : m_queue.size() == 1
            ? tr("Continuing %1 from its checkpoint… (1 more run queued)").arg(run.dir)
            : tr("Continuing %1 from its checkpoint… (%2 more runs queued)")
                  .arg(run.dir)
                  .arg(m_queue.size()));
    launch(i, config, true);
}

void TrainingPanel::launch(int runIndex, const ScaleConfig& config, bool resume) {
    m_liveRun = runIndex;
    m_lastRunDir = m_runs[size_t(runIndex)].dir;
    if (QListWidgetItem* item = m_runList->item(runIndex)) { // "failed" no longer, if it was
        item->setText(m_runs[size_t(runIndex)].name);
        item->setToolTip({});
    }
    m_runList->setCurrentRow(runIndex); // Continue acts on it once it is stopped
    setRunning(true);
    m_controller->start(config, m_lastRunDir, resume);
    updateContinue(); // the controller runs only now: the live run's actions go off
}

namespace {
// A run's name on the tab without its number, as its folder names it when opened again: runs
// of one baseline at several φ differ by their names.
QString runDescription(const ScaleConfig& c) {
    return TrainingPanel::tr("%1, %2, %3")
        .arg(QString::fromStdString(train::runModelName(c)),
             QString::fromStdString(toString(c.training.progressive.schedule)),
             epochCount(c.training.epochs));
}
} // namespace

std::vector<TrainingPanel::QueuedRun> TrainingPanel::experimentQueue(const train::SeedExperiment& e,
                                                                     const QString& dir) const {
    std::vector<QueuedRun> runs;
    for (const train::ExperimentRun& r : train::experimentRuns(e)) {
        const QString description = runDescription(r.config);
        runs.push_back({r.config, dir + QLatin1Char('/') + QString::fromStdString(r.dir),
                        e.seeds > 1 ? tr("%1, seed %2").arg(description).arg(r.config.training.seed)
                                    : description,
                        description});
    }
    return runs;
}

void TrainingPanel::startClicked() {
    if (m_controller->isRunning()) return;
    QString why;
    if (!commitSettings(&why)) {
        m_status->setText(tr("Not started: %1").arg(why));
        return;
    }
    const ScaleConfig& base = m_doc->config();
    const train::SeedExperiment e{base, m_form->seeds(),
                                  m_form->alsoFixed() && base.training.progressive.schedule !=
                                                             ProgressiveSettings::Schedule::Fixed};
    if (e.seeds == 1 && !e.alsoFixed) {
        startRun(base, QString::fromStdString(train::defaultRunDir()), runDescription(base), {});
        return;
    }
    // One folder for the experiment, laid out as bench/progressive_vs_fixed.sh lays it out
    // (seedN/paper, seedN/fixed): `scalescope-cli compare --mean-seeds FOLDER` reads it whole,
    // and its experiment.json lets Open run… train on what a closed window left.
    const QString experiment = QString::fromStdString(train::defaultRunDir());
    try {
        train::validateExperiment(e, "training.seed", "training.progressive.schedule");
        train::recordExperiment(experiment.toStdString(), e, "run folder");
    } catch (const ValidationError& ex) {
        m_status->setText(tr("Not started: %1").arg(QString::fromStdString(ex.what())));
        return;
    }
    queueRuns(experimentQueue(e, experiment)); // the first starts at once
    m_status->setText(
        queuedCount() == 1
            ? tr("Preparing data and model… (1 more run queued)")
            : tr("Preparing data and model… (%1 more runs queued)").arg(queuedCount()));
}

void TrainingPanel::startRun(const ScaleConfig& config, const QString& runDir, const QString& label,
                             const QString& description) {
    RunCurves& run = addRun(label, config.training.epochs);
    run.dir = runDir;
    run.description = description.isEmpty() ? label : description;
    run.schedule = QString::fromStdString(toString(config.training.progressive.schedule));
    run.validation = train::validationSetText(config);
    run.seedGroup = train::seedGroupKey(config);
    run.seed = config.training.seed;
    updateXRange();
    m_progress->setValue(0);
    m_status->setText(tr("Preparing data and model…"));
    launch(int(m_runs.size()) - 1, config, false);
}

int TrainingPanel::runIndexOf(const QString& dir) const {
    const QString key = QFileInfo(dir).absoluteFilePath();
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (!m_runs[i].dir.isEmpty() && QFileInfo(m_runs[i].dir).absoluteFilePath() == key)
            return int(i);
    return -1;
}

bool TrainingPanel::removeRun(int index, QString* why) {
    if (index < 0 || index >= int(m_runs.size())) return false;
    if (m_controller->isRunning() && index == m_liveRun) {
        if (why)
            *why = tr("%1 is training; stop it before removing it").arg(m_runs[size_t(index)].name);
        return false;
    }
    RunCurves& run = m_runs[size_t(index)];
    if (!m_held.empty() && run.dir == m_heldAfter) { // nothing left to continue them after
        m_held.clear();
        m_heldAfter.clear();
    }
    for (QCPGraph* g : run.graphs())
        m_plot->removeGraph(g); // its legend entry goes with it (m_plot->legend)
    for (QCPItemStraightLine* line : run.stageLines)
        m_plot->removeItem(line);
    // m_runs first: taking the item moves the current row, and updateContinue() reads m_runs.
    m_runs.erase(m_runs.begin() + index);
    ++m_runsRevision;
    if (m_liveRun == index)
        m_liveRun = -1;
    else if (m_liveRun > index)
        --m_liveRun;
    delete m_runList->takeItem(index);
    updateLegends();
    updateXRange();
    updateContinue();
    m_dirty = true;
    return true;
}

QString TrainingPanel::whyInUse(const QString& dir) const {
    const QString key = QFileInfo(dir).absoluteFilePath();
    const auto same = [&](const QString& d) {
        return !d.isEmpty() && QFileInfo(d).absoluteFilePath() == key;
    };
    if (m_controller->isRunning() && same(m_lastRunDir)) return tr("it is training now");
    for (const QueuedRun& q : m_queue)
        if (same(q.runDir)) return tr("it is queued to train");
    return {};
}

QStringList TrainingPanel::dirsInUse() const {
    QStringList dirs;
    if (m_controller->isRunning()) dirs << m_lastRunDir;
    for (const QueuedRun& q : m_queue)
        dirs << q.runDir;
    return dirs;
}

int TrainingPanel::listedRun(const QString& dir, const QString& label, const QString& description,
                             QString* why) {
    if (const int i = runIndexOf(dir); i >= 0) return i;
    if (!openRun(dir, why)) return -1;
    const int i = int(m_runs.size()) - 1; // named as the queue names it
    m_runs.back().name = tr("#%1 %2").arg(m_runs.back().number).arg(label);
    m_runs.back().description = description.isEmpty() ? label : description;
    ++m_runsRevision;
    m_runList->item(i)->setText(m_runs.back().name);
    return i;
}

void TrainingPanel::queueRuns(std::vector<QueuedRun> runs) {
    // Runs queued again (a grid's Train after a stop) are no longer held; the stopped run
    // queued again takes the rest with it.
    for (const QueuedRun& r : runs) {
        if (r.runDir == m_heldAfter) m_held.clear();
        m_held.erase(std::remove_if(m_held.begin(), m_held.end(),
                                    [&](const QueuedRun& h) { return h.runDir == r.runDir; }),
                     m_held.end());
    }
    if (m_held.empty()) m_heldAfter.clear();
    for (QueuedRun& r : runs)
        m_queue.push_back(std::move(r));
    if (!m_controller->isRunning()) startNextQueued();
}

void TrainingPanel::startNextQueued() {
    using State = train::RunFolderCheck::State;
    while (!m_queue.empty()) {
        QueuedRun next = std::move(m_queue.front());
        m_queue.pop_front();
        // Looked at now, not when queued: an earlier run of the queue, or another program, may
        // have trained there since.
        const train::RunFolderCheck c =
            train::inspectRunFolder(next.runDir.toStdString(), next.config);
        QString why;
        switch (c.state) {
        case State::Empty:
            startRun(next.config, next.runDir, next.label, next.description);
            return;
        case State::Stopped: {
            // Drawn on where it is listed already (stopped in this window), else opened.
            const int i = listedRun(next.runDir, next.label, next.description, &why);
            if (i >= 0) {
                m_runs[size_t(i)].canContinue = false;
                m_status->setText(tr("Continuing %1 from its checkpoint…").arg(next.runDir));
                launch(i, next.config, true);
                return;
            }
            break;
        }
        case State::Finished:
            listedRun(next.runDir, next.label, next.description,
                      &why); // its curves beside the others'
            m_status->setText(tr("%1: finished before, %2 — read back")
                                  .arg(next.runDir, percentText(c.finalValAccuracy)));
            Q_EMIT runCompleted(next.runDir, c.finalValAccuracy);
            Q_EMIT runEnded(next.runDir, false);
            continue;
        case State::Foreign:
            why = QString::fromStdString(c.why);
            break;
        }
        // A folder that changed under the queue: the rest is dropped, as after a failed run.
        m_status->setText(tr("Not trained: %1.").arg(why) + QLatin1Char(' ') +
                          notStarted(m_queue.size()));
        m_queue.clear();
        Q_EMIT runEnded(next.runDir, false);
        return;
    }
}

TrainingPanel::RunCurves& TrainingPanel::addRun(const QString& label, int plannedEpochs) {
    RunCurves run;
    // Numbered and coloured in the order added, not by position: a run removed from the list
    // leaves its number and colour unused rather than given to the next run.
    run.number = ++m_runsAdded;
    ++m_runsRevision;
    const int idx = run.number - 1;
    const QColor colour = runColour(idx);
    run.name = tr("#%1 %2").arg(run.number).arg(label);
    run.plannedEpochs = std::max(1, plannedEpochs);
    auto graph = [&](QCPAxisRect* r, QCPAxis::AxisType valueAxis, const QString& label,
                     Qt::PenStyle style, bool legend) {
        QCPGraph* g = m_plot->addGraph(r->axis(QCPAxis::atBottom), r->axis(valueAxis));
        g->setName(label);
        g->setPen(QPen(colour, 1.8, style));
        if (legend) g->addToLegend();
        return g;
    };
    // The run's legend entry is its loss curve, named by its number alone: the key legend
    // names the line styles, and the run list beside the plot the model and schedule.
    run.loss = graph(m_lossRect, QCPAxis::atLeft, tr("#%1").arg(run.number), Qt::SolidLine, true);
    run.valAcc = graph(m_lossRect, QCPAxis::atRight, tr("#%1 val accuracy").arg(run.number),
                       Qt::DashLine, false);
    run.valAcc->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    // Runs without an EMA leave it empty.
    run.liveValAcc =
        graph(m_lossRect, QCPAxis::atRight, tr("#%1 val accuracy, trained weights").arg(run.number),
              Qt::DotLine, false);
    run.liveValAcc->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 4));
    run.size = graph(m_sizeRect, QCPAxis::atLeft, tr("image size"), Qt::SolidLine, false);
    run.size->setLineStyle(QCPGraph::lsStepLeft);
    run.dropout = graph(m_sizeRect, QCPAxis::atRight, tr("dropout"), Qt::DashLine, false);
    run.dropout->setLineStyle(QCPGraph::lsStepLeft);
    run.randAug = graph(m_sizeRect, QCPAxis::atRight, tr("RandAugment/30"), Qt::DotLine, false);
    run.randAug->setLineStyle(QCPGraph::lsStepLeft);
    run.mixup = graph(m_sizeRect, QCPAxis::atRight, tr("mixup α"), Qt::DashDotLine, false);
    run.mixup->setLineStyle(QCPGraph::lsStepLeft);
    run.speed = graph(m_speedRect, QCPAxis::atLeft, tr("img/s"), Qt::SolidLine, false);
    m_runs.push_back(run);
    auto* item = new QListWidgetItem(run.name, m_runList);
    item->setForeground(colour);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    return m_runs.back();
}

double TrainingPanel::xOf(const train::TrainEvent& e) const {
    if (xAxis() == XAxis::WallTime) return e.elapsedSeconds;
    if (e.type == train::TrainEvent::Type::Epoch) return double(e.epoch + 1); // its end
    return e.totalSteps > 0 ? double(e.step) / double(e.totalSteps) * e.epochs : double(e.epoch);
}

void TrainingPanel::plotEvent(RunCurves& run, const train::TrainEvent& e) {
    using T = train::TrainEvent::Type;
    const double x = xOf(e);
    switch (e.type) {
    case T::Stage: {
        run.size->addData(x, e.imageSize);
        run.dropout->addData(x, e.dropout);
        run.randAug->addData(x, e.randAugment / 30.0);
        run.mixup->addData(x, std::min(1.0, e.mixup));
        if (x > 0) { // mark the boundary on the loss plot
            auto* line = new QCPItemStraightLine(m_plot);
            line->setClipAxisRect(m_lossRect);
            line->point1->setAxes(m_lossRect->axis(QCPAxis::atBottom),
                                  m_lossRect->axis(QCPAxis::atLeft));
            line->point2->setAxes(m_lossRect->axis(QCPAxis::atBottom),
                                  m_lossRect->axis(QCPAxis::atLeft));
            line->point1->setCoords(x, 0);
            line->point2->setCoords(x, 1);
            line->setPen(QPen(run.loss->pen().color().lighter(150), 1, Qt::DotLine));
            line->setVisible(run.loss->visible());
            run.stageLines.push_back(line);
        }
        break;
    }
    case T::Step:
        if (std::isfinite(e.loss)) run.loss->addData(x, e.loss);
        run.speed->addData(x, e.imagesPerSecond);
        run.size->addData(x, e.imageSize);
        run.dropout->addData(x, e.dropout);
        run.randAug->addData(x, e.randAugment / 30.0);
        run.mixup->addData(x, std::min(1.0, e.mixup));
        break;
    case T::Epoch:
        if (std::isfinite(e.valAccuracy)) run.valAcc->addData(x, e.valAccuracy);
        if (std::isfinite(e.liveValAccuracy)) {
            run.liveValAcc->addData(x, e.liveValAccuracy);
            if (run.liveValAcc->data()->size() == 1) { // its first
                run.valAcc->setName(tr("#%1 val accuracy, EMA").arg(run.number));
                updateLegends();
            }
        }
        break;
    default:
        return;
    }
    // A step's ETA says where the run will end; the ETA falls as the run goes on.
    run.endSeconds = e.type == T::Step ? e.elapsedSeconds + std::max(0.0, e.etaSeconds)
                                       : std::max(run.endSeconds, e.elapsedSeconds);
}

bool TrainingPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_plot || event->type() != QEvent::ToolTip)
        return QWidget::eventFilter(watched, event);
    auto* help = static_cast<QHelpEvent*>(event);
    for (const RunCurves& run : m_runs) {
        QCPAbstractLegendItem* entry = m_plot->legend->itemWithPlottable(run.loss);
        if (entry && entry->outerRect().contains(help->pos())) {
            QToolTip::showText(help->globalPos(), run.name, m_plot, entry->outerRect());
            return true;
        }
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

void TrainingPanel::updateLegends() {
    const bool anyEma = std::any_of(m_runs.begin(), m_runs.end(), [](const RunCurves& r) {
        return !r.liveValAcc->data()->isEmpty();
    });
    m_valAccKey->setName(anyEma ? tr("val accuracy (EMA if kept)") : tr("val accuracy"));
    // Filled again in order where the dotted key comes or goes (and at the start).
    if (m_keyLegend->itemCount() > 0 &&
        m_keyLegend->hasItemWithPlottable(m_trainedAccKey) == anyEma)
        return;
    m_keyLegend->clearItems();
    for (QCPCurve* k : m_styleKeys)
        if (k != m_trainedAccKey || anyEma) k->addToLegend(m_keyLegend);
}

void TrainingPanel::redrawCurves() {
    for (RunCurves& run : m_runs) {
        for (QCPGraph* g : run.graphs())
            g->data()->clear();
        for (QCPItemStraightLine* line : run.stageLines)
            m_plot->removeItem(line);
        run.stageLines.clear();
        for (const auto& e : run.plotted)
            plotEvent(run, e);
    }
    updateXRange();
    m_dirty = true;
}

TrainingPanel::XAxis TrainingPanel::xAxis() const {
    return XAxis(m_xAxis->currentData().toInt());
}

void TrainingPanel::setXAxis(XAxis axis) {
    m_xAxis->setCurrentIndex(m_xAxis->findData(int(axis))); // xAxisChanged() on a change
}

void TrainingPanel::xAxisChanged() {
    const QString label = xAxis() == XAxis::WallTime ? tr("wall time (s)") : tr("epoch");
    for (QCPAxisRect* r : {m_lossRect, m_sizeRect, m_speedRect})
        r->axis(QCPAxis::atBottom)->setLabel(label);
    redrawCurves();
}

// The x range covers every shown run to its planned end (its ETA while it runs).
void TrainingPanel::updateXRange() {
    double end = 0;
    for (size_t i = 0; i < m_runs.size(); ++i) {
        const QListWidgetItem* item = m_runList->item(int(i));
        if (item && item->checkState() != Qt::Checked) continue;
        end = std::max(end, xAxis() == XAxis::WallTime ? m_runs[i].endSeconds
                                                       : double(m_runs[i].plannedEpochs));
    }
    if (end <= 0) end = xAxis() == XAxis::WallTime ? 60.0 : 1.0;
    // A little room past the end: a run's last point sits there, and the axis rect clipped
    // its marker in half (a run validated only at its end showed no accuracy at all).
    constexpr double kEndMargin = 0.02;
    for (QCPAxisRect* r : {m_lossRect, m_sizeRect, m_speedRect})
        r->axis(QCPAxis::atBottom)->setRange(0, end * (1 + kEndMargin));
}

QString TrainingPanel::askRunFolder(const QString& caption) {
    // Start where runs are kept: beside the last one, or in the runs folder.
    const QString start = m_lastRunDir.isEmpty()
                              ? QFileInfo(QString::fromStdString(train::defaultRunDir())).path()
                              : QFileInfo(m_lastRunDir).path();
    return QFileDialog::getExistingDirectory(this, caption, start);
}

void TrainingPanel::openRunDialog() {
    const QString dir =
        askRunFolder(tr("Run or experiment folder (holds metrics.csv or experiment.json)"));
    if (dir.isEmpty()) return;
    QString why;
    if (!openFolder(dir, TrainRest::Ask, &why))
        QMessageBox::warning(this, tr("Open run"), tr("Could not open the run: %1").arg(why));
}

void TrainingPanel::evaluateRunDialog() {
    const QString dir = askRunFolder(tr("Run folder (holds checkpoint.pt)"));
    if (dir.isEmpty()) return;
    QString why;
    if (!openEvaluation(dir, &why))
        QMessageBox::warning(this, tr("Evaluate run"),
                             tr("Could not evaluate the run: %1").arg(why));
}

void TrainingPanel::classifyImagesDialog() {
    const QString dir = askRunFolder(tr("Run folder (holds checkpoint.pt)"));
    if (dir.isEmpty()) return;
    QString why;
    if (!openPrediction(dir, &why))
        QMessageBox::warning(this, tr("Classify images"),
                             tr("Could not classify with the run: %1").arg(why));
}

bool TrainingPanel::openFolder(const QString& path, TrainRest rest, QString* why) {
    const QDir dir(path);
    if (dir.exists(QLatin1String(train::kExperimentFile))) return openExperiment(path, rest, why);
    if (!QFileInfo(path).isDir() || dir.exists(QLatin1String(train::kMetricsFile)))
        return openRun(path, why);
    // A folder of runs (an experiment recorded before experiment.json, a study's or a grid's
    // runs, copied runs): each of them, as `scalescope-cli compare FOLDER` takes them.
    std::vector<std::string> inside;
    try {
        inside = train::runFolders(path.toStdString());
    } catch (const std::exception&) {
    }
    if (inside.empty()) return openRun(path, why); // its message: no metrics.csv
    QCollator byNumber;                            // seed2 before seed10
    byNumber.setNumericMode(true);
    std::sort(inside.begin(), inside.end(), [&](const std::string& a, const std::string& b) {
        return byNumber.compare(QString::fromStdString(a), QString::fromStdString(b)) < 0;
    });
    const size_t total = inside.size();
    if (inside.size() > kMaxRunsPerFolder) inside.resize(kMaxRunsPerFolder);
    int opened = 0;
    QString unread;
    for (const std::string& d : inside) {
        const QString run = QString::fromStdString(d);
        QString w;
        if (runIndexOf(run) >= 0 || openRun(run, &w))
            ++opened;
        else if (unread.isEmpty())
            unread = w;
    }
    if (opened == 0) {
        if (why) *why = unread;
        return false;
    }
    QString text = total > inside.size()
                       ? tr("Opened the first %1 of the %2 runs in %3 (File → Browse training "
                            "runs… picks among them)")
                             .arg(opened)
                             .arg(total)
                             .arg(path)
                   : opened == 1 ? tr("Opened the run in %1").arg(path)
                                 : tr("Opened the %1 runs in %2").arg(opened).arg(path);
    if (!unread.isEmpty()) text += QLatin1String(". ") + tr("Not listed: %1").arg(unread);
    m_status->setText(text);
    return true;
}

bool TrainingPanel::openExperiment(const QString& dir, TrainRest rest, QString* why) {
    std::optional<train::SeedExperiment> e;
    try {
        e = train::readExperiment(dir.toStdString());
    } catch (const std::exception& ex) {
        if (why) *why = QString::fromStdString(ex.what());
        return false;
    }
    if (!e) {
        if (why) *why = tr("%1 holds no %2").arg(dir, QLatin1String(train::kExperimentFile));
        return false;
    }
    const QStringList inUse = dirsInUse();
    std::vector<QueuedRun> runs = experimentQueue(*e, dir), unfinished;
    int listed = 0;
    QString unread; // the first run folder that did not read, and why
    for (QueuedRun& r : runs) {
        // Each run's metrics are read once, by the listing. A folder of another run (its
        // config.json alone is read) is not listed: the queue names it when its turn comes.
        bool finished = false;
        const bool trained =
            QFileInfo::exists(r.runDir + QLatin1Char('/') + QLatin1String(train::kMetricsFile));
        if (trained && train::foreignRunFolder(r.runDir.toStdString(), r.config).empty()) {
            QString why;
            if (const int i = listedRun(r.runDir, r.label, r.description, &why); i >= 0) {
                ++listed;
                const RunCurves& run = m_runs[size_t(i)];
                finished = !run.canContinue && !run.epochs.empty() &&
                           int(run.epochs.size()) >= run.plannedEpochs;
            } else if (unread.isEmpty()) {
                unread = why;
            }
        }
        // In training or queued here already: not queued twice.
        if (!finished && !inUse.contains(r.runDir)) unfinished.push_back(std::move(r));
    }
    const int total = int(runs.size()), left = int(unfinished.size());
    bool train = rest == TrainRest::Yes;
    if (left > 0 && rest == TrainRest::Ask)
        train = QMessageBox::question(
                    this, tr("Open experiment"),
                    tr("%1 of the %2 runs of %3 are not finished. Train them now (after the run "
                       "in training, if any)?")
                        .arg(left)
                        .arg(total)
                        .arg(dir)) == QMessageBox::Yes;
    if (left > 0 && train) {
        queueRuns(std::move(unfinished));
        m_status->setText(tr("Opened the experiment %1: %2 of its %3 runs listed, %4 queued to "
                             "train")
                              .arg(dir)
                              .arg(listed)
                              .arg(total)
                              .arg(left));
    } else {
        m_status->setText(
            left == 0 ? (total == 1 ? tr("Opened the experiment %1: its one run, finished").arg(dir)
                                    : tr("Opened the experiment %1: its %2 runs, all finished")
                                          .arg(dir)
                                          .arg(total))
                      : tr("Opened the experiment %1: %2 of its %3 runs listed; "
                           "%4 not finished (open it again to train them)")
                            .arg(dir)
                            .arg(listed)
                            .arg(total)
                            .arg(left));
    }
    if (!unread.isEmpty())
        m_status->setText(m_status->text() + QLatin1String(". ") +
                          tr("Not listed: %1").arg(unread));
    return true;
}

bool TrainingPanel::openRun(const QString& path, QString* why) {
    train::RunHistory h;
    try {
        h = train::readRunHistory(path.toStdString());
    } catch (const std::exception& e) {
        if (why) *why = QString::fromStdString(e.what());
        return false;
    }
    // Runs compared side by side are often `fixed` and `paper` in folders named for the
    // experiment: the parent's name tells such runs apart.
    const QFileInfo info(QString::fromStdString(h.dir));
    const QString folder = info.dir().dirName() + QLatin1Char('/') + info.fileName();
    const QString epochs = epochCount(h.plannedEpochs);
    const QString what = h.model.empty() ? epochs
                                         : QStringLiteral("%1, %2, %3")
                                               .arg(QString::fromStdString(h.model),
                                                    QString::fromStdString(h.schedule), epochs);
    RunCurves& run = addRun(QStringLiteral("%1 (%2)").arg(what, folder), h.plannedEpochs);
    // The seeds of one experiment lie in its seedN folders (as Start and `train --seeds` lay
    // them out): their mean is named for the experiment's folder.
    const bool seedFolder =
        !h.seedGroup.empty() && info.dir().dirName() == QStringLiteral("seed%1").arg(h.seed);
    run.description =
        seedFolder
            ? QStringLiteral("%1 (%2)").arg(what, QFileInfo(info.dir().path()).dir().dirName())
            : QStringLiteral("%1 (%2)").arg(what, folder);
    run.dir = QString::fromStdString(h.dir);
    run.schedule = QString::fromStdString(h.schedule);
    run.validation = h.validation;
    run.seedGroup = h.seedGroup;
    run.seed = h.seed;
    run.canContinue = h.canContinue();
    // metrics.csv has one row an epoch: each becomes the stage it ran in (where the stage
    // changed) and a point at the epoch's end, where its averages belong.
    double epochStart = 0;
    int stage = -1;
    for (const train::TrainEvent& row : h.epochs) {
        if (row.stage != stage) {
            train::TrainEvent st = row;
            st.type = train::TrainEvent::Type::Stage;
            st.totalSteps = 0; // x from the epoch: its start
            st.elapsedSeconds = epochStart;
            run.plotted.push_back(st);
            stage = row.stage;
        }
        train::TrainEvent end = row;
        end.type = train::TrainEvent::Type::Step;
        end.epoch = row.epoch + 1;
        end.totalSteps = 0;
        run.plotted.push_back(end);
        run.plotted.push_back(row);
        run.epochs.push_back(row);
        epochStart = row.elapsedSeconds;
    }
    for (const auto& e : run.plotted)
        plotEvent(run, e);
    updateXRange();
    // A run stopped between validations (training.validate_every) ends on an empty row.
    const auto validated =
        std::find_if(h.epochs.rbegin(), h.epochs.rend(),
                     [](const train::TrainEvent& r) { return std::isfinite(r.valAccuracy); });
    if (validated == h.epochs.rend())
        m_status->setText(tr("Opened %1: %2, none validated yet.")
                              .arg(QString::fromStdString(h.dir))
                              .arg(epochCount(int(h.epochs.size()))));
    else if (validated == h.epochs.rbegin())
        m_status->setText(tr("Opened %1: %2, final val accuracy %3%.")
                              .arg(QString::fromStdString(h.dir))
                              .arg(epochCount(int(h.epochs.size())))
                              .arg(100 * validated->valAccuracy, 0, 'f', 2));
    else
        m_status->setText(tr("Opened %1: %2, val accuracy %3% after epoch %4.")
                              .arg(QString::fromStdString(h.dir))
                              .arg(epochCount(int(h.epochs.size())))
                              .arg(100 * validated->valAccuracy, 0, 'f', 2)
                              .arg(validated->epoch + 1));
    if (run.canContinue)
        m_status->setText(m_status->text() + QLatin1Char(' ') +
                          tr("It stopped before epoch %1 of %2; Continue trains it on.")
                              .arg(h.epochs.size() + 1)
                              .arg(h.plannedEpochs));
    m_runList->setCurrentRow(int(m_runs.size()) - 1);
    updateContinue();
    m_dirty = true;
    return true;
}

void TrainingPanel::onEvents(const std::vector<train::TrainEvent>& batch) {
    // Runs opened while this one trains come after it: the live run is found by its index.
    if (m_liveRun < 0 || m_liveRun >= int(m_runs.size())) return;
    RunCurves& run = m_runs[size_t(m_liveRun)];
    using T = train::TrainEvent::Type;
    for (const auto& e : batch) {
        if (e.type == T::Stage || e.type == T::Step || e.type == T::Epoch) {
            run.plotted.push_back(e);
            plotEvent(run, e);
        }
        switch (e.type) {
        case T::Started:
            m_status->setText(QString::fromStdString(e.message));
            break;
        case T::Step:
            m_progress->setValue(int(1000.0 * e.step / std::max<std::int64_t>(1, e.totalSteps)));
            {
                QString status = tr("Epoch %1/%2, stage %3/%4 at %5 px — loss %6, %7 img/s, ETA %8")
                                     .arg(e.epoch + 1)
                                     .arg(e.epochs)
                                     .arg(e.stage + 1)
                                     .arg(e.stages)
                                     .arg(e.imageSize)
                                     .arg(e.loss, 0, 'f', 3)
                                     .arg(e.imagesPerSecond, 0, 'f', 0)
                                     .arg(QString::fromStdString(clockTime(e.etaSeconds)));
                if (e.memoryBytes > 0) // peak GPU memory, or the resident set when on the CPU
                    status += tr(", memory %1 GiB")
                                  .arg(e.memoryBytes / (1024.0 * 1024.0 * 1024.0), 0, 'f', 2);
                m_status->setText(status);
            }
            break;
        case T::Epoch:
            run.epochs.push_back(e);
            ++m_runsRevision; // the comparison follows the live run epoch by epoch
            break;
        case T::Paused:
            m_status->setText(tr("Paused."));
            break;
        case T::Stage:
        case T::Resumed:
        case T::Checkpoint:
            break;
        case T::Cancelled:
            m_status->setText(tr("Stopped; checkpoint saved."));
            break;
        case T::Finished:
            m_progress->setValue(1000);
            m_status->setText(tr("Finished in %1: val accuracy %2%, %3 img/s.")
                                  .arg(QString::fromStdString(clockTime(e.elapsedSeconds)))
                                  .arg(100 * e.valAccuracy, 0, 'f', 2)
                                  .arg(e.imagesPerSecond, 0, 'f', 0));
            run.endSeconds = e.elapsedSeconds; // the ETA is spent
            break;
        case T::Error:
            m_status->setText(tr("Error: %1").arg(QString::fromStdString(e.message)));
            break;
        case T::Notice: // kept on the run's entry: the status line moves on with the next step
            if (QListWidgetItem* item = m_runList->item(m_liveRun))
                item->setToolTip(QString::fromStdString(e.message));
            m_status->setText(QString::fromStdString(e.message));
            break;
        }
    }
    m_dirty = true;
}

void TrainingPanel::onFinished(bool completed, bool cancelled, const QString& error) {
    QString dir;
    bool canContinue = false;
    double accuracy = std::numeric_limits<double>::quiet_NaN();
    if (m_liveRun >= 0 && m_liveRun < int(m_runs.size())) {
        RunCurves& run = m_runs[size_t(m_liveRun)];
        run.canContinue =
            !completed && QFileInfo::exists(run.dir + QLatin1Char('/') + train::kCheckpointFile);
        canContinue = run.canContinue;
        dir = run.dir;
        if (!run.epochs.empty()) accuracy = run.epochs.back().valAccuracy;
        if (!error.isEmpty()) { // kept in the list (its epochs so far stay drawn), marked
            QListWidgetItem* item = m_runList->item(m_liveRun);
            item->setText(tr("%1 — failed").arg(run.name));
            item->setToolTip(error);
        }
    }
    setRunning(false);
    if (!error.isEmpty())
        m_status->setText(tr("Error: %1").arg(error));
    else if (cancelled)
        m_status->setText(tr("Stopped; checkpoint saved in %1").arg(m_lastRunDir));
    m_dirty = true;
    if (!completed && !m_queue.empty()) {
        QString text = m_status->text(); // a sentence of its own after the folder's path
        if (!text.endsWith(QLatin1Char('.'))) text += QLatin1Char('.');
        if (cancelled && error.isEmpty() && canContinue) {
            // Stopped, not failed: the rest waits for the stopped run to go on.
            m_held = std::move(m_queue);
            m_heldAfter = dir;
            text +=
                QLatin1Char(' ') +
                (m_held.size() == 1 ? tr("Continue trains it on, then the run queued after it.")
                                    : tr("Continue trains it on, then the %1 runs queued after it.")
                                          .arg(m_held.size()));
        } else {
            text += QLatin1Char(' ') + notStarted(m_queue.size());
        }
        m_queue.clear();
        m_status->setText(text);
    }
    if (completed) Q_EMIT runCompleted(dir, accuracy);
    if (!dir.isEmpty()) Q_EMIT runEnded(dir, canContinue);
    if (completed) startNextQueued();
}

void TrainingPanel::replotIfDirty() {
    if (!m_dirty) return;
    m_dirty = false;
    if (m_comparison && m_comparison->isVisible()) refreshComparison();
    // Value ranges cover the shown runs: an overlay opened beside a live run stays in view.
    double maxLoss = 0, maxSize = 0, maxSpeed = 0;
    for (const RunCurves& r : m_runs) {
        if (!r.loss->visible()) continue;
        bool f0 = false, f1 = false, f2 = false;
        const QCPRange l = r.loss->getValueRange(f0), s = r.size->getValueRange(f1),
                       v = r.speed->getValueRange(f2);
        if (f0) maxLoss = std::max(maxLoss, l.upper);
        if (f1) maxSize = std::max(maxSize, s.upper);
        if (f2) maxSpeed = std::max(maxSpeed, v.upper);
    }
    if (maxLoss > 0) m_lossRect->axis(QCPAxis::atLeft)->setRange(0, std::max(0.1, maxLoss * 1.1));
    m_sizeRect->axis(QCPAxis::atLeft)->setRange(0, std::max(8.0, maxSize * 1.15));
    m_speedRect->axis(QCPAxis::atLeft)->setRange(0, std::max(1.0, maxSpeed * 1.15));
    if (xAxis() == XAxis::WallTime) updateXRange(); // the ETA moves the end
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int TrainingPanel::pointCount() const {
    if (m_runs.empty()) return 0;
    return m_runs.back().loss->data()->size() + m_runs.back().valAcc->data()->size();
}

QString TrainingPanel::statusText() const {
    return m_status->text();
}

bool TrainingPanel::exportMetricsCsv(const QString& path) const {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) return false;
    QTextStream out(&f);
    // metrics.csv's columns and number format, after the run's name.
    out << "run," << QString::fromStdString(train::metricsFileHeader()) << '\n';
    for (const RunCurves& r : m_runs)
        for (const auto& e : r.epochs)
            out << '"' << QString(r.name).replace('"', "\"\"") << "\","
                << QString::fromStdString(train::metricsRow(e)) << '\n';
    return true;
}

} // namespace scalescope
