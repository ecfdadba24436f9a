// Benchmark for transcripts: import and search on a generated store of N messages (1,000,000 by
// default, ~600 MB of text), beside the reference tools on the same data in the same run:
//   import      strata-cli import             vs sqlite3 rebuilding the same FTS5 index
//   first page  Search::run (50 hits, snippets) vs ripgrep's first 50 matches, ripgrep's full
//               count, and the sqlite3 shell ranking the same FTS5 query by bm25
//   memory      strata-cli search (peak RSS)  and the window with results shown
//   open        strata, launch to rows shown    vs DB Browser for SQLite on the same strata.db
// Usage: BenchTranscripts [--messages N] [--keep DIR]. Prints figures; never fails on slowness.

#include <algorithm>
#include <cmath>
#include <random>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include "BenchSupport.h"
#include "MainWindow.h"
#include "Search.h"
#include "SearchResultsModel.h"
#include "Settings.h"
#include "Store.h"
#include "TranscriptsPane.h"

namespace {

QTextStream out(stdout);

struct Vocabulary
{
    QStringList words;
    std::vector<double> cdf; // Zipf, s = 1.07
};

Vocabulary makeVocabulary(int size)
{
    static const char *syllables[] = { "ka",
        "lo",
        "mi",
        "ne",
        "ru",
        "sa",
        "to",
        "vi",
        "ze",
        "qu",
        "dor",
        "fen",
        "gil",
        "hap",
        "jun",
        "kel",
        "mor",
        "nix",
        "pal",
        "rit",
        "sol",
        "tun",
        "vex",
        "wil",
        "yar",
        "zen",
        "bra",
        "cli",
        "dru",
        "fla" };
    constexpr int n = int(std::size(syllables));
    Vocabulary vocabulary;
    std::mt19937_64 random(7);
    QSet<QString> seen;
    while (vocabulary.words.size() < size) {
        QString word;
        const int parts = 1 + int(random() % 3) + (vocabulary.words.size() > 1000 ? 1 : 0);
        for (int i = 0; i < parts; ++i)
            word += QLatin1StringView(syllables[random() % n]);
        if (!seen.contains(word)) {
            seen.insert(word);
            vocabulary.words << word;
        }
    }
    double total = 0;
    for (int rank = 1; rank <= size; ++rank)
        total += 1.0 / std::pow(rank, 1.07);
    double running = 0;
    for (int rank = 1; rank <= size; ++rank) {
        running += 1.0 / std::pow(rank, 1.07) / total;
        vocabulary.cdf.push_back(running);
    }
    return vocabulary;
}

using Bench::Timed;

Timed runProcess(const QString &program, const QStringList &arguments, int timeoutMs = 3600000)
{
    return Bench::run(program, arguments, {}, QProcessEnvironment::systemEnvironment(), timeoutMs);
}
// Peak memory of a command, from GNU time.
qint64 peakKiB(const QString &program, const QStringList &arguments)
{
    const Timed run = runProcess(QStringLiteral("/usr/bin/time"),
        QStringList{ QStringLiteral("-f"), QStringLiteral("PEAK %M"), program } + arguments);
    const qsizetype at = run.err.lastIndexOf("PEAK ");
    return at < 0 ? -1 : run.err.mid(at + 5).trimmed().toLongLong();
}

qint64 selfRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// ripgrep until its first 50 matching lines arrive.
double ripgrepFirst50(const QStringList &arguments)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral("rg"), arguments);
    int lines = 0;
    while (lines < 50 && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        while (process.canReadLine() && lines < 50) {
            process.readLine();
            ++lines;
        }
    }
    const double ms = timer.nsecsElapsed() / 1e6;
    process.kill();
    process.waitForFinished();
    return ms;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values.at(std::min(values.size() - 1, size_t(std::ceil(p * values.size())) - 1));
}

struct Query
{
    QString label;
    QString strata; // Strata's query language
    QString fts5; // the same for the sqlite3 shell
    QStringList ripgrep; // rg arguments before the files
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int messages = arguments.contains(QStringLiteral("--messages"))
        ? arguments.at(arguments.indexOf(QStringLiteral("--messages")) + 1).toInt()
        : 1000000;
    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/strata-bench-XXXXXX"));
    const QString work = arguments.contains(QStringLiteral("--keep"))
        ? arguments.at(arguments.indexOf(QStringLiteral("--keep")) + 1)
        : temporary.path();
    QDir().mkpath(work);
    const QString cli = QStringLiteral(STRATA_CLI);
    out << "Strata transcripts benchmark: " << messages << " messages in " << work << "\n\n";
    out.flush();

    // 1. A corpus in PocketAgent's format: 10 projects, logs rotated every 10,000 lines; texts of
    // ~90 words from a Zipf vocabulary (some words in most messages, most in few); 0.2% Chinese.
    const Vocabulary vocabulary = makeVocabulary(50000);
    const QString data = work + QStringLiteral("/pocket_agent");
    const QString text = work + QStringLiteral("/text"); // the same texts, one message a line, for ripgrep
    QDir().mkpath(text);
    qint64 textBytes = 0;
    {
        QElapsedTimer timer;
        timer.start();
        std::mt19937_64 random(42);
        std::uniform_real_distribution<double> uniform(0, 1);
        static const QString chinese[] = { QStringLiteral("数据库"),
            QStringLiteral("消息"),
            QStringLiteral("存储"),
            QStringLiteral("我们使用"),
            QStringLiteral("搜索引擎"),
            QStringLiteral("测试") };
        const int perProject = std::max(1, messages / 10);
        QFile log;
        QFile lines;
        for (int i = 0; i < messages; ++i) {
            const int project = i / perProject;
            if (i % 10000 == 0) {
                const QString folder = QStringLiteral("%1/projects/proj-%2").arg(data).arg(project);
                if (i % perProject == 0) {
                    QDir().mkpath(folder + QStringLiteral("/logs"));
                    QFile metadata(folder + QStringLiteral("/metadata.json"));
                    if (metadata.open(QIODevice::WriteOnly))
                        metadata.write(QStringLiteral(
                            R"({"id":"proj-%1","path":"/home/bench/project-%1","created_at":"2025-01-01T00:00:00Z","last_active":"2025-06-01T00:00:00Z"})")
                                           .arg(project)
                                           .toUtf8());
                }
                log.close();
                log.setFileName(QStringLiteral("%1/logs/messages_2025-%2.jsonl")
                                    .arg(folder)
                                    .arg(i / 10000, 6, 10, QLatin1Char('0')));
                if (!log.open(QIODevice::WriteOnly))
                    return 1;
                lines.close();
                lines.setFileName(QStringLiteral("%1/part-%2.txt").arg(text).arg(i / 10000, 4, 10, QLatin1Char('0')));
                if (!lines.open(QIODevice::WriteOnly))
                    return 1;
            }
            QString body;
            const int words = 70 + int(random() % 41);
            for (int w = 0; w < words; ++w) {
                const double u = uniform(random);
                const auto rank
                    = std::lower_bound(vocabulary.cdf.begin(), vocabulary.cdf.end(), u) - vocabulary.cdf.begin();
                body += vocabulary.words.at(std::min<qsizetype>(rank, vocabulary.words.size() - 1));
                body += (w % 17 == 16) ? QStringLiteral(". ") : QStringLiteral(" ");
            }
            if (i % 500 == 0)
                body += chinese[random() % std::size(chinese)] + chinese[random() % std::size(chinese)];
            const QString time
                = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i * 10).toString(Qt::ISODate);
            const QByteArray utf8 = body.toUtf8();
            textBytes += utf8.size();
            if (i % 2 == 0)
                log.write(R"({"timestamp":")" + time.toUtf8() + R"(","message":{"type":"user","content":{"text":")"
                    + utf8
                    + R"("}},"direction":"client"})"
                      "\n");
            else
                log.write(R"({"timestamp":")" + time.toUtf8()
                    + R"(","message":{"type":"assistant","content":{"message":{"content":[{"type":"text","text":")"
                    + utf8 + R"("}],"id":"msg_)" + QByteArray::number(i)
                    + R"(","usage":{"input_tokens":10,"output_tokens":90}}}},"direction":"claude"})"
                      "\n");
            lines.write(utf8 + '\n');
        }
        log.close();
        lines.close();
        out << QStringLiteral("generated %1 messages, %2 MB of text, in %3 s\n\n")
                   .arg(messages)
                   .arg(textBytes / 1e6, 0, 'f', 0)
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
        out.flush();
    }

    // 2. Import: strata-cli against sqlite3 rebuilding the same FTS5 word index over the same rows.
    const QString store = work + QStringLiteral("/store");
    runProcess(cli, { QStringLiteral("init"), store });
    const Timed import = runProcess(cli, { QStringLiteral("--store"), store, QStringLiteral("import"), data });
    out << import.out;
    const QString reference = work + QStringLiteral("/reference.db");
    QFile::remove(reference);
    // The same index: the store's own definition of its word index, over a copy of its rows, in
    // pages of the store's size.
    QString definition
        = QString::fromUtf8(runProcess(QStringLiteral("sqlite3"),
                                { store + QStringLiteral("/strata.db"),
                                    QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'messages_fts'") })
                                .out)
              .trimmed();
    definition.replace(QStringLiteral("messages_fts"), QStringLiteral("fts"))
        .replace(QStringLiteral("'messages'"), QStringLiteral("'m'"));
    out << "reference index: " << definition << "\n";
    runProcess(QStringLiteral("sqlite3"),
        { reference,
            QStringLiteral("PRAGMA page_size = 16384; ATTACH '%1/strata.db' AS s; CREATE TABLE m (id INTEGER PRIMARY "
                           "KEY, text TEXT); "
                           "INSERT INTO m SELECT id, text FROM s.messages; %2;")
                .arg(store, definition) });
    const Timed rebuild = runProcess(
        QStringLiteral("sqlite3"), { reference, QStringLiteral("INSERT INTO fts (fts) VALUES ('rebuild');") });
    out << QStringLiteral("import   strata-cli import          %1 s  (%2 messages/s, %3 MB/s of text)\n")
               .arg(import.ms / 1000, 7, 'f', 1)
               .arg(messages / (import.ms / 1000), 0, 'f', 0)
               .arg(textBytes / 1e6 / (import.ms / 1000), 0, 'f', 1);
    out << QStringLiteral("         sqlite3 FTS5 rebuild       %1 s  (%2 messages/s)\n")
               .arg(rebuild.ms / 1000, 7, 'f', 1)
               .arg(messages / (rebuild.ms / 1000), 0, 'f', 0);
    out << QStringLiteral("         ratio                      %1x  (budget 1.25x)\n\n")
               .arg(import.ms / rebuild.ms, 0, 'f', 2);
    out.flush();

    // 3. Twenty queries: very common, medium and rare words, phrases, prefixes, AND, NOT, OR, CJK.
    const auto w = [&](int rank) { return vocabulary.words.at(rank - 1); };
    const auto word = [](const QString &term) {
        return QStringList{ QStringLiteral("-i"), QStringLiteral("-w"), QStringLiteral("-F"), term };
    };
    const auto both = [](const QString &a, const QString &b) {
        return QStringList{
            QStringLiteral("-i"), QStringLiteral("-P"), QStringLiteral("^(?=.*\\b%1\\b)(?=.*\\b%2\\b)").arg(a, b)
        };
    };
    const auto without = [](const QString &a, const QString &b) {
        return QStringList{
            QStringLiteral("-i"), QStringLiteral("-P"), QStringLiteral("^(?=.*\\b%1\\b)(?!.*\\b%2\\b)").arg(a, b)
        };
    };
    const QList<Query> queries{
        { QStringLiteral("very common word"), w(1), w(1), word(w(1)) },
        { QStringLiteral("very common word 2"), w(2), w(2), word(w(2)) },
        { QStringLiteral("common word"), w(10), w(10), word(w(10)) },
        { QStringLiteral("medium word"), w(300), w(300), word(w(300)) },
        { QStringLiteral("medium word 2"), w(1500), w(1500), word(w(1500)) },
        { QStringLiteral("rare word"), w(20000), w(20000), word(w(20000)) },
        { QStringLiteral("rare word 2"), w(45000), w(45000), word(w(45000)) },
        { QStringLiteral("absent word"),
            QStringLiteral("zzzqqq"),
            QStringLiteral("zzzqqq"),
            word(QStringLiteral("zzzqqq")) },
        { QStringLiteral("common phrase"),
            QStringLiteral("\"%1 %2\"").arg(w(1), w(2)),
            QStringLiteral("\"%1 %2\"").arg(w(1), w(2)),
            { QStringLiteral("-i"), QStringLiteral("-F"), w(1) + u' ' + w(2) } },
        { QStringLiteral("medium phrase"),
            QStringLiteral("\"%1 %2\"").arg(w(3), w(300)),
            QStringLiteral("\"%1 %2\"").arg(w(3), w(300)),
            { QStringLiteral("-i"), QStringLiteral("-F"), w(3) + u' ' + w(300) } },
        { QStringLiteral("prefix, common"),
            w(5).left(3) + u'*',
            w(5).left(3) + u'*',
            { QStringLiteral("-i"), QStringLiteral("\\b%1\\w*").arg(w(5).left(3)) } },
        { QStringLiteral("prefix, rare"),
            w(30000).left(6) + u'*',
            w(30000).left(6) + u'*',
            { QStringLiteral("-i"), QStringLiteral("\\b%1\\w*").arg(w(30000).left(6)) } },
        { QStringLiteral("common AND medium"),
            w(1) + u' ' + w(300),
            w(1) + QStringLiteral(" AND ") + w(300),
            both(w(1), w(300)) },
        { QStringLiteral("medium AND medium"),
            w(300) + u' ' + w(1500),
            w(300) + QStringLiteral(" AND ") + w(1500),
            both(w(300), w(1500)) },
        { QStringLiteral("medium AND rare"),
            w(300) + u' ' + w(20000),
            w(300) + QStringLiteral(" AND ") + w(20000),
            both(w(300), w(20000)) },
        { QStringLiteral("common NOT medium"),
            w(1) + QStringLiteral(" -") + w(300),
            w(1) + QStringLiteral(" NOT ") + w(300),
            without(w(1), w(300)) },
        { QStringLiteral("medium NOT common"),
            w(300) + QStringLiteral(" NOT ") + w(2),
            w(300) + QStringLiteral(" NOT ") + w(2),
            without(w(300), w(2)) },
        { QStringLiteral("rare OR rare"),
            w(20000) + QStringLiteral(" OR ") + w(45000),
            w(20000) + QStringLiteral(" OR ") + w(45000),
            { QStringLiteral("-i"), QStringLiteral("-w"), QStringLiteral("%1|%2").arg(w(20000), w(45000)) } },
        { QStringLiteral("Chinese, 3 characters"),
            QStringLiteral("数据库"),
            QString(),
            { QStringLiteral("-F"), QStringLiteral("数据库") } },
        { QStringLiteral("Chinese, 2 characters"),
            QStringLiteral("消息"),
            QString(),
            { QStringLiteral("-F"), QStringLiteral("消息") } },
    };

    auto opened = Store::open(store, Store::OpenMode::OpenExisting);
    if (!opened) {
        out << "cannot open the store: " << opened.error().message << '\n';
        return 1;
    }
    std::unique_ptr<Store> strata = std::move(*opened);
    QStringList files = QDir(text).entryList({ QStringLiteral("*.txt") }, QDir::Files, QDir::Name);
    for (QString &file : files)
        file = text + u'/' + file;

    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("query"), -24)
               .arg(QStringLiteral("hits"), 9)
               .arg(QStringLiteral("strata ms"), 10)
               .arg(QStringLiteral("order"), 8)
               .arg(QStringLiteral("rg 50 ms"), 9)
               .arg(QStringLiteral("rg count ms"), 12)
               .arg(QStringLiteral("sqlite3 bm25 ms"), 16);
    std::vector<double> firstPages;
    int slowerThanRipgrep = 0;
    for (const Query &query : queries) {
        Search::Request request;
        request.query = query.strata;
        request.limit = 50;
        std::vector<double> runs;
        bool ranked = false;
        for (int i = 0; i < 6; ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto page = Search::run(*strata, request);
            const double ms = timer.nsecsElapsed() / 1e6;
            if (i > 0) // the first run warms the cache, as the first keystrokes do
                runs.push_back(ms);
            ranked = page && page->ranked;
        }
        const double strataMs = Bench::median(runs);
        firstPages.push_back(strataMs);
        const auto total = Search::count(*strata, request);
        const double rgFirst = ripgrepFirst50(query.ripgrep + files);
        const Timed rgCount
            = runProcess(QStringLiteral("rg"), QStringList{ QStringLiteral("-c") } + query.ripgrep + files);
        double sqliteMs = -1;
        if (!query.fts5.isEmpty())
            sqliteMs = runProcess(QStringLiteral("sqlite3"),
                { QStringLiteral("-readonly"),
                    store + QStringLiteral("/strata.db"),
                    QStringLiteral(
                        "SELECT rowid FROM messages_fts WHERE messages_fts MATCH '%1' ORDER BY rank LIMIT 50;")
                        .arg(QString(query.fts5).replace(u'\'', QStringLiteral("''"))) })
                           .ms;
        if (strataMs > rgFirst)
            ++slowerThanRipgrep;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(query.label, -24)
                   .arg(total ? QString::number(*total) : QStringLiteral("?"), 9)
                   .arg(strataMs, 10, 'f', 1)
                   .arg(ranked ? QStringLiteral("ranked") : QStringLiteral("newest"), 8)
                   .arg(rgFirst, 9, 'f', 1)
                   .arg(rgCount.ms, 12, 'f', 1)
                   .arg(sqliteMs < 0 ? QStringLiteral("-") : QString::number(sqliteMs, 'f', 1), 16);
        out.flush();
    }
    out << QStringLiteral(
        "\nfirst page p50 %1 ms, p95 %2 ms (budgets 20 and 100 ms); slower than ripgrep's first 50: %3 of %4\n\n")
               .arg(percentile(firstPages, 0.5), 0, 'f', 1)
               .arg(percentile(firstPages, 0.95), 0, 'f', 1)
               .arg(slowerThanRipgrep)
               .arg(queries.size());

    // 4. Memory: the command line, and the window with a search's results shown.
    const qint64 cliPeak = peakKiB(cli,
        { QStringLiteral("--store"),
            store,
            QStringLiteral("search"),
            w(1),
            QStringLiteral("--limit"),
            QStringLiteral("50") });
    out << QStringLiteral("memory   strata-cli search (peak)    %1 MB\n").arg(cliPeak / 1024.0, 0, 'f', 1);
    const qint64 before = selfRssKiB();
    {
        QTemporaryDir settingsDir;
        Settings settings(settingsDir.filePath(QStringLiteral("settings.ini")));
        MainWindow window(settings);
        window.resize(1200, 760);
        window.show();
        QElapsedTimer timer;
        timer.start();
        window.openStore(store);
        QApplication::processEvents();
        const double openMs = timer.nsecsElapsed() / 1e6;
        window.transcripts()->search(w(1));
        QElapsedTimer searchTimer;
        searchTimer.start();
        while (window.transcripts()->results()->isSearching() && searchTimer.elapsed() < 60000)
            QApplication::processEvents(QEventLoop::AllEvents, 10);
        QApplication::processEvents();
        out << QStringLiteral("open     store to first rows shown   %1 ms (budget 300 ms); %2 projects listed\n")
                   .arg(openMs, 0, 'f', 1)
                   .arg(window.projectList()->model()->rowCount());
        out << QStringLiteral("memory   window with %1 hits shown   %2 MB (%3 MB more than before the window)\n")
                   .arg(window.transcripts()->results()->rowCount())
                   .arg(selfRssKiB() / 1024.0, 0, 'f', 1)
                   .arg((selfRssKiB() - before) / 1024.0, 0, 'f', 1);
    }
    QFileInfo database(store + QStringLiteral("/strata.db"));
    out << QStringLiteral("store    strata.db                   %1 MB for %2 MB of text\n")
               .arg(database.size() / 1e6, 0, 'f', 0)
               .arg(textBytes / 1e6, 0, 'f', 0);
    out.flush();

    // 5. From launch to the first rows, as a person sees it, beside DB Browser for SQLite opening
    // the same strata.db at its messages table (both under one X server, see open-time.sh).
    const Timed launched = runProcess(
        QStringLiteral("bash"), { QStringLiteral(STRATA_OPEN_TIME), QStringLiteral(STRATA_GUI), store }, 300000);
    out << launched.out;
    if (launched.exitCode != 0)
        out << "open-time.sh failed: " << launched.err;
    return 0;
}
