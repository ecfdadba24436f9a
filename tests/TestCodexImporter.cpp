#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "FileVersions.h"
#include "Importer.h"
#include "Projects.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "codex/CodexImporter.h"
#include "codex/CodexPatch.h"

using namespace TestSupport;

class TestCodexImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_sessions;
    CodexImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql) { return scalar(*m_store, sql); }

    // A rollout in `cwd` whose lines after session_meta are `payloads` (response items).
    QString rollout(const QString &name, const QString &cwd, const QList<QJsonObject> &payloads)
    {
        QByteArray lines
            = QJsonDocument(QJsonObject{ { QStringLiteral("timestamp"), QStringLiteral("2026-02-01T10:00:00Z") },
                                { QStringLiteral("type"), QStringLiteral("session_meta") },
                                { QStringLiteral("payload"),
                                    QJsonObject{ { QStringLiteral("id"), name }, { QStringLiteral("cwd"), cwd } } } })
                  .toJson(QJsonDocument::Compact)
            + '\n';
        int minute = 1;
        for (const QJsonObject &payload : payloads)
            lines
                += QJsonDocument(
                       QJsonObject{ { QStringLiteral("timestamp"),
                                        QStringLiteral("2026-02-01T10:%1:00Z").arg(minute++, 2, 10, QLatin1Char('0')) },
                           { QStringLiteral("type"), QStringLiteral("response_item") },
                           { QStringLiteral("payload"), payload } })
                       .toJson(QJsonDocument::Compact)
                + '\n';
        const QString path = m_dir.filePath(QStringLiteral("made/rollout-2026-02-01T10-00-00-%1.jsonl").arg(name));
        return write(path, lines) ? path : QString();
    }

    static QJsonObject patchCall(const QString &patch)
    {
        return { { QStringLiteral("type"), QStringLiteral("custom_tool_call") },
            { QStringLiteral("name"), QStringLiteral("apply_patch") },
            { QStringLiteral("call_id"), QStringLiteral("call") },
            { QStringLiteral("input"), patch } };
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_sessions = m_dir.filePath(QStringLiteral("codex/sessions"));
        QVERIFY(copyTree(fixture(QStringLiteral("real-world/codex/sessions")), m_sessions));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void recognizesRollouts()
    {
        QVERIFY(m_importer.recognizes(m_dir.filePath(QStringLiteral("codex"))) > 0);
        QCOMPARE(Importers::detect(m_sessions)->format(), QStringLiteral("codex"));
        QCOMPARE(
            Importers::detect(fixture(QStringLiteral("real-world/codex/synthetic/agent-sessions_codex_small.jsonl")))
                ->format(),
            QStringLiteral("codex"));
        QCOMPARE(m_importer.recognizes(fixture(QStringLiteral("real-world/claude-code/projects"))), 0);
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

    void patchesBecomeFileVersions()
    {
        const QString cwd = m_dir.filePath(QStringLiteral("work"));
        const QJsonObject shellDelete{ { QStringLiteral("type"), QStringLiteral("function_call") },
            { QStringLiteral("name"), QStringLiteral("shell") },
            { QStringLiteral("call_id"), QStringLiteral("c3") },
            { QStringLiteral("arguments"),
                QString::fromUtf8(QJsonDocument(QJsonObject{ { QStringLiteral("command"),
                                                    QJsonArray{ QStringLiteral("apply_patch"),
                                                        QStringLiteral("*** Begin Patch\n*** Delete File: "
                                                                       "old.txt\n*** End Patch\n") } } })
                                      .toJson(QJsonDocument::Compact)) } };
        const QString file = rollout(QStringLiteral("p1"),
            cwd,
            { patchCall(QStringLiteral("*** Begin Patch\n*** Add File: src/a.txt\n+one\n+two\n*** Add File: "
                                       "old.txt\n+bye\n*** End Patch\n")),
                patchCall(QStringLiteral("*** Begin Patch\n*** Update File: src/a.txt\n@@\n one\n-two\n+2\n+three\n*** "
                                         "End Patch\n")),
                shellDelete });
        const ImportReport report = import(file);
        QVERIFY2(report.skipped.isEmpty(), qPrintable(report.skipped.value(0).reason));
        QCOMPARE(report.versions, qint64(4));
        const auto project = Sql::value(m_store->database(), QStringLiteral("SELECT id FROM projects"));
        QVERIFY(project);
        const auto a = FileVersions::latest(*m_store, project->toLongLong(), QStringLiteral("src/a.txt"));
        QVERIFY(a && *a);
        QCOMPARE(FileVersions::content(*m_store, **a).value_or(QByteArray()), QByteArray("one\n2\nthree\n"));
        QCOMPARE((*a)->added, 2);
        QCOMPARE((*a)->removed, 1);
        QVERIFY((*a)->messageId);
        QCOMPARE((*a)->author, QStringLiteral("Codex (apply_patch)"));
        const auto old = FileVersions::latest(*m_store, project->toLongLong(), QStringLiteral("old.txt"));
        QVERIFY(old && *old && !(*old)->blobId);
        QCOMPARE(import(file).versions, qint64(0));
    }

    void anUpdateFindsItsBaseInAnotherSourceOfTheSameFolder()
    {
        // The git repository of the folder brought b.txt before Codex changed it.
        const QString cwd = m_dir.filePath(QStringLiteral("repository"));
        Project git = Projects::inFolder(QStringLiteral("git"), cwd);
        const auto project = Projects::create(*m_store, git);
        QVERIFY(project);
        FileVersions::Draft base;
        base.path = QStringLiteral("b.txt");
        base.content = QByteArray("keep\n  indented = 1\nend\n");
        base.time = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        base.originKind = QStringLiteral("git");
        base.sourceKey = QStringLiteral("git:x");
        QVERIFY(FileVersions::add(*m_store, project->id, base));
        // The chunk's context differs in trailing spaces, which Codex tolerates too.
        const QString file = rollout(QStringLiteral("p2"),
            cwd,
            { patchCall(QStringLiteral("*** Begin Patch\n*** Update File: b.txt\n@@\n keep  \n-  indented = 1\n+  "
                                       "indented = 2\n*** End Patch\n")),
                patchCall(
                    QStringLiteral("*** Begin Patch\n*** Update File: nowhere.txt\n@@\n-x\n+y\n*** End Patch\n")) });
        const ImportReport report = import(file);
        QCOMPARE(report.versions, qint64(1));
        QVERIFY2(
            report.notes.join(u' ').contains(u"kept in the transcript only: 1"), qPrintable(report.notes.join(u' ')));
        const auto codexProject
            = Sql::value(m_store->database(), QStringLiteral("SELECT id FROM projects WHERE source_kind = 'codex'"));
        QVERIFY(codexProject);
        const auto b = FileVersions::latest(*m_store, codexProject->toLongLong(), QStringLiteral("b.txt"));
        QVERIFY(b && *b);
        // Codex writes a chunk's lines as the patch has them, context included.
        QCOMPARE(
            FileVersions::content(*m_store, **b).value_or(QByteArray()), QByteArray("keep  \n  indented = 2\nend\n"));
    }

    void theRealPatchesHaveNoBaseAndSaySo()
    {
        const ImportReport report = import(m_sessions);
        QCOMPARE(report.versions, qint64(0));
        QVERIFY2(
            report.notes.join(u' ').contains(u"kept in the transcript only: 3"), qPrintable(report.notes.join(u' ')));
    }

    void patchesParseAndApplyAsCodexDoes()
    {
        const auto changes = CodexPatch::parse(
            QStringLiteral("*** Begin Patch\n*** Update File: a.py\n*** Move to: b.py\n@@ def f():\n def f():\n-    "
                           "return 1\n+    return 2\n"
                           "@@\n x = 1\n+y = 2\n*** End of File\n*** Delete File: c.py\n*** End Patch"));
        QVERIFY(changes);
        QCOMPARE(changes->size(), 2);
        const CodexPatch::FileChange &update = changes->first();
        QCOMPARE(update.moveTo, QStringLiteral("b.py"));
        QCOMPARE(update.chunks.size(), 2);
        QVERIFY(update.chunks.last().atEnd);
        QCOMPARE(CodexPatch::apply("import os\ndef f():\n    return 1\nx = 1\n", update).value_or("failed"),
            QByteArray("import os\ndef f():\n    return 2\nx = 1\ny = 2\n"));
        QVERIFY(!CodexPatch::apply("def g():\n    pass\n", update));
        // A patch cut short still gives what it holds.
        const auto cut = CodexPatch::parse(QStringLiteral("*** Begin Patch\n*** Update File: a\n@@\n-x\n+y\n***"));
        QVERIFY(cut);
        QCOMPARE(cut->size(), 1);
        QVERIFY(!CodexPatch::parse(QStringLiteral("not a patch")));
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

QTEST_GUILESS_MAIN(TestCodexImporter)
#include "TestCodexImporter.moc"
