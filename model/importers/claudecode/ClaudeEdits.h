#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "Error.h"

// The file versions a Claude Code Write or Edit leaves in its tool result (`toolUseResult` on the
// user line that carries the tool_result): the file before (`originalFile`, null for a new file)
// and after (a Write's `content`; for an Edit, `originalFile` with `structuredPatch` applied, or
// with `oldString` replaced by `newString`).
namespace ClaudeEdits {

struct Change
{
    QString filePath; // as the tool had it: absolute, or relative to the session's cwd
    std::optional<QByteArray> before; // none: unknown, or the file was new
    QByteArray after;
    QString tool; // Edit, Write
};

// None when the result is not a file change; an error when it is one whose new content cannot be
// worked out (the patch does not fit the original).
[[nodiscard]] Result<std::optional<Change>> fromToolResult(const QJsonObject &result);

// `original` with the hunks of a structuredPatch applied; an error when a hunk does not fit.
[[nodiscard]] Result<QByteArray> applyStructuredPatch(const QByteArray &original, const QJsonArray &hunks);

} // namespace ClaudeEdits
