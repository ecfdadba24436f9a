#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include "Diff.h"
#include "TestSupport.h"

// Strata's diff beside git's, for the tests that hold one up to the other: git itself run on the
// same two texts, compared from the first hunk on (git's headers name its own temporary files and
// blob hashes), and `patch` applying Strata's output.
namespace DiffOracle {

inline QByteArray fromFirstHunk(const QByteArray &diff)
{
    const qsizetype at = diff.startsWith("@@") ? 0 : diff.indexOf("\n@@");
    return at < 0 ? QByteArray() : diff.mid(at == 0 ? 0 : at + 1);
}

// git with no system or global configuration, so a person's diff settings cannot change its output.
inline QProcessEnvironment gitEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    environment.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    return environment;
}

// `git diff --no-index OPTIONS old new` on the two texts, written into `work` first.
inline QByteArray git(
    const QString &work, const QByteArray &oldText, const QByteArray &newText, const QStringList &options = {})
{
    const QString oldPath = work + QStringLiteral("/git-old");
    const QString newPath = work + QStringLiteral("/git-new");
    if (!TestSupport::write(oldPath, oldText) || !TestSupport::write(newPath, newText))
        return "cannot write into " + work.toUtf8();
    QProcess git;
    git.setProcessEnvironment(gitEnvironment());
    git.setWorkingDirectory(work);
    git.start(QStringLiteral("git"),
        QStringList{ QStringLiteral("diff"), QStringLiteral("--no-index"), QStringLiteral("--no-color") } + options
            + QStringList{ oldPath, newPath });
    if (!git.waitForFinished(30000))
        return "git did not finish";
    return fromFirstHunk(git.readAllStandardOutput());
}

inline QByteArray strata(const QByteArray &oldText, const QByteArray &newText, const Diff::Options &options = {})
{
    const auto diff = Diff::compare(oldText, newText, options);
    return diff ? fromFirstHunk(Diff::unified(*diff, QStringLiteral("old"), QStringLiteral("new")))
                : QByteArray("failed: ") + diff.error().message.toUtf8();
}

// Whether `patch` applied to Strata's unified diff of the two texts turns the old text into the new.
inline bool patchGivesNewText(const QString &work, const QByteArray &oldText, const QByteArray &newText)
{
    const auto diff = Diff::compare(oldText, newText);
    if (!diff || !TestSupport::write(work + QStringLiteral("/file"), oldText)
        || !TestSupport::write(work + QStringLiteral("/change.diff"),
            Diff::unified(*diff, QStringLiteral("file"), QStringLiteral("file"))))
        return false;
    QProcess patch;
    patch.setWorkingDirectory(work);
    patch.setStandardInputFile(work + QStringLiteral("/change.diff"));
    patch.start(QStringLiteral("patch"),
        { QStringLiteral("--batch"), QStringLiteral("--quiet"), QStringLiteral("-p1"), QStringLiteral("file") });
    return patch.waitForFinished(30000) && patch.exitCode() == 0
        && TestSupport::readAll(work + QStringLiteral("/file")) == newText;
}

} // namespace DiffOracle
