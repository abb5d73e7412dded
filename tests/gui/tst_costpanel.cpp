// The cost panel's reference: a pinned model's costs stay put while the document changes,
// its ratios are those of the engine's own reports, and compound scaling's (α·β²·γ²)^Δφ
// prediction is shown beside the rounded model's real ratio.
#include "costpanel.h"
#include "explorerdocument.h"

#include "scaling/presets.h"

#include <QPushButton>
#include <QtTest>
#include <cmath>
#include <qcustomplot.h>

using namespace scalescope;

namespace {
CostReport costsOf(const ScaleConfig& c) {
    return computeCosts(scale(c.baseline, c.request));
}
QString times(double v) {
    return QStringLiteral("×") + QString::number(v, 'f', 2);
}
} // namespace

class TestCostPanel : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void noReferenceNoComparison();
    void ratiosAgainstThePinnedModel_data();
    void ratiosAgainstThePinnedModel();
    void phiPredictionBesideTheRoundedModel();
    void stagesThatDoNotPairHideTheBars();
    void clearingRemovesIt();
};

void TestCostPanel::noReferenceNoComparison() {
    ExplorerDocument doc;
    CostPanel panel(&doc);
    QVERIFY(!panel.hasReference());
    QVERIFY(panel.comparisonText().isEmpty());
    QCOMPARE(panel.referenceBarCount(), 0);
    QVERIFY(!panel.findChild<QPushButton*>("clearReference")->isEnabled());
}

void TestCostPanel::ratiosAgainstThePinnedModel_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<double>("phi");
    QTest::newRow("B0, φ 2") << "efficientnet-b0" << 2.0;
    QTest::newRow("B0, φ -1") << "efficientnet-b0" << -1.0;
    QTest::newRow("ResNet-RS-50, φ 1") << "resnet-rs-50" << 1.0;
}

void TestCostPanel::ratiosAgainstThePinnedModel() {
    QFETCH(QString, preset);
    QFETCH(double, phi);
    ExplorerDocument doc;
    QVERIFY(doc.loadPreset(preset));
    CostPanel panel(&doc);
    const CostReport before = costsOf(doc.config());
    panel.findChild<QPushButton*>("pinReference")->click();
    QVERIFY(panel.hasReference());
    Coefficients k = doc.config().request.coefficients;
    k.phi = phi;
    QVERIFY(doc.setCoefficients(k));
    const CostReport after = costsOf(doc.config());
    QVERIFY(after.macs != before.macs);
    const QString text = panel.comparisonText();
    QVERIFY2(
        text.contains(QStringLiteral("parameters ") + times(double(after.params) / before.params)),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("MACs ") + times(double(after.macs) / before.macs)),
             qPrintable(text));
    // The grey bars are the pinned model's, stage by stage, not the current one's.
    const int stages = int(before.stages.size());
    QCOMPARE(panel.referenceBarCount(), stages);
    auto* bars = qobject_cast<QCPBars*>(panel.stagePlot()->plottable(0));
    QVERIFY(bars);
    for (int i = 0; i < stages; ++i)
        QCOMPARE(bars->data()->at(i)->value, before.stages[size_t(i)].macs / 1e9);
}

void TestCostPanel::phiPredictionBesideTheRoundedModel() {
    ExplorerDocument doc;
    CostPanel panel(&doc);
    panel.pinReference(); // B0 at φ 0
    Coefficients k = doc.config().request.coefficients;
    k.phi = 3;
    QVERIFY(doc.setCoefficients(k));
    const double predicted = std::pow(k.flopsBase(), 3.0);
    const double real =
        double(costsOf(doc.config()).macs) / costsOf(configForPreset("efficientnet-b0")).macs;
    const QString text = panel.comparisonText();
    QVERIFY2(text.contains(QStringLiteral("φ 0 → 3: (α·β²·γ²)^Δφ predicts MACs ") +
                           times(predicted) + QStringLiteral(", the rounded model has ") +
                           times(real)),
             qPrintable(text));
    // Another β is not compound scaling of the same model: no prediction.
    k.beta = 1.2;
    QVERIFY(doc.setCoefficients(k));
    QVERIFY(!panel.comparisonText().contains("predicts"));
}

void TestCostPanel::stagesThatDoNotPairHideTheBars() {
    ExplorerDocument doc;
    CostPanel panel(&doc);
    panel.pinReference();                        // B0: seven stages
    QVERIFY(doc.loadPreset("efficientnetv2-s")); // six
    QCOMPARE(panel.referenceBarCount(), 0);
    QVERIFY(panel.comparisonText().contains("differ in number"));
    QVERIFY(panel.comparisonText().contains("EfficientNet-B0, φ 0, 224 px"));
}

void TestCostPanel::clearingRemovesIt() {
    ExplorerDocument doc;
    CostPanel panel(&doc);
    panel.pinReference();
    QCOMPARE(panel.stagePlot()->plottableCount(), 3);
    panel.findChild<QPushButton*>("clearReference")->click();
    QVERIFY(!panel.hasReference());
    QVERIFY(panel.comparisonText().isEmpty());
    QCOMPARE(panel.referenceBarCount(), 0);
    QCOMPARE(panel.stagePlot()->plottableCount(), 2);
}

QTEST_MAIN(TestCostPanel)
#include "tst_costpanel.moc"
