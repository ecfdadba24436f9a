#pragma once

#include <optional>

#include <QDateTime>
#include <QList>

#include "Error.h"

class Store;

// Full-text search over every transcript. A request with no words but a time range lists the
// messages in that range, newest first ("what happened since Monday").
//
// Order: a search whose hits are few (at most `rankLimit`) comes ranked by relevance (bm25); one
// with more hits comes newest first (most recently imported), which the index answers from its
// first page without looking at every hit: a word in most messages costs the same as a rare one.
// Relevance for a large set can be asked for; it reads every hit.
namespace Search {

enum class Order { Automatic, Newest, Relevance };

struct Request
{
    QString query;
    QList<qint64> projectIds; // any of these; empty: all projects
    std::optional<qint64> sessionId;
    QString role;
    QDateTime since;
    QDateTime until;
    int limit = 50;
    Order order = Order::Automatic;
    // The next page: what the previous page's `next` said.
    std::optional<qint64> after;
    // Around each match in snippets.
    QString highlightStart = QStringLiteral("**");
    QString highlightEnd = QStringLiteral("**");
};

struct Hit
{
    qint64 messageId = 0;
    qint64 sessionId = 0;
    qint64 projectId = 0;
    QString projectName;
    QString sessionTitle;
    QString role;
    QString kind;
    QDateTime timestamp;
    QString snippet;
};

struct Page
{
    QList<Hit> hits;
    bool ranked = false; // by relevance, else newest first
    std::optional<qint64> next; // pass as Request::after for the next page; empty on the last
};

inline constexpr int rankLimit = 2000;

[[nodiscard]] Result<Page> run(Store &store, const Request &request);

// Adds the messages written since the last call to the indexes, in one statement each. Call it in
// the transaction that wrote them, before it commits (TranscriptWriter does).
[[nodiscard]] Result<void> indexPending(Store &store);

// How many messages match, all of them: for a large store, call it off the GUI thread.
[[nodiscard]] Result<qint64> count(Store &store, const Request &request);

} // namespace Search
