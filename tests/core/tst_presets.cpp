// Every built-in preset against the reference implementations' published counts.
#include "scaling/costs.h"
#include "scaling/presets.h"

#include <QtTest>

using namespace scalescope;

class TestPresets : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void exactParams_data();
    void exactParams();
    void resnetRsParams_data();
    void resnetRsParams();
    void macs_data();
    void macs();
    void everyPresetIsListed();
};

void TestPresets::exactParams_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<qint64>("params");
    QTest::addColumn<int>("resolution");
    // timm / torchvision state_dict parameter counts (1000 classes).
    QTest::newRow("b0") << "efficientnet-b0" << qint64(5288548) << 224;
    QTest::newRow("b1") << "efficientnet-b1" << qint64(7794184) << 240;
    QTest::newRow("b2") << "efficientnet-b2" << qint64(9109994) << 260;
    QTest::newRow("b3") << "efficientnet-b3" << qint64(12233232) << 300;
    QTest::newRow("b4") << "efficientnet-b4" << qint64(19341616) << 380;
    QTest::newRow("b5") << "efficientnet-b5" << qint64(30389784) << 456;
    QTest::newRow("b6") << "efficientnet-b6" << qint64(43040704) << 528;
    QTest::newRow("b7") << "efficientnet-b7" << qint64(66347960) << 600;
    QTest::newRow("v2-s") << "efficientnetv2-s" << qint64(21458488) << 384;
    QTest::newRow("v2-m") << "efficientnetv2-m" << qint64(54139356) << 480;
    QTest::newRow("v2-l") << "efficientnetv2-l" << qint64(118515272) << 480;
}

void TestPresets::exactParams() {
    QFETCH(QString, preset);
    QFETCH(qint64, params);
    QFETCH(int, resolution);
    const Preset p = findPreset(preset.toStdString());
    const ScaledArch a = scale(baselineSpec(p.baseline), p.request);
    QCOMPARE(a.resolution, resolution);
    QCOMPARE(qint64(computeCosts(a).params), params);
}

void TestPresets::resnetRsParams_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<double>("millions");
    QTest::addColumn<int>("resolution");
    // timm's published table (two decimals) and training image sizes.
    QTest::newRow("rs50") << "resnet-rs-50" << 35.69 << 160;
    QTest::newRow("rs101") << "resnet-rs-101" << 63.62 << 192;
    QTest::newRow("rs152") << "resnet-rs-152" << 86.62 << 256;
    QTest::newRow("rs200") << "resnet-rs-200" << 93.21 << 256;
    QTest::newRow("rs270") << "resnet-rs-270" << 129.86 << 256;
    QTest::newRow("rs350") << "resnet-rs-350" << 163.96 << 288;
    QTest::newRow("rs420") << "resnet-rs-420" << 191.89 << 320;
}

void TestPresets::resnetRsParams() {
    QFETCH(QString, preset);
    QFETCH(double, millions);
    QFETCH(int, resolution);
    const Preset p = findPreset(preset.toStdString());
    const ScaledArch a = scale(baselineSpec(p.baseline), p.request);
    QCOMPARE(a.resolution, resolution);
    const double m = computeCosts(a).params / 1e6;
    QVERIFY2(std::abs(m - millions) <= 0.005, qPrintable(QString::number(m, 'f', 4)));
}

void TestPresets::macs_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<double>("gmacs");
    // Reference multiply-adds at the published image sizes.
    QTest::newRow("b0@224") << "efficientnet-b0" << 0.386;
    QTest::newRow("b1@240") << "efficientnet-b1" << 0.69;
    QTest::newRow("b7@600") << "efficientnet-b7" << 37.75;
    QTest::newRow("v2-s@384") << "efficientnetv2-s" << 8.37;
}

void TestPresets::macs() {
    QFETCH(QString, preset);
    QFETCH(double, gmacs);
    const Preset p = findPreset(preset.toStdString());
    const double g = computeCosts(scale(baselineSpec(p.baseline), p.request)).macs / 1e9;
    QVERIFY2(std::abs(g - gmacs) / gmacs < 0.01, qPrintable(QString::number(g, 'f', 4)));
}

void TestPresets::everyPresetIsListed() {
    QStringList names;
    for (const auto& n : presetNames())
        names << QString::fromStdString(n);
    QStringList expected;
    for (int b = 0; b <= 7; ++b)
        expected << QStringLiteral("efficientnet-b%1").arg(b);
    expected << "efficientnetv2-s"
             << "efficientnetv2-m"
             << "efficientnetv2-l";
    for (int d : {50, 101, 152, 200, 270, 350, 420})
        expected << QStringLiteral("resnet-rs-%1").arg(d);
    QCOMPARE(names, expected);
    QVERIFY_THROWS_EXCEPTION(ValidationError, findPreset("efficientnet-b9"));
}

QTEST_APPLESS_MAIN(TestPresets)
#include "tst_presets.moc"
