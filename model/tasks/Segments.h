#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "Error.h"

class Store;

// out_of_context's context segments: stashed pieces of a conversation, code, logs, notes and
// decisions, by task, file and tag. Their text is also a message (kind "segment") in one session a
// project, so the transcript search finds it.
namespace Segments {

struct Segment
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString projectName; // filled when read
    std::optional<qint64> messageId;
    QString key; // segment_id, or the .mdc file's name
    QString kind; // message, code, log, note, decision, summary (or an .mdc's type)
    QString task;
    QString path;
    std::optional<qint64> lineFrom;
    std::optional<qint64> lineTo;
    QStringList tags;
    std::optional<qint64> tokens;
    bool pinned = false;
    QString tier; // working, stashed, archive, evicted
    QDateTime createdAt;
    QDateTime touchedAt;
    QString text; // filled when read, from the message
    QJsonObject details;
};

// Adds or updates (same project and key).
[[nodiscard]] Result<qint64> put(Store &store, const Segment &segment);

struct Filter
{
    std::optional<qint64> projectId;
    QString task; // empty: any
    QString path; // empty: any
    QString tag; // empty: any
};

// Segments newest first; `after` is the id the page before ended with.
[[nodiscard]] Result<QList<Segment>> list(
    Store &store, const Filter &filter = {}, std::optional<qint64> after = {}, int limit = 500);

// Which tasks, files or tags the segments have (of a project), with how many each: for browsing.
enum class Facet { Task, Path, Tag };
[[nodiscard]] Result<QList<std::pair<QString, qint64>>> facet(
    Store &store, Facet facet, std::optional<qint64> projectId = {});

} // namespace Segments
