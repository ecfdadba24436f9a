#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include "Blobs.h"
#include "Events.h"
#include "Importer.h"
#include "Sql.h"
#include "Store.h"
#include "Tasks.h"
#include "TestSupport.h"
#include "orc/OrcImporter.h"

using namespace TestSupport;

// The orc importer over the seed-systems corpus: orc's sample project database (generated from
// orc's own schema), its global database, and the pre-database YAML copied from orc's repository.
// The same checks on our own data are in TestOrcImporter.
class CorpusOrc : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_project; // a copy of the fixture project, with .orc/orc.db
    OrcImporter m_importer;

    ImportReport import(const QString &path) { return importWith(m_importer, *m_store, path); }

    qint64 count(const QString &sql) { return scalar(*m_store, sql); }

    static QByteArray sha256(const QString &path)
    {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result() : QByteArray();
    }

    QString orcDb() const { return m_project + QStringLiteral("/.orc/orc.db"); }

private Q_SLOTS:
    void initTestCase() { STRATA_REQUIRE_CORPUS(); }

    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_project = m_dir.filePath(QStringLiteral("orc-demo"));
        QVERIFY(copyTree(corpus(QStringLiteral("seed-systems/orc/project")), m_project));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void importsTheTranscriptsAndChangesNothing()
    {
        QVERIFY(Importers::detect(m_project));
        QCOMPARE(Importers::detect(m_project)->format(), QStringLiteral("orc"));
        QVERIFY(Importers::detect(m_project + QStringLiteral("/.orc")));
        QCOMPARE(Importers::detect(m_project + QStringLiteral("/.orc"))->format(), QStringLiteral("orc"));
        const QByteArray before = sha256(orcDb());
        const QStringList files = QDir(m_project + QStringLiteral("/.orc")).entryList(QDir::Files | QDir::Hidden);
        const ImportReport report = import(m_project);
        QCOMPARE(report.projects, 1);
        QCOMPARE(report.sessions, 4);
        QCOMPARE(report.messages, 9);
        QCOMPARE(sha256(orcDb()), before);
        QCOMPARE(
            QDir(m_project + QStringLiteral("/.orc")).entryList(QDir::Files | QDir::Hidden), files); // no -shm, no -wal
        // Task and phase on every message; the session title names them.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE task IS NULL OR phase IS NULL")), 0);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM sessions WHERE title = 'TASK-001 spec: Add CSV export to the task list'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'system' AND kind = 'event'")),
            1); // the hook
        QCOMPARE(count(QStringLiteral("SELECT sum(output_tokens) FROM messages")),
            187 + 2933 + 512 + 301
                + count(
                    QStringLiteral("SELECT coalesce(sum(output_tokens), 0) FROM messages WHERE task = 'TASK-003'")));
        QCOMPARE(import(m_project).messages, 0);
    }

    void readsWhileOrcIsWriting()
    {
        QCOMPARE(import(m_project).messages, 9);
        // orc keeps its connection open in WAL mode; its newest row is only in the log.
        {
            QSqlDatabase orc = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("orc"));
            orc.setDatabaseName(orcDb());
            QVERIFY(orc.open());
            QVERIFY(Sql::run(orc, QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
            QVERIFY(Sql::run(orc,
                QStringLiteral("INSERT INTO transcripts (task_id, phase, session_id, message_uuid, type, role, "
                               "content, timestamp) "
                               "VALUES ('TASK-002', 'review', 'sess-new', 'uuid-new', 'user', 'user', 'Review the "
                               "clock change', 1769100000000)")));
            QVERIFY(QFileInfo(orcDb() + QStringLiteral("-wal")).size() > 0);
            const QByteArray before = sha256(orcDb());

            const ImportReport report = import(m_project);
            QCOMPARE(report.messages, 1);
            QCOMPARE(report.sessions, 1);
            QCOMPARE(count(QStringLiteral(
                         "SELECT count(*) FROM messages WHERE text = 'Review the clock change' AND phase = 'review'")),
                1);
            QCOMPARE(sha256(orcDb()), before);
            orc.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("orc"));
    }

    void aBrokenDatabaseIsReported()
    {
        QVERIFY(write(m_dir.filePath(QStringLiteral("bad/.orc/orc.db")),
            QByteArray("SQLite format 3\0", 16) + QByteArray(5000, 'z')));
        ImportContext context;
        QVERIFY(m_importer.run(*m_store, m_dir.filePath(QStringLiteral("bad")), context));
        QCOMPARE(context.report.skipped.size(), 1);
        QVERIFY2(context.report.skipped.first().reason.contains(QStringLiteral("cannot read")),
            qPrintable(context.report.skipped.first().reason));
        QCOMPARE(context.report.messages, 0);

        const auto nothing = m_importer.run(*m_store, m_dir.filePath(QStringLiteral("store")), context);
        QVERIFY(!nothing);
        QVERIFY(nothing.error().message.contains(QStringLiteral("no orc database")));
    }

    void importsTasksPhasesDecisionsAndEvents()
    {
        const ImportReport report = import(m_project);
        QCOMPARE(report.tasks, 4);
        QCOMPARE(report.events, 14);
        QCOMPARE(report.attachments, 5); // 2 attachments, 3 phase outputs
        QVERIFY2(report.skipped.isEmpty(), qPrintable(report.skipped.value(0).reason));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_phases")), 9);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_decisions")), 7);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_decisions WHERE approved = 0")), 1);
        // 2 comments, 2 review comments, 1 review round's findings
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_comments")), 5);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_comments WHERE text = 'CSV escaping bug; otherwise "
                                      "solid.' AND json_array_length(details, '$.orc.issues_json') = 1")),
            1);
        // The project's branches, constitution, tooling, commands and workflows, in its metadata.
        QCOMPARE(count(QStringLiteral("SELECT json_array_length(metadata, '$.orc.branches') + "
                                      "json_array_length(metadata, '$.orc.workflows') + "
                                      "json_array_length(metadata, '$.orc.phase_templates') + "
                                      "json_array_length(metadata, '$.orc.workflow_phases') + "
                                      "json_array_length(metadata, '$.orc.project_commands') + "
                                      "json_array_length(metadata, '$.orc.constitutions') + "
                                      "json_array_length(metadata, '$.orc.detection') FROM projects")),
            4 + 8 + 11 + 20 + 4 + 1 + 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_comments WHERE path != '' AND line > 0")), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM workflow_runs WHERE task_id IS NOT NULL")), 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM initiatives")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tasks WHERE initiative_id IS NOT NULL")), 3);

        auto task = Tasks::resolve(*m_store, QStringLiteral("TASK-001"));
        QVERIFY(task);
        QCOMPARE(task->title, QStringLiteral("Add CSV export to the task list"));
        QCOMPARE(task->status, QStringLiteral("completed"));
        QCOMPARE(task->initiativeKey, QStringLiteral("INIT-001"));
        // RFC 3339 with an offset: 09:12:03-06:00 is 15:12:03 UTC.
        QCOMPARE(task->createdAt, QDateTime(QDate(2026, 1, 20), QTime(15, 12, 3), Qt::UTC));
        QCOMPARE(*task->inputTokens, 41230 + 88120 + 210455 + 60233 + 20110); // the phases' sum
        QCOMPARE(task->details.value(u"orc").toObject().value(u"pr_url").toString(),
            QStringLiteral("https://github.com/example/orc-demo/pull/42"));
        auto phases = Tasks::phases(*m_store, task->id);
        QVERIFY(phases);
        QStringList names;
        for (const Tasks::Phase &phase : std::as_const(*phases))
            names << phase.name;
        QCOMPARE(names.join(u' '), QStringLiteral("spec tdd_write implement review docs")); // as they ran
        QCOMPARE(
            *Tasks::dependencies(*m_store, count(QStringLiteral("SELECT id FROM tasks WHERE source_key = 'TASK-004'"))),
            QStringList{ QStringLiteral("TASK-001") });

        // Attachments: the bytes orc kept in its database, stored as blobs.
        auto artifacts = Tasks::artifacts(*m_store, task->id);
        QVERIFY(artifacts);
        QCOMPARE(artifacts->size(), 3);
        const Tasks::Artifact &png = artifacts->first();
        QCOMPARE(png.name, QStringLiteral("mockup.png"));
        QCOMPARE(Blobs::get(*m_store, png.blobId)->left(8), QByteArray("\x89PNG\r\n\x1a\n"));

        // The event log: orc's UTC "2006-01-02 15:04:05", its JSON as written, filters.
        auto events = Events::page(*m_store, Events::Filter{ {}, task->id, { QStringLiteral("phase") }, {}, {} });
        QVERIFY(events);
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->first().timestamp, QDateTime(QDate(2026, 1, 20), QTime(15, 15, 41), Qt::UTC));
        QCOMPARE(events->first().payload, QByteArray(R"({"phase":"spec","status":"started"})"));
        Events::Filter day;
        day.from = QDateTime(QDate(2026, 1, 21), QTime(0, 0), Qt::UTC);
        QCOMPARE(Events::page(*m_store, day)->size(), 5);
        // Paging by cursor gives every event once, in order.
        QList<qint64> seen;
        std::optional<Events::Cursor> after;
        for (;;) {
            auto page = Events::page(*m_store, {}, after, 4);
            QVERIFY(page);
            for (const Events::Event &event : std::as_const(*page))
                seen << event.id;
            if (page->size() < 4)
                break;
            after = Events::cursorOf(page->last());
        }
        QCOMPARE(seen.size(), 14);

        // Importing again changes nothing that was there.
        const qint64 rows
            = count(QStringLiteral("SELECT (SELECT count(*) FROM tasks) + (SELECT count(*) FROM events) + "
                                   "(SELECT count(*) FROM task_artifacts) + (SELECT count(*) FROM blobs)"));
        QCOMPARE(import(m_project).events, 0);
        QCOMPARE(count(QStringLiteral("SELECT (SELECT count(*) FROM tasks) + (SELECT count(*) FROM events) + "
                                      "(SELECT count(*) FROM task_artifacts) + (SELECT count(*) FROM blobs)")),
            rows);
    }

    void theGlobalDatabaseGivesProjectsAndCosts()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(copyTree(corpus(QStringLiteral("seed-systems/orc/home")), home));
        const ImportReport report = import(home + QStringLiteral("/.orc"));
        QCOMPARE(report.projects, 1);
        QCOMPARE(report.events, 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM projects WHERE name = 'orc-demo' AND workspace_root = "
                                      "'/home/randy/repos/orc-demo'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'cost' AND "
                                      "json_extract(payload, '$.cost_usd') = 0.3121")),
            1);
    }

    void brokenRowsAreReportedAndTheRestImported()
    {
        {
            QSqlDatabase orc = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
            orc.setDatabaseName(orcDb());
            QVERIFY(orc.open());
            QSqlQuery query(orc);
            QVERIFY(query.exec(QStringLiteral("UPDATE event_log SET data = '{\"phase\": \"spec\", ' WHERE id = 2")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO gate_decisions (task_id, phase, gate_type, approved) "
                                              "VALUES ('TASK-999', 'spec', 'auto', 1)")));
            QVERIFY(query.exec(QStringLiteral("UPDATE event_log SET created_at = 'yesterday' WHERE id = 3")));
            orc.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("damage"));
        const ImportReport report = import(m_project);
        QCOMPARE(report.tasks, 4);
        QCOMPARE(report.events, 12);
        QCOMPARE(report.skipped.size(), 3);
        QStringList reasons;
        for (const ImportReport::Skipped &skipped : report.skipped)
            reasons << skipped.location + QStringLiteral(": ") + skipped.reason;
        QVERIFY2(reasons.join(u'\n').contains(QStringLiteral("event_log row 2: its data is not JSON")),
            qPrintable(reasons.join(u'\n')));
        QVERIFY2(reasons.join(u'\n').contains(QStringLiteral("event_log row 3: an event needs a type and a time")),
            qPrintable(reasons.join(u'\n')));
        QVERIFY2(reasons.join(u'\n').contains(QStringLiteral("no task TASK-999")), qPrintable(reasons.join(u'\n')));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_decisions")), 7);
    }

    void readsOrcsYamlFromBeforeItsDatabase()
    {
        // The upstream samples, where orc kept them: .orc/tasks/<id>/ and orc_exports/.
        const QString legacy = corpus(QStringLiteral("seed-systems/orc/upstream/legacy-yaml"));
        const QString folder = m_dir.filePath(QStringLiteral("old-project"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/.orc/tasks/TASK-001")));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/orc_exports")));
        QVERIFY(write(folder + QStringLiteral("/.orc/tasks/TASK-001/task.yaml"),
            readAll(legacy + QStringLiteral("/tasks_TASK-001_task.yaml"))));
        QVERIFY(write(folder + QStringLiteral("/.orc/tasks/TASK-001/state.yaml"),
            readAll(legacy + QStringLiteral("/tasks_TASK-001_state.yaml"))));
        QVERIFY(write(folder + QStringLiteral("/orc_exports/TASK-002.yaml"),
            readAll(legacy + QStringLiteral("/orc_exports_TASK-002.yaml"))));
        QVERIFY(write(
            folder + QStringLiteral("/orc_exports/TASK-009.yaml"), "task:\n    id: TASK-009\n  title: [broken\n"));
        QVERIFY(Importers::detect(folder));
        QCOMPARE(Importers::detect(folder)->format(), QStringLiteral("orc"));

        const ImportReport report = import(folder);
        QCOMPARE(report.tasks, 2);
        QCOMPARE(report.skipped.size(), 1);
        QVERIFY2(report.skipped.first().location.endsWith(QStringLiteral("TASK-009.yaml"))
                && report.skipped.first().reason.startsWith(QStringLiteral("line 3:")),
            qPrintable(report.skipped.first().reason));
        auto exported = Tasks::resolve(*m_store, QStringLiteral("TASK-002"));
        QVERIFY(exported);
        QVERIFY(exported->description.startsWith(QStringLiteral("Currently there's no way"))); // '' read as '
        QCOMPARE(exported->completedAt, QDateTime(QDate(2026, 1, 13), QTime(3, 12, 32, 638), Qt::UTC));
        auto phases = Tasks::phases(*m_store, exported->id);
        QVERIFY(phases);
        QCOMPARE(phases->size(), 3); // implement, test, docs: the plan's order
        QCOMPARE(phases->last().name, QStringLiteral("docs"));
        QCOMPARE(phases->last().commitSha, QStringLiteral("6bc6395cfbefa7a8bf0bafd8f8780ea374d7146b"));
        auto early = Tasks::resolve(*m_store, QStringLiteral("TASK-001"));
        QVERIFY(early);
        QCOMPARE(early->title, QStringLiteral("TASK-001")); // untitled in orc
        QVERIFY(!early->createdAt.isValid()); // Go's zero time
        QCOMPARE(Tasks::phases(*m_store, early->id)->first().status, QStringLiteral("interrupted"));

        // Beside a database, the database's tasks win.
        QVERIFY(QDir().mkpath(m_project + QStringLiteral("/.orc/tasks/TASK-001")));
        QVERIFY(write(m_project + QStringLiteral("/.orc/tasks/TASK-001/task.yaml"),
            readAll(legacy + QStringLiteral("/tasks_TASK-001_task.yaml"))));
        const ImportReport both = import(m_project);
        QCOMPARE(both.tasks, 4);
        QVERIFY(both.notes.join(u'\n').contains(QStringLiteral("TASK-001 is also in orc's database")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tasks WHERE source_key = 'TASK-001' AND title = 'Add CSV "
                                      "export to the task list'")),
            1);
    }
};

QTEST_GUILESS_MAIN(CorpusOrc)
#include "CorpusOrc.moc"
