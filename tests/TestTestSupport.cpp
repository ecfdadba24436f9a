#include <filesystem>

#include <QTemporaryDir>
#include <QTest>

#include "TestSupport.h"

// The helpers every test relies on: a copy of the test data is a faithful one, and a missing
// source fails, naming it, instead of leaving a test to run on nothing.
class TestTestSupport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void aRelativeLinkIsCopiedAsARelativeLink()
    {
        const QString copy = m_dir.filePath(QStringLiteral("pocket"));
        QVERIFY(TestSupport::copyTree(TestSupport::testData(QStringLiteral("pocketagent/data")), copy));
        const QString link = copy + QStringLiteral("/projects/6d2f8a41-93c7-4e0b-b5a8-1c7e94d03f25/logs/current.jsonl");
        QVERIFY(QFileInfo(link).isSymLink());
        const auto target = std::filesystem::read_symlink(link.toStdU16String());
        QVERIFY(target.is_relative());
        QCOMPARE(QString::fromStdU16String(target.u16string()), QStringLiteral("messages_2025-10-27_08-15-30.jsonl"));
        // So it points into the copy, not back into tests/data.
        QCOMPARE(QFileInfo(link).symLinkTarget(),
            QFileInfo(copy
                + QStringLiteral("/projects/6d2f8a41-93c7-4e0b-b5a8-1c7e94d03f25/logs/"
                                 "messages_2025-10-27_08-15-30.jsonl"))
                .absoluteFilePath());
    }

    void anAbsoluteLinkStaysAbsolute()
    {
        const QString from = m_dir.filePath(QStringLiteral("absolute"));
        QVERIFY(QDir().mkpath(from));
        QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), from + QStringLiteral("/host")));
        const QString copy = m_dir.filePath(QStringLiteral("absolute-copy"));
        QVERIFY(TestSupport::copyTree(from, copy));
        const QString link = copy + QStringLiteral("/host");
        QCOMPARE(QString::fromStdU16String(std::filesystem::read_symlink(link.toStdU16String()).u16string()),
            QStringLiteral("/etc/hostname"));
    }

    void aMissingSourceFailsNamingIt()
    {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-folder"));
        QTest::ignoreMessage(QtWarningMsg, qPrintable(QStringLiteral("copyTree: no folder at ") + missing));
        QVERIFY(!TestSupport::copyTree(missing, m_dir.filePath(QStringLiteral("target"))));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("target"))));
    }
};

QTEST_GUILESS_MAIN(TestTestSupport)
#include "TestTestSupport.moc"
