#pragma once

#include <QSqlDatabase>
#include <QString>

#include "Error.h"

// An orc database opened strictly read-only (orc may have it open in WAL mode at the same time).
// Closed with the object.
class OrcDatabase final
{
public:
    OrcDatabase() = default;
    ~OrcDatabase();
    OrcDatabase(const OrcDatabase &) = delete;
    OrcDatabase &operator=(const OrcDatabase &) = delete;

    // Opens `path` read-only, leaving nothing beside it. When orc is running but its -shm cannot
    // be shared (a read-only folder), the file is read as it is on disk and `note` says so.
    [[nodiscard]] Result<void> open(const QString &path, QString *note);
    [[nodiscard]] QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};
