// The training tab's status line as its next run starts, after `action`: windows that record
// their folder off the GUI thread queue their runs a moment after the click, and a short run
// may end before a poll would see the line.
#pragma once

#include "trainingpanel.h"

#include <QString>
#include <QtTest>

#include <functional>

inline QString statusAtNextStart(scalescope::TrainingPanel* panel,
                                 const std::function<void()>& action) {
    QString status;
    const auto c = QObject::connect(panel, &scalescope::TrainingPanel::runStateChanged, panel,
                                    [&](bool running) {
                                        if (running && status.isEmpty())
                                            status = panel->statusText();
                                    });
    action();
    if (!QTest::qWaitFor([&] { return !status.isEmpty(); }, 60000))
        qWarning("no run started within 60 s"); // the caller's comparison fails on the empty line
    QObject::disconnect(c);
    return status;
}
