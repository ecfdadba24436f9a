#include "TaskExport.h"

#include <memory>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include "Blobs.h"
#include "Diff.h"
#include "Events.h"
#include "FileVersions.h"
#include "Files.h"
#include "OrcLayout.h"
#include "Store.h"
#include "TasksJson.h"
#include "Transcripts.h"

namespace {

// lupdate files a tr() under the namespace or class of the function that calls it. Call this one from
// TaskExport's functions only; a class declares Q_DECLARE_TR_FUNCTIONS(TaskExport) instead.
QString tr(const char *text)
{
    return QCoreApplication::translate("TaskExport", text);
}

const QString manifestName = QStringLiteral("manifest.json");

// Where an export's files go: a folder or a zip. Each keeps the manifest's rows as files come.
class Sink
{
public:
    virtual ~Sink() = default;
    [[nodiscard]] Result<void> add(const QString &path, const QByteArray &bytes)
    {
        m_files.append(QJsonObject{ { QStringLiteral("path"), path },
            { QStringLiteral("size"), qint64(bytes.size()) },
            { QStringLiteral("sha256"),
                QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) } });
        m_bytes += bytes.size();
        return write(path, bytes);
    }
    // Writes the manifest and puts the whole export in place.
    [[nodiscard]] Result<void> finish(QJsonObject manifest)
    {
        manifest.insert(QStringLiteral("files"), m_files);
        if (auto written = write(manifestName, QJsonDocument(manifest).toJson(QJsonDocument::Indented)); !written)
            return written;
        return commit();
    }
    // Removes everything written.
    virtual void abandon() = 0;
    [[nodiscard]] int files() const { return int(m_files.size()); }
    [[nodiscard]] qint64 bytes() const { return m_bytes; }

protected:
    [[nodiscard]] virtual Result<void> write(const QString &path, const QByteArray &bytes) = 0;
    [[nodiscard]] virtual Result<void> commit() = 0;

private:
    QJsonArray m_files;
    qint64 m_bytes = 0;
};

// A folder written under a hidden name beside the target, renamed into place when whole.
class FolderSink final : public Sink
{
    Q_DECLARE_TR_FUNCTIONS(TaskExport)

public:
    static Result<std::unique_ptr<FolderSink>> open(const QString &target)
    {
        const QFileInfo info(target);
        if (info.exists()
            && !(info.isDir() && QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)))
            return fail(Error::Code::InvalidArgument,
                tr("%1 already exists; choose a new name or an empty folder").arg(QDir::toNativeSeparators(target)));
        if (auto parent = Files::makeFolder(info.absolutePath()); !parent)
            return std::unexpected(parent.error());
        auto sink = std::unique_ptr<FolderSink>(new FolderSink(info.absoluteFilePath()));
        if (!sink->m_temporary.isValid())
            return fail(Error::Code::PermissionDenied,
                tr("cannot write in %1: %2")
                    .arg(QDir::toNativeSeparators(info.absolutePath()), sink->m_temporary.errorString()));
        return sink;
    }
    ~FolderSink() override { abandon(); }
    void abandon() override
    {
        (void)m_writes.finish();
        m_temporary.remove();
    }

protected:
    Result<void> write(const QString &path, const QByteArray &bytes) override
    {
        const QString file = m_temporary.path() + u'/' + path;
        const QString folder = QFileInfo(file).absolutePath();
        if (!m_folders.contains(folder)) {
            if (auto made = Files::makeFolder(folder); !made)
                return made;
            m_folders.insert(folder);
        }
        if (!m_writes.add(file, bytes))
            return m_writes.finish();
        return {};
    }
    Result<void> commit() override
    {
        if (auto written = m_writes.finish(); !written)
            return written;
        if (QFileInfo(m_target).isDir() && !QDir().rmdir(m_target))
            return fail(
                Error::Code::Io, tr("cannot replace the empty folder %1").arg(QDir::toNativeSeparators(m_target)));
        if (!QDir().rename(m_temporary.path(), m_target))
            return fail(
                Error::Code::Io, tr("cannot move the export into place at %1").arg(QDir::toNativeSeparators(m_target)));
        m_temporary.setAutoRemove(false);
        return {};
    }

private:
    explicit FolderSink(const QString &target)
        : m_target(target)
        , m_temporary(QFileInfo(target).absolutePath() + QStringLiteral("/.") + QFileInfo(target).fileName()
              + QStringLiteral(".partial-XXXXXX"))
    {}

    QString m_target;
    QTemporaryDir m_temporary;
    QSet<QString> m_folders;
    Files::ParallelWrites m_writes;
};

// A zip built inside a QSaveFile: the target appears only when the zip is whole.
class ZipSink final : public Sink
{
    Q_DECLARE_TR_FUNCTIONS(TaskExport)

public:
    static Result<std::unique_ptr<ZipSink>> open(const QString &target, const QDateTime &time)
    {
        if (QFileInfo::exists(target))
            return fail(Error::Code::InvalidArgument,
                tr("%1 already exists; choose a new name").arg(QDir::toNativeSeparators(target)));
        if (auto parent = Files::makeFolder(QFileInfo(target).absolutePath()); !parent)
            return std::unexpected(parent.error());
        auto sink = std::unique_ptr<ZipSink>(new ZipSink(target, time));
        if (!sink->m_file.open(QIODevice::WriteOnly))
            return fail(QFileInfo(QFileInfo(target).absolutePath()).isWritable() ? Error::Code::Io
                                                                                 : Error::Code::PermissionDenied,
                tr("cannot write %1: %2").arg(QDir::toNativeSeparators(target), sink->m_file.errorString()));
        sink->m_zip.setAutoClose(false);
        if (!sink->m_zip.open(QuaZip::mdCreate))
            return fail(Error::Code::Io, tr("cannot start the zip %1").arg(QDir::toNativeSeparators(target)));
        return sink;
    }
    ~ZipSink() override { abandon(); }
    void abandon() override
    {
        if (m_zip.isOpen())
            m_zip.close();
        if (m_file.isOpen())
            m_file.cancelWriting();
    }

protected:
    Result<void> write(const QString &path, const QByteArray &bytes) override
    {
        QuaZipFile entry(&m_zip);
        QuaZipNewInfo info(path);
        info.dateTime = m_time;
        info.setPermissions(
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        if (!entry.open(QIODevice::WriteOnly, info, nullptr, 0, Z_DEFLATED, 6) || entry.write(bytes) != bytes.size())
            return fail(Error::Code::Io, tr("cannot write %1 into the zip: %2").arg(path, m_file.errorString()));
        entry.close();
        if (entry.getZipError() != ZIP_OK || m_file.error() != QFileDevice::NoError)
            return fail(Error::Code::Io, tr("cannot write %1 into the zip: %2").arg(path, m_file.errorString()));
        return {};
    }
    Result<void> commit() override
    {
        m_zip.close();
        if (m_zip.getZipError() != ZIP_OK)
            return fail(Error::Code::Io, tr("cannot finish the zip: %1").arg(m_file.errorString()));
        if (!m_file.commit())
            return fail(Error::Code::Io,
                tr("cannot save %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
        return {};
    }

private:
    ZipSink(const QString &target, const QDateTime &time)
        : m_file(target)
        , m_zip(&m_file)
        , m_time(time)
    {}

    QSaveFile m_file;
    QuaZip m_zip;
    QDateTime m_time;
};

QByteArray jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

// Every message of a session, oldest first.
Result<QList<Message>> allMessages(Store &store, qint64 sessionId)
{
    QList<Message> all;
    std::optional<qint64> after;
    for (;;) {
        auto page = Transcripts::messages(store, sessionId, after, 1000);
        if (!page)
            return std::unexpected(page.error());
        all += *page;
        if (page->size() < 1000)
            return all;
        after = page->last().seq;
    }
}

QByteArray transcriptMarkdown(const QString &title, const QList<Message> &messages)
{
    QByteArray out = "# " + title.toUtf8() + "\n";
    for (const Message &message : messages) {
        out += "\n## " + message.role.toUtf8() + " · " + message.kind.toUtf8() + " · "
            + isoTime(message.timestamp).toUtf8() + "\n\n";
        out += message.text.toUtf8();
        if (!out.endsWith('\n'))
            out += '\n';
    }
    return out;
}

QByteArray transcriptJsonLines(const QList<Message> &messages)
{
    QByteArray out;
    for (const Message &message : messages) {
        QJsonObject line{ { QStringLiteral("seq"), message.seq },
            { QStringLiteral("role"), message.role },
            { QStringLiteral("kind"), message.kind },
            { QStringLiteral("time"), isoTime(message.timestamp) },
            { QStringLiteral("text"), message.text } };
        if (!message.task.isEmpty())
            line.insert(QStringLiteral("task"), message.task);
        if (!message.phase.isEmpty())
            line.insert(QStringLiteral("phase"), message.phase);
        if (message.inputTokens)
            line.insert(QStringLiteral("input_tokens"), *message.inputTokens);
        if (message.outputTokens)
            line.insert(QStringLiteral("output_tokens"), *message.outputTokens);
        line.insert(QStringLiteral("raw"), message.raw);
        out += jsonLine(line);
    }
    return out;
}

QString cell(const QString &text)
{
    QString flat = text;
    flat.replace(u'|', QStringLiteral("\\|")).replace(u'\n', u' ');
    return flat;
}

QByteArray summaryMarkdown(const Tasks::Task &task,
    const QList<Tasks::Phase> &phases,
    const QList<Tasks::Decision> &decisions,
    const QList<Tasks::Comment> &comments,
    const QStringList &dependencies)
{
    QString out = QStringLiteral("# %1: %2\n\n").arg(task.key, task.title);
    out += QStringLiteral("| | |\n|---|---|\n");
    const auto row = [&out](const QString &name, const QString &value) {
        if (!value.isEmpty())
            out += QStringLiteral("| %1 | %2 |\n").arg(name, cell(value));
    };
    row(QStringLiteral("Project"), task.projectName);
    row(QStringLiteral("Status"), task.status);
    row(QStringLiteral("Current phase"), task.currentPhase);
    row(QStringLiteral("Weight"), task.weight);
    row(QStringLiteral("Priority"), task.priority);
    row(QStringLiteral("Category"), task.category);
    row(QStringLiteral("Branch"), task.branch);
    row(QStringLiteral("Initiative"), task.initiativeKey);
    row(QStringLiteral("Created"), task.createdAt.isValid() ? isoTime(task.createdAt) : QString());
    row(QStringLiteral("Completed"), task.completedAt.isValid() ? isoTime(task.completedAt) : QString());
    row(QStringLiteral("Cost"), task.costUsd ? QStringLiteral("$%1").arg(*task.costUsd, 0, 'f', 4) : QString());
    row(QStringLiteral("Depends on"), dependencies.join(QStringLiteral(", ")));
    if (!task.description.isEmpty())
        out += QStringLiteral("\n## Description\n\n%1\n").arg(task.description);
    if (!phases.isEmpty()) {
        out += QStringLiteral("\n## Phases\n\n| Phase | Status | Iterations | Started | Completed | Tokens in | "
                              "Tokens out | Cost | Error |\n|---|---|---|---|---|---|---|---|---|\n");
        for (const Tasks::Phase &phase : phases)
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 |\n")
                       .arg(cell(phase.name), cell(phase.status))
                       .arg(phase.iterations.value_or(0))
                       .arg(isoTime(phase.startedAt), isoTime(phase.completedAt))
                       .arg(phase.inputTokens.value_or(0))
                       .arg(phase.outputTokens.value_or(0))
                       .arg(phase.costUsd ? QStringLiteral("$%1").arg(*phase.costUsd, 0, 'f', 4) : QStringLiteral("-"))
                       .arg(cell(phase.error));
    }
    if (!decisions.isEmpty()) {
        out += QStringLiteral("\n## Gate decisions\n\n| Time | Phase | Gate | Approved | Reason | By |\n"
                              "|---|---|---|---|---|---|\n");
        for (const Tasks::Decision &decision : decisions)
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                       .arg(isoTime(decision.decidedAt),
                           cell(decision.phase),
                           cell(decision.gate),
                           decision.approved ? QStringLiteral("yes") : QStringLiteral("no"),
                           cell(decision.reason),
                           cell(decision.decidedBy));
    }
    if (!comments.isEmpty()) {
        out += QStringLiteral("\n## Comments\n");
        for (const Tasks::Comment &comment : comments) {
            out += QStringLiteral("\n- **%1**").arg(comment.author.isEmpty() ? comment.authorKind : comment.author);
            if (!comment.path.isEmpty())
                out += QStringLiteral(" on `%1:%2`").arg(comment.path).arg(comment.line.value_or(0));
            if (!comment.severity.isEmpty())
                out += QStringLiteral(" (%1, %2)").arg(comment.severity, comment.status);
            out += QStringLiteral(", %1: %2\n").arg(isoTime(comment.createdAt), comment.text);
        }
    }
    return out.toUtf8();
}

} // namespace

namespace TaskExport {

QString safeName(const QString &name)
{
    QString safe;
    safe.reserve(name.size());
    for (const QChar c : name)
        safe += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'.' || c == u'-' || c == u'_' ? c : u'_';
    while (safe.startsWith(u'.'))
        safe[0] = u'_';
    if (safe.isEmpty())
        safe = QStringLiteral("_");
    return safe.left(100);
}

Result<Exported> run(Store &store, const Tasks::Task &task, const Options &options)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::unique_ptr<Sink> sink;
    if (options.zip) {
        auto opened = ZipSink::open(options.target, now);
        if (!opened)
            return std::unexpected(opened.error());
        sink = std::move(*opened);
    } else {
        auto opened = FolderSink::open(options.target);
        if (!opened)
            return std::unexpected(opened.error());
        sink = std::move(*opened);
    }

    // Everything the export holds is read before the first file is written.
    auto detail = Tasks::detail(store, task);
    if (!detail)
        return std::unexpected(detail.error());
    const auto &phases = detail->phases;
    const auto &decisions = detail->decisions;
    const auto &comments = detail->comments;
    const auto &dependencies = detail->dependencies;
    const auto &artifacts = detail->artifacts;
    const auto &runs = detail->runs;
    const auto &sessions = detail->sessions;
    const auto &versions = detail->versionIds;

    const int total = 4 + int(sessions.size()) * 2 + int(versions.size()) + int(artifacts.size());
    int done = 0;
    const auto step = [&]() -> Result<void> {
        if (options.progress)
            options.progress(done++, total);
        if (options.cancelled && options.cancelled())
            return fail(Error::Code::Cancelled, tr("the export was cancelled; nothing was left at the target"));
        return {};
    };
    const auto add = [&](const QString &path, const QByteArray &bytes) -> Result<void> {
        if (auto going = step(); !going)
            return going;
        return sink->add(path, bytes);
    };
    const auto failed = [&](const Error &error) -> Result<Exported> {
        sink->abandon();
        return std::unexpected(error);
    };

    if (options.layout == Layout::Orc) {
        QList<Message> messages;
        for (const Tasks::TaskSession &session : std::as_const(sessions)) {
            auto read = allMessages(store, session.id);
            if (!read)
                return failed(read.error());
            for (const Message &message : std::as_const(*read))
                if (message.task == task.key)
                    messages.append(message);
        }
        std::stable_sort(messages.begin(), messages.end(), [](const Message &a, const Message &b) {
            return std::pair(a.timestamp.toMSecsSinceEpoch(), a.id) < std::pair(b.timestamp.toMSecsSinceEpoch(), b.id);
        });
        const OrcLayout::Files files = OrcLayout::build(task, phases, decisions, messages, now);
        for (const auto &[path, bytes] : files) {
            if (auto added = add(path, bytes); !added)
                return failed(added.error());
        }
    } else {
        // The task, whole, and a summary to read.
        QJsonObject json = TasksJson::of(task);
        const auto array = [](const auto &items) {
            QJsonArray out;
            for (const auto &item : items)
                out.append(TasksJson::of(item));
            return out;
        };
        json.insert(QStringLiteral("phases"), array(phases));
        json.insert(QStringLiteral("decisions"), array(decisions));
        json.insert(QStringLiteral("comments"), array(comments));
        json.insert(QStringLiteral("depends_on"), QJsonArray::fromStringList(dependencies));
        json.insert(QStringLiteral("artifacts"), array(artifacts));
        json.insert(QStringLiteral("runs"), array(runs));
        json.insert(QStringLiteral("sessions"), array(sessions));
        if (auto added = add(QStringLiteral("task.json"), QJsonDocument(json).toJson(QJsonDocument::Indented)); !added)
            return failed(added.error());
        if (auto added
            = add(QStringLiteral("summary.md"), summaryMarkdown(task, phases, decisions, comments, dependencies));
            !added)
            return failed(added.error());

        // Transcripts, one conversation a file in each form.
        int number = 0;
        for (const Tasks::TaskSession &session : std::as_const(sessions)) {
            auto messages = allMessages(store, session.id);
            if (!messages)
                return failed(messages.error());
            const QString base = QStringLiteral("transcripts/%1-%2-session%3")
                                     .arg(++number, 3, 10, QLatin1Char('0'))
                                     .arg(safeName(session.phase.isEmpty() ? QStringLiteral("chat") : session.phase))
                                     .arg(session.id);
            if (auto added = add(base + QStringLiteral(".md"), transcriptMarkdown(session.title, *messages)); !added)
                return failed(added.error());
            if (auto added = add(base + QStringLiteral(".jsonl"), transcriptJsonLines(*messages)); !added)
                return failed(added.error());
        }

        // Each file change as a patch against the version before it.
        number = 0;
        for (const qint64 id : std::as_const(versions)) {
            auto version = FileVersions::version(store, id);
            if (!version)
                return failed(version.error());
            if (!*version)
                continue;
            QByteArray before;
            if ((*version)->previousId) {
                auto previous = FileVersions::version(store, *(*version)->previousId);
                if (!previous)
                    return failed(previous.error());
                if (*previous) {
                    auto content = FileVersions::content(store, **previous);
                    if (!content)
                        return failed(content.error());
                    before = *content;
                }
            }
            auto after = FileVersions::content(store, **version);
            if (!after)
                return failed(after.error());
            auto diff = Diff::compare(before, *after);
            if (!diff)
                return failed(diff.error());
            const QString path = (*version)->path;
            QByteArray patch = Diff::unified(*diff, (*version)->previousId ? path : QStringLiteral("/dev/null"), path);
            if (!(*version)->previousId)
                patch.replace("--- a//dev/null", "--- /dev/null");
            if (auto added = add(QStringLiteral("changes/%1-%2.patch")
                                     .arg(++number, 4, 10, QLatin1Char('0'))
                                     .arg(safeName(QString(path).replace(u'/', u'_'))),
                    patch);
                !added)
                return failed(added.error());
        }

        // Attachments and outputs, as their own files.
        QSet<QString> names;
        for (const Tasks::Artifact &artifact : std::as_const(artifacts)) {
            auto content = Blobs::get(store, artifact.blobId);
            if (!content)
                return failed(content.error());
            QString name = artifact.kind == u"output"
                ? QStringLiteral("outputs/%1-%2.md").arg(safeName(artifact.phase), safeName(artifact.name))
                : QStringLiteral("attachments/") + safeName(artifact.name);
            for (int n = 2; names.contains(name); ++n)
                name = QStringLiteral("%1-%2").arg(name).arg(n);
            names.insert(name);
            if (auto added = add(name, *content); !added)
                return failed(added.error());
        }

        // The task's events, oldest first.
        QByteArray events;
        Events::Filter filter;
        filter.taskId = task.id;
        std::optional<Events::Cursor> after;
        for (;;) {
            auto page = Events::page(store, filter, after, 1000);
            if (!page)
                return failed(page.error());
            for (const Events::Event &event : std::as_const(*page))
                events += jsonLine(TasksJson::of(event));
            if (page->size() < 1000)
                break;
            after = Events::cursorOf(page->last());
        }
        if (auto added = add(QStringLiteral("events.jsonl"), events); !added)
            return failed(added.error());
    }

    if (auto going = step(); !going)
        return failed(going.error());
    const QJsonObject manifest{ { QStringLiteral("format"), QStringLiteral("strata-task-export") },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("layout"), options.layout == Layout::Orc ? QStringLiteral("orc") : QStringLiteral("strata") },
        { QStringLiteral("task"), task.key },
        { QStringLiteral("title"), task.title },
        { QStringLiteral("project"), task.projectName },
        { QStringLiteral("exported_at"), now.toString(Qt::ISODate) } };
    if (auto finished = sink->finish(manifest); !finished)
        return failed(finished.error());
    if (options.progress)
        options.progress(total, total);
    return Exported{ options.target, sink->files(), sink->bytes() };
}

Result<QStringList> verify(const QString &path)
{
    // The files as they are: from the folder, or from the zip.
    QHash<QString, QByteArray> present;
    const QFileInfo info(path);
    if (!info.exists())
        return fail(Error::Code::NotFound, tr("%1 does not exist").arg(QDir::toNativeSeparators(path)));
    if (info.isDir()) {
        QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile read(file);
            if (!read.open(QIODevice::ReadOnly))
                return fail(Error::Code::PermissionDenied,
                    tr("cannot read %1: %2").arg(QDir::toNativeSeparators(file), read.errorString()));
            present.insert(QDir(path).relativeFilePath(file), read.readAll());
        }
    } else {
        QuaZip zip(path);
        if (!zip.open(QuaZip::mdUnzip))
            return fail(Error::Code::Corrupt,
                tr("%1 is neither a folder nor a readable zip").arg(QDir::toNativeSeparators(path)));
        for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
            QuaZipFile entry(&zip);
            if (!entry.open(QIODevice::ReadOnly))
                return fail(Error::Code::Corrupt, tr("cannot read %1 in the zip").arg(zip.getCurrentFileName()));
            const QByteArray bytes = entry.readAll();
            entry.close();
            if (entry.getZipError() != UNZ_OK)
                return fail(Error::Code::Corrupt, tr("%1 in the zip is damaged").arg(zip.getCurrentFileName()));
            present.insert(zip.getCurrentFileName(), bytes);
        }
        if (zip.getZipError() != UNZ_OK)
            return fail(Error::Code::Corrupt, tr("the zip %1 is damaged").arg(QDir::toNativeSeparators(path)));
    }
    QJsonParseError error;
    const QJsonDocument manifest = QJsonDocument::fromJson(present.value(manifestName), &error);
    if (!present.contains(manifestName) || error.error != QJsonParseError::NoError || !manifest.isObject())
        return fail(Error::Code::Corrupt,
            tr("%1 has no readable manifest.json, so it cannot be checked").arg(QDir::toNativeSeparators(path)));
    present.remove(manifestName);

    QStringList problems;
    for (const QJsonValue &value : manifest.object().value(u"files").toArray()) {
        const QJsonObject file = value.toObject();
        const QString name = file.value(u"path").toString();
        if (!present.contains(name)) {
            problems << tr("missing: %1").arg(name);
            continue;
        }
        const QByteArray bytes = present.take(name);
        if (bytes.size() != file.value(u"size").toInteger()
            || QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()
                != file.value(u"sha256").toString().toLatin1())
            problems << tr("altered: %1").arg(name);
    }
    QStringList extra = present.keys();
    extra.sort();
    for (const QString &name : std::as_const(extra))
        problems << tr("extra: %1").arg(name);
    return problems;
}

} // namespace TaskExport
