#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "DiffOracle.h"

// The diff engine on the corpus's 200 real file pairs (uthash, 2013-2026) with the diffs git made of
// them: hunks identical to git's, default and --minimal --no-indent-heuristic, by both of Diff's methods, and `patch`
// turning each old file into the new one with Strata's output.
class CorpusDiffPairs : public QObject
{
    Q_OBJECT

private:
    struct Pair
    {
        QString id;
        QByteArray oldText;
        QByteArray newText;
        QByteArray gitDiff;
        QByteArray gitMinimal;
        int minimalAdded = 0;
        int minimalDeleted = 0;
    };
    QList<Pair> m_pairs;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        STRATA_REQUIRE_CORPUS();
        const QString root = TestSupport::corpus(QStringLiteral("real-world/diff-pairs"));
        QFile index(root + QStringLiteral("/index.tsv"));
        QVERIFY2(index.open(QIODevice::ReadOnly), qPrintable(index.fileName()));
        const QList<QByteArray> rows = index.readAll().split('\n');
        for (const QByteArray &row : rows.mid(1)) {
            const QList<QByteArray> fields = row.split('\t');
            if (fields.size() < 13)
                continue;
            Pair pair;
            pair.id = QString::fromLatin1(fields.at(0));
            const QDir folder(root + QStringLiteral("/pairs/") + pair.id);
            const QStringList olds = folder.entryList({ QStringLiteral("old*") }, QDir::Files);
            const QStringList news = folder.entryList({ QStringLiteral("new*") }, QDir::Files);
            QCOMPARE(olds.size(), 1);
            QCOMPARE(news.size(), 1);
            pair.oldText = TestSupport::readAll(folder.filePath(olds.first()));
            pair.newText = TestSupport::readAll(folder.filePath(news.first()));
            pair.gitDiff = TestSupport::readAll(folder.filePath(QStringLiteral("git.diff")));
            pair.gitMinimal = TestSupport::readAll(folder.filePath(QStringLiteral("git-minimal.diff")));
            pair.minimalAdded = fields.at(11).toInt();
            pair.minimalDeleted = fields.at(12).toInt();
            m_pairs.append(pair);
        }
        QCOMPARE(m_pairs.size(), 200);
    }

    void hunksAreGitsOnTwoHundredRealPairs_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("direct") << int(Diff::Options::Method::Direct);
        QTest::newRow("line tokens") << int(Diff::Options::Method::LineTokens);
    }

    void hunksAreGitsOnTwoHundredRealPairs()
    {
        QFETCH(int, method);
        Diff::Options options;
        options.method = Diff::Options::Method(method);
        QStringList different;
        for (const Pair &pair : std::as_const(m_pairs))
            if (DiffOracle::strata(pair.oldText, pair.newText, options) != DiffOracle::fromFirstHunk(pair.gitDiff))
                different << pair.id;
        QVERIFY2(different.isEmpty(), qPrintable(QStringLiteral("differ from git.diff: ") + different.join(u' ')));
    }

    void minimalHunksAreGitsMinimalOnes_data() { hunksAreGitsOnTwoHundredRealPairs_data(); }

    void minimalHunksAreGitsMinimalOnes()
    {
        QFETCH(int, method);
        QStringList different;
        QStringList counts;
        Diff::Options minimal;
        minimal.minimal = true;
        minimal.indentHeuristic = false; // git-minimal.diff is --minimal --no-indent-heuristic
        minimal.method = Diff::Options::Method(method);
        for (const Pair &pair : std::as_const(m_pairs)) {
            if (DiffOracle::strata(pair.oldText, pair.newText, minimal) != DiffOracle::fromFirstHunk(pair.gitMinimal))
                different << pair.id;
            const auto diff = Diff::compare(pair.oldText, pair.newText, minimal);
            QVERIFY(diff);
            if (diff->added != pair.minimalAdded || diff->removed != pair.minimalDeleted)
                counts << pair.id;
        }
        QVERIFY2(
            different.isEmpty(), qPrintable(QStringLiteral("differ from git-minimal.diff: ") + different.join(u' ')));
        QVERIFY2(counts.isEmpty(), qPrintable(QStringLiteral("+/- counts differ: ") + counts.join(u' ')));
    }

    void patchAppliesStrataOutputToGiveTheNewFile()
    {
        QStringList failed;
        for (const Pair &pair : std::as_const(m_pairs))
            if (!DiffOracle::patchGivesNewText(
                    m_dir.filePath(QStringLiteral("patch-") + pair.id), pair.oldText, pair.newText))
                failed << pair.id;
        QVERIFY2(failed.isEmpty(), qPrintable(QStringLiteral("patch did not give the new file: ") + failed.join(u' ')));
    }
};

QTEST_GUILESS_MAIN(CorpusDiffPairs)
#include "CorpusDiffPairs.moc"
