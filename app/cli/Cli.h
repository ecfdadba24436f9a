#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include "Error.h"

class QCommandLineParser;
class QDateTime;
class Store;

// strata-cli: the store's operations for scripts, tests and benchmarks. Its shape is a contract
// (DESIGN.md §7): `--json` puts exactly one JSON document on stdout and messages on stderr; exit
// code 0 means done, 1 wrong usage, 2 the operation failed and nothing was changed.
class Cli final
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    enum ExitCode { Done = 0, Usage = 1, Failed = 2 };

    Cli();
    // `arguments` excludes the program name.
    [[nodiscard]] int run(const QStringList &arguments);

private:
    struct Command
    {
        QString name;
        QString synopsis;
        QString summary;
        std::function<int(Cli &, QCommandLineParser &)> run;
        std::function<void(QCommandLineParser &)> options;
    };

    [[nodiscard]] const QList<Command> &commands() const;
    [[nodiscard]] QString help() const;
    [[nodiscard]] int usageError(const QString &message);
    [[nodiscard]] int failed(const Error &error);
    [[nodiscard]] std::unique_ptr<Store> openStore();

    int init(QCommandLineParser &parser);
    int stats(QCommandLineParser &parser);
    int verify(QCommandLineParser &parser);
    int projects(QCommandLineParser &parser);
    int project(QCommandLineParser &parser);
    int import(QCommandLineParser &parser);
    int search(QCommandLineParser &parser);
    int log(QCommandLineParser &parser);
    int diff(QCommandLineParser &parser);
    int restore(QCommandLineParser &parser);
    int snapshot(QCommandLineParser &parser);
    int tasks(QCommandLineParser &parser);
    int task(QCommandLineParser &parser);
    int events(QCommandLineParser &parser);
    int exportTask(QCommandLineParser &parser);
    int segments(QCommandLineParser &parser);
    int jobs(QCommandLineParser &parser);
    int verifyExport(QCommandLineParser &parser);

    // An ISO 8601 date or time given to an option (a date is its midnight, UTC); false when it is
    // none. An empty value leaves `out` alone.
    [[nodiscard]] static bool timeOption(const QString &value, QDateTime *out);
    // The project --project names (one, by name or id), or none when the option is not given.
    [[nodiscard]] Result<std::optional<qint64>> projectOption(QCommandLineParser &parser, Store &store);
    // An option's value that names nothing usable: a usage error (exit 1) when it was the value
    // itself, else the store's failure (exit 2).
    [[nodiscard]] int failedOption(const Error &error);

    // The ids of the projects named `nameOrId` (case-insensitive), or with that id.
    [[nodiscard]] Result<QList<qint64>> projectsMatching(Store &store, const QString &nameOrId);
    // Raw bytes on standard output (a diff need not be UTF-8).
    void writeOut(const QByteArray &bytes);

    QTextStream m_out;
    QTextStream m_err;
    QString m_storeFolder;
    int m_openFailure = Done; // the exit code openStore() chose when it returned nothing
    std::optional<Error> m_openError;
    bool m_quietOpenFailure = false; // the caller reports an open failure itself
};
