#pragma once

#include <optional>

#include <QList>

#include "Error.h"
#include "Transcript.h"

class Store;

// Reading conversations back, a page at a time.
namespace Transcripts {

[[nodiscard]] Result<std::optional<Session>> session(Store &store, qint64 sessionId);

// Up to `limit` messages of a session in order, after position `afterSeq` (from the start when
// empty). Keyset paging over (session_id, seq).
[[nodiscard]] Result<QList<Message>> messages(
    Store &store, qint64 sessionId, std::optional<qint64> afterSeq, int limit);

} // namespace Transcripts
