// A table view's selected rows as tab-separated text, for the clipboard: what a spreadsheet
// pastes as rows and columns.
#pragma once

#include <QModelIndex>
#include <QString>

#include <functional>

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

} // namespace scalescope
