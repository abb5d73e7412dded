// The window that classifies image files with a run: it classifies off the GUI thread and
// shows exactly the core's predictions, with the square each file became as a thumbnail and
// unreadable files kept with their reason; its model passes QAbstractItemModelTester; refused
// paths and fields are named; cancel and closing stop it; the evaluation window opens it.
#include "evaluationdialog.h"
#include "explorerdocument.h"
#include "predictiondialog.h"
#include "predictionmodel.h"
#include "train/prediction.h"
#include "train/trainer.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include "../train/tinyconfig.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cmath>

using namespace scalescope;

namespace {
constexpr int kClassifyMs = 120000; // a few dozen tiny images on two busy CI cores
constexpr int kImages = 12;         // written by initTestCase, of assorted sizes and shapes

bool waitForEnd(PredictionDialog& d) {
    return QTest::qWaitFor([&] { return !d.isClassifying(); }, kClassifyMs);
}

// A drawing of one of three figures, `w`×`h` px: different enough for different classes.
QImage drawing(int i, int w, int h) {
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(QColor::fromHsv((i * 47) % 360, 60, 40));
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor::fromHsv((i * 97) % 360, 200, 230));
    const QRectF r(w * 0.25, h * 0.25, w * 0.5, h * 0.5);
    switch (i % 3) {
    case 0:
        p.drawEllipse(r);
        break;
    case 1:
        p.drawRect(r);
        break;
    default:
        p.drawPolygon(QPolygonF{{r.center().x(), r.top()}, r.bottomLeft(), r.bottomRight()});
    }
    return img;
}
} // namespace

class TestPredictionDialog : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase();
    void modelPassesTester();
    void classifiesOffTheGuiThread();
    void refusedPathsAndFieldsAreNamed();
    void cancelStops();
    void closingWhileClassifying();
    void droppedFilesAreAdded();
    void classFoldersLabelFiles();
    void folderThatIsNoRun();
    void evaluationWindowOpensIt();

  private:
    QTemporaryDir m_dir; // run/: a finished tiny shapes run with an EMA; images/: drawings
    QString m_run, m_images;
};

void TestPredictionDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    if (!train::canClassifyImages()) QSKIP("this build has no OpenCV imgcodecs");
    ScaleConfig c = tinyConfig(2);
    c.training.progressive.stages = 2;
    c.training.trainSamples = 640;
    c.training.valSamples = 200;
    c.training.emaDecay = 0.9;
    train::TrainControl control;
    train::RunOptions o;
    m_run = m_dir.filePath("run");
    o.runDir = m_run.toStdString();
    const auto s = train::runTraining(c, o, control, [](const train::TrainEvent&) {});
    QVERIFY2(s.completed, s.error.c_str());
    m_images = m_dir.filePath("images");
    QVERIFY(QDir().mkpath(m_images));
    for (int i = 0; i < kImages; ++i) {
        const QString name = QStringLiteral("%1/drawing_%2.%3")
                                 .arg(m_images)
                                 .arg(i, 2, 10, QChar('0'))
                                 .arg(i % 2 ? "png" : "jpg");
        QVERIFY(drawing(i, 24 + 13 * i, 40 + 7 * (i % 4)).save(name));
    }
    QFile broken(m_images + "/broken.png"); // an image by its name only
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not a picture");
}

void TestPredictionDialog::modelPassesTester() {
    PredictionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    train::PredictionReport r;
    r.classes = {"cat", "dog", "bird"};
    r.channels = 3;
    r.storedSize = 2;
    r.inputSize = 2;
    train::ImagePrediction ok;
    ok.path = "/photos/a.png";
    ok.width = 640;
    ok.height = 480;
    ok.top = {{1, 0.75}, {0, 0.2}, {2, 0.05}};
    ok.input = {255, 0, 0, 255, 0, 255, 0, 255, 10, 20, 30, 40}; // R, G, B planes of 2×2
    train::ImagePrediction bad;
    bad.path = "/photos/b.png";
    bad.error = "cannot decode";
    r.images = {ok, bad};
    model.setReport(r);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(PredictionModel::ColumnCount));
    QCOMPARE(model.data(model.index(0, PredictionModel::Image)).toString(), QString("a.png"));
    QCOMPARE(model.data(model.index(0, PredictionModel::Size)).toString(), QString("640×480"));
    QCOMPARE(model.data(model.index(0, PredictionModel::Class)).toString(), QString("dog"));
    QCOMPARE(model.data(model.index(0, PredictionModel::Probability)).toString(),
             QString("75.00%"));
    QCOMPARE(model.data(model.index(0, PredictionModel::Then)).toString(),
             QString("cat 20.00%, bird 5.00%"));
    QCOMPARE(model.data(model.index(0, PredictionModel::Class), Qt::UserRole).toInt(), 1);
    QCOMPARE(model.data(model.index(0, PredictionModel::Label)).toString(), QString()); // no folder
    QCOMPARE(model.data(model.index(0, PredictionModel::Label), Qt::UserRole).toInt(), -1);
    QVERIFY(model.data(model.index(0, PredictionModel::Class), Qt::ForegroundRole).isNull());
    // The thumbnail is the square enlarged with its pixels kept, each corner its own colour.
    const QImage thumb =
        model.data(model.index(0, PredictionModel::Image), Qt::DecorationRole).value<QImage>();
    QCOMPARE(thumb.size(), QSize(PredictionModel::kThumbnailPx, PredictionModel::kThumbnailPx));
    QCOMPARE(QColor(thumb.pixel(0, 0)), QColor(255, 0, 10));
    QCOMPARE(QColor(thumb.pixel(63, 0)), QColor(0, 255, 20));
    QCOMPARE(QColor(thumb.pixel(0, 63)), QColor(0, 0, 30));
    QCOMPARE(QColor(thumb.pixel(63, 63)), QColor(255, 255, 40));
    QCOMPARE(model.data(model.index(1, PredictionModel::Class)).toString(),
             QString("not classified"));
    QCOMPARE(model.data(model.index(1, PredictionModel::Then)).toString(),
             QString("cannot decode"));
    QCOMPARE(model.data(model.index(1, PredictionModel::Class), Qt::UserRole).toInt(), -1);
    QVERIFY(std::isnan(
        model.data(model.index(1, PredictionModel::Probability), Qt::UserRole).toDouble()));
    QVERIFY(model.data(model.index(1, PredictionModel::Image), Qt::DecorationRole).isNull());
    // Labelled by its folder: the class is drawn green where it is the folder's, red where not.
    r.images[0].label = 1;
    train::ImagePrediction wrong = ok;
    wrong.label = 2;
    r.images.push_back(wrong);
    model.setReport(r);
    QCOMPARE(model.data(model.index(0, PredictionModel::Label)).toString(), QString("dog"));
    QCOMPARE(model.data(model.index(0, PredictionModel::Label), Qt::UserRole).toInt(), 1);
    QCOMPARE(model.data(model.index(2, PredictionModel::Label)).toString(), QString("bird"));
    const auto colour = [&](int row) {
        return model.data(model.index(row, PredictionModel::Class), Qt::ForegroundRole)
            .value<QBrush>()
            .color();
    };
    QCOMPARE(colour(0), QColor(0x1b, 0x7f, 0x3b));
    QCOMPARE(colour(2), QColor(0xb3, 0x26, 0x1e));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestPredictionDialog::classifiesOffTheGuiThread() {
    PredictionDialog d(m_run);
    QCOMPARE(d.sizeBox()->value(), 32);          // the size the run validated at
    QVERIFY(!d.trainedWeightsBox()->isHidden()); // the run kept an EMA
    QVERIFY(!d.classifyButton()->isEnabled());   // nothing added yet
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(10);
    QSignalSpy done(&d, &PredictionDialog::classified);
    d.addPaths({m_images}); // a folder: classified at once
    QVERIFY(d.isClassifying());
    QVERIFY(!d.classifyButton()->isEnabled());
    QVERIFY(!d.sizeBox()->isEnabled());
    QVERIFY(!d.findChild<QProgressBar*>()->isHidden());
    QVERIFY(waitForEnd(d));
    ticker.stop();
    QVERIFY(d.findChild<QProgressBar*>()->isHidden());
    QCOMPARE(done.count(), 1);
    QVERIFY2(ticks > 3, qPrintable(QString::number(ticks))); // the GUI thread kept running
    QVERIFY2(d.statusText().contains(
                 QString("Classified %1 of %2 images").arg(kImages).arg(kImages + 1)),
             qPrintable(d.statusText()));
    QVERIFY2(d.statusText().contains("1 could not be read"), qPrintable(d.statusText()));

    // The table is the core's prediction of the same files, row for row.
    train::PredictionRequest request;
    const auto expected = train::predictImages(m_run.toStdString(), {m_images.toStdString()},
                                               request, [] { return false; });
    PredictionModel* m = d.model();
    QCOMPARE(m->rowCount(), int(expected.images.size()));
    QCOMPARE(m->rowCount(), kImages + 1);
    int shownClasses = 0;
    for (int i = 0; i < m->rowCount(); ++i) {
        const auto& e = expected.images[std::size_t(i)];
        QCOMPARE(m->data(m->index(i, PredictionModel::Image)).toString(),
                 QFileInfo(QString::fromStdString(e.path)).fileName());
        if (!e.error.empty()) {
            QCOMPARE(m->data(m->index(i, PredictionModel::Image)).toString(),
                     QString("broken.png"));
            QCOMPARE(m->data(m->index(i, PredictionModel::Class), Qt::UserRole).toInt(), -1);
            QCOMPARE(m->data(m->index(i, PredictionModel::Then)).toString(),
                     QString::fromStdString(e.error));
            continue;
        }
        QCOMPARE(m->data(m->index(i, PredictionModel::Class), Qt::UserRole).toInt(),
                 e.top.front().index);
        QCOMPARE(m->data(m->index(i, PredictionModel::Probability), Qt::UserRole).toDouble(),
                 e.top.front().probability);
        QCOMPARE(m->data(m->index(i, PredictionModel::Class)).toString(),
                 QString::fromStdString(expected.classes[std::size_t(e.top.front().index)]));
        QCOMPARE(m->data(m->index(i, PredictionModel::Size)).toString(),
                 QString("%1×%2").arg(e.width).arg(e.height));
        const QImage thumb =
            m->data(m->index(i, PredictionModel::Image), Qt::DecorationRole).value<QImage>();
        QCOMPARE(thumb.size(), QSize(PredictionModel::kThumbnailPx, PredictionModel::kThumbnailPx));
        // The drawing's background shows in the thumbnail's corner, its figure at the centre.
        QVERIFY(QColor(thumb.pixel(1, 1)) != QColor(thumb.pixel(32, 32)));
        ++shownClasses;
    }
    QCOMPARE(shownClasses, kImages);

    // The table shows them through a sorting proxy: in the order given until a header click,
    // by probability either way with the file not classified last, and back.
    PredictionFilter* shown = d.filter();
    QCOMPARE(d.table()->model(), shown);
    QAbstractItemModelTester tester(shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto shownName = [&](int row) {
        return shown->data(shown->index(row, PredictionModel::Image)).toString();
    };
    const auto shownProbability = [&](int row) {
        return shown->data(shown->index(row, PredictionModel::Probability), Qt::UserRole)
            .toDouble();
    };
    QCOMPARE(shownName(0), QString("broken.png"));
    for (Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
        d.table()->sortByColumn(PredictionModel::Probability, order);
        QCOMPARE(shownName(kImages), QString("broken.png"));
        for (int row = 1; row < kImages; ++row)
            QVERIFY(order == Qt::DescendingOrder
                        ? shownProbability(row) <= shownProbability(row - 1)
                        : shownProbability(row) >= shownProbability(row - 1));
    }
    d.table()->sortByColumn(-1, Qt::AscendingOrder);
    for (int row = 0; row <= kImages; ++row)
        QCOMPARE(shownName(row), m->data(m->index(row, PredictionModel::Image)).toString());
    QVERIFY(d.mistakesBox()->isHidden()); // no folder names a class

    // Another test size and the trained weights classify again, as the core does: Return in
    // the size field classifies again (not "Add images…", the first button).
    d.trainedWeightsBox()->setChecked(true);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    d.sizeBox()->setFocus();
    d.sizeBox()->setValue(40);
    QTest::keyClick(d.sizeBox(), Qt::Key_Return);
    QVERIFY(waitForEnd(d));
    QCOMPARE(done.count(), 2);
    request.imageSize = 40;
    request.trainedWeights = true;
    const auto at40 = train::predictImages(m_run.toStdString(), {m_images.toStdString()}, request,
                                           [] { return false; });
    QCOMPARE(d.report()->imageSize, 40);
    QCOMPARE(d.report()->weights, std::string("trained"));
    for (int i = 0; i < m->rowCount(); ++i)
        if (at40.images[std::size_t(i)].error.empty())
            QCOMPARE(m->data(m->index(i, PredictionModel::Probability), Qt::UserRole).toDouble(),
                     at40.images[std::size_t(i)].top.front().probability);
    QVERIFY2(d.statusText().contains("with the trained weights"), qPrintable(d.statusText()));
    QVERIFY2(d.statusText().contains("at 40 px"), qPrintable(d.statusText()));

    // Adding a file lists it after the folder's and classifies all again.
    d.addPaths({m_images + "/drawing_03.png"});
    QVERIFY(waitForEnd(d));
    QCOMPARE(m->rowCount(), kImages + 2);
    QCOMPARE(m->data(m->index(kImages + 1, PredictionModel::Image)).toString(),
             QString("drawing_03.png"));
    const int inFolder = 4; // sorted: broken.png, drawing_00.jpg, ..., drawing_03.png
    QCOMPARE(m->data(m->index(inFolder, PredictionModel::Image)).toString(),
             QString("drawing_03.png"));
    QCOMPARE(m->data(m->index(kImages + 1, PredictionModel::Probability), Qt::UserRole),
             m->data(m->index(inFolder, PredictionModel::Probability), Qt::UserRole));

    // The export is the core's CSV: a header and a row per file.
    QTemporaryDir out;
    const QString csv = out.filePath("predictions.csv");
    QString why;
    QVERIFY2(d.exportCsv(csv, &why), qPrintable(why));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromStdString(train::predictionCsv(*d.report())),
             QString::fromUtf8(f.readAll()));
    QVERIFY(!d.exportCsv(out.filePath("no/such/folder/p.csv"), &why));
    QVERIFY2(why.contains("could not be written"), qPrintable(why));

    d.clearImages();
    QCOMPARE(m->rowCount(), 0);
    QCOMPARE(shown->rowCount(), 0);
    QVERIFY(d.paths().isEmpty());
    QVERIFY(!d.classifyButton()->isEnabled());
}

void TestPredictionDialog::refusedPathsAndFieldsAreNamed() {
    PredictionDialog d(m_run);
    QString why;
    QVERIFY(!d.exportCsv("/tmp/never.csv", &why));
    QVERIFY(why.contains("nothing has been classified"));
    d.classify();
    QVERIFY(!d.isClassifying());
    QVERIFY2(d.statusText().contains("Nothing to classify"), qPrintable(d.statusText()));

    QTemporaryDir empty;
    const QString missing = m_dir.filePath("no-such-photo.png");
    d.addPaths({missing, empty.path()});
    QVERIFY(!d.isClassifying());
    QVERIFY(d.paths().isEmpty());
    QVERIFY2(d.statusText().contains("Not added"), qPrintable(d.statusText()));
    QVERIFY2(d.statusText().contains(missing), qPrintable(d.statusText()));
    QVERIFY2(d.statusText().contains(empty.path()), qPrintable(d.statusText()));

    // One good path among refused ones is kept and classified; the refused one stays named.
    d.addPaths({missing, m_images + "/drawing_00.jpg"});
    QCOMPARE(d.paths(), QStringList{m_images + "/drawing_00.jpg"});
    QVERIFY(d.isClassifying());
    QVERIFY(waitForEnd(d));
    QCOMPARE(d.model()->rowCount(), 1);
    QVERIFY2(d.statusText().contains("Classified 1 of 1"), qPrintable(d.statusText()));
}

void TestPredictionDialog::cancelStops() {
    PredictionDialog d(m_run);
    d.sizeBox()->setValue(96); // 520 files: far longer than the cancel takes
    QStringList many;
    for (int i = 0; i < 40; ++i)
        many << m_images;
    d.addPaths(many);
    QVERIFY(d.isClassifying());
    QPushButton* cancel = d.findChild<QPushButton*>("cancelPrediction");
    QVERIFY(cancel->isEnabled());
    cancel->click();
    QVERIFY(waitForEnd(d));
    QCOMPARE(d.statusText(), QString("Cancelled."));
    QVERIFY(!d.report().has_value());
    QVERIFY(d.classifyButton()->isEnabled()); // the list is kept for another try
}

void TestPredictionDialog::closingWhileClassifying() {
    auto* d = new PredictionDialog(m_run);
    d->sizeBox()->setValue(96);
    QStringList many;
    for (int i = 0; i < 40; ++i)
        many << m_images;
    d->addPaths(many);
    QVERIFY(d->isClassifying());
    delete d; // interrupts and joins its thread: no signal reaches a deleted dialog
    QTest::qWait(50);
}

void TestPredictionDialog::droppedFilesAreAdded() {
    PredictionDialog d(m_run);
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(m_images + "/drawing_01.png"),
                  QUrl::fromLocalFile(m_images + "/drawing_02.jpg"),
                  QUrl("https://example.org/remote.png")}); // not a local file: left out
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&d, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&d, &drop);
    QCOMPARE(d.paths(), QStringList({m_images + "/drawing_01.png", m_images + "/drawing_02.jpg"}));
    QVERIFY(waitForEnd(d));
    QCOMPARE(d.model()->rowCount(), 2);
    QVERIFY2(d.statusText().contains("Classified 2 of 2"), qPrintable(d.statusText()));
}

void TestPredictionDialog::classFoldersLabelFiles() {
    PredictionDialog d(m_run);
    d.addPaths({m_images + "/drawing_00.jpg"});
    QVERIFY(waitForEnd(d));
    QVERIFY(d.table()->isColumnHidden(PredictionModel::Label)); // "images" names no class
    QVERIFY(!d.statusText().contains("folder named after a class"));
    // Two drawings filed under the class the first was given, one under another class.
    const std::vector<std::string> classes = d.report()->classes; // report() is a copy
    const int first = d.report()->images[0].top[0].index;
    const int other = (first + 1) % int(classes.size());
    QTemporaryDir sorted;
    const QString right = sorted.filePath(QString::fromStdString(classes[std::size_t(first)]));
    const QString wrong = sorted.filePath(QString::fromStdString(classes[std::size_t(other)]));
    QVERIFY(QDir().mkpath(right) && QDir().mkpath(wrong));
    QVERIFY(QFile::copy(m_images + "/drawing_00.jpg", right + "/a.jpg"));
    QVERIFY(QFile::copy(m_images + "/drawing_00.jpg", right + "/b.jpg"));
    QVERIFY(QFile::copy(m_images + "/drawing_00.jpg", wrong + "/c.jpg"));
    d.clearImages();
    d.addPaths({sorted.path()});
    QVERIFY(waitForEnd(d));
    QVERIFY(!d.table()->isColumnHidden(PredictionModel::Label));
    const auto score = d.report()->labelledScore();
    QCOMPARE(score.images, 3);
    QCOMPARE(score.top1, 2);
    QVERIFY2(d.statusText().contains("Of the 3 in a folder named after a class, 2 are that class "
                                     "(top-1 66.67%)"),
             qPrintable(d.statusText()));
    // Only the mistakes: the one file whose folder names another class.
    QVERIFY(!d.mistakesBox()->isHidden());
    QAbstractItemModelTester tester(d.filter(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    d.mistakesBox()->setChecked(true);
    QCOMPARE(d.filter()->rowCount(), 1);
    QCOMPARE(d.filter()->data(d.filter()->index(0, PredictionModel::Image)).toString(),
             QString("c.jpg"));
    d.mistakesBox()->setChecked(false);
    QCOMPARE(d.filter()->rowCount(), 3);

    // Copy: the selected rows as shown, tab-separated under the header, with full paths.
    QVERIFY(d.selectedText().isEmpty());
    d.table()->selectAll();
    const QStringList lines = d.selectedText().split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QString("Image\tSize\tFolder's class\tClass\tProbability\tThen"));
    for (int row = 1; row < 4; ++row) {
        const QStringList cells = lines[row].split('\t');
        QCOMPARE(cells.size(), 6);
        QCOMPARE(cells[0], QString::fromStdString(d.report()->images[std::size_t(row - 1)].path));
        QCOMPARE(cells[4],
                 d.filter()->index(row - 1, PredictionModel::Probability).data().toString());
    }
    d.copySelection();
    QCOMPARE(QGuiApplication::clipboard()->text(), d.selectedText());
    // Opening a file where nothing opens it says so (a handler that cannot take the URL
    // stands in for a desktop without a viewer).
    QObject noViewer;
    QDesktopServices::setUrlHandler("file", &noViewer, "noSuchSlot");
    d.table()->setCurrentIndex(d.filter()->index(0, 0));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("noSuchSlot"));
    d.openSelected();
    QDesktopServices::unsetUrlHandler("file");
    QVERIFY2(d.statusText().startsWith("No program here opens " +
                                       QString::fromStdString(d.report()->images[0].path)),
             qPrintable(d.statusText()));
    PredictionModel* m = d.model();
    for (int row = 0; row < 3; ++row) {
        const bool inRight =
            d.report()->images[std::size_t(row)].path.find(right.toStdString() + "/") == 0;
        QCOMPARE(m->data(m->index(row, PredictionModel::Label), Qt::UserRole).toInt(),
                 inRight ? first : other);
    }
}

void TestPredictionDialog::folderThatIsNoRun() {
    QTemporaryDir empty;
    PredictionDialog d(empty.path());
    QVERIFY2(d.statusText().contains("cannot classify images"), qPrintable(d.statusText()));
    QVERIFY2(d.statusText().contains("config.json"), qPrintable(d.statusText()));
    d.addPaths({m_images}); // refused quietly: the buttons are off
    QVERIFY(!d.isClassifying());
    QVERIFY(!d.findChild<QPushButton*>("addPredictionImages")->isEnabled());
}

void TestPredictionDialog::evaluationWindowOpensIt() {
    ExplorerDocument doc;
    TrainingController controller;
    TrainingPanel panel(&doc, &controller);
    // The run list's context menu opens it for the selected run, once one is open.
    auto* fromList = panel.findChild<QAction*>("classifyRunImages");
    QVERIFY(fromList);
    QVERIFY(!fromList->isEnabled());
    QVERIFY(panel.openRun(m_run));
    QVERIFY(fromList->isEnabled());
    fromList->trigger();
    QCOMPARE(panel.findChildren<PredictionDialog*>().size(), 1);
    panel.findChildren<PredictionDialog*>().front()->close(); // deletes itself
    QVERIFY(QTest::qWaitFor([&] { return panel.findChildren<PredictionDialog*>().isEmpty(); }));

    EvaluationDialog* evaluation = panel.openEvaluation(m_run);
    QVERIFY(evaluation);
    evaluation->findChild<QPushButton*>("classifyWithRun")->click();
    auto dialogs = panel.findChildren<PredictionDialog*>();
    QCOMPARE(dialogs.size(), 1);
    QCOMPARE(dialogs.front()->runDir(), m_run);
    QVERIFY(dialogs.front()->isVisible());
    // The same run again raises the open window.
    QCOMPARE(panel.openPrediction(m_run), dialogs.front());
    QCOMPARE(panel.findChildren<PredictionDialog*>().size(), 1);
    dialogs.front()->close(); // deletes itself
    QVERIFY(QTest::qWaitFor([&] { return panel.findChildren<PredictionDialog*>().isEmpty(); }));
    QString why;
    QTemporaryDir empty;
    QVERIFY(!panel.openPrediction(empty.path(), &why));
    QVERIFY2(why.contains("has no checkpoint.pt to classify with"), qPrintable(why));
}

QTEST_MAIN(TestPredictionDialog)
#include "tst_predictiondialog.moc"
