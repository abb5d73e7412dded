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

QTEST_APPLESS_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
