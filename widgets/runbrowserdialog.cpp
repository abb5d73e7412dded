#include "runbrowserdialog.h"

#include "offguithread.h"
#include "runlistmodel.h"
#include "screenfit.h"
#include "tabletext.h"
#include "train/trainer.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <filesystem>

namespace scalescope {

// Sorts by each cell's sort value and keeps the rows that hold every word of the filter in
// one of their cells or in their folder's whole path.
class RunFilter : public QSortFilterProxyModel {
  public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setWords(const QString& text) {
        m_words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        invalidateFilter();
    }

  protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        if (m_words.isEmpty()) return true;
        const auto* runs = static_cast<const RunListModel*>(sourceModel());
        QString text = QString::fromStdString(runs->run(row).dir);
        for (int c = 0; c < RunListModel::ColumnCount; ++c)
            text += QLatin1Char('\n') + runs->index(row, c, parent).data().toString();
        return std::all_of(m_words.begin(), m_words.end(),
                           [&](const QString& w) { return text.contains(w, Qt::CaseInsensitive); });
    }

  private:
    QStringList m_words;
};

RunBrowserDialog::RunBrowserDialog(QWidget* parent)
    : QDialog(parent), m_model(new RunListModel(this)), m_sorted(new RunFilter(this)) {
    setWindowTitle(tr("Training runs"));
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(Qt::UserRole);
    m_view = new QTableView(this);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // newest first, as listed, until a click
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8); // a list: dense
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("runFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter: words from the folder, model, dataset, schedule, "
                                    "state… (e.g. fashion paper)"));
    m_shown = new QLabel(this);
    connect(m_filter, &QLineEdit::textChanged, this, &RunBrowserDialog::setFilterText);
    // Copy and Move to trash also from the keyboard and the table's context menu.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* openAction = new QAction(tr("Open on the training tab"), m_view);
    m_view->addAction(openAction);
    connect(openAction, &QAction::triggered, this, &RunBrowserDialog::openSelected);
    m_showFolder = new QAction(tr("Show folder"), m_view);
    m_showFolder->setObjectName(QStringLiteral("showRunFolder"));
    m_view->addAction(m_showFolder);
    connect(m_showFolder, &QAction::triggered, this, &RunBrowserDialog::showSelectedFolder);
    auto* copy = new QAction(tr("Copy"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copy);
    connect(copy, &QAction::triggered, this, [this] {
        if (const QString text = selectedText(); !text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    });
    m_selectionActions = {openAction, m_showFolder, copy};

    auto* buttons = new QDialogButtonBox(this);
    m_open = buttons->addButton(tr("Open on the training tab"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("openRuns"));
    m_open->setToolTip(tr("Overlay the selected runs' curves; an unfinished run with a "
                          "checkpoint can then be continued"));
    m_trash = buttons->addButton(tr("Move to trash…"), QDialogButtonBox::ActionRole);
    m_trash->setObjectName(QStringLiteral("trashRuns"));
    m_trash->setToolTip(tr("Move the selected run folders to the trash (Delete); they can be "
                           "restored from there"));
    auto* other = buttons->addButton(tr("Other folder…"), QDialogButtonBox::ActionRole);
    m_refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Open does not close the window (accepted() is left unconnected): runs are often opened
    // a few at a time.
    connect(m_open, &QPushButton::clicked, this, &RunBrowserDialog::openSelected);
    connect(other, &QPushButton::clicked, this, &RunBrowserDialog::chooseFolder);
    connect(m_trash, &QPushButton::clicked, this, &RunBrowserDialog::trashSelected);
    auto* trashKey = new QAction(tr("Move to trash…"), m_view);
    trashKey->setShortcut(QKeySequence::Delete);
    trashKey->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(trashKey);
    connect(trashKey, &QAction::triggered, this, &RunBrowserDialog::trashSelected);
    m_selectionActions << trashKey;
    connect(m_refresh, &QPushButton::clicked, this, [this] { showFolder(m_folder); });
    connect(m_view, &QTableView::doubleClicked, this,
            [this](const QModelIndex&) { openSelected(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunBrowserDialog::updateButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_shown);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(1320, 560));
    updateButtons();
}

RunBrowserDialog::~RunBrowserDialog() {
    m_pool.waitForDone(); // the reading holds a pointer to this window
}

void RunBrowserDialog::showFolder(const QString& folder) {
    m_folder = folder;
    m_refresh->setEnabled(false);
    m_message->setText(tr("Reading %1…").arg(folder));
    const std::string path = folder.toStdString();
    runOffGuiThread<std::vector<train::RunListing>>(
        m_pool, this,
        [path] {
            std::error_code ec;
            if (!std::filesystem::exists(path, ec)) return std::vector<train::RunListing>{};
            return train::listRuns({path});
        },
        [this, folder](const std::vector<train::RunListing>& runs, const QString& error) {
            if (folder != m_folder) return; // another folder was asked for since
            m_refresh->setEnabled(true);
            m_model->setRuns(runs, folder);
            updateShown();
            m_view->resizeColumnsToContents();
            // Long experiment paths: elided in the middle (the tooltip has the whole path), so
            // that the accuracies stay in view.
            constexpr int kRunColumnMax = 320;
            if (m_view->columnWidth(RunListModel::Run) > kRunColumnMax)
                m_view->setColumnWidth(RunListModel::Run, kRunColumnMax);
            int unreadable = 0;
            for (const auto& r : runs)
                unreadable += r.state == train::RunListing::State::Unreadable;
            if (!error.isEmpty())
                m_message->setText(tr("Could not list %1: %2").arg(folder, error));
            else if (runs.empty())
                m_message->setText(tr("No training runs in %1 yet.").arg(folder));
            else {
                const int n = int(runs.size());
                QString text = (n == 1 ? tr("1 run in %1").arg(folder)
                                       : tr("%1 runs in %2, newest first").arg(n).arg(folder)) +
                               tr("; select and open them to see their curves.");
                if (unreadable)
                    text +=
                        QLatin1Char(' ') +
                        (unreadable == 1 ? tr("1 cannot be read (greyed; its tooltip says why).")
                                         : tr("%1 cannot be read (greyed; their tooltips say why).")
                                               .arg(unreadable));
                m_message->setText(text);
            }
            updateButtons();
            Q_EMIT listed();
        });
}

QString RunBrowserDialog::message() const {
    return m_message->text();
}

QStringList RunBrowserDialog::selectedRunDirs() const {
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList dirs;
    for (const QModelIndex& i : rows)
        dirs << QString::fromStdString(m_model->run(m_sorted->mapToSource(i).row()).dir);
    return dirs;
}

void RunBrowserDialog::setFilterText(const QString& text) {
    if (m_filter->text() != text) {
        m_filter->setText(text); // textChanged() comes back here with it
        return;
    }
    m_sorted->setWords(text);
    updateShown();
    updateButtons(); // rows filtered out leave the selection
}

int RunBrowserDialog::shownCount() const {
    return m_sorted->rowCount();
}

void RunBrowserDialog::updateShown() {
    const int all = m_model->rowCount(), shown = m_sorted->rowCount();
    m_shown->setText(shown == all ? QString() : tr("%1 of %2 shown").arg(shown).arg(all));
}

QString RunBrowserDialog::selectedText() const {
    // The run's whole path, where the table shows it relative to the folder.
    return selectedRowsText(m_view, [this](const QModelIndex& i) {
        if (i.column() != RunListModel::Run) return QString();
        return QString::fromStdString(m_model->run(m_sorted->mapToSource(i).row()).dir);
    });
}

void RunBrowserDialog::showSelectedFolder() {
    const QModelIndex current = m_view->currentIndex();
    const QStringList selected = selectedRunDirs();
    if (selected.isEmpty()) return;
    // The row last clicked, where it is one of the selected; else the first of them.
    QString dir = selected.first();
    if (current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), {}))
        dir = QString::fromStdString(m_model->run(m_sorted->mapToSource(current).row()).dir);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(dir)))
        m_message->setText(tr("No program here opens folders; the run is in %1").arg(dir));
}

void RunBrowserDialog::openSelected() {
    const QStringList dirs = selectedRunDirs();
    if (!dirs.isEmpty()) Q_EMIT openRuns(dirs);
}

namespace {
// Moves `dir` to the desktop's trash; its place there, or empty with `why`. Qt 6.4 moves it
// into "./files" of the current directory when the home trash cannot be set up because
// $XDG_DATA_HOME does not exist yet: that folder is made first, and a move that went to a
// relative place all the same is undone.
QString moveToTrash(const QString& dir, QString* why) {
    const QString dataHome = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (!dataHome.isEmpty()) QDir().mkpath(dataHome);
    QFile folder(dir);
    if (!folder.moveToTrash()) {
        *why = folder.errorString();
        return {};
    }
    const QString there = folder.fileName(); // its place in the trash now
    if (QFileInfo(there).isAbsolute()) return there;
    *why = QDir().rename(there, dir)
               ? RunBrowserDialog::tr("the trash folder in %1 could not be set up").arg(dataHome)
               : RunBrowserDialog::tr("it was moved to %1 instead of the trash")
                     .arg(QFileInfo(there).absoluteFilePath());
    return {};
}
} // namespace

void RunBrowserDialog::trashSelected() {
    const QStringList dirs = selectedRunDirs();
    if (dirs.isEmpty()) return;
    // Named, so that the user sees what goes: up to kNamed of them, then a count.
    constexpr int kNamed = 8;
    QStringList names;
    for (int i = 0; i < std::min<int>(kNamed, dirs.size()); ++i)
        names << QDir::toNativeSeparators(dirs[i]);
    if (dirs.size() > kNamed) names << tr("and %1 more").arg(dirs.size() - kNamed);
    const QString question = dirs.size() == 1
                                 ? tr("Move this run folder to the trash?")
                                 : tr("Move these %1 run folders to the trash?").arg(dirs.size());
    if (QMessageBox::question(this, tr("Move to trash"),
                              question + QStringLiteral("\n\n") + names.join(QLatin1Char('\n')),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    trashRuns(dirs);
}

QStringList RunBrowserDialog::trashRuns(const QStringList& dirs) {
    QStringList moved, refused;
    QString trashFolder;
    for (const QString& dir : dirs) {
        const QString busy = m_inUse ? m_inUse(dir) : QString();
        if (!busy.isEmpty()) {
            refused << tr("%1: %2").arg(dir, busy);
            continue;
        }
        QString why;
        const QString there = moveToTrash(dir, &why);
        if (there.isEmpty()) {
            refused << tr("%1: %2").arg(dir, why);
            continue;
        }
        trashFolder = QFileInfo(there).path();
        moved << dir;
        m_model->removeRun(dir.toStdString());
        updateShown();
    }
    QString text =
        moved.isEmpty()
            ? tr("Nothing was moved to the trash.")
            : (moved.size() == 1 ? tr("Moved 1 run folder to the trash (%1).")
                                 : tr("Moved %1 run folders to the trash (%2).").arg(moved.size()))
                  .arg(QDir::toNativeSeparators(trashFolder));
    if (!refused.isEmpty())
        text += QLatin1Char(' ') + (refused.size() == 1
                                        ? tr("1 was not moved: %1")
                                        : tr("%1 were not moved: %2").arg(refused.size()))
                                       .arg(refused.join(QStringLiteral("; ")));
    m_message->setText(text);
    updateButtons();
    if (!moved.isEmpty()) Q_EMIT trashed(moved);
    return moved;
}

void RunBrowserDialog::chooseFolder() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Folder of training runs"), m_folder);
    if (!dir.isEmpty()) showFolder(dir);
}

void RunBrowserDialog::updateButtons() {
    const bool any = m_view->selectionModel()->hasSelection();
    m_open->setEnabled(any);
    m_trash->setEnabled(any);
    for (QAction* a : m_selectionActions)
        a->setEnabled(any);
}

} // namespace scalescope
