#include "Jobs.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include "Sql.h"
#include "Store.h"
#include "Tasks.h"

namespace Jobs {

Result<qint64> put(Store &store, const Job &job)
{
    auto query = Sql::run(store.database(),
        QStringLiteral(
            "INSERT INTO jobs (project_id, kind, source_key, name, status, attempts, max_attempts, priority, "
            "run_at, started_at, completed_at, last_error, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?) ON CONFLICT (project_id, kind, source_key) DO UPDATE SET name = excluded.name, "
            "status = excluded.status, attempts = excluded.attempts, max_attempts = excluded.max_attempts, "
            "priority = excluded.priority, run_at = excluded.run_at, started_at = excluded.started_at, "
            "completed_at = excluded.completed_at, last_error = excluded.last_error, "
            "details = excluded.details RETURNING id"),
        { job.projectId,
            job.kind,
            job.key,
            Sql::text(job.name),
            Sql::text(job.status),
            Sql::nullable(job.attempts),
            Sql::nullable(job.maxAttempts),
            Sql::nullable(job.priority),
            Tasks::timeValue(job.runAt),
            Tasks::timeValue(job.startedAt),
            Tasks::timeValue(job.completedAt),
            Sql::text(job.lastError),
            QString::fromUtf8(QJsonDocument(job.details).toJson(QJsonDocument::Compact)) });
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(Error::Code::Database, QStringLiteral("no row returned"));
    return query->value(0).toLongLong();
}

Result<QList<Job>> list(Store &store, const Filter &filter, std::optional<qint64> after, int limit)
{
    const QVariant project = Sql::nullable(filter.projectId);
    const QVariant kind = Sql::text(filter.kind);
    const QVariant status = Sql::text(filter.status);
    const QVariant cursor = Sql::nullable(after);
    // Qt's SQLite driver counts every "?" as a value of its own: each is bound.
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT j.id, j.project_id, p.name, j.kind, j.source_key, j.name, j.status, j.attempts, "
                       "j.max_attempts, j.priority, j.run_at, j.started_at, j.completed_at, j.last_error, j.details "
                       "FROM jobs j JOIN projects p ON p.id = j.project_id "
                       "WHERE (? IS NULL OR j.project_id = ?) AND (? = '' OR j.kind = ?) AND (? = '' OR j.status = ?) "
                       "AND (? IS NULL OR (j.kind, -coalesce(j.run_at, j.started_at, -1), j.id) > "
                       "(SELECT kind, -coalesce(run_at, started_at, -1), id FROM jobs WHERE id = ?)) "
                       "ORDER BY j.kind, -coalesce(j.run_at, j.started_at, -1), j.id LIMIT ?"),
        { project, project, kind, kind, status, status, cursor, cursor, limit });
    if (!query)
        return std::unexpected(query.error());
    QList<Job> found;
    while (query->next()) {
        Job job;
        job.id = query->value(0).toLongLong();
        job.projectId = query->value(1).toLongLong();
        job.projectName = query->value(2).toString();
        job.kind = query->value(3).toString();
        job.key = query->value(4).toString();
        job.name = query->value(5).toString();
        job.status = query->value(6).toString();
        job.attempts = Sql::optionalOf(query->value(7));
        job.maxAttempts = Sql::optionalOf(query->value(8));
        job.priority = Sql::optionalOf(query->value(9));
        job.runAt = Tasks::timeOf(query->value(10));
        job.startedAt = Tasks::timeOf(query->value(11));
        job.completedAt = Tasks::timeOf(query->value(12));
        job.lastError = query->value(13).toString();
        job.details = QJsonDocument::fromJson(query->value(14).toByteArray()).object();
        found.append(job);
    }
    return found;
}

} // namespace Jobs
