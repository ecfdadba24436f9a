#include "PocketAgentImporter.h"

#include <optional>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "ClaudeContent.h"
#include "JsonLines.h"
#include "Store.h"
#include "TranscriptWriter.h"

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// metadata.json as PocketAgent's loader accepts it: an object with a non-empty id and path.
Result<QJsonObject> readMetadata(const QString &file, const QString &expectedId)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, input.errorString());
    auto object = JsonLines::parse(input.readAll());
    if (!object)
        return object;
    if (object->value(u"id").toString().isEmpty() || object->value(u"path").toString().isEmpty())
        return fail(Error::Code::InvalidArgument,
            QCoreApplication::translate("PocketAgentImporter", "it has no id or no path"));
    if (!expectedId.isEmpty() && object->value(u"id").toString() != expectedId)
        return fail(Error::Code::InvalidArgument,
            QCoreApplication::translate("PocketAgentImporter", "it belongs to project %1")
                .arg(object->value(u"id").toString()));
    return object;
}

// The project's metadata, recovered as PocketAgent's CorruptionRecovery does when metadata.json is
// damaged: from metadata.json.backup, else from a leftover .tmp-* file of the same project.
std::optional<QJsonObject> projectMetadata(const QString &folder, ImportContext &context)
{
    const QString main = folder + QStringLiteral("/metadata.json");
    auto metadata = readMetadata(main, {});
    if (metadata)
        return *metadata;
    const QString problem = QFileInfo::exists(main)
        ? metadata.error().message
        : QCoreApplication::translate("PocketAgentImporter", "it is missing");
    const QString id = QFileInfo(folder).fileName();
    QStringList candidates{ main + QStringLiteral(".backup") };
    const QFileInfoList leftovers
        = QDir(folder).entryInfoList({ QStringLiteral(".tmp-*") }, QDir::Files | QDir::Hidden, QDir::Time);
    for (const QFileInfo &leftover : leftovers)
        candidates << leftover.absoluteFilePath();
    for (const QString &candidate : std::as_const(candidates)) {
        if (auto recovered = readMetadata(candidate, id)) {
            context.report.notes << QCoreApplication::translate(
                "PocketAgentImporter", "%1 could not be read (%2); the project was recovered from %3.")
                                        .arg(native(main), problem, QFileInfo(candidate).fileName());
            return *recovered;
        }
    }
    context.report.skip(native(main),
        QCoreApplication::translate("PocketAgentImporter", "%1, and no backup or temporary copy could be read")
            .arg(problem));
    return std::nullopt;
}

QStringList logFiles(const QStringList &folders)
{
    // File names carry the creation time, so name order is time order; current.jsonl (a link or
    // a copy of the newest) is not trusted.
    QStringList files;
    for (const QString &folder : folders) {
        const QDir dir(folder);
        for (const QString &name : dir.entryList({ QStringLiteral("messages_*.jsonl") }, QDir::Files, QDir::Name))
            files << dir.absoluteFilePath(name);
    }
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        return QFileInfo(a).fileName() < QFileInfo(b).fileName();
    });
    return files;
}

bool isStreamingEvent(const QString &type)
{
    // Deltas repeat what the whole assistant object that follows them says.
    static const QStringList events{ QStringLiteral("message_start"),
        QStringLiteral("content_block_start"),
        QStringLiteral("content_block_delta"),
        QStringLiteral("content_block_stop"),
        QStringLiteral("message_delta"),
        QStringLiteral("message_stop") };
    return events.contains(type);
}

// Turns one log line into a message; nullopt for lines that carry nothing of their own.
std::optional<MessageDraft> toMessage(const QJsonObject &line, const QByteArray &raw, QString *replyId)
{
    const QJsonObject message = line.value(u"message").toObject();
    const QString type = message.value(u"type").toString();
    const QJsonValue content = message.value(u"content");
    const QJsonObject object = content.toObject();
    MessageDraft draft;
    draft.timestamp = ClaudeContent::parseTime(line.value(u"timestamp").toString());
    draft.raw = raw;
    replyId->clear();
    if (isStreamingEvent(type))
        return std::nullopt;
    if (type == u"user" && line.value(u"direction").toString() == u"client") {
        draft.role = QStringLiteral("user");
        draft.kind = QStringLiteral("text");
        draft.text = content.isString() ? content.toString() : object.value(u"text").toString();
    } else if (type == u"assistant") {
        *replyId = ClaudeContent::fillReply(object.value(u"message").toObject(), draft);
    } else if (type == u"user") {
        // The CLI's echo of tool results.
        const QJsonValue blocks = object.value(u"message").toObject().value(u"content");
        draft.role = QStringLiteral("tool");
        draft.kind = ClaudeContent::kindOf(blocks);
        draft.text = ClaudeContent::searchableText(blocks);
    } else if (type == u"system") {
        draft.role = QStringLiteral("system");
        draft.kind = QStringLiteral("event");
        const QJsonObject details = object.isEmpty() ? message : object;
        QStringList parts{
            details.value(u"subtype").toString(), details.value(u"model").toString(), details.value(u"cwd").toString()
        };
        parts.removeAll(QString());
        draft.text = parts.isEmpty() ? QStringLiteral("system") : parts.join(QStringLiteral(", "));
    } else if (type == u"result") {
        draft.role = QStringLiteral("system");
        draft.kind = QStringLiteral("result");
        draft.text = object.value(u"result").toString();
        if (draft.text.isEmpty())
            draft.text = object.value(u"subtype").toString();
    } else if (type == u"error") {
        draft.role = QStringLiteral("system");
        draft.kind = QStringLiteral("error");
        draft.text = message.value(u"error").toString();
        if (draft.text.isEmpty())
            draft.text = content.isString() ? content.toString() : object.value(u"error").toString();
        if (draft.text.isEmpty()) // the executor's own errors: {"message": …, "type": "error"}
            draft.text = object.value(u"message").toString();
    } else {
        // A kind this importer does not know: kept, so that search still finds it.
        draft.role = QStringLiteral("system");
        draft.kind = QStringLiteral("event");
        draft.text = QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
    }
    return draft;
}

} // namespace

static QString tr(const char *text)
{
    return QCoreApplication::translate("PocketAgentImporter", text);
}

QString PocketAgentImporter::title() const
{
    return tr("PocketAgent data folder (~/.pocket_agent)");
}

int PocketAgentImporter::recognizes(const QString &path) const
{
    const QDir dir(path);
    if (QFileInfo(path).isDir() && QFileInfo::exists(path + QStringLiteral("/metadata.json"))
        && QFileInfo(path + QStringLiteral("/logs")).isDir())
        return 20;
    const QDir projects(dir.filePath(QStringLiteral("projects")));
    if (!projects.exists())
        return 0;
    for (const QString &entry : projects.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (QFileInfo::exists(projects.filePath(entry) + QStringLiteral("/metadata.json")))
            return 20;
    }
    return 0;
}

Result<void> PocketAgentImporter::run(Store &store, const QString &path, ImportContext &context)
{
    const QFileInfo root(path);
    if (!root.isDir())
        return fail(Error::Code::NotFound, tr("%1 is not a folder").arg(native(path)));
    QStringList projectFolders;
    const QDir projects(root.absoluteFilePath() + QStringLiteral("/projects"));
    if (projects.exists()) {
        for (const QString &entry : projects.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            projectFolders << projects.absoluteFilePath(entry);
    } else if (QFileInfo::exists(root.absoluteFilePath() + QStringLiteral("/metadata.json"))) {
        projectFolders << root.absoluteFilePath();
    } else {
        return fail(Error::Code::NotFound,
            tr("%1 holds no PocketAgent projects (no projects/<id>/metadata.json)").arg(native(path)));
    }

    TranscriptWriter writer(store);
    if (auto begun = writer.begin(); !begun)
        return begun;
    for (const QString &folder : std::as_const(projectFolders)) {
        const auto metadata = projectMetadata(folder, context);
        if (!metadata)
            continue;
        const QString workspace = metadata->value(u"path").toString();
        Project draft;
        draft.name = QFileInfo(workspace).fileName().isEmpty() ? metadata->value(u"id").toString()
                                                               : QFileInfo(workspace).fileName();
        draft.sourceKind = format();
        draft.sourceLocation = QFileInfo(folder).absoluteFilePath();
        draft.workspaceRoot = workspace;
        draft.createdAt = ClaudeContent::parseTime(metadata->value(u"created_at").toString());
        draft.lastActiveAt = ClaudeContent::parseTime(metadata->value(u"last_active").toString());
        for (const char *key : { "id", "session_id", "error_details" }) {
            if (metadata->contains(QLatin1StringView(key)))
                draft.metadata.insert(QLatin1StringView(key), metadata->value(QLatin1StringView(key)));
        }
        auto projectId = writer.project(draft);
        if (!projectId)
            return std::unexpected(projectId.error());
        const QString id = metadata->value(u"id").toString();
        auto sessionId = writer.session({ *projectId, format(), id, std::nullopt, {}, {} });
        if (!sessionId)
            return std::unexpected(sessionId.error());

        // One reply can arrive as several assistant objects with the same message id, one after
        // the other: they become one message.
        std::optional<MessageDraft> pending;
        QString pendingId;
        const auto flush = [&]() -> Result<void> {
            if (!pending)
                return {};
            auto added = writer.addMessage(*sessionId, *pending);
            pending.reset();
            return added;
        };
        JsonLines::FileHandlers handlers;
        QString file;
        handlers.line = [&](const QJsonObject &object, const LineReader::Line &line) -> Result<void> {
            QString replyId;
            auto message = toMessage(object, line.bytes, &replyId);
            if (!message)
                return {};
            if (pending && !replyId.isEmpty() && replyId == pendingId) {
                pending->text += QStringLiteral("\n\n") + message->text;
                pending->raw += '\n' + message->raw;
                if (message->outputTokens)
                    pending->outputTokens = message->outputTokens;
                return {};
            }
            if (auto flushed = flush(); !flushed)
                return flushed;
            if (message->role == u"user" && writer.wantsTitle(*sessionId))
                if (auto titled = writer.setTitleIfEmpty(*sessionId, ClaudeContent::titleFrom(message->text)); !titled)
                    return titled;
            message->sourceKey = QStringLiteral("%1:%2").arg(QFileInfo(file).fileName()).arg(line.offset);
            pending = std::move(message);
            pendingId = replyId;
            return {};
        };
        handlers.flush = flush;
        handlers.project = [id = *projectId] { return id; };

        QStringList logFolders{ folder + QStringLiteral("/logs") };
        logFolders << root.absoluteFilePath() + QStringLiteral("/logs/") + id; // the README's layout
        for (const QString &log : logFiles(logFolders)) {
            file = log;
            if (auto read = JsonLines::readFile(writer, context, format(), log, handlers); !read)
                return writer.finish(context.report, read);
        }
    }
    return writer.finish(context.report);
}
