#include "OrcImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include "ClaudeContent.h"
#include "OrcDatabase.h"
#include "OrcTasks.h"
#include "Projects.h"
#include "SourceFiles.h"
#include "Sql.h"
#include "Store.h"
#include "TranscriptWriter.h"

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OrcImporter", text);
}

bool isSqlite(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16).startsWith("SQLite format 3");
}

// The project databases under `path`: path itself, path/orc.db, path/.orc/orc.db, or the newer
// layout's ~/.orc/projects/<id>/orc.db.
QStringList projectDatabases(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return { info.absoluteFilePath() };
    QStringList found;
    for (const QString &candidate : { QStringLiteral("/.orc/orc.db"), QStringLiteral("/orc.db") }) {
        if (QFileInfo(path + candidate).isFile())
            found << QFileInfo(path + candidate).absoluteFilePath();
    }
    for (const QString &root :
        QStringList{ path + QStringLiteral("/projects"), path + QStringLiteral("/.orc/projects") }) {
        QDirIterator it(root, { QStringLiteral("orc.db") }, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            found << QFileInfo(it.next()).absoluteFilePath();
    }
    return found;
}

// An orc project database has tasks or transcripts; the global one, a project registry and costs.
bool isOrc(const QSqlDatabase &db)
{
    return (Sql::tableExists(db, QStringLiteral("tasks")) && Sql::tableExists(db, QStringLiteral("phases")))
        || Sql::tableExists(db, QStringLiteral("transcripts")) || OrcTasks::isGlobal(db);
}

// Where the project lives: the folder holding .orc/, or what the global registry says.
QString projectRoot(const QString &database)
{
    const QFileInfo info(database);
    const QDir folder = info.absoluteDir();
    if (folder.dirName() == u".orc")
        return QFileInfo(folder.absolutePath()).absolutePath();
    return folder.absolutePath();
}

QString hookText(const QString &content)
{
    const QJsonObject hook = QJsonDocument::fromJson(content.toUtf8()).object();
    if (hook.isEmpty())
        return content;
    QStringList parts{ hook.value(u"hook_name").toString(),
        hook.value(u"hook_event").toString(),
        hook.value(u"stdout").toString(),
        hook.value(u"stderr").toString() };
    parts.removeAll(QString());
    return parts.join(u'\n');
}

} // namespace

QString OrcImporter::title() const
{
    return tr("orc database (.orc/orc.db or ~/.orc)");
}

int OrcImporter::recognizes(const QString &path) const
{
    if (QFileInfo(path).isDir() && OrcTasks::hasLegacyYaml(path))
        return 30;
    for (const QString &database : projectDatabases(path)) {
        if (!isSqlite(database))
            continue;
        OrcDatabase orc;
        if (orc.open(database, nullptr) && isOrc(orc.database()))
            return 30;
    }
    return 0;
}

Result<void> OrcImporter::run(Store &store, const QString &path, ImportContext &context)
{
    if (!QFileInfo::exists(path))
        return fail(Error::Code::NotFound, tr("%1 does not exist").arg(QDir::toNativeSeparators(path)));
    const QStringList databases = projectDatabases(path);
    if (databases.isEmpty() && OrcTasks::hasLegacyYaml(path)) {
        // orc before its database: YAML task folders only.
        TranscriptWriter writer(store);
        if (auto begun = writer.begin(); !begun)
            return begun;
        auto projectId = writer.project(Projects::inFolder(format(), QFileInfo(path).absoluteFilePath()));
        if (!projectId)
            return writer.finish(context.report, std::unexpected(projectId.error()));
        return writer.finish(context.report,
            OrcTasks::importLegacyYaml(store, QFileInfo(path).absoluteFilePath(), *projectId, context.report));
    }
    if (databases.isEmpty())
        return fail(Error::Code::NotFound,
            tr("%1 holds no orc database (.orc/orc.db or projects/<id>/orc.db) and no orc task folders "
               "(.orc/tasks, orc_exports)")
                .arg(QDir::toNativeSeparators(path)));

    TranscriptWriter writer(store);
    if (auto begun = writer.begin(); !begun)
        return begun;
    for (const QString &database : databases) {
        const QString shown = QDir::toNativeSeparators(database);
        OrcDatabase orc;
        QString note;
        if (auto opened = orc.open(database, &note); !opened) {
            context.report.skip(shown, opened.error().message);
            continue;
        }
        if (!note.isEmpty())
            context.report.notes << note;
        const QSqlDatabase db = orc.database();
        if (OrcTasks::isGlobal(db)) {
            ++context.report.filesRead;
            auto global = OrcTasks::importGlobal(
                store, db, shown, context.report, [&](const QString &folder, const QString &name) {
                    Project project = Projects::inFolder(format(), folder);
                    if (!name.isEmpty())
                        project.name = name;
                    return writer.project(project);
                });
            if (!global)
                return writer.finish(context.report, global);
            continue;
        }
        if (!isOrc(db)) {
            context.report.skip(shown, tr("it has none of orc's tables (tasks, transcripts, or a project registry)"));
            continue;
        }
        ++context.report.filesRead;
        if (!Sql::tableExists(db, QStringLiteral("transcripts"))) {
            context.report.notes
                << tr("%1 has no transcripts table (orc before January 2026 kept them elsewhere)").arg(shown);
            auto projectId = writer.project(Projects::inFolder(format(), projectRoot(database)));
            if (!projectId)
                return writer.finish(context.report, std::unexpected(projectId.error()));
            if (auto tasks = OrcTasks::import(store, db, *projectId, shown, context.report); !tasks)
                return writer.finish(context.report, tasks);
            continue;
        }

        auto saved = SourceFiles::load(store, format(), database);
        if (!saved)
            return std::unexpected(saved.error());
        SourceFile source = *saved;
        const qint64 lastId = source.state.value(u"last_transcript").toInteger();

        const QString root = projectRoot(database);
        auto projectId = writer.project(Projects::inFolder(format(), root));
        if (!projectId)
            return std::unexpected(projectId.error());

        QHash<QString, QString> taskTitles;
        if (auto tasks = Sql::run(db, QStringLiteral("SELECT id, title FROM tasks")); tasks) {
            while (tasks->next())
                taskTitles.insert(tasks->value(0).toString(), tasks->value(1).toString());
        }
        auto rows = Sql::run(db,
            QStringLiteral("SELECT id, task_id, phase, session_id, message_uuid, type, role, content, input_tokens, "
                           "output_tokens, timestamp FROM transcripts WHERE id > ? ORDER BY id"),
            { lastId });
        if (!rows) {
            context.report.skip(shown, rows.error().message);
            continue;
        }
        QHash<QString, qint64> sessions;
        qint64 last = lastId;
        while (rows->next()) {
            const qint64 rowId = rows->value(0).toLongLong();
            const QString task = rows->value(1).toString();
            const QString phase = rows->value(2).toString();
            const QString sessionKey = rows->value(3).toString();
            auto sessionId = sessions.value(sessionKey);
            if (sessionId == 0) {
                const QString title = taskTitles.contains(task)
                    ? QStringLiteral("%1 %2: %3").arg(task, phase, taskTitles.value(task))
                    : QStringLiteral("%1 %2").arg(task, phase);
                auto opened = writer.session({ *projectId,
                    format(),
                    sessionKey,
                    std::nullopt,
                    title,
                    QJsonObject{ { QStringLiteral("task"), task }, { QStringLiteral("phase"), phase } } });
                if (!opened)
                    return std::unexpected(opened.error());
                sessionId = *opened;
                sessions.insert(sessionKey, sessionId);
            }
            const QString type = rows->value(5).toString();
            const QString content = rows->value(7).toString();
            MessageDraft message;
            message.task = task;
            message.phase = phase;
            message.sourceKey = rows->value(4).toString();
            message.raw = content.toUtf8();
            message.timestamp = QDateTime::fromMSecsSinceEpoch(rows->value(10).toLongLong(), Qt::UTC);
            if (!rows->value(8).isNull() && rows->value(8).toLongLong() > 0)
                message.inputTokens = rows->value(8).toLongLong();
            if (!rows->value(9).isNull() && rows->value(9).toLongLong() > 0)
                message.outputTokens = rows->value(9).toLongLong();
            if (type == u"hook") {
                message.role = QStringLiteral("system");
                message.kind = QStringLiteral("event");
                message.text = hookText(content);
            } else if (type == u"assistant") {
                const QJsonDocument blocks = QJsonDocument::fromJson(content.toUtf8());
                message.role = QStringLiteral("assistant");
                message.kind = blocks.isArray() ? ClaudeContent::kindOf(blocks.array()) : QStringLiteral("text");
                message.text = blocks.isArray() ? ClaudeContent::searchableText(blocks.array()) : content;
            } else {
                const QString role = rows->value(6).toString();
                message.role = role.isEmpty() ? QStringLiteral("user") : role;
                message.kind = type == u"user" ? QStringLiteral("text") : type;
                message.text = content;
            }
            if (auto added = writer.addMessage(sessionId, message); !added)
                return added;
            last = rowId;
            if (writer.needsCommit()) {
                source.state = QJsonObject{ { QStringLiteral("last_transcript"), last } };
                source.projectId = *projectId;
                if (auto done = SourceFiles::save(store, source); !done)
                    return done;
                if (auto committed = writer.checkpoint(); !committed)
                    return committed;
            }
        }
        if (auto tasks = OrcTasks::import(store, db, *projectId, shown, context.report); !tasks)
            return writer.finish(context.report, tasks);
        if (OrcTasks::hasLegacyYaml(root)) {
            if (auto legacy = OrcTasks::importLegacyYaml(store, root, *projectId, context.report); !legacy)
                return writer.finish(context.report, legacy);
        }
        source.state = QJsonObject{ { QStringLiteral("last_transcript"), last } };
        source.projectId = *projectId;
        source.size = QFileInfo(database).size();
        if (auto done = SourceFiles::save(store, source); !done)
            return done;
    }
    return writer.finish(context.report);
}
