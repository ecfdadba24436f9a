#include <QTemporaryDir>
#include <QTest>

#include "Importer.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"
#include "aider/AiderImporter.h"

using namespace TestSupport;

class TestAiderImporter : public QObject
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
        const QString project = m_dir.filePath(QStringLiteral("hive-scale"));
        QVERIFY(copyTree(testData(QStringLiteral("aider/hive-scale")), project));
        const Importer *detected = Importers::detect(project);
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("aider"));
        const ImportReport report = import(project);
        QCOMPARE(report.projects, 1);
        QCOMPARE(report.sessions, 3); // three "# aider chat started at" headers
        QCOMPARE(report.messages, 18);
        // Prompts take their time from .aider.input.history (local time there, UTC here), matched in
        // order: the answers to Aider's questions ("y") are in that history too, and "hello" twice.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'user'")), 6); // "#### " blocks
        const auto local = [](int day, QTime time) {
            return QDateTime(QDate(2025, 11, day), time, Qt::LocalTime).toUTC().toMSecsSinceEpoch();
        };
        QCOMPARE(count(QStringLiteral("SELECT timestamp FROM messages WHERE text = 'Dlaczego waga pokazuje ujemny "
                                      "ciężar po tarowaniu?'")),
            local(3, QTime(18, 7, 12, 940)));
        QCOMPARE(count(QStringLiteral("SELECT timestamp FROM messages WHERE text LIKE 'Odczyt z czujnika%'")),
            local(3, QTime(18, 7, 12, 940))); // a reply has the time of its prompt
        QCOMPARE(count(QStringLiteral("SELECT min(timestamp) FROM messages WHERE text = 'hello'")),
            local(3, QTime(18, 2, 20, 117)));
        QCOMPARE(count(QStringLiteral("SELECT max(timestamp) FROM messages WHERE text = 'hello'")),
            local(3, QTime(18, 5, 49, 305)));
        // Two "#### " lines are one prompt; its history entry has no fraction of a second.
        QCOMPARE(count(QStringLiteral("SELECT timestamp FROM messages WHERE role = 'user' AND text = 'Popraw to.' "
                                      "|| char(10) || 'Ujemne odczyty zaokrąglaj do zera.'")),
            local(3, QTime(18, 9, 30)));
        QCOMPARE(count(QStringLiteral("SELECT timestamp FROM messages WHERE text = 'show the weight in kilograms with "
                                      "one decimal'")),
            local(4, QTime(7, 48, 36, 17)));
        QCOMPARE(
            text(QStringLiteral("SELECT title FROM sessions ORDER BY id LIMIT 1 OFFSET 1")), QStringLiteral("hello"));
        // Polish text is searchable, and Aider's own output is kept as system messages.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'ciężar'")), 1);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM messages WHERE role = 'system' AND text LIKE '%Aider v0.86.1%'")),
            3);
        QCOMPARE(import(project).messages, 0);
    }

    void importsAnExcerptThatStartsMidSession()
    {
        const QString file = m_dir.filePath(QStringLiteral("chat.md"));
        const QString excerpt = testData(QStringLiteral("aider/chat-history-excerpt.md"));
        QVERIFY2(QFile::copy(excerpt, file), qPrintable(excerpt));
        const Importer *detected = Importers::detect(file);
        QVERIFY(detected);
        QCOMPARE(detected->format(), QStringLiteral("aider"));
        const ImportReport report = import(file);
        QCOMPARE(report.sessions, 3); // 2 headers, and what comes before the first
        QCOMPARE(report.messages, 12);
        QCOMPARE(text(QStringLiteral("SELECT title FROM sessions ORDER BY id LIMIT 1")),
            QStringLiteral("Aider chat (before the first session header)"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%<<<<<<< SEARCH%'")), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'user'")), 3); // "#### " blocks
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'system' AND text LIKE '%Commit %'")), 2);
    }

    void aReplyStillBeingWrittenIsCompletedLater()
    {
        const QString project = m_dir.filePath(QStringLiteral("live"));
        const QString log = project + QStringLiteral("/.aider.chat.history.md");
        QVERIFY(write(log, "\n# aider chat started at 2025-03-01 10:00:00\n\n#### fix the parser  \n\nLooking at the"));
        QCOMPARE(import(project).messages, 2);
        QCOMPARE(text(QStringLiteral("SELECT text FROM messages WHERE role = 'assistant'")),
            QStringLiteral("Looking at the"));
        QVERIFY(append(log, " parser now.\n\n> Applied edit to parser.py  \n"));
        const ImportReport more = import(project);
        QCOMPARE(more.messages, 1); // the output line
        QCOMPARE(more.merged, 1); // the reply, completed
        QCOMPARE(text(QStringLiteral("SELECT text FROM messages WHERE role = 'assistant'")),
            QStringLiteral("Looking at the parser now."));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'parser AND now'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages")), 3);
        QCOMPARE(import(project).messages + import(project).merged, 0);
    }

    void aFolderWithoutHistoryIsAnError()
    {
        ImportContext context;
        const auto ran = m_importer.run(*m_store, m_dir.path(), context);
        QVERIFY(!ran);
        QVERIFY2(
            ran.error().message.contains(QStringLiteral(".aider.chat.history.md")), qPrintable(ran.error().message));
    }
};

QTEST_GUILESS_MAIN(TestAiderImporter)
#include "TestAiderImporter.moc"
