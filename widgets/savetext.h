// Writing an export (CSV, JSON) all at once: the file is replaced only when the whole text
// was written, so a full disk or a closed folder never leaves half a file behind.
#pragma once

#include <QString>

#include <string>

namespace scalescope {

// False with `why` ("… could not be written") when the file cannot be written.
bool saveText(const QString& path, const std::string& text, QString* why = nullptr);

} // namespace scalescope
