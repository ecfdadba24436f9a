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

// The out_of_context importer on the seed corpus (seed-systems/out_of_context): the generated v1 and
// v2 stores and the upstream project's real v4 .mdc files, copied (a test may damage its copy).
class CorpusOutOfContext : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_data;
    OutOfContextImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }
    qint64 count(const QString &sql) { return scalar(*m_store, sql); }

private Q_SLOTS:
    void initTestCase() { STRATA_REQUIRE_CORPUS(); }

    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_data = m_dir.filePath(QStringLiteral("data"));
        QVERIFY(copyTree(corpus(QStringLiteral("seed-systems/out_of_context")), m_data));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void readsAllThreeFormats()
    {
        const QString v1 = m_data + QStringLiteral("/v1-home/.out_of_context/storage.json");
        const QString v2 = m_data + QStringLiteral("/v2-project");
        const QString v4 = m_data + QStringLiteral("/upstream/v4-mdc-contexts");
        for (const QString &path : { v1, v2, v4 }) {
            const Importer *detected = Importers::detect(path);
            QVERIFY2(detected, qPrintable(path));
            QCOMPARE(detected->format(), QStringLiteral("out-of-context"));
        }

        const ImportReport first = import(v1);
        QCOMPARE(first.projects, 2); // webshop-api, cursor-session-7f3a
        QCOMPARE(first.segments, 9);
        QVERIFY(first.skipped.isEmpty());
        const ImportReport second = import(v2);
        QCOMPARE(second.segments, 10); // 9 stashed, 1 evicted
        const ImportReport third = import(v4);
        QCOMPARE(third.segments, 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments")), 21);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE message_id IS NULL")), 0);

        // The fields, from v1's first segment and v2's evicted one.
        Segments::Filter byTask;
        byTask.task = QStringLiteral("fix-checkout-500");
        byTask.tag = QStringLiteral("traceback");
        auto logs = Segments::list(*m_store, byTask);
        QVERIFY(logs);
        QCOMPARE(logs->size(), 2); // one in each store
        QCOMPARE(logs->first().kind, QStringLiteral("log"));
        QCOMPARE(logs->first().path, QStringLiteral("src/api/checkout.py"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE tier = 'evicted' AND tokens = 10")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE line_from IS NOT NULL")), 2);
        auto tags = Segments::facet(*m_store, Segments::Facet::Tag);
        QVERIFY(tags);
        QVERIFY(tags->contains(std::pair(QStringLiteral("migration"), qint64(1)))); // from an .mdc's front matter
        // v4: Markdown body, front matter kept.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments WHERE source_key = 'project-overview' AND kind = "
                                      "'project-info' AND json_extract(details, '$.front_matter.status') = "
                                      "'requirements-complete'")),
            1);

        // Found by the transcript search.
        Search::Request request;
        request.query = QStringLiteral("emptiness check");
        auto page = Search::run(*m_store, request);
        QVERIFY(page);
        QCOMPARE(page->hits.size(), 2);

        // Importing again adds nothing.
        const qint64 messages = count(QStringLiteral("SELECT count(*) FROM messages"));
        QCOMPARE(import(v2).messages, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), messages);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM segments")), 21);
    }

    void damagedFilesAreReportedAndTheRestImported()
    {
        const QString folder = m_data + QStringLiteral("/v2-project/.out_of_context");
        QVERIFY(write(folder + QStringLiteral("/stashed/broken.json"), "{\"segments\": [ {\"segment_id\": "));
        QVERIFY(write(folder + QStringLiteral("/evicted/no-id.json"), "{\"text\": \"orphan\"}"));
        QVERIFY(write(m_data + QStringLiteral("/upstream/v4-mdc-contexts/open.mdc"), "---\nname: open\n\nno end"));
        const QByteArray before = readAll(folder + QStringLiteral("/stashed/webshop-api.json"));

        const ImportReport report = import(m_data + QStringLiteral("/v2-project"));
        QCOMPARE(report.segments, 10);
        QCOMPARE(report.skipped.size(), 2);
        QVERIFY2(report.skipped.at(0).location.endsWith(QStringLiteral("broken.json"))
                && report.skipped.at(0).reason.startsWith(QStringLiteral("not valid JSON")),
            qPrintable(report.skipped.at(0).reason));
        QVERIFY2(report.skipped.at(1).reason.contains(QStringLiteral("needs a segment_id")),
            qPrintable(report.skipped.at(1).reason));
        const ImportReport mdc = import(m_data + QStringLiteral("/upstream/v4-mdc-contexts"));
        QCOMPARE(mdc.segments, 2);
        QCOMPARE(mdc.skipped.size(), 1);
        QVERIFY2(mdc.skipped.first().reason.contains(QStringLiteral("does not end")),
            qPrintable(mdc.skipped.first().reason));
        QCOMPARE(readAll(folder + QStringLiteral("/stashed/webshop-api.json")), before);

        ImportContext context;
        const auto nothing = m_importer.run(*m_store, m_dir.filePath(QStringLiteral("store")), context);
        QVERIFY(!nothing);
        QVERIFY2(nothing.error().message.contains(QStringLiteral("no out_of_context data")),
            qPrintable(nothing.error().message));
    }
};

QTEST_GUILESS_MAIN(CorpusOutOfContext)
#include "CorpusOutOfContext.moc"
