// ArchSpec <-> JSON ("scalescope-spec" version 1). The built-in baselines in resources/specs
// and user files go through the same strict reader.
#pragma once

#include "archspec.h"
#include "jsonreader.h"

namespace scalescope {

constexpr int kSpecVersion = 1;

// `path` prefixes field names in errors ("baseline.stages[2].kernel").
ArchSpec specFromJson(const Json& j, const std::string& path = "");
Json specToJson(const ArchSpec& spec);

} // namespace scalescope
