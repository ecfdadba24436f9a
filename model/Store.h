#pragma once

#include <memory>
#include <vector>

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

#include "Error.h"
#include "Schema.h"

class QObject;

// A store is one folder: `strata.db` (SQLite, WAL, foreign keys on, busy timeout set) and the
// folders the store owns (`backups/`, `exports/`).
//
// Threading: database() gives each thread its own connection, opened on first use and closed when
// that thread finishes or the Store is destroyed. Readers never block the writer (WAL).
class Store final
{
public:
    enum class OpenMode { OpenExisting, CreateIfMissing };

    static constexpr auto databaseFileName = "strata.db";
    static constexpr auto backupsFolderName = "backups";

    // Opens the store in `folder`, migrating an older schema after backing the database up.
    // Refuses, leaving the file byte-for-byte unchanged: a store from a newer Strata, a file that
    // is not a SQLite database or not a Strata store, and a truncated database.
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(
        const QString &folder, OpenMode mode, const std::vector<Migration> &migrations = Schema::migrations());

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    [[nodiscard]] QString folder() const { return m_folder; }
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] QString backupsFolder() const;
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    // The backup made before this open migrated the schema; empty when nothing was migrated.
    [[nodiscard]] QString migrationBackup() const { return m_migrationBackup; }

    // This thread's connection.
    [[nodiscard]] QSqlDatabase database() const;

    // Backs the live database up to `target` with SQLite's online backup API (consistent while
    // others write). The copy is made beside `target` and renamed over it once complete.
    [[nodiscard]] Result<void> backupTo(const QString &target) const;

    // The newest file in backups/, for messages that offer a way out.
    [[nodiscard]] static QString latestBackup(const QString &folder);

private:
    explicit Store(const QString &folder);
    [[nodiscard]] Result<QSqlDatabase> connect() const;
    [[nodiscard]] Result<void> upgrade(const std::vector<Migration> &migrations);

    QString m_folder;
    QString m_connectionPrefix;
    int m_schemaVersion = 0;
    QString m_migrationBackup;
    std::unique_ptr<QObject> m_threadWatcher;
    mutable QMutex m_mutex;
    mutable QHash<quint64, QString> m_connections; // thread serial -> connection name
};
