#include "tabletext.h"

#include <QItemSelectionModel>
#include <QStringList>
#include <QTableView>

#include <algorithm>

namespace scalescope {

QString selectedRowsText(const QTableView* view,
                         const std::function<QString(const QModelIndex&)>& cell) {
    QModelIndexList rows = view->selectionModel()->selectedRows();
    if (rows.isEmpty()) return {};
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    const QAbstractItemModel* model = view->model();
    QList<int> columns;
    for (int c = 0; c < model->columnCount(); ++c)
        if (!view->isColumnHidden(c)) columns << c;
    QStringList header;
    for (int c : columns)
        header << model->headerData(c, Qt::Horizontal).toString();
    QStringList lines{header.join(QLatin1Char('\t'))};
    for (const QModelIndex& r : rows) {
        QStringList cells;
        for (int c : columns) {
            const QModelIndex i = model->index(r.row(), c);
            QString text = cell ? cell(i) : QString();
            cells << (text.isNull() ? i.data().toString() : text);
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace scalescope
