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
    // Only the conditions in use, so that SQLite walks one index in (time, id) order and a page
    // deep in a million events costs what the first one does (a catch-all "? IS NULL OR …" made
    // it scan from the start every time).
    QStringList where;
    QVariantList binds;
    if (filter.projectId) {
        where << QStringLiteral("e.project_id = ?");
        binds << *filter.projectId;
    }
    if (filter.taskId) {
        where << QStringLiteral("e.task_id = ?");
        binds << *filter.taskId;
    }
    if (!filter.types.isEmpty()) {
        QStringList marks;
        for (const QString &type : filter.types) {
            marks << QStringLiteral("?");
            binds << type;
        }
        where << QStringLiteral("e.type IN (%1)").arg(marks.join(u", "));
    }
    if (filter.from.isValid()) {
        where << QStringLiteral("e.timestamp >= ?");
        binds << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        where << QStringLiteral("e.timestamp <= ?");
        binds << filter.to.toMSecsSinceEpoch();
    }
    if (after) {
        where << QStringLiteral("(e.timestamp, e.id) > (?, ?)");
        binds << after->timestamp << after->id;
    }
    binds << limit;
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    const QString sql
        = QStringLiteral("SELECT e.id, e.project_id, p.name, e.task_id, t.source_key, e.type, e.timestamp, e.phase, "
                         "e.source, e.payload, e.version_id, e.source_key FROM events e "
                         "JOIN projects p ON p.id = e.project_id LEFT JOIN tasks t ON t.id = e.task_id ")
        + (where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")))
        + QStringLiteral(" ORDER BY e.timestamp, e.id LIMIT ?");
    if (!query.prepare(sql))
        return std::unexpected(Sql::errorOf(query));
    for (const QVariant &bind : std::as_const(binds))
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(Sql::errorOf(query));
    QList<Event> found;
    while (query.next()) {
        Event event;
        event.id = query.value(0).toLongLong();
        event.projectId = query.value(1).toLongLong();
        event.projectName = query.value(2).toString();
        event.taskId = Sql::optionalOf(query.value(3));
        event.taskKey = query.value(4).toString();
        event.type = query.value(5).toString();
        event.timestamp = Tasks::timeOf(query.value(6));
        event.phase = query.value(7).toString();
        event.source = query.value(8).toString();
        event.payload = query.value(9).toByteArray();
        event.versionId = Sql::optionalOf(query.value(10));
        event.key = query.value(11).toString();
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
