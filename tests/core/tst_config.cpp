// The configuration schema: round trips and bad files.
#include "scaling/config.h"
#include "scaling/costs.h"
#include "scaling/presets.h"
#include "scaling/specjson.h"
#include "scaling/timmexport.h"

#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

using namespace scalescope;

class TestConfig : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void roundTripPresets_data();
    void roundTripPresets();
    void roundTripEdited();
    void stageEditsCarryTheirMultipliers();
    void fileRoundTripIsAtomic();
    void badJson_data();
    void badJson();
    void deepNestingIsRefusedQuickly();
    void missingFile();
    void differenceNamesTheFields_data();
    void differenceNamesTheFields();
    void timmArchDef();
    void timmRefusesWhatItCannotBuild();
    void timmRefusesResNet();
};

void TestConfig::roundTripPresets_data() {
    QTest::addColumn<QString>("preset");
    for (const auto& n : presetNames())
        QTest::newRow(n.c_str()) << QString::fromStdString(n);
}

void TestConfig::roundTripPresets() {
    QFETCH(QString, preset);
    const ScaleConfig c = configForPreset(preset.toStdString());
    const ScaleConfig back = configFromJson(Json::parse(configToJson(c).dump()));
    QVERIFY(back == c);
    const CostReport a = computeCosts(scale(c.baseline, c.request));
    const CostReport b = computeCosts(scale(back.baseline, back.request));
    QCOMPARE(a.params, b.params);
    QCOMPARE(a.macs, b.macs);
    QCOMPARE(a.layers.size(), b.layers.size());
}

void TestConfig::roundTripEdited() {
    ScaleConfig c = configForPreset("efficientnetv2-s");
    c.request.coefficients = {1.13, 1.07, 1.19, -0.7}; // awkward doubles must survive
    c.request.stages.assign(c.baseline.stages.size(), StageMultiplier{});
    c.request.stages[3] = {1.37, 0.9};
    c.request.maxResolution = 320;
    c.baseline.stages[1].kernel = 5;
    c.training.dataset = "fashion-mnist";
    c.training.progressive.schedule = ProgressiveSettings::Schedule::Code;
    c.training.progressive.mixupMax = 0.35;
    c.training.seed = 123456789012345ull;
    c.training.cudaGraphs = false;    // not the default
    c.training.cudnnBenchmark = true; // nor this
    c.training.validateEvery = 3;
    c.training.init = "zero-last";
    const ScaleConfig back = configFromJson(Json::parse(configToJson(c).dump(2)));
    QVERIFY(back == c);
}

// A copied stage takes its multipliers along and a removed one drops them, so every other
// stage keeps its own; the edited configuration round-trips and scales.
void TestConfig::stageEditsCarryTheirMultipliers() {
    ScaleConfig c = configForPreset("efficientnet-b0");
    const ScaleConfig plain = withStageDuplicated(c, 6);
    QCOMPARE(plain.baseline.stages.size(), size_t(8));
    QVERIFY(plain.request.stages.empty()); // every stage at 1x, the copy too
    QVERIFY(plain.baseline.stages[7] == c.baseline.stages[6]);

    c.request.stages.assign(7, StageMultiplier{});
    c.request.stages[2] = {2.0, 1.5};
    c.request.stages[4] = {1.0, 0.5};
    const ScaleConfig copied = withStageDuplicated(c, 2);
    QCOMPARE(copied.request.stages.size(), size_t(8));
    QVERIFY(copied.request.stages[3] == (StageMultiplier{2.0, 1.5}));
    QVERIFY(copied.request.stages[5] == (StageMultiplier{1.0, 0.5})); // stage 5, moved on
    const ScaleConfig removed = withStageRemoved(copied, 0);
    QCOMPARE(removed.baseline.stages.size(), size_t(7));
    QVERIFY(removed.baseline.stages[0] == c.baseline.stages[1]);
    QVERIFY(removed.request.stages[1] == (StageMultiplier{2.0, 1.5}));
    QVERIFY(removed.request.stages[4] == (StageMultiplier{1.0, 0.5}));
    QVERIFY(configFromJson(configToJson(removed)) == removed);
    const ScaledArch arch = scale(removed.baseline, removed.request);
    QCOMPARE(arch.stages[1].spec.repeats, 4); // B0's stage 3: 2 repeats at depth 2
    QCOMPARE(arch.stages[2].spec.repeats, 4);

    for (int stage : {-1, 7}) {
        try {
            withStageRemoved(c, stage);
            QFAIL("a stage that does not exist was removed");
        } catch (const ValidationError& e) {
            QCOMPARE(QString::fromStdString(e.field()), QString("stages"));
            QVERIFY2(QString::fromStdString(e.reason()).contains("has stages 1-7"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(ValidationError, withStageDuplicated(c, stage));
    }
}

void TestConfig::fileRoundTripIsAtomic() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("model.json").toStdString();
    ScaleConfig c = configForPreset("efficientnet-b3");
    saveConfig(c, path);
    QVERIFY(!QFile::exists(QString::fromStdString(path + ".tmp")));
    QVERIFY(loadConfig(path) == c);
    // Saving into a folder that does not exist fails cleanly and names the file.
    try {
        saveConfig(c, dir.filePath("no/such/dir/x.json").toStdString());
        QFAIL("wrote into a missing folder");
    } catch (const ValidationError& e) {
        QVERIFY(QString::fromStdString(e.field()).endsWith("x.json"));
    }
}

void TestConfig::badJson_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    const QString ok = R"("format":"scalescope-config","version":1,"baseline":"efficientnet-b0")";
    QTest::newRow("not json") << "this is not json"
                              << "config";
    QTest::newRow("array top") << "[1,2]"
                               << "(top level)";
    QTest::newRow("wrong format") << R"({"format":"x","version":1})"
                                  << "format";
    QTest::newRow("future version") << R"({"format":"scalescope-config","version":9})"
                                    << "version";
    QTest::newRow("unknown key") << "{" + ok + R"(,"scaling":{},"colour":1})"
                                 << "colour";
    QTest::newRow("unknown nested") << "{" + ok + R"(,"scaling":{"phii":1}})"
                                    << "scaling.phii";
    QTest::newRow("wrong type") << "{" + ok + R"(,"scaling":{"phi":"two"}})"
                                << "scaling.phi";
    QTest::newRow("alpha 0") << "{" + ok + R"(,"scaling":{"alpha":0}})"
                             << "alpha";
    QTest::newRow("phi 1e9") << "{" + ok + R"(,"scaling":{"phi":1e9}})"
                             << "phi";
    QTest::newRow("huge number") << "{" + ok + R"(,"scaling":{"phi":1e999}})"
                                 << "config";
    QTest::newRow("unknown baseline")
        << R"({"format":"scalescope-config","version":1,"baseline":"vgg","scaling":{}})"
        << "baseline";
    QTest::newRow("stage 9") << "{" + ok + R"(,"scaling":{},"stages":[{"stage":9,"depth":2}]})"
                             << "stages[0].stage";
    QTest::newRow("stage depth -1")
        << "{" + ok + R"(,"scaling":{},"stages":[{"stage":2,"depth":-1}]})"
        << "stage 2 depth";
    QTest::newRow("bad batch") << "{" + ok + R"(,"scaling":{},"training":{"batch_size":-4}})"
                               << "training.batch_size";
    QTest::newRow("bad dataset") << "{" + ok + R"(,"scaling":{},"training":{"dataset":"imagenet"}})"
                                 << "training.dataset";
    QTest::newRow("fractional epochs") << "{" + ok + R"(,"scaling":{},"training":{"epochs":2.5}})"
                                       << "training.epochs";
    QTest::newRow("cuda graphs not a bool")
        << "{" + ok + R"(,"scaling":{},"training":{"cuda_graphs":"yes"}})"
        << "training.cuda_graphs";
    QTest::newRow("cudnn benchmark not a bool")
        << "{" + ok + R"(,"scaling":{},"training":{"cudnn_benchmark":1}})"
        << "training.cudnn_benchmark";
    QTest::newRow("unknown init") << "{" + ok + R"(,"scaling":{},"training":{"init":"he"}})"
                                  << "training.init";
    QTest::newRow("init not a string") << "{" + ok + R"(,"scaling":{},"training":{"init":0}})"
                                       << "training.init";
    QTest::newRow("validate every 0")
        << "{" + ok + R"(,"scaling":{},"training":{"validate_every":0}})"
        << "training.validate_every";
    QTest::newRow("validate every half")
        << "{" + ok + R"(,"scaling":{},"training":{"validate_every":0.5}})"
        << "training.validate_every";
    QTest::newRow("eval size 1e6")
        << "{" + ok + R"(,"scaling":{},"training":{"progressive":{"eval_image_size":1000000}}})"
        << "training.progressive.eval_image_size";
    QTest::newRow("min above max")
        << "{" + ok +
               R"(,"scaling":{},"training":{"progressive":{"dropout_min":0.5,"dropout_max":0.1}}})"
        << "training.progressive.dropout_min";
    QTest::newRow("min size above max")
        << "{" + ok +
               R"(,"scaling":{},"training":{"progressive":{"min_image_size":500,"max_image_size":64}}})"
        << "training.progressive.min_image_size";
    QTest::newRow("spec kernel even")
        << R"({"format":"scalescope-config","version":1,"scaling":{},"baseline":{"name":"x","family":"efficientnet","resolution":64,"stem":{"channels":8},"stages":[{"block":"mbconv","repeats":1,"kernel":4,"channels":8}],"head":{}}})"
        << "baseline.stages[0].kernel";
    QTest::newRow("spec wrong block")
        << R"({"format":"scalescope-config","version":1,"scaling":{},"baseline":{"name":"x","family":"efficientnet","resolution":64,"stem":{"channels":8},"stages":[{"block":"bottleneck","repeats":1,"channels":8}],"head":{}}})"
        << "baseline.stages[0].block";
    QTest::newRow("spec channels absurd")
        << R"({"format":"scalescope-config","version":1,"scaling":{},"baseline":{"name":"x","family":"efficientnet","resolution":64,"stem":{"channels":8},"stages":[{"block":"mbconv","repeats":1,"channels":1e12}],"head":{}}})"
        << "baseline.stages[0].channels";
}

void TestConfig::badJson() {
    QFETCH(QString, text);
    QFETCH(QString, field);
    try {
        configFromJson(parseJsonText(text.toStdString(), "config"));
        QFAIL("accepted a bad configuration");
    } catch (const ValidationError& e) {
        QVERIFY2(QString::fromStdString(e.field()).endsWith(field), e.what());
        QVERIFY(!e.reason().empty());
    }
}

void TestConfig::deepNestingIsRefusedQuickly() {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    QElapsedTimer t;
    t.start();
    QVERIFY_THROWS_EXCEPTION(ValidationError, parseJsonText(deep, "deep.json"));
    const std::string deepObj = "{\"a\":" + std::string(100000, '[');
    QVERIFY_THROWS_EXCEPTION(ValidationError, parseJsonText(deepObj, "deep.json"));
    // Brackets inside strings are text, not nesting.
    const Json j = parseJsonText("{\"s\":\"" + std::string(1000, '[') + "\"}", "s.json");
    QCOMPARE(j["s"].get<std::string>().size(), size_t(1000));
}

void TestConfig::missingFile() {
    try {
        loadConfig("/nonexistent/model.json");
        QFAIL("loaded a missing file");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.field()), QString("/nonexistent/model.json"));
    }
    QTemporaryDir dir;
    try {
        loadConfig(dir.path().toStdString());
        QFAIL("loaded a folder");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.reason()),
                 QString("is a folder, not a configuration file"));
    }
}

void TestConfig::differenceNamesTheFields_data() {
    QTest::addColumn<int>("edit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equal") << 0 << "";
    QTest::newRow("one training field") << 1 << "training.epochs: 4 there, 9 here";
    QTest::newRow("a stage's kernel") << 2 << "baseline.stages[3].kernel: 3 there, 5 here";
    QTest::newRow("mode, not its keys")
        << 3 << "scaling.mode: \"compound\" there, \"explicit\" here";
    QTest::newRow("three of four")
        << 4
        << "training.batch_size: 64 there, 8 here; training.epochs: 4 there, 9 here; "
           "training.learning_rate: 0.05 there, 0.2 here; …";
    QTest::newRow("the preset's name alone")
        << 5 << "preset: \"efficientnet-b0\" there, absent here";
    QTest::newRow("the preset's name beside a change") << 6 << "training.seed: 1 there, 2 here";
    QTest::newRow("a stage more") << 7 << "baseline.stages: 7 entries there, 8 here";
}

void TestConfig::differenceNamesTheFields() {
    QFETCH(int, edit);
    QFETCH(QString, expected);
    const ScaleConfig there = configForPreset("efficientnet-b0");
    ScaleConfig here = there;
    switch (edit) {
    case 1:
        here.training.epochs = 9;
        break;
    case 2:
        here.baseline.stages[3].kernel = 5;
        break;
    case 3:
        here.request.mode = ScalingRequest::Mode::Explicit;
        break;
    case 4:
        here.training.epochs = 9;
        here.training.batchSize = 8;
        here.training.learningRate = 0.2;
        here.training.seed = 7;
        break;
    case 5:
        here.preset.clear();
        break;
    case 6:
        here.preset.clear();
        here.training.seed = 2;
        break;
    case 7:
        here.baseline.stages.push_back(here.baseline.stages.back());
        break;
    }
    QCOMPARE(QString::fromStdString(configDifference(there, here)), expected);
}

void TestConfig::timmArchDef() {
    const ScaleConfig b0 = configForPreset("efficientnet-b0");
    const auto def = scalescope::timmArchDef(scale(b0.baseline, b0.request));
    QCOMPARE(def.size(), size_t(7));
    QCOMPARE(QString::fromStdString(def[0][0]), QString("ds_r1_k3_s1_e1_c16_se0.25"));
    QCOMPARE(QString::fromStdString(def[1][0]), QString("ir_r2_k3_s2_e6_c24_se0.25"));
    QCOMPARE(QString::fromStdString(def[5][0]), QString("ir_r4_k5_s2_e6_c192_se0.25"));
    const ScaleConfig b7 = configForPreset("efficientnet-b7");
    const auto def7 = scalescope::timmArchDef(scale(b7.baseline, b7.request));
    QCOMPARE(QString::fromStdString(def7[5][0]), QString("ir_r13_k5_s2_e6_c384_se0.25"));
    const ScaleConfig v2 = configForPreset("efficientnetv2-s");
    const auto defv2 = scalescope::timmArchDef(scale(v2.baseline, v2.request));
    QCOMPARE(QString::fromStdString(defv2[0][0]), QString("cn_r2_k3_s1_e1_c24_skip"));
    QCOMPARE(QString::fromStdString(defv2[1][0]), QString("er_r4_k3_s2_e4_c48"));
    QCOMPARE(QString::fromStdString(defv2[5][0]), QString("ir_r15_k3_s2_e6_c256_se0.25"));
    QVERIFY(QString::fromStdString(timmArchDefPython(scale(b7.baseline, b7.request)))
                .contains("stem_size=64, num_features=2560"));
}

void TestConfig::timmRefusesWhatItCannotBuild() {
    // B0's first stage made Fused-MBConv keeps its expansion 1 and SE 0.25: timm's ConvBnAct
    // ("cn") would drop the SE, so the export is refused by the field to change.
    ScaleConfig b0 = configForPreset("efficientnet-b0");
    b0.baseline.stages[0].block = BlockType::FusedMBConv;
    b0.baseline.stages[1].block = BlockType::FusedMBConv;
    try {
        scalescope::timmArchDef(scale(b0.baseline, b0.request));
        QFAIL("exported");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.field()), QString("stages[0].se_ratio"));
    }
    b0.baseline.stages[0].seRatio = 0;
    const auto def = scalescope::timmArchDef(scale(b0.baseline, b0.request));
    QCOMPARE(QString::fromStdString(def[0][0]), QString("cn_r1_k3_s1_e1_c16_skip"));
    QCOMPARE(QString::fromStdString(def[1][0]), QString("er_r2_k3_s2_e6_c24_se0.25"));
}

void TestConfig::timmRefusesResNet() {
    const ScaleConfig rs = configForPreset("resnet-rs-50");
    QVERIFY_THROWS_EXCEPTION(ValidationError,
                             scalescope::timmArchDef(scale(rs.baseline, rs.request)));
}

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
