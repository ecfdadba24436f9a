// Benchmark for snapshots, beside git on the same tree in the same run:
//   first snapshot         strata-cli snapshot create   vs git add -A && git commit
//   unchanged re-snapshot  (budget 0.3 s)               vs git add -A && git commit
//   1% changed re-snapshot                              vs git add -A && git commit
//   full restore           strata-cli snapshot restore  vs git checkout
//   store growth after 100 snapshots with 1% changes   vs the repository's pack after git gc
// Usage: BenchSnapshots [--files N] [--keep DIR]. 10,000 files of ~20 KB (200 MB) by default.

#include <random>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include "BenchSupport.h"

namespace {

using Bench::folderBytes;
using Bench::Timed;

QTextStream out(stdout);

// Every process with git's isolated environment (strata-cli ignores it).
Timed run(const QString &program, const QStringList &arguments, const QString &folder = {})
{
    return Bench::run(program, arguments, folder, Bench::gitEnvironment());
}

Timed gitCommit(const QString &tree, const QString &message)
{
    const Timed add = run(QStringLiteral("git"), { QStringLiteral("add"), QStringLiteral("-A") }, tree);
    const Timed commit = run(QStringLiteral("git"),
        { QStringLiteral("commit"),
            QStringLiteral("-q"),
            QStringLiteral("--allow-empty"),
            QStringLiteral("-m"),
            message },
        tree);
    return { add.ms + commit.ms, commit.exitCode, add.out + commit.out, add.err + commit.err };
}

QByteArray text(std::mt19937 &random, int bytes)
{
    static const char *words[] = { "agent",
        "build",
        "cache",
        "diff",
        "event",
        "file",
        "graph",
        "hash",
        "index",
        "json",
        "kernel",
        "lambda",
        "merge",
        "node",
        "object",
        "patch",
        "query",
        "restore",
        "store",
        "tree",
        "update",
        "value",
        "widget",
        "yield",
        "zone" };
    QByteArray content;
    content.reserve(bytes + 32);
    while (content.size() < bytes) {
        content += words[random() % 25];
        content += (random() % 12 == 0) ? '\n' : ' ';
    }
    return content;
}

void line(const QString &what, double strataMs, const QString &reference, double referenceMs)
{
    out << QStringLiteral("%1 strata %2 ms   %3 %4 ms\n")
               .arg(what, -34)
               .arg(strataMs, 8, 'f', 0)
               .arg(reference)
               .arg(referenceMs, 8, 'f', 0);
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int fileCount = arguments.contains(QStringLiteral("--files"))
        ? arguments.at(arguments.indexOf(QStringLiteral("--files")) + 1).toInt()
        : 10000;
    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/strata-bench-XXXXXX"));
    const QString work = arguments.contains(QStringLiteral("--keep"))
        ? arguments.at(arguments.indexOf(QStringLiteral("--keep")) + 1)
        : temporary.path();
    const QString cli = QStringLiteral(STRATA_CLI);
    const QString tree = work + QStringLiteral("/tree");
    const QString store = work + QStringLiteral("/store");
    QDir(tree).removeRecursively();
    QDir(store).removeRecursively();
    QDir().mkpath(tree);

    // 1. The tree: 100 files a folder, in nested folders; ~20 KB of text each.
    std::mt19937 random(7);
    QStringList paths;
    qint64 bytes = 0;
    for (int i = 0; i < fileCount; ++i) {
        const QString path = QStringLiteral("src/m%1/p%2/file%3.txt").arg(i / 1000).arg(i / 100 % 10).arg(i);
        paths << path;
        QDir().mkpath(QFileInfo(tree + u'/' + path).absolutePath());
        QFile file(tree + u'/' + path);
        const QByteArray content = text(random, 16000 + int(random() % 8000));
        bytes += content.size();
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return 1;
    }
    out << "Strata snapshots benchmark: " << fileCount << " files, " << bytes / 1000000 << " MB in " << work << "\n\n";
    out.flush();
    run(cli, { QStringLiteral("init"), store });
    run(QStringLiteral("git"), { QStringLiteral("init"), QStringLiteral("-q") }, tree);
    const qint64 emptyStore = QFileInfo(store + QStringLiteral("/strata.db")).size();
    QThread::sleep(3); // files older than two seconds may be trusted to the cache

    const QStringList create{
        QStringLiteral("--store"), store, QStringLiteral("snapshot"), QStringLiteral("create"), tree
    };
    const Timed first = run(cli, create);
    const Timed gitFirst = gitCommit(tree, QStringLiteral("first"));
    line(QStringLiteral("first snapshot"), first.ms, QStringLiteral("git add -A && git commit"), gitFirst.ms);

    const Timed unchanged = run(cli, create);
    const Timed gitUnchanged = gitCommit(tree, QStringLiteral("unchanged"));
    line(QStringLiteral("unchanged re-snapshot (budget 300)"),
        unchanged.ms,
        QStringLiteral("git add -A && git commit"),
        gitUnchanged.ms);
    out << "         " << unchanged.out.trimmed() << '\n';

    const auto changeOnePercent = [&](int round) {
        for (int k = 0; k < fileCount / 100; ++k) {
            QFile file(tree + u'/' + paths.at(int(random() % quint32(paths.size()))));
            if (file.open(QIODevice::Append))
                file.write(QByteArray("changed in round ") + QByteArray::number(round) + '\n');
        }
    };
    changeOnePercent(0);
    const Timed changed = run(cli, create);
    const Timed gitChanged = gitCommit(tree, QStringLiteral("changed"));
    line(QStringLiteral("1% changed re-snapshot"),
        changed.ms,
        QStringLiteral("git add -A && git commit"),
        gitChanged.ms);

    // Full restore: every file gone, then the first snapshot (and the first commit) put back.
    const auto emptyTree = [&] {
        for (const QString &entry : QDir(tree).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
            if (entry != u".git")
                QFileInfo(tree + u'/' + entry).isDir() ? (void)QDir(tree + u'/' + entry).removeRecursively()
                                                       : (void)QFile::remove(tree + u'/' + entry);
    };
    emptyTree();
    const Timed restore = run(cli,
        { QStringLiteral("--store"),
            store,
            QStringLiteral("snapshot"),
            QStringLiteral("restore"),
            QStringLiteral("1"),
            QStringLiteral("--yes") });
    emptyTree();
    const QString firstCommit = QString::fromUtf8(run(QStringLiteral("git"),
        { QStringLiteral("rev-list"), QStringLiteral("--max-parents=0"), QStringLiteral("HEAD") },
        tree)
                                                      .out.trimmed());
    const Timed checkout = run(QStringLiteral("git"),
        { QStringLiteral("checkout"), QStringLiteral("-q"), firstCommit, QStringLiteral("--"), QStringLiteral(".") },
        tree);
    line(QStringLiteral("full restore"), restore.ms, QStringLiteral("git checkout"), checkout.ms);
    if (restore.exitCode != 0)
        out << restore.out << restore.err << '\n';

    // Growth: 100 more snapshots (and commits), 1% of the files changed before each.
    const qint64 before = QFileInfo(store + QStringLiteral("/strata.db")).size();
    double strataTotal = 0;
    double gitTotal = 0;
    QThread::sleep(3);
    for (int round = 1; round <= 100; ++round) {
        changeOnePercent(round);
        strataTotal += run(cli, create).ms;
        gitTotal += gitCommit(tree, QStringLiteral("round %1").arg(round)).ms;
    }
    run(QStringLiteral("git"), { QStringLiteral("gc"), QStringLiteral("-q") }, tree);
    const qint64 pack = folderBytes(tree + QStringLiteral("/.git/objects/pack"));
    const qint64 database = QFileInfo(store + QStringLiteral("/strata.db")).size();
    line(QStringLiteral("100 snapshots of 1% changes, in all"),
        strataTotal,
        QStringLiteral("git add && commit"),
        gitTotal);
    out << QStringLiteral("store    strata.db %1 MB (%2 MB over an empty store; %3 MB before the 100)\n")
               .arg(database / 1e6, 0, 'f', 1)
               .arg((database - emptyStore) / 1e6, 0, 'f', 1)
               .arg((before - emptyStore) / 1e6, 0, 'f', 1);
    {
        // Where the store's bytes are: the compressed contents, and the pages' unused space.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("measure"));
        db.setDatabaseName(store + QStringLiteral("/strata.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT (SELECT sum(length(data)) FROM blobs),"
                                      " (SELECT sum(unused) FROM dbstat WHERE name = 'blobs')"));
            if (query.next())
                out << QStringLiteral("         contents %1 MB; unused space in the blobs table's pages %2 MB\n")
                           .arg(query.value(0).toLongLong() / 1e6, 0, 'f', 1)
                           .arg(query.value(1).toLongLong() / 1e6, 0, 'f', 1);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("measure"));
    out << QStringLiteral("         git pack after git gc %1 MB\n").arg(pack / 1e6, 0, 'f', 1);
    out.flush();
    return 0;
}
