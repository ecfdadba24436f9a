#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "Error.h"

class Store;

// Astro / griffin-hub: test plans, their runs, the agents that run them and the queue's jobs
// (status, attempts, when it runs, the last error), one table by kind.
namespace Jobs {

struct Job
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString projectName; // filled when read
    QString kind; // plan, run, agent, job
    QString key; // the source's id
    QString name;
    QString status;
    std::optional<qint64> attempts;
    std::optional<qint64> maxAttempts;
    std::optional<qint64> priority;
    QDateTime runAt;
    QDateTime startedAt;
    QDateTime completedAt;
    QString lastError;
    QJsonObject details; // the source's row
};

// Adds or updates (same project, kind and key).
[[nodiscard]] Result<qint64> put(Store &store, const Job &job);

struct Filter
{
    std::optional<qint64> projectId;
    QString kind; // empty: any
    QString status; // empty: any
};

// By kind, then newest run-at (or start) first; `limit` rows after the id `after`.
[[nodiscard]] Result<QList<Job>> list(
    Store &store, const Filter &filter = {}, std::optional<qint64> after = {}, int limit = 1000);

} // namespace Jobs
