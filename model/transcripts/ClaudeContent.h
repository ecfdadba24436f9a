#pragma once

#include <QJsonValue>
#include <QString>

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

// ISO 8601 / RFC 3339 times with any number of fraction digits and an offset or Z.
[[nodiscard]] QDateTime parseTime(const QString &text);

} // namespace ClaudeContent
