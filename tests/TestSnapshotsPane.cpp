#include <QAbstractItemModelTester>
#include <QListView>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "DiffView.h"
#include "MainWindow.h"
#include "Projects.h"
#include "Settings.h"
#include "SnapshotsPane.h"
#include "Store.h"
#include "TestSupport.h"

using namespace TestSupport;

// The Snapshots tab in the real window: take snapshots, compare two, restore one file.
class TestSnapshotsPane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static void grab(QWidget *widget, const char *name)
    {
        const QString folder = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            widget->grab().save(folder + u'/' + QLatin1StringView(name) + QStringLiteral(".png"));
    }

private Q_SLOTS:
    void comparesTwoSnapshotsAndRestoresOneFile()
    {
        const QString workspace = m_dir.filePath(QStringLiteral("workspace"));
        QVERIFY(write(workspace + QStringLiteral("/src/app.c"), "int main() { return 0; }\n"));
        QVERIFY(write(workspace + QStringLiteral("/src/util.c"), "int util;\n"));
        QVERIFY(write(workspace + QStringLiteral("/README.md"), "# App\n"));
        const QString store = m_dir.filePath(QStringLiteral("store"));
        {
            auto opened = Store::open(store, Store::OpenMode::CreateIfMissing);
            QVERIFY(opened);
            QVERIFY(Projects::create(**opened, Projects::inFolder(QStringLiteral("folder"), workspace)));
        }
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(store));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SnapshotsPane *pane = window.snapshotsPane();
        window.tabs()->setCurrentWidget(pane);
        QAbstractItemModelTester tester(pane->snapshots(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        QVERIFY(pane->takeSnapshot(QStringLiteral("good")));
        QVERIFY(write(workspace + QStringLiteral("/src/app.c"), "int main() { return 1; }\n"));
        QVERIFY(write(workspace + QStringLiteral("/src/util.c"), "int util = 2;\n"));
        QVERIFY(QFile::remove(workspace + QStringLiteral("/README.md")));
        QVERIFY(pane->takeSnapshot(QStringLiteral("broken")));
        QCOMPARE(pane->snapshots()->rowCount(), 2);
        QCOMPARE(pane->snapshots()->index(0, SnapshotListModel::Label).data().toString(), QStringLiteral("broken"));

        // Two snapshots: what changed between them.
        pane->selectSnapshots({ 0, 1 });
        QCOMPARE(pane->changeList()->rowCount(), 3);
        QCOMPARE(pane->changeList()->item(0, 0)->text(), QStringLiteral("removed"));
        QCOMPARE(pane->changeList()->item(1, 1)->text(), QStringLiteral("src/app.c"));
        pane->showChange(1);
        QCOMPARE(pane->diffView()->summary(), QStringLiteral("+1 −1; changes: 1"));
        grab(&window, "snapshots-pane");

        // The good one against the disk; restore only src/app.c.
        pane->selectSnapshots({ 1 });
        QCOMPARE(pane->changes().size(), 3);
        pane->changeList()->selectRow(1);
        std::optional<Snapshots::RestorePlan> asked;
        pane->setConfirmRestore([&asked](QWidget *, const Snapshots::RestorePlan &plan) -> std::optional<bool> {
            asked = plan;
            return false;
        });
        const auto restored = pane->restoreChosen(true);
        QVERIFY(restored);
        QVERIFY(asked);
        QCOMPARE(asked->steps.size(), 1);
        QCOMPARE(asked->steps.first().path, QStringLiteral("src/app.c"));
        QCOMPARE(readAll(workspace + QStringLiteral("/src/app.c")), QByteArray("int main() { return 0; }\n"));
        QCOMPARE(readAll(workspace + QStringLiteral("/src/util.c")), QByteArray("int util = 2;\n"));
        QVERIFY(!QFileInfo::exists(workspace + QStringLiteral("/README.md")));
        // The before-restore snapshot is in the timeline, newest.
        QCOMPARE(pane->snapshots()->rowCount(), 3);
        QCOMPARE(pane->snapshots()->snapshotAt(0)->trigger, QStringLiteral("before-restore"));

        // A cancelled restore writes nothing.
        pane->selectSnapshots({ 2 });
        pane->setConfirmRestore(
            [](QWidget *, const Snapshots::RestorePlan &) -> std::optional<bool> { return std::nullopt; });
        QVERIFY(!pane->restoreChosen(false));
        QCOMPARE(readAll(workspace + QStringLiteral("/src/util.c")), QByteArray("int util = 2;\n"));
    }
};

QTEST_MAIN(TestSnapshotsPane)
#include "TestSnapshotsPane.moc"
