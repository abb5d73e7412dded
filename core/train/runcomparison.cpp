#include "runcomparison.h"

#include <algorithm>
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
        if (row.reachedEpoch == 0) continue;
        if (ref.reachedSeconds > 0) row.ratio = row.reachedSeconds / ref.reachedSeconds;
        if (ref.reachedTraining > 0) row.trainingRatio = row.reachedTraining / ref.reachedTraining;
    }
    return out;
}

int defaultReference(const std::vector<std::string>& schedules) {
    const auto fixed = std::find(schedules.begin(), schedules.end(), "fixed");
    return fixed == schedules.end() ? 0 : int(fixed - schedules.begin());
}

} // namespace scalescope::train
