// Time to recompute a scaled architecture with every per-layer cost, for the largest
// presets. Run: build/bin/bench_scaling
#include "scaling/costs.h"
#include "scaling/presets.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace scalescope;
using Clock = std::chrono::steady_clock;

int main() {
    constexpr int kRepeats = 2000; // recomputations per preset
    std::printf("%-18s %8s %8s %12s %12s\n", "preset", "blocks", "layers", "median us", "p99 us");
    for (const char* name :
         {"efficientnet-b0", "efficientnet-b7", "efficientnetv2-l", "resnet-rs-420"}) {
        const Preset p = findPreset(name);
        const ArchSpec& base = baselineSpec(p.baseline);
        std::vector<double> us;
        us.reserve(kRepeats);
        std::size_t layers = 0;
        int blocks = 0;
        for (int i = 0; i < kRepeats; ++i) {
            const auto t0 = Clock::now();
            const ScaledArch a = scale(base, p.request);
            const CostReport c = computeCosts(a);
            const auto t1 = Clock::now();
            us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
            layers = c.layers.size();
            blocks = a.totalBlocks();
        }
        std::sort(us.begin(), us.end());
        std::printf("%-18s %8d %8zu %12.1f %12.1f\n", name, blocks, layers, us[us.size() / 2],
                    us[us.size() * 99 / 100]);
    }
    return 0;
}
