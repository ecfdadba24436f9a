#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "Projects.h"
#include "Sql.h"
#include "Store.h"

class TestProjects : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

    Project draft(const QString &name, const QString &location = {})
    {
        Project project;
        project.name = name;
        project.sourceKind = QStringLiteral("pocketagent");
        project.sourceLocation = location;
        project.workspaceRoot = QStringLiteral("/home/dev/") + name;
        return project;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        auto store = Store::open(m_dir.path(), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void createAndFind()
    {
        Project project = draft(QStringLiteral("  tomato-tracker  "), QStringLiteral("/data/projects/3f6c"));
        project.metadata = QJsonObject{ { QStringLiteral("state"), QStringLiteral("IDLE") },
            { QStringLiteral("tags"), QJsonArray{ 1, 2 } } };
        project.createdAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        const auto created = Projects::create(*m_store, project);
        QVERIFY(created);
        QVERIFY(created->id > 0);
        QCOMPARE(created->name, QStringLiteral("tomato-tracker"));
        QCOMPARE(created->lastActiveAt, project.createdAt); // defaults to the creation time

        const auto found = Projects::find(*m_store, created->id);
        QVERIFY(found && *found);
        const Project &stored = **found;
        QCOMPARE(stored.name, QStringLiteral("tomato-tracker"));
        QCOMPARE(stored.sourceKind, QStringLiteral("pocketagent"));
        QCOMPARE(stored.sourceLocation, QStringLiteral("/data/projects/3f6c"));
        QCOMPARE(stored.workspaceRoot, QStringLiteral("/home/dev/  tomato-tracker  "));
        QCOMPARE(stored.createdAt, project.createdAt);
        QCOMPARE(stored.metadata, project.metadata);

        const auto missing = Projects::find(*m_store, 9999);
        QVERIFY(missing && !*missing);
    }

    void projectsOfOneWorkspaceFindEachOther()
    {
        const auto claude = Projects::create(
            *m_store, Projects::inFolder(QStringLiteral("claude-code"), QStringLiteral("/src/shop")));
        const auto orc
            = Projects::create(*m_store, Projects::inFolder(QStringLiteral("orc"), QStringLiteral("/src/shop/")));
        Project other = Projects::inFolder(QStringLiteral("git"), QStringLiteral("/src/shopping"));
        QVERIFY(claude && orc && Projects::create(*m_store, other));
        const auto same = Projects::sameWorkspace(*m_store, *claude);
        QVERIFY(same);
        QCOMPARE(same->size(), 1); // the orc project ("/src/shop/"), not "/src/shopping"
        QCOMPARE(same->first().id, orc->id);
        QCOMPARE(Projects::sameWorkspace(*m_store, *orc)->size(), 1);
        Project nowhere = *claude;
        nowhere.workspaceRoot.clear();
        QCOMPARE(Projects::sameWorkspace(*m_store, nowhere)->size(), 0);
    }

    void refusesAnEmptyName()
    {
        const auto created = Projects::create(*m_store, draft(QStringLiteral("   ")));
        QVERIFY(!created);
        QCOMPARE(created.error().code, Error::Code::InvalidArgument);
        QCOMPARE(Projects::all(*m_store)->size(), 0);
    }

    void oneProjectPerSourceLocation()
    {
        QVERIFY(Projects::create(*m_store, draft(QStringLiteral("a"), QStringLiteral("/src/one"))));
        const auto again = Projects::create(*m_store, draft(QStringLiteral("b"), QStringLiteral("/src/one")));
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::Database);
        QVERIFY2(again.error().message.contains(QStringLiteral("UNIQUE")), qPrintable(again.error().message));
        // Projects without a location (made by hand) may repeat.
        QVERIFY(Projects::create(*m_store, draft(QStringLiteral("c"))));
        QVERIFY(Projects::create(*m_store, draft(QStringLiteral("c"))));
    }

    void pagesByNameWithoutGapsOrRepeats()
    {
        const QStringList names{ QStringLiteral("beta"),
            QStringLiteral("Alpha"),
            QStringLiteral("gamma"),
            QStringLiteral("alpha"),
            QStringLiteral("Delta"),
            QStringLiteral("epsilon"),
            QStringLiteral("beta"),
            QStringLiteral("zeta") };
        for (const QString &name : names)
            QVERIFY(Projects::create(*m_store, draft(name)));

        QStringList seen;
        std::optional<ProjectCursor> cursor;
        int pages = 0;
        for (;;) {
            const auto page = Projects::page(*m_store, cursor, 3);
            QVERIFY(page);
            for (const Project &project : *page)
                seen << project.name;
            ++pages;
            if (page->size() < 3)
                break;
            cursor = Projects::cursorOf(page->constLast());
        }
        QCOMPARE(pages, 3);
        QCOMPARE(seen,
            (QStringList{ QStringLiteral("Alpha"),
                QStringLiteral("alpha"),
                QStringLiteral("beta"),
                QStringLiteral("beta"),
                QStringLiteral("Delta"),
                QStringLiteral("epsilon"),
                QStringLiteral("gamma"),
                QStringLiteral("zeta") }));
        QStringList all;
        const auto everything = Projects::all(*m_store);
        QVERIFY(everything);
        for (const Project &project : *everything)
            all << project.name;
        QCOMPARE(all, seen);
    }

    void rename()
    {
        const auto created = Projects::create(*m_store, draft(QStringLiteral("old")));
        QVERIFY(Projects::rename(*m_store, created->id, QStringLiteral(" new name ")));
        QCOMPARE((*Projects::find(*m_store, created->id))->name, QStringLiteral("new name"));
        QCOMPARE(Projects::rename(*m_store, created->id, QString()).error().code, Error::Code::InvalidArgument);
        const auto missing = Projects::rename(*m_store, 4242, QStringLiteral("x"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QVERIFY2(missing.error().message.contains(QStringLiteral("4242")), qPrintable(missing.error().message));
    }

    void removeCascadesToWhatBelongsToTheProject()
    {
        // A child table like the ones later schema versions add: foreign keys must be enforced.
        const QSqlDatabase db = m_store->database();
        QVERIFY(Sql::run(db,
            QStringLiteral("CREATE TABLE children (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL "
                           "REFERENCES projects (id) ON DELETE CASCADE)")));
        const auto keep = Projects::create(*m_store, draft(QStringLiteral("keep")));
        const auto drop = Projects::create(*m_store, draft(QStringLiteral("drop")));
        for (qint64 owner : { keep->id, drop->id, drop->id })
            QVERIFY(Sql::run(db, QStringLiteral("INSERT INTO children (project_id) VALUES (?)"), { owner }));
        QVERIFY(!Sql::run(db, QStringLiteral("INSERT INTO children (project_id) VALUES (777)"))); // enforced

        QVERIFY(Projects::remove(*m_store, drop->id));
        QCOMPARE(Sql::value(db, QStringLiteral("SELECT count(*) FROM children"))->toInt(), 1);
        QCOMPARE(Sql::value(db, QStringLiteral("SELECT project_id FROM children"))->toLongLong(), keep->id);
        QCOMPARE(Projects::all(*m_store)->size(), 1);
        QCOMPARE(Projects::remove(*m_store, drop->id).error().code, Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestProjects)
#include "TestProjects.moc"
