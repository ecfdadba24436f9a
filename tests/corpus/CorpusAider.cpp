#include <QTemporaryDir>
#include <QTest>

#include "Importer.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "aider/AiderImporter.h"

using namespace TestSupport;

// The Aider importer on real chat histories: a project's .aider.chat.history.md with its
// .aider.input.history (Russian prompts, thinking blocks, error output) and an excerpt of Aider's own
// history that starts mid-session. The unit test (TestAiderImporter) covers the same cases on our own
// data; this one checks that real files still read as they did.
class CorpusAider : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    AiderImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql) { return scalar(*m_store, sql); }

    QString text(const QString &sql) { return Sql::value(m_store->database(), sql).value_or(QVariant()).toString(); }

private Q_SLOTS:
    void initTestCase() { STRATA_REQUIRE_CORPUS(); }

    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void importsAProjectWithItsInputHistory()
    {
        const QString project = m_dir.filePath(QStringLiteral("mozgoslav"));
        QVERIFY(copyTree(corpus(QStringLiteral("real-world/aider/mozgoslav")), project));
        const Importer *detected = Importers::detect(project);
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("aider"));
        const ImportReport report = import(project);
        QCOMPARE(report.projects, 1);
        QCOMPARE(report.sessions, 3); // three "# aider chat started at" headers
        QCOMPARE(report.messages, 68);
        // Prompts take their time from .aider.input.history (local time there, UTC here).
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'user'")), 21); // "#### " blocks
        const QDateTime asked = QDateTime(QDate(2026, 4, 22), QTime(22, 42, 34, 233), Qt::LocalTime).toUTC();
        QCOMPARE(
            count(QStringLiteral(
                "SELECT timestamp FROM messages WHERE text = 'Про что проект мозгослав и на каком этапе сейчас RAG?'")),
            asked.toMSecsSinceEpoch());
        QCOMPARE(text(QStringLiteral("SELECT title FROM sessions ORDER BY id LIMIT 1 OFFSET 1")), QStringLiteral("hi"));
        // Russian text is searchable, and Aider's own output is kept as system messages.
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'мозгослав'")) >= 1);
        QVERIFY(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'system' AND text LIKE '%Aider v0.86.2%'"))
            >= 1);
        QCOMPARE(import(project).messages, 0);
    }

    void importsAnExcerptThatStartsMidSession()
    {
        const QString file = m_dir.filePath(QStringLiteral("chat.md"));
        QVERIFY(QFile::copy(corpus(QStringLiteral("real-world/aider/aider-ai-fixture/chat-history.excerpt.md")), file));
        const Importer *detected = Importers::detect(file);
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("aider"));
        const ImportReport report = import(file);
        QCOMPARE(report.sessions, 36); // 35 headers, and what comes before the first
        QVERIFY(report.messages > 200);
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%<<<<<<< SEARCH%'")) > 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'user'")), 54); // "#### " blocks
        QVERIFY(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'system' AND text LIKE '%Commit %'")) > 0);
    }
};

QTEST_GUILESS_MAIN(CorpusAider)
#include "CorpusAider.moc"
