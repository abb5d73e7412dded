#include "scalingstudydialog.h"

#include "accuracytext.h"
#include "dialogbuttons.h"
#include "droppedpaths.h"
#include "explorerdocument.h"
#include "offguithread.h"
#include "savetext.h"
#include "scaling/format.h"
#include "screenfit.h"
#include "tabletext.h"
#include "titledplot.h"
#include "train/studyruns.h"
#include "train/trainer.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace scalescope {

namespace {
const StudyStrategy kStrategies[] = {StudyStrategy::Compound, StudyStrategy::Depth,
                                     StudyStrategy::Width, StudyStrategy::Resolution};

QColor colorOf(StudyStrategy s) {
    switch (s) {
    case StudyStrategy::Compound:
        return QColor(0x42, 0x7b, 0xc4);
    case StudyStrategy::Depth:
        return QColor(0xe0, 0x7b, 0x25);
    case StudyStrategy::Width:
        return QColor(0x3a, 0x9a, 0x4a);
    case StudyStrategy::Resolution:
        return QColor(0x8e, 0x5b, 0xb8);
    case StudyStrategy::Baseline:
        break;
    }
    return QColor(0x33, 0x33, 0x33);
}

QString nameOf(StudyStrategy s) {
    switch (s) {
    case StudyStrategy::Baseline:
        return ScalingStudyDialog::tr("as configured");
    case StudyStrategy::Compound:
        return ScalingStudyDialog::tr("compound");
    case StudyStrategy::Depth:
        return ScalingStudyDialog::tr("depth only");
    case StudyStrategy::Width:
        return ScalingStudyDialog::tr("width only");
    case StudyStrategy::Resolution:
        return ScalingStudyDialog::tr("resolution only");
    }
    return {};
}

// One strategy's curve: the configured model (φ 0) and its own points, in φ order.
std::vector<const StudyPoint*> curveOf(const std::vector<StudyPoint>& points, StudyStrategy s) {
    std::vector<const StudyPoint*> out;
    for (const StudyPoint& p : points)
        if (p.strategy == s || p.strategy == StudyStrategy::Baseline) out.push_back(&p);
    std::stable_sort(out.begin(), out.end(),
                     [](const StudyPoint* a, const StudyPoint* b) { return a->phi < b->phi; });
    return out;
}
} // namespace

void StudyPointModel::setPoints(std::vector<StudyPoint> points) {
    beginResetModel();
    m_points = std::move(points);
    endResetModel();
}

void StudyPointModel::setAccuracy(const ScaleConfig& config, double accuracy) {
    setAccuracies({{config, accuracy}});
}

void StudyPointModel::setAccuracies(const std::vector<std::pair<ScaleConfig, double>>& list) {
    for (const auto& [config, accuracy] : list)
        m_results.setAccuracy(config, accuracy);
    if (!m_points.empty())
        Q_EMIT dataChanged(index(0, Accuracy), index(int(m_points.size()) - 1, Reward));
    Q_EMIT accuraciesChanged();
}

std::optional<double> StudyPointModel::accuracy(const StudyPoint& run) const {
    return m_results.accuracy(run.config);
}

const StudyPoint* StudyPointModel::baseline() const {
    for (const StudyPoint& p : m_points)
        if (p.strategy == StudyStrategy::Baseline) return &p;
    return nullptr;
}

AccuracySummary StudyPointModel::summary(const StudyPoint& point) const {
    std::vector<double> list;
    for (int k = 0; k < m_seeds; ++k)
        if (const auto a = accuracy(studyRun(point, k))) list.push_back(*a);
    return summarizeAccuracies(list);
}

std::vector<double> StudyPointModel::accuracyBySeed(const StudyPoint& point) const {
    std::vector<double> out;
    for (int k = 0; k < m_seeds; ++k)
        out.push_back(accuracy(studyRun(point, k)).value_or(NAN));
    return out;
}

std::optional<PairedDifference> StudyPointModel::againstCompound(const StudyPoint& p) const {
    if (m_seeds < 2 || p.strategy == StudyStrategy::Compound ||
        p.strategy == StudyStrategy::Baseline)
        return std::nullopt;
    for (const StudyPoint& c : m_points)
        if (c.strategy == StudyStrategy::Compound && c.phi == p.phi)
            return pairedDifference(accuracyBySeed(p), accuracyBySeed(c));
    return std::nullopt;
}

bool StudyPointModel::hasPairedColumn() const {
    return std::any_of(m_points.begin(), m_points.end(),
                       [this](const StudyPoint& p) { return againstCompound(p).has_value(); });
}

void StudyPointModel::setSeeds(int seeds) {
    m_seeds = std::max(1, seeds);
    if (!m_points.empty())
        Q_EMIT dataChanged(index(0, Accuracy), index(int(m_points.size()) - 1, Reward));
}

void StudyPointModel::setNote(const ScaleConfig& config, const QString& note) {
    m_results.setNote(config, note);
    if (!m_points.empty())
        Q_EMIT dataChanged(index(0, Accuracy), index(int(m_points.size()) - 1, Reward));
}

QString StudyPointModel::note(const StudyPoint& p) const {
    for (int k = 0; k < m_seeds; ++k) // the first of its runs with one
        if (QString text = m_results.note(studyRun(p, k).config); !text.isEmpty()) return text;
    return {};
}

int StudyPointModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_points.size());
}

int StudyPointModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StudyPointModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section == Reward)
        return tr("EfficientNet-B0's search objective, accuracy × (MACs tested ÷ the φ 0 "
                  "model's)^−0.07: each point's accuracy discounted by what it costs more. "
                  "Twice the MACs must buy 5% more accuracy to pay.");
    if (role == Qt::ToolTipRole && section == Paired)
        return tr("Points above or below compound scaling at the same φ, seed by seed, with the "
                  "standard error; in brackets the seeds where the point scored higher");
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Strategy:
        return tr("Scaled by");
    case Phi:
        return tr("φ");
    case Depth:
        return tr("Depth ×");
    case Width:
        return tr("Width ×");
    case Size:
        return tr("Image px");
    case TrainSize:
        return tr("Trains at px");
    case Params:
        return tr("Parameters");
    case Macs:
        return tr("MACs");
    case TestMacs:
        return tr("MACs tested");
    case Nominal:
        return tr("Nominal MACs ×");
    case Real:
        return tr("Real MACs ×");
    case Accuracy:
        return tr("Val accuracy");
    case Paired:
        return tr("Δ compound");
    case Reward:
        return tr("Reward");
    }
    return {};
}

QVariant StudyPointModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_points.size())) return {};
    const StudyPoint& p = m_points[size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Strategy ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                          : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Strategy) return colorOf(p.strategy);
    if (role == Qt::ForegroundRole && index.column() == Accuracy && summary(p).count == 0)
        return QColor(Qt::gray); // a note, not a result
    if (role == Qt::ToolTipRole && index.column() == Accuracy && m_seeds > 1) {
        std::vector<std::pair<std::uint64_t, std::optional<double>>> bySeed;
        for (int k = 0; k < m_seeds; ++k) {
            const StudyPoint run = studyRun(p, k);
            bySeed.emplace_back(run.config.training.seed, accuracy(run));
        }
        return seedsToolTip(bySeed);
    }
    if (role == Qt::ToolTipRole && index.column() == Paired)
        if (const auto d = againstCompound(p); d && d->difference.count > 0)
            return tr("Points above or below compound scaling at φ %1, seed by seed: the mean "
                      "of %2 differences ± its standard error; higher at %3 of them (the "
                      "count in brackets). A seed "
                      "trains both on the same images and validates them on the same set, so "
                      "the set's own difficulty cancels.")
                .arg(p.phi)
                .arg(d->difference.count)
                .arg(d->higher);
    if (role == Qt::ToolTipRole && index.column() == TestMacs)
        return tr("At the %1 px it is validated at").arg(p.testImageSize);
    if (role == Qt::ToolTipRole && index.column() == Size && p.resolution != p.uncappedResolution)
        return tr("%1 px, capped to %2 px by the image size cap")
            .arg(p.uncappedResolution)
            .arg(p.resolution);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Strategy:
        return nameOf(p.strategy);
    case Phi:
        return QString::number(p.phi, 'g', 4);
    case Depth:
        return QString::number(p.depthMultiplier, 'f', 3);
    case Width:
        return QString::number(p.widthMultiplier, 'f', 3);
    case Size:
        return p.resolution != p.uncappedResolution ? QString("%1*").arg(p.resolution)
                                                    : QString::number(p.resolution);
    case TrainSize:
        return p.trainImageSize;
    case Params:
        return QString::fromStdString(shortCount(double(p.params)));
    case Macs:
        return QString::fromStdString(shortCount(double(p.macs)));
    case TestMacs:
        return QString::fromStdString(shortCount(double(p.testMacs)));
    case Nominal:
        return QString::number(p.nominalMacsRatio, 'f', 2);
    case Real:
        return QString::number(p.macsRatio, 'f', 2);
    case Accuracy:
        const AccuracySummary a = summary(p);
        if (a.count == 0) { // trained without a validation at its end, or not trained
            for (int k = 0; k < m_seeds; ++k)
                if (accuracy(studyRun(p, k))) return percentText(NAN);
            return note(p);
        }
        return summaryText(a, m_seeds);
    }
    if (index.column() == Paired) {
        const auto d = againstCompound(p);
        if (!d || d->difference.count == 0) return {};
        return pairedText(*d);
    }
    if (index.column() == Reward) {
        const AccuracySummary a = summary(p);
        const StudyPoint* base = baseline();
        if (a.count == 0 || !base) return {};
        return summaryText(rewardSummary(a, p.testMacs, base->testMacs), m_seeds);
    }
    return {};
}

ScalingStudyDialog::ScalingStudyDialog(ExplorerDocument* doc, QWidget* parent)
    : QDialog(parent), m_doc(doc) {
    setWindowTitle(tr("Scaling study: compound against one dimension"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("EfficientNet's Figures 3 and 8: the current model grown by depth, width or "
           "resolution alone, and by all three at once, to the same nominal MACs "
           "(α·β²·γ²)^φ: depth alone by that factor, width or resolution alone by its square "
           "root. φ counts from the model as it is now, the first point of every curve; training "
           "sizes set on the training tab grow with each point's resolution. Train "
           "queues the points on the training tab with its settings; each one's final "
           "validation accuracy is drawn against its MACs at the size it was validated at."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_phis = new QLineEdit(QStringLiteral("1,2"), this);
    m_phis->setObjectName(QStringLiteral("phis"));
    m_phis->setToolTip(tr("A list (0.5,1,2) or a range FROM:TO:STEP (1:3:1)"));
    form->addRow(tr("φ of the points"), m_phis);
    m_seeds = new QSpinBox(this);
    m_seeds->setObjectName(QStringLiteral("seeds"));
    m_seeds->setRange(1, kMaxStudySeeds);
    m_seeds->setToolTip(tr("Each point is trained at the training seed and the next ones; its "
                           "accuracy is their mean, drawn with its standard error. On a small "
                           "set one run's accuracy moves by points between seeds."));
    connect(m_seeds, &QSpinBox::valueChanged, this, &ScalingStudyDialog::study);
    form->addRow(tr("Seeds per point"), m_seeds);
    auto* boxes = new QHBoxLayout;
    for (StudyStrategy s : kStrategies) {
        auto* box = new QCheckBox(nameOf(s), this);
        box->setChecked(true);
        box->setObjectName(QString::fromStdString(toString(s)));
        m_strategies[s] = box;
        boxes->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ScalingStudyDialog::study);
    }
    boxes->addStretch(1);
    form->addRow(tr("Scaled by"), boxes);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_model = new StudyPointModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setVisible(false);
    m_view->setMinimumSize(900, 200);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    addCopyAction(m_view);
    layout->addWidget(m_view, 1);
    auto* plots = new QHBoxLayout;
    m_macsPlot = titledPlot(this, tr("MACs against φ (dashed: nominal)"), 260);
    m_macsPlot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_macsPlot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    m_macsPlot->xAxis->setLabel(tr("φ"));
    m_macsPlot->yAxis->setLabel(tr("G MACs"));
    m_accuracyPlot = titledPlot(this, tr("Validation accuracy against MACs"), 260);
    m_accuracyPlot->xAxis->setLabel(tr("G MACs at the size validated at"));
    m_accuracyPlot->yAxis->setLabel(tr("accuracy %"));
    plots->addWidget(m_macsPlot, 1);
    plots->addWidget(m_accuracyPlot, 1);
    layout->addLayout(plots, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_train = buttons->addButton(tr("Train"), QDialogButtonBox::ActionRole);
    m_train->setObjectName(QStringLiteral("train"));
    m_train->setToolTip(tr("Trains the selected points (all of them when none is selected) that "
                           "have no accuracy yet, with the training tab's settings, one after "
                           "the other; Stop ends the queue"));
    m_open = buttons->addButton(tr("Open study…"), QDialogButtonBox::ActionRole);
    m_open->setObjectName(QStringLiteral("openStudy"));
    m_open->setToolTip(tr("Shows a study trained before, here or by scalescope-cli study --train"));
    auto* exportButton = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    exportButton->setToolTip(tr("Every point with its costs and the accuracy of those trained, "
                                "as scalescope-cli study --train writes study.csv"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export the study as CSV"),
                                         QStringLiteral("study.csv"), tr("CSV table (*.csv)"));
        QString why;
        if (!path.isEmpty() && !exportCsv(path, &why))
            QMessageBox::warning(this, tr("Not exported"), why);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Open a scaling study folder"),
            QString::fromStdString(train::defaultStudyDir()).section(QLatin1Char('/'), 0, -2));
        if (!dir.isEmpty()) openStudyInBackground(dir);
    });
    connect(m_train, &QPushButton::clicked, this, [this] {
        const std::vector<StudyPoint> points = pointsToTrain();
        if (!points.empty())
            Q_EMIT trainRequested(points);
        else
            m_message->setText(tr("Every point asked for is trained already."));
    });
    noDefaultButtons(buttons); // Return in a field does not train
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_phis, &QLineEdit::editingFinished, this, &ScalingStudyDialog::study);
    // The points are the document's model grown: any edit of it, or of the training settings
    // each point trains with, is another study.
    connect(m_doc, &ExplorerDocument::changed, this, [this] {
        if (isVisible())
            study();
        else
            m_stale = true;
    });
    connect(m_model, &StudyPointModel::accuraciesChanged, this, &ScalingStudyDialog::replot);
    study();
    m_reader.setMaxThreadCount(1);         // an open and a record never overlap
    resizeWithinScreen(this, {1160, 820}); // every column of the table, both plots and the buttons
    setAcceptDrops(true);                  // a folder, as Open opens it
}

void ScalingStudyDialog::dragEnterEvent(QDragEnterEvent* e) {
    // While Open could be pressed: not during a read or a run.
    if (!droppedFolder(e->mimeData()).isEmpty() && m_open->isEnabled()) e->acceptProposedAction();
}

void ScalingStudyDialog::dropEvent(QDropEvent* e) {
    const QString dir = droppedFolder(e->mimeData());
    if (dir.isEmpty()) return;
    e->acceptProposedAction();
    openStudyInBackground(dir);
}

void ScalingStudyDialog::showEvent(QShowEvent* e) {
    if (m_stale) study();
    QDialog::showEvent(e);
}

QString ScalingStudyDialog::message() const {
    return m_message->text();
}

void ScalingStudyDialog::setPhis(const QString& text) {
    m_phis->setText(text);
    study();
}

void ScalingStudyDialog::setStrategyChecked(StudyStrategy s, bool checked) {
    const auto it = m_strategies.find(s);
    if (it != m_strategies.end()) it->second->setChecked(checked); // studies again if toggled
}

void ScalingStudyDialog::study() {
    m_stale = false;
    const ScaleConfig& c = m_doc->config();
    StudySpec spec;
    spec.strategies.clear();
    spec.seeds = m_seeds->value();
    for (StudyStrategy s : kStrategies)
        if (m_strategies[s]->isChecked()) spec.strategies.push_back(s);
    try {
        spec.phis = parsePhiList(m_phis->text().toStdString(), "study.phis");
        m_model->setPoints(studyPoints(c, spec));
        m_model->setSeeds(spec.seeds);
        m_spec = spec;
        m_message->setText(tr("%1 points for %2 with α %3, β %4, γ %5 (α·β²·γ² = %6).")
                               .arg(m_model->rowCount())
                               .arg(QString::fromStdString(c.baseline.displayName))
                               .arg(c.request.coefficients.alpha)
                               .arg(c.request.coefficients.beta)
                               .arg(c.request.coefficients.gamma)
                               .arg(c.request.coefficients.flopsBase(), 0, 'f', 4));
    } catch (const ValidationError& e) {
        m_model->setPoints({});
        m_message->setText(tr("Refused — %1").arg(QString::fromStdString(e.what())));
    }
    m_view->setColumnHidden(StudyPointModel::Paired, !m_model->hasPairedColumn());
    m_train->setEnabled(m_model->rowCount() > 0);
    replot();
}

std::vector<StudyPoint> ScalingStudyDialog::pointsToTrain() const {
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        for (int r = 0; r < m_model->rowCount(); ++r)
            rows.push_back(m_model->index(r, 0));
    std::sort(rows.begin(), rows.end());
    // Seed by seed: a stop after the first pass still leaves every point trained once.
    std::vector<StudyPoint> out;
    for (int k = 0; k < m_model->seeds(); ++k)
        for (const QModelIndex& i : rows) {
            StudyPoint run = studyRun(m_model->point(i.row()), k);
            if (!m_model->accuracy(run)) out.push_back(std::move(run));
        }
    return out;
}

void ScalingStudyDialog::setSeeds(int seeds) {
    m_seeds->setValue(seeds); // studies again if changed
}

bool ScalingStudyDialog::exportCsv(const QString& path, QString* why) const {
    const std::vector<StudyPoint> runs = studyRuns(m_model->points(), m_model->seeds());
    std::vector<StudyResult> results;
    for (const StudyPoint& run : runs) {
        StudyResult r;
        const auto acc = m_model->accuracy(run);
        r.state = acc ? "trained" : "not trained";
        if (acc) {
            r.valAccuracy = *acc;
            if (!m_dir.isEmpty())
                r.runDir =
                    (m_dir + QLatin1Char('/') + QString::fromStdString(run.runName)).toStdString();
        }
        results.push_back(r);
    }
    return saveText(path, studyCsv(runs, results), why);
}

void ScalingStudyDialog::setTrainingRunning(bool running) {
    m_trainingRunning = running;
    m_open->setEnabled(!running && m_reader.activeThreadCount() == 0);
}

QString ScalingStudyDialog::studyDir() {
    if (m_dir.isEmpty()) m_dir = QString::fromStdString(train::defaultStudyDir());
    return m_dir;
}

namespace {
// recordStudy's disk work, without the window: `held` first, a new folder where `held` holds
// a study of another configuration. Safe on any thread.
struct Recorded {
    QString dir;   // empty: refused
    QString note;  // why a new folder was taken
    QString error; // why none could be recorded
};
Recorded recordStudyIn(const QString& held, const ScaleConfig& base, const StudySpec& spec) {
    Recorded r;
    try {
        train::recordStudy(held.toStdString(), base, spec, "study folder");
        r.dir = held;
    } catch (const ValidationError& e) {
        // The model or the training settings changed since this folder's study: a new one,
        // so that neither study's points are mixed into the other's.
        r.note =
            ScalingStudyDialog::tr("(a new folder: %1)").arg(QString::fromStdString(e.reason()));
        const QString fresh = QString::fromStdString(train::defaultStudyDir());
        try {
            train::recordStudy(fresh.toStdString(), base, spec, "study folder");
            r.dir = fresh;
        } catch (const std::exception& again) {
            r.error = QString::fromStdString(again.what());
        }
    } catch (const std::exception& e) {
        r.error = QString::fromStdString(e.what());
    }
    return r;
}
} // namespace

QString ScalingStudyDialog::recordStudy(const ScaleConfig& base, QString* why) {
    const Recorded r = recordStudyIn(studyDir(), base, m_spec);
    if (r.dir.isEmpty()) {
        if (why) *why = r.error;
        return {};
    }
    showRecorded(r.dir, r.note);
    return r.dir;
}

void ScalingStudyDialog::recordStudyInBackground(
    const ScaleConfig& base, std::function<void(const QString& dir, const QString& why)> done) {
    m_train->setEnabled(false); // one record at a time, and no second queue meanwhile
    m_open->setEnabled(false);
    const QString held = studyDir();
    m_message->setText(tr("Recording the study in %1…").arg(held));
    runOffGuiThread<Recorded>(
        m_reader, this, [held, base, spec = m_spec] { return recordStudyIn(held, base, spec); },
        [this, done = std::move(done)](const Recorded& r, const QString&) {
            m_open->setEnabled(!m_trainingRunning);
            if (r.dir.isEmpty()) {
                study(); // the table's own message again, and Train back
                done({}, r.error);
                return;
            }
            showRecorded(r.dir, r.note);
            done(r.dir, {});
        });
}

void ScalingStudyDialog::showRecorded(const QString& dir, const QString& note) {
    m_dir = dir;
    study(); // the points' line, then where they train
    m_message->setText(m_message->text() + QLatin1Char(' ') +
                       tr("Training into %1 %2").arg(m_dir, note).trimmed());
}

bool ScalingStudyDialog::openStudy(const QString& dir, QString* why) {
    train::StudyFolder folder;
    try {
        folder = train::readStudyFolder(dir.toStdString());
    } catch (const std::exception& e) {
        if (why) *why = QString::fromStdString(e.what());
        return false;
    }
    return showStudy(dir, folder, why);
}

void ScalingStudyDialog::openStudyInBackground(const QString& dir) {
    m_open->setEnabled(false);
    m_message->setText(tr("Reading %1…").arg(dir));
    runOffGuiThread<train::StudyFolder>(
        m_reader, this, [dir] { return train::readStudyFolder(dir.toStdString()); },
        [this, dir](const train::StudyFolder& folder, const QString& error) {
            QString why = error;
            const bool ok = error.isEmpty() && !m_trainingRunning && showStudy(dir, folder, &why);
            if (error.isEmpty() && m_trainingRunning)
                why = tr("a run started training meanwhile; open it again after it ends");
            m_open->setEnabled(!m_trainingRunning);
            if (!ok) {
                study(); // the message the table had before
                auto* box = new QMessageBox(QMessageBox::Warning, tr("Not a scaling study"), why,
                                            QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open(); // window-modal, without a nested event loop
            }
            Q_EMIT studyOpened(ok);
        });
}

bool ScalingStudyDialog::showStudy(const QString& dir, const train::StudyFolder& folder,
                                   QString* why) {
    std::vector<double> phis;
    std::vector<StudyStrategy> strategies;
    const ScaleConfig* base = nullptr;
    int seeds = 1;
    if (folder.manifest) { // what was asked for, the points not trained yet too
        base = &folder.manifest->base;
        phis = folder.manifest->spec.phis;
        strategies = folder.manifest->spec.strategies;
        seeds = folder.manifest->spec.seeds;
    }
    std::vector<std::pair<ScaleConfig, double>> accuracies;
    for (const train::StudyRun& run : folder.runs) {
        StudyStrategy s;
        double phi = 0;
        std::int64_t seed = -1;
        if (!parseStudyRunName(run.name, s, phi, &seed)) continue; // another kind of run folder
        if (run.finished)
            accuracies.emplace_back(run.config, run.finalValAccuracy);
        else
            m_model->setNote(run.config, tr("stopped"));
        if (folder.manifest) continue;
        if (seed >= 0) continue; // the points come from the configured seed's runs
        if (s == StudyStrategy::Baseline) {
            base = &run.config;
        } else {
            if (std::find(phis.begin(), phis.end(), phi) == phis.end()) phis.push_back(phi);
            if (std::find(strategies.begin(), strategies.end(), s) == strategies.end())
                strategies.push_back(s);
        }
    }
    m_model->setAccuracies(accuracies); // one replot, not one per run read
    if (phis.empty()) {
        if (why)
            *why = tr("%1 holds no point of a scaling study (folders named like "
                      "compound-phi1)")
                       .arg(dir);
        return false;
    }
    m_dir = dir;
    std::sort(phis.begin(), phis.end());
    QStringList list;
    for (double phi : phis)
        list << QString::number(phi, 'g', QLocale::FloatingPointShortest); // read back exact
    m_phis->setText(list.join(QLatin1Char(',')));
    {
        const QSignalBlocker block(m_seeds);
        m_seeds->setValue(seeds);
    }
    for (StudyStrategy s : kStrategies) {
        const QSignalBlocker block(m_strategies[s]);
        m_strategies[s]->setChecked(std::find(strategies.begin(), strategies.end(), s) !=
                                    strategies.end());
    }
    // The points are the configured model grown: make it the one the study started from.
    if (base && !(*base == m_doc->config())) m_doc->setConfig(*base);
    study();
    const auto recorded = std::count_if(folder.runs.begin(), folder.runs.end(),
                                        [](const train::StudyRun& r) { return r.recorded; });
    if (recorded > 0)
        m_message->setText(m_message->text() + QLatin1Char(' ') +
                           tr("%1 of its results are study.csv's: their run folders are not in "
                              "%2, and Train does not train them again.")
                               .arg(recorded)
                               .arg(dir));
    if (!folder.skipped.empty())
        m_message->setText(m_message->text() + QLatin1Char(' ') +
                           tr("Not read: %1").arg(QString::fromStdString(folder.skipped.front())));
    return true;
}

int ScalingStudyDialog::accuracyPointCount(StudyStrategy s) const {
    for (int i = 0; i < m_accuracyPlot->graphCount(); ++i)
        if (m_accuracyPlot->graph(i)->property("strategy").toInt() == int(s))
            return m_accuracyPlot->graph(i)->data()->size();
    return 0;
}

void ScalingStudyDialog::replot() {
    const std::vector<StudyPoint>& points = m_model->points();
    m_macsPlot->clearGraphs();
    m_accuracyPlot->clearPlottables(); // the curves and their error bars
    const StudyPoint* base = nullptr;
    for (const StudyPoint& p : points)
        if (p.strategy == StudyStrategy::Baseline) base = &p;
    double minAcc = 100, maxAcc = 0;
    for (StudyStrategy s : kStrategies) {
        const std::vector<const StudyPoint*> curve = curveOf(points, s);
        if (std::none_of(curve.begin(), curve.end(),
                         [s](const StudyPoint* p) { return p->strategy == s; }))
            continue;
        const QColor color = colorOf(s);
        auto* macs = m_macsPlot->addGraph();
        macs->setName(nameOf(s));
        macs->setPen(QPen(color, 2));
        macs->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, 6));
        auto* acc = m_accuracyPlot->addGraph();
        acc->setName(nameOf(s));
        acc->setProperty("strategy", int(s));
        acc->setPen(QPen(color, 2));
        acc->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, 7));
        struct Mean {
            double macs, accuracy, error;
        };
        std::vector<Mean> means;
        for (const StudyPoint* p : curve) {
            macs->addData(p->phi, double(p->macs) / 1e9);
            const AccuracySummary a = m_model->summary(*p);
            if (a.count > 0 && std::isfinite(a.mean))
                means.push_back({double(p->testMacs) / 1e9, 100 * a.mean,
                                 std::isfinite(a.standardError) ? 100 * a.standardError : 0.0});
        }
        // The error bars go by index into the graph's data, which is sorted by MACs.
        std::stable_sort(means.begin(), means.end(),
                         [](const Mean& a, const Mean& b) { return a.macs < b.macs; });
        QVector<double> errors;
        for (const Mean& m : means) {
            acc->addData(m.macs, m.accuracy);
            errors.push_back(m.error);
            minAcc = std::min(minAcc, m.accuracy - m.error);
            maxAcc = std::max(maxAcc, m.accuracy + m.error);
        }
        if (m_model->seeds() > 1 && !errors.isEmpty()) { // the mean ± its standard error
            auto* bars = new QCPErrorBars(m_accuracyPlot->xAxis, m_accuracyPlot->yAxis);
            bars->removeFromLegend();
            bars->setDataPlottable(acc);
            bars->setPen(QPen(color, 1.5));
            bars->setData(errors);
        }
    }
    // Where the search reward of each point equals the configured model's: a point above the
    // line pays for its MACs as the search that found EfficientNet-B0 counted, one below not.
    const AccuracySummary baseAccuracy = base ? m_model->summary(*base) : AccuracySummary{};
    if (base && baseAccuracy.count > 0 && std::isfinite(baseAccuracy.mean) && base->testMacs > 0) {
        auto* even = m_accuracyPlot->addGraph();
        even->setName(tr("as rewarding as φ 0"));
        even->setProperty("breakEven", true);
        even->setPen(QPen(Qt::gray, 1.5, Qt::DashLine));
        const auto [lo, hi] = std::minmax_element(
            points.begin(), points.end(),
            [](const StudyPoint& a, const StudyPoint& b) { return a.testMacs < b.testMacs; });
        constexpr int kSteps = 40;
        for (int i = 0; i <= kSteps; ++i) {
            const double macs =
                double(lo->testMacs) + double(hi->testMacs - lo->testMacs) * i / kSteps;
            even->addData(macs / 1e9, 100 * baseAccuracy.mean /
                                          searchReward(1.0, std::int64_t(macs), base->testMacs));
        }
    }
    if (base) { // compound scaling's promise: MACs × (α·β²·γ²)^φ
        auto* nominal = m_macsPlot->addGraph();
        nominal->setName(tr("nominal"));
        nominal->setPen(QPen(Qt::gray, 1.5, Qt::DashLine));
        double lo = 0, hi = 0;
        for (const StudyPoint& p : points) {
            lo = std::min(lo, p.phi);
            hi = std::max(hi, p.phi);
        }
        constexpr int kNominalSteps = 40; // a smooth exponential between the points
        for (int i = 0; i <= kNominalSteps; ++i) {
            const double phi = lo + (hi - lo) * i / kNominalSteps;
            nominal->addData(phi,
                             double(base->macs) / 1e9 *
                                 std::pow(m_doc->config().request.coefficients.flopsBase(), phi));
        }
    }
    m_macsPlot->rescaleAxes();
    m_macsPlot->xAxis->scaleRange(1.1);
    m_macsPlot->yAxis->scaleRange(1.2);
    m_accuracyPlot->rescaleAxes();
    m_accuracyPlot->xAxis->scaleRange(1.15);
    if (maxAcc < minAcc && !points.empty()) { // nothing trained yet: the MACs to come
        const auto [lo, hi] = std::minmax_element(
            points.begin(), points.end(),
            [](const StudyPoint& a, const StudyPoint& b) { return a.testMacs < b.testMacs; });
        m_accuracyPlot->xAxis->setRange(double(lo->testMacs) / 1e9, double(hi->testMacs) / 1e9);
        m_accuracyPlot->xAxis->scaleRange(1.15);
    }
    if (maxAcc >= minAcc)
        m_accuracyPlot->yAxis->setRange(std::max(0.0, minAcc - 2), std::min(100.0, maxAcc + 2));
    else
        m_accuracyPlot->yAxis->setRange(0, 100);
    m_macsPlot->replot();
    m_accuracyPlot->replot();
}

} // namespace scalescope
