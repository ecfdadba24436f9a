#pragma once

#include <optional>

#include "Diff.h"
#include "Error.h"
#include "FileVersions.h"

class Store;

// Putting a version of a file back into its workspace, by the rules of DESIGN.md §3: show the
// change first, keep what is on disk as a version before writing, write atomically and only
// inside the workspace root, and make it undoable.
namespace Restore {

struct Plan
{
    FileVersions::Version version;
    QString root; // the project's workspace root
    QString target; // the absolute path that will be written
    bool onDisk = false; // the file exists now
    QByteArray disk; // its content now
    QByteArray wanted; // the version's content
    Diff::FileDiff diff; // from the disk to the version
    [[nodiscard]] bool changesNothing() const { return onDisk && disk == wanted; }
};

struct Outcome
{
    qint64 restoredVersionId = 0; // the version that was put back
    qint64 safetyVersionId = 0; // what was on disk before (a deletion when there was no file)
    std::optional<qint64> recordedVersionId; // the new version that records the restore
    QString target;
    bool created = false; // the file did not exist before
};

// What restoring `versionId` would do; nothing is written. Fails with a message a person can act
// on: version unknown, a deletion, no workspace, the workspace missing, a path leading outside
// the workspace, a file that cannot be written.
[[nodiscard]] Result<Plan> plan(Store &store, qint64 versionId);

// Restores `versionId`: records the disk's content as a version (committed before the file is
// touched), writes the file through QSaveFile (creating missing folders inside the workspace),
// then records the restore.
[[nodiscard]] Result<Outcome> apply(Store &store, qint64 versionId);

// Undoes a restore: puts back what was on disk before it (removes the file when it was created),
// unless the file changed since the restore.
[[nodiscard]] Result<Outcome> undo(Store &store, const Outcome &restored);

} // namespace Restore
