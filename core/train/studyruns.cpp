#include "studyruns.h"

#include "runhistory.h"

#include "scaling/jsonreader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
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

StudyFolder readStudyFolder(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw std::runtime_error(dir + ": not a folder (a study folder holds one run folder per "
                                       "point)");
    StudyFolder out;
    out.manifest = readStudyManifest(dir);
    out.runs = readRunFolders(dir, out.skipped);
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
    std::vector<StudyResult> out;
    for (const StudyPoint& p : points)
        out.push_back(runFolderResult((fs::path(dir) / p.runName).string(), p.config));
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
