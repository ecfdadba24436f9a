#include "AiderImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "ClaudeContent.h"
#include "LineReader.h"
#include "Projects.h"
#include "SourceFiles.h"
#include "Store.h"
#include "TranscriptWriter.h"

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AiderImporter", text);
}

const QString historyName = QStringLiteral(".aider.chat.history.md");
const QByteArray sessionHeader = "# aider chat started at ";

bool looksLikeAiderLog(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(256 * 1024).contains(QByteArray("\n" + sessionHeader));
}

QDateTime localTime(const QString &text, const QString &format)
{
    QDateTime time = QDateTime::fromString(text.trimmed(), format);
    if (!time.isValid())
        return {};
    time.setTimeSpec(Qt::LocalTime); // Aider writes local time without a zone
    return time.toUTC();
}

// .aider.input.history: "# <local time>" then "+<line>" for each line of one input.
struct Input
{
    QDateTime time;
    QString text;
};

QList<Input> readInputs(const QString &path)
{
    QList<Input> inputs;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return inputs;
    Input current;
    QStringList lines;
    const auto finish = [&] {
        if (current.time.isValid() && !lines.isEmpty()) {
            current.text = lines.join(u'\n').trimmed();
            inputs << current;
        }
        lines.clear();
    };
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).chopped(1);
        if (line.startsWith(QStringLiteral("# "))) {
            finish();
            const QString stamp = line.mid(2).trimmed(); // "2026-04-22 22:40:15.677705"
            current.time = stamp.size() >= 23 ? localTime(stamp.left(23), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                                              : localTime(stamp.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        } else if (line.startsWith(u'+')) {
            lines << line.mid(1);
        }
    }
    finish();
    return inputs;
}

struct Block
{
    enum class Kind { None, User, Output, Reply };
    Kind kind = Kind::None;
    qint64 offset = 0;
    QStringList lines;
};

Block::Kind kindOf(const QByteArray &line)
{
    if (line.startsWith("#### ") || line == "####")
        return Block::Kind::User;
    if (line.startsWith("> ") || line == ">")
        return Block::Kind::Output;
    return Block::Kind::Reply;
}

QString lineText(const QByteArray &line, Block::Kind kind)
{
    QString text = QString::fromUtf8(line);
    if (kind == Block::Kind::User)
        text = text.mid(5);
    else if (kind == Block::Kind::Output)
        text = text.mid(2);
    // Aider ends its Markdown lines with two spaces (a line break).
    while (text.endsWith(u' ') && kind != Block::Kind::Reply)
        text.chop(1);
    return text;
}

} // namespace

QString AiderImporter::title() const
{
    return tr("Aider chat history (.aider.chat.history.md)");
}

int AiderImporter::recognizes(const QString &path) const
{
    const QFileInfo info(path);
    if (info.isDir())
        return QFileInfo::exists(path + u'/' + historyName) ? 30 : 0;
    return info.isFile() && path.endsWith(u".md") && looksLikeAiderLog(path) ? 30 : 0;
}

Result<void> AiderImporter::run(Store &store, const QString &path, ImportContext &context)
{
    const QFileInfo info(path);
    const QString file = info.isDir() ? info.absoluteFilePath() + u'/' + historyName : info.absoluteFilePath();
    if (!QFileInfo::exists(file))
        return fail(Error::Code::NotFound,
            tr("%1 has no Aider chat history (%2)").arg(QDir::toNativeSeparators(path), historyName));
    const QString folder = QFileInfo(file).absolutePath();
    const QList<Input> inputs = readInputs(folder + QStringLiteral("/.aider.input.history"));

    auto saved = SourceFiles::load(store, format(), file);
    if (!saved)
        return std::unexpected(saved.error());
    SourceFile source = *saved;
    const QFileInfo fileInfo(file);
    if (source.position > fileInfo.size() || !SourceFiles::sameHead(file, source.head)) {
        context.report.notes << tr("%1 changed since the last import; read it again from the start (messages "
                                   "already in the store are not added twice).")
                                    .arg(QDir::toNativeSeparators(file));
        source.position = 0;
        source.state = {};
    }
    if (source.position > 0 && source.size == fileInfo.size())
        return {}; // nothing new (the last block was already read whole)

    TranscriptWriter writer(store);
    if (auto begun = writer.begin(); !begun)
        return begun;
    auto projectId = writer.project(Projects::inFolder(format(), folder));
    if (!projectId)
        return std::unexpected(projectId.error());

    qint64 sessionId = source.state.value(u"session").toInteger();
    const qint64 savedStart = source.state.value(u"start").toInteger();
    QDateTime sessionStart = savedStart > 0 ? QDateTime::fromMSecsSinceEpoch(savedStart, Qt::UTC) : QDateTime();
    if (sessionId > 0) {
        if (auto resumed = writer.resumeSession(sessionId); !resumed)
            sessionId = 0; // gone with its project: the file is read again from the start below
    }
    if (sessionId == 0 && source.position > 0)
        source.position = 0;

    const QString fileName = QFileInfo(file).fileName();
    QDateTime lastTime = sessionStart; // replies and output carry the time of the prompt they follow
    const auto openSession = [&](qint64 offset, const QDateTime &start) -> Result<void> {
        auto id = writer.session({ *projectId,
            format(),
            QStringLiteral("%1@%2").arg(fileName).arg(offset),
            std::nullopt,
            start.isValid() ? QString() : tr("Aider chat (before the first session header)"),
            {} });
        if (!id)
            return std::unexpected(id.error());
        sessionId = *id;
        sessionStart = start;
        lastTime = start;
        return {};
    };

    qsizetype nextInput = 0;
    const auto flushBlock = [&](Block &block) -> Result<void> {
        QString text = block.lines.join(u'\n').trimmed();
        const Block::Kind kind = block.kind;
        const qint64 offset = block.offset;
        block = Block{};
        if (kind == Block::Kind::None || text.isEmpty())
            return {};
        if (sessionId == 0)
            if (auto opened = openSession(0, {}); !opened)
                return opened;
        MessageDraft message;
        message.role = kind == Block::Kind::User ? QStringLiteral("user")
            : kind == Block::Kind::Output        ? QStringLiteral("system")
                                                 : QStringLiteral("assistant");
        message.kind = kind == Block::Kind::Output ? QStringLiteral("event") : QStringLiteral("text");
        message.text = text;
        message.raw = text.toUtf8();
        message.timestamp = lastTime;
        message.sourceKey = QString::number(offset);
        message.replaceWithSameKey = true; // the last block of the file may have grown since
        if (kind == Block::Kind::User) {
            // The prompt's own time, from the input history, matched in order from the session's start.
            for (qsizetype i = nextInput; i < inputs.size(); ++i) {
                if (inputs.at(i).text == text
                    && (!sessionStart.isValid() || inputs.at(i).time >= sessionStart.addSecs(-1))) {
                    message.timestamp = inputs.at(i).time;
                    lastTime = message.timestamp;
                    nextInput = i + 1;
                    break;
                }
            }
            if (writer.wantsTitle(sessionId))
                if (auto titled = writer.setTitleIfEmpty(sessionId, ClaudeContent::titleFrom(text)); !titled)
                    return titled;
        }
        return writer.addMessage(sessionId, message);
    };

    LineReader reader(file);
    if (auto opened = reader.open(source.position, 0); !opened) {
        context.report.skip(QDir::toNativeSeparators(file), opened.error().message);
        return {};
    }
    ++context.report.filesRead;
    Block block;
    qint64 lastBlockStart = source.position;
    LineReader::Line line;
    while (reader.next(line)) {
        if (line.bytes.startsWith(sessionHeader)) {
            if (auto done = flushBlock(block); !done)
                return done;
            const QDateTime start = localTime(
                QString::fromUtf8(line.bytes.mid(sessionHeader.size())), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            if (auto opened = openSession(line.offset, start); !opened)
                return opened;
            lastBlockStart = line.offset;
            continue;
        }
        const Block::Kind kind = kindOf(line.bytes);
        if (block.kind != kind
            && !(kind == Block::Kind::Reply && line.bytes.trimmed().isEmpty() && block.kind != Block::Kind::None)) {
            if (auto done = flushBlock(block); !done)
                return done;
            block.kind = kind;
            block.offset = line.offset;
            lastBlockStart = line.offset;
        }
        block.lines << lineText(line.bytes, kind);
    }
    if (auto done = flushBlock(block); !done)
        return done;

    // Next time, read again from the start of the last block: it may still be being written.
    source.position = lastBlockStart;
    source.size = fileInfo.size();
    source.head = SourceFiles::headOf(file, lastBlockStart);
    source.projectId = *projectId;
    source.state = QJsonObject{ { QStringLiteral("session"), sessionId },
        { QStringLiteral("start"), sessionStart.isValid() ? sessionStart.toMSecsSinceEpoch() : 0 } };
    if (auto savedPosition = SourceFiles::save(store, source); !savedPosition)
        return savedPosition;
    context.report.bytesRead += fileInfo.size();
    return writer.finish(context.report);
}
