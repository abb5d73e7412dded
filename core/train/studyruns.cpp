#include "studyruns.h"

#include "runhistory.h"

#include "scaling/jsonreader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <stdexcept>

namespace scalescope::train {

namespace fs = std::filesystem;

std::optional<StudyManifest> readStudyManifest(const std::string& dir) {
    return readRecordFile(dir, kStudyManifestFile, &studyManifestFromJson);
}

std::vector<StudyRun> readRunFolders(const std::string& dir, std::vector<std::string>& skipped) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) throw std::runtime_error(dir + ": " + ec.message());
    std::vector<StudyRun> runs;
    for (const fs::directory_entry& entry : it) {
        if (!entry.is_directory(ec)) continue;
        const std::string name = entry.path().filename().string();
        if (!fs::exists(entry.path() / kConfigFile, ec)) continue; // not a run folder
        StudyRun run;
        run.name = name;
        run.finalValAccuracy = std::numeric_limits<double>::quiet_NaN();
        try {
            run.config = loadConfig((entry.path() / kConfigFile).string());
        } catch (const std::exception& e) {
            skipped.push_back(name + ": " + e.what());
            continue;
        }
        try {
            const RunHistory h = readRunHistory(entry.path().string());
            run.finished = !h.epochs.empty() && int(h.epochs.size()) >= h.plannedEpochs;
            if (!h.epochs.empty()) run.finalValAccuracy = h.epochs.back().valAccuracy;
        } catch (const std::exception&) {
            // Started but stopped before its first epoch: a run with no result yet.
        }
        runs.push_back(std::move(run));
    }
    std::sort(runs.begin(), runs.end(),
              [](const StudyRun& a, const StudyRun& b) { return a.name < b.name; });
    return runs;
}

namespace {
// One line of a CSV file as studyCsv and gridCsv write it: cells split at commas, a quoted
// cell's doubled quotes made one. False for an unclosed quote.
bool csvCells(const std::string& line, std::vector<std::string>& cells) {
    cells.assign(1, {});
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c != '"')
                cells.back() += c;
            else if (i + 1 < line.size() && line[i + 1] == '"')
                cells.back() += line[++i];
            else
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else if (c != '\r') {
            cells.back() += c;
        }
    }
    return !quoted;
}

// A cell as csvNumber writes it: empty for NaN. False for anything else.
bool csvDouble(const std::string& cell, double& out) {
    if (cell.empty()) {
        out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    char* end = nullptr;
    out = std::strtod(cell.c_str(), &end);
    return end == cell.c_str() + cell.size();
}
} // namespace

std::map<std::string, RecordedRun> readRecordedRuns(const std::string& csvPath,
                                                    std::vector<std::string>* unread) {
    std::map<std::string, RecordedRun> out;
    std::error_code ec;
    if (!fs::exists(csvPath, ec)) return out;
    const std::string file = fs::path(csvPath).filename().string();
    auto note = [&](const std::string& why) {
        if (unread) unread->push_back(file + ": " + why);
    };
    // 7,290 runs, the largest grid, write a few MB; anything far larger is not such a record.
    constexpr std::uintmax_t kMaxRecordBytes = 64u << 20;
    if (fs::file_size(csvPath, ec) > kMaxRecordBytes && !ec) {
        note("larger than 64 MiB: not a study's or grid's record");
        return out;
    }
    std::ifstream in(csvPath, std::ios::binary);
    std::string line;
    std::vector<std::string> cells;
    if (!std::getline(in, line) || !csvCells(line, cells)) {
        note("cannot be read");
        return out;
    }
    const char* names[] = {"val_accuracy", "best_val_accuracy", "seconds",
                           "state",        "run_dir",           "seed"};
    size_t column[6];
    for (size_t k = 0; k < 6; ++k) {
        const auto it = std::find(cells.begin(), cells.end(), names[k]);
        if (it == cells.end()) {
            note(std::string("has no ") + names[k] + " column");
            return out;
        }
        column[k] = size_t(it - cells.begin());
    }
    const size_t width = cells.size();
    constexpr int kMaxRows = 100000; // far beyond any study's or grid's runs
    for (int row = 2; std::getline(in, line) && row <= kMaxRows; ++row) {
        if (line.empty() || line == "\r") continue;
        const std::string where = "line " + std::to_string(row) + ": ";
        if (!csvCells(line, cells) || cells.size() != width) {
            note(where + std::to_string(cells.size()) + " cells, not " + std::to_string(width));
            continue;
        }
        const std::string& state = cells[column[3]];
        if (state != "trained" && state != "read back" && state != "recorded") continue;
        RecordedRun r;
        r.result.state = "recorded";
        r.result.runDir = cells[column[4]];
        char* end = nullptr;
        const std::string& seed = cells[column[5]];
        r.seed = std::strtoull(seed.c_str(), &end, 10);
        const std::string name = fs::path(r.result.runDir).filename().string();
        if (!csvDouble(cells[column[0]], r.result.valAccuracy) ||
            !csvDouble(cells[column[1]], r.result.bestValAccuracy) ||
            !csvDouble(cells[column[2]], r.result.seconds) ||
            seed.find_first_not_of("0123456789") != std::string::npos || seed.empty() ||
            end != seed.c_str() + seed.size() || name.empty() ||
            !(r.result.valAccuracy >= 0 && r.result.valAccuracy <= 1)) {
            note(where + "a finished run without its accuracy, seed or folder");
            continue;
        }
        out[name] = std::move(r);
    }
    return out;
}

const RecordedRun* recordedRun(const std::map<std::string, RecordedRun>& records,
                               const std::string& runName, std::uint64_t seed) {
    const auto it = records.find(runName);
    return it != records.end() && it->second.seed == seed ? &it->second : nullptr;
}

StudyResult orRecorded(StudyResult fromFolder, const std::string& runName, std::uint64_t seed,
                       const std::map<std::string, RecordedRun>& records) {
    const RecordedRun* held = recordedRun(records, runName, seed);
    if (fromFolder.state != "not trained" || !held) return fromFolder;
    StudyResult r = held->result;
    r.runDir = fromFolder.runDir; // where it would be trained again
    return r;
}

void addRecordedRuns(const std::string& csvPath,
                     const std::vector<std::pair<std::string, const ScaleConfig*>>& planned,
                     std::vector<StudyRun>& runs, std::vector<std::string>& skipped) {
    const std::map<std::string, RecordedRun> records = readRecordedRuns(csvPath, &skipped);
    for (const auto& [name, config] : planned) {
        const RecordedRun* held = recordedRun(records, name, config->training.seed);
        if (held && std::none_of(runs.begin(), runs.end(),
                                 [&](const StudyRun& r) { return r.name == name; }))
            runs.push_back({name, *config, true, held->result.valAccuracy, true});
    }
    std::sort(runs.begin(), runs.end(),
              [](const StudyRun& a, const StudyRun& b) { return a.name < b.name; });
}

std::set<std::string>
recordedOnly(const std::string& dir, const char* csvFile,
             const std::vector<std::pair<std::string, std::uint64_t>>& planned) {
    const std::map<std::string, RecordedRun> records =
        readRecordedRuns((fs::path(dir) / csvFile).string());
    std::set<std::string> out;
    std::error_code ec;
    for (const auto& [name, seed] : planned)
        if (recordedRun(records, name, seed) &&
            !fs::exists(fs::path(dir) / name / kMetricsFile, ec))
            out.insert(name);
    return out;
}

StudyFolder readStudyFolder(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw std::runtime_error(dir + ": not a folder (a study folder holds one run folder per "
                                       "point)");
    StudyFolder out;
    out.manifest = readStudyManifest(dir);
    out.runs = readRunFolders(dir, out.skipped);
    if (out.manifest) {
        std::vector<std::pair<std::string, const ScaleConfig*>> planned;
        const std::vector<StudyPoint> points = studyRuns(
            studyPoints(out.manifest->base, out.manifest->spec), out.manifest->spec.seeds);
        for (const StudyPoint& p : points)
            planned.emplace_back(p.runName, &p.config);
        addRecordedRuns((fs::path(dir) / "study.csv").string(), planned, out.runs, out.skipped);
    }
    if (out.runs.empty() && !out.manifest)
        throw std::runtime_error(dir + ": holds no run folder (none with a " +
                                 std::string(kConfigFile) + ")" +
                                 (out.skipped.empty() ? "" : "; " + out.skipped.front()));
    return out;
}

StudyManifest recordStudy(const std::string& dir, const ScaleConfig& base, const StudySpec& spec,
                          const std::string& field) {
    validate(spec);
    StudyManifest m{base, spec};
    std::optional<StudyManifest> held;
    try {
        held = readStudyManifest(dir);
    } catch (const std::exception& e) {
        throw ValidationError(field, e.what());
    }
    if (held) {
        if (!(held->base == base))
            throw ValidationError(field, dir + " holds a study of another configuration (other "
                                               "model or training options)");
        m.spec = mergeStudySpecs(held->spec, spec);
        try {
            validate(m.spec);
        } catch (const ValidationError& e) {
            throw ValidationError(field, dir + " with these points: " + e.what());
        }
    }
    // Every folder the points train in is looked at before anything is written.
    for (const StudyPoint& p : studyRuns(studyPoints(base, m.spec), m.spec.seeds)) {
        const std::string why = foreignRunFolder((fs::path(dir) / p.runName).string(), p.config);
        if (!why.empty()) throw ValidationError(field, why);
    }
    writeRecordFile(dir, kStudyManifestFile, studyManifestToJson(m), field);
    return m;
}

void writeRecordFile(const std::string& dir, const char* file, const Json& record,
                     const std::string& field) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw ValidationError(field, dir + " cannot be created: " + ec.message());
    try {
        writeFileAtomically((fs::path(dir) / file).string(), record.dump(2) + "\n");
    } catch (const std::exception& e) {
        throw ValidationError(field, e.what());
    }
}

StudyResult runFolderResult(const std::string& runDir, const ScaleConfig& config) {
    StudyResult r;
    r.runDir = runDir;
    const RunFolderCheck c = inspectRunFolder(r.runDir, config);
    switch (c.state) {
    case RunFolderCheck::State::Finished:
        r.state = "trained";
        r.valAccuracy = c.finalValAccuracy;
        r.bestValAccuracy = c.bestValAccuracy;
        r.seconds = c.seconds;
        break;
    case RunFolderCheck::State::Stopped:
        r.state = "stopped";
        break;
    case RunFolderCheck::State::Foreign:
        r.state = "another configuration";
        break;
    case RunFolderCheck::State::Empty:
        r.state = "not trained";
        break;
    }
    return r;
}

std::vector<StudyResult> studyFolderResults(const std::string& dir,
                                            const std::vector<StudyPoint>& points) {
    const std::map<std::string, RecordedRun> records =
        readRecordedRuns((fs::path(dir) / "study.csv").string());
    std::vector<StudyResult> out;
    for (const StudyPoint& p : points)
        out.push_back(orRecorded(runFolderResult((fs::path(dir) / p.runName).string(), p.config),
                                 p.runName, p.config.training.seed, records));
    return out;
}

std::string writeStudyCsv(const std::string& dir) {
    const std::optional<StudyManifest> m = readStudyManifest(dir);
    if (!m)
        throw std::runtime_error(dir + ": no " + std::string(kStudyManifestFile) +
                                 " (not a study folder)");
    const std::vector<StudyPoint> runs = studyRuns(studyPoints(m->base, m->spec), m->spec.seeds);
    const std::string path = (fs::path(dir) / "study.csv").string();
    writeFileAtomically(path, studyCsv(runs, studyFolderResults(dir, runs)));
    return path;
}

} // namespace scalescope::train
