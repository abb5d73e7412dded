// A scaling study's folder read back (scalescope-cli study --train, or the GUI's study
// window, which train each point into DIR/<point's run name>): each run's configuration and
// final validation accuracy, so that the study window can show them again. No torch types.
#pragma once

#include "scaling/config.h"
#include "scaling/jsonreader.h"
#include "scaling/scalingstudy.h"
#include "scaling/validation.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
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
    bool recorded = false;   // its folder is gone: the result is the folder's CSV record's
};

// Every subfolder of `dir` that holds a run (its config.json), by name; `skipped` gets
// "name: why" for those whose configuration cannot be read. Throws std::runtime_error naming
// the folder when it cannot be listed.
std::vector<StudyRun> readRunFolders(const std::string& dir, std::vector<std::string>& skipped);

struct StudyFolder {
    // By name; with study.json, also the finished runs study.csv records whose folders are gone.
    std::vector<StudyRun> runs;
    // "name: why" for subfolders that hold no readable run, and "study.csv: line N: why"
    std::vector<std::string> skipped;
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

// What a study's or a grid's CSV record (study.csv, grid.csv) says of a finished run: the
// result of a run whose folder is gone, as in a study copied with its record alone.
struct RecordedRun {
    std::uint64_t seed = 0;
    StudyResult result; // state "recorded"; runDir as the file wrote it
};
// The record's finished runs ("trained", "read back" or "recorded") by run folder name (the
// last part of run_dir). No file: none. A row that cannot be read is left out and named in
// `unread` ("study.csv: line 3: ..."), as is a file without the columns.
std::map<std::string, RecordedRun> readRecordedRuns(const std::string& csvPath,
                                                    std::vector<std::string>* unread = nullptr);
// Adds to `runs` each planned run (its folder's name and configuration) that none of them is
// but the record at `csvPath` holds at its seed, as finished and `recorded`; keeps `runs` by
// name. The record's unreadable rows go to `skipped`.
void addRecordedRuns(const std::string& csvPath,
                     const std::vector<std::pair<std::string, const ScaleConfig*>>& planned,
                     std::vector<StudyRun>& runs, std::vector<std::string>& skipped);
// The run `records` holds under that folder name, at that seed; null where none.
const RecordedRun* recordedRun(const std::map<std::string, RecordedRun>& records,
                               const std::string& runName, std::uint64_t seed);
// The names of `planned` (run folder names and seeds) whose results DIR/<csvFile> records and
// whose folders hold no run: a Train leaves them, since training them again would only
// replace a result. Reads the record and looks at each folder: not for the GUI thread.
std::set<std::string>
recordedOnly(const std::string& dir, const char* csvFile,
             const std::vector<std::pair<std::string, std::uint64_t>>& planned);
// `fromFolder` (runFolderResult) where its folder holds a run; where it holds none and
// `records` has a run of that folder's name and seed, that one.
StudyResult orRecorded(StudyResult fromFolder, const std::string& runName, std::uint64_t seed,
                       const std::map<std::string, RecordedRun>& records);

// Each run's state (studyRuns) as its folder DIR/<run name> holds it (runFolderResult), or as
// DIR/study.csv recorded it where the folder is gone.
std::vector<StudyResult> studyFolderResults(const std::string& dir,
                                            const std::vector<StudyPoint>& runs);

// DIR/study.csv for every run of DIR/study.json (each point at each seed), from the run folders as
// they are now (the GUI writes it after each point; the CLI after its queue). Returns the file's
// path; throws (naming the file) when there is no study.json or the file cannot be written.
std::string writeStudyCsv(const std::string& dir);

} // namespace scalescope::train
