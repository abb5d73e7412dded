// `scalescope-cli grid --train` as a user runs it: every candidate trained into its own run
// folder and ranked in grid.csv; a second run reads finished candidates back; a stopped grid
// goes on from its checkpoint; a folder of another configuration is refused before training.
#include "clirun.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

namespace {
constexpr int kTimeoutMs = 300000; // two small models on two busy CI cores

struct Row {
    double alpha, beta, gamma, valAccuracy;
    QString state, runDir;
    qint64 seed;
};

// grid.csv's rows; the quoted cells (state, run_dir) hold no commas in these tests.
QList<Row> readGridCsv(const QString& path) {
    QList<Row> rows;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return rows;
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    for (int i = 1; i < lines.size(); ++i) {
        QStringList c = lines[i].split(',');
        if (c.size() != 15) continue;
        rows.push_back({c[0].toDouble(), c[1].toDouble(), c[2].toDouble(),
                        c[9].isEmpty() ? NAN : c[9].toDouble(), c[12].remove('"'),
                        c[13].remove('"'), c[14].toLongLong()});
    }
    return rows;
}

// The val_accuracy cells of a run folder's metrics.csv.
QList<double> runAccuracies(const QString& dir) {
    QList<double> acc;
    QFile f(dir + "/metrics.csv");
    if (!f.open(QIODevice::ReadOnly)) return acc;
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    const int col = lines.value(0).split(',').indexOf("val_accuracy");
    for (int i = 1; i < lines.size(); ++i)
        acc.push_back(lines[i].split(',').value(col).toDouble());
    return acc;
}

// Line `n` of a run folder's metrics.csv (0: the header).
QString metricsRow(const QString& dir, int n) {
    QFile f(dir + "/metrics.csv");
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).split('\n').value(n);
}
} // namespace

class TestGridCli : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void trainsRanksAndReadsBack();
    void stoppedGridGoesOn();
    void measuresCandidates();
    void seedsAreSetAgainstThePaper();

  private:
    // B0 capped at 32 px on a few shapes: seconds an epoch on a CPU.
    QStringList grid(const QString& dir, int candidates, int epochs, int images) {
        return {"grid",
                "--limit",
                QString::number(candidates),
                "--max-resolution",
                "32",
                "--min-size",
                "32",
                "--max-size",
                "32",
                "--train-samples",
                QString::number(images),
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

void TestGridCli::trainsRanksAndReadsBack() {
    QTemporaryDir dir;
    const Result r = run(grid(dir.path(), 2, 1, 64));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("rank"));
    const QList<Row> rows = readGridCsv(dir.filePath("grid.csv"));
    QCOMPARE(rows.size(), 2);
    for (const Row& row : rows) {
        QCOMPARE(row.state, QString("trained"));
        // Each candidate is within the tolerance of 2, and its folder holds its run.
        QVERIFY(std::abs(row.alpha * row.beta * row.beta * row.gamma * row.gamma - 2) <= 0.1);
        const QList<double> acc = runAccuracies(row.runDir);
        QCOMPARE(acc.size(), 1);
        QCOMPARE(row.valAccuracy, acc.back());
    }
    QVERIFY(rows[0].runDir != rows[1].runDir);

    // Again: nothing is trained twice.
    const Result again = run(grid(dir.path(), 2, 1, 64));
    QVERIFY2(again.code == 0, qPrintable(again.err));
    QCOMPARE(again.err.count("finished before"), 2);
    const QList<Row> back = readGridCsv(dir.filePath("grid.csv"));
    QCOMPARE(back.size(), 2);
    QCOMPARE(back[0].state, QString("read back"));
    QCOMPARE(back[0].valAccuracy, rows[0].valAccuracy);

    // --folder keeps the --limit: the two candidates trained, not the grid's other 70-odd.
    const Result folder = run({"grid", "--folder", dir.path()});
    QVERIFY2(folder.code == 0, qPrintable(folder.err));
    const QStringList ranked = folder.out.section("rank", 1).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(ranked.size(), 3); // the header's rest, then a line per candidate
    QVERIFY2(!folder.out.contains("not trained"), qPrintable(folder.out));

    // Other training options into the same folder: refused before anything trains.
    const Result other = run(grid(dir.path(), 2, 2, 64));
    QCOMPARE(other.code, 2);
    QVERIFY2(other.err.contains("--output-dir:") && other.err.contains("another configuration"),
             qPrintable(other.err));
    QVERIFY(!other.err.contains("MACs: training"));
    QCOMPARE(runAccuracies(rows[0].runDir).size(), 1);
}

void TestGridCli::stoppedGridGoesOn() {
    QTemporaryDir dir;
    const QStringList args = grid(dir.path(), 2, 3, 640);
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"), args);
    QVERIFY(p.waitForStarted());
    // Stop it (SIGTERM, as a closed terminal does) once the first candidate finished an epoch.
    QString first;
    const auto oneEpochDone = [&] {
        for (const QString& d : QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            if (runAccuracies(dir.filePath(d)).size() >= 1) {
                first = d;
                return true;
            }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(oneEpochDone(), kTimeoutMs);
    p.terminate();
    QVERIFY(p.waitForFinished(kTimeoutMs));
    QCOMPARE(p.exitCode(), 130);
    QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains("run the same command again"));
    const QList<double> before = runAccuracies(dir.filePath(first));
    const QString firstRow = metricsRow(dir.filePath(first), 1);
    QVERIFY(before.size() < 3);
    QCOMPARE(readGridCsv(dir.filePath("grid.csv")).value(0).state, QString("stopped"));

    const Result r = run(args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("continuing"), qPrintable(r.err));
    const QList<Row> rows = readGridCsv(dir.filePath("grid.csv"));
    QCOMPARE(rows.size(), 2);
    const QList<double> after = runAccuracies(dir.filePath(first));
    QCOMPARE(after.size(), 3);
    // Its first epoch kept, not trained again: the same row, its clock included.
    QCOMPARE(metricsRow(dir.filePath(first), 1), firstRow);
    QCOMPARE(runAccuracies(rows[1].runDir).size(), 3);
}

void TestGridCli::measuresCandidates() {
    // --measure times every listed candidate: same-budget candidates do not take the same time.
    const QStringList args = {"grid", "--limit",  "2",   "--max-resolution", "32", "--batch",
                              "4",    "--device", "cpu", "--measure"};
    const Result json = run(args + QStringList{"--json"});
    QVERIFY2(json.code == 0, qPrintable(json.err));
    QVERIFY2(json.err.contains("[2/2] measuring alpha"), qPrintable(json.err));
    const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8())["candidates"].toArray();
    QCOMPARE(rows.size(), 2);
    for (const auto& r : rows) {
        QVERIFY(r.toObject()["train_images_per_second"].toDouble() > 0);
        QVERIFY(r.toObject()["inference_images_per_second"].toDouble() > 0);
    }
    const Result table = run(args);
    QVERIFY2(table.code == 0, qPrintable(table.err));
    QVERIFY2(table.out.contains("step img/s  infer img/s"), qPrintable(table.out));
    const Result both = run(args + QStringList{"--train"});
    QCOMPARE(both.code, 2);
    QVERIFY2(both.err.contains("--measure: times the listed candidates"), qPrintable(both.err));
    // Without --measure the listing has no such columns.
    const Result plain = run({"grid", "--limit", "2"});
    QVERIFY(!plain.out.contains("img/s"));
}

// --seeds 2: every candidate trained at the configured seed and the next (a row per run in
// grid.csv, with its seed), ranked by the mean, and set against the paper's 1.2, 1.1, 1.15
// seed by seed. Of α, β, γ in {1.1, 1.15, 1.2} only the paper's and 1.2, 1.15, 1.1 give 1.9203.
void TestGridCli::seedsAreSetAgainstThePaper() {
    QTemporaryDir dir;
    QStringList args = grid(dir.path(), 2, 1, 64);
    args << "--from"
         << "1.1"
         << "--to"
         << "1.2"
         << "--step"
         << "0.05"
         << "--target"
         << "1.9203"
         << "--tolerance"
         << "0.001"
         << "--seeds"
         << "2";
    const Result r = run(args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QList<Row> rows = readGridCsv(dir.filePath("grid.csv"));
    QCOMPARE(rows.size(), 4);
    const qint64 seed = rows[0].seed;
    QMap<QString, QList<double>> bySeed; // "a1.2-b1.1-g1.15": seed 1's, seed 2's
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows[i].state, QString("trained"));
        QCOMPARE(rows[i].seed, seed + i / 2); // seed by seed
        const QString name = QFileInfo(rows[i].runDir).fileName();
        QCOMPARE(name.endsWith(QString("-seed%1").arg(seed + 1)), i >= 2);
        QCOMPARE(runAccuracies(rows[i].runDir).value(0), rows[i].valAccuracy);
        bySeed[name.section("-seed", 0, 0)] << rows[i].valAccuracy;
    }
    const QList<double> paper = bySeed.value("a1.2-b1.1-g1.15"),
                        other = bySeed.value("a1.2-b1.15-g1.1");
    QCOMPARE(paper.size(), 2);
    QCOMPARE(other.size(), 2);
    const double d0 = other[0] - paper[0], d1 = other[1] - paper[1];
    const double mean = (d0 + d1) / 2, se = std::abs(d0 - d1) / 2;
    const QString cell = QString("%1%2±%3 (%4/2 higher)")
                             .arg(mean >= 0 ? "+" : "")
                             .arg(100 * mean, 0, 'f', 2)
                             .arg(100 * se, 0, 'f', 2)
                             .arg(int(d0 > 0) + int(d1 > 0));
    QVERIFY2(r.out.contains("vs 1.2/1.1/1.15") && r.out.contains(cell),
             qPrintable(r.out + "\nwanted " + cell));
    const double paperMean = (paper[0] + paper[1]) / 2;
    QVERIFY2(r.out.contains(QString("%1±%2%")
                                .arg(100 * paperMean, 0, 'f', 2)
                                .arg(100 * std::abs(paper[0] - paper[1]) / 2, 0, 'f', 2)),
             qPrintable(r.out));
    QVERIFY(r.out.contains("2/2 trained"));
    // grid.json: the grid and its seeds, with which the GUI's grid window opens the folder.
    QFile manifest(dir.filePath("grid.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QJsonObject j = QJsonDocument::fromJson(manifest.readAll()).object();
    QCOMPARE(j.value("format").toString(), QString("scalescope-grid"));
    QCOMPARE(j.value("seeds").toInt(), 2);
    QCOMPARE(j.value("target").toDouble(), 1.9203);
    QCOMPARE(j.value("tolerance").toDouble(), 0.001);
    QCOMPARE(j.value("config").toObject().value("training").toObject().value("epochs").toInt(), 1);

    // --folder: the same ranking from the folder alone, its model, grid and seeds from
    // grid.json, nothing trained; the table's lines as the training command printed them.
    const Result folder = run({"grid", "--folder", dir.path()});
    QVERIFY2(folder.code == 0, qPrintable(folder.err));
    // The time column aside: a run just trained counts its start-up, the folder its epochs.
    const QRegularExpression time(" +[0-9.]+s ");
    const QString table = r.out.section("rank", 1).section("(val acc", 0, 0).remove(time);
    QVERIFY(!table.trimmed().isEmpty());
    QVERIFY2(QString(folder.out).remove(time).contains(table),
             qPrintable(folder.out + "\nwanted\n" + table));
    QVERIFY(!folder.err.contains("training"));
    const Result own = run({"grid", "--folder", dir.path(), "--epochs", "2"});
    QCOMPARE(own.code, 2);
    QVERIFY2(own.err.contains("--epochs: goes without --folder"), qPrintable(own.err));
    QTemporaryDir empty;
    const Result none = run({"grid", "--folder", empty.path()});
    QCOMPARE(none.code, 2);
    QVERIFY2(none.err.contains("--folder: ") && none.err.contains("has no grid.json"),
             qPrintable(none.err));

    // Seeds go with --train, and within 1 to 10.
    const Result listing = run({"grid", "--seeds", "2"});
    QCOMPARE(listing.code, 2);
    QVERIFY2(listing.err.contains("--seeds: goes with --train"), qPrintable(listing.err));
    QStringList many = grid(dir.path(), 2, 1, 64);
    many << "--seeds"
         << "11";
    const Result tooMany = run(many);
    QCOMPARE(tooMany.code, 2);
    QVERIFY2(tooMany.err.contains("--seeds: must be from 1 to 10"), qPrintable(tooMany.err));
}

QTEST_GUILESS_MAIN(TestGridCli)
#include "tst_grid_cli.moc"
