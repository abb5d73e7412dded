#include "cputhreads.h"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <set>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#ifdef __linux__
#include <sched.h>
#endif

namespace scalescope::train {

namespace {
bool readInt(const std::string& path, int& value) {
    std::ifstream in(path);
    return bool(in >> value);
}
} // namespace

int physicalCores(const std::vector<int>& cpus, const std::string& sysRoot) {
    std::set<std::pair<int, int>> cores; // (package, core)
    int unknown = 0;
    for (const int cpu : cpus) {
        const std::string dir = sysRoot + "/cpu" + std::to_string(cpu) + "/topology/";
        int package = 0, core = 0;
        if (readInt(dir + "physical_package_id", package) && readInt(dir + "core_id", core))
            cores.insert({package, core});
        else
            ++unknown;
    }
    return int(cores.size()) + unknown;
}

int availablePhysicalCores() {
    std::vector<int> cpus;
#ifdef __linux__
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        for (int c = 0; c < CPU_SETSIZE; ++c)
            if (CPU_ISSET(c, &set)) cpus.push_back(c);
#endif
    int n = cpus.empty() ? int(std::thread::hardware_concurrency()) : physicalCores(cpus);
    return n > 0 ? n : 1;
}

int availableLogicalCpus() {
    int n = 0;
#ifdef __linux__
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) n = CPU_COUNT(&set);
#endif
    if (n <= 0) n = int(std::thread::hardware_concurrency());
    return n > 0 ? n : 1;
}

bool prepareBatchAlongside(int trainingThreads, int logicalCpus) {
    return trainingThreads < logicalCpus;
}

int threadsFromEnvironment() {
    if (const char* env = std::getenv("OMP_NUM_THREADS")) {
        char* end = nullptr;
        const long v = std::strtol(env, &end, 10);
        if (end != env && v > 0 && v <= 4096) return int(v);
    }
    return 0;
}

int cpuTrainingThreads(double stepMacs, int libraryDefault) {
    if (const int env = threadsFromEnvironment()) return env;
    const int base = libraryDefault > 0 ? libraryDefault : 1;
    if (!(stepMacs >= kParallelStepMacs)) return base;
    const int cores = availablePhysicalCores();
    return cores > base ? cores : base;
}

void forEachIndex(std::size_t count, int threads, const std::function<void(std::size_t)>& work) {
    std::atomic<std::size_t> next{0};
    const auto run = [&] {
        for (std::size_t i; (i = next++) < count;)
            work(i);
    };
    std::vector<std::thread> helpers;
    for (int t = 1; t < threads && std::size_t(t) < count; ++t) {
        try {
            helpers.emplace_back(run);
        } catch (const std::system_error&) { // no more threads: those started do the rest
            break;
        }
    }
    run();
    for (auto& h : helpers)
        h.join();
}

} // namespace scalescope::train
