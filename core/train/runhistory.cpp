#include "runhistory.h"

#include "evaluation.h"
#include "scaling/format.h"
#include "scaling/presets.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <stdexcept>

namespace scalescope::train {

namespace fs = std::filesystem;

namespace {
constexpr int kMaxRows = 1000000; // far beyond any epoch count; a guard against other files

std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, ','))
        out.push_back(cell);
    if (!line.empty() && line.back() == ',') out.emplace_back();
    return out;
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
        s.pop_back();
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
    return s.substr(i);
}

// The best validation accuracy of a run's epochs; NaN where none was validated.
double bestValidation(const std::vector<TrainEvent>& epochs) {
    double best = std::numeric_limits<double>::quiet_NaN();
    for (const TrainEvent& e : epochs)
        if (std::isfinite(e.valAccuracy) && !(best >= e.valAccuracy)) best = e.valAccuracy;
    return best;
}

} // namespace

std::string metricsFileHeader() {
    return std::string(kMetricsHeader) + "," + kMetricsLiveColumns + "," + kMetricsValidationColumn;
}

std::string metricsRow(const TrainEvent& e) {
    std::ostringstream os;
    os << e.epoch << "," << e.step << "," << e.stage << "," << e.imageSize << ","
       << csvNumber(e.dropout) << "," << csvNumber(e.randAugment) << "," << csvNumber(e.mixup)
       << "," << csvNumber(e.learningRate) << "," << csvNumber(e.loss) << ","
       << csvNumber(e.trainAccuracy) << "," << csvNumber(e.valLoss) << ","
       << csvNumber(e.valAccuracy) << "," << csvNumber(e.imagesPerSecond) << ","
       << csvNumber(e.elapsedSeconds) << "," << csvNumber(e.liveValLoss) << ","
       << csvNumber(e.liveValAccuracy) << "," << csvNumber(e.validationSeconds);
    return os.str();
}

std::string runModelName(const ScaleConfig& c) {
    // A preset as chosen goes by its own name: B1-B7 are B0 with the multipliers the paper
    // names "EfficientNet-B3", not "EfficientNet-B0 w1.2 d1.4".
    if (!c.preset.empty()) {
        try {
            const Preset p = findPreset(c.preset);
            if (p.request == c.request && baselineSpec(p.baseline) == c.baseline)
                return p.displayName;
        } catch (const std::exception&) {
            // A preset this build does not know: named by its baseline, as an edited one is.
        }
    }
    std::string name = c.baseline.displayName.empty() ? c.baseline.name : c.baseline.displayName;
    // A built-in baseline with its stages, stem or head edited is another network than its
    // name says: its runs must not read like the original's. (The classes are the dataset's.)
    try {
        ArchSpec original = baselineSpec(c.baseline.name);
        original.numClasses = c.baseline.numClasses;
        if (!(original == c.baseline)) name += " (edited)";
    } catch (const std::exception&) {
        // A baseline of the user's own: its name is all there is.
    }
    const ScalingRequest& q = c.request;
    if (q.mode == ScalingRequest::Mode::Compound && q.coefficients.phi != 0)
        name += " phi " + compactDecimal(q.coefficients.phi);
    else if (q.mode == ScalingRequest::Mode::Explicit && (q.width != 1 || q.depth != 1))
        name += " w" + compactDecimal(q.width) + " d" + compactDecimal(q.depth);
    return name;
}

std::string validationSetText(const ScaleConfig& c) {
    const TrainingSettings& t = c.training;
    std::ostringstream os;
    os << t.dataset;
    if (!t.dataPath.empty()) os << " (" << t.dataPath << ")";
    // Synthetic sets are drawn from the seed; a real set's subset is chosen by it.
    const int count = t.valSamples > 0                ? t.valSamples
                      : isSyntheticDataset(t.dataset) ? kDefaultSyntheticVal
                                                      : 0;
    if (count > 0)
        os << ", " << count << " images (seed " << t.seed << ")";
    else
        os << ", every test image";
    os << ", at " << runSizes(c).validated << " px";
    return os.str();
}

std::string seedGroupKey(const ScaleConfig& c) {
    Json j = configToJson(c);
    j.erase("preset");
    j["training"].erase("seed");
    return j.dump();
}

RunHistory readRunHistory(const std::string& path) {
    RunHistory h;
    fs::path csv(path);
    std::error_code ec;
    if (fs::is_directory(csv, ec)) {
        h.dir = path;
        csv /= kMetricsFile;
    } else {
        h.dir = csv.parent_path().string();
    }
    std::ifstream in(csv);
    if (!in)
        throw std::runtime_error(csv.string() + ": cannot be read" +
                                 (fs::exists(csv, ec) ? std::string()
                                                      : std::string(" (no such file; a run folder "
                                                                    "holds metrics.csv)")));

    const std::string file = csv.filename().string();
    std::string line;
    if (!std::getline(in, line)) throw std::runtime_error(file + ": the file is empty");
    const std::vector<std::string> header = splitCsv(trimmed(line));
    std::map<std::string, size_t> column;
    for (size_t i = 0; i < header.size(); ++i)
        column[trimmed(header[i])] = i;
    for (const std::string& name : splitCsv(kMetricsHeader))
        if (!column.count(name))
            throw std::runtime_error(file + " line 1: no column \"" + name +
                                     "\" (not a ScaleScope metrics file)");

    int lineNo = 1;
    while (std::getline(in, line)) {
        ++lineNo;
        line = trimmed(line);
        if (line.empty()) continue;
        if (int(h.epochs.size()) >= kMaxRows)
            throw std::runtime_error(file + ": more than " + std::to_string(kMaxRows) + " rows");
        const std::vector<std::string> cells = splitCsv(line);
        if (cells.size() != header.size())
            throw std::runtime_error(file + " line " + std::to_string(lineNo) + ": " +
                                     std::to_string(cells.size()) + " cells, the header has " +
                                     std::to_string(header.size()));
        const auto where = [&](const std::string& name) {
            return file + " line " + std::to_string(lineNo) + ", column " + name + ": ";
        };
        // Empty is NaN (how the writer stores a non-finite value); anything else must parse.
        const auto number = [&](const std::string& name) {
            auto col = column.find(name);
            if (col == column.end()) return std::numeric_limits<double>::quiet_NaN(); // optional
            const std::string& s = cells[col->second];
            if (s.empty()) return std::numeric_limits<double>::quiet_NaN();
            char* end = nullptr;
            const double v = std::strtod(s.c_str(), &end);
            if (end == s.c_str() || *end)
                throw std::runtime_error(where(name) + "\"" + s + "\" is not a number");
            return v;
        };
        const auto count = [&](const std::string& name, double lowest) {
            const double v = number(name);
            if (!std::isfinite(v) || v != std::floor(v) || v < lowest || v > 1e15)
                throw std::runtime_error(
                    where(name) + "\"" + cells[column.at(name)] +
                    "\" is not a whole number >= " + std::to_string(int(lowest)));
            return v;
        };
        TrainEvent e;
        e.type = TrainEvent::Type::Epoch;
        e.epoch = int(count("epoch", 0));
        e.step = std::int64_t(count("step", 0));
        e.stage = int(count("stage", 0));
        e.imageSize = int(count("image_size", 1));
        e.dropout = number("dropout");
        e.randAugment = number("randaugment");
        e.mixup = number("mixup");
        e.learningRate = number("learning_rate");
        e.loss = number("train_loss");
        e.trainAccuracy = number("train_accuracy");
        e.valLoss = number("val_loss");
        e.valAccuracy = number("val_accuracy");
        e.imagesPerSecond = number("images_per_second");
        e.elapsedSeconds = number("elapsed_seconds");
        e.liveValLoss = number("live_val_loss");
        e.liveValAccuracy = number("live_val_accuracy");
        e.validationSeconds = number(kMetricsValidationColumn);
        if (!std::isfinite(e.elapsedSeconds) || e.elapsedSeconds < 0)
            throw std::runtime_error(where("elapsed_seconds") + "must be a time >= 0");
        if (e.validationSeconds < 0 || e.validationSeconds > e.elapsedSeconds) // NaN passes
            throw std::runtime_error(where(kMetricsValidationColumn) +
                                     "must be a time from 0 to elapsed_seconds");
        if (!h.epochs.empty() && e.epoch <= h.epochs.back().epoch)
            throw std::runtime_error(where("epoch") + std::to_string(e.epoch) +
                                     " does not follow epoch " +
                                     std::to_string(h.epochs.back().epoch));
        h.epochs.push_back(e);
    }
    h.hasCheckpoint = fs::exists(fs::path(h.dir) / kCheckpointFile, ec);
    if (h.epochs.empty() && !h.hasCheckpoint)
        throw NoEpochsYet(file + ": no epochs yet (only the header)");

    // The configuration names the model and schedule; a run without one still plots.
    int stages = 1;
    for (const TrainEvent& e : h.epochs)
        stages = std::max(stages, e.stage + 1);
    h.plannedEpochs = h.epochs.empty() ? 0 : h.epochs.back().epoch + 1;
    const fs::path cfgPath = fs::path(h.dir) / kConfigFile;
    if (fs::exists(cfgPath, ec)) {
        try {
            const ScaleConfig cfg = loadConfig(cfgPath.string());
            h.model = runModelName(cfg);
            h.validation = validationSetText(cfg);
            h.seedGroup = seedGroupKey(cfg);
            h.seed = cfg.training.seed;
            h.schedule = toString(cfg.training.progressive.schedule);
            h.plannedEpochs = std::max(h.plannedEpochs, cfg.training.epochs);
        } catch (const std::exception& ex) {
            throw std::runtime_error("config.json: " + std::string(ex.what()));
        }
    }
    for (TrainEvent& e : h.epochs) {
        e.epochs = h.plannedEpochs;
        e.stages = stages;
    }
    return h;
}

RunFolderCheck::RunFolderCheck()
    : finalValAccuracy(std::numeric_limits<double>::quiet_NaN()),
      bestValAccuracy(std::numeric_limits<double>::quiet_NaN()),
      seconds(std::numeric_limits<double>::quiet_NaN()) {}

std::string foreignRunFolder(const std::string& dir, const ScaleConfig& config) {
    std::error_code ec;
    const fs::path cfgPath = fs::path(dir) / kConfigFile;
    if (!fs::exists(cfgPath, ec)) return {};
    ScaleConfig there;
    try {
        there = loadConfig(cfgPath.string());
    } catch (const std::exception& e) {
        return dir + " holds a " + kConfigFile + " that cannot be read (" + e.what() + ")";
    }
    if (const std::string d = configDifference(there, config); !d.empty())
        return dir + " holds a run of another configuration (" + d + ")";
    return {};
}

RunFolderCheck inspectRunFolder(const std::string& dir, const ScaleConfig& config) {
    RunFolderCheck out;
    std::error_code ec;
    if (!fs::exists(fs::path(dir) / kConfigFile, ec)) return out;
    out.why = foreignRunFolder(dir, config);
    if (!out.why.empty()) {
        out.state = RunFolderCheck::State::Foreign;
        return out;
    }
    RunHistory h;
    try {
        h = readRunHistory(dir);
    } catch (const std::exception&) {
        return out; // stopped before its first checkpoint: trained afresh
    }
    if (h.canContinue()) {
        out.state = RunFolderCheck::State::Stopped;
        return out;
    }
    if (h.epochs.empty() || int(h.epochs.size()) < h.plannedEpochs) return out;
    out.state = RunFolderCheck::State::Finished;
    out.bestValAccuracy = bestValidation(h.epochs);
    out.finalValAccuracy = h.epochs.back().valAccuracy;
    out.seconds = h.epochs.back().elapsedSeconds;
    return out;
}

RunListing::RunListing()
    : finalValAccuracy(std::numeric_limits<double>::quiet_NaN()),
      bestValAccuracy(std::numeric_limits<double>::quiet_NaN()),
      seconds(std::numeric_limits<double>::quiet_NaN()) {}

namespace {
RunListing listRun(const fs::path& dir) {
    RunListing r;
    r.dir = dir.string();
    std::error_code ec;
    const auto written = fs::last_write_time(dir / kMetricsFile, ec);
    if (!ec)
        r.modified =
            std::chrono::duration_cast<std::chrono::seconds>(
                written.time_since_epoch() - fs::file_time_type::clock::now().time_since_epoch() +
                std::chrono::system_clock::now().time_since_epoch())
                .count();
    r.hasCheckpoint = fs::exists(dir / kCheckpointFile, ec);
    try {
        const ScaleConfig c = loadConfig((dir / kConfigFile).string());
        r.model = runModelName(c);
        r.dataset = c.training.dataset;
        r.schedule = toString(c.training.progressive.schedule);
        r.plannedEpochs = c.training.epochs;
        const RunSizes sizes = runSizes(c);
        if (!sizes.training.empty()) {
            const auto [lo, hi] = std::minmax_element(sizes.training.begin(), sizes.training.end());
            r.smallestSize = *lo;
            r.largestSize = *hi;
        }
        r.validatedSize = sizes.validated;
    } catch (const std::exception& e) {
        r.problem = e.what();
        return r;
    }
    try {
        const RunHistory h = readRunHistory(dir.string());
        r.epochs = int(h.epochs.size());
        r.bestValAccuracy = bestValidation(h.epochs);
        if (!h.epochs.empty()) {
            r.finalValAccuracy = h.epochs.back().valAccuracy;
            r.seconds = h.epochs.back().elapsedSeconds;
        }
    } catch (const NoEpochsYet&) {
        // Only the header: started and not one epoch in (or training its first now).
    } catch (const std::exception& e) {
        r.problem = e.what();
        return r;
    }
    r.state =
        r.epochs >= r.plannedEpochs ? RunListing::State::Finished : RunListing::State::Unfinished;
    return r;
}
} // namespace

std::vector<std::string> runFolders(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw ValidationError("FOLDER", folder + " is not a folder");
    if (fs::exists(fs::path(folder) / kMetricsFile, ec)) return {folder};
    // Runs sit in experiments' folders too ("seed1/fixed", "seed1/paper"): a few levels
    // down, not into a run folder's own.
    constexpr int kDepth = 3;
    std::vector<std::string> out;
    std::vector<std::pair<fs::path, int>> pending{{fs::path(folder), 0}};
    while (!pending.empty()) {
        const auto [at, depth] = pending.back();
        pending.pop_back();
        for (const auto& e : fs::directory_iterator(at, ec)) {
            if (!e.is_directory(ec) || e.is_symlink(ec)) continue;
            if (fs::exists(e.path() / kMetricsFile, ec))
                out.push_back(e.path().string());
            else if (depth + 1 < kDepth)
                pending.emplace_back(e.path(), depth + 1);
        }
    }
    return out;
}

std::vector<RunListing> listRuns(const std::vector<std::string>& folders) {
    std::vector<RunListing> out;
    for (const std::string& folder : folders)
        for (const std::string& dir : runFolders(folder))
            out.push_back(listRun(dir));
    std::stable_sort(out.begin(), out.end(), [](const RunListing& a, const RunListing& b) {
        return a.modified != b.modified ? a.modified > b.modified : a.dir < b.dir;
    });
    return out;
}

} // namespace scalescope::train
