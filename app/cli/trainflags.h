// The training flags that `train` and `grid --train` share: their names, their help, and
// how they set a configuration's training settings (each value checked by name).
#pragma once

#include "cliargs.h"

#include <string>
#include <vector>

namespace scalescope::cli {

extern const char* const kTrainingFlagsHelp;
// --dataset, --epochs, --lr, ...: each takes a value.
const std::vector<std::string>& trainingFlagNames();
// Sets what the flags name; throws ValidationError naming the flag or the field.
void applyTrainingFlags(const Args& a, TrainingSettings& t);

} // namespace scalescope::cli
