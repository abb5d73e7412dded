#include "tabletext.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QStringList>
#include <QTableView>

#include <algorithm>

namespace scalescope {

namespace {
// The header line of the shown columns, then `rows` (model rows, any order) in row order.
QString rowsText(const QTableView* view, QList<int> rows,
                 const std::function<QString(const QModelIndex&)>& cell) {
    if (rows.isEmpty()) return {};
    std::sort(rows.begin(), rows.end());
    const QAbstractItemModel* model = view->model();
    QList<int> columns;
    for (int c = 0; c < model->columnCount(); ++c)
        if (!view->isColumnHidden(c)) columns << c;
    QStringList header;
    for (int c : columns)
        header << model->headerData(c, Qt::Horizontal).toString();
    QStringList lines{header.join(QLatin1Char('\t'))};
    for (int r : rows) {
        QStringList cells;
        for (int c : columns) {
            const QModelIndex i = model->index(r, c);
            QString text = cell ? cell(i) : QString();
            cells << (text.isNull() ? i.data().toString() : text);
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
} // namespace

QString selectedRowsText(const QTableView* view,
                         const std::function<QString(const QModelIndex&)>& cell) {
    QList<int> rows;
    for (const QModelIndex& r : view->selectionModel()->selectedRows())
        rows << r.row();
    return rowsText(view, rows, cell);
}

QString allRowsText(const QTableView* view,
                    const std::function<QString(const QModelIndex&)>& cell) {
    QList<int> rows;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        rows << r;
    return rowsText(view, rows, cell);
}

QAction* addCopyAction(QTableView* view) {
    auto* copy = new QAction(QCoreApplication::translate("TableText", "Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(copy);
    QObject::connect(copy, &QAction::triggered, view, [view] {
        const QString rows = selectedRowsText(view);
        const QString text = rows.isEmpty() ? allRowsText(view) : rows;
        if (!text.isEmpty()) QGuiApplication::clipboard()->setText(text);
    });
    return copy;
}

} // namespace scalescope
