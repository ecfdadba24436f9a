#include "TranscriptWriter.h"

#include <QJsonDocument>

#include <sqlite3.h>

#include "Compression.h"
#include "Projects.h"
#include "Search.h"
#include "SearchQuery.h"
#include "Store.h"

// Compressing the raw records took a fifth of an import's time on the writing thread; done a chunk
// ahead on a second core, it costs none.
constexpr std::size_t chunkSize = 500;

TranscriptWriter::TranscriptWriter(Store &store, int batchSize)
    : m_store(store)
    , m_batchSize(batchSize)
{
    m_helper.setMaxThreadCount(1);
    m_filling.reserve(chunkSize);
}

TranscriptWriter::~TranscriptWriter()
{
    m_helper.waitForDone();
    sqlite3_finalize(m_insert);
    if (m_handle) {
        (void)Sql::run(m_store.database(), QStringLiteral("PRAGMA wal_autocheckpoint = 1000"));
        (void)Sql::run(m_store.database(), QStringLiteral("PRAGMA cache_size = -2000"));
    }
    // An open transaction rolls back with m_transaction.
}

Result<void> TranscriptWriter::begin()
{
    const QSqlDatabase db = m_store.database();
    auto transaction = Sql::Transaction::begin(db);
    if (!transaction)
        return std::unexpected(transaction.error());
    m_transaction.emplace(std::move(*transaction));
    m_failure.reset();
    if (!m_prepared) {
        m_handle = Sql::handle(db);
        // A checkpoint copies the log into the database and syncs; every 4 MB (SQLite's default)
        // that is hundreds during a large import. Every 64 MB while this writer works.
        (void)Sql::run(db, QStringLiteral("PRAGMA wal_autocheckpoint = 16384"));
        // The five indexes on messages and the word index's merges touch more pages than the
        // default 2 MB cache holds: 64 MB saved 8% of an import of 200,000 messages.
        (void)Sql::run(db, QStringLiteral("PRAGMA cache_size = -65536"));
        static constexpr char insert[] = "INSERT INTO messages (session_id, project_id, seq, role, kind, text, raw, "
                                         "timestamp, task, phase, input_tokens, output_tokens, source_key, cjk) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                         "ON CONFLICT (session_id, source_key) DO NOTHING";
        if (!m_handle)
            return fail(Error::Code::Database, QStringLiteral("the store's connection is not a SQLite connection"));
        if (const int rc
            = sqlite3_prepare_v3(m_handle, insert, sizeof insert, SQLITE_PREPARE_PERSISTENT, &m_insert, nullptr);
            rc != SQLITE_OK)
            return std::unexpected(Sql::errorOf(m_handle, rc));
        m_prepared = true;
    }
    return {};
}

Result<qint64> TranscriptWriter::project(const Project &draft)
{
    const QString key = draft.sourceKind + u'\x1f' + draft.sourceLocation;
    if (const auto found = m_projectIds.constFind(key); found != m_projectIds.cend())
        return *found;
    auto existing = Sql::run(m_store.database(),
        QStringLiteral("SELECT id FROM projects WHERE source_kind = ? AND source_location = ?"),
        { Sql::text(draft.sourceKind), Sql::text(draft.sourceLocation) });
    if (!existing)
        return std::unexpected(existing.error());
    qint64 id = 0;
    if (existing->next()) {
        id = existing->value(0).toLongLong();
    } else {
        auto created = Projects::create(m_store, draft);
        if (!created)
            return std::unexpected(created.error());
        id = created->id;
        if (!draft.createdAt.isValid())
            m_undated.insert(id); // its times come from its first messages, not from the import
        ++m_counts.projects;
    }
    m_projectIds.insert(key, id);
    return id;
}

Result<qint64> TranscriptWriter::session(const SessionDraft &draft)
{
    const QSqlDatabase db = m_store.database();
    auto existing = Sql::run(db,
        QStringLiteral("SELECT id, (SELECT coalesce(max(seq) + 1, 0) FROM messages WHERE session_id = sessions.id) "
                       "FROM sessions WHERE project_id = ? AND source_kind = ? AND external_id = ?"),
        { draft.projectId, Sql::text(draft.sourceKind), Sql::text(draft.externalId) });
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->next()) {
        const qint64 id = existing->value(0).toLongLong();
        if (!m_sessions.contains(id))
            m_sessions.insert(id, { draft.projectId, existing->value(1).toLongLong(), 0, 0 });
        return id;
    }
    auto inserted = Sql::run(db,
        QStringLiteral("INSERT INTO sessions (project_id, source_kind, external_id, parent_id, title, metadata) "
                       "VALUES (?, ?, ?, ?, ?, ?)"),
        { draft.projectId,
            Sql::text(draft.sourceKind),
            Sql::text(draft.externalId),
            Sql::nullable(draft.parentId),
            Sql::text(draft.title),
            QString::fromUtf8(QJsonDocument(draft.metadata).toJson(QJsonDocument::Compact)) });
    if (!inserted)
        return std::unexpected(inserted.error());
    const qint64 id = inserted->lastInsertId().toLongLong();
    m_sessions.insert(id, { draft.projectId, 0, 0, 0 });
    ++m_counts.sessions;
    return id;
}

Result<qint64> TranscriptWriter::resumeSession(qint64 sessionId)
{
    if (const auto found = m_sessions.constFind(sessionId); found != m_sessions.cend())
        return found->projectId;
    auto existing = Sql::run(m_store.database(),
        QStringLiteral(
            "SELECT project_id, (SELECT coalesce(max(seq) + 1, 0) FROM messages WHERE session_id = sessions.id) "
            "FROM sessions WHERE id = ?"),
        { sessionId });
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->next())
        return fail(Error::Code::NotFound, QStringLiteral("session %1 is no longer in the store").arg(sessionId));
    const qint64 projectId = existing->value(0).toLongLong();
    m_sessions.insert(sessionId, { projectId, existing->value(1).toLongLong(), 0, 0 });
    return projectId;
}

Result<void> TranscriptWriter::setTitleIfEmpty(qint64 sessionId, const QString &title)
{
    if (m_titled.contains(sessionId))
        return {}; // once per session: the first prompt names it
    m_titled.insert(sessionId);
    auto updated = Sql::run(m_store.database(),
        QStringLiteral("UPDATE sessions SET title = ? WHERE id = ? AND title = ''"),
        { title.left(200), sessionId });
    if (!updated)
        return std::unexpected(updated.error());
    return {};
}

Result<void> TranscriptWriter::addMessage(qint64 sessionId, const MessageDraft &message)
{
    if (!m_sessions.contains(sessionId))
        return fail(
            Error::Code::InvalidArgument, QStringLiteral("session %1 was not opened by this writer").arg(sessionId));
    if (m_failure)
        return std::unexpected(*m_failure);
    m_filling.push_back({ sessionId, message, {}, {}, 0 });
    ++m_pending;
    if (m_filling.size() < chunkSize)
        return {};
    if (auto passed = passOn(); !passed)
        return abandon(passed.error());
    return {};
}

void TranscriptWriter::prepare(std::vector<Queued> &chunk)
{
    for (Queued &message : chunk) {
        message.cjk = SearchQuery::isCjk(message.draft.text) ? 1 : 0;
        message.text = message.draft.text.toUtf8();
        message.raw = Compression::compress(message.draft.raw);
    }
}

Result<void> TranscriptWriter::passOn()
{
    m_helper.waitForDone();
    std::vector<Queued> ready;
    ready.swap(m_preparing);
    m_preparing.swap(m_filling);
    m_filling.reserve(chunkSize);
    if (!m_preparing.empty())
        m_helper.start([this] { prepare(m_preparing); });
    for (const Queued &message : ready)
        if (auto inserted = insert(message); !inserted)
            return inserted;
    return {};
}

Result<void> TranscriptWriter::abandon(const Error &error)
{
    // Positions saved in this batch may count messages that were not written: none of it stays.
    m_helper.waitForDone();
    m_filling.clear();
    m_preparing.clear();
    m_transaction.reset();
    m_pending = 0;
    m_counts = m_committed;
    m_failure = error;
    return std::unexpected(error);
}

Result<void> TranscriptWriter::drain()
{
    // Twice: what is being prepared is written, then what was filling is prepared and written.
    if (auto first = passOn(); !first)
        return first;
    return passOn();
}

Result<void> TranscriptWriter::insert(const Queued &queued)
{
    const MessageDraft &message = queued.draft;
    const auto found = m_sessions.find(queued.sessionId);
    if (found == m_sessions.end())
        return fail(Error::Code::InvalidArgument,
            QStringLiteral("session %1 was not opened by this writer").arg(queued.sessionId));
    SessionState &state = *found;
    // The texts outlive the step, so SQLite may use them where they are.
    const QByteArray role = message.role.toUtf8();
    const QByteArray kind = message.kind.toUtf8();
    const QByteArray task = message.task.toUtf8();
    const QByteArray phase = message.phase.toUtf8();
    const QByteArray key = message.sourceKey.toUtf8();
    const auto bindText = [this](int column, const QByteArray &value, bool nullWhenEmpty) {
        if (nullWhenEmpty && value.isEmpty())
            return sqlite3_bind_null(m_insert, column);
        return sqlite3_bind_text(m_insert, column, value.constData(), int(value.size()), SQLITE_STATIC);
    };
    const auto bindNumber = [this](int column, const std::optional<qint64> &value) {
        return value ? sqlite3_bind_int64(m_insert, column, *value) : sqlite3_bind_null(m_insert, column);
    };
    sqlite3_reset(m_insert);
    sqlite3_bind_int64(m_insert, 1, queued.sessionId);
    sqlite3_bind_int64(m_insert, 2, state.projectId);
    sqlite3_bind_int64(m_insert, 3, state.nextSeq);
    bindText(4, role, false);
    bindText(5, kind, false);
    bindText(6, queued.text, false);
    sqlite3_bind_blob(m_insert, 7, queued.raw.constData(), int(queued.raw.size()), SQLITE_STATIC);
    bindNumber(8, message.timestamp.isValid() ? std::optional(message.timestamp.toMSecsSinceEpoch()) : std::nullopt);
    bindText(9, task, true);
    bindText(10, phase, true);
    bindNumber(11, message.inputTokens);
    bindNumber(12, message.outputTokens);
    bindText(13, key, false);
    sqlite3_bind_int(m_insert, 14, queued.cjk);
    const int rc = sqlite3_step(m_insert);
    const bool added = rc == SQLITE_DONE && sqlite3_changes(m_handle) > 0;
    sqlite3_reset(m_insert);
    if (rc != SQLITE_DONE)
        return std::unexpected(Sql::errorOf(m_handle, rc));
    if (added) {
        ++state.nextSeq;
        ++m_counts.messages;
    } else if (message.mergeWithSameKey || message.replaceWithSameKey) {
        if (auto changed = updateExisting(queued.sessionId, message, queued.cjk); !changed)
            return std::unexpected(changed.error());
        else if (*changed)
            ++m_counts.merged;
    }
    if (message.timestamp.isValid()) {
        const qint64 ms = message.timestamp.toMSecsSinceEpoch();
        state.firstAt = state.firstAt == 0 ? ms : std::min(state.firstAt, ms);
        state.lastAt = std::max(state.lastAt, ms);
    }
    return {};
}

Result<bool> TranscriptWriter::updateExisting(qint64 sessionId, const MessageDraft &message, int cjk)
{
    // Rare (a reply continued in a later import, a block still being written): done here rather
    // than in SQL, since the raw record is compressed.
    const QSqlDatabase db = m_store.database();
    auto existing = Sql::run(db,
        QStringLiteral("SELECT id, text, raw, cjk FROM messages WHERE session_id = ? AND source_key = ?"),
        { sessionId, Sql::text(message.sourceKey) });
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->next())
        return false;
    const qint64 id = existing->value(0).toLongLong();
    const QString text = existing->value(1).toString();
    auto raw = Compression::decompress(existing->value(2).toByteArray());
    if (!raw)
        return std::unexpected(raw.error());
    QString newText;
    QByteArray newRaw;
    int newCjk = cjk;
    if (message.mergeWithSameKey) {
        if (raw->contains(message.raw))
            return false; // read before (a file read again)
        newText = text + u'\n' + message.text;
        newRaw = *raw + '\n' + message.raw;
        newCjk = std::max(cjk, existing->value(3).toInt());
    } else {
        if (*raw == message.raw)
            return false;
        newText = message.text;
        newRaw = message.raw;
    }
    auto updated = Sql::run(db,
        QStringLiteral("UPDATE messages SET text = ?, raw = ?, cjk = ?, input_tokens = coalesce(?, input_tokens), "
                       "output_tokens = coalesce(?, output_tokens) WHERE id = ?"),
        { newText,
            Compression::compress(newRaw),
            newCjk,
            Sql::nullable(message.inputTokens),
            Sql::nullable(message.outputTokens),
            id });
    if (!updated)
        return std::unexpected(updated.error());
    return true;
}

Result<void> TranscriptWriter::finishSessions()
{
    const QSqlDatabase db = m_store.database();
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        SessionState &state = it.value();
        if (state.lastAt == 0)
            continue;
        auto updated = Sql::run(db,
            QStringLiteral("UPDATE sessions SET started_at = min(coalesce(started_at, ?), ?), "
                           "last_at = max(coalesce(last_at, ?), ?) WHERE id = ?"),
            { state.firstAt, state.firstAt, state.lastAt, state.lastAt, it.key() });
        if (!updated)
            return std::unexpected(updated.error());
        auto active = m_undated.remove(state.projectId)
            ? Sql::run(db,
                QStringLiteral("UPDATE projects SET created_at = ?, last_active_at = ? WHERE id = ?"),
                { state.firstAt, state.lastAt, state.projectId })
            : Sql::run(db,
                QStringLiteral(
                    "UPDATE projects SET created_at = min(created_at, ?), last_active_at = max(last_active_at, ?) "
                    "WHERE id = ?"),
                { state.firstAt, state.lastAt, state.projectId });
        if (!active)
            return std::unexpected(active.error());
        state.firstAt = state.lastAt = 0;
    }
    return {};
}

Result<void> TranscriptWriter::checkpoint()
{
    if (m_pending < m_batchSize)
        return {};
    if (auto committed = commit(); !committed)
        return committed;
    return begin();
}

Result<void> TranscriptWriter::commit()
{
    if (m_failure)
        return std::unexpected(*m_failure);
    if (!m_transaction)
        return {};
    if (auto drained = drain(); !drained)
        return abandon(drained.error());
    if (auto finished = finishSessions(); !finished)
        return abandon(finished.error());
    if (auto indexed = Search::indexPending(m_store); !indexed)
        return abandon(indexed.error());
    auto committed = m_transaction->commit();
    m_transaction.reset();
    m_pending = 0;
    if (committed)
        m_committed = m_counts;
    return committed;
}

Result<void> TranscriptWriter::finish(ImportReport &report, const Result<void> &outcome)
{
    auto committed = commit();
    report.projects += m_committed.projects;
    report.sessions += m_committed.sessions;
    report.messages += m_committed.messages;
    report.merged += m_committed.merged;
    if (!outcome)
        return outcome;
    return committed;
}
