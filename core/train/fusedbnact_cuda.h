// Launchers for the fused BatchNorm + SiLU kernels (fusedbnact.cu). Plain pointers and a
// stream: fusedbnact.cpp, which sees torch, calls them; the .cu file sees no torch headers.
// All tensors are contiguous; x, y, dy and dx are [rows, channels] row-major (channels-last
// N x C x H x W with rows = N * H * W). Per-channel arrays are float. Nothing here waits for
// the GPU, so the launches can be captured into a CUDA graph.
#pragma once

#include <cstdint>

#include <cuda_runtime_api.h>

namespace scalescope::train::fused {

enum class ElementType { Float, BFloat16, Half };

// Floats the caller provides as scratch: chunks * channels * 3 + channels * 2.
std::int64_t forwardWorkspace(std::int64_t chunks, int channels);
// Floats the caller provides as scratch: chunks * channels * 2 + channels * 2.
std::int64_t backwardWorkspace(std::int64_t chunks, int channels);

// Training forward: batch statistics (saved as mean and 1 / sqrt(var + eps)), the running
// statistics updated in place, y = silu(batchnorm(x)) (or batchnorm(x) when !silu).
void forwardTrain(const void* x, void* y, ElementType type, std::int64_t rows, int channels,
                  const float* weight, const float* bias, float* runningMean, float* runningVar,
                  float momentum, float eps, bool silu, float* saveMean, float* saveInvstd,
                  float* workspace, std::int64_t chunks, cudaStream_t stream);

// Backward of forwardTrain: dx (same type as x), and the weight's and bias's gradients
// (overwritten, not accumulated).
void backward(const void* dy, const void* x, void* dx, ElementType type, std::int64_t rows,
              int channels, const float* weight, const float* bias, const float* saveMean,
              const float* saveInvstd, bool silu, float* gradWeight, float* gradBias,
              float* workspace, std::int64_t chunks, cudaStream_t stream);

// The error of the last launch on this thread, cleared; cudaSuccess when none.
cudaError_t lastError();

} // namespace scalescope::train::fused
