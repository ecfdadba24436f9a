#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "DiffOracle.h"

// The diff engine against git on real file pairs taken at test time from this project's own
// history: every text file modified by each of the last 100 commits (against its first parent),
// old and new as git stores them, compared hunk by hunk with a live `git diff --no-index`, default,
// --minimal and --no-indent-heuristic, +/- counts with git's --numstat, and `patch` turning the old
// into the new with Strata's output. Without git or
// without a .git (a source tarball, a shallow clone) the test says so and skips.
class TestDiffHistory : public QObject
{
    Q_OBJECT

private:
    struct Pair
    {
        QString name; // commit:path
        QByteArray oldText;
        QByteArray newText;
        int added = 0; // as git's --numstat counts them
        int removed = 0;
    };
    QList<Pair> m_pairs;
    QTemporaryDir m_dir;

    static constexpr int commits = 100;
    static constexpr qsizetype largest = 512 * 1024;

    static std::optional<QByteArray> git(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess git;
        git.setProcessEnvironment(DiffOracle::gitEnvironment());
        git.start(QStringLiteral("git"),
            QStringList{ QStringLiteral("-c"),
                QStringLiteral("safe.directory=*"),
                QStringLiteral("-C"),
                QStringLiteral(STRATA_SOURCE_DIR) }
                + arguments);
        if (!git.waitForStarted(30000))
            return std::nullopt;
        git.write(input);
        git.closeWriteChannel();
        if (!git.waitForFinished(120000) || git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0)
            return std::nullopt;
        return git.readAllStandardOutput();
    }

    // The text files `commit` modified against its first parent, with git's +/- counts; nothing
    // when the parent is not there (the first commit, a shallow clone's last).
    static QList<Pair> modifiedIn(const QString &commit)
    {
        QList<Pair> pairs;
        const auto listed = git({ QStringLiteral("diff-tree"),
            QStringLiteral("-r"),
            QStringLiteral("-z"),
            QStringLiteral("--numstat"),
            QStringLiteral("--diff-filter=M"),
            commit + QStringLiteral("^"),
            commit });
        if (!listed)
            return pairs;
        for (const QByteArray &entry : listed->split('\0')) {
            const QList<QByteArray> fields = entry.split('\t');
            if (fields.size() != 3 || fields.at(0) == "-") // "-": binary
                continue;
            Pair pair;
            pair.name = commit.left(10) + u':' + QString::fromUtf8(fields.at(2));
            pair.added = fields.at(0).toInt();
            pair.removed = fields.at(1).toInt();
            pairs << pair;
        }
        return pairs;
    }

    // Reads every pair's old and new content through one `git cat-file --batch`.
    static bool readContents(QList<Pair> &pairs)
    {
        QByteArray requests;
        for (const Pair &pair : std::as_const(pairs)) {
            const QByteArray commit = pair.name.section(u':', 0, 0).toUtf8();
            const QByteArray path = pair.name.section(u':', 1).toUtf8();
            requests += commit + "^:" + path + '\n' + commit + ':' + path + '\n';
        }
        const auto output = git({ QStringLiteral("cat-file"), QStringLiteral("--batch") }, requests);
        if (!output)
            return false;
        qsizetype at = 0;
        const auto next = [&]() -> std::optional<QByteArray> {
            const qsizetype end = output->indexOf('\n', at);
            const QList<QByteArray> header = output->mid(at, end - at).split(' ');
            if (end < 0 || header.size() != 3 || header.at(1) != "blob")
                return std::nullopt;
            const qsizetype size = header.at(2).toLongLong();
            at = end + 1 + size + 1;
            return output->mid(end + 1, size);
        };
        for (Pair &pair : pairs) {
            const auto oldText = next();
            const auto newText = next();
            if (!oldText || !newText)
                return false;
            pair.oldText = *oldText;
            pair.newText = *newText;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!git({ QStringLiteral("--version") }))
            QSKIP("no git history: git is not installed");
        if (!git({ QStringLiteral("rev-parse"), QStringLiteral("--verify"), QStringLiteral("HEAD") }))
            QSKIP(qPrintable(QStringLiteral("no git history: ") + QStringLiteral(STRATA_SOURCE_DIR)
                + QStringLiteral(" is not a git work tree (a source tarball?)")));
        const auto log = git({ QStringLiteral("log"),
            QStringLiteral("-n%1").arg(commits),
            QStringLiteral("--format=%H"),
            QStringLiteral("HEAD") });
        QVERIFY(log);
        QList<Pair> pairs;
        for (const QByteArray &commit : log->trimmed().split('\n'))
            pairs += modifiedIn(QString::fromLatin1(commit));
        QVERIFY2(readContents(pairs), "git cat-file --batch did not give every content");
        for (const Pair &pair : std::as_const(pairs))
            if (pair.oldText.size() <= largest && pair.newText.size() <= largest)
                m_pairs << pair;
        if (m_pairs.isEmpty())
            QSKIP("no git history: no commit with its parent here modified a text file (a shallow clone?)");
        qInfo("%lld pairs from the last %d commits", qlonglong(m_pairs.size()), commits);
    }

    void hunksAreGits_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QStringList>("gitOptions");
        const int direct = int(Diff::Options::Method::Direct);
        const int tokens = int(Diff::Options::Method::LineTokens);
        const QString minimal = QStringLiteral("--minimal");
        const QString noIndentHeuristic = QStringLiteral("--no-indent-heuristic");
        QTest::newRow("direct") << direct << QStringList();
        QTest::newRow("line tokens") << tokens << QStringList();
        QTest::newRow("direct, --minimal") << direct << QStringList{ minimal };
        QTest::newRow("line tokens, --minimal") << tokens << QStringList{ minimal };
        QTest::newRow("direct, --no-indent-heuristic") << direct << QStringList{ noIndentHeuristic };
        QTest::newRow("direct, --minimal --no-indent-heuristic") << direct << QStringList{ minimal, noIndentHeuristic };
    }

    void hunksAreGits()
    {
        QFETCH(int, method);
        QFETCH(QStringList, gitOptions);
        Diff::Options options;
        options.method = Diff::Options::Method(method);
        options.minimal = gitOptions.contains(QStringLiteral("--minimal"));
        options.indentHeuristic = !gitOptions.contains(QStringLiteral("--no-indent-heuristic"));
        QStringList different;
        for (const Pair &pair : std::as_const(m_pairs))
            if (DiffOracle::strata(pair.oldText, pair.newText, options)
                != DiffOracle::git(m_dir.path(), pair.oldText, pair.newText, gitOptions))
                different << pair.name;
        QVERIFY2(different.isEmpty(), qPrintable(QStringLiteral("differ from git: ") + different.join(u' ')));
    }

    void countsAreGits()
    {
        QStringList different;
        for (const Pair &pair : std::as_const(m_pairs)) {
            const auto diff = Diff::compare(pair.oldText, pair.newText);
            QVERIFY(diff);
            if (diff->added != pair.added || diff->removed != pair.removed)
                different << pair.name;
        }
        QVERIFY2(different.isEmpty(), qPrintable(QStringLiteral("+/- differ from --numstat: ") + different.join(u' ')));
    }

    void patchGivesTheNewFile()
    {
        QStringList failed;
        for (int i = 0; i < m_pairs.size(); ++i)
            if (!DiffOracle::patchGivesNewText(
                    m_dir.filePath(QStringLiteral("patch-%1").arg(i)), m_pairs.at(i).oldText, m_pairs.at(i).newText))
                failed << m_pairs.at(i).name;
        QVERIFY2(failed.isEmpty(), qPrintable(QStringLiteral("patch did not give the new file: ") + failed.join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TestDiffHistory)
#include "TestDiffHistory.moc"
