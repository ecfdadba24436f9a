#include "AstroImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>

#include "ClaudeContent.h"
#include "Jobs.h"
#include "Projects.h"
#include "Sql.h"
#include "Store.h"
#include "TranscriptWriter.h"
#include "orc/OrcDatabase.h"

namespace {

// lupdate files a tr() under the namespace or class of the function that calls it. Call this one from
// AstroImporter's members only; a class declares Q_DECLARE_TR_FUNCTIONS(AstroImporter), a free
// function writes QCoreApplication::translate("AstroImporter", ...) out.
QString tr(const char *text)
{
    return QCoreApplication::translate("AstroImporter", text);
}

const QStringList knownTables{ QStringLiteral("plans"),
    QStringLiteral("monitors"),
    QStringLiteral("runs"),
    QStringLiteral("job_runs"),
    QStringLiteral("agents"),
    QStringLiteral("jobs") };

// A row of one of the tables, by column name. Astro's own tables keep each entity as JSON in `data`.
struct Row
{
    QString table;
    QString location;
    QJsonObject columns;
};

// Times come as ISO 8601 text, PostgreSQL's "2026-01-21 15:05:00+00", or drizzle's integer seconds.
QDateTime timeOf(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        return QDateTime::fromMSecsSinceEpoch(qint64(number > 1e11 ? number : number * 1000), Qt::UTC);
    }
    QString text = value.toString().trimmed();
    if (text.isEmpty())
        return {};
    if (text.size() > 10 && text.at(10) == u' ')
        text[10] = u'T';
    if (text.size() >= 3 && (text.at(text.size() - 3) == u'+' || text.at(text.size() - 3) == u'-'))
        text += QStringLiteral(":00");
    return ClaudeContent::parseTime(text);
}

std::optional<qint64> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInteger();
    bool isNumber = false;
    const qint64 number = value.toString().toLongLong(&isNumber);
    return isNumber ? std::optional(number) : std::nullopt;
}

QJsonValue first(const QJsonObject &row, std::initializer_list<const char *> keys)
{
    for (const char *key : keys)
        if (const QJsonValue value = row.value(QLatin1StringView(key)); !value.isNull() && !value.isUndefined())
            return value;
    return {};
}

// JSON text columns (data, errors, metadata…) as JSON.
QJsonValue parsedJson(const QJsonValue &value)
{
    if (!value.isString())
        return value;
    const QString text = value.toString();
    if (!text.startsWith(u'{') && !text.startsWith(u'['))
        return value;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    return document.isObject() ? QJsonValue(document.object())
        : document.isArray()   ? QJsonValue(document.array())
                               : value;
}

// pg_dump's text: INSERT INTO "t" ("a", …) VALUES (…), (…); and COPY t (a, …) FROM stdin; rows; \.
class PostgresDump
{
    Q_DECLARE_TR_FUNCTIONS(AstroImporter)

public:
    explicit PostgresDump(const QString &text)
        : m_text(text)
    {}

    QList<Row> rows(const QString &file, ImportReport &report)
    {
        QList<Row> found;
        const QStringList lines = m_text.split(u'\n');
        QString statement;
        qsizetype statementLine = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString line = lines.at(i);
            if (statement.isEmpty()) {
                const QString trimmed = line.trimmed();
                if (trimmed.startsWith(QStringLiteral("COPY "), Qt::CaseInsensitive)) {
                    i = copyBlock(lines, i, file, found, report);
                    continue;
                }
                if (!trimmed.startsWith(QStringLiteral("INSERT INTO"), Qt::CaseInsensitive))
                    continue;
                statementLine = i + 1;
            }
            statement += line + u'\n';
            if (endsStatement(statement)) {
                insert(statement,
                    QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(file)).arg(statementLine),
                    found,
                    report);
                statement.clear();
            }
        }
        if (!statement.isEmpty())
            report.skip(QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(file)).arg(statementLine),
                tr("the INSERT statement does not end (no closing semicolon)"));
        return found;
    }

private:
    static QString tableName(QString name)
    {
        name = name.trimmed();
        if (const qsizetype dot = name.lastIndexOf(u'.'); dot >= 0)
            name = name.mid(dot + 1);
        return name.remove(u'"');
    }

    // True when the text ends with a semicolon outside quotes.
    static bool endsStatement(const QString &text)
    {
        bool quoted = false;
        QChar last;
        for (const QChar c : text) {
            if (c == u'\'')
                quoted = !quoted;
            if (!quoted && !c.isSpace())
                last = c;
        }
        return !quoted && last == u';';
    }

    static void insert(const QString &statement, const QString &location, QList<Row> &found, ImportReport &report)
    {
        // INSERT INTO <table> (<columns>) VALUES (<values>)[, (<values>)…];
        const qsizetype open = statement.indexOf(u'(');
        const qsizetype close = statement.indexOf(u')', open);
        const qsizetype values = statement.indexOf(QStringLiteral("VALUES"), close, Qt::CaseInsensitive);
        if (open < 0 || close < 0 || values < 0) {
            report.skip(location, tr("an INSERT without a column list and VALUES"));
            return;
        }
        const QString table = tableName(statement.mid(11, open - 11));
        if (!knownTables.contains(table))
            return;
        QStringList columns;
        for (const QString &column : statement.mid(open + 1, close - open - 1).split(u','))
            columns << tableName(column);
        qsizetype at = values + 6;
        for (;;) {
            while (at < statement.size() && (statement.at(at).isSpace() || statement.at(at) == u','))
                ++at;
            if (at >= statement.size() || statement.at(at) != u'(')
                return;
            ++at;
            QJsonArray parsed;
            if (!tuple(statement, at, parsed) || parsed.size() != columns.size()) {
                report.skip(location, tr("a row of %1 whose values do not match its columns").arg(table));
                return;
            }
            Row row{ table, location, {} };
            for (qsizetype i = 0; i < columns.size(); ++i)
                row.columns.insert(columns.at(i), parsed.at(i));
            found.append(row);
        }
    }

    // Reads "v, v, …)" from `at`; strings, numbers, true/false, NULL, with casts (::jsonb) dropped.
    static bool tuple(const QString &text, qsizetype &at, QJsonArray &values)
    {
        for (;;) {
            while (at < text.size() && text.at(at).isSpace())
                ++at;
            if (at >= text.size())
                return false;
            if (text.at(at) == u'\'') {
                QString value;
                for (++at; at < text.size(); ++at) {
                    if (text.at(at) == u'\'') {
                        if (at + 1 < text.size() && text.at(at + 1) == u'\'') {
                            value += u'\'';
                            ++at;
                            continue;
                        }
                        ++at;
                        break;
                    }
                    value += text.at(at);
                }
                values.append(value);
            } else {
                const qsizetype start = at;
                while (at < text.size() && text.at(at) != u',' && text.at(at) != u')')
                    ++at;
                const QString word = text.mid(start, at - start).trimmed();
                bool isNumber = false;
                const double number = word.toDouble(&isNumber);
                values.append(word.compare(u"NULL", Qt::CaseInsensitive) == 0 ? QJsonValue()
                        : word == u"true"                                     ? QJsonValue(true)
                        : word == u"false"                                    ? QJsonValue(false)
                        : isNumber                                            ? QJsonValue(number)
                                                                              : QJsonValue(word));
            }
            while (at < text.size() && text.at(at) == u':') // a cast: '…'::jsonb
                while (at < text.size() && text.at(at) != u',' && text.at(at) != u')')
                    ++at;
            while (at < text.size() && text.at(at).isSpace())
                ++at;
            if (at >= text.size())
                return false;
            if (text.at(at) == u')') {
                ++at;
                return true;
            }
            ++at; // ','
        }
    }

    static qsizetype copyBlock(
        const QStringList &lines, qsizetype start, const QString &file, QList<Row> &found, ImportReport &report)
    {
        const QString header = lines.at(start).trimmed();
        const qsizetype open = header.indexOf(u'(');
        const qsizetype close = header.indexOf(u')', open);
        const QString table = tableName(header.mid(5, (open < 0 ? header.indexOf(u' ', 5) : open) - 5));
        QStringList columns;
        if (open >= 0 && close > open)
            for (const QString &column : header.mid(open + 1, close - open - 1).split(u','))
                columns << tableName(column);
        qsizetype i = start + 1;
        for (; i < lines.size() && lines.at(i) != u"\\."; ++i) {
            if (!knownTables.contains(table))
                continue;
            const QStringList fields = lines.at(i).split(u'\t');
            const QString location = QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(file)).arg(i + 1);
            if (fields.size() != columns.size()) {
                report.skip(location, tr("a row of %1 whose values do not match its columns").arg(table));
                continue;
            }
            Row row{ table, location, {} };
            for (qsizetype c = 0; c < columns.size(); ++c) {
                QString field = fields.at(c);
                if (field == u"\\N") {
                    row.columns.insert(columns.at(c), QJsonValue());
                    continue;
                }
                field.replace(QStringLiteral("\\t"), QStringLiteral("\t"))
                    .replace(QStringLiteral("\\n"), QStringLiteral("\n"))
                    .replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
                row.columns.insert(columns.at(c), field);
            }
            found.append(row);
        }
        return i;
    }

    QString m_text;
};

QList<Row> sqliteRows(const QSqlDatabase &db, const QString &shown, ImportReport &report)
{
    QList<Row> found;
    for (const QString &table : knownTables) {
        if (!Sql::tableExists(db, table))
            continue;
        auto rows = Sql::run(db, QStringLiteral("SELECT * FROM \"%1\"").arg(table));
        if (!rows) {
            report.skip(QStringLiteral("%1: %2").arg(shown, table), rows.error().message);
            continue;
        }
        qint64 number = 0;
        while (rows->next()) {
            const QSqlRecord record = rows->record();
            Row row{ table, QStringLiteral("%1: %2 row %3").arg(shown, table).arg(++number), {} };
            for (int i = 0; i < record.count(); ++i)
                row.columns.insert(record.fieldName(i), QJsonValue::fromVariant(record.value(i)));
            found.append(row);
        }
    }
    return found;
}

// The rows as Strata's jobs; Astro's `data` documents are unfolded into their row.
QList<Jobs::Job> jobsOf(const QList<Row> &rows, ImportReport &report)
{
    QHash<QString, QString> planNames;
    QList<Row> unfolded;
    for (Row row : rows) {
        for (auto it = row.columns.begin(); it != row.columns.end(); ++it)
            it.value() = parsedJson(it.value());
        if (row.table != u"jobs" && row.columns.value(u"data").isObject()) {
            const QJsonObject data = row.columns.take(QStringLiteral("data")).toObject();
            for (auto it = data.begin(); it != data.end(); ++it)
                row.columns.insert(it.key(), it.value());
        }
        if (row.table == u"plans" || row.table == u"monitors")
            planNames.insert(row.columns.value(u"id").toString(), row.columns.value(u"name").toString());
        unfolded.append(row);
    }
    QList<Jobs::Job> jobs;
    for (const Row &row : std::as_const(unfolded)) {
        const QJsonObject &c = row.columns;
        Jobs::Job job;
        job.key = c.value(u"id").toVariant().toString();
        if (job.key.isEmpty()) {
            report.skip(row.location, QCoreApplication::translate("AstroImporter", "a row without an id"));
            continue;
        }
        job.details = c;
        job.status = c.value(u"status").toString();
        if (row.table == u"plans" || row.table == u"monitors") {
            job.kind = QStringLiteral("plan");
            job.name = c.value(u"name").toString();
            job.startedAt = timeOf(first(c, { "created_at", "createdAt" }));
        } else if (row.table == u"runs" || row.table == u"job_runs") {
            job.kind = QStringLiteral("run");
            const QString plan = first(c, { "plan_id", "monitor_id", "planId" }).toString();
            job.name = c.value(u"planName").toString(planNames.value(plan, plan));
            job.startedAt = timeOf(first(c, { "started_at", "startedAt" }));
            job.completedAt = timeOf(first(c, { "completed_at", "completedAt" }));
            const QJsonValue errors = c.value(u"errors");
            QStringList texts;
            for (const QJsonValue &error : errors.toArray())
                texts << (error.isString()
                        ? error.toString()
                        : QString::fromUtf8(QJsonDocument(error.toObject()).toJson(QJsonDocument::Compact)));
            job.lastError = errors.isString() ? errors.toString() : texts.join(QStringLiteral("; "));
        } else if (row.table == u"agents") {
            job.kind = QStringLiteral("agent");
            job.name = c.value(u"location").toString(job.key);
            job.startedAt = timeOf(first(c, { "registered_at", "registeredAt" }));
            job.runAt = timeOf(first(c, { "last_heartbeat", "lastHeartbeat" }));
        } else {
            job.kind = QStringLiteral("job");
            const QJsonObject data = c.value(u"data").toObject();
            const QString plan = data.value(u"planId").toString();
            job.name
                = QStringLiteral("%1 %2")
                      .arg(data.value(u"type").toString(c.value(u"queue_name").toString()), planNames.value(plan, plan))
                      .trimmed();
            job.attempts = numberOf(c.value(u"attempts"));
            job.maxAttempts = numberOf(first(c, { "max_attempts", "maxAttempts" }));
            job.priority = numberOf(c.value(u"priority"));
            job.runAt = timeOf(first(c, { "scheduled_for", "scheduledFor" }));
            job.startedAt = timeOf(first(c, { "started_at", "startedAt" }));
            job.completedAt = timeOf(first(c, { "completed_at", "completedAt" }));
            job.lastError = c.value(u"error").toString();
        }
        jobs.append(job);
    }
    return jobs;
}

// Astro's jobs table (Job<T>: scheduled_for…), its job_runs, or griffin-hub's agents and runs; not
// any database with a table called jobs (Strata's own store has one).
bool looksLikeAstro(const QSqlDatabase &db)
{
    if (Sql::tableExists(db, QStringLiteral("jobs"))) {
        const QSqlRecord columns = db.record(QStringLiteral("jobs"));
        if (columns.contains(QStringLiteral("scheduled_for")) && columns.contains(QStringLiteral("data")))
            return true;
    }
    return Sql::tableExists(db, QStringLiteral("job_runs"))
        || (Sql::tableExists(db, QStringLiteral("agents")) && Sql::tableExists(db, QStringLiteral("runs")));
}

bool isSqlite(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16).startsWith("SQLite format 3");
}

bool isDump(const QString &path)
{
    QFile file(path);
    if (!path.endsWith(u".sql") || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(64 * 1024);
    return head.contains("\"jobs\"") || head.contains("\"runs\"") || head.contains("\"agents\"")
        || head.contains(" public.jobs") || head.contains(" public.runs");
}

// The stores under `path`: itself, or the .db and .sql files in it (not deeper than two levels).
QStringList sources(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return { info.absoluteFilePath() };
    QStringList found;
    QDirIterator it(path,
        { QStringLiteral("*.db"), QStringLiteral("*.sqlite"), QStringLiteral("*.sql") },
        QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (QDir(path).relativeFilePath(file).count(u'/') <= 1)
            found << QFileInfo(file).absoluteFilePath();
    }
    found.sort();
    return found;
}

} // namespace

QString AstroImporter::title() const
{
    return tr("Astro / griffin-hub store (SQLite or a PostgreSQL dump)");
}

int AstroImporter::recognizes(const QString &path) const
{
    for (const QString &file : sources(path)) {
        if (isDump(file))
            return 30;
        if (!isSqlite(file))
            continue;
        OrcDatabase db;
        if (!db.open(file, nullptr))
            continue;
        if (looksLikeAstro(db.database()))
            return 30;
    }
    return 0;
}

Result<void> AstroImporter::run(Store &store, const QString &path, ImportContext &context)
{
    if (!QFileInfo::exists(path))
        return fail(Error::Code::NotFound, tr("%1 does not exist").arg(QDir::toNativeSeparators(path)));
    QList<std::pair<QString, QList<Row>>> read;
    for (const QString &file : sources(path)) {
        const QString shown = QDir::toNativeSeparators(file);
        if (isSqlite(file)) {
            OrcDatabase db;
            QString note;
            if (auto opened = db.open(file, &note); !opened) {
                context.report.skip(shown, tr("cannot read it as an SQLite database"));
                continue;
            }
            if (!note.isEmpty())
                context.report.notes << note;
            if (!looksLikeAstro(db.database())) {
                if (QFileInfo(path).isFile())
                    context.report.skip(shown, tr("it has none of Astro's or griffin-hub's tables"));
                continue;
            }
            read.append({ file, sqliteRows(db.database(), shown, context.report) });
        } else if (file.endsWith(u".sql")) {
            QFile input(file);
            if (!input.open(QIODevice::ReadOnly)) {
                context.report.skip(shown, tr("cannot read it: %1").arg(input.errorString()));
                continue;
            }
            const QString text = QString::fromUtf8(input.readAll());
            read.append({ file, PostgresDump(text).rows(file, context.report) });
        } else {
            continue;
        }
        ++context.report.filesRead;
        context.report.bytesRead += QFileInfo(file).size();
    }
    if (read.isEmpty())
        return fail(Error::Code::NotFound,
            tr("%1 holds no Astro or griffin-hub store (an SQLite file with jobs or runs, or a .sql dump)")
                .arg(QDir::toNativeSeparators(path)));

    TranscriptWriter writer(store);
    if (auto begun = writer.begin(); !begun)
        return begun;
    for (const auto &[file, rows] : std::as_const(read)) {
        Project draft;
        draft.name = QFileInfo(file).completeBaseName();
        draft.sourceKind = format();
        draft.sourceLocation = file;
        auto projectId = writer.project(draft);
        if (!projectId)
            return writer.finish(context.report, std::unexpected(projectId.error()));
        for (Jobs::Job job : jobsOf(rows, context.report)) {
            job.projectId = *projectId;
            if (auto stored = Jobs::put(store, job); !stored)
                return writer.finish(context.report, std::unexpected(stored.error()));
            ++context.report.jobs;
        }
    }
    return writer.finish(context.report);
}
