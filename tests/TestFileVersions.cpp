#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "Blobs.h"
#include "FileVersions.h"
#include "Importer.h"
#include "Projects.h"
#include "Restore.h"
#include "Snapshots.h"
#include "Sql.h"
#include "Store.h"
#include "TestSupport.h"

// File versions end to end on real files: blobs, the Arium and git importers, restore and undo.
// Runs as an ordinary user (see run-unprivileged.sh) so that a read-only file is one.
class TestFileVersions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    int m_number = 0;

    qint64 count(const QString &sql)
    {
        const auto value = Sql::value(m_store->database(), sql);
        return value ? value->toLongLong() : -1;
    }

    ImportReport import(const QString &format, const QString &path)
    {
        ImportContext context;
        const auto done = Importers::find(format)->run(*m_store, path, context);
        if (!done)
            qWarning() << done.error().message;
        return context.report;
    }

    bool git(const QString &repository, const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        environment.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
        environment.insert(QStringLiteral("GIT_AUTHOR_DATE"), QStringLiteral("2026-03-01T10:00:00Z"));
        environment.insert(QStringLiteral("GIT_COMMITTER_DATE"), QStringLiteral("2026-03-01T10:00:00Z"));
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(repository);
        process.start(QStringLiteral("git"),
            QStringList{ QStringLiteral("-c"),
                QStringLiteral("user.name=Ada Agent"),
                QStringLiteral("-c"),
                QStringLiteral("user.email=ada@example.com") }
                + arguments);
        process.waitForFinished(30000);
        if (process.exitCode() != 0)
            qWarning() << process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    // A project whose workspace is a fresh folder, with one file that has two versions.
    struct Workspace
    {
        qint64 projectId = 0;
        QString root;
        qint64 first = 0;
        qint64 second = 0;
    };

    Workspace workspace(const QString &path = QStringLiteral("src/app.txt"))
    {
        Workspace made;
        made.root = m_dir.filePath(QStringLiteral("workspace-%1").arg(++m_number));
        QDir().mkpath(made.root);
        Project draft = Projects::inFolder(QStringLiteral("test"), made.root);
        const auto project = Projects::create(*m_store, draft);
        if (!project)
            return made;
        made.projectId = project->id;
        FileVersions::Draft version;
        version.path = path;
        version.content = QByteArray("one\ntwo\nthree\n");
        version.originKind = QStringLiteral("test");
        version.sourceKey = QStringLiteral("1");
        made.first = FileVersions::add(*m_store, made.projectId, version).value_or(FileVersions::Added{}).versionId;
        version.content = QByteArray("one\n2\nthree\nfour\n");
        version.sourceKey = QStringLiteral("2");
        made.second = FileVersions::add(*m_store, made.projectId, version).value_or(FileVersions::Added{}).versionId;
        return made;
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
    }

private Q_SLOTS:
    void init()
    {
        auto store
            = Store::open(m_dir.filePath(QStringLiteral("store-%1").arg(++m_number)), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void blobsAreStoredOnceAndAsDeltas()
    {
        QByteArray text;
        for (int i = 0; i < 2000; ++i)
            text += "line " + QByteArray::number(i * 7919 % 10007) + " of a long generated file\n";
        const auto first = Blobs::put(*m_store, text);
        QVERIFY(first && first->added);
        const auto again = Blobs::put(*m_store, text);
        QVERIFY(again && !again->added);
        QCOMPARE(again->id, first->id);

        QByteArray changed = text;
        changed.replace("line 7919 ", "line CHANGED ");
        const auto second = Blobs::put(*m_store, changed, first->id);
        QVERIFY(second && second->added);
        QCOMPARE(count(QStringLiteral("SELECT base_id FROM blobs WHERE id = %1").arg(second->id)), first->id);
        // A delta of a one-line change is a few dozen bytes against kilobytes for the whole.
        QVERIFY(count(QStringLiteral("SELECT length(data) FROM blobs WHERE id = %1").arg(second->id)) < 100);
        QCOMPARE(Blobs::get(*m_store, second->id).value_or(QByteArray()), changed);
        QCOMPARE(Blobs::get(*m_store, first->id).value_or(QByteArray()), text);
        const auto empty = Blobs::put(*m_store, QByteArray());
        QVERIFY(empty);
        QCOMPARE(Blobs::get(*m_store, empty->id).value_or(QByteArray("x")), QByteArray());
    }

    void aDamagedBlobIsReportedNotReturned()
    {
        const auto stored = Blobs::put(*m_store, QByteArray("precious content\n"));
        QVERIFY(stored);
        QVERIFY(Sql::run(m_store->database(),
            QStringLiteral("UPDATE blobs SET sha256 = zeroblob(32) WHERE id = ?"),
            { stored->id }));
        const auto read = Blobs::get(*m_store, stored->id);
        QVERIFY(!read);
        QCOMPARE(read.error().code, Error::Code::Corrupt);
        QVERIFY2(read.error().message.contains(u"damaged"), qPrintable(read.error().message));
    }

    void aPathLeavingTheWorkspaceIsRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("..") << QStringLiteral("../outside.txt");
        QTest::newRow("inner ..") << QStringLiteral("src/../../outside.txt");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
        QTest::newRow("drive") << QStringLiteral("C:/Windows/win.ini");
    }

    void aPathLeavingTheWorkspaceIsRefused()
    {
        QFETCH(QString, path);
        const Workspace made = workspace();
        FileVersions::Draft draft;
        draft.path = path;
        draft.content = QByteArray("x");
        draft.originKind = QStringLiteral("test");
        draft.sourceKey = QStringLiteral("escape");
        const auto added = FileVersions::add(*m_store, made.projectId, draft);
        QVERIFY(!added);
        QCOMPARE(added.error().code, Error::Code::PathOutsideWorkspace);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM files WHERE path LIKE '%outside%' OR path LIKE '%etc%'")), 0);
    }

    void importsAriumUpstreamSample()
    {
        const ImportReport report = import(QStringLiteral("arium"),
            TestSupport::fixture(QStringLiteral("seed-systems/arium/upstream/workspace-default")));
        // 51 version files: one is empty (0 bytes), 50 are read; all name src/main.ts.
        QCOMPARE(report.versions, qint64(50));
        QCOMPARE(report.skipped.size(), 1);
        QVERIFY(report.skipped.first().location.endsWith(u"01KC8MK2QCW8H606602ZKFDDXM.json"));
        QVERIFY(report.skipped.first().reason.contains(u"empty"));
        // Their prev points at versions Arium made from files/ at startup and never saved.
        QCOMPARE(report.notes.size(), 1);
        QVERIFY(report.notes.first().contains(u"49"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM files")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM blobs")), 1); // the same 15 bytes each time
        QCOMPARE(import(QStringLiteral("arium"),
                     TestSupport::fixture(QStringLiteral("seed-systems/arium/upstream/workspace-default")))
                     .versions,
            qint64(0));
    }

    void importsAriumWorkspaceInBothNameStyles()
    {
        const ImportReport report
            = import(QStringLiteral("arium"), TestSupport::fixture(QStringLiteral("seed-systems/arium/workspace")));
        QCOMPARE(report.projects, qint64(2));
        QCOMPARE(report.versions, qint64(6));
        QVERIFY(report.skipped.isEmpty());
        // history.log: every line an event, as written; file changes link to the versions they made.
        QCOMPARE(report.events, qint64(33));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM events e JOIN file_versions v ON v.id = e.version_id "
                                 "WHERE e.type = 'VFSChangeEvent' AND json_extract(e.payload, '$.payload.versionId') "
                                 "= v.origin")),
            6);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'AgentStartEvent' AND "
                                      "json_extract(payload, '$.payload.agentId') = 'agent-7c1f' AND source = "
                                      "'agent-7c1f'")),
            2); // the agent started twice
        const auto projects = Projects::all(*m_store);
        QVERIFY(projects);
        qint64 todo = 0;
        qint64 docs = 0;
        for (const Project &project : *projects) {
            (project.name == u"todo-app" ? todo : docs) = project.id;
            QVERIFY(project.workspaceRoot.endsWith(u"/files"));
        }
        const auto main = FileVersions::file(*m_store, todo, QStringLiteral("src/main.ts"));
        QVERIFY(main && *main);
        QCOMPARE((*main)->versions, 2);
        const auto history = FileVersions::history(*m_store, (*main)->id);
        QVERIFY(history);
        QCOMPARE(history->first().previousId, history->last().id);
        QCOMPARE(history->first().added, 1);
        QCOMPARE(history->first().removed, 1);
        QCOMPARE(history->first().author, QStringLiteral("agent"));
        QCOMPARE(history->first().origin, QStringLiteral("01KEHH51EKY5D4T82KM521KYV7"));
        // ver-001 / ver-002 file names, prev "ver-001".
        const auto docsMain = FileVersions::latest(*m_store, docs, QStringLiteral("src/main.ts"));
        QVERIFY(docsMain && *docsMain);
        QCOMPARE((*docsMain)->origin, QStringLiteral("ver-002"));
        QCOMPARE(
            FileVersions::content(*m_store, **docsMain).value_or(QByteArray()), QByteArray("// file content v2\n"));
    }

    void importsAGitRepositoryIncrementally()
    {
        const QString repository = m_dir.filePath(QStringLiteral("repository"));
        QVERIFY(QDir().mkpath(repository));
        QVERIFY(git(repository, { QStringLiteral("init"), QStringLiteral("-q") }));
        QVERIFY(TestSupport::write(repository + QStringLiteral("/a.txt"), "alpha\n"));
        QVERIFY(TestSupport::write(repository + QStringLiteral("/docs/b.md"), "# B\n"));
        QVERIFY(git(repository, { QStringLiteral("add"), QStringLiteral("-A") }));
        QVERIFY(git(repository, { QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("first") }));
        QVERIFY(TestSupport::write(repository + QStringLiteral("/a.txt"), "alpha\nbeta\n"));
        QVERIFY(QFile::remove(repository + QStringLiteral("/docs/b.md")));
        QVERIFY(TestSupport::write(repository + QStringLiteral("/logo.bin"), QByteArray("\x89PNG\0\0\x01", 7)));
        QVERIFY(git(repository, { QStringLiteral("add"), QStringLiteral("-A") }));
        QVERIFY(git(repository, { QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("second") }));

        ImportReport report = import(QStringLiteral("git"), repository);
        QVERIFY(report.skipped.isEmpty());
        QCOMPARE(report.projects, qint64(1));
        QCOMPARE(report.versions, qint64(5)); // a, b; then a, b deleted, logo
        const auto projects = Projects::all(*m_store);
        QVERIFY(projects && projects->size() == 1);
        const qint64 project = projects->first().id;
        QCOMPARE(QDir(projects->first().workspaceRoot), QDir(repository));
        const auto a = FileVersions::latest(*m_store, project, QStringLiteral("a.txt"));
        QVERIFY(a && *a);
        QCOMPARE((*a)->author, QStringLiteral("Ada Agent <ada@example.com>"));
        QCOMPARE((*a)->originKind, QStringLiteral("git"));
        QCOMPARE((*a)->origin.size(), 40);
        QCOMPARE((*a)->time, QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE((*a)->added, 1);
        QVERIFY((*a)->previousId);
        const auto b = FileVersions::latest(*m_store, project, QStringLiteral("docs/b.md"));
        QVERIFY(b && *b);
        QVERIFY(!(*b)->blobId); // deleted
        QCOMPARE((*b)->removed, 1);
        const auto logo = FileVersions::latest(*m_store, project, QStringLiteral("logo.bin"));
        QVERIFY(logo && *logo);
        QCOMPARE(FileVersions::content(*m_store, **logo).value_or(QByteArray()), QByteArray("\x89PNG\0\0\x01", 7));

        QCOMPARE(import(QStringLiteral("git"), repository).versions, qint64(0));
        QVERIFY(TestSupport::write(repository + QStringLiteral("/a.txt"), "alpha\nbeta\ngamma\n"));
        QVERIFY(git(repository, { QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("third") }));
        QCOMPARE(import(QStringLiteral("git"), repository).versions, qint64(1));

        // Asked for, every commit's whole tree becomes a snapshot too (once).
        ImportContext context;
        context.commitsAsSnapshots = true;
        QVERIFY(Importers::find(QStringLiteral("git"))->run(*m_store, repository, context));
        QCOMPARE(context.report.snapshots, qint64(3));
        QCOMPARE(context.report.versions, qint64(0));
        const auto snapshots = Snapshots::list(*m_store, project);
        QVERIFY(snapshots && snapshots->size() == 3);
        QVERIFY(snapshots->first().label.endsWith(u" third"));
        const auto entries = Snapshots::entries(*m_store, snapshots->first().id);
        QVERIFY(entries);
        QStringList paths;
        for (const Snapshots::Entry &entry : *entries)
            paths << entry.path;
        QCOMPARE(paths, (QStringList{ QStringLiteral("a.txt"), QStringLiteral("logo.bin") }));
        QCOMPARE(
            Blobs::get(*m_store, entries->first().blobId).value_or(QByteArray()), QByteArray("alpha\nbeta\ngamma\n"));
        ImportContext again;
        again.commitsAsSnapshots = true;
        QVERIFY(Importers::find(QStringLiteral("git"))->run(*m_store, repository, again));
        QCOMPARE(again.report.snapshots, qint64(0));
    }

    void gitImportOfAFolderThatIsNoRepositorySaysSo()
    {
        ImportContext context;
        const auto done = Importers::find(QStringLiteral("git"))->run(*m_store, m_dir.path(), context);
        QVERIFY(!done);
        QVERIFY2(done.error().message.contains(u"not a git repository"), qPrintable(done.error().message));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM projects")), 0);
    }

    void restoreShowsKeepsWritesAndUndoes()
    {
        const Workspace made = workspace();
        const QString target = made.root + QStringLiteral("/src/app.txt");
        QVERIFY(TestSupport::write(target, "edited by hand\n"));

        // 1. The preview: a diff from the disk to the version, nothing written.
        const auto plan = Restore::plan(*m_store, made.first);
        QVERIFY(plan);
        QCOMPARE(QDir::cleanPath(plan->target), QDir::cleanPath(target));
        QVERIFY(plan->onDisk);
        QCOMPARE(plan->diff.removed, 1);
        QCOMPARE(plan->diff.added, 3);
        QCOMPARE(read(target), QByteArray("edited by hand\n"));
        const qint64 versionsBefore = count(QStringLiteral("SELECT count(*) FROM file_versions"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM file_versions")), versionsBefore);

        // 2–3. The disk's content becomes a version, then the file is written.
        const auto restored = Restore::apply(*m_store, made.first);
        QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
        QCOMPARE(read(target), QByteArray("one\ntwo\nthree\n"));
        const auto safety = FileVersions::version(*m_store, restored->safetyVersionId);
        QVERIFY(safety && *safety);
        QCOMPARE((*safety)->originKind, QStringLiteral("disk"));
        QCOMPARE(FileVersions::content(*m_store, **safety).value_or(QByteArray()), QByteArray("edited by hand\n"));
        QVERIFY(restored->recordedVersionId);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM file_versions")), versionsBefore + 2);
        QVERIFY(!QFileInfo::exists(target + QStringLiteral(".tmp")));

        // 4. Undo puts back what was on disk.
        const auto undone = Restore::undo(*m_store, *restored);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
        QCOMPARE(read(target), QByteArray("edited by hand\n"));
    }

    void undoRefusesWhenTheFileChangedAfterTheRestore()
    {
        const Workspace made = workspace();
        const QString target = made.root + QStringLiteral("/src/app.txt");
        QVERIFY(TestSupport::write(target, "mine\n"));
        const auto restored = Restore::apply(*m_store, made.first);
        QVERIFY(restored);
        QVERIFY(TestSupport::write(target, "changed again\n"));
        const auto undone = Restore::undo(*m_store, *restored);
        QVERIFY(!undone);
        QVERIFY(undone.error().message.contains(u"changed after the restore"));
        QCOMPARE(read(target), QByteArray("changed again\n"));
    }

    void restoreIntoAMissingFolderCreatesItAndUndoRemovesTheFile()
    {
        const Workspace made = workspace(QStringLiteral("deep/new/folder/file.txt"));
        const QString target = made.root + QStringLiteral("/deep/new/folder/file.txt");
        const auto restored = Restore::apply(*m_store, made.second);
        QVERIFY2(restored, restored ? "" : qPrintable(restored.error().message));
        QVERIFY(restored->created);
        QCOMPARE(read(target), QByteArray("one\n2\nthree\nfour\n"));
        const auto safety = FileVersions::version(*m_store, restored->safetyVersionId);
        QVERIFY(safety && *safety && !(*safety)->blobId); // "there was no file"
        const auto undone = Restore::undo(*m_store, *restored);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
        QVERIFY(!QFileInfo::exists(target));
    }

    void restoreIntoAReadOnlyFileFailsAndChangesNothing()
    {
        const Workspace made = workspace();
        const QString target = made.root + QStringLiteral("/src/app.txt");
        QVERIFY(TestSupport::write(target, "locked\n"));
        QVERIFY(QFile::setPermissions(target, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const qint64 versionsBefore = count(QStringLiteral("SELECT count(*) FROM file_versions"));
        const auto restored = Restore::apply(*m_store, made.first);
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(!restored);
        QCOMPARE(restored.error().code, Error::Code::PermissionDenied);
        QVERIFY2(restored.error().message.contains(u"read-only"), qPrintable(restored.error().message));
        QCOMPARE(read(target), QByteArray("locked\n"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM file_versions")), versionsBefore);
    }

    void restoreThroughASymlinkLeavingTheWorkspaceIsRefused()
    {
        const Workspace made = workspace(QStringLiteral("link/app.txt"));
        const QString outside = m_dir.filePath(QStringLiteral("outside-%1").arg(m_number));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(QFile::link(outside, made.root + QStringLiteral("/link")));
        const auto restored = Restore::apply(*m_store, made.first);
        QVERIFY(!restored);
        QCOMPARE(restored.error().code, Error::Code::PathOutsideWorkspace);
        QVERIFY(!QFileInfo::exists(outside + QStringLiteral("/app.txt")));
    }

    void restoreOfAPathWithDotDotIsRefused()
    {
        // Strata never stores such a path; a store changed by another program might hold one.
        const Workspace made = workspace();
        QVERIFY(Sql::run(m_store->database(),
            QStringLiteral("INSERT INTO files (project_id, path) VALUES (?, '../escape.txt')"),
            { made.projectId }));
        QVERIFY(Sql::run(m_store->database(),
            QStringLiteral("INSERT INTO file_versions (file_id, project_id, blob_id, origin_kind, source_key) "
                           "SELECT (SELECT id FROM files WHERE path = '../escape.txt'), ?, blob_id, 'test', 'evil' "
                           "FROM file_versions WHERE id = ?"),
            { made.projectId, made.first }));
        const qint64 evil = count(QStringLiteral("SELECT max(id) FROM file_versions"));
        const qint64 versionsBefore = count(QStringLiteral("SELECT count(*) FROM file_versions"));
        const auto restored = Restore::apply(*m_store, evil);
        QVERIFY(!restored);
        QCOMPARE(restored.error().code, Error::Code::PathOutsideWorkspace);
        QVERIFY(!QFileInfo::exists(QFileInfo(made.root).absolutePath() + QStringLiteral("/escape.txt")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM file_versions")), versionsBefore);
    }

    void restoreWithTheWorkspaceMissingSaysSo()
    {
        const Workspace made = workspace();
        QVERIFY(QDir(made.root).removeRecursively());
        const auto restored = Restore::apply(*m_store, made.first);
        QVERIFY(!restored);
        QCOMPARE(restored.error().code, Error::Code::NotFound);
        QVERIFY2(restored.error().message.contains(u"is missing"), qPrintable(restored.error().message));
        QVERIFY(!QFileInfo::exists(made.root));
    }
};

QTEST_GUILESS_MAIN(TestFileVersions)
#include "TestFileVersions.moc"
