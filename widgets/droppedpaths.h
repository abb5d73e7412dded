// The local files and folders a drag carries: what the windows open when dropped on them (a
// remote URL is no path to read).
#pragma once

#include <QMimeData>
#include <QStringList>
#include <QUrl>

namespace scalescope {

inline QStringList droppedPaths(const QMimeData* mime) {
    QStringList paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    return paths;
}

} // namespace scalescope
