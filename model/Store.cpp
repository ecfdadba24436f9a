#include "Store.h"

#include <atomic>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlError>
#include <QThread>
#include <QtEndian>

#include <sqlite3.h>

#include "Files.h"
#include "Sql.h"

Q_LOGGING_CATEGORY(lcStore, "strata.store", QtInfoMsg)

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

quint64 threadSerial()
{
    // A number per OS thread that is never reused, unlike thread ids and QThread addresses.
    static std::atomic<quint64> next{ 1 };
    thread_local const quint64 serial = next++;
    return serial;
}

QString wayOut(const QString &folder)
{
    const QString backup = Store::latestBackup(folder);
    return backup.isEmpty() ? QString()
                            : u' '
            + QCoreApplication::translate("Store", "The last automatic backup of this store is %1.")
                  .arg(native(backup));
}

struct StoreHeader
{
    int applicationId = 0;
    int userVersion = 0;
    int objects = 0;

    [[nodiscard]] bool blank() const { return applicationId == 0 && userVersion == 0 && objects == 0; }
};

// Reads the 100-byte SQLite header (https://www.sqlite.org/fileformat.html) so that a file that is
// not a database, or was cut short, is refused before SQLite is given a chance to touch it.
Result<StoreHeader> checkDatabaseFile(const QString &path, const QString &folder)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QFileInfo(path).isReadable() ? Error::Code::Io : Error::Code::PermissionDenied,
            QCoreApplication::translate("Store", "cannot read %1: %2").arg(native(path), file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return fail(Error::Code::Corrupt,
            QCoreApplication::translate(
                "Store", "%1 is empty (0 bytes): it is not a Strata store, or it was truncated.")
                    .arg(native(path))
                + wayOut(folder));
    const QByteArray header = file.read(100);
    static constexpr char magic[] = "SQLite format 3";
    if (header.size() < 16 || !header.startsWith(QByteArrayView(magic, sizeof magic)))
        return fail(Error::Code::NotAStore,
            QCoreApplication::translate(
                "Store", "%1 is not a SQLite database, so it is not a Strata store. Strata did not change it.")
                .arg(native(path)));
    const auto truncated = [&] {
        return fail(Error::Code::Corrupt,
            QCoreApplication::translate(
                "Store", "%1 is truncated (%2 bytes): part of the database is missing. Strata did not change it.")
                    .arg(native(path))
                    .arg(size)
                + wayOut(folder));
    };
    if (header.size() < 100)
        return truncated();
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const quint32 rawPageSize = qFromBigEndian<quint16>(bytes + 16);
    const quint32 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return fail(Error::Code::Corrupt,
            QCoreApplication::translate("Store", "%1 has a damaged header (page size %2). Strata did not change it.")
                    .arg(native(path))
                    .arg(pageSize)
                + wayOut(folder));
    if (size % pageSize != 0)
        return truncated();
    // The page count in the header is trustworthy only when "version-valid-for" matches the
    // change counter (older writers did not keep it).
    const quint32 pages = qFromBigEndian<quint32>(bytes + 28);
    const bool pagesValid = qFromBigEndian<quint32>(bytes + 92) == qFromBigEndian<quint32>(bytes + 24);
    if (pagesValid && pages > 0 && size < qint64(pages) * pageSize)
        return truncated();
    return StoreHeader{ .applicationId = qFromBigEndian<qint32>(bytes + 68),
        .userVersion = qFromBigEndian<qint32>(bytes + 60),
        .objects = -1 };
}

Result<StoreHeader> inspect(const QString &path, const QString &folder)
{
    static std::atomic<int> serial{ 0 };
    const QString name = QStringLiteral("strata-inspect-%1").arg(serial++);
    Result<StoreHeader> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        const auto value = [&](const char *sql) -> Result<int> {
            auto read = Sql::value(db, QLatin1StringView(sql));
            if (!read)
                return std::unexpected(read.error());
            return read->toInt();
        };
        if (!db.open()) {
            result = fail(Error::Code::Corrupt,
                QCoreApplication::translate("Store", "cannot open %1: %2")
                    .arg(native(path), db.lastError().databaseText()));
        } else {
            auto applicationId = value("PRAGMA application_id");
            auto userVersion = value("PRAGMA user_version");
            auto objects = value("SELECT count(*) FROM sqlite_schema");
            if (applicationId && userVersion && objects)
                result = StoreHeader{ *applicationId, *userVersion, *objects };
            else
                result = fail(Error::Code::Corrupt,
                    QCoreApplication::translate("Store", "cannot read %1: %2. Strata did not change it.")
                            .arg(native(path),
                                (!applicationId        ? applicationId
                                        : !userVersion ? userVersion
                                                       : objects)
                                    .error()
                                    .message)
                        + wayOut(folder));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

void removeDatabaseFiles(const QString &path)
{
    for (const char *suffix : { "", "-wal", "-shm", "-journal" })
        QFile::remove(path + QLatin1StringView(suffix));
}

} // namespace

static QString tr(const char *text)
{
    return QCoreApplication::translate("Store", text);
}

Store::Store(const QString &folder)
    : m_folder(folder)
    , m_threadWatcher(std::make_unique<QObject>())
{
    static std::atomic<int> nextStore{ 1 };
    m_connectionPrefix = QStringLiteral("strata-store-%1-").arg(nextStore++);
}

Store::~Store()
{
    QMutexLocker lock(&m_mutex);
    m_threadWatcher.reset(); // no thread may clean up behind our back from here on
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
    m_connections.clear();
}

QString Store::databasePath() const
{
    return m_folder + u'/' + QLatin1StringView(databaseFileName);
}

QString Store::backupsFolder() const
{
    return m_folder + u'/' + QLatin1StringView(backupsFolderName);
}

QString Store::latestBackup(const QString &folder)
{
    const QDir backups(folder + u'/' + QLatin1StringView(backupsFolderName));
    const QFileInfoList found = backups.entryInfoList({ QStringLiteral("*.db") }, QDir::Files, QDir::Time);
    return found.isEmpty() ? QString() : found.first().absoluteFilePath();
}

Result<std::unique_ptr<Store>> Store::open(
    const QString &folderPath, OpenMode mode, const std::vector<Migration> &migrations)
{
    const QString folder = QDir::cleanPath(QFileInfo(folderPath).absoluteFilePath());
    if (mode == OpenMode::CreateIfMissing) {
        if (auto made = Files::makeFolder(folder); !made)
            return std::unexpected(made.error());
    } else if (!QFileInfo(folder).isDir()) {
        return fail(
            Error::Code::NotFound, tr("there is no store at %1: the folder does not exist").arg(native(folder)));
    }

    std::unique_ptr<Store> store(new Store(folder));
    const QString path = store->databasePath();
    const bool existed = QFileInfo::exists(path);
    if (!existed && mode == OpenMode::OpenExisting)
        return fail(
            Error::Code::NotAStore, tr("there is no Strata store in %1: it has no strata.db").arg(native(folder)));
    const auto forgetNewFile = [&](Error error) -> Result<std::unique_ptr<Store>> {
        if (!existed) {
            store.reset();
            removeDatabaseFiles(path);
        }
        return std::unexpected(error);
    };

    // A store we refuse must stay byte-for-byte as it was, so the checks read through a read-only
    // connection that can neither write nor checkpoint.
    StoreHeader header;
    if (existed) {
        auto fromFile = checkDatabaseFile(path, folder);
        if (!fromFile)
            return std::unexpected(fromFile.error());
        // The file's header is the truth unless a write-ahead log holds newer pages; only then ask
        // SQLite (a read-only connection leaves an empty -wal and -shm behind).
        const bool walHasPages = QFileInfo(path + QStringLiteral("-wal")).size() > 0;
        if (!walHasPages && fromFile->applicationId == Schema::applicationId) {
            header = *fromFile;
        } else {
            auto inspected = inspect(path, folder);
            if (!inspected)
                return std::unexpected(inspected.error());
            header = *inspected;
        }
    }
    if (!header.blank() && header.applicationId != Schema::applicationId)
        return fail(Error::Code::NotAStore,
            tr("%1 is a SQLite database made by another program, not a Strata store. Strata did not change it.")
                .arg(native(path)));
    const int from = header.userVersion;
    const int latest = Schema::latestVersion(migrations);
    if (from > latest)
        return fail(Error::Code::NewerSchema,
            tr("%1 was written by a newer Strata (store schema %2; this Strata knows up to %3). Open it "
               "with a newer Strata. Strata did not change it.")
                .arg(native(path))
                .arg(from)
                .arg(latest));

    auto db = store->connect();
    if (!db)
        return forgetNewFile(db.error());

    if (from < latest) {
        // WAL is a property of the file: set once, before the first write (and outside any
        // transaction), it stays.
        // A new store gets 16 KB pages (set before anything is written, it cannot change later):
        // rows of ~1 KB and large index segments; an import of 200,000 messages took 10% less.
        if (!existed) {
            if (auto pages = Sql::run(*db, QStringLiteral("PRAGMA page_size = 16384")); !pages)
                return forgetNewFile(pages.error());
        }
        if (auto wal = Sql::value(*db, QStringLiteral("PRAGMA journal_mode = WAL")); !wal)
            return forgetNewFile(wal.error());
        if (auto upgraded = store->upgrade(migrations); !upgraded)
            return forgetNewFile(upgraded.error());
    }
    store->m_schemaVersion = latest;
    return store;
}

Result<QSqlDatabase> Store::connect() const
{
    const QString name = m_connectionPrefix + QString::number(threadSerial());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    {
        QMutexLocker lock(&m_mutex);
        m_connections.insert(threadSerial(), name);
    }
    if (!db.isValid())
        return fail(Error::Code::Database,
            tr("Qt's SQLite driver is missing; install the package that provides it (libqt6sql6-sqlite)"));
    db.setDatabaseName(databasePath());
    if (!db.open())
        return fail(
            Error::Code::Database, tr("cannot open %1: %2").arg(native(databasePath()), db.lastError().databaseText()));
    for (const char *pragma :
        { "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000", "PRAGMA synchronous = NORMAL" }) {
        if (auto set = Sql::run(db, QLatin1StringView(pragma)); !set)
            return std::unexpected(set.error());
    }

    if (QThread *thread = QThread::currentThread(); thread != m_threadWatcher->thread()) {
        // Worker threads come and go (thread pools expire them): close their connection with them.
        QObject::connect(
            thread,
            &QThread::finished,
            m_threadWatcher.get(),
            [this, serial = threadSerial()] {
                QMutexLocker lock(&m_mutex);
                if (const QString connection = m_connections.take(serial); !connection.isEmpty())
                    QSqlDatabase::removeDatabase(connection);
            },
            Qt::DirectConnection);
    }
    return db;
}

QSqlDatabase Store::database() const
{
    {
        QMutexLocker lock(&m_mutex);
        if (const auto found = m_connections.constFind(threadSerial()); found != m_connections.cend())
            return QSqlDatabase::database(*found, false);
    }
    auto db = connect();
    if (!db) {
        qCWarning(lcStore) << "cannot open a connection:" << db.error().message;
        return {};
    }
    return *db;
}

Result<void> Store::upgrade(const std::vector<Migration> &migrations)
{
    // One write transaction holds the lock from the version check through the backup to the last
    // step: a second process opening the same old store waits, then finds nothing to do; and a
    // failure anywhere leaves the store at the version it had.
    const QSqlDatabase db = database();
    auto transaction = Sql::Transaction::begin(db);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto version = Sql::value(db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return std::unexpected(version.error());
    const int from = version->toInt();
    const int latest = Schema::latestVersion(migrations);
    if (from >= latest)
        return {};

    if (from > 0) {
        if (auto made = Files::makeFolder(backupsFolder()); !made)
            return std::unexpected(made.error());
        const QString backup = backupsFolder()
            + QStringLiteral("/strata-schema%1-%2.db")
                  .arg(from)
                  .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
        if (auto backedUp = backupTo(backup); !backedUp)
            return fail(backedUp.error().code,
                tr("the store needs an upgrade, but the backup before it failed, so nothing was changed: %1")
                    .arg(backedUp.error().message));
        m_migrationBackup = backup;
    }

    for (const Migration &step : migrations) {
        if (step.version <= from)
            continue;
        for (const QString &statement : step.statements) {
            if (auto ran = Sql::run(db, statement); !ran) {
                QString message = tr("cannot upgrade the store to schema %1 (%2): %3. It was left at schema %4.")
                                      .arg(step.version)
                                      .arg(step.description, ran.error().message)
                                      .arg(from);
                if (!m_migrationBackup.isEmpty())
                    message += u' ' + tr("The backup made before the upgrade is %1.").arg(native(m_migrationBackup));
                return fail(Error::Code::MigrationFailed, message);
            }
        }
    }
    QStringList stamps{ QStringLiteral("PRAGMA user_version = %1").arg(latest) };
    if (from == 0)
        stamps << QStringLiteral("PRAGMA application_id = %1").arg(Schema::applicationId);
    for (const QString &stamp : std::as_const(stamps)) {
        if (auto ran = Sql::run(db, stamp); !ran)
            return std::unexpected(ran.error());
    }
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    qCDebug(lcStore) << "upgraded" << native(m_folder) << "from schema" << from << "to" << latest;
    return {};
}

Result<void> Store::backupTo(const QString &target) const
{
    // A connection of its own: the backup must not run on a connection that holds the write lock
    // (SQLite answers SQLITE_LOCKED for as long as it does), and in WAL mode a reader sees the last
    // committed state while a writer works.
    sqlite3 *source = nullptr;
    sqlite3 *destination = nullptr;
    const auto close = [&] {
        sqlite3_close(destination);
        sqlite3_close(source);
    };
    // SQLite writes the copy itself, so QSaveFile cannot; a ".partial" name and a rename give the
    // same promise: the target name only ever holds a whole backup.
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    int rc = sqlite3_open_v2(QFile::encodeName(databasePath()).constData(), &source, SQLITE_OPEN_READONLY, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_open_v2(
            QFile::encodeName(partial).constData(), &destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(destination, "main", source, "main");
        if (backup) {
            int waited = 0;
            do {
                rc = sqlite3_backup_step(backup, -1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
                    sqlite3_sleep(50);
                    waited += 50;
                }
            } while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && waited < 10000);
            sqlite3_backup_finish(backup);
        }
        rc = sqlite3_errcode(destination);
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        sqlite3 *failed = destination ? destination : source;
        const QString reason = QString::fromUtf8(failed ? sqlite3_errmsg(failed) : sqlite3_errstr(rc));
        close();
        QFile::remove(partial);
        return fail(Error::Code::Io, tr("cannot back up the store to %1: %2").arg(native(target), reason));
    }
    close();
    QFile::remove(target);
    if (!QFile::rename(partial, target)) {
        QFile::remove(partial);
        return fail(Error::Code::Io,
            tr("cannot back up the store to %1: the finished copy could not be renamed").arg(native(target)));
    }
    return {};
}
