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

// What a model trained on `settings.dataset` is fed, read without decoding the dataset: its
// class names, channels and the size its images are stored at (0: the size a run asks for,
// where synthetic and folder images are drawn or resized). Throws ValidationError as
// loadDataset does (an image folder's subfolders name its classes, so it must be there).
struct DatasetInfo {
    std::string name;
    std::vector<std::string> classes;
    int channels = 3;
    int nativeSize = 0;
};
DatasetInfo datasetInfo(const TrainingSettings& settings);

// An image file in the form a dataset's images have: `channels` (grey or RGB), the shorter
// side scaled to `size` and a centred square crop, as image folders are loaded. Throws
// std::runtime_error saying why for a file OpenCV cannot decode.
struct DecodedImage {
    torch::Tensor pixels;      // uint8 [channels, size, size]
    int width = 0, height = 0; // of the file
};
DecodedImage loadImageFile(const std::string& path, int channels, int size);
// False in a build without OpenCV's imgcodecs (loadImageFile then always throws).
bool canDecodeImages();
// By its extension: .jpg, .jpeg, .png, .bmp, .webp, as image folders are read.
bool isImageFile(const std::string& path);
extern const char* const kImageExtensions; // for messages: ".jpg, .jpeg, .png, .bmp, .webp"

} // namespace scalescope::train
