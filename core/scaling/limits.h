// Bounds on what a spec or a scaling request may ask for. Beyond them a model cannot be
// built on any machine, so the input is refused with a message instead of overflowing.
#pragma once

namespace scalescope::limits {
constexpr int kMinResolution = 8;        // smallest image that survives five stride-2 steps
constexpr int kMaxResolution = 4096;     // 4K input: far beyond any published ConvNet
constexpr int kMaxInChannels = 64;       // multispectral data, not more
constexpr int kMaxClasses = 100000;      // larger than ImageNet-21k
constexpr int kMaxChannels = 65536;      // per layer, after width scaling
constexpr int kMaxStages = 32;           // far beyond the 7 of EfficientNet
constexpr int kMaxRepeats = 1000;        // per stage, after depth scaling
constexpr int kMaxKernel = 15;           // odd kernels up to 15x15
constexpr double kMaxExpansion = 32.0;   // MBConv expansion ratio
constexpr double kMaxMultiplier = 100.0; // width or depth multiplier
constexpr double kMinMultiplier = 1e-3;  // smaller makes every layer one channel wide
constexpr double kMinCoefficient = 1e-3; // alpha, beta, gamma must be positive
constexpr double kMaxCoefficient = 10.0;
constexpr double kMaxAbsPhi = 50.0;      // 1.2^50 = 9100: already past kMaxMultiplier
constexpr double kMaxTotalParams = 1e11; // 100 G parameters: no single GPU trains it
} // namespace scalescope::limits
