#pragma once

#include <functional>

#include <QSqlDatabase>
#include <QString>

#include "Error.h"
#include "ImportReport.h"

class Store;

// The rest of an orc project database besides its transcripts: initiatives, tasks with their
// phases, gate decisions, comments, review comments, dependencies, attachments, phase outputs,
// workflow runs, and the event log. Written into the caller's transaction. Each table may be
// missing (older orc); a row that cannot be read is reported and left out.
namespace OrcTasks {

[[nodiscard]] Result<void> import(
    Store &store, const QSqlDatabase &orc, qint64 projectId, const QString &shown, ImportReport &report);

// orc's global database (~/.orc/orc.db): its project registry and cost log. Each registered project
// becomes (or is found as) a Strata project by its path; each cost row an event of type "cost".
// `projectFor` finds or makes the project of a folder (named after orc's name for it).
[[nodiscard]] Result<void> importGlobal(Store &store,
    const QSqlDatabase &orc,
    const QString &shown,
    ImportReport &report,
    const std::function<Result<qint64>(const QString &folder, const QString &name)> &projectFor);

// orc's YAML from before its database, under a project folder: .orc/tasks/<id>/task.yaml with
// state.yaml beside it, and orc_exports/TASK-*.yaml (task, state, plan). A task the database
// already has is left as the database says. False when the folder has neither.
[[nodiscard]] bool hasLegacyYaml(const QString &projectFolder);
[[nodiscard]] Result<void> importLegacyYaml(
    Store &store, const QString &projectFolder, qint64 projectId, ImportReport &report);

// Whether `orc` is a global database (a projects registry, no tasks).
[[nodiscard]] bool isGlobal(const QSqlDatabase &orc);

} // namespace OrcTasks
