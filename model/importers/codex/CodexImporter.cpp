#include "CodexImporter.h"

#include <optional>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "ClaudeContent.h"
#include "CodexPatch.h"
#include "FileVersions.h"
#include "ImportedVersions.h"
#include "JsonLines.h"
#include "Projects.h"
#include "Store.h"
#include "TranscriptWriter.h"

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CodexImporter", text);
}

bool looksLikeRollout(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const auto first = JsonLines::parse(file.readLine(1 << 22).trimmed());
    return first && first->contains(u"payload") && first->contains(u"type");
}

QStringList rollouts(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, { QStringLiteral("*.jsonl") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        // One that cannot be read is kept, so that the import reports it instead of passing it by.
        const bool unreadable = !QFileInfo(file).isReadable() && it.fileName().startsWith(QStringLiteral("rollout-"));
        if (unreadable || looksLikeRollout(file))
            files << file;
    }
    std::sort(files.begin(), files.end()); // dated folders and time-ordered names: oldest first
    return files;
}

QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue &block : content.toArray()) {
        const QJsonObject object = block.toObject();
        if (const QString text = object.value(u"text").toString(); !text.isEmpty())
            parts << text;
    }
    return parts.join(QStringLiteral("\n\n"));
}

// A tool call's searchable text: its name, then its arguments' values.
QString callText(const QJsonObject &payload)
{
    QStringList parts{ payload.value(u"name").toString() };
    const QJsonValue arguments = payload.value(u"arguments");
    const QJsonDocument parsed = QJsonDocument::fromJson(arguments.toString().toUtf8());
    if (parsed.isObject() || parsed.isArray())
        parts << ClaudeContent::searchableText(
            QJsonArray{ QJsonObject{ { QStringLiteral("type"), QStringLiteral("tool_use") },
                { QStringLiteral("name"), QString() },
                { QStringLiteral("input"),
                    parsed.isObject() ? QJsonValue(parsed.object()) : QJsonValue(parsed.array()) } } });
    else if (arguments.isString())
        parts << arguments.toString();
    if (const QJsonValue input = payload.value(u"input"); input.isString())
        parts << input.toString();
    const QJsonObject action = payload.value(u"action").toObject();
    if (const QString query = action.value(u"query").toString(); !query.isEmpty())
        parts << query;
    parts.removeAll(QString());
    return parts.join(u'\n');
}

// Tool output is a string, often JSON with the text under "output".
QString outputText(const QJsonValue &output)
{
    if (!output.isString())
        return contentText(output);
    const QJsonDocument parsed = QJsonDocument::fromJson(output.toString().toUtf8());
    if (parsed.isObject() && parsed.object().value(u"output").isString())
        return parsed.object().value(u"output").toString();
    return output.toString();
}

bool isInjectedContext(const QString &text)
{
    const QString start = text.trimmed();
    return start.startsWith(u'<') || start.startsWith(QStringLiteral("# AGENTS.md"));
}

// One rollout line as a message; nullopt for lines that repeat another or carry nothing to read.
std::optional<MessageDraft> toMessage(const QString &type, const QJsonObject &payload)
{
    MessageDraft message;
    const QString kind = payload.value(u"type").toString();
    if (type == u"response_item") {
        if (kind == u"message") {
            const QString role = payload.value(u"role").toString();
            message.text = contentText(payload.value(u"content"));
            message.role = role == u"assistant" ? QStringLiteral("assistant")
                : role == u"user"               ? QStringLiteral("user")
                                                : QStringLiteral("system");
            message.kind = role == u"developer" || (role == u"user" && isInjectedContext(message.text))
                ? QStringLiteral("meta")
                : QStringLiteral("text");
        } else if (kind == u"reasoning") {
            QStringList summary;
            for (const QJsonValue &part : payload.value(u"summary").toArray())
                summary << part.toObject().value(u"text").toString();
            message.text = summary.join(QStringLiteral("\n\n")).trimmed();
            if (message.text.isEmpty())
                return std::nullopt; // encrypted only
            message.role = QStringLiteral("assistant");
            message.kind = QStringLiteral("thinking");
        } else if (kind.endsWith(u"_call")) {
            message.role = QStringLiteral("assistant");
            message.kind = QStringLiteral("tool_use");
            message.text = callText(payload);
            if (message.text.isEmpty())
                message.text = kind;
        } else if (kind.endsWith(u"_output")) {
            message.role = QStringLiteral("tool");
            message.kind = QStringLiteral("tool_result");
            message.text = outputText(payload.value(u"output"));
        } else if (kind == u"agent_message") {
            message.role = QStringLiteral("assistant");
            message.kind = QStringLiteral("text");
            message.text = payload.value(u"message").toString();
            if (message.text.isEmpty())
                message.text = contentText(payload.value(u"content"));
        } else {
            return std::nullopt; // ghost snapshots and other bookkeeping
        }
    } else if (type == u"event_msg") {
        message.role = QStringLiteral("system");
        if (kind == u"error") {
            message.kind = QStringLiteral("error");
            message.text = payload.value(u"message").toString();
        } else if (kind == u"turn_aborted") {
            message.kind = QStringLiteral("event");
            message.text = QCoreApplication::translate("CodexImporter", "turn aborted: %1")
                               .arg(payload.value(u"reason").toString());
        } else if (kind == u"patch_apply_end") {
            message.kind = QStringLiteral("event");
            const QStringList files = payload.value(u"changes").toObject().keys();
            message.text = QCoreApplication::translate("CodexImporter", "patch applied to %1")
                               .arg(files.join(QStringLiteral(", ")));
        } else {
            return std::nullopt; // the UI's echo of response items, token counts
        }
    } else if (type == u"compacted") {
        message.role = QStringLiteral("system");
        message.kind = QStringLiteral("summary");
        message.text = payload.value(u"message").toString();
    } else {
        return std::nullopt;
    }
    return message;
}

// The apply_patch text of a tool call: a custom tool call's input, a function call's "input"
// argument, or the patch given to the older `shell` tool as ["apply_patch", PATCH].
QString patchOf(const QJsonObject &payload)
{
    const QString type = payload.value(u"type").toString();
    const QString name = payload.value(u"name").toString();
    if (type == u"custom_tool_call" && name == u"apply_patch")
        return payload.value(u"input").toString();
    if (type != u"function_call")
        return {};
    const QJsonObject arguments = QJsonDocument::fromJson(payload.value(u"arguments").toString().toUtf8()).object();
    if (name == u"apply_patch")
        return arguments.value(u"input").toString();
    const QJsonArray command = arguments.value(u"command").toArray();
    if (name == u"shell" && command.size() >= 2 && command.at(0).toString() == u"apply_patch")
        return command.at(1).toString();
    return {};
}

struct PatchSource
{
    qint64 projectId = 0;
    qint64 sessionId = 0;
    QString root; // the session's cwd
    const MessageDraft &message;
    QString location; // file:line, for the report
};

// The versions a patch makes: an added file's content, a deletion, and an updated file's content
// when the store has the file as it was before (from this project, or from another source of the
// same folder, such as its git repository).
Result<void> recordPatch(
    Store &store, ImportContext &context, const QString &patch, const PatchSource &source, int &unknownBase)
{
    auto changes = CodexPatch::parse(patch);
    if (!changes) {
        context.report.skip(source.location, changes.error().message);
        return {};
    }
    for (const CodexPatch::FileChange &change : std::as_const(*changes)) {
        QString path = QDir::fromNativeSeparators(change.path);
        if (QDir::isAbsolutePath(path))
            path = QDir(source.root).relativeFilePath(path);
        FileVersions::Draft version;
        version.path = path;
        version.time = source.message.timestamp;
        version.author = QStringLiteral("Codex (apply_patch)");
        version.originKind = QStringLiteral("codex");
        version.origin = source.location.section(u'/', -1);
        version.sessionId = source.sessionId;
        version.messageKey = source.message.sourceKey;
        version.sourceKey = QStringLiteral("codex:") + source.message.sourceKey;
        const auto add = [&](const FileVersions::Draft &draft) -> Result<void> {
            auto added = ImportedVersions::add(store, source.projectId, draft, context.report, source.location);
            if (!added)
                return std::unexpected(added.error());
            context.report.versions += *added ? 1 : 0;
            return {};
        };
        if (change.kind == CodexPatch::FileChange::Kind::Add) {
            version.content = change.content;
        } else if (change.kind == CodexPatch::FileChange::Kind::Update) {
            auto base = FileVersions::latest(store, source.projectId, path);
            if (base && !*base && !source.root.isEmpty())
                base = FileVersions::latestInWorkspace(store, source.root, path, source.message.timestamp);
            if (!base)
                return std::unexpected(base.error());
            if (!*base || !(*base)->blobId) {
                ++unknownBase;
                continue;
            }
            auto before = FileVersions::content(store, **base);
            if (!before)
                return std::unexpected(before.error());
            auto after = CodexPatch::apply(*before, change);
            if (!after) {
                context.report.skip(source.location, after.error().message);
                continue;
            }
            version.content = std::move(*after);
            if (!change.moveTo.isEmpty()) {
                FileVersions::Draft gone = version;
                gone.content.reset();
                if (auto moved = add(gone); !moved)
                    return moved;
                version.path = QDir::isAbsolutePath(change.moveTo) ? QDir(source.root).relativeFilePath(change.moveTo)
                                                                   : change.moveTo;
            }
        }
        if (auto added = add(version); !added)
            return added;
    }
    return {};
}

} // namespace

QString CodexImporter::title() const
{
    return tr("Codex CLI sessions (~/.codex/sessions)");
}

int CodexImporter::recognizes(const QString &path) const
{
    const QFileInfo info(path);
    if (info.isFile())
        return path.endsWith(u".jsonl") && looksLikeRollout(path) ? 30 : 0;
    if (!info.isDir())
        return 0;
    QDirIterator it(path, { QStringLiteral("rollout-*.jsonl") }, QDir::Files, QDirIterator::Subdirectories);
    for (int seen = 0; it.hasNext() && seen < 5; ++seen) {
        if (looksLikeRollout(it.next()))
            return 25;
    }
    return 0;
}

Result<void> CodexImporter::run(Store &store, const QString &path, ImportContext &context)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(Error::Code::NotFound, tr("%1 does not exist").arg(QDir::toNativeSeparators(path)));
    const QStringList files
        = info.isFile() ? QStringList{ info.absoluteFilePath() } : rollouts(info.absoluteFilePath());
    if (files.isEmpty())
        return fail(Error::Code::NotFound,
            tr("%1 holds no Codex rollouts (rollout-*.jsonl)").arg(QDir::toNativeSeparators(path)));

    TranscriptWriter writer(store);
    if (auto begun = writer.begin(); !begun)
        return begun;
    int unknownBase = 0; // patches to files with no earlier version in the store
    for (const QString &file : files) {
        qint64 sessionId = 0;
        qint64 projectId = 0;
        QString projectRoot;
        JsonLines::FileHandlers handlers;
        handlers.state = [&] { return QJsonObject{ { QStringLiteral("session"), sessionId } }; };
        handlers.project = [&] { return projectId; };
        handlers.resume = [&](const QJsonObject &state) -> Result<void> {
            sessionId = state.value(u"session").toInteger();
            if (sessionId == 0)
                return {};
            auto resumed = writer.resumeSession(sessionId);
            if (!resumed)
                return std::unexpected(resumed.error());
            projectId = *resumed;
            if (auto project = Projects::find(store, projectId); project && *project)
                projectRoot = (*project)->workspaceRoot;
            return {};
        };
        handlers.line = [&](const QJsonObject &line, const LineReader::Line &where) -> Result<void> {
            const QString type = line.value(u"type").toString();
            const QJsonObject payload = line.value(u"payload").toObject();
            if (sessionId == 0 && (type == u"session_meta" || type == u"turn_context")) {
                // The session starts here: its project is the folder Codex worked in.
                const QString cwd = payload.value(u"cwd").toString();
                auto id = writer.project(Projects::inFolder(format(), cwd));
                if (!id)
                    return std::unexpected(id.error());
                projectId = *id;
                projectRoot = cwd;
                QJsonObject metadata;
                for (const char *key : { "originator", "cli_version", "source", "model_provider", "git", "model" }) {
                    if (payload.contains(QLatin1StringView(key)))
                        metadata.insert(QLatin1StringView(key), payload.value(QLatin1StringView(key)));
                }
                const QString externalId = payload.value(u"id").toString();
                auto session = writer.session({ projectId,
                    format(),
                    externalId.isEmpty() ? QFileInfo(file).completeBaseName() : externalId,
                    std::nullopt,
                    {},
                    metadata });
                if (!session)
                    return std::unexpected(session.error());
                sessionId = *session;
                return {};
            }
            auto message = toMessage(type, payload);
            if (!message || sessionId == 0)
                return {};
            message->timestamp = ClaudeContent::parseTime(line.value(u"timestamp").toString());
            message->raw = where.bytes;
            message->sourceKey = QStringLiteral("%1:%2").arg(QFileInfo(file).fileName()).arg(where.offset);
            if (const QString patch = patchOf(payload); !patch.isEmpty()) {
                const QString location = QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(file)).arg(where.number);
                if (auto recorded = recordPatch(
                        store, context, patch, { projectId, sessionId, projectRoot, *message, location }, unknownBase);
                    !recorded)
                    return recorded;
            }
            if (message->role == u"user" && message->kind == u"text" && writer.wantsTitle(sessionId))
                if (auto titled = writer.setTitleIfEmpty(sessionId, ClaudeContent::titleFrom(message->text)); !titled)
                    return titled;
            return writer.addMessage(sessionId, *message);
        };
        if (auto read = JsonLines::readFile(writer, context, format(), file, handlers); !read)
            return writer.finish(context.report, read);
    }
    if (unknownBase > 0)
        context.report.notes << tr("patches to files the store has no earlier version of, kept in the transcript "
                                   "only: %1 (import the project's git repository first to have them as versions)")
                                    .arg(unknownBase);
    return writer.finish(context.report);
}
