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

namespace {

// tests/data/codex/sessions, a ~/.codex/sessions of three rollouts (see tests/data/README.md):
// Codex 0.44 `codex exec` in tidewatch (the `shell` tool, patches through it), codex-tui 0.125 in
// tidewatch (exec_command, apply_patch as a custom tool, web search, a corrupt line), and Codex
// Desktop 0.104 in ferry-times (an error, an interrupted turn, cut off mid-turn).
const QString olderRollout
    = QStringLiteral("2025/10/07/rollout-2025-10-07T21-14-03-0199c018-5152-7eee-865f-53e9421ce502.jsonl");
const QString newerRollout
    = QStringLiteral("2026/03/14/rollout-2026-03-14T10-02-51-019ceb95-88d4-7670-aeae-679f02e8d28a.jsonl");
const QString desktopRollout
    = QStringLiteral("2026/03/15/rollout-2026-03-15T22-47-10-019cf377-a364-7023-ac39-c200661fccd2.jsonl");
const QString olderId = QStringLiteral("0199c018-5152-7eee-865f-53e9421ce502");
const QString newerId = QStringLiteral("019ceb95-88d4-7670-aeae-679f02e8d28a");
const QString desktopId = QStringLiteral("019cf377-a364-7023-ac39-c200661fccd2");
const QString tidewatch = QStringLiteral("/home/ines/src/tidewatch");

} // namespace

class TestCodexImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_sessions;
    CodexImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql, std::initializer_list<QVariant> binds = {})
    {
        return scalar(*m_store, sql, binds);
    }

    QString text(const QString &sql, std::initializer_list<QVariant> binds = {})
    {
        const auto value = Sql::value(m_store->database(), sql, binds);
        return value ? value->toString() : QStringLiteral("<%1>").arg(value.error().message);
    }

    // The Codex project of the tidewatch folder (the two rollouts there share it).
    qint64 tidewatchProject()
    {
        return count(QStringLiteral("SELECT id FROM projects WHERE source_kind = 'codex' AND workspace_root = ?"),
            { tidewatch });
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QVERIFY(copyTree(testData(QStringLiteral("codex")), m_dir.filePath(QStringLiteral("codex"))));
        m_sessions = m_dir.filePath(QStringLiteral("codex/sessions"));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void recognizesRollouts_data()
    {
        QTest::addColumn<QString>("path"); // in the test's folder
        QTest::addColumn<bool>("codex");
        QTest::newRow("a Codex home") << QStringLiteral("codex") << true;
        QTest::newRow("its sessions") << QStringLiteral("codex/sessions") << true;
        QTest::newRow("one rollout") << QStringLiteral("codex/sessions/") + olderRollout << true;
        QTest::newRow("a rollout on its own, not named rollout-*")
            << QStringLiteral("codex/standalone/lantern-handoff.jsonl") << true;
        QTest::newRow("Claude Code's projects") << QStringLiteral("claude/projects") << false;
    }

    void recognizesRollouts()
    {
        QFETCH(QString, path);
        QFETCH(bool, codex);
        // Another agent's JSONL: lines without Codex's {timestamp, type, payload} envelope.
        QVERIFY(write(m_dir.filePath(QStringLiteral("claude/projects/-home-ines-src-tidewatch/"
                                                    "5b0e7d2c-3f41-4a9e-b6c8-0d1e2f3a4b5c.jsonl")),
            R"({"type":"user","uuid":"7a1c","parentUuid":null,"sessionId":"5b0e7d2c-3f41-4a9e-b6c8-0d1e2f3a4b5c","cwd":"/home/ines/src/tidewatch","message":{"role":"user","content":"hello"}})"
            "\n"));
        path = m_dir.filePath(path);
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        if (!codex) {
            QCOMPARE(m_importer.recognizes(path), 0);
            return;
        }
        QVERIFY(m_importer.recognizes(path) > 0);
        const Importer *detected = Importers::detect(path);
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("codex"));
    }

    void importsEveryRollout()
    {
        const ImportReport report = import(m_sessions);
        QCOMPARE(report.sessions, 3); // one per rollout
        QCOMPARE(report.projects, 2); // the two rollouts in tidewatch share its project
        QCOMPARE(report.messages, 51);
        QCOMPARE(report.skipped.size(), 4); // reportsTheLinesAndPatchesItCannotRead says which
        // AGENTS.md and the environment block are context Codex injected, not typing; so are the
        // developer's permission instructions.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'user' AND kind = 'meta'")), 5);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'system' AND kind = 'meta'")), 2);
        // Shell calls and their output are searchable.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'rg AND tides'")), 1);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'aix AND summer'")), 1);
        // Reasoning summaries are messages; encrypted reasoning is not.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE kind = 'thinking'")), 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE kind = 'thinking' AND text = ''")), 0);
        QCOMPARE(import(m_sessions).messages, 0);
    }

    void sessionsTakeTheirRolloutsIdAndFirstPrompt_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("cliVersion");
        QTest::newRow("codex exec 0.44") << olderId
                                         << QStringLiteral(
                                                "Add a --station option to the tides command; Brest stays the default. "
                                                "Put the station table in its own module.")
                                         << QStringLiteral("0.44.0");
        // Cut at 119 characters and an ellipsis.
        QTest::newRow("codex-tui 0.125, not ASCII")
            << newerId
            << QStringLiteral("Les noms de stations ont des accents : « Saint-Nazaïre », « Pointe-à-Pitre ». Make "
                              "the lookup ignore accents and case, …")
            << QStringLiteral("0.125.0");
        QTest::newRow("Codex Desktop 0.104") << desktopId
                                             << QStringLiteral("Why does the Sunday timetable list the 07:40 ferry to "
                                                               "Île-d'Aix twice?")
                                             << QStringLiteral("0.104.0");
    }

    void sessionsTakeTheirRolloutsIdAndFirstPrompt()
    {
        QFETCH(QString, id);
        QFETCH(QString, title);
        QFETCH(QString, cliVersion);
        import(m_sessions);
        // The session id is session_meta's, and its first real prompt (after the injected context)
        // is the title.
        QCOMPARE(text(QStringLiteral("SELECT title FROM sessions WHERE external_id = ?"), { id }), title);
        QCOMPARE(text(QStringLiteral("SELECT json_extract(metadata, '$.cli_version') FROM sessions WHERE "
                                     "external_id = ?"),
                     { id }),
            cliVersion);
    }

    void keepsWhatToRead_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("text");
        const auto row = [](const char *name, const char *role, const char *kind, const QString &text) {
            QTest::newRow(name) << QString::fromLatin1(role) << QString::fromLatin1(kind) << text;
        };
        row("a prompt, once though the UI echoes it",
            "user",
            "text",
            QStringLiteral("Les noms de stations ont des accents : « Saint-Nazaïre », « Pointe-à-Pitre ». Make the "
                           "lookup ignore accents and case, add Saint-Nazaire, and show Nagasaki as 長崎."));
        row("a reply",
            "assistant",
            "text",
            QStringLiteral("Lookups now ignore accents and case: « Saint-Nazaïre », « saint-nazaire » and "
                           "« SAINT-NAZAIRE » all find the same station, and Nagasaki shows as 長崎. The old "
                           "spellings moved to `tidewatch/aliases.py`."));
        row("a reasoning summary",
            "assistant",
            "thinking",
            QStringLiteral("**Planning the station module**\n\nA dict keyed by slug keeps lookups simple; the CLI "
                           "only needs the default."));
        row("a shell call's output, out of its JSON",
            "tool",
            "tool_result",
            QStringLiteral("tidewatch/cli.py:6:def tides(args):\n"));
        row("a web search", "assistant", "tool_use", QStringLiteral("python unicodedata strip accents NFKD combining"));
        row("an error",
            "system",
            "error",
            QStringLiteral("stream disconnected before completion: error decoding response body"));
        row("an interrupted turn", "system", "event", QStringLiteral("turn aborted: interrupted"));
        row("a patch applied",
            "system",
            "event",
            QStringLiteral("patch applied to /home/ines/src/tidewatch/tests/test_stations.py, "
                           "/home/ines/src/tidewatch/tidewatch/stations.py"));
        row("a patch that moved a file",
            "system",
            "event",
            QStringLiteral("patch applied to /home/ines/src/tidewatch/tidewatch/legacy_names.py"));
        row("the last call of a rollout cut off mid-turn",
            "assistant",
            "tool_use",
            QStringLiteral("exec_command\n\ngit log --oneline -3 -- data/sunday.csv\n/home/ines/src/ferry-times"));
    }

    void keepsWhatToRead()
    {
        QFETCH(QString, role);
        QFETCH(QString, kind);
        QFETCH(QString, text);
        import(m_sessions);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = ? AND kind = ? AND text = ?"),
                     { role, kind, text }),
            1);
    }

    void readsARolloutOnItsOwnWithTheNewestKinds()
    {
        // World state and inter-agent metadata are skipped without a word; a sub-agent's message and
        // a compaction's summary are kept.
        const ImportReport report = import(m_dir.filePath(QStringLiteral("codex/standalone/lantern-handoff.jsonl")));
        QVERIFY2(report.skipped.isEmpty(), qPrintable(report.skipped.value(0).reason));
        QCOMPARE(report.sessions, 1);
        QCOMPARE(report.messages, 4);
        QCOMPARE(text(QStringLiteral("SELECT external_id FROM sessions")),
            QStringLiteral("019d4d19-a217-7a29-ba0d-347301ef56e6"));
        QCOMPARE(text(QStringLiteral("SELECT group_concat(role || ' ' || kind, ', ') FROM (SELECT role, kind FROM "
                                     "messages ORDER BY seq)")),
            QStringLiteral("user text, assistant text, system summary, assistant text"));
        QCOMPARE(text(QStringLiteral("SELECT text FROM messages WHERE kind = 'summary'")),
            QStringLiteral("The user wants the `glow` flag renamed to `brightness`; it is parsed in src/flags.rs and "
                           "read in src/render.rs."));
    }

    void reportsTheLinesAndPatchesItCannotRead_data()
    {
        QTest::addColumn<QString>("rollout");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason"); // the start of it
        QTest::newRow("a patch to a file outside the folder")
            << olderRollout << 22 << QStringLiteral("../notes/tidewatch-ideas.md is not a path inside the workspace");
        QTest::newRow("a line cut short") << newerRollout << 25 << QStringLiteral("not valid JSON");
        QTest::newRow("a patch that does not match its file")
            << newerRollout << 29
            << QStringLiteral("part 1 of the patch to tidewatch/stations.py does not match the file it was made for");
        QTest::newRow("a patch that cannot be read")
            << desktopRollout << 13 << QStringLiteral("cannot read the patch at \"*** Rename File: data/sunday.csv\"");
    }

    void reportsTheLinesAndPatchesItCannotRead()
    {
        QFETCH(QString, rollout);
        QFETCH(int, line);
        QFETCH(QString, reason);
        const ImportReport report = import(m_sessions);
        const QString location = QDir::toNativeSeparators(m_sessions + u'/' + rollout) + u':' + QString::number(line);
        QStringList reasons;
        for (const ImportReport::Skipped &skipped : report.skipped) {
            if (skipped.location == location)
                reasons << skipped.reason;
        }
        QCOMPARE(reasons.size(), 1);
        QVERIFY2(reasons.first().startsWith(reason), qPrintable(reasons.first()));
    }

    void patchesBecomeFileVersions()
    {
        const ImportReport report = import(m_sessions);
        // The older rollout adds three files through `shell` and deletes one; the newer updates
        // stations.py in three chunks, adds a test by its absolute path, and moves a file.
        QCOMPARE(report.versions, qint64(8));
        const qint64 project = tidewatchProject();
        QVERIFY(project > 0);

        const auto stations = FileVersions::latest(*m_store, project, QStringLiteral("tidewatch/stations.py"));
        QVERIFY(stations && *stations);
        const QString expected = testData(QStringLiteral("codex/expected/stations.py"));
        QVERIFY2(QFileInfo::exists(expected), qPrintable(expected));
        QCOMPARE(FileVersions::content(*m_store, **stations).value_or(QByteArray()), readAll(expected));
        QCOMPARE((*stations)->added, 11);
        QCOMPARE((*stations)->removed, 1);
        QVERIFY((*stations)->previousId); // the older rollout's version
        QVERIFY((*stations)->messageId);
        QCOMPARE((*stations)->author, QStringLiteral("Codex (apply_patch)"));

        const auto test = FileVersions::latest(*m_store, project, QStringLiteral("tests/test_stations.py"));
        QVERIFY(test && *test);
        QCOMPARE(FileVersions::content(*m_store, **test).value_or(QByteArray()),
            QByteArray("from tidewatch.stations import fold, lookup\n\n\ndef test_accents_and_case_are_ignored():\n"
                       "    assert fold(\"Pointe-à-Pitre\") == \"pointe-a-pitre\"\n"
                       "    assert lookup(\"SAINT-NAZAÏRE\")[0] == \"Saint-Nazaire\"\n"));

        const auto scratch = FileVersions::latest(*m_store, project, QStringLiteral("scratch/brest-sample.txt"));
        QVERIFY(scratch && *scratch && !(*scratch)->blobId);
        // *** Move to: the old path is deleted, the new one has the updated content.
        const auto legacy = FileVersions::latest(*m_store, project, QStringLiteral("tidewatch/legacy_names.py"));
        QVERIFY(legacy && *legacy && !(*legacy)->blobId);
        const auto aliases = FileVersions::latest(*m_store, project, QStringLiteral("tidewatch/aliases.py"));
        QVERIFY(aliases && *aliases);
        QCOMPARE(FileVersions::content(*m_store, **aliases).value_or(QByteArray()),
            QByteArray("# Other spellings people type, mapped to the station key.\n"
                       "ALIASES = {\"st-malo\": \"saint-malo\", \"st-nazaire\": \"saint-nazaire\"}\n"));

        QCOMPARE(import(m_sessions).versions, qint64(0));
    }

    void patchesWithoutABaseSaySo()
    {
        // tidewatch/cli.py and README.md were there before Codex came: the store has no version of them.
        const ImportReport report = import(m_sessions);
        QVERIFY2(
            report.notes.join(u' ').contains(u"kept in the transcript only: 2"), qPrintable(report.notes.join(u' ')));
        const auto cli = FileVersions::latest(*m_store, tidewatchProject(), QStringLiteral("tidewatch/cli.py"));
        QVERIFY(cli && !*cli);
    }

    void anUpdateFindsItsBaseInAnotherSourceOfTheSameFolder()
    {
        // The git repository of the folder brought cli.py before Codex changed it.
        const auto project = Projects::create(*m_store, Projects::inFolder(QStringLiteral("git"), tidewatch));
        QVERIFY(project);
        FileVersions::Draft base;
        base.path = QStringLiteral("tidewatch/cli.py");
        base.content = QByteArray("import argparse\n\nfrom tidewatch.stations import DEFAULT, lookup\n\n\n"
                                  "def tides(args):\n    station = lookup(\"brest\")\n    print(station)\n");
        base.time = QDateTime(QDate(2025, 10, 1), QTime(0, 0), Qt::UTC);
        base.originKind = QStringLiteral("git");
        base.sourceKey = QStringLiteral("git:x");
        QVERIFY(FileVersions::add(*m_store, project->id, base));
        // The chunk's context differs in trailing spaces, which Codex tolerates too; README.md has
        // no base anywhere.
        const ImportReport report = import(m_sessions + u'/' + olderRollout);
        QCOMPARE(report.versions, qint64(5)); // cli.py, and the rollout's three additions and deletion
        QVERIFY2(
            report.notes.join(u' ').contains(u"kept in the transcript only: 1"), qPrintable(report.notes.join(u' ')));
        const auto cli = FileVersions::latest(*m_store, tidewatchProject(), QStringLiteral("tidewatch/cli.py"));
        QVERIFY(cli && *cli);
        // Codex writes a chunk's lines as the patch has them, context included.
        QCOMPARE(FileVersions::content(*m_store, **cli).value_or(QByteArray()),
            QByteArray("import argparse\n\nfrom tidewatch.stations import DEFAULT, lookup\n\n\n"
                       "def tides(args):  \n    station = lookup(args.station or DEFAULT)\n    print(station)\n"));
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
        QCOMPARE(import(m_sessions).messages, 51);
        QVERIFY(append(m_sessions + u'/' + olderRollout,
            R"({"timestamp":"2025-10-07T19:20:41.003Z","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"and now the tests please"}]}})"
            "\n"));
        const ImportReport grown = import(m_sessions);
        QCOMPARE(grown.messages, 1);
        QCOMPARE(grown.sessions, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages m JOIN sessions s ON s.id = m.session_id WHERE "
                                      "s.external_id = ? AND m.text = 'and now the tests please'"),
                     { olderId }),
            1);
    }
};

QTEST_GUILESS_MAIN(TestCodexImporter)
#include "TestCodexImporter.moc"
