// Benchmark for file versions, beside git on the same data in the same run:
//   diff, 200 pairs    strata-cli diff (the whole process, per pair)  vs git diff --no-index
//   diff, 100k lines   Diff::compare with 1,000 changes (budget 50 ms) vs git diff --no-index
//   history            the store after importing a repository of hundreds of real commits
//                      vs that repository's pack after `git gc`
// The history is rebuilt from the fixtures' 200 real file pairs (uthash, 2013-2026): each pair's
// old and new content committed at its commit's date, oldest first.
// Usage: BenchVersions [--keep DIR]. Prints figures; never fails on slowness.

#include <algorithm>
#include <random>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include "BenchSupport.h"
#include "Diff.h"

namespace {

using namespace Bench;

QTextStream out(stdout);

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

struct Pair
{
    QString id;
    QString date; // the commit's
    QString parentDate;
    QString path;
    QString oldFile;
    QString newFile;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/strata-bench-XXXXXX"));
    const QString work = arguments.contains(QStringLiteral("--keep"))
        ? arguments.at(arguments.indexOf(QStringLiteral("--keep")) + 1)
        : temporary.path();
    QDir().mkpath(work);
    const QString cli = QStringLiteral(STRATA_CLI);
    const QString fixtures = qEnvironmentVariable("STRATA_FIXTURES", QStringLiteral(STRATA_FIXTURES));
    const QString pairsRoot = fixtures + QStringLiteral("/real-world/diff-pairs");
    out << "Strata file versions benchmark in " << work << "\n\n";

    QList<Pair> pairs;
    {
        const QList<QByteArray> rows = read(pairsRoot + QStringLiteral("/index.tsv")).split('\n');
        for (const QByteArray &row : rows.mid(1)) {
            const QList<QByteArray> fields = row.split('\t');
            if (fields.size() < 13)
                continue;
            Pair pair;
            pair.id = QString::fromLatin1(fields.at(0));
            pair.date = QString::fromLatin1(fields.at(3));
            pair.path = QString::fromUtf8(fields.at(4));
            const QDir folder(pairsRoot + QStringLiteral("/pairs/") + pair.id);
            pair.oldFile = folder.filePath(folder.entryList({ QStringLiteral("old*") }, QDir::Files).value(0));
            pair.newFile = folder.filePath(folder.entryList({ QStringLiteral("new*") }, QDir::Files).value(0));
            pairs.append(pair);
        }
    }
    if (pairs.isEmpty()) {
        // The pairs are other people's files (../shared/fixtures), not part of the project.
        out << "corpus absent: no real file pairs at " << pairsRoot << "; set STRATA_FIXTURES\n";
        return 0;
    }
    out << pairs.size() << " real file pairs from " << pairsRoot << "\n\n";

    // 1. The 200 pairs, each diffed by a whole process, as a script or a person would run it.
    {
        std::vector<double> strata;
        std::vector<double> git;
        double strataTotal = 0;
        double gitTotal = 0;
        double inProcess = 0;
        for (const Pair &pair : std::as_const(pairs)) {
            const Timed ours = run(cli,
                { QStringLiteral("diff"),
                    QStringLiteral("disk:") + pair.oldFile,
                    QStringLiteral("disk:") + pair.newFile });
            const Timed theirs = run(QStringLiteral("git"),
                { QStringLiteral("diff"),
                    QStringLiteral("--no-index"),
                    QStringLiteral("--no-color"),
                    pair.oldFile,
                    pair.newFile },
                {},
                gitEnvironment(QStringLiteral("uthash authors")));
            strata.push_back(ours.ms);
            git.push_back(theirs.ms);
            strataTotal += ours.ms;
            gitTotal += theirs.ms;
            const QByteArray oldText = read(pair.oldFile);
            const QByteArray newText = read(pair.newFile);
            QElapsedTimer timer;
            timer.start();
            const auto diff = Diff::compare(oldText, newText);
            (void)Diff::unified(*diff, QStringLiteral("old"), QStringLiteral("new"));
            inProcess += timer.nsecsElapsed() / 1e6;
        }
        out << QStringLiteral(
            "diff     200 pairs, whole process   strata-cli diff %1 ms in all (median %2 ms a pair)\n")
                   .arg(strataTotal, 0, 'f', 0)
                   .arg(median(strata), 0, 'f', 1);
        out << QStringLiteral(
            "                                    git diff --no-index %1 ms in all (median %2 ms a pair)\n")
                   .arg(gitTotal, 0, 'f', 0)
                   .arg(median(git), 0, 'f', 1);
        out << QStringLiteral("         200 pairs, in the process  Diff::compare + unified %1 ms in all\n\n")
                   .arg(inProcess, 0, 'f', 1);
        out.flush();
    }

    // 2. A 100,000-line file with 1,000 changes: a third changed lines, a third inserted, a third
    // deleted; then the same file with 1,000 changed lines only.
    {
        std::mt19937 random(42);
        QList<QByteArray> lines;
        for (int i = 0; i < 100000; ++i)
            lines << QByteArrayLiteral("    value_") + QByteArray::number(int(random() % 100000)) + " = compute("
                    + QByteArray::number(i) + ", table[" + QByteArray::number(int(random() % 977)) + "]);";
        QList<QByteArray> changed = lines;
        for (int c = 0; c < 1000; ++c) {
            const int at = int(random() % quint32(changed.size()));
            switch (c % 3) {
            case 0:
                changed[at] = changed[at] + " // changed";
                break;
            case 1:
                changed.insert(at, QByteArrayLiteral("    inserted_line_") + QByteArray::number(c) + "();");
                break;
            default:
                changed.removeAt(at);
                break;
            }
        }
        QList<QByteArray> modified = lines;
        for (int c = 0; c < 1000; ++c)
            modified[int(random() % quint32(modified.size()))] += " // changed";
        const QByteArray oldText = lines.join('\n') + '\n';
        const auto measure = [&](const QString &label, const QByteArray &newText) {
            const QString oldPath = work + QStringLiteral("/large-old.c");
            const QString newPath = work + QStringLiteral("/large-new.c");
            write(oldPath, oldText);
            write(newPath, newText);
            std::vector<double> compare;
            std::vector<double> git;
            std::vector<double> process;
            int added = 0;
            int removed = 0;
            for (int round = 0; round < 11; ++round) {
                QElapsedTimer timer;
                timer.start();
                const auto diff = Diff::compare(oldText, newText);
                const double ms = timer.nsecsElapsed() / 1e6;
                added = diff->added;
                removed = diff->removed;
                const double gitMs = run(QStringLiteral("git"),
                    { QStringLiteral("diff"),
                        QStringLiteral("--no-index"),
                        QStringLiteral("--no-color"),
                        oldPath,
                        newPath },
                    {},
                    gitEnvironment(QStringLiteral("uthash authors")))
                                         .ms;
                const double processMs = run(cli,
                    { QStringLiteral("diff"), QStringLiteral("disk:") + oldPath, QStringLiteral("disk:") + newPath })
                                             .ms;
                if (round == 0)
                    continue; // warm-up
                compare.push_back(ms);
                git.push_back(gitMs);
                process.push_back(processMs);
            }
            out << QStringLiteral("diff     100,000 lines, %1 (+%2 -%3), median of 10:\n")
                       .arg(label)
                       .arg(added)
                       .arg(removed);
            out << QStringLiteral("         Diff::compare              %1 ms (budget 50 ms; fastest %2 ms)\n")
                       .arg(median(compare), 0, 'f', 1)
                       .arg(*std::min_element(compare.begin(), compare.end()), 0, 'f', 1);
            out << QStringLiteral("         strata-cli diff (process)  %1 ms\n").arg(median(process), 0, 'f', 1);
            out << QStringLiteral("         git diff --no-index        %1 ms\n\n").arg(median(git), 0, 'f', 1);
            out.flush();
        };
        measure(QStringLiteral("1,000 changes (changed, inserted, deleted)"), changed.join('\n') + '\n');
        measure(QStringLiteral("1,000 changed lines"), modified.join('\n') + '\n');
    }

    // 3. A long history: the pairs' versions committed in date order, then imported.
    {
        const QString repository = work + QStringLiteral("/history");
        QDir(repository).removeRecursively();
        QDir().mkpath(repository);
        const QProcessEnvironment git = gitEnvironment(QStringLiteral("uthash authors"));
        run(QStringLiteral("git"), { QStringLiteral("init"), QStringLiteral("-q") }, repository, git);
        QList<Pair> ordered = pairs;
        std::stable_sort(ordered.begin(), ordered.end(), [](const Pair &a, const Pair &b) { return a.date < b.date; });
        int commits = 0;
        QElapsedTimer building;
        building.start();
        const auto commit = [&](const QString &path, const QByteArray &content, const QString &date) {
            write(repository + u'/' + path, content);
            QProcessEnvironment dated = git;
            dated.insert(QStringLiteral("GIT_AUTHOR_DATE"), date);
            dated.insert(QStringLiteral("GIT_COMMITTER_DATE"), date);
            run(QStringLiteral("git"), { QStringLiteral("add"), QStringLiteral("-A") }, repository, dated);
            if (run(QStringLiteral("git"),
                    { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), path },
                    repository,
                    dated)
                    .exitCode
                == 0)
                ++commits;
        };
        for (const Pair &pair : std::as_const(ordered)) {
            commit(pair.path, read(pair.oldFile), pair.date); // the parent's content, if it differs
            commit(pair.path, read(pair.newFile), pair.date);
        }
        run(QStringLiteral("git"), { QStringLiteral("gc"), QStringLiteral("-q") }, repository, git);
        const qint64 pack = folderBytes(repository + QStringLiteral("/.git/objects/pack"));
        const QString store = work + QStringLiteral("/store");
        QDir(store).removeRecursively();
        run(cli, { QStringLiteral("init"), store });
        const Timed imported = run(cli, { QStringLiteral("--store"), store, QStringLiteral("import"), repository });
        const Timed stats
            = run(cli, { QStringLiteral("--store"), store, QStringLiteral("stats"), QStringLiteral("--json") });
        const QByteArray json = stats.out;
        const auto number = [&](const char *key) {
            const QByteArray wanted = QByteArray("\"") + key + "\":";
            const qsizetype at = json.indexOf(wanted);
            return at < 0 ? QByteArray("?")
                          : json.mid(at + qsizetype(qstrlen(key)) + 3).split(',').first().split('}').first();
        };
        // The store's bytes for contents: what the blobs table holds, compressed.
        const Timed stored = run(QStringLiteral("sqlite3"),
            { store + QStringLiteral("/strata.db"), QStringLiteral("SELECT sum(length(data)) FROM blobs") });
        const qint64 database = QFileInfo(store + QStringLiteral("/strata.db")).size();
        // What an empty store takes (a page for each table and index), so that growth can be told.
        const QString empty = work + QStringLiteral("/empty-store");
        QDir(empty).removeRecursively();
        run(cli, { QStringLiteral("init"), empty });
        const qint64 emptyBytes = QFileInfo(empty + QStringLiteral("/strata.db")).size();
        out << QStringLiteral(
            "history  %1 commits (built in %2 s), %3 file versions, %4 distinct contents of %5 bytes\n")
                   .arg(commits)
                   .arg(building.elapsed() / 1000.0, 0, 'f', 1)
                   .arg(QString::fromLatin1(number("versions")))
                   .arg(QString::fromLatin1(number("blobs")))
                   .arg(QString::fromLatin1(number("blob_bytes")));
        out << QStringLiteral("         strata-cli import          %1 ms\n").arg(imported.ms, 0, 'f', 0);
        out << QStringLiteral("         store: contents            %1 bytes (zstd, deltas)\n")
                   .arg(QString::fromLatin1(stored.out.trimmed()));
        out << QStringLiteral(
            "         store: strata.db           %1 bytes (all tables and indexes; %2 bytes more than an "
            "empty store)\n")
                   .arg(database)
                   .arg(database - emptyBytes);
        out << QStringLiteral("         git gc pack                %1 bytes (budget: the store no larger)\n").arg(pack);
        out.flush();
    }
    return 0;
}
