// BatchNorm in training mode followed by SiLU (or by nothing), as one autograd operation.
// On CUDA it runs fusedbnact.cu's kernels: one read of the activation for the statistics,
// one read and write for the output, and only the input kept for the backward. On the CPU
// it runs the same algorithm in plain loops (float only), the reference the tests compare
// both with LibTorch's batch_norm + silu.
#pragma once

#include <torch/torch.h>

namespace scalescope::train {

// False where the build has no CUDA kernels (a CPU LibTorch, or no CUDA compiler).
bool fusedBatchNormActCompiled();

// Whether the model's BatchNorm + SiLU pairs use the fused operation when training, where
// fusedBatchNormActAccepts the input (off by default, until a GPU measurement says it pays;
// on the CPU it is the slow reference, for tests). Process-wide.
void setFusedBatchNormAct(bool on);
bool fusedBatchNormActEnabled();

// Whether fusedBatchNormAct can take `x` through `bn`: 4-d, bn training and affine, at most
// 2^24 rows (N * H * W), and on a device it has kernels for (CUDA where compiled; the CPU
// for float tensors).
bool fusedBatchNormActAccepts(const torch::Tensor& x, const torch::nn::BatchNorm2dImpl& bn);

// bn(x) in training mode (batch statistics; bn's running statistics and batch count
// updated), then SiLU when `silu`. The result is channels-last.
torch::Tensor fusedBatchNormAct(const torch::Tensor& x, torch::nn::BatchNorm2dImpl& bn, bool silu);

} // namespace scalescope::train
