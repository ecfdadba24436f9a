#include "FileHistoryModel.h"

#include <QLocale>
#include <QScopeGuard>

#include "Store.h"

FileHistoryModel::FileHistoryModel(std::shared_ptr<Store> store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(std::move(store))
{}

void FileHistoryModel::setFile(std::optional<qint64> fileId)
{
    // The first page is read inside the reset: views that fetch more on a reset must not insert
    // rows while it is being announced.
    m_fetching = true;
    beginResetModel();
    m_fileId = fileId;
    m_versions.clear();
    m_error.clear();
    m_complete = true;
    if (fileId && m_store) {
        const auto page = FileVersions::history(*m_store, *fileId, std::nullopt, pageSize);
        if (page) {
            m_versions = *page;
            m_complete = page->size() < pageSize;
        } else {
            m_error = page.error().message;
        }
    }
    endResetModel();
    m_fetching = false;
}

std::optional<FileVersions::Version> FileHistoryModel::versionAt(int row) const
{
    if (row < 0 || row >= m_versions.size())
        return std::nullopt;
    return m_versions.at(row);
}

int FileHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int FileHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FileHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FileVersions::Version &version = m_versions.at(index.row());
    if (role == VersionIdRole)
        return version.id;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Size || index.column() == Change ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                  : QVariant();
    if (role == Qt::ToolTipRole && index.column() == Origin)
        return version.origin;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return version.time.isValid() ? QLocale().toString(version.time.toLocalTime(), QLocale::ShortFormat)
                                      : tr("unknown");
    case Author:
        return version.author;
    case Origin:
        return FileVersions::originText(version);
    case Size: {
        if (!version.blobId)
            return tr("deleted");
        const QString size = QLocale().formattedDataSize(version.size);
        if (!version.previousSize || *version.previousSize == version.size)
            return size;
        const qint64 change = version.size - *version.previousSize;
        return tr("%1 (%2%3)")
            .arg(size,
                change > 0 ? QStringLiteral("+") : QStringLiteral("−"),
                QLocale().formattedDataSize(std::abs(change)));
    }
    case Change:
        return QStringLiteral("+%1 −%2").arg(version.added).arg(version.removed);
    default:
        return {};
    }
}

QVariant FileHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Author:
        return tr("Author");
    case Origin:
        return tr("Origin");
    case Size:
        return tr("Size");
    case Change:
        return tr("Lines");
    default:
        return {};
    }
}

bool FileHistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete;
}

void FileHistoryModel::fetchMore(const QModelIndex &parent)
{
    // Views (and the model tester) may ask for more while rows are being inserted.
    if (parent.isValid() || m_complete || !m_fileId || !m_store || m_fetching)
        return;
    m_fetching = true;
    const auto done = qScopeGuard([this] { m_fetching = false; });
    const std::optional<qint64> before = m_versions.isEmpty() ? std::nullopt : std::optional(m_versions.constLast().id);
    const auto page = FileVersions::history(*m_store, *m_fileId, before, pageSize);
    if (!page) {
        m_error = page.error().message;
        m_complete = true;
        return;
    }
    m_complete = page->size() < pageSize;
    if (page->isEmpty())
        return;
    beginInsertRows({}, int(m_versions.size()), int(m_versions.size() + page->size() - 1));
    m_versions += *page;
    endInsertRows();
}
