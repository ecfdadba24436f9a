#include "Stats.h"

#include "Sql.h"
#include "Store.h"

namespace {

struct Counted
{
    const char *key;
    const char *table;
    const char *aggregate;
    bool perProject;
    const char *from = nullptr; // what to count from, when it is not the table itself
};

// Later schema versions add the tables; a store that lacks one simply has none of that kind.
constexpr Counted counted[] = {
    { "projects", "projects", "count(*)", false },
    { "sessions", "sessions", "count(*)", true },
    { "messages", "messages", "count(*)", true },
    { "tasks", "tasks", "count(*)", true },
    { "events", "events", "count(*)", true },
    { "files", "files", "count(*)", true },
    { "versions", "file_versions", "count(*)", true },
    { "snapshots", "snapshots", "count(*)", true },
    { "attachments",
        "task_artifacts",
        "count(*)",
        true,
        "(SELECT t.project_id FROM task_artifacts a JOIN tasks t ON t.id = a.task_id)" },
    { "blobs", "blobs", "count(*)", false },
    { "blob_bytes", "blobs", "coalesce(sum(size), 0)", false },
};

Result<Stats::Counts> collect(Store &store, std::optional<qint64> projectId)
{
    const QSqlDatabase db = store.database();
    Stats::Counts counts;
    for (const Counted &kind : counted) {
        if (projectId && !kind.perProject)
            continue;
        const QString table = QLatin1StringView(kind.table);
        qint64 value = 0;
        if (Sql::tableExists(db, table)) {
            const QString from = kind.from ? QString::fromLatin1(kind.from) : table;
            const QString sql = QStringLiteral("SELECT %1 FROM %2").arg(QLatin1StringView(kind.aggregate), from);
            auto read = projectId ? Sql::value(db, sql + QStringLiteral(" WHERE project_id = ?"), { *projectId })
                                  : Sql::value(db, sql);
            if (!read)
                return std::unexpected(read.error());
            value = read->toLongLong();
        }
        counts.append({ QLatin1StringView(kind.key), value });
    }
    return counts;
}

} // namespace

namespace Stats {

Result<Counts> ofStore(Store &store)
{
    return collect(store, std::nullopt);
}

Result<Counts> ofProject(Store &store, qint64 projectId)
{
    return collect(store, projectId);
}

} // namespace Stats
