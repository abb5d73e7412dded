// How the process's heap treats freed tensors. LibTorch's CPU allocator has no cache of its
// own: every tensor is a malloc and a free. glibc serves blocks above its mmap threshold
// (128 KiB until a free raises it) with a fresh mapping and trims the heap's top once 128 KiB
// lie free there, so a training step's activations, the same sizes every step, are handed
// back to the kernel and faulted in again, page by page, on the next step. On the two-core
// VM this was measured on, keeping them made a CPU training step 2-2.8x and the batch
// preparation at 128 px 4-12x faster (bench/cpu_step_bench.sh, docs/BENCHMARKS.md).
#include "engine.h"

#include <climits>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace scalescope::train {

namespace {
// glibc's largest mmap threshold (HEAP_MAX_SIZE / 2 on 64-bit): blocks up to this size are
// kept in the heap and reused; larger ones are still mapped per allocation.
constexpr int kMmapThreshold = 32 * 1024 * 1024;
// Free memory at the heap's top is given back only beyond this: in effect never, so the
// process holds its peak, as LibTorch's CUDA caching allocator does on the GPU.
constexpr int kTrimThreshold = INT_MAX;
// Each growth of the heap asks the kernel for this much beyond the request.
constexpr int kTopPad = 64 * 1024 * 1024;
} // namespace

bool retainHostMemory() {
#if defined(__GLIBC__)
    // Once per process. Setting the mmap threshold also stops glibc adjusting both itself.
    static const bool applied = mallopt(M_MMAP_THRESHOLD, kMmapThreshold) == 1 &&
                                mallopt(M_TRIM_THRESHOLD, kTrimThreshold) == 1 &&
                                mallopt(M_TOP_PAD, kTopPad) == 1;
    return applied;
#else
    return false; // other C libraries keep their own policy
#endif
}

} // namespace scalescope::train
