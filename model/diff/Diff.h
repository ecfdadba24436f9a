#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "Error.h"

// Line diffs of two texts with libgit2's xdiff: the same algorithm, options and output as
// `git diff --no-index`, so a hunk Strata shows is the hunk git would show. Changes inside a line
// (words or characters) come from the same algorithm run over the line's tokens.
namespace Diff {

struct Options
{
    enum class Whitespace {
        Compare, // every character counts
        IgnoreAll, // git diff -w
        IgnoreChange, // git diff -b
        IgnoreAtEol, // git diff --ignore-space-at-eol
    };

    int context = 3; // lines around each change; negative: the whole file
    Whitespace whitespace = Whitespace::Compare;
    bool ignoreBlankLines = false; // git diff --ignore-blank-lines
    // git diff --minimal: the smallest edit. Off: git's default Myers, with its cut-offs on long
    // files.
    bool minimal = false;
    // git's indent heuristic, on by default as in git; off is git diff --no-indent-heuristic (hunks
    // where xdiff first finds them).
    bool indentHeuristic = true;

    // How the texts reach xdiff. LineTokens hands it each line as its leading whitespace and a
    // 64-bit hash of the rest (lines shorter than that as they are): the same equal lines (but
    // for a hash collision, about one in 10^9 for 100,000 distinct lines), the
    // same indentation and blank lines for git's indent heuristic, so the same hunks, with much
    // less for libgit2 to hash (it SHA-1s both buffers whole). Automatic uses it for texts over
    // 1 MB compared with every character counting.
    enum class Method { Automatic, Direct, LineTokens };
    Method method = Method::Automatic;
};

struct Line
{
    enum class Kind { Context, Added, Removed };
    Kind kind = Kind::Context;
    int oldNumber = -1; // 1-based; -1 on an added line
    int newNumber = -1; // 1-based; -1 on a removed line
    QByteArray text; // without its line end
    QByteArray end; // "\n", "\r\n" or "" (the file's last line has none)
};

struct Hunk
{
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    QByteArray header; // "@@ -1,3 +1,4 @@ function name", as git writes it
    QList<Line> lines;
};

struct FileDiff
{
    bool binary = false; // either side holds a NUL byte: no lines, see the sizes
    qint64 oldSize = 0;
    qint64 newSize = 0;
    qint64 differingBytes = 0; // binary only: bytes that differ at the same offset, plus the growth
    int added = 0;
    int removed = 0;
    QList<Hunk> hunks;

    [[nodiscard]] bool identical() const { return !binary ? hunks.isEmpty() : false; }
};

// Compares two texts. Fails only when libgit2 does (out of memory).
[[nodiscard]] Result<FileDiff> compare(QByteArrayView oldText, QByteArrayView newText, const Options &options = {});

// The diff as `git diff` prints it: "--- a/OLD", "+++ b/NEW", then each hunk, with "\ No newline
// at end of file" where a side ends without one. Binary files: "Binary files a/OLD and b/NEW
// differ". Identical texts: nothing.
[[nodiscard]] QByteArray unified(const FileDiff &diff, const QString &oldName, const QString &newName);

// Changes inside a changed line: ranges (in bytes of each side's text) that differ.
struct Range
{
    int start = 0;
    int length = 0;
};

struct InlineChanges
{
    QList<Range> removed; // in the old line
    QList<Range> added; // in the new line
    // False when the lines have too little in common for marks to help (the whole line changed).
    bool similar = false;
};

enum class Granularity { Words, Characters };

[[nodiscard]] InlineChanges inlineChanges(
    QByteArrayView oldLine, QByteArrayView newLine, Granularity granularity = Granularity::Words);

// Pairs the removed and added lines of each change in a hunk: (index of removed line, index of
// added line) in hunk.lines, for lines worth marking inside.
[[nodiscard]] QList<std::pair<int, int>> changedPairs(const Hunk &hunk);

} // namespace Diff
