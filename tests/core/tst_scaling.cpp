// Compound and per-stage scaling: the reference rounding, validation, and cost structure.
#include "scaling/blocks.h"
#include "scaling/comparison.h"
#include "scaling/config.h"
#include "scaling/costs.h"
#include "scaling/format.h"
#include "scaling/gridsearch.h"
#include "scaling/presets.h"
#include "scaling/schedule.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace scalescope;

class TestScaling : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void roundChannels_data();
    void roundChannels();
    void roundRepeats_data();
    void roundRepeats();
    void phiZeroIsBaseline();
    void compoundMultipliers_data();
    void compoundMultipliers();
    void flopsGrowRoughlyTwoToPhi();
    void perStageMultipliersTouchOneStage();
    void resolutionCap();
    void outputShapes_data();
    void outputShapes();
    void stagesSumToTotal();
    void stageMacsAgainstTheLastSize_data();
    void stageMacsAgainstTheLastSize();
    void badRequests_data();
    void badRequests();
    void memoryEstimate();
    void comparison_data();
    void comparison();
    void gridCandidates_data();
    void gridCandidates();
    void candidateSizes_data();
    void candidateSizes();
    void gridRunsSeedBySeed();
    void badGrids_data();
    void badGrids();
    void clockTimes_data();
    void clockTimes();
    void percentCells();
};

void TestScaling::roundChannels_data() {
    QTest::addColumn<double>("channels");
    QTest::addColumn<double>("multiplier");
    QTest::addColumn<double>("limit");
    QTest::addColumn<int>("expected");
    QTest::newRow("identity") << 32.0 << 1.0 << 0.9 << 32;
    QTest::newRow("b2 stem 35.2 -> 32") << 32.0 << 1.1 << 0.9 << 32;
    QTest::newRow("b3 stem 38.4 -> 40") << 32.0 << 1.2 << 0.9 << 40;
    QTest::newRow("nearest up") << 16.0 << 1.3 << 0.9 << 24; // 20.8 -> 24
    // 16 * 0.75 = 12 sits halfway between 8 and 16: the reference rounds it up.
    QTest::newRow("half up") << 16.0 << 0.75 << 0.0 << 16;
    // 9.6 rounds to 8, a 17% loss: V1's guard adds 8; V2 has no guard.
    QTest::newRow("v1 guard") << 24.0 << 0.4 << 0.9 << 16;
    QTest::newRow("v2 no guard") << 24.0 << 0.4 << 0.0 << 8;
    QTest::newRow("never below divisor") << 16.0 << 0.1 << 0.0 << 8;
}

void TestScaling::roundChannels() {
    QFETCH(double, channels);
    QFETCH(double, multiplier);
    QFETCH(double, limit);
    QFETCH(int, expected);
    QCOMPARE(scalescope::roundChannels(channels, multiplier, 8, limit), expected);
}

void TestScaling::roundRepeats_data() {
    QTest::addColumn<int>("repeats");
    QTest::addColumn<double>("multiplier");
    QTest::addColumn<int>("expected");
    // 2.2 * 25 is 55.000000000000007 in double: the reference code gets 56.
    QTest::newRow("2.2*25") << 25 << 2.2 << 56;
    QTest::newRow("3.1*4") << 4 << 3.1 << 13;
    QTest::newRow("1.1*1") << 1 << 1.1 << 2;
    QTest::newRow("exact") << 3 << 1.0 << 3;
    QTest::newRow("shrink") << 4 << 0.5 << 2;
}

void TestScaling::roundRepeats() {
    QFETCH(int, repeats);
    QFETCH(double, multiplier);
    QFETCH(int, expected);
    QCOMPARE(scalescope::roundRepeats(repeats, multiplier), expected);
}

void TestScaling::phiZeroIsBaseline() {
    const ArchSpec& b0 = baselineSpec("efficientnet-b0");
    const ScaledArch a = scale(b0, ScalingRequest{});
    QCOMPARE(a.resolution, 224);
    for (size_t i = 0; i < b0.stages.size(); ++i)
        QCOMPARE(a.stages[i].spec, b0.stages[i]);
    QCOMPARE(a.stemChannels, 32);
    QCOMPARE(a.headChannels, 1280);
}

void TestScaling::compoundMultipliers_data() {
    QTest::addColumn<double>("phi");
    QTest::addColumn<int>("resolution");
    QTest::addColumn<int>("stage6Repeats");
    QTest::addColumn<int>("headChannels");
    // B0 stage 6 has 4 repeats, head 1280, 224 px.
    QTest::newRow("phi=1") << 1.0 << 256 << 5 << 1408;   // 1.2*4=4.8; 224*1.15=257.6
    QTest::newRow("phi=2") << 2.0 << 296 << 6 << 1552;   // 1.44*4=5.76; 296.24
    QTest::newRow("phi=-1") << -1.0 << 192 << 4 << 1160; // 3.33 -> 4; 194.8 -> 192
    QTest::newRow("phi=-3") << -3.0 << 144 << 3 << 960;
}

void TestScaling::compoundMultipliers() {
    QFETCH(double, phi);
    QFETCH(int, resolution);
    QFETCH(int, stage6Repeats);
    QFETCH(int, headChannels);
    ScalingRequest r;
    r.coefficients.phi = phi;
    const ScaledArch a = scale(baselineSpec("efficientnet-b0"), r);
    QCOMPARE(a.depthMultiplier, std::pow(1.2, phi));
    QCOMPARE(a.widthMultiplier, std::pow(1.1, phi));
    QCOMPARE(a.resolution, resolution);
    QCOMPARE(a.stages[5].spec.repeats, stage6Repeats);
    QCOMPARE(a.headChannels, headChannels);
}

void TestScaling::flopsGrowRoughlyTwoToPhi() {
    const ArchSpec& b0 = baselineSpec("efficientnet-b0");
    ScalingRequest r;
    const double base = double(computeCosts(scale(b0, r)).macs);
    QCOMPARE(std::round(r.coefficients.flopsBase() * 1e4) / 1e4, 1.9203);
    for (double phi : {1.0, 2.0, 3.0}) {
        r.coefficients.phi = phi;
        const double ratio = computeCosts(scale(b0, r)).macs / base;
        // Rounding of repeats and channels moves it, but it must stay near 1.92^phi.
        const double ideal = std::pow(1.9203, phi);
        QVERIFY2(ratio > 0.7 * ideal && ratio < 1.4 * ideal, qPrintable(QString::number(ratio)));
    }
    // Below the baseline, rounding up repeats and channels keeps models above 1.92^phi,
    // but they must still shrink steadily.
    r.coefficients.phi = -1;
    const double minus1 = double(computeCosts(scale(b0, r)).macs);
    r.coefficients.phi = -2;
    const double minus2 = double(computeCosts(scale(b0, r)).macs);
    QVERIFY(minus1 < 0.75 * base);
    QVERIFY(minus2 < 0.75 * minus1);
    QVERIFY(minus2 < base / 2);
}

void TestScaling::perStageMultipliersTouchOneStage() {
    const ArchSpec& v2 = baselineSpec("efficientnetv2-s");
    ScalingRequest r;
    const ScaledArch before = scale(v2, r);
    r.stages.assign(v2.stages.size(), StageMultiplier{});
    r.stages[4].depth = 1.5;  // 9 -> 14 (ceil 13.5)
    r.stages[5].width = 1.25; // 256 -> 320
    const ScaledArch after = scale(v2, r);
    for (size_t i = 0; i < v2.stages.size(); ++i) {
        if (i == 4)
            QCOMPARE(after.stages[i].spec.repeats, 14);
        else
            QCOMPARE(after.stages[i].spec.repeats, before.stages[i].spec.repeats);
        if (i == 5)
            QCOMPARE(after.stages[i].spec.channels, 320);
        else
            QCOMPARE(after.stages[i].spec.channels, before.stages[i].spec.channels);
    }
    QVERIFY(computeCosts(after).params > computeCosts(before).params);
}

void TestScaling::resolutionCap() {
    ScalingRequest r;
    r.coefficients.phi = 4; // 224 * 1.15^4 = 391.8 -> 392
    r.maxResolution = 300;
    const ScaledArch a = scale(baselineSpec("efficientnet-b0"), r);
    QCOMPARE(a.uncappedResolution, 392);
    QCOMPARE(a.resolution, 300);
    QVERIFY(QString::fromStdString(a.description()).contains("capped to 300"));
}

void TestScaling::outputShapes_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("resolution");
    QTest::addColumn<int>("finalSide");
    QTest::newRow("b0@224") << "efficientnet-b0" << 224 << 7;
    QTest::newRow("b0@225") << "efficientnet-b0" << 225 << 8; // "same" padding: ceil
    QTest::newRow("b0@32") << "efficientnet-b0" << 32 << 1;
    QTest::newRow("v2s@384") << "efficientnetv2-s" << 384 << 12;
    QTest::newRow("rs50@160") << "resnet-rs-50" << 160 << 5;
    QTest::newRow("rs50@224") << "resnet-rs-50" << 224 << 7;
}

void TestScaling::outputShapes() {
    QFETCH(QString, preset);
    QFETCH(int, resolution);
    QFETCH(int, finalSide);
    ScalingRequest r;
    r.resolution = resolution;
    const CostReport c = computeCosts(scale(baselineSpec(preset.toStdString()), r));
    const LayerCost& lastBlock = c.layers[c.layers.size() - 2];
    QCOMPARE(lastBlock.outH, finalSide);
    QCOMPARE(lastBlock.outW, finalSide);
    QCOMPARE(c.layers.back().outChannels, 1000);
}

void TestScaling::stagesSumToTotal() {
    const Preset p = findPreset("efficientnet-b4");
    const CostReport c = computeCosts(scale(baselineSpec(p.baseline), p.request));
    std::int64_t params = 0, macs = 0;
    size_t layers = 0;
    for (const StageCost& s : c.stages) {
        params += s.params;
        macs += s.macs;
        layers += s.layerCount;
    }
    QCOMPARE(params, c.params);
    QCOMPARE(macs, c.macs);
    QCOMPARE(layers, c.layers.size());
    QCOMPARE(c.stages.size(), size_t(9)); // stem, 7 stages, head
}

// What a progressive schedule's steps cost against every epoch at its last size, from the
// cost model at each stage's size: B0's strided maps round up, so small images save less
// than their pixels (48 px keeps the 2x2 map of 64 px in the last stages).
void TestScaling::stageMacsAgainstTheLastSize_data() {
    QTest::addColumn<int>("minSize");
    QTest::addColumn<int>("maxSize");
    QTest::addColumn<int>("stages");
    QTest::addColumn<int>("epochs");
    QTest::newRow("the explorer's default") << 48 << 64 << 3 << 6;
    QTest::newRow("EfficientNetV2-S's 128 to 300 px") << 128 << 300 << 4 << 8;
    QTest::newRow("one stage") << 224 << 224 << 1 << 5;
    QTest::newRow("uneven stages") << 64 << 128 << 3 << 7;
}

void TestScaling::stageMacsAgainstTheLastSize() {
    QFETCH(int, minSize);
    QFETCH(int, maxSize);
    QFETCH(int, stages);
    QFETCH(int, epochs);
    const ScaleConfig c = configForPreset("efficientnet-b0");
    const ScaledArch arch = scale(c.baseline, c.request);
    ProgressiveSettings p;
    p.minImageSize = minSize;
    p.maxImageSize = maxSize;
    p.stages = stages;
    const auto plan = progressiveStages(p, arch.resolution, epochs);
    double staged = 0;
    for (const TrainingStage& st : plan) {
        ScaledArch at = arch;
        at.resolution = st.imageSize;
        staged += (st.endEpoch - st.firstEpoch) * double(computeCosts(at).macs);
    }
    ScaledArch last = arch;
    last.resolution = maxSize;
    const double expected = staged / (epochs * double(computeCosts(last).macs));
    const double ratio = stageMacsRatio(arch, plan);
    QVERIFY(std::abs(ratio - expected) < 1e-12);
    if (stages == 1)
        QCOMPARE(ratio, 1.0);
    else {
        QVERIFY(ratio < 1.0);
        // At least the pixels' share: maps round up, never down.
        double pixels = 0;
        for (const TrainingStage& st : plan)
            pixels += (st.endEpoch - st.firstEpoch) * double(st.imageSize) * st.imageSize;
        QVERIFY2(ratio >= pixels / (epochs * double(maxSize) * maxSize) - 1e-9,
                 qPrintable(QString::number(ratio)));
    }
}

void TestScaling::badRequests_data() {
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("phi");
    QTest::addColumn<int>("stageCount");
    QTest::addColumn<double>("stageDepth");
    QTest::addColumn<QString>("field");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("alpha 0") << 0.0 << 1.0 << 0 << 1.0 << "alpha";
    QTest::newRow("alpha negative") << -1.2 << 1.0 << 0 << 1.0 << "alpha";
    QTest::newRow("alpha nan") << nan << 1.0 << 0 << 1.0 << "alpha";
    QTest::newRow("phi nan") << 1.2 << nan << 0 << 1.0 << "phi";
    QTest::newRow("phi inf") << 1.2 << inf << 0 << 1.0 << "phi";
    QTest::newRow("phi 1e9") << 1.2 << 1e9 << 0 << 1.0 << "phi";
    QTest::newRow("phi 40 overflows depth") << 1.2 << 40.0 << 0 << 1.0 << "phi";
    QTest::newRow("wrong stage count") << 1.2 << 0.0 << 3 << 1.0 << "stages";
    QTest::newRow("stage depth 0") << 1.2 << 0.0 << 7 << 0.0 << "stage 3 depth";
    QTest::newRow("stage depth 1e6") << 1.2 << 0.0 << 7 << 1e6 << "stage 3 depth";
}

void TestScaling::badRequests() {
    QFETCH(double, alpha);
    QFETCH(double, phi);
    QFETCH(int, stageCount);
    QFETCH(double, stageDepth);
    QFETCH(QString, field);
    ScalingRequest r;
    r.coefficients.alpha = alpha;
    r.coefficients.phi = phi;
    r.stages.assign(size_t(stageCount), StageMultiplier{});
    if (stageCount > 2) r.stages[2].depth = stageDepth;
    try {
        scale(baselineSpec("efficientnet-b0"), r);
        QFAIL("accepted a bad request");
    } catch (const ValidationError& e) {
        QCOMPARE(QString::fromStdString(e.field()), field);
        QVERIFY(!e.reason().empty());
    }
}

void TestScaling::memoryEstimate() {
    const CostReport c = computeCosts(scale(baselineSpec("efficientnet-b0"), ScalingRequest{}));
    const MemoryEstimate bf16 =
        estimateMemory(c, Precision::BFloat16, Optimizer::SGDMomentum, false);
    const MemoryEstimate fp32 =
        estimateMemory(c, Precision::Float32, Optimizer::SGDMomentum, false);
    QCOMPARE(fp32.activationBytesPerImage, 2 * bf16.activationBytesPerImage);
    // Weights, gradients and momentum: three float32 copies.
    QCOMPARE(bf16.fixedBytes, 3.0 * 4.0 * c.params);
    const long long fit = bf16.maxBatch(16e9);
    QVERIFY(fit > 0);
    QVERIFY(bf16.bytesAtBatch(int(fit)) <= 16e9);
    QVERIFY(bf16.bytesAtBatch(int(fit + 1)) > 16e9);
    QCOMPARE(bf16.maxBatch(1.0), 0LL);
}

// The reference comparison: ratios of the two reports, and (α·β²·γ²)^Δφ only where φ alone
// differs.
void TestScaling::comparison_data() {
    QTest::addColumn<QString>("preset"); // this model's baseline; the reference is B0 at φ 0
    QTest::addColumn<double>("phi");
    QTest::addColumn<double>("beta");
    QTest::addColumn<int>("cap");
    QTest::addColumn<double>("stage6Depth");
    QTest::addColumn<bool>("predicted");
    QTest::addColumn<bool>("stagesPair");
    QTest::newRow("φ 3") << "efficientnet-b0" << 3.0 << 1.1 << 0 << 1.0 << true << true;
    QTest::newRow("φ -1") << "efficientnet-b0" << -1.0 << 1.1 << 0 << 1.0 << true << true;
    QTest::newRow("same φ") << "efficientnet-b0" << 0.0 << 1.1 << 0 << 1.0 << false << true;
    QTest::newRow("another β") << "efficientnet-b0" << 2.0 << 1.2 << 0 << 1.0 << false << true;
    QTest::newRow("a size cap") << "efficientnet-b0" << 2.0 << 1.1 << 256 << 1.0 << false << true;
    QTest::newRow("a stage's depth")
        << "efficientnet-b0" << 2.0 << 1.1 << 0 << 2.0 << false << true;
    QTest::newRow("a fixed image size")
        << "efficientnet-b0" << 2.0 << 1.1 << -1 << 1.0 << false << true;
    QTest::newRow("another baseline")
        << "efficientnetv2-s" << 0.0 << 1.1 << 0 << 1.0 << false << false;
}

void TestScaling::comparison() {
    QFETCH(QString, preset);
    QFETCH(double, phi);
    QFETCH(double, beta);
    QFETCH(int, cap);
    QFETCH(double, stage6Depth);
    QFETCH(bool, predicted);
    QFETCH(bool, stagesPair);
    const ScaleConfig b0 = configForPreset("efficientnet-b0");
    const ScaledArch ref = scale(b0.baseline, b0.request);
    const CostReport refCosts = computeCosts(ref);
    ScaleConfig c = configForPreset(preset.toStdString());
    c.request.coefficients.phi = phi;
    c.request.coefficients.beta = beta;
    if (cap >= 0)
        c.request.maxResolution = cap;
    else
        c.request.resolution = 300; // γ no longer sets the size
    if (stage6Depth != 1.0) {
        c.request.stages.assign(c.baseline.stages.size(), StageMultiplier{});
        c.request.stages[5].depth = stage6Depth;
    }
    const ScaledArch arch = scale(c.baseline, c.request);
    const CostReport costs = computeCosts(arch);
    const CostComparison k = compareCosts(arch, costs, ref, refCosts, Precision::BFloat16);
    QCOMPARE(k.params, double(costs.params) / double(refCosts.params));
    QCOMPARE(k.macs, double(costs.macs) / double(refCosts.macs));
    const Optimizer opt = paperOptimizer(arch.baseline.family);
    QCOMPARE(k.activationBytesPerImage,
             estimateMemory(costs, Precision::BFloat16, opt, true).activationBytesPerImage /
                 estimateMemory(refCosts, Precision::BFloat16, Optimizer::RMSProp, true)
                     .activationBytesPerImage);
    QCOMPARE(k.stagesPair, stagesPair);
    QCOMPARE(k.predictedMacs.has_value(), predicted);
    if (predicted) {
        QCOMPARE(*k.predictedMacs, std::pow(1.2 * 1.1 * 1.1 * 1.15 * 1.15, phi));
        QCOMPARE(k.phiFrom, 0.0);
        QCOMPARE(k.phiTo, phi);
        // Rounding up repeats and channels makes the real model larger than predicted.
        QVERIFY(phi > 0 ? k.macs > *k.predictedMacs : k.macs < 1.0);
    }
}

// EfficientNet's grid search: the grid's points within the tolerance, counted here with whole
// numbers (coefficients in steps of 1/20 or 1/10), closest to the target first, each costed
// as the scaling engine costs it.
void TestScaling::gridCandidates_data() {
    QTest::addColumn<int>("denominator"); // the step is 1/denominator
    QTest::addColumn<int>("fromNumerator");
    QTest::addColumn<int>("toNumerator");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("1 to 1.4 by 0.05, within 0.1") << 20 << 20 << 28 << 0.1;
    QTest::newRow("1 to 1.5 by 0.1, within 0.05") << 10 << 10 << 15 << 0.05;
    QTest::newRow("1 to 2 by 0.05, within 0.02") << 20 << 20 << 40 << 0.02;
}

void TestScaling::gridCandidates() {
    QFETCH(int, denominator);
    QFETCH(int, fromNumerator);
    QFETCH(int, toNumerator);
    QFETCH(double, tolerance);
    GridSearchSpec spec;
    spec.from = double(fromNumerator) / denominator;
    spec.to = double(toNumerator) / denominator;
    spec.step = 1.0 / denominator;
    spec.tolerance = tolerance;
    // α·β²·γ² = a·b²·g² / d⁵ exactly in integers; within the tolerance of 2 when
    // |a·b²·g² − 2·d⁵| ≤ tolerance·d⁵ (no point of these grids lies on the edge).
    const long long d5 = 1LL * denominator * denominator * denominator * denominator * denominator;
    int expected = 0;
    for (long long a = fromNumerator; a <= toNumerator; ++a)
        for (long long b = fromNumerator; b <= toNumerator; ++b)
            for (long long g = fromNumerator; g <= toNumerator; ++g)
                if (std::llabs(a * b * b * g * g - 2 * d5) <= std::llround(tolerance * d5))
                    ++expected;
    const ScaleConfig b0 = configForPreset("efficientnet-b0");
    const std::vector<GridCandidate> list = scalescope::gridCandidates(b0, spec);
    QCOMPARE(int(list.size()), expected);
    QVERIFY(expected > 0);
    double lastDistance = 0;
    for (const GridCandidate& c : list) {
        QCOMPARE(c.product, c.coefficients.flopsBase());
        QVERIFY(std::abs(c.product - 2.0) <= tolerance);
        QVERIFY(std::abs(c.product - 2.0) >= lastDistance); // closest first
        lastDistance = std::abs(c.product - 2.0);
        QCOMPARE(c.coefficients.phi, 1.0);
        ScalingRequest q = b0.request;
        q.coefficients = c.coefficients;
        const ScaledArch arch = scale(b0.baseline, q);
        QCOMPARE(c.macs, computeCosts(arch).macs);
        QCOMPARE(c.params, computeCosts(arch).params);
        QCOMPARE(c.resolution, arch.resolution);
    }
    // An official B1-B7 table is a scaled B0: the search starts from B0, as training does.
    const std::vector<GridCandidate> fromB3 =
        scalescope::gridCandidates(configForPreset("efficientnet-b3"), spec);
    QCOMPARE(fromB3.size(), list.size());
    QCOMPARE(fromB3.front().macs, list.front().macs);
    const ScaleConfig trained =
        candidateConfig(configForPreset("efficientnet-b3"), fromB3.front().coefficients);
    QCOMPARE(computeCosts(scale(trained.baseline, trained.request)).macs, fromB3.front().macs);
    // The paper's α 1.2, β 1.1, γ 1.15 (1.9203) is on the first grid.
    if (denominator == 20 && tolerance >= 0.08)
        QVERIFY(std::any_of(list.begin(), list.end(), [](const GridCandidate& c) {
            return std::abs(c.coefficients.alpha - 1.2) < 1e-9 &&
                   std::abs(c.coefficients.beta - 1.1) < 1e-9 &&
                   std::abs(c.coefficients.gamma - 1.15) < 1e-9;
        }));
}

// A candidate's training and test sizes set apart from the model's grow with its resolution:
// γ^φ over the configured model's (rounded to multiples of 8 as resolutions are); sizes that
// follow the model stay 0, and γ = 1 leaves them as configured.
void TestScaling::candidateSizes_data() {
    QTest::addColumn<double>("gamma");
    QTest::addColumn<double>("phi");
    QTest::addColumn<QList<int>>("configured"); // min, max, eval
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("paper, phi 1") << 1.15 << 1.0 << QList<int>{48, 64, 0}
                                  << QList<int>{56, 72, 0}; // 55.2, 73.6
    QTest::newRow("gamma 1.2") << 1.2 << 1.0 << QList<int>{48, 64, 96}
                               << QList<int>{56, 80, 112}; // 57.6, 76.8, 115.2
    QTest::newRow("gamma 1") << 1.0 << 1.0 << QList<int>{48, 64, 0} << QList<int>{48, 64, 0};
    QTest::newRow("phi 2") << 1.15 << 2.0 << QList<int>{128, 0, 0} << QList<int>{168, 0, 0};
    QTest::newRow("follows the model") << 1.15 << 1.0 << QList<int>{0, 0, 0} << QList<int>{0, 0, 0};
}

void TestScaling::candidateSizes() {
    QFETCH(double, gamma);
    QFETCH(double, phi);
    QFETCH(QList<int>, configured);
    QFETCH(QList<int>, expected);
    ScaleConfig base = configForPreset("efficientnet-b0");
    ProgressiveSettings& ps = base.training.progressive;
    ps.minImageSize = configured[0];
    ps.maxImageSize = configured[1];
    ps.evalImageSize = configured[2];
    const ScaleConfig c = candidateConfig(base, {1.2, 1.1, gamma, phi});
    const ProgressiveSettings& got = c.training.progressive;
    QCOMPARE(QList<int>({got.minImageSize, got.maxImageSize, got.evalImageSize}), expected);
    // An explicitly scaled base (the official table's B1) is left for the baseline's φ 0: its
    // sizes are set against its own 240 px, and the candidate's 256 px is 256/240 of it.
    ScaleConfig b1 = configForPreset("efficientnet-b1");
    b1.training.progressive.maxImageSize = 240;
    if (gamma == 1.15 && phi == 1.0)
        QCOMPARE(candidateConfig(b1, {1.2, 1.1, 1.15, 1.0}).training.progressive.maxImageSize, 256);
}

// --seeds: each candidate at the configured seed and the next ones, seed by seed, the later
// seeds' folders named by their seed; outside 1 to 10 refused by name.
void TestScaling::gridRunsSeedBySeed() {
    ScaleConfig base = configForPreset("efficientnet-b0");
    base.training.seed = 41;
    GridSearchSpec spec;
    spec.from = 1.1;
    spec.to = 1.2;
    spec.step = 0.05;
    spec.target = 1.9203;
    spec.tolerance = 0.001;
    const std::vector<GridCandidate> list = scalescope::gridCandidates(base, spec);
    QCOMPARE(int(list.size()), 2);
    QCOMPARE(int(std::count_if(
                 list.begin(), list.end(),
                 [](const GridCandidate& c) { return isPaperCoefficients(c.coefficients); })),
             1);
    const std::vector<GridRun> runs = gridRuns(base, list, 3);
    QCOMPARE(int(runs.size()), 6);
    for (size_t i = 0; i < runs.size(); ++i) {
        QCOMPARE(runs[i].candidate, i % 2);
        QCOMPARE(runs[i].seedIndex, int(i / 2));
        QCOMPARE(runs[i].config.training.seed, std::uint64_t(41 + i / 2));
        const std::string name = gridRunName(list[i % 2].coefficients);
        QCOMPARE(runs[i].runName, i < 2 ? name : name + "-seed" + std::to_string(41 + i / 2));
        ScaleConfig same = runs[i].config;
        same.training.seed = 41;
        QVERIFY(same == candidateConfig(base, list[i % 2].coefficients)); // only the seed differs
    }
    for (int bad : {0, 11})
        try {
            gridRuns(base, list, bad);
            QFAIL("accepted");
        } catch (const ValidationError& e) {
            QCOMPARE(QString::fromStdString(e.field()), QString("grid.seeds"));
        }
}

void TestScaling::badGrids_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("from below 1") << "from" << 0.9 << "grid.from: must be between 1 and 10";
    QTest::newRow("from NaN") << "from" << nan << "grid.from: must be a finite number";
    QTest::newRow("to below from") << "to" << 0.99 << "grid.to: must be between grid.from";
    QTest::newRow("step 0") << "step" << 0.0 << "grid.step: must be above 0";
    QTest::newRow("step negative") << "step" << -0.05 << "grid.step: must be above 0";
    QTest::newRow("step too fine") << "step" << 1e-4 << "grid.step: gives more than 201 values";
    QTest::newRow("target 1") << "target" << 1.0 << "grid.target: must be above 1";
    QTest::newRow("tolerance 0") << "tolerance" << 0.0 << "grid.tolerance: must be above 0";
    QTest::newRow("tolerance inf") << "tolerance" << std::numeric_limits<double>::infinity()
                                   << "grid.tolerance: must be a finite";
    QTest::newRow("phi 0") << "phi" << 0.0 << "grid.phi: must be above 0";
    QTest::newRow("phi 1e9") << "phi" << 1e9 << "grid.phi: must be above 0 and at most 50";
    // 1 to 2 by 0.01 within 1 of 2: about 745,000 models to cost.
    QTest::newRow("too many candidates")
        << "tolerance" << 1.0 << "grid.tolerance: gives more than 1000 candidates";
}

void TestScaling::badGrids() {
    QFETCH(QString, field);
    QFETCH(double, value);
    QFETCH(QString, expected);
    GridSearchSpec spec;
    if (field == "tolerance" && value == 1.0) { // the row of too many candidates
        spec.to = 2.0;
        spec.step = 0.01;
    }
    if (field == "from") spec.from = value;
    if (field == "to") spec.to = value;
    if (field == "step") spec.step = value;
    if (field == "target") spec.target = value;
    if (field == "tolerance") spec.tolerance = value;
    if (field == "phi") spec.phi = value;
    const ScaleConfig b0 = configForPreset("efficientnet-b0");
    try {
        scalescope::gridCandidates(b0, spec);
        QFAIL("accepted");
    } catch (const ValidationError& e) {
        QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
    }
}

void TestScaling::clockTimes_data() {
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << "00:00";
    QTest::newRow("rounded down") << 59.4 << "00:59";
    QTest::newRow("rounded up") << 59.5 << "01:00";
    QTest::newRow("under an hour") << 3599.4 << "59:59";
    QTest::newRow("an hour") << 3600.0 << "1:00:00";
    QTest::newRow("hours") << 3723.0 << "1:02:03";
    QTest::newRow("100 hours") << 360000.0 << "100:00:00";
    QTest::newRow("unknown") << std::nan("") << "--:--";
    QTest::newRow("negative") << -1.0 << "--:--";
}

void TestScaling::clockTimes() {
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(clockTime(seconds)), text);
}

void TestScaling::percentCells() {
    QCOMPARE(QString::fromStdString(percentCell(0.93254)), QString("93.25%"));
    QCOMPARE(QString::fromStdString(percentCell(1.0)), QString("100.00%"));
    QCOMPARE(QString::fromStdString(percentCell(0.0)), QString("0.00%"));
    QCOMPARE(QString::fromStdString(percentCell(std::nan(""))), QString("-"));
}

QTEST_APPLESS_MAIN(TestScaling)
#include "tst_scaling.moc"
