#include "trainingsettingsform.h"

#include "train/seedexperiment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

#include <initializer_list>

namespace scalescope {

namespace {
QDoubleSpinBox* doubleBox(QWidget* parent, double lo, double hi, double step, int decimals) {
    auto* b = new QDoubleSpinBox(parent);
    b->setRange(lo, hi);
    b->setSingleStep(step);
    b->setDecimals(decimals);
    return b;
}

QSpinBox* intBox(QWidget* parent, int lo, int hi) {
    auto* b = new QSpinBox(parent);
    b->setRange(lo, hi);
    return b;
}
} // namespace

TrainingSettingsForm::TrainingSettingsForm(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0); // in line with the rows of the panel around it
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a field under its label when narrow
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_dataset = new QComboBox(this);
    m_dataset->addItem(tr("Synthetic shapes"), "shapes");
    m_dataset->addItem(tr("Synthetic shapes (hard)"), "shapes-hard");
    m_dataset->addItem(tr("Fashion-MNIST"), "fashion-mnist");
    m_dataset->addItem(tr("CIFAR-10 (binary)"), "cifar10");
    m_dataset->addItem(tr("Image folder"), "folder");
    form->addRow(tr("Dataset"), m_dataset);
    auto* pathRow = new QHBoxLayout;
    m_dataPath = new QLineEdit(this);
    m_dataPath->setPlaceholderText(tr("default location"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(m_dataPath, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("Data path"), pathRow);
    m_samples = intBox(this, 0, 10000000);
    m_samples->setSpecialValueText(tr("all"));
    form->addRow(tr("Training images"), m_samples);
    m_epochs = intBox(this, 1, 100000);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    form->addRow(tr("Epochs"), m_epochs);
    m_batch = intBox(this, 1, 65536);
    form->addRow(tr("Batch size"), m_batch);
    m_schedule = new QComboBox(this);
    m_schedule->setObjectName(QStringLiteral("schedule"));
    m_schedule->addItem(tr("Progressive (paper, Table 6)"), "paper");
    m_schedule->addItem(tr("Progressive (official code)"), "code");
    m_schedule->addItem(tr("Fixed size (baseline)"), "fixed");
    form->addRow(tr("Schedule"), m_schedule);
    m_stages = intBox(this, 1, 64);
    form->addRow(tr("Stages"), m_stages);
    auto pair = [&](const QString& label, QWidget* a, QWidget* b) {
        auto* row = new QHBoxLayout;
        row->addWidget(a);
        row->addWidget(new QLabel(QStringLiteral("→"), this));
        row->addWidget(b);
        form->addRow(label, row);
    };
    m_minSize = intBox(this, 8, 4096);
    m_maxSize = intBox(this, 0, 4096);
    m_maxSize->setSpecialValueText(tr("model's"));
    m_minSize->setObjectName(QStringLiteral("minImageSize"));
    m_maxSize->setObjectName(QStringLiteral("maxImageSize"));
    pair(tr("Image size"), m_minSize, m_maxSize);
    m_evalSize = intBox(this, 0, 4096);
    m_evalSize->setSpecialValueText(tr("last stage's"));
    m_evalSize->setToolTip(tr("Image size of every validation. EfficientNetV2 validates above "
                              "its last training size (S: 300 → 384 px)."));
    form->addRow(tr("Validated at"), m_evalSize);
    m_dropMin = doubleBox(this, 0, 0.95, 0.05, 2);
    m_dropMax = doubleBox(this, 0, 0.95, 0.05, 2);
    pair(tr("Dropout"), m_dropMin, m_dropMax);
    m_raMin = doubleBox(this, 0, 30, 1, 1);
    m_raMax = doubleBox(this, 0, 30, 1, 1);
    pair(tr("RandAugment"), m_raMin, m_raMax);
    m_mixMin = doubleBox(this, 0, 10, 0.05, 2);
    m_mixMax = doubleBox(this, 0, 10, 0.05, 2);
    pair(tr("Mixup α"), m_mixMin, m_mixMax);
    m_optimizer = new QComboBox(this);
    m_optimizer->addItem(tr("SGD, Nesterov momentum"), "sgd");
    m_optimizer->addItem(tr("RMSProp"), "rmsprop");
    form->addRow(tr("Optimizer"), m_optimizer);
    m_lr = doubleBox(this, 1e-6, 10, 0.01, 4);
    form->addRow(tr("Learning rate"), m_lr);
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("device"));
    m_device->addItem(tr("Automatic (CUDA if present)"), "auto");
    m_device->addItem(tr("CPU"), "cpu");
    m_device->addItem(tr("CUDA GPU 0"), "cuda:0");
    form->addRow(tr("Device"), m_device);
    // Less-used settings that the configuration file also holds, folded away by default.
    auto* more = m_more = new QToolButton(this);
    more->setObjectName(QStringLiteral("moreSettings"));
    more->setText(tr("More settings"));
    more->setCheckable(true);
    more->setAutoRaise(true);
    more->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    more->setArrowType(Qt::RightArrow);
    auto* advanced = new QWidget(this);
    auto* adv = new QFormLayout(advanced);
    adv->setRowWrapPolicy(QFormLayout::WrapLongRows);
    adv->setContentsMargins(0, 0, 0, 0);
    m_weightDecay = doubleBox(advanced, 0, 1, 1e-5, 6);
    m_weightDecay->setObjectName(QStringLiteral("weightDecay"));
    adv->addRow(tr("Weight decay"), m_weightDecay);
    m_labelSmoothing = doubleBox(advanced, 0, 0.9, 0.05, 2);
    adv->addRow(tr("Label smoothing"), m_labelSmoothing);
    m_warmup = doubleBox(advanced, 0, 100000, 0.5, 2);
    m_warmup->setObjectName(QStringLiteral("warmupEpochs"));
    adv->addRow(tr("Warm-up epochs"), m_warmup);
    m_ema = doubleBox(advanced, 0, 0.999999, 0.0001, 6);
    m_ema->setObjectName(QStringLiteral("emaDecay"));
    m_ema->setSpecialValueText(tr("off"));
    adv->addRow(tr("EMA decay"), m_ema);
    m_init = new QComboBox(advanced);
    m_init->setObjectName(QStringLiteral("init"));
    m_init->addItem(tr("timm's"), "timm");
    m_init->addItem(tr("Residual branches and classifier at zero"), "zero-last");
    m_init->setToolTip(
        tr("At zero, each residual block starts as identity and the logits at zero, so the "
           "first steps of a deep network on little data cannot blow up."));
    adv->addRow(tr("Initial weights"), m_init);
    m_validateEvery = intBox(advanced, 1, 100000);
    m_validateEvery->setObjectName(QStringLiteral("validateEvery"));
    m_validateEvery->setSuffix(tr(" epochs"));
    m_validateEvery->setSpecialValueText(tr("every epoch"));
    m_validateEvery->setToolTip(
        tr("Epochs between validations; the last epoch is always validated. Validating is a "
           "fixed cost per epoch, a large share of short runs."));
    adv->addRow(tr("Validate every"), m_validateEvery);
    m_precision = new QComboBox(advanced);
    m_precision->setObjectName(QStringLiteral("precision"));
    m_precision->addItem(tr("Automatic (bf16 on CUDA)"), "auto");
    m_precision->addItem(tr("fp32"), "fp32");
    m_precision->addItem(tr("bf16 (CUDA only)"), "bf16");
    adv->addRow(tr("Precision"), m_precision);
    m_cudaGraphs = new QCheckBox(tr("Replay each step from a CUDA graph"), advanced);
    m_cudaGraphs->setObjectName(QStringLiteral("cudaGraphs"));
    m_cudaGraphs->setToolTip(
        tr("CUDA only. If a capture fails, training goes on with eager steps."));
    adv->addRow(m_cudaGraphs);
    m_cudnnBenchmark = new QCheckBox(tr("Time cuDNN's algorithms for each image size"), advanced);
    m_cudnnBenchmark->setObjectName(QStringLiteral("cudnnBenchmark"));
    m_cudnnBenchmark->setToolTip(
        tr("CUDA only. Faster steps after a search of several seconds at the start and at every "
           "progressive stage: it pays in long runs at one size."));
    adv->addRow(m_cudnnBenchmark);
    connect(m_device, &QComboBox::currentIndexChanged, this, &TrainingSettingsForm::updateEnabled);
    m_seed = doubleBox(advanced, 0, double(kMaxSeed), 1, 0);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setToolTip(tr("Draws the initial weights, the batches and their augmentation, and "
                          "the synthetic images or the subset of a real set"));
    adv->addRow(tr("Seed"), m_seed);
    m_seeds = intBox(advanced, 1, train::kMaxExperimentSeeds);
    m_seeds->setObjectName(QStringLiteral("seeds"));
    m_seeds->setToolTip(
        tr("Start trains the configuration at the seed above and at the next ones, one after "
           "the other: one seed's accuracy on a small validation set moves by a point or more. "
           "Compare runs… averages them (Average over seeds)."));
    adv->addRow(tr("Seeds per Start"), m_seeds);
    m_alsoFixed = new QCheckBox(tr("Also train each seed at the final size only"), advanced);
    m_alsoFixed->setObjectName(QStringLiteral("alsoFixed"));
    m_alsoFixed->setToolTip(
        tr("A fixed-size run beside each progressive one (the final size and regularization "
           "throughout), in one folder: what Compare runs… sets progressive learning "
           "against, as EfficientNetV2 does."));
    adv->addRow(m_alsoFixed);
    connect(m_schedule, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled(); // a fixed-size run has no fixed-size twin to train
        Q_EMIT startOptionsChanged();
    });
    connect(m_seeds, &QSpinBox::valueChanged, this, &TrainingSettingsForm::startOptionsChanged);
    connect(m_alsoFixed, &QCheckBox::toggled, this, &TrainingSettingsForm::startOptionsChanged);
    advanced->setVisible(false);
    form->addRow(more);
    form->addRow(advanced);
    connect(more, &QToolButton::toggled, this, [more, advanced](bool open) {
        advanced->setVisible(open);
        more->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Dataset folder"), m_dataPath->text());
        if (!dir.isEmpty()) m_dataPath->setText(dir);
    });
    for (QWidget* w : fields()) {
        if (auto* b = qobject_cast<QComboBox*>(w))
            connect(b, &QComboBox::currentIndexChanged, this, &TrainingSettingsForm::edited);
        else if (auto* b = qobject_cast<QSpinBox*>(w))
            connect(b, &QSpinBox::valueChanged, this, &TrainingSettingsForm::edited);
        else if (auto* b = qobject_cast<QDoubleSpinBox*>(w))
            connect(b, &QDoubleSpinBox::valueChanged, this, &TrainingSettingsForm::edited);
        else if (auto* b = qobject_cast<QLineEdit*>(w))
            connect(b, &QLineEdit::textChanged, this, &TrainingSettingsForm::edited);
        else if (auto* b = qobject_cast<QCheckBox*>(w))
            connect(b, &QCheckBox::toggled, this, &TrainingSettingsForm::edited);
    }
    updateEnabled();
}

QList<QWidget*> TrainingSettingsForm::fields() const {
    return {m_dataset,   m_dataPath,    m_samples,        m_epochs,        m_batch,     m_schedule,
            m_stages,    m_minSize,     m_maxSize,        m_evalSize,      m_dropMin,   m_dropMax,
            m_raMin,     m_raMax,       m_mixMin,         m_mixMax,        m_optimizer, m_lr,
            m_device,    m_weightDecay, m_labelSmoothing, m_warmup,        m_ema,       m_init,
            m_precision, m_cudaGraphs,  m_cudnnBenchmark, m_validateEvery, m_seed,      m_seeds,
            m_alsoFixed};
}

void TrainingSettingsForm::setLocked(bool locked) {
    m_locked = locked;
    for (QWidget* w : fields())
        w->setEnabled(!locked);
    updateEnabled();
}

void TrainingSettingsForm::updateEnabled() {
    // Greyed, not cleared, on the CPU: the configuration keeps them for a GPU run.
    const bool cuda = m_device->currentData().toString() != QLatin1String("cpu");
    for (QCheckBox* box : {m_cudaGraphs, m_cudnnBenchmark})
        box->setEnabled(cuda && !m_locked);
    m_alsoFixed->setEnabled(!m_locked && !scheduleIsFixed());
}

void TrainingSettingsForm::setSettings(const TrainingSettings& t) {
    const ProgressiveSettings& p = t.progressive;
    m_dataset->setCurrentIndex(std::max(0, m_dataset->findData(QString::fromStdString(t.dataset))));
    m_dataPath->setText(QString::fromStdString(t.dataPath));
    m_samples->setValue(t.trainSamples);
    m_epochs->setValue(t.epochs);
    m_batch->setValue(t.batchSize);
    m_schedule->setCurrentIndex(
        std::max(0, m_schedule->findData(QString::fromStdString(toString(p.schedule)))));
    m_stages->setValue(p.stages);
    m_minSize->setValue(p.minImageSize);
    m_maxSize->setValue(p.maxImageSize);
    m_evalSize->setValue(p.evalImageSize);
    m_dropMin->setValue(p.dropoutMin);
    m_dropMax->setValue(p.dropoutMax);
    m_raMin->setValue(p.randAugmentMin);
    m_raMax->setValue(p.randAugmentMax);
    m_mixMin->setValue(p.mixupMin);
    m_mixMax->setValue(p.mixupMax);
    m_optimizer->setCurrentIndex(
        std::max(0, m_optimizer->findData(QString::fromStdString(t.optimizer))));
    m_lr->setValue(t.learningRate);
    const int dev = m_device->findData(QString::fromStdString(t.device));
    m_device->setCurrentIndex(dev >= 0 ? dev : 0);
    m_weightDecay->setValue(t.weightDecay);
    m_labelSmoothing->setValue(t.labelSmoothing);
    m_warmup->setValue(t.warmupEpochs);
    m_ema->setValue(t.emaDecay);
    m_init->setCurrentIndex(std::max(0, m_init->findData(QString::fromStdString(t.init))));
    m_validateEvery->setValue(t.validateEvery);
    m_precision->setCurrentIndex(
        std::max(0, m_precision->findData(QString::fromStdString(t.precision))));
    m_cudaGraphs->setChecked(t.cudaGraphs);
    m_cudnnBenchmark->setChecked(t.cudnnBenchmark);
    m_seed->setValue(double(t.seed));
}

TrainingSettings TrainingSettingsForm::settings(TrainingSettings t) const {
    t.dataset = m_dataset->currentData().toString().toStdString();
    t.dataPath = m_dataPath->text().trimmed().toStdString();
    t.trainSamples = m_samples->value();
    t.epochs = m_epochs->value();
    t.batchSize = m_batch->value();
    t.progressive.schedule =
        scheduleFromString(m_schedule->currentData().toString().toStdString(), "schedule");
    t.progressive.stages = m_stages->value();
    t.progressive.minImageSize = m_minSize->value();
    t.progressive.maxImageSize = m_maxSize->value();
    t.progressive.evalImageSize = m_evalSize->value();
    t.progressive.dropoutMin = m_dropMin->value();
    t.progressive.dropoutMax = m_dropMax->value();
    t.progressive.randAugmentMin = m_raMin->value();
    t.progressive.randAugmentMax = m_raMax->value();
    t.progressive.mixupMin = m_mixMin->value();
    t.progressive.mixupMax = m_mixMax->value();
    t.optimizer = m_optimizer->currentData().toString().toStdString();
    t.learningRate = m_lr->value();
    t.device = m_device->currentData().toString().toStdString();
    t.weightDecay = m_weightDecay->value();
    t.labelSmoothing = m_labelSmoothing->value();
    t.warmupEpochs = m_warmup->value();
    t.emaDecay = m_ema->value();
    t.init = m_init->currentData().toString().toStdString();
    t.validateEvery = m_validateEvery->value();
    t.precision = m_precision->currentData().toString().toStdString();
    t.cudaGraphs = m_cudaGraphs->isChecked();
    t.cudnnBenchmark = m_cudnnBenchmark->isChecked();
    t.seed = std::uint64_t(m_seed->value());
    return t;
}

bool TrainingSettingsForm::scheduleIsFixed() const {
    return m_schedule->currentData().toString() == QLatin1String("fixed");
}

int TrainingSettingsForm::seeds() const {
    return m_seeds->value();
}

bool TrainingSettingsForm::alsoFixed() const {
    return m_alsoFixed->isChecked();
}

void TrainingSettingsForm::setStartOptions(int seeds, bool alsoFixed) {
    m_seeds->setValue(seeds); // clamped to 1-100
    m_alsoFixed->setChecked(alsoFixed);
    if (m_seeds->value() > 1 || alsoFixed) m_more->setChecked(true); // in sight
}

int TrainingSettingsForm::runsPerStart() const {
    return m_seeds->value() * (m_alsoFixed->isChecked() && !scheduleIsFixed() ? 2 : 1);
}

} // namespace scalescope
