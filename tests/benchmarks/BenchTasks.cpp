// Strata tasks benchmark (issue 6), beside reference tools on the same data in the same run:
//   export     strata-cli export of a task with 10,000 messages and 1,000 file changes, as a zip and
//              as a folder   vs   Info-ZIP's `zip -r -6` of the same folder (time and size)
//   events     the Events tab's model over 1,000,000 events: first rows, then scrolled to the end
//              (time and resident memory)   vs   the same first-page query in the sqlite3 shell
// Run: build/tests/BenchTasks [--messages N] [--changes N] [--events N]

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include "BenchSupport.h"
#include "EventsPane.h"
#include "FileVersions.h"
#include "Projects.h"
#include "Sql.h"
#include "Store.h"
#include "Tasks.h"
#include "TranscriptWriter.h"

namespace {

QTextStream out(stdout);

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

int option(const QStringList &arguments, const QString &name, int fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1).toInt() : fallback;
}

qint64 folderBytes(const QString &folder)
{
    qint64 bytes = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        bytes += QFileInfo(it.next()).size();
    return bytes;
}

QByteArray sourceFile(int file, int version)
{
    QByteArray text;
    for (int line = 0; line < 200; ++line)
        text += "    value_" + QByteArray::number(file) + "_" + QByteArray::number(line) + " = compute("
            + QByteArray::number((line * 7 + (line % 20 == version % 20 ? version : 0)) % 1000) + ");\n";
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int messageCount = option(arguments, QStringLiteral("--messages"), 10000);
    const int changeCount = option(arguments, QStringLiteral("--changes"), 1000);
    const int eventCount = option(arguments, QStringLiteral("--events"), 1000000);
    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/strata-bench-tasks-XXXXXX"));
    const QString storeFolder = temporary.filePath(QStringLiteral("store"));
    const QString cli = QStringLiteral(STRATA_CLI);

    // 1. The task: its messages in one conversation, and file changes made in it.
    {
        auto store = Store::open(storeFolder, Store::OpenMode::CreateIfMissing);
        if (!store)
            return 1;
        TranscriptWriter writer(**store);
        if (!writer.begin())
            return 1;
        Project draft = Projects::inFolder(QStringLiteral("bench"), temporary.filePath(QStringLiteral("workspace")));
        const qint64 projectId = *writer.project(draft);
        const qint64 sessionId
            = *writer.session({ projectId, QStringLiteral("bench"), QStringLiteral("s1"), std::nullopt, {}, {} });
        const QDateTime start(QDate(2026, 1, 20), QTime(9, 0), Qt::UTC);
        for (int i = 0; i < messageCount; ++i) {
            MessageDraft message;
            message.role = i % 2 ? QStringLiteral("assistant") : QStringLiteral("user");
            message.kind = QStringLiteral("text");
            message.text = QStringLiteral("Message %1 of the benchmark task: the parser reads the header, checks the "
                                          "length field against the buffer, and returns the payload or an error. ")
                               .arg(i)
                               .repeated(3);
            message.raw = message.text.toUtf8();
            message.timestamp = start.addSecs(i);
            message.task = QStringLiteral("BENCH-1");
            message.phase = QStringLiteral("implement");
            message.sourceKey = QString::number(i);
            if (!writer.addMessage(sessionId, message))
                return 1;
            if (writer.needsCommit() && !writer.checkpoint())
                return 1;
        }
        for (int i = 0; i < changeCount; ++i) {
            FileVersions::Draft version;
            version.path = QStringLiteral("src/module%1.py").arg(i % 100);
            version.content = sourceFile(i % 100, i / 100);
            version.time = start.addSecs(i * 10);
            version.originKind = QStringLiteral("bench");
            version.sessionId = sessionId;
            version.sourceKey = QString::number(i);
            if (!FileVersions::add(**store, projectId, version))
                return 1;
        }
        Tasks::Task task;
        task.projectId = projectId;
        task.key = QStringLiteral("BENCH-1");
        task.title = QStringLiteral("A task with %1 messages and %2 file changes").arg(messageCount).arg(changeCount);
        task.status = QStringLiteral("completed");
        task.createdAt = start;
        if (!Tasks::putTask(**store, task))
            return 1;
        ImportReport report;
        if (!writer.finish(report))
            return 1;

        // 2. A million events in the log (generated straight into the table).
        auto transaction = Sql::Transaction::begin((*store)->database());
        QSqlQuery insert((*store)->database());
        insert.prepare(QStringLiteral("INSERT INTO events (project_id, type, timestamp, phase, source, payload, "
                                      "source_key) VALUES (?, ?, ?, ?, 'bench', ?, ?)"));
        const char *types[] = { "phase", "heartbeat", "tokens", "transcript", "files_changed" };
        for (int i = 0; i < eventCount; ++i) {
            insert.addBindValue(projectId);
            insert.addBindValue(QString::fromLatin1(types[i % 5]));
            insert.addBindValue(start.toMSecsSinceEpoch() + qint64(i) * 1000);
            insert.addBindValue(QStringLiteral("implement"));
            insert.addBindValue(QStringLiteral("{\"phase\":\"implement\",\"iteration\":%1,\"tokens\":%2}")
                                    .arg(i % 7)
                                    .arg(i * 13 % 5000));
            insert.addBindValue(QString::number(i));
            if (!insert.exec())
                return 1;
        }
        if (!transaction || !transaction->commit())
            return 1;
    }
    out << "Strata tasks benchmark: " << messageCount << " messages, " << changeCount << " file changes, " << eventCount
        << " events in " << temporary.path() << "\n\n";
    out.flush();

    // 3. Export, as a zip and as a folder; the folder zipped by Info-ZIP for comparison.
    const QString zipTarget = temporary.filePath(QStringLiteral("BENCH-1.zip"));
    const QString folderTarget = temporary.filePath(QStringLiteral("BENCH-1"));
    const Bench::Timed zip = Bench::run(cli,
        { QStringLiteral("--store"),
            storeFolder,
            QStringLiteral("export"),
            QStringLiteral("BENCH-1"),
            QStringLiteral("--to"),
            zipTarget,
            QStringLiteral("--zip") });
    const Bench::Timed folder = Bench::run(cli,
        { QStringLiteral("--store"),
            storeFolder,
            QStringLiteral("export"),
            QStringLiteral("BENCH-1"),
            QStringLiteral("--to"),
            folderTarget });
    if (zip.exitCode != 0 || folder.exitCode != 0)
        out << zip.err << folder.err;
    const qint64 contentBytes = folderBytes(folderTarget);
    out << QStringLiteral("export   strata-cli export --zip        %1 ms, %2 MB (%3 MB of files)\n")
               .arg(zip.ms, 0, 'f', 0)
               .arg(QFileInfo(zipTarget).size() / 1e6, 0, 'f', 2)
               .arg(contentBytes / 1e6, 0, 'f', 2);
    out << QStringLiteral("         strata-cli export (folder)     %1 ms\n").arg(folder.ms, 0, 'f', 0);
    const Bench::Timed verify = Bench::run(cli, { QStringLiteral("verify-export"), zipTarget });
    out << QStringLiteral("         strata-cli verify-export zip   %1 ms (exit %2)\n")
               .arg(verify.ms, 0, 'f', 0)
               .arg(verify.exitCode);
    if (!QStandardPaths::findExecutable(QStringLiteral("zip")).isEmpty()) {
        const QString reference = temporary.filePath(QStringLiteral("reference.zip"));
        const Bench::Timed infoZip = Bench::run(QStringLiteral("zip"),
            { QStringLiteral("-r"), QStringLiteral("-q"), QStringLiteral("-6"), reference, QStringLiteral(".") },
            folderTarget);
        out << QStringLiteral("         zip -r -6 of the same folder   %1 ms, %2 MB\n")
                   .arg(infoZip.ms, 0, 'f', 0)
                   .arg(QFileInfo(reference).size() / 1e6, 0, 'f', 2);
    } else {
        out << "         (zip is not installed: scripts/setup.sh --bench installs it)\n";
    }
    out.flush();

    // 4. The Events tab's model over the whole log: first rows, then every page to the end.
    {
        auto store = Store::open(storeFolder, Store::OpenMode::OpenExisting);
        if (!store)
            return 1;
        std::shared_ptr<Store> shared(std::move(*store));
        const qint64 before = residentKiB();
        EventsModel model;
        QElapsedTimer timer;
        timer.start();
        model.setQuery(shared, {});
        model.fetchMore({});
        const double first = timer.nsecsElapsed() / 1e6;
        const qint64 afterFirst = residentKiB();
        timer.restart();
        while (model.canFetchMore({}))
            model.fetchMore({});
        const double all = timer.nsecsElapsed() / 1e6;
        const qint64 afterAll = residentKiB();
        const Bench::Timed shell = Bench::run(QStringLiteral("sqlite3"),
            { storeFolder + QStringLiteral("/strata.db"),
                QStringLiteral("SELECT e.id, e.type, e.timestamp, e.payload FROM events e ORDER BY e.timestamp, e.id "
                               "LIMIT 500;") });
        out << QStringLiteral("events   first %1 rows                   %2 ms (resident memory +%3 MB)\n")
                   .arg(EventsModel::rowsPerPage)
                   .arg(first, 0, 'f', 1)
                   .arg((afterFirst - before) / 1024.0, 0, 'f', 1);
        out << QStringLiteral("         sqlite3 shell, same first page %1 ms (process start included)\n")
                   .arg(shell.ms, 0, 'f', 1);
        out << QStringLiteral("         scrolled to the end: %1 rows   %2 ms (resident memory +%3 MB)\n")
                   .arg(model.rowCount())
                   .arg(all, 0, 'f', 0)
                   .arg((afterAll - before) / 1024.0, 0, 'f', 1);
    }
    out.flush();
    return 0;
}
