#include <QAbstractItemModelTester>
#include <QAction>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

#include "ConversationModel.h"
#include "DiffView.h"
#include "FileHistoryModel.h"
#include "FileTreeModel.h"
#include "FileVersions.h"
#include "FilesPane.h"
#include "ImportReport.h"
#include "Importer.h"
#include "MainWindow.h"
#include "Projects.h"
#include "RestoreDialog.h"
#include "Settings.h"
#include "Store.h"
#include "TestSupport.h"
#include "TranscriptsPane.h"

using namespace TestSupport;

// The Files tab in the real window: the file tree, the lazy history, the diff view, a restore
// with its preview and Edit ▸ Undo Restore. With STRATA_SCREENSHOT_DIR set, it saves what it shows.
class TestFilesPane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_number = 0;

    static void grab(QWidget *widget, const char *name)
    {
        const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            widget->grab().save(folder + u'/' + QLatin1StringView(name) + QStringLiteral(".png"));
    }

    struct Made
    {
        QString store;
        QString workspace;
    };

    // A store with one project whose workspace is a temporary folder, src/app.c in three versions
    // and README.md in one.
    Made makeStore()
    {
        Made made;
        made.store = m_dir.filePath(QStringLiteral("store-%1").arg(++m_number));
        made.workspace = m_dir.filePath(QStringLiteral("workspace-%1").arg(m_number));
        QDir().mkpath(made.workspace);
        auto store = Store::open(made.store, Store::OpenMode::CreateIfMissing);
        if (!store)
            return {};
        Project draft = Projects::inFolder(QStringLiteral("test"), made.workspace);
        const auto project = Projects::create(**store, draft);
        const QList<QByteArray> versions{ "int main()\n{\n    return 0;\n}\n",
            "int main()\n{\n    int answer = 41;\n    return answer;\n}\n",
            "int main()\n{\n    int answer = 42;\n    return answer;\n}\n" };
        for (qsizetype i = 0; i < versions.size(); ++i) {
            FileVersions::Draft version;
            version.path = QStringLiteral("src/app.c");
            version.content = versions.at(i);
            version.time = QDateTime(QDate(2026, 3, 1), QTime(10, int(i)), Qt::UTC);
            version.author = QStringLiteral("agent");
            version.originKind = QStringLiteral("test");
            version.origin = QStringLiteral("step %1").arg(i + 1);
            version.sourceKey = QString::number(i);
            (void)FileVersions::add(**store, project->id, version);
        }
        FileVersions::Draft readme;
        readme.path = QStringLiteral("README.md");
        readme.content = QByteArray("# App\n");
        readme.originKind = QStringLiteral("test");
        readme.sourceKey = QStringLiteral("r");
        (void)FileVersions::add(**store, project->id, readme);
        write(made.workspace + QStringLiteral("/src/app.c"), "int main()\n{\n    return 1; // edited by hand\n}\n");
        return made;
    }

private Q_SLOTS:
    void modelsPassTheModelTester()
    {
        const Made made = makeStore();
        auto opened = Store::open(made.store, Store::OpenMode::OpenExisting);
        QVERIFY(opened);
        std::shared_ptr<Store> store(std::move(*opened));
        const auto project = Projects::all(*store);
        QVERIFY(project && project->size() == 1);
        // More versions than a page, so that the history fetches more as it scrolls.
        for (int i = 0; i < 250; ++i) {
            FileVersions::Draft version;
            version.path = QStringLiteral("log.txt");
            version.content = QByteArray("line\n").repeated(i + 1);
            version.originKind = QStringLiteral("test");
            version.sourceKey = QStringLiteral("log%1").arg(i);
            QVERIFY(FileVersions::add(*store, project->first().id, version));
        }
        FileTreeModel tree;
        QAbstractItemModelTester treeTester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto files = FileVersions::files(*store, project->first().id);
        QVERIFY(files);
        tree.setFiles(*files);
        QCOMPARE(tree.rowCount(), 3); // README.md, log.txt, src/
        const QModelIndex src = tree.indexOfPath(QStringLiteral("src"));
        QVERIFY(src.isValid());
        QCOMPARE(src.siblingAtColumn(1).data().toString(), QStringLiteral("3"));
        const QModelIndex log = tree.indexOfPath(QStringLiteral("log.txt"));
        QCOMPARE(log.siblingAtColumn(1).data().toString(), QStringLiteral("250"));

        FileHistoryModel history(store);
        QAbstractItemModelTester historyTester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.setFile(log.data(FileTreeModel::FileIdRole).toLongLong());
        QVERIFY(history.rowCount() >= FileHistoryModel::pageSize); // the tester may fetch more itself
        while (history.canFetchMore({}))
            history.fetchMore({});
        QCOMPARE(history.rowCount(), 250);
        for (int row = 1; row < history.rowCount(); ++row)
            QVERIFY(history.versionAt(row)->id < history.versionAt(row - 1)->id); // newest first, no repeats
        QVERIFY(!history.canFetchMore({}));
        QCOMPARE(history.index(0, FileHistoryModel::Change).data().toString(), QStringLiteral("+1 −0"));
        // Size and how it changed from the version before.
        QCOMPARE(history.index(0, FileHistoryModel::Size).data().toString(),
            QStringLiteral("%1 (+%2)").arg(QLocale().formattedDataSize(1250), QLocale().formattedDataSize(5)));
        QCOMPARE(history.versionAt(249)->previousId, std::nullopt);
    }

    void diffViewShowsChangesSideBySideAndUnified()
    {
        DiffView view;
        view.resize(900, 400);
        view.setTexts("a\nb\nc\nd\n", "a\nB\nc\nd\nnew\n", QStringLiteral("old"), QStringLiteral("new"));
        QCOMPARE(view.changeCount(), 2);
        QCOMPARE(view.summary(), QStringLiteral("+2 −1; changes: 2"));
        // Aligned: a row on each side for every row of the other.
        QCOMPARE(view.oldSide()->document()->blockCount(), view.newSide()->document()->blockCount());
        QVERIFY(view.oldSide()->toPlainText().contains(u"2  b"));
        QVERIFY(view.newSide()->toPlainText().contains(u"2  B"));
        QVERIFY(view.newSide()->toPlainText().contains(u"5  new"));
        // The added line, the changed line and the changed word (B) are marked.
        QVERIFY(view.newSide()->extraSelections().size() >= 3);

        QCOMPARE(view.currentChange(), -1);
        view.nextAction()->trigger();
        QCOMPARE(view.currentChange(), 0);
        QCOMPARE(view.newSide()->textCursor().block().text().trimmed(), QStringLiteral("2  B"));
        view.nextChange();
        view.nextChange(); // stays at the last
        QCOMPARE(view.currentChange(), 1);
        view.previousAction()->trigger();
        QCOMPARE(view.currentChange(), 0);
        QCOMPARE(view.nextAction()->shortcut(), QKeySequence(Qt::Key_F7));
        QCOMPARE(view.previousAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F7));

        view.setSideBySide(false);
        QVERIFY(view.unifiedView()->toPlainText().contains(u"- b"));
        QVERIFY(view.unifiedView()->toPlainText().contains(u"+ B"));
        view.setSideBySide(true);

        view.setTexts("x = 1\n", "x  =  1\n", QStringLiteral("old"), QStringLiteral("new"));
        QCOMPARE(view.changeCount(), 1);
        view.whitespaceAction()->trigger();
        QVERIFY(view.ignoresWhitespace());
        QCOMPARE(view.summary(), QStringLiteral("No differences but in whitespace"));
        view.setIgnoreWhitespace(false);

        QByteArray longText;
        for (int i = 1; i <= 40; ++i)
            longText += QByteArray::number(i) + '\n';
        QByteArray changed = longText;
        changed.replace("20\n", "twenty\n");
        view.setTexts(longText, changed, QStringLiteral("old"), QStringLiteral("new"));
        const int aroundTheChange = view.oldSide()->document()->blockCount();
        view.fullFileAction()->trigger();
        QCOMPARE(view.oldSide()->document()->blockCount(), 41); // the header and every line
        QVERIFY(aroundTheChange < 41);
        // Both sides scroll together.
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QScrollBar *left = view.oldSide()->verticalScrollBar();
        QVERIFY(left->maximum() > 0);
        left->setValue(left->maximum() / 2);
        QCOMPARE(view.newSide()->verticalScrollBar()->value(), left->value());
        view.newSide()->verticalScrollBar()->setValue(left->maximum());
        QCOMPARE(left->value(), left->maximum());

        view.setTexts(QByteArray("\x89PNG\0\x01", 6), QByteArray("\x89PNG\0\x02\x03", 7), {}, {});
        QVERIFY2(view.summary().contains(u"Binary files: 2 bytes differ (6 bytes, then 7 bytes)"),
            qPrintable(view.summary()));
    }

    void comparesTwoVersionsRestoresOneAndUndoes()
    {
        const Made made = makeStore();
        Settings settings(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_number)));
        MainWindow window(settings);
        QVERIFY(window.openStore(made.store));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        FilesPane *pane = window.filesPane();
        window.tabs()->setCurrentWidget(pane);
        QVERIFY(pane->selectFile(QStringLiteral("src/app.c")));
        QCOMPARE(pane->history()->rowCount(), 3);
        // One version: what it changed against the one before.
        QCOMPARE(pane->diffView()->summary(), QStringLiteral("+1 −1; changes: 1"));
        // Two versions: the oldest against the newest.
        pane->selectVersions({ 0, 2 });
        QCOMPARE(pane->diffView()->summary(), QStringLiteral("+2 −1; changes: 1"));
        grab(&window, "files-pane");

        // Against the disk.
        pane->selectVersions({ 2 });
        pane->compareWithDisk();
        QVERIFY(pane->diffView()->newSide()->toPlainText().contains(u"edited by hand"));

        // Restore the oldest version: the preview is the diff from the disk to it.
        std::optional<Restore::Plan> previewed;
        pane->setConfirmRestore([&](QWidget *parent, const Restore::Plan &plan) {
            previewed = plan;
            RestoreDialog dialog(plan, parent);
            grab(&dialog, "restore-dialog");
            return dialog.diffView()->changeCount() == 1;
        });
        QVERIFY(!window.undoRestoreAction()->isEnabled());
        const auto outcome = pane->restoreSelected();
        QVERIFY(outcome);
        QVERIFY(previewed && previewed->onDisk);
        QCOMPARE(previewed->disk, QByteArray("int main()\n{\n    return 1; // edited by hand\n}\n"));
        const QString target = made.workspace + QStringLiteral("/src/app.c");
        QCOMPARE(readAll(target), QByteArray("int main()\n{\n    return 0;\n}\n"));
        // The disk's content was kept as a version: the history has grown.
        QVERIFY(pane->history()->rowCount() >= 4);

        QVERIFY(window.undoRestoreAction()->isEnabled());
        window.undoRestoreAction()->trigger();
        QCOMPARE(readAll(target), QByteArray("int main()\n{\n    return 1; // edited by hand\n}\n"));
        QVERIFY(!window.undoRestoreAction()->isEnabled());
    }

    void aCancelledRestoreWritesNothing()
    {
        const Made made = makeStore();
        Settings settings(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_number)));
        MainWindow window(settings);
        QVERIFY(window.openStore(made.store));
        FilesPane *pane = window.filesPane();
        QVERIFY(pane->selectFile(QStringLiteral("src/app.c")));
        pane->selectVersions({ 2 });
        pane->setConfirmRestore([](QWidget *, const Restore::Plan &) { return false; });
        QVERIFY(!pane->restoreSelected());
        QCOMPARE(readAll(made.workspace + QStringLiteral("/src/app.c")),
            QByteArray("int main()\n{\n    return 1; // edited by hand\n}\n"));
        QVERIFY(!window.undoRestoreAction()->isEnabled());
    }

    void aVersionOpensTheMessageThatMadeIt()
    {
        const QString store = m_dir.filePath(QStringLiteral("claude-store"));
        const QString projects = m_dir.filePath(QStringLiteral("claude/projects"));
        QVERIFY(copyTree(testData(QStringLiteral("claude-code")), m_dir.filePath(QStringLiteral("claude"))));
        {
            auto opened = Store::open(store, Store::OpenMode::CreateIfMissing);
            QVERIFY(opened);
            ImportContext context;
            QVERIFY(Importers::find(QStringLiteral("claude-code"))->run(**opened, projects, context));
        }
        Settings settings(m_dir.filePath(QStringLiteral("settings-claude.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(store));
        window.resize(1200, 760);
        window.show();
        // The project whose workspace is /home/mira/src/tidepool.
        QListView *sidebar = window.projectList();
        int row = 0;
        for (; row < sidebar->model()->rowCount(); ++row)
            if (sidebar->model()->index(row, 0).data().toString() == u"tidepool")
                break;
        QVERIFY(row < sidebar->model()->rowCount());
        sidebar->setCurrentIndex(sidebar->model()->index(row, 0));
        FilesPane *pane = window.filesPane();
        window.tabs()->setCurrentWidget(pane);
        QVERIFY(pane->selectFile(QStringLiteral("tides.py")));
        QCOMPARE(pane->history()->rowCount(), 5);
        grab(&window, "files-pane-claude-code");
        pane->selectVersions({ 0 });
        const auto version = pane->history()->versionAt(0);
        QVERIFY(version && version->messageId);
        pane->showOrigin();
        QCOMPARE(window.tabs()->currentWidget(), window.transcripts());
        QCOMPARE(window.transcripts()->conversation()->sessionId(), *version->sessionId);
    }
};

QTEST_MAIN(TestFilesPane)
#include "TestFilesPane.moc"
