// File → Browse training runs…: a folder's runs listed off the GUI thread in a well-behaved,
// sortable table, unreadable ones greyed with their reason, and the selected ones opened on the
// training tab once each, where a stopped one can be continued.
#include "fakerun.h"
#include "mainwindow.h"
#include "runbrowserdialog.h"
#include "runlistmodel.h"
#include "trainingpanel.h"

#include "scaling/presets.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <unistd.h>

using namespace scalescope;

namespace {
// Takes what this suite put in the (test mode's) trash out again: the entries whose .trashinfo
// names a path in `from`.
void emptyTrashOf(const QString& trashFiles, const QString& from) {
    const QDir info(trashFiles + "/../info");
    for (const QString& name : info.entryList({"*.trashinfo"}, QDir::Files)) {
        QFile f(info.filePath(name));
        if (!f.open(QIODevice::ReadOnly) || !f.readAll().contains(("Path=" + from).toUtf8()))
            continue;
        f.close();
        QDir(trashFiles + '/' + name.chopped(int(strlen(".trashinfo")))).removeRecursively();
        QFile::remove(info.filePath(name));
    }
}
} // namespace

// Stands in for the desktop's file manager: the folders it was asked to show.
class FolderCatcher : public QObject {
    Q_OBJECT
  public:
    QStringList shown;
  public Q_SLOTS:
    void show(const QUrl& url) { shown << url.toLocalFile(); }
};

class TestRunBrowser : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void listsAFolder();
    void sortsByAColumn();
    void opensSelectedRunsOnce();
    void missingFolderSaysSo();
    void trashesRunsNotInUse();
    void filtersAndCopies();

  private:
    QTemporaryDir m_dir;
    QString m_finished, m_stopped, m_broken;
    bool listFolder(RunBrowserDialog& d, const QString& folder) {
        QSignalSpy listed(&d, &RunBrowserDialog::listed);
        d.showFolder(folder);
        return listed.wait(10000);
    }
};

void TestRunBrowser::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    ScaleConfig c = configForPreset("efficientnet-b0");
    c.training.epochs = 3;
    m_finished = m_dir.filePath("finished");
    m_stopped = m_dir.filePath("stopped");
    m_broken = m_dir.filePath("broken");
    QVERIFY(writeFakeRun(m_finished.toStdString(), c, 3, 0.8));
    c.training.seed = 2;
    QVERIFY(writeFakeRun(m_stopped.toStdString(), c, 1, 0.5));
    QVERIFY(writeFakeRun(m_broken.toStdString(), c, 3, 0.6));
    std::ofstream((m_broken + "/metrics.csv").toStdString(), std::ios::app) << "3,oops\n";
    QVERIFY(QDir(m_dir.path()).mkpath("not a run"));
}

void TestRunBrowser::listsAFolder() {
    RunBrowserDialog d;
    QVERIFY(listFolder(d, m_dir.path()));
    QAbstractItemModelTester tester(d.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunListModel* m = d.model();
    QCOMPARE(m->rowCount(), 3);
    QVERIFY2(d.message().contains("3 runs in " + m_dir.path()), qPrintable(d.message()));
    QVERIFY2(d.message().contains("1 cannot be read"), qPrintable(d.message()));
    QMap<QString, int> row;
    for (int r = 0; r < m->rowCount(); ++r)
        row[m->index(r, RunListModel::Run).data().toString()] = r;
    QCOMPARE(QSet<QString>(row.keyBegin(), row.keyEnd()),
             (QSet<QString>{"finished", "stopped", "broken"}));
    const auto cell = [&](const char* run, int column) {
        return m->index(row[run], column).data().toString();
    };
    QCOMPARE(cell("finished", RunListModel::Epochs), QString("3/3"));
    QCOMPARE(cell("finished", RunListModel::Sizes), QString("128→224")); // B0's defaults
    QCOMPARE(cell("finished", RunListModel::State), QString("finished"));
    QCOMPARE(cell("finished", RunListModel::Accuracy), QString("80.00%"));
    QCOMPARE(cell("finished", RunListModel::Time), QString("00:05")); // 4.5 s
    QCOMPARE(cell("stopped", RunListModel::Epochs), QString("1/3"));
    QCOMPARE(cell("stopped", RunListModel::State), QString("unfinished (can continue)"));
    QCOMPARE(cell("broken", RunListModel::State), QString("unreadable"));
    const QModelIndex broken = m->index(row["broken"], RunListModel::Run);
    // Greyed, yet selectable: it can be moved to the trash, and opening it says why it cannot.
    QVERIFY(m->flags(broken) & Qt::ItemIsSelectable);
    QVERIFY(broken.data(Qt::ForegroundRole).isValid());
    QVERIFY(!m->index(row["finished"], RunListModel::Run).data(Qt::ForegroundRole).isValid());
    QVERIFY2(broken.data(Qt::ToolTipRole).toString().contains("metrics.csv line 5"),
             qPrintable(broken.data(Qt::ToolTipRole).toString()));
}

void TestRunBrowser::sortsByAColumn() {
    RunBrowserDialog d;
    QVERIFY(listFolder(d, m_dir.path()));
    d.view()->sortByColumn(RunListModel::Accuracy, Qt::DescendingOrder);
    const QAbstractItemModel* shown = d.view()->model();
    QStringList order;
    for (int r = 0; r < shown->rowCount(); ++r)
        order << shown->index(r, RunListModel::Run).data().toString();
    // 80% before 60% (the broken run's config reads, its metrics do not: no accuracy) and 50%.
    QCOMPARE(order.indexOf("finished"), 0);
    QVERIFY(order.indexOf("stopped") < order.indexOf("broken"));
}

void TestRunBrowser::opensSelectedRunsOnce() {
    MainWindow w;
    RunBrowserDialog* d = w.runBrowser();
    QVERIFY2(QDir::cleanPath(d->folder()).endsWith("/scalescope"), qPrintable(d->folder()));
    QVERIFY(listFolder(*d, m_dir.path()));
    QTableView* view = d->view();
    auto* open = d->findChild<QPushButton*>(QStringLiteral("openRuns"));
    QVERIFY(open);
    QVERIFY(!open->isEnabled()); // nothing selected yet
    view->selectAll();
    QVERIFY(open->isEnabled());
    QStringList dirs = d->selectedRunDirs();
    dirs.sort();
    QCOMPARE(dirs, (QStringList{m_broken, m_finished, m_stopped}));
    QSignalSpy opened(d, &RunBrowserDialog::openRuns);
    open->click();
    QCOMPARE(opened.count(), 1);
    TrainingPanel* panel = w.trainingPanel();
    QCOMPARE(panel->runCount(), 2); // the unreadable one is named in the message instead
    QVERIFY2(w.lastMessage().contains("metrics.csv line 5"), qPrintable(w.lastMessage()));
    QVERIFY(panel->runIndexOf(m_stopped) >= 0);
    d->openSelected(); // already on the tab: not listed twice
    QCOMPARE(panel->runCount(), 2);
    // The run list's context menu shows the same window.
    d->hide();
    auto* browse = panel->findChild<QAction*>(QStringLiteral("browseRuns"));
    QVERIFY(browse);
    browse->trigger();
    QVERIFY(d->isVisible());
    QCOMPARE(w.runBrowser(), d);
    w.openRuns({m_broken});
    QCOMPARE(panel->runCount(), 2);
    QVERIFY2(w.lastMessage().contains("1 run could not be opened: ") &&
                 w.lastMessage().contains("metrics.csv line 5"),
             qPrintable(w.lastMessage()));
}

void TestRunBrowser::missingFolderSaysSo() {
    RunBrowserDialog d;
    QVERIFY(listFolder(d, m_dir.filePath("nothing here")));
    QCOMPARE(d.model()->rowCount(), 0);
    QVERIFY2(d.message().startsWith("No training runs in "), qPrintable(d.message()));
    QVERIFY(listFolder(d, m_finished)); // a run folder itself
    QCOMPARE(d.model()->rowCount(), 1);
    QCOMPARE(d.model()->index(0, RunListModel::Run).data().toString(), m_finished);
}

void TestRunBrowser::trashesRunsNotInUse() {
    QTemporaryDir dir;
    ScaleConfig c = configForPreset("efficientnet-b0");
    c.training.epochs = 2;
    const QString a = dir.filePath("a"), b = dir.filePath("b"), broken = dir.filePath("broken");
    QVERIFY(writeFakeRun(a.toStdString(), c, 2, 0.7));
    QVERIFY(writeFakeRun(b.toStdString(), c, 2, 0.6));
    QVERIFY(QDir().mkpath(broken));
    std::ofstream((broken + "/metrics.csv").toStdString()) << "not,a,metrics,file\n";

    MainWindow w;
    RunBrowserDialog* d = w.runBrowser();
    QVERIFY(listFolder(*d, dir.path()));
    QAbstractItemModelTester tester(d->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(d->model()->rowCount(), 3);
    auto* trash = d->findChild<QPushButton*>(QStringLiteral("trashRuns"));
    QVERIFY(trash);
    QVERIFY(!trash->isEnabled()); // nothing selected
    d->view()->selectAll();
    QVERIFY(trash->isEnabled());
    d->openSelected();
    QCOMPARE(w.trainingPanel()->runCount(), 2);

    // As the main window answers for a run that trains or waits in the queue.
    d->setInUse([&](const QString& dir) {
        return dir == b ? QStringLiteral("it is training now") : QString();
    });
    QSignalSpy trashed(d, &RunBrowserDialog::trashed);
    const QStringList moved = d->trashRuns({a, b, broken});
    QCOMPARE(moved, (QStringList{a, broken}));
    QVERIFY(!QFileInfo::exists(a));
    QVERIFY(!QFileInfo::exists(broken));
    QVERIFY(QFileInfo::exists(b + "/metrics.csv"));
    // The home trash (test mode's), or the trash at the top of the temporary folder's file
    // system where that is another one (a tmpfs /tmp): the message names where they went.
    const QString message = d->message();
    const QRegularExpression said("^Moved 2 run folders to the trash \\((.+/files)\\)\\. 1 was "
                                  "not moved: (.+): it is training now$");
    const QRegularExpressionMatch m = said.match(message);
    QVERIFY2(m.hasMatch(), qPrintable(message));
    QCOMPARE(m.captured(2), b);
    const QString trashFiles = m.captured(1);
    const QString homeTrash =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/Trash/files";
    const QString uid = QString::number(getuid());
    QVERIFY2(trashFiles == homeTrash || trashFiles.endsWith("/.Trash-" + uid + "/files") ||
                 trashFiles.endsWith("/.Trash/" + uid + "/files"),
             qPrintable(trashFiles));
    QCOMPARE(trashed.count(), 1);
    QCOMPARE(d->model()->rowCount(), 1);
    QCOMPARE(d->model()->run(0).dir, b.toStdString());
    // Off the training tab too: a folder in the trash can be neither continued nor evaluated.
    QCOMPARE(w.trainingPanel()->runCount(), 1);
    QCOMPARE(w.trainingPanel()->runIndexOf(b), 0);
    // In the trash, not gone: restorable from the desktop's trash folder.
    QVERIFY2(!QDir(trashFiles).entryList({"a*"}, QDir::Dirs).isEmpty(), qPrintable(trashFiles));
    emptyTrashOf(trashFiles, dir.path());

    // A folder that is no longer there is named with the reason; nothing else moves.
    d->setInUse({});
    QCOMPARE(d->trashRuns({a}), QStringList());
    QVERIFY2(d->message().startsWith("Nothing was moved to the trash. 1 was not moved: " + a),
             qPrintable(d->message()));
    QCOMPARE(d->model()->rowCount(), 1);
}

void TestRunBrowser::filtersAndCopies() {
    RunBrowserDialog d;
    QVERIFY(listFolder(d, m_dir.path()));
    auto* filter = d.findChild<QLineEdit*>(QStringLiteral("runFilter"));
    auto* open = d.findChild<QPushButton*>(QStringLiteral("openRuns"));
    QVERIFY(filter && open);
    QAbstractItemModelTester tester(d.view()->model(), // the sorting, filtering proxy
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(d.shownCount(), 3);
    // Every word, in any case, in some cell or in the folder's path.
    filter->setText("STOPPED");
    QCOMPARE(d.shownCount(), 1);
    filter->setText("finished"); // "unfinished (can continue)" too
    QCOMPARE(d.shownCount(), 2);
    filter->setText("finished continue");
    QCOMPARE(d.shownCount(), 1);
    filter->setText(QFileInfo(m_dir.path()).fileName() + " broken"); // the path's words
    QCOMPARE(d.shownCount(), 1);
    filter->setText("");
    QCOMPARE(d.shownCount(), 3);

    d.view()->selectAll();
    QVERIFY(open->isEnabled());
    const QStringList lines = d.selectedText().split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // the header and three runs
    QVERIFY2(lines[0].startsWith("Run\tModel\tDataset\tImage px\t"), qPrintable(lines[0]));
    QStringList paths;
    for (int i = 1; i < lines.size(); ++i)
        paths << lines[i].section('\t', 0, 0);
    paths.sort();
    QCOMPARE(paths, (QStringList{m_broken, m_finished, m_stopped})); // whole paths
    QVERIFY(lines.filter(m_finished).first().contains("\t80.00%\t"));

    // Show folder: the row last clicked, in the desktop's file manager.
    FolderCatcher catcher;
    QDesktopServices::setUrlHandler("file", &catcher, "show");
    auto* showFolder = d.findChild<QAction*>(QStringLiteral("showRunFolder"));
    QVERIFY(showFolder && showFolder->isEnabled());
    filter->setText("stopped");
    d.view()->selectAll();
    d.view()->setCurrentIndex(d.view()->model()->index(0, 0));
    showFolder->trigger();
    QDesktopServices::unsetUrlHandler("file");
    QCOMPARE(catcher.shown, QStringList{m_stopped});
    filter->setText("");

    // Rows the filter hides leave the selection: nothing unseen is opened or trashed.
    filter->setText("no run is called this");
    QCOMPARE(d.shownCount(), 0);
    QVERIFY(d.selectedRunDirs().isEmpty());
    QVERIFY(!open->isEnabled());
    QVERIFY(!showFolder->isEnabled());
    QVERIFY(d.selectedText().isEmpty());
}

QTEST_MAIN(TestRunBrowser)
#include "tst_runbrowser.moc"
