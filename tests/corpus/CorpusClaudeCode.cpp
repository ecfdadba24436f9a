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

using namespace TestSupport;

// The Claude Code importer on real ~/.claude/projects folders (six working folders, Claude Code
// 1.0.51 to 2.1.114, subagents in both layouts) and on a third party's hand-made edge cases. The unit
// test (TestClaudeCodeImporter) covers the same cases on our own data; this one checks that real
// files still read as they did.
class CorpusClaudeCode : public QObject
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
    void initTestCase() { STRATA_REQUIRE_CORPUS(); }

    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_projects = m_dir.filePath(QStringLiteral("claude/projects"));
        QVERIFY(copyTree(corpus(QStringLiteral("real-world/claude-code/projects")), m_projects));
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
        QCOMPARE(m_importer.recognizes(corpus(QStringLiteral("seed-systems/pocketagent/data"))), 0);
        const Importer *detected = Importers::detect(m_projects);
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("claude-code"));
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

    void importingAgainAddsNothing()
    {
        QCOMPARE(import(m_projects).messages, 485);
        const ImportReport again = import(m_projects);
        QCOMPARE(again.messages + again.sessions + again.projects + again.merged, 0);
    }

    void sessionsComeFromTheLinesNotTheFileName()
    {
        // Hand-made resume and fork: one file, three sessions.
        const QString file = m_dir.filePath(QStringLiteral("fork.jsonl"));
        QVERIFY(QFile::copy(
            corpus(QStringLiteral("real-world/claude-code/synthetic/claude-code-log_dag_fork.jsonl")), file));
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
                corpus(QStringLiteral("real-world/claude-code/synthetic/") + QLatin1StringView(name)), file));
            ImportContext context;
            QVERIFY2(m_importer.run(*m_store, file, context), name);
        }
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM messages")) > 0);
        // ANSI escapes and the like come through as text.
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%' || char(27) || '%'")) >= 0);
    }
};

QTEST_GUILESS_MAIN(CorpusClaudeCode)
#include "CorpusClaudeCode.moc"
