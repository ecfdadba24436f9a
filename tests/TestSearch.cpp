#include <QTemporaryDir>
#include <QTest>

#include "Search.h"
#include "SearchQuery.h"
#include "Store.h"
#include "TranscriptWriter.h"

class TestSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_alpha = 0;
    qint64 m_beta = 0;
    qint64 m_betaSession = 0;

    Search::Page search(const QString &query, const std::function<void(Search::Request &)> &adjust = {})
    {
        Search::Request request;
        request.query = query;
        request.highlightStart = QStringLiteral("[");
        request.highlightEnd = QStringLiteral("]");
        if (adjust)
            adjust(request);
        const auto page = Search::run(*m_store, request);
        if (!page)
            qWarning() << query << page.error().message;
        return page ? *page : Search::Page{};
    }

    QStringList texts(const Search::Page &page)
    {
        QStringList snippets;
        for (const Search::Hit &hit : page.hits)
            snippets << hit.snippet;
        return snippets;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto store = Store::open(m_dir.path(), Store::OpenMode::CreateIfMissing);
        QVERIFY(store);
        m_store = std::move(*store);
        TranscriptWriter writer(*m_store, 100);
        QVERIFY(writer.begin());
        Project alpha;
        alpha.name = QStringLiteral("alpha");
        alpha.sourceKind = QStringLiteral("test");
        alpha.sourceLocation = QStringLiteral("/a");
        m_alpha = *writer.project(alpha);
        Project beta = alpha;
        beta.name = QStringLiteral("beta");
        beta.sourceLocation = QStringLiteral("/b");
        m_beta = *writer.project(beta);
        const qint64 alphaSession
            = *writer.session({ m_alpha, QStringLiteral("test"), QStringLiteral("s1"), {}, {}, {} });
        m_betaSession = *writer.session({ m_beta, QStringLiteral("test"), QStringLiteral("s2"), {}, {}, {} });

        const QDateTime start(QDate(2025, 8, 1), QTime(12, 0), Qt::UTC);
        int n = 0;
        const auto add = [&](qint64 session, const QString &role, const QString &text) {
            MessageDraft message;
            message.role = role;
            message.kind = QStringLiteral("text");
            message.text = text;
            message.timestamp = start.addSecs(60 * n);
            message.sourceKey = QString::number(n++);
            QVERIFY(writer.addMessage(session, message));
        };
        add(alphaSession, QStringLiteral("user"), QStringLiteral("Please refactor the parser into a class"));
        add(alphaSession,
            QStringLiteral("assistant"),
            QStringLiteral("The parser is now a class; parser tests pass. Parser parser parser."));
        add(alphaSession, QStringLiteral("user"), QStringLiteral("Привіт! Будь ласка, додай українську локалізацію"));
        add(alphaSession, QStringLiteral("assistant"), QStringLiteral("Готово: ПРИВІТ показується у вікні"));
        add(alphaSession, QStringLiteral("user"), QStringLiteral("我们使用数据库来存储消息"));
        add(alphaSession, QStringLiteral("assistant"), QStringLiteral("データベースを更新しました (database updated)"));
        add(alphaSession,
            QStringLiteral("user"),
            QStringLiteral("Make the café menu naïve-proof; fix c++ build and foo-bar.cpp"));
        add(m_betaSession, QStringLiteral("user"), QStringLiteral("Run the parser on beta"));
        for (int i = 0; i < 120; ++i)
            add(m_betaSession, QStringLiteral("tool"), QStringLiteral("build log line %1: compiling widget").arg(i));
        QVERIFY(writer.commit());
    }

    void cleanupTestCase() { m_store.reset(); }

    void parsesTheQueryLanguage_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("fts5");
        QTest::newRow("words") << "parser class"
                               << R"(("parser" AND "class"))";
        QTest::newRow("phrase") << R"("the parser")"
                                << R"("the parser")";
        QTest::newRow("prefix") << "pars*"
                                << R"("pars"*)";
        QTest::newRow("or") << "parser OR widget"
                            << R"(("parser" OR "widget"))";
        QTest::newRow("not") << "parser NOT beta"
                             << R"((("parser") NOT "beta"))";
        QTest::newRow("minus") << "parser -beta"
                               << R"((("parser") NOT "beta"))";
        QTest::newRow("groups") << "(parser OR widget) log"
                                << R"((("parser" OR "widget") AND "log"))";
        QTest::newRow("explicit and") << "parser AND class"
                                      << R"(("parser" AND "class"))";
        QTest::newRow("punctuation is quoted") << "c++ foo-bar.cpp"
                                               << R"(("c++" AND "foo-bar.cpp"))";
        QTest::newRow("column syntax is text") << "text:parser"
                                               << R"("text:parser")";
        QTest::newRow("lowercase operators are words") << "this or that"
                                                       << R"(("this" AND "or" AND "that"))";
        QTest::newRow("quote inside a word") << R"(say"hi")"
                                             << R"(("say" AND "hi"))";
    }

    void parsesTheQueryLanguage()
    {
        QFETCH(QString, query);
        QFETCH(QString, fts5);
        const auto parsed = SearchQuery::parse(query);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->toFts5(), fts5);
    }

    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << "   "
                               << "nothing to search for";
        QTest::newRow("unclosed quote") << "\"parser"
                                        << "quotation mark is not closed";
        QTest::newRow("unclosed parenthesis") << "(parser"
                                              << "parenthesis is not closed";
        QTest::newRow("stray parenthesis") << "parser)"
                                           << "closing parenthesis";
        QTest::newRow("only negative") << "NOT parser"
                                       << "not only words to leave out";
        QTest::newRow("dangling operator") << "parser OR"
                                           << "nothing to search for";
    }

    void refusesWhatItCannotRead()
    {
        QFETCH(QString, query);
        QFETCH(QString, says);
        const auto parsed = SearchQuery::parse(query);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, Error::Code::InvalidArgument);
        QVERIFY2(parsed.error().message.contains(says), qPrintable(parsed.error().message));
        Search::Request request;
        request.query = query;
        QVERIFY(!Search::run(*m_store, request)); // an error, never a database error
    }

    void findsWordsPhrasesAndPrefixes()
    {
        QCOMPARE(search(QStringLiteral("parser")).hits.size(), 3);
        QCOMPARE(search(QStringLiteral("\"parser into a class\"")).hits.size(), 1);
        QCOMPARE(search(QStringLiteral("pars*")).hits.size(), 3);
        QCOMPARE(search(QStringLiteral("parser NOT beta")).hits.size(), 2);
        QCOMPARE(search(QStringLiteral("parser -class")).hits.size(), 1);
        QCOMPARE(search(QStringLiteral("refactor OR compiling")).hits.size(), 50); // a page
        Search::Request either;
        either.query = QStringLiteral("refactor OR compiling");
        QCOMPARE(*Search::count(*m_store, either), 1 + 120);
        QCOMPARE(search(QStringLiteral("c++")).hits.size(), 1);
        QCOMPARE(search(QStringLiteral("foo-bar.cpp")).hits.size(), 1);
        QCOMPARE(search(QStringLiteral("nothingmatchesthis")).hits.size(), 0);
    }

    void findsCyrillicWithoutCaring()
    {
        QCOMPARE(search(QStringLiteral("привіт")).hits.size(), 2); // "Привіт" and "ПРИВІТ"
        QCOMPARE(search(QStringLiteral("локалізац*")).hits.size(), 1);
        QCOMPARE(search(QStringLiteral("cafe naive")).hits.size(), 1); // diacritics folded
        QVERIFY(search(QStringLiteral("привіт")).hits.first().snippet.contains(QStringLiteral("[")));
    }

    void findsChineseAndJapanese()
    {
        const Search::Page three = search(QStringLiteral("数据库"));
        QCOMPARE(three.hits.size(), 1);
        QVERIFY2(
            three.hits.first().snippet.contains(QStringLiteral("[数据库]")), qPrintable(three.hits.first().snippet));
        QCOMPARE(search(QStringLiteral("数据")).hits.size(), 1); // two characters
        QCOMPARE(search(QStringLiteral("消")).hits.size(), 1); // one
        QCOMPARE(search(QStringLiteral("データ")).hits.size(), 1); // katakana
        QCOMPARE(search(QStringLiteral("データ database")).hits.size(), 1);
        QCOMPARE(search(QStringLiteral("データ OR 数据库")).hits.size(), 2);
        QCOMPARE(search(QStringLiteral("データ NOT updated")).hits.size(), 0);
        QCOMPARE(search(QStringLiteral("数据库 -消息")).hits.size(), 0);
    }

    void filters()
    {
        QCOMPARE(search(QStringLiteral("parser"), [&](auto &r) { r.projectIds = { m_beta }; }).hits.size(), 1);
        QCOMPARE(search(QStringLiteral("parser"), [&](auto &r) { r.projectIds = { m_alpha, m_beta }; }).hits.size(), 3);
        QCOMPARE(
            search(QStringLiteral("parser"), [](auto &r) { r.role = QStringLiteral("assistant"); }).hits.size(), 1);
        QCOMPARE(search(QStringLiteral("parser"), [&](auto &r) { r.sessionId = m_betaSession; }).hits.size(), 1);
        const QDateTime start(QDate(2025, 8, 1), QTime(12, 0), Qt::UTC);
        // Messages are a minute apart: the first parser hit is at 12:00, the second at 12:01.
        QCOMPARE(search(QStringLiteral("parser"), [&](auto &r) { r.until = start.addSecs(60); }).hits.size(), 1);
        QCOMPARE(search(QStringLiteral("parser"), [&](auto &r) { r.since = start.addSecs(60); }).hits.size(), 2);
        QCOMPARE(search(QStringLiteral("数据"), [&](auto &r) { r.projectIds = { m_beta }; }).hits.size(), 0);
    }

    void fewHitsAreRankedByRelevance()
    {
        const Search::Page page = search(QStringLiteral("parser"));
        QVERIFY(page.ranked);
        // Six "parser"s beat one.
        QVERIFY2(page.hits.first().snippet.startsWith(QStringLiteral("The [parser]")),
            qPrintable(page.hits.first().snippet));
        QVERIFY(!search(QStringLiteral("parser"), [](auto &r) { r.order = Search::Order::Newest; }).ranked);
    }

    void pagesNewestFirstWithoutGapsOrRepeats()
    {
        QSet<qint64> seen;
        std::optional<qint64> after;
        qint64 previous = std::numeric_limits<qint64>::max();
        int pages = 0;
        do {
            const Search::Page page = search(QStringLiteral("compiling"), [&](auto &r) {
                r.order = Search::Order::Newest;
                r.after = after;
            });
            QVERIFY(!page.ranked);
            for (const Search::Hit &hit : page.hits) {
                QVERIFY(hit.messageId < previous);
                previous = hit.messageId;
                seen.insert(hit.messageId);
                QCOMPARE(hit.projectName, QStringLiteral("beta"));
                QCOMPARE(hit.role, QStringLiteral("tool"));
            }
            after = page.next;
            ++pages;
        } while (after);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 120);

        Search::Request request;
        request.query = QStringLiteral("compiling");
        QCOMPARE(*Search::count(*m_store, request), 120);
        request.query = QStringLiteral("数据 OR compiling");
        QCOMPARE(*Search::count(*m_store, request), 121);
    }

    void rankedPagesToo()
    {
        QSet<qint64> seen;
        std::optional<qint64> after;
        do {
            const Search::Page page = search(QStringLiteral("widget"), [&](auto &r) {
                r.limit = 50;
                r.after = after;
            });
            QVERIFY(page.ranked); // 120 hits: few enough
            for (const Search::Hit &hit : page.hits)
                seen.insert(hit.messageId);
            after = page.next;
        } while (after);
        QCOMPARE(seen.size(), 120);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "TestSearch.moc"
