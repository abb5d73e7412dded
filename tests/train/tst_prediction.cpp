// Classifying image files with a trained run: the run's own test images written as files are
// classified exactly as evaluation scores them (colour and grey datasets), scaled and padded
// copies classify the same, files that do not decode are reported and the rest classified, and
// bad requests, paths and folders are refused by name, in the core and the CLI.
#include "tinyconfig.h"

#include "train/datasets.h"
#include "train/evaluation.h"
#include "train/prediction.h"
#include "train/runhistory.h"
#include "train/trainer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#ifdef SCALESCOPE_HAVE_IMGCODECS
#include <opencv2/imgcodecs.hpp>
#endif

#include <cmath>

using namespace scalescope;
using namespace scalescope::train;

namespace {
// uint8 [C, H, W] RGB or grey -> what cv::imwrite expects (BGR or grey).
cv::Mat toMat(const torch::Tensor& chw) {
    const auto hwc = chw.permute({1, 2, 0}).contiguous();
    const int c = int(chw.size(0));
    cv::Mat m(int(chw.size(1)), int(chw.size(2)), c == 1 ? CV_8UC1 : CV_8UC3,
              hwc.data_ptr<std::uint8_t>());
    cv::Mat out;
    if (c == 3)
        cv::cvtColor(m, out, cv::COLOR_RGB2BGR);
    else
        out = m.clone();
    return out;
}

// Writes `split`'s images into `dir` as img_NNN.png, in order; returns their labels.
std::vector<int> writeImages(const Split& split, const QString& dir, int count) {
    std::vector<int> labels;
#ifdef SCALESCOPE_HAVE_IMGCODECS
    QDir().mkpath(dir);
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("%1/img_%2.png").arg(dir).arg(i, 3, 10, QChar('0'));
        if (!cv::imwrite(name.toStdString(), toMat(split.images[i]))) return {};
        labels.push_back(int(split.labels[i].item<std::int64_t>()));
    }
#else
    (void)split, (void)dir, (void)count;
#endif
    return labels;
}

std::vector<std::int64_t> confusionOf(const PredictionReport& r, const std::vector<int>& labels) {
    const std::size_t n = r.classes.size();
    std::vector<std::int64_t> m(n * n, 0);
    for (std::size_t i = 0; i < r.images.size(); ++i)
        ++m[std::size_t(labels[i]) * n + std::size_t(r.images[i].top.at(0).index)];
    return m;
}
} // namespace

class TestPrediction : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void classifiesAsEvaluationScores();
    void greyDatasetAsEvaluationScores();
    void classFromFolder_data();
    void classFromFolder();
    void classFoldersScoreAsEvaluation();
    void scaledAndPaddedCopies_data();
    void scaledAndPaddedCopies();
    void testSizeAndTopK();
    void unreadableFilesAreReported();
    void imageFilesIn_data();
    void imageFilesIn();
    void badRequests_data();
    void badRequests();
    void cancelStops();
    void gpuRunOnThisMachine();
    void csvLayout();
    void cliTableJsonCsv();
    void cliRefusals_data();
    void cliRefusals();

  private:
    QTemporaryDir m_dir; // run/ a finished tiny shapes run with an EMA; images/ its test images
    QString m_run, m_images;
    std::vector<int> m_labels;
};

void TestPrediction::initTestCase() {
    if (!canDecodeImages()) QSKIP("this build has no OpenCV imgcodecs");
    ScaleConfig c = tinyConfig(2);
    c.training.progressive.stages = 2;
    c.training.emaDecay = 0.9;
    c.training.trainSamples = 640;
    c.training.valSamples = 200;
    m_run = m_dir.filePath("run");
    TrainControl control;
    RunOptions o;
    o.runDir = m_run.toStdString();
    const TrainSummary s = runTraining(c, o, control, [](const TrainEvent&) {});
    QVERIFY2(s.completed, s.error.c_str());
    // The test images exactly as the run validated on them: drawn at its largest size, 32 px.
    const Dataset d = loadDataset(c.training, 32, /*withTrain=*/false);
    m_images = m_dir.filePath("images");
    m_labels = writeImages(d.val, m_images, 200);
    QCOMPARE(int(m_labels.size()), 200);
}

void TestPrediction::classifiesAsEvaluationScores() {
    const EvaluationReport e = evaluateRun(m_run.toStdString(), {});
    const PredictionReport r = predictImages(m_run.toStdString(), {m_images.toStdString()}, {});
    QCOMPARE(r.weights, std::string("EMA"));
    QCOMPARE(r.dataset, std::string("shapes"));
    QCOMPARE(r.channels, 3);
    QCOMPARE(r.storedSize, 32);
    QCOMPARE(r.imageSize, 32);
    QCOMPARE(r.validatedSize, 32);
    QCOMPARE(r.epochsTrained, 2);
    QCOMPARE(int(r.images.size()), 200);
    QCOMPARE(r.failed(), 0);
    for (const auto& p : r.images) {
        QCOMPARE(p.width, 32);
        QCOMPARE(p.height, 32);
        QCOMPARE(int(p.top.size()), 5);
        double sum = 0;
        for (std::size_t i = 0; i < p.top.size(); ++i) {
            QVERIFY(p.top[i].probability > 0 && p.top[i].probability <= 1);
            if (i > 0) QVERIFY(p.top[i].probability <= p.top[i - 1].probability);
            sum += p.top[i].probability;
        }
        QVERIFY(sum <= 1 + 1e-6); // softmax in float32
    }
    // The same pixels, weights and arithmetic: image by image, the predictions add up to the
    // evaluation's confusion matrix (rows true classes, columns predictions).
    QCOMPARE(confusionOf(r, m_labels), e.sizes.front().confusion);
}

void TestPrediction::classFromFolder_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("expected");
    QTest::newRow("as named") << "photos/Sneaker/a.png" << 7;
    QTest::newRow("case and punctuation") << "x/ankle_boot/a.png" << 9;
    QTest::newRow("one part of a/b") << "x/t-shirt/a.png" << 0;
    QTest::newRow("the other part") << "x/TOP/a.png" << 0;
    QTest::newRow("both parts") << "x/T-shirt top/a.png" << 0;
    QTest::newRow("shirt is not t-shirt") << "/data/shirt/b.jpg" << 6;
    QTest::newRow("nearest folder only") << "x/Bag/holiday/a.png" << -1;
    QTest::newRow("no class") << "photos/a.png" << -1;
    QTest::newRow("no folder") << "a.png" << -1;
    QTest::newRow("plural") << "x/sneakers/a.png" << -1;
    QTest::newRow("only punctuation") << "x/--/a.png" << -1;
}

void TestPrediction::classFromFolder() {
    QFETCH(QString, path);
    QFETCH(int, expected);
    const std::vector<std::string> fashion = {"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                              "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                              "Bag",         "Ankle boot"};
    QCOMPARE(train::classFromFolder(path.toStdString(), fashion), expected);
}

void TestPrediction::classFoldersScoreAsEvaluation() {
    // The run's test images again, each in a folder named after its class: the folders label
    // them, and the labelled score is the evaluation's top-1 and top-5, image for image.
    const EvaluationReport e = evaluateRun(m_run.toStdString(), {});
    const QString root = m_dir.filePath("by-class");
    for (int i = 0; i < 200; ++i) {
        const QString folder =
            root + '/' + QString::fromStdString(e.classes[std::size_t(m_labels[std::size_t(i)])]);
        QVERIFY(QDir().mkpath(folder));
        const QString name = QStringLiteral("img_%1.png").arg(i, 3, 10, QChar('0'));
        QVERIFY(QFile::copy(QDir(m_images).filePath(name), folder + '/' + name));
    }
    const PredictionReport r = predictImages(m_run.toStdString(), {root.toStdString()}, {});
    QCOMPARE(int(r.images.size()), 200);
    for (const auto& p : r.images)
        QCOMPARE(r.classes[std::size_t(p.label)],
                 QFileInfo(QString::fromStdString(p.path)).dir().dirName().toStdString());
    const auto score = r.labelledScore();
    QCOMPARE(score.images, 200);
    QCOMPARE(score.top1, int(std::lround(e.sizes.front().top1 * 200)));
    QCOMPARE(score.topK, int(std::lround(e.sizes.front().topK * 200)));
    QVERIFY(score.top1 < score.topK); // a tiny run: some right answers are not first

    // The CLI reports the same, and lists each file's folder class.
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"), {"predict", "--run-dir", m_run, root});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString line =
        QStringLiteral("labelled by their folder: 200 files, top-1 %1% (%2 right), "
                       "top-5 %3% (%4)")
            .arg(100.0 * score.top1 / 200, 0, 'f', 2)
            .arg(score.top1)
            .arg(100.0 * score.topK / 200, 0, 'f', 2)
            .arg(score.topK);
    QVERIFY2(out.contains(line), qPrintable(out.right(300)));
    QVERIFY(out.contains("folder"));
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            {"predict", "--run-dir", m_run, "--json", root});
    QVERIFY(p.waitForFinished(120000));
    const auto j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(j["labelled"].toObject()["top1"].toInt(), score.top1);
    QCOMPARE(j["labelled"].toObject()["images"].toInt(), 200);
    QCOMPARE(j["images"].toArray()[0].toObject()["label"].toString(),
             QString::fromStdString(r.classes[std::size_t(r.images[0].label)]));
}

void TestPrediction::greyDatasetAsEvaluationScores() {
    if (!QFile::exists("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    ScaleConfig c = tinyConfig(1);
    c.training.dataset = "fashion-mnist";
    c.training.progressive.stages = 1;
    c.training.progressive.minImageSize = 32;
    c.training.trainSamples = 320;
    c.training.valSamples = 100;
    QTemporaryDir dir;
    TrainControl control;
    RunOptions o;
    o.runDir = dir.filePath("run").toStdString();
    const TrainSummary s = runTraining(c, o, control, [](const TrainEvent&) {});
    QVERIFY2(s.completed, s.error.c_str());
    // 28 px grey files, upscaled to the 32 px the run validated at, as its test images were.
    const Dataset d = loadDataset(c.training, 32, /*withTrain=*/false);
    const std::vector<int> labels = writeImages(d.val, dir.filePath("images"), 100);
    QCOMPARE(int(labels.size()), 100);
    const PredictionReport r = predictImages(o.runDir, {dir.filePath("images").toStdString()}, {});
    QCOMPARE(r.channels, 1);
    QCOMPARE(r.storedSize, 28);
    QCOMPARE(r.imageSize, 32);
    QCOMPARE(r.classes.front(), std::string("T-shirt/top"));
    QCOMPARE(r.images.front().width, 28);
    QCOMPARE(confusionOf(r, labels), evaluateRun(o.runDir, {}).sizes.front().confusion);
    // What the model was given: the file's own pixels, one grey channel of 28 x 28.
    PredictionRequest keep;
    keep.keepInputSize = 64; // larger than the square: kept as it is
    const PredictionReport k =
        predictImages(o.runDir, {dir.filePath("images/img_000.png").toStdString()}, keep);
    const auto first = d.val.images[0].contiguous();
    QCOMPARE(k.images.front().input,
             std::vector<std::uint8_t>(first.data_ptr<std::uint8_t>(),
                                       first.data_ptr<std::uint8_t>() + 28 * 28));
    QCOMPARE(k.inputSize, 28);
    QVERIFY(r.images.front().input.empty()); // only when asked for
    QCOMPARE(r.inputSize, 0);
    // Asked smaller, each 2 x 2 block is averaged: 14 x 14.
    keep.keepInputSize = 14;
    const PredictionReport small =
        predictImages(o.runDir, {dir.filePath("images/img_000.png").toStdString()}, keep);
    QCOMPARE(small.inputSize, 14);
    QCOMPARE(int(small.images.front().input.size()), 14 * 14);
    const auto* px = first.data_ptr<std::uint8_t>();
    for (int y = 0; y < 14; ++y)
        for (int x = 0; x < 14; ++x) {
            const int sum = px[2 * y * 28 + 2 * x] + px[2 * y * 28 + 2 * x + 1] +
                            px[(2 * y + 1) * 28 + 2 * x] + px[(2 * y + 1) * 28 + 2 * x + 1];
            QVERIFY(std::abs(int(small.images.front().input[std::size_t(y * 14 + x)]) -
                             sum / 4.0) <= 0.5);
        }
    keep.keepInputSize = -1;
    try {
        predictImages(o.runDir, {dir.filePath("images/img_000.png").toStdString()}, keep);
        QFAIL("a negative keep_input_size was not refused");
    } catch (const ValidationError& e) {
        QCOMPARE(e.field(), std::string("prediction.keep_input_size"));
    }
}

void TestPrediction::scaledAndPaddedCopies_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("twice the size (nearest)") << 0; // INTER_AREA halves it back exactly
    QTest::newRow("wider: a black band either side") << 1;
    QTest::newRow("taller: a black band above and below") << 2;
}

void TestPrediction::scaledAndPaddedCopies() {
#ifdef SCALESCOPE_HAVE_IMGCODECS
    QFETCH(int, kind);
    constexpr int kCount = 20;
    QTemporaryDir dir;
    std::vector<std::string> originals, copies;
    for (int i = 0; i < kCount; ++i) {
        const auto name = QStringLiteral("img_%1.png").arg(i, 3, 10, QChar('0'));
        const cv::Mat m = cv::imread(QDir(m_images).filePath(name).toStdString());
        QVERIFY(!m.empty());
        cv::Mat copy;
        if (kind == 0)
            cv::resize(m, copy, cv::Size(64, 64), 0, 0, cv::INTER_NEAREST);
        else if (kind == 1)
            cv::copyMakeBorder(m, copy, 0, 0, 16, 16, cv::BORDER_CONSTANT);
        else
            cv::copyMakeBorder(m, copy, 8, 8, 0, 0, cv::BORDER_CONSTANT);
        const QString path = dir.filePath(name);
        QVERIFY(cv::imwrite(path.toStdString(), copy));
        originals.push_back(QDir(m_images).filePath(name).toStdString());
        copies.push_back(path.toStdString());
    }
    const PredictionReport a = predictImages(m_run.toStdString(), originals, {});
    const PredictionReport b = predictImages(m_run.toStdString(), copies, {});
    QCOMPARE(b.images.front().width, kind == 0 ? 64 : kind == 1 ? 64 : 32);
    QCOMPARE(b.images.front().height, kind == 0 ? 64 : kind == 1 ? 32 : 48);
    for (int i = 0; i < kCount; ++i) {
        const auto& pa = a.images[std::size_t(i)];
        const auto& pb = b.images[std::size_t(i)];
        QCOMPARE(pb.top.front().index, pa.top.front().index);
        QVERIFY(std::abs(pb.top.front().probability - pa.top.front().probability) < 1e-6);
    }
#endif
}

void TestPrediction::testSizeAndTopK() {
    const std::vector<std::string> paths{QDir(m_images).filePath("img_000.png").toStdString(),
                                         QDir(m_images).filePath("img_001.png").toStdString()};
    PredictionRequest req;
    const PredictionReport at32 = predictImages(m_run.toStdString(), paths, req);
    req.imageSize = 48;
    req.topK = 12; // more than the 10 classes: all of them, in order
    const PredictionReport at48 = predictImages(m_run.toStdString(), paths, req);
    QCOMPARE(at48.imageSize, 48);
    QCOMPARE(int(at48.images.front().top.size()), 10);
    double sum = 0;
    for (const auto& c : at48.images.front().top)
        sum += c.probability;
    QVERIFY(std::abs(sum - 1.0) < 1e-5);
    QVERIFY(at48.images.front().top.front().probability !=
            at32.images.front().top.front().probability);
    req = {};
    req.trainedWeights = true;
    const PredictionReport trained = predictImages(m_run.toStdString(), paths, req);
    QCOMPARE(trained.weights, std::string("trained"));
    QVERIFY(trained.images.front().top.front().probability !=
            at32.images.front().top.front().probability);
}

void TestPrediction::unreadableFilesAreReported() {
    QTemporaryDir dir;
    QVERIFY(QFile::copy(QDir(m_images).filePath("img_000.png"), dir.filePath("a_good.png")));
    QFile text(dir.filePath("b_text.png"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not an image at all");
    text.close();
    QFile original(QDir(m_images).filePath("img_001.png"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QFile truncated(dir.filePath("c_truncated.png"));
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(original.read(40)); // the signature and part of the header
    truncated.close();
    QFile notes(dir.filePath("notes.txt")); // named on its own: tried, whatever its extension
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("1, 2, 3");
    notes.close();
    const PredictionReport r =
        predictImages(m_run.toStdString(),
                      {dir.path().toStdString(), dir.filePath("notes.txt").toStdString()}, {});
    QCOMPARE(int(r.images.size()), 4); // the folder's three images (not notes.txt), then it
    QCOMPARE(r.failed(), 3);
    QVERIFY(r.images[0].error.empty());
    QCOMPARE(int(r.images[0].top.size()), 5);
    for (int i = 1; i < 4; ++i) {
        QVERIFY(r.images[std::size_t(i)].top.empty());
        QCOMPARE(QString::fromStdString(r.images[std::size_t(i)].error),
                 QStringLiteral("not an image OpenCV can decode"));
    }
    QVERIFY(QString::fromStdString(r.images[3].path).endsWith("notes.txt"));
}

void TestPrediction::imageFilesIn_data() {
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QStringList>("expected"); // relative to the tree; empty: refused
    QTest::addColumn<QString>("message");
    QTest::newRow("nested folders, sorted")
        << QStringList{"tree"} << QStringList{"tree/a.png", "tree/b.JPG", "tree/sub/c.webp"} << "";
    QTest::newRow("a file, then a folder")
        << QStringList{"tree/sub/c.webp", "tree/sub"}
        << QStringList{"tree/sub/c.webp", "tree/sub/c.webp"} << "";
    QTest::newRow("a named file of any name")
        << QStringList{"tree/readme.txt"} << QStringList{"tree/readme.txt"} << "";
    QTest::newRow("nothing") << QStringList{} << QStringList{} << "images: no image file or folder";
    QTest::newRow("missing") << QStringList{"tree/nope.png"} << QStringList{}
                             << "images: TREE/tree/nope.png does not exist";
    QTest::newRow("no images") << QStringList{"tree/empty"} << QStringList{}
                               << "images: TREE/tree/empty has no image files (.jpg, .jpeg";
}

void TestPrediction::imageFilesIn() {
    QFETCH(QStringList, paths);
    QFETCH(QStringList, expected);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QDir(dir.path()).mkpath("tree/sub");
    QDir(dir.path()).mkpath("tree/empty");
    for (const char* f : {"tree/b.JPG", "tree/a.png", "tree/sub/c.webp", "tree/readme.txt",
                          "tree/empty/readme.md"}) {
        QFile file(dir.filePath(f));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    std::vector<std::string> in;
    for (const auto& p : paths)
        in.push_back(dir.filePath(p).toStdString());
    try {
        const auto files = train::imageFilesIn(in);
        QVERIFY2(message.isEmpty(), "accepted");
        QStringList got;
        for (const auto& f : files)
            got << QDir(dir.path()).relativeFilePath(QString::fromStdString(f));
        QCOMPARE(got, expected);
    } catch (const ValidationError& e) {
        QVERIFY2(!message.isEmpty(), e.what());
        QVERIFY2(QString(e.what()).contains(message.replace("TREE", dir.path())), e.what());
    }
}

void TestPrediction::badRequests_data() {
    QTest::addColumn<int>("topK");
    QTest::addColumn<int>("imageSize");
    QTest::addColumn<int>("batch");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("runDir"); // RUN: the tiny run
    QTest::addColumn<QString>("message");
    QTest::newRow("top 0") << 0 << 0 << 0 << ""
                           << "RUN"
                           << "prediction.top_k: must be between 1";
    QTest::newRow("top 1001") << 1001 << 0 << 0 << ""
                              << "RUN"
                              << "prediction.top_k";
    QTest::newRow("size 4") << 5 << 4 << 0 << ""
                            << "RUN"
                            << "prediction.image_size";
    QTest::newRow("size 5000") << 5 << 5000 << 0 << ""
                               << "RUN"
                               << "prediction.image_size";
    QTest::newRow("batch -1") << 5 << 0 << -1 << ""
                              << "RUN"
                              << "prediction.batch";
    QTest::newRow("device") << 5 << 0 << 0 << "tpu"
                            << "RUN"
                            << "prediction.device";
    QTest::newRow("batch beyond memory") << 5 << 4096 << 65536 << "cpu"
                                         << "RUN"
                                         << "prediction.batch: classifying with";
    QTest::newRow("not a run") << 5 << 0 << 0 << ""
                               << "/tmp"
                               << "run_dir: /tmp has no config.json";
    QTest::newRow("no folder") << 5 << 0 << 0 << ""
                               << "/nonexistent"
                               << "run_dir: /nonexistent is not a folder";
}

void TestPrediction::badRequests() {
    QFETCH(int, topK);
    QFETCH(int, imageSize);
    QFETCH(int, batch);
    QFETCH(QString, device);
    QFETCH(QString, runDir);
    QFETCH(QString, message);
    PredictionRequest r;
    r.topK = topK;
    r.imageSize = imageSize;
    r.batch = batch;
    r.device = device.toStdString();
    const QString dir = runDir == "RUN" ? m_run : runDir;
    try {
        predictImages(dir.toStdString(), {m_images.toStdString()}, r);
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QVERIFY2(QString(e.what()).startsWith(message), e.what());
    }
}

void TestPrediction::gpuRunOnThisMachine() {
    if (cudaAvailable()) QSKIP("this machine has CUDA: the run's device exists here");
    // The same run as if trained on a GPU: copied with training.device "cuda:0".
    QTemporaryDir copy;
    for (const char* f : {kConfigFile, kCheckpointFile})
        QVERIFY(QFile::copy(QDir(m_run).filePath(f), copy.filePath(f)));
    QFile config(copy.filePath(kConfigFile));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(config.readAll()).object();
    config.close();
    QJsonObject training = root["training"].toObject();
    QCOMPARE(training["device"].toString(), QString("cpu")); // tinyConfig's
    training["device"] = "cuda:0";
    root["training"] = training;
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(QJsonDocument(root).toJson());
    config.close();
    const std::string first = QDir(m_images).filePath("img_000.png").toStdString();
    // Scored on the CPU here, as the original is, unless a GPU is asked for by name.
    const PredictionReport r = predictImages(copy.path().toStdString(), {first}, {});
    QCOMPARE(r.device, std::string("cpu"));
    const PredictionReport original = predictImages(m_run.toStdString(), {first}, {});
    QCOMPARE(r.images[0].top[0].index, original.images[0].top[0].index);
    QCOMPARE(r.images[0].top[0].probability, original.images[0].top[0].probability);
    QCOMPARE(evaluateRun(copy.path().toStdString(), {}).device, std::string("cpu"));
    PredictionRequest onGpu;
    onGpu.device = "cuda";
    try {
        predictImages(copy.path().toStdString(), {first}, onGpu);
        QFAIL("a GPU asked for by name was not refused");
    } catch (const ValidationError& e) {
        QCOMPARE(e.field(), std::string("prediction.device"));
        QVERIFY2(e.reason().find("CUDA is not available") != std::string::npos, e.what());
    }
}

void TestPrediction::cancelStops() {
    PredictionRequest r;
    r.batch = 16;
    std::int64_t seen = 0;
    QVERIFY_THROWS_EXCEPTION(EvaluationCancelled,
                             predictImages(
                                 m_run.toStdString(), {m_images.toStdString()}, r,
                                 [&] { return seen >= 32; },
                                 [&](std::int64_t done, std::int64_t) { seen = done; }));
    QCOMPARE(seen, std::int64_t(32)); // stopped after the second batch of 16
}

void TestPrediction::csvLayout() {
    PredictionReport r;
    r.classes = {"circle", "a, b"};
    ImagePrediction ok;
    ok.path = "x/one.png";
    ok.width = 40;
    ok.height = 30;
    ok.top = {{1, 0.75}, {0, 0.25}};
    ok.label = 1;
    ImagePrediction bad;
    bad.path = "x/two, \"quoted\".png";
    bad.error = "not an image OpenCV can decode";
    r.images = {ok, bad};
    QCOMPARE(QString::fromStdString(predictionCsv(r)),
             QStringLiteral("path,width,height,label,class_1,probability_1,class_2,probability_2,"
                            "error\n"
                            "x/one.png,40,30,\"a, b\",\"a, b\",0.75,circle,0.25,\n"
                            "\"x/two, \"\"quoted\"\".png\",0,0,,,,,,not an image OpenCV can "
                            "decode\n"));
}

void TestPrediction::cliTableJsonCsv() {
    const QString cli = qEnvironmentVariable("SCALESCOPE_CLI");
    const QString first = QDir(m_images).filePath("img_000.png");
    QProcess p;
    p.start(cli, {"predict", "--run-dir", m_run, "--top", "3", first, m_images});
    QVERIFY(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY2(out.contains("2 of 2 epochs, EMA weights, on cpu: the 10 classes of shapes"),
             qPrintable(out));
    QVERIFY2(out.contains("each file: a centred 32 px square, tested at 32 px (validated at)"),
             qPrintable(out));
    QCOMPARE(out.count("img_000.png"), 2);
    QVERIFY(out.contains("32x32"));
    const PredictionReport r = predictImages(m_run.toStdString(), {first.toStdString()}, {});
    QVERIFY(out.contains(QString::fromStdString(r.classes[std::size_t(r.images[0].top[0].index)])));

    p.start(cli, {"predict", "--run-dir", m_run, "--json", m_images});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const auto j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(j["image_size"].toInt(), 32);
    QCOMPARE(j["failed"].toInt(), 0);
    const auto images = j["images"].toArray();
    QCOMPARE(images.size(), 200);
    const auto top = images[0].toObject()["top"].toArray();
    QCOMPARE(top.size(), 5);
    QCOMPARE(top[0].toObject()["index"].toInt(), r.images[0].top[0].index);
    // One image alone against a batch of them: the same up to float32 rounding.
    QVERIFY(std::abs(top[0].toObject()["probability"].toDouble() - r.images[0].top[0].probability) <
            1e-5);

    p.start(cli, {"predict", "--run-dir", m_run, "--csv", "--top", "2", m_images});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const QStringList rows = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split('\n');
    QCOMPARE(rows.size(), 201);
    QCOMPARE(rows[0], QStringLiteral("path,width,height,label,class_1,probability_1,class_2,"
                                     "probability_2,error"));
    QVERIFY2(rows[1].startsWith(first + ",32,32,,"), qPrintable(rows[1])); // "images": no class
}

void TestPrediction::cliRefusals_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no dir") << QStringList{"predict", "IMAGES"} << 2 << "--run-dir: is required";
    QTest::newRow("no images") << QStringList{"predict", "--run-dir", "RUN"} << 2
                               << "IMAGE: give one or more image files or folders";
    QTest::newRow("missing image") << QStringList{"predict", "--run-dir", "RUN", "/nonexistent.png"}
                                   << 2 << "IMAGE: /nonexistent.png does not exist";
    QTest::newRow("not a run") << QStringList{"predict", "--run-dir", "/tmp", "IMAGES"} << 2
                               << "--run-dir: /tmp has no config.json";
    QTest::newRow("top") << QStringList{"predict", "--run-dir", "RUN", "--top", "0", "IMAGES"} << 2
                         << "--top: must be between 1 and 1000";
    QTest::newRow("size") << QStringList{"predict",      "--run-dir", "RUN",
                                         "--image-size", "3",         "IMAGES"}
                          << 2 << "--image-size: must be between 8 and 4096";
    QTest::newRow("size NaN") << QStringList{"predict",      "--run-dir", "RUN",
                                             "--image-size", "nan",       "IMAGES"}
                              << 2 << "--image-size";
    QTest::newRow("device") << QStringList{"predict",  "--run-dir", "RUN",
                                           "--device", "gpu",       "IMAGES"}
                            << 2 << "--device: \"gpu\" is not one of";
    QTest::newRow("both formats") << QStringList{"predict", "--run-dir", "RUN",
                                                 "--json",  "--csv",     "IMAGES"}
                                  << 2 << "--csv: cannot be given with --json";
    QTest::newRow("none decodes") << QStringList{"predict", "--run-dir", "RUN", "RUN/config.json"}
                                  << 1 << "none of the 1 files could be classified";
}

void TestPrediction::cliRefusals() {
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    args.replaceInStrings(QRegularExpression("^RUN"), m_run);
    args.replaceInStrings(QRegularExpression("^IMAGES$"), m_images);
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"), args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), code);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestPrediction)
#include "tst_prediction.moc"
