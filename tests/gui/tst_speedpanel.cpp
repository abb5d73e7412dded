// The Speed dock: it measures the document's model off the GUI thread, lays the result out
// as the cost table, says when an edit made it stale, names the field of a refusal, and stops
// when cancelled, when a training run starts or when it is closed.
#include "explorerdocument.h"
#include "speedpanel.h"

#include "scaling/format.h"
#include "scaling/presets.h"

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

#include <memory>

using namespace scalescope;

namespace {
constexpr int kMeasureMs = 120000; // a measurement of the small models takes seconds

// A preset at a quarter of its width and depth and 32 px: seconds on two cores.
ScaleConfig small(const char* preset) {
    ScaleConfig c = configForPreset(preset);
    c.request.mode = ScalingRequest::Mode::Explicit;
    c.request.width = 0.25;
    c.request.depth = 0.25;
    c.request.resolution = 32;
    c.training.device = "cpu";
    return c;
}

// The CPU on every machine: a GPU host offers cuda:0 first.
void onCpu(SpeedPanel& panel) {
    auto* device = panel.findChild<QComboBox*>("speedDevice");
    device->setCurrentIndex(device->findData(QStringLiteral("cpu")));
}

void quick(SpeedPanel& panel) {
    onCpu(panel);
    panel.batchBox()->setValue(2);
    panel.repeatsBox()->setValue(1);
}
} // namespace

class TestSpeedPanel : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void measuresTheDocumentsModel_data();
    void measuresTheDocumentsModel();
    void imageSizeOverride();
    void anEditMakesItStale();
    void pinnedReference();
    void refusalNamesTheField();
    void cancelStopsWithoutBlocking();
    void trainingRunStopsAndDisablesIt();
    void closingWhileMeasuring();
};

void TestSpeedPanel::measuresTheDocumentsModel_data() {
    QTest::addColumn<QString>("preset");
    QTest::newRow("efficientnet-b0") << "efficientnet-b0";
    QTest::newRow("efficientnetv2-s") << "efficientnetv2-s";
    QTest::newRow("resnet-rs-50") << "resnet-rs-50";
}

void TestSpeedPanel::measuresTheDocumentsModel() {
    QFETCH(QString, preset);
    ExplorerDocument doc;
    QVERIFY(doc.setConfig(small(preset.toUtf8().constData())));
    SpeedPanel panel(&doc);
    quick(panel);
    QVERIFY(!panel.report());
    QTemporaryDir dir;
    QString why;
    QVERIFY(!panel.exportCsv(dir.filePath("none.csv"), &why));
    QVERIFY2(why.contains("nothing has been measured"), qPrintable(why));
    QSignalSpy measuring(&panel, &SpeedPanel::measuringChanged);
    panel.measureButton()->click();
    QVERIFY(panel.isMeasuring());
    QVERIFY(!panel.measureButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    QCOMPARE(measuring.size(), 2);
    QVERIFY(panel.measureButton()->isEnabled());
    QVERIFY2(panel.report(), qPrintable(panel.statusText()));
    QCOMPARE(panel.statusText(), QString("Measured on cpu."));
    QVERIFY(!panel.isStale());

    const auto r = *panel.report();
    const CostReport& costs = doc.costs();
    QCOMPARE(r.batch, 2);
    QCOMPARE(r.imageSize, 32);
    QCOMPARE(r.segments.size(), costs.stages.size());
    QCOMPARE(panel.table()->rowCount(), int(costs.stages.size()));
    double timeShares = 0, macShares = 0;
    auto* time = qobject_cast<QCPBars*>(panel.plot()->plottable(0));
    auto* macs = qobject_cast<QCPBars*>(panel.plot()->plottable(1));
    QVERIFY(time && macs);
    QCOMPARE(time->data()->size(), int(costs.stages.size()));
    for (int i = 0; i < int(costs.stages.size()); ++i) {
        const StageCost& st = costs.stages[size_t(i)];
        QCOMPARE(panel.table()->item(i, 0)->text(), QString::fromStdString(st.name));
        QCOMPARE(panel.table()->item(i, 0)->toolTip(), QString::fromStdString(st.label));
        QCOMPARE(panel.table()->item(i, 1)->text(),
                 QString::fromStdString(shortCount(double(st.macs))));
        const auto& seg = r.segments[size_t(i)];
        QCOMPARE(panel.table()->item(i, 2)->text().toDouble() > 0, true);
        QCOMPARE(macs->data()->at(i)->value, 100.0 * double(st.macs) / double(costs.macs));
        const double total = [&] {
            double t = 0;
            for (const auto& s : r.segments)
                t += s.forwardMs + s.backwardMs;
            return t;
        }();
        QCOMPARE(time->data()->at(i)->value, 100.0 * (seg.forwardMs + seg.backwardMs) / total);
        timeShares += time->data()->at(i)->value;
        macShares += macs->data()->at(i)->value;
    }
    QVERIFY(qAbs(timeShares - 100) < 1e-9);
    QVERIFY(qAbs(macShares - 100) < 1e-9);
    QVERIFY(panel.exportCsv(dir.filePath("speed.csv")));
    QFile csv(dir.filePath("speed.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString(csv.readAll()).trimmed().split('\n').size(), int(costs.stages.size()) + 1);
    QVERIFY2(
        panel.summaryText().contains(QString::number(r.trainImagesPerSecond(), 'f', 1) + " img/s"),
        qPrintable(panel.summaryText()));
}

void TestSpeedPanel::imageSizeOverride() {
    ExplorerDocument doc;
    QVERIFY(doc.setConfig(small("efficientnet-b0")));
    SpeedPanel panel(&doc);
    quick(panel);
    panel.imageSizeBox()->setValue(40);
    panel.measure();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    QVERIFY2(panel.report(), qPrintable(panel.statusText()));
    QCOMPARE(panel.report()->imageSize, 40);
    QVERIFY(panel.summaryText().contains("40 px, batch 2"));
}

void TestSpeedPanel::anEditMakesItStale() {
    ExplorerDocument doc;
    QVERIFY(doc.setConfig(small("efficientnet-b0")));
    SpeedPanel panel(&doc);
    quick(panel);
    panel.measure();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    QVERIFY(panel.report());
    TrainingSettings longer = doc.config().training;
    longer.epochs += 5; // not what the probe times
    QVERIFY(doc.setTraining(longer));
    QVERIFY(!panel.isStale());
    ScaleConfig wider = doc.config();
    wider.request.width = 0.5;
    QVERIFY(doc.setConfig(wider));
    QVERIFY(panel.isStale());
    QVERIFY(panel.statusText().contains("changed"));
    QVERIFY(panel.report()); // the old figures stay until the next measurement
    panel.measure();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    QVERIFY(!panel.isStale());
    // An edit while it measures: the figures are of the model before it.
    panel.measure();
    wider.request.width = 0.375;
    QVERIFY(doc.setConfig(wider));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    QVERIFY(panel.report());
    QVERIFY(panel.isStale());
}

void TestSpeedPanel::pinnedReference() {
    // EfficientNetV2's edit to B0, measured before and after: the ratios are the core's.
    ExplorerDocument doc;
    QVERIFY(doc.setConfig(small("efficientnet-b0")));
    SpeedPanel panel(&doc);
    quick(panel);
    auto* pin = panel.findChild<QPushButton*>("pinSpeedReference");
    auto* unpin = panel.findChild<QPushButton*>("clearSpeedReference");
    QVERIFY(!pin->isEnabled() && !unpin->isEnabled()); // nothing measured yet
    panel.measure();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    QVERIFY(pin->isEnabled());
    pin->click();
    QVERIFY(panel.hasReference() && unpin->isEnabled());
    const train::SpeedReport before = *panel.report();
    ScaleConfig fused = doc.config();
    for (int i = 0; i < 3; ++i)
        fused.baseline.stages[size_t(i)].block = BlockType::FusedMBConv;
    QVERIFY(doc.setConfig(fused));
    panel.measure();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    const train::SpeedComparison c = train::compareSpeed(*panel.report(), before);
    const QString text = panel.comparisonText();
    const auto ratio = [](double r) { return QStringLiteral("×") + QString::number(r, 'f', 2); };
    QVERIFY2(text.contains("EfficientNet-B0 at 32 px, batch 2, cpu"), qPrintable(text));
    QVERIFY2(text.contains("training step " + ratio(c.trainStep)), qPrintable(text));
    QVERIFY2(text.contains("MACs " + ratio(c.macs)), qPrintable(text));
    QVERIFY(c.macs > 1); // a full k x k convolution in place of 1x1 + depthwise
    QVERIFY(!panel.table()->isColumnHidden(5));
    for (int i = 0; i < panel.table()->rowCount(); ++i)
        QCOMPARE(panel.table()->item(i, 5)->text(), ratio(c.stageTime[size_t(i)]));
    unpin->click();
    QVERIFY(!panel.hasReference());
    QVERIFY(panel.comparisonText().isEmpty());
    QVERIFY(panel.table()->isColumnHidden(5));
}

void TestSpeedPanel::refusalNamesTheField() {
    ExplorerDocument doc;
    ScaleConfig c = small("efficientnet-b0");
    c.training.precision = "bf16"; // the document takes it; the CPU cannot run it
    QVERIFY(doc.setConfig(c));
    SpeedPanel panel(&doc);
    quick(panel);
    panel.measure();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    QVERIFY(!panel.report());
    QVERIFY2(panel.statusText().startsWith("Not measured — training.precision: bf16"),
             qPrintable(panel.statusText()));
    QVERIFY(panel.measureButton()->isEnabled());
}

void TestSpeedPanel::cancelStopsWithoutBlocking() {
    ExplorerDocument doc; // EfficientNet-B0 at 224 px: many seconds of passes
    SpeedPanel panel(&doc);
    onCpu(panel);
    panel.batchBox()->setValue(4);
    panel.repeatsBox()->setValue(50);
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, [&] { ++ticks; });
    timer.start(10);
    panel.measure();
    // The GUI thread goes on while the probe runs.
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= 20, kMeasureMs);
    QVERIFY(panel.isMeasuring());
    QVERIFY(panel.findChild<QPushButton*>("cancelSpeed")->isEnabled());
    panel.findChild<QPushButton*>("cancelSpeed")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    QCOMPARE(panel.statusText(), QString("Cancelled."));
    QVERIFY(!panel.report());
}

void TestSpeedPanel::trainingRunStopsAndDisablesIt() {
    ExplorerDocument doc;
    SpeedPanel panel(&doc);
    onCpu(panel);
    panel.batchBox()->setValue(4);
    panel.repeatsBox()->setValue(50);
    panel.measure();
    QVERIFY(panel.isMeasuring());
    panel.setTrainingRunning(true);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), kMeasureMs);
    QCOMPARE(panel.statusText(), QString("Cancelled."));
    QVERIFY(!panel.measureButton()->isEnabled());
    panel.measure();
    QVERIFY(!panel.isMeasuring());
    panel.setTrainingRunning(false);
    QVERIFY(panel.measureButton()->isEnabled());
}

void TestSpeedPanel::closingWhileMeasuring() {
    ExplorerDocument doc;
    auto panel = std::make_unique<SpeedPanel>(&doc);
    onCpu(*panel);
    panel->repeatsBox()->setValue(50);
    panel->measure();
    QVERIFY(panel->isMeasuring());
    QElapsedTimer t;
    t.start();
    panel.reset(); // interrupts and joins: no thread outlives the panel
    QVERIFY(t.elapsed() < kMeasureMs);
}

QTEST_MAIN(TestSpeedPanel)
#include "tst_speedpanel.moc"
