#include "ProjectListModel.h"

#include <QDir>

#include "Projects.h"
#include "Store.h"

ProjectListModel::ProjectListModel(std::shared_ptr<Store> store, QObject *parent, int pageSize)
    : QAbstractListModel(parent)
    , m_store(std::move(store))
    , m_pageSize(pageSize)
{}

int ProjectListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_projects.size());
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Project &project = m_projects.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return project.name;
    case Qt::ToolTipRole:
        return project.workspaceRoot.isEmpty()
            ? tr("%1 (from %2)").arg(project.name, project.sourceKind)
            : tr("%1 (from %2)\n%3")
                  .arg(project.name, project.sourceKind, QDir::toNativeSeparators(project.workspaceRoot));
    case IdRole:
        return project.id;
    case SourceKindRole:
        return project.sourceKind;
    case SourceLocationRole:
        return project.sourceLocation;
    case WorkspaceRole:
        return project.workspaceRoot;
    case LastActiveRole:
        return project.lastActiveAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProjectListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({ { IdRole, "projectId" },
        { NameRole, "name" },
        { SourceKindRole, "sourceKind" },
        { SourceLocationRole, "sourceLocation" },
        { WorkspaceRole, "workspace" },
        { LastActiveRole, "lastActive" } });
    return names;
}

bool ProjectListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ProjectListModel::fetchMore(const QModelIndex &parent)
{
    // Views and QAbstractItemModelTester call back in while rows are being announced.
    if (parent.isValid() || m_atEnd || m_fetching)
        return;
    m_fetching = true;
    const auto after = m_projects.isEmpty() ? std::nullopt : std::optional(Projects::cursorOf(m_projects.constLast()));
    const auto page = Projects::page(*m_store, after, m_pageSize);
    if (!page) {
        m_atEnd = true;
        m_fetching = false;
        Q_EMIT loadFailed(tr("Cannot load the projects: %1").arg(page.error().message));
        return;
    }
    m_atEnd = page->size() < m_pageSize;
    if (!page->isEmpty()) {
        const int first = int(m_projects.size());
        beginInsertRows({}, first, first + int(page->size()) - 1);
        m_projects.append(*page);
        endInsertRows();
    }
    m_fetching = false;
}

std::optional<Project> ProjectListModel::projectAt(int row) const
{
    if (row < 0 || row >= m_projects.size())
        return std::nullopt;
    return m_projects.at(row);
}

int ProjectListModel::rowOf(qint64 projectId)
{
    for (qsizetype row = 0;; ++row) {
        if (row == m_projects.size()) {
            if (!canFetchMore({}))
                return -1;
            fetchMore({});
            if (row == m_projects.size())
                return -1;
        }
        if (m_projects.at(row).id == projectId)
            return int(row);
    }
}

void ProjectListModel::reload()
{
    // Views and the model tester fetch from their modelReset handlers, while the reset is still
    // being announced: they get rows on their next call, not in the middle of this one.
    m_fetching = true;
    beginResetModel();
    m_projects.clear();
    m_atEnd = false;
    endResetModel();
    m_fetching = false;
}
