// LibTorch models built from specs: parameter counts equal the analytic ones, shapes, names.
#include "scaling/costs.h"
#include "scaling/presets.h"
#include "train/models.h"

#include <QtTest>

using namespace scalescope;
using namespace scalescope::train;

class TestModels : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }
    void paramsMatchCostModel_data();
    void paramsMatchCostModel();
    void outputShapes_data();
    void outputShapes();
    void timmNames();
    void timmKeysAndShapes_data();
    void timmKeysAndShapes();
    void resnetNames();
    void weightsPickleRoundTrip();
};

void TestModels::paramsMatchCostModel_data() {
    QTest::addColumn<QString>("preset");
    for (const auto& n : presetNames())
        QTest::newRow(n.c_str()) << QString::fromStdString(n);
}

void TestModels::paramsMatchCostModel() {
    QFETCH(QString, preset);
    const Preset p = findPreset(preset.toStdString());
    const ScaledArch arch = scale(baselineSpec(p.baseline), p.request);
    torch::NoGradGuard ng;
    ScaledNet net(arch, arch.baseline.numClasses, arch.baseline.inChannels);
    QCOMPARE(qint64(countParameters(*net)), qint64(computeCosts(arch).params));
}

void TestModels::outputShapes_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("resolution");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("side");
    QTest::newRow("b0@64 rgb") << "efficientnet-b0" << 64 << 3 << 2;
    QTest::newRow("b0@33 gray") << "efficientnet-b0" << 33 << 1 << 2;
    QTest::newRow("v2s@96") << "efficientnetv2-s" << 96 << 3 << 3;
    QTest::newRow("rs50@64") << "resnet-rs-50" << 64 << 3 << 2;
    QTest::newRow("rs50@40 gray") << "resnet-rs-50" << 40 << 1 << 2;
}

void TestModels::outputShapes() {
    QFETCH(QString, preset);
    QFETCH(int, resolution);
    QFETCH(int, channels);
    QFETCH(int, side);
    ScalingRequest r;
    r.resolution = resolution;
    const ScaledArch arch = scale(baselineSpec(preset.toStdString()), r);
    ScaledNet net(arch, 7, channels);
    net->eval();
    torch::NoGradGuard ng;
    const auto x = torch::randn({2, channels, resolution, resolution});
    const auto f = net->features(x);
    QCOMPARE(f.size(2), int64_t(side));
    QCOMPARE(f.size(3), int64_t(side));
    // The cost model predicts the same final grid.
    const CostReport c = computeCosts(arch);
    QCOMPARE(int(f.size(2)), c.layers[c.layers.size() - 2].outH);
    const auto y = net->forward(x);
    QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{2, 7}));
}

void TestModels::timmNames() {
    const ScaledArch arch = scale(baselineSpec("efficientnet-b0"), ScalingRequest{});
    ScaledNet net(arch, 1000, 3);
    const auto params = net->named_parameters();
    const auto buffers = net->named_buffers();
    for (const char* key :
         {"conv_stem.weight", "bn1.weight", "blocks.0.0.conv_dw.weight",
          "blocks.0.0.se.conv_reduce.bias", "blocks.0.0.conv_pw.weight", "blocks.0.0.bn2.bias",
          "blocks.1.0.conv_pw.weight", "blocks.1.0.conv_dw.weight", "blocks.1.0.conv_pwl.weight",
          "blocks.1.0.bn3.weight", "blocks.6.0.se.conv_expand.weight", "conv_head.weight",
          "bn2.weight", "classifier.weight"})
        QVERIFY2(params.contains(key), key);
    QVERIFY(buffers.contains("bn2.running_var"));
    QVERIFY(buffers.contains("blocks.5.3.bn3.num_batches_tracked"));
    QCOMPARE(params["blocks.1.0.conv_dw.weight"].sizes().vec(),
             (std::vector<int64_t>{96, 1, 3, 3}));
    QCOMPARE(params["blocks.0.0.se.conv_reduce.weight"].sizes().vec(),
             (std::vector<int64_t>{8, 32, 1, 1}));
    const ScaledArch v2 = scale(baselineSpec("efficientnetv2-s"), ScalingRequest{});
    ScaledNet netV2(v2, 1000, 3);
    const auto p2 = netV2->named_parameters();
    QVERIFY(p2.contains("blocks.0.0.conv.weight"));     // ConvBnAct ("cn")
    QVERIFY(p2.contains("blocks.1.0.conv_exp.weight")); // EdgeResidual ("er")
    QVERIFY(p2.contains("blocks.1.0.conv_pwl.weight"));
}

void TestModels::timmKeysAndShapes_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QList<qint64>>("shape");
    // Entries of a timm EfficientNet-B0 state_dict (timm.models.efficientnet.EfficientNet).
    QTest::newRow("stem") << "conv_stem.weight" << QList<qint64>{32, 3, 3, 3};
    QTest::newRow("ds se reduce") << "blocks.0.0.se.conv_reduce.weight"
                                  << QList<qint64>{8, 32, 1, 1};
    QTest::newRow("ds pw") << "blocks.0.0.conv_pw.weight" << QList<qint64>{16, 32, 1, 1};
    QTest::newRow("ds bn2") << "blocks.0.0.bn2.running_var" << QList<qint64>{16};
    QTest::newRow("ir expand") << "blocks.1.0.conv_pw.weight" << QList<qint64>{96, 16, 1, 1};
    QTest::newRow("ir se 96") << "blocks.1.0.se.conv_reduce.weight" << QList<qint64>{4, 96, 1, 1};
    QTest::newRow("ir se 144") << "blocks.1.1.se.conv_reduce.weight" << QList<qint64>{6, 144, 1, 1};
    QTest::newRow("ir pwl") << "blocks.1.1.conv_pwl.weight" << QList<qint64>{24, 144, 1, 1};
    QTest::newRow("dw 5x5") << "blocks.2.0.conv_dw.weight" << QList<qint64>{144, 1, 5, 5};
    QTest::newRow("se 240") << "blocks.2.1.se.conv_reduce.weight" << QList<qint64>{10, 240, 1, 1};
    QTest::newRow("se expand") << "blocks.2.1.se.conv_expand.bias" << QList<qint64>{240};
    QTest::newRow("se 480") << "blocks.3.1.se.conv_reduce.weight" << QList<qint64>{20, 480, 1, 1};
    QTest::newRow("stage 7 se") << "blocks.6.0.se.conv_reduce.weight"
                                << QList<qint64>{48, 1152, 1, 1};
    QTest::newRow("stage 7 pwl") << "blocks.6.0.conv_pwl.weight" << QList<qint64>{320, 1152, 1, 1};
    QTest::newRow("batches tracked") << "bn1.num_batches_tracked" << QList<qint64>{};
}

void TestModels::timmKeysAndShapes() {
    QFETCH(QString, key);
    QFETCH(QList<qint64>, shape);
    static ScaledNet net(scale(baselineSpec("efficientnet-b0"), ScalingRequest{}), 1000, 3);
    std::map<std::string, torch::Tensor> state;
    for (const auto& p : net->named_parameters())
        state[p.key()] = p.value();
    for (const auto& b : net->named_buffers())
        state[b.key()] = b.value();
    const auto it = state.find(key.toStdString());
    QVERIFY2(it != state.end(), qPrintable(key));
    QCOMPARE(it->second.sizes().vec(), std::vector<int64_t>(shape.begin(), shape.end()));
    if (key.endsWith("num_batches_tracked")) QCOMPARE(it->second.scalar_type(), torch::kInt64);
}

void TestModels::resnetNames() {
    const ScaledArch arch = scale(baselineSpec("resnet-rs-50"), ScalingRequest{});
    ScaledNet net(arch, 1000, 3);
    const auto p = net->named_parameters();
    for (const char* key : {"conv1.0.weight", "conv1.6.weight", "bn1.weight", "maxpool.0.weight",
                            "layer1.0.conv1.weight", "layer1.0.downsample.1.weight",
                            "layer2.0.downsample.2.weight", "layer4.2.se.fc1.weight", "fc.weight"})
        QVERIFY2(p.contains(key), key);
    // ResNet-RS starts every residual branch at zero.
    QCOMPARE(p["layer3.4.bn3.weight"].abs().sum().item<double>(), 0.0);
}

void TestModels::weightsPickleRoundTrip() {
    ScalingRequest r;
    r.mode = ScalingRequest::Mode::Explicit;
    r.width = 0.25;
    r.depth = 0.25;
    const ScaledArch arch = scale(baselineSpec("efficientnet-b0"), r);
    ScaledNet net(arch, 10, 3);
    c10::Dict<std::string, at::Tensor> dict;
    for (const auto& p : net->named_parameters())
        dict.insert(p.key(), p.value().detach());
    const auto bytes = torch::pickle_save(dict);
    // torch.save's format: a zip archive whose first entry is data.pkl.
    QVERIFY(bytes.size() > 4 && bytes[0] == 'P' && bytes[1] == 'K');
    const auto back = torch::pickle_load(bytes).toGenericDict();
    QCOMPARE(int(back.size()), int(dict.size()));
    QVERIFY(back.at("classifier.weight")
                .toTensor()
                .equal(net->named_parameters()["classifier.weight"]));
}

QTEST_APPLESS_MAIN(TestModels)
#include "tst_models.moc"
