// BatchNorm + SiLU as one operation: the arithmetic, shared by the CUDA kernels
// (fusedbnact.cu) and the CPU reference (fusedbnact.cpp) that the tests compare with
// LibTorch's own batch_norm and silu. Both walk an [M rows, C channels] matrix (a
// channels-last N x C x H x W tensor, M = N * H * W) in the same chunks of rows, so the CPU
// reference checks the kernels' reductions and merges, not only the formulas.
// No torch headers: nvcc compiles this without them.
#pragma once

#include <cmath>
#include <cstdint>

#if defined(__CUDACC__)
#define SCALESCOPE_HD __host__ __device__ __forceinline__
#else
#define SCALESCOPE_HD inline
#endif

namespace scalescope::train::fused {

// Channels per block (one warp across them) and rows in flight per block in every kernel.
constexpr int kTileChannels = 32;
constexpr int kTileRows = 8;
// Rows each thread loads before it uses them: loads in flight, not one at a time.
constexpr int kUnroll = 4;
// Threads per channel that merge the chunks' partial results (the second kernel).
constexpr int kMergeLanes = 32;
// Counts are kept in float: exact up to 2^24 rows, the largest M the fused path accepts.
constexpr std::int64_t kMaxRows = std::int64_t(1) << 24;

// Row chunks for an [M, C] matrix: enough blocks (channel tiles x chunks) to fill
// `targetBlocks`, at least kTileRows rows each. Partial results are kept per chunk.
SCALESCOPE_HD std::int64_t chunkCount(std::int64_t rows, int channels, int targetBlocks) {
    const std::int64_t tiles = (channels + kTileChannels - 1) / kTileChannels;
    std::int64_t chunks = targetBlocks / tiles;
    const std::int64_t most = (rows + kTileRows - 1) / kTileRows;
    if (chunks > most) chunks = most;
    return chunks < 1 ? 1 : chunks;
}
SCALESCOPE_HD std::int64_t chunkRows(std::int64_t rows, std::int64_t chunks) {
    return (rows + chunks - 1) / chunks;
}

// Running mean and sum of squared deviations (Welford), mergeable (Chan et al.).
struct Moments {
    float count = 0, mean = 0, m2 = 0;
};
SCALESCOPE_HD void add(Moments& a, float v) {
    a.count += 1.0f;
    const float d = v - a.mean;
    a.mean += d / a.count;
    a.m2 += d * (v - a.mean);
}
SCALESCOPE_HD void merge(Moments& a, const Moments& b) {
    if (b.count == 0.0f) return;
    const float n = a.count + b.count, d = b.mean - a.mean;
    a.mean += d * (b.count / n);
    a.m2 += b.m2 + d * d * (a.count * (b.count / n));
    a.count = n;
}

SCALESCOPE_HD float sigmoid(float z) {
    return 1.0f / (1.0f + expf(-z));
}
// Forward of one element: z = x * scale + shift, with scale = weight / sqrt(var + eps) and
// shift = bias - mean * scale; then SiLU (z * sigmoid(z)) or nothing.
SCALESCOPE_HD float forwardValue(float x, float scale, float shift, bool silu) {
    const float z = x * scale + shift;
    return silu ? z * sigmoid(z) : z;
}
// The gradient at z (BatchNorm's output) from the gradient at the activation's output:
// d silu(z) / dz = s * (1 + z * (1 - s)), s = sigmoid(z).
SCALESCOPE_HD float gradAtNorm(float dy, float x, float scale, float shift, bool silu) {
    if (!silu) return dy;
    const float z = x * scale + shift, s = sigmoid(z);
    return dy * s * (1.0f + z * (1.0f - s));
}

// One channel's statistics from its merged moments: what the forward saves for the backward
// and the running statistics' update (PyTorch's: unbiased variance, weight `momentum`).
struct ChannelForward {
    float mean, invstd, scale, shift;
};
SCALESCOPE_HD ChannelForward channelForward(const Moments& m, float weight, float bias, float eps) {
    const float var = m.count > 0.0f ? m.m2 / m.count : 0.0f;
    const float invstd = 1.0f / sqrtf(var + eps);
    const float scale = weight * invstd;
    return {m.mean, invstd, scale, bias - m.mean * scale};
}
// The same from what the forward saved, for the backward.
SCALESCOPE_HD ChannelForward fromSaved(float mean, float invstd, float weight, float bias) {
    const float scale = weight * invstd;
    return {mean, invstd, scale, bias - mean * scale};
}
SCALESCOPE_HD void updateRunning(float& runningMean, float& runningVar, const Moments& m,
                                 float momentum) {
    const float unbiased = m.count > 1.0f ? m.m2 / (m.count - 1.0f) : m.m2;
    runningMean = (1.0f - momentum) * runningMean + momentum * m.mean;
    runningVar = (1.0f - momentum) * runningVar + momentum * unbiased;
}

// Backward: per channel, sum(dz) and sum(dz * xhat) over the rows (xhat = (x - mean) *
// invstd); they are the bias's and the weight's gradients. Then, per element,
// dx = scale * (dz - sum(dz) / M - xhat * sum(dz * xhat) / M).
struct GradSums {
    float dz = 0, dzXhat = 0;
};
SCALESCOPE_HD void add(GradSums& a, float dz, float xhat) {
    a.dz += dz;
    a.dzXhat += dz * xhat;
}
SCALESCOPE_HD void merge(GradSums& a, const GradSums& b) {
    a.dz += b.dz;
    a.dzXhat += b.dzXhat;
}
SCALESCOPE_HD float inputGrad(float dz, float xhat, float scale, const GradSums& total,
                              float rows) {
    return scale * (dz - total.dz / rows - xhat * (total.dzXhat / rows));
}

} // namespace scalescope::train::fused
