// A run folder as the trainer leaves it, written without training: its configuration, `rows`
// validated epochs (1.5 s each), and for a run stopped before its last epoch a checkpoint file
// (its contents are not read by what the suites test with it). False where it cannot be made.
#pragma once

#include "scaling/config.h"
#include "train/runhistory.h"

#include <filesystem>
#include <fstream>
#include <string>

inline bool writeFakeRun(const std::string& dir, const scalescope::ScaleConfig& c, int rows,
                         double valAccuracy) {
    using namespace scalescope::train;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return false;
    scalescope::saveConfig(c, dir + "/" + kConfigFile);
    std::ofstream metrics(dir + "/" + kMetricsFile);
    metrics << metricsFileHeader() << "\n";
    for (int i = 0; i < rows; ++i) {
        TrainEvent e;
        e.type = TrainEvent::Type::Epoch;
        e.epoch = i;
        e.epochs = c.training.epochs;
        e.imageSize = 32;
        e.loss = 1.0;
        e.valLoss = 1.0;
        e.valAccuracy = valAccuracy;
        e.elapsedSeconds = 1.5 * (i + 1);
        metrics << metricsRow(e) << "\n";
    }
    if (rows < c.training.epochs) std::ofstream(dir + "/" + kCheckpointFile) << "not read here";
    return bool(metrics);
}
