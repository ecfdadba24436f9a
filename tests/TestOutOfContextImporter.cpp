#include <QTemporaryDir>
#include <QTest>

#include "Importer.h"
#include "Search.h"
#include "Segments.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "outofcontext/OutOfContextImporter.h"

using namespace TestSupport;

// out_of_context's three on-disk formats, from tests/data/out_of_context (copied: a test may damage
// its copy): v1's storage.json (projects tide-tables and scratch-b41d), v2's stashed/ and evicted/
// files, v4's out_of_context/contexts/*.mdc.
class TestOutOfContextImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_data;
    OutOfContextImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }
    qint64 count(const QString &sql, std::initializer_list<QVariant> binds = {})
    {
        return scalar(*m_store, sql, binds);
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_data = m_dir.filePath(QStringLiteral("data"));
        QVERIFY(copyTree(testData(QStringLiteral("out_of_context")), m_data));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void detectsEachFormat_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("v1 storage.json") << QStringLiteral("v1-home/.out_of_context/storage.json");
        QTest::newRow("v1 .out_of_context") << QStringLiteral("v1-home/.out_of_context");
        QTest::newRow("v2 project") << QStringLiteral("v2-project");
        QTest::newRow("v4 project") << QStringLiteral("v4-project");
        QTest::newRow("v4 contexts") << QStringLiteral("v4-project/out_of_context/contexts");
        QTest::newRow("v4 .mdc") << QStringLiteral("v4-project/out_of_context/contexts/project-overview.mdc");
    }

    void detectsEachFormat()
    {
        QFETCH(QString, path);
        path = m_data + u'/' + path;
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        const Importer *detected = Importers::detect(path);
        QVERIFY2(detected, qPrintable(path));
        QCOMPARE(detected->format(), QStringLiteral("out-of-context"));
    }

    void readsAllThreeFormats()
    {
        const QString v1 = m_data + QStringLiteral("/v1-home/.out_of_context/storage.json");
        const QString v2 = m_data + QStringLiteral("/v2-project");
        const QString v4 = m_data + QStringLiteral("/v4-project");

        const ImportReport first = import(v1);
        QCOMPARE(first.projects, 2); // tide-tables, scratch-b41d
        QCOMPARE(first.segments, 7); // 6 of tide-tables (one of each type), 1 of scratch-b41d
        QVERIFY(first.skipped.isEmpty());
        const ImportReport second = import(v2);
        QCOMPARE(second.segments, 6); // 5 stashed, 1 evicted
        QVERIFY(second.skipped.isEmpty());
        const ImportReport third = import(v4);
        QCOMPARE(third.segments, 2);
        QVERIFY(third.skipped.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments")), 15);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE message_id IS NULL")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT kind) FROM segments WHERE kind IN ('message', 'code', "
                                      "'log', 'note', 'decision', 'summary')")),
            6);

        // The fields, from the log segment in v1 and in v2.
        Segments::Filter byTask;
        byTask.task = QStringLiteral("fix-dst-offset");
        byTask.tag = QStringLiteral("traceback");
        auto logs = Segments::list(*m_store, byTask);
        QVERIFY(logs);
        QCOMPARE(logs->size(), 2); // one in each store
        QCOMPARE(logs->first().kind, QStringLiteral("log"));
        QCOMPARE(logs->first().path, QStringLiteral("tides/predict.py"));
        // v2's evicted segment; v2's text_hash and v1's generation kept.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE tier = 'evicted' AND tokens = 12")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE json_extract(details, '$.text_hash') IS "
                                      "NOT NULL")),
            6);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE json_extract(details, '$.generation') = "
                                      "'old'")),
            4); // v1: code, decision, summary; v2: code
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE pinned = 1 AND kind = 'decision'")), 1);
        // line_range [42, 45]: the code segment, in each store.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE line_from IS NOT NULL")), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE line_from = 42 AND line_to = 45")), 2);
        // Naive times, read as UTC.
        QCOMPARE(count(QStringLiteral("SELECT created_at FROM segments WHERE source_key = "
                                      "'decision-tide-tables-utc-everywhere'")),
            QDateTime(QDate(2025, 12, 5), QTime(10, 2, 0, 905), Qt::UTC).toMSecsSinceEpoch());
        // \u escapes decoded.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = ?"),
                     { QStringLiteral("note: Next \u2014 CSV export for Saint-Malo and A Coru\u00f1a, with a \u00b0C "
                                      "column.") }),
            2);
        auto tags = Segments::facet(*m_store, Segments::Facet::Tag);
        QVERIFY(tags);
        QVERIFY(tags->contains(std::pair(QStringLiteral("zoneinfo"), qint64(1)))); // an .mdc's [a, b] tags
        QVERIFY(tags->contains(std::pair(QStringLiteral("tides"), qint64(1)))); // an .mdc's "- item" tags
        // v4: Markdown body, front matter kept; the project is the folder holding out_of_context/.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE source_key = 'project-overview' AND kind = "
                                      "'project-info' AND json_extract(details, '$.front_matter.status') = "
                                      "'dst-fix-shipped'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE source_key = 'decision-utc-everywhere' AND "
                                      "text LIKE '# Decision: UTC everywhere%'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM projects WHERE name = 'v4-project'")), 1);

        // Found by the transcript search.
        Search::Request request;
        request.query = QStringLiteral("clocks changed");
        auto page = Search::run(*m_store, request);
        QVERIFY(page);
        QCOMPARE(page->hits.size(), 2);

        // Importing again adds nothing.
        const qint64 messages = count(QStringLiteral("SELECT count(*) FROM messages"));
        QCOMPARE(import(v2).messages, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), messages);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments")), 15);
    }

    void damagedFilesAreReportedAndTheRestImported()
    {
        // tests/data/out_of_context/damaged holds, in the same tree, a stashed file cut off mid-JSON, an
        // evicted segment without segment_id and an .mdc whose front matter never ends.
        QVERIFY(copyTree(m_data + QStringLiteral("/damaged/v2-project"), m_data + QStringLiteral("/v2-project")));
        QVERIFY(copyTree(m_data + QStringLiteral("/damaged/v4-project"), m_data + QStringLiteral("/v4-project")));
        const QString folder = m_data + QStringLiteral("/v2-project/.out_of_context");
        const QByteArray before = readAll(folder + QStringLiteral("/stashed/tide-tables.json"));

        const ImportReport report = import(m_data + QStringLiteral("/v2-project"));
        QCOMPARE(report.segments, 6);
        QCOMPARE(report.skipped.size(), 2);
        QVERIFY2(report.skipped.at(0).location.endsWith(QStringLiteral("broken.json"))
                && report.skipped.at(0).reason.startsWith(QStringLiteral("not valid JSON")),
            qPrintable(report.skipped.at(0).reason));
        QVERIFY2(report.skipped.at(1).location.endsWith(QStringLiteral("no-id.json"))
                && report.skipped.at(1).reason.contains(QStringLiteral("needs a segment_id")),
            qPrintable(report.skipped.at(1).reason));
        // The contexts folder itself this time (readsAllThreeFormats imports the project folder holding it).
        const ImportReport mdc = import(m_data + QStringLiteral("/v4-project/out_of_context/contexts"));
        QCOMPARE(mdc.segments, 2);
        QCOMPARE(mdc.skipped.size(), 1);
        QVERIFY2(mdc.skipped.first().location.endsWith(QStringLiteral("unterminated.mdc"))
                && mdc.skipped.first().reason.contains(QStringLiteral("does not end")),
            qPrintable(mdc.skipped.first().reason));
        QCOMPARE(readAll(folder + QStringLiteral("/stashed/tide-tables.json")), before);

        ImportContext context;
        const auto nothing = m_importer.run(*m_store, m_dir.filePath(QStringLiteral("store")), context);
        QVERIFY(!nothing);
        QVERIFY2(nothing.error().message.contains(QStringLiteral("no out_of_context data")),
            qPrintable(nothing.error().message));
    }
};

QTEST_GUILESS_MAIN(TestOutOfContextImporter)
#include "TestOutOfContextImporter.moc"
