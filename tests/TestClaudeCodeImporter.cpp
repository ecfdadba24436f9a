#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "Blobs.h"
#include "Compression.h"
#include "FileVersions.h"
#include "Importer.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "claudecode/ClaudeCodeImporter.h"
#include "claudecode/ClaudeEdits.h"

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

    void editsAndWritesBecomeFileVersions()
    {
        const ImportReport report = import(m_projects);
        // 20 Edits and 3 Writes in deep-manifest, 4 Edits in claude-code-log, 3 outside their cwd;
        // plus each file's content before its first edit.
        QCOMPARE(report.versions, qint64(29));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM files")), 6);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM file_versions WHERE source_key LIKE '%:before'")), 5);
        QVERIFY2(report.notes.join(u' ').contains(u"not kept as versions: 3"), qPrintable(report.notes.join(u' ')));

        // Each Edit's new content, worked out from structuredPatch, is also its original with
        // oldString replaced by newString: checked against every Edit line, read here on its own.
        int edits = 0;
        QDirIterator files(m_projects, { QStringLiteral("*.jsonl") }, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const QByteArray &bytes : file.readAll().split('\n')) {
                const QJsonObject line = QJsonDocument::fromJson(bytes).object();
                const QJsonObject result = line.value(u"toolUseResult").toObject();
                if (!result.contains(u"oldString") || !result.value(u"originalFile").isString())
                    continue;
                const auto stored = Sql::value(m_store->database(),
                    QStringLiteral("SELECT blob_id FROM file_versions WHERE source_key = ?"),
                    { QString(QStringLiteral("claude-code:") + line.value(u"uuid").toString()) });
                if (!stored)
                    continue; // outside its cwd
                QByteArray expected = result.value(u"originalFile").toString().toUtf8();
                const QByteArray oldString = result.value(u"oldString").toString().toUtf8();
                expected.replace(
                    expected.indexOf(oldString), oldString.size(), result.value(u"newString").toString().toUtf8());
                QCOMPARE(Blobs::get(*m_store, stored->toLongLong()).value_or(QByteArray()), expected);
                ++edits;
            }
        }
        QCOMPARE(edits, 23);

        // A chain per file, each version after the one before, linked to its tool result message.
        const auto project = Sql::value(
            m_store->database(), QStringLiteral("SELECT id FROM projects WHERE workspace_root = '/src/deep-manifest'"));
        QVERIFY(project);
        const auto file
            = FileVersions::file(*m_store, project->toLongLong(), QStringLiteral("deep_manifest/deep_manifest.py"));
        QVERIFY(file && *file);
        QCOMPARE((*file)->versions, 11);
        const auto history = FileVersions::history(*m_store, (*file)->id);
        QVERIFY(history);
        for (qsizetype i = 0; i + 1 < history->size(); ++i)
            QCOMPARE(history->at(i).previousId, std::optional(history->at(i + 1).id));
        const FileVersions::Version &newest = history->first();
        QVERIFY(newest.messageId);
        QCOMPARE(count(QStringLiteral("SELECT session_id FROM messages WHERE id = ?"), { *newest.messageId }),
            *newest.sessionId);
        QCOMPARE(text(QStringLiteral("SELECT role FROM messages WHERE id = ?"), { *newest.messageId }),
            QStringLiteral("tool"));
        QVERIFY(newest.origin.startsWith(u"toolu_"));

        QCOMPARE(import(m_projects).versions, qint64(0));
    }

    void checkpointBackupsBecomeVersions()
    {
        // ~/.claude with one session whose first line is a file-history-snapshot (before any line
        // names the session's folder), and the backups Claude Code kept for it: one of them gone.
        const QString claude = m_dir.filePath(QStringLiteral("home/.claude"));
        const QByteArray snapshot
            = "{\"type\":\"file-history-snapshot\",\"messageId\":\"m1\",\"snapshot\":{\"messageId\":\"m1\","
              "\"trackedFileBackups\":{\"notes.md\":{\"backupFileName\":\"aaaa@v1\",\"version\":1,"
              "\"backupTime\":\"2025-11-29T15:20:21.888Z\"},\"/w/src/x.py\":{\"backupFileName\":\"bbbb@v2\","
              "\"version\":2,\"backupTime\":\"2025-11-29T15:21:00.000Z\"},\"gone.txt\":{\"backupFileName\":"
              "\"cccc@v1\",\"version\":1,\"backupTime\":\"2025-11-29T15:22:00.000Z\"},\"new.txt\":{"
              "\"backupFileName\":null,\"version\":1,\"backupTime\":\"2025-11-29T15:23:00.000Z\"}},"
              "\"timestamp\":\"2025-11-29T15:24:38.928Z\"},\"isSnapshotUpdate\":false}\n";
        const QByteArray message
            = "{\"type\":\"user\",\"uuid\":\"m1\",\"sessionId\":\"s1\",\"cwd\":\"/w\","
              "\"timestamp\":\"2025-11-29T15:24:38.900Z\",\"message\":{\"role\":\"user\",\"content\":\"tidy up\"}}\n";
        QVERIFY(write(claude + QStringLiteral("/projects/-w/s1.jsonl"), snapshot + message));
        QVERIFY(write(claude + QStringLiteral("/file-history/s1/aaaa@v1"), "# Notes\n"));
        QVERIFY(write(claude + QStringLiteral("/file-history/s1/bbbb@v2"), "print('x')\n"));
        const ImportReport report = import(claude);
        QCOMPARE(report.messages, qint64(1));
        QCOMPARE(report.versions, qint64(2));
        QVERIFY2(report.notes.join(u' ').contains(u"no longer in ~/.claude/file-history: 1"),
            qPrintable(report.notes.join(u' ')));
        const auto project = Sql::value(m_store->database(), QStringLiteral("SELECT id FROM projects"));
        QVERIFY(project);
        const auto notes = FileVersions::latest(*m_store, project->toLongLong(), QStringLiteral("notes.md"));
        QVERIFY(notes && *notes);
        QCOMPARE(Blobs::get(*m_store, *(*notes)->blobId).value_or(QByteArray()), QByteArray("# Notes\n"));
        QCOMPARE((*notes)->author, QStringLiteral("Claude Code (checkpoint)"));
        QCOMPARE((*notes)->time, QDateTime(QDate(2025, 11, 29), QTime(15, 20, 21, 888), Qt::UTC));
        QVERIFY((*notes)->messageId); // the user message the checkpoint was taken for
        const auto script = FileVersions::latest(*m_store, project->toLongLong(), QStringLiteral("src/x.py"));
        QVERIFY(script && *script);
        QCOMPARE(import(claude).versions, qint64(0));
    }

    void anEditThatDoesNotFitIsReported()
    {
        const QString session = m_dir.filePath(QStringLiteral("odd/-w/s.jsonl"));
        const QByteArray line = "{\"type\":\"user\",\"uuid\":\"u1\",\"sessionId\":\"s\",\"cwd\":\"/w\","
                                "\"timestamp\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"user\",\"content\":"
                                "[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":\"ok\"}]},"
                                "\"toolUseResult\":{\"filePath\":\"/w/a.txt\",\"originalFile\":\"one\\n\","
                                "\"oldString\":\"zzz\",\"newString\":\"y\",\"structuredPatch\":[{\"oldStart\":1,"
                                "\"oldLines\":1,\"newStart\":1,\"newLines\":1,\"lines\":[\"-two\",\"+2\"]}]}}\n";
        QVERIFY(write(session, line));
        const ImportReport report = import(session);
        QCOMPARE(report.messages, qint64(1));
        QCOMPARE(report.versions, qint64(0));
        QCOMPARE(report.skipped.size(), 1);
        QVERIFY(report.skipped.first().location.endsWith(u"s.jsonl:1"));
        QVERIFY2(report.skipped.first().reason.contains(u"does not fit"), qPrintable(report.skipped.first().reason));
    }

    void structuredPatchesApply()
    {
        const QJsonArray hunks
            = QJsonDocument::fromJson("[{\"oldStart\":2,\"lines\":[\" b\",\"-c\",\"+C\",\"+C2\",\" d\"]},"
                                      "{\"oldStart\":6,\"lines\":[\"-f\",\"\\\\ No newline at end of file\","
                                      "\"+F\",\"\\\\ No newline at end of file\"]}]")
                  .array();
        QCOMPARE(hunks.size(), 2);
        QCOMPARE(ClaudeEdits::applyStructuredPatch("a\nb\nc\nd\ne\nf", hunks).value_or("failed"),
            QByteArray("a\nb\nC\nC2\nd\ne\nF"));
        QVERIFY(!ClaudeEdits::applyStructuredPatch("a\nx\n", hunks));
        // A new file: a hunk at line 0 of an empty original.
        const QJsonArray create = QJsonDocument::fromJson("[{\"oldStart\":0,\"lines\":[\"+one\",\"+two\"]}]").array();
        QCOMPARE(ClaudeEdits::applyStructuredPatch("", create).value_or("failed"), QByteArray("one\ntwo\n"));
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
