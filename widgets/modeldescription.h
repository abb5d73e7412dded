// One short line naming a scaled model for the docks' comparisons: "EfficientNet-B0, φ 2,
// 296 px", or "EfficientNet-B3 (official table) at 300 px" where multipliers were given.
#pragma once

#include "scaling/scaling.h"

#include <QString>

namespace scalescope {

QString describeModel(const ScaledArch& arch);

} // namespace scalescope
