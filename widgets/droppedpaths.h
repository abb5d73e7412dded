// The local files and folders a drag carries: what the windows open when dropped on them (a
// remote URL is no path to read).
#pragma once

#include <QFileInfo>
#include <QMimeData>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace scalescope {

inline QStringList droppedPaths(const QMimeData* mime) {
    QStringList paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    return paths;
}

// The one folder a drag carries; empty where it carries anything else (a study or grid window
// opens one folder at a time).
inline QString droppedFolder(const QMimeData* mime) {
    const QStringList paths = droppedPaths(mime);
    return paths.size() == 1 && QFileInfo(paths.front()).isDir() ? paths.front() : QString();
}

} // namespace scalescope
