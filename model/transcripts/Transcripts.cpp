#include "Transcripts.h"

#include <QSqlQuery>

#include "Compression.h"
#include "Sql.h"
#include "Store.h"

namespace {

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<qint64> numberOf(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional(value.toLongLong());
}

const QString sessionColumns
    = QStringLiteral("s.id, s.project_id, s.source_kind, s.external_id, s.parent_id, s.title, s.started_at, s.last_at, "
                     "(SELECT count(*) FROM messages m WHERE m.session_id = s.id)");

Session sessionFrom(const QSqlQuery &row)
{
    Session session;
    session.id = row.value(0).toLongLong();
    session.projectId = row.value(1).toLongLong();
    session.sourceKind = row.value(2).toString();
    session.externalId = row.value(3).toString();
    session.parentId = numberOf(row.value(4));
    session.title = row.value(5).toString();
    session.startedAt = timeOf(row.value(6));
    session.lastAt = timeOf(row.value(7));
    session.messageCount = row.value(8).toLongLong();
    return session;
}

} // namespace

namespace Transcripts {

Result<std::optional<Session>> session(Store &store, qint64 sessionId)
{
    auto rows = Sql::run(store.database(),
        QStringLiteral("SELECT %1 FROM sessions s WHERE s.id = ?").arg(sessionColumns),
        { sessionId });
    if (!rows)
        return std::unexpected(rows.error());
    if (!rows->next())
        return std::nullopt;
    return sessionFrom(*rows);
}

Result<QList<Message>> messages(Store &store, qint64 sessionId, std::optional<qint64> afterSeq, int limit)
{
    auto rows = Sql::run(store.database(),
        QStringLiteral(
            "SELECT id, session_id, project_id, seq, role, kind, text, raw, timestamp, task, phase, input_tokens, "
            "output_tokens FROM messages WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
        { sessionId, afterSeq.value_or(-1), limit });
    if (!rows)
        return std::unexpected(rows.error());
    QList<Message> page;
    while (rows->next()) {
        Message message;
        message.id = rows->value(0).toLongLong();
        message.sessionId = rows->value(1).toLongLong();
        message.projectId = rows->value(2).toLongLong();
        message.seq = rows->value(3).toLongLong();
        message.role = rows->value(4).toString();
        message.kind = rows->value(5).toString();
        message.text = rows->value(6).toString();
        message.raw = QString::fromUtf8(Compression::decompress(rows->value(7).toByteArray()).value_or(QByteArray()));
        message.timestamp = timeOf(rows->value(8));
        message.task = rows->value(9).toString();
        message.phase = rows->value(10).toString();
        message.inputTokens = numberOf(rows->value(11));
        message.outputTokens = numberOf(rows->value(12));
        page << message;
    }
    return page;
}

} // namespace Transcripts
