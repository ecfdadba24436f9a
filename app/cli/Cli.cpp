#include "Cli.h"

#include <cstdio>

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "BuildInfo.h"
#include "ImportReports.h"
#include "Importer.h"
#include "Projects.h"
#include "Search.h"
#include "Stats.h"
#include "Store.h"
#include "Verify.h"

namespace {

void addJsonOption(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("json"), Cli::tr("Print one JSON document on standard output.") });
}

void addProjectFilter(QCommandLineParser &parser)
{
    parser.addOption(
        { QStringLiteral("project"), Cli::tr("Only this project (a name or an id)."), QStringLiteral("P") });
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

void printJson(QTextStream &out, const QJsonDocument &document)
{
    out << QString::fromUtf8(document.toJson(QJsonDocument::Compact)) << '\n';
    out.flush();
}

} // namespace

Cli::Cli()
    : m_out(stdout)
    , m_err(stderr)
{}

const QList<Cli::Command> &Cli::commands() const
{
    static const QList<Command> list{
        { QStringLiteral("init"), QStringLiteral("init DIR"), tr("create an empty store in DIR"), &Cli::init, {} },
        { QStringLiteral("stats"),
            QStringLiteral("stats [--json]"),
            tr("counts of everything in the store"),
            &Cli::stats,
            addJsonOption },
        { QStringLiteral("verify"),
            QStringLiteral("verify [--json]"),
            tr("integrity and foreign-key checks; exit code 2 when a problem is found"),
            &Cli::verify,
            addJsonOption },
        { QStringLiteral("projects"),
            QStringLiteral("projects [--json]"),
            tr("the projects in the store"),
            &Cli::projects,
            addJsonOption },
        { QStringLiteral("import"),
            QStringLiteral("import [--format NAME] PATH... [--git-snapshots] [--json]"),
            tr("sync sources into the store; `import --list-formats` lists the formats"),
            &Cli::import,
            [](QCommandLineParser &parser) {
                addJsonOption(parser);
                parser.addOption({ QStringLiteral("format"),
                    Cli::tr("The source format (default: recognised from the path)."),
                    QStringLiteral("NAME") });
                parser.addOption({ QStringLiteral("list-formats"), Cli::tr("List the formats and exit.") });
                parser.addOption({ QStringLiteral("git-snapshots"),
                    Cli::tr("git: also keep every commit's whole tree as a snapshot.") });
            } },
        { QStringLiteral("search"),
            QStringLiteral("search QUERY [--project P] [--role R] [--since T] [--until T] [--limit N] [--json]"),
            tr("search every transcript: words, \"phrases\", prefix*, AND, OR, NOT"),
            &Cli::search,
            [](QCommandLineParser &parser) {
                addJsonOption(parser);
                addProjectFilter(parser);
                parser.addOption(
                    { QStringLiteral("session"), Cli::tr("Only this session (an id)."), QStringLiteral("ID") });
                parser.addOption({ QStringLiteral("role"),
                    Cli::tr("Only messages of this role: user, assistant, tool, system."),
                    QStringLiteral("R") });
                parser.addOption({ QStringLiteral("since"),
                    Cli::tr("Only messages at or after this time (ISO 8601)."),
                    QStringLiteral("T") });
                parser.addOption({ QStringLiteral("until"),
                    Cli::tr("Only messages before this time (ISO 8601)."),
                    QStringLiteral("T") });
                parser.addOption({ QStringLiteral("limit"),
                    Cli::tr("At most this many hits (default 50)."),
                    QStringLiteral("N"),
                    QStringLiteral("50") });
                parser.addOption({ QStringLiteral("order"),
                    Cli::tr("newest, relevance, or auto (default: ranked when there are few hits)."),
                    QStringLiteral("ORDER"),
                    QStringLiteral("auto") });
                parser.addOption({ QStringLiteral("count"), Cli::tr("Also count every hit (reads them all).") });
            } },
        { QStringLiteral("log"),
            QStringLiteral("log --project P FILE [--json]"),
            tr("the versions of one workspace file, newest first"),
            &Cli::log,
            [](QCommandLineParser &parser) {
                addJsonOption(parser);
                parser.addOption(
                    { QStringLiteral("project"), Cli::tr("The project (a name or an id)."), QStringLiteral("P") });
            } },
        { QStringLiteral("diff"),
            QStringLiteral("diff A B [--ignore-whitespace] [--context N]"),
            tr("unified diff of two versions; A and B are version ids or disk:PATH"),
            &Cli::diff,
            [](QCommandLineParser &parser) {
                parser.addOption({ { QStringLiteral("w"), QStringLiteral("ignore-whitespace") },
                    Cli::tr("Ignore all whitespace (git diff -w).") });
                parser.addOption({ QStringLiteral("ignore-space-change"),
                    Cli::tr("Ignore changes in the amount of whitespace (git diff -b).") });
                parser.addOption(
                    { QStringLiteral("ignore-space-at-eol"), Cli::tr("Ignore whitespace at the ends of lines.") });
                parser.addOption(
                    { QStringLiteral("ignore-blank-lines"), Cli::tr("Ignore lines that are added or removed empty.") });
                parser.addOption({ { QStringLiteral("U"), QStringLiteral("context") },
                    Cli::tr("Lines of context around each change (default 3; \"all\" for the whole file)."),
                    QStringLiteral("N"),
                    QStringLiteral("3") });
                parser.addOption({ QStringLiteral("minimal"), Cli::tr("The smallest diff (git diff --minimal).") });
                parser.addOption({ QStringLiteral("no-indent-heuristic"),
                    Cli::tr("Leave hunks where they are first found (git diff --no-indent-heuristic).") });
            } },
        { QStringLiteral("restore"),
            QStringLiteral("restore VERSION [--dry-run] [--yes]"),
            tr("put a version back into its workspace; what is on disk is kept as a version first"),
            &Cli::restore,
            [](QCommandLineParser &parser) {
                parser.addOption({ QStringLiteral("dry-run"), Cli::tr("Show what would change; write nothing.") });
                parser.addOption({ QStringLiteral("yes"), Cli::tr("Write the file.") });
            } },
        { QStringLiteral("snapshot"),
            QStringLiteral("snapshot create|list|show|diff|restore ..."),
            tr("snapshots of a workspace: create [--project P] [--label L] [DIR], list, show S, diff A B [--patch] "
               "(A, B: an id, a label, or disk), restore S [--files PATH...] [--delete-extra] [--dry-run] [--yes]"),
            &Cli::snapshot,
            [](QCommandLineParser &parser) {
                addJsonOption(parser);
                parser.addOption(
                    { QStringLiteral("project"), Cli::tr("The project (a name or an id)."), QStringLiteral("P") });
                parser.addOption(
                    { QStringLiteral("label"), Cli::tr("A label for the new snapshot."), QStringLiteral("L") });
                parser.addOption({ QStringLiteral("patch"), Cli::tr("Also print the diff of every changed file.") });
                parser.addOption({ QStringLiteral("files"),
                    Cli::tr("restore: only these files or folders (the paths after the snapshot).") });
                parser.addOption({ QStringLiteral("delete-extra"),
                    Cli::tr("restore: also delete files the snapshot does not have.") });
                parser.addOption(
                    { QStringLiteral("dry-run"), Cli::tr("restore: show what would change; write nothing.") });
                parser.addOption({ QStringLiteral("yes"), Cli::tr("restore: write the files.") });
            } },
        { QStringLiteral("tasks"),
            QStringLiteral("tasks [--project P] [--status S] [--search TEXT] [--json]"),
            tr("list the tasks (newest first) with their status, phase and cost"),
            &Cli::tasks,
            [](QCommandLineParser &parser) {
                addJsonOption(parser);
                addProjectFilter(parser);
                parser.addOption(
                    { QStringLiteral("status"), Cli::tr("Only tasks with this status."), QStringLiteral("S") });
                parser.addOption({ QStringLiteral("search"),
                    Cli::tr("Only tasks whose id or title holds this text."),
                    QStringLiteral("TEXT") });
            } },
        { QStringLiteral("task"),
            QStringLiteral("task ID [--json]"),
            tr("show a task: its phases, gate decisions, comments, attachments, transcripts and file changes"),
            &Cli::task,
            addJsonOption },
        { QStringLiteral("events"),
            QStringLiteral("events [--project P] [--task ID] [--type T,...] [--since T] [--until T] [--limit N] "
                           "[--json]"),
            tr("the event log, oldest first"),
            &Cli::events,
            [](QCommandLineParser &parser) {
                addJsonOption(parser);
                addProjectFilter(parser);
                parser.addOption({ QStringLiteral("task"), Cli::tr("Only this task's events."), QStringLiteral("ID") });
                parser.addOption({ QStringLiteral("type"),
                    Cli::tr("Only events of these types (separated by commas)."),
                    QStringLiteral("T") });
                parser.addOption(
                    { QStringLiteral("since"), Cli::tr("From this time (ISO 8601)."), QStringLiteral("T") });
                parser.addOption(
                    { QStringLiteral("until"), Cli::tr("Up to this time (ISO 8601)."), QStringLiteral("T") });
                parser.addOption({ QStringLiteral("limit"),
                    Cli::tr("At most this many events (default 1000; 0 for all)."),
                    QStringLiteral("N"),
                    QStringLiteral("1000") });
            } },
        { QStringLiteral("segments"),
            QStringLiteral("segments [--project P] [--task T] [--file PATH] [--tag TAG] [--by task|file|tag] [--json]"),
            tr("out_of_context's context segments, newest first; --by lists the tasks, files or tags with counts"),
            &Cli::segments,
            [](QCommandLineParser &parser) {
                addJsonOption(parser);
                addProjectFilter(parser);
                parser.addOption(
                    { QStringLiteral("task"), Cli::tr("Only this task's segments."), QStringLiteral("T") });
                parser.addOption(
                    { QStringLiteral("file"), Cli::tr("Only segments of this file."), QStringLiteral("PATH") });
                parser.addOption(
                    { QStringLiteral("tag"), Cli::tr("Only segments with this tag."), QStringLiteral("TAG") });
                parser.addOption({ QStringLiteral("by"),
                    Cli::tr("List the tasks, files or tags instead, with how many segments each has."),
                    QStringLiteral("task|file|tag") });
            } },
        { QStringLiteral("jobs"),
            QStringLiteral("jobs [--project P] [--kind plan|run|agent|job] [--status S] [--json]"),
            tr("Astro / griffin-hub plans, runs, agents and queued jobs with status, attempts, run-at and last error"),
            &Cli::jobs,
            [](QCommandLineParser &parser) {
                addJsonOption(parser);
                addProjectFilter(parser);
                parser.addOption(
                    { QStringLiteral("kind"), Cli::tr("Only plans, runs, agents or jobs."), QStringLiteral("K") });
                parser.addOption({ QStringLiteral("status"), Cli::tr("Only with this status."), QStringLiteral("S") });
            } },
        { QStringLiteral("export"),
            QStringLiteral("export TASK --to PATH [--zip] [--layout strata|orc] [--json]"),
            tr("write a task's artifacts to a new folder or zip, with a manifest of every file's SHA-256"),
            &Cli::exportTask,
            [](QCommandLineParser &parser) {
                addJsonOption(parser);
                parser.addOption(
                    { QStringLiteral("to"), Cli::tr("The folder or zip to make."), QStringLiteral("PATH") });
                parser.addOption({ QStringLiteral("zip"), Cli::tr("Write one zip file instead of a folder.") });
                parser.addOption({ QStringLiteral("layout"),
                    Cli::tr("strata (everything, the default) or orc (orc's own export: task.yaml, state.yaml, "
                            "context.md, transcripts)."),
                    QStringLiteral("L"),
                    QStringLiteral("strata") });
            } },
        { QStringLiteral("verify-export"),
            QStringLiteral("verify-export PATH [--json]"),
            tr("check an export (folder or zip) against its manifest; exit 2 naming each missing, extra or altered "
               "file"),
            &Cli::verifyExport,
            addJsonOption },
        { QStringLiteral("project"),
            QStringLiteral("project rename ID NAME | delete ID --yes"),
            tr("rename a project, or delete it and everything the store holds of it"),
            &Cli::project,
            [](QCommandLineParser &parser) {
                parser.addOption({ QStringLiteral("yes"), Cli::tr("Confirm a deletion.") });
            } },
    };
    return list;
}

QString Cli::help() const
{
    QString text = tr("Usage: strata-cli [--store DIR] COMMAND [options]\n\n"
                      "Browse, search, compare and restore the work of AI coding agents.\n\n"
                      "Options:\n"
                      "  --store DIR    the store folder (default: $STRATA_STORE)\n"
                      "  -h, --help     show this help; `strata-cli COMMAND --help` shows a command's options\n"
                      "  -v, --version  show the version and the libraries in use\n\n"
                      "Commands:\n");
    for (const Command &command : commands())
        text += command.synopsis.size() < 22
            ? QStringLiteral("  %1%2\n").arg(command.synopsis.leftJustified(22), command.summary)
            : QStringLiteral("  %1\n  %2%3\n").arg(command.synopsis, QString(22, u' '), command.summary);
    text += u'\n' + tr("Exit codes: 0 done, 1 wrong usage, 2 the operation failed (the message says what and where).")
        + u'\n';
    return text;
}

bool Cli::timeOption(const QString &value, QDateTime *out)
{
    if (value.isEmpty())
        return true;
    QDateTime parsed = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        const QDate day = QDate::fromString(value, Qt::ISODate);
        parsed = day.isValid() ? QDateTime(day, QTime(0, 0), Qt::UTC) : QDateTime();
    }
    *out = parsed;
    return parsed.isValid();
}

int Cli::usageError(const QString &message)
{
    m_err << "strata-cli: " << message << '\n' << tr("Try `strata-cli --help`.") << '\n';
    m_err.flush();
    return Usage;
}

int Cli::failed(const Error &error)
{
    m_err << "strata-cli: " << error.message << '\n';
    if (error.code == Error::Code::Corrupt && !m_storeFolder.isEmpty()) {
        // Damage found while working: say how to see it and where the way back is.
        m_err << tr("`strata-cli verify` lists what is damaged.");
        if (const QString backup = Store::latestBackup(m_storeFolder); !backup.isEmpty())
            m_err << ' ' << tr("The last automatic backup of this store is %1.").arg(QDir::toNativeSeparators(backup));
        m_err << '\n';
    }
    m_err.flush();
    return Failed;
}

int Cli::run(const QStringList &arguments)
{
    m_storeFolder = qEnvironmentVariable("STRATA_STORE");
    QStringList rest;
    const Command *command = nullptr;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        // --store is global, but people also write it after the command: take it anywhere.
        if (argument == u"--store") {
            if (i + 1 >= arguments.size())
                return usageError(tr("--store needs a folder"));
            m_storeFolder = arguments.at(++i);
        } else if (argument.startsWith(u"--store=")) {
            m_storeFolder = argument.mid(8);
        } else if (!command && (argument == u"-h" || argument == u"--help" || argument == u"help")) {
            m_out << help();
            return Done;
        } else if (!command && (argument == u"-v" || argument == u"--version")) {
            m_out << BuildInfo::describe(QStringLiteral("strata-cli")) << '\n';
            return Done;
        } else if (!command && argument.startsWith(u'-')) {
            return usageError(tr("unknown option %1").arg(argument));
        } else if (!command) {
            for (const Command &candidate : commands()) {
                if (candidate.name == argument)
                    command = &candidate;
            }
            if (!command)
                return usageError(tr("unknown command %1").arg(argument));
        } else {
            rest << argument;
        }
    }
    if (!command) {
        m_err << help();
        return Usage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    parser.addHelpOption();
    if (command->options)
        command->options(parser);
    if (!parser.parse(QStringList{ QStringLiteral("strata-cli ") + command->name } + rest))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << tr("Usage: strata-cli [--store DIR] %1").arg(command->synopsis) << "\n\n"
              << command->summary << "\n\n"
              << parser.helpText().section(u'\n', 2);
        return Done;
    }
    return command->run(*this, parser);
}

std::unique_ptr<Store> Cli::openStore()
{
    if (m_storeFolder.isEmpty()) {
        m_openFailure = usageError(tr("no store given: pass --store DIR or set STRATA_STORE"));
        return nullptr;
    }
    auto store = Store::open(m_storeFolder, Store::OpenMode::OpenExisting);
    if (!store) {
        m_openError = store.error();
        if (!m_quietOpenFailure)
            m_openFailure = failed(store.error());
        return nullptr;
    }
    if (!(*store)->migrationBackup().isEmpty())
        m_err << tr("Upgraded the store to schema %1; the backup made first is %2.")
                     .arg((*store)->schemaVersion())
                     .arg(QDir::toNativeSeparators((*store)->migrationBackup()))
              << '\n';
    return std::move(*store);
}

int Cli::init(QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return usageError(tr("init takes one folder"));
    const QString folder = positional.isEmpty() ? m_storeFolder : positional.first();
    if (folder.isEmpty())
        return usageError(tr("init needs a folder: strata-cli init DIR"));
    const bool existed = QFileInfo::exists(folder + u'/' + QLatin1StringView(Store::databaseFileName));
    auto store = Store::open(folder, Store::OpenMode::CreateIfMissing);
    if (!store)
        return failed(store.error());
    const QString shown = QDir::toNativeSeparators((*store)->folder());
    m_err << (existed ? tr("%1 is already a Strata store (schema %2); nothing was changed.")
                            .arg(shown)
                            .arg((*store)->schemaVersion())
                      : tr("Created an empty Strata store in %1.").arg(shown))
          << '\n';
    return Done;
}

int Cli::stats(QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("stats takes no arguments"));
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    const auto counts = Stats::ofStore(*store);
    if (!counts)
        return failed(counts.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject object;
        for (const Stats::Count &count : *counts)
            object.insert(count.key, count.value);
        printJson(m_out, QJsonDocument(object));
    } else {
        for (const Stats::Count &count : *counts)
            m_out << count.key.leftJustified(12) << ' ' << count.value << '\n';
    }
    return Done;
}

int Cli::verify(QCommandLineParser &parser)
{
    // A store too damaged to open is a finding of verify, reported as the others are.
    m_quietOpenFailure = true;
    const auto store = openStore();
    m_quietOpenFailure = false;
    Result<Verify::Report> report;
    if (store) {
        report = Verify::run(*store);
    } else if (m_openError && m_openError->code == Error::Code::Corrupt) {
        m_err << "strata-cli: " << m_openError->message << '\n';
        report = Verify::Report{ { tr("that the store can be opened") }, { m_openError->message } };
    } else {
        return m_openError ? failed(*m_openError) : m_openFailure;
    }
    if (!report)
        return failed(report.error());
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(m_out,
            QJsonDocument(QJsonObject{ { QStringLiteral("ok"), report->ok() },
                { QStringLiteral("checks"), QJsonArray::fromStringList(report->checks) },
                { QStringLiteral("problems"), QJsonArray::fromStringList(report->problems) } }));
    } else {
        for (const QString &check : report->checks)
            m_out << tr("checked: %1").arg(check) << '\n';
        for (const QString &problem : report->problems)
            m_out << tr("problem: %1").arg(problem) << '\n';
        m_out << (report->ok() ? tr("The store is sound.")
                               : tr("%n problem(s) found.", nullptr, int(report->problems.size())))
              << '\n';
    }
    return report->ok() ? Done : Failed;
}

int Cli::import(QCommandLineParser &parser)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("list-formats"))) {
        QJsonArray list;
        for (const Importer *importer : Importers::all()) {
            list.append(QJsonObject{
                { QStringLiteral("format"), importer->format() }, { QStringLiteral("title"), importer->title() } });
            if (!json)
                m_out << importer->format().leftJustified(16) << importer->title() << '\n';
        }
        if (json)
            printJson(m_out, QJsonDocument(list));
        return Done;
    }
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(tr("import needs at least one path"));
    const QString format = parser.value(QStringLiteral("format"));
    Importer *chosen = format.isEmpty() ? nullptr : Importers::find(format);
    if (!format.isEmpty() && !chosen)
        return usageError(tr("unknown format %1; `strata-cli import --list-formats` lists them").arg(format));
    QList<std::pair<QString, Importer *>> plan;
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path))
            return failed({ Error::Code::NotFound, tr("%1 does not exist").arg(QDir::toNativeSeparators(path)) });
        Importer *importer = chosen ? chosen : Importers::detect(path);
        if (!importer)
            return usageError(tr("cannot tell which format %1 is in; name it with --format").arg(path));
        plan.append({ path, importer });
    }
    const auto store = openStore();
    if (!store)
        return m_openFailure;

    QJsonArray reports;
    int exitCode = Done;
    for (const auto &[path, importer] : std::as_const(plan)) {
        ImportContext context;
        context.commitsAsSnapshots = parser.isSet(QStringLiteral("git-snapshots"));
        context.report.format = importer->format();
        context.report.sources << QFileInfo(path).absoluteFilePath();
        const auto ran = importer->run(*store, QFileInfo(path).absoluteFilePath(), context);
        const ImportReport &report = context.report;
        if (json) {
            reports.append(ImportReports::toJson(report, ran ? QString() : ran.error().message));
        } else {
            m_out << tr("%1 (%2): %3 projects, %4 sessions, %5 messages, %6 file versions, %7 snapshots added")
                         .arg(QDir::toNativeSeparators(path), report.format)
                         .arg(report.projects)
                         .arg(report.sessions)
                         .arg(report.messages)
                         .arg(report.versions)
                         .arg(report.snapshots);
            const std::pair<qint64, QString> more[] = { { report.tasks, tr("tasks: %1") },
                { report.events, tr("events: %1") },
                { report.attachments, tr("attachments and outputs: %1") },
                { report.segments, tr("context segments: %1") },
                { report.jobs, tr("plans, runs, agents and jobs: %1") } };
            for (const auto &[count, text] : more) {
                if (count > 0)
                    m_out << ", " << text.arg(count);
            }
            if (report.merged > 0)
                m_out << tr(", %1 continued").arg(report.merged);
            m_out << '\n';
            for (const ImportReport::Skipped &skipped : report.skipped)
                m_out << tr("  skipped %1: %2").arg(skipped.location, skipped.reason) << '\n';
            for (const QString &note : report.notes)
                m_out << tr("  note: %1").arg(note) << '\n';
        }
        if (!ran) {
            m_err << "strata-cli: " << ran.error().message << '\n';
            exitCode = Failed;
        }
    }
    if (json)
        printJson(m_out, QJsonDocument(reports));
    m_out.flush();
    m_err.flush();
    return exitCode;
}

int Cli::search(QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty() && parser.value(QStringLiteral("since")).isEmpty()
        && parser.value(QStringLiteral("until")).isEmpty())
        return usageError(tr("search needs something to look for, or a time range (--since, --until)"));
    Search::Request request;
    request.query = words.join(u' ');
    const auto time = [&](const QString &option, QDateTime *out) { return timeOption(parser.value(option), out); };
    if (!time(QStringLiteral("since"), &request.since) || !time(QStringLiteral("until"), &request.until))
        return usageError(
            tr("--since and --until take an ISO 8601 date or time, such as 2025-08-01 or 2025-08-01T14:00Z"));
    bool ok = false;
    request.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || request.limit < 1)
        return usageError(tr("--limit takes a positive number"));
    request.role = parser.value(QStringLiteral("role"));
    const QString order = parser.value(QStringLiteral("order"));
    if (order == u"newest")
        request.order = Search::Order::Newest;
    else if (order == u"relevance")
        request.order = Search::Order::Relevance;
    else if (order != u"auto")
        return usageError(tr("--order takes newest, relevance or auto"));
    if (parser.isSet(QStringLiteral("session"))) {
        request.sessionId = parser.value(QStringLiteral("session")).toLongLong(&ok);
        if (!ok)
            return usageError(tr("--session takes a session id"));
    }

    const auto store = openStore();
    if (!store)
        return m_openFailure;
    if (const QString project = parser.value(QStringLiteral("project")); !project.isEmpty()) {
        const auto matching = projectsMatching(*store, project);
        if (!matching)
            return failed(matching.error());
        request.projectIds = *matching;
    }
    const auto page = Search::run(*store, request);
    if (!page)
        return page.error().code == Error::Code::InvalidArgument
            ? usageError(tr("cannot read the search \"%1\": %2").arg(request.query, page.error().message))
            : failed(page.error());
    std::optional<qint64> total;
    if (parser.isSet(QStringLiteral("count"))) {
        const auto counted = Search::count(*store, request);
        if (!counted)
            return failed(counted.error());
        total = *counted;
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray hits;
        for (const Search::Hit &hit : page->hits)
            hits.append(QJsonObject{
                { QStringLiteral("project"), hit.projectName },
                { QStringLiteral("project_id"), hit.projectId },
                { QStringLiteral("session"), hit.sessionId },
                { QStringLiteral("session_title"), hit.sessionTitle },
                { QStringLiteral("message"), hit.messageId },
                { QStringLiteral("role"), hit.role },
                { QStringLiteral("kind"), hit.kind },
                { QStringLiteral("timestamp"),
                    hit.timestamp.isValid() ? QJsonValue(iso(hit.timestamp)) : QJsonValue() },
                { QStringLiteral("snippet"), hit.snippet },
            });
        printJson(m_out, QJsonDocument(hits));
    } else {
        for (const Search::Hit &hit : page->hits)
            m_out << (hit.timestamp.isValid() ? hit.timestamp.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                              : QStringLiteral("—"))
                  << "  " << hit.projectName << "  " << hit.role << "  #" << hit.messageId << '\n'
                  << "    " << hit.snippet.simplified() << '\n';
        if (page->hits.isEmpty())
            m_err << tr("No messages match.") << '\n';
        else if (page->next)
            m_err << tr("More hits than these %1; raise --limit to see more.").arg(page->hits.size()) << '\n';
    }
    if (total)
        m_err << tr("%1 messages match in all.").arg(*total) << '\n';
    return Done;
}

Result<QList<qint64>> Cli::projectsMatching(Store &store, const QString &nameOrId)
{
    const auto projects = Projects::all(store);
    if (!projects)
        return std::unexpected(projects.error());
    QList<qint64> ids;
    for (const Project &candidate : *projects) {
        if (candidate.name.compare(nameOrId, Qt::CaseInsensitive) == 0 || QString::number(candidate.id) == nameOrId)
            ids << candidate.id;
    }
    if (ids.isEmpty())
        return fail(
            Error::Code::NotFound, tr("there is no project named %1; `strata-cli projects` lists them").arg(nameOrId));
    return ids;
}

int Cli::failedOption(const Error &error)
{
    return error.code == Error::Code::InvalidArgument ? usageError(error.message) : failed(error);
}

Result<std::optional<qint64>> Cli::projectOption(QCommandLineParser &parser, Store &store)
{
    const QString name = parser.value(QStringLiteral("project"));
    if (name.isEmpty())
        return std::optional<qint64>();
    auto matching = projectsMatching(store, name);
    if (!matching)
        return std::unexpected(matching.error());
    if (matching->size() > 1)
        return fail(
            Error::Code::InvalidArgument, tr("%1 projects are named %2; give the id").arg(matching->size()).arg(name));
    return std::optional(matching->first());
}

int Cli::project(QCommandLineParser &parser)
{
    const QStringList arguments = parser.positionalArguments();
    const QString action = arguments.value(0);
    const bool renaming = action == u"rename" && arguments.size() == 3;
    const bool deleting = action == u"delete" && arguments.size() == 2;
    if (!renaming && !deleting)
        return usageError(tr("use: project rename ID NAME, or project delete ID --yes"));
    bool isNumber = false;
    const qint64 id = arguments.at(1).toLongLong(&isNumber);
    if (!isNumber)
        return usageError(tr("%1 is not a project id (the numbers `strata-cli projects` lists)").arg(arguments.at(1)));
    if (deleting && !parser.isSet(QStringLiteral("yes")))
        return usageError(
            tr("deleting project %1 removes everything the store holds of it; add --yes to confirm").arg(id));
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    const auto done = renaming ? Projects::rename(*store, id, arguments.at(2)) : Projects::remove(*store, id);
    if (!done)
        return failed(done.error());
    m_err << (renaming ? tr("Renamed project %1.").arg(id) : tr("Deleted project %1.").arg(id)) << '\n';
    return Done;
}

int Cli::projects(QCommandLineParser &parser)
{
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    const auto projects = Projects::all(*store);
    if (!projects)
        return failed(projects.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Project &project : *projects)
            array.append(QJsonObject{
                { QStringLiteral("id"), project.id },
                { QStringLiteral("name"), project.name },
                { QStringLiteral("source_kind"), project.sourceKind },
                { QStringLiteral("source_location"), project.sourceLocation },
                { QStringLiteral("workspace_root"), project.workspaceRoot },
                { QStringLiteral("created_at"), iso(project.createdAt) },
                { QStringLiteral("last_active_at"), iso(project.lastActiveAt) },
                { QStringLiteral("metadata"), project.metadata },
            });
        printJson(m_out, QJsonDocument(array));
        return Done;
    }
    if (projects->isEmpty())
        m_err << tr("The store has no projects yet.") << '\n';
    for (const Project &project : *projects)
        m_out << QString::number(project.id).rightJustified(5) << "  " << project.name << "  [" << project.sourceKind
              << "]  " << QDir::toNativeSeparators(project.workspaceRoot) << '\n';
    return Done;
}
