// strata-cli tasks, task and events: what orchestrators did, from the store (see Tasks, Events).

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "Cli.h"
#include "Events.h"
#include "FileVersions.h"
#include "Jobs.h"
#include "Segments.h"
#include "Store.h"
#include "TaskExport.h"
#include "Tasks.h"
#include "TasksJson.h"

namespace {

QString shortTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

QString money(const std::optional<double> &cost)
{
    return cost ? QStringLiteral("$%1").arg(*cost, 0, 'f', 4) : QStringLiteral("-");
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

template <typename T>
QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(TasksJson::of(item));
    return array;
}

} // namespace

int Cli::tasks(QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("tasks takes no arguments; `strata-cli task ID` shows one"));
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    Tasks::Filter filter;
    auto project = projectOption(parser, *store);
    if (!project)
        return failedOption(project.error());
    filter.projectId = *project;
    filter.status = parser.value(QStringLiteral("status"));
    filter.text = parser.value(QStringLiteral("search"));
    QList<Tasks::Task> all;
    std::optional<qint64> after;
    for (;;) {
        auto page = Tasks::list(*store, filter, after, 1000);
        if (!page)
            return failed(page.error());
        all += *page;
        if (page->size() < 1000)
            break;
        after = page->last().id;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        m_out << QString::fromUtf8(QJsonDocument(arrayOf(all)).toJson(QJsonDocument::Compact)) << '\n';
        m_out.flush();
        return Done;
    }
    if (all.isEmpty()) {
        m_out << tr("No tasks. Import an orchestrator's data (strata-cli import --format orc PATH) to see its tasks.")
              << '\n';
        m_out.flush();
        return Done;
    }
    m_out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                 .arg(tr("ID"), -5)
                 .arg(tr("TASK"), -10)
                 .arg(tr("STATUS"), -10)
                 .arg(tr("PHASE"), -10)
                 .arg(tr("CREATED (UTC)"), -16)
                 .arg(tr("COST"), 9)
                 .arg(tr("TITLE"));
    for (const Tasks::Task &task : std::as_const(all))
        m_out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                     .arg(task.id, -5)
                     .arg(task.key, -10)
                     .arg(orDash(task.status), -10)
                     .arg(orDash(task.currentPhase), -10)
                     .arg(shortTime(task.createdAt), -16)
                     .arg(money(task.costUsd), 9)
                     .arg(task.title);
    m_out.flush();
    return Done;
}

int Cli::task(QCommandLineParser &parser)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 1)
        return usageError(tr("task takes one task: its id in the store or its key (TASK-001)"));
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    auto task = Tasks::resolve(*store, arguments.first());
    if (!task)
        return failed(task.error());
    auto detail = Tasks::detail(*store, *task);
    if (!detail)
        return failed(detail.error());
    const auto &phases = detail->phases;
    const auto &decisions = detail->decisions;
    const auto &comments = detail->comments;
    const auto &dependencies = detail->dependencies;
    const auto &artifacts = detail->artifacts;
    const auto &runs = detail->runs;
    const auto &sessions = detail->sessions;
    const auto &versions = detail->versionIds;
    QList<FileVersions::Version> changes;
    for (const qint64 id : std::as_const(versions)) {
        auto version = FileVersions::version(*store, id);
        if (!version)
            return failed(version.error());
        if (*version)
            changes.append(**version);
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject object = TasksJson::of(*task);
        object.insert(QStringLiteral("phases"), arrayOf(phases));
        object.insert(QStringLiteral("decisions"), arrayOf(decisions));
        object.insert(QStringLiteral("comments"), arrayOf(comments));
        object.insert(QStringLiteral("depends_on"), QJsonArray::fromStringList(dependencies));
        object.insert(QStringLiteral("artifacts"), arrayOf(artifacts));
        object.insert(QStringLiteral("runs"), arrayOf(runs));
        object.insert(QStringLiteral("sessions"), arrayOf(sessions));
        QJsonArray changed;
        for (const FileVersions::Version &version : std::as_const(changes))
            changed.append(QJsonObject{ { QStringLiteral("version"), version.id },
                { QStringLiteral("path"), version.path },
                { QStringLiteral("added"), version.added },
                { QStringLiteral("removed"), version.removed } });
        object.insert(QStringLiteral("file_changes"), changed);
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
        m_out.flush();
        return Done;
    }

    const QLocale locale;
    m_out << QStringLiteral("%1  %2\n").arg(task->key, task->title);
    const auto field = [this](const QString &name, const QString &value) {
        if (!value.isEmpty())
            m_out << QStringLiteral("  %1 %2\n").arg(name + u':', -14).arg(value);
    };
    field(tr("Project"), QStringLiteral("%1 (%2)").arg(task->projectName).arg(task->projectId));
    field(tr("Status"), task->status);
    field(tr("Phase"), task->currentPhase);
    field(tr("Weight"), task->weight);
    field(tr("Priority"), task->priority);
    field(tr("Category"), task->category);
    field(tr("Branch"), task->branch);
    field(tr("Initiative"), task->initiativeKey);
    field(tr("Created"), task->createdAt.isValid() ? shortTime(task->createdAt) : QString());
    field(tr("Started"), task->startedAt.isValid() ? shortTime(task->startedAt) : QString());
    field(tr("Completed"), task->completedAt.isValid() ? shortTime(task->completedAt) : QString());
    field(tr("Cost"), task->costUsd ? money(task->costUsd) : QString());
    if (task->inputTokens || task->outputTokens)
        field(tr("Tokens"),
            tr("%1 in, %2 out")
                .arg(locale.toString(task->inputTokens.value_or(0)), locale.toString(task->outputTokens.value_or(0))));
    field(tr("Depends on"), dependencies.join(QStringLiteral(", ")));
    if (!task->description.isEmpty())
        m_out << '\n' << task->description << '\n';

    if (!phases.isEmpty()) {
        m_out << '\n' << tr("Phases") << '\n';
        for (const Tasks::Phase &phase : std::as_const(phases)) {
            m_out << QStringLiteral("  %1  %2  %3  %4  %5  %6\n")
                         .arg(phase.name, -12)
                         .arg(orDash(phase.status), -10)
                         .arg(tr("iterations: %1").arg(phase.iterations.value_or(0)), -14)
                         .arg(shortTime(phase.startedAt), -16)
                         .arg(money(phase.costUsd), 9)
                         .arg(phase.error);
        }
    }
    if (!decisions.isEmpty()) {
        m_out << '\n' << tr("Gate decisions") << '\n';
        for (const Tasks::Decision &decision : std::as_const(decisions))
            m_out << QStringLiteral("  %1  %2  %3  %4  %5\n")
                         .arg(shortTime(decision.decidedAt), -16)
                         .arg(decision.phase, -12)
                         .arg(decision.gate, -6)
                         .arg(decision.approved ? tr("approved") : tr("rejected"), -9)
                         .arg(decision.reason);
    }
    if (!comments.isEmpty()) {
        m_out << '\n' << tr("Comments") << '\n';
        for (const Tasks::Comment &comment : std::as_const(comments)) {
            const QString where
                = comment.path.isEmpty() ? QString() : QStringLiteral(" %1:%2").arg(comment.path).arg(*comment.line);
            m_out << QStringLiteral("  %1  %2%3%4: %5\n")
                         .arg(shortTime(comment.createdAt))
                         .arg(orDash(comment.author))
                         .arg(comment.severity.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(comment.severity))
                         .arg(where)
                         .arg(comment.text);
        }
    }
    if (!artifacts.isEmpty()) {
        m_out << '\n' << tr("Attachments and outputs") << '\n';
        for (const Tasks::Artifact &artifact : std::as_const(artifacts))
            m_out << QStringLiteral("  %1  %2  %3  %4\n")
                         .arg(artifact.kind, -10)
                         .arg(artifact.name, -20)
                         .arg(locale.formattedDataSize(artifact.size), 10)
                         .arg(artifact.contentType);
    }
    if (!runs.isEmpty()) {
        m_out << '\n' << tr("Workflow runs") << '\n';
        for (const Tasks::WorkflowRun &run : std::as_const(runs))
            m_out << QStringLiteral("  %1  %2  %3  %4\n")
                         .arg(run.key, -8)
                         .arg(run.workflow, -18)
                         .arg(orDash(run.status), -10)
                         .arg(run.error);
    }
    if (!sessions.isEmpty()) {
        m_out << '\n' << tr("Transcripts") << '\n';
        for (const Tasks::TaskSession &session : std::as_const(sessions))
            m_out << QStringLiteral("  %1  %2  %3  %4\n")
                         .arg(session.id, -6)
                         .arg(orDash(session.phase), -12)
                         .arg(tr("messages: %1").arg(session.messages), -14)
                         .arg(session.title);
    }
    if (!changes.isEmpty()) {
        m_out << '\n' << tr("File changes") << '\n';
        for (const FileVersions::Version &version : std::as_const(changes))
            m_out << QStringLiteral("  %1  +%2 -%3  %4\n")
                         .arg(version.id, -6)
                         .arg(version.added)
                         .arg(version.removed)
                         .arg(version.path);
    }
    m_out.flush();
    return Done;
}

int Cli::events(QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("events takes no arguments; filter with --project, --task, --type, --since, --until"));
    bool isNumber = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&isNumber);
    if (!isNumber || limit < 0)
        return usageError(tr("--limit takes a number (0 for all)"));
    Events::Filter filter;
    if (!timeOption(parser.value(QStringLiteral("since")), &filter.from)
        || !timeOption(parser.value(QStringLiteral("until")), &filter.to))
        return usageError(
            tr("--since and --until take an ISO 8601 date or time, such as 2025-08-01 or 2025-08-01T14:00Z"));
    for (const QString &type : parser.value(QStringLiteral("type")).split(u',', Qt::SkipEmptyParts))
        filter.types << type.trimmed();
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    auto project = projectOption(parser, *store);
    if (!project)
        return failedOption(project.error());
    filter.projectId = *project;
    if (const QString name = parser.value(QStringLiteral("task")); !name.isEmpty()) {
        auto task = Tasks::resolve(*store, name);
        if (!task)
            return failed(task.error());
        filter.taskId = task->id;
    }

    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonArray array;
    std::optional<Events::Cursor> after;
    qint64 shown = 0;
    while (limit == 0 || shown < limit) {
        const int want = limit == 0 ? 1000 : int(std::min<qint64>(1000, limit - shown));
        auto page = Events::page(*store, filter, after, want);
        if (!page)
            return failed(page.error());
        for (const Events::Event &event : std::as_const(*page)) {
            if (json) {
                array.append(TasksJson::of(event));
            } else {
                QString payload = QString::fromUtf8(event.payload);
                if (payload.size() > 200)
                    payload = payload.left(199) + u'…';
                m_out << QStringLiteral("%1  %2  %3  %4  %5\n")
                             .arg(event.timestamp.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                             .arg(event.type, -14)
                             .arg(orDash(event.taskKey), -10)
                             .arg(orDash(event.phase), -10)
                             .arg(payload);
            }
        }
        shown += page->size();
        if (page->size() < want)
            break;
        after = Events::cursorOf(page->last());
    }
    if (json)
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << '\n';
    else if (shown == 0)
        m_out << tr("No events match.") << '\n';
    m_out.flush();
    return Done;
}

int Cli::exportTask(QCommandLineParser &parser)
{
    const QStringList arguments = parser.positionalArguments();
    const QString target = parser.value(QStringLiteral("to"));
    if (arguments.size() != 1 || target.isEmpty())
        return usageError(tr("use: export TASK --to PATH [--zip] [--layout strata|orc]"));
    const QString layout = parser.value(QStringLiteral("layout"));
    if (layout != u"strata" && layout != u"orc")
        return usageError(tr("--layout takes strata or orc"));
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    auto task = Tasks::resolve(*store, arguments.first());
    if (!task)
        return failed(task.error());
    TaskExport::Options options;
    options.target = QFileInfo(target).absoluteFilePath();
    options.zip = parser.isSet(QStringLiteral("zip"));
    options.layout = layout == u"orc" ? TaskExport::Layout::Orc : TaskExport::Layout::Strata;
    auto exported = TaskExport::run(*store, *task, options);
    if (!exported)
        return failed(exported.error());
    if (parser.isSet(QStringLiteral("json"))) {
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject{ { QStringLiteral("task"), task->key },
                                                     { QStringLiteral("path"), exported->target },
                                                     { QStringLiteral("files"), exported->files },
                                                     { QStringLiteral("bytes"), exported->bytes } })
                                       .toJson(QJsonDocument::Compact))
              << '\n';
    } else {
        m_out << tr("Exported %1 to %2: %3 files and a manifest.")
                     .arg(task->key, QDir::toNativeSeparators(exported->target))
                     .arg(exported->files)
              << '\n';
    }
    m_out.flush();
    return Done;
}

int Cli::verifyExport(QCommandLineParser &parser)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 1)
        return usageError(tr("verify-export takes one folder or zip"));
    auto problems = TaskExport::verify(arguments.first());
    if (!problems)
        return failed(problems.error());
    if (parser.isSet(QStringLiteral("json"))) {
        m_out << QString::fromUtf8(
            QJsonDocument(QJsonObject{ { QStringLiteral("ok"), problems->isEmpty() },
                              { QStringLiteral("problems"), QJsonArray::fromStringList(*problems) } })
                .toJson(QJsonDocument::Compact))
              << '\n';
    } else if (problems->isEmpty()) {
        m_out << tr("%1 matches its manifest.").arg(QDir::toNativeSeparators(arguments.first())) << '\n';
    } else {
        for (const QString &problem : std::as_const(*problems))
            m_err << problem << '\n';
        m_err << tr("%1 does not match its manifest.").arg(QDir::toNativeSeparators(arguments.first())) << '\n';
    }
    m_out.flush();
    m_err.flush();
    return problems->isEmpty() ? Done : Failed;
}

int Cli::segments(QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("segments takes no arguments; filter with --project, --task, --file, --tag"));
    const QString by = parser.value(QStringLiteral("by"));
    if (!by.isEmpty() && by != u"task" && by != u"file" && by != u"tag")
        return usageError(tr("--by takes task, file or tag"));
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    auto project = projectOption(parser, *store);
    if (!project)
        return failedOption(project.error());
    const bool json = parser.isSet(QStringLiteral("json"));
    if (!by.isEmpty()) {
        const Segments::Facet facet = by == u"task" ? Segments::Facet::Task
            : by == u"file"                         ? Segments::Facet::Path
                                                    : Segments::Facet::Tag;
        auto counts = Segments::facet(*store, facet, *project);
        if (!counts)
            return failed(counts.error());
        QJsonObject object;
        for (const auto &[name, count] : std::as_const(*counts)) {
            if (json)
                object.insert(name, count);
            else
                m_out << QStringLiteral("%1  %2\n").arg(count, 5).arg(name);
        }
        if (json)
            m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
        m_out.flush();
        return Done;
    }
    Segments::Filter filter;
    filter.projectId = *project;
    filter.task = parser.value(QStringLiteral("task"));
    filter.path = parser.value(QStringLiteral("file"));
    filter.tag = parser.value(QStringLiteral("tag"));
    QJsonArray array;
    std::optional<qint64> after;
    int shown = 0;
    for (;;) {
        auto page = Segments::list(*store, filter, after, 500);
        if (!page)
            return failed(page.error());
        for (const Segments::Segment &segment : std::as_const(*page)) {
            if (json) {
                QJsonObject object{ { QStringLiteral("id"), segment.id },
                    { QStringLiteral("key"), segment.key },
                    { QStringLiteral("project"), segment.projectName },
                    { QStringLiteral("kind"), segment.kind },
                    { QStringLiteral("task"), segment.task },
                    { QStringLiteral("path"), segment.path },
                    { QStringLiteral("tags"), QJsonArray::fromStringList(segment.tags) },
                    { QStringLiteral("pinned"), segment.pinned },
                    { QStringLiteral("tier"), segment.tier },
                    { QStringLiteral("text"), segment.text } };
                if (segment.tokens)
                    object.insert(QStringLiteral("tokens"), *segment.tokens);
                if (segment.lineFrom)
                    object.insert(QStringLiteral("lines"), QJsonArray{ *segment.lineFrom, *segment.lineTo });
                if (segment.messageId)
                    object.insert(QStringLiteral("message_id"), *segment.messageId);
                if (segment.createdAt.isValid())
                    object.insert(QStringLiteral("created_at"), segment.createdAt.toString(Qt::ISODateWithMs));
                array.append(object);
            } else {
                QString text = segment.text.simplified();
                if (text.size() > 100)
                    text = text.left(99) + u'…';
                m_out << QStringLiteral("%1  %2  %3  %4  %5%6  %7\n")
                             .arg(shortTime(segment.createdAt))
                             .arg(segment.kind, -8)
                             .arg(orDash(segment.task), -16)
                             .arg(orDash(segment.tags.join(u',')), -20)
                             .arg(segment.pinned ? QStringLiteral("pinned ") : QString())
                             .arg(segment.tier)
                             .arg(text);
            }
            ++shown;
        }
        if (page->size() < 500)
            break;
        after = page->last().id;
    }
    if (json)
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << '\n';
    else if (shown == 0)
        m_out << tr("No context segments match.") << '\n';
    m_out.flush();
    return Done;
}

int Cli::jobs(QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("jobs takes no arguments; filter with --project, --kind, --status"));
    const QString kind = parser.value(QStringLiteral("kind"));
    if (!kind.isEmpty() && kind != u"plan" && kind != u"run" && kind != u"agent" && kind != u"job")
        return usageError(tr("--kind takes plan, run, agent or job"));
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    auto project = projectOption(parser, *store);
    if (!project)
        return failedOption(project.error());
    Jobs::Filter filter{ *project, kind, parser.value(QStringLiteral("status")) };
    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonArray array;
    std::optional<qint64> after;
    int shown = 0;
    for (;;) {
        auto page = Jobs::list(*store, filter, after, 1000);
        if (!page)
            return failed(page.error());
        for (const Jobs::Job &job : std::as_const(*page)) {
            ++shown;
            if (json) {
                QJsonObject object{ { QStringLiteral("id"), job.id },
                    { QStringLiteral("project"), job.projectName },
                    { QStringLiteral("kind"), job.kind },
                    { QStringLiteral("key"), job.key },
                    { QStringLiteral("name"), job.name },
                    { QStringLiteral("status"), job.status },
                    { QStringLiteral("details"), job.details } };
                if (job.attempts)
                    object.insert(QStringLiteral("attempts"), *job.attempts);
                if (job.maxAttempts)
                    object.insert(QStringLiteral("max_attempts"), *job.maxAttempts);
                if (job.runAt.isValid())
                    object.insert(QStringLiteral("run_at"), job.runAt.toString(Qt::ISODateWithMs));
                if (job.startedAt.isValid())
                    object.insert(QStringLiteral("started_at"), job.startedAt.toString(Qt::ISODateWithMs));
                if (job.completedAt.isValid())
                    object.insert(QStringLiteral("completed_at"), job.completedAt.toString(Qt::ISODateWithMs));
                if (!job.lastError.isEmpty())
                    object.insert(QStringLiteral("last_error"), job.lastError);
                array.append(object);
                continue;
            }
            m_out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                         .arg(job.kind, -6)
                         .arg(orDash(job.status), -10)
                         .arg(job.attempts ? QStringLiteral("%1/%2").arg(*job.attempts).arg(job.maxAttempts.value_or(0))
                                           : QStringLiteral("-"),
                             -5)
                         .arg(shortTime(job.runAt), -16)
                         .arg(shortTime(job.startedAt), -16)
                         .arg(job.name)
                         .arg(job.lastError);
        }
        if (page->size() < 1000)
            break;
        after = page->last().id;
    }
    if (json)
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << '\n';
    else if (shown == 0)
        m_out << tr("No plans, runs, agents or jobs. Import an Astro store: strata-cli import --format astro PATH")
              << '\n';
    m_out.flush();
    return Done;
}
