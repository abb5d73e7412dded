// Run folders read back for the GUI's overlays: a good metrics.csv with its config, and every
// kind of broken file refused with the file, line and column named.
#include "scaling/config.h"
#include "train/runhistory.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

using namespace scalescope;
using namespace scalescope::train;

namespace {
const std::string kHeader = std::string(kMetricsHeader) + "\n";
// Two epochs as runTraining writes them; the first has a NaN train loss (an empty cell).
const std::string kRows = "0,62,0,64,0.1,0,0,0.05,,0.31,1.9,0.402,350.5,12.25\n"
                          "1,124,1,128,0.3,5,0.1,0.001,1.2,0.55,1.1,0.715,300,40.5\n";

void write(const QString& path, const std::string& text) {
    std::ofstream(path.toStdString(), std::ios::binary) << text;
}
} // namespace

class TestRunHistory : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void readsRunFolder();
    void refusesBrokenFiles_data();
    void refusesBrokenFiles();
    void whoCanContinue_data();
    void whoCanContinue();
    void runFolderStates_data();
    void runFolderStates();
    void listsRunsNewestFirst();
    void validationSetsInWords_data();
    void validationSetsInWords();
    void seedGroupsLeaveOnlyTheSeedOut();
    void modelNames_data();
    void modelNames();
};

void TestRunHistory::readsRunFolder() {
    QTemporaryDir dir;
    write(dir.filePath("metrics.csv"), kHeader + kRows);
    ScaleConfig c = configForPreset("efficientnetv2-s");
    c.training.epochs = 5; // stopped after two of five
    c.training.progressive.schedule = ProgressiveSettings::Schedule::Code;
    saveConfig(c, dir.filePath("config.json").toStdString());

    for (const QString& path : {dir.path(), dir.filePath("metrics.csv")}) {
        const RunHistory h = readRunHistory(path.toStdString());
        QCOMPARE(QString::fromStdString(h.dir), dir.path());
        QCOMPARE(h.model, std::string("EfficientNetV2-S"));
        QCOMPARE(h.model, runModelName(c));
        QCOMPARE(h.validation, validationSetText(c));
        QCOMPARE(h.seedGroup, seedGroupKey(c));
        QCOMPARE(h.seed, c.training.seed);
        QCOMPARE(h.schedule, std::string("code"));
        QCOMPARE(h.plannedEpochs, 5);
        QCOMPARE(int(h.epochs.size()), 2);
        const TrainEvent& a = h.epochs[0];
        const TrainEvent& b = h.epochs[1];
        QVERIFY(a.type == TrainEvent::Type::Epoch);
        QVERIFY(std::isnan(a.loss));
        QCOMPARE(a.imageSize, 64);
        QCOMPARE(a.valAccuracy, 0.402);
        QCOMPARE(a.elapsedSeconds, 12.25);
        QCOMPARE(b.epoch, 1);
        QCOMPARE(b.step, std::int64_t(124));
        QCOMPARE(b.stage, 1);
        QCOMPARE(b.stages, 2);
        QCOMPARE(b.epochs, 5);
        QCOMPARE(b.randAugment, 5.0);
        QCOMPARE(b.mixup, 0.1);
        QCOMPARE(b.loss, 1.2);
        QCOMPARE(b.imagesPerSecond, 300.0);
    }

    // This version's file: the trained weights' validation beside the EMA's (empty without).
    QTemporaryDir live;
    write(live.filePath("metrics.csv"),
          metricsFileHeader() + "\n" +
              "0,62,0,64,0.1,0,0,0.05,1.5,0.31,1.9,0.402,350.5,12.25,1.7,0.5,2.5\n"
              "1,124,1,128,0.3,5,0.1,0.001,1.2,0.55,1.1,0.715,300,40.5,,,5.25\n");
    const RunHistory l = readRunHistory(live.path().toStdString());
    QCOMPARE(l.epochs[0].liveValLoss, 1.7);
    QCOMPARE(l.epochs[0].liveValAccuracy, 0.5);
    QVERIFY(std::isnan(l.epochs[1].liveValAccuracy));
    // Seconds spent validating, summed over the epochs, beside the elapsed time.
    QCOMPARE(l.epochs[0].validationSeconds, 2.5);
    QCOMPARE(l.epochs[1].validationSeconds, 5.25);
    // The older file above has no such columns: NaN, not an error.
    const RunHistory old = readRunHistory(dir.path().toStdString());
    QVERIFY(std::isnan(old.epochs[0].liveValAccuracy));
    QVERIFY(std::isnan(old.epochs[0].validationSeconds));

    // The writer's row reads back as the same numbers.
    TrainEvent e = l.epochs[1];
    e.validationSeconds = 7.125;
    QTemporaryDir again;
    write(again.filePath("metrics.csv"), metricsFileHeader() + "\n" + metricsRow(e) + "\n");
    const TrainEvent r = readRunHistory(again.path().toStdString()).epochs[0];
    QCOMPARE(r.validationSeconds, 7.125);
    QCOMPARE(r.elapsedSeconds, 40.5);
    QCOMPARE(r.valAccuracy, 0.715);

    // Without config.json the run still reads: no names, the rows' epoch count.
    QTemporaryDir bare;
    write(bare.filePath("metrics.csv"), kHeader + kRows);
    const RunHistory h = readRunHistory(bare.path().toStdString());
    QVERIFY(h.model.empty());
    QCOMPARE(h.plannedEpochs, 2);
}

void TestRunHistory::refusesBrokenFiles_data() {
    QTest::addColumn<QByteArray>("csv"); // null: no metrics.csv at all; "": an empty one
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("expected");
    const QByteArray header = QByteArray::fromStdString(kHeader);
    QTest::newRow("no file") << QByteArray() << QByteArray() << "no such file";
    QTest::newRow("empty file") << QByteArray("") << QByteArray() << "the file is empty";
    QTest::newRow("blank first line") << QByteArray("\n") << QByteArray() << "no column \"epoch\"";
    QTest::newRow("header only") << header << QByteArray() << "no epochs yet";
    QTest::newRow("other csv") << QByteArray("a,b\n1,2\n") << QByteArray()
                               << "not a ScaleScope metrics file";
    QTest::newRow("text for a number")
        << header + "0,62,0,64,0.1,0,0,0.05,1.5,0.31,1.9,abc,350.5,12.25\n"
        << QByteArray() << "metrics.csv line 2, column val_accuracy: \"abc\" is not a number";
    QTest::newRow("negative epoch")
        << header + "-1,62,0,64,0.1,0,0,0.05,1.5,0.31,1.9,0.4,350.5,12.25\n"
        << QByteArray() << "line 2, column epoch: \"-1\" is not a whole number >= 0";
    QTest::newRow("zero image size")
        << header + "0,62,0,0,0.1,0,0,0.05,1.5,0.31,1.9,0.4,350.5,12.25\n"
        << QByteArray() << "column image_size: \"0\" is not a whole number >= 1";
    QTest::newRow("missing time") << header + "0,62,0,64,0.1,0,0,0.05,1.5,0.31,1.9,0.4,350.5,\n"
                                  << QByteArray() << "column elapsed_seconds: must be a time";
    const QByteArray full = QByteArray::fromStdString(metricsFileHeader()) + "\n";
    QTest::newRow("negative validation time")
        << full + "0,62,0,64,0.1,0,0,0.05,1.5,0.31,1.9,0.4,350.5,12.25,,,-1\n"
        << QByteArray() << "column validation_seconds: must be a time from 0 to elapsed_seconds";
    QTest::newRow("validation longer than the run")
        << full + "0,62,0,64,0.1,0,0,0.05,1.5,0.31,1.9,0.4,350.5,12.25,,,13\n"
        << QByteArray() << "column validation_seconds: must be a time from 0 to elapsed_seconds";
    QTest::newRow("cut short") << header + "0,62,0,64\n"
                               << QByteArray() << "line 2: 4 cells, the header has 14";
    QTest::newRow("epochs out of order")
        << header + QByteArray::fromStdString(kRows) +
               "1,186,1,128,0.3,5,0.1,0.001,1.2,0.55,1.1,0.715,300,60\n"
        << QByteArray() << "line 4, column epoch: 1 does not follow epoch 1";
    QTest::newRow("broken config") << header + QByteArray::fromStdString(kRows)
                                   << QByteArray("{\"format\": ") << "config.json:";
}

void TestRunHistory::refusesBrokenFiles() {
    QFETCH(QByteArray, csv);
    QFETCH(QByteArray, config);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    if (!csv.isNull()) write(dir.filePath("metrics.csv"), csv.toStdString());
    if (!config.isEmpty()) write(dir.filePath("config.json"), config.toStdString());
    try {
        readRunHistory(dir.path().toStdString());
        QFAIL("accepted");
    } catch (const std::runtime_error& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
    }
}

// A stopped run goes on from its checkpoint with the configuration it was started with.
void TestRunHistory::whoCanContinue_data() {
    QTest::addColumn<bool>("withRows");   // two epochs written, or only the header
    QTest::addColumn<int>("epochs");      // the configuration's; 0: no config.json
    QTest::addColumn<bool>("checkpoint"); // checkpoint.pt there
    QTest::addColumn<bool>("expected");
    QTest::newRow("stopped after two of five") << true << 5 << true << true;
    QTest::newRow("stopped in its first epoch") << false << 5 << true << true;
    QTest::newRow("no checkpoint") << true << 5 << false << false;
    QTest::newRow("no configuration") << true << 0 << true << false;
    QTest::newRow("finished") << true << 2 << true << false;
}

void TestRunHistory::whoCanContinue() {
    QFETCH(bool, withRows);
    QFETCH(int, epochs);
    QFETCH(bool, checkpoint);
    QFETCH(bool, expected);
    QTemporaryDir dir;
    write(dir.filePath("metrics.csv"), kHeader + (withRows ? kRows : std::string()));
    if (epochs > 0) {
        ScaleConfig c = configForPreset("efficientnet-b0");
        c.training.epochs = epochs;
        saveConfig(c, dir.filePath("config.json").toStdString());
    }
    if (checkpoint) write(dir.filePath(kCheckpointFile), "not read here");
    const RunHistory h = readRunHistory(dir.path().toStdString());
    QCOMPARE(h.hasCheckpoint, checkpoint);
    QCOMPARE(int(h.epochs.size()), withRows ? 2 : 0);
    QCOMPARE(h.canContinue(), expected);
}

// What a queue finds in the folder it is to train a configuration in: the CLI's and the GUI's
// queues read a finished run back, continue a stopped one and refuse another configuration's.
void TestRunHistory::runFolderStates_data() {
    QTest::addColumn<QString>("config"); // the folder's config.json: "same", "other", "broken", ""
    QTest::addColumn<bool>("withRows");  // two epochs in metrics.csv, or no metrics.csv
    QTest::addColumn<int>("epochs");     // the configuration's
    QTest::addColumn<bool>("checkpoint");
    QTest::addColumn<int>("state"); // RunFolderCheck::State
    using S = RunFolderCheck::State;
    QTest::newRow("empty folder") << "" << false << 2 << false << int(S::Empty);
    QTest::newRow("rows without configuration") << "" << true << 2 << true << int(S::Empty);
    QTest::newRow("started, no epoch or checkpoint")
        << "same" << false << 2 << false << int(S::Empty);
    QTest::newRow("finished") << "same" << true << 2 << true << int(S::Finished);
    QTest::newRow("finished, checkpoint gone") << "same" << true << 2 << false << int(S::Finished);
    QTest::newRow("stopped after two of five") << "same" << true << 5 << true << int(S::Stopped);
    QTest::newRow("stopped, checkpoint gone") << "same" << true << 5 << false << int(S::Empty);
    QTest::newRow("another configuration") << "other" << true << 2 << true << int(S::Foreign);
    QTest::newRow("unreadable configuration") << "broken" << true << 2 << true << int(S::Foreign);
}

void TestRunHistory::runFolderStates() {
    QFETCH(QString, config);
    QFETCH(bool, withRows);
    QFETCH(int, epochs);
    QFETCH(bool, checkpoint);
    QFETCH(int, state);
    QTemporaryDir dir;
    ScaleConfig c = configForPreset("efficientnet-b0");
    c.training.epochs = epochs;
    if (withRows) write(dir.filePath("metrics.csv"), kHeader + kRows);
    if (config == "same") saveConfig(c, dir.filePath("config.json").toStdString());
    if (config == "other") {
        ScaleConfig other = c;
        other.training.learningRate *= 2; // training options count as the configuration
        saveConfig(other, dir.filePath("config.json").toStdString());
    }
    if (config == "broken") write(dir.filePath("config.json"), "{ \"training\": ");
    if (checkpoint) write(dir.filePath(kCheckpointFile), "not read here");
    const RunFolderCheck found = inspectRunFolder(dir.path().toStdString(), c);
    QCOMPARE(int(found.state), state);
    if (found.state == RunFolderCheck::State::Finished) {
        QCOMPARE(found.finalValAccuracy, 0.715); // kRows' last validation
        QCOMPARE(found.bestValAccuracy, 0.715);
        QCOMPARE(found.seconds, 40.5);
    } else {
        QVERIFY(std::isnan(found.finalValAccuracy));
    }
    if (found.state == RunFolderCheck::State::Foreign)
        QVERIFY2(found.why.find(dir.path().toStdString()) == 0, found.why.c_str());
    else
        QVERIFY(found.why.empty());
}

void TestRunHistory::listsRunsNewestFirst() {
    namespace fs = std::filesystem;
    QTemporaryDir dir;
    ScaleConfig c = configForPreset("efficientnet-b0");
    c.request.coefficients.phi = 2;
    c.training.progressive.minImageSize = 48;
    c.training.progressive.maxImageSize = 64;
    c.training.progressive.evalImageSize = 80;
    const auto run = [&](const char* name, int epochs, const std::string& rows, bool checkpoint,
                         int ageSeconds) {
        QVERIFY(QDir(dir.path()).mkpath(name));
        const QString d = dir.filePath(name);
        c.training.epochs = epochs;
        saveConfig(c, (d + "/config.json").toStdString());
        write(d + "/metrics.csv", kHeader + rows);
        if (checkpoint) write(d + "/" + kCheckpointFile, "not read here");
        fs::last_write_time((d + "/metrics.csv").toStdString(),
                            fs::file_time_type::clock::now() - std::chrono::seconds(ageSeconds));
    };
    run("started", 4, "", false, 40);
    run("finished", 2, kRows, true, 10);
    run("broken", 2, kRows + "2,oops\n", true, 30);
    run("stopped", 5, kRows, true, 20);
    QVERIFY(QDir(dir.path()).mkpath("not a run"));
    // Three levels down is listed; four is not.
    run("experiment/seed1/fixed", 2, kRows, true, 50);
    run("deep/a/b/c", 2, kRows, true, 5);

    const std::vector<RunListing> runs = listRuns({dir.path().toStdString()});
    QStringList names;
    for (const RunListing& r : runs)
        names << QFileInfo(QString::fromStdString(r.dir)).fileName();
    QCOMPARE(names, (QStringList{"finished", "stopped", "broken", "started", "fixed"}));
    using S = RunListing::State;
    const RunListing& finished = runs[0];
    QCOMPARE(int(finished.state), int(S::Finished));
    QCOMPARE(QString::fromStdString(finished.model), QString("EfficientNet-B0 phi 2.0"));
    QCOMPARE(finished.dataset, std::string("shapes"));
    QCOMPARE(finished.epochs, 2);
    QCOMPARE(finished.smallestSize, 48);
    QCOMPARE(finished.largestSize, 64);
    QCOMPARE(finished.validatedSize, 80);
    QCOMPARE(finished.plannedEpochs, 2);
    QCOMPARE(finished.finalValAccuracy, 0.715);
    QCOMPARE(finished.bestValAccuracy, 0.715);
    QCOMPARE(finished.seconds, 40.5);
    QCOMPARE(int(runs[1].state), int(S::Unfinished));
    QVERIFY(runs[1].hasCheckpoint);
    QCOMPARE(runs[1].plannedEpochs, 5);
    QCOMPARE(int(runs[2].state), int(S::Unreadable));
    QVERIFY2(runs[2].problem.find("metrics.csv line 4") != std::string::npos,
             runs[2].problem.c_str());
    QCOMPARE(int(runs[3].state), int(S::Unfinished)); // only the header: not one epoch in
    QCOMPARE(runs[3].epochs, 0);
    QVERIFY(!runs[3].hasCheckpoint);
    QVERIFY(std::isnan(runs[3].bestValAccuracy));

    // A run folder itself is listed alone; a path that is not a folder is refused by name.
    const std::vector<RunListing> one = listRuns({dir.filePath("stopped").toStdString()});
    QCOMPARE(int(one.size()), 1);
    QCOMPARE(one[0].plannedEpochs, 5);
    QVERIFY_THROWS_EXCEPTION(ValidationError,
                             listRuns({dir.filePath("finished/metrics.csv").toStdString()}));
}

void TestRunHistory::validationSetsInWords_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("valSamples");
    QTest::addColumn<int>("evalSize");
    QTest::addColumn<QString>("text");
    QTest::newRow("shapes") << "shapes" << 400 << 0 << "shapes, 400 images (seed 7), at 64 px";
    // The default count draws the same images as asking for it.
    QTest::newRow("shapes, default count")
        << "shapes-hard" << 0 << 80 << "shapes-hard, 1000 images (seed 7), at 80 px";
    QTest::newRow("fashion, all") << "fashion-mnist" << 0 << 0
                                  << "fashion-mnist, every test image, at 64 px";
    QTest::newRow("fashion, a subset")
        << "fashion-mnist" << 1000 << 0 << "fashion-mnist, 1000 images (seed 7), at 64 px";
}

// Equal words for equal images: what Compare runs checks before it sets accuracies side by side.
void TestRunHistory::validationSetsInWords() {
    QFETCH(QString, dataset);
    QFETCH(int, valSamples);
    QFETCH(int, evalSize);
    QFETCH(QString, text);
    ScaleConfig c = configForPreset("efficientnet-b0");
    c.training.dataset = dataset.toStdString();
    c.training.valSamples = valSamples;
    c.training.seed = 7;
    c.training.progressive.minImageSize = 48;
    c.training.progressive.maxImageSize = 64;
    c.training.progressive.evalImageSize = evalSize;
    QCOMPARE(QString::fromStdString(validationSetText(c)), text);
}

void TestRunHistory::seedGroupsLeaveOnlyTheSeedOut() {
    const scalescope::ScaleConfig c = scalescope::configForPreset("efficientnet-b0");
    scalescope::ScaleConfig other = c;
    other.training.seed = 7;
    other.preset.clear(); // a name for display
    QCOMPARE(seedGroupKey(other), seedGroupKey(c));
    QVERIFY(seedGroupKey(c).find("\"seed\"") == std::string::npos);
    other.training.epochs += 1;
    QVERIFY(seedGroupKey(other) != seedGroupKey(c));
    other = c;
    other.training.progressive.schedule = scalescope::ProgressiveSettings::Schedule::Fixed;
    QVERIFY(seedGroupKey(other) != seedGroupKey(c));
}

void TestRunHistory::modelNames_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("edit"); // 0 none, 1 phi 1, 2 width 0.5, 3 a stage's repeats, 4 preset
                                   // unknown, 5 phi 1 and the last stage removed, 6 ten classes
    QTest::addColumn<QString>("name");
    QTest::newRow("B0") << "efficientnet-b0" << 0 << "EfficientNet-B0";
    QTest::newRow("B3, the paper's multipliers") << "efficientnet-b3" << 0 << "EfficientNet-B3";
    QTest::newRow("V2-M") << "efficientnetv2-m" << 0 << "EfficientNetV2-M";
    QTest::newRow("ResNet-RS-101") << "resnet-rs-101" << 0 << "ResNet-RS-101";
    QTest::newRow("B0 grown by phi") << "efficientnet-b0" << 1 << "EfficientNet-B0 phi 1.0";
    QTest::newRow("B3 with other multipliers")
        << "efficientnet-b3" << 2 << "EfficientNet-B0 w0.5 d1.4";
    QTest::newRow("B0 with a stage edited") << "efficientnet-b0" << 3 << "EfficientNet-B0 (edited)";
    QTest::newRow("B0 grown, a stage removed")
        << "efficientnet-b0" << 5 << "EfficientNet-B0 (edited) phi 1.0";
    QTest::newRow("B0 for ten classes") << "efficientnet-b0" << 6 << "EfficientNet-B0";
    QTest::newRow("a preset this build does not know")
        << "efficientnet-b0" << 4 << "EfficientNet-B0";
}

void TestRunHistory::modelNames() {
    QFETCH(QString, preset);
    QFETCH(int, edit);
    QFETCH(QString, name);
    ScaleConfig c = configForPreset(preset.toStdString());
    if (edit == 1) c.request.coefficients.phi = 1;
    if (edit == 2) c.request.width = 0.5;
    if (edit == 3) c.baseline.stages[1].repeats += 1;
    if (edit == 4) c.preset = "efficientnet-b9";
    if (edit == 5) {
        c.request.coefficients.phi = 1;
        c = withStageRemoved(c, 6);
    }
    if (edit == 6) c.baseline.numClasses = 10; // as a dataset's classes replace the 1000

    QCOMPARE(QString::fromStdString(runModelName(c)), name);
}

QTEST_APPLESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
