// The one versioned configuration schema ("scalescope-config" v1): a baseline, scaling
// coefficients, per-stage multipliers and training settings. The CLI's export, the GUI's
// save/open and `train --config` all read and write it.
#pragma once

#include "jsonreader.h"
#include "scaling.h"

#include <cstdint>
#include <string>

namespace scalescope {

constexpr int kConfigVersion = 1;

struct ProgressiveSettings {
    // Fixed: one stage at the final size (the baseline to compare with).
    // Paper: EfficientNetV2 Table 6 / Algorithm 1, stage i of M at S0 + (Se-S0) i/(M-1).
    // Code: the official code's schedule: dropout fixed, stage i at S0 + (Se-S0)(i+1)/M.
    enum class Schedule { Fixed, Paper, Code };
    Schedule schedule = Schedule::Paper;
    int stages = 4;
    int minImageSize = 128; // S0
    int maxImageSize = 0;   // Se; 0 = the scaled architecture's resolution
    // Validation size; 0 = the last stage's. EfficientNetV2 evaluates above its last training
    // size (S: trains to 300, evaluates at 384): random crops show objects larger than whole
    // images do, so a larger test size matches them again (Touvron et al., FixRes).
    int evalImageSize = 0;
    double dropoutMin = 0.1, dropoutMax = 0.3;
    double randAugmentMin = 5, randAugmentMax = 15; // RandAugment magnitude (0-30)
    double mixupMin = 0.0, mixupMax = 0.2;          // mixup alpha
    bool operator==(const ProgressiveSettings& o) const;
};

std::string toString(ProgressiveSettings::Schedule s);
ProgressiveSettings::Schedule scheduleFromString(const std::string& s, const std::string& field);

struct TrainingSettings {
    std::string dataset = "shapes"; // shapes, shapes-hard, fashion-mnist, cifar10, folder
    std::string dataPath;           // empty = the dataset's default location
    int epochs = 4;
    int batchSize = 64;
    std::string optimizer = "sgd"; // sgd (Nesterov momentum) or rmsprop
    double learningRate = 0.05;
    double momentum = 0.9;
    double weightDecay = 5e-5;
    double labelSmoothing = 0.1;
    double warmupEpochs = 0.5;
    double emaDecay = 0.0; // 0 = no EMA of weights
    // Initial weights. "timm": timm's (for ResNet-RS that zeroes each block's last
    // BatchNorm). "zero-last": also every residual branch's last BatchNorm and the classifier
    // at zero (Goyal et al. 2017), so the network starts as its stem and a chain of
    // identities. It rescued EfficientNet-B0 on 2,000 images, whose first steps blew up with
    // timm's, but cost a quarter EfficientNetV2-S 0.5-3.4 points on Fashion-MNIST
    // (docs/BENCHMARKS.md).
    std::string init = "timm";
    std::string device = "auto";    // auto, cpu, cuda, cuda:N
    std::string precision = "auto"; // auto (bf16 on CUDA, fp32 on CPU), fp32, bf16
    // On CUDA: replay each stage's step from a CUDA graph (SGD only; elsewhere ignored). On by
    // default since bench_train_step graphcheck passed on an H100, where B0's step at 64 px ran
    // 1.71x faster replayed (docs/BENCHMARKS.md).
    bool cudaGraphs = true;
    // On CUDA: time cuDNN's algorithms once per new input shape and keep the fastest. Off by
    // default: on an H100 the search cost 22 s at the start and 4-11 s at every stage change,
    // for 6% faster steps (V2-S at 128 px), so a 20-epoch run was 15% slower with it
    // (docs/BENCHMARKS.md). Runs of many epochs at one size gain from it.
    bool cudnnBenchmark = false;
    int trainSamples = 0;      // images used; 0 = all (synthetic sets: 4000)
    int valSamples = 0;        // 0 = all (synthetic sets: 1000)
    int checkpointEvery = 200; // steps; 0 = only at the end
    // Epochs between validations; the last epoch is always validated. Validating is a fixed
    // cost per epoch (a tenth of a short CPU run at 256 px), unlike the steps it follows.
    int validateEvery = 1;
    std::uint64_t seed = 1;
    int workers = 2; // threads that render synthetic data (batches run one step ahead)
    ProgressiveSettings progressive;
    bool operator==(const TrainingSettings& o) const;
};

// The largest seed: config.json's numbers hold every whole number up to 2^53 exactly.
inline constexpr std::uint64_t kMaxSeed = 9007199254740992ull;

// The synthetic shapes sets: drawn from the seed at any image size, this many images where
// train_samples or val_samples is 0.
bool isSyntheticDataset(const std::string& dataset);
inline constexpr int kDefaultSyntheticTrain = 4000;
inline constexpr int kDefaultSyntheticVal = 1000;

// Throws ValidationError naming the field ("training.batch_size").
void validate(const TrainingSettings& t);
// The device names training accepts (auto, cpu, cuda, cuda:N); throws naming `field`.
void validateDevice(const std::string& field, const std::string& device);

struct ScaleConfig {
    std::string preset; // the preset it started from, for display; may be empty
    ArchSpec baseline;
    ScalingRequest request;
    TrainingSettings training;
    bool operator==(const ScaleConfig& o) const {
        return preset == o.preset && baseline == o.baseline && request == o.request &&
               training == o.training;
    }
};

ScaleConfig configForPreset(const std::string& name);
// The baseline's stages edited (0-based `stage`): a copy of a stage placed right after it, its
// per-stage multipliers with it, or the stage taken out with its multipliers. Throws
// ValidationError("stages") for a stage that does not exist; what the result may hold (at
// least one stage, at most kMaxStages) is checked where it is scaled, as for any baseline.
ScaleConfig withStageDuplicated(ScaleConfig c, int stage);
ScaleConfig withStageRemoved(ScaleConfig c, int stage);
ScaleConfig configFromJson(const Json& j);
// A configuration inside a larger file (a study's or a grid's record) under key `key`: its
// errors name the field from there ("config.training.epochs").
ScaleConfig configFromJsonAt(const Json& j, const std::string& key);
Json configToJson(const ScaleConfig& c);
ScaleConfig loadConfig(const std::string& path);
// Where `there` and `here` differ: the first three differing fields of their JSON with both
// values ("training.epochs: 2 there, 3 here"), the preset's name only where nothing else
// differs; empty where they are equal.
std::string configDifference(const ScaleConfig& there, const ScaleConfig& here);
// Writes to a temporary file and renames it over `path`: a crash never leaves half a file.
void saveConfig(const ScaleConfig& c, const std::string& path);
void writeFileAtomically(const std::string& path, const std::string& text);

} // namespace scalescope
