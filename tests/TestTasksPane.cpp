#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include "AstroTestData.h"
#include "ConversationView.h"
#include "DiffView.h"
#include "Events.h"
#include "EventsPane.h"
#include "Jobs.h"
#include "JobsPane.h"
#include "MainWindow.h"
#include "OrcTestData.h"
#include "ProjectOverviewWidget.h"
#include "Projects.h"
#include "Segments.h"
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

using namespace Qt::StringLiterals;
using namespace TestSupport;

// The Tasks, Events, Segments and Jobs tabs in the real window, clicked and typed into, over our
// own orc, out_of_context and Astro data (tests/data) imported into a real store; and the four
// paged lists read a few rows a page.
class TestTasksPane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    std::shared_ptr<Store> m_paging;
    qint64 m_pagingProject = 0;

    static void grab(QWidget *widget, const char *name)
    {
        const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            widget->grab().save(folder + u'/' + QLatin1StringView(name) + QStringLiteral(".png"));
    }

    template <typename T>
    static T *child(QObject *parent, const char *name)
    {
        return parent->findChild<T *>(QLatin1StringView(name));
    }

    static void clickRow(QAbstractItemView *view, int row)
    {
        const QModelIndex index = view->model()->index(row, 0);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

    // Clicks the link whose text is `text` in the browser; false when there is no such text.
    static bool clickLink(QTextBrowser *browser, const QString &text)
    {
        const QTextCursor found = browser->document()->find(text);
        if (found.isNull())
            return false;
        QTextCursor middle(browser->document());
        middle.setPosition((found.selectionStart() + found.selectionEnd()) / 2);
        browser->setTextCursor(middle);
        browser->ensureCursorVisible();
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, browser->cursorRect(middle).center());
        return true;
    }

    // Types into a closed combo box, as a person picks an item by its first letters.
    static void typeInto(QComboBox *box, const QString &text)
    {
        // After the keyboard's interval: a new search, not the end of the last one.
        QTest::qWait(QApplication::keyboardInputInterval() + 50);
        QTest::keyClicks(box, text);
    }

    // Selects all of a field's text and types `text` over it (an empty one clears it), then Return.
    static void typeAndEnter(QLineEdit *field, const QString &text)
    {
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Backspace);
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    }

    // Clicks a check box on its box (a click right of its text, in a wide one, misses it).
    static void clickCheckBox(QCheckBox *box)
    {
        QStyleOptionButton option;
        option.initFrom(box);
        const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
        QTest::mouseClick(box, Qt::LeftButton, {}, indicator.center());
    }

    // Answers the modal dialog named `name` once it shows (the click that opens it waits in its
    // exec()): `answer` fills it in and closes it.
    void whenShown(const QString &name, const std::function<void(QDialog *)> &answer)
    {
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [timer, name, answer] {
            for (QWidget *window : QApplication::topLevelWidgets()) {
                auto *dialog = qobject_cast<QDialog *>(window);
                if (dialog && dialog->objectName() == name && dialog->isVisible()) {
                    timer->stop();
                    timer->deleteLater();
                    answer(dialog);
                    return;
                }
            }
        });
        timer->start(20);
    }

    // Answers the next export dialog: the path typed in, "One zip file" ticked, Export clicked.
    void answerExportAsZip(const QString &pathWithoutZip)
    {
        whenShown(u"exportDialog"_s, [pathWithoutZip](QDialog *dialog) {
            auto *path = child<QLineEdit>(dialog, "exportPath");
            auto *zip = child<QCheckBox>(dialog, "exportZip");
            auto *ok = child<QPushButton>(dialog, "confirmExport");
            if (!path || !zip || !ok) {
                QTest::keyClick(dialog, Qt::Key_Escape);
                return;
            }
            QTest::keyClick(path, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(path, pathWithoutZip);
            clickCheckBox(zip); // adds ".zip" to the path
            QTest::mouseClick(ok, Qt::LeftButton);
        });
    }

    // Minutes after 2026-03-02 09:00 UTC; none (-1): no time.
    static QDateTime at(int minutes)
    {
        return minutes < 0 ? QDateTime() : QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC).addSecs(minutes * 60);
    }

    // The store the paging test reads: eight rows of each list in one project (ties in time, rows
    // without a time) and one of each in another project, which no list of the first may show.
    void makePagingStore()
    {
        auto opened = Store::open(m_dir.filePath(u"store-paging"_s), Store::OpenMode::CreateIfMissing);
        QVERIFY(opened);
        m_paging = std::move(*opened);
        const auto project = Projects::create(*m_paging, Projects::inFolder(u"orc"_s, u"/src/paging"_s));
        const auto other = Projects::create(*m_paging, Projects::inFolder(u"orc"_s, u"/src/elsewhere"_s));
        QVERIFY(project && other);
        m_pagingProject = project->id;

        // key, minutes, status
        const QList<std::tuple<QString, int, QString>> tasks = { { u"T-1"_s, 60, u"completed"_s },
            { u"T-2"_s, 120, u"failed"_s },
            { u"T-3"_s, 180, u"completed"_s },
            { u"T-4"_s, 180, u"failed"_s },
            { u"T-5"_s, -1, u"completed"_s },
            { u"T-6"_s, 240, u"failed"_s },
            { u"T-7"_s, 30, u"failed"_s },
            { u"T-8"_s, 300, u"completed"_s } };
        for (const auto &[key, minutes, status] : tasks) {
            Tasks::Task task;
            task.projectId = project->id;
            task.key = key;
            task.title = u"Paging "_s + key;
            task.status = status;
            task.createdAt = at(minutes);
            QVERIFY(Tasks::putTask(*m_paging, task));
        }
        // name, minutes, type
        const QList<std::tuple<QString, int, QString>> events = { { u"E1"_s, 0, u"phase"_s },
            { u"E2"_s, 10, u"phase"_s },
            { u"E3"_s, 10, u"gate"_s },
            { u"E4"_s, 20, u"phase"_s },
            { u"E5"_s, 5, u"gate"_s },
            { u"E6"_s, 30, u"phase"_s },
            { u"E7"_s, 30, u"gate"_s },
            { u"E8"_s, 40, u"gate"_s } };
        for (const auto &[name, minutes, type] : events) {
            Events::Event event;
            event.projectId = project->id;
            event.type = type;
            event.timestamp = at(minutes);
            event.payload = "{\"n\":\"" + name.toUtf8() + "\"}";
            event.key = name;
            const auto added = Events::add(*m_paging, event);
            QVERIFY(added && *added);
        }
        // key, minutes, tag
        const QList<std::tuple<QString, int, QString>> segments = { { u"S-1"_s, 60, u"misc"_s },
            { u"S-2"_s, 60, u"flagged"_s },
            { u"S-3"_s, -1, u"flagged"_s },
            { u"S-4"_s, 120, u"flagged"_s },
            { u"S-5"_s, 30, u"misc"_s },
            { u"S-6"_s, 200, u"misc"_s },
            { u"S-7"_s, 90, u"flagged"_s },
            { u"S-8"_s, 150, u"misc"_s } };
        for (const auto &[key, minutes, tag] : segments) {
            Segments::Segment segment;
            segment.projectId = project->id;
            segment.key = key;
            segment.kind = u"note"_s;
            segment.tier = u"stashed"_s;
            segment.tags = { tag };
            segment.createdAt = at(minutes);
            QVERIFY(Segments::put(*m_paging, segment));
        }
        // key, kind, run at, started (minutes)
        const QList<std::tuple<QString, QString, int, int>> jobs = { { u"J-1"_s, u"job"_s, 60, -1 },
            { u"J-2"_s, u"job"_s, 60, -1 },
            { u"J-3"_s, u"job"_s, -1, -1 },
            { u"J-4"_s, u"job"_s, -1, 120 },
            { u"J-5"_s, u"plan"_s, 10, -1 },
            { u"J-6"_s, u"agent"_s, -1, -1 },
            { u"J-7"_s, u"run"_s, 30, -1 },
            { u"J-8"_s, u"job"_s, 200, -1 } };
        for (const auto &[key, kind, runAt, started] : jobs) {
            Jobs::Job job;
            job.projectId = project->id;
            job.key = key;
            job.kind = kind;
            job.name = u"Paging "_s + key;
            job.runAt = at(runAt);
            job.startedAt = at(started);
            QVERIFY(Jobs::put(*m_paging, job));
        }

        // The other project's: newest or first of all, were they not filtered out.
        Tasks::Task task;
        task.projectId = other->id;
        task.key = u"T-9"_s;
        task.status = u"failed"_s;
        task.createdAt = at(400);
        QVERIFY(Tasks::putTask(*m_paging, task));
        Events::Event event;
        event.projectId = other->id;
        event.type = u"gate"_s;
        event.timestamp = at(1);
        event.payload = R"({"n":"E9"})";
        event.key = u"E9"_s;
        QVERIFY(Events::add(*m_paging, event));
        Segments::Segment segment;
        segment.projectId = other->id;
        segment.key = u"S-9"_s;
        segment.tags = { u"flagged"_s };
        segment.createdAt = at(400);
        QVERIFY(Segments::put(*m_paging, segment));
        Jobs::Job job;
        job.projectId = other->id;
        job.key = u"J-9"_s;
        job.kind = u"agent"_s;
        QVERIFY(Jobs::put(*m_paging, job));
    }

    // Reads the rows of `filter` into a `Model` `pageSize` rows a page until it has them all, and
    // checks they are `expected` (by `keyAt`), each page inserted once after the rows before it.
    template <typename Model, typename Filter, typename KeyAt>
    void pageThrough(const Filter &filter, int pageSize, const QStringList &expected, KeyAt keyAt)
    {
        Model model(nullptr, pageSize);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setQuery(m_paging, filter);
        QCOMPARE(model.rowCount(), 0);
        for (int fetches = 0; model.canFetchMore({}) && fetches < 100; ++fetches)
            model.fetchMore({});
        QVERIFY(!model.canFetchMore({}));
        QStringList keys;
        for (int row = 0; row < model.rowCount(); ++row)
            keys << keyAt(model, row);
        QCOMPARE(keys, expected); // each once, in order, none of the other project's
        QCOMPARE(inserted.size(), (expected.size() + pageSize - 1) / pageSize);
        QVERIFY(inserted.size() >= 2);
        int next = 0;
        for (const QList<QVariant> &signal : std::as_const(inserted)) {
            QCOMPARE(signal.at(1).toInt(), next);
            QVERIFY(signal.at(2).toInt() - next < pageSize);
            next = signal.at(2).toInt() + 1;
        }
        QCOMPARE(next, expected.size());
        // A new query starts again from its first page.
        model.setQuery(m_paging, filter);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), std::min(pageSize, int(expected.size())));
        QCOMPARE(keyAt(model, 0), expected.first());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(OrcTestData::makeProject(m_dir.filePath(u"birdsong"_s)));
        m_store = m_dir.filePath(QStringLiteral("store"));
        auto store = Store::open(m_store, Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        OrcImporter importer;
        QCOMPARE(importWith(importer, **store, m_dir.filePath(u"birdsong"_s)).tasks, 4);
        makePagingStore();
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
        auto *status = child<QComboBox>(pane, "taskStatusFilter");
        auto *search = child<QLineEdit>(pane, "taskSearch");
        auto *list = child<QTableView>(pane, "taskList");
        auto *detail = child<QTextBrowser>(pane, "taskDetail");
        auto *exportButton = child<QPushButton>(pane, "exportTask");
        QVERIFY(status && search && list && detail && exportButton);

        // Newest first; the status filter offers the statuses there are.
        QCOMPARE(pane->tasks()->rowCount(), 4);
        QCOMPARE(pane->tasks()->taskAt(0)->key, QStringLiteral("TASK-004"));
        QCOMPARE(status->count(), 5); // All, completed, created, failed, running
        typeInto(status, u"failed"_s);
        QCOMPARE(status->currentData().toString(), u"failed"_s);
        QCOMPARE(pane->tasks()->rowCount(), 1);
        QCOMPARE(pane->tasks()->taskAt(0)->key, QStringLiteral("TASK-003"));
        typeInto(status, u"All"_s);
        QCOMPARE(status->currentIndex(), 0);
        QCOMPARE(pane->tasks()->rowCount(), 4);
        // Typed in the search field, the title's words, whatever their case.
        typeAndEnter(search, u"Timezone drift"_s);
        QCOMPARE(pane->tasks()->rowCount(), 1);
        QCOMPARE(pane->tasks()->taskAt(0)->key, QStringLiteral("TASK-002"));
        typeAndEnter(search, QString());
        QCOMPARE(pane->tasks()->rowCount(), 4);
        // Sorting by a column: its header clicked until it sorts from the most.
        QHeaderView *header = list->horizontalHeader();
        const QPoint cost(header->sectionViewportPosition(TaskListModel::Cost) + 4, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, cost);
        if (header->sortIndicatorOrder() != Qt::DescendingOrder)
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, cost);
        QCOMPARE(header->sortIndicatorSection(), int(TaskListModel::Cost));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(pane->tasks()->taskAt(0)->key, QStringLiteral("TASK-001"));

        // The detail of the row clicked: phases, the rejected review, the attachment, the
        // conversations.
        clickRow(list, 3);
        QVERIFY(pane->chosenTask());
        QCOMPARE(pane->chosenTask()->key, pane->tasks()->taskAt(3)->key);
        clickRow(list, 0);
        QVERIFY(pane->chosenTask());
        QCOMPARE(pane->chosenTask()->key, QStringLiteral("TASK-001"));
        QVERIFY(exportButton->isEnabled());
        const QString text = detail->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Attach photos to sightings")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("tdd_write")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("rejected")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sketch.png")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("TASK-001 implement")), qPrintable(text));
        grab(&window, "tasks-pane");

        // An attachment's "Save…" clicked: saved where the person chooses.
        const QString saved = m_dir.filePath(QStringLiteral("saved/sketch.png"));
        QVERIFY(QDir().mkpath(QFileInfo(saved).absolutePath()));
        pane->setChooseSavePath(
            [&saved](QWidget *, const QString &suggested) { return suggested == u"sketch.png" ? saved : QString(); });
        QVERIFY(clickLink(detail, u"Save…"_s));
        QTRY_COMPARE(readAll(saved).left(4), QByteArray("\x89PNG"));
        QVERIFY2(pane->statusText().startsWith(u"Saved "_s), qPrintable(pane->statusText()));

        // A conversation's link clicked opens the Transcripts tab at its first message.
        QVERIFY(clickLink(detail, u"TASK-001 implement"_s));
        QTRY_COMPARE(window.tabs()->currentWidget(), window.transcripts());
        QVERIFY(window.transcripts()->conversationView()->focusedMessage() > 0);
        window.tabs()->setCurrentWidget(pane);

        // Task ▸ Export…, the dialog filled in: a zip that verifies against its manifest.
        QVERIFY(window.exportTaskAction()->isEnabled());
        const QString target = m_dir.filePath(QStringLiteral("exports/TASK-001"));
        answerExportAsZip(target);
        window.exportTaskAction()->trigger();
        const QString zip = target + u".zip"_s;
        QTRY_VERIFY2(QFileInfo::exists(zip), qPrintable(pane->statusText()));
        QVERIFY2(pane->statusText().contains(QStringLiteral("Exported TASK-001")), qPrintable(pane->statusText()));
        QCOMPARE(*TaskExport::verify(zip), QStringList());
        // A second export to the same place (the pane's Export… clicked) is refused and says so;
        // the first is untouched.
        answerExportAsZip(target);
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QTRY_VERIFY2(pane->statusText().contains(QStringLiteral("already exists")), qPrintable(pane->statusText()));
        QCOMPARE(*TaskExport::verify(zip), QStringList());
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
        auto *type = child<QComboBox>(pane, "eventTypeFilter");
        auto *from = child<QLineEdit>(pane, "eventsFrom");
        auto *list = child<QTableView>(pane, "eventList");
        auto *payload = child<QPlainTextEdit>(pane, "eventPayload");
        QVERIFY(type && from && list && payload);
        QCOMPARE(pane->events()->rowCount(), 17);
        QVERIFY(type->findData(QStringLiteral("files_changed")) > 0);

        // A type chosen by typing its name in the filter; then a day typed in "from" (UTC).
        typeInto(type, u"phase"_s);
        QCOMPARE(type->currentData().toString(), u"phase"_s);
        QCOMPARE(pane->events()->rowCount(), 5);
        typeAndEnter(from, u"2026-02-04"_s);
        QCOMPARE(pane->events()->rowCount(), 3);
        typeAndEnter(from, u"yesterday"_s);
        QVERIFY2(pane->statusText().contains(QStringLiteral("2026-01-21 14:00")), qPrintable(pane->statusText()));
        typeAndEnter(from, QString());
        QCOMPARE(pane->events()->rowCount(), 5);
        typeInto(type, u"files"_s);
        QCOMPARE(type->currentData().toString(), u"files_changed"_s);
        QCOMPARE(pane->events()->rowCount(), 1);
        // The row clicked: its payload, formatted.
        clickRow(list, 0);
        const QString shown = payload->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("\n    \"files\": [")), qPrintable(shown)); // formatted
        QVERIFY2(shown.contains(QStringLiteral("tests/test_photos.py")), qPrintable(shown));
        grab(&window, "events-pane");
    }

    void segmentsByTaskFileAndTag()
    {
        const QString store = m_dir.filePath(QStringLiteral("store-segments"));
        QVERIFY(copyTree(testData(u"out_of_context"_s), m_dir.filePath(QStringLiteral("ooc"))));
        {
            auto opened = Store::open(store, Store::OpenMode::CreateIfMissing);
            QVERIFY(opened);
            OutOfContextImporter importer;
            QCOMPARE(importWith(importer, **opened, m_dir.filePath(QStringLiteral("ooc/v2-project"))).segments, 6);
        }
        Settings settings(m_dir.filePath(QStringLiteral("settings3.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(store));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The project with the segments (tide-tables), clicked in the sidebar.
        QListView *sidebar = window.projectList();
        int row = 0;
        for (; row < sidebar->model()->rowCount(); ++row)
            if (sidebar->model()->index(row, 0).data().toString() == u"tide-tables")
                break;
        QVERIFY(row < sidebar->model()->rowCount());
        clickRow(sidebar, row);
        QCOMPARE(sidebar->currentIndex().data().toString(), u"tide-tables"_s);
        SegmentsPane *pane = window.segmentsPane();
        window.tabs()->setCurrentWidget(pane);
        QAbstractItemModelTester tester(pane->segments(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *facet = child<QComboBox>(pane, "segmentFacet");
        auto *values = child<QListWidget>(pane, "segmentValues");
        auto *list = child<QTableView>(pane, "segmentList");
        auto *text = child<QTextBrowser>(pane, "segmentText");
        QVERIFY(facet && values && list && text);
        QCOMPARE(pane->segments()->rowCount(), 5); // 4 stashed, 1 evicted
        // By task: "All segments", add-csv-export (1), fix-dst-offset (4).
        QCOMPARE(values->count(), 3);
        QCOMPARE(values->item(2)->text(), QStringLiteral("fix-dst-offset (4)"));
        clickRow(values, 1);
        QCOMPARE(pane->segments()->rowCount(), 1);
        // By tag, chosen with the arrow keys.
        QTest::keyClick(facet, Qt::Key_Down);
        QTest::keyClick(facet, Qt::Key_Down);
        QCOMPARE(facet->currentIndex(), 2);
        const QList<QListWidgetItem *> tagged = values->findItems(QStringLiteral("timezone (2)"), Qt::MatchExactly);
        QCOMPARE(tagged.size(), 1);
        clickRow(values, values->row(tagged.first()));
        QCOMPARE(pane->segments()->rowCount(), 2);
        // By file.
        QTest::keyClick(facet, Qt::Key_Up);
        QCOMPARE(facet->currentIndex(), 1);
        QCOMPARE(values->count(), 2); // All segments, the one file
        QCOMPARE(values->item(1)->text(), QStringLiteral("tides/predict.py (2)"));
        clickRow(values, 1);
        QCOMPARE(pane->segments()->rowCount(), 2);
        // The segment clicked: its text (a log keeps its lines).
        clickRow(list, 0);
        QVERIFY2(text->toPlainText().contains(QStringLiteral("AssertionError: expected 06:12, got 07:12")),
            qPrintable(text->toPlainText()));
        grab(&window, "segments-pane");
    }

    void projectsOfOneWorkspaceAreLinked()
    {
        const QString store = m_dir.filePath(QStringLiteral("store-same"));
        {
            auto opened = Store::open(store, Store::OpenMode::CreateIfMissing);
            QVERIFY(opened);
            Project orc = Projects::inFolder(QStringLiteral("orc"), QStringLiteral("/src/shop"));
            orc.name = QStringLiteral("shop tasks");
            QVERIFY(Projects::create(
                **opened, Projects::inFolder(QStringLiteral("claude-code"), QStringLiteral("/src/shop"))));
            QVERIFY(Projects::create(**opened, orc));
        }
        Settings settings(m_dir.filePath(QStringLiteral("settings5.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(store));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.projectList()->setCurrentIndex(window.projectList()->model()->index(0, 0)); // "shop"
        QVERIFY2(window.overview()->shownSameWorkspace().contains(QStringLiteral("shop tasks</a> (orc)")),
            qPrintable(window.overview()->shownSameWorkspace()));
        const QList<QLabel *> label = window.overview()->findChildren<QLabel *>();
        QLabel *links = nullptr;
        for (QLabel *candidate : label)
            if (candidate->text().contains(QStringLiteral("project:")))
                links = candidate;
        QVERIFY(links);
        const QString text = links->text();
        const qsizetype at = text.indexOf(QStringLiteral("project:"));
        emit links->linkActivated(text.mid(at, text.indexOf(u'"', at) - at));
        QCOMPARE(window.projectList()->currentIndex().data().toString(), QStringLiteral("shop tasks"));
    }

    void jobsByKind()
    {
        const QString store = m_dir.filePath(QStringLiteral("store-jobs"));
        QVERIFY(AstroTestData::make(m_dir.filePath(QStringLiteral("astro"))));
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
        auto *kind = child<QComboBox>(pane, "jobKindFilter");
        auto *list = child<QTableView>(pane, "jobList");
        auto *detail = child<QPlainTextEdit>(pane, "jobDetail");
        QVERIFY(kind && list && detail);
        QCOMPARE(pane->jobs()->rowCount(), 6); // 1 plan, 2 runs, 3 jobs
        // "Jobs" typed in the kind filter: the queue, newest run-at first.
        typeInto(kind, u"Jobs"_s);
        QCOMPARE(kind->currentIndex(), 4);
        QCOMPARE(pane->jobs()->rowCount(), 3);
        QCOMPARE(pane->jobs()->data(pane->jobs()->index(0, JobListModel::Status)).toString(), u"pending"_s);
        QCOMPARE(pane->jobs()->data(pane->jobs()->index(1, JobListModel::Status)).toString(), u"retrying"_s);
        QCOMPARE(pane->jobs()->data(pane->jobs()->index(2, JobListModel::Status)).toString(), u"completed"_s);
        QCOMPARE(pane->jobs()->data(pane->jobs()->index(1, JobListModel::Attempts)).toString(), QStringLiteral("2/3"));
        // The retrying one clicked: its row as Astro had it, with the last error.
        clickRow(list, 1);
        QVERIFY2(detail->toPlainText().contains(QStringLiteral("connect ETIMEDOUT 192.0.2.10:8080")),
            qPrintable(detail->toPlainText()));
        grab(&window, "jobs-pane");
        // Up to "Agents": there are none, and the pane says where they come from.
        QTest::keyClick(kind, Qt::Key_Up);
        QCOMPARE(kind->currentIndex(), 3);
        QCOMPARE(pane->jobs()->rowCount(), 0);
        QVERIFY2(pane->statusText().startsWith(u"Nothing here."_s), qPrintable(pane->statusText()));
        QVERIFY(detail->toPlainText().isEmpty());
    }

    // The four paged lists over the paging store, read 1, 2 and 3 rows a page (fewer than there
    // are: fetchMore runs several times), all rows and a filter's: every row comes once, in the
    // list's order, each page appended after the rows before it, with the model tester watching.
    // Ties in time and rows without one are where keyset paging goes wrong.
    void pagedListsFetchEveryRowOnceInOrder_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<QStringList>("expected");
        const QList<std::tuple<const char *, const char *, QStringList>> lists = {
            // Newest created first (T-3 and T-4 at the same time: the later id first), T-5 without
            // a time last; T-9 is another project's.
            { "tasks", "", { u"T-8"_s, u"T-6"_s, u"T-4"_s, u"T-3"_s, u"T-2"_s, u"T-1"_s, u"T-7"_s, u"T-5"_s } },
            { "tasks", "failed", { u"T-6"_s, u"T-4"_s, u"T-2"_s, u"T-7"_s } },
            // Oldest first (E2 and E3, E6 and E7 at the same time: by id).
            { "events", "", { u"E1"_s, u"E5"_s, u"E2"_s, u"E3"_s, u"E4"_s, u"E6"_s, u"E7"_s, u"E8"_s } },
            { "events", "gate", { u"E5"_s, u"E3"_s, u"E7"_s, u"E8"_s } },
            // Newest created first (S-1 and S-2 at the same time: the later id first), S-3 without
            // a time last.
            { "segments", "", { u"S-6"_s, u"S-8"_s, u"S-4"_s, u"S-7"_s, u"S-2"_s, u"S-1"_s, u"S-5"_s, u"S-3"_s } },
            { "segments", "flagged", { u"S-4"_s, u"S-7"_s, u"S-2"_s, u"S-3"_s } },
            // By kind, then newest run-at (or start) first (J-1 and J-2 at the same time: by id),
            // J-3 without a time last of its kind.
            { "jobs", "", { u"J-6"_s, u"J-8"_s, u"J-4"_s, u"J-1"_s, u"J-2"_s, u"J-3"_s, u"J-5"_s, u"J-7"_s } },
            { "jobs", "job", { u"J-8"_s, u"J-4"_s, u"J-1"_s, u"J-2"_s, u"J-3"_s } },
        };
        for (const auto &[list, filter, expected] : lists)
            for (const int pageSize : { 1, 2, 3 })
                QTest::addRow("%s%s%s, %d a page", list, *filter ? " of " : "", filter, pageSize)
                    << QString::fromLatin1(list) << QString::fromLatin1(filter) << pageSize << expected;
    }

    void pagedListsFetchEveryRowOnceInOrder()
    {
        QFETCH(QString, list);
        QFETCH(QString, filter);
        QFETCH(int, pageSize);
        QFETCH(QStringList, expected);
        QVERIFY(m_paging);
        if (list == u"tasks") {
            Tasks::Filter chosen;
            chosen.projectId = m_pagingProject;
            chosen.status = filter;
            pageThrough<TaskListModel>(
                chosen, pageSize, expected, [](const TaskListModel &model, int row) { return model.taskAt(row)->key; });
        } else if (list == u"events") {
            Events::Filter chosen;
            chosen.projectId = m_pagingProject;
            if (!filter.isEmpty())
                chosen.types << filter;
            pageThrough<EventsModel>(chosen, pageSize, expected, [](const EventsModel &model, int row) {
                return QJsonDocument::fromJson(model.eventAt(row)->payload)[u"n"].toString();
            });
        } else if (list == u"segments") {
            Segments::Filter chosen;
            chosen.projectId = m_pagingProject;
            chosen.tag = filter;
            pageThrough<SegmentListModel>(chosen, pageSize, expected, [](const SegmentListModel &model, int row) {
                return model.segmentAt(row)->key;
            });
        } else {
            Jobs::Filter chosen;
            chosen.projectId = m_pagingProject;
            chosen.kind = filter;
            pageThrough<JobListModel>(
                chosen, pageSize, expected, [](const JobListModel &model, int row) { return model.jobAt(row)->key; });
        }
    }
};

QTEST_MAIN(TestTasksPane)
#include "TestTasksPane.moc"
