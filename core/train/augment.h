// Per-batch augmentation at the current image size, as tensor ops on the batch's device
// (the GPU when training there): random resized crop and flip, RandAugment, mixup.
#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace scalescope::train {

struct AugmentParams {
    int imageSize = 224;
    double randAugment = 0;     // magnitude on timm's 0-10 scale (larger is stronger still)
    int randAugmentOps = 2;     // ops per image
    double cropMinScale = 0.25; // random resized crop area range [min, 1]
};

// uint8 [B, C, H, W] -> float [B, C, S, S], normalised. `seed` makes it reproducible.
torch::Tensor augmentTrain(const torch::Tensor& images, const AugmentParams& p, std::uint64_t seed);
// Evaluation: resize the whole image to S x S, normalised the same way.
torch::Tensor prepareEval(const torch::Tensor& images, int imageSize);

// Mixup with Beta(alpha, alpha): returns lambda (1 when alpha is 0) and mixes `x` in place
// with its batch reversed, as timm does.
double mixupInPlace(torch::Tensor& x, double alpha, std::uint64_t seed);

} // namespace scalescope::train
