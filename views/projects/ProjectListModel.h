#pragma once

#include <memory>
#include <optional>

#include <QAbstractListModel>

#include "Project.h"

class Store;

// The store's projects, by name, loaded a page at a time as the view scrolls (keyset paging).
class ProjectListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectListModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        SourceKindRole,
        SourceLocationRole,
        WorkspaceRole,
        LastActiveRole,
    };

    explicit ProjectListModel(std::shared_ptr<Store> store, QObject *parent = nullptr, int pageSize = 200);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] std::optional<Project> projectAt(int row) const;
    // Loads pages until the project is found; -1 when it is not in the store.
    [[nodiscard]] int rowOf(qint64 projectId);

    // Drops what was loaded and starts again from the first page (after an import or a rename).
    void reload();

Q_SIGNALS:
    // Loading stopped; the model keeps what it has and fetches no more until reload().
    void loadFailed(const QString &message);

private:
    std::shared_ptr<Store> m_store;
    QList<Project> m_projects;
    int m_pageSize;
    bool m_atEnd = false;
    bool m_fetching = false;
};
