// A table cell for a point trained at several seeds, as the study and grid windows show it:
// "96.10% ±0.52" (the mean ± its standard error, in points), "(2/3)" where some seeds have no
// result yet; a paired difference in points: "+1.60 ±1.05 (4/6)", the count being the seeds
// where the point scored higher.
#pragma once

#include "percenttext.h"
#include "scaling/scalingstudy.h"

#include <QString>

namespace scalescope {

inline QString summaryText(const AccuracySummary& a, int seeds) {
    QString text = percentText(a.mean);
    if (a.count > 1) text += QStringLiteral(" ±%1").arg(100 * a.standardError, 0, 'f', 2);
    if (a.count < seeds) text += QStringLiteral(" (%1/%2)").arg(a.count).arg(seeds);
    return text;
}

inline QString pairedText(const PairedDifference& d) {
    const AccuracySummary& m = d.difference;
    QString text = QStringLiteral("%1%2").arg(m.mean >= 0 ? "+" : "").arg(100 * m.mean, 0, 'f', 2);
    if (m.count > 1) text += QStringLiteral(" ±%1").arg(100 * m.standardError, 0, 'f', 2);
    return text + QStringLiteral(" (%1/%2)").arg(d.higher).arg(m.count);
}

} // namespace scalescope
