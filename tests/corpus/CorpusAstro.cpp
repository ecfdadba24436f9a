#include <QTemporaryDir>
#include <QTest>

#include "Importer.h"
#include "Jobs.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "astro/AstroImporter.h"

using namespace TestSupport;

// The Astro importer on the seed corpus (seed-systems/astro): Astro's inferred SQLite store,
// griffin-hub's exact SQLite store and its PostgreSQL dump, as generated beside the checkout.
class CorpusAstro : public QObject
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

private Q_SLOTS:
    void initTestCase() { STRATA_REQUIRE_CORPUS(); }

    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_data = m_dir.filePath(QStringLiteral("astro"));
        QVERIFY(copyTree(corpus(QStringLiteral("seed-systems/astro")), m_data));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void readsAstrosOwnStore()
    {
        const QString db = m_data + QStringLiteral("/astro-inferred/astro.db");
        const Importer *detected = Importers::detect(db);
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("astro"));
        const QByteArray before = readAll(db);
        const ImportReport report = import(db);
        QCOMPARE(report.jobs, 6); // 1 plan, 2 runs, 3 jobs
        QVERIFY(report.skipped.isEmpty());
        QCOMPARE(readAll(db), before);
        const QList<Jobs::Job> jobs = jobsOf(QStringLiteral("job"));
        QCOMPARE(jobs.size(), 3);
        // Newest run-at first: the pending one, then the retrying one with its error.
        QCOMPARE(jobs.at(0).status, QStringLiteral("pending"));
        QCOMPARE(jobs.at(1).status, QStringLiteral("retrying"));
        QCOMPARE(*jobs.at(1).attempts, 1);
        QCOMPARE(*jobs.at(1).maxAttempts, 3);
        QCOMPARE(jobs.at(1).runAt, QDateTime(QDate(2026, 1, 21), QTime(15, 5, 2), Qt::UTC));
        QCOMPARE(jobs.at(1).lastError, QStringLiteral("connect ECONNREFUSED 127.0.0.1:3000"));
        QCOMPARE(jobs.at(1).name, QStringLiteral("execute-plan api-health")); // the plan's name, not its id
        // Astro's document rows: the run's JSON unfolded.
        const QList<Jobs::Job> runs = jobsOf(QStringLiteral("run"));
        QCOMPARE(runs.size(), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'run' AND json_extract(details, "
                                      "'$.duration_ms') = 812")),
            1);
        QCOMPARE(import(db).projects, 0); // again: nothing new
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs")), 6);
    }

    void readsGriffinHubFromSqliteAndFromPostgres()
    {
        const ImportReport sqlite = import(m_data + QStringLiteral("/griffin-hub-sqlite/hub.db"));
        QCOMPARE(sqlite.jobs, 7); // 2 agents, 2 plans, 3 runs
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'agent' AND status = 'offline'")), 1);
        // drizzle's integer seconds
        QCOMPARE(count(QStringLiteral("SELECT started_at FROM jobs WHERE kind = 'run' AND status = 'failed'")),
            qint64(1769008200) * 1000);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'run' AND last_error LIKE 'Assertion "
                                      "failed on node check%'")),
            1);

        const QString dump = m_data + QStringLiteral("/postgres/griffin-hub-postgres.sql");
        const Importer *detected = Importers::detect(dump);
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("astro"));
        const ImportReport postgres = import(dump);
        QCOMPARE(postgres.jobs, 4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'job' AND status = 'retrying' AND "
                                      "last_error = 'connect ECONNREFUSED 10.0.0.5:443' AND run_at = ?"),
                     { QDateTime(QDate(2026, 1, 21), QTime(15, 5, 2), Qt::UTC).toMSecsSinceEpoch() }),
            1);
    }
};

QTEST_GUILESS_MAIN(CorpusAstro)
#include "CorpusAstro.moc"
