#include <QTemporaryDir>
#include <QTest>

#include "FileVersions.h"
#include "Importer.h"
#include "Projects.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"

// The Arium importer on the corpora: the workspace committed upstream (51 versions of one file, one
// of them empty, each following a version Arium never saved) and the generated seed workspace. Our
// own Arium data, with the same cases, is read by TestFileVersions.
class CorpusArium : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    int m_number = 0;

    qint64 count(const QString &sql)
    {
        const auto value = Sql::value(m_store->database(), sql);
        return value ? value->toLongLong() : -1;
    }

    ImportReport import(const QString &format, const QString &path)
    {
        ImportContext context;
        const auto done = Importers::find(format)->run(*m_store, path, context);
        if (!done)
            qWarning() << done.error().message;
        return context.report;
    }

private Q_SLOTS:
    void initTestCase() { STRATA_REQUIRE_CORPUS(); }

    void init()
    {
        auto store
            = Store::open(m_dir.filePath(QStringLiteral("store-%1").arg(++m_number)), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void importsAriumUpstreamSample()
    {
        const ImportReport report = import(QStringLiteral("arium"),
            TestSupport::corpus(QStringLiteral("seed-systems/arium/upstream/workspace-default")));
        // 51 version files: one is empty (0 bytes), 50 are read; all name src/main.ts.
        QCOMPARE(report.versions, qint64(50));
        QCOMPARE(report.skipped.size(), 1);
        QVERIFY(report.skipped.first().location.endsWith(u"01KC8MK2QCW8H606602ZKFDDXM.json"));
        QVERIFY(report.skipped.first().reason.contains(u"empty"));
        // Their prev points at versions Arium made from files/ at startup and never saved.
        QCOMPARE(report.notes.size(), 1);
        QVERIFY(report.notes.first().contains(u"49"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM files")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM blobs")), 1); // the same 15 bytes each time
        QCOMPARE(import(QStringLiteral("arium"),
                     TestSupport::corpus(QStringLiteral("seed-systems/arium/upstream/workspace-default")))
                     .versions,
            qint64(0));
    }

    void importsAriumWorkspaceInBothNameStyles()
    {
        const ImportReport report
            = import(QStringLiteral("arium"), TestSupport::corpus(QStringLiteral("seed-systems/arium/workspace")));
        QCOMPARE(report.projects, qint64(2));
        QCOMPARE(report.versions, qint64(6));
        QVERIFY(report.skipped.isEmpty());
        // history.log: every line an event, as written; file changes link to the versions they made.
        QCOMPARE(report.events, qint64(33));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM events e JOIN file_versions v ON v.id = e.version_id "
                                 "WHERE e.type = 'VFSChangeEvent' AND json_extract(e.payload, '$.payload.versionId') "
                                 "= v.origin")),
            6);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'AgentStartEvent' AND "
                                      "json_extract(payload, '$.payload.agentId') = 'agent-7c1f' AND source = "
                                      "'agent-7c1f'")),
            2); // the agent started twice
        const auto projects = Projects::all(*m_store);
        QVERIFY(projects);
        qint64 todo = 0;
        qint64 docs = 0;
        for (const Project &project : *projects) {
            (project.name == u"todo-app" ? todo : docs) = project.id;
            QVERIFY(project.workspaceRoot.endsWith(u"/files"));
        }
        const auto main = FileVersions::file(*m_store, todo, QStringLiteral("src/main.ts"));
        QVERIFY(main && *main);
        QCOMPARE((*main)->versions, 2);
        const auto history = FileVersions::history(*m_store, (*main)->id);
        QVERIFY(history);
        QCOMPARE(history->first().previousId, history->last().id);
        QCOMPARE(history->first().added, 1);
        QCOMPARE(history->first().removed, 1);
        QCOMPARE(history->first().author, QStringLiteral("agent"));
        QCOMPARE(history->first().origin, QStringLiteral("01KEHH51EKY5D4T82KM521KYV7"));
        // ver-001 / ver-002 file names, prev "ver-001".
        const auto docsMain = FileVersions::latest(*m_store, docs, QStringLiteral("src/main.ts"));
        QVERIFY(docsMain && *docsMain);
        QCOMPARE((*docsMain)->origin, QStringLiteral("ver-002"));
        QCOMPARE(
            FileVersions::content(*m_store, **docsMain).value_or(QByteArray()), QByteArray("// file content v2\n"));
    }
};

QTEST_GUILESS_MAIN(CorpusArium)
#include "CorpusArium.moc"
