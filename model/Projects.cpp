#include "Projects.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlQuery>

#include "Sql.h"
#include "Store.h"

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Projects", text);
}

const QString columns
    = QStringLiteral("id, name, source_kind, source_location, workspace_root, created_at, last_active_at, metadata");

Project fromRow(const QSqlQuery &row)
{
    return Project{
        .id = row.value(0).toLongLong(),
        .name = row.value(1).toString(),
        .sourceKind = row.value(2).toString(),
        .sourceLocation = row.value(3).toString(),
        .workspaceRoot = row.value(4).toString(),
        .createdAt = QDateTime::fromMSecsSinceEpoch(row.value(5).toLongLong(), Qt::UTC),
        .lastActiveAt = QDateTime::fromMSecsSinceEpoch(row.value(6).toLongLong(), Qt::UTC),
        .metadata = QJsonDocument::fromJson(row.value(7).toByteArray()).object(),
    };
}

Result<QList<Project>> readAll(Result<QSqlQuery> query)
{
    if (!query)
        return std::unexpected(query.error());
    QList<Project> projects;
    while (query->next())
        projects.append(fromRow(*query));
    return projects;
}

Result<void> requireChanged(const Result<QSqlQuery> &query, qint64 id)
{
    if (!query)
        return std::unexpected(query.error());
    if (query->numRowsAffected() == 0)
        return fail(
            Error::Code::NotFound, QCoreApplication::translate("Projects", "there is no project with id %1").arg(id));
    return {};
}

} // namespace

namespace Projects {

Result<Project> create(Store &store, const Project &draft)
{
    if (draft.name.trimmed().isEmpty())
        return fail(Error::Code::InvalidArgument, tr("a project needs a name"));
    Project project = draft;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!project.createdAt.isValid())
        project.createdAt = now;
    if (!project.lastActiveAt.isValid())
        project.lastActiveAt = project.createdAt;
    auto inserted = Sql::run(store.database(),
        QStringLiteral("INSERT INTO projects (name, source_kind, source_location, workspace_root, "
                       "created_at, last_active_at, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        { project.name.trimmed(),
            Sql::text(project.sourceKind),
            Sql::text(project.sourceLocation),
            Sql::text(project.workspaceRoot),
            project.createdAt.toMSecsSinceEpoch(),
            project.lastActiveAt.toMSecsSinceEpoch(),
            QJsonDocument(project.metadata).toJson(QJsonDocument::Compact) });
    if (!inserted)
        return std::unexpected(inserted.error());
    project.id = inserted->lastInsertId().toLongLong();
    project.name = project.name.trimmed();
    return project;
}

Result<std::optional<Project>> find(Store &store, qint64 id)
{
    auto found = readAll(
        Sql::run(store.database(), QStringLiteral("SELECT %1 FROM projects WHERE id = ?").arg(columns), { id }));
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return std::nullopt;
    return found->first();
}

Result<QList<Project>> page(Store &store, const std::optional<ProjectCursor> &after, int limit)
{
    if (!after)
        return readAll(Sql::run(store.database(),
            QStringLiteral("SELECT %1 FROM projects ORDER BY name COLLATE NOCASE, id LIMIT ?").arg(columns),
            { limit }));
    return readAll(Sql::run(store.database(),
        QStringLiteral("SELECT %1 FROM projects WHERE (name COLLATE NOCASE, id) > (?, ?) "
                       "ORDER BY name COLLATE NOCASE, id LIMIT ?")
            .arg(columns),
        { after->name, after->id, limit }));
}

Result<QList<Project>> all(Store &store)
{
    return readAll(Sql::run(
        store.database(), QStringLiteral("SELECT %1 FROM projects ORDER BY name COLLATE NOCASE, id").arg(columns)));
}

Result<void> rename(Store &store, qint64 id, const QString &name)
{
    if (name.trimmed().isEmpty())
        return fail(Error::Code::InvalidArgument, tr("a project needs a name"));
    return requireChanged(
        Sql::run(store.database(), QStringLiteral("UPDATE projects SET name = ? WHERE id = ?"), { name.trimmed(), id }),
        id);
}

Result<void> remove(Store &store, qint64 id)
{
    // One statement, so the cascade over every child table is one transaction.
    return requireChanged(Sql::run(store.database(), QStringLiteral("DELETE FROM projects WHERE id = ?"), { id }), id);
}

Project inFolder(const QString &sourceKind, const QString &folder)
{
    Project project;
    const QString name = QFileInfo(folder).fileName();
    project.name = name.isEmpty() ? folder : name;
    project.sourceKind = sourceKind;
    project.sourceLocation = folder;
    project.workspaceRoot = folder;
    return project;
}

Result<QList<Project>> sameWorkspace(Store &store, const Project &project)
{
    const QString root = QDir::cleanPath(project.workspaceRoot);
    if (project.workspaceRoot.isEmpty())
        return QList<Project>();
    // A trailing slash or a "./" written by one source and not another is the same folder.
    auto found = readAll(Sql::run(store.database(),
        QStringLiteral("SELECT %1 FROM projects WHERE id != ? AND workspace_root IN (?, ?) ORDER BY name COLLATE "
                       "NOCASE, id")
            .arg(columns),
        { project.id, root, QString(root + u'/') }));
    return found;
}

ProjectCursor cursorOf(const Project &project)
{
    return ProjectCursor{ project.name, project.id };
}

} // namespace Projects
