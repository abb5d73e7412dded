#include "evaluationdialog.h"

#include "classscoremodel.h"
#include "percenttext.h"
#include "savetext.h"
#include "screenfit.h"
#include "tabletext.h"
#include "titledplot.h"
#include "train/runhistory.h"
#include "train/trainer.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace scalescope {

namespace {
constexpr int kCountLabelsUpTo = 12; // classes whose matrix cells get their counts written in
const QColor kTop1Color(0xd9, 0x53, 0x4f);
const QColor kTopKColor(0x42, 0x7b, 0xc4);
const QColor kTrainingSpan(0, 0, 0, 22);

QString sizesText(const std::vector<int>& sizes) {
    QStringList parts;
    for (int s : sizes)
        parts << QString::number(s);
    return parts.join(QStringLiteral(", "));
}
} // namespace

EvaluationDialog::EvaluationDialog(const QString& runDir, QWidget* parent)
    : QDialog(parent), m_runDir(runDir) {
    setWindowTitle(tr("Evaluate %1").arg(runDir));
    resizeWithinScreen(this, {980, 760});
    auto* layout = new QVBoxLayout(this);
    m_about = new QLabel(this);
    m_about->setWordWrap(true);
    m_about->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_about);

    auto* form = new QFormLayout;
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("evaluationDevice"));
    m_device->addItem(tr("the run's"), QString());
    if (train::cudaAvailable()) m_device->addItem(tr("GPU (cuda:0)"), QStringLiteral("cuda:0"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_sizes = new QLineEdit(this);
    m_sizes->setObjectName(QStringLiteral("evaluationSizes"));
    m_sizes->setToolTip(tr("Test image sizes in pixels: 64, or 48, 64, 96, or FROM:TO:STEP "
                           "such as 32:128:16"));
    m_samples = new QComboBox(this);
    m_samples->setObjectName(QStringLiteral("evaluationSamples"));
    m_samples->addItem(tr("the run's validation set"), -1);
    m_samples->addItem(tr("all of the dataset's test images"), 0);
    m_trained = new QCheckBox(tr("Score the trained weights, not their EMA"), this);
    m_trained->setObjectName(QStringLiteral("evaluationTrainedWeights"));
    m_trained->setToolTip(tr("The run validated (and saved) the average of its weights; the "
                             "trained ones can be ahead of it or behind"));
    form->addRow(tr("Test sizes"), m_sizes);
    form->addRow(tr("Test images"), m_samples);
    form->addRow(tr("Device"), m_device);
    form->addRow(m_trained);
    layout->addLayout(form);

    auto* row = new QHBoxLayout;
    m_evaluate = new QPushButton(tr("Evaluate"), this);
    m_evaluate->setObjectName(QStringLiteral("evaluateRun"));
    m_evaluate->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelEvaluation"));
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportEvaluation"));
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    row->addWidget(m_evaluate);
    row->addWidget(m_cancel);
    row->addWidget(m_progress, 1);
    row->addWidget(m_export);
    auto* classify = new QPushButton(tr("Classify images…"), this);
    classify->setObjectName(QStringLiteral("classifyWithRun"));
    classify->setToolTip(tr("Classify image files of your own with this run's weights"));
    row->addWidget(classify);
    connect(classify, &QPushButton::clicked, this,
            [this] { Q_EMIT classifyImagesRequested(m_runDir); });
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto* plots = new QSplitter(Qt::Horizontal, this);
    m_curve = titledPlot(plots, tr("Accuracy against the test image size"), 260);
    m_curve->xAxis->setLabel(tr("test image size (px)"));
    m_curve->yAxis->setLabel(tr("accuracy (%)"));
    plots->addWidget(m_curve);
    auto* matrixBox = new QWidget(plots);
    auto* matrixLayout = new QVBoxLayout(matrixBox);
    matrixLayout->setContentsMargins(0, 0, 0, 0);
    auto* sizeRow = new QHBoxLayout;
    m_atSize = new QComboBox(matrixBox);
    m_atSize->setObjectName(QStringLiteral("evaluationShownSize"));
    m_atSize->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    sizeRow->addWidget(new QLabel(tr("Confusion matrix and classes at"), matrixBox));
    sizeRow->addWidget(m_atSize);
    sizeRow->addStretch(1);
    matrixLayout->addLayout(sizeRow);
    m_matrix = new QCustomPlot(matrixBox);
    m_matrix->setMinimumHeight(260);
    m_matrix->xAxis->setLabel(tr("predicted"));
    m_matrix->yAxis->setLabel(tr("true class"));
    m_matrix->yAxis->setRangeReversed(true); // the first class on top, as in a table
    m_map = new QCPColorMap(m_matrix->xAxis, m_matrix->yAxis);
    m_map->setInterpolate(false);
    auto* scale = new QCPColorScale(m_matrix);
    m_matrix->plotLayout()->addElement(0, 1, scale);
    scale->setLabel(tr("share of the true class"));
    m_map->setColorScale(scale);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0, QColor(0xff, 0xff, 0xff));
    gradient.setColorStopAt(1, QColor(0x1f, 0x4e, 0x9c));
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(0, 1));
    auto* margins = new QCPMarginGroup(m_matrix);
    m_matrix->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    matrixLayout->addWidget(m_matrix, 1);
    plots->addWidget(matrixBox);
    layout->addWidget(plots, 2);

    m_classes = new ClassScoreModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("evaluationClasses"));
    m_table->setModel(m_classes);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    addCopyAction(m_table);
    layout->addWidget(m_table, 1);

    connect(m_evaluate, &QPushButton::clicked, this, &EvaluationDialog::evaluate);
    connect(m_cancel, &QPushButton::clicked, this, &EvaluationDialog::cancel);
    connect(m_export, &QPushButton::clicked, this, &EvaluationDialog::exportClicked);
    connect(m_atSize, &QComboBox::activated, this,
            [this](int i) { showSize(m_atSize->itemData(i).toInt()); });

    try {
        m_config = loadConfig((runDir + QLatin1Char('/') + train::kConfigFile).toStdString());
    } catch (const std::exception& e) {
        setStatus(tr("This folder cannot be evaluated — %1").arg(QString::fromStdString(e.what())),
                  true);
    }
    if (m_config) {
        const train::RunSizes rs = train::runSizes(*m_config);
        const auto [lo, hi] = std::minmax_element(rs.training.begin(), rs.training.end());
        const QString trained =
            *lo == *hi ? tr("%1 px").arg(*lo) : tr("%1–%2 px").arg(*lo).arg(*hi);
        m_about->setText(tr("<b>%1</b> on %2, %3 epochs; trained at %4, validated at %5 px.")
                             .arg(QString::fromStdString(m_config->preset.empty()
                                                             ? m_config->baseline.displayName
                                                             : m_config->preset),
                                  QString::fromStdString(m_config->training.dataset))
                             .arg(m_config->training.epochs)
                             .arg(trained)
                             .arg(rs.validated));
        m_sizes->setText(sizesText(train::suggestedTestSizes(*m_config)));
        m_trained->setVisible(m_config->training.emaDecay > 0);
        if (m_status->text().isEmpty())
            setStatus(tr("Not evaluated yet. The sizes suggested run from below the smallest "
                         "training size to 1.5× the validated one."),
                      false);
    } else {
        m_trained->setVisible(false);
    }
    connect(&m_job, &JobThread::progressed, this, [this](qint64 done, qint64 total) {
        // QProgressBar counts in int: per mille of the images.
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(1000 * done / total) : 0);
    });
    connect(&m_job, &JobThread::failed, this, [this](const QString& reason) {
        if (reason.isEmpty())
            setStatus(tr("Cancelled."), false);
        else
            setStatus(tr("Not evaluated — %1").arg(reason), true);
    });
    connect(&m_job, &JobThread::runningChanged, this, [this](bool running) {
        if (!running) {
            m_progress->setRange(0, 1);
            m_progress->setValue(0);
        }
        updateButtons();
        Q_EMIT evaluatingChanged(running);
    });
    updateButtons();
}

void EvaluationDialog::closeEvent(QCloseEvent* e) {
    cancel(); // the dialog may be opened again; the evaluation has no one to show it to
    QDialog::closeEvent(e);
}

void EvaluationDialog::evaluate() {
    if (m_job.isRunning() || !m_config) return;
    train::EvaluationRequest request;
    try {
        request.imageSizes = train::parseImageSizes("test sizes", m_sizes->text().toStdString());
        request.device = m_device->currentData().toString().toStdString();
        request.samples = m_samples->currentData().toInt();
        request.trainedWeights = !m_trained->isHidden() && m_trained->isChecked();
        train::validate(request);
    } catch (const ValidationError& e) {
        setStatus(tr("Not evaluated — %1").arg(QString::fromStdString(e.what())), true);
        return;
    }
    m_progress->setRange(0, 0); // busy while the images load
    setStatus(tr("Loading the test images and the checkpoint…"), false);
    const std::string dir = m_runDir.toStdString();
    m_job.start<train::EvaluationReport>(
        [dir, request](const JobThread::Control& c) {
            return train::evaluateRun(dir, request, c.cancelled, c.progress);
        },
        [this](const train::EvaluationReport& r) {
            m_report = r;
            showReport(r);
            const QString device = QString::fromStdString(r.device);
            setStatus(
                r.sizes.size() == 1
                    ? tr("Evaluated on %1: %2 test images at one size.").arg(device).arg(r.images)
                    : tr("Evaluated on %1: %2 test images at %3 sizes.")
                          .arg(device)
                          .arg(r.images)
                          .arg(r.sizes.size()),
                false);
            updateButtons();
            Q_EMIT evaluated();
        });
}

void EvaluationDialog::cancel() {
    m_job.cancel();
}

void EvaluationDialog::updateButtons() {
    const bool idle = !m_job.isRunning();
    m_evaluate->setEnabled(idle && m_config.has_value());
    m_cancel->setEnabled(!idle);
    m_export->setEnabled(m_report.has_value());
    for (QWidget* w : std::initializer_list<QWidget*>{m_sizes, m_samples, m_device, m_trained})
        w->setEnabled(idle && m_config.has_value());
}

void EvaluationDialog::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

QString EvaluationDialog::statusText() const {
    return m_status->text();
}

QString EvaluationDialog::summaryText() const {
    return m_summary->text();
}

int EvaluationDialog::shownSize() const {
    return m_atSize->currentIndex() >= 0 ? m_atSize->currentData().toInt() : 0;
}

void EvaluationDialog::showReport(const train::EvaluationReport& r) {
    const train::SizeEvaluation* best = r.best();
    const train::SizeEvaluation* validated = nullptr;
    for (const auto& s : r.sizes)
        if (s.imageSize == r.validatedSize) validated = &s;
    QString text = (r.weights == "EMA" ? tr("The EMA of the weights after %1 of %2 epochs, %3 "
                                            "test images of %4.")
                                       : tr("The trained weights after %1 of %2 epochs, %3 test "
                                            "images of %4."))
                       .arg(r.epochsTrained)
                       .arg(r.plannedEpochs)
                       .arg(r.images)
                       .arg(QString::fromStdString(r.dataset));
    if (best)
        text += QLatin1Char(' ') + tr("<b>Best: %1 top-1</b> (top-%2 %3) at <b>%4 px</b>.")
                                       .arg(percentText(best->top1))
                                       .arg(r.topK)
                                       .arg(percentText(best->topK))
                                       .arg(best->imageSize);
    if (validated && best && validated != best)
        text += QLatin1Char(' ') + tr("At the validated %1 px: %2, %3 points under.")
                                       .arg(validated->imageSize)
                                       .arg(percentText(validated->top1))
                                       .arg(100.0 * (best->top1 - validated->top1), 0, 'f', 2);
    m_summary->setText(text);
    m_atSize->clear();
    for (const auto& s : r.sizes)
        m_atSize->addItem(tr("%1 px (%2)").arg(s.imageSize).arg(percentText(s.top1)), s.imageSize);
    drawCurve(r);
    if (best) showSize(best->imageSize);
}

void EvaluationDialog::showSize(int imageSize) {
    if (!m_report) return;
    for (const auto& s : m_report->sizes) {
        if (s.imageSize != imageSize) continue;
        m_atSize->setCurrentIndex(m_atSize->findData(imageSize));
        m_classes->setScores(*m_report, s);
        drawMatrix(*m_report, s);
        return;
    }
}

void EvaluationDialog::drawCurve(const train::EvaluationReport& r) {
    m_curve->clearItems();
    m_curve->clearGraphs();
    QVector<double> x, top1, topK;
    for (const auto& s : r.sizes) {
        x << s.imageSize;
        top1 << 100.0 * s.top1;
        topK << 100.0 * s.topK;
    }
    auto* g1 = m_curve->addGraph();
    g1->setName(tr("top-1"));
    g1->setPen(QPen(kTop1Color, 2));
    g1->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    g1->setData(x, top1, /*alreadySorted=*/false);
    auto* gk = m_curve->addGraph();
    gk->setName(tr("top-%1").arg(r.topK));
    gk->setPen(QPen(kTopKColor, 2));
    gk->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    gk->setData(x, topK, false);
    double lo = *std::min_element(x.begin(), x.end()), hi = *std::max_element(x.begin(), x.end());
    if (!r.trainingSizes.empty()) {
        const auto [tlo, thi] = std::minmax_element(r.trainingSizes.begin(), r.trainingSizes.end());
        lo = std::min(lo, double(*tlo));
        hi = std::max(hi, double(*thi));
        // The sizes the run trained at, shaded: a test size outside them is extrapolation.
        auto* span = new QCPItemRect(m_curve);
        span->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        span->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        span->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        span->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        span->topLeft->setCoords(*tlo - 0.5, 0);
        span->bottomRight->setCoords(*thi + 0.5, 1);
        span->setPen(Qt::NoPen);
        span->setBrush(kTrainingSpan);
        span->setLayer(QStringLiteral("background"));
        auto* label = new QCPItemText(m_curve);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(0.5 * (*tlo + *thi), 0.98);
        label->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
        label->setText(tr("trained"));
        label->setColor(Qt::darkGray);
    }
    auto* line = new QCPItemStraightLine(m_curve);
    line->point1->setCoords(r.validatedSize, 0);
    line->point2->setCoords(r.validatedSize, 1);
    line->setPen(QPen(Qt::darkGray, 1, Qt::DashLine));
    lo = std::min(lo, double(r.validatedSize));
    hi = std::max(hi, double(r.validatedSize));
    const double pad = std::max(2.0, 0.05 * (hi - lo));
    m_curve->xAxis->setRange(lo - pad, hi + pad);
    double ymin = 100;
    for (double v : top1)
        ymin = std::min(ymin, v);
    m_curve->yAxis->setRange(std::max(0.0, std::floor(ymin / 10) * 10 - 5), 101);
    m_curve->legend->setVisible(true);
    m_curve->replot();
}

void EvaluationDialog::drawMatrix(const train::EvaluationReport& r,
                                  const train::SizeEvaluation& s) {
    const int n = int(r.classes.size());
    m_matrix->clearItems();
    m_map->data()->setSize(n, n);
    m_map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    for (int t = 0; t < n; ++t) {
        std::int64_t row = 0;
        for (int p = 0; p < n; ++p)
            row += s.confusion[size_t(t * n + p)];
        for (int p = 0; p < n; ++p) {
            const std::int64_t v = s.confusion[size_t(t * n + p)];
            const double share = row > 0 ? double(v) / double(row) : 0.0;
            m_map->data()->setCell(p, t, share);
            if (n <= kCountLabelsUpTo && v > 0) {
                auto* count = new QCPItemText(m_matrix);
                count->position->setCoords(p, t);
                count->setText(QString::number(v));
                count->setColor(share > 0.5 ? Qt::white : Qt::black);
                count->setClipToAxisRect(true);
            }
        }
    }
    auto names = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < n; ++i)
        names->addTick(i, QString::fromStdString(r.classes[size_t(i)]));
    m_matrix->xAxis->setTicker(names);
    m_matrix->yAxis->setTicker(names);
    m_matrix->xAxis->setTickLabelRotation(n > 5 ? 45 : 0);
    m_matrix->xAxis->setRange(-0.5, n - 0.5);
    m_matrix->yAxis->setRange(-0.5, n - 0.5);
    m_matrix->replot();
}

bool EvaluationDialog::exportCsv(const QString& path, QString* why) const {
    if (!m_report) {
        if (why) *why = tr("nothing has been evaluated yet");
        return false;
    }
    return saveText(path, train::evaluationCsv(*m_report), why);
}

void EvaluationDialog::exportClicked() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the evaluation"),
                                                      m_runDir + QStringLiteral("/evaluation.csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    QString why;
    if (!exportCsv(path, &why)) QMessageBox::warning(this, tr("Not exported"), why);
}

} // namespace scalescope
