#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include "Importer.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "orc/OrcImporter.h"

using namespace TestSupport;

class TestOrcImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_project; // a copy of the fixture project, with .orc/orc.db
    OrcImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql) { return scalar(*m_store, sql); }

    static QByteArray sha256(const QString &path)
    {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result() : QByteArray();
    }

    QString orcDb() const { return m_project + QStringLiteral("/.orc/orc.db"); }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_project = m_dir.filePath(QStringLiteral("orc-demo"));
        QVERIFY(copyTree(fixture(QStringLiteral("seed-systems/orc/project")), m_project));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void importsTheTranscriptsAndChangesNothing()
    {
        QCOMPARE(Importers::detect(m_project)->format(), QStringLiteral("orc"));
        QCOMPARE(Importers::detect(m_project + QStringLiteral("/.orc"))->format(), QStringLiteral("orc"));
        const QByteArray before = sha256(orcDb());
        const QStringList files = QDir(m_project + QStringLiteral("/.orc")).entryList(QDir::Files | QDir::Hidden);
        const ImportReport report = import(m_project);
        QCOMPARE(report.projects, 1);
        QCOMPARE(report.sessions, 4);
        QCOMPARE(report.messages, 9);
        QCOMPARE(sha256(orcDb()), before);
        QCOMPARE(
            QDir(m_project + QStringLiteral("/.orc")).entryList(QDir::Files | QDir::Hidden), files); // no -shm, no -wal
        // Task and phase on every message; the session title names them.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE task IS NULL OR phase IS NULL")), 0);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM sessions WHERE title = 'TASK-001 spec: Add CSV export to the task list'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'system' AND kind = 'event'")),
            1); // the hook
        QCOMPARE(count(QStringLiteral("SELECT sum(output_tokens) FROM messages")),
            187 + 2933 + 512 + 301
                + count(
                    QStringLiteral("SELECT coalesce(sum(output_tokens), 0) FROM messages WHERE task = 'TASK-003'")));
        QCOMPARE(import(m_project).messages, 0);
    }

    void readsWhileOrcIsWriting()
    {
        QCOMPARE(import(m_project).messages, 9);
        // orc keeps its connection open in WAL mode; its newest row is only in the log.
        {
            QSqlDatabase orc = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("orc"));
            orc.setDatabaseName(orcDb());
            QVERIFY(orc.open());
            QVERIFY(Sql::run(orc, QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
            QVERIFY(Sql::run(orc,
                QStringLiteral("INSERT INTO transcripts (task_id, phase, session_id, message_uuid, type, role, "
                               "content, timestamp) "
                               "VALUES ('TASK-002', 'review', 'sess-new', 'uuid-new', 'user', 'user', 'Review the "
                               "clock change', 1769100000000)")));
            QVERIFY(QFileInfo(orcDb() + QStringLiteral("-wal")).size() > 0);
            const QByteArray before = sha256(orcDb());

            const ImportReport report = import(m_project);
            QCOMPARE(report.messages, 1);
            QCOMPARE(report.sessions, 1);
            QCOMPARE(count(QStringLiteral(
                         "SELECT count(*) FROM messages WHERE text = 'Review the clock change' AND phase = 'review'")),
                1);
            QCOMPARE(sha256(orcDb()), before);
            orc.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("orc"));
    }

    void aBrokenDatabaseIsReported()
    {
        QVERIFY(write(m_dir.filePath(QStringLiteral("bad/.orc/orc.db")),
            QByteArray("SQLite format 3\0", 16) + QByteArray(5000, 'z')));
        ImportContext context;
        QVERIFY(m_importer.run(*m_store, m_dir.filePath(QStringLiteral("bad")), context));
        QCOMPARE(context.report.skipped.size(), 1);
        QVERIFY2(context.report.skipped.first().reason.contains(QStringLiteral("cannot read")),
            qPrintable(context.report.skipped.first().reason));
        QCOMPARE(context.report.messages, 0);

        const auto nothing = m_importer.run(*m_store, m_dir.filePath(QStringLiteral("store")), context);
        QVERIFY(!nothing);
        QVERIFY(nothing.error().message.contains(QStringLiteral("no orc database")));
    }
};

QTEST_GUILESS_MAIN(TestOrcImporter)
#include "TestOrcImporter.moc"
