#include "Events.h"

#include <QSqlQuery>

#include "Sql.h"
#include "Store.h"
#include "Tasks.h"

namespace Events {

Result<bool> add(Store &store, const Event &event)
{
    auto query = Sql::run(store.database(),
        QStringLiteral("INSERT OR IGNORE INTO events (project_id, task_id, type, timestamp, phase, source, payload, "
                       "version_id, source_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { event.projectId,
            Sql::nullable(event.taskId),
            Sql::text(event.type),
            event.timestamp.toMSecsSinceEpoch(),
            Sql::text(event.phase),
            Sql::text(event.source),
            event.payload.isEmpty() ? QStringLiteral("{}") : QString::fromUtf8(event.payload),
            Sql::nullable(event.versionId),
            event.key });
    if (!query)
        return std::unexpected(query.error());
    return query->numRowsAffected() > 0;
}

Result<QList<Event>> page(Store &store, const Filter &filter, const std::optional<Cursor> &after, int limit)
{
    // The types are few and short: one bound string, matched as a whole item of a list.
    const QString types = filter.types.isEmpty() ? QString() : u'\x1f' + filter.types.join(u'\x1f') + u'\x1f';
    const QVariant project = Sql::nullable(filter.projectId);
    const QVariant task = Sql::nullable(filter.taskId);
    const QVariant typeList = Sql::text(types);
    const QVariant from = Tasks::timeValue(filter.from);
    const QVariant to = Tasks::timeValue(filter.to);
    const QVariant cursor = after ? QVariant(after->timestamp) : QVariant(QMetaType::fromType<qint64>());
    const QVariant cursorId = after ? after->id : 0;
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT e.id, e.project_id, p.name, e.task_id, t.source_key, e.type, e.timestamp, e.phase, "
                       "e.source, e.payload, e.version_id, e.source_key FROM events e "
                       "JOIN projects p ON p.id = e.project_id LEFT JOIN tasks t ON t.id = e.task_id "
                       "WHERE (? IS NULL OR e.project_id = ?) AND (? IS NULL OR e.task_id = ?) "
                       "AND (? = '' OR instr(?, char(31) || e.type || char(31)) > 0) "
                       "AND (? IS NULL OR e.timestamp >= ?) AND (? IS NULL OR e.timestamp <= ?) "
                       "AND (? IS NULL OR (e.timestamp, e.id) > (?, ?)) "
                       "ORDER BY e.timestamp, e.id LIMIT ?"),
        // Qt's SQLite driver counts every "?" as a value of its own: each is bound.
        { project, project, task, task, typeList, typeList, from, from, to, to, cursor, cursor, cursorId, limit });
    if (!query)
        return std::unexpected(query.error());
    QList<Event> found;
    while (query->next()) {
        Event event;
        event.id = query->value(0).toLongLong();
        event.projectId = query->value(1).toLongLong();
        event.projectName = query->value(2).toString();
        event.taskId = Sql::optionalOf(query->value(3));
        event.taskKey = query->value(4).toString();
        event.type = query->value(5).toString();
        event.timestamp = Tasks::timeOf(query->value(6));
        event.phase = query->value(7).toString();
        event.source = query->value(8).toString();
        event.payload = query->value(9).toByteArray();
        event.versionId = Sql::optionalOf(query->value(10));
        event.key = query->value(11).toString();
        found.append(event);
    }
    return found;
}

Cursor cursorOf(const Event &event)
{
    return { event.timestamp.toMSecsSinceEpoch(), event.id };
}

Result<QStringList> types(Store &store, std::optional<qint64> projectId)
{
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT DISTINCT type FROM events WHERE (? IS NULL OR project_id = ?) ORDER BY type"),
        { Sql::nullable(projectId), Sql::nullable(projectId) });
    if (!query)
        return std::unexpected(query.error());
    QStringList found;
    while (query->next())
        found << query->value(0).toString();
    return found;
}

} // namespace Events
