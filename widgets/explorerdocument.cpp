#include "explorerdocument.h"

#include "scaling/presets.h"

#include <QFileInfo>
#include <QUndoCommand>
#include <QUndoStack>

namespace scalescope {

namespace {
constexpr int kUndoLimit = 500; // steps kept; each holds two small configurations
constexpr int kMergeId = 1;     // QUndoCommand::id() of an edit that may merge with the last

struct Computed {
    ScaledArch arch;
    CostReport costs;
};

// Throws ValidationError naming the field when the engines refuse the configuration.
Computed compute(const ScaleConfig& c) {
    Computed r;
    r.arch = scale(c.baseline, c.request);
    r.costs = computeCosts(r.arch);
    validate(c.training);
    return r;
}

const char* const kCoefficientNames[4] = {"α", "β", "γ", "φ"};
} // namespace

// One accepted edit: the configurations before and after it, and for an opened file the
// paths too, so that undoing it points the document at the file it showed before.
class EditCommand : public QUndoCommand {
  public:
    EditCommand(ExplorerDocument* doc, ScaleConfig before, ScaleConfig after, const QString& text,
                int group, bool opensFile, QString pathBefore, QString pathAfter)
        : QUndoCommand(text), m_doc(doc), m_before(std::move(before)), m_after(std::move(after)),
          m_group(group), m_opensFile(opensFile), m_pathBefore(std::move(pathBefore)),
          m_pathAfter(std::move(pathAfter)) {}

    void undo() override {
        if (m_opensFile) m_doc->m_filePath = m_pathBefore;
        m_doc->install(m_before);
    }
    void redo() override {
        if (m_done) { // pushed after the document already made the edit
            m_done = false;
            return;
        }
        if (m_opensFile) m_doc->m_filePath = m_pathAfter;
        m_doc->install(m_after);
    }
    int id() const override { return m_group == 0 ? -1 : kMergeId; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* o = static_cast<const EditCommand*>(other); // the only kind with an id
        if (o->m_group != m_group) return false;
        m_after = o->m_after;
        setText(o->text());
        setObsolete(m_after == m_before); // dragged back to where it started
        return true;
    }

  private:
    ExplorerDocument* m_doc;
    ScaleConfig m_before, m_after;
    int m_group; // edits of one group merge; 0: none
    bool m_opensFile;
    QString m_pathBefore, m_pathAfter;
    bool m_done = true;
};

ExplorerDocument::ExplorerDocument(QObject* parent) : QObject(parent) {
    m_undo = new QUndoStack(this);
    m_undo->setUndoLimit(kUndoLimit);
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    ScaleConfig c = configForPreset("efficientnet-b0");
    // Training defaults a CPU finishes in about a minute; on a GPU the user raises them.
    c.training.progressive.minImageSize = 48;
    c.training.progressive.maxImageSize = 64;
    c.training.progressive.stages = 3;
    c.training.progressive.randAugmentMin = 0;
    c.training.progressive.randAugmentMax = 4;
    c.training.progressive.mixupMax = 0.0;
    c.training.epochs = 6;
    c.training.batchSize = 32;
    c.training.trainSamples = 2000;
    c.training.valSamples = 500;
    // B0 on 2,000 images blew up in its first steps with timm's initialisation and ended
    // at 15-31% (48->64 px, two seeds); starting each residual block as identity, at 85-96%.
    c.training.init = "zero-last";
    install(c);
}

bool ExplorerDocument::reject(const ValidationError& e) {
    Q_EMIT rejected(QString::fromStdString(e.field()), QString::fromStdString(e.reason()));
    return false;
}

void ExplorerDocument::install(const ScaleConfig& c) {
    try {
        Computed r = compute(c);
        m_config = c;
        m_arch = std::move(r.arch);
        m_costs = std::move(r.costs);
    } catch (const ValidationError& e) {
        reject(e); // cannot happen for a configuration accepted before; keep the last one
        return;
    }
    Q_EMIT changed();
}

bool ExplorerDocument::edit(const ScaleConfig& c, const QString& text, bool opensFile,
                            const QString& path) {
    if (c == m_config && (!opensFile || path == m_filePath)) return true;
    Computed r;
    try {
        r = compute(c);
    } catch (const ValidationError& e) {
        return reject(e);
    }
    auto* cmd = new EditCommand(this, m_config, c, text, opensFile ? 0 : m_group, opensFile,
                                m_filePath, path);
    if (opensFile) m_filePath = path;
    m_config = c;
    m_arch = std::move(r.arch);
    m_costs = std::move(r.costs);
    m_undo->push(cmd); // may merge it into the step before (a slider drag)
    Q_EMIT changed();
    return true;
}

bool ExplorerDocument::isModified() const {
    return !m_undo->isClean();
}

void ExplorerDocument::resetHistory() {
    m_undo->clear();
}

bool ExplorerDocument::setConfig(const ScaleConfig& c) {
    return edit(c, tr("Replace the configuration"));
}

bool ExplorerDocument::loadPreset(const QString& name) {
    try {
        ScaleConfig c = configForPreset(name.toStdString());
        c.training = m_config.training;
        return edit(c, tr("Load %1").arg(QString::fromStdString(c.baseline.displayName)));
    } catch (const ValidationError& e) {
        return reject(e);
    }
}

bool ExplorerDocument::setCoefficients(const Coefficients& k) {
    ScaleConfig c = m_config;
    if (c.request.mode == ScalingRequest::Mode::Explicit) {
        // Leaving an official B1-B7 table: compound scaling starts from its baseline.
        c.request = ScalingRequest{};
        c.preset.clear();
    }
    const Coefficients& was = m_config.request.coefficients;
    const double before[4] = {was.alpha, was.beta, was.gamma, was.phi};
    const double after[4] = {k.alpha, k.beta, k.gamma, k.phi};
    int changedIndex = -1, changedCount = 0;
    for (int i = 0; i < 4; ++i)
        if (before[i] != after[i]) {
            changedIndex = i;
            ++changedCount;
        }
    const QString text = changedCount == 1
                             ? tr("Set %1 to %2")
                                   .arg(QString::fromUtf8(kCoefficientNames[changedIndex]),
                                        QString::number(after[changedIndex], 'g', 6))
                             : tr("Set the coefficients");
    c.request.coefficients = k;
    c.request.label.clear();
    return edit(c, text);
}

bool ExplorerDocument::setStageMultiplier(int stage, double depth, double width) {
    ScaleConfig c = m_config;
    if (stage < 0 || stage >= int(c.baseline.stages.size())) return false;
    if (c.request.stages.empty())
        c.request.stages.assign(c.baseline.stages.size(), StageMultiplier{});
    c.request.stages[size_t(stage)] = {depth, width};
    return edit(c, tr("Set stage %1's multipliers").arg(stage + 1));
}

bool ExplorerDocument::setStageSpec(int stage, const StageSpec& s) {
    ScaleConfig c = m_config;
    if (stage < 0 || stage >= int(c.baseline.stages.size())) return false;
    c.baseline.stages[size_t(stage)] = s;
    return edit(c, tr("Edit stage %1").arg(stage + 1));
}

bool ExplorerDocument::duplicateStage(int stage) {
    if (stage < 0 || stage >= int(m_config.baseline.stages.size())) return false;
    return edit(withStageDuplicated(m_config, stage), tr("Duplicate stage %1").arg(stage + 1));
}

bool ExplorerDocument::removeStage(int stage) {
    if (stage < 0 || stage >= int(m_config.baseline.stages.size())) return false;
    return edit(withStageRemoved(m_config, stage), tr("Remove stage %1").arg(stage + 1));
}

bool ExplorerDocument::setMaxResolution(int px) {
    ScaleConfig c = m_config;
    c.request.maxResolution = px;
    return edit(c, px > 0 ? tr("Cap the image size at %1 px").arg(px)
                          : tr("Remove the image size cap"));
}

bool ExplorerDocument::setTraining(const TrainingSettings& t) {
    ScaleConfig c = m_config;
    c.training = t;
    return edit(c, tr("Change the training settings"));
}

bool ExplorerDocument::open(const QString& path) {
    ScaleConfig c;
    try {
        c = loadConfig(path.toStdString());
    } catch (const ValidationError& e) {
        return reject(e);
    }
    if (!edit(c, tr("Open %1").arg(QFileInfo(path).fileName()), true, path)) return false;
    m_undo->setClean(); // the file as it is on disk
    return true;
}

bool ExplorerDocument::saveAs(const QString& path) {
    try {
        saveConfig(m_config, path.toStdString());
    } catch (const ValidationError& e) {
        return reject(e);
    }
    m_filePath = path;
    m_undo->setClean();
    return true;
}

} // namespace scalescope
