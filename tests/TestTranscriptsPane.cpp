#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "ConversationModel.h"
#include "ConversationView.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "SearchResultsModel.h"
#include "Settings.h"
#include "Store.h"
#include "TestSupport.h"
#include "TranscriptsPane.h"

using namespace TestSupport;

// The Transcripts pane and File ▸ Import… in the real window. With STRATA_SCREENSHOT_DIR set, it
// also saves what the window shows.
class TestTranscriptsPane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_storeFolder;

    static void grab(QWidget *widget, const char *name)
    {
        const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            widget->grab().save(folder + u'/' + QLatin1StringView(name) + QStringLiteral(".png"));
    }

    static bool waitForSearch(TranscriptsPane *pane)
    {
        return QTest::qWaitFor([pane] { return !pane->results()->isSearching(); }, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_storeFolder = m_dir.filePath(QStringLiteral("store"));
        const QString pocket = m_dir.filePath(QStringLiteral("pocket"));
        QVERIFY(copyTree(testData(QStringLiteral("pocketagent/data")), pocket));
        // One more project with enough hits for a search to page (50 rows a page).
        QByteArray lines;
        for (int i = 0; i < 120; ++i)
            lines += "{\"timestamp\":\"2025-11-02T10:00:00Z\",\"message\":{\"type\":\"user\",\"content\":{\"text\":"
                     "\"paging prompt "
                + QByteArray::number(i) + " about the scroll\"}},\"direction\":\"client\"}\n";
        QVERIFY(
            write(pocket + QStringLiteral("/projects/many/metadata.json"), R"({"id":"many","path":"/home/me/many"})"));
        QVERIFY(write(pocket + QStringLiteral("/projects/many/logs/messages_2025-11-02_10-00-00.jsonl"), lines));
        QVERIFY(copyTree(testData(QStringLiteral("claude-code")), m_dir.filePath(QStringLiteral("claude"))));
    }

    void importThroughTheDialog()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(m_storeFolder, Store::OpenMode::CreateIfMissing));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
        ImportDialog *dialog = window.importDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());

        // A folder that is nothing Strata knows: it says so and imports nothing.
        dialog->setSource(m_dir.path());
        dialog->start();
        QVERIFY(!dialog->isRunning());

        for (const char *source : { "pocket", "claude" }) {
            QSignalSpy finished(dialog, &ImportDialog::importFinished);
            dialog->setSource(m_dir.filePath(QLatin1StringView(source)));
            dialog->start();
            QVERIFY(dialog->isRunning());
            QVERIFY(finished.wait(30000));
            QCOMPARE(finished.first().first().toBool(), true);
        }
        QCOMPARE(dialog->report().messages, 72); // the last import's: Claude Code's
        QVERIFY2(dialog->reportText().contains(
                     QStringLiteral("Added 4 projects, 11 sessions, 72 messages and 16 file versions")),
            qPrintable(dialog->reportText()));
        grab(dialog, "import-dialog");
        // The sidebar shows what came in.
        QCOMPARE(window.projectList()->model()->rowCount(), 4 + 4); // PocketAgent's 3 and "many", Claude Code's 4
        dialog->close();
        QTRY_VERIFY(!window.importDialog());
    }

    void cancelAnImportAndGoOnLater()
    {
        // A source large enough to be cancelled half way: 60,000 prompts in one PocketAgent log.
        const QString data = m_dir.filePath(QStringLiteral("big"));
        QByteArray lines;
        for (int i = 0; i < 60000; ++i)
            lines += "{\"timestamp\":\"2025-05-01T00:00:00Z\",\"message\":{\"type\":\"user\",\"content\":{\"text\":"
                     "\"prompt "
                + QByteArray::number(i) + " about cancelling\"}},\"direction\":\"client\"}\n";
        QVERIFY(write(data + QStringLiteral("/projects/big/metadata.json"), R"({"id":"big","path":"/home/me/big"})"));
        QVERIFY(write(data + QStringLiteral("/projects/big/logs/messages_2025-05-01_00-00-00.jsonl"), lines));

        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(m_dir.filePath(QStringLiteral("cancel-store")), Store::OpenMode::CreateIfMissing));
        window.show();
        window.showImportDialog();
        ImportDialog *dialog = window.importDialog();
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &ImportDialog::importFinished);
        dialog->setSource(data);
        dialog->start();
        dialog->cancel(); // as the Cancel button does, while the worker reads
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(dialog->reportText().contains(QStringLiteral("Cancelled")), qPrintable(dialog->reportText()));
        const qint64 kept = dialog->report().messages;
        QVERIFY(kept < 60000);
        QCOMPARE(scalar(*window.store(), QStringLiteral("SELECT count(*) FROM messages")), kept);

        // Importing again goes on from where the cancel stopped.
        finished.clear();
        dialog->start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(kept + dialog->report().messages, 60000);
        QCOMPARE(scalar(*window.store(), QStringLiteral("SELECT count(*) FROM messages")), 60000);
    }

    void typeAQueryAndOpenAHit()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(m_storeFolder));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentWidget(), window.transcripts());
        TranscriptsPane *pane = window.transcripts();
        QAbstractItemModelTester resultsTester(pane->results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester conversationTester(
            pane->conversation(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        QTest::keyClicks(pane->queryField(), QStringLiteral("hive list"));
        QTest::keyClick(pane->queryField(), Qt::Key_Return);
        QVERIFY(waitForSearch(pane));
        QTRY_VERIFY2(
            pane->statusText().contains(QStringLiteral("5 of 5 matches shown")), qPrintable(pane->statusText()));
        QCOMPARE(pane->results()->rowCount(), 5);
        QVERIFY(pane->results()
                    ->index(0, 0)
                    .data(SearchResultsModel::SnippetHtmlRole)
                    .toString()
                    .contains(QStringLiteral("<b")));

        // Click the first hit: its conversation opens at it.
        QListView *results = pane->resultsView();
        QTest::mouseClick(
            results->viewport(), Qt::LeftButton, {}, results->visualRect(results->model()->index(0, 0)).center());
        const qint64 hit = pane->results()->index(0, 0).data(SearchResultsModel::MessageIdRole).toLongLong();
        QCOMPARE(pane->conversationView()->focusedMessage(), hit);
        QVERIFY(pane->conversation()->rowCount() >= 13);
        QVERIFY(pane->conversationView()->toPlainText().contains(
            QStringLiteral("Start a small Go CLI that records beehive inspections")));
        grab(&window, "transcripts");

        // Tool calls are collapsed to one line until clicked.
        int toolRow = -1;
        for (int row = 0; row < pane->conversation()->rowCount() && toolRow < 0; ++row) {
            if (pane->conversation()->index(row, 0).data(ConversationModel::KindRole).toString() == u"tool_use")
                toolRow = row;
        }
        QVERIFY(toolRow >= 0);
        const qint64 toolId
            = pane->conversation()->index(toolRow, 0).data(ConversationModel::MessageIdRole).toLongLong();
        QVERIFY(!pane->conversationView()->isExpanded(toolId));
        QVERIFY(!pane->conversationView()->toPlainText().contains(QStringLiteral("package main")));
        pane->conversationView()->follow(QStringLiteral("toggle:%1").arg(toolId));
        QVERIFY(pane->conversationView()->isExpanded(toolId));
        QVERIFY(pane->conversationView()->toPlainText().contains(QStringLiteral("package main")));

        // Filters: only prompts; a query that cannot be read says why.
        pane->roleFilter()->setCurrentIndex(pane->roleFilter()->findData(QStringLiteral("user")));
        QVERIFY(waitForSearch(pane));
        QTRY_VERIFY(pane->results()->rowCount() > 0);
        for (int row = 0; row < pane->results()->rowCount(); ++row)
            QCOMPARE(
                pane->results()->index(row, 0).data(SearchResultsModel::RoleRole).toString(), QStringLiteral("user"));
        pane->search(QStringLiteral("\"unclosed"));
        QVERIFY(waitForSearch(pane));
        QTRY_VERIFY(pane->statusText().contains(QStringLiteral("quotation mark is not closed")));

        // Many hits page in as the list scrolls.
        pane->roleFilter()->setCurrentIndex(0);
        pane->search(QStringLiteral("the"));
        QVERIFY(waitForSearch(pane));
        QTRY_COMPARE(pane->results()->rowCount(), 50);
        QVERIFY(pane->results()->canFetchMore({}) || pane->results()->isRanked());
        results->scrollToBottom();
        QTRY_VERIFY(pane->results()->rowCount() > 50);
    }
};

QTEST_MAIN(TestTranscriptsPane)
#include "TestTranscriptsPane.moc"
