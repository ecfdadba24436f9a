#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "Error.h"

// Codex's apply_patch format ("*** Begin Patch", "*** Add File: …", "*** Update File: …" with "@@"
// chunks, "*** Move to: …", "*** Delete File: …", "*** End Patch"), read and applied as Codex does:
// each chunk's old lines are looked for from where the last one ended, exactly, then ignoring
// trailing whitespace, then ignoring surrounding whitespace.
namespace CodexPatch {

struct Chunk
{
    QList<QByteArray> oldLines;
    QList<QByteArray> newLines;
    bool atEnd = false; // "*** End of File": the old lines end the file
};

struct FileChange
{
    enum class Kind { Add, Update, Delete };
    Kind kind = Kind::Update;
    QString path;
    QString moveTo; // an Update that also renames the file
    QByteArray content; // Add: the new file
    QList<Chunk> chunks; // Update
};

// The changes a patch makes, in order. A patch cut short (no "*** End Patch") gives what it holds.
[[nodiscard]] Result<QList<FileChange>> parse(const QString &patch);

// `base` with an Update's chunks applied; an error when a chunk's lines are not there.
[[nodiscard]] Result<QByteArray> apply(const QByteArray &base, const FileChange &change);

} // namespace CodexPatch
