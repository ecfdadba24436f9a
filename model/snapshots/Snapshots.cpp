#include "Snapshots.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlQuery>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

#include "Blobs.h"
#include "Diff.h"
#include "FileVersions.h"
#include "Files.h"
#include "IgnoreRules.h"
#include "Sql.h"
#include "Store.h"
#include "WorkspacePaths.h"

namespace Snapshots {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Snapshots", text);
}

constexpr int linkMode = 0120000;

struct DiskFile
{
    QString path; // relative
    QString absolute;
    qint64 size = 0;
    qint64 modifiedNs = 0;
    int mode = 0644;
};

QByteArray linkTarget(const QString &absolute)
{
#ifdef Q_OS_UNIX
    QByteArray buffer(4096, Qt::Uninitialized);
    const ssize_t length = ::readlink(QFile::encodeName(absolute).constData(), buffer.data(), size_t(buffer.size()));
    return length < 0 ? QByteArray() : buffer.left(length);
#else
    return QFile::encodeName(QFileInfo(absolute).symLinkTarget());
#endif
}

// The files of `root` that a snapshot keeps, sorted by path.
Result<QList<DiskFile>> walk(const QString &root)
{
    if (!QFileInfo(root).isDir())
        return fail(Error::Code::NotFound,
            tr("the folder %1 does not exist; nothing was stored").arg(QDir::toNativeSeparators(root)));
    IgnoreRules rules;
    QList<DiskFile> files;
    QStringList folders{ QString() };
    while (!folders.isEmpty()) {
        const QString folder = folders.takeLast();
        const QDir dir(folder.isEmpty() ? root : root + u'/' + folder);
        if (QFile ignore(dir.filePath(QStringLiteral(".gitignore"))); ignore.open(QIODevice::ReadOnly))
            rules.addFile(folder, ignore.readAll());
        const QFileInfoList children
            = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &child : children) {
            const QString path = folder.isEmpty() ? child.fileName() : folder + u'/' + child.fileName();
            const bool isFolder = child.isDir() && !child.isSymLink();
            if (rules.ignores(path, isFolder))
                continue;
            if (isFolder) {
                folders << path;
                continue;
            }
            DiskFile file;
            file.path = path;
            file.absolute = child.absoluteFilePath();
            if (child.isSymLink()) {
                file.mode = linkMode;
                file.size = linkTarget(file.absolute).size();
            } else if (child.isFile()) {
                file.size = child.size();
                file.mode = child.permission(QFile::ExeOwner) ? 0755 : 0644;
                file.modifiedNs = child.lastModified().toMSecsSinceEpoch() * 1000000;
            } else {
                continue; // sockets, devices, pipes
            }
            files.append(file);
        }
    }
    std::sort(files.begin(), files.end(), [](const DiskFile &a, const DiskFile &b) { return a.path < b.path; });
    return files;
}

struct Cached
{
    qint64 size = 0;
    qint64 modifiedNs = 0;
    qint64 blobId = 0;
};

Result<QHash<QString, Cached>> cacheOf(Store &store, qint64 projectId)
{
    auto rows = Sql::run(store.database(),
        QStringLiteral("SELECT path, size, modified_ns, blob_id FROM disk_cache WHERE project_id = ?"),
        { projectId });
    if (!rows)
        return std::unexpected(rows.error());
    QHash<QString, Cached> cache;
    while (rows->next())
        cache.insert(rows->value(0).toString(),
            { rows->value(1).toLongLong(), rows->value(2).toLongLong(), rows->value(3).toLongLong() });
    return cache;
}

// A file changed less than two seconds before it is looked at may change again within the same
// modification time: its cached state is not trusted (git calls these racily clean).
bool trusted(const DiskFile &file, const Cached &cached, qint64 nowNs)
{
    return cached.size == file.size && cached.modifiedNs == file.modifiedNs && file.modifiedNs < nowNs - 2'000'000'000;
}

// A tree's listing: "mode blob size path" and a NUL per entry, sorted by path.
QByteArray listingOf(const QList<Entry> &entries)
{
    QByteArray listing;
    listing.reserve(entries.size() * 48);
    for (const Entry &entry : entries) {
        listing += QByteArray::number(entry.mode, 8);
        listing += ' ';
        listing += QByteArray::number(entry.blobId);
        listing += ' ';
        listing += QByteArray::number(entry.size);
        listing += ' ';
        listing += entry.path.toUtf8();
        listing += '\0';
    }
    return listing;
}

Result<QList<Entry>> entriesOf(const QByteArray &listing)
{
    QList<Entry> entries;
    qsizetype start = 0;
    while (start < listing.size()) {
        const qsizetype end = listing.indexOf('\0', start);
        if (end < 0)
            break;
        const QByteArrayView line(listing.constData() + start, end - start);
        const qsizetype first = line.indexOf(' ');
        const qsizetype second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        const qsizetype third = second < 0 ? -1 : line.indexOf(' ', second + 1);
        if (third < 0)
            return fail(Error::Code::Corrupt, tr("a snapshot's list of files is damaged; run strata-cli verify"));
        Entry entry;
        entry.mode = line.first(first).toInt(nullptr, 8);
        entry.blobId = line.sliced(first + 1, second - first - 1).toLongLong();
        entry.size = line.sliced(second + 1, third - second - 1).toLongLong();
        entry.path = QString::fromUtf8(line.sliced(third + 1));
        entries.append(entry);
        start = end + 1;
    }
    return entries;
}

// The tree holding exactly `entries` (sorted by path), stored when new, as a delta against the
// project's latest tree.
Result<std::pair<qint64, bool>> storeTree(Store &store, qint64 projectId, const QList<Entry> &entries)
{
    const QSqlDatabase db = store.database();
    auto latest = Sql::run(db,
        QStringLiteral("SELECT t.blob_id FROM snapshots s JOIN trees t ON t.id = s.tree_id WHERE s.project_id = ? "
                       "ORDER BY s.id DESC LIMIT 1"),
        { projectId });
    if (!latest)
        return std::unexpected(latest.error());
    const std::optional<qint64> similar = latest->next() ? std::optional(latest->value(0).toLongLong()) : std::nullopt;
    auto stored = Blobs::put(store, listingOf(entries), similar);
    if (!stored)
        return std::unexpected(stored.error());
    auto found = Sql::run(db, QStringLiteral("SELECT id FROM trees WHERE blob_id = ?"), { stored->id });
    if (!found)
        return std::unexpected(found.error());
    if (found->next())
        return std::pair(found->value(0).toLongLong(), false);
    qint64 total = 0;
    for (const Entry &entry : entries)
        total += entry.size;
    auto tree = Sql::run(db,
        QStringLiteral("INSERT INTO trees (blob_id, file_count, total_size) VALUES (?, ?, ?)"),
        { stored->id, qint64(entries.size()), total });
    if (!tree)
        return std::unexpected(tree.error());
    return std::pair(tree->lastInsertId().toLongLong(), true);
}

Result<Snapshot> storeSnapshot(Store &store,
    qint64 projectId,
    qint64 treeId,
    const QDateTime &createdAt,
    const QString &label,
    const QString &trigger,
    const QString &sourceKey)
{
    auto inserted = Sql::run(store.database(),
        QStringLiteral("INSERT INTO snapshots (project_id, tree_id, label, created_at, trigger, source_key) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
        { projectId,
            treeId,
            Sql::text(label),
            createdAt.toMSecsSinceEpoch(),
            trigger,
            sourceKey.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(sourceKey) });
    if (!inserted)
        return std::unexpected(inserted.error());
    auto made = find(store, inserted->lastInsertId().toLongLong());
    if (!made)
        return std::unexpected(made.error());
    return **made;
}

const QString snapshotColumns = QStringLiteral(
    "SELECT s.id, s.project_id, s.tree_id, s.label, s.created_at, s.trigger, t.file_count, t.total_size "
    "FROM snapshots s JOIN trees t ON t.id = s.tree_id ");

Snapshot snapshotFrom(const QSqlQuery &row)
{
    Snapshot snapshot;
    snapshot.id = row.value(0).toLongLong();
    snapshot.projectId = row.value(1).toLongLong();
    snapshot.treeId = row.value(2).toLongLong();
    snapshot.label = row.value(3).toString();
    snapshot.createdAt = QDateTime::fromMSecsSinceEpoch(row.value(4).toLongLong(), Qt::UTC);
    snapshot.trigger = row.value(5).toString();
    snapshot.fileCount = row.value(6).toInt();
    snapshot.totalSize = row.value(7).toLongLong();
    return snapshot;
}

Result<QHash<QString, Entry>> entryMap(Store &store, qint64 snapshotId)
{
    auto list = entries(store, snapshotId);
    if (!list)
        return std::unexpected(list.error());
    QHash<QString, Entry> map;
    for (const Entry &entry : std::as_const(*list))
        map.insert(entry.path, entry);
    return map;
}

Result<QByteArray> readFile(const QString &absolute, int mode)
{
    if (mode == linkMode)
        return linkTarget(absolute);
    QFile file(absolute);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::PermissionDenied,
            tr("cannot read %1: %2").arg(QDir::toNativeSeparators(absolute), file.errorString()));
    return file.readAll();
}

void countLines(Change &change, const QByteArray &before, const QByteArray &after)
{
    const auto diff = Diff::compare(before, after);
    if (!diff)
        return;
    change.binary = diff->binary;
    change.added = diff->added;
    change.removed = diff->removed;
}

// Pairs removed and added files with the same content as renames.
void findRenames(QList<Change> &changes, const std::function<QByteArray(const Change &, bool)> &contentKey)
{
    QHash<QByteArray, qsizetype> removedByKey;
    for (qsizetype i = 0; i < changes.size(); ++i)
        if (changes.at(i).kind == Change::Kind::Removed)
            removedByKey.insert(contentKey(changes.at(i), false), i);
    QList<qsizetype> gone;
    for (Change &change : changes) {
        if (change.kind != Change::Kind::Added)
            continue;
        const auto found = removedByKey.find(contentKey(change, true));
        if (found == removedByKey.end())
            continue;
        const Change &removed = changes.at(*found);
        change.kind = Change::Kind::Renamed;
        change.oldPath = removed.path;
        change.oldBlob = removed.oldBlob;
        change.added = 0;
        change.removed = 0;
        gone << *found;
        removedByKey.erase(found);
    }
    std::sort(gone.begin(), gone.end(), std::greater<>());
    for (qsizetype index : gone)
        changes.removeAt(index);
    std::sort(changes.begin(), changes.end(), [](const Change &a, const Change &b) { return a.path < b.path; });
}

Result<bool> alreadyImported(Store &store, qint64 projectId, const QString &sourceKey)
{
    auto existing = Sql::run(store.database(),
        QStringLiteral("SELECT 1 FROM snapshots WHERE project_id = ? AND source_key = ?"),
        { projectId, sourceKey });
    if (!existing)
        return std::unexpected(existing.error());
    return existing->next();
}

} // namespace

QString kindName(Change::Kind kind)
{
    switch (kind) {
    case Change::Kind::Added:
        return QStringLiteral("added");
    case Change::Kind::Removed:
        return QStringLiteral("removed");
    case Change::Kind::Modified:
        return QStringLiteral("modified");
    case Change::Kind::Renamed:
        return QStringLiteral("renamed");
    }
    return {};
}

Result<Created> create(Store &store,
    qint64 projectId,
    const QString &root,
    const QString &label,
    const QString &trigger,
    const std::function<void(int, int)> &progress)
{
    auto files = walk(root);
    if (!files)
        return std::unexpected(files.error());
    auto cache = cacheOf(store, projectId);
    if (!cache)
        return std::unexpected(cache.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 nowNs = now.toMSecsSinceEpoch() * 1000000;
    auto transaction = Sql::Transaction::begin(store.database());
    if (!transaction)
        return std::unexpected(transaction.error());
    Created created;
    QList<Entry> entries;
    entries.reserve(files->size());
    QSqlQuery remember(store.database());
    if (!remember.prepare(QStringLiteral("INSERT OR REPLACE INTO disk_cache (project_id, path, size, modified_ns, "
                                         "blob_id) VALUES (?, ?, ?, ?, ?)")))
        return std::unexpected(Sql::errorOf(remember));
    int done = 0;
    for (const DiskFile &file : std::as_const(*files)) {
        if (progress)
            progress(done++, int(files->size()));
        Entry entry{ file.path, 0, file.size, file.mode };
        const auto cached = cache->constFind(file.path);
        if (file.mode != linkMode && cached != cache->cend() && trusted(file, *cached, nowNs)) {
            entry.blobId = cached->blobId;
        } else {
            auto content = readFile(file.absolute, file.mode);
            if (!content)
                return std::unexpected(content.error());
            ++created.filesRead;
            // A file seen before is a delta against what it held. (A new file as a delta against
            // its neighbour in the folder saved 8% of a generated tree and doubled the time.)
            const std::optional<qint64> similar
                = cached != cache->cend() ? std::optional(cached->blobId) : std::nullopt;
            auto stored = Blobs::put(store, *content, similar);
            if (!stored)
                return std::unexpected(stored.error());
            entry.blobId = stored->id;
            entry.size = content->size();
            created.blobsAdded += stored->added ? 1 : 0;
            if (file.mode != linkMode) {
                remember.bindValue(0, projectId);
                remember.bindValue(1, file.path);
                remember.bindValue(2, file.size);
                remember.bindValue(3, file.modifiedNs);
                remember.bindValue(4, entry.blobId);
                if (auto saved = Sql::exec(remember); !saved)
                    return std::unexpected(saved.error());
            }
        }
        entries.append(entry);
    }
    auto tree = storeTree(store, projectId, entries);
    if (!tree)
        return std::unexpected(tree.error());
    created.newTree = tree->second;
    auto snapshot = storeSnapshot(store, projectId, tree->first, now, label, trigger, {});
    if (!snapshot)
        return std::unexpected(snapshot.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    created.snapshot = *snapshot;
    return created;
}

Result<std::optional<Snapshot>> createFromEntries(Store &store,
    qint64 projectId,
    QList<Entry> entries,
    const QDateTime &createdAt,
    const QString &label,
    const QString &trigger,
    const QString &sourceKey)
{
    auto existing = alreadyImported(store, projectId, sourceKey);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return std::optional<Snapshot>();
    for (Entry &entry : entries) {
        const QString clean = FileVersions::normalisedPath(entry.path);
        if (clean.isEmpty())
            return fail(Error::Code::PathOutsideWorkspace, tr("%1 is not a path inside the workspace").arg(entry.path));
        entry.path = clean;
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.path < b.path; });
    auto tree = storeTree(store, projectId, entries);
    if (!tree)
        return std::unexpected(tree.error());
    auto snapshot = storeSnapshot(store, projectId, tree->first, createdAt, label, trigger, sourceKey);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    return std::optional(*snapshot);
}

Result<std::optional<Snapshot>> createFrom(Store &store,
    qint64 projectId,
    const QList<std::pair<QString, QByteArray>> &files,
    const QDateTime &createdAt,
    const QString &label,
    const QString &trigger,
    const QString &sourceKey)
{
    auto existing = alreadyImported(store, projectId, sourceKey);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return std::optional<Snapshot>();
    QList<Entry> entries;
    for (const auto &[path, content] : files) {
        if (FileVersions::normalisedPath(path).isEmpty())
            return fail(Error::Code::PathOutsideWorkspace, tr("%1 is not a path inside the workspace").arg(path));
        auto stored = Blobs::put(store, content);
        if (!stored)
            return std::unexpected(stored.error());
        entries.append({ path, stored->id, content.size(), 0644 });
    }
    return createFromEntries(store, projectId, entries, createdAt, label, trigger, sourceKey);
}

Result<QList<Snapshot>> list(Store &store, qint64 projectId)
{
    auto rows = Sql::run(store.database(),
        snapshotColumns + QStringLiteral("WHERE s.project_id = ? ORDER BY s.created_at DESC, s.id DESC"),
        { projectId });
    if (!rows)
        return std::unexpected(rows.error());
    QList<Snapshot> snapshots;
    while (rows->next())
        snapshots.append(snapshotFrom(*rows));
    return snapshots;
}

Result<QList<Snapshot>> page(Store &store, qint64 projectId, std::optional<qint64> after, int limit)
{
    // Qt's SQLite driver counts every "?" as a value of its own: each is bound.
    const QVariant cursor = Sql::nullable(after);
    auto rows = Sql::run(store.database(),
        snapshotColumns
            + QStringLiteral("WHERE s.project_id = ? AND (? IS NULL OR (s.created_at, s.id) < "
                             "(SELECT created_at, id FROM snapshots WHERE id = ?)) "
                             "ORDER BY s.created_at DESC, s.id DESC LIMIT ?"),
        { projectId, cursor, cursor, limit });
    if (!rows)
        return std::unexpected(rows.error());
    QList<Snapshot> snapshots;
    while (rows->next())
        snapshots.append(snapshotFrom(*rows));
    return snapshots;
}

Result<std::optional<Snapshot>> find(Store &store, qint64 id)
{
    auto row = Sql::run(store.database(), snapshotColumns + QStringLiteral("WHERE s.id = ?"), { id });
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return std::optional<Snapshot>();
    return std::optional(snapshotFrom(*row));
}

Result<std::optional<Snapshot>> findByLabel(Store &store, qint64 projectId, const QString &label)
{
    auto row = Sql::run(store.database(),
        snapshotColumns
            + QStringLiteral("WHERE s.project_id = ? AND s.label = ? ORDER BY s.created_at DESC, s.id DESC "
                             "LIMIT 1"),
        { projectId, label });
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return std::optional<Snapshot>();
    return std::optional(snapshotFrom(*row));
}

Result<QList<Entry>> entries(Store &store, qint64 snapshotId)
{
    auto tree = Sql::run(store.database(),
        QStringLiteral("SELECT t.blob_id FROM snapshots s JOIN trees t ON t.id = s.tree_id WHERE s.id = ?"),
        { snapshotId });
    if (!tree)
        return std::unexpected(tree.error());
    if (!tree->next())
        return fail(Error::Code::NotFound, tr("there is no snapshot %1 in the store").arg(snapshotId));
    auto listing = Blobs::get(store, tree->value(0).toLongLong());
    if (!listing)
        return std::unexpected(listing.error());
    return entriesOf(*listing);
}

Result<QList<Change>> compare(Store &store, qint64 from, qint64 to)
{
    auto before = entryMap(store, from);
    if (!before)
        return std::unexpected(before.error());
    auto after = entryMap(store, to);
    if (!after)
        return std::unexpected(after.error());
    QList<Change> changes;
    for (auto it = after->cbegin(); it != after->cend(); ++it) {
        const auto old = before->constFind(it.key());
        if (old != before->cend() && old->blobId == it->blobId && old->mode == it->mode)
            continue;
        Change change;
        change.kind = old == before->cend() ? Change::Kind::Added : Change::Kind::Modified;
        change.path = it.key();
        change.newBlob = it->blobId;
        if (old != before->cend())
            change.oldBlob = old->blobId;
        changes.append(change);
    }
    for (auto it = before->cbegin(); it != before->cend(); ++it)
        if (!after->contains(it.key()))
            changes.append({ Change::Kind::Removed, it.key(), {}, it->blobId, std::nullopt, {}, 0, 0, false });
    findRenames(changes,
        [](const Change &change, bool added) { return QByteArray::number(added ? *change.newBlob : *change.oldBlob); });
    for (Change &change : changes) {
        if (change.kind == Change::Kind::Renamed)
            continue;
        auto contents = contentsOf(store, change);
        if (!contents)
            return std::unexpected(contents.error());
        countLines(change, contents->first, contents->second);
    }
    return changes;
}

Result<QList<Change>> compareWithDisk(Store &store, qint64 from, const QString &root)
{
    auto snapshot = find(store, from);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    if (!*snapshot)
        return fail(Error::Code::NotFound, tr("there is no snapshot %1 in the store").arg(from));
    auto before = entryMap(store, from);
    if (!before)
        return std::unexpected(before.error());
    auto files = walk(root);
    if (!files)
        return std::unexpected(files.error());
    auto cache = cacheOf(store, (*snapshot)->projectId);
    if (!cache)
        return std::unexpected(cache.error());
    const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
    QList<Change> changes;
    QSet<QString> seen;
    for (const DiskFile &file : std::as_const(*files)) {
        seen.insert(file.path);
        const auto old = before->constFind(file.path);
        Change change;
        change.path = file.path;
        change.diskPath = file.absolute;
        if (old == before->cend()) {
            change.kind = Change::Kind::Added;
        } else {
            const auto cached = cache->constFind(file.path);
            if (old->mode == file.mode && cached != cache->cend() && cached->blobId == old->blobId
                && trusted(file, *cached, nowNs))
                continue;
            auto content = readFile(file.absolute, file.mode);
            if (!content)
                return std::unexpected(content.error());
            if (old->mode == file.mode && Blobs::find(store, *content) == std::optional(old->blobId))
                continue;
            change.kind = Change::Kind::Modified;
            change.oldBlob = old->blobId;
        }
        changes.append(change);
    }
    for (auto it = before->cbegin(); it != before->cend(); ++it)
        if (!seen.contains(it.key()))
            changes.append({ Change::Kind::Removed, it.key(), {}, it->blobId, std::nullopt, {}, 0, 0, false });
    // A file added on disk whose content is the removed one's: renamed.
    findRenames(changes, [&store](const Change &change, bool added) -> QByteArray {
        if (!added)
            return QByteArray::number(*change.oldBlob);
        QFile file(change.diskPath);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const std::optional<qint64> blob = Blobs::find(store, file.readAll());
        return blob ? QByteArray::number(*blob) : QByteArray("new");
    });
    for (Change &change : changes) {
        if (change.kind == Change::Kind::Renamed)
            continue;
        auto contents = contentsOf(store, change);
        if (!contents)
            return std::unexpected(contents.error());
        countLines(change, contents->first, contents->second);
    }
    return changes;
}

Result<std::pair<QByteArray, QByteArray>> contentsOf(Store &store, const Change &change)
{
    std::pair<QByteArray, QByteArray> contents;
    if (change.oldBlob) {
        auto old = Blobs::get(store, *change.oldBlob);
        if (!old)
            return std::unexpected(old.error());
        contents.first = std::move(*old);
    }
    if (change.newBlob) {
        auto fresh = Blobs::get(store, *change.newBlob);
        if (!fresh)
            return std::unexpected(fresh.error());
        contents.second = std::move(*fresh);
    } else if (!change.diskPath.isEmpty()) {
        QFileInfo info(change.diskPath);
        auto fresh = readFile(change.diskPath, info.isSymLink() ? linkMode : 0644);
        if (!fresh)
            return std::unexpected(fresh.error());
        contents.second = std::move(*fresh);
    }
    return contents;
}

Result<RestorePlan> planRestore(
    Store &store, qint64 snapshotId, const QString &root, const QStringList &only, bool deleteExtra)
{
    auto snapshot = find(store, snapshotId);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    if (!*snapshot)
        return fail(Error::Code::NotFound, tr("there is no snapshot %1 in the store").arg(snapshotId));
    auto changes = compareWithDisk(store, snapshotId, root);
    if (!changes)
        return std::unexpected(changes.error());
    auto listed = entryMap(store, snapshotId);
    if (!listed)
        return std::unexpected(listed.error());
    QStringList wanted;
    for (const QString &path : only) {
        const QString clean = FileVersions::normalisedPath(path);
        if (clean.isEmpty())
            return fail(Error::Code::PathOutsideWorkspace, tr("%1 is not a path inside the workspace").arg(path));
        wanted << clean;
    }
    const auto chosen = [&wanted](const QString &path) {
        if (wanted.isEmpty())
            return true;
        for (const QString &prefix : wanted)
            if (path == prefix || path.startsWith(prefix + u'/'))
                return true;
        return false;
    };
    RestorePlan plan;
    plan.snapshot = **snapshot;
    plan.root = root;
    const auto add = [&](Step::Kind kind, const QString &path) -> Result<void> {
        if (!chosen(path))
            return {};
        auto target = WorkspacePaths::resolveInside(root, path);
        if (!target)
            return std::unexpected(target.error());
        Step step;
        step.kind = kind;
        step.path = path;
        step.target = *target;
        if (kind != Step::Kind::Delete)
            step.entry = listed->value(path);
        plan.steps.append(step);
        return {};
    };
    for (const Change &change : std::as_const(*changes)) {
        Result<void> added;
        switch (change.kind) {
        case Change::Kind::Modified:
            added = add(Step::Kind::Write, change.path);
            break;
        case Change::Kind::Removed:
            added = add(Step::Kind::Create, change.path);
            break;
        case Change::Kind::Added:
            if (deleteExtra)
                added = add(Step::Kind::Delete, change.path);
            break;
        case Change::Kind::Renamed:
            added = add(Step::Kind::Create, change.oldPath);
            if (added && deleteExtra)
                added = add(Step::Kind::Delete, change.path);
            break;
        }
        if (!added)
            return std::unexpected(added.error());
    }
    std::sort(plan.steps.begin(), plan.steps.end(), [](const Step &a, const Step &b) { return a.path < b.path; });
    return plan;
}

Result<Restored> restore(Store &store,
    const RestorePlan &plan,
    const std::function<void(int, int)> &progress,
    const std::function<bool()> &cancelled)
{
    Restored restored;
    // 1. The workspace as it is, committed before anything is written.
    auto before = create(store,
        plan.snapshot.projectId,
        plan.root,
        tr("before restoring snapshot %1").arg(plan.snapshot.id),
        QStringLiteral("before-restore"));
    if (!before)
        return std::unexpected(before.error());
    restored.beforeSnapshotId = before->snapshot.id;
    // 2. Each file whole, or not at all; several written at once (see Files::ParallelWrites).
    Files::ParallelWrites writes;
    QSet<QString> folders; // made or found already: one look at the disk each
    int handled = 0; // deleted files and links, made here
    const int total = int(plan.steps.size());
    const auto stopped = [&](const Error &error) -> Result<Restored> {
        (void)writes.finish();
        return std::unexpected(error);
    };
    for (const Step &step : plan.steps) {
        if (progress)
            progress(handled + writes.written(), total);
        if (cancelled && cancelled()) {
            (void)writes.finish();
            return fail(Error::Code::Cancelled,
                tr("the restore was cancelled after %1 of %2 files; snapshot %3 holds the workspace as it was")
                    .arg(handled + writes.written())
                    .arg(total)
                    .arg(restored.beforeSnapshotId));
        }
        if (step.kind == Step::Kind::Delete) {
            if (QFile file(step.target); !file.remove())
                return stopped(Error{ Error::Code::PermissionDenied,
                    tr("cannot delete %1: %2").arg(QDir::toNativeSeparators(step.target), file.errorString()) });
            ++restored.deleted;
            ++handled;
            continue;
        }
        auto content = Blobs::get(store, step.entry.blobId);
        if (!content)
            return stopped(content.error());
        const QString folder = QFileInfo(step.target).absolutePath();
        if (!folders.contains(folder)) {
            if (auto made = Files::makeFolder(folder); !made)
                return stopped(made.error());
            folders.insert(folder);
        }
        ++(step.kind == Step::Kind::Create ? restored.created : restored.written);
        if (step.entry.mode == linkMode) {
            // A link is made again only when it still points inside the workspace.
            const QString pointsTo
                = QDir::cleanPath(QFileInfo(step.target).absolutePath() + u'/' + QFile::decodeName(*content));
            if (QDir::isAbsolutePath(QFile::decodeName(*content))
                || !WorkspacePaths::isInside(QDir::cleanPath(plan.root), pointsTo))
                return stopped(Error{ Error::Code::PathOutsideWorkspace,
                    tr("the link %1 would point outside the workspace; nothing more was restored").arg(step.path) });
            QFile::remove(step.target);
            if (!QFile::link(QFile::decodeName(*content), step.target))
                return stopped(
                    Error{ Error::Code::Io, tr("cannot make the link %1").arg(QDir::toNativeSeparators(step.target)) });
            ++handled;
            continue;
        }
        const QString target = step.target;
        const bool executable = step.entry.mode == 0755;
        const bool queued = writes.add(target, std::move(*content), [target, executable] {
            const QFile::Permissions permissions = QFile::permissions(target);
            const QFile::Permissions execute = QFile::ExeOwner | QFile::ExeUser | QFile::ExeGroup | QFile::ExeOther;
            const QFile::Permissions wanted = executable ? permissions | execute : permissions & ~execute;
            if (wanted != permissions)
                QFile::setPermissions(target, wanted);
        });
        if (!queued)
            break;
    }
    if (auto written = writes.finish(); !written)
        return std::unexpected(written.error());
    if (progress)
        progress(total, total);
    return restored;
}

} // namespace Snapshots
