#include "BuildInfo.h"

#include <git2.h>
#include <sqlite3.h>
#include <zstd.h>

namespace BuildInfo {

QString describe(const QString &program)
{
    int major = 0, minor = 0, revision = 0;
    git_libgit2_version(&major, &minor, &revision);
    return QStringLiteral("%1 %2 (Qt %3, SQLite %4, libgit2 %5.%6.%7, zstd %8)")
        .arg(program,
            QStringLiteral(STRATA_VERSION),
            QString::fromLatin1(qVersion()),
            QString::fromLatin1(sqlite3_libversion()))
        .arg(major)
        .arg(minor)
        .arg(revision)
        .arg(QString::fromLatin1(ZSTD_versionString()));
}

} // namespace BuildInfo
