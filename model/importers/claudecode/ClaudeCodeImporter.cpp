#include "ClaudeCodeImporter.h"

#include <optional>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "ClaudeContent.h"
#include "ClaudeEdits.h"
#include "FileVersions.h"
#include "ImportedVersions.h"
#include "JsonLines.h"
#include "Projects.h"
#include "Store.h"
#include "TranscriptWriter.h"
#include "WorkspacePaths.h"

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// The first JSON object in a file, to tell a Claude Code session from other JSONL.
QJsonObject firstObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (int i = 0; i < 20 && !file.atEnd(); ++i) {
        const QByteArray line = file.readLine(1 << 20).trimmed();
        if (auto object = JsonLines::parse(line))
            return *object;
    }
    return {};
}

bool looksLikeSession(const QString &path)
{
    const QJsonObject object = firstObject(path);
    return object.contains(u"sessionId") || object.value(u"type").toString() == u"summary"
        || object.value(u"type").toString() == u"file-history-snapshot";
}

// Session files under a folder: <project>/*.jsonl (sessions and old-layout agent-*.jsonl) and
// <project>/<session>/subagents/agent-*.jsonl, at any depth below a projects root.
QStringList sessionFiles(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, { QStringLiteral("*.jsonl") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    // Parents before their subagents (shorter paths first within a folder), then by name.
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        const bool aSub = a.contains(QStringLiteral("/subagents/")) || QFileInfo(a).fileName().startsWith(u"agent-");
        const bool bSub = b.contains(QStringLiteral("/subagents/")) || QFileInfo(b).fileName().startsWith(u"agent-");
        return aSub != bSub ? !aSub : a < b;
    });
    return files;
}

// What a person reads for a system or attachment line.
QString eventText(const QJsonObject &line)
{
    QStringList parts;
    if (const QJsonValue content = line.value(u"content"); content.isString())
        parts << content.toString();
    for (const char *key : { "subtype", "level" }) {
        if (const QString value = line.value(QLatin1StringView(key)).toString(); !value.isEmpty() && parts.isEmpty())
            parts << value;
    }
    const QJsonObject attachment = line.value(u"attachment").toObject();
    for (const char *key : { "type", "hookName", "hookEvent", "stdout", "stderr", "content" }) {
        if (const QString value = attachment.value(QLatin1StringView(key)).toString(); !value.isEmpty())
            parts << value;
    }
    parts.removeAll(QString());
    return parts.join(u'\n');
}

} // namespace

QString ClaudeCodeImporter::title() const
{
    return QCoreApplication::translate("ClaudeCodeImporter", "Claude Code sessions (~/.claude/projects)");
}

int ClaudeCodeImporter::recognizes(const QString &path) const
{
    const QFileInfo info(path);
    if (info.isFile())
        return path.endsWith(u".jsonl") && looksLikeSession(path) ? 30 : 0;
    if (!info.isDir())
        return 0;
    // ~/.claude, its projects/ folder, or one project folder: some session file within two levels.
    for (const QString &root : QStringList{ path + QStringLiteral("/projects"), path }) {
        QDirIterator it(root, { QStringLiteral("*.jsonl") }, QDir::Files, QDirIterator::Subdirectories);
        for (int seen = 0; it.hasNext() && seen < 20; ++seen) {
            const QString file = it.next();
            if (QDir(root).relativeFilePath(file).count(u'/') <= 1 && looksLikeSession(file))
                return 25;
        }
    }
    return 0;
}

Result<void> ClaudeCodeImporter::run(Store &store, const QString &path, ImportContext &context)
{
    const QFileInfo info(path);
    QStringList files;
    if (info.isFile()) {
        files << info.absoluteFilePath();
    } else if (info.isDir()) {
        const QString projects = info.absoluteFilePath() + QStringLiteral("/projects");
        files = sessionFiles(QFileInfo(projects).isDir() ? projects : info.absoluteFilePath());
    } else {
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ClaudeCodeImporter", "%1 does not exist").arg(native(path)));
    }
    if (files.isEmpty())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ClaudeCodeImporter", "%1 holds no Claude Code session files (*.jsonl)")
                .arg(native(path)));

    TranscriptWriter writer(store);
    if (auto begun = writer.begin(); !begun)
        return begun;
    QHash<QString, qint64> sessionsByKey; // project id + session key -> session id
    int editsOutside = 0;
    int backupsMissing = 0;

    for (const QString &file : std::as_const(files)) {
        // A subagent's description, from the new layout's agent-<id>.meta.json.
        QJsonObject agentMeta;
        if (QFile meta(file.chopped(6) + QStringLiteral(".meta.json")); meta.open(QIODevice::ReadOnly))
            agentMeta = QJsonDocument::fromJson(meta.readAll()).object();

        QString fileCwd;
        qint64 fileProject = 0;
        std::optional<MessageDraft> pending;
        qint64 pendingSession = 0;
        QString pendingId;
        const auto flush = [&]() -> Result<void> {
            if (!pending)
                return {};
            auto added = writer.addMessage(pendingSession, *pending);
            pending.reset();
            return added;
        };

        // The session a line belongs to, created (with its project) on first sight.
        const auto sessionOf = [&](const QJsonObject &line) -> Result<std::optional<qint64>> {
            const QString cwd = line.value(u"cwd").toString();
            if (fileCwd.isEmpty())
                fileCwd = cwd;
            const QString sessionId = line.value(u"sessionId").toString();
            if (fileCwd.isEmpty() || sessionId.isEmpty())
                return std::optional<qint64>();
            Project project = Projects::inFolder(format(), fileCwd);
            project.metadata.insert(
                QStringLiteral("claude_folder"), QFileInfo(QFileInfo(file).absolutePath()).fileName());
            auto projectId = writer.project(project);
            if (!projectId)
                return std::unexpected(projectId.error());
            fileProject = *projectId;

            const QString agentId = line.value(u"agentId").toString();
            const bool subagent = line.value(u"isSidechain").toBool() && !agentId.isEmpty();
            const auto open = [&](const QString &externalId,
                                  std::optional<qint64> parent,
                                  const QJsonObject &metadata) -> Result<qint64> {
                const QString key = QString::number(*projectId) + u'/' + externalId;
                if (const auto found = sessionsByKey.constFind(key); found != sessionsByKey.cend())
                    return *found;
                auto id = writer.session({ *projectId, format(), externalId, parent, {}, metadata });
                if (id)
                    sessionsByKey.insert(key, *id);
                return id;
            };
            auto parent = open(sessionId,
                std::nullopt,
                QJsonObject{ { QStringLiteral("version"), line.value(u"version") },
                    { QStringLiteral("git_branch"), line.value(u"gitBranch") } });
            if (!parent)
                return std::unexpected(parent.error());
            if (!subagent)
                return std::optional(*parent);
            auto child = open(QStringLiteral("agent-") + agentId, *parent, agentMeta);
            if (!child)
                return std::unexpected(child.error());
            if (const QString description = agentMeta.value(u"description").toString(); !description.isEmpty())
                if (auto titled = writer.setTitleIfEmpty(*child, description); !titled)
                    return std::unexpected(titled.error());
            return std::optional(*child);
        };

        // A path as the session wrote it, relative to its cwd; none (and counted) when outside.
        const auto inWorkspace = [&](const QString &written) -> std::optional<QString> {
            const QString changed = QDir::fromNativeSeparators(written);
            if (!QDir::isAbsolutePath(changed))
                return changed;
            if (!WorkspacePaths::isInside(QDir::cleanPath(fileCwd), QDir::cleanPath(changed))) {
                ++editsOutside;
                return std::nullopt;
            }
            return QDir(fileCwd).relativeFilePath(changed);
        };
        // Adds a version; a path the store refuses is reported at `location`.
        const auto addVersion = [&](const FileVersions::Draft &version, const QString &location) -> Result<void> {
            auto added = ImportedVersions::add(store, fileProject, version, context.report, location);
            if (!added)
                return std::unexpected(added.error());
            context.report.versions += *added ? 1 : 0;
            return {};
        };

        // The file an Edit or Write changed, before and after, as versions linked to the line.
        const auto recordEdit = [&](const QJsonObject &line,
                                    qint64 sessionId,
                                    const MessageDraft &message,
                                    const LineReader::Line &where) -> Result<void> {
            const QJsonObject result = line.value(u"toolUseResult").toObject();
            if (result.isEmpty())
                return {};
            const QString location = QStringLiteral("%1:%2").arg(native(file)).arg(where.number);
            auto change = ClaudeEdits::fromToolResult(result);
            if (!change) {
                context.report.skip(location, change.error().message);
                return {};
            }
            if (!*change)
                return {};
            const std::optional<QString> changed = inWorkspace((*change)->filePath);
            if (!changed)
                return {};
            QString toolUseId;
            for (const QJsonValue block : line.value(u"message").toObject().value(u"content").toArray())
                if (const QString id = block.toObject().value(u"tool_use_id").toString(); !id.isEmpty())
                    toolUseId = id;
            FileVersions::Draft version;
            version.path = *changed;
            version.time = message.timestamp;
            version.originKind = format();
            version.origin = toolUseId;
            version.sessionId = sessionId;
            version.messageKey = message.sourceKey;
            if ((*change)->before) {
                version.content = (*change)->before;
                version.author
                    = QCoreApplication::translate("ClaudeCodeImporter", "before Claude Code's %1").arg((*change)->tool);
                version.sourceKey = QStringLiteral("claude-code:%1:before").arg(message.sourceKey);
                version.onlyIfChanged = true;
                if (auto added = addVersion(version, location); !added)
                    return added;
            }
            version.content = (*change)->after;
            version.author = QStringLiteral("Claude Code (%1)").arg((*change)->tool);
            version.sourceKey = QStringLiteral("claude-code:%1").arg(message.sourceKey);
            version.onlyIfChanged = false;
            return addVersion(version, location);
        };

        // Checkpoint backups: each file-history-snapshot line names, per tracked file, a copy Claude
        // Code keeps in <claude>/file-history/<session>/<backupFileName>; those that are still
        // there become versions. Lines seen before the file's session is known wait for it.
        QList<QJsonObject> waitingSnapshots;
        qint64 fileSession = 0;
        QString historyFolder;
        {
            QDir up = QFileInfo(file).dir();
            if (up.cdUp() && up.dirName() == u"projects" && up.cdUp())
                historyFolder = up.filePath(QStringLiteral("file-history/") + QFileInfo(file).completeBaseName());
        }
        const auto recordBackups = [&](const QJsonObject &line) -> Result<void> {
            const QJsonObject snapshot = line.value(u"snapshot").toObject();
            const QJsonObject tracked = snapshot.value(u"trackedFileBackups").toObject();
            for (auto it = tracked.begin(); it != tracked.end(); ++it) {
                const QJsonObject backup = it.value().toObject();
                const QString name = backup.value(u"backupFileName").toString();
                if (name.isEmpty())
                    continue; // the file did not exist then
                QFile input(historyFolder + u'/' + name);
                if (historyFolder.isEmpty() || name.contains(u'/') || !input.open(QIODevice::ReadOnly)) {
                    ++backupsMissing;
                    continue;
                }
                const std::optional<QString> changed = inWorkspace(it.key());
                if (!changed)
                    continue;
                FileVersions::Draft version;
                version.path = *changed;
                version.content = input.readAll();
                version.time = ClaudeContent::parseTime(backup.value(u"backupTime").toString());
                version.author = QStringLiteral("Claude Code (checkpoint)");
                version.originKind = format();
                version.origin = name;
                version.sessionId = fileSession;
                version.messageKey = snapshot.value(u"messageId").toString();
                version.sourceKey = QStringLiteral("claude-code:backup:") + name;
                version.onlyIfChanged = true;
                if (auto added = addVersion(version, native(file)); !added)
                    return added;
            }
            return {};
        };

        JsonLines::FileHandlers handlers;
        handlers.flush = flush;
        handlers.project = [&fileProject] { return fileProject; };
        handlers.line = [&](const QJsonObject &line, const LineReader::Line &where) -> Result<void> {
            const QString type = line.value(u"type").toString();
            if (type == u"file-history-snapshot") {
                if (fileSession == 0) {
                    waitingSnapshots << line;
                    return {};
                }
                return recordBackups(line);
            }
            if (type != u"user" && type != u"assistant" && type != u"system" && type != u"attachment")
                return {}; // summaries, progress, settings: not messages
            auto session = sessionOf(line);
            if (!session)
                return std::unexpected(session.error());
            if (!*session)
                return {};
            if (fileSession == 0) {
                fileSession = **session;
                for (const QJsonObject &waiting : std::as_const(waitingSnapshots))
                    if (auto recorded = recordBackups(waiting); !recorded)
                        return recorded;
                waitingSnapshots.clear();
            }
            MessageDraft message;
            message.timestamp = ClaudeContent::parseTime(line.value(u"timestamp").toString());
            message.raw = where.bytes;
            message.sourceKey = line.value(u"uuid").toString();
            if (message.sourceKey.isEmpty())
                message.sourceKey = QStringLiteral("%1:%2").arg(QFileInfo(file).fileName()).arg(where.offset);
            const QJsonObject body = line.value(u"message").toObject();
            QString replyId;
            if (type == u"assistant") {
                replyId = ClaudeContent::fillReply(body, message);
                if (!replyId.isEmpty()) {
                    message.sourceKey = replyId;
                    message.mergeWithSameKey = true; // its next lines may come in a later import
                }
            } else if (type == u"user") {
                const QJsonValue content = body.value(u"content");
                message.kind = ClaudeContent::kindOf(content);
                message.role = message.kind == u"tool_result" ? QStringLiteral("tool") : QStringLiteral("user");
                if (line.value(u"isMeta").toBool())
                    message.kind = QStringLiteral("meta");
                else if (line.value(u"isCompactSummary").toBool())
                    message.kind = QStringLiteral("summary");
                message.text = ClaudeContent::searchableText(content);
                if (auto recorded = recordEdit(line, **session, message, where); !recorded)
                    return recorded;
            } else {
                message.role = QStringLiteral("system");
                message.kind = type == u"attachment" ? QStringLiteral("attachment") : QStringLiteral("event");
                message.text = eventText(line);
            }

            if (pending && !replyId.isEmpty() && replyId == pendingId && *session == pendingSession) {
                pending->text += QStringLiteral("\n\n") + message.text;
                pending->raw += '\n' + message.raw;
                if (message.outputTokens)
                    pending->outputTokens = message.outputTokens;
                return {};
            }
            if (auto flushed = flush(); !flushed)
                return flushed;
            if (message.role == u"user" && message.kind == u"text" && writer.wantsTitle(**session)
                && !message.text.trimmed().isEmpty())
                if (auto titled = writer.setTitleIfEmpty(**session, ClaudeContent::titleFrom(message.text)); !titled)
                    return titled;
            pending = std::move(message);
            pendingSession = **session;
            pendingId = replyId;
            return {};
        };

        if (auto read = JsonLines::readFile(writer, context, format(), file, handlers); !read)
            return writer.finish(context.report, read);
    }
    if (backupsMissing > 0)
        context.report.notes << QCoreApplication::translate("ClaudeCodeImporter",
            "checkpoint backups named by file-history-snapshot lines but no longer in ~/.claude/file-history: %1")
                                    .arg(backupsMissing);
    if (editsOutside > 0)
        context.report.notes << QCoreApplication::translate("ClaudeCodeImporter",
            "edits of files outside their session's working folder, not kept as versions: %n",
            nullptr,
            editsOutside);
    return writer.finish(context.report);
}
