#include "runcomparison.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

namespace scalescope::train {

namespace {
// Seconds not spent validating at an epoch's end; NaN where the run did not record it.
double trainingTime(const TrainEvent& e) {
    return std::isfinite(e.validationSeconds) && e.validationSeconds <= e.elapsedSeconds
               ? e.elapsedSeconds - e.validationSeconds
               : RunComparisonRow::kNaN;
}

// Fills what needs no target; returns the validated epochs.
std::vector<const TrainEvent*> summarise(const ComparedRun& run, RunComparisonRow& row) {
    row.epochs = int(run.epochs.size());
    row.plannedEpochs = std::max(run.plannedEpochs, row.epochs);
    std::vector<const TrainEvent*> validated;
    for (const TrainEvent& e : run.epochs)
        if (std::isfinite(e.valAccuracy)) validated.push_back(&e);
    if (!run.epochs.empty()) {
        row.seconds = run.epochs.back().elapsedSeconds;
        row.trainingSeconds = trainingTime(run.epochs.back());
    }
    if (!validated.empty()) {
        row.finalAccuracy = validated.back()->valAccuracy;
        for (const TrainEvent* e : validated)
            if (!(e->valAccuracy <= row.bestAccuracy)) row.bestAccuracy = e->valAccuracy;
    }
    return validated;
}

void reach(const std::vector<const TrainEvent*>& validated, double target, RunComparisonRow& row) {
    for (const TrainEvent* e : validated) {
        if (e->valAccuracy >= target) {
            row.reachedEpoch = e->epoch + 1;
            row.reachedSeconds = e->elapsedSeconds;
            row.reachedTraining = trainingTime(*e);
            return;
        }
    }
}
} // namespace

RunComparison compareRuns(const std::vector<ComparedRun>& runs, int reference) {
    if (reference < 0 || reference >= int(runs.size()))
        throw std::invalid_argument("reference: run " + std::to_string(reference + 1) + " of " +
                                    std::to_string(runs.size()) + " does not exist");
    RunComparison out;
    out.reference = reference;
    out.rows.resize(runs.size());
    std::vector<std::vector<const TrainEvent*>> validated(runs.size());
    for (size_t i = 0; i < runs.size(); ++i)
        validated[i] = summarise(runs[i], out.rows[i]);
    out.target = out.rows[size_t(reference)].finalAccuracy;
    if (!std::isfinite(out.target))
        throw std::invalid_argument("reference: " + runs[size_t(reference)].name +
                                    " has no validated epoch yet");
    for (size_t i = 0; i < runs.size(); ++i)
        reach(validated[i], out.target, out.rows[i]);
    const std::string& refImages = runs[size_t(reference)].validation;
    for (size_t i = 0; i < runs.size(); ++i)
        out.rows[i].sameValidation =
            refImages.empty() || runs[i].validation.empty() || runs[i].validation == refImages;
    const RunComparisonRow& ref = out.rows[size_t(reference)];
    for (RunComparisonRow& row : out.rows) {
        row.finalDifference = row.finalAccuracy - out.target; // NaN where nothing validated
        if (row.reachedEpoch == 0) continue;
        if (ref.reachedSeconds > 0) row.ratio = row.reachedSeconds / ref.reachedSeconds;
        if (ref.reachedTraining > 0) row.trainingRatio = row.reachedTraining / ref.reachedTraining;
    }
    return out;
}

namespace {
// The members' epochs averaged over the epochs all of them recorded.
ComparedRun average(const std::vector<ComparedRun>& runs, const std::vector<int>& members) {
    const ComparedRun& first = runs[size_t(members.front())];
    if (members.size() == 1) return first;
    ComparedRun mean = first;
    size_t common = first.epochs.size();
    for (int m : members) {
        const ComparedRun& r = runs[size_t(m)];
        common = std::min(common, r.epochs.size());
        mean.plannedEpochs =
            std::max(mean.plannedEpochs, std::max(r.plannedEpochs, int(r.epochs.size())));
        if (r.validation != first.validation) mean.validation.clear();
    }
    if (mean.validation.empty() && !first.validation.empty()) {
        // Synthetic sets are drawn from the seed: each seed validates on its own images. The
        // text lists them by seed, so that means over other seeds read as other images.
        std::vector<const ComparedRun*> bySeed;
        for (int m : members)
            bySeed.push_back(&runs[size_t(m)]);
        std::stable_sort(
            bySeed.begin(), bySeed.end(),
            [](const ComparedRun* x, const ComparedRun* y) { return x->seed < y->seed; });
        for (size_t i = 0; i < bySeed.size(); ++i)
            mean.validation += (i ? "; " : "") + bySeed[i]->validation;
    }
    mean.epochs.resize(common);
    const double n = double(members.size());
    for (size_t e = 0; e < common; ++e) {
        TrainEvent& out = mean.epochs[e];
        out.loss = out.trainAccuracy = out.valLoss = out.valAccuracy = out.elapsedSeconds =
            out.validationSeconds = out.imagesPerSecond = 0;
        // A NaN (a member did not validate this epoch, or did not record the time spent
        // validating) makes the mean NaN, as it should.
        for (int m : members) {
            const TrainEvent& x = runs[size_t(m)].epochs[e];
            out.loss += x.loss / n;
            out.trainAccuracy += x.trainAccuracy / n;
            out.valLoss += x.valLoss / n;
            out.valAccuracy += x.valAccuracy / n;
            out.elapsedSeconds += x.elapsedSeconds / n;
            out.validationSeconds += x.validationSeconds / n;
            out.imagesPerSecond += x.imagesPerSecond / n;
        }
        out.liveValLoss = out.liveValAccuracy = RunComparisonRow::kNaN;
    }
    return mean;
}

double lastValidated(const ComparedRun& r) {
    for (auto e = r.epochs.rbegin(); e != r.epochs.rend(); ++e)
        if (std::isfinite(e->valAccuracy)) return e->valAccuracy;
    return RunComparisonRow::kNaN;
}
} // namespace

std::vector<SeedMean> meanOverSeeds(const std::vector<ComparedRun>& runs) {
    std::vector<SeedMean> groups;
    for (int i = 0; i < int(runs.size()); ++i) {
        const ComparedRun& r = runs[size_t(i)];
        auto into = groups.end();
        if (!r.seedGroup.empty())
            into = std::find_if(groups.begin(), groups.end(), [&](const SeedMean& g) {
                return runs[size_t(g.members.front())].seedGroup == r.seedGroup &&
                       std::find(g.seeds.begin(), g.seeds.end(), r.seed) == g.seeds.end();
            });
        if (into == groups.end()) into = groups.insert(groups.end(), SeedMean{});
        into->members.push_back(i);
        into->seeds.push_back(r.seed);
    }
    for (SeedMean& g : groups)
        g.run = average(runs, g.members);
    return groups;
}

SeedComparison compareSeedMeans(const std::vector<ComparedRun>& runs, int reference) {
    if (reference < 0 || reference >= int(runs.size()))
        throw std::invalid_argument("reference: run " + std::to_string(reference + 1) + " of " +
                                    std::to_string(runs.size()) + " does not exist");
    SeedComparison out;
    out.groups = meanOverSeeds(runs);
    int refGroup = 0;
    std::vector<ComparedRun> means;
    for (size_t g = 0; g < out.groups.size(); ++g) {
        const std::vector<int>& m = out.groups[g].members;
        if (std::find(m.begin(), m.end(), reference) != m.end()) refGroup = int(g);
        means.push_back(out.groups[g].run);
    }
    const SeedMean& ref = out.groups[size_t(refGroup)];
    if (ref.members.size() > 1 && !std::isfinite(lastValidated(ref.run)))
        throw std::invalid_argument("reference: " + ref.run.name + " and the " +
                                    std::to_string(ref.members.size() - 1) + " other seed" +
                                    (ref.members.size() > 2 ? "s" : "") +
                                    " of its mean have no validated epoch in common yet");
    out.comparison = compareRuns(means, refGroup);
    // Seeds pair only where both sides know theirs (a seedGroup comes with a configuration).
    const auto known = [&](const SeedMean& g) {
        return !runs[size_t(g.members.front())].seedGroup.empty();
    };
    for (size_t g = 0; g < out.groups.size(); ++g) {
        const SeedMean& group = out.groups[g];
        std::vector<double> diffs;
        for (size_t i = 0; known(group) && known(ref) && i < group.members.size(); ++i) {
            const auto at = std::find(ref.seeds.begin(), ref.seeds.end(), group.seeds[i]);
            if (at == ref.seeds.end()) continue;
            const double d =
                lastValidated(runs[size_t(group.members[i])]) -
                lastValidated(runs[size_t(ref.members[size_t(at - ref.seeds.begin())])]);
            if (std::isfinite(d)) diffs.push_back(d);
        }
        // Without a seed in common (single runs of other seeds, or seeds unknown) the row keeps
        // the plain difference of the finals compareRuns gave it.
        RunComparisonRow& row = out.comparison.rows[g];
        row.pairs = int(diffs.size());
        if (diffs.empty()) continue;
        double mean = 0;
        for (double d : diffs)
            mean += d / double(diffs.size());
        row.finalDifference = mean;
        if (diffs.size() < 2) continue;
        double squares = 0;
        for (double d : diffs)
            squares += (d - mean) * (d - mean);
        row.differenceError = std::sqrt(squares / double(diffs.size() - 1) / double(diffs.size()));
    }
    return out;
}

int defaultReference(const std::vector<std::string>& schedules) {
    const auto fixed = std::find(schedules.begin(), schedules.end(), "fixed");
    return fixed == schedules.end() ? 0 : int(fixed - schedules.begin());
}

std::string seedPathPattern(const std::vector<std::string>& paths,
                            const std::vector<std::uint64_t>& seeds) {
    if (paths.size() < 2 || paths.size() != seeds.size()) return {};
    const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    // The longest prefix and suffix all share, neither ending inside a number: seed1 and
    // seed10 share "seed", not "seed1".
    size_t prefix = paths.front().size(), suffix = paths.front().size();
    for (const std::string& p : paths) {
        const std::string& f = paths.front();
        size_t i = 0;
        while (i < prefix && i < p.size() && p[i] == f[i])
            ++i;
        prefix = i;
        size_t j = 0;
        while (j < suffix && j < p.size() && p[p.size() - 1 - j] == f[f.size() - 1 - j])
            ++j;
        suffix = j;
    }
    const std::string& f = paths.front();
    while (prefix > 0 && digit(f[prefix - 1]))
        --prefix;
    while (suffix > 0 && digit(f[f.size() - suffix]))
        --suffix;
    for (size_t i = 0; i < paths.size(); ++i) {
        const std::string& p = paths[i];
        if (prefix + suffix > p.size() ||
            p.substr(prefix, p.size() - prefix - suffix) != std::to_string(seeds[i]))
            return {}; // differs in more than its seed
    }
    std::vector<std::uint64_t> sorted = seeds;
    std::sort(sorted.begin(), sorted.end());
    std::string list;
    if (sorted.back() - sorted.front() + 1 == sorted.size() &&
        std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) {
        list = std::to_string(sorted.front()) + ".." + std::to_string(sorted.back());
    } else {
        for (std::uint64_t s : sorted)
            list += (list.empty() ? "" : ",") + std::to_string(s);
    }
    return f.substr(0, prefix) + "{" + list + "}" + f.substr(f.size() - suffix);
}

} // namespace scalescope::train
