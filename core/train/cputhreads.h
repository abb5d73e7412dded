// How many threads a CPU training run gives LibTorch's operators. No torch headers.
#pragma once

#include <string>
#include <vector>

namespace scalescope::train {

// Physical cores among `cpus` (logical CPU numbers), read from Linux's
// `<sysRoot>/cpuN/topology/{physical_package_id,core_id}`: SMT siblings count once. A CPU
// whose topology cannot be read counts as a core of its own; no CPUs, 0.
int physicalCores(const std::vector<int>& cpus,
                  const std::string& sysRoot = "/sys/devices/system/cpu");

// The physical cores this process may run on (its affinity mask), at least 1.
int availablePhysicalCores();

// A training step's forward multiply-adds from which every core pays on the CPU. Measured on
// a 2-core VM (docs/BENCHMARKS.md): a second thread made a quarter EfficientNetV2-S epoch
// 0.93x as fast at 64 px (0.30 G a step), 1.15x at 128 px (1.13 G) and 1.6x at 256 px (4.4 G).
constexpr double kParallelStepMacs = 0.6e9;

// OMP_NUM_THREADS when it is set to a count (the user's choice), else 0.
int threadsFromEnvironment();

// The intra-op thread count for a CPU training stage whose step does `stepMacs` forward
// multiply-adds, where LibTorch started with `libraryDefault`: OMP_NUM_THREADS when set;
// every physical core for a step of at least kParallelStepMacs; else the library's default.
// Never fewer than the library's default when the step is large.
int cpuTrainingThreads(double stepMacs, int libraryDefault);

} // namespace scalescope::train
