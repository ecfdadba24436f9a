#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include "ConversationView.h"
#include "EventsPane.h"
#include "JobsPane.h"
#include "MainWindow.h"
#include "ProjectOverviewWidget.h"
#include "Projects.h"
#include "SegmentsPane.h"
#include "Settings.h"
#include "Store.h"
#include "TaskExport.h"
#include "TasksPane.h"
#include "TestSupport.h"
#include "TranscriptsPane.h"
#include "astro/AstroImporter.h"
#include "orc/OrcImporter.h"
#include "outofcontext/OutOfContextImporter.h"

using namespace TestSupport;

// The Tasks, Events, Segments and Jobs tabs in the real window over the seed corpus
// (seed-systems/orc, out_of_context and astro beside the checkout) imported into a real store.
class CorpusTasksPane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    static void grab(QWidget *widget, const char *name)
    {
        const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            widget->grab().save(folder + u'/' + QLatin1StringView(name) + QStringLiteral(".png"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        STRATA_REQUIRE_CORPUS();
        QVERIFY(
            copyTree(corpus(QStringLiteral("seed-systems/orc/project")), m_dir.filePath(QStringLiteral("orc-demo"))));
        m_store = m_dir.filePath(QStringLiteral("store"));
        auto store = Store::open(m_store, Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        OrcImporter importer;
        QCOMPARE(importWith(importer, **store, m_dir.filePath(QStringLiteral("orc-demo"))).tasks, 4);
    }

    void opensATaskAndExportsIt()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(m_store));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TasksPane *pane = window.tasksPane();
        window.tabs()->setCurrentWidget(pane);
        QAbstractItemModelTester tester(pane->tasks(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Newest first; the status filter offers the statuses there are.
        QCOMPARE(pane->tasks()->rowCount(), 4);
        QCOMPARE(pane->tasks()->taskAt(0)->key, QStringLiteral("TASK-004"));
        QCOMPARE(pane->statusFilter()->count(), 5); // All, completed, created, failed, running
        pane->statusFilter()->setCurrentIndex(pane->statusFilter()->findData(QStringLiteral("failed")));
        emit pane->statusFilter()->activated(pane->statusFilter()->currentIndex());
        QCOMPARE(pane->tasks()->rowCount(), 1);
        QCOMPARE(pane->tasks()->taskAt(0)->key, QStringLiteral("TASK-003"));
        pane->statusFilter()->setCurrentIndex(0);
        emit pane->statusFilter()->activated(0);
        pane->searchField()->setText(QStringLiteral("csv export"));
        emit pane->searchField()->returnPressed();
        QCOMPARE(pane->tasks()->rowCount(), 1);
        pane->searchField()->clear();
        emit pane->searchField()->returnPressed();
        // Sorting by a column.
        pane->taskView()->sortByColumn(TaskListModel::Cost, Qt::DescendingOrder);
        QCOMPARE(pane->tasks()->taskAt(0)->key, QStringLiteral("TASK-001"));

        // The detail: phases, the rejected review, the attachment, the conversations.
        pane->selectTask(0);
        const QString detail = pane->detail()->toPlainText();
        QVERIFY2(detail.contains(QStringLiteral("Add CSV export to the task list")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("tdd_write")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("rejected")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("mockup.png")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("TASK-001 implement")), qPrintable(detail));
        grab(&window, "tasks-pane");

        // An attachment saved where the person chooses.
        const QString saved = m_dir.filePath(QStringLiteral("saved/mockup.png"));
        QVERIFY(QDir().mkpath(QFileInfo(saved).absolutePath()));
        pane->setChooseSavePath(
            [&saved](QWidget *, const QString &suggested) { return suggested == u"mockup.png" ? saved : QString(); });
        const QString html = pane->detail()->toHtml();
        const qsizetype link = html.indexOf(QStringLiteral("attachment:"));
        QVERIFY(link > 0);
        pane->openLink(QUrl(html.mid(link, html.indexOf(u'"', link) - link)));
        QCOMPARE(readAll(saved).left(4), QByteArray("\x89PNG"));

        // A conversation link opens the Transcripts tab at its first message.
        pane->openLink(QUrl(QStringLiteral("session:1")));
        QCOMPARE(window.tabs()->currentWidget(), window.transcripts());
        window.tabs()->setCurrentWidget(pane);

        // Task ▸ Export… with the dialog's answer: a zip that verifies against its manifest.
        const QString target = m_dir.filePath(QStringLiteral("exports/TASK-001.zip"));
        pane->setChooseExport([&target](QWidget *, const Tasks::Task &task) -> std::optional<TaskExport::Options> {
            if (task.key != u"TASK-001")
                return std::nullopt;
            TaskExport::Options options;
            options.target = target;
            options.zip = true;
            return options;
        });
        QVERIFY(window.exportTaskAction()->isEnabled());
        window.exportTaskAction()->trigger();
        QVERIFY2(QFileInfo::exists(target), qPrintable(pane->statusText()));
        QVERIFY2(pane->statusText().contains(QStringLiteral("Exported TASK-001")), qPrintable(pane->statusText()));
        QCOMPARE(*TaskExport::verify(target), QStringList());
        // A second export to the same place is refused and says so; the first is untouched.
        QVERIFY(!pane->exportChosen());
        QVERIFY2(pane->statusText().contains(QStringLiteral("already exists")), qPrintable(pane->statusText()));
        QCOMPARE(*TaskExport::verify(target), QStringList());
    }

    void theEventLogFiltersAndShowsPayloads()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings2.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(m_store));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        EventsPane *pane = window.eventsPane();
        window.tabs()->setCurrentWidget(pane);
        QAbstractItemModelTester tester(pane->events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(pane->events()->rowCount(), 14);
        QVERIFY(pane->typeFilter()->findData(QStringLiteral("files_changed")) > 0);

        pane->typeFilter()->setCurrentIndex(pane->typeFilter()->findData(QStringLiteral("phase")));
        pane->applyFilters();
        QCOMPARE(pane->events()->rowCount(), 4);
        pane->fromField()->setText(QStringLiteral("2026-01-21"));
        pane->applyFilters();
        QCOMPARE(pane->events()->rowCount(), 2);
        pane->fromField()->setText(QStringLiteral("yesterday"));
        pane->applyFilters();
        QVERIFY2(pane->statusText().contains(QStringLiteral("2026-01-21 14:00")), qPrintable(pane->statusText()));
        pane->fromField()->clear();
        pane->typeFilter()->setCurrentIndex(pane->typeFilter()->findData(QStringLiteral("files_changed")));
        pane->applyFilters();
        QCOMPARE(pane->events()->rowCount(), 1);
        pane->selectEvent(0);
        const QString payload = pane->payloadView()->toPlainText();
        QVERIFY2(payload.contains(QStringLiteral("\n    \"files\": [")), qPrintable(payload)); // formatted
        QVERIFY2(payload.contains(QStringLiteral("cmd_export_csv_test.go")), qPrintable(payload));
        grab(&window, "events-pane");
    }

    void segmentsByTaskFileAndTag()
    {
        const QString store = m_dir.filePath(QStringLiteral("store-segments"));
        QVERIFY(copyTree(corpus(QStringLiteral("seed-systems/out_of_context")), m_dir.filePath(QStringLiteral("ooc"))));
        {
            auto opened = Store::open(store, Store::OpenMode::CreateIfMissing);
            QVERIFY(opened);
            OutOfContextImporter importer;
            QCOMPARE(importWith(importer, **opened, m_dir.filePath(QStringLiteral("ooc/v2-project"))).segments, 10);
        }
        Settings settings(m_dir.filePath(QStringLiteral("settings3.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(store));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The project with the segments (webshop-api).
        QListView *sidebar = window.projectList();
        int row = 0;
        for (; row < sidebar->model()->rowCount(); ++row)
            if (sidebar->model()->index(row, 0).data().toString() == u"webshop-api")
                break;
        sidebar->setCurrentIndex(sidebar->model()->index(row, 0));
        SegmentsPane *pane = window.segmentsPane();
        window.tabs()->setCurrentWidget(pane);
        QAbstractItemModelTester tester(pane->segments(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(pane->segments()->rowCount(), 8); // 7 stashed, 1 evicted
        // By task: "All segments", add-rate-limit (1), fix-checkout-500 (7).
        QCOMPARE(pane->values()->count(), 3);
        QCOMPARE(pane->values()->item(2)->text(), QStringLiteral("fix-checkout-500 (7)"));
        pane->chooseValue(1);
        QCOMPARE(pane->segments()->rowCount(), 1);
        pane->browseBy(2); // by tag
        const QList<QListWidgetItem *> checkout
            = pane->values()->findItems(QStringLiteral("checkout (3)"), Qt::MatchExactly);
        QCOMPARE(checkout.size(), 1);
        pane->chooseValue(pane->values()->row(checkout.first()));
        QCOMPARE(pane->segments()->rowCount(), 3);
        pane->browseBy(1); // by file
        pane->chooseValue(1);
        QCOMPARE(pane->segments()->rowCount(), 2);
        pane->selectSegment(0);
        QVERIFY2(
            pane->text()->toPlainText().contains(QStringLiteral("checkout")), qPrintable(pane->text()->toPlainText()));
        grab(&window, "segments-pane");
    }

    void jobsByKind()
    {
        const QString store = m_dir.filePath(QStringLiteral("store-jobs"));
        QVERIFY(copyTree(corpus(QStringLiteral("seed-systems/astro")), m_dir.filePath(QStringLiteral("astro"))));
        {
            auto opened = Store::open(store, Store::OpenMode::CreateIfMissing);
            QVERIFY(opened);
            AstroImporter importer;
            QCOMPARE(
                importWith(importer, **opened, m_dir.filePath(QStringLiteral("astro/astro-inferred/astro.db"))).jobs,
                6);
        }
        Settings settings(m_dir.filePath(QStringLiteral("settings4.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(store));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        JobsPane *pane = window.jobsPane();
        window.tabs()->setCurrentWidget(pane);
        QAbstractItemModelTester tester(pane->jobs(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(pane->jobs()->rowCount(), 6);
        pane->showKind(4); // jobs
        QCOMPARE(pane->jobs()->rowCount(), 3);
        QCOMPARE(pane->jobs()->data(pane->jobs()->index(1, JobListModel::Attempts)).toString(), QStringLiteral("1/3"));
        pane->selectJob(1);
        QVERIFY2(pane->detailView()->toPlainText().contains(QStringLiteral("ECONNREFUSED")),
            qPrintable(pane->detailView()->toPlainText()));
        grab(&window, "jobs-pane");
    }
};

QTEST_MAIN(CorpusTasksPane)
#include "CorpusTasksPane.moc"
