// A fraction as the windows show accuracies: "93.25%", or a dash where there is none (NaN: no
// validation ran).
#pragma once

#include <QString>

#include <cmath>

namespace scalescope {

inline QString percentText(double fraction) {
    return std::isfinite(fraction) ? QString::number(100.0 * fraction, 'f', 2) + QLatin1Char('%')
                                   : QStringLiteral("—");
}

} // namespace scalescope
