#include "savetext.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace scalescope {

bool saveText(const QString& path, const std::string& text, QString* why) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) ||
        f.write(text.data(), qint64(text.size())) != qint64(text.size()) || !f.commit()) {
        if (why)
            *why = QCoreApplication::translate("scalescope::saveText", "%1 could not be written")
                       .arg(path);
        return false;
    }
    return true;
}

} // namespace scalescope
