#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>

#include "Error.h"

class Store;

// The versions of the files in a project's workspace (tables files and file_versions).
namespace FileVersions {

// A version as an importer (or a restore) finds it.
struct Draft
{
    QString path; // relative to the workspace root, '/' between folders
    std::optional<QByteArray> content; // none: the file was deleted
    QDateTime time;
    QString author;
    QString originKind; // arium, claude-code, codex, git, disk, restore
    QString origin; // the source's id for it
    std::optional<qint64> sessionId;
    QString messageKey; // the message's source key in that session
    QString sourceKey; // unique per file: adding the same key again adds nothing
    // Only worth a version when it differs from the file's latest one (a file's content before an
    // edit, known from the edit itself).
    bool onlyIfChanged = false;
};

struct Version
{
    qint64 id = 0;
    qint64 fileId = 0;
    qint64 projectId = 0;
    QString path;
    std::optional<qint64> blobId; // none: deleted
    qint64 size = 0;
    std::optional<qint64> previousId;
    QDateTime time;
    QString author;
    QString originKind;
    QString origin;
    std::optional<qint64> sessionId;
    std::optional<qint64> messageId;
    int added = 0;
    int removed = 0;
    std::optional<qint64> previousSize; // of the previous version, when it had content
};

struct File
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString path;
    int versions = 0;
    std::optional<qint64> latestVersionId;
    qint64 latestSize = 0;
    bool deleted = false; // the latest version is a deletion
};

struct Added
{
    qint64 versionId = 0;
    bool added = false; // false: a version with this key was there already
    bool newBlob = false;
};

// Adds a version after the file's latest one (in the caller's transaction), counting the lines
// added and removed against it.
[[nodiscard]] Result<Added> add(Store &store, qint64 projectId, const Draft &draft);

[[nodiscard]] Result<std::optional<Version>> version(Store &store, qint64 id);

// Newest first, `limit` at a time: pass the last one's id as `before` for the next page.
[[nodiscard]] Result<QList<Version>> history(
    Store &store, qint64 fileId, std::optional<qint64> before = {}, int limit = 200);

[[nodiscard]] Result<QList<File>> files(Store &store, qint64 projectId);

[[nodiscard]] Result<std::optional<File>> file(Store &store, qint64 projectId, const QString &path);

// A version's content; empty for a deletion.
[[nodiscard]] Result<QByteArray> content(Store &store, const Version &version);

// The latest version of a file, if any.
[[nodiscard]] Result<std::optional<Version>> latest(Store &store, qint64 projectId, const QString &path);

// The newest version of `path` at or before `time` in any project whose workspace is `root` (the
// same folder as several sources know it: a git work tree, a Codex or Claude Code cwd).
[[nodiscard]] Result<std::optional<Version>> latestInWorkspace(
    Store &store, const QString &root, const QString &path, const QDateTime &time);

// Where a version came from, in a few words: "git 1a2b3c4d5e" (a commit cut to ten digits),
// "claude-code toolu_…", "arium 01KC…".
[[nodiscard]] QString originText(const Version &version);

// A path as the store keeps it: relative, '/' between folders, no "./" or empty parts. Empty when
// it cannot be one (absolute, or going up with "..").
[[nodiscard]] QString normalisedPath(const QString &path);

} // namespace FileVersions
