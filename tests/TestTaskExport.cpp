#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "Importer.h"
#include "OrcTestData.h"
#include "Sql.h"
#include "Store.h"
#include "TaskExport.h"
#include "Tasks.h"
#include "TestSupport.h"
#include "orc/OrcImporter.h"

using namespace TestSupport;

// Exports of a task imported from our orc project (tests/data/orc): both layouts, folder and zip,
// checked against their manifests and against the export orc makes of that task, as orc's format
// has it (tests/data/orc/expected-export); failures and cancels leave nothing. Runs as an ordinary
// user (see run-unprivileged.sh) for the read-only folder case. CorpusTaskExport compares with the
// export orc itself made of its sample task.
class TestTaskExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Tasks::Task m_task;

    static TaskExport::Options to(
        const QString &target, bool zip = false, TaskExport::Layout layout = TaskExport::Layout::Strata)
    {
        TaskExport::Options options;
        options.target = target;
        options.zip = zip;
        options.layout = layout;
        return options;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QStringList lines(const QByteArray &text) { return QString::fromUtf8(text).split(u'\n'); }

    QStringList entries(const QString &folder) const
    {
        QStringList found;
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            found << QDir(folder).relativeFilePath(it.next());
        found.sort();
        return found;
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QVERIFY(OrcTestData::makeProject(path(QStringLiteral("birdsong"))));
        auto store = Store::open(path(QStringLiteral("store")), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
        OrcImporter importer;
        QCOMPARE(importWith(importer, *m_store, path(QStringLiteral("birdsong"))).tasks, 4);
        auto task = Tasks::resolve(*m_store, QStringLiteral("TASK-001"));
        QVERIFY(task);
        m_task = *task;
    }

    void cleanup() { m_store.reset(); }

    void aFolderHoldsEverythingAndMatchesItsManifest()
    {
        const QString target = path(QStringLiteral("out/TASK-001"));
        auto exported = TaskExport::run(*m_store, m_task, to(target));
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QCOMPARE(entries(target),
            QStringList({ QStringLiteral("attachments/sketch.png"),
                QStringLiteral("events.jsonl"),
                QStringLiteral("manifest.json"),
                QStringLiteral("outputs/spec-SPEC_CONTENT.md"),
                QStringLiteral("outputs/tdd_write-TDD_TESTS_CONTENT.md"),
                QStringLiteral("summary.md"),
                QStringLiteral("task.json"),
                QStringLiteral("transcripts/001-spec-session1.jsonl"),
                QStringLiteral("transcripts/001-spec-session1.md"),
                QStringLiteral("transcripts/002-implement-session2.jsonl"),
                QStringLiteral("transcripts/002-implement-session2.md") }));
        QCOMPARE(exported->files, 10);
        QCOMPARE(*TaskExport::verify(target), QStringList());
        // Nothing else beside it: the hidden working folder was renamed into place.
        QCOMPARE(QDir(path(QStringLiteral("out"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
            QStringList{ QStringLiteral("TASK-001") });

        const QJsonObject task = QJsonDocument::fromJson(readAll(target + QStringLiteral("/task.json"))).object();
        QCOMPARE(task.value(u"key").toString(), QStringLiteral("TASK-001"));
        QCOMPARE(task.value(u"phases").toArray().size(), 5);
        QCOMPARE(task.value(u"decisions").toArray().size(), 6);
        QCOMPARE(task.value(u"comments").toArray().size(), 4); // and the review round's findings
        QVERIFY(readAll(target + QStringLiteral("/summary.md"))
                    .contains("| review | ai | no | 1 blocker finding; back to implement | code-reviewer |"));
        QCOMPARE(readAll(target + QStringLiteral("/attachments/sketch.png")).left(4), QByteArray("\x89PNG"));
        QCOMPARE(lines(readAll(target + QStringLiteral("/events.jsonl"))).size() - 1, 9); // TASK-001's events
        QCOMPARE(lines(readAll(target + QStringLiteral("/transcripts/001-spec-session1.jsonl"))).size() - 1, 4);
        QVERIFY(readAll(target + QStringLiteral("/transcripts/001-spec-session1.md"))
                    .contains("Let me read how sightings are stored first."));

        // Changed, removed and added files are each named.
        QVERIFY(append(target + QStringLiteral("/summary.md"), "edited\n"));
        QVERIFY(QFile::remove(target + QStringLiteral("/events.jsonl")));
        QVERIFY(write(target + QStringLiteral("/transcripts/extra.txt"), "x"));
        QCOMPARE(*TaskExport::verify(target),
            QStringList({ QStringLiteral("altered: summary.md"),
                QStringLiteral("missing: events.jsonl"),
                QStringLiteral("extra: transcripts/extra.txt") }));
    }

    void aZipIsCommittedWholeWithSafeNames()
    {
        // An attachment whose name tries to leave the export.
        Tasks::Artifact evil;
        evil.taskId = m_task.id;
        evil.key = QStringLiteral("attachment:evil");
        evil.kind = QStringLiteral("attachment");
        evil.name = QStringLiteral("../../../etc/passwd");
        QVERIFY(Tasks::putArtifact(*m_store, evil, "root:x:0:0"));

        const QString target = path(QStringLiteral("TASK-001.zip"));
        auto exported = TaskExport::run(*m_store, m_task, to(target, true));
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QCOMPARE(*TaskExport::verify(target), QStringList());
        QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral("*.zip*") }, QDir::Files | QDir::Hidden),
            QStringList{ QStringLiteral("TASK-001.zip") });
        // The zip as unzip reads it: the name is flattened inside attachments/.
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), { QStringLiteral("-Z1"), target });
        QVERIFY(unzip.waitForFinished());
        QCOMPARE(unzip.exitCode(), 0);
        const QStringList names = QString::fromUtf8(unzip.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(names.size(), 12);
        QVERIFY2(names.contains(QStringLiteral("attachments/_._.._.._etc_passwd")), qPrintable(names.join(u' ')));
        for (const QString &name : names)
            QVERIFY2(!name.startsWith(u'/') && !name.split(u'/').contains(QStringLiteral("..")), qPrintable(name));

        // A zip altered after the fact does not verify.
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(file.size() / 3));
        file.write("damage, damage, damage");
        file.close();
        const auto damaged = TaskExport::verify(target);
        QVERIFY(!damaged || !damaged->isEmpty());
    }

    void theOrcLayoutIsOrcsExportOfTheTask()
    {
        const QString target = path(QStringLiteral("orc-export"));
        auto exported = TaskExport::run(*m_store, m_task, to(target, false, TaskExport::Layout::Orc));
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        // What orc's export.go writes for TASK-001, written out by hand in tests/data.
        const QString expected = testData(QStringLiteral("orc/expected-export/TASK-001"));
        QVERIFY2(QFileInfo(expected + QStringLiteral("/task.yaml")).isFile(), qPrintable(expected));
        QStringList files = entries(expected);
        files << QStringLiteral("manifest.json");
        files.sort();
        QCOMPARE(entries(target), files);
        // task.yaml, state.yaml (with every gate decision) and each transcript: the same text.
        for (const QString &name : entries(expected)) {
            if (name != u"context.md")
                QCOMPARE(lines(readAll(target + u'/' + name)), lines(readAll(expected + u'/' + name)));
        }
        // context.md the same, but for who generated it when.
        QStringList ourContext = lines(readAll(target + QStringLiteral("/context.md")));
        QStringList theirContext = lines(readAll(expected + QStringLiteral("/context.md")));
        QVERIFY(ourContext.size() > 2 && theirContext.size() > 2);
        QVERIFY(ourContext.at(ourContext.size() - 2).startsWith(QStringLiteral("*Generated by Strata on ")));
        QVERIFY(theirContext.at(theirContext.size() - 2).startsWith(QStringLiteral("*Generated by orc on ")));
        ourContext.removeAt(ourContext.size() - 2);
        theirContext.removeAt(theirContext.size() - 2);
        QCOMPARE(ourContext, theirContext);
        QCOMPARE(*TaskExport::verify(target), QStringList());
    }

    void aCancelledOrFailedExportLeavesNothing()
    {
        for (const bool zip : { false, true }) {
            const QString target = path(zip ? QStringLiteral("cancelled.zip") : QStringLiteral("cancelled"));
            TaskExport::Options options = to(target, zip);
            int asked = 0;
            options.cancelled = [&asked] { return ++asked > 4; };
            const auto exported = TaskExport::run(*m_store, m_task, options);
            QVERIFY(!exported);
            QCOMPARE(exported.error().code, Error::Code::Cancelled);
            QVERIFY2(exported.error().message.contains(QStringLiteral("nothing was left")),
                qPrintable(exported.error().message));
            QCOMPARE(QDir(m_dir.path())
                         .entryList(
                             { QStringLiteral("*cancelled*") }, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                QStringList());
        }

        // A target that exists is not overwritten.
        QVERIFY(write(path(QStringLiteral("taken/file.txt")), "mine"));
        const auto taken = TaskExport::run(*m_store, m_task, to(path(QStringLiteral("taken"))));
        QVERIFY(!taken);
        QVERIFY2(taken.error().message.contains(QStringLiteral("already exists")), qPrintable(taken.error().message));
        QCOMPARE(readAll(path(QStringLiteral("taken/file.txt"))), QByteArray("mine"));

        // A folder the user may not write in: a clear error and nothing made.
        QVERIFY(QDir().mkpath(path(QStringLiteral("locked"))));
        QVERIFY(QFile::setPermissions(path(QStringLiteral("locked")), QFile::ReadOwner | QFile::ExeOwner));
        for (const bool zip : { false, true }) {
            const auto denied = TaskExport::run(*m_store, m_task, to(path(QStringLiteral("locked/out")), zip));
            QVERIFY(!denied);
            QVERIFY2(denied.error().message.contains(QStringLiteral("ermission denied")),
                qPrintable(denied.error().message));
        }
        QFile::setPermissions(path(QStringLiteral("locked")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(QDir(path(QStringLiteral("locked"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
            QStringList());
    }

    void verifyNeedsAManifest()
    {
        QVERIFY(write(path(QStringLiteral("plain/a.txt")), "a"));
        const auto none = TaskExport::verify(path(QStringLiteral("plain")));
        QVERIFY(!none);
        QVERIFY2(none.error().message.contains(QStringLiteral("no readable manifest.json")),
            qPrintable(none.error().message));
        QVERIFY(write(path(QStringLiteral("junk.zip")), "not a zip at all"));
        QVERIFY(!TaskExport::verify(path(QStringLiteral("junk.zip"))));
        QCOMPARE(TaskExport::safeName(QStringLiteral("../x")), QStringLiteral("_._x"));
        QCOMPARE(TaskExport::safeName(QStringLiteral("..")), QStringLiteral("_."));
        QCOMPARE(TaskExport::safeName(QStringLiteral("spec ü.md")), QStringLiteral("spec__.md"));
    }
};

QTEST_GUILESS_MAIN(TestTaskExport)
#include "TestTaskExport.moc"
