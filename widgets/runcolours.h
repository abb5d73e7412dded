// The colour of the training tab's run number N (0-based), shared by every view that draws
// runs, so that a run keeps its colour from the tab to the comparison window.
#pragma once

#include <QColor>

#include <array>

namespace scalescope {

inline QColor runColour(int index) {
    // Twelve, so that a seed experiment's six pairs (or a folder's twelve runs) each get their
    // own; the thirteenth run takes the first run's again.
    static const std::array<QColor, 12> colours = {
        QColor(0x42, 0x85, 0xf4), QColor(0xea, 0x43, 0x35), QColor(0x34, 0xa8, 0x53),
        QColor(0x9c, 0x27, 0xb0), QColor(0xf4, 0x8c, 0x2a), QColor(0x00, 0x97, 0xa7),
        QColor(0x1a, 0x23, 0x7e), QColor(0xd8, 0x1b, 0x60), QColor(0x79, 0x55, 0x48),
        QColor(0x82, 0x77, 0x17), QColor(0x54, 0x6e, 0x7a), QColor(0x00, 0x00, 0x00)};
    return colours[size_t(index < 0 ? 0 : index) % colours.size()];
}

} // namespace scalescope
