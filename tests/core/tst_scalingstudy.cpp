// EfficientNet's scaling study: compound against single-dimension scaling at the same nominal
// MACs, each point a model the engine builds, and bad studies refused by field.
#include "scaling/config.h"
#include "scaling/costs.h"
#include "scaling/presets.h"
#include "scaling/scalingstudy.h"

#include <QtTest>
#include <cmath>
#include <limits>

using namespace scalescope;

namespace {
const StudyPoint& pointOf(const std::vector<StudyPoint>& points, StudyStrategy s, double phi) {
    for (const StudyPoint& p : points)
        if (p.strategy == s && p.phi == phi) return p;
    throw std::runtime_error("no such point");
}

std::vector<int> repeatsOf(const ScaledArch& a) {
    std::vector<int> r;
    for (const ScaledStage& s : a.stages)
        r.push_back(s.spec.repeats);
    return r;
}

std::vector<int> channelsOf(const ScaledArch& a) {
    std::vector<int> c{a.stemChannels, a.headChannels};
    for (const ScaledStage& s : a.stages)
        c.push_back(s.spec.channels);
    return c;
}
} // namespace

class TestScalingStudy : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void compoundPointIsCompoundScaling_data();
    void compoundPointIsCompoundScaling();
    void singleDimensions_data();
    void singleDimensions();
    void budgetsMatch();
    void orderAndNames();
    void keepsTheConfiguredModel();
    void countsFromAScaledModel();
    void trainingSizesGrowWithResolution();
    void badStudies_data();
    void badStudies();
    void phiLists_data();
    void phiLists();
    void badPhiLists_data();
    void badPhiLists();
    void strategyLists();
    void runNames();
    void manifestRoundTrip();
    void badManifests_data();
    void badManifests();
    void mergedSpecs();
    void seedsAreRuns();
    void accuracySummaries();
    void searchRewardDiscountsByMacs();
    void pairedDifferences_data();
    void pairedDifferences();
};

void TestScalingStudy::compoundPointIsCompoundScaling_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<double>("phi");
    QTest::newRow("b0 phi 1") << "efficientnet-b0" << 1.0;
    QTest::newRow("b0 phi 3") << "efficientnet-b0" << 3.0;
    QTest::newRow("b0 phi -1") << "efficientnet-b0" << -1.0;
    QTest::newRow("v2-s phi 1") << "efficientnetv2-s" << 1.0;
    QTest::newRow("resnet-rs-50 phi 2") << "resnet-rs-50" << 2.0;
}

// From a baseline at φ 0 the study's compound point is the very model compound scaling
// builds at that φ: the same repeats, channels, size, parameters and MACs.
void TestScalingStudy::compoundPointIsCompoundScaling() {
    QFETCH(QString, preset);
    QFETCH(double, phi);
    const ScaleConfig base = configForPreset(preset.toStdString());
    StudySpec spec;
    spec.phis = {phi};
    spec.strategies = {StudyStrategy::Compound};
    const std::vector<StudyPoint> points = studyPoints(base, spec);
    QCOMPARE(int(points.size()), 2);
    const StudyPoint& p = pointOf(points, StudyStrategy::Compound, phi);
    ScalingRequest q = base.request;
    q.coefficients.phi = phi;
    const ScaledArch direct = scale(base.baseline, q);
    const ScaledArch built = scale(p.config.baseline, p.config.request);
    QCOMPARE(repeatsOf(built), repeatsOf(direct));
    QCOMPARE(channelsOf(built), channelsOf(direct));
    QCOMPARE(built.resolution, direct.resolution);
    QCOMPARE(p.resolution, direct.resolution);
    QCOMPARE(p.params, computeCosts(direct).params);
    QCOMPARE(p.macs, computeCosts(direct).macs);
    QCOMPARE(p.macsRatio,
             double(p.macs) / double(computeCosts(scale(base.baseline, base.request)).macs));
}

void TestScalingStudy::singleDimensions_data() {
    QTest::addColumn<int>("strategy");
    QTest::addColumn<double>("phi");
    for (double phi : {1.0, 2.0, -1.0}) {
        const QByteArray at = " phi " + QByteArray::number(phi);
        QTest::newRow("depth" + at) << int(StudyStrategy::Depth) << phi;
        QTest::newRow("width" + at) << int(StudyStrategy::Width) << phi;
        QTest::newRow("resolution" + at) << int(StudyStrategy::Resolution) << phi;
    }
}

// Each single-dimension point grows its own dimension by the whole budget (depth) or its
// square root (width, resolution) and leaves the other two exactly as configured.
void TestScalingStudy::singleDimensions() {
    QFETCH(int, strategy);
    QFETCH(double, phi);
    const auto s = StudyStrategy(strategy);
    const ScaleConfig base = configForPreset("efficientnet-b0");
    StudySpec spec;
    spec.phis = {phi};
    spec.strategies = {s};
    const std::vector<StudyPoint> points = studyPoints(base, spec);
    const StudyPoint& p = points.back();
    QVERIFY(p.strategy == s);
    const ScaledArch b = scale(base.baseline, base.request);
    const ScaledArch a = scale(p.config.baseline, p.config.request);
    const double budget = std::pow(base.request.coefficients.flopsBase(), phi);
    QCOMPARE(p.nominalMacsRatio, budget);
    if (s == StudyStrategy::Depth) {
        QCOMPARE(a.depthMultiplier, budget);
        QVERIFY(repeatsOf(a) != repeatsOf(b));
    } else {
        QCOMPARE(repeatsOf(a), repeatsOf(b));
    }
    if (s == StudyStrategy::Width) {
        QCOMPARE(a.widthMultiplier, std::sqrt(budget));
        QVERIFY(channelsOf(a) != channelsOf(b));
    } else {
        QCOMPARE(channelsOf(a), channelsOf(b));
    }
    if (s == StudyStrategy::Resolution) {
        QCOMPARE(a.resolution, roundResolution(b.resolution, std::sqrt(budget)));
        QCOMPARE(p.params, computeCosts(b).params); // resolution costs no parameters
    } else {
        QCOMPARE(a.resolution, b.resolution);
    }
}

// The single dimensions land within rounding of the nominal budget; compound scaling's
// rounding (channels up to a multiple of 8, repeats up) leaves it further above.
void TestScalingStudy::budgetsMatch() {
    const ScaleConfig base = configForPreset("efficientnet-b0");
    StudySpec spec;
    spec.phis = {1.0, 2.0};
    const std::vector<StudyPoint> points = studyPoints(base, spec);
    QCOMPARE(int(points.size()), 1 + 4 * 2);
    for (const StudyPoint& p : points) {
        const double off = p.macsRatio / p.nominalMacsRatio;
        if (p.strategy == StudyStrategy::Compound)
            QVERIFY2(off >= 1.0 && off < 1.35, qPrintable(QString::number(off)));
        else
            QVERIFY2(std::abs(off - 1.0) < 0.1,
                     qPrintable(QString::fromStdString(toString(p.strategy)) + " " +
                                QString::number(off)));
    }
}

void TestScalingStudy::orderAndNames() {
    const ScaleConfig base = configForPreset("efficientnet-b0");
    StudySpec spec;
    spec.phis = {2.0, 0.0, 0.5};
    spec.strategies = {StudyStrategy::Width, StudyStrategy::Compound};
    spec.includeBaseline = false; // but φ 0 asks for it
    const std::vector<StudyPoint> points = studyPoints(base, spec);
    QStringList names;
    for (const StudyPoint& p : points)
        names << QString::fromStdString(studyRunName(p.strategy, p.phi));
    QCOMPARE(names, QStringList({"baseline", "width-phi2", "width-phi0.5", "compound-phi2",
                                 "compound-phi0.5"}));
    QVERIFY(points.front().config == base); // the configured model trains as it is
    QCOMPARE(QString::fromStdString(studyRunName(StudyStrategy::Depth, -1.25)),
             QString("depth-phi-1.25"));
    spec.phis = {1.0};
    QCOMPARE(int(studyPoints(base, spec).size()), 2); // no baseline unless asked
}

// Per-stage multipliers, the size cap, dropout and the training settings stay with every point.
void TestScalingStudy::keepsTheConfiguredModel() {
    ScaleConfig base = configForPreset("efficientnetv2-s");
    base.request.stages.assign(base.baseline.stages.size(), StageMultiplier{});
    base.request.stages[4].depth = 1.5;
    base.request.maxResolution = 400;
    base.training.epochs = 7;
    base.training.dataset = "fashion-mnist";
    StudySpec spec;
    spec.phis = {1.0};
    for (const StudyPoint& p : studyPoints(base, spec)) {
        QCOMPARE(p.config.request.stages, base.request.stages);
        QCOMPARE(p.config.request.maxResolution, 400);
        TrainingSettings sizesAside = p.config.training; // sizes grow with the resolution
        sizesAside.progressive.minImageSize = base.training.progressive.minImageSize;
        QCOMPARE(sizesAside, base.training);
        QCOMPARE(p.config.baseline, base.baseline);
        QVERIFY(p.resolution <= 400);
        const ScaledArch a = scale(p.config.baseline, p.config.request);
        QCOMPARE(a.dropout, scale(base.baseline, base.request).dropout);
        QCOMPARE(p.uncappedResolution, a.uncappedResolution);
        if (p.strategy == StudyStrategy::Resolution) {
            QVERIFY(p.uncappedResolution > 400); // 384·√1.92 = 532 px, capped
            QCOMPARE(p.resolution, 400);
        }
    }
}

// φ counts from the model as configured: B0 at φ 1 grown by compound φ 1 is B0 at φ 2.
void TestScalingStudy::countsFromAScaledModel() {
    ScaleConfig base = configForPreset("efficientnet-b0");
    base.request.coefficients.phi = 1.0;
    StudySpec spec;
    spec.phis = {1.0};
    spec.strategies = {StudyStrategy::Compound, StudyStrategy::Width};
    const std::vector<StudyPoint> points = studyPoints(base, spec);
    ScalingRequest two = base.request;
    two.coefficients.phi = 2.0;
    const ScaledArch direct = scale(base.baseline, two);
    const StudyPoint& c = pointOf(points, StudyStrategy::Compound, 1.0);
    QCOMPARE(c.params, computeCosts(direct).params);
    QCOMPARE(c.macs, computeCosts(direct).macs);
    const StudyPoint& w = pointOf(points, StudyStrategy::Width, 1.0);
    QCOMPARE(w.depthMultiplier, 1.2); // B0 at φ 1's depth, kept
    QCOMPARE(w.resolution, 256);
    QCOMPARE(w.widthMultiplier, 1.1 * std::sqrt(base.request.coefficients.flopsBase()));
}

// A training size set apart from the model's (the GUI's demo: 48 -> 64 px for a 224 px B0) and
// a test size grow with the point's resolution, rounded as it is; where the model's own size is
// trained (0), nothing is set.
void TestScalingStudy::trainingSizesGrowWithResolution() {
    ScaleConfig base = configForPreset("efficientnet-b0");
    base.training.progressive.minImageSize = 48;
    base.training.progressive.maxImageSize = 64;
    base.training.progressive.evalImageSize = 72;
    StudySpec spec;
    spec.phis = {1.0, 2.0};
    for (const StudyPoint& p : studyPoints(base, spec)) {
        const ProgressiveSettings& ps = p.config.training.progressive;
        double size = 1;
        if (p.strategy == StudyStrategy::Compound) size = std::pow(1.15, p.phi);
        if (p.strategy == StudyStrategy::Resolution) size = std::sqrt(p.nominalMacsRatio);
        QCOMPARE(ps.minImageSize, roundResolution(48, size));
        QCOMPARE(ps.maxImageSize, roundResolution(64, size));
        QCOMPARE(ps.evalImageSize, roundResolution(72, size));
        QCOMPARE(p.trainImageSize, ps.maxImageSize);
        QCOMPARE(p.testImageSize, ps.evalImageSize);
        ScaledArch tested = scale(p.config.baseline, p.config.request);
        tested.resolution = p.testImageSize;
        QCOMPARE(p.testMacs, computeCosts(tested).macs);
        QVERIFY(p.testMacs < p.macs); // 72 px and up against 224 px and up
        ProgressiveSettings asSet = base.training.progressive;
        asSet.minImageSize = ps.minImageSize;
        asSet.maxImageSize = ps.maxImageSize;
        asSet.evalImageSize = ps.evalImageSize;
        QVERIFY(ps == asSet); // nothing else of the training changes
    }
    // Resolution alone at φ 2: 64·1.92 = 123 -> 120 px.
    QCOMPARE(studyPoints(base, spec).back().trainImageSize, 120);
    // The model's own size: the point's resolution, and nothing set.
    const std::vector<StudyPoint> own = studyPoints(configForPreset("efficientnet-b0"), spec);
    QCOMPARE(own.back().trainImageSize, own.back().resolution);
    QCOMPARE(own.back().config.training.progressive.maxImageSize, 0);
    QCOMPARE(own.back().testImageSize, own.back().resolution);
    QCOMPARE(own.back().testMacs, own.back().macs);
}

void TestScalingStudy::badStudies_data() {
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no phi") << "no phi"
                            << "study.phis: no phi given";
    QTest::newRow("phi NaN") << "phi nan"
                             << "study.phis: must be a finite number";
    QTest::newRow("phi 1e9") << "phi 1e9"
                             << "study.phis: must be between -50 and 50";
    QTest::newRow("phi twice") << "phi twice"
                               << "study.phis: phi 1 is given twice";
    QTest::newRow("only phi 0") << "only 0"
                                << "study.phis: phi 0 is the configured model alone";
    QTest::newRow("past the limits")
        << "phi 20"
        << "study.phis: depth scaling at phi 20 is past the engine's limits";
    // 224·1.92^25 px: refused before the size is rounded into an int.
    QTest::newRow("resolution past the limits")
        << "resolution 50"
        << "study.phis: resolution scaling at phi 50 is past the engine's limits (resolution: ";
    QTest::newRow("no strategy") << "no strategy"
                                 << "study.strategies: no strategy given";
    QTest::newRow("strategy twice") << "strategy twice"
                                    << "study.strategies: width is given twice";
    QTest::newRow("baseline as strategy")
        << "baseline strategy"
        << "study.strategies: the baseline is a point of every curve";
    QTest::newRow("coefficients that shrink") << "alpha 0.5"
                                              << "alpha: alpha*beta^2*gamma^2 is 0.5, not above 1";
    QTest::newRow("too many points") << "many"
                                     << "study.phis: gives 201 runs, more than 200";
    QTest::newRow("too many runs with seeds") << "seeds 5"
                                              << "study.phis: gives 205 runs, more than 200";
    QTest::newRow("no seed") << "seeds 0"
                             << "study.seeds: 0 is not between 1 and 10";
    QTest::newRow("eleven seeds") << "seeds 11"
                                  << "study.seeds: 11 is not between 1 and 10";
    QTest::newRow("seeds past the largest") << "seed max"
                                            << "study.seeds: the training seed plus 3 seeds";
}

void TestScalingStudy::badStudies() {
    QFETCH(QString, what);
    QFETCH(QString, expected);
    ScaleConfig base = configForPreset("efficientnet-b0");
    StudySpec spec;
    if (what == "no phi") spec.phis.clear();
    if (what == "phi nan") spec.phis = {std::numeric_limits<double>::quiet_NaN()};
    if (what == "phi 1e9") spec.phis = {1e9};
    if (what == "phi twice") spec.phis = {1, 2, 1};
    if (what == "only 0") spec.phis = {0};
    if (what == "phi 20") spec.phis = {20};
    if (what == "resolution 50") {
        spec.phis = {50};
        spec.strategies = {StudyStrategy::Resolution};
    }
    if (what == "no strategy") spec.strategies.clear();
    if (what == "strategy twice") spec.strategies = {StudyStrategy::Width, StudyStrategy::Width};
    if (what == "baseline strategy") spec.strategies = {StudyStrategy::Baseline};
    if (what == "alpha 0.5") base.request.coefficients = {0.5, 1.0, 1.0, 0.0};
    if (what == "many") {
        spec.phis.clear();
        for (int i = 1; i <= 50; ++i)
            spec.phis.push_back(i * 0.02);
    }
    if (what == "seeds 5") { // 41 points, each five times
        spec.phis = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        spec.seeds = 5;
    }
    if (what == "seeds 0") spec.seeds = 0;
    if (what == "seeds 11") spec.seeds = 11;
    if (what == "seed max") {
        base.training.seed = 9007199254740991ull;
        spec.seeds = 3;
    }
    try {
        studyPoints(base, spec);
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QVERIFY2(QString::fromStdString(e.what()).startsWith(expected), e.what());
    }
}

void TestScalingStudy::phiLists_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<double>>("expected");
    QTest::newRow("list") << "1,2" << QList<double>{1, 2};
    QTest::newRow("spaces and negatives") << " -1 , 0.5 " << QList<double>{-1, 0.5};
    QTest::newRow("range") << "0:2:0.5" << QList<double>{0, 0.5, 1, 1.5, 2};
    // 0.1 is no binary fraction: the range still ends at 1, and at 0.3, not 0.30000000000000004.
    QTest::newRow("decimal steps")
        << "0:1:0.1" << QList<double>{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};
}

void TestScalingStudy::phiLists() {
    QFETCH(QString, text);
    QFETCH(QList<double>, expected);
    const std::vector<double> got = parsePhiList(text.toStdString(), "--phis");
    QCOMPARE(QList<double>(got.begin(), got.end()), expected);
}

void TestScalingStudy::badPhiLists_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << " "
                           << "--phis: no phi given";
    QTest::newRow("empty item") << "1,,2"
                                << "--phis: \"\" is not a number";
    QTest::newRow("trailing comma") << "1,"
                                    << "--phis: \"\" is not a number";
    QTest::newRow("word") << "two"
                          << "--phis: \"two\" is not a number";
    QTest::newRow("inf") << "inf"
                         << "--phis: \"inf\" is not a number";
    QTest::newRow("two parts") << "1:2"
                               << "--phis: \"1:2\" is not FROM:TO:STEP";
    QTest::newRow("backwards") << "2:1:0.5"
                               << "--phis: the range ends (1) before it starts (2)";
    QTest::newRow("step 0") << "0:1:0"
                            << "--phis: the step 0 is not above 0";
    QTest::newRow("too many") << "0:10:0.01"
                              << "--phis: \"0:10:0.01\" gives more than 50 values";
}

void TestScalingStudy::badPhiLists() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    try {
        parsePhiList(text.toStdString(), "--phis");
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.what()), expected);
    }
}

void TestScalingStudy::strategyLists() {
    QVERIFY(parseStrategyList("all", "s") == StudySpec{}.strategies);
    QVERIFY(parseStrategyList("Width, depth", "s") ==
            (std::vector<StudyStrategy>{StudyStrategy::Width, StudyStrategy::Depth}));
    for (const char* bad : {"", "height", "baseline", "width,"}) {
        try {
            parseStrategyList(bad, "--strategies");
            QFAIL(bad);
        } catch (const ValidationError& e) {
            QCOMPARE(QString::fromStdString(e.field()), QString("--strategies"));
        }
    }
}

void TestScalingStudy::runNames() {
    for (StudyStrategy s : {StudyStrategy::Compound, StudyStrategy::Depth, StudyStrategy::Width,
                            StudyStrategy::Resolution})
        for (double phi : {1.0, 0.5, -1.25, 2.125}) {
            StudyStrategy back = StudyStrategy::Baseline;
            double backPhi = 0;
            QVERIFY(parseStudyRunName(studyRunName(s, phi), back, backPhi));
            QVERIFY(back == s);
            QCOMPARE(backPhi, phi);
        }
    StudyStrategy s = StudyStrategy::Compound;
    double phi = 1;
    QVERIFY(parseStudyRunName("baseline", s, phi));
    QVERIFY(s == StudyStrategy::Baseline);
    QCOMPARE(phi, 0.0);
    for (const char* other : {"grid", "a1.2-b1.1-g1.15", "depth-phi", "depth-phi0", "depth-phix",
                              "height-phi1", "depth-phi1.0", "width-phi1 "})
        QVERIFY2(!parseStudyRunName(other, s, phi), other);
}

// study.json holds the configured model and the points asked for, and reads back to the same.
void TestScalingStudy::manifestRoundTrip() {
    StudyManifest m;
    m.base = configForPreset("efficientnetv2-s");
    m.base.training.epochs = 7;
    m.spec.phis = {-1, 0.5, 2};
    m.spec.strategies = {StudyStrategy::Width, StudyStrategy::Compound};
    const Json j = studyManifestToJson(m);
    QCOMPARE(QString::fromStdString(j.at("format").get<std::string>()),
             QString("scalescope-study"));
    const StudyManifest back = studyManifestFromJson(Json::parse(j.dump()));
    QVERIFY(back.base == m.base);
    QCOMPARE(back.spec.phis, m.spec.phis);
    QVERIFY(back.spec.strategies == m.spec.strategies);
    // The same points: a folder read back shows what was asked for.
    QCOMPARE(studyPoints(back.base, back.spec).size(), size_t(1 + 3 * 2));
}

void TestScalingStudy::badManifests_data() {
    QTest::addColumn<QString>("edit"); // a JSON patch of the good manifest, as text
    QTest::addColumn<QString>("field");
    QTest::newRow("another format") << R"({"format": "scalescope-spec"})"
                                    << "format";
    QTest::newRow("newer version") << R"({"version": 2})"
                                   << "version";
    QTest::newRow("phis not a list") << R"({"phis": 1})"
                                     << "phis";
    QTest::newRow("phi not a number") << R"({"phis": [1, "two"]})"
                                      << "phis[1]";
    QTest::newRow("phi repeated") << R"({"phis": [1, 1]})"
                                  << "phis";
    QTest::newRow("phi absurd") << R"({"phis": [1e9]})"
                                << "phis";
    QTest::newRow("no phi") << R"({"phis": []})"
                            << "phis";
    QTest::newRow("unknown strategy") << R"({"strategies": ["height"]})"
                                      << "strategies[0]";
    QTest::newRow("strategy not a name") << R"({"strategies": [3]})"
                                         << "strategies[0]";
    QTest::newRow("bad config") << R"({"config": {"training": {"epochs": -3}}})"
                                << "config.training.epochs";
    QTest::newRow("config missing") << R"({"config": null})"
                                    << "config";
    QTest::newRow("unknown key") << R"({"colour": "red"})"
                                 << "colour";
}

void TestScalingStudy::badManifests() {
    QFETCH(QString, edit);
    QFETCH(QString, field);
    StudyManifest m;
    m.base = configForPreset("efficientnet-b0");
    Json j = studyManifestToJson(m);
    j.merge_patch(Json::parse(edit.toStdString()));
    try {
        studyManifestFromJson(j);
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QVERIFY2(QString::fromStdString(e.field()) == field, e.what());
        QVERIFY(!e.reason().empty());
    }
}

void TestScalingStudy::mergedSpecs() {
    StudySpec a;
    a.phis = {1, 2};
    a.strategies = {StudyStrategy::Depth};
    StudySpec b;
    b.phis = {2.0004, 3}; // 2.0004 is φ 2 to three decimals, as run names write it
    b.strategies = {StudyStrategy::Width, StudyStrategy::Depth};
    const StudySpec m = mergeStudySpecs(a, b);
    QCOMPARE(m.phis, std::vector<double>({1, 2, 3}));
    QVERIFY(m.strategies ==
            std::vector<StudyStrategy>({StudyStrategy::Depth, StudyStrategy::Width}));
}

// Each point at several seeds: the same model, the training seed counted up from the
// configured one, each run in its own folder (the configured seed's keeps the point's name).
void TestScalingStudy::seedsAreRuns() {
    ScaleConfig base = configForPreset("efficientnet-b0");
    base.training.seed = 42;
    StudySpec spec;
    spec.phis = {1};
    spec.strategies = {StudyStrategy::Width};
    spec.seeds = 3;
    const std::vector<StudyPoint> points = studyPoints(base, spec);
    QCOMPARE(points.size(), size_t(2)); // the points are the models, not the runs
    const std::vector<StudyPoint> runs = studyRuns(points, spec.seeds);
    QStringList names;
    for (const StudyPoint& r : runs) {
        names << QString::fromStdString(r.runName);
        const StudyPoint& p = points[size_t(&r - runs.data()) / 3];
        QCOMPARE(r.config.training.seed, std::uint64_t(42 + r.seedIndex));
        ScaleConfig same = r.config; // nothing else differs from the point's
        same.training.seed = p.config.training.seed;
        QVERIFY(same == p.config);
        QCOMPARE(r.macs, p.macs);
        // A run made again from a run, by index, is the same run.
        QCOMPARE(QString::fromStdString(studyRun(r, 0).runName), QString::fromStdString(p.runName));
    }
    QCOMPARE(names, QStringList({"baseline", "baseline-seed43", "baseline-seed44", "width-phi1",
                                 "width-phi1-seed43", "width-phi1-seed44"}));
    for (const QString& n : names) {
        StudyStrategy s = StudyStrategy::Compound;
        double phi = -1;
        std::int64_t seed = 0;
        QVERIFY2(parseStudyRunName(n.toStdString(), s, phi, &seed), qPrintable(n));
        QCOMPARE(seed, n.contains("seed") ? std::int64_t(n.right(2).toInt()) : std::int64_t(-1));
    }
    StudyStrategy s;
    double phi;
    for (const char* other : {"width-phi1-seed", "width-phi1-seedx", "width-phi1-seed-1",
                              "width-phi1-seed007", "seed43", "baseline-seed4.5"})
        QVERIFY2(!parseStudyRunName(other, s, phi), other);
    // The manifest keeps the seeds; one from before seeds reads as one seed.
    StudyManifest m{base, spec};
    QCOMPARE(studyManifestFromJson(studyManifestToJson(m)).spec.seeds, 3);
    Json old = studyManifestToJson(m);
    old.erase("seeds");
    QCOMPARE(studyManifestFromJson(old).spec.seeds, 1);
    StudySpec more = spec;
    more.seeds = 5;
    QCOMPARE(mergeStudySpecs(spec, more).seeds, 5);
    QCOMPARE(mergeStudySpecs(more, spec).seeds, 5);
    // study.csv: a row per run, the seed last.
    const std::string csv = studyCsv(runs, std::vector<StudyResult>(runs.size()));
    const QStringList lines = QString::fromStdString(csv).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 6);
    QVERIFY(lines[0].endsWith(",run_dir,seed"));
    QVERIFY(lines[2].startsWith("baseline,0,") && lines[2].endsWith(",43"));
}

void TestScalingStudy::accuracySummaries() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    AccuracySummary a = summarizeAccuracies({0.9, 0.8, 0.7});
    QCOMPARE(a.count, 3);
    QVERIFY(qFuzzyCompare(a.mean, 0.8));
    QVERIFY(qFuzzyCompare(a.standardError, 0.1 / std::sqrt(3.0))); // sd 0.1 over √3
    a = summarizeAccuracies({0.5, nan});
    QCOMPARE(a.count, 1);
    QCOMPARE(a.mean, 0.5);
    QVERIFY(std::isnan(a.standardError)); // one value has no spread
    a = summarizeAccuracies({});
    QCOMPARE(a.count, 0);
    QVERIFY(std::isnan(a.mean));
}

void TestScalingStudy::pairedDifferences_data() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::addColumn<QList<double>>("a");
    QTest::addColumn<QList<double>>("b");
    QTest::addColumn<int>("pairs");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("standardError"); // NaN: below two pairs
    QTest::addColumn<int>("higher");
    // Differences +2, -1, +3 points: mean 4/3, sd sqrt(13/3), over sqrt(3).
    QTest::newRow("three seeds") << QList<double>{0.92, 0.79, 0.88}
                                 << QList<double>{0.90, 0.80, 0.85} << 3 << 4.0 / 300
                                 << std::sqrt(13.0 / 3) / std::sqrt(3.0) / 100 << 2;
    // A shared offset is no spread: a point always 1 point above the other, at any level.
    QTest::newRow("constant gap") << QList<double>{0.51, 0.91, 0.71}
                                  << QList<double>{0.50, 0.90, 0.70} << 3 << 0.01 << 0.0 << 3;
    // Only the seeds both have count; a seed one point lacks pairs with nothing.
    QTest::newRow("unpaired seeds") << QList<double>{0.9, nan, 0.7, 0.6}
                                    << QList<double>{0.8, 0.5, nan} << 1 << 0.1 << nan << 1;
    QTest::newRow("none") << QList<double>{nan} << QList<double>{0.5} << 0 << nan << nan << 0;
    QTest::newRow("ties") << QList<double>{0.5, 0.6} << QList<double>{0.5, 0.6} << 2 << 0.0 << 0.0
                          << 0;
}

void TestScalingStudy::pairedDifferences() {
    QFETCH(QList<double>, a);
    QFETCH(QList<double>, b);
    QFETCH(int, pairs);
    QFETCH(double, mean);
    QFETCH(double, standardError);
    QFETCH(int, higher);
    const PairedDifference d = pairedDifference(std::vector<double>(a.begin(), a.end()),
                                                std::vector<double>(b.begin(), b.end()));
    QCOMPARE(d.difference.count, pairs);
    QCOMPARE(d.higher, higher);
    const auto same = [](double x, double y) {
        return std::isnan(y) ? std::isnan(x) : std::abs(x - y) < 1e-12;
    };
    QVERIFY2(same(d.difference.mean, mean), qPrintable(QString::number(d.difference.mean)));
    QVERIFY2(same(d.difference.standardError, standardError),
             qPrintable(QString::number(d.difference.standardError)));
}

// EfficientNet-B0's search objective against the configured model: its own accuracy at the
// same MACs, 2^-0.07 of it at twice the MACs, and the summary's mean and error scaled alike.
void TestScalingStudy::searchRewardDiscountsByMacs() {
    QCOMPARE(searchReward(0.9, 400, 400), 0.9);
    QVERIFY(std::abs(searchReward(0.9, 800, 400) - 0.9 / 1.0497166836230674) < 1e-12);
    QVERIFY(searchReward(0.9, 200, 400) > 0.9); // a cheaper model is rewarded
    QVERIFY(std::isnan(searchReward(0.9, 0, 400)));
    QVERIFY(std::isnan(searchReward(0.9, 400, 0)));
    const AccuracySummary r = rewardSummary({0.8, 0.02, 3}, 800, 400);
    QVERIFY(std::abs(r.mean - 0.8 * std::pow(2.0, -0.07)) < 1e-12);
    QVERIFY(std::abs(r.standardError - 0.02 * std::pow(2.0, -0.07)) < 1e-12);
    QCOMPARE(r.count, 3);
}

QTEST_APPLESS_MAIN(TestScalingStudy)
#include "tst_scalingstudy.moc"
