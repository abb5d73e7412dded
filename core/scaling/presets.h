// Built-in baselines (resources/specs/*.json) and presets (resources/presets.json).
#pragma once

#include "scaling.h"

#include <string>
#include <vector>

namespace scalescope {

struct Preset {
    std::string name;           // what users type: "efficientnet-b3"
    std::string displayName;    // "EfficientNet-B3"
    std::string baseline;       // spec it scales: "efficientnet-b0"
    bool officialTable = false; // B1-B7: the published table, not alpha^phi
    ScalingRequest request;
};

// Every preset name in a stable order: B0-B7, V2-S/M/L, ResNet-RS 50-420.
std::vector<std::string> presetNames();
// Names of the baselines (specs shipped as JSON).
std::vector<std::string> baselineNames();
// Throws ValidationError(field, ...) listing the known names when `name` is unknown.
Preset findPreset(const std::string& name, const std::string& field = "preset");
const ArchSpec& baselineSpec(const std::string& name, const std::string& field = "baseline");

} // namespace scalescope
