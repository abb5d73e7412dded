// The grid-search dialog: its model is a well-behaved table of exactly the core's candidates
// for the document's baseline, a grid that holds none says so (a refused one names the field),
// and a candidate's α, β, γ go into the document as one undoable edit that keeps φ.
#include "explorerdocument.h"
#include "gridsearchdialog.h"
#include "mainwindow.h"

#include "scaling/presets.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>
#include <cmath>

using namespace scalescope;

class TestGridSearch : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void listsTheCoreCandidates_data();
    void listsTheCoreCandidates();
    void emptyAndRefusedGridsSaySo();
    void usingACandidateIsOneUndoableEdit();
};

void TestGridSearch::listsTheCoreCandidates_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("B0, the defaults") << "efficientnet-b0" << 0.05 << 0.1;
    QTest::newRow("B0, coarse and narrow") << "efficientnet-b0" << 0.1 << 0.05;
    QTest::newRow("ResNet-RS-50") << "resnet-rs-50" << 0.05 << 0.05;
}

void TestGridSearch::listsTheCoreCandidates() {
    QFETCH(QString, preset);
    QFETCH(double, step);
    QFETCH(double, tolerance);
    ExplorerDocument doc;
    QVERIFY(doc.loadPreset(preset));
    GridSearchDialog dialog(&doc);
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    GridSearchSpec spec;
    spec.step = step;
    spec.tolerance = tolerance;
    dialog.setSpec(spec);
    const ScaleConfig& c = doc.config();
    const std::vector<GridCandidate> core = gridCandidates(c.baseline, c.request, spec);
    QCOMPARE(dialog.model()->rowCount(), int(core.size()));
    QVERIFY(dialog.model()->rowCount() > 0);
    for (int r = 0; r < dialog.model()->rowCount(); ++r) {
        QCOMPARE(dialog.model()->candidate(r).macs, core[size_t(r)].macs);
        const QString product =
            dialog.model()->index(r, GridCandidateModel::Product).data().toString();
        QCOMPARE(product, QString::number(core[size_t(r)].product, 'f', 4));
    }
    QVERIFY2(dialog.message().startsWith(QString::number(core.size()) + " candidate"),
             qPrintable(dialog.message()));
}

void TestGridSearch::emptyAndRefusedGridsSaySo() {
    ExplorerDocument doc;
    GridSearchDialog dialog(&doc);
    GridSearchSpec spec;
    spec.tolerance = 0.0001;
    spec.from = 1.3;
    spec.to = 1.35;
    dialog.setSpec(spec);
    QCOMPARE(dialog.model()->rowCount(), 0);
    QVERIFY2(dialog.message().contains("No α, β, γ of this grid"), qPrintable(dialog.message()));
    spec.to = 1.2; // below from
    dialog.setSpec(spec);
    QCOMPARE(dialog.model()->rowCount(), 0);
    QVERIFY2(dialog.message().contains("grid.to: must be between grid.from"),
             qPrintable(dialog.message()));
}

void TestGridSearch::usingACandidateIsOneUndoableEdit() {
    MainWindow w;
    ExplorerDocument* doc = w.document();
    Coefficients k = doc->config().request.coefficients;
    k.phi = 2.5;
    QVERIFY(doc->setCoefficients(k));
    const ScaleConfig before = doc->config();
    const int steps = doc->undoStack()->count();
    w.gridSearchAction()->trigger();
    GridSearchDialog* dialog = w.gridSearchDialog();
    QVERIFY(dialog);
    const int row = dialog->model()->rowCount() - 1; // the farthest from 2
    const GridCandidate pick = dialog->model()->candidate(row);
    QVERIFY(dialog->useRow(row));
    const Coefficients now = doc->config().request.coefficients;
    QCOMPARE(now.alpha, pick.coefficients.alpha);
    QCOMPARE(now.beta, pick.coefficients.beta);
    QCOMPARE(now.gamma, pick.coefficients.gamma);
    QCOMPARE(now.phi, 2.5); // φ is the explorer's
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    doc->undoStack()->undo();
    QVERIFY(doc->config() == before);
}

QTEST_MAIN(TestGridSearch)
#include "tst_gridsearch.moc"
