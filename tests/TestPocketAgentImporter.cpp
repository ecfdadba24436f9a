#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include "Importer.h"
#include "Projects.h"
#include "Search.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "pocketagent/PocketAgentImporter.h"

using namespace TestSupport;

// Reads tests/data/pocketagent (see tests/data/README.md): `data/` holds three projects in the layout
// PocketAgent's code writes. hive-journal: 31 lines over three logs rotated daily, 24 messages (six
// streaming events are skipped and one reply comes as two objects); field-notes: 9 lines, 9 messages,
// its metadata.json damaged; pollinator-map: never ran, no logs.
class TestPocketAgentImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_data; // a writable copy of the test data folder
    PocketAgentImporter m_importer;

    static constexpr auto hive = "6d2f8a41-93c7-4e0b-b5a8-1c7e94d03f25";
    static constexpr auto notes = "e47a0c93-1b58-4f6d-8a2e-9d35c6b7f180";
    static constexpr qint64 allMessages = 24 + 9;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql) { return scalar(*m_store, sql); }

    QString text(const QString &sql) { return Sql::value(m_store->database(), sql).value_or(QVariant()).toString(); }

    QString projectFolder(const char *id) const
    {
        return m_data + QStringLiteral("/projects/") + QLatin1StringView(id);
    }

    QString notesLog() const
    {
        return projectFolder(notes) + QStringLiteral("/logs/messages_2025-10-26_23-52-10.jsonl");
    }

    static qint64 msecs(const QString &isoTime)
    {
        return QDateTime::fromString(isoTime, Qt::ISODateWithMs).toMSecsSinceEpoch();
    }

    static bool reportHas(const ImportReport &report, const QString &location, const QString &reason)
    {
        return std::any_of(report.skipped.begin(), report.skipped.end(), [&](const ImportReport::Skipped &skipped) {
            return skipped.location.endsWith(location) && skipped.reason.contains(reason);
        });
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_data = m_dir.filePath(QStringLiteral("pocket_agent"));
        QVERIFY(copyTree(testData(QStringLiteral("pocketagent/data")), m_data));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void recognizesBothLayouts()
    {
        QVERIFY(m_importer.recognizes(testData(QStringLiteral("pocketagent/data"))) > 0);
        QVERIFY(m_importer.recognizes(testData(QStringLiteral("pocketagent/data-readme-layout"))) > 0);
        QVERIFY(m_importer.recognizes(testData(QStringLiteral("pocketagent/data/projects/")) + QLatin1StringView(hive))
            > 0);
        QCOMPARE(m_importer.recognizes(testData(QStringLiteral("aider/hive-scale"))), 0);
        const Importer *detected = Importers::detect(testData(QStringLiteral("pocketagent/data")));
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("pocketagent"));
    }

    void importsTheFixture()
    {
        const ImportReport report = import(m_data);
        QCOMPARE(report.projects, 3);
        QCOMPARE(report.sessions, 3);
        QCOMPARE(report.messages, allMessages); // 40 lines, less 6 streaming events and 1 continued reply
        QVERIFY2(report.skipped.isEmpty(), qPrintable(report.skipped.value(0).reason));
        QCOMPARE(report.notes.size(), 1); // field-notes' metadata, recovered (recoversMetadataFromTheBackup)
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM projects WHERE workspace_root = '/home/kasia/src/pollinator-map'")),
            1);
        QCOMPARE(text(QStringLiteral(
                     "SELECT json_extract(metadata, '$.error_details') FROM projects WHERE name = 'hive-journal'")),
            QStringLiteral("Claude process exited with code 1"));

        // In order across the rotated files (and across the change from +02:00 to +01:00), whatever
        // current.jsonl says.
        auto rows = Sql::run(m_store->database(),
            QStringLiteral(
                "SELECT m.role, m.kind, m.text, m.timestamp FROM messages m JOIN projects p ON p.id = m.project_id "
                "WHERE p.name = 'hive-journal' ORDER BY m.seq"));
        QVERIFY(rows);
        QStringList roles;
        qint64 previous = 0;
        QString first;
        QString last;
        while (rows->next()) {
            if (first.isEmpty())
                first = rows->value(2).toString();
            last = rows->value(2).toString();
            roles << rows->value(0).toString();
            QVERIFY(rows->value(3).toLongLong() >= previous);
            previous = rows->value(3).toLongLong();
        }
        QCOMPARE(roles.size(), 24);
        QCOMPARE(first, QStringLiteral("Start a small Go CLI that records beehive inspections: hive, date and notes"));
        QCOMPARE(last, QStringLiteral("Claude process exited with code 1"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sessions WHERE title LIKE 'Start a small Go CLI%'")), 1);

        // Go's escapes are text again; both kinds of error line and the token counts are kept.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'Write a note about <details> & "
                                      "<summary> disclosure widgets'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'Done: `hive add <hive>` and `hive "
                                      "list` work; inspections are kept in inspections.json & sorted by date.'")),
            2); // the reply and the result
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM messages WHERE kind = 'error' AND text = 'execution timeout after 30s'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE kind = 'error' AND text = 'Claude process "
                                      "exited with code 1'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = ''")), 1); // one tool result is empty
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE kind = 'error' AND text = ''")), 0);
        // 300 + 162 + 225: of a reply in two objects, the last object's count.
        QCOMPARE(count(QStringLiteral("SELECT sum(output_tokens) FROM messages")), 687);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'disclosure'")), 4);

        // Non-ASCII text, whole and searchable.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'Draft written (≈400 words), with "
                                      "a café-menu example — «open» by default.'")),
            2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'café'")), 2);

        // A reply streamed as two objects with one message id is one message; the streaming events
        // around it are not messages.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'assistant' AND kind = 'text' AND "
                                      "text = 'Running the test suite first.' || char(10, 10) || 'Bash' || char(10) || "
                                      "'go test ./...' || char(10) || 'Run the tests'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%content_block%' OR text LIKE "
                                      "'%message_st%'")),
            0);
    }

    void messagesSinceATime()
    {
        QCOMPARE(import(m_data).messages, allMessages);
        // field-notes' late evening (22:52–23:02 UTC, after the change to +01:00) and hive-journal's
        // third day.
        Search::Request request;
        request.since = QDateTime(QDate(2025, 10, 26), QTime(18, 0), Qt::UTC);
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
        QCOMPARE(texts.size(), 9 + 3); // field-notes and hive-journal's last day
        QCOMPARE(texts.first(), QStringLiteral("Claude process exited with code 1"));
        request.until = QDateTime(QDate(2025, 10, 27), QTime(0, 0), Qt::UTC);
        request.after.reset();
        QCOMPARE(Search::run(*m_store, request)->hits.size(), 5);
        QCOMPARE(*Search::count(*m_store, request), 9);

        // Midnight at +01:00 is 23:00 UTC: only field-notes' last two lines (00:02 local) are after it.
        request.since = QDateTime(QDate(2025, 10, 27), QTime(0, 0), QTimeZone(3600));
        request.until = {};
        request.limit = 50;
        const auto local = Search::run(*m_store, request);
        QVERIFY(local);
        QCOMPARE(local->hits.size(), 2 + 3);
        QCOMPARE(local->hits.last().snippet, QStringLiteral("Publish it"));
    }

    void importsTheReadmeLayout()
    {
        const QString data = m_dir.filePath(QStringLiteral("readme-layout"));
        QVERIFY(copyTree(testData(QStringLiteral("pocketagent/data-readme-layout")), data));
        const ImportReport report = import(data);
        QCOMPARE(report.projects, 1);
        QCOMPARE(report.sessions, 1);
        QCOMPARE(report.messages, 8); // two logs of four lines, from data/logs/<id>/
        QVERIFY2(report.skipped.isEmpty(), qPrintable(report.skipped.value(0).reason));
        QCOMPARE(text(QStringLiteral("SELECT text FROM messages ORDER BY seq LIMIT 1")),
            QStringLiteral("Print jar labels with the harvest date"));
        QCOMPARE(text(QStringLiteral("SELECT text FROM messages ORDER BY seq DESC LIMIT 1")),
            QStringLiteral("The apiary name is printed under the date."));
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM projects WHERE workspace_root = '/home/kasia/src/honey-labels'")),
            1);
    }

    void importingAgainAddsNothingAndGrowthAddsOnlyTheNew()
    {
        QCOMPARE(import(m_data).messages, allMessages);
        const ImportReport again = import(m_data);
        QCOMPARE(again.projects, 0);
        QCOMPARE(again.sessions, 0);
        QCOMPARE(again.messages, 0);
        QCOMPARE(again.filesRead, 0); // unchanged files are not even opened

        QVERIFY(append(notesLog(),
            R"({"timestamp":"2025-10-27T00:10:00+01:00","message":{"type":"user","content":{"text":"Try publishing again"}},"direction":"client"})"
            "\n"));
        const ImportReport grown = import(m_data);
        QCOMPARE(grown.messages, 1);
        QCOMPARE(grown.filesRead, 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), allMessages + 1);
        QCOMPARE(count(QStringLiteral("SELECT max(seq) FROM messages m JOIN projects p ON p.id = m.project_id WHERE "
                                      "p.name = 'field-notes'")),
            9);
    }

    void aDeletedProjectComesBackOnTheNextImport()
    {
        QCOMPARE(import(m_data).messages, allMessages);
        const qint64 notesId = count(QStringLiteral("SELECT id FROM projects WHERE name = 'field-notes'"));
        QVERIFY(Projects::remove(*m_store, notesId));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 24);
        const ImportReport again = import(m_data);
        QCOMPARE(again.projects, 1);
        QCOMPARE(again.messages, 9);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), allMessages);
    }

    void aRewrittenLogIsReadAgainWithoutDuplicates()
    {
        QCOMPARE(import(m_data).messages, allMessages);
        const QByteArray contents = readAll(notesLog());
        QCOMPARE(contents.count('\n'), 9);
        QVERIFY(write(notesLog(), contents.left(contents.indexOf('\n') + 1))); // cut to its first line
        const ImportReport report = import(m_data);
        QCOMPARE(report.messages, 0);
        QVERIFY(report.notes.join(u' ').contains(QStringLiteral("changed since the last import")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), allMessages);
    }

    void recoversMetadataFromTheBackup()
    {
        // The test data's metadata.json of field-notes is cut short; metadata.json.backup is whole.
        const ImportReport report = import(m_data);
        QCOMPARE(report.projects, 3);
        QVERIFY2(report.notes.join(u' ').contains(QStringLiteral("recovered from metadata.json.backup")),
            qPrintable(report.notes.join(u' ')));
        QVERIFY2(report.notes.join(u' ').contains(QStringLiteral("metadata.json could not be read")),
            qPrintable(report.notes.join(u' ')));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM projects WHERE workspace_root = '/home/kasia/src/field-notes'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT created_at FROM projects WHERE name = 'field-notes'")),
            msecs(QStringLiteral("2025-10-26T23:47:58.120+01:00")));
    }

    void recoversMetadataFromATemporaryFile()
    {
        const QString folder = projectFolder(notes);
        QVERIFY(QFile::remove(folder + QStringLiteral("/metadata.json.backup")));
        // The test data's leftover is truncated; a complete one is what a crash after the write leaves.
        QVERIFY(write(folder + QStringLiteral("/.tmp-1111"),
            R"({"id":"e47a0c93-1b58-4f6d-8a2e-9d35c6b7f180","path":"/home/kasia/src/field-notes","created_at":"2025-10-26T23:40:00+01:00","last_active":"2025-10-27T00:02:40.001102+01:00"})"));
        const ImportReport report = import(m_data);
        QVERIFY2(report.notes.join(u' ').contains(QStringLiteral("recovered from .tmp-1111")),
            qPrintable(report.notes.join(u' ')));
        QCOMPARE(report.projects, 3);
        QCOMPARE(count(QStringLiteral("SELECT created_at FROM projects WHERE name = 'field-notes'")),
            msecs(QStringLiteral("2025-10-26T23:40:00+01:00")));
    }

    void unrecoverableMetadataSkipsOnlyThatProject()
    {
        const QString folder = projectFolder(notes);
        QVERIFY(QFile::remove(folder + QStringLiteral("/metadata.json.backup")));
        const ImportReport report = import(m_data);
        QCOMPARE(report.projects, 2);
        QVERIFY(reportHas(report, QStringLiteral("/metadata.json"), QStringLiteral("no backup or temporary copy")));
    }

    void badLinesAreSkippedAndReported()
    {
        const QString log = notesLog();
        QVERIFY(append(log, "{not json at all\n"));
        QVERIFY(append(log, "\"a string, not an object\"\n"));
        QVERIFY(append(log,
            "{\"timestamp\":\"2025-10-26T23:30:00Z\",\"message\":{\"type\":\"user\",\"content\":{\"text\":\"bad "
            "\xff\xfe bytes\"}},\"direction\":\"client\"}\n"));
        QVERIFY(append(log,
            R"({"timestamp":"2025-10-26T23:31:00Z","message":{"type":"user","content":{"text":"still read after the bad lines"}},"direction":"client"})"
            "\n"));
        QVERIFY(append(log, R"({"timestamp":"2025-10-26T23:32:00Z","message":{"type":"us)"));
        const ImportReport report = import(m_data);
        QCOMPARE(report.messages, allMessages + 1);
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
        const QString logs = projectFolder(notes) + QStringLiteral("/logs/");
        // A blank first line (as in the logs claude-mock's server recorded), an empty file, and one 50 MB line.
        const QString greeting = testData(QStringLiteral("pocketagent/claude-mock/good-morning.jsonl"));
        QVERIFY2(QFileInfo(greeting).isFile(), qPrintable(greeting));
        QVERIFY(write(logs + QStringLiteral("messages_2025-10-28_07-02-11.jsonl"), readAll(greeting)));
        QVERIFY(write(logs + QStringLiteral("messages_2025-10-29_00-00-00.jsonl"), QByteArray()));
        const QByteArray huge
            = QByteArray(R"({"timestamp":"2025-10-30T00:00:00Z","message":{"type":"user","content":{"text":"huge )")
            + QByteArray(50 * 1024 * 1024, 'x')
            + QByteArray(R"( needle"}},"direction":"client"})"
                         "\n");
        QVERIFY(write(logs + QStringLiteral("messages_2025-10-30_00-00-00.jsonl"), huge));

        const ImportReport report = import(m_data);
        QVERIFY(reportHas(
            report, QStringLiteral("messages_2025-10-28_07-02-11.jsonl:1"), QStringLiteral("empty first line")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'Good morning, are you there?'")), 1);
        QCOMPARE(report.messages, allMessages + 4 + 1); // the greeting's four lines and the huge one
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'needle'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT max(length(text)) FROM messages")), 50 * 1024 * 1024 + 12);
    }

    void aMissingFolderIsAnErrorAndChangesNothing()
    {
        QCOMPARE(import(m_data).messages, allMessages);
        ImportContext context;
        const auto ran = m_importer.run(*m_store, m_dir.filePath(QStringLiteral("nowhere")), context);
        QVERIFY(!ran);
        QVERIFY2(ran.error().message.contains(QStringLiteral("nowhere")), qPrintable(ran.error().message));
        const auto empty = m_importer.run(*m_store, m_dir.path(), context);
        QVERIFY(!empty);
        QVERIFY2(empty.error().message.contains(QStringLiteral("no PocketAgent projects")),
            qPrintable(empty.error().message));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), allMessages);
    }

    void anUnreadableLogIsReportedAndTheRestImported()
    {
        const QString log = notesLog();
        QVERIFY(QFile::setPermissions(log, QFileDevice::Permissions()));
        const ImportReport report = import(m_data);
        QFile::setPermissions(log, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(report.messages, 24);
        QVERIFY(reportHas(report, QStringLiteral("messages_2025-10-26_23-52-10.jsonl"), QStringLiteral("cannot read")));
        // Readable again: the next import brings the rest.
        QCOMPARE(import(m_data).messages, 9);
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
                R"({"timestamp":"2025-10-31T00:00:00Z","message":{"type":"user","content":{"text":"line %1"}},"direction":"client"})"
                "\n")
                         .arg(i);
        QVERIFY(
            write(projectFolder(notes) + QStringLiteral("/logs/messages_2025-10-31_00-00-00.jsonl"), lines.toUtf8()));
        const auto ran = m_importer.run(*m_store, m_data, context);
        QVERIFY(!ran);
        QCOMPARE(ran.error().code, Error::Code::Cancelled);
        const qint64 kept = count(QStringLiteral("SELECT count(*) FROM messages"));
        QVERIFY(kept > 0);
        QCOMPARE(context.report.messages, kept);
        // Importing again finishes the job without repeating anything.
        const ImportReport rest = import(m_data);
        QCOMPARE(kept + rest.messages, allMessages + 600);
    }
};

QTEST_GUILESS_MAIN(TestPocketAgentImporter)
#include "TestPocketAgentImporter.moc"
