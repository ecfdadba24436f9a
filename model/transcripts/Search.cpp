#include "Search.h"

#include <QSqlQuery>

#include "SearchQuery.h"
#include "Sql.h"
#include "Store.h"

namespace {

using Node = SearchQuery::Node;

// A WHERE condition (with its bound values) over messages `m` for a query that has CJK terms.
// Each term becomes a set of message ids: from the word index, or for CJK text from the trigram
// index (three characters or more) or by scanning the CJK messages' text (one or two).
QString cjkCondition(const Node &node, QVariantList &binds)
{
    switch (node.type) {
    case Node::Type::Term:
        if (!SearchQuery::isCjk(node.text)) {
            binds << QString(SearchQuery::quoted(node.text) + (node.prefix ? QStringLiteral("*") : QString()));
            return QStringLiteral("m.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)");
        }
        if (node.text.size() >= 3) {
            binds << SearchQuery::quoted(node.text);
            return QStringLiteral("m.id IN (SELECT rowid FROM messages_cjk WHERE messages_cjk MATCH ?)");
        }
        binds << node.text;
        return QStringLiteral("m.id IN (SELECT rowid FROM messages_cjk WHERE instr(text, ?) > 0)");
    case Node::Type::Not:
        return QStringLiteral("NOT (") + cjkCondition(*node.children.front(), binds) + u')';
    case Node::Type::And:
    case Node::Type::Or: {
        QStringList parts;
        for (const auto &child : node.children)
            parts << cjkCondition(*child, binds);
        return u'(' + parts.join(node.type == Node::Type::And ? QStringLiteral(" AND ") : QStringLiteral(" OR "))
            + u')';
    }
    }
    return {};
}

struct Filters
{
    QString sql;
    QVariantList binds;
};

Filters filtersOf(const Search::Request &request)
{
    Filters filters;
    if (!request.projectIds.isEmpty()) {
        filters.sql += QStringLiteral(" AND m.project_id IN (%1)")
                           .arg(QStringList(request.projectIds.size(), QStringLiteral("?")).join(u','));
        for (qint64 id : request.projectIds)
            filters.binds << id;
    }
    if (request.sessionId) {
        filters.sql += QStringLiteral(" AND m.session_id = ?");
        filters.binds << *request.sessionId;
    }
    if (!request.role.isEmpty()) {
        filters.sql += QStringLiteral(" AND m.role = ?");
        filters.binds << request.role;
    }
    if (request.since.isValid()) {
        filters.sql += QStringLiteral(" AND m.timestamp >= ?");
        filters.binds << request.since.toMSecsSinceEpoch();
    }
    if (request.until.isValid()) {
        filters.sql += QStringLiteral(" AND m.timestamp < ?");
        filters.binds << request.until.toMSecsSinceEpoch();
    }
    return filters;
}

Result<QSqlQuery> runWith(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(Sql::errorOf(query));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(Sql::errorOf(query));
    return query;
}

// A snippet made here, for hits the word index did not find (CJK): the text around the first
// match, every match marked.
QString snippetOf(const QString &text, const QStringList &terms, const Search::Request &request)
{
    qsizetype first = -1;
    for (const QString &term : terms) {
        const qsizetype at = text.indexOf(term, 0, Qt::CaseInsensitive);
        if (at >= 0 && (first < 0 || at < first))
            first = at;
    }
    const qsizetype from = std::max<qsizetype>(0, first - 40);
    QString window = text.mid(from, 160).simplified();
    for (const QString &term : terms) {
        qsizetype at = 0;
        while ((at = window.indexOf(term, at, Qt::CaseInsensitive)) >= 0) {
            const QString marked = request.highlightStart + window.mid(at, term.size()) + request.highlightEnd;
            window.replace(at, term.size(), marked);
            at += marked.size();
        }
    }
    return (from > 0 ? QStringLiteral("…") : QString()) + window
        + (from + 160 < text.size() ? QStringLiteral("…") : QString());
}

// A prefix word as the OR of the indexed words it begins (when there are not too many): FTS5
// gathers every posting of a prefix before it can give the newest hit, but walks an OR lazily, so
// the first page of a common prefix comes in milliseconds instead of half a second.
SearchQuery::PrefixExpansion prefixExpansion(const QSqlDatabase &db)
{
    return [db](const QString &prefix) -> std::optional<QString> {
        const QString folded = prefix.toLower();
        // Three letters have their own prefix index; two match too many words to list.
        if (folded.contains(u' ') || folded.size() <= 3)
            return std::nullopt;
        QString upper = folded;
        upper[upper.size() - 1] = QChar(upper.back().unicode() + 1);
        constexpr int most = 400;
        QSqlQuery words(db);
        words.setForwardOnly(true);
        if (!words.prepare(QStringLiteral("SELECT term FROM messages_vocabulary WHERE term >= ? AND term < ? LIMIT %1")
                               .arg(most + 1)))
            return std::nullopt;
        words.addBindValue(folded);
        words.addBindValue(upper);
        if (!words.exec())
            return std::nullopt;
        QStringList terms;
        while (words.next())
            terms << SearchQuery::quoted(words.value(0).toString());
        if (terms.isEmpty() || terms.size() > most)
            return std::nullopt; // none (the prefix form finds none either) or too many: FTS5's own way
        return u'(' + terms.join(QStringLiteral(" OR ")) + u')';
    };
}

Search::Hit hitOf(const QSqlQuery &row)
{
    Search::Hit hit;
    hit.messageId = row.value(0).toLongLong();
    hit.sessionId = row.value(1).toLongLong();
    hit.projectId = row.value(2).toLongLong();
    hit.role = row.value(3).toString();
    hit.kind = row.value(4).toString();
    if (!row.value(5).isNull())
        hit.timestamp = QDateTime::fromMSecsSinceEpoch(row.value(5).toLongLong(), Qt::UTC);
    hit.projectName = row.value(6).toString();
    hit.sessionTitle = row.value(7).toString();
    hit.snippet = row.value(8).toString();
    return hit;
}

const QString hitColumns
    = QStringLiteral("m.id, m.session_id, m.project_id, m.role, m.kind, m.timestamp, p.name, s.title");
const QString hitJoins
    = QStringLiteral("JOIN sessions s ON s.id = m.session_id JOIN projects p ON p.id = m.project_id");

} // namespace

namespace Search {

// No words, a time range: the messages in it, newest first (keyset over the time index).
Result<Page> inTimeRange(Store &store, const Request &request)
{
    const Filters filters = filtersOf(request);
    const int limit = std::clamp(request.limit, 1, 1000);
    QVariantList binds = filters.binds;
    QString sql = QStringLiteral("SELECT %1, substr(m.text, 1, 200) FROM messages m %2 WHERE m.timestamp IS NOT NULL")
                      .arg(hitColumns, hitJoins)
        + filters.sql;
    if (request.after) {
        sql += QStringLiteral(" AND (m.timestamp, m.id) < (SELECT timestamp, id FROM messages WHERE id = ?)");
        binds << *request.after;
    }
    sql += QStringLiteral(" ORDER BY m.timestamp DESC, m.id DESC LIMIT ?");
    binds << limit + 1;
    auto rows = runWith(store.database(), sql, binds);
    if (!rows)
        return std::unexpected(rows.error());
    Page page;
    while (rows->next()) {
        Hit hit = hitOf(*rows);
        hit.snippet = rows->value(8).toString().simplified();
        page.hits << hit;
    }
    if (page.hits.size() > limit) {
        page.hits.removeLast();
        page.next = page.hits.constLast().messageId;
    }
    return page;
}

Result<Page> run(Store &store, const Request &request)
{
    if (request.query.trimmed().isEmpty() && (request.since.isValid() || request.until.isValid()))
        return inTimeRange(store, request);
    auto parsed = SearchQuery::parse(request.query);
    if (!parsed)
        return std::unexpected(parsed.error());
    const QSqlDatabase db = store.database();
    const Filters filters = filtersOf(request);
    const int limit = std::clamp(request.limit, 1, 1000);
    Page page;

    if (parsed->needsCjk()) {
        QVariantList binds;
        QString sql = QStringLiteral("SELECT %1, m.text FROM messages m %2 WHERE ").arg(hitColumns, hitJoins)
            + cjkCondition(parsed->root(), binds) + filters.sql;
        binds << filters.binds;
        if (request.after) {
            sql += QStringLiteral(" AND m.id < ?");
            binds << *request.after;
        }
        sql += QStringLiteral(" ORDER BY m.id DESC LIMIT ?");
        binds << limit + 1;
        auto rows = runWith(db, sql, binds);
        if (!rows)
            return std::unexpected(rows.error());
        const QStringList terms = parsed->terms();
        while (rows->next()) {
            Hit hit = hitOf(*rows);
            hit.snippet = snippetOf(rows->value(8).toString(), terms, request);
            page.hits << hit;
        }
    } else {
        const QString match = parsed->toFts5(prefixExpansion(db));
        bool ranked = request.order == Order::Relevance;
        if (request.order == Order::Automatic) {
            // Few hits: rank them. The probe stops at the limit, so a common word costs little.
            QVariantList binds{ match };
            binds << filters.binds;
            auto probe = runWith(db,
                QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM messages_fts JOIN messages m ON m.id = "
                               "messages_fts.rowid WHERE messages_fts MATCH ?%1 LIMIT %2)")
                    .arg(filters.sql)
                    .arg(rankLimit + 1),
                binds);
            if (!probe)
                return std::unexpected(probe.error());
            ranked = probe->next() && probe->value(0).toInt() <= rankLimit;
        }
        const QString snippet = QStringLiteral("snippet(messages_fts, 0, ?, ?, '…', 24)");
        QVariantList binds{ request.highlightStart, request.highlightEnd, match };
        binds << filters.binds;
        QString sql = QStringLiteral("SELECT %1, %2 FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid %3 "
                                     "WHERE messages_fts MATCH ?")
                          .arg(hitColumns, snippet, hitJoins)
            + filters.sql;
        if (ranked) {
            // Ranked pages are positions in the ranking (at most rankLimit hits, or asked for).
            sql += QStringLiteral(" ORDER BY rank LIMIT ? OFFSET ?");
            binds << limit + 1 << request.after.value_or(0);
        } else {
            if (request.after) {
                sql += QStringLiteral(" AND messages_fts.rowid < ?");
                binds << *request.after;
            }
            sql += QStringLiteral(" ORDER BY messages_fts.rowid DESC LIMIT ?");
            binds << limit + 1;
        }
        auto rows = runWith(db, sql, binds);
        if (!rows)
            return std::unexpected(rows.error());
        while (rows->next())
            page.hits << hitOf(*rows);
        page.ranked = ranked;
    }

    if (page.hits.size() > limit) {
        page.hits.removeLast();
        page.next = page.ranked ? request.after.value_or(0) + limit : page.hits.constLast().messageId;
    }
    return page;
}

Result<void> indexPending(Store &store)
{
    const QSqlDatabase db = store.database();
    for (const char *statement : { "INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages "
                                   "WHERE id > (SELECT indexed_up_to FROM search_index_state) ORDER BY id",
             "INSERT INTO messages_cjk (rowid, text) SELECT id, text FROM messages "
             "WHERE id > (SELECT indexed_up_to FROM search_index_state) AND cjk ORDER BY id",
             "UPDATE search_index_state SET indexed_up_to = (SELECT coalesce(max(id), 0) FROM messages)" }) {
        if (auto ran = Sql::run(db, QLatin1StringView(statement)); !ran)
            return std::unexpected(ran.error());
    }
    return {};
}

Result<qint64> count(Store &store, const Request &request)
{
    if (request.query.trimmed().isEmpty() && (request.since.isValid() || request.until.isValid())) {
        const Filters filters = filtersOf(request);
        auto rows = runWith(store.database(),
            QStringLiteral("SELECT count(*) FROM messages m WHERE m.timestamp IS NOT NULL") + filters.sql,
            filters.binds);
        if (!rows)
            return std::unexpected(rows.error());
        return rows->next() ? rows->value(0).toLongLong() : 0;
    }
    auto parsed = SearchQuery::parse(request.query);
    if (!parsed)
        return std::unexpected(parsed.error());
    const Filters filters = filtersOf(request);
    QVariantList binds;
    QString sql;
    if (parsed->needsCjk()) {
        sql = QStringLiteral("SELECT count(*) FROM messages m WHERE ") + cjkCondition(parsed->root(), binds)
            + filters.sql;
    } else {
        binds << parsed->toFts5();
        sql = filters.sql.isEmpty()
            ? QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?")
            : QStringLiteral("SELECT count(*) FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
                             "WHERE messages_fts MATCH ?")
                + filters.sql;
    }
    binds << filters.binds;
    auto rows = runWith(store.database(), sql, binds);
    if (!rows)
        return std::unexpected(rows.error());
    return rows->next() ? rows->value(0).toLongLong() : 0;
}

} // namespace Search
