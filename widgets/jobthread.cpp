#include "jobthread.h"

namespace scalescope {

JobThread::JobThread(QString name, QObject* parent) : QObject(parent), m_name(std::move(name)) {}

JobThread::~JobThread() {
    if (!m_thread) return;
    m_thread->requestInterruption();
    m_thread->wait(); // within one batch or pass; its queued result is dropped with this object
    delete m_thread;
}

void JobThread::launch(std::function<void()> body) {
    m_thread = QThread::create(std::move(body));
    m_thread->setObjectName(m_name);
    m_thread->start();
    Q_EMIT runningChanged(true);
}

void JobThread::cancel() {
    if (m_thread) m_thread->requestInterruption();
}

void JobThread::ended() {
    if (!m_thread) return;
    m_thread->wait(); // the body has posted its result and is returning
    delete m_thread;
    m_thread = nullptr;
    Q_EMIT runningChanged(false);
}

} // namespace scalescope
