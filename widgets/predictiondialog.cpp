#include "predictiondialog.h"

#include "droppedpaths.h"

#include "predictionmodel.h"
#include "savetext.h"
#include "scaling/limits.h"
#include "screenfit.h"
#include "tabletext.h"
#include "train/evaluation.h"
#include "train/runhistory.h"
#include "train/trainer.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace scalescope {

namespace {
constexpr int kRowPadding = 6; // around a thumbnail in its row
} // namespace

PredictionDialog::PredictionDialog(const QString& runDir, QWidget* parent)
    : QDialog(parent), m_runDir(runDir) {
    setWindowTitle(tr("Classify images with %1").arg(runDir));
    setAcceptDrops(true);
    resizeWithinScreen(this, {900, 760});
    auto* layout = new QVBoxLayout(this);
    m_about = new QLabel(this);
    m_about->setWordWrap(true);
    m_about->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_about);

    auto* form = new QFormLayout;
    m_size = new QSpinBox(this);
    m_size->setObjectName(QStringLiteral("predictionSize"));
    m_size->setRange(limits::kMinResolution, limits::kMaxResolution);
    m_size->setSuffix(tr(" px"));
    m_size->setToolTip(tr("The test size each file's square is resized to; the run's validated "
                          "size unless you change it"));
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("predictionDevice"));
    m_device->addItem(tr("the run's"), QString());
    if (train::cudaAvailable()) m_device->addItem(tr("GPU (cuda:0)"), QStringLiteral("cuda:0"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_trained = new QCheckBox(tr("Use the trained weights, not their EMA"), this);
    m_trained->setObjectName(QStringLiteral("predictionTrainedWeights"));
    form->addRow(tr("Test size"), m_size);
    form->addRow(tr("Device"), m_device);
    form->addRow(m_trained);
    layout->addLayout(form);

    auto* row = new QHBoxLayout;
    m_addFiles = new QPushButton(tr("Add images…"), this);
    m_addFiles->setObjectName(QStringLiteral("addPredictionImages"));
    m_addFolder = new QPushButton(tr("Add folder…"), this);
    m_addFolder->setObjectName(QStringLiteral("addPredictionFolder"));
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setObjectName(QStringLiteral("clearPredictionImages"));
    m_classify = new QPushButton(tr("Classify again"), this);
    m_classify->setObjectName(QStringLiteral("classifyImages"));
    m_classify->setDefault(true); // Return after a new test size classifies at it
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelPrediction"));
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportPrediction"));
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(false);
    m_progress->hide(); // shown while classifying
    for (QPushButton* b : {m_addFiles, m_addFolder, m_clear, m_classify, m_cancel})
        row->addWidget(b);
    row->addWidget(m_progress, 1);
    row->addStretch(); // holds the buttons together while the progress bar is hidden
    row->addWidget(m_export);
    layout->addLayout(row);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_mistakes = new QCheckBox(tr("Only the files not of their folder's class"), this);
    m_mistakes->setObjectName(QStringLiteral("predictionMistakesOnly"));
    m_mistakes->hide(); // until a folder names a class
    layout->addWidget(m_mistakes);

    m_model = new PredictionModel(this);
    m_filter = new PredictionFilter(this);
    m_filter->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("predictionTable"));
    m_table->setModel(m_filter);
    // Sortable by a header click; until then in the order the files were given.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setColumnHidden(PredictionModel::Label, true); // until a folder names a class
    m_table->setIconSize(QSize(PredictionModel::kThumbnailPx, PredictionModel::kThumbnailPx));
    m_table->verticalHeader()->setDefaultSectionSize(PredictionModel::kThumbnailPx + kRowPadding);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* open = new QAction(tr("Open image"), m_table);
    auto* copy = new QAction(tr("Copy"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(open);
    m_table->addAction(copy);
    connect(open, &QAction::triggered, this, &PredictionDialog::openSelected);
    connect(copy, &QAction::triggered, this, &PredictionDialog::copySelection);
    connect(m_table, &QTableView::doubleClicked, this, &PredictionDialog::openSelected);
    layout->addWidget(m_table, 1);

    connect(m_mistakes, &QCheckBox::toggled, m_filter, &PredictionFilter::setMistakesOnly);
    connect(m_addFiles, &QPushButton::clicked, this, &PredictionDialog::addFilesClicked);
    connect(m_addFolder, &QPushButton::clicked, this, &PredictionDialog::addFolderClicked);
    connect(m_clear, &QPushButton::clicked, this, &PredictionDialog::clearImages);
    connect(m_classify, &QPushButton::clicked, this, &PredictionDialog::classify);
    connect(m_cancel, &QPushButton::clicked, this, &PredictionDialog::cancel);
    connect(m_export, &QPushButton::clicked, this, &PredictionDialog::exportClicked);

    try {
        m_config = loadConfig((runDir + QLatin1Char('/') + train::kConfigFile).toStdString());
    } catch (const std::exception& e) {
        setStatus(
            tr("This folder cannot classify images — %1").arg(QString::fromStdString(e.what())),
            true);
    }
    if (m_config) {
        const train::RunSizes rs = train::runSizes(*m_config);
        m_size->setValue(rs.validated);
        m_about->setText(tr("<b>%1</b> trained on %2 for %3 epochs, validated at %4 px. Each "
                            "file is brought to the form of its test images first, a centred "
                            "square (shown in the table as the model is given it), then resized "
                            "to the test size.")
                             .arg(QString::fromStdString(m_config->preset.empty()
                                                             ? m_config->baseline.displayName
                                                             : m_config->preset),
                                  QString::fromStdString(m_config->training.dataset))
                             .arg(m_config->training.epochs)
                             .arg(rs.validated));
        m_trained->setVisible(m_config->training.emaDecay > 0);
        if (m_status->text().isEmpty())
            setStatus(tr("Add image files or a folder, or drop them here."), false);
    } else {
        m_trained->setVisible(false);
    }
    connect(&m_job, &JobThread::progressed, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000); // per mille: QProgressBar counts in int
        m_progress->setValue(total > 0 ? int(1000 * done / total) : 0);
    });
    connect(&m_job, &JobThread::failed, this, [this](const QString& reason) {
        if (reason.isEmpty())
            setStatus(tr("Cancelled."), false);
        else
            setStatus(tr("Not classified — %1").arg(reason), true);
        if (m_again && !reason.isEmpty()) m_again = false; // the same refusal again
        if (m_again) classify();
    });
    connect(&m_job, &JobThread::runningChanged, this, [this](bool running) {
        if (!running) m_progress->hide();
        updateButtons();
        Q_EMIT classifyingChanged(running);
    });
    updateButtons();
}

void PredictionDialog::closeEvent(QCloseEvent* e) {
    cancel();
    QDialog::closeEvent(e);
}

void PredictionDialog::dragEnterEvent(QDragEnterEvent* e) {
    if (m_config && !droppedPaths(e->mimeData()).isEmpty()) e->acceptProposedAction();
}

void PredictionDialog::dropEvent(QDropEvent* e) {
    const QStringList paths = droppedPaths(e->mimeData());
    if (paths.isEmpty()) return;
    e->acceptProposedAction();
    addPaths(paths);
}

void PredictionDialog::addPaths(const QStringList& paths) {
    if (!m_config) return;
    QStringList refused;
    for (const QString& p : paths) {
        try { // a path that is missing, or a folder without images, is named and left out
            train::imageFilesIn({p.toStdString()});
            m_paths << p;
        } catch (const ValidationError& e) {
            refused << QString::fromStdString(e.reason());
        }
    }
    if (!refused.isEmpty()) {
        setStatus(tr("Not added — %1").arg(refused.join(QStringLiteral("; "))), true);
        if (refused.size() == paths.size()) return;
    }
    if (m_job.isRunning()) {
        m_again = true;
        return;
    }
    classify();
}

void PredictionDialog::clearImages() {
    if (m_job.isRunning()) return;
    m_paths.clear();
    m_report.reset();
    m_model->clear();
    m_mistakes->setChecked(false);
    m_mistakes->hide();
    m_table->setColumnHidden(PredictionModel::Label, true);
    setStatus(tr("Add image files or a folder, or drop them here."), false);
    updateButtons();
}

void PredictionDialog::classify() {
    if (m_job.isRunning() || !m_config) return;
    if (m_paths.isEmpty()) {
        setStatus(tr("Nothing to classify: add image files or a folder first."), true);
        return;
    }
    train::PredictionRequest request;
    request.imageSize = m_size->value();
    request.device = m_device->currentData().toString().toStdString();
    request.trainedWeights = !m_trained->isHidden() && m_trained->isChecked();
    request.keepInputSize = PredictionModel::kThumbnailPx; // the table's thumbnails
    try {
        train::validate(request);
    } catch (const ValidationError& e) {
        setStatus(tr("Not classified — %1").arg(QString::fromStdString(e.what())), true);
        return;
    }
    m_again = false;
    m_progress->setRange(0, 0); // busy while the checkpoint loads
    m_progress->show();
    setStatus(tr("Loading the checkpoint and the images…"), false);
    const std::string dir = m_runDir.toStdString();
    std::vector<std::string> files;
    for (const QString& p : m_paths)
        files.push_back(p.toStdString());
    m_job.start<train::PredictionReport>(
        [dir, files, request](const JobThread::Control& c) {
            return train::predictImages(dir, files, request, c.cancelled, c.progress);
        },
        [this](const train::PredictionReport& r) { showReport(r); });
}

void PredictionDialog::showReport(const train::PredictionReport& r) {
    m_model->setReport(r);
    m_report = m_model->report(); // without the inputs, which are its thumbnails now
    const int failed = r.failed();
    const int n = int(r.images.size());
    QString text =
        tr("Classified %1 of %2 images on %3 with the %4 weights after %5 epochs, "
           "at %6 px.")
            .arg(n - failed)
            .arg(n)
            .arg(QString::fromStdString(r.device), r.weights == "EMA" ? tr("EMA") : tr("trained"))
            .arg(r.epochsTrained)
            .arg(r.imageSize);
    if (failed > 0)
        text += QLatin1Char(' ') + tr("%1 could not be read: see their rows.").arg(failed);
    const auto score = r.labelledScore();
    if (score.images > 0) {
        std::size_t listed = 0;
        for (const auto& p : r.images)
            listed = std::max(listed, p.top.size());
        text += QLatin1Char(' ') +
                tr("Of the %1 in a folder named after a class, %2 are that class (top-1 "
                   "%3%), %4 among the first %5 (%6%).")
                    .arg(score.images)
                    .arg(score.top1)
                    .arg(100.0 * score.top1 / score.images, 0, 'f', 2)
                    .arg(score.topK)
                    .arg(listed)
                    .arg(100.0 * score.topK / score.images, 0, 'f', 2);
    }
    m_table->setColumnHidden(PredictionModel::Label, score.images == 0);
    m_mistakes->setVisible(score.images > 0);
    if (score.images == 0) m_mistakes->setChecked(false);
    setStatus(text, failed == n);
    updateButtons();
    Q_EMIT classified();
    if (m_again) classify();
}

void PredictionDialog::cancel() {
    if (!m_job.isRunning()) return;
    m_again = false;
    m_job.cancel();
}

void PredictionDialog::updateButtons() {
    const bool idle = !m_job.isRunning() && m_config.has_value();
    m_classify->setEnabled(idle && !m_paths.isEmpty());
    m_cancel->setEnabled(m_job.isRunning());
    m_export->setEnabled(m_report.has_value());
    m_clear->setEnabled(idle && !m_paths.isEmpty());
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_addFiles, m_addFolder, m_size, m_device, m_trained})
        w->setEnabled(m_config.has_value() && (w == m_addFiles || w == m_addFolder || idle));
}

void PredictionDialog::setStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

QString PredictionDialog::statusText() const {
    return m_status->text();
}

QString PredictionDialog::selectedText() const {
    // The image's whole path, where the table shows its name.
    return selectedRowsText(m_table, [this](const QModelIndex& i) {
        if (i.column() != PredictionModel::Image) return QString();
        return QString::fromStdString(
            m_model->report().images[std::size_t(m_filter->mapToSource(i).row())].path);
    });
}

void PredictionDialog::copySelection() const {
    const QString text = selectedText();
    if (!text.isEmpty()) QGuiApplication::clipboard()->setText(text);
}

void PredictionDialog::openSelected() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) return;
    const int source = m_filter->mapToSource(current).row();
    const QString path = QString::fromStdString(m_model->report().images[std::size_t(source)].path);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        setStatus(tr("No program here opens %1").arg(path), true);
}

bool PredictionDialog::exportCsv(const QString& path, QString* why) const {
    if (!m_report) {
        if (why) *why = tr("nothing has been classified yet");
        return false;
    }
    return saveText(path, train::predictionCsv(*m_report), why);
}

void PredictionDialog::addFilesClicked() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Images to classify"), QString(),
        tr("Images (*.jpg *.jpeg *.png *.bmp *.webp);;All files (*)"));
    addPaths(files);
}

void PredictionDialog::addFolderClicked() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("A folder of images"));
    if (!dir.isEmpty()) addPaths({dir});
}

void PredictionDialog::exportClicked() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the classifications"),
                                                      m_runDir + QStringLiteral("/predictions.csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    QString why;
    if (!exportCsv(path, &why)) QMessageBox::warning(this, tr("Not exported"), why);
}

} // namespace scalescope
