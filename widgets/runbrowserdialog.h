// File → Browse training runs…: the runs of a folder (by default where runs go without a
// folder of their own) in a sortable table, read off the GUI thread. Open overlays the
// selected runs on the training tab, where an unfinished one can be continued; Move to trash
// puts the selected run folders in the desktop's trash, from where they can be restored.
#pragma once

#include <QDialog>
#include <QList>
#include <QThreadPool>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace scalescope {

class RunFilter;
class RunListModel;

class RunBrowserDialog : public QDialog {
    Q_OBJECT
  public:
    explicit RunBrowserDialog(QWidget* parent = nullptr);
    ~RunBrowserDialog() override;
    // Lists `folder`'s runs (read on a pool thread; listed() follows).
    void showFolder(const QString& folder);
    QString folder() const { return m_folder; }
    RunListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString message() const;
    QStringList selectedRunDirs() const; // in the table's order
    // Shows only the runs whose row (or folder) holds every word of `text`, in any case: "b0
    // fashion paper". The filter field sets it.
    void setFilterText(const QString& text);
    int shownCount() const; // rows the filter lets through
    // The selected rows as tab-separated text with a header line (the run's whole path), as
    // Copy (Ctrl+C) puts it on the clipboard.
    QString selectedText() const;
    void openSelected(); // openRuns(selectedRunDirs()) when any
    // Why the run in `dir` must stay where it is (it is training now, or queued), or empty.
    void setInUse(std::function<QString(const QString& dir)> inUse) { m_inUse = std::move(inUse); }
    // Moves the run folders `dirs` to the trash, each unless it is in use, and takes them off
    // the list; the message says how many went and why any did not. Returns those moved
    // (trashed() follows when any).
    QStringList trashRuns(const QStringList& dirs);
    void trashSelected(); // asks first, naming the runs
    // Opens the current run's folder in the desktop's file manager (its weights.pt is what
    // timm loads); the message says where it is when nothing here opens folders.
    void showSelectedFolder();

  Q_SIGNALS:
    void listed(); // the folder's runs are in the table, or the message says why not
    void openRuns(const QStringList& dirs);
    void trashed(const QStringList& dirs); // run folders now in the trash

  private:
    void chooseFolder();
    void updateButtons();
    QString m_folder;
    void updateShown(); // "12 of 151 shown" beside the filter
    RunListModel* m_model;
    RunFilter* m_sorted;
    QLineEdit* m_filter;
    QLabel* m_shown;
    QTableView* m_view;
    QLabel* m_message;
    QPushButton* m_open;
    QPushButton* m_refresh;
    QPushButton* m_trash;
    QAction* m_showFolder;
    QList<QAction*> m_selectionActions; // the table's context menu: on with a selection
    std::function<QString(const QString&)> m_inUse;
    QThreadPool m_pool; // reads the folder; waited for before the window goes
};

} // namespace scalescope
