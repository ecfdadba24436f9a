#include <QTemporaryDir>
#include <QTest>

#include "Compression.h"
#include "Importer.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "claudecode/ClaudeCodeImporter.h"

using namespace TestSupport;

class TestClaudeCodeImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_projects; // a writable copy of the real ~/.claude/projects corpus
    ClaudeCodeImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql, std::initializer_list<QVariant> binds = {})
    {
        return scalar(*m_store, sql, binds);
    }

    QString text(const QString &sql, std::initializer_list<QVariant> binds = {})
    {
        return Sql::value(m_store->database(), sql, binds)->toString();
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_projects = m_dir.filePath(QStringLiteral("claude/projects"));
        QVERIFY(copyTree(fixture(QStringLiteral("real-world/claude-code/projects")), m_projects));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void recognizesItsSources()
    {
        QVERIFY(m_importer.recognizes(m_dir.filePath(QStringLiteral("claude"))) > 0); // ~/.claude
        QVERIFY(m_importer.recognizes(m_projects) > 0);
        QVERIFY(m_importer.recognizes(m_projects + QStringLiteral("/-src-deep-manifest")) > 0);
        QVERIFY(m_importer.recognizes(
                    m_projects + QStringLiteral("/-src-deep-manifest/a7da6a22-facc-4fcd-8bab-f83c87862004.jsonl"))
            > 0);
        QCOMPARE(m_importer.recognizes(fixture(QStringLiteral("seed-systems/pocketagent/data"))), 0);
        QCOMPARE(Importers::detect(m_projects)->format(), QStringLiteral("claude-code"));
    }

    void importsTheRealCorpus()
    {
        const ImportReport report = import(m_dir.filePath(QStringLiteral("claude")));
        // Six working folders, taken from the lines' cwd (one folder was renamed by its publisher).
        QCOMPARE(report.projects, 6);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM projects WHERE workspace_root = '/Users/dain/workspace/claude-code-log'")),
            1);
        // A project's times are its conversations' (Claude Code keeps no project record).
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM projects WHERE created_at > last_active_at OR created_at > %1")
                      .arg(QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())),
            0);
        // Ten sessions with messages, three subagents, and the empty parent of an old-layout agent.
        QCOMPARE(report.sessions, 13);
        // 485 distinct messages: 334 assistant lines are 170 API replies.
        QCOMPARE(report.messages, 485);
        QVERIFY2(
            report.skipped.isEmpty(), qPrintable(report.skipped.value(0).location + report.skipped.value(0).reason));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'assistant'")), 170);

        // Subagents in both layouts hang under their parent session.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sessions WHERE parent_id IS NOT NULL")), 4);
        QCOMPARE(text(QStringLiteral("SELECT p.external_id FROM sessions s JOIN sessions p ON p.id = s.parent_id "
                                     "WHERE s.external_id = 'agent-a36efb2a1231c41e2'")),
            QStringLiteral("ef958aa1-0e93-49f0-bb71-150f63befcd1"));
        QCOMPARE(text(QStringLiteral("SELECT title FROM sessions WHERE external_id = 'agent-a36efb2a1231c41e2'")),
            QStringLiteral("Round 2: alice comparison"));
        // The old-layout agent whose parent session file is empty still has its parent.
        QCOMPARE(text(QStringLiteral("SELECT p.external_id FROM sessions s JOIN sessions p ON p.id = s.parent_id "
                                     "WHERE s.external_id = 'agent-3ea04571'")),
            QStringLiteral("7864f562-717b-4d70-a1cb-b588f7826a1a"));

        // A reply written over three lines (thinking, text, tool_use) is one message, tokens once.
        const QString reply = QStringLiteral("SELECT %1 FROM messages WHERE source_key LIKE 'msg_01XwTPVd%'");
        QCOMPARE(count(reply.arg(QStringLiteral("count(*)"))), 1);
        QVERIFY(text(reply.arg(QStringLiteral("text"))).contains(QStringLiteral("I'll orchestrate this experiment")));
        QVERIFY(text(reply.arg(QStringLiteral("text"))).contains(QStringLiteral("ToolSearch")));
        // Its raw record keeps the three lines (compressed in the store).
        const auto raw
            = Compression::decompress(Sql::value(m_store->database(), reply.arg(QStringLiteral("raw")))->toByteArray());
        QVERIFY(raw);
        QCOMPARE(raw->count('\n') + 1, 3);

        // Titles are the first prompt without the markup around commands.
        QVERIFY(!text(QStringLiteral("SELECT group_concat(title) FROM sessions")).contains(u'<'));
        // Tool calls and results are searchable.
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'ToolSearch'")) >= 1);
        QVERIFY(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'tool' AND kind = 'tool_result'")) > 50);
    }

    void importingAgainAddsNothing()
    {
        QCOMPARE(import(m_projects).messages, 485);
        const ImportReport again = import(m_projects);
        QCOMPARE(again.messages + again.sessions + again.projects + again.merged, 0);
    }

    void aReplyContinuedInALaterImportIsStillOneMessage()
    {
        const QString file = m_dir.filePath(QStringLiteral("live/-w/s.jsonl"));
        const QByteArray head
            = R"({"type":"user","uuid":"u1","sessionId":"s","cwd":"/w","timestamp":"2025-01-01T00:00:00Z","message":{"role":"user","content":"Explain the build"}})"
              "\n"
              R"({"type":"assistant","uuid":"a1","sessionId":"s","cwd":"/w","timestamp":"2025-01-01T00:00:01Z","message":{"id":"msg_1","role":"assistant","content":[{"type":"text","text":"First half"}],"usage":{"input_tokens":10,"output_tokens":5}}})"
              "\n";
        QVERIFY(write(file, head));
        QCOMPARE(import(file).messages, 2);
        QVERIFY(append(file,
            R"({"type":"assistant","uuid":"a2","sessionId":"s","cwd":"/w","timestamp":"2025-01-01T00:00:02Z","message":{"id":"msg_1","role":"assistant","content":[{"type":"tool_use","id":"t","name":"Bash","input":{"command":"make all"}}],"usage":{"input_tokens":10,"output_tokens":9}}})"
            "\n"));
        const ImportReport continued = import(file);
        QCOMPARE(continued.messages, 0);
        QCOMPARE(continued.merged, 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 2);
        QCOMPARE(text(QStringLiteral("SELECT text FROM messages WHERE source_key = 'msg_1'")),
            QStringLiteral("First half\nBash\nmake all"));
        QCOMPARE(count(QStringLiteral("SELECT output_tokens FROM messages WHERE source_key = 'msg_1'")), 9);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'make AND half'")), 1);

        // Rewritten from the start (same lines): read again, and nothing is doubled.
        QFile original(file);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray all = original.readAll();
        original.close();
        QVERIFY(write(file,
            all
                + R"({"type":"user","uuid":"u2","sessionId":"s","cwd":"/w","timestamp":"2025-01-01T00:00:03Z","message":{"role":"user","content":"Thanks"}})"
                  "\n"));
        QVERIFY(write(file, all.mid(0, 10) + QByteArray("X") + all.mid(11))); // a different first line
        const ImportReport rewritten = import(file);
        QVERIFY(rewritten.notes.join(u' ').contains(QStringLiteral("changed since the last import")));
        QCOMPARE(text(QStringLiteral("SELECT text FROM messages WHERE source_key = 'msg_1'")),
            QStringLiteral("First half\nBash\nmake all"));
    }

    void sessionsComeFromTheLinesNotTheFileName()
    {
        // Hand-made resume and fork: one file, three sessions.
        const QString file = m_dir.filePath(QStringLiteral("fork.jsonl"));
        QVERIFY(QFile::copy(
            fixture(QStringLiteral("real-world/claude-code/synthetic/claude-code-log_dag_fork.jsonl")), file));
        const ImportReport report = import(file);
        QCOMPARE(report.sessions, 3);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(DISTINCT external_id) FROM sessions WHERE external_id IN ('s1','s2','s3')")),
            3);
    }

    void oddFilesAreTolerated()
    {
        for (const char *name : { "agent-sessions_claude_small.jsonl",
                 "agent-sessions_claude_schema_drift.jsonl",
                 "claude-code-log_dag_cycle.jsonl",
                 "claude-code-log_dag_resume.jsonl" }) {
            const QString file = m_dir.filePath(QLatin1StringView(name));
            QVERIFY(QFile::copy(
                fixture(QStringLiteral("real-world/claude-code/synthetic/") + QLatin1StringView(name)), file));
            ImportContext context;
            QVERIFY2(m_importer.run(*m_store, file, context), name);
        }
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM messages")) > 0);
        // ANSI escapes and the like come through as text.
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%' || char(27) || '%'")) >= 0);
    }

    void missingAndEmptySourcesAreErrors()
    {
        ImportContext context;
        const auto missing = m_importer.run(*m_store, m_dir.filePath(QStringLiteral("nope")), context);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QStringLiteral("does not exist")));
        QDir().mkpath(m_dir.filePath(QStringLiteral("empty")));
        const auto empty = m_importer.run(*m_store, m_dir.filePath(QStringLiteral("empty")), context);
        QVERIFY(!empty);
        QVERIFY(empty.error().message.contains(QStringLiteral("no Claude Code session files")));
    }
};

QTEST_GUILESS_MAIN(TestClaudeCodeImporter)
#include "TestClaudeCodeImporter.moc"
