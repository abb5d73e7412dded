// scalescope-cli as users run it: output, exit codes, and messages for bad input.
#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

class TestCli : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void inspectTable();
    void inspectJson_data();
    void inspectJson();
    void stageEdits_data();
    void stageEdits();
    void inspectAgainst_data();
    void inspectAgainst();
    void gridLists();
    void studyLists();
    void exportRoundTrip();
    void exportTimm();
    void badInput_data();
    void badInput();

  private:
    using Result = CliResult;
    Result run(const QStringList& args, int timeoutMs = 20000);
};

TestCli::Result TestCli::run(const QStringList& args, int timeoutMs) {
    return runCli(args, timeoutMs);
}

void TestCli::inspectTable() {
    const Result r = run({"inspect", "--preset", "efficientnet-b0"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("params 5,288,548"));
    QVERIFY(r.out.contains("multiply-adds"));
    QVERIFY(r.out.contains("stage 7"));
    QVERIFY(r.out.contains("MBConv6 k5"));
    QVERIFY(r.out.contains("alpha*beta^2*gamma^2 = 1.9203"));
    const Result b3 = run({"inspect", "--preset", "efficientnet-b3"});
    QVERIFY(b3.out.contains("official table"));
}

void TestCli::inspectJson_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<qint64>("params");
    QTest::addColumn<int>("resolution");
    QTest::newRow("b0") << QStringList{"--preset", "efficientnet-b0"} << qint64(5288548) << 224;
    QTest::newRow("v2-s") << QStringList{"--preset", "efficientnetv2-s"} << qint64(21458488) << 384;
    QTest::newRow("b7") << QStringList{"--preset=efficientnet-b7"} << qint64(66347960) << 600;
    QTest::newRow("phi 0 explicit") << QStringList{"--phi", "0"} << qint64(5288548) << 224;
    QTest::newRow("resolution only")
        << QStringList{"--resolution", "300"} << qint64(5288548) << 300;
    QTest::newRow("cap") << QStringList{"--phi", "4", "--max-resolution", "320"} << qint64(-1)
                         << 320;
}

void TestCli::inspectJson() {
    QFETCH(QStringList, args);
    QFETCH(qint64, params);
    QFETCH(int, resolution);
    const Result r = run(QStringList{"inspect", "--json"} + args);
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    if (params >= 0) QCOMPARE(qint64(o["params"].toDouble()), params);
    QCOMPARE(o["resolution"].toInt(), resolution);
    QVERIFY(o["macs"].toDouble() > 0);
    QVERIFY(o["stages"].toArray().size() >= 6);
}

// --duplicate-stage and --remove-stage edit the baseline's stages, numbered as the
// configuration has them; --stage-depth numbers the stages after the edits, and a copy carries
// the configuration's multipliers of the stage it copies.
void TestCli::stageEdits_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QList<int>>("channels"); // the stages', stem and head left out
    QTest::addColumn<QList<int>>("repeats");
    QTest::newRow("B0 as it is") << QStringList{} << QList<int>{16, 24, 40, 80, 112, 192, 320}
                                 << QList<int>{1, 2, 2, 3, 3, 4, 1};
    QTest::newRow("last stage out")
        << QStringList{"--remove-stage", "7"} << QList<int>{16, 24, 40, 80, 112, 192}
        << QList<int>{1, 2, 2, 3, 3, 4};
    QTest::newRow("a copy of stage 6, deepened")
        << QStringList{"--duplicate-stage", "6", "--stage-depth", "7=2"}
        << QList<int>{16, 24, 40, 80, 112, 192, 192, 320} << QList<int>{1, 2, 2, 3, 3, 4, 8, 1};
    QTest::newRow("first out, last copied")
        << QStringList{"--remove-stage", "1", "--duplicate-stage", "7"}
        << QList<int>{24, 40, 80, 112, 192, 320, 320} << QList<int>{2, 2, 3, 3, 4, 1, 1};
    QTest::newRow("two copies, in a list and a flag")
        << QStringList{"--duplicate-stage", "2,5", "--duplicate-stage", "2"}
        << QList<int>{16, 24, 24, 24, 40, 80, 112, 112, 192, 320}
        << QList<int>{1, 2, 2, 2, 2, 3, 3, 3, 4, 1};
    QTest::newRow("the file's multiplier goes with the copy")
        << QStringList{"--config", "FILE", "--duplicate-stage", "3"}
        << QList<int>{16, 24, 40, 40, 80, 112, 192, 320} << QList<int>{1, 2, 4, 4, 3, 3, 4, 1};
}

void TestCli::stageEdits() {
    QFETCH(QStringList, args);
    QFETCH(QList<int>, channels);
    QFETCH(QList<int>, repeats);
    QTemporaryDir dir;
    const QString file = dir.filePath("deep3.json"); // B0 with stage 3 at depth 2
    QCOMPARE(run({"export", "--stage-depth", "3=2", "--output", file}).code, 0);
    args.replaceInStrings(QRegularExpression("^FILE$"), file);
    const Result r = run(QStringList{"inspect", "--json"} + args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).object()["stages"].toArray();
    QList<int> gotChannels, gotRepeats;
    for (const auto& v : rows) {
        const QJsonObject row = v.toObject();
        if (!row["name"].toString().startsWith("stage ")) continue; // the stem and the head
        gotChannels << row["channels"].toInt();
        gotRepeats << row["repeats"].toInt();
    }
    QCOMPARE(gotChannels, channels);
    QCOMPARE(gotRepeats, repeats);
}

// --against: the ratios to a preset or a configuration file, in the table and in JSON, with
// compound scaling's prediction where only phi differs.
void TestCli::inspectAgainst_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("against");
    QTest::addColumn<bool>("predicted");
    QTest::addColumn<bool>("stagesPair");
    QTest::newRow("B0 phi 2 against B0")
        << QStringList{"--phi", "2"} << "efficientnet-b0" << true << true;
    QTest::newRow("other beta") << QStringList{"--phi", "2", "--beta", "1.2"} << "efficientnet-b0"
                                << false << true;
    QTest::newRow("official B3 against B0")
        << QStringList{"--preset", "efficientnet-b3"} << "efficientnet-b0" << false << true;
    QTest::newRow("V2-S against B0")
        << QStringList{"--preset", "efficientnetv2-s"} << "efficientnet-b0" << false << false;
    QTest::newRow("against a file") << QStringList{"--phi", "1"} << "FILE" << true << true;
}

void TestCli::inspectAgainst() {
    QFETCH(QStringList, args);
    QFETCH(QString, against);
    QFETCH(bool, predicted);
    QFETCH(bool, stagesPair);
    QTemporaryDir dir;
    if (against == "FILE") { // B0 at phi -1, written by export
        against = dir.filePath("ref.json");
        QCOMPARE(run({"export", "--phi", "-1", "--output", against}).code, 0);
    }
    const Result mine = run(QStringList{"inspect", "--json"} + args);
    const Result ref =
        run(against.endsWith(".json") ? QStringList{"inspect", "--json", "--config", against}
                                      : QStringList{"inspect", "--json", "--preset", against});
    QCOMPARE(mine.code, 0);
    QCOMPARE(ref.code, 0);
    const QJsonObject m = QJsonDocument::fromJson(mine.out.toUtf8()).object();
    const QJsonObject r = QJsonDocument::fromJson(ref.out.toUtf8()).object();

    const Result j = run(QStringList{"inspect", "--json", "--against", against} + args);
    QCOMPARE(j.code, 0);
    const QJsonObject a = QJsonDocument::fromJson(j.out.toUtf8()).object()["against"].toObject();
    QCOMPARE(a["params"].toDouble(), r["params"].toDouble());
    QCOMPARE(a["params_ratio"].toDouble(), m["params"].toDouble() / r["params"].toDouble());
    QCOMPARE(a["macs_ratio"].toDouble(), m["macs"].toDouble() / r["macs"].toDouble());
    QCOMPARE(a["activation_bytes_ratio"].toDouble(),
             m["activation_bytes_per_image"].toDouble() /
                 r["activation_bytes_per_image"].toDouble());
    QCOMPARE(a["stages_pair"].toBool(), stagesPair);
    QCOMPARE(a.contains("predicted_macs_ratio"), predicted);
    if (predicted) { // B0's default coefficients both times, phi 0 -> 2 or -1 -> 1
        const double base = 1.2 * 1.1 * 1.1 * 1.15 * 1.15;
        QVERIFY(std::abs(a["predicted_macs_ratio"].toDouble() - std::pow(base, 2.0)) < 1e-9);
    }

    const Result t = run(QStringList{"inspect", "--against", against} + args);
    QCOMPARE(t.code, 0);
    QVERIFY2(t.out.contains(QString("MACs x%1").arg(a["macs_ratio"].toDouble(), 0, 'f', 2)),
             qPrintable(t.out));
    QCOMPARE(t.out.contains("predicts MACs"), predicted);
}

void TestCli::gridLists() {
    const Result r = run({"grid", "--json", "--step", "0.05", "--tolerance", "0.1"});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray list = o["candidates"].toArray();
    QVERIFY(list.size() > 10);
    bool paper = false;
    for (const auto& v : list) {
        const QJsonObject c = v.toObject();
        const double a = c["alpha"].toDouble(), b = c["beta"].toDouble(), g = c["gamma"].toDouble();
        QVERIFY(std::abs(a * b * b * g * g - 2.0) <= 0.1);
        QCOMPARE(c["depth_multiplier"].toDouble(), a); // phi 1
        paper |= std::abs(a - 1.2) < 1e-9 && std::abs(b - 1.1) < 1e-9 && std::abs(g - 1.15) < 1e-9;
    }
    QVERIFY(paper); // 1.2, 1.1, 1.15: 1.9203
    const Result text = run({"grid", "--limit", "3"});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.err.contains("3 candidates"), qPrintable(text.err));
    QCOMPARE(text.out.count('\n'), 4); // a header and three rows
}

// The study's points as `inspect` builds the same models: compound φ 2 is B0 at φ 2, and the
// single dimensions are the explicit multipliers at the same nominal budget.
void TestCli::studyLists() {
    const Result r = run({"study", "--json", "--phis", "1,2"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray points = QJsonDocument::fromJson(r.out.toUtf8())["points"].toArray();
    QCOMPARE(points.size(), 9); // the configured model, then four strategies at two φ
    QCOMPARE(points[0].toObject()["strategy"].toString(), QString("baseline"));
    QCOMPARE(points[0].toObject()["params"].toInteger(), qint64(5288548));
    const auto inspected = [this](const QStringList& args) {
        return QJsonDocument::fromJson(run(QStringList{"inspect", "--json"} + args).out.toUtf8())
            .object();
    };
    const double budget = std::pow(1.2 * 1.1 * 1.1 * 1.15 * 1.15, 2.0);
    for (const auto& v : points) {
        const QJsonObject p = v.toObject();
        if (p["phi"].toDouble() != 2.0) continue;
        QCOMPARE(p["nominal_macs_ratio"].toDouble(), budget);
        QJsonObject same;
        const QString s = p["strategy"].toString();
        if (s == "compound") same = inspected({"--phi", "2"});
        if (s == "depth") same = inspected({"--depth", QString::number(budget, 'g', 17)});
        if (s == "width")
            same = inspected({"--width", QString::number(std::sqrt(budget), 'g', 17)});
        if (s == "resolution") same = inspected({"--resolution", "432"}); // 224·1.92 = 430 -> 432
        QVERIFY2(!same.isEmpty(), qPrintable(s));
        QCOMPARE(p["macs"].toInteger(), same["macs"].toInteger());
        QCOMPARE(p["params"].toInteger(), same["params"].toInteger());
        QCOMPARE(p["resolution"].toInt(), same["resolution"].toInt());
    }
    const Result text = run({"study", "--phis", "1", "--strategies", "depth,width"});
    QCOMPARE(text.code, 0);
    QCOMPARE(text.out.count('\n'), 4); // a header, the configured model and two points
    QVERIFY(text.out.contains("width"));
    QVERIFY(!text.out.contains("resolution"));
    // A column each: the model's size, the size it trains at and the size it is tested at.
    const QStringList header = text.out.section('\n', 0, 0).split(' ', Qt::SkipEmptyParts);
    const QStringList row = text.out.section('\n', 1, 1).split(' ', Qt::SkipEmptyParts);
    QCOMPARE(row.size(), header.size() + 2); // "5.29 M" and "386 M" hold a space
    QCOMPARE(header.mid(4, 3), QStringList({"size", "train", "test"}));
    QCOMPARE(row.mid(4, 3), QStringList({"224", "224", "224"}));
}

void TestCli::exportRoundTrip() {
    QTemporaryDir dir;
    const QString file = dir.filePath("cfg.json");
    const QStringList scaling{
        "--preset", "efficientnetv2-s", "--phi",        "0.5",           "--alpha",
        "1.1",      "--stage-depth",    "5=1.5,6=1.25", "--stage-width", "6=1.5"};
    QCOMPARE(run(QStringList{"export", "--output", file} + scaling).code, 0);
    const Result direct = run(QStringList{"inspect", "--json"} + scaling);
    const Result fromFile = run({"inspect", "--json", "--config", file});
    QCOMPARE(fromFile.code, 0);
    QCOMPARE(fromFile.out, direct.out);
    // Exporting what was read gives the same file, byte for byte.
    const Result again = run({"export", "--config", file});
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(again.out, QString::fromUtf8(f.readAll()));
}

void TestCli::exportTimm() {
    const Result r = run({"export", "--format", "timm", "--preset", "efficientnet-b0"});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("'ir_r2_k3_s2_e6_c24_se0.25'"));
    QVERIFY(r.out.contains("decode_arch_def"));
}

void TestCli::badInput_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("nan phi") << QStringList{"inspect", "--phi", "nan"}
                             << "--phi: must be a finite number";
    QTest::newRow("inf alpha") << QStringList{"inspect", "--alpha", "inf"}
                               << "--alpha: must be a finite number";
    QTest::newRow("text phi") << QStringList{"inspect", "--phi", "two"}
                              << "--phi: \"two\" is not a number";
    QTest::newRow("alpha zero") << QStringList{"inspect", "--alpha", "0"}
                                << "alpha: must be between";
    QTest::newRow("alpha negative")
        << QStringList{"inspect", "--alpha", "-1.2"} << "alpha: must be between";
    QTest::newRow("phi 1e9") << QStringList{"inspect", "--phi", "1e9"} << "phi: must be between";
    QTest::newRow("phi 30") << QStringList{"inspect", "--phi", "30"} << "phi: depth alpha^phi";
    QTest::newRow("stage 9") << QStringList{"inspect", "--stage-depth", "9=2"}
                             << "--stage-depth: stage 9 does not exist";
    QTest::newRow("stage malformed") << QStringList{"inspect", "--stage-width", "6:2"}
                                     << "--stage-width: \"6:2\" should be STAGE=FACTOR";
    QTest::newRow("stage without number") << QStringList{"inspect", "--stage-depth", "=2"}
                                          << "--stage-depth: \"=2\" should be STAGE=FACTOR";
    QTest::newRow("stage without factor") << QStringList{"inspect", "--stage-depth", "3="}
                                          << "--stage-depth: \"3=\" should be STAGE=FACTOR";
    QTest::newRow("stage twice in a list") << QStringList{"inspect", "--stage-width", "1=2,1=3"}
                                           << "--stage-width: stage 1 is given more than once";
    QTest::newRow("stage twice in two flags")
        << QStringList{"inspect", "--stage-depth", "2=2", "--stage-depth", "4=1,2=3"}
        << "--stage-depth: stage 2 is given more than once";
    QTest::newRow("remove stage 9") << QStringList{"inspect", "--remove-stage", "9"}
                                    << "--remove-stage: stage 9 does not exist; EfficientNet-B0 "
                                       "has stages 1-7";
    QTest::newRow("remove every stage")
        << QStringList{"inspect", "--remove-stage", "1,2,3,4", "--remove-stage", "5,6,7"}
        << "--remove-stage: would leave no stage";
    QTest::newRow("remove a stage twice") << QStringList{"inspect", "--remove-stage", "2,2"}
                                          << "--remove-stage: stage 2 is given more than once";
    QTest::newRow("remove and duplicate")
        << QStringList{"inspect", "--duplicate-stage", "3", "--remove-stage", "3"}
        << "--remove-stage: stage 3 is duplicated too";
    QTest::newRow("duplicate past the limit")
        << QStringList{"inspect", "--duplicate-stage", QStringList(26, "1").join(',')}
        // 7 + 26 stages
        << "--duplicate-stage: would make 33 stages; at most 32 are allowed";
    QTest::newRow("duplicate a word") << QStringList{"inspect", "--duplicate-stage", "x"}
                                      << "--duplicate-stage: \"x\" is not a number";
    QTest::newRow("stage depth on a removed stage")
        << QStringList{"inspect", "--remove-stage", "7", "--stage-depth", "7=2"}
        << "--stage-depth: stage 7 does not exist; EfficientNet-B0 has stages 1-6";
    QTest::newRow("unknown preset")
        << QStringList{"inspect", "--preset", "efficientnet-b9"} << "preset: unknown preset";
    QTest::newRow("official + phi")
        << QStringList{"inspect", "--preset", "efficientnet-b3", "--phi", "1"}
        << "official published table";
    QTest::newRow("unknown option")
        << QStringList{"inspect", "--colour", "red"} << "--colour: unknown option";
    QTest::newRow("missing value") << QStringList{"inspect", "--phi"} << "--phi: needs a value";
    QTest::newRow("resolution absurd")
        << QStringList{"inspect", "--resolution", "100000"} << "resolution: must be between";
    QTest::newRow("negative batch")
        << QStringList{"inspect", "--batch", "-5"} << "--batch: must be between";
    QTest::newRow("missing config")
        << QStringList{"inspect", "--config", "/no/such.json"} << "/no/such.json: cannot be opened";
    QTest::newRow("export to a folder") << QStringList{"export", "--output", "/tmp"}
                                        << "/tmp: is a folder: give the name of a file";
    QTest::newRow("export to a missing folder")
        << QStringList{"export", "--output", "/no/such/b0.json"}
        << "/no/such/b0.json: cannot be written (No such file or directory)";
    QTest::newRow("config is a folder") << QStringList{"inspect", "--config", "/tmp"}
                                        << "/tmp: is a folder, not a configuration file";
    QTest::newRow("against nothing known")
        << QStringList{"inspect", "--against", "efficientnet-b9"}
        << "--against: \"efficientnet-b9\" is neither a preset nor a readable configuration";
    QTest::newRow("against not json")
        << QStringList{"inspect", "--against", "/etc/passwd"} << "/etc/passwd: is not valid JSON";
    QTest::newRow("grid with alpha") << QStringList{"grid", "--alpha", "1.2"}
                                     << "--alpha: the grid chooses alpha, beta and gamma";
    QTest::newRow("grid output without train")
        << QStringList{"grid", "--output-dir", "/tmp"} << "--output-dir: goes with --train";
    QTest::newRow("grid json and train")
        << QStringList{"grid", "--json", "--train"} << "--json: lists the candidates";
    QTest::newRow("grid too narrow")
        << QStringList{"grid", "--tolerance", "1e-9"} << "grid.tolerance: no alpha, beta, gamma";
    QTest::newRow("grid step nan")
        << QStringList{"grid", "--step", "nan"} << "--step: must be a finite";
    QTest::newRow("grid bad epochs") << QStringList{"grid", "--epochs", "0"} << "training.epochs";
    QTest::newRow("grid limit 0") << QStringList{"grid", "--limit", "0"}
                                  << "--limit: must be at least 1";
    QTest::newRow("study folder twice")
        << QStringList{"study", "--folder", "/tmp", "--from", "/tmp"}
        << "--from: is --folder by another name";
    QTest::newRow("study phi twice")
        << QStringList{"study", "--phis", "1,2,1"} << "--phis: phi 1 is given twice";
    QTest::newRow("study phi nan")
        << QStringList{"study", "--phis", "nan"} << "--phis: \"nan\" is not a number";
    QTest::newRow("study phi 0 only")
        << QStringList{"study", "--phis", "0"} << "--phis: phi 0 is the configured model alone";
    QTest::newRow("study past limits")
        << QStringList{"study", "--phis", "20"} << "--phis: depth scaling at phi 20 is past";
    QTest::newRow("study strategy") << QStringList{"study", "--strategies", "height"}
                                    << "--strategies: \"height\" is not one of compound";
    QTest::newRow("study shrinking coefficients")
        << QStringList{"study", "--alpha", "0.9", "--beta", "1", "--gamma", "1"}
        << "--alpha: alpha*beta^2*gamma^2 is 0.9, not above 1";
    QTest::newRow("study output without train")
        << QStringList{"study", "--output-dir", "x"} << "--output-dir: goes with --train";
    QTest::newRow("study json and train")
        << QStringList{"study", "--json", "--train"} << "--json: lists the points";
    QTest::newRow("study argument") << QStringList{"study", "b0"} << "b0: unexpected argument";
    QTest::newRow("study no seed")
        << QStringList{"study", "--seeds", "0"} << "--seeds: 0 is not between 1 and 10";
    QTest::newRow("study seeds text") << QStringList{"study", "--seeds", "three"} << "--seeds: ";
    QTest::newRow("study too many runs")
        << QStringList{"study", "--phis", "1:10:0.25", "--seeds", "2"}
        << "--phis: gives 298 runs, more than 200: fewer φ, strategies or seeds";
    QTest::newRow("export format")
        << QStringList{"export", "--format", "onnx"} << "--format: \"onnx\" is not config or timm";
    QTest::newRow("timm resnet") << QStringList{"export", "--format", "timm", "--preset",
                                                "resnet-rs-50"}
                                 << "family: ResNet-RS has no timm arch_def";
}

void TestCli::badInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = run(args);
    QVERIFY2(r.code > 0, qPrintable(QString::number(r.code)));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
