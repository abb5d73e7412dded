// A table view's selected rows as tab-separated text, for the clipboard: what a spreadsheet
// pastes as rows and columns.
#pragma once

#include <QModelIndex>
#include <QString>

#include <functional>

class QAction;
class QTableView;

namespace scalescope {

// The header line of the shown columns, then the selected rows in the view's order (sorted or
// filtered as shown). `cell`, where given, may replace a cell's text (a full path where the
// view elides it): it gets the view's index and returns a null QString to keep the shown text.
// Empty when nothing is selected.
QString selectedRowsText(const QTableView* view,
                         const std::function<QString(const QModelIndex&)>& cell = {});
// The same for every row, in the view's order, selected or not.
QString allRowsText(const QTableView* view,
                    const std::function<QString(const QModelIndex&)>& cell = {});

// "Copy" on `view`: Ctrl+C while the view has the focus, and its context menu where the view
// uses its actions for one. It puts the selected rows on the clipboard, or every row where no
// whole row is selected (a table of cells, as the stage table is, copies as a whole).
QAction* addCopyAction(QTableView* view);

} // namespace scalescope
