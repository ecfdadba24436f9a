#include "AriumImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include "Events.h"
#include "FileVersions.h"
#include "ImportedVersions.h"
#include "LineReader.h"
#include "Projects.h"
#include "Snapshots.h"
#include "Store.h"
#include "TranscriptWriter.h"

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AriumImporter", text);
}

bool isProjectFolder(const QString &folder)
{
    return QFileInfo::exists(folder + QStringLiteral("/history.log"))
        || QFileInfo(folder + QStringLiteral("/versions")).isDir();
}

struct Change
{
    QString path;
    QString author;
    qint64 time = 0;
};

struct Version
{
    QString id;
    QString file; // versions/<name>, for the report
    QByteArray content;
    qint64 time = 0;
    QString author;
    QString prev;
};

// One of Arium's JSON files (a version, a snapshot): its object, or nothing when it cannot be read,
// is empty or is not a JSON object, which the report then says.
std::optional<QJsonObject> readObject(const QString &file, ImportContext &context)
{
    const QString shown = QDir::toNativeSeparators(file);
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        context.report.skip(
            shown, QCoreApplication::translate("AriumImporter", "cannot read it: %1").arg(input.errorString()));
        return std::nullopt;
    }
    const QByteArray bytes = input.readAll();
    ++context.report.filesRead;
    context.report.bytesRead += bytes.size();
    if (bytes.trimmed().isEmpty()) {
        context.report.skip(shown,
            QCoreApplication::translate("AriumImporter", "the file is empty (Arium was stopped while writing it)"));
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (!document.isObject()) {
        context.report.skip(
            shown, QCoreApplication::translate("AriumImporter", "not a JSON object: %1").arg(error.errorString()));
        return std::nullopt;
    }
    return document.object();
}

} // namespace

QString AriumImporter::title() const
{
    return tr("Arium workspace (history.log, versions/)");
}

int AriumImporter::recognizes(const QString &path) const
{
    const QFileInfo info(path);
    if (!info.isDir())
        return 0;
    if (isProjectFolder(path) && QFileInfo(path + QStringLiteral("/files")).isDir())
        return 50;
    const QDir dir(path);
    for (const QString &child : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (isProjectFolder(dir.filePath(child)) && QFileInfo(dir.filePath(child) + QStringLiteral("/files")).isDir())
            return 40;
    return 0;
}

Result<void> AriumImporter::run(Store &store, const QString &path, ImportContext &context)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return fail(
            Error::Code::NotFound, tr("%1 is not an Arium workspace folder").arg(QDir::toNativeSeparators(path)));
    const QString absolute = info.absoluteFilePath();
    if (isProjectFolder(absolute))
        return importProject(store, absolute, context);
    const QDir dir(absolute);
    bool any = false;
    for (const QString &child : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!isProjectFolder(dir.filePath(child)))
            continue;
        any = true;
        if (auto done = importProject(store, dir.filePath(child), context); !done)
            return done;
    }
    if (!any)
        return fail(Error::Code::NotFound,
            tr("%1 holds no Arium project (a folder with history.log or versions/)")
                .arg(QDir::toNativeSeparators(path)));
    return {};
}

Result<void> AriumImporter::importProject(Store &store, const QString &folder, ImportContext &context)
{
    context.report.sources << folder;
    const QString native = QDir::toNativeSeparators(folder);

    // Which file each version belongs to: history.log's VFSChangeEvents name it.
    QHash<QString, Change> changes;
    QHash<QString, qint64> snapshotTimes; // snapshot id -> when its VFSChangeEvent says it was taken
    struct Logged
    {
        QJsonObject envelope;
        QByteArray line;
        qint64 number = 0;
    };
    QList<Logged> logged; // every event, for the event log
    const QString historyPath = folder + QStringLiteral("/history.log");
    if (QFileInfo::exists(historyPath)) {
        LineReader reader(historyPath);
        if (auto opened = reader.open(0, 0); !opened) {
            context.report.skip(QDir::toNativeSeparators(historyPath), opened.error().message);
        } else {
            ++context.report.filesRead;
            LineReader::Line line;
            while (reader.next(line)) {
                context.report.bytesRead += line.bytes.size();
                if (line.bytes.trimmed().isEmpty())
                    continue;
                QJsonParseError error;
                const QJsonDocument document = QJsonDocument::fromJson(line.bytes, &error);
                if (!document.isObject()) {
                    context.report.skip(
                        QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(historyPath)).arg(line.number),
                        tr("not a JSON object: %1").arg(error.errorString()));
                    continue;
                }
                const QJsonObject event = document.object();
                const QJsonObject payload = event.value(QStringLiteral("payload")).toObject();
                logged.append({ event, line.bytes.trimmed(), line.number });
                if (event.value(QStringLiteral("type")).toString() != u"VFSChangeEvent")
                    continue;
                if (const QString snapshotId = payload.value(QStringLiteral("snapshotId")).toString();
                    !snapshotId.isEmpty())
                    snapshotTimes.insert(snapshotId, qint64(event.value(QStringLiteral("timestamp")).toDouble()));
                const QString versionId = payload.value(QStringLiteral("versionId")).toString();
                const QString filePath = payload.value(QStringLiteral("path")).toString();
                if (versionId.isEmpty() || filePath.isEmpty())
                    continue;
                changes.insert(versionId,
                    { filePath,
                        payload.value(QStringLiteral("author")).toString(),
                        qint64(event.value(QStringLiteral("timestamp")).toDouble()) });
            }
        }
    }

    // The versions, as Arium wrote them (JSON.stringify(version, null, 2)).
    QList<Version> versions;
    const QDir versionsDir(folder + QStringLiteral("/versions"));
    for (const QString &name : versionsDir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        const QString file = versionsDir.filePath(name);
        const QString shown = QDir::toNativeSeparators(file);
        const std::optional<QJsonObject> read = readObject(file, context);
        if (!read)
            continue;
        const QJsonObject &object = *read;
        if (!object.value(QStringLiteral("content")).isString()) {
            context.report.skip(shown, tr("no content in this version"));
            continue;
        }
        Version version;
        version.id = object.value(QStringLiteral("id")).toString(QFileInfo(name).completeBaseName());
        version.file = shown;
        version.content = object.value(QStringLiteral("content")).toString().toUtf8();
        version.time = qint64(object.value(QStringLiteral("timestamp")).toDouble());
        version.author = object.value(QStringLiteral("author")).toString();
        version.prev = object.value(QStringLiteral("prev")).toString();
        versions.append(version);
    }

    // A version no event names is on the path of its `prev`, or of the version whose prev it is.
    QHash<QString, QString> pathOf;
    QHash<QString, const Version *> byId;
    for (const Version &version : std::as_const(versions)) {
        byId.insert(version.id, &version);
        if (const auto change = changes.constFind(version.id); change != changes.cend())
            pathOf.insert(version.id, change->path);
    }
    for (bool grew = true; grew;) {
        grew = false;
        for (const Version &version : std::as_const(versions)) {
            if (version.prev.isEmpty())
                continue;
            const QString prevPath = pathOf.value(version.prev, changes.value(version.prev).path);
            if (!pathOf.contains(version.id) && !prevPath.isEmpty()) {
                pathOf.insert(version.id, prevPath);
                grew = true;
            } else if (pathOf.contains(version.id) && byId.contains(version.prev) && !pathOf.contains(version.prev)) {
                pathOf.insert(version.prev, pathOf.value(version.id));
                grew = true;
            }
        }
    }
    int unknownPrevs = 0;
    for (const Version &version : std::as_const(versions))
        if (!version.prev.isEmpty() && !byId.contains(version.prev))
            ++unknownPrevs;
    if (unknownPrevs > 0)
        context.report.notes << QCoreApplication::translate("AriumImporter",
            "%1: %n version(s) follow a version that is not in versions/ (one Arium made from "
            "files/ at startup and did not save); their history starts with them",
            nullptr,
            unknownPrevs)
                                    .arg(native);

    std::stable_sort(versions.begin(), versions.end(), [](const Version &a, const Version &b) {
        return a.time != b.time ? a.time < b.time : a.id < b.id;
    });

    TranscriptWriter writer(store);
    if (auto begun = writer.begin(); !begun)
        return begun;
    Project draft = Projects::inFolder(format(), folder);
    draft.workspaceRoot = folder + QStringLiteral("/files");
    auto projectId = writer.project(draft);
    if (!projectId)
        return writer.finish(context.report, std::unexpected(projectId.error()));
    qint64 added = 0;
    for (const Version &version : std::as_const(versions)) {
        const QString filePath = pathOf.value(version.id);
        if (filePath.isEmpty()) {
            context.report.skip(version.file, tr("no VFSChangeEvent in history.log names its file"));
            continue;
        }
        FileVersions::Draft draftVersion;
        draftVersion.path = filePath;
        draftVersion.content = version.content;
        if (version.time > 0)
            draftVersion.time = QDateTime::fromMSecsSinceEpoch(version.time, Qt::UTC);
        draftVersion.author = version.author;
        draftVersion.originKind = format();
        draftVersion.origin = version.id;
        draftVersion.sourceKey = QStringLiteral("arium:") + version.id;
        auto stored = ImportedVersions::add(store, *projectId, draftVersion, context.report, version.file);
        if (!stored)
            return writer.finish(context.report, std::unexpected(stored.error()));
        added += *stored ? 1 : 0;
    }
    auto snapshots = importSnapshots(store, folder, *projectId, snapshotTimes, context);
    if (!snapshots)
        return writer.finish(context.report, snapshots);

    // The event log, each envelope as Arium wrote it; a file change links to its version.
    for (const Logged &entry : std::as_const(logged)) {
        const QString location = QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(historyPath)).arg(entry.number);
        Events::Event event;
        event.projectId = *projectId;
        event.type = entry.envelope.value(u"type").toString();
        const double time = entry.envelope.value(u"timestamp").toDouble();
        if (event.type.isEmpty() || time <= 0) {
            context.report.skip(location, tr("an event needs a type and a timestamp"));
            continue;
        }
        event.timestamp = QDateTime::fromMSecsSinceEpoch(qint64(time), Qt::UTC);
        const QString id = entry.envelope.value(u"id").toString();
        event.key = id.isEmpty() ? QStringLiteral("history.log:%1").arg(entry.number) : id;
        const QJsonObject payload = entry.envelope.value(u"payload").toObject();
        event.source = payload.value(u"agentId").toString(payload.value(u"author").toString());
        event.payload = entry.line;
        if (const QString versionId = payload.value(u"versionId").toString(); !versionId.isEmpty()) {
            auto version = Sql::run(store.database(),
                QStringLiteral("SELECT id FROM file_versions WHERE project_id = ? AND source_key = ?"),
                { *projectId, QString(QStringLiteral("arium:") + versionId) });
            if (!version)
                return writer.finish(context.report, std::unexpected(version.error()));
            if (version->next())
                event.versionId = version->value(0).toLongLong();
        }
        auto stored = Events::add(store, event);
        if (!stored)
            return writer.finish(context.report, std::unexpected(stored.error()));
        context.report.events += *stored ? 1 : 0;
    }
    auto finished = writer.finish(context.report);
    if (finished)
        context.report.versions += added;
    return finished;
}

Result<void> AriumImporter::importSnapshots(
    Store &store, const QString &folder, qint64 projectId, const QHash<QString, qint64> &times, ImportContext &context)
{
    // snapshots/<id>.json: JSON.stringify(state, null, 2), state being path -> content.
    const QDir dir(folder + QStringLiteral("/snapshots"));
    for (const QString &name : dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        const QString file = dir.filePath(name);
        const QString shown = QDir::toNativeSeparators(file);
        const std::optional<QJsonObject> state = readObject(file, context);
        if (!state)
            continue;
        QList<std::pair<QString, QByteArray>> files;
        QString refused;
        for (auto it = state->begin(); it != state->end(); ++it) {
            if (FileVersions::normalisedPath(it.key()).isEmpty())
                refused = it.key();
            files.append({ it.key(), it.value().toString().toUtf8() });
        }
        if (!refused.isEmpty()) {
            context.report.skip(
                shown, tr("it names %1, which leads outside the workspace; the snapshot was left out").arg(refused));
            continue;
        }
        const QString id = QFileInfo(name).completeBaseName();
        const qint64 time = times.value(id, QFileInfo(file).lastModified().toMSecsSinceEpoch());
        auto made = Snapshots::createFrom(store,
            projectId,
            files,
            QDateTime::fromMSecsSinceEpoch(time, Qt::UTC),
            id,
            QStringLiteral("imported"),
            QStringLiteral("arium:") + id);
        if (!made)
            return std::unexpected(made.error());
        if (*made)
            ++context.report.snapshots;
    }
    return {};
}
