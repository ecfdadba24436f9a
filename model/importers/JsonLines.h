#pragma once

#include <functional>

#include <QJsonObject>

#include "Error.h"
#include "Importer.h"
#include "LineReader.h"

class TranscriptWriter;

// Reading JSON Lines sources incrementally, shared by the importers of JSONL formats.
namespace JsonLines {

// Parses one line as a JSON object; the error says what is wrong with it in words.
[[nodiscard]] Result<QJsonObject> parse(const QByteArray &line);

struct FileHandlers
{
    // Called for each line that is a JSON object. An error stops the import (store errors).
    std::function<Result<void>(const QJsonObject &object, const LineReader::Line &line)> line;
    // Called before a position is saved: hand over anything held back (a reply split over lines).
    std::function<Result<void>()> flush = [] { return Result<void>{}; };
    // Saved with the position: what the importer needs to go on where it stopped (the session the
    // file's next lines belong to), given back through `resume` before the next read continues.
    std::function<QJsonObject()> state = [] { return QJsonObject(); };
    std::function<Result<void>(const QJsonObject &state)> resume = [](const QJsonObject &) { return Result<void>{}; };
    // The project the file feeds (0: none yet): deleting that project forgets the position.
    std::function<qint64()> project = [] { return qint64(0); };
};

// Reads `path` from where the last import of it stopped, calling the handlers, saving the new
// position with each batch the writer commits. Lines that are not JSON objects are skipped and
// reported; a last line without its newline is read only if it is whole JSON (else it waits for
// the next import). A file that shrank or whose beginning changed is read again from the start.
// The writer must have begun; it is left begun.
[[nodiscard]] Result<void> readFile(TranscriptWriter &writer,
    ImportContext &context,
    const QString &sourceKind,
    const QString &path,
    const FileHandlers &handlers);

} // namespace JsonLines
