#include <QTemporaryDir>
#include <QTest>

#include "Importer.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"

using namespace TestSupport;

// The same broken inputs for every importer of a JSON Lines format: each is reported with its
// place, nothing crashes, and what was imported before stays. Runs as an ordinary user (see
// run-unprivileged.sh) for the unreadable file.
class TestImporterRobustness : public QObject
{
    Q_OBJECT

private:
    // A source of `format` under `root` holding the given lines; returns the log file's path.
    static QString writeSource(const QString &format, const QString &root, const QList<QByteArray> &lines)
    {
        QString log;
        QByteArray head;
        if (format == u"claude-code") {
            log = root + QStringLiteral("/-w/s.jsonl");
        } else if (format == u"codex") {
            log = root
                + QStringLiteral(
                    "/sessions/2025/01/01/rollout-2025-01-01T00-00-00-0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000.jsonl");
            head
                = R"({"timestamp":"2025-01-01T00:00:00Z","type":"session_meta","payload":{"id":"0190aaaa","cwd":"/w"}})"
                  "\n";
        } else {
            log = root + QStringLiteral("/projects/p1/logs/messages_2025-01-01_00-00-00.jsonl");
            write(root + QStringLiteral("/projects/p1/metadata.json"), R"({"id":"p1","path":"/w"})");
        }
        QByteArray body = head;
        for (const QByteArray &line : lines)
            body += line;
        write(log, body);
        return log;
    }

    // moc misreads raw strings that begin with a quotation mark: ordinary strings here.
    static QByteArray message(const QString &format, int n)
    {
        const QByteArray text = "message number " + QByteArray::number(n);
        if (format == u"claude-code")
            return "{\"type\":\"user\",\"uuid\":\"u" + QByteArray::number(n)
                + "\",\"sessionId\":\"s\",\"cwd\":\"/w\",\"timestamp\":\"2025-01-01T00:00:00Z\","
                  "\"message\":{\"role\":\"user\",\"content\":\""
                + text + "\"}}\n";
        if (format == u"codex")
            return "{\"timestamp\":\"2025-01-01T00:00:01Z\",\"type\":\"response_item\",\"payload\":{\"type\":"
                   "\"message\","
                   "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\""
                + text + "\"}]}}\n";
        return "{\"timestamp\":\"2025-01-01T00:00:00Z\",\"message\":{\"type\":\"user\",\"content\":{\"text\":\"" + text
            + "\"}},\"direction\":\"client\"}\n";
    }

    static bool has(const ImportReport &report, const QString &location, const QString &reason)
    {
        return std::any_of(report.skipped.begin(), report.skipped.end(), [&](const ImportReport::Skipped &skipped) {
            return skipped.location.endsWith(location) && skipped.reason.contains(reason);
        });
    }

private Q_SLOTS:
    void brokenLinesAreReportedAndTheRestKept_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("firstLine"); // the log's first line of ours (codex has its session line first)
        QTest::newRow("claude-code") << "claude-code" << 1;
        QTest::newRow("codex") << "codex" << 2;
        QTest::newRow("pocketagent") << "pocketagent" << 1;
    }

    void brokenLinesAreReportedAndTheRestKept()
    {
        QFETCH(QString, format);
        QFETCH(int, firstLine);
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("source"));
        auto opened = Store::open(dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(opened);
        Store &store = **opened;
        Importer *importer = Importers::find(format);
        QVERIFY(importer);

        const QString log = writeSource(format, root, { message(format, 1), message(format, 2) });
        QCOMPARE(Importers::detect(root)->format(), format);
        ImportContext first;
        QVERIFY(importer->run(store, root, first));
        QCOMPARE(first.report.messages, 2);

        // Then: a line that is not JSON, one with bytes that are not UTF-8, a good one, and a
        // last line cut off in the middle.
        QVERIFY(append(log, "{\"half\": \n"));
        QVERIFY(append(log, message(format, 3).replace("number", "num\xff\xfe")));
        QVERIFY(append(log, message(format, 4)));
        QVERIFY(append(log, message(format, 5).left(30)));
        ImportContext second;
        QVERIFY(importer->run(store, root, second));
        QCOMPARE(second.report.messages, 1);
        const QString name = QFileInfo(log).fileName();
        QVERIFY(
            has(second.report, QStringLiteral("%1:%2").arg(name).arg(firstLine + 2), QStringLiteral("not valid JSON")));
        QVERIFY(has(
            second.report, QStringLiteral("%1:%2").arg(name).arg(firstLine + 3), QStringLiteral("not valid UTF-8")));
        QVERIFY(has(second.report,
            QStringLiteral("%1:%2").arg(name).arg(firstLine + 5),
            QStringLiteral("incomplete last line")));
        QCOMPARE(Sql::value(store.database(), QStringLiteral("SELECT count(*) FROM messages"))->toInt(), 3);

        // An empty file beside it, and the log made unreadable: reported, nothing lost.
        write(QFileInfo(log).absolutePath()
                + (format == u"pocketagent" ? QStringLiteral("/messages_2025-01-02_00-00-00.jsonl")
                                            : QStringLiteral("/rollout-empty.jsonl")),
            QByteArray());
        QVERIFY(append(log, "\n" + message(format, 6)));
        QVERIFY(QFile::setPermissions(log, QFileDevice::Permissions()));
        ImportContext third;
        const auto ran = importer->run(store, root, third);
        QFile::setPermissions(log, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY2(ran, qPrintable(ran ? QString() : ran.error().message));
        QVERIFY2(
            has(third.report, name, QStringLiteral("cannot read")), qPrintable(third.report.skipped.value(0).reason));
        QCOMPARE(Sql::value(store.database(), QStringLiteral("SELECT count(*) FROM messages"))->toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestImporterRobustness)
#include "TestImporterRobustness.moc"
