// strata-cli snapshot: create, list, show and compare snapshots of a workspace (see Snapshots).

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QThread>

#include "Cli.h"
#include "Diff.h"
#include "Projects.h"
#include "Snapshots.h"
#include "Store.h"

namespace {

QJsonObject toJson(const Snapshots::Snapshot &snapshot)
{
    return { { QStringLiteral("id"), snapshot.id },
        { QStringLiteral("project_id"), snapshot.projectId },
        { QStringLiteral("label"), snapshot.label },
        { QStringLiteral("created_at"), snapshot.createdAt.toString(Qt::ISODateWithMs) },
        { QStringLiteral("trigger"), snapshot.trigger },
        { QStringLiteral("files"), snapshot.fileCount },
        { QStringLiteral("bytes"), snapshot.totalSize } };
}

// A seam for the test that kills a restore half way (TestSnapshots): with
// STRATA_TEST_PAUSE_RESTORE_AFTER=N set, the restore stops once N files are written, says so on
// stderr and waits to be killed, so that the test kills a process known to be inside the restore
// (with files already new and files not yet written). Without the variable: no progress callback.
std::function<void(int, int)> pauseForTests()
{
    bool set = false;
    const int after = qEnvironmentVariableIntValue("STRATA_TEST_PAUSE_RESTORE_AFTER", &set);
    if (!set)
        return {};
    return [after](int done, int total) {
        if (done < after || done >= total)
            return;
        fprintf(stderr, "paused after %d of %d files\n", done, total);
        fflush(stderr);
        for (int second = 0; second < 600; ++second) // then go on: a test that died does not leave it
            QThread::sleep(1);
    };
}

} // namespace

int Cli::snapshot(QCommandLineParser &parser)
{
    const QStringList arguments = parser.positionalArguments();
    const QString action = arguments.value(0);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (action != u"create" && action != u"list" && action != u"show" && action != u"diff" && action != u"restore")
        return usageError(tr("use: snapshot create [--project P] [--label L] [DIR], snapshot list [--project P], "
                             "snapshot show S, snapshot diff A B [--patch], or snapshot restore S [--files PATH...] "
                             "[--delete-extra] [--dry-run] [--yes]"));
    const auto store = openStore();
    if (!store)
        return m_openFailure;

    std::optional<Project> project;
    if (const QString name = parser.value(QStringLiteral("project")); !name.isEmpty()) {
        const auto matching = projectsMatching(*store, name);
        if (!matching)
            return failed(matching.error());
        if (matching->size() > 1)
            return usageError(tr("%1 projects are named %2; give the id").arg(matching->size()).arg(name));
        auto found = Projects::find(*store, matching->first());
        if (!found || !*found)
            return failed(found ? Error{ Error::Code::NotFound, name } : found.error());
        project = **found;
    }

    // A snapshot by id, or by label (in --project, else in any project, the newest).
    const auto snapshotNamed = [&](const QString &name) -> Result<Snapshots::Snapshot> {
        bool isNumber = false;
        const qint64 id = name.toLongLong(&isNumber);
        if (isNumber) {
            auto found = Snapshots::find(*store, id);
            if (!found)
                return std::unexpected(found.error());
            if (*found)
                return **found;
        }
        QList<Project> candidates;
        if (project) {
            candidates << *project;
        } else {
            auto all = Projects::all(*store);
            if (!all)
                return std::unexpected(all.error());
            candidates = *all;
        }
        std::optional<Snapshots::Snapshot> newest;
        for (const Project &candidate : std::as_const(candidates)) {
            auto found = Snapshots::findByLabel(*store, candidate.id, name);
            if (!found)
                return std::unexpected(found.error());
            if (*found && (!newest || (*found)->createdAt > newest->createdAt))
                newest = **found;
        }
        if (!newest)
            return fail(
                Error::Code::NotFound, tr("there is no snapshot %1; `strata-cli snapshot list` lists them").arg(name));
        return *newest;
    };

    if (action == u"create") {
        if (arguments.size() > 2 || (arguments.size() < 2 && !project))
            return usageError(tr("use: snapshot create [--project P] [--label L] [DIR]"));
        QString root = arguments.size() == 2 ? QDir::cleanPath(QFileInfo(arguments.at(1)).absoluteFilePath())
                                             : project->workspaceRoot;
        if (!project) {
            // The project whose workspace this is, or a new one for it.
            auto all = Projects::all(*store);
            if (!all)
                return failed(all.error());
            for (const Project &candidate : std::as_const(*all))
                if (!candidate.workspaceRoot.isEmpty() && QDir::cleanPath(candidate.workspaceRoot) == root)
                    project = candidate;
            if (!project) {
                if (!QFileInfo(root).isDir())
                    return failed({ Error::Code::NotFound,
                        tr("the folder %1 does not exist; nothing was stored").arg(QDir::toNativeSeparators(root)) });
                auto made = Projects::create(*store, Projects::inFolder(QStringLiteral("folder"), root));
                if (!made)
                    return failed(made.error());
                project = *made;
                m_err << tr("New project %1 (%2) for %3.")
                             .arg(project->id)
                             .arg(project->name, QDir::toNativeSeparators(root))
                      << '\n';
            }
        }
        if (root.isEmpty())
            return failed({ Error::Code::NotFound, tr("project %1 has no workspace folder").arg(project->name) });
        const auto created = Snapshots::create(*store, project->id, root, parser.value(QStringLiteral("label")));
        if (!created)
            return failed(created.error());
        if (json) {
            QJsonObject object = toJson(created->snapshot);
            object.insert(QStringLiteral("files_read"), created->filesRead);
            object.insert(QStringLiteral("contents_added"), created->blobsAdded);
            m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
        } else {
            m_out << tr("Snapshot %1 of %2: %3 files, %4; read %5 files, %6 new contents.")
                         .arg(created->snapshot.id)
                         .arg(project->name)
                         .arg(created->snapshot.fileCount)
                         .arg(QLocale().formattedDataSize(created->snapshot.totalSize))
                         .arg(created->filesRead)
                         .arg(created->blobsAdded)
                  << '\n';
        }
        m_out.flush();
        return Done;
    }

    if (action == u"list") {
        QList<Project> projects;
        if (project) {
            projects << *project;
        } else {
            auto all = Projects::all(*store);
            if (!all)
                return failed(all.error());
            projects = *all;
        }
        QJsonArray array;
        for (const Project &each : std::as_const(projects)) {
            auto listed = Snapshots::list(*store, each.id);
            if (!listed)
                return failed(listed.error());
            for (const Snapshots::Snapshot &snapshot : std::as_const(*listed)) {
                if (json) {
                    array.append(toJson(snapshot));
                    continue;
                }
                m_out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                             .arg(QString::number(snapshot.id).rightJustified(5),
                                 snapshot.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                 each.name,
                                 snapshot.trigger,
                                 tr("%1 files").arg(snapshot.fileCount),
                                 QLocale().formattedDataSize(snapshot.totalSize),
                                 snapshot.label);
            }
        }
        if (json)
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << '\n';
        m_out.flush();
        return Done;
    }

    if (action == u"show") {
        if (arguments.size() != 2)
            return usageError(tr("use: snapshot show S"));
        const auto snapshot = snapshotNamed(arguments.at(1));
        if (!snapshot)
            return failed(snapshot.error());
        const auto entries = Snapshots::entries(*store, snapshot->id);
        if (!entries)
            return failed(entries.error());
        if (json) {
            QJsonArray files;
            for (const Snapshots::Entry &entry : std::as_const(*entries))
                files.append(QJsonObject{ { QStringLiteral("path"), entry.path },
                    { QStringLiteral("size"), entry.size },
                    { QStringLiteral("mode"), QString::number(entry.mode, 8) } });
            QJsonObject object = toJson(*snapshot);
            object.insert(QStringLiteral("entries"), files);
            m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
        } else {
            for (const Snapshots::Entry &entry : std::as_const(*entries))
                m_out << QString::number(entry.mode, 8).rightJustified(6, u'0') << ' '
                      << QString::number(entry.size).rightJustified(10) << "  " << entry.path << '\n';
        }
        m_out.flush();
        return Done;
    }

    if (action == u"restore") {
        const bool someFiles = parser.isSet(QStringLiteral("files"));
        if (arguments.size() < 2 || (arguments.size() > 2 && !someFiles) || (someFiles && arguments.size() < 3))
            return usageError(tr("use: snapshot restore S [--files PATH...] [--delete-extra] [--dry-run] [--yes]"));
        const auto snapshot = snapshotNamed(arguments.at(1));
        if (!snapshot)
            return failed(snapshot.error());
        auto owner = Projects::find(*store, snapshot->projectId);
        if (!owner || !*owner || (*owner)->workspaceRoot.isEmpty())
            return failed(
                { Error::Code::NotFound, tr("the project of snapshot %1 has no workspace folder").arg(snapshot->id) });
        const auto plan = Snapshots::planRestore(*store,
            snapshot->id,
            (*owner)->workspaceRoot,
            arguments.mid(2),
            parser.isSet(QStringLiteral("delete-extra")));
        if (!plan)
            return failed(plan.error());
        // What will be written, created and deleted, before anything is.
        for (const Snapshots::Step &step : plan->steps)
            m_out << (step.kind == Snapshots::Step::Kind::Write  ? tr("write ")
                    : step.kind == Snapshots::Step::Kind::Create ? tr("create")
                                                                 : tr("delete"))
                  << "  " << step.path << '\n';
        m_out.flush();
        if (plan->steps.isEmpty()) {
            m_err << tr("The workspace already matches snapshot %1; nothing to do.").arg(snapshot->id) << '\n';
            return Done;
        }
        if (parser.isSet(QStringLiteral("dry-run"))) {
            m_err
                << tr("Would change %1 files in %2.").arg(plan->steps.size()).arg(QDir::toNativeSeparators(plan->root))
                << '\n';
            return Done;
        }
        if (!parser.isSet(QStringLiteral("yes")))
            return usageError(tr("restoring changes the %1 files above in %2; add --yes to do it")
                                  .arg(plan->steps.size())
                                  .arg(QDir::toNativeSeparators(plan->root)));
        const auto restored = Snapshots::restore(*store, *plan, pauseForTests());
        if (!restored)
            return failed(restored.error());
        m_err << tr("Restored snapshot %1: %2 written, %3 created, %4 deleted. The workspace as it was is snapshot %5: "
                    "`strata-cli snapshot restore %5 --delete-extra --yes` puts it back.")
                     .arg(snapshot->id)
                     .arg(restored->written)
                     .arg(restored->created)
                     .arg(restored->deleted)
                     .arg(restored->beforeSnapshotId)
              << '\n';
        return Done;
    }

    // diff A B
    if (arguments.size() != 3)
        return usageError(tr("use: snapshot diff A B [--patch], A and B being snapshot ids, labels, or disk"));
    if (arguments.at(1) == u"disk")
        return usageError(tr("the first of the two must be a snapshot; use disk as the second"));
    const auto from = snapshotNamed(arguments.at(1));
    if (!from)
        return failed(from.error());
    Result<QList<Snapshots::Change>> changes;
    if (arguments.at(2) == u"disk") {
        auto owner = Projects::find(*store, from->projectId);
        if (!owner || !*owner || (*owner)->workspaceRoot.isEmpty())
            return failed(
                { Error::Code::NotFound, tr("the project of snapshot %1 has no workspace folder").arg(from->id) });
        changes = Snapshots::compareWithDisk(*store, from->id, (*owner)->workspaceRoot);
    } else {
        const auto to = snapshotNamed(arguments.at(2));
        if (!to)
            return failed(to.error());
        changes = Snapshots::compare(*store, from->id, to->id);
    }
    if (!changes)
        return failed(changes.error());
    if (json) {
        QJsonArray array;
        for (const Snapshots::Change &change : std::as_const(*changes)) {
            QJsonObject object{ { QStringLiteral("kind"), Snapshots::kindName(change.kind) },
                { QStringLiteral("path"), change.path },
                { QStringLiteral("added"), change.added },
                { QStringLiteral("removed"), change.removed },
                { QStringLiteral("binary"), change.binary } };
            if (!change.oldPath.isEmpty())
                object.insert(QStringLiteral("old_path"), change.oldPath);
            array.append(object);
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << '\n';
        m_out.flush();
        return Done;
    }
    const bool patch = parser.isSet(QStringLiteral("patch"));
    for (const Snapshots::Change &change : std::as_const(*changes)) {
        const QString letter = change.kind == Snapshots::Change::Kind::Added ? QStringLiteral("A")
            : change.kind == Snapshots::Change::Kind::Removed                ? QStringLiteral("D")
            : change.kind == Snapshots::Change::Kind::Renamed                ? QStringLiteral("R")
                                                                             : QStringLiteral("M");
        if (!patch) {
            m_out << letter << "  "
                  << (change.oldPath.isEmpty() ? change.path : change.oldPath + QStringLiteral(" -> ") + change.path)
                  << (change.binary ? tr("  (binary)")
                                    : QStringLiteral("  +%1 -%2").arg(change.added).arg(change.removed))
                  << '\n';
            continue;
        }
        const auto contents = Snapshots::contentsOf(*store, change);
        if (!contents)
            return failed(contents.error());
        const auto diff = Diff::compare(contents->first, contents->second);
        if (!diff)
            return failed(diff.error());
        const QString oldName = change.oldPath.isEmpty() ? change.path : change.oldPath;
        QByteArray text = "diff --strata a/" + oldName.toUtf8() + " b/" + change.path.toUtf8() + '\n';
        if (change.kind == Snapshots::Change::Kind::Renamed)
            text += "rename from " + oldName.toUtf8() + "\nrename to " + change.path.toUtf8() + '\n';
        text += Diff::unified(*diff,
            change.kind == Snapshots::Change::Kind::Added ? QStringLiteral("/dev/null") : oldName,
            change.kind == Snapshots::Change::Kind::Removed ? QStringLiteral("/dev/null") : change.path);
        writeOut(text.replace("--- a//dev/null", "--- /dev/null").replace("+++ b//dev/null", "+++ /dev/null"));
    }
    m_out.flush();
    if (changes->isEmpty())
        m_err << tr("No differences.") << '\n';
    return Done;
}
