// Evaluating a trained run: the scores at the size it validated at are the ones its last
// validation wrote, the confusion matrix adds up, a test-size sweep scores every size, the
// EMA and the trained weights are told apart, and bad requests and folders are refused by name.
#include "tinyconfig.h"

#include "scaling/schedule.h"
#include "train/evaluation.h"
#include "train/runhistory.h"
#include "train/trainer.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <numeric>

using namespace scalescope;
using namespace scalescope::train;

class TestEvaluation : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void matchesTheRunsLastValidation();
    void sweepsTestSizes();
    void emaOrTrainedWeights();
    void allTestImages();
    void cancelStops();
    void classScores_data();
    void classScores();
    void csvLayout();
    void parseImageSizes_data();
    void parseImageSizes();
    void suggestedTestSizes_data();
    void suggestedTestSizes();
    void badRequests_data();
    void badRequests();
    void checkpointOfAnotherModel();
    void cliTableAndJson();
    void cliRefusals_data();
    void cliRefusals();

  private:
    QTemporaryDir m_dir;  // a finished tiny run with an EMA
    RunHistory m_history; // its metrics.csv
    ScaleConfig m_config;
};

void TestEvaluation::initTestCase() {
    m_config = tinyConfig(2);
    m_config.training.progressive.stages = 2;
    m_config.training.emaDecay = 0.9; // the EMA is what validation and weights.pt hold
    m_config.training.trainSamples = 640;
    m_config.training.valSamples = 200;
    TrainControl control;
    RunOptions o;
    o.runDir = m_dir.path().toStdString();
    const TrainSummary s = runTraining(m_config, o, control, [](const TrainEvent&) {});
    QVERIFY2(s.completed, s.error.c_str());
    m_history = readRunHistory(o.runDir);
    QCOMPARE(int(m_history.epochs.size()), 2);
}

void TestEvaluation::matchesTheRunsLastValidation() {
    const EvaluationReport r = evaluateRun(m_dir.path().toStdString(), {});
    const TrainEvent& last = m_history.epochs.back();
    QCOMPARE(r.weights, std::string("EMA"));
    QCOMPARE(r.dataset, std::string("shapes"));
    QCOMPARE(r.images, std::int64_t(200));
    QCOMPARE(int(r.classes.size()), 10);
    QCOMPARE(r.topK, 5);
    QCOMPARE(r.epochsTrained, 2);
    QCOMPARE(r.plannedEpochs, 2);
    QCOMPARE(r.trainingSizes, (std::vector<int>{24, 32}));
    QCOMPARE(r.validatedSize, 32);
    QCOMPARE(int(r.sizes.size()), 1);
    const SizeEvaluation& s = r.sizes.front();
    QCOMPARE(s.imageSize, last.imageSize);
    // metrics.csv keeps 8 significant digits; the images, weights and arithmetic are the same.
    QVERIFY2(std::abs(s.top1 - last.valAccuracy) < 1e-7,
             qPrintable(QString("%1 against %2").arg(s.top1).arg(last.valAccuracy)));
    QVERIFY2(std::abs(s.loss - last.valLoss) < 1e-6 * std::max(1.0, last.valLoss),
             qPrintable(QString("%1 against %2").arg(s.loss).arg(last.valLoss)));
    QVERIFY(s.topK >= s.top1);
    QVERIFY(s.topK <= 1.0);
    // The confusion matrix counts every image once; its diagonal is the top-1.
    QCOMPARE(int(s.confusion.size()), 100);
    QCOMPARE(std::accumulate(s.confusion.begin(), s.confusion.end(), std::int64_t(0)),
             std::int64_t(200));
    std::int64_t diagonal = 0;
    for (int c = 0; c < 10; ++c)
        diagonal += s.confusion[size_t(c * 10 + c)];
    QCOMPARE(double(diagonal) / 200.0, s.top1);
    // Rows are true classes: the synthetic set draws its classes in turn, 20 images each
    // (columns, the predictions, are not balanced unless every image is right).
    const auto scores = train::classScores(s.confusion, r.classes);
    for (const auto& c : scores)
        QCOMPARE(c.images, std::int64_t(20));
}

void TestEvaluation::sweepsTestSizes() {
    EvaluationRequest req;
    req.imageSizes = {16, 32, 48};
    std::int64_t lastDone = 0, lastTotal = 0;
    const EvaluationReport r = evaluateRun(m_dir.path().toStdString(), req, {},
                                           [&](std::int64_t done, std::int64_t total) {
                                               QVERIFY(done >= lastDone);
                                               lastDone = done;
                                               lastTotal = total;
                                           });
    QCOMPARE(lastTotal, std::int64_t(600));
    QCOMPARE(lastDone, std::int64_t(600));
    QCOMPARE(int(r.sizes.size()), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(r.sizes[size_t(i)].imageSize, req.imageSizes[size_t(i)]);
    // The validated size scores as the run's own validation did; other sizes differ.
    QVERIFY(std::abs(r.sizes[1].top1 - m_history.epochs.back().valAccuracy) < 1e-7);
    QVERIFY(r.sizes[0].loss != r.sizes[1].loss);
    QVERIFY(r.sizes[2].loss != r.sizes[1].loss);
    const SizeEvaluation* best = r.best();
    QVERIFY(best);
    for (const auto& s : r.sizes)
        QVERIFY(best->top1 >= s.top1);
}

void TestEvaluation::emaOrTrainedWeights() {
    EvaluationRequest req;
    req.trainedWeights = true;
    const EvaluationReport r = evaluateRun(m_dir.path().toStdString(), req);
    QCOMPARE(r.weights, std::string("trained"));
    const TrainEvent& last = m_history.epochs.back();
    QVERIFY(std::isfinite(last.liveValAccuracy));
    QVERIFY2(
        std::abs(r.sizes.front().top1 - last.liveValAccuracy) < 1e-7,
        qPrintable(QString("%1 against %2").arg(r.sizes.front().top1).arg(last.liveValAccuracy)));
    QVERIFY(std::abs(r.sizes.front().loss - last.liveValLoss) <
            1e-6 * std::max(1.0, last.liveValLoss));
}

void TestEvaluation::allTestImages() {
    EvaluationRequest req;
    req.samples = 300; // a larger set than the run validated on (synthetic: rendered anew)
    const EvaluationReport r = evaluateRun(m_dir.path().toStdString(), req);
    QCOMPARE(r.images, std::int64_t(300));
    QCOMPARE(
        std::accumulate(r.sizes[0].confusion.begin(), r.sizes[0].confusion.end(), std::int64_t(0)),
        std::int64_t(300));
}

void TestEvaluation::cancelStops() {
    EvaluationRequest req;
    req.imageSizes = {32, 32, 32};
    req.batch = 16;
    int asked = 0;
    bool cancelled = false;
    try {
        evaluateRun(m_dir.path().toStdString(), req, [&] { return ++asked >= 3; });
    } catch (const EvaluationCancelled&) {
        cancelled = true;
    }
    QVERIFY(cancelled);
    QCOMPARE(asked, 3); // stopped at the first question answered yes
}

void TestEvaluation::classScores_data() {
    QTest::addColumn<QList<qint64>>("confusion");
    QTest::addColumn<QList<double>>("recall");
    QTest::addColumn<QList<double>>("precision");
    QTest::addColumn<QList<int>>("confusedWith");
    // Rows: true class; columns: predicted.
    QTest::newRow("diagonal") << QList<qint64>{5, 0, 0, 0, 3, 0, 0, 0, 2} << QList<double>{1, 1, 1}
                              << QList<double>{1, 1, 1} << QList<int>{-1, -1, -1};
    QTest::newRow("mixed") << QList<qint64>{6, 3, 1, 2, 8, 0, 0, 0, 0}
                           << QList<double>{0.6, 0.8, NAN} << QList<double>{0.75, 8.0 / 11, 0}
                           << QList<int>{1, 0, -1};
    QTest::newRow("never predicted")
        << QList<qint64>{4, 0, 0, 4, 0, 0, 0, 0, 1} << QList<double>{1, 0, 1}
        << QList<double>{0.5, NAN, 1} << QList<int>{-1, 0, -1};
}

void TestEvaluation::classScores() {
    QFETCH(QList<qint64>, confusion);
    QFETCH(QList<double>, recall);
    QFETCH(QList<double>, precision);
    QFETCH(QList<int>, confusedWith);
    const std::vector<std::string> names{"a", "b", "c"};
    const auto s =
        train::classScores(std::vector<std::int64_t>(confusion.begin(), confusion.end()), names);
    QCOMPARE(int(s.size()), 3);
    const auto same = [](double a, double b) {
        return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) < 1e-12;
    };
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(s[size_t(i)].name, names[size_t(i)]);
        QVERIFY2(same(s[size_t(i)].recall, recall[i]), qPrintable(QString::number(i)));
        QVERIFY2(same(s[size_t(i)].precision, precision[i]), qPrintable(QString::number(i)));
        QCOMPARE(s[size_t(i)].confusedWith, confusedWith[i]);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             train::classScores(std::vector<std::int64_t>(8, 1), names));
}

void TestEvaluation::csvLayout() {
    EvaluationReport r;
    r.classes = {"cat", "dog, big"};
    r.topK = 2;
    SizeEvaluation a;
    a.imageSize = 32;
    a.top1 = 0.75;
    a.topK = 1;
    a.loss = 0.5;
    a.confusion = {3, 1, 0, 4};
    SizeEvaluation b = a;
    b.imageSize = 48;
    r.sizes = {a, b};
    const QStringList lines = QString::fromStdString(evaluationCsv(r)).trimmed().split('\n');
    QCOMPARE(lines.size(), 5); // header, two classes at two sizes
    QCOMPARE(lines[0], QString("image_size,class,images,correct,recall,precision,top1,top2,loss"));
    QCOMPARE(lines[1], QString("32,cat,4,3,0.75,1,0.75,1,0.5"));
    QCOMPARE(lines[2], QString("32,\"dog, big\",4,4,1,0.8,0.75,1,0.5"));
    QVERIFY(lines[3].startsWith("48,cat,"));
}

void TestEvaluation::parseImageSizes_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("sizes");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("one") << "64" << QList<int>{64} << "";
    QTest::newRow("list") << "48, 64,96" << QList<int>{48, 64, 96} << "";
    QTest::newRow("range") << "32:64:16" << QList<int>{32, 48, 64} << "";
    QTest::newRow("range off the end") << "32:70:16" << QList<int>{32, 48, 64} << "";
    QTest::newRow("empty") << "" << QList<int>{} << "no image size";
    QTest::newRow("word") << "big" << QList<int>{} << "\"big\" is not a whole number";
    QTest::newRow("fraction") << "64.5" << QList<int>{} << "\"64.5\" is not a whole number";
    QTest::newRow("too small") << "4" << QList<int>{} << "4 px is outside 8-4096";
    QTest::newRow("too large") << "100000" << QList<int>{} << "100000 px is outside";
    QTest::newRow("negative") << "-32" << QList<int>{} << "-32 px is outside";
    QTest::newRow("trailing comma") << "32," << QList<int>{} << "ends with a comma";
    QTest::newRow("range backwards") << "64:32:8" << QList<int>{} << "ends (32) before";
    QTest::newRow("zero step") << "32:64:0" << QList<int>{} << "step \"0\" is not a positive";
    QTest::newRow("two parts") << "32:64" << QList<int>{} << "is not FROM:TO:STEP";
    QTest::newRow("too many") << "8:4096:8" << QList<int>{} << "more than 64 sizes";
}

void TestEvaluation::parseImageSizes() {
    QFETCH(QString, text);
    QFETCH(QList<int>, sizes);
    QFETCH(QString, error);
    try {
        const auto got = train::parseImageSizes("--image-sizes", text.toStdString());
        QVERIFY2(error.isEmpty(), "accepted");
        QCOMPARE(QList<int>(got.begin(), got.end()), sizes);
    } catch (const ValidationError& e) {
        QVERIFY2(!error.isEmpty(), e.what());
        QCOMPARE(e.field(), std::string("--image-sizes"));
        QVERIFY2(QString(e.what()).contains(error), e.what());
    }
}

void TestEvaluation::suggestedTestSizes_data() {
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<int>("minSize");
    QTest::addColumn<int>("maxSize");
    QTest::addColumn<int>("evalSize");
    QTest::addColumn<QList<int>>("sizes");
    // 24 -> 32 px, validated at 32: from the smallest training size to 48 in steps of 4.
    QTest::newRow("tiny progressive")
        << "paper" << 24 << 32 << 0 << QList<int>{24, 28, 32, 36, 40, 44, 48};
    // The GUI's demo, 48 -> 64 px.
    QTest::newRow("demo") << "paper" << 48 << 64 << 0 << QList<int>{48, 56, 64, 72, 80, 88, 96};
    // Fixed at 224 px: from three quarters of it to 1.5x.
    QTest::newRow("fixed 224") << "fixed" << 0 << 224 << 0
                               << QList<int>{168, 196, 224, 252, 280, 308, 336};
    // Validated above its training sizes (as V2-S at 384 after 300): that size is in the list.
    QTest::newRow("eval above") << "paper" << 24 << 32 << 40 << QList<int>{24, 32, 40, 48, 56};
}

void TestEvaluation::suggestedTestSizes() {
    QFETCH(QString, schedule);
    QFETCH(int, minSize);
    QFETCH(int, maxSize);
    QFETCH(int, evalSize);
    QFETCH(QList<int>, sizes);
    ScaleConfig c = tinyConfig(4);
    c.training.progressive.schedule = scheduleFromString(schedule.toStdString(), "schedule");
    c.training.progressive.minImageSize = minSize;
    c.training.progressive.maxImageSize = maxSize;
    c.training.progressive.evalImageSize = evalSize;
    if (schedule == "fixed") c.request.resolution = maxSize;
    const auto got = train::suggestedTestSizes(c);
    QCOMPARE(QList<int>(got.begin(), got.end()), sizes);
}

void TestEvaluation::badRequests_data() {
    QTest::addColumn<QString>("dir"); // "run": the trained run; "empty": a fresh folder
    QTest::addColumn<int>("batch");
    QTest::addColumn<QList<int>>("sizes");
    QTest::addColumn<QString>("device");
    QTest::addColumn<int>("samples");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("no folder") << "/nonexistent/run" << 0 << QList<int>{} << "" << -1 << "run_dir"
                               << "is not a folder";
    QTest::newRow("no config") << "empty" << 0 << QList<int>{} << "" << -1 << "run_dir"
                               << "has no config.json";
    QTest::newRow("negative batch") << "run" << -4 << QList<int>{} << "" << -1 << "evaluation.batch"
                                    << "between 1 and";
    QTest::newRow("size") << "run" << 0 << QList<int>{32, 5000} << "" << -1
                          << "evaluation.image_sizes"
                          << "between 8 and 4096";
    QTest::newRow("device") << "run" << 0 << QList<int>{} << "tpu" << -1 << "evaluation.device"
                            << "is not one of auto, cpu";
    QTest::newRow("samples") << "run" << 0 << QList<int>{} << "" << -7 << "evaluation.samples"
                             << "must be -1";
    // B0 at 4096 px in batches of 60,000 would need terabytes: refused before any allocation.
    QTest::newRow("memory") << "run" << 60000 << QList<int>{4096} << "cpu" << -1
                            << "evaluation.batch"
                            << "of memory (the cost model's estimate)";
}

void TestEvaluation::badRequests() {
    QFETCH(QString, dir);
    QFETCH(int, batch);
    QFETCH(QList<int>, sizes);
    QFETCH(QString, device);
    QFETCH(int, samples);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QTemporaryDir empty;
    const QString path = dir == "run" ? m_dir.path() : dir == "empty" ? empty.path() : dir;
    EvaluationRequest req;
    req.batch = batch;
    req.imageSizes.assign(sizes.begin(), sizes.end());
    req.device = device.toStdString();
    req.samples = samples;
    try {
        evaluateRun(path.toStdString(), req);
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.field()), field);
        QVERIFY2(QString(e.what()).contains(message), e.what());
    }
}

void TestEvaluation::checkpointOfAnotherModel() {
    // The run's config.json edited to another width: its checkpoint no longer fits.
    QTemporaryDir dir;
    for (const char* f : {kConfigFile, kCheckpointFile})
        QVERIFY(QFile::copy(m_dir.filePath(f), dir.filePath(f)));
    ScaleConfig other = m_config;
    other.request.width = 0.5;
    saveConfig(other, dir.filePath(kConfigFile).toStdString());
    try {
        evaluateRun(dir.path().toStdString(), {});
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QCOMPARE(e.field(), std::string("run_dir"));
        QVERIFY2(QString(e.what()).contains("does not hold the model its config.json describes"),
                 e.what());
    }
    // A checkpoint that is not one.
    std::ofstream(dir.filePath(kCheckpointFile).toStdString(), std::ios::trunc) << "not a zip";
    saveConfig(m_config, dir.filePath(kConfigFile).toStdString());
    try {
        evaluateRun(dir.path().toStdString(), {});
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QCOMPARE(e.field(), std::string("run_dir"));
        QVERIFY2(
            QString(e.what()).contains("checkpoint.pt is not a checkpoint ScaleScope can read"),
            e.what());
    }
}

void TestEvaluation::cliTableAndJson() {
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            {"evaluate", "--run-dir", m_dir.path(), "--image-sizes", "24,32,40"});
    QVERIFY(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    // Named as the training tab and the run lists name it.
    QVERIFY2(out.contains("EfficientNet-B0 w0.25 d0.25, 2 of 2 epochs, EMA weights, on cpu: "
                          "shapes, 200 test images, 10 classes"),
             qPrintable(out));
    QVERIFY2(out.contains("trained at 24-32 px, validated at 32 px"), qPrintable(out));
    QVERIFY(out.contains("(validated at)"));
    QVERIFY(out.contains("best"));
    QVERIFY(out.contains("most often taken for"));
    QVERIFY(out.contains("circle"));

    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            {"evaluate", "--run-dir", m_dir.path(), "--json", "--quiet"});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const auto j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(j["validated_size"].toInt(), 32);
    QCOMPARE(j["images"].toInt(), 200);
    const auto sizes = j["sizes"].toArray();
    QCOMPARE(sizes.size(), 1);
    const auto s = sizes[0].toObject();
    QVERIFY(std::abs(s["top1"].toDouble() - m_history.epochs.back().valAccuracy) < 1e-7);
    const auto matrix = s["confusion"].toArray();
    QCOMPARE(matrix.size(), 10);
    int total = 0;
    for (const auto& row : matrix) {
        QCOMPARE(row.toArray().size(), 10);
        for (const auto& v : row.toArray())
            total += v.toInt();
    }
    QCOMPARE(total, 200);
    QCOMPARE(s["per_class"].toArray().size(), 10);

    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            {"evaluate", "--run-dir", m_dir.path(), "--csv", "--image-sizes", "24:32:8"});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const QStringList rows = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split('\n');
    QCOMPARE(rows.size(), 1 + 2 * 10);
}

void TestEvaluation::cliRefusals_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no dir") << QStringList{"evaluate"} << "--run-dir: is required";
    QTest::newRow("missing dir") << QStringList{"evaluate", "--run-dir", "/nonexistent"}
                                 << "--run-dir: /nonexistent is not a folder";
    QTest::newRow("not a run") << QStringList{"evaluate", "--run-dir", "/tmp"}
                               << "--run-dir: /tmp has no config.json";
    QTest::newRow("sizes") << QStringList{"evaluate", "--run-dir", "RUN", "--image-sizes", "0"}
                           << "--image-sizes: 0 px is outside 8-4096";
    QTest::newRow("batch") << QStringList{"evaluate", "--run-dir", "RUN", "--batch", "0"}
                           << "--batch: must be between 1 and";
    QTest::newRow("batch NaN") << QStringList{"evaluate", "--run-dir", "RUN", "--batch", "nan"}
                               << "--batch";
    QTest::newRow("samples") << QStringList{"evaluate", "--run-dir", "RUN", "--val-samples", "-3"}
                             << "--val-samples: must be 0 (all) or a count";
    QTest::newRow("device") << QStringList{"evaluate", "--run-dir", "RUN", "--device", "gpu"}
                            << "--device: \"gpu\" is not one of";
    QTest::newRow("both formats") << QStringList{"evaluate", "--run-dir", "RUN", "--json", "--csv"}
                                  << "--csv: cannot be given with --json";
    QTest::newRow("unknown flag") << QStringList{"evaluate", "--run-dir", "RUN", "--top", "3"}
                                  << "--top";
}

void TestEvaluation::cliRefusals() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    args.replaceInStrings(QRegularExpression("^RUN$"), m_dir.path());
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"), args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
