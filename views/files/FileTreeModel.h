#pragma once

#include <QStandardItemModel>

#include "FileVersions.h"

// A project's files as a folder tree: each file with how many versions the store has of it
// (folders add up theirs). Files whose latest version is a deletion are shown struck out.
class FileTreeModel final : public QStandardItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTreeModel)

public:
    enum Role { FileIdRole = Qt::UserRole + 1, PathRole };

    explicit FileTreeModel(QObject *parent = nullptr);

    void setFiles(const QList<FileVersions::File> &files);
    // The item of `path`, or an invalid index.
    [[nodiscard]] QModelIndex indexOfPath(const QString &path) const;
};
