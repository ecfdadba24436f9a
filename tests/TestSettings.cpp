#include <QTemporaryDir>
#include <QTest>

#include "Settings.h"

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsWhenEmpty()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("s.ini")));
        QVERIFY(settings.recentStores().isEmpty());
        QVERIFY(settings.lastStore().isEmpty());
        QVERIFY(settings.windowGeometry().isEmpty());
    }

    void recentStoresAreNewestFirstUniqueAndBounded()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            Settings settings(file);
            for (int i = 0; i < Settings::maxRecentStores + 3; ++i)
                settings.noteStoreOpened(QStringLiteral("/stores/%1").arg(i));
            settings.noteStoreOpened(QStringLiteral("/stores/5"));
            settings.sync();
        }
        Settings reread(file);
        const QStringList recent = reread.recentStores();
        QCOMPARE(recent.size(), Settings::maxRecentStores);
        QCOMPARE(recent.first(), QStringLiteral("/stores/5"));
        QCOMPARE(recent.count(QStringLiteral("/stores/5")), 1);
        QCOMPARE(recent.at(1), QStringLiteral("/stores/12"));
        QVERIFY(!recent.contains(QStringLiteral("/stores/0")));
        QCOMPARE(reread.lastStore(), QStringLiteral("/stores/5"));

        reread.forgetStore(QStringLiteral("/stores/5"));
        QVERIFY(!reread.recentStores().contains(QStringLiteral("/stores/5")));
        QVERIFY(reread.lastStore().isEmpty());
    }

    void valuesRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ini"));
        {
            Settings settings(file);
            settings.setValue(Settings::Key::WindowGeometry, QByteArray("\x01\x02geometry", 10));
            settings.sync();
        }
        QCOMPARE(Settings(file).windowGeometry(), QByteArray("\x01\x02geometry", 10));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "TestSettings.moc"
