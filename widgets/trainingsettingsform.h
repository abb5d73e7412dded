// The training settings as a form: dataset, epochs, batch, the progressive schedule with its
// image sizes and regularization ranges, optimizer and device, and folded under More settings
// the rest of TrainingSettings with the options of Start (seeds per Start, a fixed-size run
// beside each progressive one), which are not part of the configuration.
#pragma once

#include "scaling/config.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace scalescope {

class TrainingSettingsForm : public QWidget {
    Q_OBJECT
  public:
    explicit TrainingSettingsForm(QWidget* parent = nullptr);
    void setSettings(const TrainingSettings& t);
    // `base` with the form's fields written over it.
    TrainingSettings settings(TrainingSettings base) const;
    // Every field greyed while a run trains: the form shows what the next Start trains with.
    void setLocked(bool locked);
    bool scheduleIsFixed() const;
    // Seeds per Start (1-100) and a fixed-size run beside each progressive one. Set to more
    // than one run, they unfold More settings, where they are.
    int seeds() const;
    bool alsoFixed() const;
    void setStartOptions(int seeds, bool alsoFixed);
    int runsPerStart() const; // seeds, times two with the fixed runs

  Q_SIGNALS:
    void startOptionsChanged(); // what one Start trains may have changed
    void edited();              // any field, by the user or by setSettings

  private:
    QList<QWidget*> fields() const;
    // CUDA's own options greyed for the CPU, the fixed-size twin for a fixed schedule.
    void updateEnabled();

    QComboBox *m_dataset, *m_schedule, *m_optimizer, *m_device, *m_precision;
    QCheckBox* m_cudaGraphs;
    QCheckBox* m_cudnnBenchmark;
    QComboBox* m_init;
    QLineEdit* m_dataPath;
    QSpinBox *m_epochs, *m_batch, *m_stages, *m_minSize, *m_maxSize, *m_evalSize, *m_samples;
    QSpinBox* m_validateEvery;
    QDoubleSpinBox *m_lr, *m_dropMin, *m_dropMax, *m_raMin, *m_raMax, *m_mixMin, *m_mixMax;
    QDoubleSpinBox *m_weightDecay, *m_labelSmoothing, *m_warmup, *m_ema;
    QDoubleSpinBox* m_seed; // a whole number up to 2^53, which a QSpinBox cannot hold
    QSpinBox* m_seeds;
    QCheckBox* m_alsoFixed;
    QToolButton* m_more;
    bool m_locked = false;
};

} // namespace scalescope
