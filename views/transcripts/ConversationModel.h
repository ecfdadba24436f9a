#pragma once

#include <memory>
#include <optional>

#include <QAbstractListModel>

#include "Transcript.h"

class Store;

// The messages of one session in order, a page at a time.
class ConversationModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationModel)

public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        SeqRole,
        RoleRole,
        KindRole,
        TimestampRole,
        TextRole,
        TaskRole,
        PhaseRole,
        TokensRole,
    };

    explicit ConversationModel(std::shared_ptr<Store> store, QObject *parent = nullptr, int pageSize = 200);

    void setSession(std::optional<qint64> sessionId);
    [[nodiscard]] std::optional<qint64> sessionId() const { return m_sessionId; }
    // Loads pages until the message is there; its row, or -1.
    [[nodiscard]] int rowOfMessage(qint64 messageId);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    std::shared_ptr<Store> m_store;
    std::optional<qint64> m_sessionId;
    QList<Message> m_messages;
    int m_pageSize;
    bool m_atEnd = true;
    bool m_fetching = false;
};
