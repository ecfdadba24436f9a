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

    // Our Arium workspace (tests/data/arium/workspace): lantern names its files as Arium's code does
    // (ULIDs), field-notes as its storage doc does (ver-001.json, snap-001.json).
    void importsAriumWorkspaceInBothNameStyles()
    {
        const QString workspace = m_dir.filePath(QStringLiteral("arium-%1").arg(++m_number));
        QVERIFY(TestSupport::copyTree(TestSupport::testData(QStringLiteral("arium/workspace")), workspace));
        const ImportReport report = import(QStringLiteral("arium"), workspace);
        QCOMPARE(report.projects, qint64(2));
        QCOMPARE(report.versions, qint64(7)); // lantern 3, field-notes 4
        QCOMPARE(report.snapshots, qint64(3)); // lantern 2, field-notes 1
        // Only field-notes holds damaged files (importsAriumAfterARestartAndALostWrite): lantern is clean.
        QCOMPARE(report.skipped.size(), 3);
        for (const ImportReport::Skipped &skipped : report.skipped)
            QVERIFY2(skipped.location.contains(u"field-notes"), qPrintable(skipped.location));
        // history.log: every line an event, as written; file changes link to the versions they made.
        QCOMPARE(report.events, qint64(25)); // lantern 20, field-notes 5 (its cut last line is none)
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM events e JOIN file_versions v ON v.id = e.version_id "
                                 "WHERE e.type = 'VFSChangeEvent' AND json_extract(e.payload, '$.payload.versionId') "
                                 "= v.origin")),
            5); // not ver-003's, whose file is empty
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'AgentStartEvent' AND "
                                      "json_extract(payload, '$.payload.agentId') = 'agent-5d2a' AND source = "
                                      "'agent-5d2a'")),
            2); // the agent started twice
        // A delete is an event of its own, by its author, that made no version; an envelope keeps its meta.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'VFSChangeEvent' AND "
                                      "json_extract(payload, '$.payload.action') = 'delete' AND "
                                      "json_extract(payload, '$.payload.path') = 'README.md' AND source = 'agent' "
                                      "AND version_id IS NULL")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'ModelErrorEvent' AND "
                                      "json_extract(payload, '$.meta.retry') = 1")),
            1);
        const auto projects = Projects::all(*m_store);
        QVERIFY(projects);
        qint64 lantern = 0;
        qint64 notes = 0;
        for (const Project &project : *projects) {
            QVERIFY2(project.name == u"lantern" || project.name == u"field-notes", qPrintable(project.name));
            (project.name == u"lantern" ? lantern : notes) = project.id;
            QVERIFY(project.workspaceRoot.endsWith(u"/files"));
        }
        const auto greet = FileVersions::file(*m_store, lantern, QStringLiteral("src/greet.ts"));
        QVERIFY(greet && *greet);
        QCOMPARE((*greet)->versions, 2);
        const auto history = FileVersions::history(*m_store, (*greet)->id);
        QVERIFY(history && history->size() == 2);
        QCOMPARE(history->first().previousId, history->last().id);
        QCOMPARE(history->first().added, 1);
        QCOMPARE(history->first().removed, 1);
        QCOMPARE(history->first().author, QStringLiteral("agent"));
        QCOMPARE(history->first().origin, QStringLiteral("01KHDP3NAM9715VB58QGD3GKGX"));
        // Content beyond ASCII comes back as the UTF-8 it is.
        QCOMPARE(FileVersions::content(*m_store, history->first()).value_or(QByteArray()),
            QByteArray("export function greet(name: string): string {\n"
                       "  return \"Привіт, \" + name + \" — ça va ? 🏮\";\n}\n"));
        // ver-001 … ver-005 file names; ver-005 is placed through its prev, "ver-004".
        const auto today = FileVersions::latest(*m_store, notes, QStringLiteral("notes/today.md"));
        QVERIFY(today && *today);
        QCOMPARE((*today)->origin, QStringLiteral("ver-005"));
        QCOMPARE(FileVersions::content(*m_store, **today).value_or(QByteArray()),
            QByteArray("# Today\n\n- water the ferns\n- café with Oksana at 10\n- repot the basil\n"));
    }

    // field-notes: a restart (a prev naming a version Arium never saved), a version file left empty,
    // a snapshot naming a path outside the workspace, and history.log cut short; two versions no
    // event names, placed through their prev chain.
    void importsAriumAfterARestartAndALostWrite()
    {
        const QString folder = m_dir.filePath(QStringLiteral("arium-%1/field-notes").arg(++m_number));
        QVERIFY(TestSupport::copyTree(TestSupport::testData(QStringLiteral("arium/workspace/field-notes")), folder));
        const ImportReport report = import(QStringLiteral("arium"), folder);
        // Five version files: ver-003 is empty (0 bytes), four are read; all name notes/today.md.
        QCOMPARE(report.versions, qint64(4));
        QCOMPARE(report.snapshots, qint64(1));
        QCOMPARE(report.events, qint64(5));
        QCOMPARE(report.skipped.size(), 3);
        // Arium was stopped while appending ver-005's event.
        QVERIFY2(report.skipped.at(0).location.endsWith(u"history.log:6"), qPrintable(report.skipped.at(0).location));
        QVERIFY2(report.skipped.at(0).reason.contains(u"not a JSON object"), qPrintable(report.skipped.at(0).reason));
        QVERIFY2(report.skipped.at(1).location.endsWith(u"ver-003.json"), qPrintable(report.skipped.at(1).location));
        QVERIFY2(report.skipped.at(1).reason.contains(u"empty"), qPrintable(report.skipped.at(1).reason));
        QVERIFY2(report.skipped.at(2).location.endsWith(u"snap-002.json"), qPrintable(report.skipped.at(2).location));
        QVERIFY2(report.skipped.at(2).reason.contains(u"../outside.md, which leads outside the workspace"),
            qPrintable(report.skipped.at(2).reason));
        // ver-004's prev is the version Arium made from files/ at startup and never saved.
        QCOMPARE(report.notes.size(), 1);
        QVERIFY2(report.notes.first().contains(u": 1 version(s) follow"), qPrintable(report.notes.first()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM files")), 1);
        // ver-004 wrote ver-002's bytes again, and snap-001 holds them too: stored once. The fourth
        // blob is snap-001's listing.
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT blob_id) FROM file_versions")), 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM blobs")), 4);

        // In time order, ver-001 (ver-002's prev) and ver-005 (after ver-004) included.
        const auto projects = Projects::all(*m_store);
        QVERIFY(projects && projects->size() == 1);
        const auto today = FileVersions::file(*m_store, projects->first().id, QStringLiteral("notes/today.md"));
        QVERIFY(today && *today);
        const auto history = FileVersions::history(*m_store, (*today)->id);
        QVERIFY(history);
        QStringList origins;
        for (const FileVersions::Version &version : *history)
            origins << version.origin;
        QCOMPARE(origins,
            (QStringList{ QStringLiteral("ver-005"),
                QStringLiteral("ver-004"),
                QStringLiteral("ver-002"),
                QStringLiteral("ver-001") }));
        QCOMPARE(history->at(1).blobId, history->at(2).blobId);
        QCOMPARE(history->at(1).added, 0);
        QCOMPARE(history->at(1).removed, 0);
        QCOMPARE(history->at(1).author, QStringLiteral("bootstrap"));
        QCOMPARE(history->at(0).added, 1);

        const ImportReport again = import(QStringLiteral("arium"), folder);
        QCOMPARE(again.versions, qint64(0));
        QCOMPARE(again.events, qint64(0));
        QCOMPARE(again.snapshots, qint64(0));
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
