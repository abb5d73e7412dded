// How many threads a CPU training run gives LibTorch's operators. No torch headers.
#pragma once

#include <cstddef>
#include <functional>
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
// a 2-core VM (docs/BENCHMARKS.md) with the batch prepared on a thread beside the step: a
// second thread made a quarter EfficientNetV2-S epoch 0.93x as fast at 64 px (0.30 G a
// step), 1.15x at 128 px (1.13 G) and 1.6x at 256 px (4.4 G). Prepared between the steps
// (prepareBatchAlongside), 64 px gains 1.1x; the GUI's thread still wants the core there.
constexpr double kParallelStepMacs = 0.6e9;

// OMP_NUM_THREADS when it is set to a count (the user's choice), else 0.
int threadsFromEnvironment();

// The intra-op thread count for a CPU training stage whose step does `stepMacs` forward
// multiply-adds, where LibTorch started with `libraryDefault`: OMP_NUM_THREADS when set;
// every physical core for a step of at least kParallelStepMacs; else the library's default.
// Never fewer than the library's default when the step is large.
int cpuTrainingThreads(double stepMacs, int libraryDefault);

// The logical CPUs this process may run on (its affinity mask), at least 1.
int availableLogicalCpus();

// Whether a CPU run prepares the next batch on a thread of its own while the step runs, or on
// the training thread between steps. Beside the step only while a CPU is left over: on a
// 2-core VM with both cores training, the batch thread preempted an intra-op thread, whose
// team then waited at every barrier, and RandAugment cost a 128 px step 44 ms where it takes
// 15 on one core alone (docs/BENCHMARKS.md).
bool prepareBatchAlongside(int trainingThreads, int logicalCpus);

// Calls work(i) once for every i in [0, count), on up to `threads` threads (the calling one
// among them), each taking the next index when it is free: for decoding files, whose costs
// differ. Returns when all are done; `work` must not throw. Fewer threads when the system
// gives no more.
void forEachIndex(std::size_t count, int threads, const std::function<void(std::size_t)>& work);

} // namespace scalescope::train
