#include "OrcDatabase.h"

#include <atomic>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>

#include "Sql.h"

OrcDatabase::~OrcDatabase()
{
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<void> OrcDatabase::open(const QString &path, QString *note)
{
    static std::atomic<int> serial{ 0 };
    const QString uri = QUrl::fromLocalFile(QDir::cleanPath(path)).toString(QUrl::FullyEncoded);
    // With no write-ahead log beside it, orc is not writing: the file is the whole database, and
    // reading it as immutable leaves no -shm or -wal behind in the user's project. With a log, orc
    // is (or was) running: share its -shm read-only, or, where that cannot be, read the file as is.
    const bool orcActive = QFileInfo::exists(path + QStringLiteral("-wal"));
    const QStringList attempts = orcActive
        ? QStringList{ QStringLiteral("?mode=ro"), QStringLiteral("?mode=ro&immutable=1") }
        : QStringList{ QStringLiteral("?mode=ro&immutable=1") };
    for (const QString &options : attempts) {
        const QString name = QStringLiteral("strata-orc-%1").arg(serial++);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
            db.setDatabaseName(uri + options);
            if (db.open() && Sql::value(db, QStringLiteral("SELECT count(*) FROM sqlite_schema"))) {
                m_name = name;
                if (orcActive && options.contains(u"immutable") && note)
                    *note = QCoreApplication::translate("OrcDatabase",
                        "%1 was read as it is on disk (its folder is read-only, so orc cannot be writing to it)")
                                .arg(QDir::toNativeSeparators(path));
                return {};
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    return fail(Error::Code::Corrupt,
        QCoreApplication::translate("OrcDatabase", "cannot read %1 as an orc database")
            .arg(QDir::toNativeSeparators(path)));
}
