#pragma once

#include <QJsonValue>
#include <QString>

#include "Transcript.h"

// The content of an Anthropic API message (a string, or an array of text, thinking, tool_use,
// tool_result and image blocks), as Claude Code and PocketAgent record it.
namespace ClaudeContent {

// Everything a person may search for: the text, the thinking, each tool call's name and input
// values, each tool result's text. Blocks are separated by blank lines.
[[nodiscard]] QString searchableText(const QJsonValue &content);

// The message's kind for the transcript: "text" when it has text, else "tool_use", "tool_result",
// "thinking" or "image" after its first block.
[[nodiscard]] QString kindOf(const QJsonValue &content);

// A session title from its first prompt: one line, without the markup agents wrap around
// commands and IDE context (<command-name>…</command-name>), at most 120 characters.
[[nodiscard]] QString titleFrom(const QString &prompt);

// An API reply (the assistant's `message` object) as a message: role, kind, searchable text and
// token counts. Returns the reply's id, by which its parts written over several lines are joined.
QString fillReply(const QJsonObject &reply, MessageDraft &message);

// ISO 8601 / RFC 3339 times with any number of fraction digits and an offset or Z.
[[nodiscard]] QDateTime parseTime(const QString &text);

} // namespace ClaudeContent
