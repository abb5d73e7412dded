// The explorer's state: one configuration and what the engines compute from it. Views read
// it and edit it through the setters; an edit that the engine refuses leaves the last valid
// configuration in place and is reported with the engine's reason. Every accepted edit is a
// step on the document's undo stack, so no edit loses the configuration before it.
#pragma once

#include "scaling/config.h"
#include "scaling/costs.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace scalescope {

class ExplorerDocument : public QObject {
    Q_OBJECT
  public:
    explicit ExplorerDocument(QObject* parent = nullptr);

    const ScaleConfig& config() const { return m_config; }
    const ScaledArch& arch() const { return m_arch; }
    const CostReport& costs() const { return m_costs; }
    QString filePath() const { return m_filePath; }

    // Each returns false (and emits rejected) when the engine refuses the result. An edit
    // that leaves the configuration as it was returns true and adds no undo step.
    bool setConfig(const ScaleConfig& c);
    bool loadPreset(const QString& name);
    bool setCoefficients(const Coefficients& c);
    bool setStageMultiplier(int stage, double depth, double width);
    bool setStageSpec(int stage, const StageSpec& s);
    // The baseline's stages themselves: a copy of a stage (its multipliers with it) placed
    // right after it, or the stage taken out. The engine refuses a model of no stages or of
    // more than it allows, with its reason.
    bool duplicateStage(int stage);
    bool removeStage(int stage);
    bool setMaxResolution(int px);
    bool setTraining(const TrainingSettings& t);

    bool open(const QString& path); // emits rejected with the reason on failure
    bool saveAs(const QString& path);
    void setFilePath(const QString& path) { m_filePath = path; }

    QUndoStack* undoStack() const { return m_undo; }
    // True when the configuration differs from the one last opened or saved (or started with).
    bool isModified() const;
    // Between these, consecutive edits merge into one undo step: a slider drag is one edit,
    // not a hundred.
    void beginEditGroup() { m_group = ++m_groupSerial; }
    void endEditGroup() { m_group = 0; }
    // Forgets the undo steps and takes the present configuration as unmodified.
    void resetHistory();

  Q_SIGNALS:
    void changed();
    void rejected(const QString& field, const QString& reason);
    void modifiedChanged(bool modified);

  private:
    friend class EditCommand;
    bool edit(const ScaleConfig& c, const QString& text, bool opensFile = false,
              const QString& path = {});
    void install(const ScaleConfig& c); // a configuration already accepted once
    bool reject(const ValidationError& e);

    ScaleConfig m_config;
    ScaledArch m_arch;
    CostReport m_costs;
    QString m_filePath;
    int m_group = 0; // the open edit group, 0 when none
    int m_groupSerial = 0;
    QUndoStack* m_undo;
};

} // namespace scalescope
