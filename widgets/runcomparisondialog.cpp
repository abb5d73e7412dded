#include "runcomparisondialog.h"

#include "percenttext.h"
#include "runcomparisonmodel.h"
#include "scaling/format.h"
#include "screenfit.h"
#include "tabletext.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <stdexcept>

namespace scalescope {

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
    layout->addLayout(top);
    m_model = new RunComparisonModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(RunComparisonModel::Run, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);
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
    auto* copyKey = new QAction(tr("Copy"), m_view);
    copyKey->setShortcut(QKeySequence::Copy);
    copyKey->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copyKey);
    connect(copyKey, &QAction::triggered, this, toClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reference, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 0) return;
        m_referenceName = m_reference->itemText(i);
        recompute();
    });
    resizeWithinScreen(this, {900, 360});
    recompute();
}

void RunComparisonDialog::setRuns(std::vector<Entry> runs) {
    m_runs = std::move(runs);
    QStringList names;
    std::vector<std::string> schedules;
    for (const Entry& e : m_runs) {
        names << e.name;
        schedules.push_back(e.schedule.toStdString());
    }
    int ref = int(names.indexOf(m_referenceName));
    if (ref < 0) ref = m_runs.empty() ? -1 : train::defaultReference(schedules);
    {
        // Refilled only when the runs change, not at each epoch of a live one: an open
        // list would close under the user's pointer.
        const QSignalBlocker block(m_reference);
        bool same = m_reference->count() == names.size();
        for (int i = 0; same && i < names.size(); ++i)
            same = m_reference->itemText(i) == names[i];
        if (!same) {
            m_reference->clear();
            m_reference->addItems(names);
        }
        m_reference->setCurrentIndex(ref);
    }
    m_referenceName = ref >= 0 ? names[ref] : QString();
    recompute();
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
    if (m_runs.size() < 2) {
        m_model->clear();
        m_summary->setText(tr("Show at least two runs on the training tab (train, open or tick "
                              "them) to compare them: a fixed-size run and a progressive one, "
                              "say."));
        return;
    }
    std::vector<train::ComparedRun> runs;
    QStringList names, schedules, validations;
    for (const Entry& e : m_runs) {
        runs.push_back(e.run);
        names << e.name;
        schedules << e.schedule;
        validations << QString::fromStdString(e.run.validation);
    }
    train::RunComparison c;
    try {
        c = train::compareRuns(runs, std::max(0, m_reference->currentIndex()));
    } catch (const std::invalid_argument& e) {
        m_model->clear();
        m_summary->setText(tr("Not compared — %1").arg(QString::fromStdString(e.what())));
        return;
    }
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
    m_summary->setText(text);
    m_model->setComparison(names, schedules, validations, std::move(c));
}

} // namespace scalescope
