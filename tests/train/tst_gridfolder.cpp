// A trained grid's folder: grid.json records the configured model, the grid and the seeds
// before anything trains, reads back exactly, names the field of a malformed file, keeps the
// larger seed count, and refuses another model's grid or a run folder of another
// configuration without writing anything; the folder reads back with its runs.
#include "fakerun.h"
#include "scaling/config.h"
#include "scaling/gridsearch.h"
#include "scaling/presets.h"
#include "train/gridfolder.h"
#include "train/runhistory.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>

using namespace scalescope;
using namespace scalescope::train;

namespace {
GridSearchSpec narrowSpec() { // six candidates, the paper's among them
    GridSearchSpec s;
    s.from = 1.1;
    s.to = 1.2;
    s.tolerance = 0.08;
    return s;
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
} // namespace

class TestGridFolder : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void manifestReadsBackExactly();
    void malformedManifestsNameTheField_data();
    void malformedManifestsNameTheField();
    void recordsAndReadsBack();
    void refusesAnotherGrid_data();
    void refusesAnotherGrid();
    void foldersWithoutAGrid();
    void csvFollowsTheRuns();
};

void TestGridFolder::manifestReadsBackExactly() {
    GridManifest m;
    m.base = configForPreset("efficientnet-b0");
    m.base.training.epochs = 7;
    m.spec = narrowSpec();
    m.spec.phi = 1.5;
    m.spec.limit = 3;
    m.seeds = 4;
    // Through text, as the file holds it.
    const GridManifest back = gridManifestFromJson(Json::parse(gridManifestToJson(m).dump(2)));
    QVERIFY(back.base == m.base);
    QCOMPARE(back.spec.from, m.spec.from);
    QCOMPARE(back.spec.to, m.spec.to);
    QCOMPARE(back.spec.step, m.spec.step);
    QCOMPARE(back.spec.target, m.spec.target);
    QCOMPARE(back.spec.tolerance, m.spec.tolerance);
    QCOMPARE(back.spec.phi, 1.5);
    QCOMPARE(back.spec.limit, 3);
    QCOMPARE(int(gridCandidates(back.base, back.spec).size()), 3); // the closest three
    // Records from before the limit was kept: every candidate.
    Json old = gridManifestToJson(m);
    old.erase("limit");
    QCOMPARE(gridManifestFromJson(old).spec.limit, 0);
    QCOMPARE(back.seeds, 4);
}

void TestGridFolder::malformedManifestsNameTheField_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // JSON; empty: the key removed
    QTest::addColumn<QString>("field"); // what the message starts with
    QTest::newRow("another file") << "format"
                                  << "\"scalescope-study\""
                                  << "format";
    QTest::newRow("a later version") << "version"
                                     << "2"
                                     << "version";
    QTest::newRow("negative step") << "step"
                                   << "-0.05"
                                   << "step";
    QTest::newRow("step as text") << "step"
                                  << "\"0.05\""
                                  << "step";
    QTest::newRow("to below from") << "to"
                                   << "1.0"
                                   << "to";
    QTest::newRow("no tolerance") << "tolerance"
                                  << ""
                                  << "tolerance";
    QTest::newRow("no seeds") << "seeds"
                              << "0"
                              << "seeds";
    QTest::newRow("too many seeds") << "seeds"
                                    << "11"
                                    << "seeds";
    QTest::newRow("negative limit") << "limit"
                                    << "-1"
                                    << "limit";
    QTest::newRow("no config") << "config"
                               << ""
                               << "config";
    QTest::newRow("config a number") << "config"
                                     << "3"
                                     << "config";
    QTest::newRow("an unknown key") << "colour"
                                    << "\"red\""
                                    << "colour";
}

void TestGridFolder::malformedManifestsNameTheField() {
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, field);
    GridManifest m;
    m.base = configForPreset("efficientnet-b0");
    m.spec = narrowSpec();
    Json j = gridManifestToJson(m);
    if (value.isEmpty())
        j.erase(key.toStdString());
    else
        j[key.toStdString()] = Json::parse(value.toStdString());
    try {
        gridManifestFromJson(j);
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QVERIFY2(QString::fromStdString(e.what()).startsWith(field), e.what());
    }
    // A bad number deep in the configuration is named by its path in the file.
    j = gridManifestToJson(m);
    j["config"]["training"]["epochs"] = -1;
    try {
        gridManifestFromJson(j);
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QVERIFY2(QString::fromStdString(e.what()).startsWith("config.training.epochs"), e.what());
    }
}

void TestGridFolder::recordsAndReadsBack() {
    QTemporaryDir tmp;
    const std::string dir = tmp.filePath("grid").toStdString();
    const ScaleConfig base = configForPreset("efficientnet-b0");
    const std::vector<GridCandidate> list = gridCandidates(base, narrowSpec());
    QCOMPARE(int(list.size()), 6);
    const std::vector<GridRun> runs = gridRuns(base, list, 2);
    const GridManifest m = recordGrid(dir, base, narrowSpec(), 2, runs, "--output-dir");
    QCOMPARE(m.seeds, 2);
    QVERIFY(readGridManifest(dir).has_value());
    QVERIFY(readGridManifest(dir)->base == base);

    // Two runs finished, one stopped after the first of its two epochs.
    ScaleConfig stopped = runs[2].config;
    QVERIFY(writeFakeRun(dir + "/" + runs[0].runName, runs[0].config,
                         runs[0].config.training.epochs, 0.81));
    QVERIFY(writeFakeRun(dir + "/" + runs[7].runName, runs[7].config,
                         runs[7].config.training.epochs, 0.79));
    QVERIFY(stopped.training.epochs > 1);
    QVERIFY(writeFakeRun(dir + "/" + runs[2].runName, stopped, 1, 0.5));
    const GridFolder f = readGridFolder(dir);
    QCOMPARE(f.manifest.seeds, 2);
    QCOMPARE(int(f.runs.size()), 3);
    QVERIFY(f.skipped.empty());
    for (const StudyRun& r : f.runs) {
        const auto same = std::find_if(runs.begin(), runs.end(),
                                       [&](const GridRun& g) { return g.runName == r.name; });
        QVERIFY(same != runs.end());
        QVERIFY(r.config == same->config);
        QCOMPARE(r.finished, same != runs.begin() + 2);
    }
    QVERIFY(runs[7].runName.find("-seed") != std::string::npos); // the second seed's

    // Recorded again with one seed and another grid of the same model: the grid is the new
    // one, the seeds stay two (the second seed's runs are still in the folder).
    GridSearchSpec other = narrowSpec();
    other.tolerance = 0.1;
    const GridManifest again = recordGrid(dir, base, other, 1, {}, "--output-dir");
    QCOMPARE(again.seeds, 2);
    QCOMPARE(readGridManifest(dir)->spec.tolerance, 0.1);
    QCOMPARE(readGridManifest(dir)->seeds, 2);
}

void TestGridFolder::refusesAnotherGrid_data() {
    QTest::addColumn<bool>("otherModel"); // else a run folder of another configuration
    QTest::newRow("another model's grid") << true;
    QTest::newRow("a run of another configuration") << false;
}

void TestGridFolder::refusesAnotherGrid() {
    QFETCH(bool, otherModel);
    QTemporaryDir tmp;
    const std::string dir = tmp.filePath("grid").toStdString();
    const ScaleConfig base = configForPreset("efficientnet-b0");
    const std::vector<GridRun> runs = gridRuns(base, gridCandidates(base, narrowSpec()), 1);
    recordGrid(dir, base, narrowSpec(), 1, runs, "--output-dir");
    const std::string before = readText(dir + "/grid.json");
    ScaleConfig other = base;
    std::vector<GridRun> queued = runs;
    if (otherModel) {
        other.training.epochs += 1; // other training settings: another grid
    } else {
        ScaleConfig foreign = runs[0].config;
        foreign.training.learningRate *= 2;
        QVERIFY(writeFakeRun(dir + "/" + runs[0].runName, foreign, 1, 0.5));
    }
    try {
        recordGrid(dir, other, narrowSpec(), 3, otherModel ? std::vector<GridRun>{} : queued,
                   "--output-dir");
        QFAIL("recorded");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.field()), QString("--output-dir"));
        if (otherModel) QVERIFY2(QString(e.what()).contains("another configuration"), e.what());
    }
    QCOMPARE(readText(dir + "/grid.json"), before); // nothing written
}

void TestGridFolder::foldersWithoutAGrid() {
    QTemporaryDir tmp;
    try {
        readGridFolder(tmp.path().toStdString());
        QFAIL("read");
    } catch (const std::runtime_error& e) {
        QVERIFY2(QString(e.what()).contains("no grid.json"), e.what());
    }
    try {
        readGridFolder(tmp.filePath("absent").toStdString());
        QFAIL("read");
    } catch (const std::runtime_error& e) {
        QVERIFY2(QString(e.what()).contains("not a folder"), e.what());
    }
    std::ofstream(tmp.filePath("grid.json").toStdString()) << "{ not json";
    try {
        readGridFolder(tmp.path().toStdString());
        QFAIL("read");
    } catch (const std::exception& e) {
        QVERIFY2(QString(e.what()).contains("grid.json"), e.what());
    }
}

// grid.csv: a row per run of the recorded grid, seed by seed, each with its folder's state.
void TestGridFolder::csvFollowsTheRuns() {
    QTemporaryDir tmp;
    const std::string dir = tmp.filePath("grid").toStdString();
    const ScaleConfig base = configForPreset("efficientnet-b0");
    const std::vector<GridCandidate> list = gridCandidates(base, narrowSpec());
    const std::vector<GridRun> runs = gridRuns(base, list, 2);
    recordGrid(dir, base, narrowSpec(), 2, runs, "--output-dir");
    const int epochs = base.training.epochs;
    QVERIFY(writeFakeRun(dir + "/" + runs[0].runName, runs[0].config, epochs, 0.8125));
    QVERIFY(writeFakeRun(dir + "/" + runs[1].runName, runs[1].config, 1, 0.5)); // stopped
    ScaleConfig foreign = runs[7].config;
    foreign.training.learningRate *= 2;
    QVERIFY(writeFakeRun(dir + "/" + runs[7].runName, foreign, epochs, 0.5));
    const std::string path = writeGridCsv(dir);
    QCOMPARE(QString::fromStdString(path), QString::fromStdString(dir + "/grid.csv"));
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + int(runs.size())); // the header, then a row per run
    const QStringList header = lines[0].split(',');
    const int state = header.indexOf("state"), acc = header.indexOf("val_accuracy"),
              seed = header.indexOf("seed");
    for (size_t i = 0; i < runs.size(); ++i) {
        const QStringList row = lines[int(i) + 1].split(',');
        const QString expected = i == 0   ? "trained"
                                 : i == 1 ? "stopped"
                                 : i == 7 ? "another configuration"
                                          : "not trained";
        QCOMPARE(row.value(state).remove('"'), expected);
        QCOMPARE(row.value(seed).toULongLong(), runs[i].config.training.seed);
        QCOMPARE(row.value(acc), i == 0 ? QString("0.8125") : QString());
    }
    // Copied with grid.json and grid.csv alone: the finished run's result is the record's.
    QVERIFY(QDir(QString::fromStdString(dir + "/" + runs[0].runName)).removeRecursively());
    const std::vector<StudyResult> results = gridFolderResults(dir, runs);
    QCOMPARE(QString::fromStdString(results[0].state), QString("recorded"));
    QCOMPARE(results[0].valAccuracy, 0.8125);
    QCOMPARE(QString::fromStdString(results[1].state), QString("stopped"));
    const GridFolder back = readGridFolder(dir);
    const auto recorded = std::find_if(back.runs.begin(), back.runs.end(),
                                       [](const StudyRun& r) { return r.recorded; });
    QVERIFY(recorded != back.runs.end());
    QCOMPARE(recorded->name, runs[0].runName);
    QVERIFY(recorded->config == runs[0].config && recorded->finished);
    QCOMPARE(recorded->finalValAccuracy, 0.8125);
    QCOMPARE(std::count_if(back.runs.begin(), back.runs.end(),
                           [](const StudyRun& r) { return r.recorded; }),
             1);
    // Not a grid folder: refused, naming it.
    try {
        writeGridCsv(tmp.path().toStdString());
        QFAIL("written");
    } catch (const std::runtime_error& e) {
        QVERIFY2(QString(e.what()).contains("no grid.json"), e.what());
    }
}

QTEST_APPLESS_MAIN(TestGridFolder)
#include "tst_gridfolder.moc"
