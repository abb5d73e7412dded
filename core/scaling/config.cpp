#include "config.h"
#include "limits.h"
#include "presets.h"
#include "specjson.h"
#include "validation.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace scalescope {

namespace {
constexpr int kMaxEpochs = 100000;
constexpr int kMaxBatch = 65536;
constexpr int kMaxSamples = 10000000;
constexpr int kMaxWorkers = 64;
constexpr int kMaxProgressiveStages = 64;
constexpr double kMaxRandAugment = 30.0; // RandAugment magnitudes run 0..30

void requireOrdered(const std::string& field, double lo, double hi, const char* what) {
    if (lo > hi) {
        std::ostringstream os;
        os << "minimum " << what << " " << lo << " is above the maximum " << hi;
        throw ValidationError(field, os.str());
    }
}

void requireOneOf(const std::string& field, const std::string& v,
                  std::initializer_list<const char*> allowed) {
    std::string list;
    for (const char* a : allowed) {
        if (v == a) return;
        list += (list.empty() ? "" : ", ") + std::string(a);
    }
    throw ValidationError(field, "\"" + v + "\" is not one of " + list);
}

bool isCudaDevice(const std::string& d) {
    if (d == "cuda") return true;
    if (d.rfind("cuda:", 0) != 0 || d.size() == 5) return false;
    for (size_t i = 5; i < d.size(); ++i)
        if (d[i] < '0' || d[i] > '9') return false;
    return d.size() <= 8;
}
} // namespace

bool ProgressiveSettings::operator==(const ProgressiveSettings& o) const {
    return schedule == o.schedule && stages == o.stages && minImageSize == o.minImageSize &&
           maxImageSize == o.maxImageSize && evalImageSize == o.evalImageSize &&
           dropoutMin == o.dropoutMin && dropoutMax == o.dropoutMax &&
           randAugmentMin == o.randAugmentMin && randAugmentMax == o.randAugmentMax &&
           mixupMin == o.mixupMin && mixupMax == o.mixupMax;
}

bool TrainingSettings::operator==(const TrainingSettings& o) const {
    return dataset == o.dataset && dataPath == o.dataPath && epochs == o.epochs &&
           batchSize == o.batchSize && optimizer == o.optimizer && learningRate == o.learningRate &&
           momentum == o.momentum && weightDecay == o.weightDecay &&
           labelSmoothing == o.labelSmoothing && warmupEpochs == o.warmupEpochs &&
           emaDecay == o.emaDecay && init == o.init && device == o.device &&
           precision == o.precision && cudaGraphs == o.cudaGraphs &&
           cudnnBenchmark == o.cudnnBenchmark && trainSamples == o.trainSamples &&
           valSamples == o.valSamples && checkpointEvery == o.checkpointEvery &&
           validateEvery == o.validateEvery && seed == o.seed && workers == o.workers &&
           progressive == o.progressive;
}

bool isSyntheticDataset(const std::string& dataset) {
    return dataset == "shapes" || dataset == "shapes-hard";
}

std::string toString(ProgressiveSettings::Schedule s) {
    switch (s) {
    case ProgressiveSettings::Schedule::Fixed:
        return "fixed";
    case ProgressiveSettings::Schedule::Paper:
        return "paper";
    case ProgressiveSettings::Schedule::Code:
        return "code";
    }
    return "paper";
}

ProgressiveSettings::Schedule scheduleFromString(const std::string& s, const std::string& field) {
    if (s == "fixed") return ProgressiveSettings::Schedule::Fixed;
    if (s == "paper") return ProgressiveSettings::Schedule::Paper;
    if (s == "code") return ProgressiveSettings::Schedule::Code;
    throw ValidationError(field, "\"" + s + "\" is not one of fixed, paper, code");
}

void validateDevice(const std::string& field, const std::string& device) {
    if (device != "auto" && device != "cpu" && !isCudaDevice(device))
        throw ValidationError(field, "\"" + device + "\" is not one of auto, cpu, cuda, cuda:N");
}

void validate(const TrainingSettings& t) {
    requireOneOf("training.dataset", t.dataset,
                 {"shapes", "shapes-hard", "fashion-mnist", "cifar10", "folder"});
    if ((t.dataset == "cifar10" || t.dataset == "folder") && t.dataPath.empty())
        throw ValidationError("training.data_path",
                              "is required for the " + t.dataset + " dataset");
    requireRange("training.epochs", t.epochs, 1, kMaxEpochs);
    requireRange("training.batch_size", t.batchSize, 1, kMaxBatch);
    requireOneOf("training.optimizer", t.optimizer, {"sgd", "rmsprop"});
    requireOneOf("training.init", t.init, {"zero-last", "timm"});
    requireRange("training.learning_rate", t.learningRate, 1e-8, 100.0);
    requireRange("training.momentum", t.momentum, 0.0, 0.999);
    requireRange("training.weight_decay", t.weightDecay, 0.0, 1.0);
    requireRange("training.label_smoothing", t.labelSmoothing, 0.0, 0.9);
    requireRange("training.warmup_epochs", t.warmupEpochs, 0.0, t.epochs);
    requireRange("training.ema_decay", t.emaDecay, 0.0, 0.999999);
    validateDevice("training.device", t.device);
    requireOneOf("training.precision", t.precision, {"auto", "fp32", "bf16"});
    requireRange("training.train_samples", t.trainSamples, 0, kMaxSamples);
    requireRange("training.val_samples", t.valSamples, 0, kMaxSamples);
    requireRange("training.checkpoint_every", t.checkpointEvery, 0, 100000000);
    requireRange("training.validate_every", t.validateEvery, 1, kMaxEpochs);
    requireRange("training.workers", t.workers, 1, kMaxWorkers);
    const ProgressiveSettings& p = t.progressive;
    const std::string pp = "training.progressive.";
    requireRange(pp + "stages", p.stages, 1, kMaxProgressiveStages);
    requireRange(pp + "min_image_size", p.minImageSize, limits::kMinResolution,
                 limits::kMaxResolution);
    if (p.maxImageSize != 0) {
        requireRange(pp + "max_image_size", p.maxImageSize, limits::kMinResolution,
                     limits::kMaxResolution);
        // 0 is the model's resolution, which this check does not know; the schedule clamps.
        requireOrdered(pp + "min_image_size", p.minImageSize, p.maxImageSize, "image size");
    }
    if (p.evalImageSize != 0)
        requireRange(pp + "eval_image_size", p.evalImageSize, limits::kMinResolution,
                     limits::kMaxResolution);
    requireRange(pp + "dropout_min", p.dropoutMin, 0.0, 0.95);
    requireRange(pp + "dropout_max", p.dropoutMax, 0.0, 0.95);
    requireOrdered(pp + "dropout_min", p.dropoutMin, p.dropoutMax, "dropout");
    requireRange(pp + "randaugment_min", p.randAugmentMin, 0.0, kMaxRandAugment);
    requireRange(pp + "randaugment_max", p.randAugmentMax, 0.0, kMaxRandAugment);
    requireOrdered(pp + "randaugment_min", p.randAugmentMin, p.randAugmentMax,
                   "RandAugment magnitude");
    requireRange(pp + "mixup_min", p.mixupMin, 0.0, 10.0);
    requireRange(pp + "mixup_max", p.mixupMax, 0.0, 10.0);
    requireOrdered(pp + "mixup_min", p.mixupMin, p.mixupMax, "mixup alpha");
}

namespace {
void requireStage(const ScaleConfig& c, int stage) {
    const int n = int(c.baseline.stages.size());
    if (stage < 0 || stage >= n)
        throw ValidationError("stages", "stage " + std::to_string(stage + 1) + " does not exist; " +
                                            c.baseline.displayName + " has stages 1-" +
                                            std::to_string(n));
}
} // namespace

ScaleConfig withStageDuplicated(ScaleConfig c, int stage) {
    requireStage(c, stage);
    const auto after = std::ptrdiff_t(stage) + 1;
    const StageSpec copy = c.baseline.stages[size_t(stage)];
    c.baseline.stages.insert(c.baseline.stages.begin() + after, copy);
    if (!c.request.stages.empty()) { // none: every stage at 1x, the copy too
        const StageMultiplier m = c.request.stages[size_t(stage)];
        c.request.stages.insert(c.request.stages.begin() + after, m);
    }
    return c;
}

ScaleConfig withStageRemoved(ScaleConfig c, int stage) {
    requireStage(c, stage);
    c.baseline.stages.erase(c.baseline.stages.begin() + stage);
    if (!c.request.stages.empty()) c.request.stages.erase(c.request.stages.begin() + stage);
    return c;
}

ScaleConfig configForPreset(const std::string& name) {
    const Preset p = findPreset(name);
    ScaleConfig c;
    c.preset = p.name;
    c.baseline = baselineSpec(p.baseline);
    c.request = p.request;
    return c;
}

namespace {
TrainingSettings trainingFromJson(const Json& j) {
    ObjectReader r(j, "training");
    TrainingSettings t;
    t.dataset = r.string("dataset", t.dataset);
    t.dataPath = r.string("data_path", t.dataPath);
    t.epochs = r.integer("epochs", t.epochs);
    t.batchSize = r.integer("batch_size", t.batchSize);
    t.optimizer = r.string("optimizer", t.optimizer);
    t.learningRate = r.number("learning_rate", t.learningRate);
    t.momentum = r.number("momentum", t.momentum);
    t.weightDecay = r.number("weight_decay", t.weightDecay);
    t.labelSmoothing = r.number("label_smoothing", t.labelSmoothing);
    t.warmupEpochs = r.number("warmup_epochs", t.warmupEpochs);
    t.emaDecay = r.number("ema_decay", t.emaDecay);
    t.init = r.string("init", t.init);
    t.device = r.string("device", t.device);
    t.precision = r.string("precision", t.precision);
    t.cudaGraphs = r.boolean("cuda_graphs", t.cudaGraphs);
    t.cudnnBenchmark = r.boolean("cudnn_benchmark", t.cudnnBenchmark);
    t.trainSamples = r.integer("train_samples", t.trainSamples);
    t.valSamples = r.integer("val_samples", t.valSamples);
    t.checkpointEvery = r.integer("checkpoint_every", t.checkpointEvery);
    t.validateEvery = r.integer("validate_every", t.validateEvery);
    const double seed = r.number("seed", double(t.seed));
    if (seed < 0 || seed != std::floor(seed) || seed > double(kMaxSeed))
        throw ValidationError("training.seed", "must be a non-negative whole number");
    t.seed = std::uint64_t(seed);
    t.workers = r.integer("workers", t.workers);
    if (r.has("progressive")) {
        ObjectReader p(r.raw("progressive"), "training.progressive");
        ProgressiveSettings& s = t.progressive;
        s.schedule =
            scheduleFromString(p.string("schedule", toString(s.schedule)), p.field("schedule"));
        s.stages = p.integer("stages", s.stages);
        s.minImageSize = p.integer("min_image_size", s.minImageSize);
        s.maxImageSize = p.integer("max_image_size", s.maxImageSize);
        s.evalImageSize = p.integer("eval_image_size", s.evalImageSize);
        s.dropoutMin = p.number("dropout_min", s.dropoutMin);
        s.dropoutMax = p.number("dropout_max", s.dropoutMax);
        s.randAugmentMin = p.number("randaugment_min", s.randAugmentMin);
        s.randAugmentMax = p.number("randaugment_max", s.randAugmentMax);
        s.mixupMin = p.number("mixup_min", s.mixupMin);
        s.mixupMax = p.number("mixup_max", s.mixupMax);
        p.finish();
    } else {
        r.skip("progressive");
    }
    r.finish();
    validate(t);
    return t;
}
} // namespace

ScaleConfig configFromJsonAt(const Json& j, const std::string& key) {
    try {
        return configFromJson(j);
    } catch (const ValidationError& e) {
        throw ValidationError(e.field().empty() ? key : key + "." + e.field(), e.reason());
    }
}

ScaleConfig configFromJson(const Json& j) {
    ObjectReader r(j, "");
    const std::string format = r.string("format");
    if (format != "scalescope-config")
        throw ValidationError("format", "is \"" + format + "\", expected \"scalescope-config\"");
    const int version = r.integer("version");
    if (version != kConfigVersion)
        throw ValidationError("version", "version " + std::to_string(version) +
                                             " is not supported (this build reads " +
                                             std::to_string(kConfigVersion) + ")");
    ScaleConfig c;
    c.preset = r.string("preset", "");
    const Json& b = r.raw("baseline");
    if (b.is_string())
        c.baseline = baselineSpec(b.get<std::string>(), "baseline");
    else if (b.is_object())
        c.baseline = specFromJson(b, "baseline");
    else
        throw ValidationError("baseline", "must be a built-in name or a spec object");

    ObjectReader s(r.raw("scaling"), "scaling");
    const std::string mode = s.string("mode", "compound");
    ScalingRequest& q = c.request;
    if (mode == "compound") {
        q.mode = ScalingRequest::Mode::Compound;
        q.coefficients.alpha = s.number("alpha", q.coefficients.alpha);
        q.coefficients.beta = s.number("beta", q.coefficients.beta);
        q.coefficients.gamma = s.number("gamma", q.coefficients.gamma);
        q.coefficients.phi = s.number("phi", q.coefficients.phi);
    } else if (mode == "explicit") {
        q.mode = ScalingRequest::Mode::Explicit;
        q.width = s.number("width", 1.0);
        q.depth = s.number("depth", 1.0);
    } else {
        throw ValidationError("scaling.mode", "\"" + mode + "\" is not compound or explicit");
    }
    q.resolution = s.integer("resolution", 0);
    q.maxResolution = s.integer("max_resolution", 0);
    if (s.has("dropout"))
        q.dropout = s.number("dropout");
    else
        s.skip("dropout");
    q.label = s.string("label", "");
    s.finish();

    if (r.has("stages")) {
        const Json& st = r.raw("stages");
        if (!st.is_array()) throw ValidationError("stages", "must be an array");
        const int n = int(c.baseline.stages.size());
        for (size_t i = 0; i < st.size(); ++i) {
            const std::string p = "stages[" + std::to_string(i) + "]";
            ObjectReader m(st[i], p);
            const int stage = m.integer("stage");
            if (stage < 1 || stage > n)
                throw ValidationError(p + ".stage", "stage " + std::to_string(stage) +
                                                        " does not exist; " +
                                                        c.baseline.displayName + " has stages 1-" +
                                                        std::to_string(n));
            if (q.stages.empty()) q.stages.assign(size_t(n), StageMultiplier{});
            q.stages[size_t(stage - 1)].depth = m.number("depth", 1.0);
            q.stages[size_t(stage - 1)].width = m.number("width", 1.0);
            m.finish();
        }
    } else {
        r.skip("stages");
    }
    if (r.has("training"))
        c.training = trainingFromJson(r.raw("training"));
    else
        r.skip("training");
    r.finish();
    validate(c.request, c.baseline);
    return c;
}

namespace {
// The leaves where two JSON values differ, in key order, as "path: A there, B here"; at most
// `limit` of them.
void collectDifferences(const Json& there, const Json& here, const std::string& path,
                        std::vector<std::string>& out, size_t limit) {
    const auto at = [&](const std::string& key) { return path.empty() ? key : path + "." + key; };
    if (out.size() >= limit) return;
    if (there.is_object() && here.is_object()) {
        // A different mode (compound or explicit scaling) explains the keys that go with it.
        if (there.contains("mode") && here.contains("mode") && there["mode"] != here["mode"]) {
            out.push_back(at("mode") + ": " + there["mode"].dump() + " there, " +
                          here["mode"].dump() + " here");
            return;
        }
        std::set<std::string> keys;
        for (const auto& [k, v] : there.items())
            keys.insert(k);
        for (const auto& [k, v] : here.items())
            keys.insert(k);
        for (const std::string& k : keys) {
            if (out.size() >= limit) return;
            if (!there.contains(k))
                out.push_back(at(k) + ": absent there, " + here.at(k).dump() + " here");
            else if (!here.contains(k))
                out.push_back(at(k) + ": " + there.at(k).dump() + " there, absent here");
            else
                collectDifferences(there.at(k), here.at(k), at(k), out, limit);
        }
    } else if (there.is_array() && here.is_array() && there.size() == here.size()) {
        for (size_t i = 0; i < there.size(); ++i)
            collectDifferences(there[i], here[i], path + "[" + std::to_string(i) + "]", out, limit);
    } else if (there.is_array() && here.is_array()) {
        out.push_back(path + ": " + std::to_string(there.size()) + " entries there, " +
                      std::to_string(here.size()) + " here");
    } else if (there != here) {
        out.push_back(path + ": " + there.dump() + " there, " + here.dump() + " here");
    }
}
} // namespace

std::string configDifference(const ScaleConfig& there, const ScaleConfig& here) {
    if (there == here) return {};
    constexpr size_t kShown = 3; // enough to see what changed without a wall of text
    Json a = configToJson(there), b = configToJson(here);
    // The preset's name is only a label: name it only where nothing else differs.
    std::vector<std::string> found;
    collectDifferences(a, b, "", found, kShown + 1);
    std::vector<std::string> shown;
    for (const std::string& d : found)
        if (d.rfind("preset:", 0) != 0 || found.size() == 1) shown.push_back(d);
    if (shown.empty()) return "other model or training options";
    std::string out;
    for (size_t i = 0; i < std::min(shown.size(), kShown); ++i)
        out += (i ? "; " : "") + shown[i];
    if (shown.size() > kShown) out += "; …";
    return out;
}

Json configToJson(const ScaleConfig& c) {
    Json j;
    j["format"] = "scalescope-config";
    j["version"] = kConfigVersion;
    if (!c.preset.empty()) j["preset"] = c.preset;
    j["baseline"] = specToJson(c.baseline); // inline: the file stands on its own
    Json s;
    const ScalingRequest& q = c.request;
    if (q.mode == ScalingRequest::Mode::Compound) {
        s["mode"] = "compound";
        s["alpha"] = q.coefficients.alpha;
        s["beta"] = q.coefficients.beta;
        s["gamma"] = q.coefficients.gamma;
        s["phi"] = q.coefficients.phi;
    } else {
        s["mode"] = "explicit";
        s["width"] = q.width;
        s["depth"] = q.depth;
    }
    s["resolution"] = q.resolution;
    s["max_resolution"] = q.maxResolution;
    if (q.dropout) s["dropout"] = *q.dropout;
    if (!q.label.empty()) s["label"] = q.label;
    j["scaling"] = s;
    Json stages = Json::array();
    for (size_t i = 0; i < q.stages.size(); ++i)
        if (!(q.stages[i] == StageMultiplier{}))
            stages.push_back({{"stage", int(i + 1)},
                              {"depth", q.stages[i].depth},
                              {"width", q.stages[i].width}});
    j["stages"] = stages;
    const TrainingSettings& t = c.training;
    const ProgressiveSettings& p = t.progressive;
    j["training"] = {{"dataset", t.dataset},
                     {"data_path", t.dataPath},
                     {"epochs", t.epochs},
                     {"batch_size", t.batchSize},
                     {"optimizer", t.optimizer},
                     {"learning_rate", t.learningRate},
                     {"momentum", t.momentum},
                     {"weight_decay", t.weightDecay},
                     {"label_smoothing", t.labelSmoothing},
                     {"warmup_epochs", t.warmupEpochs},
                     {"ema_decay", t.emaDecay},
                     {"init", t.init},
                     {"device", t.device},
                     {"precision", t.precision},
                     {"cuda_graphs", t.cudaGraphs},
                     {"cudnn_benchmark", t.cudnnBenchmark},
                     {"train_samples", t.trainSamples},
                     {"val_samples", t.valSamples},
                     {"checkpoint_every", t.checkpointEvery},
                     {"validate_every", t.validateEvery},
                     {"seed", t.seed},
                     {"workers", t.workers},
                     {"progressive",
                      {{"schedule", toString(p.schedule)},
                       {"stages", p.stages},
                       {"min_image_size", p.minImageSize},
                       {"max_image_size", p.maxImageSize},
                       {"eval_image_size", p.evalImageSize},
                       {"dropout_min", p.dropoutMin},
                       {"dropout_max", p.dropoutMax},
                       {"randaugment_min", p.randAugmentMin},
                       {"randaugment_max", p.randAugmentMax},
                       {"mixup_min", p.mixupMin},
                       {"mixup_max", p.mixupMax}}}};
    return j;
}

ScaleConfig loadConfig(const std::string& path) {
    const Json j = parseJsonFile(path);
    try {
        return configFromJson(j);
    } catch (const ValidationError& e) {
        throw ValidationError(path + ": " + e.field(), e.reason());
    }
}

void writeFileAtomically(const std::string& path, const std::string& text) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw ValidationError(path, "is a folder: give the name of a file to write");
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw ValidationError(path,
                                  std::string("cannot be written (") + std::strerror(errno) + ")");
        out << text;
        out.flush();
        if (!out) {
            std::remove(tmp.c_str());
            throw ValidationError(path, "could not be written completely (disk full?)");
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(tmp.c_str());
        throw ValidationError(path, "could not replace the file (" + why + ")");
    }
}

void saveConfig(const ScaleConfig& c, const std::string& path) {
    writeFileAtomically(path, configToJson(c).dump(2) + "\n");
}

} // namespace scalescope
