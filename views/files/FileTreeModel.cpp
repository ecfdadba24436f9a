#include "FileTreeModel.h"

#include <QFileIconProvider>

FileTreeModel::FileTreeModel(QObject *parent)
    : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({ tr("File"), tr("Versions") });
}

void FileTreeModel::setFiles(const QList<FileVersions::File> &files)
{
    removeRows(0, rowCount());
    const QFileIconProvider icons;
    QHash<QString, QStandardItem *> folders; // path -> its name item
    QHash<QStandardItem *, int> counts;
    const auto folderOf = [&](const QString &path) -> QStandardItem * {
        QStandardItem *parent = invisibleRootItem();
        QString sofar;
        for (const QString &part : path.split(u'/', Qt::SkipEmptyParts)) {
            sofar = sofar.isEmpty() ? part : sofar + u'/' + part;
            QStandardItem *&folder = folders[sofar];
            if (!folder) {
                folder = new QStandardItem(icons.icon(QFileIconProvider::Folder), part);
                folder->setEditable(false);
                folder->setData(sofar, PathRole);
                auto *count = new QStandardItem;
                count->setEditable(false);
                count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                parent->appendRow({ folder, count });
            }
            parent = folder;
        }
        return parent;
    };
    for (const FileVersions::File &file : files) {
        const qsizetype slash = file.path.lastIndexOf(u'/');
        QStandardItem *parent = folderOf(slash < 0 ? QString() : file.path.left(slash));
        auto *name = new QStandardItem(icons.icon(QFileIconProvider::File), file.path.mid(slash + 1));
        name->setEditable(false);
        name->setData(file.id, FileIdRole);
        name->setData(file.path, PathRole);
        if (file.deleted) {
            QFont font = name->font();
            font.setStrikeOut(true);
            name->setFont(font);
            name->setToolTip(tr("Deleted in its latest version"));
        }
        auto *count = new QStandardItem(QString::number(file.versions));
        count->setEditable(false);
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        parent->appendRow({ name, count });
        for (QStandardItem *folder = parent; folder && folder != invisibleRootItem(); folder = folder->parent())
            counts[folder] += file.versions;
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        QStandardItem *folder = it.key();
        QStandardItem *parent = folder->parent() ? folder->parent() : invisibleRootItem();
        if (QStandardItem *count = parent->child(folder->row(), 1))
            count->setText(QString::number(it.value()));
    }
}

QModelIndex FileTreeModel::indexOfPath(const QString &path) const
{
    const QModelIndexList found = match(index(0, 0), PathRole, path, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}
