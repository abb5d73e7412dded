// Windows and panels that fit the screen they open on: a window taller or wider than the screen
// hides what is past its edge (a dialog's buttons, a dock's last rows) with no way to reach it,
// and a 1366×768 laptop has less room than the layouts were drawn for.
#pragma once

#include <QFrame>
#include <QScreen>
#include <QScrollArea>
#include <QSize>
#include <QStyle>
#include <QWidget>

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

} // namespace scalescope
