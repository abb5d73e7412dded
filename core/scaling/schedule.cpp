#include "schedule.h"

#include "costs.h"
#include "limits.h"
#include "scaling.h"

#include <algorithm>
#include <cmath>

namespace scalescope {

namespace {
constexpr double kPi = 3.14159265358979323846;
double lerp(double a, double b, double t) {
    return a + (b - a) * t;
}
} // namespace

std::vector<TrainingStage> progressiveStages(const ProgressiveSettings& s, int finalSize,
                                             int epochs) {
    using Schedule = ProgressiveSettings::Schedule;
    const int se = s.maxImageSize > 0 ? s.maxImageSize : finalSize;
    const int s0 = std::min(s.minImageSize, se);
    const int m = s.schedule == Schedule::Fixed ? 1 : std::max(1, std::min(s.stages, epochs));
    std::vector<TrainingStage> out;
    for (int i = 0; i < m; ++i) {
        TrainingStage t;
        t.index = i;
        t.firstEpoch = int(std::int64_t(i) * epochs / m);
        t.endEpoch = int(std::int64_t(i + 1) * epochs / m);
        switch (s.schedule) {
        case Schedule::Fixed:
            t.imageSize = se;
            t.dropout = s.dropoutMax;
            t.randAugment = s.randAugmentMax;
            t.mixup = s.mixupMax;
            break;
        case Schedule::Paper: {
            // Algorithm 1: S_i = S0 + (Se - S0) * i / (M - 1), likewise every regularizer.
            const double r = m == 1 ? 1.0 : double(i) / (m - 1);
            t.imageSize = int(std::lround(lerp(s0, se, r)));
            t.dropout = lerp(s.dropoutMin, s.dropoutMax, r);
            t.randAugment = lerp(s.randAugmentMin, s.randAugmentMax, r);
            t.mixup = lerp(s.mixupMin, s.mixupMax, r);
            break;
        }
        case Schedule::Code: {
            // The official code: ratio (i + 1) / M, int() truncation, dropout left fixed.
            const double r = double(i + 1) / m;
            t.imageSize = int(lerp(s0, se, r));
            t.dropout = s.dropoutMax;
            t.randAugment = lerp(s.randAugmentMin, s.randAugmentMax, r);
            t.mixup = lerp(s.mixupMin, s.mixupMax, r);
            break;
        }
        }
        out.push_back(t);
    }
    return out;
}

const TrainingStage& stageForEpoch(const std::vector<TrainingStage>& stages, int epoch) {
    for (const TrainingStage& s : stages)
        if (epoch >= s.firstEpoch && epoch < s.endEpoch) return s;
    return stages.back();
}

int evaluationSize(const ProgressiveSettings& s, const std::vector<TrainingStage>& stages) {
    return s.evalImageSize > 0 ? s.evalImageSize : stages.back().imageSize;
}

double stageMacsRatio(const ScaledArch& arch, const std::vector<TrainingStage>& stages) {
    if (stages.empty()) return 1.0;
    const auto macsAt = [&](int size) {
        ScaledArch at = arch;
        at.resolution = size;
        return double(computeCosts(at).macs);
    };
    double staged = 0;
    int epochs = 0;
    for (const TrainingStage& st : stages) {
        staged += (st.endEpoch - st.firstEpoch) * macsAt(st.imageSize);
        epochs += st.endEpoch - st.firstEpoch;
    }
    return staged / (epochs * macsAt(stages.back().imageSize));
}

bool validationEpoch(int epoch, int epochs, int every) {
    return epoch + 1 >= epochs || (epoch + 1) % std::max(1, every) == 0;
}

double learningRateAt(double baseLr, std::int64_t step, std::int64_t totalSteps,
                      std::int64_t warmupSteps) {
    if (totalSteps <= 0) return baseLr;
    if (warmupSteps > 0 && step < warmupSteps) return baseLr * double(step + 1) / warmupSteps;
    const double span = double(std::max<std::int64_t>(1, totalSteps - warmupSteps));
    const double t = std::clamp(double(step - warmupSteps) / span, 0.0, 1.0);
    return 0.5 * baseLr * (1.0 + std::cos(kPi * t));
}

void scaleSetImageSizes(ProgressiveSettings& ps, double factor) {
    if (factor == 1.0) return; // bit for bit as configured
    for (int* px : {&ps.minImageSize, &ps.maxImageSize, &ps.evalImageSize})
        if (*px != 0)
            *px = std::clamp(roundResolution(*px, factor), limits::kMinResolution,
                             limits::kMaxResolution);
}

} // namespace scalescope
