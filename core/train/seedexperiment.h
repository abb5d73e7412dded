// One configuration trained at several seeds, each beside a fixed-size run where asked, into
// one folder laid out as DIR/seedN/paper and DIR/seedN/fixed: one Start of the training tab
// with Seeds per Start, or `scalescope-cli train --seeds N --also-fixed`. DIR/experiment.json
// records it, so that runs not trained yet can be trained later (the training tab's Open run…
// on the folder, `train --resume --run-dir DIR`). No torch types.
#pragma once

#include "scaling/config.h"
#include "scaling/jsonreader.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scalescope::train {

inline constexpr const char* kExperimentFile = "experiment.json";
inline constexpr int kMaxExperimentSeeds = 100; // runs per schedule; more is a typo

struct SeedExperiment {
    ScaleConfig config; // at its first seed
    int seeds = 1;
    bool alsoFixed = false; // a fixed-size run beside each progressive one
    bool operator==(const SeedExperiment& o) const {
        return config == o.config && seeds == o.seeds && alsoFixed == o.alsoFixed;
    }
};

// Throws ValidationError naming `seedsField` (seeds outside 1-100, or running past kMaxSeed)
// or `fixedField` (a fixed-size twin for a schedule that is fixed already).
void validateExperiment(const SeedExperiment& e, const std::string& seedsField,
                        const std::string& fixedField);

struct ExperimentRun {
    ScaleConfig config;
    std::string dir; // below the experiment's folder: "seed3/paper" ("paper" for one seed)
};
// Its runs in the order they train: each seed's run as configured, then its fixed-size twin.
std::vector<ExperimentRun> experimentRuns(const SeedExperiment& e);

Json experimentToJson(const SeedExperiment& e);
SeedExperiment experimentFromJson(const Json& j); // ValidationError naming the field
// DIR/experiment.json, or nothing where there is none; throws std::runtime_error naming the
// file and the field when it cannot be read.
std::optional<SeedExperiment> readExperiment(const std::string& dir);

// Records `e` in DIR (made where missing) before its runs train. Where DIR holds an experiment
// of the same configuration already, the larger seed count and either's fixed-size twins are
// kept, as its folders are. Throws ValidationError naming `field` when DIR holds an experiment
// of another configuration, one of its run folders a run of another one, or it cannot be
// written. Returns what it recorded.
SeedExperiment recordExperiment(const std::string& dir, const SeedExperiment& e,
                                const std::string& field);

} // namespace scalescope::train
