#pragma once

#include <memory>
#include <optional>

#include <QAbstractTableModel>

#include "FileVersions.h"

class Store;

// The versions of one file, newest first, fetched a page at a time as the view scrolls.
class FileHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileHistoryModel)

public:
    enum Column { Time, Author, Origin, Size, Change, ColumnCount };
    enum Role { VersionIdRole = Qt::UserRole + 1 };

    explicit FileHistoryModel(std::shared_ptr<Store> store, QObject *parent = nullptr);

    // Shows the versions of `fileId` (none: empty).
    void setFile(std::optional<qint64> fileId);
    [[nodiscard]] std::optional<qint64> fileId() const { return m_fileId; }
    [[nodiscard]] std::optional<FileVersions::Version> versionAt(int row) const;
    // The error of the last fetch, if it failed.
    [[nodiscard]] QString error() const { return m_error; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static constexpr int pageSize = 100;

private:
    std::shared_ptr<Store> m_store;
    std::optional<qint64> m_fileId;
    QList<FileVersions::Version> m_versions;
    bool m_complete = true;
    bool m_fetching = false;
    QString m_error;
};
