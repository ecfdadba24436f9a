#include "Schema.h"

namespace Schema {

const std::vector<Migration> &migrations()
{
    // Times are milliseconds since the Unix epoch, UTC. Metadata is a JSON object kept as text.
    static const std::vector<Migration> steps{
        { 1,
            QStringLiteral("projects"),
            {
                QStringLiteral(R"(CREATE TABLE projects (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL CHECK (name <> ''),
                    source_kind TEXT NOT NULL,
                    source_location TEXT NOT NULL DEFAULT '',
                    workspace_root TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL,
                    last_active_at INTEGER NOT NULL,
                    metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata))
                ))"),
                // An importer finds its project again by where it came from.
                QStringLiteral("CREATE UNIQUE INDEX projects_by_source ON projects (source_kind, source_location) "
                               "WHERE source_location <> ''"),
                // The sidebar pages through projects by name (keyset on name, id).
                QStringLiteral("CREATE INDEX projects_by_name ON projects (name COLLATE NOCASE, id)"),
                // Projects from several sources that share a workspace are shown together.
                QStringLiteral("CREATE INDEX projects_by_workspace ON projects (workspace_root)"),
            } },
    };
    return steps;
}

int latestVersion(const std::vector<Migration> &steps)
{
    return steps.empty() ? 0 : steps.back().version;
}

} // namespace Schema
