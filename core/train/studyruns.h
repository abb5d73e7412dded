// A scaling study's folder read back (scalescope-cli study --train, or the GUI's study
// window, which train each point into DIR/<point's run name>): each run's configuration and
// final validation accuracy, so that the study window can show them again. No torch types.
#pragma once

#include "scaling/config.h"

#include <string>
#include <vector>

namespace scalescope::train {

struct StudyRun {
    std::string name; // the subfolder: "baseline", "compound-phi1", ...
    ScaleConfig config;
    bool finished = false;   // every planned epoch done
    double finalValAccuracy; // the last validation's; NaN where none was run
};

struct StudyFolder {
    std::vector<StudyRun> runs;       // by name
    std::vector<std::string> skipped; // "name: why" for subfolders that hold no readable run
};

// Throws std::runtime_error naming the folder when it cannot be listed or holds no run at all.
StudyFolder readStudyFolder(const std::string& dir);

} // namespace scalescope::train
