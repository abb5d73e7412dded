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
#include <fstream>

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

QTEST_APPLESS_MAIN(TestStudyFolder)
#include "tst_studyfolder.moc"
