#include <QCryptographicHash>
#include <QSet>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

#include "Blobs.h"
#include "Events.h"
#include "Importer.h"
#include "OrcTestData.h"
#include "Sql.h"
#include "Store.h"
#include "Tasks.h"
#include "TestSupport.h"
#include "orc/OrcImporter.h"

using namespace TestSupport;

// The orc importer over our own orc project "birdsong" (tests/data/orc: the databases are made from
// SQL at test time) and orc's YAML from before its database. The same checks over the seed-systems
// corpus are in CorpusOrc.
class TestOrcImporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QString m_project; // the project folder, with .orc/orc.db made from tests/data/orc
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

    static QString format(const QString &path)
    {
        const Importer *importer = Importers::detect(path);
        return importer ? importer->format() : QStringLiteral("(none)");
    }

    static QString reasons(const ImportReport &report)
    {
        QStringList all;
        for (const ImportReport::Skipped &skipped : report.skipped)
            all << skipped.location + QStringLiteral(": ") + skipped.reason;
        return all.join(u'\n');
    }

    // Runs SQL statements on orc's database as another program would (orc itself, or a person).
    bool change(const QStringList &statements)
    {
        bool ok = true;
        {
            QSqlDatabase orc = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("change"));
            orc.setDatabaseName(orcDb());
            ok = orc.open();
            for (const QString &statement : statements) {
                QSqlQuery query(orc);
                if (ok && !query.exec(statement)) {
                    qWarning().noquote() << statement << query.lastError().text();
                    ok = false;
                }
            }
            orc.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("change"));
        return ok;
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        m_project = m_dir.filePath(QStringLiteral("birdsong"));
        QVERIFY(OrcTestData::makeProject(m_project));
        auto store = Store::open(m_dir.filePath(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void importsTheTranscriptsAndChangesNothing()
    {
        QCOMPARE(format(m_project), QStringLiteral("orc"));
        QCOMPARE(format(m_project + QStringLiteral("/.orc")), QStringLiteral("orc"));
        const QByteArray before = sha256(orcDb());
        const QStringList files = QDir(m_project + QStringLiteral("/.orc")).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(files, QStringList{ QStringLiteral("orc.db") }); // as orc leaves it when it stops
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
                     "SELECT count(*) FROM sessions WHERE title = 'TASK-001 spec: Attach photos to sightings'")),
            1);
        // The hook: an event, its name, its hook event and what it printed.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE role = 'system' AND kind = 'event' AND "
                                      "text = 'orc-progress' || char(10) || 'PostToolUse' || char(10) || "
                                      "'recorded Read'")),
            1);
        // Output tokens of the four assistant turns; the prompts and the hook have none.
        QCOMPARE(count(QStringLiteral("SELECT sum(output_tokens) FROM messages")), 240 + 1800 + 650 + 410);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE output_tokens IS NOT NULL")), 4);
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
                               "summary grouping', 1770166800000)")));
            QVERIFY(QFileInfo(orcDb() + QStringLiteral("-wal")).size() > 0);
            const QByteArray before = sha256(orcDb());

            const ImportReport report = import(m_project);
            QCOMPARE(report.messages, 1);
            QCOMPARE(report.sessions, 1);
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM messages WHERE text = 'Review the summary grouping' "
                                          "AND phase = 'review'")),
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
        QCOMPARE(report.events, 17);
        QCOMPARE(report.attachments, 5); // 2 attachments, 3 phase outputs
        QVERIFY2(report.skipped.isEmpty(), qPrintable(reasons(report)));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_phases")), 9);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_decisions")), 7);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_decisions WHERE approved = 0")), 1);
        // 2 comments, 2 review comments, 1 review round's findings
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_comments")), 5);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_comments WHERE text = 'Uploads are buffered in "
                                      "memory; otherwise sound.' AND json_array_length(details, '$.orc.issues_json') "
                                      "= 1")),
            1);
        // The project's branches, constitution, tooling, commands and workflows, in its metadata.
        QCOMPARE(count(QStringLiteral("SELECT json_array_length(metadata, '$.orc.branches') + "
                                      "json_array_length(metadata, '$.orc.workflows') + "
                                      "json_array_length(metadata, '$.orc.phase_templates') + "
                                      "json_array_length(metadata, '$.orc.workflow_phases') + "
                                      "json_array_length(metadata, '$.orc.workflow_variables') + "
                                      "json_array_length(metadata, '$.orc.project_commands') + "
                                      "json_array_length(metadata, '$.orc.constitutions') + "
                                      "json_array_length(metadata, '$.orc.detection') FROM projects")),
            4 + 4 + 6 + 10 + 1 + 3 + 1 + 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_comments WHERE path != '' AND line > 0")), 2);
        // Three runs of tasks, and one (a spec on its own) of none.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM workflow_runs WHERE task_id IS NOT NULL")), 3);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM workflow_runs")), 4);
        // Two initiatives: the second waits for the first, which has two decisions.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM initiatives")), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM initiatives WHERE source_key = 'INIT-001' AND "
                                      "json_array_length(details, '$.decisions') = 2")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM initiatives WHERE source_key = 'INIT-002' AND "
                                      "json_extract(details, '$.depends_on[0]') = 'INIT-001'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tasks WHERE initiative_id IS NOT NULL")), 3);

        auto task = Tasks::resolve(*m_store, QStringLiteral("TASK-001"));
        QVERIFY(task);
        QCOMPARE(task->title, QStringLiteral("Attach photos to sightings"));
        QCOMPARE(task->status, QStringLiteral("completed"));
        QCOMPARE(task->initiativeKey, QStringLiteral("INIT-001"));
        // RFC 3339 with an offset: 08:30:00+09:00 is 23:30:00 UTC the day before.
        QCOMPARE(task->createdAt, QDateTime(QDate(2026, 2, 2), QTime(23, 30, 0), Qt::UTC));
        QCOMPARE(*task->inputTokens, 12000 + 23000 + 56000 + 17000 + 6000); // the phases' sum
        QCOMPARE(task->details.value(u"orc").toObject().value(u"pr_url").toString(),
            QStringLiteral("https://git.example.org/mika/birdsong/pulls/7"));
        auto phases = Tasks::phases(*m_store, task->id);
        QVERIFY(phases);
        QStringList names;
        for (const Tasks::Phase &phase : std::as_const(*phases))
            names << phase.name;
        // As they ran, though orc's rows are in name order.
        QCOMPARE(names.join(u' '), QStringLiteral("spec tdd_write implement review docs"));
        QCOMPARE(
            *Tasks::dependencies(*m_store, count(QStringLiteral("SELECT id FROM tasks WHERE source_key = 'TASK-004'"))),
            QStringList{ QStringLiteral("TASK-001") });

        // Attachments: the bytes orc kept in its database, stored as blobs.
        auto artifacts = Tasks::artifacts(*m_store, task->id);
        QVERIFY(artifacts);
        QCOMPARE(artifacts->size(), 3);
        const Tasks::Artifact &png = artifacts->first();
        QCOMPARE(png.name, QStringLiteral("sketch.png"));
        QCOMPARE(Blobs::get(*m_store, png.blobId)->left(8), QByteArray("\x89PNG\r\n\x1a\n"));

        // The event log: orc's UTC "2006-01-02 15:04:05", its JSON as written, filters.
        auto events = Events::page(*m_store, Events::Filter{ {}, task->id, { QStringLiteral("phase") }, {}, {} });
        QVERIFY(events);
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->first().timestamp, QDateTime(QDate(2026, 2, 2), QTime(23, 40, 5), Qt::UTC));
        QCOMPARE(events->first().payload, QByteArray(R"({"phase":"spec","status":"started"})"));
        Events::Filter day;
        day.from = QDateTime(QDate(2026, 2, 4), QTime(0, 0), Qt::UTC);
        QCOMPARE(Events::page(*m_store, day)->size(), 8);
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
        QCOMPARE(seen.size(), 17);
        QCOMPARE(QSet<qint64>(seen.cbegin(), seen.cend()).size(), 17);

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
        QVERIFY(OrcTestData::makeHome(home));
        const ImportReport report = import(home + QStringLiteral("/.orc"));
        QCOMPARE(report.projects, 2);
        QCOMPARE(report.events, 4);
        QVERIFY2(report.skipped.isEmpty(), qPrintable(reasons(report)));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM projects WHERE name = 'birdsong' AND workspace_root = "
                                      "'/home/mika/src/birdsong'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'cost' AND "
                                      "json_extract(payload, '$.cost_usd') = 0.48")),
            1);
    }

    void aCostNamesTheTaskTheStoreHas()
    {
        QCOMPARE(import(m_project).tasks, 4);
        // The registry says where birdsong is: here.
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(OrcTestData::makeHome(home));
        {
            QSqlDatabase global = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("global"));
            global.setDatabaseName(home + QStringLiteral("/.orc/orc.db"));
            QVERIFY(global.open());
            QVERIFY(Sql::run(global,
                QStringLiteral("UPDATE projects SET path = ? WHERE id = ?"),
                { QFileInfo(m_project).absoluteFilePath(), OrcTestData::projectId }));
            global.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("global"));
        QCOMPARE(import(home + QStringLiteral("/.orc")).events, 4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM projects")), 2); // birdsong is not made twice
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events e JOIN tasks t ON t.id = e.task_id WHERE "
                                      "e.type = 'cost' AND t.source_key IN ('TASK-001', 'TASK-002')")),
            3);
    }

    void readsTheDatabasesUnderHomeInOrcsNewerLayout()
    {
        // From February 2026 orc keeps a project's database in ~/.orc/projects/<id>/orc.db.
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(OrcTestData::makeHome(home));
        QVERIFY(OrcTestData::makeHomeProject(home));
        QCOMPARE(format(home + QStringLiteral("/.orc")), QStringLiteral("orc"));
        const ImportReport report = import(home + QStringLiteral("/.orc"));
        QVERIFY2(report.skipped.isEmpty(), qPrintable(reasons(report)));
        QCOMPARE(report.tasks, 4);
        QCOMPARE(report.messages, 9);
        QCOMPARE(report.events, 17 + 4); // the event log and the costs
    }

    void anOlderDatabaseWithoutTranscriptsGivesItsTasks()
    {
        // orc before January 2026 kept no transcripts in its database.
        QVERIFY(change({ QStringLiteral("DROP TABLE transcripts_fts"), QStringLiteral("DROP TABLE transcripts") }));
        const ImportReport report = import(m_project);
        QCOMPARE(report.tasks, 4);
        QCOMPARE(report.messages, 0);
        QVERIFY2(report.notes.join(u'\n').contains(QStringLiteral("has no transcripts table")),
            qPrintable(report.notes.join(u'\n')));
    }

    void brokenRowsAreReportedAndTheRestImported()
    {
        QVERIFY(change({ QStringLiteral("UPDATE event_log SET data = '{\"phase\": \"spec\", ' WHERE id = 2"),
            QStringLiteral("PRAGMA foreign_keys = OFF"),
            QStringLiteral("INSERT INTO gate_decisions (task_id, phase, gate_type, approved) "
                           "VALUES ('TASK-999', 'spec', 'auto', 1)"),
            QStringLiteral("UPDATE event_log SET created_at = 'yesterday' WHERE id = 3") }));
        const ImportReport report = import(m_project);
        QCOMPARE(report.tasks, 4);
        QCOMPARE(report.events, 15);
        QCOMPARE(report.skipped.size(), 3);
        QVERIFY2(reasons(report).contains(QStringLiteral("event_log row 2: its data is not JSON")),
            qPrintable(reasons(report)));
        QVERIFY2(reasons(report).contains(QStringLiteral("event_log row 3: an event needs a type and a time")),
            qPrintable(reasons(report)));
        QVERIFY2(reasons(report).contains(QStringLiteral("no task TASK-999")), qPrintable(reasons(report)));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM task_decisions")), 7);
    }

    void contentChangedBehindOrcsBackIsNoted()
    {
        // A spec edited by hand no longer matches its content_hash; an attachment's row says a size
        // its bytes do not have. Both are imported as they are, with a note.
        QVERIFY(change({ QStringLiteral("UPDATE phase_outputs SET content = content || 'Edited by hand.' WHERE "
                                        "task_id = 'TASK-001' AND phase_template_id = 'spec'"),
            QStringLiteral("UPDATE task_attachments SET size_bytes = 999 WHERE filename = 'ci-run.log'") }));
        const ImportReport report = import(m_project);
        QCOMPARE(report.attachments, 5);
        QVERIFY2(report.skipped.isEmpty(), qPrintable(reasons(report)));
        const QString notes = report.notes.join(u'\n');
        QVERIFY2(notes.contains(QStringLiteral("the spec output of TASK-001 does not match its content_hash")),
            qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("attachment ci-run.log of TASK-002 holds 125 bytes, not the 999")),
            qPrintable(notes));
        QCOMPARE(report.notes.size(), 2); // the untouched outputs and attachment match
    }

    void readsOrcsYamlFromBeforeItsDatabase()
    {
        // Where orc kept it: .orc/tasks/<id>/{task,state}.yaml and orc_exports/TASK-*.yaml.
        const QString legacy = testData(QStringLiteral("orc/legacy-yaml"));
        const QString folder = m_dir.filePath(QStringLiteral("old-project"));
        QVERIFY(copyTree(legacy, folder));
        QCOMPARE(format(folder), QStringLiteral("orc"));

        const ImportReport report = import(folder);
        QCOMPARE(report.tasks, 2);
        QCOMPARE(report.skipped.size(), 1); // TASK-009.yaml: a hand-edited title YAML reads as a list
        QVERIFY2(report.skipped.first().location.endsWith(QStringLiteral("TASK-009.yaml"))
                && report.skipped.first().reason.startsWith(QStringLiteral("line 3:")),
            qPrintable(reasons(report)));
        auto exported = Tasks::resolve(*m_store, QStringLiteral("TASK-002"));
        QVERIFY(exported);
        QVERIFY2(exported->description.startsWith(QStringLiteral("Birders can't narrow")), // '' read as '
            qPrintable(exported->description));
        QCOMPARE(exported->completedAt, QDateTime(QDate(2025, 12, 8), QTime(15, 45, 9, 250), Qt::UTC));
        auto phases = Tasks::phases(*m_store, exported->id);
        QVERIFY(phases);
        QCOMPARE(phases->size(), 3); // implement, test, docs: the plan's order
        QCOMPARE(phases->last().name, QStringLiteral("docs"));
        QCOMPARE(phases->last().commitSha, QStringLiteral("9c4e8a2f6d0b4e8c2a6f0d4b8e2c6a0f4d8b2e61"));
        auto early = Tasks::resolve(*m_store, QStringLiteral("TASK-001"));
        QVERIFY(early);
        QCOMPARE(early->title, QStringLiteral("TASK-001")); // untitled in orc
        QVERIFY(!early->createdAt.isValid()); // Go's zero time
        QCOMPARE(Tasks::phases(*m_store, early->id)->first().status, QStringLiteral("interrupted"));

        // Beside a database, the database's tasks win.
        QVERIFY(copyTree(legacy + QStringLiteral("/.orc/tasks"), m_project + QStringLiteral("/.orc/tasks")));
        const ImportReport both = import(m_project);
        QCOMPARE(both.tasks, 4);
        QVERIFY2(both.notes.join(u'\n').contains(QStringLiteral("TASK-001 is also in orc's database")),
            qPrintable(both.notes.join(u'\n')));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tasks WHERE source_key = 'TASK-001' AND title = 'Attach "
                                      "photos to sightings'")),
            1);
    }
};

QTEST_GUILESS_MAIN(TestOrcImporter)
#include "TestOrcImporter.moc"
