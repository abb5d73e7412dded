// Runs against a reference by wall time: when each first reached the reference's final
// accuracy, and in what share of the time the reference took to get there itself.
#include "train/runcomparison.h"

#include <QtTest>
#include <cmath>
#include <limits>
#include <stdexcept>

using namespace scalescope::train;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A run's epochs: accuracy (NaN: not validated), wall time, and the validating part of it.
ComparedRun run(const char* name, const QList<double>& accuracy, const QList<double>& seconds,
                const QList<double>& validating = {}) {
    ComparedRun r;
    r.name = name;
    for (int i = 0; i < accuracy.size(); ++i) {
        TrainEvent e;
        e.type = TrainEvent::Type::Epoch;
        e.epoch = i;
        e.valAccuracy = accuracy[i];
        e.elapsedSeconds = seconds[i];
        e.validationSeconds = validating.isEmpty() ? kNaN : validating[i];
        r.epochs.push_back(e);
    }
    return r;
}

bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) < 1e-12;
}
} // namespace

class TestRunComparison : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void reachesTheReference_data();
    void reachesTheReference();
    void trainingTimeLeavesValidationOut();
    void summariesOfEachRun();
    void refusals();
    void otherValidationImagesAreMarked();
    void defaultReferenceIsTheFixedRun();
    void seedsOfOneConfigurationAreAveraged();
    void meansHoldBackForTheShortestMember();
    void meansArePairedBySeed();
    void seedPathsWrittenAsOne_data();
    void seedPathsWrittenAsOne();
};

void TestRunComparison::reachesTheReference_data() {
    QTest::addColumn<QList<double>>("accuracy");
    QTest::addColumn<QList<double>>("seconds");
    QTest::addColumn<int>("epoch");
    QTest::addColumn<double>("ratio");
    // The reference ends at 0.9, which it first reached after epoch 3, at 30 s.
    QTest::newRow("sooner") << QList<double>{0.4, 0.7, 0.85, 0.92} << QList<double>{5, 10, 16, 24}
                            << 4 << 0.8;
    QTest::newRow("exactly the target")
        << QList<double>{0.5, 0.9} << QList<double>{9, 21} << 2 << 0.7;
    QTest::newRow("later") << QList<double>{0.5, 0.6, 0.95} << QList<double>{20, 40, 60} << 3
                           << 2.0;
    QTest::newRow("never") << QList<double>{0.5, 0.89} << QList<double>{5, 10} << 0 << kNaN;
    // Epochs between validations (NaN) are passed over.
    QTest::newRow("validated every other epoch")
        << QList<double>{kNaN, 0.8, kNaN, 0.91} << QList<double>{4, 8, 12, 15} << 4 << 0.5;
}

void TestRunComparison::reachesTheReference() {
    QFETCH(QList<double>, accuracy);
    QFETCH(QList<double>, seconds);
    QFETCH(int, epoch);
    QFETCH(double, ratio);
    const std::vector<ComparedRun> runs = {
        run("fixed", {0.5, 0.8, 0.9, 0.88, 0.9}, {10, 20, 30, 40, 50}),
        run("paper", accuracy, seconds)};
    const RunComparison c = compareRuns(runs, 0);
    QCOMPARE(c.reference, 0);
    QCOMPARE(c.target, 0.9);
    // The reference is timed to where it got there itself, not to its end.
    QCOMPARE(c.rows[0].reachedEpoch, 3);
    QCOMPARE(c.rows[0].reachedSeconds, 30.0);
    QCOMPARE(c.rows[0].ratio, 1.0);
    QCOMPARE(c.rows[1].reachedEpoch, epoch);
    QVERIFY2(same(c.rows[1].ratio, ratio), qPrintable(QString::number(c.rows[1].ratio)));
}

void TestRunComparison::trainingTimeLeavesValidationOut() {
    // Both validate for 2 s an epoch; the progressive run trains its epochs in half the time.
    const std::vector<ComparedRun> runs = {run("fixed", {0.6, 0.9}, {10, 20}, {2, 4}),
                                           run("paper", {0.7, 0.9}, {6, 12}, {2, 4})};
    const RunComparison c = compareRuns(runs, 0);
    QCOMPARE(c.rows[1].reachedSeconds, 12.0);
    QCOMPARE(c.rows[1].ratio, 0.6);            // 12 of 20 s
    QCOMPARE(c.rows[1].trainingRatio, 0.5);    // 8 of 16 s
    QCOMPARE(c.rows[0].trainingSeconds, 16.0); // at its last epoch
    // Runs from before validation_seconds was recorded: no training ratio, the rest stands.
    const RunComparison old = compareRuns({run("fixed", {0.6, 0.9}, {10, 20}), runs[1]}, 0);
    QCOMPARE(old.rows[1].ratio, 0.6);
    QVERIFY(std::isnan(old.rows[1].trainingRatio));
}

void TestRunComparison::summariesOfEachRun() {
    ComparedRun stopped = run("stopped", {0.7, 0.95, 0.93}, {10, 20, 30});
    stopped.plannedEpochs = 10;
    const RunComparison c =
        compareRuns({stopped, run("nothing validated", {kNaN}, {5}), run("later", {0.2}, {3})}, 2);
    QCOMPARE(c.target, 0.2);
    QCOMPARE(c.rows[0].epochs, 3);
    QCOMPARE(c.rows[0].plannedEpochs, 10);
    QCOMPARE(c.rows[0].finalAccuracy, 0.93);
    QCOMPARE(c.rows[0].bestAccuracy, 0.95);
    QCOMPARE(c.rows[0].seconds, 30.0);
    QCOMPARE(c.rows[0].reachedEpoch, 1);
    QCOMPARE(c.rows[0].ratio, 10.0 / 3.0);
    QVERIFY(std::isnan(c.rows[1].finalAccuracy));
    QCOMPARE(c.rows[1].reachedEpoch, 0);
    QCOMPARE(c.rows[1].plannedEpochs, 1);
}

void TestRunComparison::refusals() {
    const ComparedRun a = run("fixed", {0.5}, {1});
    for (int bad : {-1, 1}) {
        try {
            compareRuns({a}, bad);
            QFAIL("an absent reference was taken");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString(e.what()).startsWith("reference: run "), e.what());
        }
    }
    try {
        compareRuns({a, run("fresh", {kNaN}, {2})}, 1);
        QFAIL("a reference without a validation was taken");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(QString(e.what()), QString("reference: fresh has no validated epoch yet"));
    }
}

void TestRunComparison::otherValidationImagesAreMarked() {
    ComparedRun fixed = run("fixed", {0.9}, {10}), paper = run("paper", {0.9}, {5}),
                fashion = run("fashion", {0.95}, {4}), unknown = run("old", {0.9}, {6});
    fixed.validation = paper.validation = "shapes, 400 images (seed 1), at 32 px";
    fashion.validation = "fashion-mnist, every test image, at 28 px";
    const RunComparison c = compareRuns({fixed, paper, fashion, unknown}, 0);
    QVERIFY(c.rows[0].sameValidation);
    QVERIFY(c.rows[1].sameValidation);
    QVERIFY(!c.rows[2].sameValidation);
    QCOMPARE(c.rows[2].ratio, 0.4);    // still computed; the mark says what it is worth
    QVERIFY(c.rows[3].sameValidation); // not recorded: not told apart
}

void TestRunComparison::defaultReferenceIsTheFixedRun() {
    QCOMPARE(defaultReference({"paper", "code", "fixed", "fixed"}), 2);
    QCOMPARE(defaultReference({"paper", "code"}), 0);
    QCOMPARE(defaultReference({}), 0);
}

namespace {
ComparedRun seeded(ComparedRun r, const char* group, std::uint64_t seed) {
    r.seedGroup = group;
    r.seed = seed;
    r.validation = "shapes, 400 images (seed " + std::to_string(seed) + "), at 32 px";
    return r;
}
} // namespace

void TestRunComparison::seedsOfOneConfigurationAreAveraged() {
    const std::vector<ComparedRun> runs = {
        seeded(run("fixed-1", {0.5, 0.8}, {10, 20}, {1, 2}), "fixed", 1),
        seeded(run("paper-1", {0.4, 0.7}, {6, 12}), "paper", 1),
        seeded(run("fixed-2", {0.7, 0.9}, {12, 22}, {3, 4}), "fixed", 2),
        // The same seed again (a re-run): not averaged with its twin.
        seeded(run("fixed-1 again", {0.6, 0.6}, {11, 21}), "fixed", 1),
        run("unknown", {0.2, 0.3}, {1, 2}), // no configuration: alone
        run("unknown too", {0.2, 0.3}, {1, 2}),
    };
    const std::vector<SeedMean> g = meanOverSeeds(runs);
    QCOMPARE(int(g.size()), 5);
    QCOMPARE(g[0].members, (std::vector<int>{0, 2}));
    QCOMPARE(g[0].seeds, (std::vector<std::uint64_t>{1, 2}));
    QCOMPARE(g[1].members, std::vector<int>{1});
    QCOMPARE(g[2].members, std::vector<int>{3});
    QCOMPARE(g[3].members, std::vector<int>{4});
    QCOMPARE(g[4].members, std::vector<int>{5});
    const ComparedRun& mean = g[0].run;
    QCOMPARE(mean.name, std::string("fixed-1"));
    QCOMPARE(int(mean.epochs.size()), 2);
    QVERIFY(same(mean.epochs[0].valAccuracy, 0.6));
    QVERIFY(same(mean.epochs[1].valAccuracy, 0.85));
    QVERIFY(same(mean.epochs[1].elapsedSeconds, 21));
    QVERIFY(same(mean.epochs[1].validationSeconds, 3));
    // Each seed validated on its own images: the mean names both.
    QCOMPARE(mean.validation, std::string("shapes, 400 images (seed 1), at 32 px; shapes, 400 "
                                          "images (seed 2), at 32 px"));
    // A lone run is itself.
    QCOMPARE(g[1].run.name, std::string("paper-1"));
    QVERIFY(same(g[1].run.epochs[1].valAccuracy, 0.7));
}

void TestRunComparison::meansHoldBackForTheShortestMember() {
    ComparedRun a = seeded(run("a", {0.5, kNaN, 0.8}, {10, 20, 30}), "g", 1);
    ComparedRun b = seeded(run("b", {0.7, 0.75}, {12, 22}), "g", 2); // still training
    a.plannedEpochs = b.plannedEpochs = 3;
    const std::vector<SeedMean> g = meanOverSeeds({a, b});
    QCOMPARE(int(g.size()), 1);
    const ComparedRun& mean = g[0].run;
    QCOMPARE(int(mean.epochs.size()), 2);
    QCOMPARE(mean.plannedEpochs, 3);
    QVERIFY(same(mean.epochs[0].valAccuracy, 0.6));
    // One member did not validate the second epoch: neither did the mean.
    QVERIFY(std::isnan(mean.epochs[1].valAccuracy));
    QVERIFY(same(mean.epochs[1].elapsedSeconds, 21));
    // A seed just started leaves its mean nothing to compare yet, and says so.
    ComparedRun fresh = seeded(run("fresh", {}, {}), "g", 3);
    try {
        compareSeedMeans({a, fresh, b, seeded(run("other", {0.5}, {3}), "h", 1)}, 2);
        QFAIL("a mean without a validated epoch was taken as the reference");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(QString(e.what()), QString("reference: a and the 2 other seeds of its mean have "
                                            "no validated epoch in common yet"));
    }
}

void TestRunComparison::meansArePairedBySeed() {
    // Fixed runs at seeds 1-3 end at 0.80, 0.90, 0.85; progressive ones at seeds 1-3 end at
    // 0.78, 0.90, 0.81 (differences -2, 0, -4 points: mean -2, standard error 1.155).
    const std::vector<ComparedRun> runs = {
        seeded(run("paper-1", {0.6, 0.78}, {5, 10}), "paper", 1),
        seeded(run("fixed-1", {0.7, 0.80}, {10, 20}), "fixed", 1),
        seeded(run("fixed-2", {0.8, 0.90}, {10, 20}), "fixed", 2),
        seeded(run("paper-3", {0.8, 0.81}, {5, 10}), "paper", 3),
        seeded(run("fixed-3", {0.85, 0.85}, {10, 20}), "fixed", 3),
        seeded(run("paper-2", {0.7, 0.90}, {5, 10}), "paper", 2),
        // Seed 4 of the progressive schedule alone: no fixed run to pair with.
        seeded(run("paper-4", {0.5, 0.5}, {5, 10}), "paper4", 4),
    };
    const SeedComparison c = compareSeedMeans(runs, 2); // fixed-2: the fixed group
    QCOMPARE(int(c.groups.size()), 3);
    QCOMPARE(c.comparison.reference, 1);
    QVERIFY(same(c.comparison.target, 0.85));
    const RunComparisonRow& fixed = c.comparison.rows[1];
    // The fixed mean first reaches its final 0.85 after epoch 2, at 20 s; the progressive
    // mean ends at 0.83, never there.
    QCOMPARE(fixed.reachedEpoch, 2);
    QCOMPARE(fixed.pairs, 3);
    QVERIFY(same(fixed.finalDifference, 0));
    const RunComparisonRow& paper = c.comparison.rows[0];
    QCOMPARE(paper.reachedEpoch, 0);
    QCOMPARE(paper.pairs, 3);
    QVERIFY(same(paper.finalDifference, -0.02));
    QVERIFY(std::abs(paper.differenceError - 0.02 / std::sqrt(3.0)) < 1e-12);
    QVERIFY(paper.sameValidation); // the same seeds, listed in another order
    // Without a seed in common: the plain difference of the finals, no error.
    const RunComparisonRow& lone = c.comparison.rows[2];
    QCOMPARE(lone.pairs, 0);
    QVERIFY(same(lone.finalDifference, 0.5 - 0.85));
    QVERIFY(std::isnan(lone.differenceError));
    QVERIFY(!lone.sameValidation);
    // Plain comparisons carry the plain difference too.
    QVERIFY(same(compareRuns(runs, 1).rows[0].finalDifference, -0.02));
    // Runs without a configuration have no seed to pair by, though their seeds read equal.
    std::vector<ComparedRun> unknown = {run("a", {0.8}, {10}), run("b", {0.7}, {10})};
    const SeedComparison alone = compareSeedMeans(unknown, 0);
    QCOMPARE(alone.comparison.rows[1].pairs, 0);
    QVERIFY(same(alone.comparison.rows[1].finalDifference, -0.1));
}

void TestRunComparison::seedPathsWrittenAsOne_data() {
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QList<qulonglong>>("seeds");
    QTest::addColumn<QString>("pattern");
    QTest::newRow("a range") << QStringList{"e/seed2/paper", "e/seed1/paper", "e/seed3/paper"}
                             << QList<qulonglong>{2, 1, 3} << "e/seed{1..3}/paper";
    QTest::newRow("a list") << QStringList{"b0-s1", "b0-s5", "b0-s2"} << QList<qulonglong>{1, 5, 2}
                            << "b0-s{1,2,5}";
    // Shared digits are no shared text: seed1 and seed10 share "seed".
    QTest::newRow("one digit and two") << QStringList{"x/seed1/f", "x/seed10/f", "x/seed11/f"}
                                       << QList<qulonglong>{1, 10, 11} << "x/seed{1,10,11}/f";
    QTest::newRow("9 and 19") << QStringList{"r9", "r19"} << QList<qulonglong>{9, 19} << "r{9,19}";
    QTest::newRow("at the end") << QStringList{"a/7", "a/8"} << QList<qulonglong>{7, 8}
                                << "a/{7..8}";
    // Not a seed's number alone: left to the caller's own naming.
    QTest::newRow("other folders")
        << QStringList{"runs/fashion", "runs/fashion-seed2"} << QList<qulonglong>{1, 2} << "";
    QTest::newRow("not the seed") << QStringList{"e/seed1/paper", "e/seed3/paper"}
                                  << QList<qulonglong>{1, 2} << "";
    QTest::newRow("another word") << QStringList{"e/seed1/paper", "e/seed2/fixed"}
                                  << QList<qulonglong>{1, 2} << "";
    QTest::newRow("leading zero") << QStringList{"s01", "s02"} << QList<qulonglong>{1, 2} << "";
    QTest::newRow("one run") << QStringList{"e/seed1"} << QList<qulonglong>{1} << "";
}

void TestRunComparison::seedPathsWrittenAsOne() {
    QFETCH(QStringList, paths);
    QFETCH(QList<qulonglong>, seeds);
    QFETCH(QString, pattern);
    std::vector<std::string> p;
    for (const QString& s : paths)
        p.push_back(s.toStdString());
    const std::vector<std::uint64_t> s(seeds.begin(), seeds.end());
    QCOMPARE(QString::fromStdString(seedPathPattern(p, s)), pattern);
}

QTEST_APPLESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
