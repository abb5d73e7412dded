// GPU memory figures from LibTorch's CUDA caching allocator. Its header needs the CUDA
// toolkit's, so this file alone sees them, and only when CMake found that they compile
// (SCALESCOPE_CUDA_MEMORY_STATS); a CPU-only LibTorch reports -1.
#include "engine.h"

#ifdef SCALESCOPE_CUDA_MEMORY_STATS
#include <c10/cuda/CUDACachingAllocator.h>
#endif

#include <algorithm>

namespace scalescope::train {

#ifdef SCALESCOPE_CUDA_MEMORY_STATS
namespace {
// The allocator refuses a device it has not set up yet ("Invalid device argument"): one
// allocation sets it up.
void touch(torch::Device dev) {
    static_cast<void>(torch::empty({1}, torch::TensorOptions().device(dev)));
}
} // namespace
#endif

double peakDeviceMemory(torch::Device dev) {
    if (!dev.is_cuda()) return -1;
#ifdef SCALESCOPE_CUDA_MEMORY_STATS
    // Read every 100 ms while training: the allocation that sets the device up is made only
    // when the allocator refuses.
    const auto index = static_cast<c10::DeviceIndex>(std::max<int>(0, dev.index()));
    const auto read = [index] { return c10::cuda::CUDACachingAllocator::getDeviceStats(index); };
    const auto stats = [&] {
        try {
            return read();
        } catch (const c10::Error&) {
            touch(dev);
            return read();
        }
    }();
    return double(stats.allocated_bytes[0].peak); // [0]: all pools together
#else
    return -1;
#endif
}

void resetPeakDeviceMemory(torch::Device dev) {
    if (!dev.is_cuda()) return;
#ifdef SCALESCOPE_CUDA_MEMORY_STATS
    touch(dev);
    c10::cuda::CUDACachingAllocator::resetPeakStats(
        static_cast<c10::DeviceIndex>(std::max<int>(0, dev.index())));
#endif
}

} // namespace scalescope::train
