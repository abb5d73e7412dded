#include "scalingstudy.h"

#include "costs.h"
#include "format.h"
#include "jsonreader.h"
#include "limits.h"
#include "schedule.h"
#include "validation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace scalescope {

namespace {
constexpr int kMaxPhiValues = 50; // points of one curve; more is a typo in a range

// A φ as a person writes it: 1, 0.5, -1.25 (at most three decimals).
std::string phiText(double phi) {
    std::ostringstream os;
    os << std::round(phi * 1000.0) / 1000.0;
    return os.str();
}

double parseDecimal(const std::string& part, const std::string& field) {
    const char* begin = part.c_str();
    char* end = nullptr;
    const double v = part.empty() ? NAN : std::strtod(begin, &end);
    if (part.empty() || end != begin + part.size() || !std::isfinite(v))
        throw ValidationError(field, "\"" + part + "\" is not a number");
    return v;
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string p; std::getline(in, p, sep);)
        parts.push_back(p);
    if (!text.empty() && text.back() == sep) parts.emplace_back();
    return parts;
}

std::string withoutSpaces(const std::string& text) {
    std::string out;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}
} // namespace

std::string toString(StudyStrategy s) {
    switch (s) {
    case StudyStrategy::Baseline:
        return "baseline";
    case StudyStrategy::Compound:
        return "compound";
    case StudyStrategy::Depth:
        return "depth";
    case StudyStrategy::Width:
        return "width";
    case StudyStrategy::Resolution:
        return "resolution";
    }
    return {};
}

StudyStrategy studyStrategyFromString(const std::string& text, const std::string& field) {
    std::string lower;
    for (char c : text)
        lower += char(std::tolower(static_cast<unsigned char>(c)));
    for (StudyStrategy s : {StudyStrategy::Compound, StudyStrategy::Depth, StudyStrategy::Width,
                            StudyStrategy::Resolution})
        if (lower == toString(s)) return s;
    throw ValidationError(field,
                          "\"" + text + "\" is not one of compound, depth, width, resolution");
}

std::string studyRunName(StudyStrategy s, double phi, std::int64_t seed) {
    const std::string name =
        s == StudyStrategy::Baseline ? "baseline" : toString(s) + "-phi" + phiText(phi);
    return seed < 0 ? name : name + "-seed" + std::to_string(seed);
}

bool parseStudyRunName(const std::string& name, StudyStrategy& strategy, double& phi,
                       std::int64_t* seed) {
    std::string rest = name;
    std::int64_t seedValue = -1;
    const size_t seedAt = name.rfind("-seed");
    if (seedAt != std::string::npos) {
        const std::string digits = name.substr(seedAt + 5);
        if (digits.empty() || digits.size() > 16 ||
            !std::all_of(digits.begin(), digits.end(),
                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return false;
        seedValue = std::stoll(digits);
        rest = name.substr(0, seedAt);
    }
    StudyStrategy s = StudyStrategy::Baseline;
    double v = 0;
    if (rest != "baseline") {
        const size_t at = rest.find("-phi");
        if (at == std::string::npos) return false;
        try {
            s = studyStrategyFromString(rest.substr(0, at), "");
            v = parseDecimal(rest.substr(at + 4), "");
        } catch (const ValidationError&) {
            return false;
        }
        if (v == 0.0) return false;
    }
    if (studyRunName(s, v, seedValue) != name) return false; // only names it writes
    strategy = s;
    phi = v;
    if (seed) *seed = seedValue;
    return true;
}

StudyPoint studyRun(const StudyPoint& point, int seedIndex) {
    StudyPoint run = point;
    const std::uint64_t seed =
        point.config.training.seed - std::uint64_t(point.seedIndex) + std::uint64_t(seedIndex);
    run.seedIndex = seedIndex;
    run.config.training.seed = seed;
    run.runName = studyRunName(point.strategy, point.phi, seedIndex == 0 ? -1 : std::int64_t(seed));
    return run;
}

std::vector<StudyPoint> studyRuns(const std::vector<StudyPoint>& points, int seeds) {
    std::vector<StudyPoint> out;
    for (const StudyPoint& p : points)
        for (int k = 0; k < std::max(1, seeds); ++k)
            out.push_back(studyRun(p, k));
    return out;
}

double searchReward(double accuracy, std::int64_t macs, std::int64_t targetMacs) {
    if (macs <= 0 || targetMacs <= 0) return std::nan("");
    return accuracy * std::pow(double(macs) / double(targetMacs), kSearchRewardExponent);
}

AccuracySummary rewardSummary(const AccuracySummary& a, std::int64_t macs,
                              std::int64_t targetMacs) {
    const double factor = searchReward(1.0, macs, targetMacs);
    return {a.mean * factor, a.standardError * factor, a.count};
}

AccuracySummary summarizeAccuracies(const std::vector<double>& accuracies) {
    double sum = 0, squares = 0;
    int n = 0;
    for (double a : accuracies)
        if (std::isfinite(a)) {
            sum += a;
            ++n;
        }
    const double mean = n > 0 ? sum / n : NAN;
    for (double a : accuracies)
        if (std::isfinite(a)) squares += (a - mean) * (a - mean);
    const double se = n > 1 ? std::sqrt(squares / (n - 1) / n) : NAN;
    return {mean, se, n};
}

PairedDifference pairedDifference(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> differences;
    int higher = 0;
    for (size_t k = 0; k < std::min(a.size(), b.size()); ++k)
        if (std::isfinite(a[k]) && std::isfinite(b[k])) {
            differences.push_back(a[k] - b[k]);
            higher += a[k] > b[k];
        }
    return {summarizeAccuracies(differences), higher};
}

namespace {
std::string withError(const AccuracySummary& a) { // in percent or points: ×100
    return fixed(100 * a.mean, 2) +
           (std::isfinite(a.standardError) ? "±" + fixed(100 * a.standardError, 2) : "");
}
} // namespace

std::string accuracyText(const AccuracySummary& a) {
    if (a.count == 0 || !std::isfinite(a.mean)) return "-";
    return withError(a) + "%";
}

std::string pairedDifferenceText(const PairedDifference& d) {
    const AccuracySummary& m = d.difference;
    if (m.count == 0 || !std::isfinite(m.mean)) return "-";
    return (m.mean >= 0 ? "+" : "") + withError(m) + " (" + std::to_string(d.higher) + "/" +
           std::to_string(m.count) + " higher)";
}

void validate(const StudySpec& spec) {
    if (spec.phis.empty()) throw ValidationError("study.phis", "no phi given");
    if (int(spec.phis.size()) > kMaxPhiValues)
        throw ValidationError("study.phis", "has " + std::to_string(spec.phis.size()) +
                                                " values, more than " +
                                                std::to_string(kMaxPhiValues));
    for (size_t i = 0; i < spec.phis.size(); ++i) {
        requireRange("study.phis", spec.phis[i], -limits::kMaxAbsPhi, limits::kMaxAbsPhi);
        for (size_t j = 0; j < i; ++j)
            if (phiText(spec.phis[j]) == phiText(spec.phis[i]))
                throw ValidationError("study.phis",
                                      "phi " + phiText(spec.phis[i]) + " is given twice");
    }
    if (spec.strategies.empty()) throw ValidationError("study.strategies", "no strategy given");
    for (size_t i = 0; i < spec.strategies.size(); ++i) {
        if (spec.strategies[i] == StudyStrategy::Baseline)
            throw ValidationError("study.strategies",
                                  "the baseline is a point of every curve, not a strategy");
        for (size_t j = 0; j < i; ++j)
            if (spec.strategies[j] == spec.strategies[i])
                throw ValidationError("study.strategies",
                                      toString(spec.strategies[i]) + " is given twice");
    }
    if (spec.seeds < 1 || spec.seeds > kMaxStudySeeds)
        throw ValidationError("study.seeds", std::to_string(spec.seeds) + " is not between 1 and " +
                                                 std::to_string(kMaxStudySeeds));
    const bool onlyZero =
        std::all_of(spec.phis.begin(), spec.phis.end(), [](double p) { return p == 0.0; });
    if (onlyZero)
        throw ValidationError("study.phis", "phi 0 is the configured model alone: give a phi other "
                                            "than 0 to scale it");
}

namespace {
// One point, given the configured model already scaled and costed.
StudyPoint makePoint(const ScaleConfig& base, const ScaledArch& from, const CostReport& fromCosts,
                     StudyStrategy strategy, double phi) {
    const Coefficients& k = base.request.coefficients;
    const double product = k.flopsBase();
    StudyPoint p;
    p.strategy = strategy;
    p.phi = phi;
    p.runName = studyRunName(strategy, phi);
    p.nominalMacsRatio = std::pow(product, phi);
    // What each dimension is multiplied by, over the configured model.
    double depth = 1, width = 1, size = 1;
    switch (strategy) {
    case StudyStrategy::Baseline:
        break;
    case StudyStrategy::Compound:
        depth = std::pow(k.alpha, phi);
        width = std::pow(k.beta, phi);
        size = std::pow(k.gamma, phi);
        break;
    case StudyStrategy::Depth:
        depth = p.nominalMacsRatio;
        break;
    case StudyStrategy::Width:
        width = std::sqrt(p.nominalMacsRatio);
        break;
    case StudyStrategy::Resolution:
        size = std::sqrt(p.nominalMacsRatio);
        break;
    }
    const auto pastLimits = [&](const std::string& why) {
        return ValidationError("study.phis", toString(strategy) + " scaling at phi " +
                                                 phiText(phi) + " is past the engine's limits (" +
                                                 why + ")");
    };
    // Checked before any size is rounded: an int would overflow long before φ's own limit.
    if (from.uncappedResolution * size > limits::kMaxResolution)
        throw pastLimits("resolution: " + fixed(from.uncappedResolution * size, 0) +
                         " px is more than " + std::to_string(limits::kMaxResolution));
    p.config = base;
    if (strategy != StudyStrategy::Baseline) {
        ScalingRequest& r = p.config.request;
        r.mode = ScalingRequest::Mode::Explicit;
        // Multiplying by exactly 1 leaves the configured multiplier bit for bit.
        r.depth = depth == 1.0 ? from.depthMultiplier : from.depthMultiplier * depth;
        r.width = width == 1.0 ? from.widthMultiplier : from.widthMultiplier * width;
        r.resolution =
            size == 1.0 ? from.uncappedResolution : roundResolution(from.uncappedResolution, size);
        r.dropout = from.dropout;
        r.label = "scaling study: " + toString(strategy) + " at phi " + phiText(phi);
        p.config.preset.clear();
        // Training and test sizes set apart from the model's (a demo trained at 64 px,
        // EfficientNetV2's larger test size) grow with its resolution, or resolution
        // scaling would train and test every point at the same size.
        scaleSetImageSizes(p.config.training.progressive, size);
    }
    ScaledArch arch;
    try {
        arch = scale(p.config.baseline, p.config.request);
    } catch (const ValidationError& e) {
        throw pastLimits(e.what());
    }
    const CostReport costs = computeCosts(arch);
    p.depthMultiplier = arch.depthMultiplier;
    p.widthMultiplier = arch.widthMultiplier;
    p.resolution = arch.resolution;
    p.uncappedResolution = arch.uncappedResolution;
    const ProgressiveSettings& ps = p.config.training.progressive;
    p.trainImageSize = ps.maxImageSize != 0 ? ps.maxImageSize : arch.resolution;
    p.testImageSize = ps.evalImageSize != 0 ? ps.evalImageSize : p.trainImageSize;
    p.params = costs.params;
    p.macs = costs.macs;
    p.testMacs = costs.macs;
    if (p.testImageSize != arch.resolution) {
        ScaledArch tested = arch;
        tested.resolution = p.testImageSize;
        p.testMacs = computeCosts(tested).macs;
    }
    p.macsRatio = double(costs.macs) / double(fromCosts.macs);
    return p;
}

void requireGrowth(const Coefficients& k) {
    if (!(k.flopsBase() > 1.0))
        throw ValidationError("alpha", "alpha*beta^2*gamma^2 is " + phiText(k.flopsBase()) +
                                           ", not above 1: a larger phi would not grow the MACs");
}
} // namespace

StudyPoint studyPoint(const ScaleConfig& base, StudyStrategy strategy, double phi) {
    requireRange("study.phis", phi, -limits::kMaxAbsPhi, limits::kMaxAbsPhi);
    requireGrowth(base.request.coefficients);
    if (strategy == StudyStrategy::Baseline) phi = 0;
    const ScaledArch from = scale(base.baseline, base.request);
    return makePoint(base, from, computeCosts(from), strategy, phi);
}

std::vector<StudyPoint> studyPoints(const ScaleConfig& base, const StudySpec& spec) {
    validate(spec);
    const ScaledArch from = scale(base.baseline, base.request);
    const CostReport fromCosts = computeCosts(from);
    requireGrowth(base.request.coefficients);
    std::vector<std::pair<StudyStrategy, double>> plan;
    const bool zeroAsked =
        std::any_of(spec.phis.begin(), spec.phis.end(), [](double p) { return p == 0.0; });
    if (spec.includeBaseline || zeroAsked) plan.emplace_back(StudyStrategy::Baseline, 0.0);
    for (StudyStrategy s : spec.strategies)
        for (double phi : spec.phis)
            if (phi != 0.0) plan.emplace_back(s, phi);
    if (int(plan.size()) * spec.seeds > kMaxStudyPoints)
        throw ValidationError("study.phis",
                              "gives " + std::to_string(int(plan.size()) * spec.seeds) +
                                  " runs, more than " + std::to_string(kMaxStudyPoints) +
                                  ": fewer φ, strategies or seeds");
    if (base.training.seed > kMaxSeed - std::uint64_t(spec.seeds))
        throw ValidationError("study.seeds", "the training seed plus " +
                                                 std::to_string(spec.seeds) +
                                                 " seeds is past the largest seed");

    std::vector<StudyPoint> out;
    for (const auto& [strategy, phi] : plan)
        out.push_back(makePoint(base, from, fromCosts, strategy, phi));
    return out;
}

std::string studyCsv(const std::vector<StudyPoint>& points,
                     const std::vector<StudyResult>& results) {
    if (results.size() != points.size())
        throw std::invalid_argument("studyCsv: " + std::to_string(results.size()) +
                                    " results for " + std::to_string(points.size()) + " points");
    std::ostringstream os;
    os << "strategy,phi,depth_multiplier,width_multiplier,resolution,params,macs,"
          "train_image_size,test_image_size,test_macs,nominal_macs_ratio,macs_ratio,val_accuracy,"
          "best_val_accuracy,seconds,state,run_dir,seed\n";
    for (size_t i = 0; i < points.size(); ++i) {
        const StudyPoint& p = points[i];
        const StudyResult& r = results[i];
        os << toString(p.strategy) << "," << csvNumber(p.phi) << "," << csvNumber(p.depthMultiplier)
           << "," << csvNumber(p.widthMultiplier) << "," << p.resolution << "," << p.params << ","
           << p.macs << "," << p.trainImageSize << "," << p.testImageSize << "," << p.testMacs
           << "," << csvNumber(p.nominalMacsRatio) << "," << csvNumber(p.macsRatio) << ","
           << csvNumber(r.valAccuracy) << "," << csvNumber(r.bestValAccuracy) << ","
           << csvNumber(r.seconds) << "," << csvQuoted(r.state) << "," << csvQuoted(r.runDir) << ","
           << p.config.training.seed << "\n";
    }
    return os.str();
}

std::vector<double> parsePhiList(const std::string& text, const std::string& field) {
    const std::string trimmed = withoutSpaces(text);
    if (trimmed.empty()) throw ValidationError(field, "no phi given");
    std::vector<double> phis;
    if (trimmed.find(':') != std::string::npos) {
        const std::vector<std::string> parts = split(trimmed, ':');
        if (parts.size() != 3) throw ValidationError(field, "\"" + text + "\" is not FROM:TO:STEP");
        const double lo = parseDecimal(parts[0], field), hi = parseDecimal(parts[1], field),
                     step = parseDecimal(parts[2], field);
        if (step <= 0) throw ValidationError(field, "the step " + parts[2] + " is not above 0");
        if (hi < lo)
            throw ValidationError(field, "the range ends (" + parts[1] + ") before it starts (" +
                                             parts[0] + ")");
        // A point within a millionth of a step of TO is kept: 0:2:0.1 reaches 2.
        const double count = std::floor((hi - lo) / step + 1e-6) + 1;
        if (count > kMaxPhiValues)
            throw ValidationError(field, "\"" + text + "\" gives more than " +
                                             std::to_string(kMaxPhiValues) + " values");
        for (int i = 0; i < int(count); ++i)
            phis.push_back(std::round((lo + i * step) * 1e9) / 1e9);
        return phis;
    }
    for (const std::string& part : split(trimmed, ','))
        phis.push_back(parseDecimal(part, field));
    return phis;
}

std::vector<StudyStrategy> parseStrategyList(const std::string& text, const std::string& field) {
    const std::string trimmed = withoutSpaces(text);
    if (trimmed.empty()) throw ValidationError(field, "no strategy given");
    if (trimmed == "all") return StudySpec{}.strategies;
    std::vector<StudyStrategy> out;
    for (const std::string& part : split(trimmed, ','))
        out.push_back(studyStrategyFromString(part, field));
    return out;
}

namespace {
constexpr const char* kManifestFormat = "scalescope-study"; // what the file is, for a reader
constexpr int kManifestVersion = 1;
} // namespace

Json studyManifestToJson(const StudyManifest& m) {
    Json strategies = Json::array();
    for (StudyStrategy s : m.spec.strategies)
        strategies.push_back(toString(s));
    return Json{{"format", kManifestFormat}, {"version", kManifestVersion},
                {"phis", m.spec.phis},       {"strategies", strategies},
                {"seeds", m.spec.seeds},     {"config", configToJson(m.base)}};
}

StudyManifest studyManifestFromJson(const Json& j) {
    ObjectReader r(j, "");
    r.requireFormat(kManifestFormat, kManifestVersion);
    StudyManifest m;
    const Json& phis = r.raw("phis");
    if (!phis.is_array()) throw ValidationError("phis", "is not a list of numbers");
    m.spec.phis.clear();
    for (size_t i = 0; i < phis.size(); ++i) {
        const std::string field = "phis[" + std::to_string(i) + "]";
        if (!phis[i].is_number()) throw ValidationError(field, "is not a number");
        m.spec.phis.push_back(phis[i].get<double>());
    }
    const Json& strategies = r.raw("strategies");
    if (!strategies.is_array()) throw ValidationError("strategies", "is not a list of names");
    m.spec.strategies.clear();
    for (size_t i = 0; i < strategies.size(); ++i) {
        const std::string field = "strategies[" + std::to_string(i) + "]";
        if (!strategies[i].is_string()) throw ValidationError(field, "is not a name");
        m.spec.strategies.push_back(
            studyStrategyFromString(strategies[i].get<std::string>(), field));
    }
    m.spec.seeds = r.integer("seeds", 1); // files from before seeds: one
    try {
        validate(m.spec);
    } catch (const ValidationError& e) { // study.phis -> phis, as the file names it
        const std::string f = e.field().rfind("study.", 0) == 0 ? e.field().substr(6) : e.field();
        throw ValidationError(f, e.reason());
    }
    m.base = configFromJsonAt(r.raw("config"), "config");
    r.finish();
    return m;
}

StudySpec mergeStudySpecs(const StudySpec& a, const StudySpec& b) {
    StudySpec out = a;
    for (double phi : b.phis)
        if (std::none_of(out.phis.begin(), out.phis.end(),
                         [&](double q) { return phiText(q) == phiText(phi); }))
            out.phis.push_back(phi);
    for (StudyStrategy s : b.strategies)
        if (std::find(out.strategies.begin(), out.strategies.end(), s) == out.strategies.end())
            out.strategies.push_back(s);
    out.includeBaseline = a.includeBaseline || b.includeBaseline;
    out.seeds = std::max(a.seeds, b.seeds);
    return out;
}

} // namespace scalescope
