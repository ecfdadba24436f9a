#pragma once

#include <functional>
#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "Error.h"

class Store;

// Snapshots of a project's whole workspace (tables trees, snapshots, disk_cache; a tree lists its files in a blob).
namespace Snapshots {

struct Entry
{
    QString path; // relative to the workspace root, '/' between folders
    qint64 blobId = 0;
    qint64 size = 0;
    int mode = 0644; // 0644, 0755, or 0120000 for a symbolic link (its blob holds the target)
};

struct Snapshot
{
    qint64 id = 0;
    qint64 projectId = 0;
    qint64 treeId = 0;
    QString label;
    QDateTime createdAt;
    QString trigger; // manual, agent-finished, imported, before-restore
    int fileCount = 0;
    qint64 totalSize = 0;
};

struct Created
{
    Snapshot snapshot;
    int filesRead = 0; // files whose content was read (the others matched the cache)
    int blobsAdded = 0;
    bool newTree = false; // false: the workspace was as in an earlier snapshot
};

// Snapshots `root` (the project's workspace, or a folder given) as it is now, leaving out what
// IgnoreRules leaves out. Files whose size and modification time match what the last snapshot
// read are not read again. One transaction. `progress` gets (files done, files in all).
[[nodiscard]] Result<Created> create(Store &store,
    qint64 projectId,
    const QString &root,
    const QString &label,
    const QString &trigger = QStringLiteral("manual"),
    const std::function<void(int, int)> &progress = {});

// A snapshot of given contents (an importer's): path -> content. Refuses paths leading out.
[[nodiscard]] Result<std::optional<Snapshot>> createFrom(Store &store,
    qint64 projectId,
    const QList<std::pair<QString, QByteArray>> &files,
    const QDateTime &createdAt,
    const QString &label,
    const QString &trigger,
    const QString &sourceKey);

// A snapshot of entries whose contents are stored already (a git commit's tree). Paths are checked.
[[nodiscard]] Result<std::optional<Snapshot>> createFromEntries(Store &store,
    qint64 projectId,
    QList<Entry> entries,
    const QDateTime &createdAt,
    const QString &label,
    const QString &trigger,
    const QString &sourceKey);

[[nodiscard]] Result<QList<Snapshot>> list(Store &store, qint64 projectId);
// The same order a page at a time: up to `limit` snapshots after the snapshot id `after` (the last of
// the page before; none: the first page). Keyset paging on (created_at, id), served by an index.
[[nodiscard]] Result<QList<Snapshot>> page(Store &store, qint64 projectId, std::optional<qint64> after, int limit);
[[nodiscard]] Result<std::optional<Snapshot>> find(Store &store, qint64 id);
// The snapshot of `projectId` with this label (the newest when several have it).
[[nodiscard]] Result<std::optional<Snapshot>> findByLabel(Store &store, qint64 projectId, const QString &label);
[[nodiscard]] Result<QList<Entry>> entries(Store &store, qint64 snapshotId);

// What differs between two states of a workspace.
struct Change
{
    enum class Kind { Added, Removed, Modified, Renamed };
    Kind kind = Kind::Modified;
    QString path; // the new path (the old one for Removed)
    QString oldPath; // Renamed: where it was
    std::optional<qint64> oldBlob;
    std::optional<qint64> newBlob;
    QString diskPath; // the new side is a file on disk (its absolute path), not a blob
    int added = 0; // lines
    int removed = 0;
    bool binary = false;
};

// From snapshot `from` to snapshot `to`.
[[nodiscard]] Result<QList<Change>> compare(Store &store, qint64 from, qint64 to);
// From snapshot `from` to the workspace `root` on disk now.
[[nodiscard]] Result<QList<Change>> compareWithDisk(Store &store, qint64 from, const QString &root);

// A change's two contents, for a diff.
[[nodiscard]] Result<std::pair<QByteArray, QByteArray>> contentsOf(Store &store, const Change &change);

[[nodiscard]] QString kindName(Change::Kind kind);

// Putting a snapshot back into its workspace (DESIGN.md §3): the plan first, then a snapshot of
// the workspace as it is ("before-restore", committed before any file is touched), then each file
// through QSaveFile, only inside the root.
struct Step
{
    enum class Kind { Write, Create, Delete };
    Kind kind = Kind::Write;
    QString path; // relative
    QString target; // absolute, checked to be inside the root
    Entry entry; // Write and Create: what goes there
};

struct RestorePlan
{
    Snapshot snapshot;
    QString root;
    QList<Step> steps;
};

// What restoring `snapshotId` into `root` does: files that differ are written, files the
// workspace lacks are created, and with `deleteExtra` files the snapshot lacks are deleted.
// `only` limits it to these paths (files or folders). Fails when a path would lead outside.
[[nodiscard]] Result<RestorePlan> planRestore(
    Store &store, qint64 snapshotId, const QString &root, const QStringList &only = {}, bool deleteExtra = false);

struct Restored
{
    qint64 beforeSnapshotId = 0; // the workspace as it was: restoring it undoes this
    int written = 0;
    int created = 0;
    int deleted = 0;
};

// Carries out a plan. `progress` gets (steps done, steps in all); `cancelled` is asked between
// files (what was done stays done, and the before-restore snapshot undoes it).
[[nodiscard]] Result<Restored> restore(Store &store,
    const RestorePlan &plan,
    const std::function<void(int, int)> &progress = {},
    const std::function<bool()> &cancelled = {});

} // namespace Snapshots
