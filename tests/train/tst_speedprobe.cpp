// The speed probe: the model's pieces are its forward pass, the report is laid out as the
// cost table, bad requests are refused by name, a cancel stops it, and `scalescope-cli speed`
// prints it. No figure here is compared with a speed: timings belong in bench/.
#include "scaling/costs.h"
#include "scaling/presets.h"
#include "tinyconfig.h"
#include "train/models.h"
#include "train/speedprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <cmath>

using namespace scalescope;
using namespace scalescope::train;

class TestSpeedProbe : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }
    void segmentsComposeForward_data();
    void segmentsComposeForward();
    void reportFollowsCostTable_data();
    void reportFollowsCostTable();
    void compareSpeed_data();
    void compareSpeed();
    void stepAndInferenceOnly();
    void sameSpeedInputs_data();
    void sameSpeedInputs();
    void memoryEstimateAgreesWithPeak_data();
    void memoryEstimateAgreesWithPeak();
    void badRequests_data();
    void badRequests();
    void cancelStopsAndRestoresThreads();
    void cliPrintsAndRefuses_data();
    void cliPrintsAndRefuses();
};

void TestSpeedProbe::segmentsComposeForward_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("size");
    QTest::newRow("efficientnet-b0") << "efficientnet-b0" << 64;
    QTest::newRow("efficientnetv2-s") << "efficientnetv2-s" << 48;
    QTest::newRow("resnet-rs-50") << "resnet-rs-50" << 64;
}

void TestSpeedProbe::segmentsComposeForward() {
    QFETCH(QString, preset);
    QFETCH(int, size);
    ScaleConfig c = configForPreset(preset.toStdString());
    c.request.width = c.request.width * 0.5;
    ScaledArch arch = scale(c.baseline, c.request);
    arch.resolution = size;
    const CostReport costs = computeCosts(arch);
    ScaledNet net(arch, 10, 3);
    QCOMPARE(net->segmentCount(), int(costs.stages.size()));
    net->eval();
    torch::NoGradGuard ng;
    torch::manual_seed(3);
    const auto x = torch::randn({2, 3, size, size});
    const auto whole = net->forward(x);
    auto y = x;
    for (int s = 0; s < net->segmentCount(); ++s) {
        y = net->forwardSegment(s, y);
        // Each piece ends at the shape the cost table gives its stage.
        if (s + 1 < net->segmentCount()) {
            const StageCost& st = costs.stages[size_t(s)];
            QCOMPARE(y.size(1), std::int64_t(st.outChannels));
            QCOMPARE(y.size(2), std::int64_t(st.outH));
        }
    }
    QVERIFY(torch::equal(whole, y));
    QVERIFY_THROWS_EXCEPTION(c10::Error, net->forwardSegment(net->segmentCount(), x));
}

void TestSpeedProbe::reportFollowsCostTable_data() {
    QTest::addColumn<int>("batch");     // the request's; 0 = the training batch
    QTest::addColumn<int>("imageSize"); // the request's; 0 = the model's
    QTest::addColumn<int>("expectedBatch");
    QTest::addColumn<int>("expectedSize");
    QTest::newRow("training's batch, model's size") << 0 << 0 << 32 << 32;
    QTest::newRow("batch 4") << 4 << 0 << 4 << 32;
    QTest::newRow("at 48 px") << 0 << 48 << 32 << 48;
}

void TestSpeedProbe::reportFollowsCostTable() {
    QFETCH(int, batch);
    QFETCH(int, imageSize);
    QFETCH(int, expectedBatch);
    QFETCH(int, expectedSize);
    const ScaleConfig c = tinyConfig();
    SpeedRequest r;
    r.batch = batch;
    r.imageSize = imageSize;
    r.repeats = 2;
    r.warmup = 1;
    int calls = 0, lastDone = 0, lastTotal = 0;
    bool monotonic = true;
    const SpeedReport rep = measureSpeed(c, r, {}, [&](int done, int total) {
        monotonic = monotonic && done == lastDone + 1 && (lastTotal == 0 || total == lastTotal);
        lastDone = done;
        lastTotal = total;
        ++calls;
    });
    QCOMPARE(rep.batch, expectedBatch);
    QCOMPARE(rep.imageSize, expectedSize);
    QCOMPARE(rep.device, std::string("cpu"));
    QVERIFY(rep.threads >= 1);
    QVERIFY(!rep.bf16);
    QVERIFY(!rep.graphed);
    QVERIFY(rep.peakMemoryBytes > 0); // the engine's CPU allocator counts its tensors
    // Every pass reported once, the last being all of them.
    QVERIFY(monotonic);
    QCOMPARE(lastDone, lastTotal);
    QCOMPARE(calls, (r.warmup + r.repeats) * (2 + int(rep.segments.size())));

    ScaledArch arch = scale(c.baseline, c.request);
    arch.resolution = expectedSize;
    const CostReport costs = computeCosts(arch);
    const double estimate = estimateMemory(costs, Precision::Float32, Optimizer::SGDMomentum, false)
                                .bytesAtBatch(expectedBatch);
    QCOMPARE(rep.estimatedMemoryBytes, estimate);
    QCOMPARE(rep.segments.size(), costs.stages.size());
    for (size_t i = 0; i < costs.stages.size(); ++i) {
        const SegmentSpeed& s = rep.segments[i];
        QCOMPARE(s.name, costs.stages[i].name);
        QCOMPARE(s.label, costs.stages[i].label);
        QCOMPARE(s.macs, costs.stages[i].macs);
        QVERIFY2(std::isfinite(s.forwardMs) && s.forwardMs > 0, s.name.c_str());
        QVERIFY2(std::isfinite(s.backwardMs) && s.backwardMs > 0, s.name.c_str());
        QCOMPARE(s.forwardGmacsPerSecond(rep.batch),
                 double(s.macs) * rep.batch / (s.forwardMs * 1e6));
    }
    QVERIFY(rep.trainStepMs > 0 && rep.inferenceMs > 0);
    // CSV: a header and a row per stage, eleven fields each.
    const QStringList csv = QString::fromStdString(speedReportCsv(rep)).trimmed().split('\n');
    QCOMPARE(csv.size(), int(costs.stages.size()) + 1);
    QVERIFY(csv[0].startsWith("device,batch,image_size,"));
    for (int i = 1; i < csv.size(); ++i) {
        const QStringList f = csv[i].split(',');
        QCOMPARE(f.size(), 11);
        QCOMPARE(f[5], QString::fromStdString(costs.stages[size_t(i - 1)].name));
        QCOMPARE(f[7].toLongLong(), qint64(costs.stages[size_t(i - 1)].macs));
    }
    QCOMPARE(rep.trainImagesPerSecond(), rep.batch * 1000.0 / rep.trainStepMs);
    QCOMPARE(rep.inferenceImagesPerSecond(), rep.batch * 1000.0 / rep.inferenceMs);
}

namespace {
// A report with given figures, two stages of 100 and 300 M MACs an image.
SpeedReport made(int batch, double stepMs, double inferMs, double peak, double stage0Ms,
                 int stages = 2) {
    SpeedReport r;
    r.batch = batch;
    r.trainStepMs = stepMs;
    r.inferenceMs = inferMs;
    r.peakMemoryBytes = peak;
    for (int i = 0; i < stages; ++i) {
        SegmentSpeed s;
        s.macs = i == 0 ? 100'000'000 : 300'000'000;
        s.forwardMs = i == 0 ? stage0Ms / 2 : 10;
        s.backwardMs = i == 0 ? stage0Ms / 2 : 20;
        r.segments.push_back(s);
    }
    return r;
}
} // namespace

void TestSpeedProbe::compareSpeed_data() {
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("stages");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("inference");
    QTest::addColumn<double>("memory"); // NaN: not compared
    QTest::addColumn<double>("stage0"); // NaN: stages not paired
    // Reference: batch 8, step 80 ms, inference 40 ms, 1 GB, stage 0 takes 20 ms.
    QTest::newRow("same batch") << 8 << 2 << 1.5 << 0.5 << 2.0 << 3.0;
    // Twice the batch in twice the time is the same time an image; memory is not compared.
    QTest::newRow("batch 16") << 16 << 2 << 0.75 << 0.25 << qQNaN() << 1.5;
    QTest::newRow("other stages") << 8 << 3 << 1.5 << 0.5 << 2.0 << qQNaN();
}

void TestSpeedProbe::compareSpeed() {
    QFETCH(int, batch);
    QFETCH(int, stages);
    QFETCH(double, step);
    QFETCH(double, inference);
    QFETCH(double, memory);
    QFETCH(double, stage0);
    const SpeedReport ref = made(8, 80, 40, 1e9, 20);
    const SpeedReport now = made(batch, 120, 20, 2e9, 60, stages);
    const SpeedComparison c = train::compareSpeed(now, ref);
    QCOMPARE(c.trainStep, step);
    QCOMPARE(c.inference, inference);
    QCOMPARE(c.macs, stages == 2 ? 1.0 : 700.0 / 400.0);
    QCOMPARE(std::isnan(c.peakMemory), std::isnan(memory));
    if (!std::isnan(memory)) QCOMPARE(c.peakMemory, memory);
    QCOMPARE(c.stageTime.empty(), std::isnan(stage0));
    if (!std::isnan(stage0)) {
        QCOMPARE(c.stageTime[0], stage0);
        QCOMPARE(c.stageTime[1], 8.0 / batch);
    }
}

void TestSpeedProbe::stepAndInferenceOnly() {
    // What the grid's --measure asks: no stage timed, half the passes.
    SpeedRequest r;
    r.repeats = 2;
    r.warmup = 1;
    r.perStage = false;
    int calls = 0;
    const SpeedReport rep = measureSpeed(tinyConfig(), r, {}, [&](int, int) { ++calls; });
    QVERIFY(rep.segments.empty());
    QVERIFY(rep.trainStepMs > 0 && rep.inferenceMs > 0);
    QCOMPARE(calls, (r.warmup + r.repeats) * 2);
}

void TestSpeedProbe::sameSpeedInputs_data() {
    QTest::addColumn<QString>("edit");
    QTest::addColumn<int>("requestBatch"); // 0: the training batch decides
    QTest::addColumn<QString>("requestDevice");
    QTest::addColumn<bool>("same");
    QTest::newRow("nothing") << "" << 0 << "" << true;
    QTest::newRow("epochs") << "epochs" << 0 << "" << true;
    QTest::newRow("dataset") << "dataset" << 0 << "" << true;
    QTest::newRow("phi") << "phi" << 0 << "" << false;
    QTest::newRow("stage width") << "stage width" << 0 << "" << false;
    QTest::newRow("precision") << "precision" << 0 << "" << false;
    QTest::newRow("optimizer") << "optimizer" << 0 << "" << false;
    QTest::newRow("batch, the training's") << "batch" << 0 << "" << false;
    QTest::newRow("batch, the request's") << "batch" << 4 << "" << true;
    QTest::newRow("device, the training's") << "device" << 0 << "" << false;
    QTest::newRow("device, the request's") << "device" << 0 << "cpu" << true;
}

void TestSpeedProbe::sameSpeedInputs() {
    QFETCH(QString, edit);
    QFETCH(int, requestBatch);
    QFETCH(QString, requestDevice);
    QFETCH(bool, same);
    const ScaleConfig a = configForPreset("efficientnet-b0");
    ScaleConfig b = a;
    if (edit == "epochs") b.training.epochs += 3;
    if (edit == "dataset") b.training.dataset = "fashion-mnist";
    if (edit == "phi") b.request.coefficients.phi = 1;
    if (edit == "stage width") {
        b.request.stages.assign(7, StageMultiplier{});
        b.request.stages[2].width = 1.5;
    }
    if (edit == "precision") b.training.precision = "fp32";
    if (edit == "optimizer") b.training.optimizer = "rmsprop";
    if (edit == "batch") b.training.batchSize *= 2;
    if (edit == "device") b.training.device = "cpu";
    SpeedRequest r;
    r.batch = requestBatch;
    r.device = requestDevice.toStdString();
    QCOMPARE(train::sameSpeedInputs(a, b, r), same);
    QCOMPARE(train::sameSpeedInputs(b, a, r), same);
}

void TestSpeedProbe::memoryEstimateAgreesWithPeak_data() {
    QTest::addColumn<QString>("preset");
    QTest::newRow("efficientnet-b0") << "efficientnet-b0";
    QTest::newRow("efficientnetv2-s") << "efficientnetv2-s";
    QTest::newRow("resnet-rs-50") << "resnet-rs-50";
}

void TestSpeedProbe::memoryEstimateAgreesWithPeak() {
    // The cost model's training memory (weights, gradients, optimizer state, activations)
    // against the peak of the CPU tensors during real training steps: 0.71-0.95x for these
    // three at 32 and 64 px (docs/BENCHMARKS.md). An activation counted twice or left out
    // moves it outside the band.
    QFETCH(QString, preset);
    ScaleConfig c = configForPreset(preset.toStdString());
    c.training.device = "cpu";
    c.training.batchSize = 8;
    SpeedRequest r;
    r.imageSize = 64;
    r.repeats = 1;
    r.warmup = 0;
    const SpeedReport rep = measureSpeed(c, r);
    const double ratio = rep.peakMemoryBytes / rep.estimatedMemoryBytes;
    QVERIFY2(ratio > 0.6 && ratio < 1.25,
             qPrintable(QString("peak %1 MiB, estimate %2 MiB")
                            .arg(rep.peakMemoryBytes / 1048576.0)
                            .arg(rep.estimatedMemoryBytes / 1048576.0)));
}

void TestSpeedProbe::badRequests_data() {
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("imageSize");
    QTest::addColumn<int>("repeats");
    QTest::addColumn<int>("warmup");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("precision");
    QTest::addColumn<QString>("field");
    QTest::newRow("negative batch") << -1 << 0 << 5 << 2 << ""
                                    << "auto"
                                    << "speed.batch";
    QTest::newRow("absurd batch") << 10000000 << 0 << 5 << 2 << ""
                                  << "auto"
                                  << "speed.batch";
    // Refused before anything is allocated: the kernel would kill the process instead.
    QTest::newRow("beyond memory") << 60000 << 1024 << 5 << 2 << ""
                                   << "auto"
                                   << "speed.batch";
    QTest::newRow("tiny image") << 0 << 4 << 5 << 2 << ""
                                << "auto"
                                << "speed.image_size";
    QTest::newRow("huge image") << 0 << 100000 << 5 << 2 << ""
                                << "auto"
                                << "speed.image_size";
    QTest::newRow("no repeats") << 0 << 0 << 0 << 2 << ""
                                << "auto"
                                << "speed.repeats";
    QTest::newRow("negative warm-up") << 0 << 0 << 5 << -1 << ""
                                      << "auto"
                                      << "speed.warmup";
    QTest::newRow("bf16 on the cpu") << 0 << 0 << 5 << 2 << "cpu"
                                     << "bf16"
                                     << "training.precision";
    QTest::newRow("no such device") << 0 << 0 << 5 << 2 << "tpu"
                                    << "auto"
                                    << "speed.device";
}

void TestSpeedProbe::badRequests() {
    QFETCH(int, batch);
    QFETCH(int, imageSize);
    QFETCH(int, repeats);
    QFETCH(int, warmup);
    QFETCH(QString, device);
    QFETCH(QString, precision);
    QFETCH(QString, field);
    ScaleConfig c = tinyConfig();
    c.training.precision = precision.toStdString();
    SpeedRequest r;
    r.batch = batch;
    r.imageSize = imageSize;
    r.repeats = repeats;
    r.warmup = warmup;
    r.device = device.toStdString();
    bool progressed = false;
    try {
        measureSpeed(c, r, {}, [&](int, int) { progressed = true; });
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.field()), field);
        QVERIFY(!e.reason().empty());
    }
    QVERIFY(!progressed); // refused before anything ran
}

void TestSpeedProbe::cancelStopsAndRestoresThreads() {
    torch::set_num_threads(1);
    SpeedRequest r;
    r.repeats = 3;
    int passes = 0;
    bool cancelled = false;
    try {
        measureSpeed(
            tinyConfig(), r, [&] { return passes >= 2; }, [&](int, int) { ++passes; });
    } catch (const SpeedCancelled&) {
        cancelled = true;
    }
    QVERIFY(cancelled);
    QCOMPARE(passes, 2); // asked after every pass, stopped at the first yes
    // The trainer decides its threads from LibTorch's count: the probe leaves it as it was.
    QCOMPARE(torch::get_num_threads(), 1);
    torch::set_num_threads(2);
}

void TestSpeedProbe::cliPrintsAndRefuses_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QStringList tiny = {"speed", "--width",      "0.25", "--depth",   "0.25", "--device",
                              "cpu",   "--batch",      "8",    "--repeats", "1",    "--warmup",
                              "0",     "--resolution", "32"};
    QTest::newRow("json") << (tiny + QStringList{"--json"}) << 0 << QString();
    QTest::newRow("table") << tiny << 0 << QString();
    QTest::newRow("repeats 0") << QStringList{"speed", "--repeats", "0"} << 2 << "--repeats:";
    QTest::newRow("image size NaN")
        << QStringList{"speed", "--image-size", "nan"} << 2 << "--image-size:";
    QTest::newRow("image size 3") << QStringList{"speed", "--image-size", "3"} << 2
                                  << "--image-size:";
    QTest::newRow("batch -4") << QStringList{"speed", "--batch", "-4"} << 2 << "batch";
    QTest::newRow("csv") << (tiny + QStringList{"--csv"}) << 0 << QString();
    QTest::newRow("json and csv") << QStringList{"speed", "--json", "--csv"} << 2
                                  << "--csv: cannot be given with --json";
    QTest::newRow("stray argument") << QStringList{"speed", "fast"} << 2 << "fast: unexpected";
}

void TestSpeedProbe::cliPrintsAndRefuses() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"), args);
    QVERIFY(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == exitCode, qPrintable(err));
    if (exitCode != 0) {
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(out.isEmpty());
        return;
    }
    QVERIFY2(err.isEmpty(), qPrintable(err)); // no progress line off a terminal
    if (args.contains("--csv")) {
        const QStringList lines = QString::fromUtf8(out).trimmed().split('\n');
        QCOMPARE(lines.size(), 10); // header, stem, seven stages, head
        QVERIFY(lines[1].startsWith("cpu,8,32,"));
        return;
    }
    if (args.contains("--json")) {
        const QJsonObject j = QJsonDocument::fromJson(out).object();
        QCOMPARE(j["device"].toString(), QString("cpu"));
        QCOMPARE(j["batch"].toInt(), 8);
        QCOMPARE(j["image_size"].toInt(), 32);
        QVERIFY(j["peak_memory_bytes"].toDouble() > 0);
        QVERIFY(j["train_images_per_second"].toDouble() > 0);
        const QJsonArray stages = j["stages"].toArray();
        QCOMPARE(stages.size(), 9); // stem, seven stages, head
        QCOMPARE(stages[0].toObject()["name"].toString(), QString("stem"));
        QCOMPARE(stages[8].toObject()["name"].toString(), QString("head"));
        for (const auto& s : stages)
            QVERIFY(s.toObject()["forward_ms"].toDouble() > 0);
    } else {
        const QString text = QString::fromUtf8(out);
        QVERIFY2(text.contains("at 32 px, batch 8 on cpu"), qPrintable(text));
        QVERIFY(
            text.contains(QRegularExpression("training step +\\d+\\.\\d+ ms +\\d+\\.\\d img/s")));
        QVERIFY(text.contains(
            QRegularExpression("^stage 7 +MBConv6 k3 ", QRegularExpression::MultilineOption)));
    }
}

QTEST_APPLESS_MAIN(TestSpeedProbe)
#include "tst_speedprobe.moc"
