// scalescope-cli run as a user runs it, for the tests of its commands: exit code and output.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

struct CliResult {
    int code;
    QString out, err;
};

inline CliResult runCli(const QStringList& args, int timeoutMs) {
    QProcess p;
    p.start(qEnvironmentVariable("SCALESCOPE_CLI"), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-100, {}, "timed out"};
    }
    const int code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1; // -1: crashed
    return {code, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}
