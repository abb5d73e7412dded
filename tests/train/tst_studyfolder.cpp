// A scaling study's folder: study.json records the configured model and the points asked for
// before anything trains, grows with later points, and refuses another study's; study.csv
// lists every point with its run folder's state; the folder reads back with or without runs.
#include "fakerun.h"
#include "scaling/config.h"
#include "scaling/presets.h"
#include "scaling/scalingstudy.h"
#include "tinyconfig.h"
#include "train/runhistory.h"
#include "train/studyruns.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

using namespace scalescope;
using namespace scalescope::train;

namespace {
void write(const QString& path, const std::string& text) {
    std::ofstream(path.toStdString(), std::ios::binary) << text;
}

StudySpec specOf(std::vector<double> phis, std::vector<StudyStrategy> strategies) {
    StudySpec s;
    s.phis = std::move(phis);
    s.strategies = std::move(strategies);
    return s;
}

QString runDir(const QString& study, const StudyPoint& p) {
    return study + "/" + QString::fromStdString(studyRunName(p.strategy, p.phi));
}

// study.csv's state column, a cell per point.
QStringList csvStates(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QStringList out;
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    const int col = lines.value(0).split(',').indexOf("state");
    for (int i = 1; i < lines.size(); ++i)
        out << lines[i].split(',').value(col).remove('"');
    return out;
}
} // namespace

class TestStudyFolder : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void recordsAndGrows();
    void refusesAnotherStudy_data();
    void refusesAnotherStudy();
    void csvFollowsTheRuns();
    void readsBackWithoutRuns();
    void recordStandsInForGoneFolders();
    void recordRowsThatCannotBeRead_data();
    void recordRowsThatCannotBeRead();
};

void TestStudyFolder::recordsAndGrows() {
    QTemporaryDir tmp;
    const QString dir = tmp.filePath("new/study"); // made on the way
    const ScaleConfig base = tinyConfig(2);
    StudyManifest m =
        recordStudy(dir.toStdString(), base, specOf({1}, {StudyStrategy::Depth}), "--output-dir");
    QVERIFY(QFile::exists(dir + "/study.json"));
    std::optional<StudyManifest> back = readStudyManifest(dir.toStdString());
    QVERIFY(back && back->base == base);
    QCOMPARE(back->spec.phis, std::vector<double>{1});
    // Later points join the study: φ and strategies as a union, those before kept first.
    m = recordStudy(dir.toStdString(), base,
                    specOf({2, 1}, {StudyStrategy::Width, StudyStrategy::Depth}), "--output-dir");
    back = readStudyManifest(dir.toStdString());
    QCOMPARE(back->spec.phis, std::vector<double>({1, 2}));
    QVERIFY(back->spec.strategies ==
            std::vector<StudyStrategy>({StudyStrategy::Depth, StudyStrategy::Width}));
    QCOMPARE(m.spec.phis, back->spec.phis);
}

void TestStudyFolder::refusesAnotherStudy_data() {
    QTest::addColumn<QString>("held"); // what the folder holds already
    QTest::addColumn<QString>("reason");
    QTest::newRow("another model") << "model"
                                   << "holds a study of another configuration";
    QTest::newRow("other training options") << "training"
                                            << "holds a study of another";
    QTest::newRow("a point's folder of another run") << "run"
                                                     << "holds a run of another";
    QTest::newRow("unreadable study.json") << "broken"
                                           << "study.json";
    QTest::newRow("study.json of a newer version") << "version"
                                                   << "version: 9";
    QTest::newRow("too many points together") << "many"
                                              << "more than 50";
}

void TestStudyFolder::refusesAnotherStudy() {
    QFETCH(QString, held);
    QFETCH(QString, reason);
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const ScaleConfig base = tinyConfig(2);
    const StudySpec spec = specOf({1}, {StudyStrategy::Compound});
    if (held == "model" || held == "training") {
        ScaleConfig other = base;
        if (held == "model")
            other.request.width = 0.5;
        else
            other.training.epochs = 3;
        recordStudy(dir, other, spec, "--output-dir");
    } else if (held == "run") {
        ScaleConfig other = studyPoint(base, StudyStrategy::Compound, 1).config;
        other.training.seed += 1;
        QVERIFY(writeFakeRun(tmp.filePath("compound-phi1").toStdString(), other, 2, 0.5));
    } else if (held == "broken") {
        write(tmp.filePath("study.json"), "{\"format\": ");
    } else if (held == "version") {
        Json j = studyManifestToJson({base, spec});
        j["version"] = 9;
        write(tmp.filePath("study.json"), j.dump());
    } else if (held == "many") {
        std::vector<double> phis;
        for (int i = 1; i <= 50; ++i)
            phis.push_back(0.01 * i);
        recordStudy(dir, base, specOf(phis, {StudyStrategy::Depth}), "--output-dir");
    }
    const QByteArray before = [&] {
        QFile f(tmp.filePath("study.json"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    try {
        recordStudy(dir, base, spec, "--output-dir");
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.field()), QString("--output-dir"));
        QVERIFY2(QString::fromStdString(e.reason()).contains(reason), e.what());
    }
    QFile after(tmp.filePath("study.json")); // left as it was
    QCOMPARE(after.open(QIODevice::ReadOnly) ? after.readAll() : QByteArray(), before);
}

void TestStudyFolder::csvFollowsTheRuns() {
    QTemporaryDir tmp;
    const ScaleConfig base = tinyConfig(2);
    const StudySpec spec = specOf({1}, {StudyStrategy::Depth, StudyStrategy::Width});
    recordStudy(tmp.path().toStdString(), base, spec, "study folder");
    const std::vector<StudyPoint> points = studyPoints(base, spec); // baseline, depth, width
    QVERIFY(writeFakeRun(runDir(tmp.path(), points[0]).toStdString(), points[0].config, 2, 0.625));
    QVERIFY(writeFakeRun(runDir(tmp.path(), points[1]).toStdString(), points[1].config, 1,
                         0.5)); // stopped
    const std::string path = writeStudyCsv(tmp.path().toStdString());
    QCOMPARE(QString::fromStdString(path), tmp.filePath("study.csv"));
    QCOMPARE(csvStates(tmp.filePath("study.csv")),
             QStringList({"trained", "stopped", "not trained"}));
    const std::vector<StudyResult> r = studyFolderResults(tmp.path().toStdString(), points);
    QCOMPARE(r[0].valAccuracy, 0.625);
    QCOMPARE(r[0].seconds, 3.0);
    QVERIFY(std::isnan(r[1].valAccuracy)); // a stopped run's last validation is no result
    QCOMPARE(QString::fromStdString(r[2].runDir), runDir(tmp.path(), points[2]));

    // The stopped point finishes; the csv says so when written again.
    QVERIFY(writeFakeRun(runDir(tmp.path(), points[1]).toStdString(), points[1].config, 2, 0.75));
    writeStudyCsv(tmp.path().toStdString());
    QCOMPARE(csvStates(tmp.filePath("study.csv")),
             QStringList({"trained", "trained", "not trained"}));

    // No study.json: no csv, and the folder is named.
    QTemporaryDir bare;
    try {
        writeStudyCsv(bare.path().toStdString());
        QFAIL("wrote a csv without study.json");
    } catch (const std::exception& e) {
        QVERIFY2(QString(e.what()).contains(bare.path()), e.what());
    }
    QVERIFY(!QFile::exists(bare.filePath("study.csv")));
}

void TestStudyFolder::readsBackWithoutRuns() {
    QTemporaryDir tmp;
    const ScaleConfig base = tinyConfig(2);
    // Recorded, but stopped before any point's first checkpoint: still a study.
    recordStudy(tmp.path().toStdString(), base, specOf({0.5, 1}, {StudyStrategy::Resolution}),
                "study folder");
    const StudyFolder f = readStudyFolder(tmp.path().toStdString());
    QVERIFY(f.runs.empty());
    QVERIFY(f.manifest && f.manifest->base == base);
    QCOMPARE(f.manifest->spec.phis, std::vector<double>({0.5, 1}));
    // A broken study.json is named, not taken for no study.
    write(tmp.filePath("study.json"), "[1, 2");
    try {
        readStudyFolder(tmp.path().toStdString());
        QFAIL("read a broken study.json");
    } catch (const std::exception& e) {
        QVERIFY2(QString(e.what()).contains("study.json"), e.what());
    }
    QTemporaryDir empty;
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, readStudyFolder(empty.path().toStdString()));
}

// A study copied with study.json and study.csv alone (the run folders gone, as in docs/runs):
// its finished runs' results are the record's, "recorded"; a run folder, where there is one,
// says more than the record.
void TestStudyFolder::recordStandsInForGoneFolders() {
    QTemporaryDir tmp;
    const std::string dir = tmp.path().toStdString();
    const ScaleConfig base = tinyConfig(2);
    StudySpec spec = specOf({1}, {StudyStrategy::Depth});
    spec.seeds = 2;
    recordStudy(dir, base, spec, "study folder");
    // baseline, baseline-seed2, depth-phi1, depth-phi1-seed2
    const std::vector<StudyPoint> runs = studyRuns(studyPoints(base, spec), spec.seeds);
    QCOMPARE(runs.size(), size_t(4));
    const auto folder = [&](size_t i) {
        return tmp.filePath(QString::fromStdString(runs[i].runName));
    };
    QVERIFY(writeFakeRun(folder(0).toStdString(), runs[0].config, 2, 0.625));
    QVERIFY(writeFakeRun(folder(1).toStdString(), runs[1].config, 2, 0.5));
    QVERIFY(writeFakeRun(folder(2).toStdString(), runs[2].config, 1, 0.25)); // stopped
    writeStudyCsv(dir);
    for (size_t i : {0, 2})
        QVERIFY(QDir(folder(i)).removeRecursively());

    std::vector<StudyResult> r = studyFolderResults(dir, runs);
    QCOMPARE(QString::fromStdString(r[0].state), QString("recorded"));
    QCOMPARE(r[0].valAccuracy, 0.625);
    QCOMPARE(r[0].seconds, 3.0);
    QCOMPARE(QString::fromStdString(r[0].runDir), folder(0)); // where it would train again
    QVERIFY(r[0].finished());
    QCOMPARE(QString::fromStdString(r[1].state), QString("trained")); // its folder is there
    // A stopped run's row is no result, whether or not its folder is there.
    QCOMPARE(QString::fromStdString(r[2].state), QString("not trained"));
    QCOMPARE(QString::fromStdString(r[3].state), QString("not trained"));

    // A Train leaves the recorded baseline only: baseline-seed2's folder holds its run, and
    // the stopped depth-phi1 and the untrained last one have no result.
    std::vector<std::pair<std::string, std::uint64_t>> planned;
    for (const StudyPoint& p : runs)
        planned.emplace_back(p.runName, p.config.training.seed);
    QCOMPARE(recordedOnly(dir, "study.csv", planned), std::set<std::string>{runs[0].runName});
    planned[0].second += 1; // another seed's run under that name
    QVERIFY(recordedOnly(dir, "study.csv", planned).empty());

    StudyFolder f = readStudyFolder(dir);
    QCOMPARE(f.runs.size(), size_t(2)); // by name: the recorded baseline, then baseline-seed2
    QCOMPARE(QString::fromStdString(f.runs[0].name), QString::fromStdString(runs[0].runName));
    QVERIFY(f.runs[0].recorded && f.runs[0].finished);
    QCOMPARE(f.runs[0].finalValAccuracy, 0.625);
    QVERIFY(f.runs[0].config == runs[0].config);
    QVERIFY(!f.runs[1].recorded);
    QVERIFY(f.skipped.empty());

    // Written again, the record keeps what it had, now as "recorded".
    writeStudyCsv(dir);
    QCOMPARE(csvStates(tmp.filePath("study.csv")),
             QStringList({"recorded", "trained", "not trained", "not trained"}));
    QCOMPARE(studyFolderResults(dir, runs)[0].valAccuracy, 0.625);

    // Trained again, the folder's result is taken.
    QVERIFY(writeFakeRun(folder(0).toStdString(), runs[0].config, 2, 0.75));
    r = studyFolderResults(dir, runs);
    QCOMPARE(QString::fromStdString(r[0].state), QString("trained"));
    QCOMPARE(r[0].valAccuracy, 0.75);
    QVERIFY(!readStudyFolder(dir).runs[0].recorded);

    // A row of another seed under a run's name is not that run's.
    QVERIFY(QDir(folder(0)).removeRecursively());
    std::map<std::string, RecordedRun> records =
        readRecordedRuns(tmp.filePath("study.csv").toStdString());
    QCOMPARE(records.size(), size_t(2));
    StudyResult none;
    none.state = "not trained";
    QCOMPARE(QString::fromStdString(orRecorded(none, runs[0].runName, 7, records).state),
             QString("not trained"));
    QCOMPARE(QString::fromStdString(
                 orRecorded(none, runs[0].runName, runs[0].config.training.seed, records).state),
             QString("recorded"));
}

void TestStudyFolder::recordRowsThatCannotBeRead_data() {
    QTest::addColumn<QString>("csv");
    QTest::addColumn<int>("rows");    // read
    QTest::addColumn<QString>("why"); // the first unread's, "" for none
    const QString head = "strategy,val_accuracy,best_val_accuracy,seconds,state,run_dir,seed\n";
    QTest::newRow("good") << head + "depth,0.5,0.6,12.5,\"trained\",\"D/depth-phi1\",3\n"
                          << 1 << "";
    QTest::newRow("quoted comma and quotes")
        << head + "depth,0.5,,,\"read back\",\"D/a,\"\"b\"\"/depth-phi1\",3\r\n"
        << 1 << "";
    QTest::newRow("unfinished rows are not results")
        << head + "depth,0.5,0.6,1,\"stopped\",\"D/x\",1\ndepth,,,,\"not trained\",\"D/y\",1\n"
        << 0 << "";
    QTest::newRow("no seed column") << "val_accuracy,best_val_accuracy,seconds,state,run_dir\n"
                                    << 0 << "study.csv: has no seed column";
    QTest::newRow("a cell short") << head + "depth,0.5,0.6,12.5,\"trained\",\"D/x\"\n"
                                  << 0 << "study.csv: line 2: 6 cells, not 7";
    QTest::newRow("unclosed quote") << head + "depth,0.5,0.6,12.5,\"trained,\"D/x\",1\n"
                                    << 0 << "study.csv: line 2:";
    QTest::newRow("accuracy past 1")
        << head + "depth,50,0.6,12.5,\"trained\",\"D/x\",1\n"
        << 0 << "study.csv: line 2: a finished run without its accuracy";
    QTest::newRow("accuracy not a number")
        << head + "depth,nan%,0.6,12.5,\"trained\",\"D/x\",1\n"
        << 0 << "study.csv: line 2: a finished run without its accuracy";
    QTest::newRow("negative seed") << head + "depth,0.5,0.6,12.5,\"trained\",\"D/x\",-1\n"
                                   << 0 << "study.csv: line 2: a finished run without its accuracy";
    QTest::newRow("no folder") << head + "depth,0.5,0.6,12.5,\"trained\",\"\",1\n"
                               << 0 << "study.csv: line 2: a finished run without its accuracy";
    QTest::newRow("one bad row, one good")
        << head + "depth,x,0.6,12.5,\"trained\",\"D/x\",1\nwidth,0.7,0.7,1,\"trained\",\"D/y\",1\n"
        << 1 << "study.csv: line 2:";
    QTest::newRow("empty file") << "" << 0 << "study.csv: cannot be read";
}

void TestStudyFolder::recordRowsThatCannotBeRead() {
    QFETCH(QString, csv);
    QFETCH(int, rows);
    QFETCH(QString, why);
    QTemporaryDir tmp;
    write(tmp.filePath("study.csv"), csv.toStdString());
    std::vector<std::string> unread;
    const auto records = readRecordedRuns(tmp.filePath("study.csv").toStdString(), &unread);
    QCOMPARE(int(records.size()), rows);
    if (why.isEmpty())
        QVERIFY2(unread.empty(), unread.empty() ? "" : unread.front().c_str());
    else
        QVERIFY2(!unread.empty() && QString::fromStdString(unread.front()).startsWith(why),
                 unread.empty() ? "none" : unread.front().c_str());
    for (const auto& [name, run] : records) {
        QVERIFY(name == "depth-phi1" || name == "y");
        QCOMPARE(QString::fromStdString(run.result.state), QString("recorded"));
    }
    // An absurd size is refused before it is read.
    std::filesystem::resize_file(tmp.filePath("study.csv").toStdString(), (64u << 20) + 1);
    unread.clear();
    QVERIFY(readRecordedRuns(tmp.filePath("study.csv").toStdString(), &unread).empty());
    QVERIFY(!unread.empty() && QString::fromStdString(unread.front()).contains("64 MiB"));
    // No file: no rows, nothing unread.
    unread.clear();
    QVERIFY(readRecordedRuns(tmp.filePath("none.csv").toStdString(), &unread).empty());
    QVERIFY(unread.empty());
}

QTEST_APPLESS_MAIN(TestStudyFolder)
#include "tst_studyfolder.moc"
