#pragma once

#include <algorithm>
#include <vector>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

// What the benchmarks share: timing a process, a median, a folder's size, and an environment in
// which git reads no configuration of the machine's and commits as a fixed author.
namespace Bench {

struct Timed
{
    double ms = 0;
    int exitCode = 0;
    QByteArray out;
    QByteArray err;
};

inline Timed run(const QString &program,
    const QStringList &arguments,
    const QString &folder = {},
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
    int timeoutMs = 3600000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!folder.isEmpty())
        process.setWorkingDirectory(folder);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(timeoutMs);
    return {
        timer.nsecsElapsed() / 1e6, process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()
    };
}

inline QProcessEnvironment gitEnvironment(const QString &author = QStringLiteral("bench"))
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    environment.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    for (const char *who : { "AUTHOR", "COMMITTER" }) {
        environment.insert(QStringLiteral("GIT_%1_NAME").arg(QLatin1StringView(who)), author);
        environment.insert(
            QStringLiteral("GIT_%1_EMAIL").arg(QLatin1StringView(who)), QStringLiteral("bench@example.com"));
    }
    return environment;
}

inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values.at(values.size() / 2);
}

inline qint64 folderBytes(const QString &folder)
{
    qint64 total = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        total += QFileInfo(it.next()).size();
    return total;
}

} // namespace Bench
