#pragma once

#include <memory>
#include <optional>

#include <QAbstractListModel>

#include "Search.h"

class Store;

// The hits of one search. setRequest() runs the first page on a worker thread (typing stays
// responsive) and counts all hits in the background; the view's fetchMore() loads the next
// pages (keyset, a few milliseconds each).
class SearchResultsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultsModel)

public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        SessionIdRole,
        ProjectIdRole,
        ProjectNameRole,
        SessionTitleRole,
        RoleRole,
        KindRole,
        TimestampRole,
        SnippetHtmlRole, // the snippet as HTML, matches in <b>
    };

    explicit SearchResultsModel(std::shared_ptr<Store> store, QObject *parent = nullptr);
    ~SearchResultsModel() override;

    // Starts a new search (an empty query clears the results).
    void setRequest(const Search::Request &request);
    [[nodiscard]] bool isSearching() const { return m_searching; }
    [[nodiscard]] bool isRanked() const { return m_ranked; }
    [[nodiscard]] std::optional<Search::Hit> hitAt(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // What the snippets mark matches with, before they become HTML.
    static const QString matchStart;
    static const QString matchEnd;

Q_SIGNALS:
    void searchFinished();
    void searchFailed(const QString &message);
    void countReady(qint64 total);

private:
    void showFirstPage(quint64 generation, const Result<Search::Page> &page);

    std::shared_ptr<Store> m_store;
    Search::Request m_request;
    QList<Search::Hit> m_hits;
    std::optional<qint64> m_next;
    bool m_ranked = false;
    bool m_searching = false;
    bool m_fetching = false;
    quint64 m_generation = 0; // a newer search makes the results of older ones stale
};
