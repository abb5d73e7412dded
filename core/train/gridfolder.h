// A trained grid's folder (scalescope-cli grid --train, or the explorer's grid window, which
// train each candidate at each seed into DIR/<gridRunName>[-seedN]): grid.json, which says
// which grid of which model it holds, and its runs read back. No torch types.
#pragma once

#include "studyruns.h"

#include "scaling/gridsearch.h"

#include <optional>
#include <string>
#include <vector>

namespace scalescope::train {

// DIR/grid.json, or nothing where there is none; throws std::runtime_error naming the file and
// the field when it cannot be read.
std::optional<GridManifest> readGridManifest(const std::string& dir);

// Records that `dir` holds runs of `base`'s grid `spec` at `seeds` seeds, before `runs` (about
// to train there) start: creates the folder, or takes the grid and the larger seed count into
// the grid.json it holds. Throws ValidationError naming `field` when the folder holds a grid of
// another configuration (the model or the training settings differ), a run's folder holds a run
// of another configuration, or it cannot be written. Returns what it recorded.
GridManifest recordGrid(const std::string& dir, const ScaleConfig& base, const GridSearchSpec& spec,
                        int seeds, const std::vector<GridRun>& runs, const std::string& field);

struct GridFolder {
    GridManifest manifest;
    // By name; also the finished runs grid.csv records whose folders are gone.
    std::vector<StudyRun> runs;
    // "name: why" for subfolders that hold no readable run, and "grid.csv: line N: why"
    std::vector<std::string> skipped;
};

// Throws std::runtime_error naming the folder when it is none, or holds no readable grid.json.
GridFolder readGridFolder(const std::string& dir);

// Each run of `runs` as its folder DIR/<run name> holds it (runFolderResult).
std::vector<StudyResult> gridFolderResults(const std::string& dir,
                                           const std::vector<GridRun>& runs);

// grid.csv: a row per run (gridRuns), its candidate's coefficients and costs, its result (one
// per run), and the seed it trained at.
std::string gridCsv(const std::vector<GridCandidate>& list, const std::vector<GridRun>& runs,
                    const std::vector<StudyResult>& results);

// DIR/grid.csv for every run of DIR/grid.json, from the run folders as they are now (the GUI
// writes it after each run; the CLI after its queue, with its own states). Returns the file's
// path; throws (naming the file) when there is no grid.json or the file cannot be written.
std::string writeGridCsv(const std::string& dir);

} // namespace scalescope::train
