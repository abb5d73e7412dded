// Trained runs' final validation accuracies, and what a run without one says ("training…",
// "stopped"), kept by each run's whole configuration. The study and grid windows look their
// runs up here, so a result shows wherever a table holds that exact run, across edits of the
// document and back.
#pragma once

#include "scaling/config.h"

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

namespace scalescope {

class RunResults {
  public:
    // A run's accuracy (NaN: it ended without a validation); replaces one set for it before.
    void setAccuracy(const ScaleConfig& run, double accuracy);
    std::optional<double> accuracy(const ScaleConfig& run) const;
    bool hasAccuracies() const { return !m_accuracy.empty(); }
    void clearAccuracies();
    // An empty note clears the run's.
    void setNote(const ScaleConfig& run, const QString& note);
    QString note(const ScaleConfig& run) const; // empty where it has none
    bool hasNotes() const { return !m_notes.empty(); }
    // The same run: what tells runs apart cheaply first, then the whole configurations.
    static bool sameRun(const ScaleConfig& a, const ScaleConfig& b);

  private:
    // Scaling mode, α, β, γ, φ, explicit width, depth and size, seed: runs are looked up by it
    // before whole configurations are compared, so that a grid of thousands of runs stays quick
    // to fill and follow the document.
    using Key = std::tuple<int, double, double, double, double, double, double, int, std::uint64_t>;
    static Key keyOf(const ScaleConfig& run);
    std::map<Key, std::vector<std::pair<ScaleConfig, double>>> m_accuracy;
    std::vector<std::pair<ScaleConfig, QString>> m_notes; // a few: the runs queued lately
};

// A table cell's tooltip for a result over several seeds: each seed's accuracy, or
// "not trained".
QString seedsToolTip(const std::vector<std::pair<std::uint64_t, std::optional<double>>>& bySeed);

} // namespace scalescope
