#include "runcomparisondialog.h"

#include "percenttext.h"
#include "runcolours.h"
#include "runcomparisonmodel.h"
#include "scaling/format.h"
#include "screenfit.h"
#include "tabletext.h"
#include "titledplot.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <stdexcept>

namespace scalescope {

namespace {
// "1–3, 7": runs of consecutive seeds as ranges.
QString seedList(std::vector<std::uint64_t> seeds) {
    std::sort(seeds.begin(), seeds.end());
    QStringList parts;
    for (size_t i = 0; i < seeds.size();) {
        size_t j = i;
        while (j + 1 < seeds.size() && seeds[j + 1] == seeds[j] + 1)
            ++j;
        parts << (j >= i + 2 ? QStringLiteral("%1–%2").arg(seeds[i]).arg(seeds[j])
                             : QString::number(seeds[i]));
        if (j == i + 1) parts << QString::number(seeds[j]);
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

RunComparisonDialog::RunComparisonDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Compare runs"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Reference"), this));
    m_reference = new QComboBox(this);
    m_reference->setObjectName(QStringLiteral("reference"));
    m_reference->setToolTip(tr("The run the others are set against: usually fixed-size training "
                               "at the final image size"));
    m_reference->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(m_reference, 1);
    m_meanSeeds = new QCheckBox(tr("Average over seeds"), this);
    m_meanSeeds->setObjectName(QStringLiteral("meanSeeds"));
    m_meanSeeds->setToolTip(
        tr("Runs whose configurations differ only in their seed become one row: their mean "
           "accuracy and time after each epoch, over the epochs all of them have trained. One "
           "seed's accuracy on a small validation set moves by a point or more. Δ final is "
           "then taken seed by seed, with its standard error."));
    top->addWidget(m_meanSeeds);
    layout->addLayout(top);
    m_model = new RunComparisonModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RunComparisonModel::Run, QHeaderView::Stretch);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    m_plot = titledPlot(split, tr("Validation accuracy against wall time"), 200);
    m_plot->setObjectName(QStringLiteral("comparisonPlot"));
    m_plot->xAxis->setLabel(tr("wall time (s)"));
    m_plot->yAxis->setLabel(tr("val accuracy (%)"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_target = new QCPItemStraightLine(m_plot);
    m_target->setPen(QPen(Qt::darkGray, 1, Qt::DashLine));
    m_target->setVisible(false);
    m_targetText = new QCPItemText(m_plot);
    // Under the line at the left, where the curves start low; above it, 100% would clip it.
    m_targetText->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_targetText->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_targetText->position->setTypeY(QCPItemPosition::ptPlotCoords);
    m_targetText->setColor(Qt::darkGray);
    m_targetText->setVisible(false);
    split->addWidget(m_plot);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setSizes({170, 340}); // a few rows; the curves get the rest
    layout->addWidget(split, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("The table (or its selected rows) as tab-separated text, for a "
                        "spreadsheet"));
    layout->addWidget(buttons);
    const auto toClipboard = [this] {
        if (const QString text = tableText(); !text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    };
    connect(copy, &QPushButton::clicked, this, toClipboard);
    QPushButton* save = buttons->addButton(tr("Save plot…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("savePlot"));
    save->setToolTip(tr("The curves under the table as a PNG or PDF file"));
    connect(save, &QPushButton::clicked, this, [this] {
        QString selected;
        QString path = QFileDialog::getSaveFileName(
            this, tr("Save the plot"), QStringLiteral("comparison.png"),
            tr("PNG image (*.png);;PDF document (*.pdf)"), &selected);
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) // the type chosen in the dialog
            path += selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                                                            : QStringLiteral(".png");
        QString why;
        if (!savePlot(path, &why)) QMessageBox::warning(this, tr("Not saved"), why);
    });
    auto* copyKey = new QAction(tr("Copy"), m_view);
    copyKey->setShortcut(QKeySequence::Copy);
    copyKey->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copyKey);
    connect(copyKey, &QAction::triggered, this, toClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reference, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 0 || i >= int(m_groups.size())) return;
        m_referenceName = m_runs[size_t(m_groups[size_t(i)].members.front())].name;
        recompute();
    });
    connect(m_meanSeeds, &QCheckBox::toggled, this, [this] { recompute(); });
    resizeWithinScreen(this, {900, 640});
    recompute();
}

void RunComparisonDialog::setRuns(std::vector<Entry> runs) {
    m_runs = std::move(runs);
    recompute();
}

void RunComparisonDialog::setMeanOverSeeds(bool on) {
    m_meanSeeds->setChecked(on); // recomputes through toggled
}

bool RunComparisonDialog::meanOverSeeds() const {
    return m_meanSeeds->isChecked();
}

void RunComparisonDialog::setReference(int row) {
    m_reference->setCurrentIndex(row); // recomputes through currentIndexChanged
}

int RunComparisonDialog::reference() const {
    return m_reference->currentIndex();
}

QString RunComparisonDialog::summary() const {
    return m_summary->text();
}

QString RunComparisonDialog::tableText() const {
    return m_view->selectionModel()->hasSelection() ? selectedRowsText(m_view)
                                                    : allRowsText(m_view);
}

void RunComparisonDialog::recompute() {
    std::vector<train::ComparedRun> runs;
    std::vector<std::string> schedules;
    for (const Entry& e : m_runs) {
        runs.push_back(e.run);
        if (!m_meanSeeds->isChecked()) runs.back().seedGroup.clear(); // each run alone
        schedules.push_back(e.schedule.toStdString());
    }
    int referenceRun = -1;
    for (size_t i = 0; i < m_runs.size() && referenceRun < 0; ++i)
        if (m_runs[i].name == m_referenceName) referenceRun = int(i);
    if (referenceRun < 0 && !runs.empty()) referenceRun = train::defaultReference(schedules);
    m_referenceName = referenceRun >= 0 ? m_runs[size_t(referenceRun)].name : QString();
    // The rows (means) come with the comparison; where it is refused, they are still listed.
    train::RunComparison c;
    QString refused;
    try {
        train::SeedComparison sc = train::compareSeedMeans(runs, std::max(0, referenceRun));
        m_groups = std::move(sc.groups);
        c = std::move(sc.comparison);
    } catch (const std::invalid_argument& e) {
        refused = QString::fromStdString(e.what());
        m_groups = train::meanOverSeeds(runs);
    }
    QStringList names, groupSchedules, validations;
    int referenceRow = -1;
    for (size_t g = 0; g < m_groups.size(); ++g) {
        const train::SeedMean& group = m_groups[g];
        const Entry& first = m_runs[size_t(group.members.front())];
        QString name = first.name;
        if (group.members.size() > 1) // first, as the column elides the end
            name = tr("Mean of %1 seeds (%2): %3")
                       .arg(group.members.size())
                       .arg(seedList(group.seeds), meanName(group));
        names << name;
        groupSchedules << first.schedule;
        validations << QString::fromStdString(group.run.validation);
        for (int m : group.members)
            if (m == referenceRun) referenceRow = int(g);
    }
    {
        // Refilled only when the rows change, not at each epoch of a live run: an open
        // list would close under the user's pointer.
        const QSignalBlocker block(m_reference);
        bool same = m_reference->count() == names.size();
        for (int i = 0; same && i < names.size(); ++i)
            same = m_reference->itemText(i) == names[i];
        if (!same) {
            m_reference->clear();
            m_reference->addItems(names);
        }
        m_reference->setCurrentIndex(referenceRow);
    }
    if (m_runs.size() < 2) {
        m_model->clear();
        plotComparison(nullptr);
        m_summary->setText(tr("Show at least two runs on the training tab (train, open or tick "
                              "them) to compare them: a fixed-size run and a progressive one, "
                              "say."));
        return;
    }
    if (!refused.isEmpty()) {
        m_model->clear();
        plotComparison(nullptr);
        m_summary->setText(tr("Not compared — %1").arg(refused));
        return;
    }
    plotComparison(&c);
    const train::RunComparisonRow& ref = c.rows[size_t(c.reference)];
    QString text =
        tr("The reference ended at %1, which it first reached after epoch %2 (%3 of wall "
           "time). × time is each run's time to that accuracy as a share of the reference's; "
           "EfficientNetV2 reports 0.35–0.71× for progressive learning.")
            .arg(percentText(c.target))
            .arg(ref.reachedEpoch)
            .arg(QString::fromStdString(clockTime(ref.reachedSeconds)));
    const int other = int(std::count_if(c.rows.begin(), c.rows.end(),
                                        [](const auto& r) { return !r.sameValidation; }));
    if (other > 0)
        text += QLatin1Char(' ') +
                (other == 1 ? tr("1 run (greyed) validated on other images than the reference: "
                                 "its accuracies do not compare.")
                            : tr("%1 runs (greyed) validated on other images than the "
                                 "reference: their accuracies do not compare.")
                                  .arg(other));
    if (std::any_of(m_groups.begin(), m_groups.end(),
                    [](const train::SeedMean& g) { return g.members.size() > 1; }))
        text += QLatin1Char(' ') + tr("A row of several seeds is their mean over the epochs all "
                                      "of them have trained; its Δ final is taken seed by seed.");
    m_summary->setText(text);
    m_model->setComparison(names, groupSchedules, validations, std::move(c));
}

bool RunComparisonDialog::savePlot(const QString& path, QString* why) const {
    const auto refuse = [why](const QString& reason) {
        if (why) *why = reason;
        return false;
    };
    if (m_model->rowCount() == 0)
        return refuse(tr("nothing is compared yet: show at least two runs on the training tab"));
    const QFileInfo file(path);
    const QString suffix = file.suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf"))
        return refuse(tr("%1: a plot is saved as .png or .pdf").arg(path));
    if (!file.absoluteDir().exists())
        return refuse(tr("%1: the folder %2 does not exist").arg(path, file.absolutePath()));
    const bool ok =
        suffix == QLatin1String("png") ? m_plot->savePng(path, 0, 0, 2.0) : m_plot->savePdf(path);
    return ok || refuse(tr("%1 could not be written").arg(path));
}

QString RunComparisonDialog::meanName(const train::SeedMean& group) const {
    const Entry& first = m_runs[size_t(group.members.front())];
    QStringList numbers;
    for (int m : group.members)
        if (const int n = m_runs[size_t(m)].number; n > 0) numbers << QStringLiteral("#%1").arg(n);
    if (first.description.isEmpty()) return first.name; // nothing to leave the seed out of
    // The numbers last: the column elides the end, and what the seeds share says more.
    return numbers.isEmpty()
               ? first.description
               : tr("%1 — runs %2").arg(first.description, numbers.join(QStringLiteral(", ")));
}

void RunComparisonDialog::plotComparison(const train::RunComparison* c) {
    m_plot->clearGraphs();
    m_target->setVisible(c != nullptr);
    m_targetText->setVisible(c != nullptr);
    if (!c) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    double lastSeconds = 0;
    for (size_t g = 0; g < m_groups.size(); ++g) {
        const train::SeedMean& group = m_groups[g];
        const int firstRun = group.members.front();
        const Entry& first = m_runs[size_t(firstRun)];
        const QColor colour = first.colour.isValid() ? first.colour : runColour(firstRun);
        const bool reference = int(g) == c->reference;
        QCPGraph* curve = m_plot->addGraph();
        curve->setPen(QPen(colour, reference ? 2.6 : 1.6));
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
        // The legend keeps to the run's number and schedule: the table has the whole name.
        QString label = first.number > 0 ? QStringLiteral("#%1").arg(first.number) : first.name;
        if (!first.schedule.isEmpty()) label += QLatin1Char(' ') + first.schedule;
        if (group.members.size() > 1)
            label = tr("%1, mean of %2 seeds").arg(label).arg(group.members.size());
        if (reference) label = tr("%1 (reference)").arg(label);
        curve->setName(label);
        for (const train::TrainEvent& e : group.run.epochs) {
            if (!std::isfinite(e.valAccuracy)) continue; // not validated that epoch
            curve->addData(e.elapsedSeconds, 100 * e.valAccuracy);
            lastSeconds = std::max(lastSeconds, e.elapsedSeconds);
        }
        if (const train::RunComparisonRow& r = c->rows[g]; r.reachedEpoch > 0) {
            const auto at = std::find_if(
                group.run.epochs.begin(), group.run.epochs.end(),
                [&](const train::TrainEvent& e) { return e.epoch + 1 == r.reachedEpoch; });
            QCPGraph* reached = m_plot->addGraph();
            reached->setObjectName(QStringLiteral("reached"));
            reached->setName(tr("%1 reached the reference's final accuracy").arg(label));
            reached->setLineStyle(QCPGraph::lsNone);
            reached->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, 13));
            if (at != group.run.epochs.end())
                reached->addData(r.reachedSeconds, 100 * at->valAccuracy);
            reached->removeFromLegend();
        }
    }
    m_target->point1->setCoords(0, 100 * c->target);
    m_target->point2->setCoords(1, 100 * c->target);
    m_targetText->position->setCoords(0.01, 100 * c->target);
    m_targetText->setText(tr("the reference's final %1").arg(percentText(c->target)));
    m_plot->xAxis->setRange(0, std::max(1.0, lastSeconds * 1.04));
    bool found = false;
    QCPRange accuracy;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        bool ok = false;
        const QCPRange r = m_plot->graph(i)->getValueRange(ok);
        if (ok)
            accuracy = found ? QCPRange(std::min(accuracy.lower, r.lower),
                                        std::max(accuracy.upper, r.upper))
                             : r;
        found = found || ok;
    }
    if (found) {
        const double pad = std::max(0.5, 0.05 * accuracy.size());
        m_plot->yAxis->setRange(std::max(0.0, accuracy.lower - pad),
                                std::min(100.0 + pad, accuracy.upper + pad));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace scalescope
