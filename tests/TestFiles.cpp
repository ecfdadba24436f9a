#include <atomic>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "Files.h"

// Runs as an ordinary user (see run-unprivileged.sh): the permission cases mean nothing to root.
class TestFiles : public QObject
{
    Q_OBJECT

private:
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }

private Q_SLOTS:
    void writesANewFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("note.txt"));
        QVERIFY(Files::writeAtomically(path, "first"));
        QCOMPARE(read(path), QByteArray("first"));
        QVERIFY(Files::writeAtomically(path, "second, longer"));
        QCOMPARE(read(path), QByteArray("second, longer"));
    }

    void failedWriteInReadOnlyFolderKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.txt"));
        QVERIFY(Files::writeAtomically(path, "precious"));
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));

        const auto written = Files::writeAtomically(path, "replacement");
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        QVERIFY(!written);
        QCOMPARE(written.error().code, Error::Code::PermissionDenied);
        QVERIFY2(written.error().message.contains(path), qPrintable(written.error().message));
        QVERIFY2(
            written.error().message.contains(QStringLiteral("ermission denied")), qPrintable(written.error().message));
        QCOMPARE(read(path), QByteArray("precious"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{ QStringLiteral("keep.txt") });
    }

    void producerErrorCancelsTheWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.json"));
        QVERIFY(Files::writeAtomically(path, "old"));
        const auto written = Files::writeAtomically(path, [](QIODevice &device) -> Result<void> {
            device.write("half of the new con");
            return fail(Error::Code::Io, QStringLiteral("the source vanished"));
        });
        QVERIFY(!written);
        QVERIFY2(written.error().message.contains(QStringLiteral("the source vanished")),
            qPrintable(written.error().message));
        QCOMPARE(read(path), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{ QStringLiteral("export.json") });
    }

    void cancelledProducerSaysCancelled()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("never.txt"));
        const auto written = Files::writeAtomically(path,
            [](QIODevice &) -> Result<void> { return fail(Error::Code::Cancelled, QStringLiteral("cancelled")); });
        QVERIFY(!written);
        QCOMPARE(written.error().code, Error::Code::Cancelled);
        QVERIFY(!QFile::exists(path));
    }

    void writeIntoMissingFolderFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no/such/folder/file.txt"));
        const auto written = Files::writeAtomically(path, "x");
        QVERIFY(!written);
        QVERIFY2(written.error().message.contains(path), qPrintable(written.error().message));
    }

    void makeFolderReportsWhatIsInTheWay()
    {
        QTemporaryDir dir;
        QVERIFY(Files::makeFolder(dir.filePath(QStringLiteral("a/b/c"))));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("a/b/c"))).isDir());

        QVERIFY(Files::writeAtomically(dir.filePath(QStringLiteral("plain")), "file"));
        const auto blocked = Files::makeFolder(dir.filePath(QStringLiteral("plain")));
        QVERIFY(!blocked);
        QVERIFY2(blocked.error().message.contains(QStringLiteral("a file of that name")),
            qPrintable(blocked.error().message));

        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
        const auto denied = Files::makeFolder(dir.filePath(QStringLiteral("x/y")));
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!denied);
        QCOMPARE(denied.error().code, Error::Code::PermissionDenied);
        QVERIFY2(
            denied.error().message.contains(QStringLiteral("permission denied")), qPrintable(denied.error().message));
    }

    void parallelWritesSaveEveryFile()
    {
        QTemporaryDir dir;
        std::atomic<int> after = 0;
        Files::ParallelWrites writes(4, 1000); // a small limit: add() has to wait for the writers
        for (int i = 0; i < 300; ++i)
            QVERIFY(writes.add(dir.filePath(QStringLiteral("f%1.txt").arg(i)),
                QByteArray("file ") + QByteArray::number(i) + QByteArray(i, 'x'),
                [&after] { ++after; }));
        QVERIFY(writes.finish());
        QCOMPARE(writes.written(), 300);
        QCOMPARE(after.load(), 300);
        for (int i = 0; i < 300; i += 37)
            QCOMPARE(read(dir.filePath(QStringLiteral("f%1.txt").arg(i))),
                QByteArray("file ") + QByteArray::number(i) + QByteArray(i, 'x'));
    }

    void parallelWritesStopAtTheFirstFailure()
    {
        QTemporaryDir dir;
        QVERIFY(Files::makeFolder(dir.filePath(QStringLiteral("locked"))));
        const QString kept = dir.filePath(QStringLiteral("locked/kept.txt"));
        QVERIFY(Files::writeAtomically(kept, "precious"));
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("locked")), QFile::ReadOwner | QFile::ExeOwner));

        Files::ParallelWrites writes(2, 8192); // add() waits for the writers, so it sees the failure
        bool refused = false;
        QVERIFY(writes.add(kept, "replacement"));
        for (int i = 0; i < 2000 && !refused; ++i)
            refused = !writes.add(dir.filePath(QStringLiteral("later%1.txt").arg(i)), QByteArray(4096, 'y'));
        const auto finished = writes.finish();
        QFile::setPermissions(
            dir.filePath(QStringLiteral("locked")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        QVERIFY(!finished);
        QCOMPARE(finished.error().code, Error::Code::PermissionDenied);
        QVERIFY2(finished.error().message.contains(kept), qPrintable(finished.error().message));
        QCOMPARE(read(kept), QByteArray("precious"));
        QVERIFY2(refused, "adding went on after a write had failed");
        // Whatever was written besides is whole.
        const QStringList written = QDir(dir.path()).entryList({ QStringLiteral("later*") }, QDir::Files);
        QCOMPARE(written.size(), writes.written());
        for (const QString &name : written)
            QCOMPARE(read(dir.filePath(name)), QByteArray(4096, 'y'));
    }
};

QTEST_GUILESS_MAIN(TestFiles)
#include "TestFiles.moc"
