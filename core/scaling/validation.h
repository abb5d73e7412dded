// The range checks every validator shares; each failure names the field and the reason.
#pragma once

#include "archspec.h"

#include <string>

namespace scalescope {

void requireFinite(const std::string& field, double v);
// Finite and within [lo, hi] (inclusive).
void requireRange(const std::string& field, double v, double lo, double hi);

} // namespace scalescope
