#pragma once

#include <optional>

#include <QList>

#include "Error.h"
#include "Project.h"

class Store;

// Projects in the store. Each call uses the calling thread's connection.
namespace Projects {

// Inserts `draft` (its id is ignored; missing times become now) and returns it as stored.
[[nodiscard]] Result<Project> create(Store &store, const Project &draft);

[[nodiscard]] Result<std::optional<Project>> find(Store &store, qint64 id);

// Up to `limit` projects ordered by name (case-insensitive), then id, after `after` (or from the
// start when it is empty).
[[nodiscard]] Result<QList<Project>> page(Store &store, const std::optional<ProjectCursor> &after, int limit);

[[nodiscard]] Result<QList<Project>> all(Store &store);

[[nodiscard]] Result<void> rename(Store &store, qint64 id, const QString &name);

// Deletes the project and, through foreign keys, everything that belongs to it.
[[nodiscard]] Result<void> remove(Store &store, qint64 id);

[[nodiscard]] ProjectCursor cursorOf(const Project &project);

// The other projects whose workspace is the same folder (one workspace seen by several sources:
// a Claude Code project, its orc tasks, its git history), by name.
[[nodiscard]] Result<QList<Project>> sameWorkspace(Store &store, const Project &project);

// The draft of a project a source knows only by its folder (a Claude Code or Codex cwd, an Aider
// or orc project): named after the folder, found again by it, its workspace.
[[nodiscard]] Project inFolder(const QString &sourceKind, const QString &folder);

} // namespace Projects
