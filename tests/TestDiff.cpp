#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "DiffOracle.h"

// The diff engine against git itself, run here on cases made for each option. Real file pairs are
// TestDiffHistory's (this project's own history) and CorpusDiffPairs' (the corpus's 200 pairs).
class TestDiff : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QByteArray gitDiff(const QByteArray &oldText, const QByteArray &newText, const QStringList &options)
    {
        return DiffOracle::git(m_dir.path(), oldText, newText, options);
    }

    static QByteArray strata(const QByteArray &oldText, const QByteArray &newText, const Diff::Options &options)
    {
        return DiffOracle::strata(oldText, newText, options);
    }

private Q_SLOTS:
    void aLargeFileGoesThroughTokensWithTheSameResult()
    {
        // 40,000 lines (over 1 MB): Automatic takes the token path; its output is the direct one's,
        // and git's.
        QByteArray oldText;
        QByteArray newText;
        for (int i = 0; i < 40000; ++i) {
            const QByteArray line = (i % 50 == 0 ? QByteArray("function_") : QByteArray("    value = "))
                + QByteArray::number(i * 7 % 1000) + " + compute(table, " + QByteArray::number(i % 13) + ");\n";
            oldText += line;
            newText += i % 997 == 0 ? QByteArray("    changed();\n") : i % 1499 == 0 ? QByteArray() : line;
            if (i % 1777 == 0)
                newText += "\n    inserted();\n";
        }
        newText.chop(1); // and no newline at the end
        QVERIFY(oldText.size() + newText.size() > 1'000'000);
        Diff::Options direct;
        direct.method = Diff::Options::Method::Direct;
        const QByteArray expected = strata(oldText, newText, direct);
        QCOMPARE(strata(oldText, newText, {}), expected);
        QCOMPARE(expected, gitDiff(oldText, newText, {}));
    }

    void optionsMatchGit_data()
    {
        QTest::addColumn<QByteArray>("oldText");
        QTest::addColumn<QByteArray>("newText");
        QTest::addColumn<QStringList>("gitOptions");
        QTest::addColumn<int>("whitespace");
        QTest::addColumn<bool>("blankLines");
        QTest::addColumn<int>("context");

        const QByteArray code = "int main()\n{\n    int a = 1;\n    int b = 2;\n\n    return a + b;\n}\n";
        const QByteArray spaced = "int main()\n{\n\tint a  = 1;\n    int b = 2;   \n\n\n    return a+b;\n}\n";
        const int compare = int(Diff::Options::Whitespace::Compare);
        QTest::newRow("plain") << code << spaced << QStringList() << compare << false << 3;
        QTest::newRow("-w") << code << spaced << QStringList{ QStringLiteral("-w") }
                            << int(Diff::Options::Whitespace::IgnoreAll) << false << 3;
        QTest::newRow("-b") << code << spaced << QStringList{ QStringLiteral("-b") }
                            << int(Diff::Options::Whitespace::IgnoreChange) << false << 3;
        QTest::newRow("at eol") << code << spaced << QStringList{ QStringLiteral("--ignore-space-at-eol") }
                                << int(Diff::Options::Whitespace::IgnoreAtEol) << false << 3;
        QTest::newRow("blank lines") << code << QByteArray(code).replace("\n\n", "\n\n\n\n")
                                     << QStringList{ QStringLiteral("--ignore-blank-lines") } << compare << true << 3;
        QTest::newRow("-U0") << code << spaced << QStringList{ QStringLiteral("-U0") } << compare << false << 0;
        QTest::newRow("-U1") << code << spaced << QStringList{ QStringLiteral("-U1") } << compare << false << 1;
        QTest::newRow("CRLF") << QByteArray("one\r\ntwo\r\nthree\r\n") << QByteArray("one\r\nTWO\r\nthree\r\n")
                              << QStringList() << compare << false << 3;
        QTest::newRow("CRLF to LF") << QByteArray("one\r\ntwo\r\n") << QByteArray("one\ntwo\n") << QStringList()
                                    << compare << false << 3;
        QTest::newRow("no newline at end, old")
            << QByteArray("a\nb") << QByteArray("a\nb\n") << QStringList() << compare << false << 3;
        QTest::newRow("no newline at end, both")
            << QByteArray("a\nb") << QByteArray("a\nc") << QStringList() << compare << false << 3;
        QTest::newRow("from empty") << QByteArray() << QByteArray("new\nfile\n") << QStringList() << compare << false
                                    << 3;
        QTest::newRow("to empty") << QByteArray("old\nfile\n") << QByteArray() << QStringList() << compare << false
                                  << 3;
        QTest::newRow("UTF-8") << QByteArray("Привіт, світе\n数据库\n") << QByteArray("Привіт, свят\n数据库\n")
                               << QStringList() << compare << false << 3;
    }

    void optionsMatchGit()
    {
        QFETCH(QByteArray, oldText);
        QFETCH(QByteArray, newText);
        QFETCH(QStringList, gitOptions);
        QFETCH(int, whitespace);
        QFETCH(bool, blankLines);
        QFETCH(int, context);
        Diff::Options options;
        options.whitespace = Diff::Options::Whitespace(whitespace);
        options.ignoreBlankLines = blankLines;
        options.context = context;
        const QByteArray expected = gitDiff(oldText, newText, gitOptions);
        QCOMPARE(strata(oldText, newText, options), expected);
    }

    void wholeFileContext()
    {
        QByteArray oldText;
        for (int i = 1; i <= 100; ++i)
            oldText += QByteArray::number(i) + '\n';
        QByteArray newText = oldText;
        newText.replace("50\n", "fifty\n");
        Diff::Options options;
        options.context = -1;
        const auto diff = Diff::compare(oldText, newText, options);
        QVERIFY(diff);
        QCOMPARE(diff->hunks.size(), 1);
        QCOMPARE(diff->hunks.first().lines.size(), 101);
        QCOMPARE(diff->hunks.first().header, QByteArray("@@ -1,100 +1,100 @@"));
        QCOMPARE(strata(oldText, newText, options), gitDiff(oldText, newText, { QStringLiteral("-U100") }));
    }

    void lineEndsAndNumbersAreKept()
    {
        const auto diff = Diff::compare("one\r\ntwo\r\nthree", "one\r\n2\r\nthree");
        QVERIFY(diff);
        QCOMPARE(diff->added, 1);
        QCOMPARE(diff->removed, 1);
        const QList<Diff::Line> &lines = diff->hunks.first().lines;
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(1).kind, Diff::Line::Kind::Removed);
        QCOMPARE(lines.at(1).text, QByteArray("two"));
        QCOMPARE(lines.at(1).end, QByteArray("\r\n"));
        QCOMPARE(lines.at(1).oldNumber, 2);
        QCOMPARE(lines.at(1).newNumber, -1);
        QCOMPARE(lines.at(2).newNumber, 2);
        QCOMPARE(lines.at(3).end, QByteArray());
        QCOMPARE(lines.at(3).oldNumber, 3);
        QCOMPARE(lines.at(3).newNumber, 3);
    }

    void binaryFilesSaySoWithSizes()
    {
        const QByteArray image("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QByteArray changed = image;
        changed[12] = 'X';
        const QByteArray longer = changed + "more";
        const auto diff = Diff::compare(image, longer);
        QVERIFY(diff);
        QVERIFY(diff->binary);
        QCOMPARE(diff->oldSize, 16);
        QCOMPARE(diff->newSize, 20);
        QVERIFY(diff->hunks.isEmpty());
        QCOMPARE(Diff::unified(*diff, QStringLiteral("logo.png"), QStringLiteral("logo.png")),
            QByteArray("Binary files a/logo.png and b/logo.png differ\n"));
        const auto same = Diff::compare(image, image);
        QVERIFY(same);
        QVERIFY(!same->binary);
        QVERIFY(same->identical());
    }

    void identicalTextsHaveNoHunks()
    {
        const auto diff = Diff::compare("same\n", "same\n");
        QVERIFY(diff);
        QVERIFY(diff->identical());
        QVERIFY(Diff::unified(*diff, QStringLiteral("a"), QStringLiteral("b")).isEmpty());
    }

    void wordsChangedInsideALine_data()
    {
        QTest::addColumn<QByteArray>("oldLine");
        QTest::addColumn<QByteArray>("newLine");
        QTest::addColumn<int>("granularity");
        QTest::addColumn<QByteArrayList>("removed");
        QTest::addColumn<QByteArrayList>("added");
        QTest::addColumn<bool>("similar");

        const int words = int(Diff::Granularity::Words);
        const int characters = int(Diff::Granularity::Characters);
        QTest::newRow("one word") << QByteArray("int count = items.size();") << QByteArray("int total = items.size();")
                                  << words << QByteArrayList{ "count" } << QByteArrayList{ "total" } << true;
        QTest::newRow("argument added") << QByteArray("call(a, b);") << QByteArray("call(a, b, c);") << words
                                        << QByteArrayList() << QByteArrayList{ ", c" } << true;
        QTest::newRow("whitespace only") << QByteArray("if (x)  return;") << QByteArray("if (x) return;") << words
                                         << QByteArrayList{ "  " } << QByteArrayList{ " " } << true;
        QTest::newRow("Cyrillic word") << QByteArray("Привіт, світе") << QByteArray("Привіт, друже") << words
                                       << QByteArrayList{ "світе" } << QByteArrayList{ "друже" } << true;
        QTest::newRow("characters") << QByteArray("colour") << QByteArray("color") << characters
                                    << QByteArrayList{ "u" } << QByteArrayList() << true;
        QTest::newRow("characters, UTF-8 kept whole") << QByteArray("数据库") << QByteArray("数据表") << characters
                                                      << QByteArrayList{ "库" } << QByteArrayList{ "表" } << true;
        QTest::newRow("nothing in common") << QByteArray("alpha beta") << QByteArray("gamma") << words
                                           << QByteArrayList{ "alpha beta" } << QByteArrayList{ "gamma" } << false;
    }

    void wordsChangedInsideALine()
    {
        QFETCH(QByteArray, oldLine);
        QFETCH(QByteArray, newLine);
        QFETCH(int, granularity);
        QFETCH(QByteArrayList, removed);
        QFETCH(QByteArrayList, added);
        QFETCH(bool, similar);
        const Diff::InlineChanges changes = Diff::inlineChanges(oldLine, newLine, Diff::Granularity(granularity));
        const auto texts = [](const QByteArray &line, const QList<Diff::Range> &ranges) {
            QByteArrayList parts;
            for (const Diff::Range &range : ranges)
                parts << line.mid(range.start, range.length);
            return parts;
        };
        QCOMPARE(texts(oldLine, changes.removed), removed);
        QCOMPARE(texts(newLine, changes.added), added);
        QCOMPARE(changes.similar, similar);
    }

    void changedLinesArePairedInOrder()
    {
        const auto diff = Diff::compare("keep\nold one\nold two\nold three\nkeep\n", "keep\nnew one\nnew two\nkeep\n");
        QVERIFY(diff);
        const Diff::Hunk &hunk = diff->hunks.first();
        const QList<std::pair<int, int>> pairs = Diff::changedPairs(hunk);
        QCOMPARE(pairs.size(), 2);
        QCOMPARE(hunk.lines.at(pairs.at(0).first).text, QByteArray("old one"));
        QCOMPARE(hunk.lines.at(pairs.at(0).second).text, QByteArray("new one"));
        QCOMPARE(hunk.lines.at(pairs.at(1).first).text, QByteArray("old two"));
        QCOMPARE(hunk.lines.at(pairs.at(1).second).text, QByteArray("new two"));
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "TestDiff.moc"
