#include <QTemporaryDir>
#include <QTest>

#include "AstroTestData.h"
#include "Importer.h"
#include "Jobs.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "astro/AstroImporter.h"

using namespace TestSupport;

// Astro's inferred SQLite store, griffin-hub's exact SQLite store and its PostgreSQL dump, made from
// tests/data/astro (see AstroTestData.h for what they hold).
class TestAstroImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_data;
    AstroImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }
    qint64 count(const QString &sql, std::initializer_list<QVariant> binds = {})
    {
        return scalar(*m_store, sql, binds);
    }

    QList<Jobs::Job> jobsOf(const QString &kind)
    {
        Jobs::Filter filter;
        filter.kind = kind;
        auto found = Jobs::list(*m_store, filter);
        return found ? *found : QList<Jobs::Job>();
    }

    static qint64 msecs(QDate date, QTime time) { return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch(); }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_data = m_dir.filePath(QStringLiteral("astro"));
        QVERIFY(AstroTestData::make(m_data));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void detectsEachStore_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("Astro's SQLite") << QStringLiteral("astro-inferred/astro.db");
        QTest::newRow("griffin-hub's SQLite") << QStringLiteral("griffin-hub-sqlite/hub.db");
        QTest::newRow("PostgreSQL dump") << QStringLiteral("postgres/griffin-hub-postgres.sql");
        QTest::newRow("a folder of them") << QString();
    }

    void detectsEachStore()
    {
        QFETCH(QString, path);
        path = m_data + u'/' + path;
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        const Importer *detected = Importers::detect(path);
        QVERIFY2(detected, qPrintable(path));
        QCOMPARE(detected->format(), QStringLiteral("astro"));
    }

    void readsAstrosOwnStore()
    {
        const QString db = m_data + QStringLiteral("/astro-inferred/astro.db");
        const QByteArray before = readAll(db);
        const ImportReport report = import(db);
        QCOMPARE(report.jobs, 6); // 1 plan, 2 runs, 3 jobs
        QVERIFY(report.skipped.isEmpty());
        QCOMPARE(readAll(db), before);
        const QList<Jobs::Job> jobs = jobsOf(QStringLiteral("job"));
        QCOMPARE(jobs.size(), 3);
        // Newest run-at first: the pending one, then the retrying one with its error, then the done one.
        QCOMPARE(jobs.at(0).status, QStringLiteral("pending"));
        QCOMPARE(*jobs.at(0).priority, 1);
        QCOMPARE(jobs.at(1).status, QStringLiteral("retrying"));
        QCOMPARE(*jobs.at(1).attempts, 2);
        QCOMPARE(*jobs.at(1).maxAttempts, 3);
        QCOMPARE(jobs.at(1).runAt, QDateTime(QDate(2026, 2, 10), QTime(7, 10, 4), Qt::UTC));
        QCOMPARE(jobs.at(1).lastError, QStringLiteral("connect ETIMEDOUT 192.0.2.10:8080"));
        QCOMPARE(jobs.at(1).name, QStringLiteral("execute-plan orders-ping")); // the plan's name, not its id
        QCOMPARE(jobs.at(2).status, QStringLiteral("completed"));
        QCOMPARE(jobs.at(2).completedAt, QDateTime(QDate(2026, 2, 10), QTime(7, 0, 0, 452), Qt::UTC));
        // Astro's document rows: the plan's and the run's JSON unfolded.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'plan' AND name = 'orders-ping' AND "
                                      "json_extract(details, '$.endpoint_host') = 'http://localhost:8080'")),
            1);
        const QList<Jobs::Job> runs = jobsOf(QStringLiteral("run"));
        QCOMPARE(runs.size(), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'run' AND json_extract(details, "
                                      "'$.duration_ms') = 437")),
            1);
        QCOMPARE(import(db).projects, 0); // again: nothing new
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs")), 6);
    }

    void readsGriffinHubFromSqliteAndFromPostgres()
    {
        const ImportReport sqlite = import(m_data + QStringLiteral("/griffin-hub-sqlite/hub.db"));
        QCOMPARE(sqlite.jobs, 7); // 2 agents, 2 plans, 3 runs
        QVERIFY(sqlite.skipped.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'agent' AND status = 'offline'")), 1);
        // drizzle's integer seconds
        QCOMPARE(count(QStringLiteral("SELECT started_at FROM jobs WHERE kind = 'run' AND status = 'failed'")),
            qint64(1770707400) * 1000);
        QCOMPARE(count(QStringLiteral("SELECT run_at FROM jobs WHERE kind = 'agent' AND status = 'online'")),
            qint64(1770708290) * 1000);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'run' AND last_error = 'Assertion "
                                      "failed on node check_body: expected \"pong\", got \"busy\"'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'run' AND name = 'signup-flow' AND "
                                      "status = 'running' AND completed_at IS NULL")),
            1);

        const QString dump = m_data + QStringLiteral("/postgres/griffin-hub-postgres.sql");
        const ImportReport postgres = import(dump);
        QCOMPARE(postgres.jobs, 8); // from COPY: 1 plan, 2 runs, 3 jobs; from one INSERT: 2 agents
        QVERIFY(postgres.skipped.isEmpty());
        // COPY: \n in a text column, \N for NULL, PostgreSQL's "+00" times.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'job' AND status = 'retrying' AND "
                                      "last_error = ? AND run_at = ? AND completed_at IS NULL"),
                     { QStringLiteral("connect ECONNRESET 198.51.100.7:443\n    at TLSSocket.onConnectEnd "
                                      "(node:_tls_wrap:1727:19)"),
                         msecs(QDate(2026, 2, 10), QTime(7, 30, 2)) }),
            1);
        // \t, and a time with milliseconds.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'job' AND status = 'failed' AND "
                                      "attempts = 3 AND priority = 2 AND last_error = 'HTTP 502' || char(9) || 'Bad "
                                      "Gateway' AND completed_at = ?"),
                     { msecs(QDate(2026, 2, 10), QTime(6, 45, 8, 512)) }),
            1);
        // \\ in a jsonb column: the plan's nodes are still JSON, their escaped quotes intact.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'plan' AND json_extract(details, "
                                      "'$.nodes[0].body.query') = '{ order(id: \"o-17\") { status } }'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'run' AND name = 'order-status' AND "
                                      "last_error = 'Request to /graphql timed out after 30000 ms'")),
            1);
        // INSERT with two rows and '' in a string.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'agent' AND name = 'O''Hare edge' AND "
                                      "json_extract(details, '$.metadata.hostname') = 'ord-edge-1'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'agent' AND source_key = "
                                      "'agent-cdg-2' AND status = 'offline'")),
            1);
    }

    void aDumpWithBrokenRowsAndCopyBlocks()
    {
        // pg_dump's COPY form with a row a column short, and an INSERT statement cut off.
        const QString dump = m_dir.filePath(QStringLiteral("damaged-dump.sql"));
        QVERIFY2(QFile::copy(testData(QStringLiteral("astro/damaged-dump.sql")), dump),
            qPrintable(testData(QStringLiteral("astro/damaged-dump.sql"))));
        const ImportReport report = import(dump);
        QCOMPARE(report.jobs, 2);
        QCOMPARE(report.skipped.size(), 2);
        QVERIFY2(report.skipped.at(0).reason.contains(QStringLiteral("do not match its columns"))
                && report.skipped.at(0).location.endsWith(QStringLiteral("damaged-dump.sql:5")),
            qPrintable(report.skipped.at(0).location + u' ' + report.skipped.at(0).reason));
        QVERIFY2(report.skipped.at(1).reason.contains(QStringLiteral("does not end"))
                && report.skipped.at(1).location.endsWith(QStringLiteral("damaged-dump.sql:8")),
            qPrintable(report.skipped.at(1).location + u' ' + report.skipped.at(1).reason));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'job' AND attempts = 3 AND last_error = "
                                      "'gave up' || char(9) || 'after 3 tries'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE source_key = 'agent-o''neill'")), 1);
    }

    void somethingElseIsRefused()
    {
        // An SQLite database with a table called jobs that is not Astro's.
        const QString other = m_dir.filePath(QStringLiteral("other/listings.db"));
        QVERIFY(QDir().mkpath(QFileInfo(other).absolutePath()));
        QVERIFY(sqliteFromScripts(other, { testData(QStringLiteral("astro/not-astro.sql")) }));
        QCOMPARE(m_importer.recognizes(other), 0);
        ImportContext refused;
        const auto notAstro = m_importer.run(*m_store, other, refused);
        QVERIFY(!notAstro);
        QCOMPARE(refused.report.skipped.size(), 1);
        QVERIFY2(refused.report.skipped.first().reason.contains(QStringLiteral("none of Astro's")),
            qPrintable(refused.report.skipped.first().reason));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs")), 0);

        // Strata's own store (its jobs table is not Astro's either).
        ImportContext context;
        const auto nothing = m_importer.run(*m_store, m_dir.filePath(QStringLiteral("store")), context);
        QVERIFY(!nothing);
        QVERIFY2(nothing.error().message.contains(QStringLiteral("no Astro or griffin-hub store")),
            qPrintable(nothing.error().message));
    }
};

QTEST_GUILESS_MAIN(TestAstroImporter)
#include "TestAstroImporter.moc"
