#include "seedexperiment.h"

#include "runhistory.h"
#include "studyruns.h"

#include "scaling/format.h"
#include "scaling/validation.h"

#include <algorithm>
#include <filesystem>

namespace scalescope::train {

namespace fs = std::filesystem;

namespace {
constexpr const char* kFormat = "scalescope-experiment";
constexpr int kVersion = 1;
} // namespace

void validateExperiment(const SeedExperiment& e, const std::string& seedsField,
                        const std::string& fixedField) {
    if (e.seeds < 1 || e.seeds > kMaxExperimentSeeds)
        throw ValidationError(seedsField, "must be between 1 and " +
                                              std::to_string(kMaxExperimentSeeds) + ", not " +
                                              std::to_string(e.seeds));
    if (e.config.training.seed > kMaxSeed - std::uint64_t(e.seeds - 1))
        throw ValidationError(seedsField, std::to_string(e.seeds) + " seeds from " +
                                              std::to_string(e.config.training.seed) +
                                              " run past the largest seed, " +
                                              std::to_string(kMaxSeed));
    if (e.alsoFixed &&
        e.config.training.progressive.schedule == ProgressiveSettings::Schedule::Fixed)
        throw ValidationError(fixedField, "the schedule is fixed already: there is no "
                                          "progressive run to set it against");
}

std::vector<ExperimentRun> experimentRuns(const SeedExperiment& e) {
    std::vector<ExperimentRun> runs;
    for (int i = 0; i < e.seeds; ++i) {
        ScaleConfig seeded = e.config;
        seeded.training.seed = e.config.training.seed + std::uint64_t(i);
        const std::string seedDir =
            e.seeds > 1 ? "seed" + std::to_string(seeded.training.seed) + "/" : std::string();
        std::vector<ScaleConfig> schedules{seeded};
        if (e.alsoFixed) {
            schedules.push_back(seeded);
            schedules.back().training.progressive.schedule = ProgressiveSettings::Schedule::Fixed;
        }
        for (ScaleConfig& c : schedules) {
            std::string dir = seedDir + toString(c.training.progressive.schedule);
            runs.push_back({std::move(c), std::move(dir)});
        }
    }
    return runs;
}

Json experimentToJson(const SeedExperiment& e) {
    return Json{{"format", kFormat},
                {"version", kVersion},
                {"seeds", e.seeds},
                {"also_fixed", e.alsoFixed},
                {"config", configToJson(e.config)}};
}

SeedExperiment experimentFromJson(const Json& j) {
    ObjectReader r(j, "");
    r.requireFormat(kFormat, kVersion);
    SeedExperiment e;
    e.seeds = r.integer("seeds");
    e.alsoFixed = r.boolean("also_fixed", false);
    e.config = configFromJsonAt(r.raw("config"), "config");
    r.finish();
    validateExperiment(e, "seeds", "also_fixed");
    return e;
}

std::optional<SeedExperiment> readExperiment(const std::string& dir) {
    return readRecordFile(dir, kExperimentFile, &experimentFromJson);
}

SeedExperiment recordExperiment(const std::string& dir, const SeedExperiment& e,
                                const std::string& field) {
    std::optional<SeedExperiment> held;
    try {
        held = readExperiment(dir);
    } catch (const std::exception& ex) {
        throw ValidationError(field, ex.what());
    }
    SeedExperiment m = e;
    if (held) {
        if (!(held->config == e.config))
            throw ValidationError(field, dir + " holds an experiment of another configuration: " +
                                             configDifference(held->config, e.config));
        // One seed's runs lie in DIR itself, several seeds' in DIR/seedN: not both in one.
        if ((held->seeds == 1) != (e.seeds == 1))
            throw ValidationError(field, dir + " holds an experiment of " +
                                             std::to_string(held->seeds) +
                                             (held->seeds == 1 ? " seed" : " seeds") +
                                             ", laid out otherwise than one of " +
                                             std::to_string(e.seeds) + ": give another folder");
        m.seeds = std::max(held->seeds, e.seeds); // the runs of more seeds stay in the folder
        m.alsoFixed = held->alsoFixed || e.alsoFixed;
    }
    validateExperiment(m, field, field);
    // Every folder the runs train in is looked at before anything is written.
    for (const ExperimentRun& r : experimentRuns(e)) {
        const std::string why = foreignRunFolder((fs::path(dir) / r.dir).string(), r.config);
        if (!why.empty()) throw ValidationError(field, why);
    }
    writeRecordFile(dir, kExperimentFile, experimentToJson(m), field);
    return m;
}

} // namespace scalescope::train
