#include "Tasks.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimeZone>

#include "Blobs.h"
#include "ClaudeContent.h"
#include "Sql.h"
#include "Store.h"

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tasks", text);
}

QVariant json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonOf(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toByteArray()).object();
}

QVariant real(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

std::optional<double> realOf(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional(value.toDouble());
}

// Runs an INSERT … ON CONFLICT … DO UPDATE … RETURNING id.
Result<qint64> upserted(Result<QSqlQuery> query)
{
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(
            Error::Code::Database, QCoreApplication::translate("Tasks", "the store did not return the row it wrote"));
    return query->value(0).toLongLong();
}

const QString taskColumns = QStringLiteral(
    "t.id, t.project_id, p.name, t.source_key, t.title, t.description, t.status, t.weight, t.priority, t.category, "
    "t.current_phase, t.branch, t.initiative_id, i.source_key, t.created_at, t.started_at, t.completed_at, "
    "t.updated_at, t.cost_usd, t.input_tokens, t.output_tokens, t.details "
    "FROM tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN initiatives i ON i.id = t.initiative_id");

Tasks::Task taskOf(const QSqlQuery &row)
{
    Tasks::Task task;
    task.id = row.value(0).toLongLong();
    task.projectId = row.value(1).toLongLong();
    task.projectName = row.value(2).toString();
    task.key = row.value(3).toString();
    task.title = row.value(4).toString();
    task.description = row.value(5).toString();
    task.status = row.value(6).toString();
    task.weight = row.value(7).toString();
    task.priority = row.value(8).toString();
    task.category = row.value(9).toString();
    task.currentPhase = row.value(10).toString();
    task.branch = row.value(11).toString();
    task.initiativeId = Sql::optionalOf(row.value(12));
    task.initiativeKey = row.value(13).toString();
    task.createdAt = Tasks::timeOf(row.value(14));
    task.startedAt = Tasks::timeOf(row.value(15));
    task.completedAt = Tasks::timeOf(row.value(16));
    task.updatedAt = Tasks::timeOf(row.value(17));
    task.costUsd = realOf(row.value(18));
    task.inputTokens = Sql::optionalOf(row.value(19));
    task.outputTokens = Sql::optionalOf(row.value(20));
    task.details = jsonOf(row.value(21));
    return task;
}

template <typename T, typename Read>
Result<QList<T>> rows(Store &store, const QString &sql, qint64 taskId, Read read)
{
    auto query = Sql::run(store.database(), sql, { taskId });
    if (!query)
        return std::unexpected(query.error());
    QList<T> found;
    while (query->next())
        found.append(read(*query));
    return found;
}

} // namespace

namespace Tasks {

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QDateTime parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = ClaudeContent::parseTime(text);
    if (!time.isValid()) {
        // "2006-01-02 15:04:05": orc's event log, in UTC.
        time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (time.isValid())
            time.setTimeSpec(Qt::UTC);
    }
    return time;
}

Result<qint64> putInitiative(Store &store, const Initiative &initiative)
{
    return upserted(Sql::run(store.database(),
        QStringLiteral(
            "INSERT INTO initiatives (project_id, source_key, title, status, created_at, updated_at, details) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, source_key) DO UPDATE SET "
            "title = excluded.title, status = excluded.status, created_at = excluded.created_at, "
            "updated_at = excluded.updated_at, details = excluded.details RETURNING id"),
        { initiative.projectId,
            initiative.key,
            Sql::text(initiative.title),
            Sql::text(initiative.status),
            timeValue(initiative.createdAt),
            timeValue(initiative.updatedAt),
            json(initiative.details) }));
}

Result<qint64> putTask(Store &store, const Task &task)
{
    return upserted(Sql::run(store.database(),
        QStringLiteral(
            "INSERT INTO tasks (project_id, source_key, title, description, status, weight, priority, category, "
            "current_phase, branch, initiative_id, created_at, started_at, completed_at, updated_at, cost_usd, "
            "input_tokens, output_tokens, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (project_id, source_key) DO UPDATE SET title = excluded.title, "
            "description = excluded.description, status = excluded.status, weight = excluded.weight, "
            "priority = excluded.priority, category = excluded.category, current_phase = excluded.current_phase, "
            "branch = excluded.branch, initiative_id = excluded.initiative_id, created_at = excluded.created_at, "
            "started_at = excluded.started_at, completed_at = excluded.completed_at, updated_at = "
            "excluded.updated_at, cost_usd = excluded.cost_usd, input_tokens = excluded.input_tokens, "
            "output_tokens = excluded.output_tokens, details = excluded.details RETURNING id"),
        { task.projectId,
            task.key,
            Sql::text(task.title),
            Sql::text(task.description),
            Sql::text(task.status),
            Sql::text(task.weight),
            Sql::text(task.priority),
            Sql::text(task.category),
            Sql::text(task.currentPhase),
            Sql::text(task.branch),
            Sql::nullable(task.initiativeId),
            timeValue(task.createdAt),
            timeValue(task.startedAt),
            timeValue(task.completedAt),
            timeValue(task.updatedAt),
            real(task.costUsd),
            Sql::nullable(task.inputTokens),
            Sql::nullable(task.outputTokens),
            json(task.details) }));
}

Result<qint64> putPhase(Store &store, const Phase &phase)
{
    return upserted(Sql::run(store.database(),
        QStringLiteral("INSERT INTO task_phases (task_id, name, seq, status, iterations, started_at, completed_at, "
                       "input_tokens, output_tokens, cost_usd, error, commit_sha, session_key, details) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (task_id, name) DO UPDATE SET "
                       "seq = excluded.seq, status = excluded.status, iterations = excluded.iterations, "
                       "started_at = excluded.started_at, completed_at = excluded.completed_at, "
                       "input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, "
                       "cost_usd = excluded.cost_usd, error = excluded.error, commit_sha = excluded.commit_sha, "
                       "session_key = excluded.session_key, details = excluded.details RETURNING id"),
        { phase.taskId,
            phase.name,
            phase.seq,
            Sql::text(phase.status),
            Sql::nullable(phase.iterations),
            timeValue(phase.startedAt),
            timeValue(phase.completedAt),
            Sql::nullable(phase.inputTokens),
            Sql::nullable(phase.outputTokens),
            real(phase.costUsd),
            Sql::text(phase.error),
            Sql::text(phase.commitSha),
            Sql::text(phase.sessionKey),
            json(phase.details) }));
}

Result<qint64> putDecision(Store &store, const Decision &decision)
{
    return upserted(Sql::run(store.database(),
        QStringLiteral("INSERT INTO task_decisions (task_id, source_key, phase, gate, approved, reason, decided_by, "
                       "decided_at, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (task_id, source_key) "
                       "DO UPDATE SET phase = excluded.phase, gate = excluded.gate, approved = excluded.approved, "
                       "reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at, "
                       "details = excluded.details RETURNING id"),
        { decision.taskId,
            decision.key,
            Sql::text(decision.phase),
            Sql::text(decision.gate),
            decision.approved ? 1 : 0,
            Sql::text(decision.reason),
            Sql::text(decision.decidedBy),
            timeValue(decision.decidedAt),
            json(decision.details) }));
}

Result<qint64> putComment(Store &store, const Comment &comment)
{
    return upserted(Sql::run(store.database(),
        QStringLiteral("INSERT INTO task_comments (task_id, source_key, author, author_kind, text, phase, path, line, "
                       "severity, status, created_at, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (task_id, source_key) DO UPDATE SET author = excluded.author, "
                       "author_kind = excluded.author_kind, text = excluded.text, phase = excluded.phase, "
                       "path = excluded.path, line = excluded.line, severity = excluded.severity, "
                       "status = excluded.status, created_at = excluded.created_at, details = excluded.details "
                       "RETURNING id"),
        { comment.taskId,
            comment.key,
            Sql::text(comment.author),
            Sql::text(comment.authorKind),
            Sql::text(comment.text),
            Sql::text(comment.phase),
            Sql::text(comment.path),
            Sql::nullable(comment.line),
            Sql::text(comment.severity),
            Sql::text(comment.status),
            timeValue(comment.createdAt),
            json(comment.details) }));
}

Result<void> putDependency(Store &store, qint64 taskId, const QString &dependsOn)
{
    auto query = Sql::run(store.database(),
        QStringLiteral("INSERT OR IGNORE INTO task_dependencies (task_id, depends_on) VALUES (?, ?)"),
        { taskId, dependsOn });
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Result<qint64> putArtifact(Store &store, const Artifact &artifact, QByteArrayView content)
{
    auto blob = Blobs::put(store, content);
    if (!blob)
        return std::unexpected(blob.error());
    return upserted(Sql::run(store.database(),
        QStringLiteral("INSERT INTO task_artifacts (task_id, source_key, kind, name, content_type, phase, blob_id, "
                       "size, created_at, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (task_id, source_key) DO UPDATE SET kind = excluded.kind, name = excluded.name, "
                       "content_type = excluded.content_type, phase = excluded.phase, blob_id = excluded.blob_id, "
                       "size = excluded.size, created_at = excluded.created_at, details = excluded.details "
                       "RETURNING id"),
        { artifact.taskId,
            artifact.key,
            Sql::text(artifact.kind),
            Sql::text(artifact.name),
            Sql::text(artifact.contentType),
            Sql::text(artifact.phase),
            blob->id,
            qint64(content.size()),
            timeValue(artifact.createdAt),
            json(artifact.details) }));
}

Result<qint64> putRun(Store &store, const WorkflowRun &run)
{
    return upserted(Sql::run(store.database(),
        QStringLiteral("INSERT INTO workflow_runs (project_id, task_id, source_key, workflow, status, current_phase, "
                       "started_at, completed_at, cost_usd, error, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (project_id, source_key) DO UPDATE SET task_id = excluded.task_id, "
                       "workflow = excluded.workflow, status = excluded.status, current_phase = "
                       "excluded.current_phase, started_at = excluded.started_at, completed_at = "
                       "excluded.completed_at, cost_usd = excluded.cost_usd, error = excluded.error, "
                       "details = excluded.details RETURNING id"),
        { run.projectId,
            Sql::nullable(run.taskId),
            run.key,
            Sql::text(run.workflow),
            Sql::text(run.status),
            Sql::text(run.currentPhase),
            timeValue(run.startedAt),
            timeValue(run.completedAt),
            real(run.costUsd),
            Sql::text(run.error),
            json(run.details) }));
}

Result<QList<Task>> list(Store &store, const Filter &filter, std::optional<qint64> after, int limit)
{
    // Newest first by creation time; a task without one sorts as oldest. Keyset: (created, id).
    QString sql = QStringLiteral("SELECT ") + taskColumns
        + QStringLiteral(" WHERE (? IS NULL OR t.project_id = ?) AND (? = '' OR t.status = ?) "
                         "AND (? = '' OR instr(lower(t.source_key || ' ' || t.title), lower(?)) > 0) "
                         "AND (? IS NULL OR (coalesce(t.created_at, -1), t.id) < "
                         "(SELECT coalesce(created_at, -1), id FROM tasks WHERE id = ?)) "
                         "ORDER BY coalesce(t.created_at, -1) DESC, t.id DESC LIMIT ?");
    // Qt's SQLite driver counts every "?" as a value of its own: each is bound.
    const QVariant project = Sql::nullable(filter.projectId);
    const QVariant status = Sql::text(filter.status);
    const QVariant text = Sql::text(filter.text);
    const QVariant cursor = Sql::nullable(after);
    auto query
        = Sql::run(store.database(), sql, { project, project, status, status, text, text, cursor, cursor, limit });
    if (!query)
        return std::unexpected(query.error());
    QList<Task> found;
    while (query->next())
        found.append(taskOf(*query));
    return found;
}

Result<std::optional<Task>> find(Store &store, qint64 id)
{
    auto query = Sql::run(
        store.database(), QStringLiteral("SELECT ") + taskColumns + QStringLiteral(" WHERE t.id = ?"), { id });
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<Task>();
    return std::optional(taskOf(*query));
}

Result<Task> resolve(Store &store, const QString &name)
{
    bool isNumber = false;
    const qint64 id = name.toLongLong(&isNumber);
    if (isNumber) {
        auto found = find(store, id);
        if (!found)
            return std::unexpected(found.error());
        if (*found)
            return **found;
    }
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT ") + taskColumns + QStringLiteral(" WHERE t.source_key = ? ORDER BY t.id"),
        { name });
    if (!query)
        return std::unexpected(query.error());
    QList<Task> found;
    while (query->next())
        found.append(taskOf(*query));
    if (found.isEmpty())
        return fail(Error::Code::NotFound, tr("there is no task %1 in the store").arg(name));
    if (found.size() > 1) {
        QStringList choices;
        for (const Task &task : std::as_const(found))
            choices << tr("%1 (project %2)").arg(task.id).arg(task.projectName);
        return fail(Error::Code::InvalidArgument,
            tr("%1 names tasks in several projects; give the task's number: %2").arg(name, choices.join(u", ")));
    }
    return found.first();
}

Result<QList<Phase>> phases(Store &store, qint64 taskId)
{
    return rows<Phase>(store,
        QStringLiteral("SELECT id, task_id, name, seq, status, iterations, started_at, completed_at, input_tokens, "
                       "output_tokens, cost_usd, error, commit_sha, session_key, details FROM task_phases "
                       "WHERE task_id = ? ORDER BY seq, id"),
        taskId,
        [](const QSqlQuery &row) {
            Phase phase;
            phase.id = row.value(0).toLongLong();
            phase.taskId = row.value(1).toLongLong();
            phase.name = row.value(2).toString();
            phase.seq = row.value(3).toInt();
            phase.status = row.value(4).toString();
            phase.iterations = Sql::optionalOf(row.value(5));
            phase.startedAt = timeOf(row.value(6));
            phase.completedAt = timeOf(row.value(7));
            phase.inputTokens = Sql::optionalOf(row.value(8));
            phase.outputTokens = Sql::optionalOf(row.value(9));
            phase.costUsd = realOf(row.value(10));
            phase.error = row.value(11).toString();
            phase.commitSha = row.value(12).toString();
            phase.sessionKey = row.value(13).toString();
            phase.details = jsonOf(row.value(14));
            return phase;
        });
}

Result<QList<Decision>> decisions(Store &store, qint64 taskId)
{
    return rows<Decision>(store,
        QStringLiteral("SELECT id, task_id, source_key, phase, gate, approved, reason, decided_by, decided_at, details "
                       "FROM task_decisions WHERE task_id = ? ORDER BY decided_at, id"),
        taskId,
        [](const QSqlQuery &row) {
            Decision decision;
            decision.id = row.value(0).toLongLong();
            decision.taskId = row.value(1).toLongLong();
            decision.key = row.value(2).toString();
            decision.phase = row.value(3).toString();
            decision.gate = row.value(4).toString();
            decision.approved = row.value(5).toBool();
            decision.reason = row.value(6).toString();
            decision.decidedBy = row.value(7).toString();
            decision.decidedAt = timeOf(row.value(8));
            decision.details = jsonOf(row.value(9));
            return decision;
        });
}

Result<QList<Comment>> comments(Store &store, qint64 taskId)
{
    return rows<Comment>(store,
        QStringLiteral(
            "SELECT id, task_id, source_key, author, author_kind, text, phase, path, line, severity, status, "
            "created_at, details FROM task_comments WHERE task_id = ? ORDER BY created_at, id"),
        taskId,
        [](const QSqlQuery &row) {
            Comment comment;
            comment.id = row.value(0).toLongLong();
            comment.taskId = row.value(1).toLongLong();
            comment.key = row.value(2).toString();
            comment.author = row.value(3).toString();
            comment.authorKind = row.value(4).toString();
            comment.text = row.value(5).toString();
            comment.phase = row.value(6).toString();
            comment.path = row.value(7).toString();
            comment.line = Sql::optionalOf(row.value(8));
            comment.severity = row.value(9).toString();
            comment.status = row.value(10).toString();
            comment.createdAt = timeOf(row.value(11));
            comment.details = jsonOf(row.value(12));
            return comment;
        });
}

Result<QStringList> dependencies(Store &store, qint64 taskId)
{
    auto found = rows<QString>(store,
        QStringLiteral("SELECT depends_on FROM task_dependencies WHERE task_id = ? ORDER BY depends_on"),
        taskId,
        [](const QSqlQuery &row) { return row.value(0).toString(); });
    if (!found)
        return std::unexpected(found.error());
    return QStringList(*found);
}

Result<QList<Artifact>> artifacts(Store &store, qint64 taskId)
{
    return rows<Artifact>(store,
        QStringLiteral("SELECT id, task_id, source_key, kind, name, content_type, phase, blob_id, size, created_at, "
                       "details FROM task_artifacts WHERE task_id = ? ORDER BY kind, created_at, id"),
        taskId,
        [](const QSqlQuery &row) {
            Artifact artifact;
            artifact.id = row.value(0).toLongLong();
            artifact.taskId = row.value(1).toLongLong();
            artifact.key = row.value(2).toString();
            artifact.kind = row.value(3).toString();
            artifact.name = row.value(4).toString();
            artifact.contentType = row.value(5).toString();
            artifact.phase = row.value(6).toString();
            artifact.blobId = row.value(7).toLongLong();
            artifact.size = row.value(8).toLongLong();
            artifact.createdAt = timeOf(row.value(9));
            artifact.details = jsonOf(row.value(10));
            return artifact;
        });
}

Result<QList<WorkflowRun>> runs(Store &store, qint64 taskId)
{
    return rows<WorkflowRun>(store,
        QStringLiteral("SELECT id, project_id, task_id, source_key, workflow, status, current_phase, started_at, "
                       "completed_at, cost_usd, error, details FROM workflow_runs WHERE task_id = ? "
                       "ORDER BY started_at, id"),
        taskId,
        [](const QSqlQuery &row) {
            WorkflowRun run;
            run.id = row.value(0).toLongLong();
            run.projectId = row.value(1).toLongLong();
            run.taskId = Sql::optionalOf(row.value(2));
            run.key = row.value(3).toString();
            run.workflow = row.value(4).toString();
            run.status = row.value(5).toString();
            run.currentPhase = row.value(6).toString();
            run.startedAt = timeOf(row.value(7));
            run.completedAt = timeOf(row.value(8));
            run.costUsd = realOf(row.value(9));
            run.error = row.value(10).toString();
            run.details = jsonOf(row.value(11));
            return run;
        });
}

Result<std::optional<Initiative>> initiative(Store &store, qint64 id)
{
    auto found = rows<Initiative>(store,
        QStringLiteral("SELECT id, project_id, source_key, title, status, created_at, updated_at, details "
                       "FROM initiatives WHERE id = ?"),
        id,
        [](const QSqlQuery &row) {
            Initiative initiative;
            initiative.id = row.value(0).toLongLong();
            initiative.projectId = row.value(1).toLongLong();
            initiative.key = row.value(2).toString();
            initiative.title = row.value(3).toString();
            initiative.status = row.value(4).toString();
            initiative.createdAt = timeOf(row.value(5));
            initiative.updatedAt = timeOf(row.value(6));
            initiative.details = jsonOf(row.value(7));
            return initiative;
        });
    if (!found)
        return std::unexpected(found.error());
    return found->isEmpty() ? std::optional<Initiative>() : std::optional(found->first());
}

Result<QList<TaskSession>> sessions(Store &store, const Task &task)
{
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT s.id, s.title, min(m.phase), count(*), min(m.timestamp) FROM messages m "
                       "JOIN sessions s ON s.id = m.session_id WHERE m.project_id = ? AND m.task = ? "
                       "GROUP BY s.id ORDER BY min(m.timestamp), s.id"),
        { task.projectId, task.key });
    if (!query)
        return std::unexpected(query.error());
    QList<TaskSession> found;
    while (query->next())
        found.append({ query->value(0).toLongLong(),
            query->value(1).toString(),
            query->value(2).toString(),
            query->value(3).toLongLong(),
            timeOf(query->value(4)) });
    return found;
}

Result<QList<qint64>> versionIds(Store &store, const Task &task)
{
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT v.id FROM file_versions v WHERE v.session_id IN (SELECT DISTINCT session_id FROM "
                       "messages WHERE project_id = ? AND task = ?) ORDER BY v.timestamp, v.id"),
        { task.projectId, task.key });
    if (!query)
        return std::unexpected(query.error());
    QList<qint64> found;
    while (query->next())
        found.append(query->value(0).toLongLong());
    return found;
}

Result<Detail> detail(Store &store, const Task &task)
{
    Detail detail;
    // Each part in turn; the first that fails is the answer.
    const auto take = [](auto read, auto &into) -> std::optional<Error> {
        if (!read)
            return read.error();
        into = std::move(*read);
        return std::nullopt;
    };
    for (const std::optional<Error> &error : { take(phases(store, task.id), detail.phases),
             take(decisions(store, task.id), detail.decisions),
             take(comments(store, task.id), detail.comments),
             take(dependencies(store, task.id), detail.dependencies),
             take(artifacts(store, task.id), detail.artifacts),
             take(runs(store, task.id), detail.runs),
             take(sessions(store, task), detail.sessions),
             take(versionIds(store, task), detail.versionIds) }) {
        if (error)
            return std::unexpected(*error);
    }
    return detail;
}

Result<QStringList> statuses(Store &store, std::optional<qint64> projectId)
{
    auto query = Sql::run(store.database(),
        QStringLiteral("SELECT DISTINCT status FROM tasks WHERE (? IS NULL OR project_id = ?) AND status != '' "
                       "ORDER BY status"),
        { Sql::nullable(projectId), Sql::nullable(projectId) });
    if (!query)
        return std::unexpected(query.error());
    QStringList found;
    while (query->next())
        found << query->value(0).toString();
    return found;
}

} // namespace Tasks
