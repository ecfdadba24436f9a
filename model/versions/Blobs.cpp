#include "Blobs.h"

#include <QCache>
#include <QCoreApplication>
#include <QCryptographicHash>

#include "Compression.h"
#include "Sql.h"
#include "Store.h"

namespace Blobs {

namespace {

// zstd level 9: file contents are written once and read often, and the store is meant to stay
// smaller than a git pack of the same history.
constexpr int level = 9;
// Deltas on deltas at most this deep (git's default depth): reading a blob decompresses its bases
// first, which the cache below makes cheap when versions are read or written in order.
constexpr int maxDepth = 50;

Error missing(qint64 id)
{
    return { Error::Code::Corrupt,
        QCoreApplication::translate("Blobs", "the store has lost file content %1; run strata-cli verify").arg(id) };
}

// Contents read lately, per thread, by their SHA-256: an import reads each file's previous version
// to delta against it and to count lines, and a history is shown in order.
QCache<QByteArray, QByteArray> &recent()
{
    thread_local QCache<QByteArray, QByteArray> cache(64 * 1024 * 1024);
    return cache;
}

} // namespace

QByteArray sha256(QByteArrayView content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256);
}

Result<Stored> put(Store &store, QByteArrayView content, std::optional<qint64> similar)
{
    const QSqlDatabase db = store.database();
    const QByteArray hash = sha256(content);
    auto existing = Sql::run(db, QStringLiteral("SELECT id FROM blobs WHERE sha256 = ?"), { hash });
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->next())
        return Stored{ existing->value(0).toLongLong(), false };

    QByteArray data = Compression::compress(content, level);
    QVariant baseId(QMetaType::fromType<qint64>());
    int depth = 0;
    if (similar && content.size() > 64) {
        auto base = Sql::run(db, QStringLiteral("SELECT depth FROM blobs WHERE id = ?"), { *similar });
        if (!base)
            return std::unexpected(base.error());
        if (base->next() && base->value(0).toInt() < maxDepth) {
            auto baseContent = get(store, *similar);
            if (!baseContent)
                return std::unexpected(baseContent.error());
            QByteArray delta = Compression::compressAfter(*baseContent, content, level);
            if (!delta.isEmpty() && delta.size() < data.size()) {
                data = std::move(delta);
                baseId = *similar;
                depth = base->value(0).toInt() + 1;
            }
        }
    }
    if (data.isEmpty() && !content.isEmpty())
        return fail(Error::Code::Io, QCoreApplication::translate("Blobs", "cannot compress a file's content"));
    auto inserted = Sql::run(db,
        QStringLiteral("INSERT INTO blobs (sha256, size, base_id, depth, data) VALUES (?, ?, ?, ?, ?)"),
        { hash, qint64(content.size()), baseId, depth, data.isNull() ? QByteArray("") : data });
    if (!inserted)
        return std::unexpected(inserted.error());
    return Stored{ inserted->lastInsertId().toLongLong(), true };
}

std::optional<qint64> find(Store &store, QByteArrayView content)
{
    auto found
        = Sql::value(store.database(), QStringLiteral("SELECT id FROM blobs WHERE sha256 = ?"), { sha256(content) });
    return found ? std::optional(found->toLongLong()) : std::nullopt;
}

Result<QByteArray> get(Store &store, qint64 id, Read read)
{
    const QSqlDatabase db = store.database();
    auto header = Sql::run(db, QStringLiteral("SELECT sha256 FROM blobs WHERE id = ?"), { id });
    if (!header)
        return std::unexpected(header.error());
    if (!header->next())
        return std::unexpected(missing(id));
    const QByteArray hash = header->value(0).toByteArray();
    if (read == Read::Cached)
        if (const QByteArray *cached = recent().object(hash))
            return *cached;
    auto row = Sql::run(db, QStringLiteral("SELECT size, base_id, data FROM blobs WHERE id = ?"), { id });
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return std::unexpected(missing(id));
    const qint64 size = row->value(0).toLongLong();
    const QByteArray data = row->value(2).toByteArray();
    Result<QByteArray> content;
    if (row->value(1).isNull()) {
        content = Compression::decompress(data);
    } else {
        auto base = get(store, row->value(1).toLongLong(), read);
        if (!base)
            return std::unexpected(base.error());
        content = Compression::decompressAfter(*base, data);
    }
    if (!content)
        return std::unexpected(content.error());
    if (content->size() != size || sha256(*content) != hash)
        return fail(Error::Code::Corrupt,
            QCoreApplication::translate("Blobs", "file content %1 in the store is damaged; run strata-cli verify")
                .arg(id));
    recent().insert(hash, new QByteArray(*content), std::max<qsizetype>(1, content->size()));
    return content;
}

} // namespace Blobs
