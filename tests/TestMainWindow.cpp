#include <QAction>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "DemoStore.h"
#include "Importer.h"
#include "MainWindow.h"
#include "ProjectOverviewWidget.h"
#include "Projects.h"
#include "Search.h"
#include "SearchResultsModel.h"
#include "Settings.h"
#include "Sql.h"
#include "TranscriptsPane.h"
#include "WelcomeWidget.h"

// The real window, clicked and typed into under the offscreen platform.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString settingsFile() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

    // A store with three projects; the second has two sessions, so the overview has something to
    // count.
    QString makeStore(const QString &name)
    {
        const QString folder = m_dir.filePath(name);
        auto store = Store::open(folder, Store::OpenMode::CreateIfMissing);
        if (!store)
            return {};
        qint64 second = 0;
        for (const char *projectName : { "alpha-service", "blog", "tomato-tracker" }) {
            Project project;
            project.name = QLatin1StringView(projectName);
            project.sourceKind = QStringLiteral("pocketagent");
            project.sourceLocation = QStringLiteral("/data/projects/") + project.name;
            project.workspaceRoot = m_dir.path();
            const auto created = Projects::create(**store, project);
            if (project.name == u"blog")
                second = created->id;
        }
        const QSqlDatabase db = (*store)->database();
        (void)Sql::run(db,
            QStringLiteral("INSERT INTO sessions (project_id, source_kind, external_id) VALUES (?, 'test', 'a'), (?, "
                           "'test', 'b')"),
            { second, second });
        return folder;
    }

    static void click(QListView *view, int row)
    {
        const QModelIndex index = view->model()->index(row, 0);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void showsTheWelcomePageWithoutAStore()
    {
        QFile::remove(settingsFile());
        Settings settings(settingsFile());
        MainWindow window(settings);
        window.openLastStoreOrWelcome();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showsWelcome());
        QVERIFY(window.welcomePage()->findChild<QPushButton *>(QStringLiteral("newStoreButton"))->isVisible());
        QVERIFY(window.welcomePage()->findChild<QPushButton *>(QStringLiteral("openStoreButton"))->isVisible());
        QVERIFY(!window.welcomePage()->findChild<QListWidget *>(QStringLiteral("recentStores"))->isVisible());
    }

    void clickingAProjectShowsItsOverview()
    {
        const QString folder = makeStore(QStringLiteral("click"));
        QVERIFY(!folder.isEmpty());
        Settings settings(settingsFile());
        MainWindow window(settings);
        QVERIFY(window.openStore(folder));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.showsWelcome());
        QCOMPARE(window.projectList()->model()->rowCount(), 3);
        QCOMPARE(window.overview()->shownName(), QStringLiteral("alpha-service")); // the first is selected

        click(window.projectList(), 1);
        QCOMPARE(window.overview()->shownName(), QStringLiteral("blog"));
        QTRY_COMPARE(window.overview()->shownCount(QStringLiteral("sessions")), QStringLiteral("2"));
        QCOMPARE(window.overview()->shownCount(QStringLiteral("messages")), QStringLiteral("0"));
        const auto labels = window.overview()->findChildren<QLabel *>();
        const bool showsWorkspace = std::any_of(labels.begin(), labels.end(), [this](const QLabel *label) {
            return label->isVisible() && label->text() == QDir::toNativeSeparators(m_dir.path());
        });
        QVERIFY(showsWorkspace);

        click(window.projectList(), 2);
        QCOMPARE(window.overview()->shownName(), QStringLiteral("tomato-tracker"));
        QTRY_COMPARE(window.overview()->shownCount(QStringLiteral("sessions")), QStringLiteral("0"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("click")));
    }

    void reopensTheLastStore()
    {
        const QString folder = makeStore(QStringLiteral("last"));
        Settings settings(settingsFile());
        {
            MainWindow first(settings);
            QVERIFY(first.openStore(folder));
            first.show();
            first.close(); // saves the geometry
        }
        QVERIFY(!settings.windowGeometry().isEmpty());
        MainWindow second(settings);
        second.openLastStoreOrWelcome();
        QVERIFY(second.store());
        QCOMPARE(second.store()->folder(), QFileInfo(folder).absoluteFilePath());
        QVERIFY(second.welcomePage()->findChild<QListWidget *>(QStringLiteral("recentStores"))->count() >= 1);
    }

    void aStoreThatCannotOpenIsExplainedOnTheWelcomePage()
    {
        const QString folder = makeStore(QStringLiteral("newer"));
        {
            auto store = Store::open(folder, Store::OpenMode::OpenExisting);
            QVERIFY(Sql::run((*store)->database(), QStringLiteral("PRAGMA user_version = 77")));
        }
        Settings settings(settingsFile());
        MainWindow window(settings);
        window.show();
        QVERIFY(!window.openStore(folder));
        QVERIFY(window.showsWelcome());
        QVERIFY(!window.store());
        QVERIFY2(window.welcomePage()->shownError().contains(QStringLiteral("newer Strata")),
            qPrintable(window.welcomePage()->shownError()));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("newer Strata")));
    }

    void newStoreFromTheWelcomePage()
    {
        const QString folder = m_dir.filePath(QStringLiteral("made-by-button"));
        Settings settings(settingsFile());
        MainWindow window(settings);
        MainWindow::Dialogs dialogs;
        dialogs.chooseFolder = [folder](QWidget *, MainWindow::FolderPurpose purpose) {
            return purpose == MainWindow::FolderPurpose::NewStore ? folder : QString();
        };
        window.setDialogs(dialogs);
        window.show();
        window.closeStore();
        QVERIFY(window.showsWelcome());
        QTest::mouseClick(
            window.welcomePage()->findChild<QPushButton *>(QStringLiteral("newStoreButton")), Qt::LeftButton);
        QVERIFY(window.store());
        QVERIFY(QFile::exists(folder + QStringLiteral("/strata.db")));
        QCOMPARE(window.projectList()->model()->rowCount(), 0);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("no projects yet")));

        // Open Store with a cancelled chooser changes nothing.
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
        QVERIFY(window.store());
    }

    void aRecentStoreOpensFromTheList()
    {
        const QString folder = makeStore(QStringLiteral("recent"));
        Settings settings(settingsFile());
        settings.noteStoreOpened(QFileInfo(folder).absoluteFilePath());
        MainWindow window(settings);
        window.show();
        QVERIFY(window.showsWelcome());
        auto *recent = window.welcomePage()->findChild<QListWidget *>(QStringLiteral("recentStores"));
        QVERIFY(recent->isVisible());
        QCOMPARE(recent->item(0)->data(Qt::UserRole).toString(), QFileInfo(folder).absoluteFilePath());
        recent->setCurrentRow(0);
        QTest::keyClick(recent, Qt::Key_Return);
        QVERIFY(window.store());
        QCOMPARE(window.projectList()->model()->rowCount(), 3);
    }

    void renameAndDeleteFromTheKeyboard()
    {
        const QString folder = makeStore(QStringLiteral("edit"));
        Settings settings(settingsFile());
        MainWindow window(settings);
        QStringList asked;
        std::optional<QString> answer = QStringLiteral("blog (personal)");
        bool confirmation = false;
        MainWindow::Dialogs dialogs;
        dialogs.askText = [&](QWidget *, const QString &, const QString &, const QString &text) {
            asked << text;
            return answer;
        };
        dialogs.confirm = [&](QWidget *, const QString &, const QString &question) {
            asked << question;
            return confirmation;
        };
        window.setDialogs(dialogs);
        QVERIFY(window.openStore(folder));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListView *list = window.projectList();
        click(list, 1);
        QCOMPARE(window.overview()->shownName(), QStringLiteral("blog"));

        QTest::keyClick(list, Qt::Key_F2);
        QCOMPARE(asked, QStringList{ QStringLiteral("blog") }); // the dialog offered the old name
        QCOMPARE(window.overview()->shownName(), QStringLiteral("blog (personal)"));
        QCOMPARE(list->currentIndex().data().toString(), QStringLiteral("blog (personal)"));

        answer.reset(); // cancelled: nothing changes
        QTest::keyClick(list, Qt::Key_F2);
        QCOMPARE(window.overview()->shownName(), QStringLiteral("blog (personal)"));

        asked.clear();
        QTest::keyClick(list, Qt::Key_Delete); // not confirmed
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(QStringLiteral("workspace files on disk are not touched")),
            qPrintable(asked.first()));
        QCOMPARE(list->model()->rowCount(), 3);

        confirmation = true;
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(list->model()->rowCount(), 2);
        QCOMPARE(window.overview()->shownName(), QStringLiteral("tomato-tracker")); // the next one is selected
        QCOMPARE(Projects::all(*window.store())->size(), 2);
        QTRY_COMPARE(window.overview()->shownCount(QStringLiteral("sessions")), QStringLiteral("0"));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Deleted")));
    }

    void openDemoBuildsAStoreFromTheSamples()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(DemoStore::folder()).removeRecursively();
        Settings settings(settingsFile());
        MainWindow window(settings);
        window.show();
        window.closeStore();
        QTest::mouseClick(
            window.welcomePage()->findChild<QPushButton *>(QStringLiteral("openDemoButton")), Qt::LeftButton);
        QVERIFY(window.store());
        QCOMPARE(window.store()->folder(), QFileInfo(DemoStore::folder()).absoluteFilePath());
        // One project from each agent's sample.
        QCOMPARE(window.projectList()->model()->rowCount(), 4);
        Search::Request request;
        for (const char *word : { "basil", "базилік", "数据帧", "ROUND_HALF_UP", "seeds.csv" }) {
            request.query = QString::fromUtf8(word);
            const auto page = Search::run(*window.store(), request);
            QVERIFY2(page && !page->hits.isEmpty(), word);
        }
        // What the README shows: the demo, searched, a hit opened.
        if (const QString shots = qEnvironmentVariable("STRATA_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1200, 720);
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.grab().save(shots + QStringLiteral("/demo-overview.png"));
            window.tabs()->setCurrentWidget(window.transcripts());
            window.transcripts()->search(QStringLiteral("checksum OR базилік"));
            QTRY_VERIFY(
                !window.transcripts()->results()->isSearching() && window.transcripts()->results()->rowCount() > 0);
            window.transcripts()->openHit(0);
            QTest::qWait(100);
            window.grab().save(shots + QStringLiteral("/demo-transcripts.png"));
        }
        // Its sources are kept beside it, so importing them again adds nothing.
        ImportContext context;
        QVERIFY(Importers::find(QStringLiteral("claude-code"))
                    ->run(*window.store(), DemoStore::folder() + QStringLiteral("/samples/claude/projects"), context));
        QCOMPARE(context.report.messages, 0);
        // The second time, the store is opened as it is.
        window.closeStore();
        QVERIFY(window.openDemo());
        QCOMPARE(window.projectList()->model()->rowCount(), 4);
    }

    void speaksUkrainian()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/strata_uk.qm")));
        QCoreApplication::installTranslator(&translator);
        Settings settings(settingsFile());
        MainWindow window(settings);
        QCoreApplication::removeTranslator(&translator);
        QStringList menus;
        for (const QAction *action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus,
            (QStringList{ QStringLiteral("&Файл"),
                QStringLiteral("&Редагування"),
                QStringLiteral("&Вигляд"),
                QStringLiteral("&Проєкт"),
                QStringLiteral("&Задача"),
                QStringLiteral("&Довідка") }));
        const auto buttons = window.welcomePage()->findChildren<QPushButton *>();
        QVERIFY(std::any_of(buttons.begin(), buttons.end(), [](const QPushButton *button) {
            return button->text() == QStringLiteral("Нове сховище…");
        }));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
