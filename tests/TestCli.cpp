#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "Files.h"
#include "OrcTestData.h"
#include "Projects.h"
#include "Store.h"
#include "TestSupport.h"

// Drives the real strata-cli executable, as scripts and people do.
class TestCli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    static Run cli(const QStringList &arguments, const QString &storeEnv = {}, const QString &language = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("STRATA_STORE"));
        if (!language.isEmpty()) {
            env.insert(QStringLiteral("LANG"), language);
            env.insert(QStringLiteral("LC_ALL"), language);
            env.insert(QStringLiteral("LANGUAGE"), language);
        }
        if (!storeEnv.isEmpty())
            env.insert(QStringLiteral("STRATA_STORE"), storeEnv);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(STRATA_CLI), arguments);
        if (!process.waitForFinished(60000))
            return {};
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError()) };
    }

    static QByteArray sha256(const QString &path)
    {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result() : QByteArray();
    }

    static void setUserVersion(const QString &path, int version)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

private Q_SLOTS:
    void initThenStatsAndProjects()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("s"));
        const Run init = cli({ QStringLiteral("init"), store });
        QCOMPARE(init.exitCode, 0);
        QVERIFY2(init.err.contains(QStringLiteral("Created an empty Strata store")), qPrintable(init.err));
        QVERIFY(init.out.isEmpty());

        const Run stats = cli({ QStringLiteral("--store"), store, QStringLiteral("stats"), QStringLiteral("--json") });
        QCOMPARE(stats.exitCode, 0);
        QJsonParseError error;
        const QJsonObject counts = QJsonDocument::fromJson(stats.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        for (const char *key : { "projects",
                 "sessions",
                 "messages",
                 "tasks",
                 "events",
                 "files",
                 "versions",
                 "snapshots",
                 "attachments",
                 "blobs",
                 "blob_bytes" }) {
            QVERIFY2(counts.contains(QLatin1StringView(key)), key);
            QCOMPARE(counts.value(QLatin1StringView(key)).toInteger(-1), 0);
        }

        const Run projects
            = cli({ QStringLiteral("--store"), store, QStringLiteral("projects"), QStringLiteral("--json") });
        QCOMPARE(projects.exitCode, 0);
        QCOMPARE(projects.out.trimmed(), QByteArray("[]"));

        // Again: init on a store changes nothing and says so.
        const QByteArray before = sha256(store + QStringLiteral("/strata.db"));
        const Run again = cli({ QStringLiteral("init"), store });
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.err.contains(QStringLiteral("already a Strata store")), qPrintable(again.err));
        QCOMPARE(sha256(store + QStringLiteral("/strata.db")), before);
    }

    void storeFromTheEnvironmentAndProjectsListed()
    {
        QTemporaryDir dir;
        {
            auto store = Store::open(dir.path(), Store::OpenMode::CreateIfMissing);
            QVERIFY(store);
            Project project;
            project.name = QStringLiteral("blog — блог");
            project.sourceKind = QStringLiteral("pocketagent");
            project.workspaceRoot = QStringLiteral("/home/me/blog");
            project.createdAt = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
            QVERIFY(Projects::create(**store, project));
        }
        const Run projects = cli({ QStringLiteral("projects"), QStringLiteral("--json") }, dir.path());
        QCOMPARE(projects.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(projects.out).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject first = list.first().toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("blog — блог"));
        QCOMPARE(first.value(QStringLiteral("workspace_root")).toString(), QStringLiteral("/home/me/blog"));
        QCOMPARE(first.value(QStringLiteral("created_at")).toString(), QStringLiteral("2025-03-01T12:00:00.000Z"));

        const Run text = cli({ QStringLiteral("--store"), dir.path(), QStringLiteral("projects") });
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(QString::fromUtf8(text.out).contains(QStringLiteral("blog — блог")), text.out.constData());

        const Run stats = cli({ QStringLiteral("stats") }, dir.path());
        QCOMPARE(stats.exitCode, 0);
        QVERIFY2(stats.out.contains("projects     1"), stats.out.constData());
    }

    void refusedStoresExitTwoAndStayUnchanged_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("newer schema") << "newer"
                                      << "newer Strata";
        QTest::newRow("random bytes") << "random"
                                      << "not a SQLite database";
        QTest::newRow("truncated") << "truncated"
                                   << "truncated";
    }

    void refusedStoresExitTwoAndStayUnchanged()
    {
        QFETCH(QString, kind);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("strata.db"));
        if (kind == u"random") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = 0; i < 4096; ++i)
                file.write(QByteArray::number(i * 2654435761u, 16));
        } else {
            QCOMPARE(cli({ QStringLiteral("init"), dir.path() }).exitCode, 0);
            if (kind == u"newer") {
                setUserVersion(path, 1000);
            } else {
                setUserVersion(path, 1); // a write, so the file has pages to lose
                QFile file(path);
                QVERIFY(file.resize(file.size() - 1000));
            }
        }
        const QByteArray before = sha256(path);
        for (const QString &command :
            { QStringLiteral("stats"), QStringLiteral("projects"), QStringLiteral("verify") }) {
            const Run run = cli({ QStringLiteral("--store"), dir.path(), command });
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(says), qPrintable(run.err));
            QVERIFY2(run.err.contains(path), qPrintable(run.err));
            if (command != u"verify") // verify also reports damage as its finding, on stdout
                QVERIFY(run.out.isEmpty());
        }
        QCOMPARE(sha256(path), before);
    }

    void usageErrorsExitOne_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("no command") << QStringList{} << "Usage:";
        QTest::newRow("unknown command") << QStringList{ QStringLiteral("frobnicate") } << "unknown command frobnicate";
        QTest::newRow("unknown option") << QStringList{ QStringLiteral("--frob") } << "unknown option --frob";
        QTest::newRow("no store") << QStringList{ QStringLiteral("stats") } << "no store given";
        QTest::newRow("store without folder")
            << QStringList{ QStringLiteral("stats"), QStringLiteral("--store") } << "--store needs a folder";
        QTest::newRow("bad command option") << QStringList{
            QStringLiteral("--store"), QStringLiteral("/tmp"), QStringLiteral("stats"), QStringLiteral("--bogus")
        } << "Unknown option 'bogus'";
        QTest::newRow("init without folder") << QStringList{ QStringLiteral("init") } << "init needs a folder";
    }

    void usageErrorsExitOne()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
    }

    void missingStoreExitsTwo()
    {
        QTemporaryDir dir;
        const Run run
            = cli({ QStringLiteral("--store"), dir.filePath(QStringLiteral("absent")), QStringLiteral("stats") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("does not exist")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("absent"))));
    }

    void helpAndVersion()
    {
        const Run help = cli({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        for (const char *command : { "init DIR", "stats", "verify", "projects" })
            QVERIFY2(help.out.contains(command), command);
        const Run commandHelp = cli({ QStringLiteral("stats"), QStringLiteral("--help") });
        QCOMPARE(commandHelp.exitCode, 0);
        QVERIFY2(commandHelp.out.contains("--json"), commandHelp.out.constData());
        const Run version = cli({ QStringLiteral("--version") });
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.startsWith("strata-cli " STRATA_VERSION " (Qt 6."), version.out.constData());
        QVERIFY2(
            version.out.contains("SQLite 3.") && version.out.contains("libgit2 1.") && version.out.contains("zstd 1."),
            version.out.constData());
    }

    void renameAndDeleteProjects()
    {
        QTemporaryDir dir;
        qint64 id = 0;
        {
            auto store = Store::open(dir.path(), Store::OpenMode::CreateIfMissing);
            QVERIFY(store);
            Project project;
            project.name = QStringLiteral("old");
            project.sourceKind = QStringLiteral("manual");
            id = Projects::create(**store, project)->id;
        }
        const QString store = dir.path();
        const QString shownId = QString::number(id);
        const Run renamed = cli({ QStringLiteral("--store"),
            store,
            QStringLiteral("project"),
            QStringLiteral("rename"),
            shownId,
            QStringLiteral("new name") });
        QCOMPARE(renamed.exitCode, 0);
        const Run listed
            = cli({ QStringLiteral("--store"), store, QStringLiteral("projects"), QStringLiteral("--json") });
        QCOMPARE(
            QJsonDocument::fromJson(listed.out).array().first().toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("new name"));

        const Run unconfirmed
            = cli({ QStringLiteral("--store"), store, QStringLiteral("project"), QStringLiteral("delete"), shownId });
        QCOMPARE(unconfirmed.exitCode, 1);
        QVERIFY2(unconfirmed.err.contains(QStringLiteral("--yes")), qPrintable(unconfirmed.err));
        const Run missing = cli({ QStringLiteral("--store"),
            store,
            QStringLiteral("project"),
            QStringLiteral("delete"),
            QStringLiteral("999"),
            QStringLiteral("--yes") });
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("no project with id 999")), qPrintable(missing.err));
        const Run notANumber = cli({ QStringLiteral("--store"),
            store,
            QStringLiteral("project"),
            QStringLiteral("rename"),
            QStringLiteral("blog"),
            QStringLiteral("x") });
        QCOMPARE(notANumber.exitCode, 1);

        const Run deleted = cli({ QStringLiteral("--store"),
            store,
            QStringLiteral("project"),
            QStringLiteral("delete"),
            shownId,
            QStringLiteral("--yes") });
        QCOMPARE(deleted.exitCode, 0);
        QCOMPARE(cli({ QStringLiteral("--store"), store, QStringLiteral("projects"), QStringLiteral("--json") })
                     .out.trimmed(),
            QByteArray("[]"));
    }

    void aDamagedStoreIsReportedAndLeftAlone()
    {
        QTemporaryDir dir;
        {
            auto store = Store::open(dir.path(), Store::OpenMode::CreateIfMissing);
            QVERIFY(store);
            for (int i = 0; i < 200; ++i) {
                Project project;
                project.name = QStringLiteral("project %1").arg(i);
                project.sourceKind = QStringLiteral("manual");
                project.metadata.insert(QStringLiteral("padding"), QString(2000, u'x'));
                QVERIFY(Projects::create(**store, project));
            }
            QVERIFY(Files::makeFolder((*store)->backupsFolder()));
            QVERIFY((*store)->backupTo((*store)->backupsFolder() + QStringLiteral("/before.db")));
        } // closing checkpoints the log into the file
        const QString path = dir.filePath(QStringLiteral("strata.db"));
        {
            // Garbage over the headers of some b-tree pages, as a failing disk leaves it.
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() > 40 * 4096);
            for (int page : { 2, 3, 4, 10, 20, 40 }) {
                QVERIFY(file.seek(qint64(page) * 4096));
                file.write(QByteArray(12, '\x77'));
            }
        }
        const QByteArray before = sha256(path);

        const Run projects = cli({ QStringLiteral("--store"), dir.path(), QStringLiteral("projects") });
        QCOMPARE(projects.exitCode, 2);
        QVERIFY2(projects.err.contains(QStringLiteral("damaged")), qPrintable(projects.err));
        QVERIFY2(projects.err.contains(QStringLiteral("strata-cli verify")), qPrintable(projects.err));
        QVERIFY2(projects.err.contains(QStringLiteral("backups/before.db")), qPrintable(projects.err));

        const Run verify
            = cli({ QStringLiteral("--store"), dir.path(), QStringLiteral("verify"), QStringLiteral("--json") });
        QCOMPARE(verify.exitCode, 2);
        const QJsonObject report = QJsonDocument::fromJson(verify.out).object();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY(!report.value(QStringLiteral("problems")).toArray().isEmpty());
        QCOMPARE(sha256(path), before);
    }

    void logDiffAndRestoreAFileVersion()
    {
        // A copy of an Arium workspace, so that a restore writes into a folder of the test's own.
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("store"));
        const QString arium = dir.filePath(QStringLiteral("lantern"));
        QVERIFY(TestSupport::copyTree(TestSupport::testData(QStringLiteral("arium/workspace/lantern")), arium));
        QCOMPARE(cli({ QStringLiteral("init"), store }).exitCode, 0);
        const Run imported = cli({ QStringLiteral("import"), arium }, store);
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains("3 file versions, 2 snapshots added"), imported.out.constData());

        const Run log = cli({ QStringLiteral("log"),
                                QStringLiteral("--project"),
                                QStringLiteral("lantern"),
                                QStringLiteral("src/greet.ts"),
                                QStringLiteral("--json") },
            store);
        QCOMPARE(log.exitCode, 0);
        const QJsonArray versions = QJsonDocument::fromJson(log.out).array();
        QCOMPARE(versions.size(), 2);
        const qint64 newer = versions.at(0).toObject().value(QStringLiteral("id")).toInteger();
        const qint64 older = versions.at(1).toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(versions.at(0).toObject().value(QStringLiteral("previous")).toInteger(), older);
        QCOMPARE(versions.at(0).toObject().value(QStringLiteral("added")).toInt(), 1);

        const Run diff = cli({ QStringLiteral("diff"), QString::number(older), QString::number(newer) }, store);
        QCOMPARE(diff.exitCode, 0);
        QCOMPARE(diff.out,
            QByteArray("--- a/src/greet.ts\n+++ b/src/greet.ts\n@@ -1,3 +1,3 @@\n"
                       " export function greet(name: string): string {\n"
                       "-  return \"Hello, \" + name;\n"
                       "+  return \"Привіт, \" + name + \" — ça va ? 🏮\";\n"
                       " }\n"));

        // The files/ folder holds the newer version: restoring the older one shows the change
        // first, asks for --yes, keeps the disk's content as a version, then writes.
        const QString target = arium + QStringLiteral("/files/src/greet.ts");
        const QByteArray before = TestSupport::readAll(target);
        const Run dry = cli({ QStringLiteral("restore"), QString::number(older), QStringLiteral("--dry-run") }, store);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains("+  return \"Hello, \" + name;"), dry.out.constData());
        QVERIFY2(dry.err.contains(u"Would write"), qPrintable(dry.err));
        const Run unconfirmed = cli({ QStringLiteral("restore"), QString::number(older) }, store);
        QCOMPARE(unconfirmed.exitCode, 1);
        QVERIFY2(unconfirmed.err.contains(u"add --yes"), qPrintable(unconfirmed.err));
        QCOMPARE(TestSupport::readAll(target), before);
        const Run restored = cli({ QStringLiteral("restore"), QString::number(older), QStringLiteral("--yes") }, store);
        QCOMPARE(restored.exitCode, 0);
        QVERIFY2(restored.err.contains(u"Restored"), qPrintable(restored.err));
        QCOMPARE(TestSupport::readAll(target),
            QByteArray("export function greet(name: string): string {\n  return \"Hello, \" + name;\n}\n"));
        const Run missing = cli({ QStringLiteral("restore"), QStringLiteral("9999"), QStringLiteral("--yes") }, store);
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(u"no version 9999"), qPrintable(missing.err));
        QCOMPARE(cli({ QStringLiteral("diff"), QStringLiteral("x"), QStringLiteral("1") }, store).exitCode, 1);
    }

    void snapshotsCreateListShowAndCompare()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("store"));
        const QString tree = dir.filePath(QStringLiteral("work"));
        QVERIFY(TestSupport::write(tree + QStringLiteral("/src/a.c"), "int a;\n"));
        QVERIFY(TestSupport::write(tree + QStringLiteral("/README.md"), "# Work\n"));
        QVERIFY(TestSupport::write(tree + QStringLiteral("/node_modules/x.js"), "ignored\n"));
        QCOMPARE(cli({ QStringLiteral("init"), store }).exitCode, 0);

        // A folder that is no project's workspace becomes a project.
        const Run first = cli({ QStringLiteral("snapshot"),
                                  QStringLiteral("create"),
                                  tree,
                                  QStringLiteral("--label"),
                                  QStringLiteral("start"),
                                  QStringLiteral("--json") },
            store);
        QCOMPARE(first.exitCode, 0);
        const QJsonObject made = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(made.value(QStringLiteral("files")).toInt(), 2);
        QVERIFY2(first.err.contains(u"New project"), qPrintable(first.err));
        const Run projects = cli({ QStringLiteral("projects"), QStringLiteral("--json") }, store);
        QCOMPARE(QJsonDocument::fromJson(projects.out).array().size(), 1);

        QVERIFY(TestSupport::write(tree + QStringLiteral("/src/a.c"), "int a;\nint b;\n"));
        QVERIFY(TestSupport::write(tree + QStringLiteral("/new.txt"), "new\n"));
        const Run againstDisk = cli({ QStringLiteral("snapshot"),
                                        QStringLiteral("diff"),
                                        QStringLiteral("start"),
                                        QStringLiteral("disk"),
                                        QStringLiteral("--json") },
            store);
        QCOMPARE(againstDisk.exitCode, 0);
        const QJsonArray changes = QJsonDocument::fromJson(againstDisk.out).array();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("added"));
        QCOMPARE(changes.at(1).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("src/a.c"));
        QCOMPARE(changes.at(1).toObject().value(QStringLiteral("added")).toInt(), 1);

        // The same project by name, a second snapshot, and the patch between the two.
        QCOMPARE(cli({ QStringLiteral("snapshot"),
                         QStringLiteral("create"),
                         QStringLiteral("--project"),
                         QStringLiteral("work"),
                         QStringLiteral("--label"),
                         QStringLiteral("end") },
                     store)
                     .exitCode,
            0);
        const Run list = cli({ QStringLiteral("snapshot"), QStringLiteral("list"), QStringLiteral("--json") }, store);
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 2);
        const Run patch = cli({ QStringLiteral("snapshot"),
                                  QStringLiteral("diff"),
                                  QStringLiteral("start"),
                                  QStringLiteral("end"),
                                  QStringLiteral("--patch") },
            store);
        QCOMPARE(patch.exitCode, 0);
        QVERIFY2(patch.out.contains("--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+new\n"), patch.out.constData());
        QVERIFY2(patch.out.contains("@@ -1 +1,2 @@\n int a;\n+int b;\n"), patch.out.constData());
        const Run show = cli({ QStringLiteral("snapshot"), QStringLiteral("show"), QStringLiteral("end") }, store);
        QVERIFY2(show.out.contains("new.txt") && !show.out.contains("node_modules"), show.out.constData());

        QCOMPARE(
            cli({ QStringLiteral("snapshot"), QStringLiteral("show"), QStringLiteral("nope") }, store).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("snapshot"), QStringLiteral("explode") }, store).exitCode, 1);
        const Run missing = cli(
            { QStringLiteral("snapshot"), QStringLiteral("create"), dir.filePath(QStringLiteral("gone")) }, store);
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(u"does not exist"), qPrintable(missing.err));
    }

    void importAndSearch()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("store"));
        const QString data = dir.filePath(QStringLiteral("data"));
        QVERIFY(TestSupport::copyTree(TestSupport::testData(QStringLiteral("pocketagent/data")), data));
        QCOMPARE(cli({ QStringLiteral("init"), store }).exitCode, 0);

        const Run formats = cli({ QStringLiteral("import"), QStringLiteral("--list-formats") });
        QCOMPARE(formats.exitCode, 0);
        QVERIFY2(formats.out.contains("pocketagent"), formats.out.constData());

        // The format is recognised from the path; a bad line is reported with its place.
        QVERIFY(TestSupport::append(data
                + QStringLiteral("/projects/e47a0c93-1b58-4f6d-8a2e-9d35c6b7f180/logs/"
                                 "messages_2025-10-26_23-52-10.jsonl"),
            "{broken\n"));
        const Run imported
            = cli({ QStringLiteral("--store"), store, QStringLiteral("import"), data, QStringLiteral("--json") });
        QCOMPARE(imported.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(imported.out).array().first().toObject();
        QCOMPARE(report.value(QStringLiteral("format")).toString(), QStringLiteral("pocketagent"));
        QCOMPARE(report.value(QStringLiteral("added")).toObject().value(QStringLiteral("messages")).toInt(), 33);
        QCOMPARE(report.value(QStringLiteral("added")).toObject().value(QStringLiteral("projects")).toInt(), 3);
        const QJsonObject skipped = report.value(QStringLiteral("skipped")).toArray().first().toObject();
        QVERIFY(skipped.value(QStringLiteral("location"))
                    .toString()
                    .endsWith(QStringLiteral("messages_2025-10-26_23-52-10.jsonl:10")));
        QVERIFY(skipped.value(QStringLiteral("reason")).toString().contains(QStringLiteral("not valid JSON")));

        const Run again = cli({ QStringLiteral("--store"), store, QStringLiteral("import"), data });
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("0 messages, 0 file versions, 0 snapshots added"), again.out.constData());

        const Run found = cli({ QStringLiteral("--store"),
            store,
            QStringLiteral("search"),
            QStringLiteral("disclosure"),
            QStringLiteral("--project"),
            QStringLiteral("field-notes"),
            QStringLiteral("--json") });
        QCOMPARE(found.exitCode, 0);
        const QJsonArray hits = QJsonDocument::fromJson(found.out).array();
        QCOMPARE(hits.size(), 4);
        const QJsonObject hit = hits.first().toObject();
        for (const char *key : { "project", "session", "message", "role", "timestamp", "snippet" })
            QVERIFY2(hit.contains(QLatin1StringView(key)), key);
        QCOMPARE(hit.value(QStringLiteral("project")).toString(), QStringLiteral("field-notes"));
        QVERIFY(hit.value(QStringLiteral("snippet")).toString().contains(QStringLiteral("**disclosure**")));
        QVERIFY(hit.value(QStringLiteral("timestamp")).toString().endsWith(u'Z'));

        const Run filtered = cli({ QStringLiteral("--store"),
            store,
            QStringLiteral("search"),
            QStringLiteral("disclosure"),
            QStringLiteral("--role"),
            QStringLiteral("user"),
            QStringLiteral("--until"),
            QStringLiteral("2025-10-27"),
            QStringLiteral("--json") });
        QCOMPARE(QJsonDocument::fromJson(filtered.out).array().size(), 1);

        // No words, a time range: what happened then, newest first.
        const Run since = cli({ QStringLiteral("--store"),
            store,
            QStringLiteral("search"),
            QStringLiteral("--since"),
            QStringLiteral("2025-10-27"),
            QStringLiteral("--json") });
        QCOMPARE(since.exitCode, 0);
        const QJsonArray recent = QJsonDocument::fromJson(since.out).array();
        QCOMPARE(recent.size(), 3);
        QCOMPARE(recent.first().toObject().value(QStringLiteral("snippet")).toString(),
            QStringLiteral("Claude process exited with code 1"));
        QCOMPARE(cli({ QStringLiteral("--store"), store, QStringLiteral("search") }).exitCode, 1);

        const Run badQuery
            = cli({ QStringLiteral("--store"), store, QStringLiteral("search"), QStringLiteral("\"unclosed") });
        QCOMPARE(badQuery.exitCode, 1);
        QVERIFY2(badQuery.err.contains(QStringLiteral("quotation mark is not closed")), qPrintable(badQuery.err));
        const Run noProject = cli({ QStringLiteral("--store"),
            store,
            QStringLiteral("search"),
            QStringLiteral("x"),
            QStringLiteral("--project"),
            QStringLiteral("nope") });
        QCOMPARE(noProject.exitCode, 2);

        const Run unknown = cli({ QStringLiteral("--store"), store, QStringLiteral("import"), dir.path() });
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("--format")), qPrintable(unknown.err));
        const Run missing
            = cli({ QStringLiteral("--store"), store, QStringLiteral("import"), dir.filePath(QStringLiteral("gone")) });
        QCOMPARE(missing.exitCode, 2);
        const Run wrongFormat = cli({ QStringLiteral("--store"),
            store,
            QStringLiteral("import"),
            QStringLiteral("--format"),
            QStringLiteral("nonsense"),
            data });
        QCOMPARE(wrongFormat.exitCode, 1);
    }

    void speaksUkrainian()
    {
        // Messages from the model (a search that cannot be read) and from the command line itself.
        QTemporaryDir dir;
        QCOMPARE(cli({ QStringLiteral("init"), dir.path() }).exitCode, 0);
        const QString uk = QStringLiteral("uk_UA.UTF-8");
        const Run search
            = cli({ QStringLiteral("--store"), dir.path(), QStringLiteral("search"), QStringLiteral("\"x") }, {}, uk);
        QCOMPARE(search.exitCode, 1);
        QVERIFY2(search.err.contains(QStringLiteral("лапки не закрито")), qPrintable(search.err));
        const Run newer
            = cli({ QStringLiteral("--store"), dir.filePath(QStringLiteral("nope")), QStringLiteral("stats") }, {}, uk);
        QVERIFY2(newer.err.contains(QStringLiteral("теки не існує")), qPrintable(newer.err));
        // An importer's own words: orc's YAML reader on a file it cannot read (its strings were
        // once filed by lupdate under a context the code never asked for).
        const QString legacy = dir.filePath(QStringLiteral("legacy"));
        QVERIFY(TestSupport::copyTree(TestSupport::testData(QStringLiteral("orc/legacy-yaml")), legacy));
        const Run yaml = cli({ QStringLiteral("--store"),
                                 dir.path(),
                                 QStringLiteral("import"),
                                 QStringLiteral("--format"),
                                 QStringLiteral("orc"),
                                 legacy },
            {},
            uk);
        QVERIFY2(yaml.out.contains("TASK-009.yaml") && yaml.out.contains("рядок 3:"), yaml.out.constData());
    }

    void verifyReportsBrokenReferences()
    {
        QTemporaryDir dir;
        QCOMPARE(cli({ QStringLiteral("init"), dir.path() }).exitCode, 0);
        const Run sound
            = cli({ QStringLiteral("--store"), dir.path(), QStringLiteral("verify"), QStringLiteral("--json") });
        QCOMPARE(sound.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(sound.out).object().value(QStringLiteral("ok")).toBool(false), true);

        // A row that points nowhere, written with foreign keys off as a careless tool would.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(dir.filePath(QStringLiteral("strata.db")));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, project_id INTEGER "
                                              "REFERENCES projects (id))")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO notes (project_id) VALUES (31337)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));

        const Run broken
            = cli({ QStringLiteral("--store"), dir.path(), QStringLiteral("verify"), QStringLiteral("--json") });
        QCOMPARE(broken.exitCode, 2);
        const QJsonObject report = QJsonDocument::fromJson(broken.out).object();
        QCOMPARE(report.value(QStringLiteral("ok")).toBool(true), false);
        const QString problem = report.value(QStringLiteral("problems")).toArray().first().toString();
        QVERIFY2(problem.contains(QStringLiteral("notes")) && problem.contains(QStringLiteral("projects")),
            qPrintable(problem));

        const Run text = cli({ QStringLiteral("--store"), dir.path(), QStringLiteral("verify") });
        QCOMPARE(text.exitCode, 2);
        QVERIFY2(text.out.contains("1 problem(s) found."), text.out.constData());
    }

    void verifyReadsEveryFileContent()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("store"));
        QCOMPARE(cli({ QStringLiteral("init"), store }).exitCode, 0);
        QCOMPARE(
            cli({ QStringLiteral("import"), TestSupport::testData(QStringLiteral("arium/workspace")) }, store).exitCode,
            0);
        QCOMPARE(cli({ QStringLiteral("verify") }, store).exitCode, 0);
        // One byte of one stored content changed behind Strata's back.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(store + QStringLiteral("/strata.db"));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(
                QStringLiteral("UPDATE blobs SET sha256 = zeroblob(32) WHERE id = (SELECT max(id) FROM blobs)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        const Run damaged = cli({ QStringLiteral("verify"), QStringLiteral("--json") }, store);
        QCOMPARE(damaged.exitCode, 2);
        const QJsonArray problems
            = QJsonDocument::fromJson(damaged.out).object().value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().toString().contains(u"damaged"), qPrintable(problems.first().toString()));
    }

    void tasksEventsAndExports()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("store"));
        QVERIFY(OrcTestData::makeProject(dir.filePath(QStringLiteral("demo"))));
        QCOMPARE(cli({ QStringLiteral("init"), store }).exitCode, 0);
        const Run imported = cli({ QStringLiteral("import"),
                                     QStringLiteral("--format"),
                                     QStringLiteral("orc"),
                                     dir.filePath(QStringLiteral("demo")) },
            store);
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains("tasks: 4, events: 17"), imported.out.constData());

        const Run running = cli({ QStringLiteral("tasks"),
                                    QStringLiteral("--status"),
                                    QStringLiteral("running"),
                                    QStringLiteral("--json") },
            store);
        QCOMPARE(running.exitCode, 0);
        const QJsonArray tasks = QJsonDocument::fromJson(running.out).array();
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(tasks.first().toObject().value(u"key").toString(), QStringLiteral("TASK-002"));

        const Run shown = cli({ QStringLiteral("task"), QStringLiteral("TASK-001") }, store);
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains("review        ai      rejected   1 blocker finding; back to implement"),
            shown.out.constData());
        QVERIFY(shown.out.contains("sketch.png"));
        const Run missing = cli({ QStringLiteral("task"), QStringLiteral("TASK-404") }, store);
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QStringLiteral("there is no task TASK-404")), qPrintable(missing.err));

        const Run errors = cli({ QStringLiteral("events"),
                                   QStringLiteral("--type"),
                                   QStringLiteral("error,warning"),
                                   QStringLiteral("--json") },
            store);
        QCOMPARE(errors.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(errors.out).array().size(), 2);
        const Run late = cli({ QStringLiteral("events"),
                                 QStringLiteral("--task"),
                                 QStringLiteral("TASK-002"),
                                 QStringLiteral("--since"),
                                 QStringLiteral("2026-02-04T00:20:00Z") },
            store);
        QCOMPARE(late.exitCode, 0);
        QCOMPARE(late.out.count('\n'), 1);
        QVERIFY2(late.out.contains("heartbeat"), late.out.constData());
        QCOMPARE(
            cli({ QStringLiteral("events"), QStringLiteral("--since"), QStringLiteral("last week") }, store).exitCode,
            1);

        // Export, verify, tamper, verify again: exit 2 naming each file.
        const QString zip = dir.filePath(QStringLiteral("TASK-001.zip"));
        const Run exported = cli({ QStringLiteral("export"),
                                     QStringLiteral("TASK-001"),
                                     QStringLiteral("--to"),
                                     zip,
                                     QStringLiteral("--zip") },
            store);
        QCOMPARE(exported.exitCode, 0);
        QCOMPARE(cli({ QStringLiteral("verify-export"), zip }).exitCode, 0);
        const QString folder = dir.filePath(QStringLiteral("orc-layout"));
        QCOMPARE(cli({ QStringLiteral("export"),
                         QStringLiteral("1"),
                         QStringLiteral("--to"),
                         folder,
                         QStringLiteral("--layout"),
                         QStringLiteral("orc") },
                     store)
                     .exitCode,
            0);
        QVERIFY(QFile::remove(folder + QStringLiteral("/transcripts/003_spec.txt")));
        QVERIFY(TestSupport::append(folder + QStringLiteral("/task.yaml"), "status: tampered\n"));
        const Run tampered = cli({ QStringLiteral("verify-export"), folder });
        QCOMPARE(tampered.exitCode, 2);
        QVERIFY2(tampered.err.contains(QStringLiteral("missing: transcripts/003_spec.txt")), qPrintable(tampered.err));
        QVERIFY2(tampered.err.contains(QStringLiteral("altered: task.yaml")), qPrintable(tampered.err));
        // An existing target is refused, and left as it was.
        const Run again = cli({ QStringLiteral("export"),
                                  QStringLiteral("TASK-001"),
                                  QStringLiteral("--to"),
                                  zip,
                                  QStringLiteral("--zip") },
            store);
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
        QCOMPARE(cli({ QStringLiteral("verify-export"), zip }).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
