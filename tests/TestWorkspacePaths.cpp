#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "WorkspacePaths.h"

class TestWorkspacePaths : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_workspace;
    QTemporaryDir m_outside;
    QString m_root; // canonical

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_workspace.isValid() && m_outside.isValid());
        m_root = QFileInfo(m_workspace.path()).canonicalFilePath();
        QDir(m_root).mkpath(QStringLiteral("src/deep"));
        QFile inside(m_root + QStringLiteral("/src/main.cpp"));
        QVERIFY(inside.open(QIODevice::WriteOnly));
        QFile secret(m_outside.filePath(QStringLiteral("secret.txt")));
        QVERIFY(secret.open(QIODevice::WriteOnly));

        // Links that lead out, and links that stay in.
        QVERIFY(QFile::link(m_outside.path(), m_root + QStringLiteral("/escape-dir")));
        QVERIFY(QFile::link(m_outside.filePath(QStringLiteral("secret.txt")), m_root + QStringLiteral("/escape-file")));
        QVERIFY(QFile::link(
            m_outside.filePath(QStringLiteral("not-yet.txt")), m_root + QStringLiteral("/escape-dangling")));
        QVERIFY(QFile::link(QStringLiteral("src"), m_root + QStringLiteral("/src-link")));
        QVERIFY(QFile::link(
            QStringLiteral("../../../") + QDir(m_outside.path()).dirName(), m_root + QStringLiteral("/src/deep/up")));
    }

    void accepted_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("expected"); // relative to the canonical root

        QTest::newRow("existing file") << "src/main.cpp"
                                       << "src/main.cpp";
        QTest::newRow("new file in new folders") << "new/folder/file.txt"
                                                 << "new/folder/file.txt";
        QTest::newRow("dot and doubled slashes") << "./src//main.cpp"
                                                 << "src/main.cpp";
        QTest::newRow("backslashes") << "src\\deep\\x.h"
                                     << "src/deep/x.h";
        QTest::newRow("link that stays inside") << "src-link/main.cpp"
                                                << "src/main.cpp";
        QTest::newRow("dots inside a name") << "src/..hidden"
                                            << "src/..hidden";
        QTest::newRow("non-ASCII") << "документи/笔记.md"
                                   << "документи/笔记.md";
    }

    void accepted()
    {
        QFETCH(QString, relative);
        QFETCH(QString, expected);
        const auto resolved = WorkspacePaths::resolveInside(m_workspace.path(), relative);
        QVERIFY2(resolved, qPrintable(resolved ? QString() : resolved.error().message));
        QCOMPARE(*resolved, m_root + u'/' + expected);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");

        const int outside = int(Error::Code::PathOutsideWorkspace);
        QTest::newRow("parent") << "../x" << outside << "climbs out";
        QTest::newRow("parent in the middle") << "src/../../x" << outside << "climbs out";
        QTest::newRow("parent with backslashes") << "src\\..\\..\\x" << outside << "climbs out";
        QTest::newRow("absolute") << "/etc/passwd" << outside << "absolute path";
        QTest::newRow("windows drive") << "C:\\Windows\\x" << outside << "absolute path";
        QTest::newRow("windows share") << "\\\\server\\share\\x" << outside << "absolute path";
        QTest::newRow("link to a folder outside") << "escape-dir/secret.txt" << outside << "leads outside";
        QTest::newRow("link to a file outside") << "escape-file" << outside << "leads outside";
        QTest::newRow("dangling link outside") << "escape-dangling" << outside << "leads outside";
        QTest::newRow("relative link that climbs out") << "src/deep/up/secret.txt" << outside << "leads outside";
        QTest::newRow("empty") << "" << int(Error::Code::InvalidArgument) << "empty path";
        QTest::newRow("the root itself") << "./" << int(Error::Code::InvalidArgument) << "workspace itself";
    }

    void refused()
    {
        QFETCH(QString, relative);
        QFETCH(int, code);
        QFETCH(QString, says);
        const auto resolved = WorkspacePaths::resolveInside(m_workspace.path(), relative);
        QVERIFY2(!resolved, qPrintable(resolved ? *resolved : QString()));
        QCOMPARE(int(resolved.error().code), code);
        QVERIFY2(resolved.error().message.contains(says), qPrintable(resolved.error().message));
    }

    void missingRootIsReported()
    {
        const QString missing = m_workspace.filePath(QStringLiteral("gone"));
        const auto resolved = WorkspacePaths::resolveInside(missing, QStringLiteral("a.txt"));
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().code, Error::Code::NotFound);
        QVERIFY2(resolved.error().message.contains(missing), qPrintable(resolved.error().message));
    }

    void isInsideComparesWholeComponents()
    {
        QVERIFY(WorkspacePaths::isInside(QStringLiteral("/w/proj"), QStringLiteral("/w/proj/a")));
        QVERIFY(WorkspacePaths::isInside(QStringLiteral("/w/proj"), QStringLiteral("/w/proj")));
        QVERIFY(!WorkspacePaths::isInside(QStringLiteral("/w/proj"), QStringLiteral("/w/project2/a")));
        QVERIFY(!WorkspacePaths::isInside(QStringLiteral("/w/proj"), QStringLiteral("/w")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspacePaths)
#include "TestWorkspacePaths.moc"
