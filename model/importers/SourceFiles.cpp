#include "SourceFiles.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

#include "Sql.h"
#include "Store.h"

namespace SourceFiles {

Result<SourceFile> load(Store &store, const QString &sourceKind, const QString &path)
{
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT size, modified_at, position, line, head, state, project_id FROM source_files "
                       "WHERE source_kind = ? AND path = ?"),
        { sourceKind, path });
    if (!query)
        return std::unexpected(query.error());
    SourceFile file;
    file.sourceKind = sourceKind;
    file.path = path;
    if (query->next()) {
        file.size = query->value(0).toLongLong();
        file.modifiedAt = query->value(1).toLongLong();
        file.position = query->value(2).toLongLong();
        file.line = query->value(3).toLongLong();
        file.head = query->value(4).toString();
        file.state = QJsonDocument::fromJson(query->value(5).toByteArray()).object();
        file.projectId = query->value(6).toLongLong();
    }
    return file;
}

Result<void> save(Store &store, const SourceFile &file)
{
    auto saved = Sql::run(store.database(),
        QStringLiteral("INSERT INTO source_files (source_kind, path, size, modified_at, position, line, head, state, "
                       "project_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_kind, path) DO UPDATE SET "
                       "size = excluded.size, modified_at = excluded.modified_at, position = excluded.position, "
                       "line = excluded.line, head = excluded.head, state = excluded.state, "
                       "project_id = excluded.project_id"),
        { file.sourceKind,
            file.path,
            file.size,
            file.modifiedAt,
            file.position,
            file.line,
            Sql::text(file.head),
            QString::fromUtf8(QJsonDocument(file.state).toJson(QJsonDocument::Compact)),
            file.projectId > 0 ? QVariant(file.projectId) : QVariant(QMetaType::fromType<qint64>()) });
    if (!saved)
        return std::unexpected(saved.error());
    return {};
}

QString headOf(const QString &path, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.read(std::min<qint64>(length, 1024));
    return QString::number(bytes.size()) + u':'
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
}

bool sameHead(const QString &path, const QString &head)
{
    const qint64 length = head.section(u':', 0, 0).toLongLong();
    return head.isEmpty() || headOf(path, length) == head;
}

} // namespace SourceFiles
