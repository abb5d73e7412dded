#include "runresults.h"

#include "percenttext.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace scalescope {

RunResults::Key RunResults::keyOf(const ScaleConfig& run) {
    const ScalingRequest& q = run.request;
    const Coefficients& k = q.coefficients;
    return {int(q.mode), k.alpha, k.beta,       k.gamma,          k.phi,
            q.width,     q.depth, q.resolution, run.training.seed};
}

bool RunResults::sameRun(const ScaleConfig& a, const ScaleConfig& b) {
    return keyOf(a) == keyOf(b) && a == b;
}

void RunResults::setAccuracy(const ScaleConfig& run, double accuracy) {
    std::vector<std::pair<ScaleConfig, double>>& same = m_accuracy[keyOf(run)];
    same.erase(
        std::remove_if(same.begin(), same.end(), [&](const auto& e) { return e.first == run; }),
        same.end());
    same.emplace_back(run, accuracy);
}

std::optional<double> RunResults::accuracy(const ScaleConfig& run) const {
    const auto same = m_accuracy.find(keyOf(run));
    if (same == m_accuracy.end()) return std::nullopt;
    for (const auto& [config, acc] : same->second)
        if (config == run) return acc;
    return std::nullopt;
}

void RunResults::clearAccuracies() {
    m_accuracy.clear();
}

void RunResults::setNote(const ScaleConfig& run, const QString& note) {
    m_notes.erase(std::remove_if(m_notes.begin(), m_notes.end(),
                                 [&](const auto& e) { return sameRun(e.first, run); }),
                  m_notes.end());
    if (!note.isEmpty()) m_notes.emplace_back(run, note);
}

QString RunResults::note(const ScaleConfig& run) const {
    for (const auto& [config, text] : m_notes)
        if (sameRun(config, run)) return text;
    return {};
}

QString seedsToolTip(const std::vector<std::pair<std::uint64_t, std::optional<double>>>& bySeed) {
    QStringList each;
    for (const auto& [seed, accuracy] : bySeed)
        each << QCoreApplication::translate("RunResults", "seed %1: %2")
                    .arg(seed)
                    .arg(accuracy ? percentText(*accuracy)
                                  : QCoreApplication::translate("RunResults", "not trained"));
    return QCoreApplication::translate("RunResults",
                                       "The mean over %1 seeds ± its standard error\n%2")
        .arg(bySeed.size())
        .arg(each.join(QLatin1Char('\n')));
}

} // namespace scalescope
