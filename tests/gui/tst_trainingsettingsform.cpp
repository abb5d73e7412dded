// The training settings form: what it is given it gives back (the settings it has no field for
// come from the base), every field locks while a run trains, CUDA's options grey on the CPU and
// the fixed-size twin for a fixed schedule, and the options of Start count the runs.
#include "trainingsettingsform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace scalescope;

class TestTrainingSettingsForm : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void givesBackWhatItShows_data();
    void givesBackWhatItShows();
    void locksWhileTraining();
    void startOptionsCountTheRuns();
};

void TestTrainingSettingsForm::givesBackWhatItShows_data() {
    QTest::addColumn<TrainingSettings>("settings");
    QTest::newRow("defaults") << TrainingSettings{};
    TrainingSettings fashion;
    fashion.dataset = "fashion-mnist";
    fashion.dataPath = "/data/fashion";
    fashion.epochs = 40;
    fashion.batchSize = 256;
    fashion.trainSamples = 10000;
    fashion.progressive.schedule = ProgressiveSettings::Schedule::Fixed;
    fashion.progressive.minImageSize = 96;
    fashion.progressive.maxImageSize = 256;
    fashion.progressive.evalImageSize = 288;
    fashion.device = "cpu";
    fashion.precision = "fp32";
    fashion.cudaGraphs = false;
    QTest::newRow("Fashion-MNIST, fixed, on the CPU") << fashion;
    TrainingSettings rest;
    rest.optimizer = "rmsprop";
    rest.learningRate = 0.016;
    rest.weightDecay = 1e-5;
    rest.labelSmoothing = 0;
    rest.warmupEpochs = 5;
    rest.emaDecay = 0.9999;
    rest.init = "zero-last";
    rest.validateEvery = 3;
    rest.cudnnBenchmark = true;
    rest.seed = kMaxSeed; // 2^53, past what a QSpinBox holds
    rest.progressive.schedule = ProgressiveSettings::Schedule::Code;
    rest.progressive.stages = 10;
    rest.progressive.dropoutMin = 0.05;
    rest.progressive.dropoutMax = 0.5;
    rest.progressive.randAugmentMin = 2.5;
    rest.progressive.randAugmentMax = 30;
    rest.progressive.mixupMin = 0.1;
    rest.progressive.mixupMax = 0.8;
    rest.device = "cuda:0";
    QTest::newRow("RMSProp, EMA, the official code's schedule") << rest;
}

void TestTrainingSettingsForm::givesBackWhatItShows() {
    QFETCH(TrainingSettings, settings);
    TrainingSettingsForm form;
    form.setSettings(settings);
    // What the form has no field for comes from the base it is read over.
    TrainingSettings base;
    base.momentum = 0.8;
    base.valSamples = 123;
    base.checkpointEvery = 7;
    base.workers = 5;
    TrainingSettings expected = settings;
    expected.momentum = 0.8;
    expected.valSamples = 123;
    expected.checkpointEvery = 7;
    expected.workers = 5;
    QVERIFY(form.settings(base) == expected);
    QCOMPARE(form.settings(base).seed, settings.seed);
}

void TestTrainingSettingsForm::locksWhileTraining() {
    TrainingSettingsForm form;
    TrainingSettings t;
    t.device = "cpu";
    form.setSettings(t);
    auto* graphs = form.findChild<QCheckBox*>("cudaGraphs");
    auto* alsoFixed = form.findChild<QCheckBox*>("alsoFixed");
    QVERIFY(graphs && alsoFixed);
    QVERIFY(!graphs->isEnabled()); // greyed on the CPU, its value kept
    QVERIFY(graphs->isChecked());
    QVERIFY(alsoFixed->isEnabled());
    form.setLocked(true);
    const QList<QWidget*> inputs = form.findChildren<QWidget*>();
    int fields = 0;
    for (QWidget* w : inputs)
        if (qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
            qobject_cast<QCheckBox*>(w)) {
            ++fields;
            QVERIFY2(!w->isEnabled(), qPrintable(w->objectName()));
        }
    QVERIFY(fields >= 25);
    form.setLocked(false);
    QVERIFY(!graphs->isEnabled());
    auto* device = form.findChild<QComboBox*>("device");
    device->setCurrentIndex(device->findData("cuda:0"));
    QVERIFY(graphs->isEnabled());
    auto* schedule = form.findChild<QComboBox*>("schedule");
    schedule->setCurrentIndex(schedule->findData("fixed"));
    QVERIFY(!alsoFixed->isEnabled()); // a fixed run has no fixed twin
}

void TestTrainingSettingsForm::startOptionsCountTheRuns() {
    TrainingSettingsForm form;
    form.setSettings(TrainingSettings{});
    QSignalSpy changed(&form, &TrainingSettingsForm::startOptionsChanged);
    QCOMPARE(form.runsPerStart(), 1);
    auto* more = form.findChild<QToolButton*>("moreSettings");
    QVERIFY(more && !more->isChecked());
    form.setStartOptions(3, true);
    QCOMPARE(form.seeds(), 3);
    QVERIFY(form.alsoFixed());
    QCOMPARE(form.runsPerStart(), 6);
    QVERIFY(more->isChecked()); // in sight where it trains more than one run
    QVERIFY(changed.count() >= 2);
    auto* schedule = form.findChild<QComboBox*>("schedule");
    schedule->setCurrentIndex(schedule->findData("fixed"));
    QCOMPARE(form.runsPerStart(), 3);
    form.setStartOptions(1000, false);
    QCOMPARE(form.seeds(), 100); // the most one Start trains
}

QTEST_MAIN(TestTrainingSettingsForm)
#include "tst_trainingsettingsform.moc"
