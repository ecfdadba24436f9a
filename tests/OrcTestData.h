#pragma once

#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QString>

#include "TestSupport.h"

// orc's databases for the tests, made at test time from the SQL kept in tests/data/orc (no binary
// database is checked in): the project "birdsong" (schema-project.sql + project-data.sql) and the
// global database that registers it (schema-global.sql + global-data.sql). Like orc's own, they
// are in WAL mode, left checkpointed with no -wal or -shm beside them. What the rows hold (tasks,
// counts, texts) is listed in tests/data/README.md.
namespace OrcTestData {

// The id the global database gives birdsong, which also names its folder in orc's newer layout.
inline const QString projectId = QStringLiteral("proj-4b1d9e");

inline QString script(const QString &name)
{
    return TestSupport::testData(QStringLiteral("orc/") + name);
}

// Makes the database at `path` from two scripts of tests/data/orc. False, with a warning naming
// the file, when a script is missing or fails or `path` already exists.
inline bool makeDatabase(const QString &path, const QString &schema, const QString &data)
{
    if (QFileInfo::exists(path)) {
        qWarning().noquote() << "OrcTestData: there is already a file at" << path;
        return false;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        qWarning().noquote() << "OrcTestData: cannot make the folder of" << path;
        return false;
    }
    return TestSupport::sqliteFromScripts(path, { script(schema), script(data) });
}

// `<projectDir>/.orc/orc.db`: where orc kept a project's database until February 2026.
inline bool makeProject(const QString &projectDir)
{
    return makeDatabase(projectDir + QStringLiteral("/.orc/orc.db"),
        QStringLiteral("schema-project.sql"),
        QStringLiteral("project-data.sql"));
}

// `<homeDir>/.orc/orc.db`: the global database (the projects registry and the cost log).
inline bool makeHome(const QString &homeDir)
{
    return makeDatabase(homeDir + QStringLiteral("/.orc/orc.db"),
        QStringLiteral("schema-global.sql"),
        QStringLiteral("global-data.sql"));
}

// `<homeDir>/.orc/projects/<id>/orc.db`: the same project database where orc keeps it from
// February 2026 on.
inline bool makeHomeProject(const QString &homeDir, const QString &id = projectId)
{
    return makeDatabase(homeDir + QStringLiteral("/.orc/projects/") + id + QStringLiteral("/orc.db"),
        QStringLiteral("schema-project.sql"),
        QStringLiteral("project-data.sql"));
}

} // namespace OrcTestData
