// Datasets: the synthetic shapes, Fashion-MNIST from Debian, CIFAR-10 binaries, folders.
#include "train/augment.h"
#include "train/datasets.h"

#ifdef SCALESCOPE_HAVE_IMGCODECS
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#endif

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

using namespace scalescope;
using namespace scalescope::train;

class TestDatasets : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void shapesAreDeterministic_data();
    void shapesAreDeterministic();
    void fashionMnist();
    void cifarSkipsCorruptRecords();
    void imageFolderSkipsUnreadableFiles();
    void smallImageFolders_data();
    void smallImageFolders();
    void augmentShapes();
    void mixup();
};

void TestDatasets::shapesAreDeterministic_data() {
    QTest::addColumn<int>("resolution");
    QTest::addColumn<bool>("hard");
    QTest::newRow("easy 32") << 32 << false;
    QTest::newRow("hard 64") << 64 << true;
    QTest::newRow("easy 128") << 128 << false;
}

void TestDatasets::shapesAreDeterministic() {
    QFETCH(int, resolution);
    QFETCH(bool, hard);
    const Split a = renderShapes(50, resolution, hard, 7, 2);
    const Split b = renderShapes(50, resolution, hard, 7, 1); // thread count does not matter
    const Split c = renderShapes(50, resolution, hard, 8, 2);
    QCOMPARE(a.images.sizes().vec(), (std::vector<int64_t>{50, 3, resolution, resolution}));
    QVERIFY(a.images.equal(b.images));
    QVERIFY(!a.images.equal(c.images));
    QCOMPARE(a.labels.bincount().min().item<int64_t>(), int64_t(5)); // balanced: 10 classes
    // Every image has a visible shape: pixels vary.
    QVERIFY(a.images.to(torch::kFloat32).flatten(1).std(1).min().item<float>() > 5.0f);
}

void TestDatasets::fashionMnist() {
    if (!QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    TrainingSettings t;
    t.dataset = "fashion-mnist";
    const Dataset d = loadDataset(t, 28);
    QCOMPARE(d.train.size(), int64_t(60000));
    QCOMPARE(d.val.size(), int64_t(10000));
    QCOMPARE(d.train.images.sizes().vec(), (std::vector<int64_t>{60000, 1, 28, 28}));
    QCOMPARE(d.channels, 1);
    QCOMPARE(int(d.classes.size()), 10);
    QCOMPARE(d.train.labels.bincount().min().item<int64_t>(), int64_t(6000));
    t.trainSamples = 1000;
    QCOMPARE(loadDataset(t, 28).train.size(), int64_t(1000));
}

void TestDatasets::cifarSkipsCorruptRecords() {
    QTemporaryDir dir;
    auto write = [&](const QString& name, int records, int label, bool truncate) {
        std::ofstream f(dir.filePath(name).toStdString(), std::ios::binary);
        for (int r = 0; r < records; ++r) {
            f.put(char(label));
            for (int i = 0; i < 3072; ++i)
                f.put(char(i % 251));
        }
        if (truncate) f.write("\x03\x01\x02", 3); // a broken last record
    };
    write("data_batch_1.bin", 20, 3, true);
    write("data_batch_2.bin", 10, 200, false); // labels out of range: corrupt
    write("test_batch.bin", 5, 1, false);
    TrainingSettings t;
    t.dataset = "cifar10";
    t.dataPath = dir.path().toStdString();
    const Dataset d = loadDataset(t, 32);
    QCOMPARE(d.train.size(), int64_t(20));
    QCOMPARE(d.val.size(), int64_t(5));
    QCOMPARE(d.skippedFiles, 1 + 10 + 3); // truncated record, 10 bad labels, 3 missing batches
    QCOMPARE(d.train.images.sizes().vec(), (std::vector<int64_t>{20, 3, 32, 32}));
}

void TestDatasets::imageFolderSkipsUnreadableFiles() {
#ifndef SCALESCOPE_HAVE_IMGCODECS
    QSKIP("this build has no OpenCV imgcodecs");
#else
    QTemporaryDir dir;
    // Two classes of real PNG and JPEG files, 20 each, plus one broken file in each class.
    const Split shapes = renderShapes(40, 48, false, 3, 1);
    for (int i = 0; i < 40; ++i) {
        const QString cls = i % 2 ? "b_squares" : "a_circles";
        QDir(dir.path()).mkpath(cls);
        const auto img = shapes.images[i].permute({1, 2, 0}).contiguous();
        cv::Mat rgb(48, 48, CV_8UC3, img.data_ptr<std::uint8_t>()), bgr;
        cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
        const QString name =
            dir.filePath(QStringLiteral("%1/%2.%3").arg(cls).arg(i).arg(i % 4 < 2 ? "png" : "jpg"));
        QVERIFY(cv::imwrite(name.toStdString(), bgr));
    }
    for (const char* broken : {"a_circles/broken.jpg", "b_squares/truncated.png"}) {
        QFile f(dir.filePath(broken));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not an image at all");
    }
    QFile notImage(dir.filePath("a_circles/readme.txt")); // ignored: not an image name
    QVERIFY(notImage.open(QIODevice::WriteOnly));
    TrainingSettings t;
    t.dataset = "folder";
    t.dataPath = dir.path().toStdString();
    const Dataset d = loadDataset(t, 32);
    QCOMPARE(int(d.classes.size()), 2);
    QCOMPARE(d.classes[0], std::string("a_circles"));
    QCOMPARE(d.skippedFiles, 2);
    QCOMPARE(d.train.size() + d.val.size(), int64_t(40)); // one in ten held out per class
    QCOMPARE(d.val.size(), int64_t(4));
    QCOMPARE(d.train.images.sizes().vec(), (std::vector<int64_t>{36, 3, 32, 32}));
    t.dataPath = dir.filePath("a_circles").toStdString(); // no class subfolders
    QVERIFY_THROWS_EXCEPTION(ValidationError, loadDataset(t, 32));
#endif
}

void TestDatasets::smallImageFolders_data() {
    QTest::addColumn<QList<int>>("perClass"); // readable PNGs in class folders a, b, c, ...
    QTest::addColumn<int>("validated");       // held-out images, or -1 where it is refused
    QTest::addColumn<QString>("message");
    QTest::newRow("three each") << QList<int>{3, 3} << 2 << "";
    QTest::newRow("nine and twelve") << QList<int>{9, 12} << 2 << "";
    QTest::newRow("twenty and one") << QList<int>{20, 1} << 2 << "";
    QTest::newRow("an empty class")
        << QList<int>{3, 0, 4} << -1
        << "no readable images in the class folder b; a class needs images to be learned";
    QTest::newRow("one each") << QList<int>{1, 1} << -1
                              << "has too few images to hold any back for validation";
    QTest::newRow("none") << QList<int>{0, 0} << -1
                          << "has no readable images in its class folders";
}

void TestDatasets::smallImageFolders() {
#ifndef SCALESCOPE_HAVE_IMGCODECS
    QSKIP("this build has no OpenCV imgcodecs");
#else
    QFETCH(QList<int>, perClass);
    QFETCH(int, validated);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const cv::Mat grey(16, 16, CV_8UC3, cv::Scalar(90, 120, 150));
    int total = 0;
    for (int c = 0; c < perClass.size(); ++c) {
        const QString cls = QString(QChar('a' + c));
        QVERIFY(QDir(dir.path()).mkpath(cls));
        for (int i = 0; i < perClass[c]; ++i, ++total)
            QVERIFY(cv::imwrite(
                dir.filePath(QStringLiteral("%1/%2.png").arg(cls).arg(i)).toStdString(), grey));
    }
    TrainingSettings t;
    t.dataset = "folder";
    t.dataPath = dir.path().toStdString();
    if (validated < 0) {
        try {
            loadDataset(t, 16);
            QFAIL("loaded");
        } catch (const ValidationError& e) {
            QCOMPARE(QString::fromStdString(e.field()), QString("training.data_path"));
            QVERIFY2(QString::fromStdString(e.reason()).contains(message), e.what());
        }
        return;
    }
    const Dataset d = loadDataset(t, 16);
    QCOMPARE(int(d.val.size()), validated);
    QCOMPARE(int(d.train.size()), total - validated);
#endif
}

void TestDatasets::augmentShapes() {
    const Split s = renderShapes(16, 48, false, 1, 1);
    AugmentParams p;
    p.imageSize = 32;
    p.randAugment = 9;
    const auto x = augmentTrain(s.images, p, 42);
    QCOMPARE(x.sizes().vec(), (std::vector<int64_t>{16, 3, 32, 32}));
    QVERIFY(torch::isfinite(x).all().item<bool>());
    QVERIFY(augmentTrain(s.images, p, 42).equal(x)); // reproducible for a seed
    QVERIFY(!augmentTrain(s.images, p, 43).equal(x));
    const auto e = prepareEval(s.images, 40);
    QCOMPARE(e.sizes().vec(), (std::vector<int64_t>{16, 3, 40, 40}));
}

void TestDatasets::mixup() {
    auto x = torch::stack({torch::zeros({1, 2, 2}), torch::ones({1, 2, 2})});
    const double lam = mixupInPlace(x, 0.4, 3);
    QVERIFY(lam > 0 && lam < 1);
    QVERIFY(std::abs(x[0].mean().item<double>() - (1 - lam)) < 1e-6);
    QVERIFY(std::abs(x[1].mean().item<double>() - lam) < 1e-6);
    auto y = torch::ones({2, 1, 2, 2});
    QCOMPARE(mixupInPlace(y, 0.0, 3), 1.0);
}

QTEST_APPLESS_MAIN(TestDatasets)
#include "tst_datasets.moc"
