#include "JsonLines.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include "SourceFiles.h"
#include "Store.h"
#include "TranscriptWriter.h"

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonLines", text);
}

QString location(const QString &path, qint64 line)
{
    return QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(path)).arg(line);
}

} // namespace

namespace JsonLines {

Result<QJsonObject> parse(const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return fail(Error::Code::InvalidArgument, tr("empty line"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error == QJsonParseError::IllegalUTF8String)
        return fail(Error::Code::InvalidArgument, tr("not valid UTF-8 (at byte %1)").arg(error.offset));
    if (error.error != QJsonParseError::NoError) {
        // Qt reads only arrays and objects; a string or number on its own is valid JSON too.
        QJsonParseError scalar;
        QJsonDocument::fromJson('[' + line + ']', &scalar);
        if (scalar.error == QJsonParseError::NoError)
            return fail(Error::Code::InvalidArgument, tr("a JSON value that is not an object"));
        return fail(Error::Code::InvalidArgument,
            tr("not valid JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset));
    }
    if (!document.isObject())
        return fail(Error::Code::InvalidArgument, tr("a JSON value that is not an object"));
    return document.object();
}

Result<void> readFile(TranscriptWriter &writer,
    ImportContext &context,
    const QString &sourceKind,
    const QString &path,
    const FileHandlers &handlers)
{
    Store &store = writer.store();
    auto saved = SourceFiles::load(store, sourceKind, path);
    if (!saved)
        return std::unexpected(saved.error());
    SourceFile file = *saved;
    const QFileInfo info(path);
    if (file.position > 0 && (file.position > info.size() || !SourceFiles::sameHead(path, file.head))) {
        context.report.notes << tr("%1 changed since the last import; read it again from the start (messages "
                                   "already in the store are not added twice).")
                                    .arg(QDir::toNativeSeparators(path));
        file.position = 0;
        file.line = 0;
        file.state = {};
    }
    file.size = info.size();
    file.modifiedAt = info.lastModified().toMSecsSinceEpoch();
    if (file.position == info.size())
        return {}; // nothing new

    if (file.position > 0) {
        if (auto resumed = handlers.resume(file.state); !resumed)
            return resumed;
    }
    LineReader reader(path);
    if (auto opened = reader.open(file.position, file.line); !opened) {
        context.report.skip(QDir::toNativeSeparators(path), opened.error().message);
        return {};
    }
    ++context.report.filesRead;
    const qint64 start = file.position;

    const auto savePosition = [&](qint64 position, qint64 lines) -> Result<void> {
        if (auto flushed = handlers.flush(); !flushed)
            return flushed;
        file.position = position;
        file.line = lines;
        file.head = SourceFiles::headOf(path, position);
        file.state = handlers.state();
        if (const qint64 project = handlers.project(); project > 0)
            file.projectId = project;
        return SourceFiles::save(store, file);
    };

    LineReader::Line line;
    qint64 sinceCheck = 0;
    while (reader.next(line)) {
        auto object = parse(line.bytes);
        if (!line.terminated) {
            // Still being written, or cut off for good: wait for it unless it is already whole.
            if (!object) {
                context.report.skip(location(path, line.number),
                    tr("incomplete last line (%1 bytes, no line break); it is read once it is complete")
                        .arg(line.bytes.size()));
                break;
            }
            if (auto handled = handlers.line(*object, line); !handled)
                return handled;
            if (auto done = savePosition(reader.size(), line.number); !done)
                return done;
            context.report.bytesRead += reader.size() - start;
            return {};
        }
        if (!object) {
            if (!line.bytes.trimmed().isEmpty() || line.number > 1)
                context.report.skip(location(path, line.number), object.error().message);
            else
                context.report.skip(location(path, line.number), tr("empty first line"));
        } else if (auto handled = handlers.line(*object, line); !handled) {
            return handled;
        }

        if (++sinceCheck % 256 == 0) {
            context.progress(reader.position(), reader.size());
            if (context.isCancelled()) {
                if (auto done = savePosition(reader.position(), reader.linesRead()); !done)
                    return done;
                context.report.bytesRead += reader.position() - start;
                return fail(Error::Code::Cancelled, tr("the import was cancelled"));
            }
        }
        if (writer.needsCommit()) {
            if (auto done = savePosition(reader.position(), reader.linesRead()); !done)
                return done;
            if (auto committed = writer.checkpoint(); !committed)
                return committed;
        }
    }
    if (auto done = savePosition(reader.position(), reader.linesRead()); !done)
        return done;
    context.report.bytesRead += reader.position() - start;
    return {};
}

} // namespace JsonLines
