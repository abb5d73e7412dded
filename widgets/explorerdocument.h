// The explorer's state: one configuration and what the engines compute from it. Views read
// it and edit it through the setters; an edit that the engine refuses leaves the last valid
// configuration in place and is reported with the engine's reason.
#pragma once

#include "scaling/config.h"
#include "scaling/costs.h"

#include <QObject>
#include <QString>

namespace scalescope {

class ExplorerDocument : public QObject {
    Q_OBJECT
  public:
    explicit ExplorerDocument(QObject* parent = nullptr);

    const ScaleConfig& config() const { return m_config; }
    const ScaledArch& arch() const { return m_arch; }
    const CostReport& costs() const { return m_costs; }
    QString filePath() const { return m_filePath; }

    // Each returns false (and emits rejected) when the engine refuses the result.
    bool setConfig(const ScaleConfig& c);
    bool loadPreset(const QString& name);
    bool setCoefficients(const Coefficients& c);
    bool setStageMultiplier(int stage, double depth, double width);
    bool setStageSpec(int stage, const StageSpec& s);
    bool setMaxResolution(int px);
    bool setTraining(const TrainingSettings& t);

    bool open(const QString& path); // emits rejected with the reason on failure
    bool saveAs(const QString& path);
    void setFilePath(const QString& path) { m_filePath = path; }

  Q_SIGNALS:
    void changed();
    void rejected(const QString& field, const QString& reason);

  private:
    bool apply(const ScaleConfig& c);
    ScaleConfig m_config;
    ScaledArch m_arch;
    CostReport m_costs;
    QString m_filePath;
};

} // namespace scalescope
