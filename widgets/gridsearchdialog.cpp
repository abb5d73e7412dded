#include "gridsearchdialog.h"

#include "accuracytext.h"
#include "dialogbuttons.h"
#include "droppedpaths.h"
#include "explorerdocument.h"
#include "offguithread.h"
#include "scaling/format.h"
#include "screenfit.h"
#include "tabletext.h"
#include "train/studyruns.h"
#include "train/trainer.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace scalescope {

void GridCandidateModel::setCandidates(std::vector<GridCandidate> list, const ScaleConfig& base,
                                       int seeds) {
    beginResetModel();
    if (seeds > 0) m_seeds = std::clamp(seeds, 1, kMaxGridSeeds);
    m_list = std::move(list);
    m_paperRow = -1;
    for (size_t r = 0; r < m_list.size(); ++r)
        if (isPaperCoefficients(m_list[r].coefficients)) m_paperRow = int(r);
    m_base = base;
    setRuns();
    endResetModel();
}

void GridCandidateModel::setBase(const ScaleConfig& base) {
    m_base = base;
    setRuns();
    resultsChanged();
}

void GridCandidateModel::setSeeds(int seeds) {
    seeds = std::clamp(seeds, 1, kMaxGridSeeds);
    if (seeds == m_seeds) return;
    m_seeds = seeds;
    setRuns();
    resultsChanged();
}

void GridCandidateModel::setRuns() {
    m_runs = gridRuns(m_base, m_list, m_seeds);
    matchAccuracies();
}

void GridCandidateModel::matchAccuracies() {
    m_runAccuracy.assign(m_runs.size(), std::nullopt);
    if (!m_results.hasAccuracies()) return;
    for (size_t i = 0; i < m_runs.size(); ++i)
        m_runAccuracy[i] = m_results.accuracy(m_runs[i].config);
}

const GridRun& GridCandidateModel::run(int row, int seedIndex) const {
    return m_runs[size_t(seedIndex) * m_list.size() + size_t(row)];
}

void GridCandidateModel::setAccuracy(const ScaleConfig& run, double accuracy) {
    m_results.setAccuracy(run, accuracy);
    for (size_t i = 0; i < m_runs.size(); ++i)
        if (RunResults::sameRun(m_runs[i].config, run)) m_runAccuracy[i] = accuracy;
    resultsChanged();
}

void GridCandidateModel::setAccuracies(const std::vector<std::pair<ScaleConfig, double>>& list) {
    for (const auto& [run, accuracy] : list)
        m_results.setAccuracy(run, accuracy);
    matchAccuracies();
    resultsChanged();
}

std::optional<double> GridCandidateModel::accuracy(int row, int seedIndex) const {
    return m_runAccuracy[size_t(seedIndex) * m_list.size() + size_t(row)];
}

AccuracySummary GridCandidateModel::summary(int row) const {
    std::vector<double> list;
    for (int k = 0; k < m_seeds; ++k)
        if (const auto a = accuracy(row, k)) list.push_back(*a);
    return summarizeAccuracies(list);
}

std::vector<double> GridCandidateModel::accuracyBySeed(int row) const {
    std::vector<double> out;
    for (int k = 0; k < m_seeds; ++k)
        out.push_back(accuracy(row, k).value_or(NAN));
    return out;
}

std::optional<PairedDifference> GridCandidateModel::againstPaper(int row) const {
    if (m_seeds < 2 || m_paperRow < 0 || row == m_paperRow) return std::nullopt;
    return pairedDifference(accuracyBySeed(row), accuracyBySeed(m_paperRow));
}

bool GridCandidateModel::hasPairedColumn() const {
    return m_seeds > 1 && m_paperRow >= 0 && m_list.size() > 1;
}

void GridCandidateModel::clearAccuracies() {
    m_results.clearAccuracies();
    m_runAccuracy.assign(m_runs.size(), std::nullopt);
    resultsChanged();
}

void GridCandidateModel::setNote(const ScaleConfig& run, const QString& note) {
    m_results.setNote(run, note);
    resultsChanged();
}

QString GridCandidateModel::note(int row) const {
    for (int k = 0; k < m_seeds; ++k) // the first of its runs with one
        if (QString text = m_results.note(run(row, k).config); !text.isEmpty()) return text;
    return {};
}

void GridCandidateModel::resultsChanged() {
    if (!m_list.empty())
        Q_EMIT dataChanged(index(0, Accuracy), index(int(m_list.size()) - 1, Paired));
}

int GridCandidateModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_list.size());
}

int GridCandidateModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GridCandidateModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section == Paired)
        return tr("Points above or below the paper's α 1.2, β 1.1, γ 1.15, seed by seed, with "
                  "the standard error; in brackets the seeds where the candidate scored higher");
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Alpha:
        return tr("α");
    case Beta:
        return tr("β");
    case Gamma:
        return tr("γ");
    case Product:
        return tr("α·β²·γ²");
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
    case Accuracy:
        return tr("Val accuracy");
    case Paired:
        return tr("Δ 1.2/1.1/1.15");
    }
    return {};
}

QVariant GridCandidateModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_list.size())) return {};
    const int row = index.row();
    const GridCandidate& c = m_list[size_t(row)];
    if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Accuracy && summary(row).count == 0)
        return QColor(Qt::gray); // a note, not a result
    if (role == SortRole) {
        switch (index.column()) {
        case Alpha:
            return c.coefficients.alpha;
        case Beta:
            return c.coefficients.beta;
        case Gamma:
            return c.coefficients.gamma;
        case Product:
            return std::abs(c.product - 2.0); // closest to 2 first, as listed
        case Depth:
            return c.depthMultiplier;
        case Width:
            return c.widthMultiplier;
        case Size:
            return c.resolution;
        case TrainSize:
            return c.trainImageSize;
        case Params:
            return qlonglong(c.params);
        case Macs:
            return qlonglong(c.macs);
        case Accuracy: {
            const AccuracySummary a = summary(row);
            return a.count > 0 && std::isfinite(a.mean) ? a.mean : -1.0;
        }
        case Paired: {
            const auto d = againstPaper(row);
            return d && d->difference.count > 0 ? d->difference.mean : -2.0;
        }
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Accuracy && m_seeds > 1) {
        std::vector<std::pair<std::uint64_t, std::optional<double>>> bySeed;
        for (int k = 0; k < m_seeds; ++k)
            bySeed.emplace_back(run(row, k).config.training.seed, accuracy(row, k));
        return seedsToolTip(bySeed);
    }
    if (role == Qt::ToolTipRole && index.column() == Paired)
        if (const auto d = againstPaper(row); d && d->difference.count > 0)
            return tr("Points above or below the paper's α 1.2, β 1.1, γ 1.15, seed by seed: the "
                      "mean of %1 differences ± its standard error; higher at %2 of them (the "
                      "count in brackets). A seed trains both on the same images and validates "
                      "them on the same set, so the set's own difficulty cancels.")
                .arg(d->difference.count)
                .arg(d->higher);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Alpha:
        return QString::number(c.coefficients.alpha, 'g', 6);
    case Beta:
        return QString::number(c.coefficients.beta, 'g', 6);
    case Gamma:
        return QString::number(c.coefficients.gamma, 'g', 6);
    case Product:
        return QString::number(c.product, 'f', 4);
    case Depth:
        return QString::number(c.depthMultiplier, 'f', 3);
    case Width:
        return QString::number(c.widthMultiplier, 'f', 3);
    case Size:
        return c.resolution;
    case TrainSize:
        return c.trainImageSize;
    case Params:
        return QString::fromStdString(shortCount(double(c.params)));
    case Macs:
        return QString::fromStdString(shortCount(double(c.macs)));
    case Accuracy: {
        const AccuracySummary a = summary(row);
        if (a.count > 0) return summaryText(a, m_seeds);
        for (int k = 0; k < m_seeds; ++k) // trained without a validation at its end
            if (accuracy(row, k)) return percentText(NAN);
        return m_results.hasNotes() ? note(row) : QString();
    }
    case Paired: {
        const auto d = againstPaper(row);
        return d && d->difference.count > 0 ? pairedText(*d) : QString();
    }
    }
    return {};
}

GridSearchDialog::GridSearchDialog(ExplorerDocument* doc, QWidget* parent)
    : QDialog(parent), m_doc(doc) {
    setWindowTitle(tr("Grid search for α, β, γ"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("EfficientNet fixed φ = 1 and searched a small grid of α, β, γ with α·β²·γ² ≈ 2 "
           "(MACs about double per unit of φ); it found 1.2, 1.1, 1.15. Costs are for the "
           "current baseline. Train selected trains them with the training tab's settings."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    auto box = [this](double lo, double hi, double step, int decimals, const char* name) {
        auto* b = new QDoubleSpinBox(this);
        b->setRange(lo, hi);
        b->setSingleStep(step);
        b->setDecimals(decimals);
        b->setKeyboardTracking(false);
        b->setObjectName(QString::fromLatin1(name));
        return b;
    };
    const GridSearchSpec defaults;
    m_from = box(1.0, 10.0, 0.05, 3, "from");
    m_to = box(1.0, 10.0, 0.05, 3, "to");
    m_step = box(0.001, 1.0, 0.01, 3, "step");
    m_tolerance = box(0.0001, 1.0, 0.01, 4, "tolerance");
    m_phi = box(0.25, 8.0, 0.25, 2, "phi");
    m_from->setValue(defaults.from);
    m_to->setValue(defaults.to);
    m_step->setValue(defaults.step);
    m_tolerance->setValue(defaults.tolerance);
    m_phi->setValue(defaults.phi);
    form->addRow(tr("α, β, γ from"), m_from);
    form->addRow(tr("to"), m_to);
    form->addRow(tr("in steps of"), m_step);
    form->addRow(tr("α·β²·γ² within"), m_tolerance);
    form->addRow(tr("of 2, at φ"), m_phi);
    m_seeds = new QSpinBox(this);
    m_seeds->setObjectName(QStringLiteral("seeds"));
    m_seeds->setRange(1, kMaxGridSeeds);
    m_seeds->setKeyboardTracking(false);
    m_seeds->setToolTip(tr("Each candidate is trained at the training seed and the next ones; "
                           "its accuracy is their mean ± its standard error, and each is set "
                           "against 1.2, 1.1, 1.15 seed by seed. On a small set one run's "
                           "accuracy moves by points between seeds."));
    form->addRow(tr("Seeds per candidate"), m_seeds);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_model = new GridCandidateModel(this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(GridCandidateModel::SortRole);
    m_view = new QTableView(this);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // as listed until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // Fitted to the contents once per search, not on every result: a header that resizes to
    // its contents measures every row's text on each change.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setMinimumSize(660, 300); // every column and the buttons without cutting
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    addCopyAction(m_view);
    layout->addWidget(m_view, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_use = buttons->addButton(tr("Use its α, β, γ"), QDialogButtonBox::ApplyRole);
    m_use->setToolTip(tr("Sets the selected candidate's α, β, γ; φ stays as it is (undoable)"));
    m_train = buttons->addButton(tr("Train selected"), QDialogButtonBox::ActionRole);
    m_train->setObjectName(QStringLiteral("trainSelected"));
    m_open = buttons->addButton(tr("Open grid…"), QDialogButtonBox::ActionRole);
    m_open->setObjectName(QStringLiteral("openGrid"));
    m_open->setToolTip(tr("Shows a grid trained before, here or by scalescope-cli grid --train; "
                          "Train then trains into its folder"));
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Open a grid folder"),
            m_dir.isEmpty()
                ? QString::fromStdString(train::defaultGridDir()).section(QLatin1Char('/'), 0, -2)
                : m_dir);
        if (!dir.isEmpty()) openGridInBackground(dir);
    });
    m_train->setToolTip(tr("Trains each selected candidate at this φ with the training tab's "
                           "settings, one after the other; Stop ends the queue"));
    connect(m_train, &QPushButton::clicked, this, [this] {
        const std::vector<GridCandidate> list = selectedCandidates();
        if (!list.empty()) Q_EMIT trainRequested(list, m_model->seeds());
    });
    noDefaultButtons(buttons); // Return in a field does not train
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_use, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty()) useRow(m_sorted->mapToSource(rows.front()).row());
    });
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex& i) { useRow(m_sorted->mapToSource(i).row()); });
    connect(m_seeds, &QSpinBox::valueChanged, this, [this](int seeds) {
        m_model->setSeeds(seeds);
        m_view->setColumnHidden(GridCandidateModel::Paired, !m_model->hasPairedColumn());
        fitColumns();
    });
    for (QDoubleSpinBox* b : {m_from, m_to, m_step, m_tolerance, m_phi})
        connect(b, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this] {
            m_limit = 0; // another grid: every candidate of it
            search();
        });
    connect(m_doc, &ExplorerDocument::changed, this, &GridSearchDialog::documentChanged);
    m_disk.setMaxThreadCount(1); // an open and a record never overlap
    search();
    // Every column with three seeds' results, the form, a dozen rows and the buttons.
    resizeWithinScreen(this, {1120, 700});
    setAcceptDrops(true); // a folder, as Open opens it
}

void GridSearchDialog::dragEnterEvent(QDragEnterEvent* e) {
    // While Open could be pressed: not during a read or a run.
    if (!droppedFolder(e->mimeData()).isEmpty() && m_open->isEnabled()) e->acceptProposedAction();
}

void GridSearchDialog::dropEvent(QDropEvent* e) {
    const QString dir = droppedFolder(e->mimeData());
    if (dir.isEmpty()) return;
    e->acceptProposedAction();
    openGridInBackground(dir);
}

void GridSearchDialog::showEvent(QShowEvent* e) {
    if (m_stale) documentChanged();
    QDialog::showEvent(e);
}

void GridSearchDialog::documentChanged() {
    if (m_opening) return;
    if (!isVisible()) { // caught up when shown: a slider drag does not remake every run
        m_stale = true;
        return;
    }
    m_stale = false;
    const ScaleConfig& c = m_doc->config();
    if (c.baseline == m_baseline && c.request.stages == m_stages &&
        c.request.maxResolution == m_cap) {
        // φ or the training settings: the same candidates, trained as the document says now
        // (set-apart image sizes follow the document's model, so its φ counts).
        m_model->setBase(c);
        return;
    }
    if (!(c.baseline == m_baseline)) m_model->clearAccuracies();
    search();
}

void GridSearchDialog::setSpec(const GridSearchSpec& s) {
    for (auto [box, v] :
         {std::pair{m_from, s.from}, std::pair{m_to, s.to}, std::pair{m_step, s.step},
          std::pair{m_tolerance, s.tolerance}, std::pair{m_phi, s.phi}}) {
        const QSignalBlocker block(box);
        box->setValue(v);
    }
    m_limit = s.limit;
    search();
}

GridSearchSpec GridSearchDialog::spec() const {
    GridSearchSpec s;
    s.from = m_from->value();
    s.to = m_to->value();
    s.step = m_step->value();
    s.tolerance = m_tolerance->value();
    s.phi = m_phi->value();
    s.limit = m_limit;
    return s;
}

QString GridSearchDialog::message() const {
    return m_message->text();
}

void GridSearchDialog::search() {
    m_stale = false;
    const GridSearchSpec s = spec();
    const ScaleConfig& c = m_doc->config();
    m_baseline = c.baseline;
    m_stages = c.request.stages;
    m_cap = c.request.maxResolution;
    try {
        m_model->setCandidates(gridCandidates(c, s), c, m_seeds->value());
        m_tableMessage =
            m_model->rowCount() == 0
                ? tr("No α, β, γ of this grid lies within %1 of 2: widen the tolerance or the "
                     "grid.")
                      .arg(s.tolerance)
                : (s.limit > 0 ? tr("The %1 candidates closest to 2, for %2 (the grid's "
                                    "--limit).")
                               : tr("%1 candidates, closest to 2 first, for %2."))
                      .arg(m_model->rowCount())
                      .arg(QString::fromStdString(c.baseline.displayName));
    } catch (const ValidationError& e) {
        m_model->setCandidates({}, c, m_seeds->value());
        m_tableMessage = tr("Refused — %1").arg(QString::fromStdString(e.what()));
    }
    m_message->setText(m_tableMessage);
    m_use->setEnabled(m_model->rowCount() > 0 && !m_locked);
    m_train->setEnabled(m_model->rowCount() > 0 && !m_busy);
    m_view->setColumnHidden(GridCandidateModel::Paired, !m_model->hasPairedColumn());
    fitColumns();
}

void GridSearchDialog::fitColumns() {
    m_view->resizeColumnsToContents();
    // Room for the widest result the seeds allow, which arrives later.
    const QFontMetrics fm(m_view->font());
    const QString widest =
        m_model->seeds() > 1
            ? summaryText({0.8888, 0.08888, std::max(2, m_model->seeds() - 1)}, m_model->seeds())
            : percentText(0.8888);
    const int margin = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 8;
    for (auto [column, text] :
         {std::pair{int(GridCandidateModel::Accuracy), widest},
          std::pair{int(GridCandidateModel::Paired),
                    pairedText({{-0.8888, 0.08888, m_model->seeds()}, m_model->seeds()})}})
        m_view->setColumnWidth(
            column, std::max(m_view->columnWidth(column), fm.horizontalAdvance(text) + margin));
}

std::vector<GridCandidate> GridSearchDialog::selectedCandidates() const {
    std::vector<GridCandidate> out;
    std::vector<int> rows;
    for (const QModelIndex& i : m_view->selectionModel()->selectedRows())
        rows.push_back(m_sorted->mapToSource(i).row());
    std::sort(rows.begin(), rows.end()); // in the model's order: closest to 2 first
    for (int r : rows)
        out.push_back(m_model->candidate(r));
    return out;
}

int GridSearchDialog::viewRow(int modelRow) const {
    return m_sorted->mapFromSource(m_model->index(modelRow, 0)).row();
}

void GridSearchDialog::setSeeds(int seeds) {
    m_seeds->setValue(seeds);
}

int GridSearchDialog::seeds() const {
    return m_model->seeds();
}

bool GridSearchDialog::useRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) return false;
    Coefficients k = m_model->candidate(row).coefficients;
    k.phi = m_doc->config().request.coefficients.phi;
    return m_doc->setCoefficients(k);
}

namespace {
// The record's disk work, without the window: `held` first (where there is one), a new folder
// where it holds a grid of another configuration or a run of another one. Safe on any thread.
struct Recorded {
    QString dir;                        // empty: refused
    QString note;                       // why a new folder was taken
    QString error;                      // why none could be recorded
    std::set<std::string> recordedOnly; // train::recordedOnly: the runs Train leaves
};
Recorded recordGridIn(const QString& held, const ScaleConfig& base, const GridSearchSpec& spec,
                      int seeds, const std::vector<GridRun>& runs) {
    Recorded r;
    constexpr const char* kField = "grid folder";
    if (!held.isEmpty()) {
        try {
            train::recordGrid(held.toStdString(), base, spec, seeds, runs, kField);
            r.dir = held;
            return r;
        } catch (const ValidationError& e) {
            // Another model or other training settings: a new folder, so that neither grid's
            // runs are mixed into the other's.
            r.note =
                GridSearchDialog::tr("(a new folder: %1)").arg(QString::fromStdString(e.reason()));
        } catch (const std::exception& e) {
            r.error = QString::fromStdString(e.what());
            return r;
        }
    }
    const std::string fresh = train::defaultGridDir();
    try {
        train::recordGrid(fresh, base, spec, seeds, runs, kField);
        r.dir = QString::fromStdString(fresh);
    } catch (const std::exception& e) {
        r.error = QString::fromStdString(e.what());
    }
    return r;
}
} // namespace

void GridSearchDialog::setBusy(bool busy) {
    m_busy = busy;
    m_train->setEnabled(!busy && m_model->rowCount() > 0);
    m_open->setEnabled(!busy && !m_locked);
}

void GridSearchDialog::setEditingLocked(bool locked) {
    m_locked = locked;
    m_use->setEnabled(!locked && m_model->rowCount() > 0);
    m_open->setEnabled(!locked && !m_busy);
}

void GridSearchDialog::recordGridInBackground(
    const ScaleConfig& base, const std::vector<GridRun>& runs,
    std::function<void(const QString& dir, const QString& why,
                       const std::set<std::string>& recordedOnly)>
        done) {
    setBusy(true);
    m_message->setText(m_dir.isEmpty() ? tr("Recording the grid in a new folder…")
                                       : tr("Recording the grid in %1…").arg(m_dir));
    runOffGuiThread<Recorded>(
        m_disk, this,
        [held = m_dir, base, s = spec(), seeds = m_model->seeds(), runs] {
            Recorded r = recordGridIn(held, base, s, seeds, runs);
            if (r.dir.isEmpty()) return r;
            std::vector<std::pair<std::string, std::uint64_t>> planned;
            for (const GridRun& g : runs)
                planned.emplace_back(g.runName, g.config.training.seed);
            r.recordedOnly = train::recordedOnly(r.dir.toStdString(), "grid.csv", planned);
            return r;
        },
        [this, done = std::move(done)](const Recorded& r, const QString&) {
            setBusy(false);
            m_message->setText(m_tableMessage);
            if (r.dir.isEmpty()) {
                done({}, r.error, {});
                return;
            }
            m_dir = r.dir;
            m_message->setText(m_tableMessage + QLatin1Char(' ') +
                               tr("Training into %1 %2").arg(m_dir, r.note).trimmed());
            done(r.dir, {}, r.recordedOnly);
        });
}

bool GridSearchDialog::openGrid(const QString& dir, QString* why) {
    try {
        return showGrid(dir, train::readGridFolder(dir.toStdString()), why);
    } catch (const std::exception& e) {
        if (why) *why = QString::fromStdString(e.what());
        return false;
    }
}

void GridSearchDialog::openGridInBackground(const QString& dir) {
    setBusy(true);
    m_message->setText(tr("Reading %1…").arg(dir));
    runOffGuiThread<train::GridFolder>(
        m_disk, this, [dir] { return train::readGridFolder(dir.toStdString()); },
        [this, dir](const train::GridFolder& folder, const QString& error) {
            setBusy(false);
            QString why = error;
            const bool ok = error.isEmpty() && showGrid(dir, folder, &why);
            if (!ok) {
                m_message->setText(m_tableMessage);
                auto* box = new QMessageBox(QMessageBox::Warning, tr("Not a grid folder"), why,
                                            QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open(); // window-modal, without a nested event loop
            }
            Q_EMIT gridOpened(ok);
        });
}

bool GridSearchDialog::showGrid(const QString& dir, const train::GridFolder& folder, QString* why) {
    if (!isEnabled()) { // a run trains: the document stays as it is
        if (why) *why = tr("a run is training; open the grid after it ends");
        return false;
    }
    const GridManifest& m = folder.manifest;
    // The candidates are the grid of the configured model: make it the one the grid scaled.
    // The window searches once below, with the grid's fields and seeds, not on this edit too.
    if (!(m.base == m_doc->config())) {
        const QScopedValueRollback<bool> opening(m_opening, true);
        if (!m_doc->setConfig(m.base)) {
            if (why) *why = tr("%1: its model was refused").arg(dir);
            return false;
        }
    }
    {
        const QSignalBlocker block(m_seeds);
        m_seeds->setValue(m.seeds);
    }
    setSpec(m.spec); // searches: the candidates (a CLI --limit kept) and their runs
    std::vector<std::pair<ScaleConfig, double>> trained;
    int stopped = 0;
    for (const train::StudyRun& run : folder.runs) {
        if (run.finished) {
            trained.emplace_back(run.config, run.finalValAccuracy);
        } else {
            ++stopped;
            m_model->setNote(run.config, tr("stopped"));
        }
    }
    m_model->setAccuracies(trained);
    if (!trained.empty()) // ranked, as scalescope-cli grid --train prints it
        m_view->sortByColumn(GridCandidateModel::Accuracy, Qt::DescendingOrder);
    int shown = 0; // the folder's finished runs that are runs of the table
    for (int r = 0; r < m_model->rowCount(); ++r)
        for (int k = 0; k < m_model->seeds(); ++k)
            shown += m_model->accuracy(r, k).has_value();
    m_dir = dir;
    QString text = m_tableMessage + QLatin1Char(' ') +
                   tr("Opened %1: %2 of its %3 runs trained.")
                       .arg(dir)
                       .arg(shown)
                       .arg(m_model->rowCount() * m_model->seeds());
    if (stopped > 0)
        text += QLatin1Char(' ') + tr("%1 stopped (Train continues them).").arg(stopped);
    if (int(trained.size()) > shown)
        text += QLatin1Char(' ') +
                tr("%1 of another grid or model are not shown.").arg(int(trained.size()) - shown);
    if (!folder.skipped.empty())
        text += QLatin1Char(' ') +
                tr("Not read: %1").arg(QString::fromStdString(folder.skipped.front()));
    m_message->setText(text);
    return true;
}

} // namespace scalescope
