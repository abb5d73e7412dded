// How the process's memory treats freed CPU tensors. LibTorch's CPU allocator has no cache of
// its own: every tensor is a malloc and a free. glibc serves blocks above its mmap threshold
// (128 KiB until a free raises it) with a fresh mapping and trims the heap's top once 128 KiB
// lie free there, so a training step's activations, the same sizes every step, are handed
// back to the kernel and faulted in again, page by page, on the next step. On the two-core
// VM this was measured on, keeping them made a CPU training step 2-2.8x and the batch
// preparation at 128 px 4-12x faster (bench/cpu_step_bench.sh, docs/BENCHMARKS.md).
// glibc's mmap threshold stops at 32 MiB, and larger blocks (a batch of 64 at 256 px holds
// several) are mapped afresh on every allocation whatever the policy: those are cached here.
#include "engine.h"

#include "scaling/format.h"

#include <c10/core/CPUAllocator.h>

#include <atomic>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>

#include <unistd.h>

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

// The large-block cache: blocks from here on are the ones glibc would map afresh.
constexpr std::size_t kLargeBlock = std::size_t(kMmapThreshold);
// Large blocks are sized in these steps, so near sizes (a last, smaller batch) share blocks.
constexpr std::size_t kGranule = 2 * 1024 * 1024;
// A cached block serves a request up to this fraction larger than it asked for.
constexpr std::size_t kSlackDivisor = 8;
// Every block starts with its size; the data after it keeps LibTorch's 64-byte alignment.
constexpr std::size_t kHeader = 64;
// The cache holds at most this fraction of the machine's memory, free, for reuse.
constexpr std::size_t kLimitDivisor = 4;

std::size_t physicalMemory() {
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? std::size_t(pages) * std::size_t(pageSize)
                                     : std::size_t(8) << 30;
}

class LargeBlockCache {
  public:
    LargeBlockCache() : limit_(physicalMemory() / kLimitDivisor) {}

    // A block of at least `bytes` (the header included), or nullptr when the system has none.
    void* take(std::size_t& bytes) {
        bytes = (bytes + kGranule - 1) / kGranule * kGranule;
        {
            std::lock_guard<std::mutex> lock(m_);
            const auto it = free_.lower_bound(bytes);
            if (it != free_.end() && it->first <= bytes + bytes / kSlackDivisor) {
                bytes = it->first;
                void* block = it->second;
                free_.erase(it);
                cached_ -= bytes;
                ++reused_;
                return block;
            }
            ++fresh_;
        }
        void* block = nullptr;
        if (posix_memalign(&block, kHeader, bytes) == 0) return block;
        releaseAll(); // what the cache holds may be what the system lacks
        return posix_memalign(&block, kHeader, bytes) == 0 ? block : nullptr;
    }

    void give(void* block, std::size_t bytes) {
        {
            std::lock_guard<std::mutex> lock(m_);
            if (cached_ + bytes <= limit_) {
                free_.emplace(bytes, block);
                cached_ += bytes;
                return;
            }
        }
        std::free(block);
    }

    void releaseAll() {
        std::multimap<std::size_t, void*> blocks;
        {
            std::lock_guard<std::mutex> lock(m_);
            blocks.swap(free_);
            cached_ = 0;
        }
        for (const auto& b : blocks)
            std::free(b.second);
    }

    HostBlockCacheStats stats() {
        std::lock_guard<std::mutex> lock(m_);
        return {reused_, fresh_, std::int64_t(cached_), std::int64_t(limit_)};
    }

  private:
    std::mutex m_;
    std::multimap<std::size_t, void*> free_; // size -> block
    std::size_t cached_ = 0;
    const std::size_t limit_;
    std::int64_t reused_ = 0, fresh_ = 0;
};

// Bytes of CPU tensors live through the allocator below, and the most since the last reset:
// what torch.cuda.max_memory_allocated reports on the GPU, for the CPU.
std::atomic<std::int64_t> liveTensorBytes{0};
std::atomic<std::int64_t> peakTensorBytes{0};
std::atomic<bool> allocatorInstalled{false};

void countAllocation(std::int64_t bytes) {
    const std::int64_t now = liveTensorBytes.fetch_add(bytes) + bytes;
    std::int64_t peak = peakTensorBytes.load();
    while (now > peak && !peakTensorBytes.compare_exchange_weak(peak, now)) {
    }
}

// Never destroyed: tensors may be freed during static destruction, after any other object.
LargeBlockCache& cache() {
    static auto* c = new LargeBlockCache;
    return *c;
}

void releaseBlock(void* data) {
    if (!data) return;
    void* block = static_cast<char*>(data) - kHeader;
    std::size_t bytes = 0;
    std::memcpy(&bytes, block, sizeof bytes);
    liveTensorBytes.fetch_sub(std::int64_t(bytes - kHeader));
    if (bytes >= kLargeBlock)
        cache().give(block, bytes);
    else
        std::free(block);
}

// LibTorch's CPU allocator, with the large-block cache in front. The data pointer is also
// the context, so LibTorch's raw_allocate / raw_deallocate (oneDNN's buffers) work too.
class CachingCpuAllocator final : public c10::Allocator {
  public:
    // LibTorch 1.x declares allocate() const, 2.3 and later not: each overrides one of them.
    c10::DataPtr allocate(std::size_t n) const { return allocateBlock(n); }
    c10::DataPtr allocate(std::size_t n) { return allocateBlock(n); }
    // Pure virtual since LibTorch 2.3; an unused extra before that.
    void copy_data(void* dest, const void* src, std::size_t count) const {
        if (count) std::memcpy(dest, src, count);
    }
    c10::DeleterFnPtr raw_deleter() const override { return &releaseBlock; }

  private:
    static c10::DataPtr allocateBlock(std::size_t n) {
        const c10::Device cpu(c10::DeviceType::CPU);
        if (n == 0) return {nullptr, nullptr, &releaseBlock, cpu};
        std::size_t bytes = n + kHeader;
        void* block = nullptr;
        if (bytes >= kLargeBlock)
            block = cache().take(bytes);
        else if (posix_memalign(&block, kHeader, bytes) != 0)
            block = nullptr;
        TORCH_CHECK(block, "out of host memory: a CPU tensor of ", n, " bytes was asked for");
        std::memcpy(block, &bytes, sizeof bytes);
        countAllocation(std::int64_t(bytes - kHeader));
        void* data = static_cast<char*>(block) + kHeader;
        return {data, data, &releaseBlock, cpu};
    }
};
} // namespace

bool keepFreedHeapBlocks() {
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

void cacheLargeHostBlocks() {
    // Once per process; the allocator is never destroyed, as the cache. Priority 1 puts it
    // above LibTorch's own (registered at 0) whatever the order of registration.
    static const bool installed = [] {
        c10::SetCPUAllocator(new CachingCpuAllocator, /*priority=*/1);
        allocatorInstalled = true;
        return true;
    }();
    static_cast<void>(installed);
}

bool retainHostMemory() {
    cacheLargeHostBlocks();
    return keepFreedHeapBlocks();
}

HostBlockCacheStats hostBlockCacheStats() {
    return cache().stats();
}

double peakHostTensorMemory() {
    return allocatorInstalled ? double(peakTensorBytes.load()) : -1.0;
}

void resetPeakHostTensorMemory() {
    peakTensorBytes = liveTensorBytes.load();
}

std::int64_t availableHostMemory() {
    std::int64_t available = -1;
    std::ifstream meminfo("/proc/meminfo");
    for (std::string line; available < 0 && std::getline(meminfo, line);) {
        long long kib = 0;
        if (std::sscanf(line.c_str(), "MemAvailable: %lld kB", &kib) == 1)
            available = std::int64_t(kib) * 1024;
    }
    if (available < 0) available = std::int64_t(physicalMemory());
    return available + hostBlockCacheStats().cachedBytes; // ours, free for the next tensors
}

void requireHostMemory(const MemoryEstimate& m, int batch, const std::string& field,
                       const std::string& what) {
    const double usable = kHostMemoryShare * double(availableHostMemory());
    if (m.bytesAtBatch(batch) <= usable) return;
    const long long fits = m.maxBatch(usable);
    throw ValidationError(
        field, what + " needs about " + shortBytes(m.bytesAtBatch(batch)) +
                   " of memory (the cost model's estimate), and " + shortBytes(usable) +
                   " is free here: " +
                   (fits > 0 ? "try batch size " + std::to_string(fits) + " or smaller images"
                             : "not even one image fits; try smaller images or a smaller model"));
}

} // namespace scalescope::train
