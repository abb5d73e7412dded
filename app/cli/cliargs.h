// Strict command-line parsing for scalescope-cli: every value is checked, and a bad one is
// reported with the flag's name and the reason.
#pragma once

#include "scaling/config.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace scalescope::cli {

class Args {
  public:
    // `flags` take no value; every other --name takes one ("--phi 2" or "--phi=2").
    Args(const std::vector<std::string>& argv, const std::vector<std::string>& valueOptions,
         const std::vector<std::string>& flags);

    bool flag(const std::string& name) const;
    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const; // repeatable options
    std::optional<double> number(const std::string& name) const;    // finite or throws
    std::optional<int> integer(const std::string& name) const;
    const std::vector<std::string>& positional() const { return m_positional; }

  private:
    std::multimap<std::string, std::string> m_values;
    std::vector<std::string> m_flags;
    std::vector<std::string> m_positional;
};

// --preset, --config, --alpha ... --num-classes: what configFromArgs reads.
const std::vector<std::string>& scalingFlagNames();

// A command that continues what a folder records (grid --folder, study --folder) takes its
// model and settings from there: throws for the first of the scaling flags, the training flags
// and `own` given, naming it and what the folder keeps ("--epochs: goes without --folder: the
// grid keeps ...").
void refuseFlagsTheFolderKeeps(const Args& args, const std::string& folderFlag,
                               const std::vector<std::string>& own, const std::string& keeps);

// Builds a configuration from --preset/--config plus the scaling flags.
ScaleConfig configFromArgs(const Args& args);

// Parses "6=1.5" or "6=1.5,7=2" into (stage, factor) pairs; stages are 1-based.
std::vector<std::pair<int, double>> parseStageList(const std::string& flag,
                                                   const std::string& text);
double parseNumber(const std::string& flag, const std::string& text);
// Throws `e` again with its field renamed to the flag that set it ("prediction.top_k" ->
// "--top") where `flags` names one, as it is otherwise.
[[noreturn]] void rethrowAsFlag(const ValidationError& e,
                                const std::map<std::string, std::string>& flags);
int parseInteger(const std::string& flag, const std::string& text);

// A progress callback that keeps one "\r<verb> N%" line on stderr, rewritten when the percent
// changes; silent under --quiet and when stderr is not a terminal (a progress line belongs on
// a terminal, not in a captured log).
std::function<void(std::int64_t, std::int64_t)> percentProgress(const std::string& verb,
                                                                const Args& args);

// A JSON number, or null where it is NaN (JSON has no NaN): "not measured".
inline Json finiteOrNull(double v) {
    return std::isfinite(v) ? Json(v) : Json(nullptr);
}

} // namespace scalescope::cli
