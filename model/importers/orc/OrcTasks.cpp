#include "OrcTasks.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>

#include "Events.h"
#include "OrcYaml.h"
#include "Sql.h"
#include "Store.h"
#include "Tasks.h"

namespace {

// lupdate files a tr() under the namespace or class of the function that calls it. Call this one from
// OrcTasks' functions only; a class declares Q_DECLARE_TR_FUNCTIONS(OrcTasks) instead.
QString tr(const char *text)
{
    return QCoreApplication::translate("OrcTasks", text);
}

// One row of an orc table, by column name; a column older orc lacks reads as null.
class Row
{
public:
    explicit Row(const QSqlQuery &query)
        : m_record(query.record())
    {}
    [[nodiscard]] QVariant value(const QString &column) const { return m_record.value(column); }
    [[nodiscard]] QString text(const QString &column) const { return m_record.value(column).toString(); }
    [[nodiscard]] std::optional<qint64> number(const QString &column) const
    {
        return Sql::optionalOf(m_record.value(column));
    }
    [[nodiscard]] std::optional<double> real(const QString &column) const
    {
        const QVariant v = m_record.value(column);
        return v.isNull() ? std::nullopt : std::optional(v.toDouble());
    }
    [[nodiscard]] QDateTime time(const QString &column) const { return Tasks::parseTime(text(column)); }
    // Every column that holds something, JSON text columns as JSON: the row as orc has it.
    [[nodiscard]] QJsonObject json() const
    {
        QJsonObject object;
        for (int i = 0; i < m_record.count(); ++i) {
            const QVariant v = m_record.value(i);
            if (v.isNull() || v.metaType().id() == QMetaType::QByteArray)
                continue;
            const QString text = v.toString();
            if (text.isEmpty())
                continue;
            if ((text.startsWith(u'{') || text.startsWith(u'[')) && v.metaType().id() == QMetaType::QString) {
                QJsonParseError error;
                const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
                if (error.error == QJsonParseError::NoError) {
                    object.insert(m_record.fieldName(i),
                        document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()));
                    continue;
                }
            }
            object.insert(m_record.fieldName(i), QJsonValue::fromVariant(v));
        }
        return object;
    }

private:
    QSqlRecord m_record;
};

// Runs `sql` over a table that may be missing; each row goes to `each`, whose error stops all.
Result<void> forEachRow(const QSqlDatabase &orc,
    const QString &table,
    const QString &sql,
    const QString &shown,
    ImportReport &report,
    const std::function<Result<void>(const Row &)> &each)
{
    if (!Sql::tableExists(orc, table))
        return {};
    auto rows = Sql::run(orc, sql);
    if (!rows) {
        report.skip(QStringLiteral("%1: %2").arg(shown, table), rows.error().message);
        return {};
    }
    while (rows->next()) {
        if (auto done = each(Row(*rows)); !done)
            return done;
    }
    return {};
}

} // namespace

namespace OrcTasks {

bool isGlobal(const QSqlDatabase &orc)
{
    return Sql::tableExists(orc, QStringLiteral("projects")) && Sql::tableExists(orc, QStringLiteral("cost_log"))
        && !Sql::tableExists(orc, QStringLiteral("tasks"));
}

Result<void> import(Store &store, const QSqlDatabase &orc, qint64 projectId, const QString &shown, ImportReport &report)
{
    // Initiatives, with their decisions, tasks and dependencies in their details.
    QHash<QString, qint64> initiatives;
    QHash<QString, QJsonArray> initiativeDecisions;
    QHash<QString, QJsonArray> initiativeDependencies;
    auto read = forEachRow(orc,
        QStringLiteral("initiative_decisions"),
        QStringLiteral("SELECT * FROM initiative_decisions ORDER BY decided_at, id"),
        shown,
        report,
        [&](const Row &row) -> Result<void> {
            initiativeDecisions[row.text(QStringLiteral("initiative_id"))].append(row.json());
            return {};
        });
    if (read)
        read = forEachRow(orc,
            QStringLiteral("initiative_dependencies"),
            QStringLiteral("SELECT * FROM initiative_dependencies"),
            shown,
            report,
            [&](const Row &row) -> Result<void> {
                initiativeDependencies[row.text(QStringLiteral("initiative_id"))].append(
                    row.text(QStringLiteral("depends_on")));
                return {};
            });
    if (read)
        read = forEachRow(orc,
            QStringLiteral("initiatives"),
            QStringLiteral("SELECT * FROM initiatives ORDER BY id"),
            shown,
            report,
            [&](const Row &row) -> Result<void> {
                Tasks::Initiative initiative;
                initiative.projectId = projectId;
                initiative.key = row.text(QStringLiteral("id"));
                initiative.title = row.text(QStringLiteral("title"));
                initiative.status = row.text(QStringLiteral("status"));
                initiative.createdAt = row.time(QStringLiteral("created_at"));
                initiative.updatedAt = row.time(QStringLiteral("updated_at"));
                initiative.details = QJsonObject{ { QStringLiteral("orc"), row.json() },
                    { QStringLiteral("decisions"), initiativeDecisions.value(initiative.key) },
                    { QStringLiteral("depends_on"), initiativeDependencies.value(initiative.key) } };
                auto id = Tasks::putInitiative(store, initiative);
                if (!id)
                    return std::unexpected(id.error());
                initiatives.insert(initiative.key, *id);
                return {};
            });
    if (!read)
        return read;

    // Tasks.
    QHash<QString, qint64> tasks;
    read = forEachRow(orc,
        QStringLiteral("tasks"),
        QStringLiteral("SELECT * FROM tasks ORDER BY id"),
        shown,
        report,
        [&](const Row &row) -> Result<void> {
            Tasks::Task task;
            task.projectId = projectId;
            task.key = row.text(QStringLiteral("id"));
            task.title = row.text(QStringLiteral("title"));
            if (task.key.isEmpty() || task.title.isEmpty()) {
                report.skip(
                    QStringLiteral("%1: tasks row %2").arg(shown, task.key), tr("a task needs an id and a title"));
                return {};
            }
            task.description = row.text(QStringLiteral("description"));
            task.status = row.text(QStringLiteral("status"));
            task.weight = row.text(QStringLiteral("weight"));
            task.priority = row.text(QStringLiteral("priority"));
            task.category = row.text(QStringLiteral("category"));
            task.currentPhase = row.text(QStringLiteral("current_phase"));
            task.branch = row.text(QStringLiteral("branch"));
            if (const QString initiative = row.text(QStringLiteral("initiative_id")); initiatives.contains(initiative))
                task.initiativeId = initiatives.value(initiative);
            task.createdAt = row.time(QStringLiteral("created_at"));
            task.startedAt = row.time(QStringLiteral("started_at"));
            task.completedAt = row.time(QStringLiteral("completed_at"));
            task.updatedAt = row.time(QStringLiteral("updated_at"));
            task.costUsd = row.real(QStringLiteral("total_cost_usd"));
            task.details = QJsonObject{ { QStringLiteral("orc"), row.json() } };
            auto id = Tasks::putTask(store, task);
            if (!id)
                return std::unexpected(id.error());
            tasks.insert(task.key, *id);
            ++report.tasks;
            return {};
        });
    if (!read)
        return read;
    const auto taskOf = [&](const Row &row, const QString &table) -> std::optional<qint64> {
        const QString key = row.text(QStringLiteral("task_id"));
        if (tasks.contains(key))
            return tasks.value(key);
        report.skip(
            QStringLiteral("%1: %2 row of %3").arg(shown, table, key), tr("no task %1 in the database").arg(key));
        return std::nullopt;
    };

    // Phases in the order they ran; their tokens add up to the task's.
    QHash<qint64, int> seqs;
    QHash<qint64, std::pair<qint64, qint64>> tokens;
    read = forEachRow(orc,
        QStringLiteral("phases"),
        QStringLiteral("SELECT * FROM phases ORDER BY task_id, started_at IS NULL, started_at, rowid"),
        shown,
        report,
        [&](const Row &row) -> Result<void> {
            const auto task = taskOf(row, QStringLiteral("phases"));
            if (!task)
                return {};
            Tasks::Phase phase;
            phase.taskId = *task;
            phase.name = row.text(QStringLiteral("phase_id"));
            phase.seq = seqs[*task]++;
            phase.status = row.text(QStringLiteral("status"));
            phase.iterations = row.number(QStringLiteral("iterations"));
            phase.startedAt = row.time(QStringLiteral("started_at"));
            phase.completedAt = row.time(QStringLiteral("completed_at"));
            phase.inputTokens = row.number(QStringLiteral("input_tokens"));
            phase.outputTokens = row.number(QStringLiteral("output_tokens"));
            phase.costUsd = row.real(QStringLiteral("cost_usd"));
            phase.error = row.text(QStringLiteral("error_message"));
            phase.commitSha = row.text(QStringLiteral("commit_sha"));
            phase.sessionKey = row.text(QStringLiteral("session_id"));
            phase.details = QJsonObject{ { QStringLiteral("orc"), row.json() } };
            tokens[*task].first += phase.inputTokens.value_or(0);
            tokens[*task].second += phase.outputTokens.value_or(0);
            auto id = Tasks::putPhase(store, phase);
            return id ? Result<void>() : std::unexpected(id.error());
        });
    if (!read)
        return read;
    for (auto it = tokens.cbegin(); it != tokens.cend(); ++it) {
        auto updated = Sql::run(store.database(),
            QStringLiteral("UPDATE tasks SET input_tokens = ?, output_tokens = ? WHERE id = ?"),
            { it->first, it->second, it.key() });
        if (!updated)
            return std::unexpected(updated.error());
    }

    read = forEachRow(orc,
        QStringLiteral("gate_decisions"),
        QStringLiteral("SELECT * FROM gate_decisions ORDER BY id"),
        shown,
        report,
        [&](const Row &row) -> Result<void> {
            const auto task = taskOf(row, QStringLiteral("gate_decisions"));
            if (!task)
                return {};
            Tasks::Decision decision;
            decision.taskId = *task;
            decision.key = row.text(QStringLiteral("id"));
            decision.phase = row.text(QStringLiteral("phase"));
            decision.gate = row.text(QStringLiteral("gate_type"));
            decision.approved = row.value(QStringLiteral("approved")).toBool();
            decision.reason = row.text(QStringLiteral("reason"));
            decision.decidedBy = row.text(QStringLiteral("decided_by"));
            decision.decidedAt = row.time(QStringLiteral("decided_at"));
            decision.details = QJsonObject{ { QStringLiteral("orc"), row.json() } };
            auto id = Tasks::putDecision(store, decision);
            return id ? Result<void>() : std::unexpected(id.error());
        });
    if (!read)
        return read;

    const auto putComment = [&](const Row &row, const QString &table, Tasks::Comment comment) -> Result<void> {
        const auto task = taskOf(row, table);
        if (!task)
            return {};
        comment.taskId = *task;
        comment.key = table + u':' + row.text(QStringLiteral("id"));
        if (comment.text.isEmpty())
            comment.text = row.text(QStringLiteral("content"));
        comment.createdAt = row.time(QStringLiteral("created_at"));
        comment.details = QJsonObject{ { QStringLiteral("orc"), row.json() } };
        auto id = Tasks::putComment(store, comment);
        return id ? Result<void>() : std::unexpected(id.error());
    };
    read = forEachRow(orc,
        QStringLiteral("task_comments"),
        QStringLiteral("SELECT * FROM task_comments ORDER BY created_at, id"),
        shown,
        report,
        [&](const Row &row) {
            Tasks::Comment comment;
            comment.author = row.text(QStringLiteral("author"));
            comment.authorKind = row.text(QStringLiteral("author_type"));
            comment.phase = row.text(QStringLiteral("phase"));
            return putComment(row, QStringLiteral("task_comments"), comment);
        });
    if (read)
        read = forEachRow(orc,
            QStringLiteral("review_comments"),
            QStringLiteral("SELECT * FROM review_comments ORDER BY created_at, id"),
            shown,
            report,
            [&](const Row &row) {
                Tasks::Comment comment;
                comment.authorKind = QStringLiteral("review");
                comment.phase = QStringLiteral("review");
                comment.path = row.text(QStringLiteral("file_path"));
                comment.line = row.number(QStringLiteral("line_number"));
                comment.severity = row.text(QStringLiteral("severity"));
                comment.status = row.text(QStringLiteral("status"));
                return putComment(row, QStringLiteral("review_comments"), comment);
            });
    if (read)
        read = forEachRow(orc,
            QStringLiteral("review_findings"),
            QStringLiteral("SELECT rowid AS id, * FROM review_findings ORDER BY created_at, rowid"),
            shown,
            report,
            [&](const Row &row) {
                // A review round's summary; its issues, questions and positives stay in the details.
                Tasks::Comment comment;
                comment.author = row.text(QStringLiteral("perspective"));
                comment.authorKind = QStringLiteral("review");
                comment.phase = QStringLiteral("review");
                comment.status = tr("round %1").arg(row.text(QStringLiteral("review_round")));
                comment.text = row.text(QStringLiteral("summary"));
                return putComment(row, QStringLiteral("review_findings"), comment);
            });
    if (read)
        read = forEachRow(orc,
            QStringLiteral("task_dependencies"),
            QStringLiteral("SELECT * FROM task_dependencies"),
            shown,
            report,
            [&](const Row &row) -> Result<void> {
                const auto task = taskOf(row, QStringLiteral("task_dependencies"));
                return task ? Tasks::putDependency(store, *task, row.text(QStringLiteral("depends_on")))
                            : Result<void>();
            });
    if (!read)
        return read;

    // Attachments (their bytes are in the database) and the phases' outputs.
    read = forEachRow(orc,
        QStringLiteral("task_attachments"),
        QStringLiteral("SELECT * FROM task_attachments ORDER BY id"),
        shown,
        report,
        [&](const Row &row) -> Result<void> {
            const auto task = taskOf(row, QStringLiteral("task_attachments"));
            if (!task)
                return {};
            const QByteArray data = row.value(QStringLiteral("data")).toByteArray();
            const auto declared = row.number(QStringLiteral("size_bytes"));
            Tasks::Artifact artifact;
            artifact.taskId = *task;
            artifact.name = row.text(QStringLiteral("filename"));
            if (declared && *declared != data.size())
                report.notes << tr("%1: attachment %2 of %3 holds %4 bytes, not the %5 its row says")
                                    .arg(shown, artifact.name, row.text(QStringLiteral("task_id")))
                                    .arg(data.size())
                                    .arg(*declared);
            artifact.key = QStringLiteral("attachment:") + artifact.name;
            artifact.kind = QStringLiteral("attachment");
            artifact.contentType = row.text(QStringLiteral("content_type"));
            artifact.createdAt = row.time(QStringLiteral("created_at"));
            QJsonObject orcRow = row.json();
            orcRow.remove(QStringLiteral("data"));
            artifact.details = QJsonObject{ { QStringLiteral("orc"), orcRow } };
            auto id = Tasks::putArtifact(store, artifact, data);
            if (!id)
                return std::unexpected(id.error());
            ++report.attachments;
            return {};
        });
    if (read)
        read = forEachRow(orc,
            QStringLiteral("phase_outputs"),
            QStringLiteral("SELECT * FROM phase_outputs ORDER BY id"),
            shown,
            report,
            [&](const Row &row) -> Result<void> {
                const auto task = taskOf(row, QStringLiteral("phase_outputs"));
                if (!task)
                    return {};
                const QByteArray content = row.text(QStringLiteral("content")).toUtf8();
                // orc names each output by the first 8 bytes of its SHA-256: a mismatch means it was
                // edited behind orc's back, which a person would want to know.
                const QString hash = row.text(QStringLiteral("content_hash"));
                if (!hash.isEmpty()
                    && QCryptographicHash::hash(content, QCryptographicHash::Sha256).left(8).toHex() != hash.toLatin1())
                    report.notes << tr("%1: the %2 output of %3 does not match its content_hash")
                                        .arg(shown,
                                            row.text(QStringLiteral("phase_template_id")),
                                            row.text(QStringLiteral("task_id")));
                Tasks::Artifact artifact;
                artifact.taskId = *task;
                artifact.kind = QStringLiteral("output");
                artifact.phase = row.text(QStringLiteral("phase_template_id"));
                artifact.name = row.text(QStringLiteral("output_var_name"));
                artifact.key
                    = QStringLiteral("output:%1:%2").arg(row.text(QStringLiteral("workflow_run_id")), artifact.phase);
                artifact.contentType = QStringLiteral("text/markdown");
                artifact.createdAt = row.time(QStringLiteral("created_at"));
                QJsonObject orcRow = row.json();
                orcRow.remove(QStringLiteral("content"));
                artifact.details = QJsonObject{ { QStringLiteral("orc"), orcRow } };
                auto id = Tasks::putArtifact(store, artifact, content);
                if (!id)
                    return std::unexpected(id.error());
                ++report.attachments;
                return {};
            });
    if (!read)
        return read;

    // Workflow runs, with their phases in the details.
    QHash<QString, QJsonArray> runPhases;
    read = forEachRow(orc,
        QStringLiteral("workflow_run_phases"),
        QStringLiteral("SELECT * FROM workflow_run_phases ORDER BY id"),
        shown,
        report,
        [&](const Row &row) -> Result<void> {
            runPhases[row.text(QStringLiteral("workflow_run_id"))].append(row.json());
            return {};
        });
    if (read)
        read = forEachRow(orc,
            QStringLiteral("workflow_runs"),
            QStringLiteral("SELECT * FROM workflow_runs ORDER BY id"),
            shown,
            report,
            [&](const Row &row) -> Result<void> {
                Tasks::WorkflowRun run;
                run.projectId = projectId;
                run.key = row.text(QStringLiteral("id"));
                if (const QString task = row.text(QStringLiteral("task_id")); tasks.contains(task))
                    run.taskId = tasks.value(task);
                run.workflow = row.text(QStringLiteral("workflow_id"));
                run.status = row.text(QStringLiteral("status"));
                run.currentPhase = row.text(QStringLiteral("current_phase"));
                run.startedAt = row.time(QStringLiteral("started_at"));
                run.completedAt = row.time(QStringLiteral("completed_at"));
                run.costUsd = row.real(QStringLiteral("total_cost_usd"));
                run.error = row.text(QStringLiteral("error"));
                run.details = QJsonObject{ { QStringLiteral("orc"), row.json() },
                    { QStringLiteral("phases"), runPhases.value(run.key) } };
                auto id = Tasks::putRun(store, run);
                return id ? Result<void>() : std::unexpected(id.error());
            });
    if (!read)
        return read;

    // What orc knows of the project as a whole: its branches, constitution, detected tooling,
    // commands and workflows, kept in the project's metadata.
    QJsonObject project;
    for (const QString &table : { QStringLiteral("branches"),
             QStringLiteral("constitutions"),
             QStringLiteral("detection"),
             QStringLiteral("project_commands"),
             QStringLiteral("workflows"),
             QStringLiteral("workflow_phases"),
             QStringLiteral("workflow_variables"),
             QStringLiteral("phase_templates") }) {
        QJsonArray rows;
        read = forEachRow(orc,
            table,
            QStringLiteral("SELECT * FROM \"%1\"").arg(table),
            shown,
            report,
            [&rows](const Row &row) -> Result<void> {
                rows.append(row.json());
                return {};
            });
        if (!read)
            return read;
        if (!rows.isEmpty())
            project.insert(table, rows);
    }
    if (!project.isEmpty()) {
        auto stored = Sql::run(store.database(),
            QStringLiteral("UPDATE projects SET metadata = json_set(metadata, '$.orc', json(?)) WHERE id = ?"),
            { QString::fromUtf8(QJsonDocument(project).toJson(QJsonDocument::Compact)), projectId });
        if (!stored)
            return std::unexpected(stored.error());
    }

    // The event log.
    return forEachRow(orc,
        QStringLiteral("event_log"),
        QStringLiteral("SELECT * FROM event_log ORDER BY id"),
        shown,
        report,
        [&](const Row &row) -> Result<void> {
            const QString location = QStringLiteral("%1: event_log row %2").arg(shown, row.text(QStringLiteral("id")));
            Events::Event event;
            event.projectId = projectId;
            event.key = QStringLiteral("event_log:") + row.text(QStringLiteral("id"));
            event.type = row.text(QStringLiteral("event_type"));
            event.timestamp = row.time(QStringLiteral("created_at"));
            if (event.type.isEmpty() || !event.timestamp.isValid()) {
                report.skip(location, tr("an event needs a type and a time"));
                return {};
            }
            const QString task = row.text(QStringLiteral("task_id"));
            if (tasks.contains(task))
                event.taskId = tasks.value(task);
            event.phase = row.text(QStringLiteral("phase"));
            event.source = row.text(QStringLiteral("source"));
            QJsonParseError error;
            const QJsonDocument data = QJsonDocument::fromJson(row.text(QStringLiteral("data")).toUtf8(), &error);
            if (!row.text(QStringLiteral("data")).isEmpty() && error.error != QJsonParseError::NoError) {
                report.skip(location, tr("its data is not JSON: %1").arg(error.errorString()));
                return {};
            }
            // As orc wrote it: its key order is the struct's field order, which a reader expects.
            event.payload = data.isNull() ? QByteArray("{}") : row.text(QStringLiteral("data")).trimmed().toUtf8();
            auto added = Events::add(store, event);
            if (!added)
                return std::unexpected(added.error());
            report.events += *added ? 1 : 0;
            return {};
        });
}

Result<void> importGlobal(Store &store,
    const QSqlDatabase &orc,
    const QString &shown,
    ImportReport &report,
    const std::function<Result<qint64>(const QString &folder, const QString &name)> &projectFor)
{
    QHash<QString, qint64> projects;
    auto read = forEachRow(orc,
        QStringLiteral("projects"),
        QStringLiteral("SELECT * FROM projects ORDER BY id"),
        shown,
        report,
        [&](const Row &row) -> Result<void> {
            const QString folder = row.text(QStringLiteral("path"));
            if (folder.isEmpty()) {
                report.skip(QStringLiteral("%1: projects row %2").arg(shown, row.text(QStringLiteral("id"))),
                    tr("a registered project needs a path"));
                return {};
            }
            auto id = projectFor(folder, row.text(QStringLiteral("name")));
            if (!id)
                return std::unexpected(id.error());
            projects.insert(row.text(QStringLiteral("id")), *id);
            return {};
        });
    if (!read)
        return read;
    return forEachRow(orc,
        QStringLiteral("cost_log"),
        QStringLiteral("SELECT * FROM cost_log ORDER BY id"),
        shown,
        report,
        [&](const Row &row) -> Result<void> {
            const QString location = QStringLiteral("%1: cost_log row %2").arg(shown, row.text(QStringLiteral("id")));
            const QString project = row.text(QStringLiteral("project_id"));
            Events::Event event;
            event.timestamp = row.time(QStringLiteral("timestamp"));
            if (!projects.contains(project) || !event.timestamp.isValid()) {
                report.skip(location, tr("a cost needs a registered project and a time"));
                return {};
            }
            event.projectId = projects.value(project);
            event.key = QStringLiteral("cost_log:") + row.text(QStringLiteral("id"));
            event.type = QStringLiteral("cost");
            event.phase = row.text(QStringLiteral("phase"));
            event.source = QStringLiteral("orc");
            auto task = Sql::run(store.database(),
                QStringLiteral("SELECT id FROM tasks WHERE project_id = ? AND source_key = ?"),
                { event.projectId, row.text(QStringLiteral("task_id")) });
            if (!task)
                return std::unexpected(task.error());
            if (task->next())
                event.taskId = task->value(0).toLongLong();
            event.payload = QJsonDocument(row.json()).toJson(QJsonDocument::Compact);
            auto added = Events::add(store, event);
            if (!added)
                return std::unexpected(added.error());
            report.events += *added ? 1 : 0;
            return {};
        });
}

bool hasLegacyYaml(const QString &projectFolder)
{
    return QFileInfo(projectFolder + QStringLiteral("/.orc/tasks")).isDir()
        || !QDir(projectFolder + QStringLiteral("/orc_exports"))
                .entryList({ QStringLiteral("TASK-*.yaml") }, QDir::Files)
                .isEmpty();
}

Result<void> importLegacyYaml(Store &store, const QString &projectFolder, qint64 projectId, ImportReport &report)
{
    // (file shown in reports, task, state, plan)
    struct Legacy
    {
        QString shown;
        QJsonObject task;
        QJsonObject state;
        QJsonObject plan;
    };
    QList<Legacy> found;
    const auto read = [&report](const QString &file) -> std::optional<QJsonObject> {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            report.skip(QDir::toNativeSeparators(file), tr("cannot read it: %1").arg(input.errorString()));
            return std::nullopt;
        }
        const QByteArray bytes = input.readAll();
        ++report.filesRead;
        report.bytesRead += bytes.size();
        auto parsed = OrcYaml::parse(bytes);
        if (!parsed) {
            report.skip(QDir::toNativeSeparators(file), parsed.error().message);
            return std::nullopt;
        }
        return *parsed;
    };
    const QDir tasksDir(projectFolder + QStringLiteral("/.orc/tasks"));
    for (const QString &name : tasksDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString taskFile = tasksDir.filePath(name + QStringLiteral("/task.yaml"));
        if (!QFileInfo::exists(taskFile))
            continue;
        const auto task = read(taskFile);
        if (!task)
            continue;
        Legacy legacy{ QDir::toNativeSeparators(taskFile), *task, {}, {} };
        if (const QString stateFile = tasksDir.filePath(name + QStringLiteral("/state.yaml"));
            QFileInfo::exists(stateFile))
            legacy.state = read(stateFile).value_or(QJsonObject());
        found.append(legacy);
    }
    const QDir exportsDir(projectFolder + QStringLiteral("/orc_exports"));
    for (const QString &name : exportsDir.entryList({ QStringLiteral("TASK-*.yaml") }, QDir::Files, QDir::Name)) {
        const auto document = read(exportsDir.filePath(name));
        if (!document)
            continue;
        found.append({ QDir::toNativeSeparators(exportsDir.filePath(name)),
            document->value(u"task").toObject(),
            document->value(u"state").toObject(),
            document->value(u"plan").toObject() });
    }

    // Go's zero time (0001-01-01) means "not set".
    const auto timeOf = [](const QJsonValue &value) {
        const QDateTime time = Tasks::parseTime(value.toString());
        return time.isValid() && time.date().year() > 1970 ? time : QDateTime();
    };
    for (const Legacy &legacy : std::as_const(found)) {
        const QString key = legacy.task.value(u"id").toString(legacy.state.value(u"task_id").toString());
        if (key.isEmpty()) {
            report.skip(legacy.shown, tr("a task needs an id"));
            continue;
        }
        auto existing = Sql::run(store.database(),
            QStringLiteral("SELECT count(*) FROM tasks WHERE project_id = ? AND source_key = ?"),
            { projectId, key });
        if (!existing)
            return std::unexpected(existing.error());
        if (existing->next() && existing->value(0).toLongLong() > 0) {
            report.notes << tr("%1: %2 is also in orc's database, which is newer; the database's is kept")
                                .arg(legacy.shown, key);
            continue;
        }
        Tasks::Task task;
        task.projectId = projectId;
        task.key = key;
        task.title = legacy.task.value(u"title").toString();
        if (task.title.isEmpty())
            task.title = key; // orc wrote some tasks before they had a title
        task.description = legacy.task.value(u"description").toString();
        task.status = legacy.task.value(u"status").toString(legacy.state.value(u"status").toString());
        task.weight = legacy.task.value(u"weight").toString();
        task.branch = legacy.task.value(u"branch").toString();
        task.currentPhase = legacy.state.value(u"current_phase").toString();
        task.createdAt = timeOf(legacy.task.value(u"created_at"));
        task.startedAt = timeOf(legacy.task.value(u"started_at"));
        if (!task.startedAt.isValid())
            task.startedAt = timeOf(legacy.state.value(u"started_at"));
        task.completedAt = timeOf(legacy.task.value(u"completed_at"));
        task.updatedAt = timeOf(legacy.task.value(u"updated_at"));
        const QString cost = legacy.state.value(u"cost").toObject().value(u"total_cost_usd").toString();
        if (!cost.isEmpty())
            task.costUsd = cost.toDouble();
        const QJsonObject tokens = legacy.state.value(u"tokens").toObject();
        if (!tokens.isEmpty()) {
            task.inputTokens = tokens.value(u"input_tokens").toString().toLongLong();
            task.outputTokens = tokens.value(u"output_tokens").toString().toLongLong();
        }
        task.details = QJsonObject{ { QStringLiteral("orc_yaml"),
            QJsonObject{ { QStringLiteral("file"), legacy.shown },
                { QStringLiteral("task"), legacy.task },
                { QStringLiteral("state"), legacy.state } } } };
        auto taskId = Tasks::putTask(store, task);
        if (!taskId)
            return std::unexpected(taskId.error());
        ++report.tasks;

        // Phases: the plan's, in its order, with what the state says of each.
        QStringList order;
        for (const QJsonValue &phase : legacy.plan.value(u"phases").toArray())
            order << phase.toObject().value(u"id").toString();
        const QJsonObject statePhases = legacy.state.value(u"phases").toObject();
        for (const QString &name : statePhases.keys())
            if (!order.contains(name))
                order << name;
        int seq = 0;
        for (const QString &name : std::as_const(order)) {
            QJsonObject planned;
            for (const QJsonValue &phase : legacy.plan.value(u"phases").toArray())
                if (phase.toObject().value(u"id").toString() == name)
                    planned = phase.toObject();
            const QJsonObject state = statePhases.value(name).toObject();
            Tasks::Phase phase;
            phase.taskId = *taskId;
            phase.name = name;
            phase.seq = seq++;
            phase.status = state.value(u"status").toString(planned.value(u"status").toString());
            if (const QString iterations = state.value(u"iterations").toString(); !iterations.isEmpty())
                phase.iterations = iterations.toLongLong();
            phase.startedAt = timeOf(state.value(u"started_at"));
            phase.completedAt = timeOf(state.value(u"completed_at"));
            const QJsonObject phaseTokens = state.value(u"tokens").toObject();
            if (!phaseTokens.isEmpty()) {
                phase.inputTokens = phaseTokens.value(u"input_tokens").toString().toLongLong();
                phase.outputTokens = phaseTokens.value(u"output_tokens").toString().toLongLong();
            }
            phase.error = state.value(u"error").toString();
            phase.commitSha = state.value(u"commit_sha").toString(planned.value(u"commit_sha").toString());
            phase.sessionKey = state.value(u"session_id").toString();
            planned.remove(QStringLiteral("prompt")); // the template, the same for every task
            phase.details = QJsonObject{ { QStringLiteral("orc_yaml"),
                QJsonObject{ { QStringLiteral("plan"), planned }, { QStringLiteral("state"), state } } } };
            if (auto stored = Tasks::putPhase(store, phase); !stored)
                return std::unexpected(stored.error());
        }
    }
    return {};
}

} // namespace OrcTasks
