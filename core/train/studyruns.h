// A scaling study's folder read back (scalescope-cli study --train, or the GUI's study
// window, which train each point into DIR/<point's run name>): each run's configuration and
// final validation accuracy, so that the study window can show them again. No torch types.
#pragma once

#include "scaling/config.h"
#include "scaling/jsonreader.h"
#include "scaling/scalingstudy.h"
#include "scaling/validation.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace scalescope::train {

// A run folder of a study or a grid.
struct StudyRun {
    std::string name; // the subfolder: "baseline", "compound-phi1", "a1.2-b1.1-g1.15", ...
    ScaleConfig config;
    bool finished = false;   // every planned epoch done
    double finalValAccuracy; // the last validation's; NaN where none was run
};

// Every subfolder of `dir` that holds a run (its config.json), by name; `skipped` gets
// "name: why" for those whose configuration cannot be read. Throws std::runtime_error naming
// the folder when it cannot be listed.
std::vector<StudyRun> readRunFolders(const std::string& dir, std::vector<std::string>& skipped);

struct StudyFolder {
    std::vector<StudyRun> runs;       // by name
    std::vector<std::string> skipped; // "name: why" for subfolders that hold no readable run
    // study.json: the configured model and the points asked for; absent in folders written
    // before it existed, whose baseline run names the model.
    std::optional<StudyManifest> manifest;
};

// Throws std::runtime_error naming the folder when it cannot be listed, its study.json cannot
// be read, or it holds neither a study.json nor any run.
StudyFolder readStudyFolder(const std::string& dir);

// DIR/<file> (a study's or a grid's record) as `fromJson` reads it, or nothing where there is
// none; throws std::runtime_error naming the file and the field when it cannot be read.
template <typename Record>
std::optional<Record> readRecordFile(const std::string& dir, const char* file,
                                     Record (*fromJson)(const Json&)) {
    const std::string path = (std::filesystem::path(dir) / file).string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    const Json j = parseJsonFile(path); // names the file itself
    try {
        return fromJson(j);
    } catch (const ValidationError& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

// Writes `record` as DIR/<file> (a study's, a grid's or an experiment's), making DIR where it
// is missing, through a temporary file; throws ValidationError naming `field` when the folder
// cannot be made or the file cannot be written.
void writeRecordFile(const std::string& dir, const char* file, const Json& record,
                     const std::string& field);

// DIR/study.json, or nothing where there is none; throws std::runtime_error naming the file and
// the field when it cannot be read.
std::optional<StudyManifest> readStudyManifest(const std::string& dir);

// Records that `dir` is a study of `base` with `spec`'s points, before any of them trains:
// creates the folder, or adds the φ and strategies to those it holds. Throws ValidationError
// naming `field` when the folder holds a study of another configuration (the model or the
// training settings differ), or a point's run folder holds a run of another configuration.
// Returns what the folder now holds.
StudyManifest recordStudy(const std::string& dir, const ScaleConfig& base, const StudySpec& spec,
                          const std::string& field);

// A run as its folder holds it for `config`: "trained" (with its accuracies and time),
// "stopped", "not trained", or "another configuration"; runDir is `runDir`.
StudyResult runFolderResult(const std::string& runDir, const ScaleConfig& config);

// Each run's state (studyRuns) as its folder DIR/<run name> holds it (runFolderResult).
std::vector<StudyResult> studyFolderResults(const std::string& dir,
                                            const std::vector<StudyPoint>& runs);

// DIR/study.csv for every run of DIR/study.json (each point at each seed), from the run folders as
// they are now (the GUI writes it after each point; the CLI after its queue). Returns the file's
// path; throws (naming the file) when there is no study.json or the file cannot be written.
std::string writeStudyCsv(const std::string& dir);

} // namespace scalescope::train
