#include "speedpanel.h"

#include "explorerdocument.h"
#include "modeldescription.h"
#include "savetext.h"
#include "scaling/format.h"
#include "tabletext.h"
#include "titledplot.h"
#include "train/trainer.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace scalescope {

namespace {
constexpr int kCpuBatch = 8;       // a CPU measurement of B0 at 224 px then takes seconds
constexpr int kDefaultRepeats = 3; // passes timed per measurement; the median is shown
constexpr int kMaxRepeats = 100;   // beyond that the median moves no more
constexpr int kWarmup = 1;         // untimed first pass (allocations, first-call setup)
constexpr int kColumns = 6;        // stage, MACs, forward, backward, GMAC/s, against the reference
constexpr int kRefColumn = 5;      // hidden without a reference whose stages pair with these
const QColor kTimeColor(0xd9, 0x53, 0x4f);
const QColor kMacsColor(0x42, 0x7b, 0xc4);

QString ratio(double r) {
    return QStringLiteral("×") + QString::number(r, 'f', 2);
}

QString msText(double ms) {
    return QString::number(ms, 'f', ms < 10 ? 2 : 1);
}
} // namespace

SpeedPanel::SpeedPanel(ExplorerDocument* doc, QWidget* parent) : QWidget(parent), m_doc(doc) {
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Multiply-adds are not time: a stage of depthwise convolutions does its few slowly. "
           "Measure times this model here, with random images and the training settings."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("speedDevice"));
    if (train::cudaAvailable()) m_device->addItem(tr("GPU (cuda:0)"), QStringLiteral("cuda:0"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_batch = new QSpinBox(this);
    m_batch->setObjectName(QStringLiteral("speedBatch"));
    m_batch->setRange(1, 4096);
    m_batch->setValue(train::cudaAvailable() ? m_doc->config().training.batchSize : kCpuBatch);
    m_imageSize = new QSpinBox(this);
    m_imageSize->setObjectName(QStringLiteral("speedImageSize"));
    m_imageSize->setRange(7, 4096); // 7 is the special value: the model's own size
    m_imageSize->setSpecialValueText(tr("the model's"));
    m_imageSize->setValue(7);
    m_imageSize->setSuffix(tr(" px"));
    m_repeats = new QSpinBox(this);
    m_repeats->setObjectName(QStringLiteral("speedRepeats"));
    m_repeats->setRange(1, kMaxRepeats);
    m_repeats->setValue(kDefaultRepeats);
    form->addRow(tr("Device"), m_device);
    form->addRow(tr("Batch"), m_batch);
    form->addRow(tr("Image size"), m_imageSize);
    form->addRow(tr("Timed passes"), m_repeats);
    layout->addLayout(form);

    auto* row = new QHBoxLayout;
    m_measure = new QPushButton(tr("Measure"), this);
    m_measure->setObjectName(QStringLiteral("measureSpeed"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelSpeed"));
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    row->addWidget(m_measure);
    row->addWidget(m_cancel);
    row->addWidget(m_progress, 1);
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto* refRow = new QHBoxLayout;
    m_pin = new QPushButton(tr("Pin as reference"), this);
    m_pin->setObjectName(QStringLiteral("pinSpeedReference"));
    m_pin->setToolTip(tr("Set the next measurements against this one: edit the model (say, "
                         "Fused-MBConv in its early stages), measure again, and read the ratios."));
    m_unpin = new QPushButton(tr("Clear reference"), this);
    m_unpin->setObjectName(QStringLiteral("clearSpeedReference"));
    refRow->addWidget(m_pin);
    refRow->addWidget(m_unpin);
    refRow->addStretch(1);
    layout->addLayout(refRow);
    m_compare = new QLabel(this);
    m_compare->setWordWrap(true);
    m_compare->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compare->hide();
    layout->addWidget(m_compare);
    connect(m_pin, &QPushButton::clicked, this, &SpeedPanel::pinReference);
    connect(m_unpin, &QPushButton::clicked, this, &SpeedPanel::clearReference);

    m_plot = titledPlot(this, tr("Per stage: share of the time and of the MACs"), 200);
    m_plot->yAxis->setLabel(tr("%"));
    m_group = new QCPBarsGroup(m_plot);
    layout->addWidget(m_plot, 1);

    // Five narrow columns fit the dock (a sixth with a reference); the block's name is the
    // stage cell's tooltip.
    m_table = new QTableWidget(0, kColumns, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Stage"), tr("MACs"), tr("Fwd ms"), tr("Bwd ms"), tr("GMAC/s"), tr("× ref")});
    m_table->setColumnHidden(kRefColumn, true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    addCopyAction(m_table);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setToolTip(tr("Forward and backward of each stage alone, one batch, median of the "
                           "timed passes; GMAC/s is forward multiply-adds per second."));
    layout->addWidget(m_table, 1);

    connect(m_measure, &QPushButton::clicked, this, &SpeedPanel::measure);
    connect(m_cancel, &QPushButton::clicked, this, &SpeedPanel::cancel);
    connect(doc, &ExplorerDocument::changed, this, &SpeedPanel::markStale);
    connect(&m_job, &JobThread::progressed, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
    });
    connect(&m_job, &JobThread::failed, this, [this](const QString& reason) {
        if (reason.isEmpty())
            setStatus(tr("Cancelled."), false);
        else
            setStatus(tr("Not measured — %1").arg(reason), true);
    });
    connect(&m_job, &JobThread::runningChanged, this, [this](bool running) {
        if (!running) {
            m_progress->setRange(0, 1);
            m_progress->setValue(0);
        }
        updateButtons();
        Q_EMIT measuringChanged(running);
    });
    setStatus(tr("Not measured yet."), false);
    updateButtons();
}

void SpeedPanel::measure() {
    if (m_job.isRunning() || m_training) return;
    train::SpeedRequest request;
    request.device = m_device->currentData().toString().toStdString();
    request.batch = m_batch->value();
    request.imageSize = m_imageSize->value() == m_imageSize->minimum() ? 0 : m_imageSize->value();
    request.repeats = m_repeats->value();
    request.warmup = kWarmup;
    const ScaleConfig config = m_doc->config();
    m_measured = config;
    m_request = request;

    m_progress->setRange(0, 0); // busy until the first pass reports its total
    setStatus(tr("Measuring…"), false);
    m_job.start<train::SpeedReport>(
        [config, request](const JobThread::Control& c) {
            return train::measureSpeed(config, request, c.cancelled,
                                       [&c](int done, int total) { c.progress(done, total); });
        },
        [this](const train::SpeedReport& r) {
            m_report = r;
            m_stale = false;
            showReport(r);
            setStatus(tr("Measured on %1.").arg(QString::fromStdString(r.device)), false);
            markStale(); // the document may have changed while it measured
            updateButtons();
        });
}

bool SpeedPanel::exportCsv(const QString& path, QString* why) const {
    if (!m_report) {
        if (why) *why = tr("nothing has been measured yet (Speed dock → Measure)");
        return false;
    }
    return saveText(path, train::speedReportCsv(*m_report), why);
}

void SpeedPanel::pinReference() {
    if (!m_report) return;
    ScaledArch arch = scale(m_measured.baseline, m_measured.request);
    arch.resolution = m_report->imageSize; // the measured size, which may be another
    m_ref = Reference{*m_report, tr("%1, batch %2, %3")
                                     .arg(describeModel(arch))
                                     .arg(m_report->batch)
                                     .arg(QString::fromStdString(m_report->device))};
    showReport(*m_report);
    updateButtons();
}

void SpeedPanel::clearReference() {
    m_ref.reset();
    if (m_report) showReport(*m_report);
    m_compare->hide();
    m_table->setColumnHidden(kRefColumn, true);
    updateButtons();
}

QString SpeedPanel::comparisonText() const {
    return m_ref ? m_compare->text() : QString();
}

void SpeedPanel::cancel() {
    m_job.cancel();
}

void SpeedPanel::setTrainingRunning(bool running) {
    m_training = running;
    if (running) cancel();
    updateButtons();
}

void SpeedPanel::updateButtons() {
    m_measure->setEnabled(!m_job.isRunning() && !m_training);
    m_measure->setToolTip(m_training ? tr("A training run is using the machine.") : QString());
    m_cancel->setEnabled(m_job.isRunning());
    m_pin->setEnabled(m_report.has_value());
    m_unpin->setEnabled(m_ref.has_value());
}

void SpeedPanel::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

QString SpeedPanel::statusText() const {
    return m_status->text();
}

QString SpeedPanel::summaryText() const {
    return m_summary->text();
}

void SpeedPanel::markStale() {
    if (!m_report || m_stale || train::sameSpeedInputs(m_measured, m_doc->config(), m_request))
        return;
    m_stale = true;
    setStatus(tr("The model changed since this measurement: measure again to see its speed."),
              false);
}

void SpeedPanel::showReport(const train::SpeedReport& r) {
    QString text =
        tr("<b>Training step</b> %1 ms: <b>%2 img/s</b> (%3%4)<br><b>Inference</b> %5 ms: "
           "<b>%6 img/s</b><br>%7 px, batch %8, %9%10")
            .arg(msText(r.trainStepMs))
            .arg(r.trainImagesPerSecond(), 0, 'f', 1)
            .arg(QString::fromStdString(r.optimizer), r.graphed ? tr(", CUDA graph") : QString())
            .arg(msText(r.inferenceMs))
            .arg(r.inferenceImagesPerSecond(), 0, 'f', 1)
            .arg(r.imageSize)
            .arg(r.batch)
            .arg(r.bf16 ? tr("bf16 autocast") : tr("fp32"),
                 r.threads == 1  ? tr(", 1 CPU thread")
                 : r.threads > 1 ? tr(", %1 CPU threads").arg(r.threads)
                                 : QString());
    if (r.peakMemoryBytes >= 0)
        text += tr("<br>Peak memory of the training step %1 (the cost model: %2)")
                    .arg(QString::fromStdString(shortBytes(r.peakMemoryBytes)),
                         QString::fromStdString(shortBytes(r.estimatedMemoryBytes)));
    m_summary->setText(text);

    std::optional<train::SpeedComparison> ref;
    if (m_ref) ref = train::compareSpeed(r, m_ref->report);
    m_compare->setVisible(ref.has_value());
    m_table->setColumnHidden(kRefColumn, !ref || ref->stageTime.empty());
    if (ref)
        m_compare->setText(
            tr("<b>Against the reference</b> (%1), per image: training step %2, inference %3, "
               "MACs %4, peak memory %5")
                .arg(m_ref->what, ratio(ref->trainStep), ratio(ref->inference), ratio(ref->macs),
                     std::isnan(ref->peakMemory) ? tr("— (another batch)")
                                                 : ratio(ref->peakMemory)));
    m_table->clearContents();
    m_table->setRowCount(int(r.segments.size()));
    const auto shares = train::stageShares(r);
    QVector<double> ticks, timeShare, macShare;
    QVector<QString> labels;
    for (int i = 0; i < int(r.segments.size()); ++i) {
        const auto& s = r.segments[size_t(i)];
        const QStringList cells = {QString::fromStdString(s.name),
                                   QString::fromStdString(shortCount(double(s.macs))),
                                   msText(s.forwardMs), msText(s.backwardMs),
                                   QString::number(s.forwardGmacsPerSecond(r.batch), 'f', 1)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c >= 1) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 0) item->setToolTip(QString::fromStdString(s.label));
            m_table->setItem(i, c, item);
        }
        if (ref && !ref->stageTime.empty()) {
            auto* item = new QTableWidgetItem(ratio(ref->stageTime[size_t(i)]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(i, kRefColumn, item);
        }
        ticks << i;
        timeShare << shares[size_t(i)].time;
        macShare << shares[size_t(i)].macs;
        // "stage 3" -> "3": nine labels fit under the bars of a narrow dock.
        const QString name = QString::fromStdString(s.name);
        labels << (name.startsWith(QLatin1String("stage ")) ? name.mid(6) : name);
    }

    m_plot->clearPlottables();
    auto* time = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    time->setName(tr("time (forward + backward)"));
    time->setBrush(kTimeColor);
    time->setPen(Qt::NoPen);
    time->setWidth(0.38);
    time->setBarsGroup(m_group);
    time->setData(ticks, timeShare);
    auto* macs = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    macs->setName(tr("MACs"));
    macs->setBrush(kMacsColor);
    macs->setPen(Qt::NoPen);
    macs->setWidth(0.38);
    macs->setBarsGroup(m_group);
    macs->setData(ticks, macShare);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTicks(ticks, labels);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, ticks.size() - 0.4);
    double top = 0;
    for (int i = 0; i < ticks.size(); ++i)
        top = std::max({top, timeShare[i], macShare[i]});
    m_plot->yAxis->setRange(0, top * 1.1 + 1);
    m_plot->replot();
}

} // namespace scalescope
