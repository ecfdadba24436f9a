#include "ConversationModel.h"

#include "Store.h"
#include "Transcripts.h"

ConversationModel::ConversationModel(std::shared_ptr<Store> store, QObject *parent, int pageSize)
    : QAbstractListModel(parent)
    , m_store(std::move(store))
    , m_pageSize(pageSize)
{}

void ConversationModel::setSession(std::optional<qint64> sessionId)
{
    m_fetching = true;
    beginResetModel();
    m_sessionId = sessionId;
    m_messages.clear();
    m_atEnd = !sessionId.has_value();
    endResetModel();
    m_fetching = false;
}

int ConversationModel::rowOfMessage(qint64 messageId)
{
    for (qsizetype row = 0;; ++row) {
        if (row == m_messages.size()) {
            if (!canFetchMore({}))
                return -1;
            fetchMore({});
            if (row == m_messages.size())
                return -1;
        }
        if (m_messages.at(row).id == messageId)
            return int(row);
    }
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &message = m_messages.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1: %2").arg(message.role, message.text.left(200).simplified());
    case MessageIdRole:
        return message.id;
    case SeqRole:
        return message.seq;
    case RoleRole:
        return message.role;
    case KindRole:
        return message.kind;
    case TimestampRole:
        return message.timestamp;
    case TextRole:
        return message.text;
    case TaskRole:
        return message.task;
    case PhaseRole:
        return message.phase;
    case TokensRole:
        return message.outputTokens ? QVariant(*message.outputTokens) : QVariant();
    default:
        return {};
    }
}

bool ConversationModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ConversationModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_fetching || !m_sessionId)
        return;
    m_fetching = true;
    const auto after = m_messages.isEmpty() ? std::nullopt : std::optional(m_messages.constLast().seq);
    const auto page = Transcripts::messages(*m_store, *m_sessionId, after, m_pageSize);
    if (!page) {
        m_atEnd = true;
        m_fetching = false;
        Q_EMIT loadFailed(tr("Cannot load the conversation: %1").arg(page.error().message));
        return;
    }
    m_atEnd = page->size() < m_pageSize;
    if (!page->isEmpty()) {
        const int first = int(m_messages.size());
        beginInsertRows({}, first, first + int(page->size()) - 1);
        m_messages.append(*page);
        endInsertRows();
    }
    m_fetching = false;
}
