#include "Restore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "Blobs.h"
#include "Files.h"
#include "Projects.h"
#include "Sql.h"
#include "Store.h"
#include "WorkspacePaths.h"

namespace Restore {

namespace {

// The version recorded for what is on disk now: the file's latest version when that already
// holds it, else a new one (a deletion when there is no file).
Result<qint64> recordDisk(Store &store, const Plan &plan, const QString &why)
{
    auto latest = FileVersions::latest(store, plan.version.projectId, plan.version.path);
    if (!latest)
        return std::unexpected(latest.error());
    // The latest version already holds what is there (or says the file is not there).
    if (*latest
        && (plan.onDisk ? (*latest)->blobId && Blobs::find(store, plan.disk) == (*latest)->blobId : !(*latest)->blobId))
        return (*latest)->id;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    FileVersions::Draft draft;
    draft.path = plan.version.path;
    if (plan.onDisk)
        draft.content = plan.disk;
    draft.time = now;
    draft.author = QStringLiteral("Strata");
    draft.originKind = QStringLiteral("disk");
    draft.origin = why;
    draft.sourceKey = QStringLiteral("disk:%1:%2")
                          .arg(now.toMSecsSinceEpoch())
                          .arg(QString::fromLatin1(Blobs::sha256(plan.disk).toHex().left(16)));
    auto added = FileVersions::add(store, plan.version.projectId, draft);
    if (!added)
        return std::unexpected(added.error());
    return added->versionId;
}

Result<qint64> inTransaction(Store &store, const std::function<Result<qint64>()> &work)
{
    auto transaction = Sql::Transaction::begin(store.database());
    if (!transaction)
        return std::unexpected(transaction.error());
    auto done = work();
    if (!done)
        return done;
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return done;
}

} // namespace

Result<Plan> plan(Store &store, qint64 versionId)
{
    auto found = FileVersions::version(store, versionId);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("Restore", "there is no version %1 in the store").arg(versionId));
    Plan plan;
    plan.version = **found;
    if (!plan.version.blobId)
        return fail(Error::Code::InvalidArgument,
            QCoreApplication::translate(
                "Restore", "version %1 records that %2 was deleted; choose a version with content")
                .arg(versionId)
                .arg(plan.version.path));
    auto project = Projects::find(store, plan.version.projectId);
    if (!project)
        return std::unexpected(project.error());
    if (!*project || (*project)->workspaceRoot.isEmpty())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("Restore", "the project of version %1 has no workspace folder to restore into")
                .arg(versionId));
    plan.root = (*project)->workspaceRoot;
    if (!QFileInfo(plan.root).isDir())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("Restore", "the workspace folder %1 is missing; nothing was restored")
                .arg(QDir::toNativeSeparators(plan.root)));
    auto target = WorkspacePaths::resolveInside(plan.root, plan.version.path);
    if (!target)
        return std::unexpected(target.error());
    plan.target = *target;
    const QFileInfo info(plan.target);
    plan.onDisk = info.exists();
    if (plan.onDisk) {
        if (!info.isFile())
            return fail(Error::Code::InvalidArgument,
                QCoreApplication::translate("Restore", "%1 is not a file; nothing was restored")
                    .arg(QDir::toNativeSeparators(plan.target)));
        QFile file(plan.target);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::Code::PermissionDenied,
                QCoreApplication::translate("Restore", "cannot read %1: %2")
                    .arg(QDir::toNativeSeparators(plan.target), file.errorString()));
        plan.disk = file.readAll();
        if (!info.isWritable())
            return fail(Error::Code::PermissionDenied,
                QCoreApplication::translate("Restore", "%1 is read-only; nothing was restored")
                    .arg(QDir::toNativeSeparators(plan.target)));
    }
    auto wanted = FileVersions::content(store, plan.version);
    if (!wanted)
        return std::unexpected(wanted.error());
    plan.wanted = std::move(*wanted);
    auto diff = Diff::compare(plan.disk, plan.wanted);
    if (!diff)
        return std::unexpected(diff.error());
    plan.diff = std::move(*diff);
    return plan;
}

Result<Outcome> apply(Store &store, qint64 versionId)
{
    auto planned = plan(store, versionId);
    if (!planned)
        return std::unexpected(planned.error());
    Outcome outcome;
    outcome.restoredVersionId = versionId;
    outcome.target = planned->target;
    outcome.created = !planned->onDisk;
    // 1. What is on disk becomes a version, committed before the file is touched.
    auto safety = inTransaction(store,
        [&] { return recordDisk(store, *planned, QStringLiteral("before restoring version %1").arg(versionId)); });
    if (!safety)
        return std::unexpected(safety.error());
    outcome.safetyVersionId = *safety;
    if (planned->changesNothing())
        return outcome;
    // 2. The file, whole or not at all, only inside the workspace (checked by plan()).
    if (auto folder = Files::makeFolder(QFileInfo(planned->target).absolutePath()); !folder)
        return std::unexpected(folder.error());
    if (auto written = Files::writeAtomically(planned->target, planned->wanted); !written)
        return std::unexpected(written.error());
    // 3. The restore in the file's history.
    Plan after = *planned;
    after.onDisk = true;
    after.disk = planned->wanted;
    auto recorded = inTransaction(
        store, [&] { return recordDisk(store, after, QStringLiteral("restored version %1").arg(versionId)); });
    if (!recorded)
        return std::unexpected(recorded.error());
    if (*recorded != versionId)
        outcome.recordedVersionId = *recorded;
    return outcome;
}

Result<Outcome> undo(Store &store, const Outcome &restored)
{
    auto restoredVersion = FileVersions::version(store, restored.restoredVersionId);
    if (!restoredVersion)
        return std::unexpected(restoredVersion.error());
    auto wanted = *restoredVersion ? FileVersions::content(store, **restoredVersion) : Result<QByteArray>();
    if (!wanted)
        return std::unexpected(wanted.error());
    QFile file(restored.target);
    const bool changed = !file.open(QIODevice::ReadOnly) || file.readAll() != *wanted;
    file.close();
    if (changed)
        return fail(Error::Code::InvalidArgument,
            QCoreApplication::translate(
                "Restore", "%1 changed after the restore; undo would lose that change, so nothing was done")
                .arg(QDir::toNativeSeparators(restored.target)));
    auto safety = FileVersions::version(store, restored.safetyVersionId);
    if (!safety)
        return std::unexpected(safety.error());
    if (!*safety)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("Restore", "there is no version %1 in the store")
                .arg(restored.safetyVersionId));
    if ((*safety)->blobId)
        return apply(store, restored.safetyVersionId);
    // The file did not exist before the restore: it goes again.
    if (QFile created(restored.target); !created.remove())
        return fail(Error::Code::PermissionDenied,
            QCoreApplication::translate("Restore", "cannot remove %1: %2")
                .arg(QDir::toNativeSeparators(restored.target), created.errorString()));
    Plan gone;
    gone.version = **safety;
    auto recorded = inTransaction(store, [&] {
        return recordDisk(
            store, gone, QStringLiteral("undid the restore of version %1").arg(restored.restoredVersionId));
    });
    if (!recorded)
        return std::unexpected(recorded.error());
    Outcome outcome;
    outcome.restoredVersionId = restored.safetyVersionId;
    outcome.safetyVersionId = restored.recordedVersionId.value_or(restored.restoredVersionId);
    outcome.recordedVersionId = *recorded;
    outcome.target = restored.target;
    return outcome;
}

} // namespace Restore
