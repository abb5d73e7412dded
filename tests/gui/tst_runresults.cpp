// The study and grid windows' store of trained runs: a result belongs to one exact
// configuration, whatever part of it differs (the parts looked up first, or the rest), and a
// note is kept or cleared the same way.
#include "runresults.h"

#include "scaling/presets.h"

#include <QtTest>
#include <cmath>
#include <functional>

using namespace scalescope;

Q_DECLARE_METATYPE(std::function<void(ScaleConfig&)>)

namespace {
using Edit = std::function<void(ScaleConfig&)>;
ScaleConfig base() {
    return configForPreset("efficientnet-b0");
}
} // namespace

class TestRunResults : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void anotherRunHasNoResult_data();
    void anotherRunHasNoResult();
    void aResultReplacesTheRunsLast();
    void noValidationIsKeptAsNaN();
    void notesFollowTheirRun();
    void seedsToolTipListsEachSeed();
};

void TestRunResults::anotherRunHasNoResult_data() {
    QTest::addColumn<Edit>("edit");
    // Parts of the lookup key, then parts compared only with the whole configuration.
    QTest::newRow("seed") << Edit([](ScaleConfig& c) { c.training.seed = 2; });
    QTest::newRow("phi") << Edit([](ScaleConfig& c) { c.request.coefficients.phi = 1; });
    QTest::newRow("alpha") << Edit([](ScaleConfig& c) { c.request.coefficients.alpha = 1.25; });
    QTest::newRow("gamma") << Edit([](ScaleConfig& c) { c.request.coefficients.gamma = 1.2; });
    QTest::newRow("explicit mode")
        << Edit([](ScaleConfig& c) { c.request.mode = ScalingRequest::Mode::Explicit; });
    QTest::newRow("explicit width") << Edit([](ScaleConfig& c) {
        c.request.mode = ScalingRequest::Mode::Explicit;
        c.request.width = 1.1;
    });
    QTest::newRow("image size") << Edit([](ScaleConfig& c) { c.request.resolution = 192; });
    QTest::newRow("epochs") << Edit([](ScaleConfig& c) { c.training.epochs += 1; });
    QTest::newRow("stage repeats")
        << Edit([](ScaleConfig& c) { c.baseline.stages[2].repeats += 1; });
    QTest::newRow("size cap") << Edit([](ScaleConfig& c) { c.request.maxResolution = 160; });
}

void TestRunResults::anotherRunHasNoResult() {
    QFETCH(Edit, edit);
    ScaleConfig other = base();
    edit(other);
    QVERIFY(!(other == base()));
    RunResults r;
    r.setAccuracy(base(), 0.9);
    QVERIFY(!RunResults::sameRun(base(), other));
    QVERIFY(RunResults::sameRun(base(), base()));
    QCOMPARE(r.accuracy(base()), std::optional<double>(0.9));
    QCOMPARE(r.accuracy(other), std::nullopt);
    r.setAccuracy(other, 0.5); // both kept, each its own
    QCOMPARE(r.accuracy(base()), std::optional<double>(0.9));
    QCOMPARE(r.accuracy(other), std::optional<double>(0.5));
}

void TestRunResults::aResultReplacesTheRunsLast() {
    RunResults r;
    QVERIFY(!r.hasAccuracies());
    r.setAccuracy(base(), 0.7);
    r.setAccuracy(base(), 0.8); // trained again
    QCOMPARE(r.accuracy(base()), std::optional<double>(0.8));
    r.clearAccuracies();
    QVERIFY(!r.hasAccuracies());
    QCOMPARE(r.accuracy(base()), std::nullopt);
}

void TestRunResults::noValidationIsKeptAsNaN() {
    RunResults r;
    r.setAccuracy(base(), NAN);
    const auto a = r.accuracy(base());
    QVERIFY(a.has_value());
    QVERIFY(std::isnan(*a));
}

void TestRunResults::notesFollowTheirRun() {
    ScaleConfig seed2 = base();
    seed2.training.seed = 2;
    RunResults r;
    QVERIFY(!r.hasNotes());
    r.setNote(base(), QStringLiteral("training…"));
    QCOMPARE(r.note(base()), QStringLiteral("training…"));
    QVERIFY(r.note(seed2).isEmpty());
    r.setNote(base(), QStringLiteral("stopped")); // replaces
    QCOMPARE(r.note(base()), QStringLiteral("stopped"));
    r.setNote(base(), {}); // cleared
    QVERIFY(r.note(base()).isEmpty());
    QVERIFY(!r.hasNotes());
}

void TestRunResults::seedsToolTipListsEachSeed() {
    const QString tip = seedsToolTip({{3, 0.95}, {4, std::nullopt}});
    QCOMPARE(tip, QStringLiteral("The mean over 2 seeds ± its standard error\n"
                                 "seed 3: 95.00%\nseed 4: not trained"));
}

QTEST_APPLESS_MAIN(TestRunResults)
#include "tst_runresults.moc"
