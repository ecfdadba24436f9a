#include "Segments.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include "Sql.h"
#include "Store.h"
#include "Tasks.h"

namespace {

// Tags are kept as "\x1f"-separated text with a separator at each end, so "has tag T" is one instr().
QString packTags(const QStringList &tags)
{
    return tags.isEmpty() ? QString() : u'\x1f' + tags.join(u'\x1f') + u'\x1f';
}

QStringList unpackTags(const QString &packed)
{
    return packed.split(u'\x1f', Qt::SkipEmptyParts);
}

} // namespace

namespace Segments {

Result<qint64> put(Store &store, const Segment &segment)
{
    auto query = Sql::run(store.database(),
        QStringLiteral(
            "INSERT INTO segments (project_id, message_id, source_key, kind, task, path, line_from, line_to, "
            "tags, tokens, pinned, tier, created_at, touched_at, details) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, source_key) "
            "DO UPDATE SET kind = excluded.kind, task = excluded.task, path = excluded.path, "
            "line_from = excluded.line_from, line_to = excluded.line_to, tags = excluded.tags, "
            "tokens = excluded.tokens, pinned = excluded.pinned, tier = excluded.tier, "
            "created_at = excluded.created_at, touched_at = excluded.touched_at, "
            "details = excluded.details RETURNING id"),
        { segment.projectId,
            Sql::nullable(segment.messageId),
            segment.key,
            Sql::text(segment.kind),
            Sql::text(segment.task),
            Sql::text(segment.path),
            Sql::nullable(segment.lineFrom),
            Sql::nullable(segment.lineTo),
            Sql::text(packTags(segment.tags)),
            Sql::nullable(segment.tokens),
            segment.pinned ? 1 : 0,
            Sql::text(segment.tier),
            Tasks::timeValue(segment.createdAt),
            Tasks::timeValue(segment.touchedAt),
            QString::fromUtf8(QJsonDocument(segment.details).toJson(QJsonDocument::Compact)) });
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(Error::Code::Database, QStringLiteral("no row returned"));
    return query->value(0).toLongLong();
}

Result<QList<Segment>> list(Store &store, const Filter &filter, std::optional<qint64> after, int limit)
{
    const QVariant project = Sql::nullable(filter.projectId);
    const QVariant task = Sql::text(filter.task);
    const QVariant path = Sql::text(filter.path);
    const QVariant tag = Sql::text(filter.tag.isEmpty() ? QString() : u'\x1f' + filter.tag + u'\x1f');
    const QVariant cursor = Sql::nullable(after);
    // Qt's SQLite driver counts every "?" as a value of its own: each is bound.
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT s.id, s.project_id, p.name, s.message_id, s.source_key, s.kind, s.task, s.path, "
                       "s.line_from, s.line_to, s.tags, s.tokens, s.pinned, s.tier, s.created_at, s.touched_at, "
                       "coalesce(m.text, ''), s.details FROM segments s JOIN projects p ON p.id = s.project_id "
                       "LEFT JOIN messages m ON m.id = s.message_id "
                       "WHERE (? IS NULL OR s.project_id = ?) AND (? = '' OR s.task = ?) AND (? = '' OR s.path = ?) "
                       "AND (? = '' OR instr(s.tags, ?) > 0) "
                       "AND (? IS NULL OR (coalesce(s.created_at, -1), s.id) < "
                       "(SELECT coalesce(created_at, -1), id FROM segments WHERE id = ?)) "
                       "ORDER BY coalesce(s.created_at, -1) DESC, s.id DESC LIMIT ?"),
        { project, project, task, task, path, path, tag, tag, cursor, cursor, limit });
    if (!query)
        return std::unexpected(query.error());
    QList<Segment> found;
    while (query->next()) {
        Segment segment;
        segment.id = query->value(0).toLongLong();
        segment.projectId = query->value(1).toLongLong();
        segment.projectName = query->value(2).toString();
        segment.messageId = Sql::optionalOf(query->value(3));
        segment.key = query->value(4).toString();
        segment.kind = query->value(5).toString();
        segment.task = query->value(6).toString();
        segment.path = query->value(7).toString();
        segment.lineFrom = Sql::optionalOf(query->value(8));
        segment.lineTo = Sql::optionalOf(query->value(9));
        segment.tags = unpackTags(query->value(10).toString());
        segment.tokens = Sql::optionalOf(query->value(11));
        segment.pinned = query->value(12).toBool();
        segment.tier = query->value(13).toString();
        segment.createdAt = Tasks::timeOf(query->value(14));
        segment.touchedAt = Tasks::timeOf(query->value(15));
        segment.text = query->value(16).toString();
        segment.details = QJsonDocument::fromJson(query->value(17).toByteArray()).object();
        found.append(segment);
    }
    return found;
}

Result<QList<std::pair<QString, qint64>>> facet(Store &store, Facet facet, std::optional<qint64> projectId)
{
    QList<std::pair<QString, qint64>> found;
    if (facet == Facet::Tag) {
        // Tags are packed in one column: split them here (a project has hundreds of segments, not millions).
        auto query = Sql::run(store.database(),
            QStringLiteral("SELECT tags FROM segments WHERE (? IS NULL OR project_id = ?) AND tags != ''"),
            { Sql::nullable(projectId), Sql::nullable(projectId) });
        if (!query)
            return std::unexpected(query.error());
        QMap<QString, qint64> counts;
        while (query->next())
            for (const QString &tag : unpackTags(query->value(0).toString()))
                ++counts[tag];
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            found.append({ it.key(), it.value() });
        return found;
    }
    const QString column = facet == Facet::Task ? QStringLiteral("task") : QStringLiteral("path");
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT %1, count(*) FROM segments WHERE (? IS NULL OR project_id = ?) AND %1 != '' "
                       "GROUP BY %1 ORDER BY %1")
            .arg(column),
        { Sql::nullable(projectId), Sql::nullable(projectId) });
    if (!query)
        return std::unexpected(query.error());
    while (query->next())
        found.append({ query->value(0).toString(), query->value(1).toLongLong() });
    return found;
}

} // namespace Segments
