#include "gridsearchdialog.h"

#include "dialogbuttons.h"
#include "explorerdocument.h"
#include "percenttext.h"
#include "scaling/format.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace scalescope {

void GridCandidateModel::setCandidates(std::vector<GridCandidate> list) {
    beginResetModel();
    m_list = std::move(list);
    endResetModel();
}

void GridCandidateModel::setAccuracy(const Coefficients& k, double accuracy) {
    const auto same = [&](const std::pair<Coefficients, double>& e) { return e.first == k; };
    m_accuracy.erase(std::remove_if(m_accuracy.begin(), m_accuracy.end(), same), m_accuracy.end());
    m_accuracy.emplace_back(k, accuracy);
    for (size_t r = 0; r < m_list.size(); ++r)
        if (m_list[r].coefficients == k)
            Q_EMIT dataChanged(index(int(r), Accuracy), index(int(r), Accuracy));
}

void GridCandidateModel::clearAccuracies() {
    m_accuracy.clear();
    if (!m_list.empty())
        Q_EMIT dataChanged(index(0, Accuracy), index(int(m_list.size()) - 1, Accuracy));
}

int GridCandidateModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_list.size());
}

int GridCandidateModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GridCandidateModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole || o != Qt::Horizontal) return {};
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
    }
    return {};
}

QVariant GridCandidateModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_list.size())) return {};
    const GridCandidate& c = m_list[size_t(index.row())];
    if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
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
    case Accuracy:
        for (const auto& [k, acc] : m_accuracy)
            if (k == c.coefficients) return percentText(acc);
        return QString();
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
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_model = new GridCandidateModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setMinimumSize(660, 300); // every column and the buttons without cutting
    layout->addWidget(m_view, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_use = buttons->addButton(tr("Use its α, β, γ"), QDialogButtonBox::ApplyRole);
    m_use->setToolTip(tr("Sets the selected candidate's α, β, γ; φ stays as it is (undoable)"));
    m_train = buttons->addButton(tr("Train selected"), QDialogButtonBox::ActionRole);
    m_train->setObjectName(QStringLiteral("trainSelected"));
    m_train->setToolTip(tr("Trains each selected candidate at this φ with the training tab's "
                           "settings, one after the other; Stop ends the queue"));
    connect(m_train, &QPushButton::clicked, this, [this] {
        const std::vector<GridCandidate> list = selectedCandidates();
        if (!list.empty()) Q_EMIT trainRequested(list);
    });
    noDefaultButtons(buttons); // Return in a field does not train
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_use, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty()) useRow(rows.front().row());
    });
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex& i) { useRow(i.row()); });
    for (QDoubleSpinBox* b : {m_from, m_to, m_step, m_tolerance, m_phi})
        connect(b, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                &GridSearchDialog::search);
    connect(m_doc, &ExplorerDocument::changed, this, &GridSearchDialog::documentChanged);
    search();
    resize(760, 680); // the wrapped introduction, the form, a dozen rows and the buttons
}

void GridSearchDialog::documentChanged() {
    const ScaleConfig& c = m_doc->config();
    if (c.baseline == m_baseline && c.request.stages == m_stages &&
        c.request.maxResolution == m_cap)
        return; // φ or the training settings: the same candidates
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
    search();
}

QString GridSearchDialog::message() const {
    return m_message->text();
}

void GridSearchDialog::search() {
    GridSearchSpec s;
    s.from = m_from->value();
    s.to = m_to->value();
    s.step = m_step->value();
    s.tolerance = m_tolerance->value();
    s.phi = m_phi->value();
    const ScaleConfig& c = m_doc->config();
    m_baseline = c.baseline;
    m_stages = c.request.stages;
    m_cap = c.request.maxResolution;
    try {
        m_model->setCandidates(gridCandidates(c, s));
        m_message->setText(
            m_model->rowCount() == 0
                ? tr("No α, β, γ of this grid lies within %1 of 2: widen the tolerance or the "
                     "grid.")
                      .arg(s.tolerance)
                : tr("%1 candidates, closest to 2 first, for %2.")
                      .arg(m_model->rowCount())
                      .arg(QString::fromStdString(c.baseline.displayName)));
    } catch (const ValidationError& e) {
        m_model->setCandidates({});
        m_message->setText(tr("Refused — %1").arg(QString::fromStdString(e.what())));
    }
    m_use->setEnabled(m_model->rowCount() > 0);
    m_train->setEnabled(m_model->rowCount() > 0);
}

std::vector<GridCandidate> GridSearchDialog::selectedCandidates() const {
    std::vector<GridCandidate> out;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end()); // in the table's order: closest to 2 first
    for (const QModelIndex& i : rows)
        out.push_back(m_model->candidate(i.row()));
    return out;
}

bool GridSearchDialog::useRow(int row) {
    if (row < 0 || row >= m_model->rowCount()) return false;
    Coefficients k = m_model->candidate(row).coefficients;
    k.phi = m_doc->config().request.coefficients.phi;
    return m_doc->setCoefficients(k);
}

} // namespace scalescope
