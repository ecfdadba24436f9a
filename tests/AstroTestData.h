#pragma once

#include <QDir>
#include <QFile>
#include <QString>

#include "TestSupport.h"

// Astro's and griffin-hub's stores, made from the SQL kept in tests/data/astro (no binary databases
// in git), laid out as the stores are found on disk:
//   <folder>/astro-inferred/astro.db            Astro's own SQLite store (from astro.sql)
//   <folder>/griffin-hub-sqlite/hub.db          griffin-hub's SQLite store (from hub.sql), WAL mode
//   <folder>/postgres/griffin-hub-postgres.sql  griffin-hub's PostgreSQL dump
// What they hold:
//   astro.db: 1 plan (orders-ping), 2 runs (one completed in 437 ms, one pending), 3 jobs; newest
//     run-at first: pending (priority 1), retrying (2/3, "connect ETIMEDOUT 192.0.2.10:8080", runs
//     again 2026-02-10 07:10:04 UTC), completed.
//   hub.db: 2 agents (one offline), 2 plans, 3 runs (completed, failed, running).
//   the dump: 1 plan, 2 runs, 3 jobs (completed, retrying, failed) and 2 agents.
namespace AstroTestData {

// False, with a warning naming what is missing or failed, when the stores cannot be made.
inline bool make(const QString &folder)
{
    const QString data = TestSupport::testData(QStringLiteral("astro"));
    const QDir target(folder);
    for (const char *sub : { "astro-inferred", "griffin-hub-sqlite", "postgres" })
        if (!target.mkpath(QLatin1StringView(sub)))
            return false;
    const QString dump = QStringLiteral("/postgres/griffin-hub-postgres.sql");
    if (!QFile::copy(data + dump, folder + dump)) {
        qWarning().noquote() << "AstroTestData: cannot copy" << data + dump;
        return false;
    }
    QFile::setPermissions(folder + dump, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return TestSupport::sqliteFromScripts(
               folder + QStringLiteral("/astro-inferred/astro.db"), { data + QStringLiteral("/astro.sql") })
        && TestSupport::sqliteFromScripts(
            folder + QStringLiteral("/griffin-hub-sqlite/hub.db"), { data + QStringLiteral("/hub.sql") });
}

} // namespace AstroTestData
