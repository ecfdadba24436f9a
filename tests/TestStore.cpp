#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include "Files.h"
#include "Projects.h"
#include "Sql.h"
#include "Store.h"

// Runs as an ordinary user (see run-unprivileged.sh) for the unreadable-file case.
class TestStore : public QObject
{
    Q_OBJECT

private:
    // What a refused store must keep: the database's bytes and the folder's listing.
    struct Fingerprint
    {
        QByteArray hash;
        QStringList files;
        bool operator==(const Fingerprint &) const = default;
    };

    static Fingerprint fingerprint(const QString &folder)
    {
        QFile file(folder + QStringLiteral("/strata.db"));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        return { hash.result(), QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name) };
    }

    // Changes a database behind Strata's back, as another program or a newer Strata would.
    static void rawSql(const QString &path, const QStringList &statements)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                QVERIFY2(query.exec(statement), qPrintable(statement));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

    static std::unique_ptr<Store> openOrFail(
        const QString &folder, const std::vector<Migration> &migrations = Schema::migrations())
    {
        auto store = Store::open(folder, Store::OpenMode::CreateIfMissing, migrations);
        if (!store)
            qWarning() << store.error().message;
        return store ? std::move(*store) : nullptr;
    }

    static void addProjects(Store &store, int count, int metadataBytes = 0)
    {
        for (int i = 0; i < count; ++i) {
            Project project;
            project.name = QStringLiteral("project %1").arg(i);
            project.sourceKind = QStringLiteral("manual");
            project.metadata.insert(QStringLiteral("padding"), QString(metadataBytes, u'x'));
            QVERIFY(Projects::create(store, project));
        }
    }

    static std::vector<Migration> withExtraStep(const QStringList &statements)
    {
        std::vector<Migration> steps = Schema::migrations();
        steps.push_back({ Schema::latestVersion() + 1, QStringLiteral("test step"), statements });
        return steps;
    }

private Q_SLOTS:
    void createsAStoreWithTheRightSettings()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("new/store"));
        auto store = openOrFail(folder);
        QVERIFY(store);
        QVERIFY(QFile::exists(folder + QStringLiteral("/strata.db")));
        QCOMPARE(store->schemaVersion(), Schema::latestVersion());
        QVERIFY(store->migrationBackup().isEmpty()); // nothing to back up in a new store
        const QSqlDatabase db = store->database();
        QCOMPARE(Sql::value(db, QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
        QCOMPARE(Sql::value(db, QStringLiteral("PRAGMA page_size"))->toInt(), 16384);
        QCOMPARE(Sql::value(db, QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
        QCOMPARE(Sql::value(db, QStringLiteral("PRAGMA busy_timeout"))->toInt(), 10000);
        QCOMPARE(Sql::value(db, QStringLiteral("PRAGMA user_version"))->toInt(), Schema::latestVersion());
        QCOMPARE(Sql::value(db, QStringLiteral("PRAGMA application_id"))->toInt(), Schema::applicationId);
    }

    void reopensAndKeepsData()
    {
        QTemporaryDir dir;
        {
            auto store = openOrFail(dir.path());
            QVERIFY(store);
            addProjects(*store, 3);
        }
        auto again = Store::open(dir.path(), Store::OpenMode::OpenExisting);
        QVERIFY(again);
        QCOMPARE(Projects::all(**again)->size(), 3);
        QVERIFY((*again)->migrationBackup().isEmpty());
    }

    void refusesANewerStoreUnchanged()
    {
        QTemporaryDir dir;
        QVERIFY(openOrFail(dir.path()));
        rawSql(dir.filePath(QStringLiteral("strata.db")), { QStringLiteral("PRAGMA user_version = 99") });
        const Fingerprint before = fingerprint(dir.path());

        const auto store = Store::open(dir.path(), Store::OpenMode::OpenExisting);
        QVERIFY(!store);
        QCOMPARE(store.error().code, Error::Code::NewerSchema);
        QVERIFY2(store.error().message.contains(QStringLiteral("newer Strata")), qPrintable(store.error().message));
        QVERIFY2(store.error().message.contains(QStringLiteral("schema 99")), qPrintable(store.error().message));
        QCOMPARE(fingerprint(dir.path()), before);
    }

    void refusesANewerStoreWithPagesInItsLog()
    {
        // The newer Strata is still running: its last change is in the WAL, not the file.
        QTemporaryDir dir;
        auto store = openOrFail(dir.path());
        QVERIFY(store);
        QVERIFY(Sql::run(store->database(), QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
        QVERIFY(Sql::run(store->database(), QStringLiteral("PRAGMA user_version = 42")));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("strata.db-wal"))).size() > 0);

        const auto second = Store::open(dir.path(), Store::OpenMode::OpenExisting);
        QVERIFY(!second);
        QCOMPARE(second.error().code, Error::Code::NewerSchema);
    }

    void refusesFilesThatAreNotStores_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");

        QByteArray random(64 * 1024, '\0');
        for (qsizetype i = 0; i < random.size(); ++i)
            random[i] = char((i * 7919 + 13) % 251);
        QTest::newRow("random bytes") << random << int(Error::Code::NotAStore) << "not a SQLite database";
        QTest::newRow("text") << QByteArray("hello\n") << int(Error::Code::NotAStore) << "not a SQLite database";
        QTest::newRow("empty") << QByteArray() << int(Error::Code::Corrupt) << "empty (0 bytes)";
        QTest::newRow("a header and nothing else")
            << QByteArray("SQLite format 3\0\x10\0", 19) << int(Error::Code::Corrupt) << "truncated";
    }

    void refusesFilesThatAreNotStores()
    {
        QFETCH(QByteArray, contents);
        QFETCH(int, code);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("strata.db")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
        file.close();
        const Fingerprint before = fingerprint(dir.path());

        const auto store = Store::open(dir.path(), Store::OpenMode::CreateIfMissing);
        QVERIFY(!store);
        QCOMPARE(int(store.error().code), code);
        QVERIFY2(store.error().message.contains(says), qPrintable(store.error().message));
        QVERIFY2(store.error().message.contains(dir.filePath(QStringLiteral("strata.db"))),
            qPrintable(store.error().message));
        QCOMPARE(fingerprint(dir.path()), before);
    }

    void refusesAnotherProgramsDatabase()
    {
        QTemporaryDir dir;
        rawSql(
            dir.filePath(QStringLiteral("strata.db")), { QStringLiteral("CREATE TABLE tasks (id TEXT PRIMARY KEY)") });
        const Fingerprint before = fingerprint(dir.path());
        const auto store = Store::open(dir.path(), Store::OpenMode::OpenExisting);
        QVERIFY(!store);
        QCOMPARE(store.error().code, Error::Code::NotAStore);
        QVERIFY2(store.error().message.contains(QStringLiteral("another program")), qPrintable(store.error().message));
        QCOMPARE(fingerprint(dir.path()), before);
    }

    void refusesATruncatedStoreAndPointsToTheBackup_data()
    {
        QTest::addColumn<bool>("wholePages");
        QTest::newRow("cut inside a page") << false;
        QTest::newRow("cut at a page boundary") << true;
    }

    void refusesATruncatedStoreAndPointsToTheBackup()
    {
        QFETCH(bool, wholePages);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("strata.db"));
        {
            auto store = openOrFail(dir.path());
            QVERIFY(store);
            addProjects(*store, 40, 2000);
            QVERIFY(Files::makeFolder(store->backupsFolder()));
            QVERIFY(store->backupTo(store->backupsFolder() + QStringLiteral("/manual.db")));
        }
        QFile file(path);
        const qint64 size = file.size();
        QVERIFY(size >= 20 * 4096);
        QVERIFY(file.resize(wholePages ? 8 * 4096 : size / 2 + 123));
        const Fingerprint before = fingerprint(dir.path());

        const auto store = Store::open(dir.path(), Store::OpenMode::OpenExisting);
        QVERIFY(!store);
        QCOMPARE(store.error().code, Error::Code::Corrupt);
        QVERIFY2(store.error().message.contains(QStringLiteral("truncated")), qPrintable(store.error().message));
        QVERIFY2(
            store.error().message.contains(QStringLiteral("backups/manual.db")), qPrintable(store.error().message));
        QCOMPARE(fingerprint(dir.path()), before);
    }

    void refusesAnUnreadableStore()
    {
        QTemporaryDir dir;
        QVERIFY(openOrFail(dir.path()));
        const QString path = dir.filePath(QStringLiteral("strata.db"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
        const auto store = Store::open(dir.path(), Store::OpenMode::OpenExisting);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(!store);
        QCOMPARE(store.error().code, Error::Code::PermissionDenied);
        QVERIFY2(store.error().message.contains(QStringLiteral("cannot read")), qPrintable(store.error().message));
    }

    void missingStoresAreReported()
    {
        QTemporaryDir dir;
        const auto noFolder = Store::open(dir.filePath(QStringLiteral("nope")), Store::OpenMode::OpenExisting);
        QVERIFY(!noFolder);
        QCOMPARE(noFolder.error().code, Error::Code::NotFound);
        const auto noDatabase = Store::open(dir.path(), Store::OpenMode::OpenExisting);
        QVERIFY(!noDatabase);
        QCOMPARE(noDatabase.error().code, Error::Code::NotAStore);
        QVERIFY2(noDatabase.error().message.contains(QStringLiteral("no strata.db")),
            qPrintable(noDatabase.error().message));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("strata.db"))));
    }

    void cannotCreateInAReadOnlyFolder()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        const auto store = Store::open(dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!store);
        QCOMPARE(store.error().code, Error::Code::PermissionDenied);
        QVERIFY2(
            store.error().message.contains(dir.filePath(QStringLiteral("store"))), qPrintable(store.error().message));
    }

    void migratesAfterABackup()
    {
        QTemporaryDir dir;
        {
            auto store = openOrFail(dir.path());
            QVERIFY(store);
            addProjects(*store, 2);
        }
        auto store = openOrFail(dir.path(),
            withExtraStep({ QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, "
                                           "project_id INTEGER REFERENCES projects (id))") }));
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), Schema::latestVersion() + 1);
        QVERIFY(Sql::tableExists(store->database(), QStringLiteral("notes")));
        QCOMPARE(Projects::all(*store)->size(), 2);

        // The backup is a whole store at the old version.
        const QString backup = store->migrationBackup();
        QVERIFY(backup.startsWith(store->backupsFolder() + u'/'));
        QVERIFY(QFile::exists(backup));
        QVERIFY(!QFile::exists(backup + QStringLiteral(".partial")));
        QCOMPARE(Store::latestBackup(dir.path()), backup);
        QTemporaryDir copy;
        QVERIFY(QFile::copy(backup, copy.filePath(QStringLiteral("strata.db"))));
        auto restored = Store::open(copy.path(), Store::OpenMode::OpenExisting);
        QVERIFY(restored);
        QCOMPARE(Projects::all(**restored)->size(), 2);
        QVERIFY(!Sql::tableExists((*restored)->database(), QStringLiteral("notes")));
    }

    void aFailedMigrationChangesNothing()
    {
        QTemporaryDir dir;
        {
            auto store = openOrFail(dir.path());
            QVERIFY(store);
            addProjects(*store, 2);
        }
        const auto broken = Store::open(dir.path(),
            Store::OpenMode::OpenExisting,
            withExtraStep({ QStringLiteral("CREATE TABLE half_done (x)"),
                QStringLiteral("DELETE FROM projects"),
                QStringLiteral("THIS IS NOT SQL") }));
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, Error::Code::MigrationFailed);
        QVERIFY2(broken.error().message.contains(QStringLiteral("left at schema %1").arg(Schema::latestVersion())),
            qPrintable(broken.error().message));
        QVERIFY2(broken.error().message.contains(QStringLiteral("backup made before the upgrade")),
            qPrintable(broken.error().message));

        auto store = Store::open(dir.path(), Store::OpenMode::OpenExisting);
        QVERIFY(store);
        QCOMPARE(
            Sql::value((*store)->database(), QStringLiteral("PRAGMA user_version"))->toInt(), Schema::latestVersion());
        QVERIFY(!Sql::tableExists((*store)->database(), QStringLiteral("half_done")));
        QCOMPARE(Projects::all(**store)->size(), 2);
    }

    void concurrentOpensMigrateOnce()
    {
        // The GUI and strata-cli may open an old store at the same moment: each must end up at the
        // new schema, and the step must run once.
        QTemporaryDir dir;
        {
            auto store = openOrFail(dir.path());
            QVERIFY(store);
            addProjects(*store, 3);
        }
        const auto steps = withExtraStep({ QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY)"),
            QStringLiteral("INSERT INTO notes DEFAULT VALUES") });
        QList<QFuture<QString>> opens;
        for (int i = 0; i < 6; ++i)
            opens << QtConcurrent::run([&dir, &steps] {
                auto store = Store::open(dir.path(), Store::OpenMode::OpenExisting, steps);
                return store ? QString() : store.error().message;
            });
        for (QFuture<QString> &open : opens)
            QCOMPARE(open.result(), QString());
        auto store = openOrFail(dir.path(), steps);
        QVERIFY(store);
        QCOMPARE(Sql::value(store->database(), QStringLiteral("SELECT count(*) FROM notes"))->toInt(), 1);
    }

    void everyThreadHasItsOwnConnection()
    {
        QTemporaryDir dir;
        auto store = openOrFail(dir.path());
        QVERIFY(store);
        addProjects(*store, 5);
        const QString mainConnection = store->database().connectionName();
        int count = 0;
        QString workerConnection;
        bool workerForeignKeys = false;
        // A thread of our own: QFuture::result() may run a queued task in the waiting thread.
        std::unique_ptr<QThread> worker(QThread::create([&] {
            const QSqlDatabase db = store->database();
            count = Sql::value(db, QStringLiteral("SELECT count(*) FROM projects"))->toInt();
            workerForeignKeys = Sql::value(db, QStringLiteral("PRAGMA foreign_keys"))->toInt() == 1;
            workerConnection = db.connectionName();
        }));
        worker->start();
        QVERIFY(worker->wait(30000));
        QCOMPARE(count, 5);
        QVERIFY(workerForeignKeys);
        QVERIFY(!workerConnection.isEmpty());
        QVERIFY(workerConnection != mainConnection);
        // The finished thread's connection is closed with it; the main thread's stays.
        QVERIFY(!QSqlDatabase::connectionNames().contains(workerConnection));
        QVERIFY(QSqlDatabase::connectionNames().contains(mainConnection));
    }

    void readersDoNotBlockTheWriter()
    {
        QTemporaryDir dir;
        auto reader = openOrFail(dir.path());
        auto writer = openOrFail(dir.path()); // as the GUI and strata-cli would
        QVERIFY(reader && writer);
        addProjects(*writer, 1);

        const QSqlDatabase readDb = reader->database();
        QVERIFY(Sql::run(readDb, QStringLiteral("BEGIN")));
        QCOMPARE(Sql::value(readDb, QStringLiteral("SELECT count(*) FROM projects"))->toInt(), 1);
        QVERIFY(Sql::run(writer->database(), QStringLiteral("PRAGMA busy_timeout = 0")));
        addProjects(*writer, 1); // would fail at once with SQLITE_BUSY if the reader blocked it
        QCOMPARE(Sql::value(readDb, QStringLiteral("SELECT count(*) FROM projects"))->toInt(), 1); // its snapshot
        QVERIFY(Sql::run(readDb, QStringLiteral("COMMIT")));
        QCOMPARE(Sql::value(readDb, QStringLiteral("SELECT count(*) FROM projects"))->toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
