#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "Importer.h"
#include "Projects.h"
#include "Search.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "pocketagent/PocketAgentImporter.h"

using namespace TestSupport;

// The PocketAgent importer on the seed-systems corpus: a data folder generated from PocketAgent's
// code (tomato-tracker: 26 lines over three rotated logs; blog: 9 lines, with a backup and a stale
// temporary metadata file; empty-idea: never ran), the same project in the storage README's layout,
// and claude-mock's server-recorded hello.jsonl. The unit test (TestPocketAgentImporter) covers the
// same cases, and the unreadable log, on our own data; this one checks that these files still read as
// they did.
class CorpusPocketAgent : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_data; // a writable copy of the corpus data folder
    PocketAgentImporter m_importer;

    static constexpr auto tomato = "3f6c2a1e-8b4d-4e7a-9c15-2d7f0b9e6a41";
    static constexpr auto blog = "9a0d51c7-2f3e-4b88-a6d2-71c4e09f5b13";

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql) { return scalar(*m_store, sql); }

    QString projectFolder(const char *id) const
    {
        return m_data + QStringLiteral("/projects/") + QLatin1StringView(id);
    }

    static bool reportHas(const ImportReport &report, const QString &location, const QString &reason)
    {
        return std::any_of(report.skipped.begin(), report.skipped.end(), [&](const ImportReport::Skipped &skipped) {
            return skipped.location.endsWith(location) && skipped.reason.contains(reason);
        });
    }

private Q_SLOTS:
    void initTestCase() { STRATA_REQUIRE_CORPUS(); }

    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_data = m_dir.filePath(QStringLiteral("pocket_agent"));
        QVERIFY(copyTree(corpus(QStringLiteral("seed-systems/pocketagent/data")), m_data));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void recognizesBothLayouts()
    {
        QVERIFY(m_importer.recognizes(corpus(QStringLiteral("seed-systems/pocketagent/data"))) > 0);
        QVERIFY(m_importer.recognizes(corpus(QStringLiteral("seed-systems/pocketagent/data-readme-layout"))) > 0);
        QVERIFY(m_importer.recognizes(
                    corpus(QStringLiteral("seed-systems/pocketagent/data/projects/") + QLatin1StringView(tomato)))
            > 0);
        QCOMPARE(m_importer.recognizes(corpus(QStringLiteral("real-world/codex"))), 0);
        const Importer *detected = Importers::detect(corpus(QStringLiteral("seed-systems/pocketagent/data")));
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("pocketagent"));
    }

    void importsTheFixture()
    {
        const ImportReport report = import(m_data);
        QCOMPARE(report.projects, 3);
        QCOMPARE(report.sessions, 3);
        QCOMPARE(report.messages, 35); // 26 lines over three rotated files + 9, no streaming events
        QVERIFY2(report.skipped.isEmpty(), qPrintable(report.skipped.value(0).reason));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM projects WHERE workspace_root = '/home/alice/src/empty-idea'")),
            1);

        // In order across the rotated files, whatever current.jsonl says.
        auto rows = Sql::run(m_store->database(),
            QStringLiteral(
                "SELECT m.role, m.kind, m.text, m.timestamp FROM messages m JOIN projects p ON p.id = m.project_id "
                "WHERE p.name = 'tomato-tracker' ORDER BY m.seq"));
        QVERIFY(rows);
        QStringList roles;
        qint64 previous = 0;
        QString first;
        while (rows->next()) {
            if (first.isEmpty())
                first = rows->value(2).toString();
            roles << rows->value(0).toString();
            QVERIFY(rows->value(3).toLongLong() >= previous);
            previous = rows->value(3).toLongLong();
        }
        QCOMPARE(roles.size(), 26);
        QCOMPARE(first, QStringLiteral("Create a minimal tomato tracker CLI in Go with add/list commands"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sessions WHERE title LIKE 'Create a minimal tomato%'")), 1);

        // Go's escapes are text again; the error line and token counts are kept.
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM messages WHERE text = 'Write a post about <dialog> & popovers'")),
            1);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM messages WHERE kind = 'error' AND text = 'execution timeout after 30s'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = ''")), 1); // one tool result is empty
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE kind = 'error' AND text = ''")), 0);
        QVERIFY(count(QStringLiteral("SELECT sum(output_tokens) FROM messages")) > 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'popovers'")), 4);
    }

    void messagesSinceATime()
    {
        QCOMPARE(import(m_data).messages, 35);
        // The tomato tracker's third day (its log rotated daily) and the blog's evening.
        Search::Request request;
        request.since = QDateTime(QDate(2025, 8, 2), QTime(18, 0), Qt::UTC);
        request.limit = 5;
        QStringList texts;
        QDateTime previous = QDateTime::currentDateTimeUtc();
        std::optional<qint64> after;
        do {
            request.after = after;
            const auto page = Search::run(*m_store, request);
            QVERIFY(page);
            for (const Search::Hit &hit : page->hits) {
                QVERIFY(hit.timestamp >= request.since);
                QVERIFY(hit.timestamp <= previous);
                previous = hit.timestamp;
                texts << hit.snippet;
            }
            after = page->next;
        } while (after);
        QCOMPARE(qint64(texts.size()), *Search::count(*m_store, request));
        QCOMPARE(texts.size(), 3 + 9); // blog (21:14–21:17 +02:00) and the tracker's last day
        QCOMPARE(texts.first(), QStringLiteral("Claude process exited with code 1"));
        request.until = QDateTime(QDate(2025, 8, 3), QTime(0, 0), Qt::UTC);
        request.after.reset();
        QCOMPARE(Search::run(*m_store, request)->hits.size(), 5);
        QCOMPARE(*Search::count(*m_store, request), 9);
    }

    void importsTheReadmeLayout()
    {
        const QString data = m_dir.filePath(QStringLiteral("readme-layout"));
        QVERIFY(copyTree(corpus(QStringLiteral("seed-systems/pocketagent/data-readme-layout")), data));
        const ImportReport report = import(data);
        QCOMPARE(report.projects, 1);
        QCOMPARE(report.messages, 26);
    }

    void importingAgainAddsNothingAndGrowthAddsOnlyTheNew()
    {
        QCOMPARE(import(m_data).messages, 35);
        const ImportReport again = import(m_data);
        QCOMPARE(again.projects, 0);
        QCOMPARE(again.sessions, 0);
        QCOMPARE(again.messages, 0);
        QCOMPARE(again.filesRead, 0); // unchanged files are not even opened

        const QString log = projectFolder(blog) + QStringLiteral("/logs/messages_2025-08-02_21-14-03.jsonl");
        QVERIFY(append(log,
            R"({"timestamp":"2025-08-02T21:20:00+02:00","message":{"type":"user","content":{"text":"Try publishing again"}},"direction":"client"})"
            "\n"));
        const ImportReport grown = import(m_data);
        QCOMPARE(grown.messages, 1);
        QCOMPARE(grown.filesRead, 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 36);
        QCOMPARE(count(QStringLiteral(
                     "SELECT max(seq) FROM messages m JOIN projects p ON p.id = m.project_id WHERE p.name = 'blog'")),
            9);
    }

    void aDeletedProjectComesBackOnTheNextImport()
    {
        QCOMPARE(import(m_data).messages, 35);
        const qint64 blogId = count(QStringLiteral("SELECT id FROM projects WHERE name = 'blog'"));
        QVERIFY(Projects::remove(*m_store, blogId));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 26);
        const ImportReport again = import(m_data);
        QCOMPARE(again.projects, 1);
        QCOMPARE(again.messages, 9);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 35);
    }

    void aRewrittenLogIsReadAgainWithoutDuplicates()
    {
        QCOMPARE(import(m_data).messages, 35);
        const QString log = projectFolder(blog) + QStringLiteral("/logs/messages_2025-08-02_21-14-03.jsonl");
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        file.close();
        QVERIFY(write(log, contents.left(contents.indexOf('\n') + 1))); // cut to its first line
        const ImportReport report = import(m_data);
        QCOMPARE(report.messages, 0);
        QVERIFY(report.notes.join(u' ').contains(QStringLiteral("changed since the last import")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 35);
    }

    void recoversMetadataFromTheBackup()
    {
        QVERIFY(write(projectFolder(blog) + QStringLiteral("/metadata.json"), "{\"id\": \"9a0d51c7-2f3e"));
        const ImportReport report = import(m_data);
        QCOMPARE(report.projects, 3);
        QVERIFY2(report.notes.join(u' ').contains(QStringLiteral("recovered from metadata.json.backup")),
            qPrintable(report.notes.join(u' ')));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM projects WHERE workspace_root = '/home/alice/src/blog'")), 1);
    }

    void recoversMetadataFromATemporaryFile()
    {
        const QString folder = projectFolder(blog);
        QVERIFY(write(folder + QStringLiteral("/metadata.json"), "garbage"));
        QVERIFY(QFile::remove(folder + QStringLiteral("/metadata.json.backup")));
        // The fixture's leftover is truncated; a complete one is what a crash after the write leaves.
        QVERIFY(write(folder + QStringLiteral("/.tmp-1111"),
            R"({"id":"9a0d51c7-2f3e-4b88-a6d2-71c4e09f5b13","path":"/home/alice/src/blog","created_at":"2025-08-02T20:14:03+02:00","last_active":"2025-08-02T21:14:03+02:00"})"));
        const ImportReport report = import(m_data);
        QVERIFY2(report.notes.join(u' ').contains(QStringLiteral("recovered from .tmp-1111")),
            qPrintable(report.notes.join(u' ')));
        QCOMPARE(report.projects, 3);
    }

    void unrecoverableMetadataSkipsOnlyThatProject()
    {
        const QString folder = projectFolder(blog);
        QVERIFY(write(folder + QStringLiteral("/metadata.json"), "garbage"));
        QVERIFY(QFile::remove(folder + QStringLiteral("/metadata.json.backup")));
        const ImportReport report = import(m_data);
        QCOMPARE(report.projects, 2);
        QVERIFY(reportHas(report, QStringLiteral("/metadata.json"), QStringLiteral("no backup or temporary copy")));
    }

    void badLinesAreSkippedAndReported()
    {
        const QString log = projectFolder(blog) + QStringLiteral("/logs/messages_2025-08-02_21-14-03.jsonl");
        QVERIFY(append(log, "{not json at all\n"));
        QVERIFY(append(log, "\"a string, not an object\"\n"));
        QVERIFY(append(log,
            "{\"timestamp\":\"2025-08-02T21:30:00Z\",\"message\":{\"type\":\"user\",\"content\":{\"text\":\"bad "
            "\xff\xfe bytes\"}},\"direction\":\"client\"}\n"));
        QVERIFY(append(log,
            R"({"timestamp":"2025-08-02T21:31:00Z","message":{"type":"user","content":{"text":"still read after the bad lines"}},"direction":"client"})"
            "\n"));
        QVERIFY(append(log, R"({"timestamp":"2025-08-02T21:32:00Z","message":{"type":"us)"));
        const ImportReport report = import(m_data);
        QCOMPARE(report.messages, 36);
        QVERIFY(reportHas(report, QStringLiteral(".jsonl:10"), QStringLiteral("not valid JSON")));
        QVERIFY(reportHas(report, QStringLiteral(".jsonl:11"), QStringLiteral("not an object")));
        QVERIFY(reportHas(report, QStringLiteral(".jsonl:12"), QStringLiteral("not valid UTF-8")));
        QVERIFY(reportHas(report, QStringLiteral(".jsonl:14"), QStringLiteral("incomplete last line")));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'still read after the bad lines'")), 1);

        // The last line completes: the next import reads it, and only it.
        QVERIFY(append(log,
            R"(er","content":{"text":"the completed line"}},"direction":"client"})"
            "\n"));
        const ImportReport completed = import(m_data);
        QCOMPARE(completed.messages, 1);
        QVERIFY(completed.skipped.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'the completed line'")), 1);
    }

    void oddFilesDoNotStopTheImport()
    {
        const QString logs = projectFolder(blog) + QStringLiteral("/logs/");
        // A blank first line (as in claude-mock's real hello.jsonl), an empty file, and one 50 MB line.
        QFile hello(corpus(QStringLiteral("seed-systems/pocketagent/upstream/claude-mock-conversations/hello.jsonl")));
        QVERIFY2(hello.open(QIODevice::ReadOnly), qPrintable(hello.fileName()));
        QVERIFY(write(logs + QStringLiteral("messages_2025-08-04_00-00-00.jsonl"), hello.readAll()));
        QVERIFY(write(logs + QStringLiteral("messages_2025-08-05_00-00-00.jsonl"), QByteArray()));
        const QByteArray huge
            = QByteArray(R"({"timestamp":"2025-08-06T00:00:00Z","message":{"type":"user","content":{"text":"huge )")
            + QByteArray(50 * 1024 * 1024, 'x')
            + QByteArray(R"( needle"}},"direction":"client"})"
                         "\n");
        QVERIFY(write(logs + QStringLiteral("messages_2025-08-06_00-00-00.jsonl"), huge));

        const ImportReport report = import(m_data);
        QVERIFY(reportHas(
            report, QStringLiteral("messages_2025-08-04_00-00-00.jsonl:1"), QStringLiteral("empty first line")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'Hello how are you?'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'needle'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT max(length(text)) FROM messages")), 50 * 1024 * 1024 + 12);
    }

    void aMissingFolderIsAnErrorAndChangesNothing()
    {
        QCOMPARE(import(m_data).messages, 35);
        ImportContext context;
        const auto ran = m_importer.run(*m_store, m_dir.filePath(QStringLiteral("nowhere")), context);
        QVERIFY(!ran);
        QVERIFY2(ran.error().message.contains(QStringLiteral("nowhere")), qPrintable(ran.error().message));
        const auto empty = m_importer.run(*m_store, m_dir.path(), context);
        QVERIFY(!empty);
        QVERIFY2(empty.error().message.contains(QStringLiteral("no PocketAgent projects")),
            qPrintable(empty.error().message));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 35);
    }

    void cancellingKeepsWhatWasRead()
    {
        ImportContext context;
        int asked = 0;
        context.isCancelled = [&asked] { return ++asked > 0; };
        // Enough lines that the reader asks.
        QString lines;
        for (int i = 0; i < 600; ++i)
            lines += QStringLiteral(
                R"({"timestamp":"2025-08-07T00:00:00Z","message":{"type":"user","content":{"text":"line %1"}},"direction":"client"})"
                "\n")
                         .arg(i);
        QVERIFY(
            write(projectFolder(blog) + QStringLiteral("/logs/messages_2025-08-07_00-00-00.jsonl"), lines.toUtf8()));
        const auto ran = m_importer.run(*m_store, m_data, context);
        QVERIFY(!ran);
        QCOMPARE(ran.error().code, Error::Code::Cancelled);
        const qint64 kept = count(QStringLiteral("SELECT count(*) FROM messages"));
        QVERIFY(kept > 0);
        QCOMPARE(context.report.messages, kept);
        // Importing again finishes the job without repeating anything.
        const ImportReport rest = import(m_data);
        QCOMPARE(kept + rest.messages, 35 + 600);
    }
};

QTEST_GUILESS_MAIN(CorpusPocketAgent)
#include "CorpusPocketAgent.moc"
