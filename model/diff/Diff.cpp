#include "Diff.h"

#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string_view>

#include <QCoreApplication>

#include <git2.h>

#include "LibGit2.h"

namespace Diff {

namespace {

using PatchPtr = std::unique_ptr<git_patch, decltype(&git_patch_free)>;

// git's own test (buffer_is_binary): a NUL byte in the first 8000 bytes. libgit2's is wider (it
// also counts control characters), which would call some of git's text files binary.
bool looksBinary(QByteArrayView text)
{
    return text.first(std::min<qsizetype>(text.size(), 8000)).contains('\0');
}

int lineCount(QByteArrayView text)
{
    return int(text.count('\n')) + 1;
}

Result<PatchPtr> patchOf(QByteArrayView oldText, QByteArrayView newText, const git_diff_options &options)
{
    LibGit2::ensureInitialised();
    git_patch *patch = nullptr;
    // A view of an empty QByteArray may have no data pointer: libgit2 wants one.
    static const char empty = 0;
    const char *oldData = oldText.isEmpty() ? &empty : oldText.data();
    const char *newData = newText.isEmpty() ? &empty : newText.data();
    if (git_patch_from_buffers(
            &patch, oldData, size_t(oldText.size()), "old", newData, size_t(newText.size()), "new", &options)
        != 0)
        return fail(Error::Code::Io,
            QCoreApplication::translate("Diff", "cannot compare the texts: %1").arg(LibGit2::lastError()));
    return PatchPtr(patch, git_patch_free);
}

bool isXdiffSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// A text's lines (without their '\n') and the buffer of their tokens (see Options::Method).
struct Tokens
{
    QList<QByteArrayView> lines;
    bool endsWithNewline = true;
    QByteArray buffer;
};

Tokens tokenize(QByteArrayView text)
{
    Tokens tokens;
    tokens.endsWithNewline = text.isEmpty() || text.endsWith('\n');
    tokens.buffer.reserve(text.size() / 2 + 64);
    tokens.lines.reserve(text.size() / 32 + 16);
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        const bool lastWithoutNewline = end < 0;
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(start, end - start);
        tokens.lines.append(line);
        // Leading whitespace as git's indent heuristic reads it, then the rest or its hash.
        qsizetype indent = 0;
        while (indent < line.size() && isXdiffSpace(line[indent]))
            ++indent;
        const QByteArrayView rest = line.sliced(indent);
        tokens.buffer.append(line.first(indent));
        if (rest.size() < 11) {
            tokens.buffer.append(rest); // 0-10 bytes: never the same as an 11-character hash
        } else {
            // 64 bits of hash in 11 base64 characters.
            quint64 hash = std::hash<std::string_view>()(std::string_view(rest.data(), size_t(rest.size())));
            static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            char encoded[11];
            for (char &c : encoded) {
                c = alphabet[hash & 63];
                hash >>= 6;
            }
            tokens.buffer.append(encoded, 11);
        }
        if (!lastWithoutNewline)
            tokens.buffer.append('\n');
        start = end + 1;
    }
    return tokens;
}

// git's default function name for a hunk header: the line's first 80 bytes, when it starts with a
// letter, '_' or '$', without the whitespace at its end.
std::optional<QByteArray> functionName(QByteArrayView line, bool hasNewline)
{
    if (line.isEmpty() || !(std::isalpha(static_cast<unsigned char>(line[0])) || line[0] == '_' || line[0] == '$'))
        return std::nullopt;
    // git counts the line's '\n' in its length before cutting at 80 bytes.
    qsizetype length = std::min<qsizetype>(line.size() + (hasNewline ? 1 : 0), 80);
    length = std::min(length, line.size());
    while (length > 0 && std::isspace(static_cast<unsigned char>(line[length - 1])))
        --length;
    return line.first(length).toByteArray();
}

Line::Kind kindOf(char origin)
{
    switch (origin) {
    case GIT_DIFF_LINE_ADDITION:
        return Line::Kind::Added;
    case GIT_DIFF_LINE_DELETION:
        return Line::Kind::Removed;
    default:
        return Line::Kind::Context;
    }
}

} // namespace

Result<FileDiff> compare(QByteArrayView oldText, QByteArrayView newText, const Options &options)
{
    FileDiff diff;
    diff.oldSize = oldText.size();
    diff.newSize = newText.size();
    if (looksBinary(oldText) || looksBinary(newText)) {
        diff.binary = oldText != newText;
        const qsizetype common = std::min(oldText.size(), newText.size());
        for (qsizetype i = 0; i < common; ++i)
            diff.differingBytes += oldText[i] != newText[i] ? 1 : 0;
        diff.differingBytes += std::max(oldText.size(), newText.size()) - common;
        return diff;
    }
    if (oldText == newText)
        return diff;

    git_diff_options gitOptions = GIT_DIFF_OPTIONS_INIT;
    gitOptions.flags = GIT_DIFF_FORCE_TEXT;
    if (options.minimal)
        gitOptions.flags |= GIT_DIFF_MINIMAL;
    if (options.indentHeuristic)
        gitOptions.flags |= GIT_DIFF_INDENT_HEURISTIC;
    switch (options.whitespace) {
    case Options::Whitespace::Compare:
        break;
    case Options::Whitespace::IgnoreAll:
        gitOptions.flags |= GIT_DIFF_IGNORE_WHITESPACE;
        break;
    case Options::Whitespace::IgnoreChange:
        gitOptions.flags |= GIT_DIFF_IGNORE_WHITESPACE_CHANGE;
        break;
    case Options::Whitespace::IgnoreAtEol:
        gitOptions.flags |= GIT_DIFF_IGNORE_WHITESPACE_EOL;
        break;
    }
    if (options.ignoreBlankLines)
        gitOptions.flags |= GIT_DIFF_IGNORE_BLANK_LINES;
    gitOptions.context_lines
        = options.context >= 0 ? uint32_t(options.context) : uint32_t(std::max(lineCount(oldText), lineCount(newText)));

    const bool byTokens = options.method == Options::Method::LineTokens
        || (options.method == Options::Method::Automatic && options.whitespace == Options::Whitespace::Compare
            && !options.ignoreBlankLines && oldText.size() + newText.size() > 1'000'000);
    Tokens oldTokens;
    Tokens newTokens;
    if (byTokens) {
        // One text on another core: tokens are a third of the time of a large diff.
        auto newSide = std::async(std::launch::async, [newText] { return tokenize(newText); });
        oldTokens = tokenize(oldText);
        newTokens = newSide.get();
    }
    auto patch
        = byTokens ? patchOf(oldTokens.buffer, newTokens.buffer, gitOptions) : patchOf(oldText, newText, gitOptions);
    if (!patch)
        return std::unexpected(patch.error());
    // With tokens, lines and function names come from the texts themselves.
    const auto original = [&](const Tokens &tokens, int number) -> QByteArray {
        const qsizetype index = number - 1;
        if (index < 0 || index >= tokens.lines.size())
            return {};
        const bool newline = index + 1 < tokens.lines.size() || tokens.endsWithNewline;
        return tokens.lines.at(index).toByteArray() + (newline ? "\n" : "");
    };
    QByteArray function; // carried from hunk to hunk, as git does
    qsizetype searchedDownTo = -1;
    const size_t hunkCount = git_patch_num_hunks(patch->get());
    for (size_t h = 0; h < hunkCount; ++h) {
        const git_diff_hunk *gitHunk = nullptr;
        size_t lineTotal = 0;
        if (git_patch_get_hunk(&gitHunk, &lineTotal, patch->get(), h) != 0)
            continue;
        Hunk hunk;
        hunk.oldStart = gitHunk->old_start;
        hunk.oldCount = gitHunk->old_lines;
        hunk.newStart = gitHunk->new_start;
        hunk.newCount = gitHunk->new_lines;
        hunk.header = QByteArray(gitHunk->header, qsizetype(gitHunk->header_len));
        if (byTokens) {
            const qsizetype close = hunk.header.indexOf("@@", 2);
            hunk.header.truncate(close < 0 ? hunk.header.size() : close + 2);
            const qsizetype first = hunk.oldCount > 0 ? hunk.oldStart - 1 : hunk.oldStart; // xdiff's s1
            for (qsizetype l = first - 1; l > searchedDownTo && l >= 0; --l) {
                const bool newline = l + 1 < oldTokens.lines.size() || oldTokens.endsWithNewline;
                if (auto name
                    = l < oldTokens.lines.size() ? functionName(oldTokens.lines.at(l), newline) : std::nullopt) {
                    function = *name;
                    break;
                }
            }
            searchedDownTo = first - 1;
            if (!function.isEmpty())
                hunk.header += ' ' + function;
        }
        // git trims the function name after cutting it to 80 bytes; libgit2 1.5 does not.
        while (!hunk.header.isEmpty() && std::isspace(static_cast<unsigned char>(hunk.header.back())))
            hunk.header.chop(1);
        hunk.lines.reserve(qsizetype(lineTotal));
        for (size_t l = 0; l < lineTotal; ++l) {
            const git_diff_line *gitLine = nullptr;
            if (git_patch_get_line_in_hunk(&gitLine, patch->get(), h, l) != 0)
                continue;
            if (gitLine->origin == GIT_DIFF_LINE_CONTEXT_EOFNL || gitLine->origin == GIT_DIFF_LINE_ADD_EOFNL
                || gitLine->origin == GIT_DIFF_LINE_DEL_EOFNL)
                continue; // the line before it has no line end: Line::end says so
            Line line;
            line.kind = kindOf(gitLine->origin);
            line.oldNumber = gitLine->old_lineno;
            line.newNumber = gitLine->new_lineno;
            QByteArray content = !byTokens       ? QByteArray(gitLine->content, qsizetype(gitLine->content_len))
                : line.kind == Line::Kind::Added ? original(newTokens, line.newNumber)
                                                 : original(oldTokens, line.oldNumber);
            if (content.endsWith("\r\n"))
                line.end = QByteArrayLiteral("\r\n");
            else if (content.endsWith('\n'))
                line.end = QByteArrayLiteral("\n");
            content.chop(line.end.size());
            line.text = std::move(content);
            if (line.kind == Line::Kind::Added)
                ++diff.added;
            else if (line.kind == Line::Kind::Removed)
                ++diff.removed;
            hunk.lines.append(std::move(line));
        }
        diff.hunks.append(std::move(hunk));
    }
    return diff;
}

QByteArray unified(const FileDiff &diff, const QString &oldName, const QString &newName)
{
    QByteArray out;
    if (diff.binary) {
        out += "Binary files a/" + oldName.toUtf8() + " and b/" + newName.toUtf8() + " differ\n";
        return out;
    }
    if (diff.hunks.isEmpty())
        return out;
    out += "--- a/" + oldName.toUtf8() + "\n+++ b/" + newName.toUtf8() + '\n';
    for (const Hunk &hunk : diff.hunks) {
        out += hunk.header;
        out += '\n';
        for (const Line &line : hunk.lines) {
            out += line.kind == Line::Kind::Added ? '+' : line.kind == Line::Kind::Removed ? '-' : ' ';
            out += line.text;
            if (line.end.isEmpty())
                out += "\n\\ No newline at end of file\n";
            else
                out += line.end;
        }
    }
    return out;
}

namespace {

// A line cut into tokens: words (letters, digits, '_' and any non-ASCII character), runs of
// spaces, and single other characters; or single characters (UTF-8 sequences kept whole).
QList<Range> tokensOf(QByteArrayView line, Granularity granularity)
{
    QList<Range> tokens;
    const auto isWord = [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; };
    const auto isSpace = [](unsigned char c) { return c == ' ' || c == '\t'; };
    int i = 0;
    const int size = int(line.size());
    while (i < size) {
        const auto c = static_cast<unsigned char>(line[i]);
        int end = i + 1;
        if (granularity == Granularity::Characters) {
            while (end < size && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80)
                ++end;
        } else if (isWord(c)) {
            while (end < size && isWord(static_cast<unsigned char>(line[end])))
                ++end;
        } else if (isSpace(c)) {
            while (end < size && isSpace(static_cast<unsigned char>(line[end])))
                ++end;
        }
        tokens.append({ i, end - i });
        i = end;
    }
    return tokens;
}

// One token a line, for xdiff.
QByteArray asLines(QByteArrayView line, const QList<Range> &tokens)
{
    QByteArray lines;
    lines.reserve(line.size() + tokens.size() * 2);
    for (const Range &token : tokens) {
        for (char c : line.sliced(token.start, token.length))
            lines += c == '\n' ? ' ' : c; // cannot happen inside a line, but never split one
        lines += '\n';
    }
    return lines;
}

void addRange(QList<Range> &ranges, const Range &token)
{
    if (!ranges.isEmpty() && ranges.last().start + ranges.last().length == token.start)
        ranges.last().length += token.length;
    else
        ranges.append(token);
}

} // namespace

InlineChanges inlineChanges(QByteArrayView oldLine, QByteArrayView newLine, Granularity granularity)
{
    InlineChanges changes;
    const QList<Range> oldTokens = tokensOf(oldLine, granularity);
    const QList<Range> newTokens = tokensOf(newLine, granularity);
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.flags = GIT_DIFF_FORCE_TEXT | GIT_DIFF_MINIMAL;
    options.context_lines = 0;
    auto patch = patchOf(asLines(oldLine, oldTokens), asLines(newLine, newTokens), options);
    if (!patch)
        return changes;
    qsizetype changedBytes = 0;
    for (size_t h = 0; h < git_patch_num_hunks(patch->get()); ++h) {
        const int lines = git_patch_num_lines_in_hunk(patch->get(), h);
        for (int l = 0; l < lines; ++l) {
            const git_diff_line *line = nullptr;
            if (git_patch_get_line_in_hunk(&line, patch->get(), h, size_t(l)) != 0)
                continue;
            if (line->origin == GIT_DIFF_LINE_DELETION && line->old_lineno > 0
                && line->old_lineno <= oldTokens.size()) {
                const Range &token = oldTokens.at(line->old_lineno - 1);
                addRange(changes.removed, token);
                changedBytes += token.length;
            } else if (line->origin == GIT_DIFF_LINE_ADDITION && line->new_lineno > 0
                && line->new_lineno <= newTokens.size()) {
                const Range &token = newTokens.at(line->new_lineno - 1);
                addRange(changes.added, token);
                changedBytes += token.length;
            }
        }
    }
    // Marks help while most of the line stayed: at least a third of both lines' bytes in common.
    const qsizetype total = oldLine.size() + newLine.size();
    changes.similar = total > 0 && (total - changedBytes) * 3 >= total;
    return changes;
}

QList<std::pair<int, int>> changedPairs(const Hunk &hunk)
{
    QList<std::pair<int, int>> pairs;
    int i = 0;
    const int size = int(hunk.lines.size());
    while (i < size) {
        if (hunk.lines.at(i).kind != Line::Kind::Removed) {
            ++i;
            continue;
        }
        const int removedStart = i;
        while (i < size && hunk.lines.at(i).kind == Line::Kind::Removed)
            ++i;
        const int addedStart = i;
        while (i < size && hunk.lines.at(i).kind == Line::Kind::Added)
            ++i;
        const int count = std::min(addedStart - removedStart, i - addedStart);
        for (int k = 0; k < count; ++k)
            pairs.append({ removedStart + k, addedStart + k });
    }
    return pairs;
}

} // namespace Diff
