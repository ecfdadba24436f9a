#include "CodexPatch.h"

#include <QCoreApplication>

namespace CodexPatch {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CodexPatch", text);
}

const QByteArray addFile = "*** Add File: ";
const QByteArray updateFile = "*** Update File: ";
const QByteArray deleteFile = "*** Delete File: ";
const QByteArray moveTo = "*** Move to: ";

// Where `wanted` starts in `lines` at or after `from`, by the given comparison.
qsizetype find(const QList<QByteArray> &lines,
    const QList<QByteArray> &wanted,
    qsizetype from,
    bool atEnd,
    const std::function<QByteArray(const QByteArray &)> &normal)
{
    const qsizetype last = lines.size() - wanted.size();
    for (qsizetype at = atEnd ? std::max(from, last) : from; at <= last; ++at) {
        bool same = true;
        for (qsizetype i = 0; i < wanted.size() && same; ++i)
            same = normal(lines.at(at + i)) == normal(wanted.at(i));
        if (same)
            return at;
    }
    return -1;
}

QByteArray trimmedEnd(const QByteArray &line)
{
    qsizetype end = line.size();
    while (end > 0 && std::isspace(static_cast<unsigned char>(line.at(end - 1))))
        --end;
    return line.left(end);
}

} // namespace

Result<QList<FileChange>> parse(const QString &patch)
{
    const QList<QByteArray> lines = patch.toUtf8().split('\n');
    QList<FileChange> changes;
    qsizetype i = 0;
    while (i < lines.size() && lines.at(i).trimmed() != "*** Begin Patch")
        ++i;
    if (i == lines.size())
        return fail(Error::Code::Corrupt, tr("not an apply_patch patch (no \"*** Begin Patch\")"));
    ++i;
    while (i < lines.size()) {
        const QByteArray &line = lines.at(i);
        if (line.trimmed() == "*** End Patch")
            break;
        FileChange change;
        if (line.startsWith(addFile)) {
            change.kind = FileChange::Kind::Add;
            change.path = QString::fromUtf8(line.mid(addFile.size()).trimmed());
            for (++i; i < lines.size() && lines.at(i).startsWith('+'); ++i)
                change.content += lines.at(i).mid(1) + '\n';
        } else if (line.startsWith(deleteFile)) {
            change.kind = FileChange::Kind::Delete;
            change.path = QString::fromUtf8(line.mid(deleteFile.size()).trimmed());
            ++i;
        } else if (line.startsWith(updateFile)) {
            change.kind = FileChange::Kind::Update;
            change.path = QString::fromUtf8(line.mid(updateFile.size()).trimmed());
            ++i;
            if (i < lines.size() && lines.at(i).startsWith(moveTo))
                change.moveTo = QString::fromUtf8(lines.at(i++).mid(moveTo.size()).trimmed());
            Chunk chunk;
            const auto endChunk = [&] {
                if (!chunk.oldLines.isEmpty() || !chunk.newLines.isEmpty())
                    change.chunks.append(chunk);
                chunk = Chunk();
            };
            while (i < lines.size()) {
                const QByteArray &body = lines.at(i);
                if (body.trimmed() == "*** End of File") {
                    chunk.atEnd = true;
                    ++i;
                    continue;
                }
                if (body.startsWith("***"))
                    break; // the next file, or the end
                if (body.startsWith("@@")) {
                    endChunk();
                } else if (body.startsWith('+')) {
                    chunk.newLines << body.mid(1);
                } else if (body.startsWith('-')) {
                    chunk.oldLines << body.mid(1);
                } else if (body.startsWith(' ') || (body.isEmpty() && i + 1 < lines.size())) {
                    // An empty line inside a chunk is an empty context line (editors strip the
                    // space); the empty text after a patch's last newline is nothing.
                    chunk.oldLines << body.mid(1);
                    chunk.newLines << body.mid(1);
                } else if (!body.isEmpty()) {
                    break;
                }
                ++i;
            }
            endChunk();
        } else if (line.trimmed().isEmpty() || line.trimmed() == "***") {
            ++i;
            continue;
        } else {
            return fail(
                Error::Code::Corrupt, tr("cannot read the patch at \"%1\"").arg(QString::fromUtf8(line.left(60))));
        }
        if (change.path.isEmpty())
            return fail(Error::Code::Corrupt, tr("a patch names a file without its path"));
        changes.append(change);
    }
    return changes;
}

Result<QByteArray> apply(const QByteArray &base, const FileChange &change)
{
    QList<QByteArray> lines = base.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    qsizetype cursor = 0;
    for (qsizetype c = 0; c < change.chunks.size(); ++c) {
        const Chunk &chunk = change.chunks.at(c);
        qsizetype at = -1;
        if (chunk.oldLines.isEmpty()) {
            at = lines.size(); // only additions: at the end
        } else {
            for (const auto &normal : std::initializer_list<std::function<QByteArray(const QByteArray &)>>{
                     [](const QByteArray &line) { return line; },
                     trimmedEnd,
                     [](const QByteArray &line) { return line.trimmed(); } }) {
                at = find(lines, chunk.oldLines, cursor, chunk.atEnd, normal);
                if (at >= 0)
                    break;
            }
        }
        if (at < 0)
            return fail(Error::Code::Corrupt,
                tr("part %1 of the patch to %2 does not match the file it was made for").arg(c + 1).arg(change.path));
        lines.remove(at, chunk.oldLines.size());
        for (qsizetype n = 0; n < chunk.newLines.size(); ++n)
            lines.insert(at + n, chunk.newLines.at(n));
        cursor = at + chunk.newLines.size();
    }
    QByteArray out = lines.join('\n');
    if (!lines.isEmpty())
        out += '\n';
    return out;
}

} // namespace CodexPatch
