#pragma once

#include <memory>
#include <optional>

#include <QTimer>
#include <QWidget>

#include "Project.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class ConversationModel;
class ConversationView;
class SearchResultsModel;
class Store;

// Search every transcript and read the conversation around a hit.
class TranscriptsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptsPane)

public:
    explicit TranscriptsPane(QWidget *parent = nullptr);

    void setStore(std::shared_ptr<Store> store);
    // The project chosen in the sidebar, for the "This project" scope.
    void setProject(const std::optional<Project> &project);
    // Types `query` and searches at once, as Enter does.
    void search(const QString &query);
    // Opens the conversation of the hit in `row`, at the hit.
    void openHit(int row);
    // Opens a session's conversation at one of its messages (from a file version, say).
    void openMessage(qint64 sessionId, qint64 messageId);

    [[nodiscard]] QLineEdit *queryField() const { return m_query; }
    [[nodiscard]] QListView *resultsView() const { return m_results; }
    [[nodiscard]] SearchResultsModel *results() const { return m_resultsModel; }
    [[nodiscard]] ConversationModel *conversation() const { return m_conversationModel; }
    [[nodiscard]] ConversationView *conversationView() const { return m_conversation; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QComboBox *scopeFilter() const { return m_scope; }
    [[nodiscard]] QComboBox *roleFilter() const { return m_role; }

private:
    void runSearch();
    void updateStatus();

    std::shared_ptr<Store> m_store;
    std::optional<Project> m_project;
    QLineEdit *m_query = nullptr;
    QComboBox *m_scope = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_period = nullptr;
    QComboBox *m_order = nullptr;
    QListView *m_results = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_sessionTitle = nullptr;
    ConversationView *m_conversation = nullptr;
    SearchResultsModel *m_resultsModel = nullptr;
    ConversationModel *m_conversationModel = nullptr;
    QTimer m_typing;
    std::optional<qint64> m_total;
    QString m_error;
};
