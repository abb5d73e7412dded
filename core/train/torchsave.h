// Named tensors in the file format torch.save writes for a state_dict: a zip archive with a
// pickled dict of tensors (rebuilt by torch._utils._rebuild_tensor_v2) and one record
// per storage. Unlike torch::pickle_save, whose typed dicts carry TorchScript type tags, it
// loads with torch.load's default weights_only=True. Internal to core/train (torch types).
#pragma once

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace scalescope::train {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

// Tensors are written from contiguous CPU copies; throws std::invalid_argument for a dtype
// PyTorch has no storage class for.
std::vector<char> torchSaveBytes(const NamedTensors& tensors);

} // namespace scalescope::train
