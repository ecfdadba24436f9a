#include "OutOfContextImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "ClaudeContent.h"
#include "Projects.h"
#include "Segments.h"
#include "Sql.h"
#include "Store.h"
#include "TranscriptWriter.h"

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OutOfContextImporter", text);
}

// A segment read from one of the formats, with the project it belongs to.
struct Found
{
    QString project; // out_of_context's project id
    QString location; // the file (and place in it) for the report
    Segments::Segment segment;
    QString text;
    QByteArray raw;
};

// out_of_context writes naive local times (datetime.now()); they are read as UTC, as written.
QDateTime naiveTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    const bool zoned = text.endsWith(u'Z') || text.lastIndexOf(u'+') > 10 || text.lastIndexOf(u'-') > 10;
    return ClaudeContent::parseTime(zoned ? text : text + u'Z');
}

std::optional<Found> fromJson(const QJsonObject &object, const QString &location, ImportReport &report)
{
    Found found;
    found.location = location;
    Segments::Segment &segment = found.segment;
    segment.key = object.value(u"segment_id").toString();
    found.text = object.value(u"text").toString();
    if (segment.key.isEmpty() || !object.value(u"text").isString()) {
        report.skip(
            location, QCoreApplication::translate("OutOfContextImporter", "a segment needs a segment_id and a text"));
        return std::nullopt;
    }
    found.project = object.value(u"project_id").toString();
    segment.kind = object.value(u"type").toString();
    segment.task = object.value(u"task_id").toString();
    segment.path = object.value(u"file_path").toString();
    const QJsonArray lines = object.value(u"line_range").toArray();
    if (lines.size() == 2) {
        segment.lineFrom = lines.at(0).toInteger();
        segment.lineTo = lines.at(1).toInteger();
    }
    for (const QJsonValue &tag : object.value(u"tags").toArray())
        if (!tag.toString().isEmpty())
            segment.tags << tag.toString();
    if (object.value(u"tokens").isDouble())
        segment.tokens = object.value(u"tokens").toInteger();
    segment.pinned = object.value(u"pinned").toBool();
    segment.tier = object.value(u"tier").toString();
    segment.createdAt = naiveTime(object.value(u"created_at").toString());
    segment.touchedAt = naiveTime(object.value(u"last_touched_at").toString());
    for (const char *key : { "generation", "gc_survival_count", "refcount", "topic_id", "text_hash" })
        if (!object.value(QLatin1StringView(key)).isNull() && !object.value(QLatin1StringView(key)).isUndefined())
            segment.details.insert(QLatin1StringView(key), object.value(QLatin1StringView(key)));
    found.raw = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return found;
}

std::optional<QJsonDocument> readJson(const QString &file, ImportReport &report)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        report.skip(QDir::toNativeSeparators(file),
            QCoreApplication::translate("OutOfContextImporter", "cannot read it: %1").arg(input.errorString()));
        return std::nullopt;
    }
    const QByteArray bytes = input.readAll();
    report.bytesRead += bytes.size();
    ++report.filesRead;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        report.skip(QDir::toNativeSeparators(file),
            QCoreApplication::translate("OutOfContextImporter", "not valid JSON: %1").arg(error.errorString()));
        return std::nullopt;
    }
    return document;
}

// v4: "---\nkey: value\n...\n---\n\n<markdown>". A small reader for the flat front matter these
// files have (scalars, a tags list inline or as "- item" lines).
std::optional<Found> fromMdc(const QString &file, ImportReport &report)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        report.skip(QDir::toNativeSeparators(file),
            QCoreApplication::translate("OutOfContextImporter", "cannot read it: %1").arg(input.errorString()));
        return std::nullopt;
    }
    const QString text = QString::fromUtf8(input.readAll());
    report.bytesRead += text.size();
    ++report.filesRead;
    QStringList lines = text.split(u'\n');
    if (lines.value(0).trimmed() != u"---") {
        report.skip(QDir::toNativeSeparators(file),
            QCoreApplication::translate("OutOfContextImporter", "no front matter (a first line of ---)"));
        return std::nullopt;
    }
    const qsizetype end = lines.indexOf(QStringLiteral("---"), 1);
    if (end < 0) {
        report.skip(QDir::toNativeSeparators(file),
            QCoreApplication::translate("OutOfContextImporter", "the front matter does not end (no second ---)"));
        return std::nullopt;
    }
    const auto unquote = [](QString value) {
        value = value.trimmed();
        if (value.size() >= 2 && (value.startsWith(u'\'') || value.startsWith(u'"')) && value.endsWith(value.front()))
            value = value.mid(1, value.size() - 2);
        return value;
    };
    QJsonObject front;
    QString listKey;
    QJsonArray list;
    const auto closeList = [&] {
        if (!listKey.isEmpty())
            front.insert(listKey, list);
        listKey.clear();
        list = {};
    };
    for (qsizetype i = 1; i < end; ++i) {
        const QString line = lines.at(i);
        if (line.trimmed().startsWith(u"- ") && !listKey.isEmpty()) {
            list.append(unquote(line.trimmed().mid(2)));
            continue;
        }
        closeList();
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (value.isEmpty()) {
            listKey = key;
        } else if (value.startsWith(u'[') && value.endsWith(u']')) {
            QJsonArray items;
            for (const QString &item : value.mid(1, value.size() - 2).split(u',', Qt::SkipEmptyParts))
                items.append(unquote(item));
            front.insert(key, items);
        } else {
            front.insert(key, unquote(value));
        }
    }
    closeList();
    Found found;
    found.location = QDir::toNativeSeparators(file);
    found.project = QStringLiteral("contexts");
    Segments::Segment &segment = found.segment;
    segment.key = front.value(u"name").toString(QFileInfo(file).completeBaseName());
    segment.kind = front.value(u"type").toString();
    segment.task = front.value(u"task").toString(front.value(u"task_id").toString());
    segment.path = front.value(u"file").toString(front.value(u"file_path").toString());
    for (const QJsonValue &tag : front.value(u"tags").toArray())
        segment.tags << tag.toString();
    segment.tier = QStringLiteral("context");
    segment.createdAt = naiveTime(front.value(u"created_at").toString());
    segment.details = QJsonObject{ { QStringLiteral("front_matter"), front } };
    found.text = lines.mid(end + 1).join(u'\n').trimmed();
    found.raw = text.toUtf8();
    return found;
}

} // namespace

QString OutOfContextImporter::title() const
{
    return tr("out_of_context context segments (.out_of_context, out_of_context/contexts)");
}

int OutOfContextImporter::recognizes(const QString &path) const
{
    const QFileInfo info(path);
    if (info.isFile())
        return info.fileName() == u"storage.json" && info.absoluteDir().dirName() == u".out_of_context" ? 40
            : info.suffix() == u"mdc"                                                                   ? 30
                                                                                                        : 0;
    const QDir dir(path);
    if (dir.dirName() == u".out_of_context" || dir.exists(QStringLiteral(".out_of_context")))
        return 40;
    if (dir.exists(QStringLiteral("out_of_context/contexts"))
        || !dir.entryList({ QStringLiteral("*.mdc") }, QDir::Files).isEmpty())
        return 30;
    return 0;
}

Result<void> OutOfContextImporter::run(Store &store, const QString &path, ImportContext &context)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(Error::Code::NotFound, tr("%1 does not exist").arg(QDir::toNativeSeparators(path)));

    // Where each format lives under `path`.
    QString storageFolder; // v1/v2: the .out_of_context folder
    QString contexts; // v4: the folder of .mdc files
    QStringList mdcFiles;
    if (info.isFile() && info.suffix() == u"mdc") {
        mdcFiles << info.absoluteFilePath();
        contexts = info.absolutePath();
    } else if (info.isFile()) {
        storageFolder = info.absolutePath();
    } else if (QDir(path).dirName() == u".out_of_context") {
        storageFolder = info.absoluteFilePath();
    } else {
        if (QDir(path).exists(QStringLiteral(".out_of_context")))
            storageFolder = info.absoluteFilePath() + QStringLiteral("/.out_of_context");
        for (const QString &candidate : QStringList{
                 info.absoluteFilePath() + QStringLiteral("/out_of_context/contexts"), info.absoluteFilePath() }) {
            const QStringList found = QDir(candidate).entryList({ QStringLiteral("*.mdc") }, QDir::Files, QDir::Name);
            if (!found.isEmpty()) {
                contexts = candidate;
                for (const QString &name : found)
                    mdcFiles << candidate + u'/' + name;
                break;
            }
        }
    }
    if (storageFolder.isEmpty() && mdcFiles.isEmpty())
        return fail(Error::Code::NotFound,
            tr("%1 holds no out_of_context data (.out_of_context/ or out_of_context/contexts/*.mdc)")
                .arg(QDir::toNativeSeparators(path)));

    QList<Found> segments;
    if (!storageFolder.isEmpty()) {
        const QString storage = storageFolder + QStringLiteral("/storage.json");
        if (QFileInfo::exists(storage)) {
            if (auto document = readJson(storage, context.report)) {
                const QJsonObject projects = document->object().value(u"projects").toObject();
                for (auto project = projects.begin(); project != projects.end(); ++project) {
                    const QJsonArray list = project.value().toObject().value(u"segments").toArray();
                    for (qsizetype i = 0; i < list.size(); ++i) {
                        const QString location = QStringLiteral("%1: projects.%2.segments[%3]")
                                                     .arg(QDir::toNativeSeparators(storage), project.key())
                                                     .arg(i);
                        if (auto found = fromJson(list.at(i).toObject(), location, context.report)) {
                            found->project = project.key();
                            segments.append(*found);
                        }
                    }
                }
            }
        }
        const QDir stashed(storageFolder + QStringLiteral("/stashed"));
        for (const QString &name : stashed.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
            const QString file = stashed.filePath(name);
            const auto document = readJson(file, context.report);
            if (!document)
                continue;
            const QJsonArray list = document->object().value(u"segments").toArray();
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QString location = QStringLiteral("%1: segments[%2]").arg(QDir::toNativeSeparators(file)).arg(i);
                if (auto found = fromJson(list.at(i).toObject(), location, context.report)) {
                    found->project = QFileInfo(name).completeBaseName();
                    segments.append(*found);
                }
            }
        }
        const QDir evicted(storageFolder + QStringLiteral("/evicted"));
        for (const QString &name : evicted.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
            const QString file = evicted.filePath(name);
            const auto document = readJson(file, context.report);
            if (!document)
                continue;
            if (auto found = fromJson(document->object(), QDir::toNativeSeparators(file), context.report)) {
                found->segment.tier = QStringLiteral("evicted");
                segments.append(*found);
            }
        }
    }
    for (const QString &file : std::as_const(mdcFiles))
        if (auto found = fromMdc(file, context.report))
            segments.append(*found);

    // The projects: out_of_context's own ids; a .out_of_context inside a project folder, or the
    // folder holding out_of_context/contexts, is that project's workspace.
    const QString storageParent = QFileInfo(storageFolder).absolutePath();
    const bool inHome = storageParent == QDir::homePath();
    const QString contextsOwner = QDir(contexts).dirName() == u"contexts"
        ? QFileInfo(QFileInfo(contexts).absolutePath()).absolutePath()
        : contexts;

    TranscriptWriter writer(store);
    if (auto begun = writer.begin(); !begun)
        return begun;
    QHash<QString, std::pair<qint64, qint64>> projects; // out_of_context project -> (project, session)
    QList<std::pair<qint64, qint64>> touched;
    for (Found &found : segments) {
        const bool fromContexts = found.location.endsWith(u".mdc");
        const QString key = (fromContexts ? contexts : storageFolder) + u'#' + found.project;
        if (!projects.contains(key)) {
            Project draft;
            draft.sourceKind = format();
            draft.sourceLocation = key;
            if (fromContexts) {
                draft.name = QFileInfo(contextsOwner).fileName();
                draft.workspaceRoot = contextsOwner;
            } else {
                draft.name = found.project.isEmpty() ? QStringLiteral("out_of_context") : found.project;
                if (!inHome)
                    draft.workspaceRoot = storageParent;
            }
            auto projectId = writer.project(draft);
            if (!projectId)
                return writer.finish(context.report, std::unexpected(projectId.error()));
            auto sessionId = writer.session(
                { *projectId, format(), QStringLiteral("segments"), std::nullopt, tr("Context segments"), {} });
            if (!sessionId)
                return writer.finish(context.report, std::unexpected(sessionId.error()));
            projects.insert(key, { *projectId, *sessionId });
            touched.append({ *projectId, *sessionId });
        }
        const auto [projectId, sessionId] = projects.value(key);
        MessageDraft message;
        message.role = QStringLiteral("context");
        message.kind = QStringLiteral("segment");
        message.text = found.text;
        message.raw = found.raw;
        message.timestamp = found.segment.createdAt;
        message.task = found.segment.task;
        message.sourceKey = found.segment.key;
        message.replaceWithSameKey = true;
        if (auto added = writer.addMessage(sessionId, message); !added)
            return writer.finish(context.report, added);
        found.segment.projectId = projectId;
        auto stored = Segments::put(store, found.segment);
        if (!stored)
            return writer.finish(context.report, std::unexpected(stored.error()));
        ++context.report.segments;
    }
    if (auto finished = writer.finish(context.report); !finished)
        return finished;

    // Each segment's message, now that the writer has stored them.
    auto transaction = Sql::Transaction::begin(store.database());
    if (!transaction)
        return std::unexpected(transaction.error());
    for (const auto &[projectId, sessionId] : std::as_const(touched)) {
        auto linked = Sql::run(store.database(),
            QStringLiteral("UPDATE segments SET message_id = (SELECT m.id FROM messages m WHERE m.session_id = ? AND "
                           "m.source_key = segments.source_key) WHERE project_id = ?"),
            { sessionId, projectId });
        if (!linked)
            return std::unexpected(linked.error());
    }
    return transaction->commit();
}
