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

namespace {

// The sessions of tests/data/claude-code that the tests name (tests/data/README.md lists its cases).
const QString tidepoolSession = QStringLiteral("3b0c6f2e-5d7a-4e19-9c44-1f2a8e6d0b71"); // edits, compaction
const QString resumedSession = QStringLiteral("7d5e9a40-2c1b-4f3e-8a6d-95b0c4e1f2a3"); // checkpoint backups
const QString cafeSession = QStringLiteral("e6b1d3f0-8a27-4c95-b0d4-7f3e2a1c9b58"); // a reply over 3 lines
const QString emptySession = QStringLiteral("5c3a1e7f-9d2b-4a6c-8e0f-1b3d5f7a9c2e"); // 0 bytes, has an agent
const QString loomSession = QStringLiteral("8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d"); // and 2 more sessions

} // namespace

// The Claude Code importer on tests/data/claude-code, a ~/.claude of our own: four working folders
// (tidepool, notes, café-menu, loom), file-history/, and in odd/ files that do not follow the layout.
// CorpusClaudeCode makes the same checks on real sessions.
class TestClaudeCodeImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_claude; // a writable copy of tests/data/claude-code: projects/, file-history/, odd/
    QString m_projects; // its projects/ folder
    ClaudeCodeImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql, std::initializer_list<QVariant> binds = {})
    {
        return scalar(*m_store, sql, binds);
    }

    QString text(const QString &sql, std::initializer_list<QVariant> binds = {})
    {
        return Sql::value(m_store->database(), sql, binds).value_or(QVariant()).toString();
    }

    // A session file of the copy, by project folder and session id.
    QString sessionFile(const QString &folder, const QString &session) const
    {
        return m_projects + u'/' + folder + u'/' + session + QStringLiteral(".jsonl");
    }

    qint64 messagesIn(const QString &externalSessionId)
    {
        return count(QStringLiteral("SELECT count(*) FROM messages m JOIN sessions s ON s.id = m.session_id "
                                    "WHERE s.external_id = ?"),
            { externalSessionId });
    }

    qint64 projectId(const QString &workspaceRoot)
    {
        return count(QStringLiteral("SELECT id FROM projects WHERE workspace_root = ?"), { workspaceRoot });
    }

    static qint64 msecs(QDate date, QTime time) { return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch(); }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_claude = m_dir.filePath(QStringLiteral("claude"));
        m_projects = m_claude + QStringLiteral("/projects");
        QVERIFY(copyTree(testData(QStringLiteral("claude-code")), m_claude));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void recognizesItsSources()
    {
        QVERIFY(m_importer.recognizes(m_claude) > 0); // ~/.claude
        QVERIFY(m_importer.recognizes(m_projects) > 0);
        QVERIFY(m_importer.recognizes(m_projects + QStringLiteral("/-home-mira-src-tidepool")) > 0);
        // A session file whose first line is a summary, and one whose first line is a permission-mode.
        QVERIFY(m_importer.recognizes(sessionFile(QStringLiteral("-home-mira-src-tidepool"), tidepoolSession)) > 0);
        QVERIFY(m_importer.recognizes(sessionFile(QStringLiteral("-home-mira-src-caf--menu"), cafeSession)) > 0);

        // Not Claude Code: a PocketAgent data folder, and another agent's JSONL file beside it.
        const QString pocket = m_dir.filePath(QStringLiteral("pocket"));
        QVERIFY(write(
            pocket + QStringLiteral("/projects/p1/metadata.json"), R"({"id":"p1","path":"/home/mira/src/tidepool"})"));
        QVERIFY(write(pocket + QStringLiteral("/projects/p1/logs/messages_2025-11-03_09-00-00.jsonl"),
            R"({"timestamp":"2025-11-03T09:00:00Z","message":{"type":"user","content":{"text":"hi"}},"direction":"client"})"
            "\n"));
        QCOMPARE(m_importer.recognizes(pocket), 0);
        const QString rollout = m_dir.filePath(QStringLiteral("other/rollout.jsonl"));
        QVERIFY(write(rollout,
            R"({"timestamp":"2025-11-03T09:00:00Z","type":"session_meta","payload":{"id":"0190aaaa","cwd":"/w"}})"
            "\n"));
        QCOMPARE(m_importer.recognizes(rollout), 0);
        QCOMPARE(m_importer.recognizes(m_dir.filePath(QStringLiteral("other"))), 0);

        const Importer *detected = Importers::detect(m_projects);
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("claude-code"));
    }

    void importsAClaudeFolder()
    {
        const ImportReport report = import(m_claude);
        // Four working folders, taken from the lines' cwd: the folder names lose café-menu's é, and
        // the notes folder was renamed.
        QCOMPARE(report.projects, 4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM projects WHERE workspace_root = '/home/mira/notes'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM projects WHERE workspace_root = ?"),
                     { QStringLiteral("/home/mira/src/café-menu") }),
            1);
        // A project's times are its conversations' (Claude Code keeps no project record).
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM projects WHERE created_at > last_active_at OR created_at > %1")
                      .arg(msecs(QDate(2026, 6, 1), QTime(0, 0)))),
            0);
        const QString tidepool
            = QStringLiteral("SELECT %1 FROM projects WHERE workspace_root = '/home/mira/src/tidepool'");
        QCOMPARE(count(tidepool.arg(QStringLiteral("created_at"))),
            msecs(QDate(2025, 11, 3), QTime(9, 14, 2, 101))); // its first session's first line
        QCOMPARE(count(tidepool.arg(QStringLiteral("last_active_at"))),
            msecs(QDate(2025, 11, 5), QTime(16, 5, 19, 870))); // its resumed session's last line
        // Seven sessions with messages (three of them in one file), three subagents, and the empty
        // parent of an old-layout agent. A summary-only and a snapshot-only file make none.
        QCOMPARE(report.sessions, 11);
        // 72 distinct messages: 32 assistant lines are 29 API replies.
        QCOMPARE(report.messages, 72);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'assistant'")), 29);
        // The one line cut short is reported with its file and line; nothing else is skipped.
        QCOMPARE(report.skipped.size(), 1);
        QVERIFY2(report.skipped.first().location.endsWith(
                     QStringLiteral("/-home-mira-src-tidepool/") + tidepoolSession + QStringLiteral(".jsonl:24")),
            qPrintable(report.skipped.first().location));
        QVERIFY2(report.skipped.first().reason.contains(u"not valid JSON"), qPrintable(report.skipped.first().reason));

        // Subagents in both layouts hang under their parent session.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sessions WHERE parent_id IS NOT NULL")), 3);
        const QString parentOf = QStringLiteral(
            "SELECT p.external_id FROM sessions s JOIN sessions p ON p.id = s.parent_id WHERE s.external_id = ?");
        const QString titleOf = QStringLiteral("SELECT title FROM sessions WHERE external_id = ?");
        QCOMPARE(text(parentOf, { QStringLiteral("agent-a7f3c9e2b41d05d68") }), cafeSession);
        QCOMPARE(text(titleOf, { QStringLiteral("agent-a7f3c9e2b41d05d68") }),
            QStringLiteral("Audit des allergènes")); // from its .meta.json
        QCOMPARE(text(parentOf, { QStringLiteral("agent-5e1d07a3") }), tidepoolSession);
        QCOMPARE(text(titleOf, { QStringLiteral("agent-5e1d07a3") }),
            QStringLiteral(
                "List every place in the tidepool repository that reads the gauge CSV, with file and line."));
        // The old-layout agent whose parent session file is empty still has its parent.
        QCOMPARE(text(parentOf, { QStringLiteral("agent-9b4d2e61") }), emptySession);
        QCOMPARE(messagesIn(emptySession), 0);

        // A reply written over three lines (thinking, text, tool_use) is one message, tokens once.
        const QString reply = QStringLiteral("SELECT %1 FROM messages WHERE source_key = 'msg_01CmSplitReply9Tz'");
        QCOMPARE(count(reply.arg(QStringLiteral("count(*)"))), 1);
        QVERIFY(text(reply.arg(QStringLiteral("text"))).contains(QStringLiteral("J'ajoute la crème brûlée")));
        QVERIFY(
            text(reply.arg(QStringLiteral("text"))).contains(QStringLiteral("Edit\n/home/mira/src/café-menu/menu.md")));
        QCOMPARE(count(reply.arg(QStringLiteral("input_tokens"))), 9);
        QCOMPARE(count(reply.arg(QStringLiteral("output_tokens"))), 412);
        // Its raw record keeps the three lines (compressed in the store).
        const auto raw = Compression::decompress(
            Sql::value(m_store->database(), reply.arg(QStringLiteral("raw"))).value_or(QVariant()).toByteArray());
        QVERIFY(raw);
        QCOMPARE(raw->count('\n') + 1, 3);

        // Titles are the first prompt without the markup around commands.
        QCOMPARE(text(titleOf, { tidepoolSession }),
            QStringLiteral("tides is running… /tides write a tide height function for the harbour gauge"));
        QCOMPARE(text(titleOf, { cafeSession }),
            QStringLiteral("Ajoute la crème brûlée au menu, puis vérifie les allergènes 🍮"));
        QVERIFY(!text(QStringLiteral("SELECT group_concat(title) FROM sessions")).contains(u'<'));
        // Tool calls and results are searchable: "Sandhaven" is only in an Edit's new_string,
        // "command not found" only in a failed Bash call's result.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'sandhaven'")), 1);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH '\"command not found\"'")),
            1);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'tool' AND kind = 'tool_result'")), 17);
        // Injected context and a compaction's summary are kept as what they are; hook output with
        // its ANSI escapes comes through as text.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE kind = 'meta'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE kind = 'summary'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%' || char(27) || '%'")), 2);
    }

    void editsAndWritesBecomeFileVersions()
    {
        const ImportReport report = import(m_projects);
        // In their cwd: 7 Edits and 2 Writes (tidepool 5 and 2, notes and café-menu one Edit
        // each); outside it, one Edit and one Write. Plus each file's content before its first
        // change, and before the change after tides.py was edited by hand; plus two checkpoint
        // backups (one more is missing).
        QCOMPARE(report.versions, qint64(16));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM files")), 7);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM file_versions WHERE source_key LIKE '%:before'")), 5);
        QVERIFY2(report.notes.join(u' ').contains(u"not kept as versions: 2"), qPrintable(report.notes.join(u' ')));
        QVERIFY2(report.notes.join(u' ').contains(u"no longer in ~/.claude/file-history: 1"),
            qPrintable(report.notes.join(u' ')));

        // Each Edit's new content, worked out from structuredPatch (or, when the patch does not fit,
        // from the strings), is also its original with oldString replaced by newString (every
        // occurrence for replaceAll): checked against every Edit line, read here on its own.
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
                const QByteArray newString = result.value(u"newString").toString().toUtf8();
                if (result.value(u"replaceAll").toBool())
                    expected.replace(oldString, newString);
                else
                    expected.replace(expected.indexOf(oldString), oldString.size(), newString);
                QCOMPARE(Blobs::get(*m_store, stored->toLongLong()).value_or(QByteArray()), expected);
                ++edits;
            }
        }
        QCOMPARE(edits, 7);

        // The two Edits whose patches no longer fit, worked out from their strings.
        const qint64 tidepool = projectId(QStringLiteral("/home/mira/src/tidepool"));
        const auto readme = FileVersions::latest(*m_store, tidepool, QStringLiteral("README.md"));
        QVERIFY(readme && *readme);
        QCOMPARE(Blobs::get(*m_store, *(*readme)->blobId).value_or(QByteArray()),
            QByteArray("# tidepool\n\nA tide graph for small harbours.\n\nUsage:\n\n    python -m tidepool\n\n"
                       "The tide graph is printed in local time.\n"));

        // A chain per file, each version after the one before, linked to its tool result message.
        const auto file = FileVersions::file(*m_store, tidepool, QStringLiteral("tides.py"));
        QVERIFY(file && *file);
        QCOMPARE((*file)->versions, 5);
        const auto history = FileVersions::history(*m_store, (*file)->id);
        QVERIFY(history);
        QCOMPARE(history->size(), 5);
        QStringList authors;
        for (const FileVersions::Version &version : *history)
            authors << version.author;
        QCOMPARE(authors,
            QStringList({ QStringLiteral("Claude Code (Edit)"),
                QStringLiteral("Claude Code (Edit)"),
                QStringLiteral("before Claude Code's Edit"), // the licence header added by hand
                QStringLiteral("Claude Code (Edit)"),
                QStringLiteral("Claude Code (Write)") }));
        for (qsizetype i = 0; i + 1 < history->size(); ++i)
            QCOMPARE(history->at(i).previousId, std::optional(history->at(i + 1).id));
        const FileVersions::Version &newest = history->first();
        QCOMPARE(Blobs::get(*m_store, newest.blobId.value_or(0)).value_or(QByteArray()),
            QByteArray("# SPDX-License-Identifier: MIT\n\"\"\"Tide predictions for the Kittiwake Pier gauge.\"\"\"\n\n"
                       "import math\nfrom datetime import datetime\n\n\ndef height(hours):\n"
                       "    \"\"\"Water height in metres, `hours` after midnight.\"\"\"\n"
                       "    period = 12.42  # hours: the principal lunar semidiurnal constituent, M2\n"
                       "    return 1.8 + 1.2 * math.cos(hours / period * 2 * math.pi)\n"));
        QVERIFY(newest.messageId);
        QCOMPARE(count(QStringLiteral("SELECT session_id FROM messages WHERE id = ?"), { *newest.messageId }),
            *newest.sessionId);
        QCOMPARE(text(QStringLiteral("SELECT role FROM messages WHERE id = ?"), { *newest.messageId }),
            QStringLiteral("tool"));
        QCOMPARE(newest.origin, QStringLiteral("toolu_01TpEditGauge"));

        // A Write over an existing file: the file before it, then its content.
        const auto pyproject = FileVersions::file(*m_store, tidepool, QStringLiteral("pyproject.toml"));
        QVERIFY(pyproject && *pyproject);
        QCOMPARE((*pyproject)->versions, 2);

        QCOMPARE(import(m_projects).versions, qint64(0));
    }

    void checkpointBackupsBecomeVersions()
    {
        // A resumed session whose first line is a file-history-snapshot (before any line names the
        // session), and the backups Claude Code kept for it in file-history/: one of them gone, one
        // file new (no backup), one named by its absolute path.
        const QString session = sessionFile(QStringLiteral("-home-mira-src-tidepool"), resumedSession);
        const ImportReport report = import(session);
        QCOMPARE(report.messages, qint64(2));
        QCOMPARE(report.versions, qint64(2));
        QVERIFY2(report.notes.join(u' ').contains(u"no longer in ~/.claude/file-history: 1"),
            qPrintable(report.notes.join(u' ')));
        const qint64 project = projectId(QStringLiteral("/home/mira/src/tidepool"));
        QVERIFY(project > 0);
        const auto notes = FileVersions::latest(*m_store, project, QStringLiteral("NOTES.md"));
        QVERIFY(notes && *notes);
        QCOMPARE(Blobs::get(*m_store, *(*notes)->blobId).value_or(QByteArray()),
            QByteArray("# Notes\n\n- Spring tides follow the new and the full moon.\n"));
        QCOMPARE((*notes)->author, QStringLiteral("Claude Code (checkpoint)"));
        QCOMPARE((*notes)->time, QDateTime(QDate(2025, 11, 5), QTime(16, 2, 11, 512), Qt::UTC));
        QVERIFY((*notes)->messageId); // the user message the checkpoint was taken for
        QCOMPARE(text(QStringLiteral("SELECT source_key FROM messages WHERE id = ?"), { *(*notes)->messageId }),
            QStringLiteral("b1000001-0000-4000-8000-000000000001"));
        const auto moon = FileVersions::latest(*m_store, project, QStringLiteral("tidepool/moon.py"));
        QVERIFY(moon && *moon);
        QCOMPARE(Blobs::get(*m_store, *(*moon)->blobId).value_or(QByteArray()),
            readAll(
                m_claude + QStringLiteral("/file-history/") + resumedSession + QStringLiteral("/e58d6a2d06491ac6@v2")));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM files WHERE path IN ('CHANGELOG.md', 'tidepool/springs.py')")),
            0);
        QCOMPARE(import(session).versions, qint64(0));
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
        QCOMPARE(import(m_projects).messages, 72);
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
        // One file, three sessions: s2 resumes s1 from its last line, s3 forks s1 from its middle
        // (its first line has the same parent as one of s1's).
        const QString file = sessionFile(QStringLiteral("-home-mira-src-loom"), loomSession);
        const ImportReport report = import(file);
        QCOMPARE(report.sessions, 3);
        QCOMPARE(report.messages, 11);
        QCOMPARE(messagesIn(loomSession), 5);
        QCOMPARE(messagesIn(QStringLiteral("9b2c3d4e-5f6a-4b7c-8d9e-1f2a3b4c5d6e")), 3);
        QCOMPARE(messagesIn(QStringLiteral("ac3d4e5f-6a7b-4c8d-9e0f-2a3b4c5d6e7f")), 3);
    }

    void oddFilesAreTolerated_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("sessions");
        QTest::addColumn<int>("messages");
        QTest::addColumn<int>("escapes"); // messages with an ANSI escape in their text
        // Line kinds of Claude Code 2.1 that are not messages, an assistant line without an API
        // message id, a compaction, an API error.
        QTest::newRow("newer line kinds") << QStringLiteral("newer-line-kinds.jsonl") << 1 << 9 << 0;
        // Lines without cwd (until one has it), top-level tool_use/tool_result lines, string
        // content, an old system line with ANSI escapes.
        QTest::newRow("schema drift") << QStringLiteral("schema-drift.jsonl") << 1 << 5 << 1;
        // The whole file: one sidechain line with no parent.
        QTest::newRow("orphan sidechain") << QStringLiteral("orphan-sidechain.jsonl") << 2 << 1 << 0;
    }

    void oddFilesAreTolerated()
    {
        QFETCH(QString, name);
        QFETCH(int, sessions);
        QFETCH(int, messages);
        QFETCH(int, escapes);
        const QString file = m_claude + QStringLiteral("/odd/") + name;
        ImportContext context;
        QVERIFY2(m_importer.run(*m_store, file, context), qPrintable(file));
        QVERIFY2(context.report.skipped.isEmpty(),
            qPrintable(context.report.skipped.value(0).location + context.report.skipped.value(0).reason));
        QCOMPARE(context.report.sessions, sessions);
        QCOMPARE(context.report.messages, messages);
        // ANSI escapes and the like come through as text.
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%' || char(27) || '%'")), escapes);
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
