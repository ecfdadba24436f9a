#include "ClaudeEdits.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ClaudeEdits {

namespace {

Error doesNotFit(int hunk)
{
    return {
        Error::Code::Corrupt,
        QCoreApplication::translate("ClaudeEdits", "the edit's hunk %1 does not fit the file it was made to").arg(hunk)
    };
}

} // namespace

Result<QByteArray> applyStructuredPatch(const QByteArray &original, const QJsonArray &hunks)
{
    // Lines without their '\n'; a file ending with one has an empty last element.
    const QList<QByteArray> lines = original.split('\n');
    QList<QByteArray> out;
    qsizetype next = 0; // the first line of `lines` not yet copied
    for (qsizetype h = 0; h < hunks.size(); ++h) {
        const QJsonObject hunk = hunks.at(h).toObject();
        const qsizetype start = std::max(0, hunk.value(QStringLiteral("oldStart")).toInt() - 1);
        const QJsonArray hunkLines = hunk.value(QStringLiteral("lines")).toArray();
        // An empty file's hunk starts at line 0.
        if (start < next || start > lines.size())
            return std::unexpected(doesNotFit(int(h) + 1));
        while (next < start)
            out << lines.at(next++);
        for (const QJsonValue &value : hunkLines) {
            const QByteArray line = value.toString().toUtf8();
            if (line.startsWith('\\'))
                continue; // "\ No newline at end of file"
            const char kind = line.isEmpty() ? ' ' : line.at(0);
            const QByteArray text = line.mid(1);
            if (kind == '+') {
                out << text;
            } else if (kind == ' ' || kind == '-') {
                if (next >= lines.size() || lines.at(next) != text)
                    return std::unexpected(doesNotFit(int(h) + 1));
                if (kind == ' ')
                    out << text;
                ++next;
            } else {
                return std::unexpected(doesNotFit(int(h) + 1));
            }
        }
    }
    while (next < lines.size())
        out << lines.at(next++);
    return out.join('\n');
}

Result<std::optional<Change>> fromToolResult(const QJsonObject &result)
{
    const QString filePath = result.value(QStringLiteral("filePath")).toString();
    if (filePath.isEmpty())
        return std::optional<Change>();
    const QJsonValue original = result.value(QStringLiteral("originalFile"));
    Change change;
    change.filePath = filePath;
    if (original.isString())
        change.before = original.toString().toUtf8();
    if (const QJsonValue content = result.value(QStringLiteral("content")); content.isString()) {
        // Write: the whole new content.
        change.tool = QStringLiteral("Write");
        change.after = content.toString().toUtf8();
        return std::optional(change);
    }
    if (!change.before || !result.contains(QStringLiteral("structuredPatch")))
        return std::optional<Change>(); // a Read, or an edit without its original
    change.tool = QStringLiteral("Edit");
    auto patched = applyStructuredPatch(*change.before, result.value(QStringLiteral("structuredPatch")).toArray());
    if (patched) {
        change.after = std::move(*patched);
        return std::optional(change);
    }
    // The patch may be cut short; the replacement itself says the same thing.
    const QByteArray oldString = result.value(QStringLiteral("oldString")).toString().toUtf8();
    const QByteArray newString = result.value(QStringLiteral("newString")).toString().toUtf8();
    if (oldString.isEmpty() || !change.before->contains(oldString))
        return std::unexpected(patched.error());
    change.after = *change.before;
    if (result.value(QStringLiteral("replaceAll")).toBool())
        change.after.replace(oldString, newString);
    else
        change.after.replace(change.after.indexOf(oldString), oldString.size(), newString);
    return std::optional(change);
}

} // namespace ClaudeEdits
