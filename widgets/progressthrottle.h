// Progress from a worker thread, passed on at most every few milliseconds and always at the
// end: each signal is queued to the GUI thread, which wants a moving bar, not a flood.
#pragma once

#include <QElapsedTimer>

#include <cstdint>

namespace scalescope {

class ProgressThrottle {
  public:
    static constexpr int kIntervalMs = 50; // a bar's update rate that still looks smooth

    ProgressThrottle() { m_since.start(); }

    // True when (done, total) should be shown now.
    bool due(std::int64_t done, std::int64_t total) {
        if (done < total && m_since.elapsed() < kIntervalMs) return false;
        m_since.restart();
        return true;
    }

  private:
    QElapsedTimer m_since;
};

} // namespace scalescope
