#include "FileVersions.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTimeZone>

#include "Blobs.h"
#include "Diff.h"
#include "Sql.h"
#include "Store.h"

namespace FileVersions {

namespace {

const QString versionColumns = QStringLiteral(
    "v.id, v.file_id, v.project_id, f.path, v.blob_id, coalesce(b.size, 0), v.previous_id, v.timestamp, v.author, "
    "v.origin_kind, v.origin, v.session_id, "
    "(SELECT m.id FROM messages m WHERE m.session_id = v.session_id AND m.source_key = v.message_key), "
    "v.added, v.removed, pb.size "
    "FROM file_versions v JOIN files f ON f.id = v.file_id LEFT JOIN blobs b ON b.id = v.blob_id "
    "LEFT JOIN file_versions pv ON pv.id = v.previous_id LEFT JOIN blobs pb ON pb.id = pv.blob_id");

Version versionFrom(const QSqlQuery &row)
{
    Version version;
    version.id = row.value(0).toLongLong();
    version.fileId = row.value(1).toLongLong();
    version.projectId = row.value(2).toLongLong();
    version.path = row.value(3).toString();
    version.blobId = Sql::optionalOf(row.value(4));
    version.size = row.value(5).toLongLong();
    version.previousId = Sql::optionalOf(row.value(6));
    if (!row.value(7).isNull())
        version.time = QDateTime::fromMSecsSinceEpoch(row.value(7).toLongLong(), Qt::UTC);
    version.author = row.value(8).toString();
    version.originKind = row.value(9).toString();
    version.origin = row.value(10).toString();
    version.sessionId = Sql::optionalOf(row.value(11));
    version.messageId = Sql::optionalOf(row.value(12));
    version.added = row.value(13).toInt();
    version.removed = row.value(14).toInt();
    version.previousSize = Sql::optionalOf(row.value(15));
    return version;
}

Result<qint64> fileIdFor(Store &store, qint64 projectId, const QString &path)
{
    const QSqlDatabase db = store.database();
    auto found
        = Sql::run(db, QStringLiteral("SELECT id FROM files WHERE project_id = ? AND path = ?"), { projectId, path });
    if (!found)
        return std::unexpected(found.error());
    if (found->next())
        return found->value(0).toLongLong();
    auto inserted
        = Sql::run(db, QStringLiteral("INSERT INTO files (project_id, path) VALUES (?, ?)"), { projectId, path });
    if (!inserted)
        return std::unexpected(inserted.error());
    return inserted->lastInsertId().toLongLong();
}

int lineCount(const QByteArray &text)
{
    if (text.isEmpty())
        return 0;
    return int(text.count('\n')) + (text.endsWith('\n') ? 0 : 1);
}

} // namespace

QString originText(const Version &version)
{
    const QString origin = version.originKind == u"git" ? version.origin.left(10) : version.origin;
    return origin.isEmpty() ? version.originKind : version.originKind + u' ' + origin;
}

QString normalisedPath(const QString &path)
{
    QString cleaned = path;
    cleaned.replace(u'\\', u'/');
    if (cleaned.startsWith(u'/') || (cleaned.size() > 1 && cleaned.at(1) == u':'))
        return {};
    QStringList parts;
    for (const QString &part : cleaned.split(u'/', Qt::SkipEmptyParts)) {
        if (part == u".")
            continue;
        if (part == u"..")
            return {};
        parts << part;
    }
    return parts.join(u'/');
}

Result<Added> add(Store &store, qint64 projectId, const Draft &draft)
{
    const QString path = normalisedPath(draft.path);
    if (path.isEmpty())
        return fail(Error::Code::PathOutsideWorkspace,
            QCoreApplication::translate("FileVersions", "%1 is not a path inside the workspace").arg(draft.path));
    const auto fileId = fileIdFor(store, projectId, path);
    if (!fileId)
        return std::unexpected(fileId.error());
    const QSqlDatabase db = store.database();
    auto existing = Sql::run(db,
        QStringLiteral("SELECT id FROM file_versions WHERE file_id = ? AND source_key = ?"),
        { *fileId, Sql::text(draft.sourceKey) });
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->next())
        return Added{ existing->value(0).toLongLong(), false, false };

    auto previous = Sql::run(db,
        QStringLiteral("SELECT id, blob_id FROM file_versions WHERE file_id = ? ORDER BY id DESC LIMIT 1"),
        { *fileId });
    if (!previous)
        return std::unexpected(previous.error());
    std::optional<qint64> previousId;
    std::optional<qint64> previousBlob;
    if (previous->next()) {
        previousId = previous->value(0).toLongLong();
        previousBlob = Sql::optionalOf(previous->value(1));
    }

    if (draft.onlyIfChanged && previousId) {
        const bool same
            = !draft.content ? !previousBlob : previousBlob && Blobs::find(store, *draft.content) == previousBlob;
        if (same)
            return Added{ *previousId, false, false };
    }
    std::optional<qint64> blobId;
    bool newBlob = false;
    if (draft.content) {
        auto stored = Blobs::put(store, *draft.content, previousBlob);
        if (!stored)
            return std::unexpected(stored.error());
        blobId = stored->id;
        newBlob = stored->added;
    }
    int added = 0;
    int removed = 0;
    if (blobId != previousBlob) {
        QByteArray before;
        if (previousBlob) {
            auto read = Blobs::get(store, *previousBlob);
            if (!read)
                return std::unexpected(read.error());
            before = std::move(*read);
        }
        const QByteArray after = draft.content.value_or(QByteArray());
        if (before.isEmpty() || after.isEmpty()) {
            added = lineCount(after);
            removed = lineCount(before);
        } else if (auto diff = Diff::compare(before, after); diff && !diff->binary) {
            added = diff->added;
            removed = diff->removed;
        }
    }
    auto inserted = Sql::run(db,
        QStringLiteral("INSERT INTO file_versions (file_id, project_id, blob_id, previous_id, timestamp, author, "
                       "origin_kind, origin, session_id, message_key, added, removed, source_key) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { *fileId,
            projectId,
            Sql::nullable(blobId),
            Sql::nullable(previousId),
            draft.time.isValid() ? QVariant(draft.time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>()),
            Sql::text(draft.author),
            Sql::text(draft.originKind),
            Sql::text(draft.origin),
            Sql::nullable(draft.sessionId),
            draft.messageKey.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(draft.messageKey),
            added,
            removed,
            Sql::text(draft.sourceKey) });
    if (!inserted)
        return std::unexpected(inserted.error());
    return Added{ inserted->lastInsertId().toLongLong(), true, newBlob };
}

Result<std::optional<Version>> version(Store &store, qint64 id)
{
    auto row = Sql::run(
        store.database(), QStringLiteral("SELECT ") + versionColumns + QStringLiteral(" WHERE v.id = ?"), { id });
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return std::optional<Version>();
    return std::optional(versionFrom(*row));
}

Result<QList<Version>> history(Store &store, qint64 fileId, std::optional<qint64> before, int limit)
{
    auto rows = Sql::run(store.database(),
        QStringLiteral("SELECT ") + versionColumns
            + QStringLiteral(" WHERE v.file_id = ? AND v.id < ? ORDER BY v.id DESC LIMIT ?"),
        { fileId, before.value_or(std::numeric_limits<qint64>::max()), limit });
    if (!rows)
        return std::unexpected(rows.error());
    QList<Version> versions;
    while (rows->next())
        versions.append(versionFrom(*rows));
    return versions;
}

namespace {

Result<QList<File>> filesWhere(Store &store, qint64 projectId, const std::optional<QString> &path)
{
    const QString sql
        = QStringLiteral("SELECT f.id, f.path, s.n, s.latest, coalesce(b.size, 0), l.blob_id IS NULL FROM files f "
                         "JOIN (SELECT file_id, count(*) AS n, max(id) AS latest FROM file_versions "
                         "WHERE project_id = ? GROUP BY file_id) s ON s.file_id = f.id "
                         "JOIN file_versions l ON l.id = s.latest LEFT JOIN blobs b ON b.id = l.blob_id "
                         "WHERE f.project_id = ?%1 ORDER BY f.path")
              .arg(path ? QStringLiteral(" AND f.path = ?") : QString());
    auto rows = path ? Sql::run(store.database(), sql, { projectId, projectId, *path })
                     : Sql::run(store.database(), sql, { projectId, projectId });
    if (!rows)
        return std::unexpected(rows.error());
    QList<File> found;
    while (rows->next()) {
        File file;
        file.id = rows->value(0).toLongLong();
        file.projectId = projectId;
        file.path = rows->value(1).toString();
        file.versions = rows->value(2).toInt();
        file.latestVersionId = Sql::optionalOf(rows->value(3));
        file.latestSize = rows->value(4).toLongLong();
        file.deleted = rows->value(5).toBool();
        found.append(file);
    }
    return found;
}

} // namespace

Result<QList<File>> files(Store &store, qint64 projectId)
{
    return filesWhere(store, projectId, std::nullopt);
}

Result<std::optional<File>> file(Store &store, qint64 projectId, const QString &path)
{
    auto found = filesWhere(store, projectId, normalisedPath(path));
    if (!found)
        return std::unexpected(found.error());
    return found->isEmpty() ? std::optional<File>() : std::optional(found->first());
}

Result<QByteArray> content(Store &store, const Version &version)
{
    if (!version.blobId)
        return QByteArray();
    return Blobs::get(store, *version.blobId);
}

Result<std::optional<Version>> latest(Store &store, qint64 projectId, const QString &path)
{
    auto row = Sql::run(store.database(),
        QStringLiteral("SELECT ") + versionColumns
            + QStringLiteral(" WHERE f.project_id = ? AND f.path = ? ORDER BY v.id DESC LIMIT 1"),
        { projectId, normalisedPath(path) });
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return std::optional<Version>();
    return std::optional(versionFrom(*row));
}

Result<std::optional<Version>> latestInWorkspace(
    Store &store, const QString &root, const QString &path, const QDateTime &time)
{
    auto row = Sql::run(store.database(),
        QStringLiteral("SELECT ") + versionColumns
            + QStringLiteral(" JOIN projects p ON p.id = f.project_id WHERE p.workspace_root = ? AND f.path = ? "
                             "AND (v.timestamp IS NULL OR v.timestamp <= ?) ORDER BY v.timestamp DESC, v.id DESC "
                             "LIMIT 1"),
        { root, normalisedPath(path), time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max() });
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return std::optional<Version>();
    return std::optional(versionFrom(*row));
}

} // namespace FileVersions
