#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// What an importer hands the store for one conversation.
struct SessionDraft
{
    qint64 projectId = 0;
    QString sourceKind;
    QString externalId; // the source's own id for the conversation
    std::optional<qint64> parentId;
    QString title;
    QJsonObject metadata;
};

// One message as an importer reads it. `sourceKey` identifies it inside its session across
// re-imports; a second message with the same key is merged into the first when `mergeWithSameKey`
// is set (one API reply written over several lines), replaces it when `replaceWithSameKey` is set,
// otherwise is ignored.
struct MessageDraft
{
    QString role; // user, assistant, system, tool
    QString kind; // text, thinking, tool_use, tool_result, result, error, event
    QString text;
    QByteArray raw; // the source's own record (UTF-8), shown as it was
    QDateTime timestamp;
    QString task;
    QString phase;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
    QString sourceKey;
    bool mergeWithSameKey = false;
    // A message with the same key is replaced by this one (a block that was still being written).
    bool replaceWithSameKey = false;
};

struct Session
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString sourceKind;
    QString externalId;
    std::optional<qint64> parentId;
    QString title;
    QDateTime startedAt;
    QDateTime lastAt;
    qint64 messageCount = 0;
};

struct Message
{
    qint64 id = 0;
    qint64 sessionId = 0;
    qint64 projectId = 0;
    qint64 seq = 0;
    QString role;
    QString kind;
    QString text;
    QString raw;
    QDateTime timestamp;
    QString task;
    QString phase;
    std::optional<qint64> inputTokens;
    std::optional<qint64> outputTokens;
};
