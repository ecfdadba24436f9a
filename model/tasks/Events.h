#pragma once

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "Error.h"

class Store;

// The event log: what happened when, from every source that keeps one (orc's event_log, Arium's
// history.log). Read a page at a time in time order, never counted whole.
namespace Events {

struct Event
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString projectName; // filled when read
    std::optional<qint64> taskId;
    QString taskKey; // filled when read
    QString type;
    QDateTime timestamp;
    QString phase;
    QString source; // what wrote it in the source: "executor", "cli", an Arium agent…
    QByteArray payload; // the source's JSON, compact
    std::optional<qint64> versionId; // the file version a file change made, when the store has it
    QString key; // the source's id for it; importing again adds nothing
};

// False when the project already has an event of that key.
[[nodiscard]] Result<bool> add(Store &store, const Event &event);

struct Filter
{
    std::optional<qint64> projectId;
    std::optional<qint64> taskId;
    QStringList types; // empty: every type
    QDateTime from; // invalid: no bound
    QDateTime to; // invalid: no bound (inclusive)
};

// Where a page ended: the next starts after it.
struct Cursor
{
    qint64 timestamp = 0;
    qint64 id = 0;
};

// Up to `limit` events in time order (then id) after `after`.
[[nodiscard]] Result<QList<Event>> page(
    Store &store, const Filter &filter, const std::optional<Cursor> &after = {}, int limit = 500);
[[nodiscard]] Cursor cursorOf(const Event &event);
// The types in the log (of a project), for a filter's choices.
[[nodiscard]] Result<QStringList> types(Store &store, std::optional<qint64> projectId = {});

} // namespace Events
