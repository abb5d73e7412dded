// Datasets decoded once into uint8 tensors [N, C, H, W] (internal to core/train).
#pragma once

#include "scaling/config.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace scalescope::train {

struct Split {
    torch::Tensor images; // uint8 [N, C, H, W]
    torch::Tensor labels; // int64 [N]
    std::int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
};

struct Dataset {
    std::string name;
    std::vector<std::string> classes;
    int channels = 3;
    Split train, val;
    int skippedFiles = 0; // unreadable or corrupt items, counted, never fatal
};

// Synthetic shapes rendered with OpenCV: deterministic for a seed, any resolution.
Split renderShapes(int count, int resolution, bool hard, std::uint64_t seed, int threads);
std::vector<std::string> shapeClassNames();

// Loads the dataset `settings.dataset` names. `resolution` is the size synthetic and
// image-folder data are stored at (others keep their native size). Throws ValidationError
// with the field "training.data_path" for a wrong path. Without `withTrain` the training
// split is left empty (and synthetic training images are not rendered): the validation split
// is the same either way.
Dataset loadDataset(const TrainingSettings& settings, int resolution, bool withTrain = true);

std::string defaultFashionMnistPath(); // /usr/share/datasets/fashion-mnist

} // namespace scalescope::train
