#include "gridfolder.h"

#include "runhistory.h"

#include "scaling/format.h"
#include "scaling/jsonreader.h"
#include "scaling/validation.h"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>

namespace scalescope::train {

namespace fs = std::filesystem;

std::optional<GridManifest> readGridManifest(const std::string& dir) {
    return readRecordFile(dir, kGridManifestFile, &gridManifestFromJson);
}

GridManifest recordGrid(const std::string& dir, const ScaleConfig& base, const GridSearchSpec& spec,
                        int seeds, const std::vector<GridRun>& runs, const std::string& field) {
    validate(spec);
    validateGridSeeds(seeds, field);
    GridManifest m{base, spec, seeds};
    std::optional<GridManifest> held;
    try {
        held = readGridManifest(dir);
    } catch (const std::exception& e) {
        throw ValidationError(field, e.what());
    }
    if (held) {
        if (!(held->base == base))
            throw ValidationError(field, dir + " holds a grid of another configuration (other "
                                               "model or training options)");
        m.seeds = std::max(held->seeds, seeds); // the runs of more seeds stay in the folder
    }
    // Every folder the runs train in is looked at before anything is written.
    for (const GridRun& r : runs) {
        const std::string why = foreignRunFolder((fs::path(dir) / r.runName).string(), r.config);
        if (!why.empty()) throw ValidationError(field, why);
    }
    writeRecordFile(dir, kGridManifestFile, gridManifestToJson(m), field);
    return m;
}

GridFolder readGridFolder(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw std::runtime_error(dir + ": not a folder (a grid folder holds one run folder per "
                                       "candidate and seed)");
    std::optional<GridManifest> m = readGridManifest(dir);
    if (!m)
        throw std::runtime_error(
            dir + ": no " + std::string(kGridManifestFile) +
            " (not a grid folder, or one trained before grids were recorded: run its "
            "`scalescope-cli grid --train` command again to record it; finished runs are read "
            "back)");
    GridFolder out;
    out.manifest = std::move(*m);
    out.runs = readRunFolders(dir, out.skipped);
    const std::vector<GridRun> runs =
        gridRuns(out.manifest.base, gridCandidates(out.manifest.base, out.manifest.spec),
                 out.manifest.seeds);
    std::vector<std::pair<std::string, const ScaleConfig*>> planned;
    for (const GridRun& r : runs)
        planned.emplace_back(r.runName, &r.config);
    addRecordedRuns((fs::path(dir) / "grid.csv").string(), planned, out.runs, out.skipped);
    return out;
}

std::vector<StudyResult> gridFolderResults(const std::string& dir,
                                           const std::vector<GridRun>& runs) {
    const std::map<std::string, RecordedRun> records =
        readRecordedRuns((fs::path(dir) / "grid.csv").string());
    std::vector<StudyResult> out;
    for (const GridRun& r : runs)
        out.push_back(orRecorded(runFolderResult((fs::path(dir) / r.runName).string(), r.config),
                                 r.runName, r.config.training.seed, records));
    return out;
}

std::string gridCsv(const std::vector<GridCandidate>& list, const std::vector<GridRun>& runs,
                    const std::vector<StudyResult>& results) {
    std::ostringstream os;
    os << "alpha,beta,gamma,product,depth_multiplier,width_multiplier,resolution,params,macs,"
          "val_accuracy,best_val_accuracy,seconds,state,run_dir,seed\n";
    for (size_t i = 0; i < runs.size() && i < results.size(); ++i) {
        const GridCandidate& c = list[runs[i].candidate];
        const StudyResult& t = results[i];
        os << csvNumber(c.coefficients.alpha) << "," << csvNumber(c.coefficients.beta) << ","
           << csvNumber(c.coefficients.gamma) << "," << csvNumber(c.product) << ","
           << csvNumber(c.depthMultiplier) << "," << csvNumber(c.widthMultiplier) << ","
           << c.resolution << "," << c.params << "," << c.macs << "," << csvNumber(t.valAccuracy)
           << "," << csvNumber(t.bestValAccuracy) << "," << csvNumber(t.seconds) << ","
           << csvQuoted(t.state) << "," << csvQuoted(t.runDir) << ","
           << runs[i].config.training.seed << "\n";
    }
    return os.str();
}

std::string writeGridCsv(const std::string& dir) {
    const std::optional<GridManifest> m = readGridManifest(dir);
    if (!m)
        throw std::runtime_error(dir + ": no " + std::string(kGridManifestFile) +
                                 " (not a grid folder)");
    const std::vector<GridCandidate> list = gridCandidates(m->base, m->spec);
    const std::vector<GridRun> runs = gridRuns(m->base, list, m->seeds);
    const std::string path = (fs::path(dir) / "grid.csv").string();
    writeFileAtomically(path, gridCsv(list, runs, gridFolderResults(dir, runs)));
    return path;
}

} // namespace scalescope::train
