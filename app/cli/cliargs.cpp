#include "cliargs.h"

#include "trainflags.h"

#include "scaling/limits.h"
#include "scaling/presets.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <unistd.h>

namespace scalescope::cli {

double parseNumber(const std::string& flag, const std::string& text) {
    if (text.empty()) throw ValidationError(flag, "needs a number");
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size())
        throw ValidationError(flag, "\"" + text + "\" is not a number");
    if (!std::isfinite(v) || errno == ERANGE)
        throw ValidationError(flag, "must be a finite number (got \"" + text + "\")");
    return v;
}

int parseInteger(const std::string& flag, const std::string& text) {
    const double v = parseNumber(flag, text);
    if (v != std::floor(v))
        throw ValidationError(flag, "must be a whole number (got " + text + ")");
    if (v > INT_MAX || v < INT_MIN) throw ValidationError(flag, "is out of range (" + text + ")");
    return int(v);
}

std::vector<std::pair<int, double>> parseStageList(const std::string& flag,
                                                   const std::string& text) {
    std::vector<std::pair<int, double>> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        const std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const size_t eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw ValidationError(flag, "\"" + item + "\" should be STAGE=FACTOR, e.g. 6=1.5");
        out.emplace_back(parseInteger(flag, item.substr(0, eq)),
                         parseNumber(flag, item.substr(eq + 1)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

Args::Args(const std::vector<std::string>& argv, const std::vector<std::string>& valueOptions,
           const std::vector<std::string>& flags) {
    auto known = [](const std::vector<std::string>& list, const std::string& n) {
        return std::find(list.begin(), list.end(), n) != list.end();
    };
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            m_positional.push_back(a);
            continue;
        }
        std::string name = a, val;
        bool inlineValue = false;
        if (const size_t eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            val = a.substr(eq + 1);
            inlineValue = true;
        }
        if (known(flags, name)) {
            if (inlineValue) throw ValidationError(name, "takes no value");
            m_flags.push_back(name);
        } else if (known(valueOptions, name)) {
            if (!inlineValue) {
                if (i + 1 >= argv.size()) throw ValidationError(name, "needs a value");
                val = argv[++i];
            }
            m_values.emplace(name, val);
        } else {
            throw ValidationError(name, "unknown option (see --help)");
        }
    }
}

bool Args::flag(const std::string& n) const {
    return std::find(m_flags.begin(), m_flags.end(), n) != m_flags.end();
}
bool Args::has(const std::string& n) const {
    return m_values.count(n) > 0 || flag(n);
}

std::optional<std::string> Args::value(const std::string& n) const {
    const auto range = m_values.equal_range(n);
    if (range.first == range.second) return std::nullopt;
    if (std::next(range.first) != range.second) throw ValidationError(n, "given more than once");
    return range.first->second;
}

std::vector<std::string> Args::values(const std::string& n) const {
    std::vector<std::string> out;
    const auto range = m_values.equal_range(n);
    for (auto it = range.first; it != range.second; ++it)
        out.push_back(it->second);
    return out;
}

std::optional<double> Args::number(const std::string& n) const {
    const auto v = value(n);
    if (!v) return std::nullopt;
    return parseNumber(n, *v);
}

std::optional<int> Args::integer(const std::string& n) const {
    const auto v = value(n);
    if (!v) return std::nullopt;
    return parseInteger(n, *v);
}

const std::vector<std::string>& scalingFlagNames() {
    static const std::vector<std::string> names = {
        "--preset",      "--config",      "--alpha",       "--beta",        "--gamma",
        "--phi",         "--width",       "--depth",       "--resolution",  "--max-resolution",
        "--dropout",     "--stage-depth", "--stage-width", "--num-classes", "--duplicate-stage",
        "--remove-stage"};
    return names;
}

namespace {
// --duplicate-stage and --remove-stage ("3" or "3,5"; repeatable) name the configuration's
// stages as they are before any edit. Applied from the last stage to the first, so an edit
// never moves a stage still to be edited.
ScaleConfig withStagesEdited(ScaleConfig c, const Args& a) {
    const int n = int(c.baseline.stages.size());
    std::vector<int> copies(size_t(n), 0);
    std::vector<bool> removed(size_t(n), false);
    for (const char* flag : {"--duplicate-stage", "--remove-stage"})
        for (const std::string& v : a.values(flag))
            for (size_t start = 0;;) {
                const size_t comma = v.find(',', start);
                const int stage = parseInteger(flag, v.substr(start, comma - start));
                if (stage < 1 || stage > n)
                    throw ValidationError(flag, "stage " + std::to_string(stage) +
                                                    " does not exist; " + c.baseline.displayName +
                                                    " has stages 1-" + std::to_string(n));
                const auto i = size_t(stage - 1);
                if (std::string(flag) == "--duplicate-stage") {
                    ++copies[i]; // twice: two copies
                } else {
                    if (removed[i])
                        throw ValidationError(flag, "stage " + std::to_string(stage) +
                                                        " is given more than once");
                    removed[i] = true;
                }
                if (removed[i] && copies[i] > 0)
                    throw ValidationError("--remove-stage",
                                          "stage " + std::to_string(stage) + " is duplicated too");
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
    std::int64_t left = n; // checked before a stage is copied: "1,1,1,..." may be long
    for (int i = 0; i < n; ++i)
        left += copies[size_t(i)] - (removed[size_t(i)] ? 1 : 0);
    if (left < 1) throw ValidationError("--remove-stage", "would leave no stage");
    if (left > limits::kMaxStages)
        throw ValidationError("--duplicate-stage",
                              "would make " + std::to_string(left) + " stages; at most " +
                                  std::to_string(limits::kMaxStages) + " are allowed");
    for (int i = n - 1; i >= 0; --i) {
        for (int k = 0; k < copies[size_t(i)]; ++k)
            c = withStageDuplicated(c, i);
        if (removed[size_t(i)]) c = withStageRemoved(c, i);
    }
    return c;
}
} // namespace

ScaleConfig configFromArgs(const Args& a) {
    if (a.has("--preset") && a.has("--config"))
        throw ValidationError("--config", "cannot be combined with --preset");
    ScaleConfig c = a.has("--config")
                        ? loadConfig(*a.value("--config"))
                        : configForPreset(a.value("--preset").value_or("efficientnet-b0"));
    ScalingRequest& q = c.request;
    const bool compound = a.has("--alpha") || a.has("--beta") || a.has("--gamma") || a.has("--phi");
    const bool explicitMult = a.has("--width") || a.has("--depth");
    if (compound && explicitMult)
        throw ValidationError(a.has("--width") ? "--width" : "--depth",
                              "cannot be combined with --alpha/--beta/--gamma/--phi: choose "
                              "compound coefficients or explicit multipliers");
    if (compound) {
        if (q.mode == ScalingRequest::Mode::Explicit && !c.preset.empty() &&
            findPreset(c.preset).officialTable)
            throw ValidationError(a.has("--phi") ? "--phi" : "--alpha",
                                  c.preset + " is the official published table, not alpha^phi; "
                                             "for compound scaling start from its baseline, e.g. "
                                             "--preset efficientnet-b0 --phi 3");
        if (q.mode == ScalingRequest::Mode::Explicit) {
            q = ScalingRequest{};
            q.mode = ScalingRequest::Mode::Compound;
        }
        q.coefficients.alpha = a.number("--alpha").value_or(q.coefficients.alpha);
        q.coefficients.beta = a.number("--beta").value_or(q.coefficients.beta);
        q.coefficients.gamma = a.number("--gamma").value_or(q.coefficients.gamma);
        q.coefficients.phi = a.number("--phi").value_or(q.coefficients.phi);
        q.label.clear();
        c.preset.clear();
    }
    if (explicitMult) {
        if (q.mode == ScalingRequest::Mode::Compound) {
            // Start from the current effective multipliers so one flag changes one axis.
            const ScaledArch cur = scale(c.baseline, q);
            q.mode = ScalingRequest::Mode::Explicit;
            q.width = cur.widthMultiplier;
            q.depth = cur.depthMultiplier;
            q.resolution = cur.uncappedResolution;
        }
        q.width = a.number("--width").value_or(q.width);
        q.depth = a.number("--depth").value_or(q.depth);
        q.label.clear();
        c.preset.clear();
    }
    if (const auto r = a.integer("--resolution")) q.resolution = *r;
    if (const auto r = a.integer("--max-resolution")) q.maxResolution = *r;
    if (const auto d = a.number("--dropout")) q.dropout = *d;
    c = withStagesEdited(c, a);
    const int n = int(c.baseline.stages.size());
    for (const char* flag : {"--stage-depth", "--stage-width"}) {
        std::vector<bool> given(size_t(n), false); // a stage set twice is a typo, not an edit
        for (const std::string& v : a.values(flag)) {
            for (const auto& [stage, factor] : parseStageList(flag, v)) {
                if (stage < 1 || stage > n)
                    throw ValidationError(flag, "stage " + std::to_string(stage) +
                                                    " does not exist; " + c.baseline.displayName +
                                                    " has stages 1-" + std::to_string(n));
                if (given[size_t(stage - 1)])
                    throw ValidationError(flag, "stage " + std::to_string(stage) +
                                                    " is given more than once");
                given[size_t(stage - 1)] = true;
                if (q.stages.empty()) q.stages.assign(size_t(n), StageMultiplier{});
                auto& m = q.stages[size_t(stage - 1)];
                (std::string(flag) == "--stage-depth" ? m.depth : m.width) = factor;
            }
        }
    }
    if (const auto cls = a.integer("--num-classes")) c.baseline.numClasses = *cls;
    validate(c.baseline);
    validate(c.request, c.baseline);
    return c;
}

void refuseFlagsTheFolderKeeps(const Args& args, const std::string& folderFlag,
                               const std::vector<std::string>& own, const std::string& keeps) {
    std::vector<std::string> kept = scalingFlagNames();
    kept.insert(kept.end(), trainingFlagNames().begin(), trainingFlagNames().end());
    kept.insert(kept.end(), own.begin(), own.end());
    for (const std::string& flag : kept)
        if (args.has(flag))
            throw ValidationError(flag, "goes without " + folderFlag + ": " + keeps);
}

void rethrowAsFlag(const ValidationError& e, const std::map<std::string, std::string>& flags) {
    const auto f = flags.find(e.field());
    throw ValidationError(f != flags.end() ? f->second : e.field(), e.reason());
}

std::function<void(std::int64_t, std::int64_t)> percentProgress(const std::string& verb,
                                                                const Args& args) {
    if (args.flag("--quiet") || !isatty(fileno(stderr))) return [](std::int64_t, std::int64_t) {};
    return [verb, last = -1](std::int64_t done, std::int64_t total) mutable {
        const int percent = total > 0 ? int(100 * done / total) : 100;
        if (percent == last) return;
        last = percent;
        std::cerr << "\r" << verb << " " << percent << "%" << (done == total ? "\n" : "")
                  << std::flush;
    };
}

} // namespace scalescope::cli
