#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "DiffView.h"
#include "MainWindow.h"
#include "Projects.h"
#include "Settings.h"
#include "SnapshotsPane.h"
#include "Store.h"
#include "TestSupport.h"

using namespace TestSupport;

// The Snapshots tab in the real window: take snapshots, compare two, restore one file; and its
// timeline read a page at a time.
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

    template <typename T>
    static T *child(QWidget *parent, const char *name)
    {
        return parent->findChild<T *>(QLatin1StringView(name));
    }

    // Clicks a row of a view (with Ctrl held, it is added to the selection).
    static void clickRow(QAbstractItemView *view, int row, Qt::KeyboardModifiers modifiers = {})
    {
        const QModelIndex index = view->model()->index(row, 0);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, view->visualRect(index).center());
    }

    static int rowOfFile(QTableWidget *changes, const QString &file)
    {
        for (int row = 0; row < changes->rowCount(); ++row)
            if (changes->item(row, 1)->text() == file)
                return row;
        return -1;
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
    // exec()): `answer` reads it and closes it.
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

    // Answers the next restore dialog: "restore", "restore+delete" (ticking "Also delete files the
    // snapshot does not have" first) or "cancel" (Escape). What it listed lands in the list returned.
    std::shared_ptr<QStringList> answerRestore(const QString &how)
    {
        auto plan = std::make_shared<QStringList>();
        whenShown(QStringLiteral("restoreDialog"), [plan, how](QDialog *dialog) {
            if (auto *steps = child<QListWidget>(dialog, "restorePlan"))
                for (int row = 0; row < steps->count(); ++row)
                    *plan << steps->item(row)->text();
            auto *deleteExtra = child<QCheckBox>(dialog, "deleteExtraFiles");
            auto *restore = child<QPushButton>(dialog, "confirmRestore");
            if (how == u"cancel" || !deleteExtra || !restore) {
                QTest::keyClick(dialog, Qt::Key_Escape);
                return;
            }
            if (how == u"restore+delete")
                clickCheckBox(deleteExtra);
            QTest::mouseClick(restore, Qt::LeftButton);
        });
        return plan;
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

    // The same as a person does it: the buttons clicked, rows clicked (Ctrl for a second one), the
    // restore dialog read and answered.
    void clickToTakeCompareAndRestore()
    {
        const QString workspace = m_dir.filePath(QStringLiteral("clicked"));
        QVERIFY(write(workspace + QStringLiteral("/src/main.py"), "print('hello')\n"));
        QVERIFY(write(workspace + QStringLiteral("/src/lib.py"), "VALUE = 1\n"));
        QVERIFY(write(workspace + QStringLiteral("/notes.md"), "# Notes\n"));
        const QString store = m_dir.filePath(QStringLiteral("clicked-store"));
        {
            auto opened = Store::open(store, Store::OpenMode::CreateIfMissing);
            QVERIFY(opened);
            QVERIFY(Projects::create(**opened, Projects::inFolder(QStringLiteral("folder"), workspace)));
        }
        Settings settings(m_dir.filePath(QStringLiteral("clicked.ini")));
        MainWindow window(settings);
        QVERIFY(window.openStore(store));
        window.resize(1200, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SnapshotsPane *pane = window.snapshotsPane();
        window.tabs()->setCurrentWidget(pane);
        QAbstractItemModelTester tester(pane->snapshots(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *take = child<QPushButton>(pane, "takeSnapshot");
        auto *restore = child<QPushButton>(pane, "restoreSnapshot");
        auto *restoreFiles = child<QPushButton>(pane, "restoreChosenFiles");
        auto *timeline = child<QTableView>(pane, "snapshotTimeline");
        auto *changes = child<QTableWidget>(pane, "snapshotChanges");
        QVERIFY(take && restore && restoreFiles && timeline && changes);
        QCOMPARE(timeline, pane->timeline());
        QVERIFY2(pane->statusText().startsWith(QStringLiteral("No snapshots of this project yet")),
            qPrintable(pane->statusText()));
        QVERIFY(take->isEnabled());
        QVERIFY(!restore->isEnabled());

        // Take Snapshot, change the workspace, Take Snapshot again: the newest is first.
        QTest::mouseClick(take, Qt::LeftButton);
        QTRY_COMPARE(pane->snapshots()->rowCount(), 1);
        QVERIFY2(pane->statusText().contains(QStringLiteral(": 3 files;")), qPrintable(pane->statusText()));
        QCOMPARE(pane->snapshots()->index(0, SnapshotListModel::Trigger).data().toString(), QStringLiteral("manual"));
        const qint64 first = pane->snapshots()->snapshotAt(0)->id;
        QVERIFY(write(workspace + QStringLiteral("/src/main.py"), "print('hello, world')\n"));
        QVERIFY(write(workspace + QStringLiteral("/src/extra.py"), "EXTRA = True\n"));
        QVERIFY(QFile::remove(workspace + QStringLiteral("/notes.md")));
        QTest::mouseClick(take, Qt::LeftButton);
        QTRY_COMPARE(pane->snapshots()->rowCount(), 2);
        const qint64 second = pane->snapshots()->snapshotAt(0)->id;
        QVERIFY(second > first);
        QCOMPARE(pane->snapshots()->snapshotAt(1)->id, first);

        // Click one, Ctrl+click the other: what changed between them; no restore of two.
        clickRow(timeline, 0);
        clickRow(timeline, 1, Qt::ControlModifier);
        QCOMPARE(timeline->selectionModel()->selectedRows().size(), 2);
        QCOMPARE(pane->statusText(),
            QStringLiteral("From snapshot %1 to snapshot %2; changed files: 3").arg(first).arg(second));
        QCOMPARE(changes->rowCount(), 3);
        QVERIFY(!restore->isEnabled());
        QVERIFY(!restoreFiles->isEnabled());
        const int removed = rowOfFile(changes, QStringLiteral("notes.md"));
        const int added = rowOfFile(changes, QStringLiteral("src/extra.py"));
        const int modified = rowOfFile(changes, QStringLiteral("src/main.py"));
        QVERIFY(removed >= 0 && added >= 0 && modified >= 0);
        QCOMPARE(changes->item(removed, 0)->text(), QStringLiteral("removed"));
        QCOMPARE(changes->item(added, 0)->text(), QStringLiteral("added"));
        QCOMPARE(changes->item(modified, 0)->text(), QStringLiteral("modified"));
        QCOMPARE(changes->item(modified, 2)->text(), QStringLiteral("+1 −1"));
        // Clicking a changed file shows its diff.
        clickRow(changes, modified);
        QCOMPARE(pane->diffView()->summary(), QStringLiteral("+1 −1; changes: 1"));

        // Click the older one alone: against the disk. Restore Chosen Files… with src/main.py
        // clicked: the dialog lists that one write, and Restore does only it.
        clickRow(timeline, 1);
        QCOMPARE(pane->statusText(),
            QStringLiteral("Snapshot %1 against the workspace on disk; changed files: 3").arg(first));
        QVERIFY(restore->isEnabled());
        QVERIFY(restoreFiles->isEnabled());
        clickRow(changes, rowOfFile(changes, QStringLiteral("src/main.py")));
        auto plan = answerRestore(QStringLiteral("restore"));
        QTest::mouseClick(restoreFiles, Qt::LeftButton);
        QCOMPARE(*plan, QStringList{ QStringLiteral("write  src/main.py") });
        QCOMPARE(readAll(workspace + QStringLiteral("/src/main.py")), QByteArray("print('hello')\n"));
        QVERIFY(QFileInfo::exists(workspace + QStringLiteral("/src/extra.py")));
        QVERIFY(!QFileInfo::exists(workspace + QStringLiteral("/notes.md")));
        QVERIFY2(pane->statusText().startsWith(
                     QStringLiteral("Restored snapshot %1: 1 written, 0 created, 0 deleted; snapshot ").arg(first)),
            qPrintable(pane->statusText()));
        // What was there is kept first, as the newest snapshot.
        QCOMPARE(pane->snapshots()->rowCount(), 3);
        QCOMPARE(pane->snapshots()->index(0, SnapshotListModel::Trigger).data().toString(),
            QStringLiteral("before a restore"));
        grab(&window, "snapshots-restored");

        // Restore Snapshot… of the whole first snapshot, cancelled with Escape: the dialog shows the
        // plan (notes.md comes back), nothing is written and no snapshot is added.
        clickRow(timeline, 2);
        QCOMPARE(pane->snapshots()->snapshotAt(2)->id, first);
        plan = answerRestore(QStringLiteral("cancel"));
        QTest::mouseClick(restore, Qt::LeftButton);
        QCOMPARE(*plan, QStringList{ QStringLiteral("create  notes.md") });
        QVERIFY(!QFileInfo::exists(workspace + QStringLiteral("/notes.md")));
        QCOMPARE(pane->snapshots()->rowCount(), 3);

        // Again, ticking "Also delete files the snapshot does not have": src/extra.py goes too.
        clickRow(timeline, 2);
        plan = answerRestore(QStringLiteral("restore+delete"));
        QTest::mouseClick(restore, Qt::LeftButton);
        QCOMPARE(*plan, QStringList{ QStringLiteral("create  notes.md") });
        QCOMPARE(readAll(workspace + QStringLiteral("/notes.md")), QByteArray("# Notes\n"));
        QVERIFY(!QFileInfo::exists(workspace + QStringLiteral("/src/extra.py")));
        QVERIFY2(pane->statusText().startsWith(
                     QStringLiteral("Restored snapshot %1: 0 written, 1 created, 1 deleted; snapshot ").arg(first)),
            qPrintable(pane->statusText()));
        QCOMPARE(pane->snapshots()->rowCount(), 4);
    }

    // The timeline is read a page at a time, newest first (two taken in the same millisecond: the
    // later id first), each page after the last row held: every snapshot once, in order, and only
    // the project's.
    void theTimelinePagesThroughEverySnapshot_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::newRow("1 a page") << 1;
        QTest::newRow("2 a page") << 2;
        QTest::newRow("3 a page") << 3;
    }

    void theTimelinePagesThroughEverySnapshot()
    {
        QFETCH(int, pageSize);
        QTemporaryDir folder;
        auto opened = Store::open(folder.path(), Store::OpenMode::CreateIfMissing);
        QVERIFY(opened);
        const std::shared_ptr<Store> store = std::move(*opened);
        const auto project = Projects::create(*store, Projects::inFolder(QStringLiteral("folder"), folder.path()));
        const auto other = Projects::create(*store, Projects::inFolder(QStringLiteral("folder"), QStringLiteral("/x")));
        QVERIFY(project && other);
        // label, minutes after 09:00 (12:00 twice).
        const QList<std::pair<QString, int>> taken = { { QStringLiteral("s1"), 60 },
            { QStringLiteral("s2"), 120 },
            { QStringLiteral("s3"), 180 },
            { QStringLiteral("s4"), 180 },
            { QStringLiteral("s5"), 240 },
            { QStringLiteral("s6"), 300 },
            { QStringLiteral("s7"), 0 } };
        const QDateTime nine(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        for (const auto &[label, minutes] : taken) {
            const auto made = Snapshots::createFrom(*store,
                project->id,
                { { QStringLiteral("notes.md"), label.toUtf8() } },
                nine.addSecs(minutes * 60),
                label,
                QStringLiteral("imported"),
                label);
            QVERIFY(made && *made);
        }
        QVERIFY(Snapshots::createFrom(*store,
            other->id,
            { { QStringLiteral("notes.md"), "elsewhere" } },
            nine.addSecs(3600),
            QStringLiteral("elsewhere"),
            QStringLiteral("imported"),
            QStringLiteral("elsewhere")));

        SnapshotListModel model(nullptr, pageSize);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setQuery(store, project->id);
        for (int fetches = 0; model.canFetchMore({}) && fetches < 100; ++fetches)
            model.fetchMore({});
        QVERIFY(!model.canFetchMore({}));
        QStringList labels;
        for (int row = 0; row < model.rowCount(); ++row)
            labels << model.index(row, SnapshotListModel::Label).data().toString();
        QCOMPARE(labels,
            QStringList({ QStringLiteral("s6"),
                QStringLiteral("s5"),
                QStringLiteral("s4"),
                QStringLiteral("s3"),
                QStringLiteral("s2"),
                QStringLiteral("s1"),
                QStringLiteral("s7") }));
        // Each fetch appended one page after the rows before it.
        QCOMPARE(inserted.size(), (7 + pageSize - 1) / pageSize);
        int next = 0;
        for (const QList<QVariant> &signal : std::as_const(inserted)) {
            QCOMPARE(signal.at(1).toInt(), next);
            QVERIFY(signal.at(2).toInt() - next < pageSize);
            next = signal.at(2).toInt() + 1;
        }
        QCOMPARE(next, 7);
    }
};

QTEST_MAIN(TestSnapshotsPane)
#include "TestSnapshotsPane.moc"
