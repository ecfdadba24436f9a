#include "TasksJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Builds an object leaving out what is absent: empty text, invalid times, missing numbers.
class Builder
{
public:
    Builder &text(const QString &key, const QString &value)
    {
        if (!value.isEmpty())
            m_object.insert(key, value);
        return *this;
    }
    Builder &time(const QString &key, const QDateTime &value)
    {
        if (value.isValid())
            m_object.insert(key, value.toUTC().toString(Qt::ISODateWithMs));
        return *this;
    }
    template <typename T>
    Builder &number(const QString &key, const std::optional<T> &value)
    {
        if (value)
            m_object.insert(key, double(*value));
        return *this;
    }
    Builder &value(const QString &key, const QJsonValue &value)
    {
        m_object.insert(key, value);
        return *this;
    }
    Builder &details(const QJsonObject &value)
    {
        if (!value.isEmpty())
            m_object.insert(QStringLiteral("details"), value);
        return *this;
    }
    [[nodiscard]] QJsonObject object() const { return m_object; }

private:
    QJsonObject m_object;
};

} // namespace

namespace TasksJson {

QJsonObject of(const Tasks::Task &task)
{
    return Builder()
        .value(QStringLiteral("id"), task.id)
        .value(QStringLiteral("key"), task.key)
        .value(QStringLiteral("project_id"), task.projectId)
        .text(QStringLiteral("project"), task.projectName)
        .value(QStringLiteral("title"), task.title)
        .text(QStringLiteral("description"), task.description)
        .text(QStringLiteral("status"), task.status)
        .text(QStringLiteral("weight"), task.weight)
        .text(QStringLiteral("priority"), task.priority)
        .text(QStringLiteral("category"), task.category)
        .text(QStringLiteral("current_phase"), task.currentPhase)
        .text(QStringLiteral("branch"), task.branch)
        .text(QStringLiteral("initiative"), task.initiativeKey)
        .time(QStringLiteral("created_at"), task.createdAt)
        .time(QStringLiteral("started_at"), task.startedAt)
        .time(QStringLiteral("completed_at"), task.completedAt)
        .time(QStringLiteral("updated_at"), task.updatedAt)
        .number(QStringLiteral("cost_usd"), task.costUsd)
        .number(QStringLiteral("input_tokens"), task.inputTokens)
        .number(QStringLiteral("output_tokens"), task.outputTokens)
        .details(task.details)
        .object();
}

QJsonObject of(const Tasks::Phase &phase)
{
    return Builder()
        .value(QStringLiteral("name"), phase.name)
        .text(QStringLiteral("status"), phase.status)
        .number(QStringLiteral("iterations"), phase.iterations)
        .time(QStringLiteral("started_at"), phase.startedAt)
        .time(QStringLiteral("completed_at"), phase.completedAt)
        .number(QStringLiteral("input_tokens"), phase.inputTokens)
        .number(QStringLiteral("output_tokens"), phase.outputTokens)
        .number(QStringLiteral("cost_usd"), phase.costUsd)
        .text(QStringLiteral("error"), phase.error)
        .text(QStringLiteral("commit_sha"), phase.commitSha)
        .text(QStringLiteral("session"), phase.sessionKey)
        .object();
}

QJsonObject of(const Tasks::Decision &decision)
{
    return Builder()
        .text(QStringLiteral("phase"), decision.phase)
        .text(QStringLiteral("gate"), decision.gate)
        .value(QStringLiteral("approved"), decision.approved)
        .text(QStringLiteral("reason"), decision.reason)
        .text(QStringLiteral("decided_by"), decision.decidedBy)
        .time(QStringLiteral("decided_at"), decision.decidedAt)
        .object();
}

QJsonObject of(const Tasks::Comment &comment)
{
    return Builder()
        .text(QStringLiteral("id"), comment.key)
        .text(QStringLiteral("author"), comment.author)
        .text(QStringLiteral("author_kind"), comment.authorKind)
        .value(QStringLiteral("text"), comment.text)
        .text(QStringLiteral("phase"), comment.phase)
        .text(QStringLiteral("path"), comment.path)
        .number(QStringLiteral("line"), comment.line)
        .text(QStringLiteral("severity"), comment.severity)
        .text(QStringLiteral("status"), comment.status)
        .time(QStringLiteral("created_at"), comment.createdAt)
        .object();
}

QJsonObject of(const Tasks::Artifact &artifact)
{
    return Builder()
        .value(QStringLiteral("id"), artifact.id)
        .value(QStringLiteral("kind"), artifact.kind)
        .value(QStringLiteral("name"), artifact.name)
        .text(QStringLiteral("content_type"), artifact.contentType)
        .text(QStringLiteral("phase"), artifact.phase)
        .value(QStringLiteral("size"), artifact.size)
        .time(QStringLiteral("created_at"), artifact.createdAt)
        .object();
}

QJsonObject of(const Tasks::WorkflowRun &run)
{
    return Builder()
        .value(QStringLiteral("id"), run.key)
        .text(QStringLiteral("workflow"), run.workflow)
        .text(QStringLiteral("status"), run.status)
        .text(QStringLiteral("current_phase"), run.currentPhase)
        .time(QStringLiteral("started_at"), run.startedAt)
        .time(QStringLiteral("completed_at"), run.completedAt)
        .number(QStringLiteral("cost_usd"), run.costUsd)
        .text(QStringLiteral("error"), run.error)
        .object();
}

QJsonObject of(const Tasks::TaskSession &session)
{
    return Builder()
        .value(QStringLiteral("id"), session.id)
        .text(QStringLiteral("title"), session.title)
        .text(QStringLiteral("phase"), session.phase)
        .value(QStringLiteral("messages"), session.messages)
        .time(QStringLiteral("started_at"), session.startedAt)
        .object();
}

QJsonObject of(const Events::Event &event)
{
    const QJsonDocument payload = QJsonDocument::fromJson(event.payload);
    return Builder()
        .value(QStringLiteral("id"), event.id)
        .value(QStringLiteral("project_id"), event.projectId)
        .text(QStringLiteral("project"), event.projectName)
        .text(QStringLiteral("task"), event.taskKey)
        .value(QStringLiteral("type"), event.type)
        .time(QStringLiteral("time"), event.timestamp)
        .text(QStringLiteral("phase"), event.phase)
        .text(QStringLiteral("source"), event.source)
        .number(QStringLiteral("version_id"), event.versionId)
        .value(QStringLiteral("payload"),
            payload.isObject() ? QJsonValue(payload.object())
                               : (payload.isArray() ? QJsonValue(payload.array()) : QJsonValue()))
        .object();
}

} // namespace TasksJson
