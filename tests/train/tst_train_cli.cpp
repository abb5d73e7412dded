// `scalescope-cli train` as a user runs it, including a run killed with SIGKILL and resumed.
#include "scaling/config.h"
#include "scaling/jsonreader.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestTrainCli : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void trainsAndSummarises();
    void killedRunResumes();
    void finishedRunIsKept_data();
    void finishedRunIsKept();
    void badFlags_data();
    void badFlags();
    void failedRunLeavesNoFolder();
    void runsListsRuns();
    void compareSetsRunsAgainstTheFixedOne();
    void trainsSeedsBesideFixedRuns();

  private:
    QStringList tiny(const QString& runDir) {
        return {"train", "--width",    "0.25", "--depth",         "0.25", "--resolution",
                "32",    "--min-size", "24",   "--max-size",      "32",   "--device",
                "cpu",   "--batch",    "32",   "--train-samples", "640",  "--val-samples",
                "128",   "--run-dir",  runDir};
    }
    QTemporaryDir m_finished; // a one-epoch run of tiny(), trained once for the table below
};

void TestTrainCli::initTestCase() {
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            tiny(m_finished.path()) + QStringList{"--epochs", "1", "--quiet"});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
}

void TestTrainCli::trainsAndSummarises() {
    QTemporaryDir dir;
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            tiny(dir.path()) +
                QStringList{
                    "--epochs", "2", "--stages", "2", "--eval-size", "40", "--validate-every", "2",
                    // Regularization and the optimizer's settings.
                    "--weight-decay", "0.0001", "--label-smoothing", "0.05", "--warmup-epochs", "1",
                    "--dropout-min", "0.05", "--dropout-max", "0.25", "--randaugment-min", "1",
                    "--randaugment-max", "6", "--mixup-min", "0.1", "--mixup-max", "0.3"});
    QVERIFY(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, qPrintable(err));
    QVERIFY(err.contains("stage 1/2 from epoch 1: 24 px"));
    QVERIFY(err.contains("stage 2/2 from epoch 2: 32 px"));
    QVERIFY2(err.contains("validated at 40 px"), qPrintable(err));
    QVERIFY(err.contains("ETA"));
    QVERIFY2(err.contains(QRegularExpression("mem \\d+\\.\\d\\d GiB")), qPrintable(err));
    QVERIFY(out.contains("finished: 40 steps"));
    QVERIFY(out.contains("final val accuracy"));
    // Validated after the second epoch only.
    const QRegularExpression epochLine("^epoch (\\d)/2: .*$", QRegularExpression::MultilineOption);
    QStringList epochLines;
    for (auto it = epochLine.globalMatch(err); it.hasNext();)
        epochLines << it.next().captured(0);
    QCOMPARE(epochLines.size(), 2);
    QVERIFY2(!epochLines[0].contains("val acc"), qPrintable(epochLines[0]));
    QVERIFY2(epochLines[1].contains("val acc"), qPrintable(epochLines[1]));
    QVERIFY(QFile::exists(dir.filePath("weights.pt")));
    QFile config(dir.filePath("config.json"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray json = config.readAll();
    QVERIFY(json.contains("\"eval_image_size\": 40"));
    QVERIFY(json.contains("\"validate_every\": 2"));
    const scalescope::ScaleConfig c =
        scalescope::loadConfig(dir.filePath("config.json").toStdString());
    const scalescope::ProgressiveSettings& pr = c.training.progressive;
    QCOMPARE(c.training.weightDecay, 0.0001);
    QCOMPARE(c.training.labelSmoothing, 0.05);
    QCOMPARE(c.training.warmupEpochs, 1.0);
    QCOMPARE(pr.dropoutMin, 0.05);
    QCOMPARE(pr.dropoutMax, 0.25);
    QCOMPARE(pr.randAugmentMin, 1.0);
    QCOMPARE(pr.randAugmentMax, 6.0);
    QCOMPARE(pr.mixupMin, 0.1);
    QCOMPARE(pr.mixupMax, 0.3);
    // Each stage trained with its regularization: the first with the minima, the last with
    // the maxima.
    QVERIFY2(err.contains("stage 1/2 from epoch 1: 24 px, dropout 0.05, RandAugment 1.0, mixup "
                          "0.10"),
             qPrintable(err));
    QVERIFY(
        err.contains("stage 2/2 from epoch 2: 32 px, dropout 0.25, RandAugment 6.0, mixup 0.30"));
}

void TestTrainCli::killedRunResumes() {
    QTemporaryDir dir;
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            tiny(dir.path()) + QStringList{"--epochs", "3", "--checkpoint-every", "5", "--quiet"});
    QVERIFY(p.waitForStarted());
    // Kill it hard once a mid-epoch checkpoint is on disk: no chance to save anything more.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath("checkpoint.pt")), 120000);
    p.kill();
    QVERIFY(p.waitForFinished());
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);
    // Trained again without --resume, the stopped run would be lost: refused.
    QProcess again;
    again.start(qEnvironmentVariable("SCALESCOPE_CLI"),
                tiny(dir.path()) + QStringList{"--epochs", "3", "--checkpoint-every", "5"});
    QVERIFY(again.waitForFinished(60000));
    QCOMPARE(again.exitCode(), 2);
    QVERIFY(again.readAllStandardError().contains("holds this run, stopped: add --resume"));
    // A copy with its checkpoint cut short is refused by name, not with LibTorch's words.
    QTemporaryDir cut;
    for (const char* f : {"config.json", "metrics.csv"})
        QFile::copy(dir.filePath(f), cut.filePath(f));
    QFile checkpoint(dir.filePath("checkpoint.pt"));
    QVERIFY(checkpoint.open(QIODevice::ReadOnly));
    QFile half(cut.filePath("checkpoint.pt"));
    QVERIFY(half.open(QIODevice::WriteOnly));
    half.write(checkpoint.read(checkpoint.size() / 2));
    half.close();
    QProcess broken;
    broken.start(qEnvironmentVariable("SCALESCOPE_CLI"),
                 {"train", "--run-dir", cut.path(), "--resume", "--quiet"});
    QVERIFY(broken.waitForFinished(60000));
    QVERIFY(broken.exitCode() != 0);
    const QByteArray brokenErr = broken.readAllStandardError();
    QVERIFY2(brokenErr.contains("checkpoint.pt is not a checkpoint ScaleScope can read"),
             brokenErr.constData());
    QProcess r;
    r.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            {"train", "--run-dir", dir.path(), "--resume", "--quiet"});
    QVERIFY(r.waitForFinished(120000));
    const QString err = QString::fromUtf8(r.readAllStandardError());
    QVERIFY2(r.exitCode() == 0, qPrintable(err));
    QVERIFY(err.contains("resumed at epoch"));
    QVERIFY(QString::fromUtf8(r.readAllStandardOutput()).contains("finished: 60 steps"));
}

void TestTrainCli::finishedRunIsKept_data() {
    QTest::addColumn<QStringList>("args"); // after tiny() or "train --run-dir DIR"
    QTest::addColumn<bool>("tiny");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); // on stderr, or stdout where it exits 0
    QTest::newRow("trained again") << QStringList{"--epochs", "1"} << true << 2
                                   << "holds this run, finished (final val accuracy";
    QTest::newRow("another configuration")
        << QStringList{"--epochs", "2", "--lr", "0.1"} << true << 2
        << "holds a run of another configuration (training.epochs: 1 there, 2 here; "
           "training.learning_rate: 0.05 there, 0.1 here); choose another folder";
    QTest::newRow("resumed") << QStringList{"--resume"} << false << 0
                             << "finished before; nothing to resume: final val accuracy";
    QTest::newRow("resumed with a flag")
        << QStringList{"--resume", "--epochs", "2"} << false << 2
        << "--epochs: goes without --resume: the run goes on with the configuration in";
    QTest::newRow("resumed as another configuration")
        << QStringList{"--resume", "--preset", "efficientnet-b0"} << false << 2
        << "holds a run of another configuration (scaling.mode: \"explicit\" there, "
           "\"compound\" here;";
}

void TestTrainCli::finishedRunIsKept() {
    QFETCH(QStringList, args);
    QFETCH(bool, tiny);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString dir = m_finished.path();
    QFile metrics(dir + "/metrics.csv");
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    const QByteArray before = metrics.readAll();
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            (tiny ? this->tiny(dir) : QStringList{"train", "--run-dir", dir}) + args);
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == exitCode, qPrintable(err));
    QVERIFY2((exitCode ? err : out).contains(message), qPrintable(err + out));
    // Nothing of the run was touched.
    metrics.seek(0);
    QCOMPARE(metrics.readAll(), before);
}

void TestTrainCli::badFlags_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("epochs 0") << QStringList{"train", "--epochs", "0"}
                              << "training.epochs: must be between";
    QTest::newRow("batch nan") << QStringList{"train", "--batch", "nan"}
                               << "--batch: must be a finite number";
    QTest::newRow("lr negative") << QStringList{"train", "--lr", "-1"}
                                 << "training.learning_rate: must be between";
    QTest::newRow("eval size negative") << QStringList{"train", "--eval-size", "-5"}
                                        << "training.progressive.eval_image_size: must be between";
    QTest::newRow("validate every 0") << QStringList{"train", "--validate-every", "0"}
                                      << "training.validate_every: must be between";
    QTest::newRow("validate every 1.5")
        << QStringList{"train", "--validate-every", "1.5"} << "--validate-every: ";
    QTest::newRow("min size above max")
        << QStringList{"train", "--min-size", "500", "--max-size", "64"}
        << "training.progressive.min_image_size: minimum image size 500 is above the maximum 64";
    QTest::newRow("label smoothing nan") << QStringList{"train", "--label-smoothing", "nan"}
                                         << "--label-smoothing: must be a finite";
    QTest::newRow("mixup negative")
        << QStringList{"train", "--mixup-max", "-1"} << "training.progressive.mixup_max: must be";
    QTest::newRow("dropout above max")
        << QStringList{"train", "--dropout-min", "0.5", "--dropout-max", "0.2"}
        << "training.progressive.dropout_min: ";
    QTest::newRow("schedule") << QStringList{"train", "--schedule", "fast"}
                              << "--schedule: \"fast\" is not one of";
    QTest::newRow("cuda graphs") << QStringList{"train", "--cuda-graphs", "maybe"}
                                 << "--cuda-graphs: must be on or off";
    QTest::newRow("cudnn benchmark")
        << QStringList{"train", "--cudnn-benchmark", "1"} << "--cudnn-benchmark: must be on or off";
    QTest::newRow("init") << QStringList{"train", "--init", "kaiming"}
                          << "training.init: \"kaiming\" is not one of";
    QTest::newRow("dataset") << QStringList{"train", "--dataset", "imagenet"}
                             << "training.dataset: \"imagenet\" is not one of";
    QTest::newRow("folder without path")
        << QStringList{"train", "--dataset", "folder"} << "training.data_path: is required";
    QTest::newRow("resume without dir")
        << QStringList{"train", "--resume"} << "--resume: needs --run-dir";
    QTest::newRow("missing image folder")
        << QStringList{"train", "--dataset", "folder", "--data-path", "/no/such/images"}
#ifdef SCALESCOPE_HAVE_IMGCODECS
        << "training.data_path: /no/such/images is not a folder";
#else // a build without imgcodecs (the GPU host) refuses image folders outright
        << "training.dataset: image folders need OpenCV's imgcodecs, which this build lacks";
#endif
    QTest::newRow("resume empty dir")
        << QStringList{"train", "--resume", "--run-dir", "/tmp", "--preset", "efficientnet-b0"}
        << "run_dir: /tmp has no checkpoint.pt";
}

void TestTrainCli::badFlags() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"), args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2); // bad input, the engine's refusals included
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestTrainCli::failedRunLeavesNoFolder() {
    QTemporaryDir dir;
    const QString runDir = dir.filePath("run");
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            tiny(runDir) + QStringList{"--dataset", "folder", "--data-path", dir.filePath("none")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(!QFileInfo::exists(runDir)); // made for the run, empty when it failed: removed
    // A folder that was there before is left, with what it holds.
    QVERIFY(QDir().mkpath(runDir));
    QFile note(runDir + "/notes.txt");
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.close();
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"),
            tiny(runDir) + QStringList{"--dataset", "folder", "--data-path", dir.filePath("none")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(QFileInfo::exists(runDir + "/notes.txt"));
}

void TestTrainCli::runsListsRuns() {
    const QString cli = qEnvironmentVariable("SCALESCOPE_CLI");
    QProcess p;
    p.start(cli, {"runs", m_finished.path()});
    QVERIFY(p.waitForFinished(30000));
    QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, qPrintable(out));
    const QRegularExpressionMatch row =
        QRegularExpression("EfficientNet-B0 w0.25 d0.25 +shapes +32 +paper +1/1 +"
                           "finished +(\\d+\\.\\d\\d)% +\\d+\\.\\d\\d%")
            .match(out);
    QVERIFY2(row.hasMatch(), qPrintable(out));
    // The run's own last validation, as metrics.csv holds it.
    QFile metrics(m_finished.filePath("metrics.csv"));
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = metrics.readAll().trimmed().split('\n');
    const int column = lines.first().split(',').indexOf("val_accuracy");
    QVERIFY(column >= 0);
    bool parsed = false;
    const double lastVal = lines.last().split(',').at(column).toDouble(&parsed);
    QVERIFY(parsed); // a number, not an empty cell read as 0
    QCOMPARE(row.captured(1), QString::number(100 * lastVal, 'f', 2));
    QVERIFY(out.contains("1 run in " + m_finished.path()));

    p.start(cli, {"runs", "--json", m_finished.path()});
    QVERIFY(p.waitForFinished(30000));
    const QJsonArray list = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject run = list[0].toObject();
    QCOMPARE(run["state"].toString(), QString("finished"));
    QCOMPARE(run["epochs"].toInt(), 1);
    QCOMPARE(run["dir"].toString(), m_finished.path());
    QVERIFY(run["final_val_accuracy"].isDouble()); // not null: the run validated
    QCOMPARE(run["final_val_accuracy"].toDouble(), lastVal);

    // Nothing trained yet where runs go by default; a path that is not a folder is refused.
    QTemporaryDir data;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", data.path());
    p.setProcessEnvironment(env);
    p.start(cli, {"runs"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().startsWith("no runs yet: "));
    // By default the runs folder and, beside it, the grids' and the studies' runs.
    const QString runsDir = data.filePath("scalescope/runs/r1"),
                  studyDir = data.filePath("scalescope/studies/s1/baseline");
    for (const QString& dir : {runsDir, studyDir}) {
        QVERIFY(QDir().mkpath(dir));
        for (const char* file : {"config.json", "metrics.csv"})
            QVERIFY(QFile::copy(m_finished.filePath(file), dir + '/' + file));
    }
    p.start(cli, {"runs", "--json"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QStringList listed;
    for (const QJsonValue& v : QJsonDocument::fromJson(p.readAllStandardOutput()).array())
        listed << v.toObject()["dir"].toString();
    listed.sort();
    QCOMPARE(listed, (QStringList{runsDir, studyDir}));
    p.start(cli, {"runs", "/no/such/runs"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("FOLDER: /no/such/runs is not a folder"));
}

namespace {
// A run folder with `schedule` in its configuration and these validated epochs (accuracy, wall
// time, and the part of it spent validating).
bool writeRun(const QString& dir, const char* schedule, const QList<double>& accuracy,
              const QList<double>& seconds, const QList<double>& validating, int seed = 1) {
    if (!QDir().mkpath(dir)) return false;
    scalescope::ScaleConfig c = scalescope::configForPreset("efficientnet-b0");
    c.training.epochs = int(accuracy.size());
    c.training.seed = std::uint64_t(seed);
    c.training.progressive.schedule = scalescope::scheduleFromString(schedule, "schedule");
    scalescope::saveConfig(c, (dir + "/config.json").toStdString());
    QFile f(dir + "/metrics.csv");
    if (!f.open(QIODevice::WriteOnly)) return false;
    f.write("epoch,step,stage,image_size,dropout,randaugment,mixup,learning_rate,train_loss,"
            "train_accuracy,val_loss,val_accuracy,images_per_second,elapsed_seconds,"
            "validation_seconds\n");
    for (int i = 0; i < accuracy.size(); ++i)
        f.write(QString("%1,%2,0,64,0.1,5,0,0.1,1,0.5,1,%3,100,%4,%5\n")
                    .arg(i)
                    .arg(10 * (i + 1))
                    .arg(accuracy[i])
                    .arg(seconds[i])
                    .arg(validating[i])
                    .toUtf8());
    return true;
}
} // namespace

void TestTrainCli::compareSetsRunsAgainstTheFixedOne() {
    QTemporaryDir dir;
    const QString paper = dir.filePath("paper"), fixed = dir.filePath("fixed");
    // The fixed run ends at 90%, which it reached after 30 s (27 s training); the progressive
    // run gets there after 15 s (13 s training).
    QVERIFY(writeRun(paper, "paper", {0.6, 0.9}, {8, 15}, {1, 2}));
    QVERIFY(writeRun(fixed, "fixed", {0.5, 0.8, 0.9}, {10, 20, 30}, {1, 2, 3}));
    QTemporaryDir empty; // a folder without runs
    const QString cli = qEnvironmentVariable("SCALESCOPE_CLI");
    QProcess p;
    p.start(cli, {"compare", paper, fixed});
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY2(out.contains(QRegularExpression("paper +paper +2/2 +90\\.00% +90\\.00% +00:15 +"
                                             "epoch 2, 00:15 +0\\.50 +0\\.48 +\\+0\\.00\n")),
             qPrintable(out));
    QVERIFY2(
        out.contains(QRegularExpression("fixed +fixed +3/3 .* epoch 3, 00:30 +1\\.00 +1\\.00")),
        qPrintable(out));
    QVERIFY(out.contains("reference: " + fixed + ", which ended at 90.00%"));
    QVERIFY2(!out.contains("note:"), qPrintable(out)); // the same images
    // The folder that holds both stands for them, by name.
    p.start(cli, {"compare", dir.path()});
    QVERIFY(p.waitForFinished(30000));
    const QString fromFolder = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(fromFolder.indexOf(fixed + " ") < fromFolder.indexOf(paper + " "),
             qPrintable(fromFolder));
    QVERIFY(
        fromFolder.contains(QRegularExpression(" epoch 2, 00:15 +0\\.50 +0\\.48 +\\+0\\.00\n")));

    p.start(cli, {"compare", "--json", fixed, paper, "--reference", "2"});
    QVERIFY(p.waitForFinished(30000));
    const QJsonObject j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(j["reference"].toString(), paper);
    const QJsonArray runs = j["runs"].toArray();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0].toObject()["reached_epoch"].toInt(), 3); // 90% against the paper run's 90%
    QCOMPARE(runs[0].toObject()["time_ratio"].toDouble(), 2.0);
    QCOMPARE(runs[1].toObject()["training_time_ratio"].toDouble(), 1.0);
    QVERIFY(runs[0].toObject()["same_validation_images"].toBool());

    // A run validated on other images is named in a note.
    const QString other = dir.filePath("seed2");
    QVERIFY(writeRun(other, "paper", {0.95}, {4}, {1}, 2));
    p.start(cli, {"compare", fixed, other});
    QVERIFY(p.waitForFinished(30000));
    const QString noted = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(noted.contains("note: " + other +
                            " validated on other images (shapes, 1000 images "
                            "(seed 2), at 224 px) than the reference (shapes, 1000 images "
                            "(seed 1), at 224 px): its accuracies do not compare"),
             qPrintable(noted));

    // Seeds averaged: two pairs of runs, seeds 1 and 2. The fixed runs end at 90% and 80%
    // (mean 85%, first reached after epoch 2 at 21 s), the progressive ones at 90% and 70%
    // (mean 80%): 0 and -10 points, -5 +- 5 seed by seed.
    QTemporaryDir seeds;
    const QString s1 = seeds.filePath("seed1"), s2 = seeds.filePath("seed2");
    QVERIFY(writeRun(s1 + "/fixed", "fixed", {0.5, 0.9}, {10, 20}, {1, 2}));
    QVERIFY(writeRun(s1 + "/paper", "paper", {0.6, 0.9}, {5, 10}, {1, 2}));
    QVERIFY(writeRun(s2 + "/fixed", "fixed", {0.6, 0.8}, {12, 22}, {1, 2}, 2));
    QVERIFY(writeRun(s2 + "/paper", "paper", {0.5, 0.7}, {6, 12}, {1, 2}, 2));
    p.start(cli, {"compare", "--mean-seeds", s1, s2});
    QVERIFY(p.waitForFinished(30000));
    const QString means = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY2(means.contains(QRegularExpression("seed\\{1\\.\\.2\\}/fixed +fixed +2/2 +85\\.00% "
                                               "+85\\.00% +00:21 +epoch 2, 00:21 +1\\.00")),
             qPrintable(means));
    QVERIFY2(means.contains(
                 QRegularExpression("seed\\{1\\.\\.2\\}/paper +paper +2/2 +80\\.00% .* never .* "
                                    "-5\\.00 \\+-5\\.00\n")),
             qPrintable(means));
    QVERIFY2(means.contains("seed{1..2}/paper: the mean of 2 runs (seeds 1, 2) over the 2 epochs "
                            "all of them recorded\n"),
             qPrintable(means));
    QVERIFY2(means.contains("seed{1..2}/paper against the reference, final accuracy seed by seed: "
                            "-5.00 points (standard error 5.00) over 2 seeds"),
             qPrintable(means));
    QVERIFY2(!means.contains("note:"), qPrintable(means)); // each seed's pair on its images
    p.start(cli, {"compare", "--mean-seeds", "--json", s1, s2});
    QVERIFY(p.waitForFinished(30000));
    const QJsonArray meanRows =
        QJsonDocument::fromJson(p.readAllStandardOutput()).object()["runs"].toArray();
    QCOMPARE(meanRows.size(), 2);
    const QJsonObject paperMean = meanRows[1].toObject();
    QCOMPARE(paperMean["runs"].toArray().size(), 2);
    QCOMPARE(paperMean["seeds"].toArray()[1].toInt(), 2);
    QCOMPARE(paperMean["seed_pairs"].toInt(), 2);
    QVERIFY(std::abs(paperMean["final_difference"].toDouble() + 0.05) < 1e-9);
    QVERIFY(std::abs(paperMean["final_difference_standard_error"].toDouble() - 0.05) < 1e-9);
    // Without the flag the four runs stand alone.
    p.start(cli, {"compare", "--json", s1, s2});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(QJsonDocument::fromJson(p.readAllStandardOutput()).object()["runs"].toArray().size(),
             4);

    for (const QStringList& bad :
         {QStringList{"compare", fixed}, QStringList{"compare", fixed, paper, "--reference", "0"},
          QStringList{"compare", fixed, dir.filePath("none")},
          QStringList{"compare", fixed, empty.path()}}) {
        p.start(cli, bad);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains("error: RUN: ") || err.contains("error: --reference: must be"),
                 qPrintable(err));
    }
}

void TestTrainCli::trainsSeedsBesideFixedRuns() {
    QTemporaryDir dir;
    const QString cli = qEnvironmentVariable("SCALESCOPE_CLI");
    const QStringList args =
        tiny(dir.path()) +
        QStringList{"--epochs", "1", "--seed", "4", "--seeds", "2", "--also-fixed", "--quiet"};
    QProcess p;
    p.start(cli, args);
    QVERIFY(p.waitForFinished(240000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    // One folder: seed4/paper, seed4/fixed, seed5/paper, seed5/fixed, each at its seed.
    for (const char* schedule : {"paper", "fixed"})
        for (int seed : {4, 5}) {
            const QString run = QString("%1/seed%2/%3").arg(dir.path()).arg(seed).arg(schedule);
            const scalescope::ScaleConfig c =
                scalescope::loadConfig((run + "/config.json").toStdString());
            QCOMPARE(c.training.seed, std::uint64_t(seed));
            QCOMPARE(QString::fromStdString(scalescope::toString(c.training.progressive.schedule)),
                     QString(schedule));
            QVERIFY2(
                out.contains(
                    QString("seed %1, %2: trained, final val accuracy").arg(seed).arg(schedule)),
                qPrintable(out));
        }
    // Then compared as compare --mean-seeds compares them.
    QVERIFY2(out.contains(QRegularExpression("seed\\{4\\.\\.5\\}/fixed +fixed +1/1 ")),
             qPrintable(out));
    QVERIFY2(out.contains("seed{4..5}/paper: the mean of 2 runs (seeds 4, 5)"), qPrintable(out));
    QVERIFY2(out.contains("against the reference, final accuracy seed by seed: "), qPrintable(out));
    // The same command again reads them back: nothing is trained twice.
    p.start(cli, args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains("seed 5, fixed: read back"));
    // experiment.json records it: --resume with the folder alone trains what is missing.
    const scalescope::Json recorded =
        scalescope::parseJsonFile(dir.filePath("experiment.json").toStdString());
    QCOMPARE(recorded["seeds"].get<int>(), 2);
    QVERIFY(recorded["also_fixed"].get<bool>());
    QCOMPARE(recorded["config"]["training"]["seed"].get<int>(), 4);
    QVERIFY(QDir(dir.filePath("seed5/fixed")).removeRecursively()); // as if never trained
    const QStringList resume{"train", "--resume", "--run-dir", dir.path(), "--quiet"};
    p.start(cli, resume);
    QVERIFY(p.waitForFinished(240000));
    const QString resumed = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY2(resumed.contains("seed 5, fixed: trained, final val accuracy") &&
                 resumed.contains("seed 4, paper: read back"),
             qPrintable(resumed));
    QVERIFY(QFileInfo::exists(dir.filePath("seed5/fixed/weights.pt")));
    // What the folder records is not changed by flags, nor trained over by another model.
    p.start(cli, resume + QStringList{"--epochs", "3"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(
        QString::fromUtf8(p.readAllStandardError()).contains("--epochs: goes without --resume"),
        qPrintable(QString::fromUtf8(p.readAllStandardError())));
    QStringList otherModel = args;
    otherModel[otherModel.indexOf("--epochs") + 1] = "2";
    p.start(cli, otherModel);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    const QString refusedOther = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(refusedOther.contains("holds an experiment of another configuration: "
                                   "training.epochs: 1 there, 2 here"),
             qPrintable(refusedOther));
    // A damaged record is named, not trained over.
    QFile record(dir.filePath("experiment.json"));
    QVERIFY(record.open(QIODevice::WriteOnly | QIODevice::Truncate));
    scalescope::Json damagedJson = recorded;
    damagedJson["seeds"] = -1;
    record.write(QByteArray::fromStdString(damagedJson.dump()));
    record.close();
    p.start(cli, resume);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    const QString damaged = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(damaged.contains("experiment.json: seeds: must be between 1 and 100, not -1"),
             qPrintable(damaged));

    // Refusals name the flag.
    QTemporaryDir other;
    const QString config = other.filePath("late-seed.json");
    scalescope::ScaleConfig late = scalescope::configForPreset("efficientnet-b0");
    late.training.seed = scalescope::kMaxSeed - 1;
    scalescope::saveConfig(late, config.toStdString());
    const QString bad = other.filePath("bad");
    for (const auto& [flags, message] : std::vector<std::pair<QStringList, QString>>{
             {{"--seeds", "0"}, "--seeds: must be between 1 and 100, not 0"},
             {{"--also-fixed", "--schedule", "fixed"},
              "--also-fixed: the schedule is fixed already"},
             {{"--seeds", "2", "--resume"}, "--resume: not with --seeds"},
             {{"--config", config, "--seeds", "3"},
              "--seeds: 3 seeds from 9007199254740991 run past the largest seed"}}) {
        p.start(cli, QStringList{"train", "--run-dir", bad} + flags);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }
    QVERIFY(!QFileInfo::exists(bad)); // nothing written
}

QTEST_GUILESS_MAIN(TestTrainCli)
#include "tst_train_cli.moc"
