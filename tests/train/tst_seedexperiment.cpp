// A configuration at several seeds, each beside a fixed-size run: the folders its runs train
// in, its record (experiment.json) written and read back, and the folders it refuses.
#include "train/seedexperiment.h"

#include "fakerun.h"
#include "tinyconfig.h"

#include "scaling/format.h"
#include "scaling/validation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace scalescope;
using namespace scalescope::train;

class TestSeedExperiment : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void runsAndTheirFolders_data();
    void runsAndTheirFolders();
    void refusals_data();
    void refusals();
    void recordedAndReadBack();
    void foldersOfAnotherExperiment();
};

void TestSeedExperiment::runsAndTheirFolders_data() {
    QTest::addColumn<int>("seeds");
    QTest::addColumn<bool>("alsoFixed");
    QTest::addColumn<QStringList>("runs"); // folder:seed:schedule
    QTest::newRow("seeds and fixed twins")
        << 2 << true
        << QStringList{"seed7/paper:7:paper", "seed7/fixed:7:fixed", "seed8/paper:8:paper",
                       "seed8/fixed:8:fixed"};
    QTest::newRow("seeds alone") << 3 << false
                                 << QStringList{"seed7/paper:7:paper", "seed8/paper:8:paper",
                                                "seed9/paper:9:paper"};
    QTest::newRow("one seed beside its twin")
        << 1 << true << QStringList{"paper:7:paper", "fixed:7:fixed"};
}

void TestSeedExperiment::runsAndTheirFolders() {
    QFETCH(int, seeds);
    QFETCH(bool, alsoFixed);
    QFETCH(QStringList, runs);
    ScaleConfig c = tinyConfig(1);
    c.training.seed = 7;
    QStringList got;
    for (const ExperimentRun& r : experimentRuns({c, seeds, alsoFixed})) {
        got << QString("%1:%2:%3")
                   .arg(QString::fromStdString(r.dir))
                   .arg(r.config.training.seed)
                   .arg(QString::fromStdString(toString(r.config.training.progressive.schedule)));
        // Only the seed and the schedule differ from the configuration.
        ScaleConfig back = r.config;
        back.training.seed = 7;
        back.training.progressive.schedule = c.training.progressive.schedule;
        QVERIFY(back == c);
    }
    QCOMPARE(got, runs);
}

void TestSeedExperiment::refusals_data() {
    QTest::addColumn<int>("seeds");
    QTest::addColumn<bool>("alsoFixed");
    QTest::addColumn<bool>("fixedSchedule");
    QTest::addColumn<qulonglong>("seed");
    QTest::addColumn<QString>("message");
    QTest::newRow("no seeds") << 0 << false << false << 1ull
                              << "n: must be between 1 and 100, not 0";
    QTest::newRow("a typo") << 101 << false << false << 1ull
                            << "n: must be between 1 and 100, not 101";
    QTest::newRow("past the largest seed")
        << 3 << false << false << qulonglong(kMaxSeed - 1)
        << "n: 3 seeds from 9007199254740991 run past the largest seed, 9007199254740992";
    QTest::newRow("a fixed twin of a fixed run")
        << 2 << true << true << 1ull
        << "f: the schedule is fixed already: there is no progressive run to set it against";
}

void TestSeedExperiment::refusals() {
    QFETCH(int, seeds);
    QFETCH(bool, alsoFixed);
    QFETCH(bool, fixedSchedule);
    QFETCH(qulonglong, seed);
    QFETCH(QString, message);
    ScaleConfig c = tinyConfig(1);
    c.training.seed = seed;
    if (fixedSchedule) c.training.progressive.schedule = ProgressiveSettings::Schedule::Fixed;
    try {
        validateExperiment({c, seeds, alsoFixed}, "n", "f");
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.what()), message);
    }
}

void TestSeedExperiment::recordedAndReadBack() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("exp").toStdString();
    QVERIFY(!readExperiment(path)); // none yet
    const SeedExperiment e{tinyConfig(2), 2, false};
    QVERIFY(recordExperiment(path, e, "f") == e);
    const std::optional<SeedExperiment> back = readExperiment(path);
    QVERIFY(back && *back == e);
    // Again with more seeds and the fixed twins: the folder keeps both.
    const SeedExperiment more{tinyConfig(2), 3, true};
    QVERIFY(recordExperiment(path, more, "f") == more);
    QVERIFY(recordExperiment(path, e, "f") == more);
    QVERIFY(*readExperiment(path) == more);
    // One seed lies in the folder itself, several in seedN: not both in one folder.
    try {
        recordExperiment(path, {tinyConfig(2), 1, true}, "f");
        QFAIL("accepted");
    } catch (const ValidationError& ex) {
        QVERIFY2(QString(ex.what()).contains("holds an experiment of 3 seeds, laid out "
                                             "otherwise than one of 1"),
                 ex.what());
    }
    // A damaged record is named with its field.
    QFile f(dir.filePath("exp/experiment.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"format": "scalescope-experiment", "version": 1, "seeds": 2, "config": {}})");
    f.close();
    try {
        readExperiment(path);
        QFAIL("read");
    } catch (const std::runtime_error& ex) {
        QVERIFY2(QString(ex.what()).startsWith(dir.filePath("exp/experiment.json") + ": config"),
                 ex.what());
    }
}

void TestSeedExperiment::foldersOfAnotherExperiment() {
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString();
    ScaleConfig c = tinyConfig(2);
    recordExperiment(path, {c, 2, true}, "f");
    ScaleConfig other = c;
    other.training.epochs = 3;
    try {
        recordExperiment(path, {other, 2, true}, "f");
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QVERIFY2(QString(e.what()).endsWith("holds an experiment of another configuration: "
                                            "training.epochs: 2 there, 3 here"),
                 e.what());
    }
    // Without a record, a run folder of another configuration is refused before anything is
    // written.
    QTemporaryDir bare;
    QVERIFY(writeFakeRun(bare.filePath("seed1/fixed").toStdString(), other, 1, 0.5));
    try {
        recordExperiment(bare.path().toStdString(), {c, 2, true}, "f");
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QVERIFY2(QString(e.what()).contains("seed1/fixed"), e.what());
    }
    QVERIFY(!QFile::exists(bare.filePath("experiment.json")));
}

QTEST_APPLESS_MAIN(TestSeedExperiment)
#include "tst_seedexperiment.moc"
