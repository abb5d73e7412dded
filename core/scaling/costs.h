// Exact per-layer costs of a scaled architecture: parameters, multiply-adds (what the
// EfficientNet papers call FLOPs), output shapes and the activations kept for backward.
#pragma once

#include "scaling.h"

#include <cstdint>
#include <string>
#include <vector>

namespace scalescope {

// One block (or the stem, head conv, classifier): what the diagram and tables show.
struct LayerCost {
    std::string name;  // "stem", "blocks.3.1", "head", "classifier"
    std::string label; // "MBConv6 k5", "Conv3x3", ...
    int stage = -1;    // -1 stem; 0..n-1 stages; n head and classifier
    int block = 0;     // index inside its stage
    int inChannels = 0, outChannels = 0, hiddenChannels = 0, seChannels = 0;
    int inH = 0, inW = 0, outH = 0, outW = 0;
    int kernel = 1, stride = 1;
    bool residual = false;
    std::int64_t params = 0;
    std::int64_t macs = 0;
    std::int64_t activations = 0; // elements per image kept for the backward pass
};

struct StageCost {
    std::string name;  // "stem", "stage 1", ..., "head"
    std::string label; // "MBConv6 k3" or "Conv3x3"
    int stage = -1;
    int repeats = 1;
    int outChannels = 0, outH = 0, outW = 0;
    std::int64_t params = 0, macs = 0, activations = 0;
    std::size_t firstLayer = 0, layerCount = 0; // slice of CostReport::layers
};

struct CostReport {
    int resolution = 0;
    std::vector<LayerCost> layers;
    std::vector<StageCost> stages; // stem, every stage, head
    std::int64_t params = 0, macs = 0, activations = 0;
};

CostReport computeCosts(const ScaledArch& arch);

enum class Precision { Float32, BFloat16 };
enum class Optimizer { SGDMomentum, RMSProp };

// Memory of training at a batch size. Activations follow CostReport::activations; weights,
// gradients, optimizer state and the EMA copy are kept in float32.
struct MemoryEstimate {
    double activationBytesPerImage = 0;
    double fixedBytes = 0; // weights + gradients + optimizer state + EMA
    double bytesAtBatch(int batch) const { return fixedBytes + activationBytesPerImage * batch; }
    // Largest batch whose estimate fits in `budgetBytes`; 0 when not even one image fits.
    long long maxBatch(double budgetBytes) const;
};

MemoryEstimate estimateMemory(const CostReport& costs, Precision precision, Optimizer optimizer,
                              bool ema);

// The optimizer each family's paper trained with, whose state the estimates count: SGD with
// momentum for ResNet-RS, RMSProp for the EfficientNets.
Optimizer paperOptimizer(Family family);

} // namespace scalescope
