#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "Blobs.h"
#include "IgnoreRules.h"
#include "ImportReport.h"
#include "Importer.h"
#include "Projects.h"
#include "Snapshots.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"

using namespace TestSupport;

// Snapshots of real folders: what is kept and left out, the cache that makes an unchanged
// re-snapshot read nothing, and comparisons between snapshots and with the disk.
class TestSnapshots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_root;
    qint64 m_project = 0;
    int m_number = 0;

    qint64 count(const QString &sql)
    {
        const auto value = Sql::value(m_store->database(), sql);
        return value ? value->toLongLong() : -1;
    }

    // Files written a minute ago, so that the cache may trust them.
    static void age(const QString &root)
    {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (QFileInfo(file).isSymLink() || !file.open(QIODevice::ReadWrite))
                continue;
            file.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime);
        }
    }

    QStringList pathsOf(qint64 snapshotId)
    {
        QStringList paths;
        const auto list = Snapshots::entries(*m_store, snapshotId);
        for (const Snapshots::Entry &entry : list.value_or(QList<Snapshots::Entry>()))
            paths << entry.path;
        return paths;
    }

private Q_SLOTS:
    void init()
    {
        ++m_number;
        auto store
            = Store::open(m_dir.filePath(QStringLiteral("store-%1").arg(m_number)), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
        m_root = m_dir.filePath(QStringLiteral("tree-%1").arg(m_number));
        QVERIFY(write(m_root + QStringLiteral("/README.md"), "# Tree\n"));
        QVERIFY(write(m_root + QStringLiteral("/src/main.c"), "int main() { return 0; }\n"));
        QVERIFY(write(m_root + QStringLiteral("/src/deep/er/still/file.txt"), "deep\n"));
        QVERIFY(write(m_root + QStringLiteral("/empty.txt"), QByteArray()));
        QVERIFY(write(m_root + QStringLiteral("/logo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
        QVERIFY(write(m_root + QStringLiteral("/Документи/нотатки.md"), "привіт\n"));
        QVERIFY(write(m_root + u'/' + QString(200, u'n') + QStringLiteral(".txt"), "long name\n"));
        QVERIFY(write(m_root + QStringLiteral("/node_modules/lib/index.js"), "module.exports = 1;\n"));
        QVERIFY(write(m_root + QStringLiteral("/.git/HEAD"), "ref: refs/heads/main\n"));
        QVERIFY(write(m_root + QStringLiteral("/build/app.o"), "object"));
        QVERIFY(write(m_root + QStringLiteral("/.gitignore"), "*.log\n/secret.txt\ntmp/\n!keep.log\n"));
        QVERIFY(write(m_root + QStringLiteral("/debug.log"), "noise\n"));
        QVERIFY(write(m_root + QStringLiteral("/keep.log"), "kept\n"));
        QVERIFY(write(m_root + QStringLiteral("/secret.txt"), "hidden\n"));
        QVERIFY(write(m_root + QStringLiteral("/src/secret.txt"), "not anchored here\n"));
        QVERIFY(write(m_root + QStringLiteral("/tmp/scratch.txt"), "scratch\n"));
        QVERIFY(write(m_root + QStringLiteral("/src/.gitignore"), "*.gen.c\n"));
        QVERIFY(write(m_root + QStringLiteral("/src/parser.gen.c"), "generated\n"));
        QVERIFY(QFile::link(QStringLiteral("src/main.c"), m_root + QStringLiteral("/main-link.c")));
        const auto project = Projects::create(*m_store, Projects::inFolder(QStringLiteral("folder"), m_root));
        QVERIFY(project);
        m_project = project->id;
    }

    void cleanup() { m_store.reset(); }

    void keepsTheWorkAndLeavesOutWhatIsIgnored()
    {
        const auto created = Snapshots::create(*m_store, m_project, m_root, QStringLiteral("first"));
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        const QStringList paths = pathsOf(created->snapshot.id);
        QCOMPARE(paths,
            (QStringList{ QStringLiteral(".gitignore"),
                QStringLiteral("README.md"),
                QStringLiteral("empty.txt"),
                QStringLiteral("keep.log"),
                QStringLiteral("logo.png"),
                QStringLiteral("main-link.c"),
                QString(200, u'n') + QStringLiteral(".txt"),
                QStringLiteral("src/.gitignore"),
                QStringLiteral("src/deep/er/still/file.txt"),
                QStringLiteral("src/main.c"),
                QStringLiteral("src/secret.txt"),
                QStringLiteral("Документи/нотатки.md") }));
        QCOMPARE(created->snapshot.fileCount, 12);
        QCOMPARE(created->snapshot.label, QStringLiteral("first"));
        QCOMPARE(created->snapshot.trigger, QStringLiteral("manual"));
        const auto entries = Snapshots::entries(*m_store, created->snapshot.id);
        QVERIFY(entries);
        for (const Snapshots::Entry &entry : *entries) {
            const QByteArray content = Blobs::get(*m_store, entry.blobId).value_or("?");
            if (entry.path == u"main-link.c") {
                QCOMPARE(entry.mode, 0120000);
                QCOMPARE(content, QByteArray("src/main.c"));
            } else {
                QCOMPARE(content, readAll(m_root + u'/' + entry.path));
            }
        }
    }

    void anUnchangedTreeIsReadFromTheCacheAndStoresNothing()
    {
        age(m_root);
        const auto first = Snapshots::create(*m_store, m_project, m_root, QStringLiteral("one"));
        QVERIFY(first);
        QVERIFY(first->newTree);
        const qint64 blobs = count(QStringLiteral("SELECT count(*) FROM blobs"));
        const qint64 trees = count(QStringLiteral("SELECT count(*) FROM trees"));
        const auto second = Snapshots::create(*m_store, m_project, m_root, QStringLiteral("two"));
        QVERIFY(second);
        QCOMPARE(second->filesRead, 1); // only the symbolic link, which has no cache entry
        QCOMPARE(second->blobsAdded, 0);
        QVERIFY(!second->newTree);
        QCOMPARE(second->snapshot.treeId, first->snapshot.treeId);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM blobs")), blobs);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM trees")), trees);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM snapshots")), 2);
    }

    void comparesSnapshotsAndTheDisk()
    {
        const auto first = Snapshots::create(*m_store, m_project, m_root, QStringLiteral("before"));
        QVERIFY(first);
        // Modify, add, remove, rename.
        QVERIFY(write(m_root + QStringLiteral("/src/main.c"), "int main() { return 1; }\nint extra;\n"));
        QVERIFY(write(m_root + QStringLiteral("/src/new.c"), "int added;\n"));
        QVERIFY(QFile::remove(m_root + QStringLiteral("/empty.txt")));
        QVERIFY(QFile::rename(m_root + QStringLiteral("/README.md"), m_root + QStringLiteral("/docs/README.md"))
            || (QDir().mkpath(m_root + QStringLiteral("/docs"))
                && QFile::rename(m_root + QStringLiteral("/README.md"), m_root + QStringLiteral("/docs/README.md"))));

        const auto onDisk = Snapshots::compareWithDisk(*m_store, first->snapshot.id, m_root);
        QVERIFY2(onDisk, onDisk ? "" : qPrintable(onDisk.error().message));
        QStringList seen;
        for (const Snapshots::Change &change : *onDisk)
            seen << Snapshots::kindName(change.kind) + u' ' + change.path + u' ' + change.oldPath
                    + QStringLiteral(" +%1 -%2").arg(change.added).arg(change.removed);
        QCOMPARE(seen,
            (QStringList{ QStringLiteral("renamed docs/README.md README.md +0 -0"),
                QStringLiteral("removed empty.txt  +0 -0"),
                QStringLiteral("modified src/main.c  +2 -1"),
                QStringLiteral("added src/new.c  +1 -0") }));

        const auto second = Snapshots::create(*m_store, m_project, m_root, QStringLiteral("after"));
        QVERIFY(second);
        const auto between = Snapshots::compare(*m_store, first->snapshot.id, second->snapshot.id);
        QVERIFY(between);
        QStringList again;
        for (const Snapshots::Change &change : *between)
            again << Snapshots::kindName(change.kind) + u' ' + change.path + u' ' + change.oldPath
                    + QStringLiteral(" +%1 -%2").arg(change.added).arg(change.removed);
        QCOMPARE(again, seen);
        const auto nothing = Snapshots::compareWithDisk(*m_store, second->snapshot.id, m_root);
        QVERIFY(nothing);
        QVERIFY(nothing->isEmpty());

        const auto listed = Snapshots::list(*m_store, m_project);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->first().label, QStringLiteral("after")); // newest first
        const auto byLabel = Snapshots::findByLabel(*m_store, m_project, QStringLiteral("before"));
        QVERIFY(byLabel && *byLabel);
        QCOMPARE((*byLabel)->id, first->snapshot.id);
    }

    void restoresWholeOrSomeFilesAndUndoes()
    {
        const auto first = Snapshots::create(*m_store, m_project, m_root, QStringLiteral("good"));
        QVERIFY(first);
        // An agent then breaks things.
        QVERIFY(write(m_root + QStringLiteral("/src/main.c"), "broken\n"));
        QVERIFY(QFile::remove(m_root + QStringLiteral("/src/deep/er/still/file.txt")));
        QVERIFY(write(m_root + QStringLiteral("/junk.tmp"), "junk\n"));
        QVERIFY(QFile::remove(m_root + QStringLiteral("/main-link.c")));

        // Only one file.
        auto some = Snapshots::planRestore(*m_store, first->snapshot.id, m_root, { QStringLiteral("src/main.c") });
        QVERIFY(some);
        QCOMPARE(some->steps.size(), 1);
        QVERIFY(Snapshots::restore(*m_store, *some));
        QCOMPARE(readAll(m_root + QStringLiteral("/src/main.c")), QByteArray("int main() { return 0; }\n"));
        QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/src/deep/er/still/file.txt")));

        // Everything; extra files stay unless asked.
        auto all = Snapshots::planRestore(*m_store, first->snapshot.id, m_root);
        QVERIFY(all);
        QStringList steps;
        for (const Snapshots::Step &step : all->steps)
            steps << step.path;
        QCOMPARE(steps, (QStringList{ QStringLiteral("main-link.c"), QStringLiteral("src/deep/er/still/file.txt") }));
        auto withDelete = Snapshots::planRestore(*m_store, first->snapshot.id, m_root, {}, true);
        QVERIFY(withDelete);
        QCOMPARE(withDelete->steps.size(), 3);
        const auto restored = Snapshots::restore(*m_store, *withDelete);
        QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
        QCOMPARE(restored->created, 2);
        QCOMPARE(restored->deleted, 1);
        QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/junk.tmp")));
        QCOMPARE(QFileInfo(m_root + QStringLiteral("/main-link.c")).symLinkTarget(),
            QFileInfo(m_root + QStringLiteral("/src/main.c")).absoluteFilePath());
        const auto nothing = Snapshots::compareWithDisk(*m_store, first->snapshot.id, m_root);
        QVERIFY(nothing && nothing->isEmpty());

        // The before-restore snapshot puts back what was there.
        const auto before = Snapshots::find(*m_store, restored->beforeSnapshotId);
        QVERIFY(before && *before);
        QCOMPARE((*before)->trigger, QStringLiteral("before-restore"));
        auto undo = Snapshots::planRestore(*m_store, restored->beforeSnapshotId, m_root, {}, true);
        QVERIFY(undo);
        QVERIFY(Snapshots::restore(*m_store, *undo));
        QCOMPARE(readAll(m_root + QStringLiteral("/junk.tmp")), QByteArray("junk\n"));
        QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/src/deep/er/still/file.txt")));
    }

    void aRestoreKilledHalfWayLeavesEveryFileOldOrNew()
    {
        // 1,500 files of 64 KB; snapshot "old", change every file, then restore "old" in a
        // strata-cli process killed half way through.
        const QString root = m_dir.filePath(QStringLiteral("big-%1").arg(m_number));
        const auto content = [](int file, const char *state) {
            return QByteArray(QByteArray(state) + ' ' + QByteArray::number(file) + " line of text\n").repeated(2500);
        };
        for (int i = 0; i < 1500; ++i)
            QVERIFY(write(root + QStringLiteral("/d%1/f%2.txt").arg(i % 30).arg(i), content(i, "old")));
        const auto project = Projects::create(*m_store, Projects::inFolder(QStringLiteral("folder"), root));
        QVERIFY(project);
        const auto old = Snapshots::create(*m_store, project->id, root, QStringLiteral("old"));
        QVERIFY(old);
        for (int i = 0; i < 1500; ++i)
            QVERIFY(write(root + QStringLiteral("/d%1/f%2.txt").arg(i % 30).arg(i), content(i, "new")));
        const QString storeFolder = m_store->folder();
        m_store.reset();

        // Paused (STRATA_TEST_PAUSE_RESTORE_AFTER) once 300 files are written, then killed: the
        // process is known to be inside the restore, past the before-restore snapshot.
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("STRATA_STORE"), storeFolder);
        environment.insert(QStringLiteral("STRATA_TEST_PAUSE_RESTORE_AFTER"), QStringLiteral("300"));
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral(STRATA_CLI),
            { QStringLiteral("snapshot"),
                QStringLiteral("restore"),
                QString::number(old->snapshot.id),
                QStringLiteral("--yes") });
        QVERIFY(cli.waitForStarted());
        QByteArray said;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         said += cli.readAllStandardError();
                         return said.contains("paused after") || cli.state() == QProcess::NotRunning;
                     },
                     120000),
            "strata-cli neither paused nor ended");
        QVERIFY2(said.contains("paused after"), said.constData());
        cli.kill();
        cli.waitForFinished();

        int olds = 0;
        int news = 0;
        for (int i = 0; i < 1500; ++i) {
            const QByteArray now = readAll(root + QStringLiteral("/d%1/f%2.txt").arg(i % 30).arg(i));
            if (now == content(i, "old"))
                ++olds;
            else if (now == content(i, "new"))
                ++news;
            else
                QFAIL(qPrintable(QStringLiteral("file %1 is neither old nor new").arg(i)));
        }
        // Killed inside the restore: at least the 300 files it had written are restored, and the
        // ones it had not yet handed to its writers are still as they were.
        QVERIFY2(olds >= 300, qPrintable(QString::number(olds)));
        QVERIFY2(news > 0, qPrintable(QString::number(news)));
        qInfo("killed after restoring %d of 1500 files, %d not yet", olds, news);
        // The before-restore snapshot was committed first: it holds the new contents.
        auto reopened = Store::open(storeFolder, Store::OpenMode::OpenExisting);
        QVERIFY(reopened);
        m_store = std::move(*reopened);
        const auto before = Sql::value(m_store->database(),
            QStringLiteral("SELECT id FROM snapshots WHERE trigger = 'before-restore' ORDER BY id DESC LIMIT 1"));
        QVERIFY(before);
        const auto entries = Snapshots::entries(*m_store, before->toLongLong());
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1500);
        QCOMPARE(Blobs::get(*m_store, entries->first().blobId).value_or(QByteArray()), content(0, "new"));
        QCOMPARE(olds + news, 1500);
    }

    void aMissingFolderIsAnErrorAndStoresNothing()
    {
        const auto created = Snapshots::create(*m_store, m_project, m_root + QStringLiteral("-gone"), QString());
        QVERIFY(!created);
        QCOMPARE(created.error().code, Error::Code::NotFound);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM snapshots")), 0);
    }

    void importedContentsRefuseEscapingPaths()
    {
        const auto made = Snapshots::createFrom(*m_store,
            m_project,
            { { QStringLiteral("ok.txt"), "fine\n" }, { QStringLiteral("../../x"), "escape\n" } },
            QDateTime::currentDateTimeUtc(),
            QString(),
            QStringLiteral("imported"),
            QStringLiteral("s1"));
        QVERIFY(!made);
        QCOMPARE(made.error().code, Error::Code::PathOutsideWorkspace);
        const auto absolute = Snapshots::createFrom(*m_store,
            m_project,
            { { QStringLiteral("/etc/passwd"), "x" } },
            QDateTime::currentDateTimeUtc(),
            QString(),
            QStringLiteral("imported"),
            QStringLiteral("s2"));
        QVERIFY(!absolute);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM snapshots")), 0);
    }

    void importsAriumSnapshots()
    {
        const QString workspace = m_dir.filePath(QStringLiteral("arium-%1").arg(m_number));
        QVERIFY(copyTree(testData(QStringLiteral("arium/workspace")), workspace));
        // Two more snapshots that try to write outside the workspace (besides field-notes'
        // snap-002, which names ../outside.md): each left out whole and reported.
        QVERIFY(write(workspace + QStringLiteral("/lantern/snapshots/01KZZZZZZZZZZZZZZZZZZZZZZZ.json"),
            "{\"ok.txt\": \"fine\", \"../../escape.txt\": \"no\"}"));
        QVERIFY(write(workspace + QStringLiteral("/lantern/snapshots/01KYYYYYYYYYYYYYYYYYYYYYYY.json"),
            "{\"/etc/passwd\": \"no\"}"));
        ImportContext context;
        QVERIFY(Importers::find(QStringLiteral("arium"))->run(*m_store, workspace, context));
        QCOMPARE(context.report.snapshots, qint64(3));
        // Also skipped: field-notes' empty version and its cut history.log line.
        QCOMPARE(context.report.skipped.size(), 5);
        QStringList outside;
        for (const ImportReport::Skipped &skipped : std::as_const(context.report.skipped))
            if (skipped.reason.contains(u"leads outside the workspace"))
                outside << QFileInfo(skipped.location).fileName();
        outside.sort();
        QCOMPARE(outside,
            QStringList({ QStringLiteral("01KYYYYYYYYYYYYYYYYYYYYYYY.json"),
                QStringLiteral("01KZZZZZZZZZZZZZZZZZZZZZZZ.json"),
                QStringLiteral("snap-002.json") }));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM snapshots")), 3);

        const auto notes
            = Sql::value(m_store->database(), QStringLiteral("SELECT id FROM projects WHERE name = 'field-notes'"));
        QVERIFY(notes);
        const auto snap = Snapshots::findByLabel(*m_store, notes->toLongLong(), QStringLiteral("snap-001"));
        QVERIFY(snap && *snap);
        QCOMPARE((*snap)->trigger, QStringLiteral("imported"));
        QCOMPARE((*snap)->createdAt.toMSecsSinceEpoch(), qint64(1771610820000)); // its VFSChangeEvent
        const auto entries = Snapshots::entries(*m_store, (*snap)->id);
        QVERIFY(entries && entries->size() == 1);
        QCOMPARE(Blobs::get(*m_store, entries->first().blobId).value_or(QByteArray()),
            QByteArray("# Today\n\n- water the ferns\n- café with Oksana at 10\n"));

        // The two lantern snapshots: README.md went.
        const auto todo
            = Sql::value(m_store->database(), QStringLiteral("SELECT id FROM projects WHERE name = 'lantern'"));
        const auto listed = Snapshots::list(*m_store, todo->toLongLong());
        QVERIFY(listed && listed->size() == 2);
        const auto changes = Snapshots::compare(*m_store, listed->last().id, listed->first().id);
        QVERIFY(changes && changes->size() == 1);
        QCOMPARE(changes->first().kind, Snapshots::Change::Kind::Removed);
        QCOMPARE(changes->first().path, QStringLiteral("README.md"));

        ImportContext again;
        QVERIFY(Importers::find(QStringLiteral("arium"))->run(*m_store, workspace, again));
        QCOMPARE(again.report.snapshots, qint64(0));
    }

    void ignoreRulesFollowGit_data()
    {
        QTest::addColumn<QByteArray>("gitignore");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("isFolder");
        QTest::addColumn<bool>("ignored");
        QTest::newRow("basename anywhere") << QByteArray("*.o\n") << QStringLiteral("a/b/c.o") << false << true;
        QTest::newRow("not a match") << QByteArray("*.o\n") << QStringLiteral("a/b/c.c") << false << false;
        QTest::newRow("anchored") << QByteArray("/top.txt\n") << QStringLiteral("a/top.txt") << false << false;
        QTest::newRow("anchored at top") << QByteArray("/top.txt\n") << QStringLiteral("top.txt") << false << true;
        QTest::newRow("folder only, a file") << QByteArray("out/\n") << QStringLiteral("out") << false << false;
        QTest::newRow("folder only, a folder") << QByteArray("out/\n") << QStringLiteral("x/out") << true << true;
        QTest::newRow("inside an ignored folder")
            << QByteArray("out/\n") << QStringLiteral("out/a.txt") << false << true;
        QTest::newRow("double star") << QByteArray("docs/**/*.pdf\n") << QStringLiteral("docs/a/b/c.pdf") << false
                                     << true;
        QTest::newRow("double star, no folder")
            << QByteArray("docs/**/*.pdf\n") << QStringLiteral("docs/c.pdf") << false << true;
        QTest::newRow("negation") << QByteArray("*.log\n!keep.log\n") << QStringLiteral("keep.log") << false << false;
        QTest::newRow("comment") << QByteArray("# *.c\n") << QStringLiteral("a.c") << false << false;
        QTest::newRow("character class") << QByteArray("file[0-9].txt\n") << QStringLiteral("file7.txt") << false
                                         << true;
        QTest::newRow("built in: node_modules") << QByteArray() << QStringLiteral("web/node_modules") << true << true;
        QTest::newRow("built in: .git") << QByteArray() << QStringLiteral(".git") << true << true;
    }

    void ignoreRulesFollowGit()
    {
        QFETCH(QByteArray, gitignore);
        QFETCH(QString, path);
        QFETCH(bool, isFolder);
        QFETCH(bool, ignored);
        IgnoreRules rules;
        rules.addFile(QString(), gitignore);
        QCOMPARE(rules.ignores(path, isFolder), ignored);
    }
};

QTEST_GUILESS_MAIN(TestSnapshots)
#include "TestSnapshots.moc"
