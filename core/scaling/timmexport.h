// Export of a scaled EfficientNet / EfficientNetV2 as timm's `arch_def` block strings, for
// timm.models._efficientnet_builder.decode_arch_def (e.g. "ir_r2_k3_s2_e6_c24_se0.25").
#pragma once

#include "scaling.h"

#include <string>
#include <vector>

namespace scalescope {

// One list of block strings per stage, with the scaled repeats and channels, so timm builds
// it with depth and channel multipliers of 1. Throws ValidationError for ResNet-RS, which
// timm builds from its own ResNet class rather than block strings.
std::vector<std::vector<std::string>> timmArchDef(const ScaledArch& arch);

// A short Python snippet that rebuilds the model in timm from that arch_def.
std::string timmArchDefPython(const ScaledArch& arch);

} // namespace scalescope
