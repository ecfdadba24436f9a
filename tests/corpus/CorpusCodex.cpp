#include <QTemporaryDir>
#include <QTest>

#include "Importer.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "codex/CodexImporter.h"

using namespace TestSupport;

// The Codex importer on real rollouts: ~/.codex/sessions from four versions of Codex (0.77 `codex
// exec`, 0.104 Desktop, 0.125 codex-tui, a session cut off mid-turn) and a third party's synthetic
// file of the newest line kinds. The unit test (TestCodexImporter) covers the same cases on our own
// data; this one checks that real files still read as they did.
class CorpusCodex : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_sessions;
    CodexImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql) { return scalar(*m_store, sql); }

private Q_SLOTS:
    void initTestCase() { STRATA_REQUIRE_CORPUS(); }

    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_sessions = m_dir.filePath(QStringLiteral("codex/sessions"));
        QVERIFY(copyTree(corpus(QStringLiteral("real-world/codex/sessions")), m_sessions));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void recognizesRollouts()
    {
        QVERIFY(m_importer.recognizes(m_dir.filePath(QStringLiteral("codex"))) > 0);
        const Importer *sessions = Importers::detect(m_sessions);
        QVERIFY(sessions);
        QCOMPARE(sessions->format(), QStringLiteral("codex"));
        const Importer *synthetic
            = Importers::detect(corpus(QStringLiteral("real-world/codex/synthetic/agent-sessions_codex_small.jsonl")));
        QVERIFY(synthetic);
        QCOMPARE(synthetic->format(), QStringLiteral("codex"));
        QCOMPARE(m_importer.recognizes(corpus(QStringLiteral("real-world/claude-code/projects"))), 0);
    }

    void importsTheRealRollouts()
    {
        const ImportReport report = import(m_sessions);
        QCOMPARE(report.sessions, 4); // one per rollout, four versions of Codex
        QCOMPARE(report.projects, 4);
        QCOMPARE(report.messages, 277);
        QVERIFY(report.skipped.isEmpty());
        // The session id is session_meta's, and its first real prompt is the title.
        QCOMPARE(
            Sql::value(m_store->database(),
                QStringLiteral("SELECT title FROM sessions WHERE external_id = '019b7f94-51b4-7593-922e-ba12b5b73b52'"))
                ->toString(),
            QStringLiteral("what is current repository about? summarize purpuse and explain goals"));
        // AGENTS.md and the environment block are context Codex injected, not typing.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'user' AND kind = 'meta'")), 3);
        // Shell calls and their output are searchable; encrypted reasoning is not a message.
        QVERIFY(
            count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH '\"AGENTS.md\" AND rg'"))
            >= 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE kind = 'thinking' AND text = ''")), 0);
        QCOMPARE(import(m_sessions).messages, 0);
    }

    void theRealPatchesHaveNoBaseAndSaySo()
    {
        const ImportReport report = import(m_sessions);
        QCOMPARE(report.versions, qint64(0));
        QVERIFY2(
            report.notes.join(u' ').contains(u"kept in the transcript only: 3"), qPrintable(report.notes.join(u' ')));
    }

    void aGrowingRolloutGoesOnInTheSameSession()
    {
        QCOMPARE(import(m_sessions).messages, 277);
        const QString rollout = m_sessions
            + QStringLiteral("/2026/01/02/rollout-2026-01-02T18-39-45-019b7f94-51b4-7593-922e-ba12b5b73b52.jsonl");
        QVERIFY(append(rollout,
            R"({"timestamp":"2026-01-02T17:00:00.000Z","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"and now the tests please"}]}})"
            "\n"));
        const ImportReport grown = import(m_sessions);
        QCOMPARE(grown.messages, 1);
        QCOMPARE(grown.sessions, 0);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM messages m JOIN sessions s ON s.id = m.session_id WHERE "
                     "s.external_id = '019b7f94-51b4-7593-922e-ba12b5b73b52' AND m.text = 'and now the tests please'")),
            1);
    }
};

QTEST_GUILESS_MAIN(CorpusCodex)
#include "CorpusCodex.moc"
