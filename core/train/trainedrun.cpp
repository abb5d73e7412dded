#include "trainedrun.h"

#include "engine.h"
#include "runhistory.h"
#include "scaling/format.h"
#include "scaling/validation.h"

#include <torch/serialize.h>

#include <algorithm>
#include <filesystem>

namespace scalescope::train {

namespace fs = std::filesystem;

namespace {
std::string shapeText(at::IntArrayRef sizes) {
    std::string out;
    for (const auto d : sizes)
        out += (out.empty() ? "" : "x") + std::to_string(d);
    return out.empty() ? "a scalar" : out;
}

// Every tensor `m` has, under the same name and of the same shape, in `a`. Module::load does
// not check shapes (it replaces each tensor with the file's), so a checkpoint of another width
// would load and then fail inside a convolution with a message about the wrong tensor.
// Returns what does not fit, or an empty string.
std::string mismatch(torch::nn::Module& m, torch::serialize::InputArchive& a,
                     const std::string& prefix) {
    const auto check = [&](const std::string& key, const torch::Tensor& mine) -> std::string {
        torch::Tensor theirs;
        if (!a.try_read(key, theirs)) return prefix + key + " is missing";
        if (theirs.sizes() != mine.sizes())
            return prefix + key + " is " + shapeText(theirs.sizes()) + " there and " +
                   shapeText(mine.sizes()) + " in this model";
        return {};
    };
    for (const auto& p : m.named_parameters(/*recurse=*/false))
        if (auto why = check(p.key(), p.value()); !why.empty()) return why;
    for (const auto& b : m.named_buffers(/*recurse=*/false))
        if (auto why = check(b.key(), b.value()); !why.empty()) return why;
    for (const auto& c : m.named_children()) {
        torch::serialize::InputArchive child;
        if (!a.try_read(c.key(), child)) return prefix + c.key() + " is missing";
        if (auto why = mismatch(*c.value(), child, prefix + c.key() + "."); !why.empty())
            return why;
    }
    return {};
}
} // namespace

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s)
        q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
}

std::string firstLine(const std::string& s) {
    return s.substr(0, s.find('\n'));
}

void readCheckpoint(const std::string& path, torch::Device device,
                    torch::serialize::InputArchive& a) {
    try {
        a.load_from(path, device);
    } catch (const c10::Error& e) {
        throw ValidationError("run_dir", path + " is not a checkpoint ScaleScope can read (" +
                                             firstLine(e.what_without_backtrace()) + ")");
    }
}

std::string checkpointMismatch(torch::nn::Module& m, torch::serialize::InputArchive& a) {
    return mismatch(m, a, "");
}

torch::Device scoringDevice(const std::string& requested, const std::string& runDevice,
                            const std::string& requestField) {
    if (!requested.empty()) {
        try {
            return chooseDevice(requested);
        } catch (const ValidationError& e) {
            throw ValidationError(requestField, e.reason());
        }
    }
    try {
        return chooseDevice(runDevice);
    } catch (const ValidationError&) { // no such GPU here
        return torch::kCPU;
    }
}

MemoryEstimate inferenceMemory(const CostReport& costs, bool bf16) {
    std::int64_t largest = 0;
    for (const LayerCost& l : costs.layers) {
        const std::int64_t in = std::int64_t(l.inChannels) * l.inH * l.inW;
        const std::int64_t hidden = std::int64_t(l.hiddenChannels) * l.inH * l.inW;
        const std::int64_t out = std::int64_t(l.outChannels) * l.outH * l.outW;
        largest = std::max(largest, in + hidden + out);
    }
    MemoryEstimate m;
    m.fixedBytes = 4.0 * double(costs.params);
    m.activationBytesPerImage = (bf16 ? 2.0 : 4.0) * double(largest);
    return m;
}

TrainedRun readTrainedRun(const std::string& runDir) {
    const fs::path dir(runDir);
    if (runDir.empty()) throw ValidationError("run_dir", "no run folder was given");
    if (!fs::is_directory(dir)) throw ValidationError("run_dir", runDir + " is not a folder");
    if (!fs::exists(dir / kConfigFile))
        throw ValidationError("run_dir", runDir + " has no " + kConfigFile +
                                             ": it is not a training run's folder");
    if (!fs::exists(dir / kCheckpointFile))
        throw ValidationError("run_dir", runDir + " has no " + kCheckpointFile +
                                             ": the run has not finished an epoch");
    TrainedRun run;
    run.dir = runDir;
    try {
        run.config = loadConfig((dir / kConfigFile).string());
    } catch (const std::exception& e) {
        throw ValidationError("run_dir", (dir / kConfigFile).string() + ": " + e.what());
    }
    run.arch = scale(run.config.baseline, run.config.request);
    run.sizes = runSizes(run.config);
    run.model = runModelName(run.config); // as the training tab and the run lists name it
    run.storeSize = run.sizes.validated;
    for (int s : run.sizes.training)
        run.storeSize = std::max(run.storeSize, s);
    return run;
}

TrainedWeights loadTrainedWeights(const TrainedRun& run, int classes, int channels,
                                  bool trainedWeights) {
    TrainedWeights out;
    out.model = ScaledNet(run.arch, classes, channels);
    const bool ema = run.config.training.emaDecay > 0 && !trainedWeights;
    out.weights = ema ? "EMA" : "trained";
    const std::string checkpoint = (fs::path(run.dir) / kCheckpointFile).string();
    torch::serialize::InputArchive a;
    readCheckpoint(checkpoint, torch::kCPU, a);
    torch::serialize::InputArchive emaArchive;
    torch::serialize::InputArchive& weights = ema && a.try_read("ema", emaArchive) ? emaArchive : a;
    if (const std::string why = checkpointMismatch(*out.model, weights); !why.empty())
        throw ValidationError("run_dir", checkpoint +
                                             " does not hold the model its config.json "
                                             "describes: " +
                                             why);
    out.model->load(weights);
    torch::Tensor epoch;
    if (a.try_read("progress.epoch", epoch)) out.epochsTrained = int(epoch.item<std::int64_t>());
    out.model->eval();
    return out;
}

} // namespace scalescope::train
