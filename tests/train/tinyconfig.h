// A model and schedule small enough to train on two CPU cores in seconds.
#pragma once

#include "scaling/config.h"

inline scalescope::ScaleConfig tinyConfig(int epochs = 3) {
    using namespace scalescope;
    ScaleConfig c = configForPreset("efficientnet-b0");
    c.preset.clear();
    c.request.mode = ScalingRequest::Mode::Explicit;
    c.request.width = 0.25; // 8-80 channels, head 320
    c.request.depth = 0.25; // one block per stage
    c.request.resolution = 32;
    c.training.dataset = "shapes";
    c.training.epochs = epochs;
    c.training.batchSize = 32;
    c.training.learningRate = 0.05;
    c.training.trainSamples = 1600;
    c.training.valSamples = 400;
    c.training.device = "cpu";
    c.training.workers = 2;
    c.training.progressive.stages = epochs;
    c.training.progressive.minImageSize = 24;
    c.training.progressive.maxImageSize = 32;
    c.training.progressive.randAugmentMin = 0;
    c.training.progressive.randAugmentMax = 2;
    c.training.progressive.mixupMin = 0;
    c.training.progressive.mixupMax = 0;
    c.training.progressive.dropoutMin = 0;
    c.training.progressive.dropoutMax = 0.1;
    return c;
}
