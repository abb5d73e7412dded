// Windows and panels that fit the screen they open on: a window taller or wider than the screen
// hides what is past its edge (a dialog's buttons, a dock's last rows) with no way to reach it,
// and a 1366×768 laptop has less room than the layouts were drawn for.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QFrame>
#include <QScreen>
#include <QScrollArea>
#include <QSize>
#include <QStyle>
#include <QTemporaryFile>
#include <QWidget>

#include <memory>

namespace scalescope {

// `content` inside a frameless scroll area that fits it to the space given, scrolling only
// where that is less than its minimum size. The area takes ownership of `content`.
inline QScrollArea* scrollable(QWidget* content, QWidget* parent = nullptr) {
    auto* area = new QScrollArea(parent);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(content);
    return area;
}

// Resizes `window` to `preferred`, or to the room its screen has where that is less (the
// screen of its parent, for a dialog not shown yet), its title bar left room above it.
inline void resizeWithinScreen(QWidget* window, QSize preferred) {
    const QWidget* on = window->parentWidget() ? window->parentWidget() : window;
    const QSize room = on->screen()->availableGeometry().size() -
                       QSize(0, window->style()->pixelMetric(QStyle::PM_TitleBarHeight));
    window->resize(preferred.boundedTo(room));
}

// Before the QApplication is made: where the platform is plain "offscreen", whose screen is
// 800×800, gives it a 1920×1200 one instead, so that the windows render at the sizes they were
// laid out for (a screenshot, a benchmark). Returns the screen's description, which must
// outlive the QApplication; null where nothing changed.
inline std::unique_ptr<QTemporaryFile> largeOffscreenScreen() {
    if (qgetenv("QT_QPA_PLATFORM") != "offscreen") return nullptr;
    auto file = std::make_unique<QTemporaryFile>();
    if (!file->open()) return nullptr;
    file->write(R"({"screens": [{"name": "large", "x": 0, "y": 0, "width": 1920, "height": 1200,
                  "logicalDpi": 96, "logicalBpi": 96, "dpr": 1}]})");
    file->flush();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(file->fileName()));
    return file;
}

} // namespace scalescope
