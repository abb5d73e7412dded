#include "studyruns.h"

#include "runhistory.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

namespace scalescope::train {

namespace fs = std::filesystem;

StudyFolder readStudyFolder(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw std::runtime_error(dir + ": not a folder (a study folder holds one run folder per "
                                       "point)");
    StudyFolder out;
    fs::directory_iterator it(dir, ec);
    if (ec) throw std::runtime_error(dir + ": " + ec.message());
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
            out.skipped.push_back(name + ": " + e.what());
            continue;
        }
        try {
            const RunHistory h = readRunHistory(entry.path().string());
            run.finished = !h.epochs.empty() && int(h.epochs.size()) >= h.plannedEpochs;
            if (!h.epochs.empty()) run.finalValAccuracy = h.epochs.back().valAccuracy;
        } catch (const std::exception&) {
            // Started but stopped before its first epoch: a run with no result yet.
        }
        out.runs.push_back(std::move(run));
    }
    if (out.runs.empty())
        throw std::runtime_error(dir + ": holds no run folder (none with a " +
                                 std::string(kConfigFile) + ")" +
                                 (out.skipped.empty() ? "" : "; " + out.skipped.front()));
    std::sort(out.runs.begin(), out.runs.end(),
              [](const StudyRun& a, const StudyRun& b) { return a.name < b.name; });
    return out;
}

} // namespace scalescope::train
