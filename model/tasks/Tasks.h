#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "Error.h"

class Store;

// What an orchestrator did with each task: tasks with their phases, gate decisions, comments,
// dependencies, attachments and outputs, initiatives and workflow runs (see the tables of schema
// version 5). Importers write them inside their own transaction; every write is keyed by the
// source's id, so importing again updates rows instead of adding them.
namespace Tasks {

struct Initiative
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString key; // the source's id: "INIT-001"
    QString title;
    QString status;
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject details;
};

struct Task
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString projectName; // filled when read
    QString key; // the source's id: "TASK-001"
    QString title;
    QString description;
    QString status;
    QString weight;
    QString priority;
    QString category;
    QString currentPhase;
    QString branch;
    std::optional<qint64> initiativeId;
    QString initiativeKey; // filled when read
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime completedAt;
    QDateTime updatedAt;
    std::optional<double> costUsd;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    QJsonObject details; // what else the source said: metadata, quality, a pull request…
};

struct Phase
{
    qint64 id = 0;
    qint64 taskId = 0;
    QString name;
    int seq = 0;
    QString status;
    std::optional<qint64> iterations;
    QDateTime startedAt;
    QDateTime completedAt;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    std::optional<double> costUsd;
    QString error;
    QString commitSha;
    QString sessionKey; // the agent session that ran it, as the source names it
    QJsonObject details;
};

struct Decision
{
    qint64 id = 0;
    qint64 taskId = 0;
    QString key;
    QString phase;
    QString gate; // auto, ai, human, skip
    bool approved = false;
    QString reason;
    QString decidedBy;
    QDateTime decidedAt;
    QJsonObject details;
};

struct Comment
{
    qint64 id = 0;
    qint64 taskId = 0;
    QString key;
    QString author;
    QString authorKind; // human, agent, system
    QString text;
    QString phase;
    QString path; // a review comment's file and line
    std::optional<qint64> line;
    QString severity;
    QString status;
    QDateTime createdAt;
    QJsonObject details;
};

struct Artifact
{
    qint64 id = 0;
    qint64 taskId = 0;
    QString key;
    QString kind; // "attachment" or "output" (a phase's spec, tests…)
    QString name; // a file name for an attachment; the output's variable for an output
    QString contentType;
    QString phase;
    qint64 blobId = 0;
    qint64 size = 0;
    QDateTime createdAt;
    QJsonObject details;
};

struct WorkflowRun
{
    qint64 id = 0;
    qint64 projectId = 0;
    std::optional<qint64> taskId;
    QString key;
    QString workflow;
    QString status;
    QString currentPhase;
    QDateTime startedAt;
    QDateTime completedAt;
    std::optional<double> costUsd;
    QString error;
    QJsonObject details;
};

// Writes: each returns the row's id; an existing row (same source key) is updated.
[[nodiscard]] Result<qint64> putInitiative(Store &store, const Initiative &initiative);
[[nodiscard]] Result<qint64> putTask(Store &store, const Task &task);
[[nodiscard]] Result<qint64> putPhase(Store &store, const Phase &phase);
[[nodiscard]] Result<qint64> putDecision(Store &store, const Decision &decision);
[[nodiscard]] Result<qint64> putComment(Store &store, const Comment &comment);
[[nodiscard]] Result<void> putDependency(Store &store, qint64 taskId, const QString &dependsOn);
// Stores `content` as a blob (once, however many tasks hold it) and the artifact naming it.
[[nodiscard]] Result<qint64> putArtifact(Store &store, const Artifact &artifact, QByteArrayView content);
[[nodiscard]] Result<qint64> putRun(Store &store, const WorkflowRun &run);

// Reads.
struct Filter
{
    std::optional<qint64> projectId;
    QString status; // empty: any
    QString text; // in the key or title, case-insensitive; empty: any
};

// Tasks newest first (by creation, then id), `limit` after `after` (a task id from the page before).
[[nodiscard]] Result<QList<Task>> list(
    Store &store, const Filter &filter = {}, std::optional<qint64> after = {}, int limit = 1000);
[[nodiscard]] Result<std::optional<Task>> find(Store &store, qint64 id);
// A task named by its store id or by its source key ("TASK-001"); a key held by tasks of several
// projects is an error that names them.
[[nodiscard]] Result<Task> resolve(Store &store, const QString &name);
[[nodiscard]] Result<QList<Phase>> phases(Store &store, qint64 taskId);
[[nodiscard]] Result<QList<Decision>> decisions(Store &store, qint64 taskId);
[[nodiscard]] Result<QList<Comment>> comments(Store &store, qint64 taskId);
[[nodiscard]] Result<QStringList> dependencies(Store &store, qint64 taskId);
[[nodiscard]] Result<QList<Artifact>> artifacts(Store &store, qint64 taskId);
[[nodiscard]] Result<QList<WorkflowRun>> runs(Store &store, qint64 taskId);
[[nodiscard]] Result<std::optional<Initiative>> initiative(Store &store, qint64 id);
// A conversation that worked on a task (its messages carry the task's key).
struct TaskSession
{
    qint64 id = 0;
    QString title;
    QString phase;
    qint64 messages = 0;
    QDateTime startedAt;
};
[[nodiscard]] Result<QList<TaskSession>> sessions(Store &store, const Task &task);
// The file versions made in those conversations, oldest first.
[[nodiscard]] Result<QList<qint64>> versionIds(Store &store, const Task &task);

// Everything the store holds of one task, as the task view, `strata-cli task` and exports show it.
struct Detail
{
    QList<Phase> phases;
    QList<Decision> decisions;
    QList<Comment> comments;
    QStringList dependencies;
    QList<Artifact> artifacts;
    QList<WorkflowRun> runs;
    QList<TaskSession> sessions;
    QList<qint64> versionIds;
};
[[nodiscard]] Result<Detail> detail(Store &store, const Task &task);

// The distinct statuses of the tasks (of a project), for a filter's choices.
[[nodiscard]] Result<QStringList> statuses(Store &store, std::optional<qint64> projectId = {});

// Times in the store are milliseconds since 1970, UTC; none is NULL.
[[nodiscard]] QVariant timeValue(const QDateTime &time);
[[nodiscard]] QDateTime timeOf(const QVariant &value);
// The source's own time text (RFC 3339 with an offset, or "2006-01-02 15:04:05" in UTC).
[[nodiscard]] QDateTime parseTime(const QString &text);

} // namespace Tasks
