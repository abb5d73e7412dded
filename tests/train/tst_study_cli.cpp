// `scalescope-cli study --train` as a user runs it: the configured model and every point
// trained into a folder of its own, each at its own image size, the accuracies set side by
// side in study.csv and the table; a second run reads them back, a third adds a point to the
// study (study.json); a folder of other training options is refused before anything trains.
#include "clirun.h"
#include "fakerun.h"
#include "scaling/config.h"
#include "scaling/scalingstudy.h"
#include "tinyconfig.h"
#include "train/studyruns.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <map>

namespace {
constexpr int kTimeoutMs = 400000; // five small models on two busy CI cores

struct Row {
    QString strategy;
    double phi;
    int resolution;
    qint64 macs;
    double valAccuracy;
    QString state, runDir;
};

// study.csv's rows; the quoted cells (state, run_dir) hold no commas in these tests.
QList<Row> readStudyCsv(const QString& path) {
    QList<Row> rows;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return rows;
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    if (lines.value(0) != "strategy,phi,depth_multiplier,width_multiplier,resolution,params,macs,"
                          "train_image_size,test_image_size,test_macs,nominal_macs_ratio,macs_"
                          "ratio,val_accuracy,best_val_accuracy,seconds,"
                          "state,run_dir,seed")
        return rows;
    for (int i = 1; i < lines.size(); ++i) {
        QStringList c = lines[i].split(',');
        if (c.size() != 18) continue;
        rows.push_back({c[0], c[1].toDouble(), c[4].toInt(), c[6].toLongLong(),
                        c[12].isEmpty() ? NAN : c[12].toDouble(), c[15].remove('"'),
                        c[16].remove('"')});
    }
    return rows;
}

// A column of a run folder's metrics.csv, one cell per epoch.
QStringList metricsColumn(const QString& dir, const QString& column) {
    QStringList cells;
    QFile f(dir + "/metrics.csv");
    if (!f.open(QIODevice::ReadOnly)) return cells;
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    const int col = lines.value(0).split(',').indexOf(column);
    for (int i = 1; i < lines.size(); ++i)
        cells.push_back(lines[i].split(',').value(col));
    return cells;
}
} // namespace

class TestStudyCli : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void trainsEveryPointAndReadsBack();
    void refusesAnotherConfiguration();
    void seedsAreAveraged();
    void pairedAgainstCompound();

  private:
    // A sixteenth of B0 (quarter width and depth) at 32 px on a few shapes: seconds a point.
    QStringList study(const QString& dir, int epochs) {
        return {"study",
                "--width",
                "0.25",
                "--depth",
                "0.25",
                "--resolution",
                "32",
                "--phis",
                "1",
                "--schedule",
                "fixed",
                "--train-samples",
                "64",
                "--val-samples",
                "32",
                "--epochs",
                QString::number(epochs),
                "--batch",
                "32",
                "--device",
                "cpu",
                "--train",
                "--quiet",
                "--output-dir",
                dir};
    }
    using Result = CliResult;
    Result run(const QStringList& args) { return runCli(args, kTimeoutMs); }
};

void TestStudyCli::trainsEveryPointAndReadsBack() {
    QTemporaryDir dir;
    const Result r = run(study(dir.path(), 1));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QList<Row> rows = readStudyCsv(dir.filePath("study.csv"));
    QCOMPARE(rows.size(), 5);
    QStringList strategies;
    for (const Row& row : rows) {
        strategies << row.strategy;
        QCOMPARE(row.state, QString("trained"));
        QVERIFY(row.valAccuracy >= 0 && row.valAccuracy <= 1);
        QCOMPARE(QFileInfo(row.runDir).fileName(),
                 row.strategy == "baseline" ? QString("baseline") : row.strategy + "-phi1");
        // Each point trained at its own size: 32 px; 32·1.15 = 37 -> 40 px by compound
        // scaling; 32·√1.92 = 44 -> 48 px by resolution alone.
        const int size = row.strategy == "resolution" ? 48 : row.strategy == "compound" ? 40 : 32;
        QCOMPARE(row.resolution, size);
        QCOMPARE(metricsColumn(row.runDir, "image_size"),
                 QStringList{QString::number(row.resolution)});
        QCOMPARE(metricsColumn(row.runDir, "val_accuracy").value(0).toDouble(), row.valAccuracy);
    }
    QCOMPARE(strategies, QStringList({"baseline", "compound", "depth", "width", "resolution"}));
    for (const Row& row : rows.mid(1))
        QVERIFY2(row.macs > rows[0].macs, qPrintable(row.strategy)); // every point grew
    // The table: a row per strategy, the configured model's accuracy as every row's φ 0.
    for (const char* s : {"compound", "depth", "width", "resolution"})
        QVERIFY2(r.out.contains(QString("\n") + s), qPrintable(r.out));
    QVERIFY(r.out.contains("phi 0"));
    QVERIFY(r.out.contains("phi 1"));

    // The same command again trains nothing: every point is read back as it was.
    const Result again = run(study(dir.path(), 1));
    QVERIFY2(again.code == 0, qPrintable(again.err));
    const QList<Row> back = readStudyCsv(dir.filePath("study.csv"));
    QCOMPARE(back.size(), 5);
    for (int i = 0; i < back.size(); ++i) {
        QCOMPARE(back[i].state, QString("read back"));
        QCOMPARE(back[i].valAccuracy, rows[i].valAccuracy);
        QCOMPARE(metricsColumn(back[i].runDir, "val_accuracy").size(), 1);
    }

    // A point added later joins the study: study.csv then lists the study's every point, as
    // study.json records them (φ 1 and 2, four ways), with each one's state.
    QStringList more = study(dir.path(), 1);
    more[more.indexOf("--phis") + 1] = "2";
    more << "--strategies"
         << "depth";
    const Result added = run(more);
    QVERIFY2(added.code == 0, qPrintable(added.err));
    QVERIFY(QFile::exists(dir.filePath("study.json")));
    QStringList states;
    for (const Row& row : readStudyCsv(dir.filePath("study.csv")))
        states << row.strategy + "@" + QString::number(row.phi) + ":" + row.state;
    QCOMPARE(states, QStringList({"baseline@0:read back", "compound@1:trained",
                                  "compound@2:not trained", "depth@1:trained", "depth@2:trained",
                                  "width@1:trained", "width@2:not trained", "resolution@1:trained",
                                  "resolution@2:not trained"}));
    // Other training options are another study: refused before anything trains.
    const Result refused = run(study(dir.path(), 2));
    QCOMPARE(refused.code, 2);
    QVERIFY2(refused.err.contains("--output-dir: ") &&
                 refused.err.contains("holds a study of another configuration"),
             qPrintable(refused.err));
    QCOMPARE(metricsColumn(dir.filePath("baseline"), "val_accuracy").size(), 1);

    // The folder is enough to go on: --from lists the study it records with each point's
    // state, and with --train trains the points not trained yet with the study's own settings.
    const Result listed = run({"study", "--from", dir.path()});
    QVERIFY2(listed.code == 0, qPrintable(listed.err));
    QVERIFY2(listed.out.contains("not trained") &&
                 listed.out.contains(QString::number(100 * rows[0].valAccuracy, 'f', 2) + "%"),
             qPrintable(listed.out));
    // --folder, as the grid calls it, is the same.
    const Result viaFolder = run({"study", "--folder", dir.path()});
    QVERIFY2(viaFolder.code == 0, qPrintable(viaFolder.err));
    QCOMPARE(viaFolder.out, listed.out);
    const Result onward = run({"study", "--from", dir.path(), "--train", "--quiet"});
    QVERIFY2(onward.code == 0, qPrintable(onward.err));
    states.clear();
    for (const Row& row : readStudyCsv(dir.filePath("study.csv")))
        states << row.strategy + "@" + QString::number(row.phi) + ":" + row.state;
    QCOMPARE(states,
             QStringList({"baseline@0:read back", "compound@1:read back", "compound@2:trained",
                          "depth@1:read back", "depth@2:read back", "width@1:read back",
                          "width@2:trained", "resolution@1:read back", "resolution@2:trained"}));
    QCOMPARE(metricsColumn(dir.filePath("width-phi2"), "image_size"), QStringList{"32"});

    // --from takes the folder's settings only, and a folder that is no study is named.
    const Result mixed = run({"study", "--from", dir.path(), "--epochs", "3"});
    QCOMPARE(mixed.code, 2);
    QVERIFY2(mixed.err.contains("--epochs: goes without --from"), qPrintable(mixed.err));
    const Result mixedFolder = run({"study", "--folder", dir.path(), "--phis", "3"});
    QCOMPARE(mixedFolder.code, 2);
    QVERIFY2(mixedFolder.err.contains("--phis: goes without --folder"),
             qPrintable(mixedFolder.err));
    const Result none = run({"study", "--from", dir.filePath("baseline")});
    QCOMPARE(none.code, 2);
    QVERIFY2(none.err.contains("--from: ") && none.err.contains("has no study.json"),
             qPrintable(none.err));
}

void TestStudyCli::refusesAnotherConfiguration() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath("depth-phi1"));
    QFile config(dir.filePath("depth-phi1/config.json"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    // Another study's point: the preset's own configuration, not this one.
    QProcess exporter;
    exporter.start(qEnvironmentVariable("SCALESCOPE_CLI"), {"export"});
    QVERIFY(exporter.waitForFinished(20000));
    config.write(exporter.readAllStandardOutput());
    config.close();
    const Result r = run(study(dir.path(), 1));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--output-dir: ") && r.err.contains("another configuration"),
             qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(dir.filePath("baseline"))); // refused before anything trained
}

// --seeds 2: every point trained at the configured seed and the next, a row per run in
// study.csv with its seed, and each cell of the table the mean ± its standard error.
void TestStudyCli::seedsAreAveraged() {
    QTemporaryDir dir;
    QStringList args = study(dir.path(), 1);
    args << "--strategies"
         << "width"
         << "--seeds"
         << "2";
    const Result r = run(args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QList<Row> rows = readStudyCsv(dir.filePath("study.csv"));
    QCOMPARE(rows.size(), 4);
    QStringList names;
    for (const Row& row : rows) {
        QCOMPARE(row.state, QString("trained"));
        names << QFileInfo(row.runDir).fileName();
    }
    const QString next = QString::number(scalescope::ScaleConfig().training.seed + 1);
    QCOMPARE(names, QStringList({"baseline", "baseline-seed" + next, "width-phi1",
                                 "width-phi1-seed" + next}));
    const double mean = (rows[2].valAccuracy + rows[3].valAccuracy) / 2;
    const double se = std::abs(rows[2].valAccuracy - rows[3].valAccuracy) / 2;
    const QString cell = QString("%1±%2%").arg(100 * mean, 0, 'f', 2).arg(100 * se, 0, 'f', 2);
    QVERIFY2(r.out.contains(cell), qPrintable(r.out + "\nwanted " + cell));
    QVERIFY(r.out.contains("the mean of 2 seeds"));
}

// With several seeds, study --from sets each strategy against compound scaling at the same φ
// seed by seed: the mean difference in points, its standard error, and the seeds it won.
// The runs are written, not trained, so that the differences are known.
void TestStudyCli::pairedAgainstCompound() {
    QTemporaryDir dir;
    using namespace scalescope;
    const ScaleConfig base = tinyConfig(2);
    StudySpec spec;
    spec.phis = {1};
    spec.strategies = {StudyStrategy::Compound, StudyStrategy::Width, StudyStrategy::Depth};
    spec.seeds = 3;
    try {
        train::recordStudy(dir.path().toStdString(), base, spec, "test");
    } catch (const std::exception& e) {
        QFAIL(e.what());
    }
    // Compound 90, 80, 85%; width +2, -1, +3 points (seed by seed); depth only at seed 1.
    const std::map<StudyStrategy, std::vector<double>> accuracy{
        {StudyStrategy::Baseline, {0.70, 0.60, 0.65}},
        {StudyStrategy::Compound, {0.90, 0.80, 0.85}},
        {StudyStrategy::Width, {0.92, 0.79, 0.88}},
        {StudyStrategy::Depth, {0.95, NAN, NAN}}};
    for (const StudyPoint& p : studyRuns(studyPoints(base, spec), spec.seeds)) {
        const double a = accuracy.at(p.strategy)[size_t(p.seedIndex)];
        if (std::isnan(a)) continue; // not trained
        QVERIFY(writeFakeRun(dir.filePath(QString::fromStdString(p.runName)).toStdString(),
                             p.config, 2, a));
    }
    const Result r = run({"study", "--from", dir.path()});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList lines = r.out.split('\n');
    const auto row = [&](const QString& start) {
        // The paired table's rows: from its title to the blank line after it.
        for (int i = int(lines.indexOf(QRegularExpression("^vs compound.*")));
             i >= 0 && i < lines.size() && !lines[i].isEmpty(); ++i)
            if (lines[i].startsWith(start)) return lines[i].simplified();
        return QString();
    };
    // +2, -1, +3: mean 1.33, sd sqrt(13/3) = 2.08 over sqrt(3) = 1.20; higher at two seeds.
    QCOMPARE(row("width"), QString("width +1.33±1.20 (2/3 higher)"));
    QCOMPARE(row("depth"), QString("depth +5.00 (1/1 higher)")); // one pair: no spread
    QVERIFY2(row("compound").isEmpty(), qPrintable(r.out));
    QVERIFY(r.out.contains("seed by seed"));
    QVERIFY2(!r.out.contains("recorded them"), qPrintable(r.out));
    // The search reward: each point's accuracies discounted by its MACs over the baseline's,
    // to the power -0.07; the baseline's is its accuracy.
    std::int64_t baseMacs = 0, widthMacs = 0;
    for (const StudyPoint& p : studyPoints(base, spec)) {
        if (p.strategy == StudyStrategy::Baseline) baseMacs = p.testMacs;
        if (p.strategy == StudyStrategy::Width) widthMacs = p.testMacs;
    }
    QVERIFY(widthMacs > baseMacs && baseMacs > 0);
    const double factor = std::pow(double(widthMacs) / double(baseMacs), -0.07);
    const double mean = (0.92 + 0.79 + 0.88) / 3;
    const double sd = std::sqrt(
        (std::pow(0.92 - mean, 2) + std::pow(0.79 - mean, 2) + std::pow(0.88 - mean, 2)) / 2);
    const QString reward = QString("%1±%2%")
                               .arg(100 * mean * factor, 0, 'f', 2)
                               .arg(100 * sd / std::sqrt(3.0) * factor, 0, 'f', 2);
    const int rewardTable = int(lines.indexOf(QRegularExpression("^reward .*")));
    QVERIFY2(rewardTable > 0, qPrintable(r.out));
    QString widthReward;
    for (int i = rewardTable; i < lines.size() && widthReward.isEmpty(); ++i)
        if (lines[i].startsWith("width")) widthReward = lines[i];
    QVERIFY2(widthReward.contains("65.00±2.89% (") && widthReward.contains(reward),
             qPrintable(widthReward + "\nwanted " + reward)); // φ 0: the baseline's accuracy

    // Copied with its record alone (study.json and study.csv, the run folders gone), the
    // folder gives the same tables, and says where they come from.
    train::writeStudyCsv(dir.path().toStdString());
    for (const StudyPoint& p : studyRuns(studyPoints(base, spec), spec.seeds))
        QDir(dir.filePath(QString::fromStdString(p.runName))).removeRecursively();
    const Result recorded = run({"study", "--from", dir.path()});
    QVERIFY2(recorded.code == 0, qPrintable(recorded.err));
    QCOMPARE(recorded.out.section("(10 of the 12 runs as study.csv recorded them", 0, 0), r.out);
    QVERIFY2(recorded.out.contains("(10 of the 12 runs as study.csv recorded them: their "
                                   "folders are not in " +
                                   dir.path() + ")"),
             qPrintable(recorded.out));
    // --train trains the two runs nobody trained, and leaves the recorded ten as they are.
    const Result onward = run({"study", "--from", dir.path(), "--train", "--quiet"});
    QVERIFY2(onward.code == 0, qPrintable(onward.err));
    QCOMPARE(onward.err.count("recorded before (its folder is gone)"), 10);
    QCOMPARE(onward.err.count(": training"), 2);
    QVERIFY2(onward.err.contains("recorded before (its folder is gone), 90.00%"),
             qPrintable(onward.err));
    int folders = 0;
    for (const StudyPoint& p : studyRuns(studyPoints(base, spec), spec.seeds))
        folders += QDir(dir.filePath(QString::fromStdString(p.runName))).exists() ? 1 : 0;
    QCOMPARE(folders, 2);
    QFile csv(dir.filePath("study.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString table = QString::fromUtf8(csv.readAll());
    QCOMPARE(table.count("\"recorded\""), 10);
    QCOMPARE(table.count("\"trained\""), 2);

    // One seed a point: no such table.
    StudySpec one = spec;
    one.seeds = 1;
    QTemporaryDir single;
    train::recordStudy(single.path().toStdString(), base, one, "test");
    const Result s = run({"study", "--from", single.path()});
    QVERIFY2(s.code == 0, qPrintable(s.err));
    QVERIFY2(!s.out.contains("vs compound"), qPrintable(s.out));
}

QTEST_GUILESS_MAIN(TestStudyCli)
#include "tst_study_cli.moc"
