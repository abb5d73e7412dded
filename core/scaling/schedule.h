// Training schedules as pure functions: progressive learning with adaptive regularization
// (EfficientNetV2, Algorithm 1) and the cosine learning rate with linear warm-up.
#pragma once

#include "config.h"
#include "scaling.h"

#include <cstdint>
#include <vector>

namespace scalescope {

struct TrainingStage {
    int index = 0;      // 0-based
    int firstEpoch = 0; // inclusive
    int endEpoch = 0;   // exclusive
    int imageSize = 0;
    double dropout = 0;
    double randAugment = 0; // magnitude
    double mixup = 0;       // alpha; 0 = off
};

// Splits `epochs` into the configured stages (never more stages than epochs) and gives each
// its image size and regularization. `finalSize` is Se when settings.maxImageSize is 0.
std::vector<TrainingStage> progressiveStages(const ProgressiveSettings& settings, int finalSize,
                                             int epochs);
const TrainingStage& stageForEpoch(const std::vector<TrainingStage>& stages, int epoch);
// The size every validation runs at: settings.evalImageSize, or the last stage's size.
int evaluationSize(const ProgressiveSettings& settings, const std::vector<TrainingStage>& stages);

// What the stages' training steps cost against training every epoch at the last stage's size:
// the sum over stages of epochs x the model's multiply-adds per image at the stage's size, over
// all epochs at the last size. Below 1 where progressive learning saves compute; where a step's
// time follows its MACs, what it saves in time.
double stageMacsRatio(const ScaledArch& arch, const std::vector<TrainingStage>& stages);

// Whether 0-based `epoch` of `epochs` ends with a validation: every `every` epochs (counted
// from the first), and always the last.
bool validationEpoch(int epoch, int epochs, int every);

// Training and test sizes set apart from the model's (minImageSize, maxImageSize,
// evalImageSize; 0 follows the model) grown with the model's resolution by `factor`, rounded as
// resolutions are and kept within the engine's limits, so that a model scaled up trains and is
// tested larger too (the scaling study's points, the grid's candidates).
void scaleSetImageSizes(ProgressiveSettings& settings, double factor);

// Linear warm-up over `warmupSteps`, then cosine decay to 0 at `totalSteps`.
double learningRateAt(double baseLr, std::int64_t step, std::int64_t totalSteps,
                      std::int64_t warmupSteps);

} // namespace scalescope
