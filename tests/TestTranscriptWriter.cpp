#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "Compression.h"
#include "ImportReport.h"
#include "Search.h"
#include "Sql.h"
#include "Store.h"
#include "TranscriptWriter.h"

// The writer prepares messages a chunk ahead on a helper thread and writes them in batches: these
// tests add more messages than a chunk and a batch hold, and check that order, merges, errors and
// commits come out as if every message had been written at once.
class TestTranscriptWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    int m_storeNumber = 0;

    struct Opened
    {
        qint64 project = 0;
        qint64 session = 0;
    };

    Opened open(TranscriptWriter &writer, const QString &name)
    {
        Project draft;
        draft.name = name;
        draft.sourceKind = QStringLiteral("test");
        draft.sourceLocation = u'/' + name;
        const auto project = writer.project(draft);
        if (!project)
            return {};
        const auto session = writer.session({ *project, QStringLiteral("test"), name, {}, {}, {} });
        return { *project, session ? *session : 0 };
    }

    static MessageDraft draft(const QString &key, const QString &text)
    {
        MessageDraft message;
        message.role = QStringLiteral("user");
        message.kind = QStringLiteral("text");
        message.text = text;
        message.raw = QByteArray("{\"text\": \"") + text.toUtf8() + "\"}";
        message.timestamp = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(key.toLongLong());
        message.sourceKey = key;
        return message;
    }

    qint64 count(const QString &sql)
    {
        const auto number = Sql::value(m_store->database(), sql);
        return number ? number->toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        auto store = Store::open(m_dir.filePath(QString::number(++m_storeNumber)), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void keepsOrderAcrossChunksAndBatches()
    {
        TranscriptWriter writer(*m_store, 300);
        QVERIFY(writer.begin());
        const Opened opened = open(writer, QStringLiteral("order"));
        QVERIFY(opened.session > 0);
        for (int i = 0; i < 1234; ++i) {
            const QString text
                = i == 1000 ? QStringLiteral("第一千条消息 marker") : QStringLiteral("message number %1").arg(i);
            QVERIFY(writer.addMessage(opened.session, draft(QString::number(i), text)));
            if (writer.needsCommit())
                QVERIFY(writer.checkpoint());
        }
        ImportReport report;
        QVERIFY(writer.finish(report));
        QCOMPARE(report.messages, qint64(1234));

        // One row per message, seq following the order they were added in, none lost at chunk
        // or batch edges.
        QSqlQuery rows(m_store->database());
        QVERIFY(rows.exec(QStringLiteral("SELECT seq, source_key, text, raw, cjk FROM messages ORDER BY seq")));
        int expected = 0;
        while (rows.next()) {
            QCOMPARE(rows.value(0).toInt(), expected);
            QCOMPARE(rows.value(1).toString(), QString::number(expected));
            const QString text = rows.value(2).toString();
            QCOMPARE(text.endsWith(u"marker") || text == QStringLiteral("message number %1").arg(expected), true);
            const auto raw = Compression::decompress(rows.value(3).toByteArray());
            QVERIFY(raw);
            QCOMPARE(*raw, draft(QString::number(expected), text).raw);
            QCOMPARE(rows.value(4).toInt(), expected == 1000 ? 1 : 0);
            ++expected;
        }
        QCOMPARE(expected, 1234);

        // All of it is searchable, the Chinese message through the trigram index.
        Search::Request request;
        request.query = QStringLiteral("1233");
        QCOMPARE(Search::count(*m_store, request).value_or(-1), 1);
        request.query = QStringLiteral("千条");
        QCOMPARE(Search::count(*m_store, request).value_or(-1), 1);
        QCOMPARE(count(QStringLiteral("SELECT indexed_up_to FROM search_index_state")),
            count(QStringLiteral("SELECT max(id) FROM messages")));
    }

    void mergesWithAMessageOfAnEarlierChunk()
    {
        TranscriptWriter writer(*m_store);
        QVERIFY(writer.begin());
        const Opened opened = open(writer, QStringLiteral("merge"));
        QVERIFY(writer.addMessage(opened.session, draft(QStringLiteral("reply"), QStringLiteral("first part"))));
        for (int i = 0; i < 1200; ++i)
            QVERIFY(writer.addMessage(opened.session, draft(QString::number(i), QStringLiteral("filler"))));
        MessageDraft rest = draft(QStringLiteral("reply"), QStringLiteral("second part"));
        rest.mergeWithSameKey = true;
        QVERIFY(writer.addMessage(opened.session, rest));
        ImportReport report;
        QVERIFY(writer.finish(report));
        QCOMPARE(report.messages, qint64(1201));
        QCOMPARE(report.merged, qint64(1));
        const auto merged
            = Sql::value(m_store->database(), QStringLiteral("SELECT text FROM messages WHERE source_key = 'reply'"));
        QVERIFY(merged);
        QCOMPARE(merged->toString(), QStringLiteral("first part\nsecond part"));
    }

    void aWriteErrorComesByCommitAndKeepsEarlierBatches()
    {
        // The store refuses one message (as a full disk or a damaged page would): the batches
        // committed before it stay, the batch it was in is rolled back whole.
        QVERIFY(Sql::run(m_store->database(),
            QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON messages WHEN NEW.text = 'poison' "
                           "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")));
        TranscriptWriter writer(*m_store, 100);
        QVERIFY(writer.begin());
        const Opened opened = open(writer, QStringLiteral("errors"));
        Result<void> outcome;
        for (int i = 0; i < 250 && outcome; ++i) {
            outcome = writer.addMessage(
                opened.session, draft(QString::number(i), i == 120 ? QStringLiteral("poison") : QStringLiteral("ok")));
            if (outcome && writer.needsCommit())
                outcome = writer.checkpoint();
        }
        ImportReport report;
        const auto finished = writer.finish(report, outcome);
        QVERIFY(!finished);
        QVERIFY2(finished.error().message.contains(u"refused by the test"), qPrintable(finished.error().message));
        QCOMPARE(report.messages, qint64(100));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 100);
        QCOMPARE(count(QStringLiteral("SELECT max(seq) FROM messages")), 99);
    }

    void refusesASessionItDidNotOpen()
    {
        TranscriptWriter writer(*m_store);
        QVERIFY(writer.begin());
        const auto added = writer.addMessage(4242, draft(QStringLiteral("1"), QStringLiteral("lost")));
        QVERIFY(!added);
        QVERIFY(added.error().message.contains(u"4242"));
    }
};

QTEST_GUILESS_MAIN(TestTranscriptWriter)
#include "TestTranscriptWriter.moc"
