#pragma once

#include <QJsonObject>
#include <QString>

#include "Error.h"

class Store;

// How far an importer has read a source file. Saved in the same transaction as the messages read
// from it, so the next import starts exactly where this one committed.
struct SourceFile
{
    QString sourceKind;
    QString path;
    qint64 projectId = 0; // the project it fed; 0 for none yet
    qint64 size = 0;
    qint64 modifiedAt = 0;
    qint64 position = 0; // bytes of whole lines consumed
    qint64 line = 0; // lines consumed
    QString head; // hash of the file's first bytes: a different head means a different file
    QJsonObject state; // the importer's own
};

namespace SourceFiles {

// The saved state of `path`, or a fresh one (position 0) when it was never read.
[[nodiscard]] Result<SourceFile> load(Store &store, const QString &sourceKind, const QString &path);
[[nodiscard]] Result<void> save(Store &store, const SourceFile &file);

// A fingerprint of the file's first min(`length`, 1 KiB) bytes, as "<n>:<hash>". Taken over bytes
// already read, it stays the same while the file grows and changes when the file is rewritten.
[[nodiscard]] QString headOf(const QString &path, qint64 length);
// True when `path` still begins with the bytes `head` was taken from.
[[nodiscard]] bool sameHead(const QString &path, const QString &head);

} // namespace SourceFiles
