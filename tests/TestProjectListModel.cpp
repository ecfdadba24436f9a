#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "ProjectListModel.h"
#include "Projects.h"
#include "Sql.h"
#include "Store.h"

class TestProjectListModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Store> m_store;

    void addProjects(int count)
    {
        for (int i = 0; i < count; ++i) {
            Project project;
            project.name = QStringLiteral("project %1").arg(i, 3, 10, QLatin1Char('0'));
            project.sourceKind = QStringLiteral("claude-code");
            project.workspaceRoot = QStringLiteral("/work/p%1").arg(i);
            QVERIFY(Projects::create(*m_store, project));
        }
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        auto store = Store::open(m_dir.path(), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
    }

    void cleanup() { m_store.reset(); }

    void loadsAPageAtATime()
    {
        addProjects(10);
        ProjectListModel model(m_store, nullptr, 4);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The tester itself fetches; count what is loaded from here.
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("project 000"));
        QCOMPARE(model.index(9, 0).data(ProjectListModel::WorkspaceRole).toString(), QStringLiteral("/work/p9"));
        QCOMPARE(model.index(3, 0).data(ProjectListModel::SourceKindRole).toString(), QStringLiteral("claude-code"));
        QVERIFY(model.index(3, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("/work/p3")));
        QVERIFY(model.index(3, 0).data(ProjectListModel::IdRole).toLongLong() > 0);
        QVERIFY(!model.canFetchMore({}));
    }

    void fetchesOnlyWhatIsAskedFor()
    {
        addProjects(10);
        ProjectListModel model(m_store, nullptr, 4);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 4);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 8);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(!model.canFetchMore({}));
    }

    void findsARowAcrossPages()
    {
        addProjects(9);
        const qint64 wanted = Projects::all(*m_store)->at(7).id;
        ProjectListModel model(m_store, nullptr, 3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowOf(wanted), 7);
        QCOMPARE(model.rowOf(123456), -1);
    }

    void reloadSeesChanges()
    {
        addProjects(2);
        ProjectListModel model(m_store, nullptr, 50);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2);
        const qint64 first = model.index(0, 0).data(ProjectListModel::IdRole).toLongLong();
        QVERIFY(Projects::rename(*m_store, first, QStringLiteral("zzz last now")));
        addProjects(1);
        model.reload();
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("zzz last now"));
    }

    void aFailedLoadIsSignalledAndStops()
    {
        addProjects(3);
        ProjectListModel model(m_store, nullptr, 2);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy failed(&model, &ProjectListModel::loadFailed);
        QVERIFY(Sql::run(m_store->database(), QStringLiteral("ALTER TABLE projects RENAME TO gone")));
        model.fetchMore({});
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("Cannot load the projects")));
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 2); // keeps what it had
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestProjectListModel)
#include "TestProjectListModel.moc"
