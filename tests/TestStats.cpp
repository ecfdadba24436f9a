#include <QTemporaryDir>
#include <QTest>

#include "Projects.h"
#include "Sql.h"
#include "Stats.h"
#include "Store.h"

class TestStats : public QObject
{
    Q_OBJECT

private:
    static qint64 valueOf(const Stats::Counts &counts, const QString &key)
    {
        for (const Stats::Count &count : counts) {
            if (count.key == key)
                return count.value;
        }
        return -1;
    }

private Q_SLOTS:
    void keysAreTheContract()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.path(), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        const auto counts = Stats::ofStore(**store);
        QVERIFY(counts);
        QStringList keys;
        for (const Stats::Count &count : *counts)
            keys << count.key;
        QCOMPARE(keys,
            (QStringList{ QStringLiteral("projects"),
                QStringLiteral("sessions"),
                QStringLiteral("messages"),
                QStringLiteral("tasks"),
                QStringLiteral("events"),
                QStringLiteral("files"),
                QStringLiteral("versions"),
                QStringLiteral("snapshots"),
                QStringLiteral("attachments"),
                QStringLiteral("blobs"),
                QStringLiteral("blob_bytes") }));
        for (const Stats::Count &count : *counts)
            QCOMPARE(count.value, 0);
    }

    void countsWhatIsThere()
    {
        QTemporaryDir dir;
        auto opened = Store::open(dir.path(), Store::OpenMode::CreateIfMissing);
        QVERIFY(opened);
        Store &store = **opened;
        Project draft;
        draft.sourceKind = QStringLiteral("manual");
        draft.name = QStringLiteral("one");
        const auto one = Projects::create(store, draft);
        draft.name = QStringLiteral("two");
        const auto two = Projects::create(store, draft);
        const QSqlDatabase db = store.database();
        int n = 0;
        for (qint64 owner : { one->id, one->id, two->id })
            QVERIFY(Sql::run(db,
                QStringLiteral("INSERT INTO sessions (project_id, source_kind, external_id) VALUES (?, 'test', ?)"),
                { owner, QString::number(n++) }));
        QVERIFY(Sql::run(
            db, QStringLiteral("INSERT INTO blobs (sha256, size, data) VALUES (x'01', 100, x''), (x'02', 23, x'')")));

        const auto all = Stats::ofStore(store);
        QVERIFY(all);
        QCOMPARE(valueOf(*all, QStringLiteral("projects")), 2);
        QCOMPARE(valueOf(*all, QStringLiteral("sessions")), 3);
        QCOMPARE(valueOf(*all, QStringLiteral("blobs")), 2);
        QCOMPARE(valueOf(*all, QStringLiteral("blob_bytes")), 123);

        const auto ofOne = Stats::ofProject(store, one->id);
        QVERIFY(ofOne);
        QCOMPARE(valueOf(*ofOne, QStringLiteral("sessions")), 2);
        QCOMPARE(valueOf(*ofOne, QStringLiteral("projects")), -1); // not a per-project count
        QCOMPARE(valueOf(*Stats::ofProject(store, two->id), QStringLiteral("sessions")), 1);

        // Attachments belong to a project through their task.
        QVERIFY(Sql::run(db,
            QStringLiteral("INSERT INTO tasks (project_id, source_key, title) VALUES (?, 'T-1', 't')"),
            { two->id }));
        QVERIFY(Sql::run(db,
            QStringLiteral("INSERT INTO task_artifacts (task_id, source_key, kind, name, blob_id, size) VALUES "
                           "(1, 'a', 'attachment', 'a.png', 1, 100), (1, 'b', 'attachment', 'b.log', 2, 23)")));
        QCOMPARE(valueOf(*Stats::ofStore(store), QStringLiteral("attachments")), 2);
        QCOMPARE(valueOf(*Stats::ofProject(store, two->id), QStringLiteral("attachments")), 2);
        QCOMPARE(valueOf(*Stats::ofProject(store, one->id), QStringLiteral("attachments")), 0);
        QCOMPARE(valueOf(*Stats::ofProject(store, two->id), QStringLiteral("tasks")), 1);
    }
};

QTEST_GUILESS_MAIN(TestStats)
#include "TestStats.moc"
