#pragma once

#include <filesystem>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <sqlite3.h>

#include "Importer.h"
#include "Sql.h"
#include "Store.h"

// Helpers the tests share. Test data and corpora are read-only and must not be changed: tests copy
// them first.
namespace TestSupport {

// The project's own test data, `tests/data/<relative>`: under STRATA_TEST_DATA when it is set
// (run-unprivileged.sh sets it to a copy an ordinary user can read), else in the source tree.
inline QString testData(const QString &relative)
{
    const QString root = qEnvironmentVariable("STRATA_TEST_DATA");
    return (root.isEmpty() ? QStringLiteral(STRATA_TEST_DATA) : root) + u'/' + relative;
}

// The external corpora in ../shared/fixtures beside the checkout: other people's files, read only by
// the tests labelled `corpus` (tests/corpus/). STRATA_FIXTURES overrides the folder.
inline QString corpusRoot()
{
    const QString root = qEnvironmentVariable("STRATA_FIXTURES");
    return root.isEmpty() ? QStringLiteral(STRATA_FIXTURES) : root;
}

inline QString corpus(const QString &relative)
{
    return corpusRoot() + u'/' + relative;
}

// Skips the calling test (in initTestCase: the whole executable) when the corpora are absent. The
// words "corpus absent" are what ctest's SKIP_REGULAR_EXPRESSION looks for.
#define STRATA_REQUIRE_CORPUS()                                                                                        \
    do {                                                                                                               \
        if (!QFileInfo(TestSupport::corpusRoot()).isDir())                                                             \
            QSKIP(qPrintable(QStringLiteral("corpus absent: no folder at ") + TestSupport::corpusRoot()));             \
    } while (false)

// Copies a folder tree, making every copy writable so tests can change it. A link is copied as the
// link it is: a relative link stays relative (so it points into the copy), an absolute one stays
// absolute. A missing source fails, naming it.
inline bool copyTree(const QString &from, const QString &to)
{
    if (!QFileInfo(from).isDir()) {
        qWarning().noquote() << "copyTree: no folder at" << from;
        return false;
    }
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(
        from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo entry(it.next());
        const QString target = to + u'/' + QDir(from).relativeFilePath(entry.filePath());
        if (entry.isSymLink()) {
            std::error_code error;
            const auto link = std::filesystem::read_symlink(entry.filePath().toStdU16String(), error);
            if (!error)
                std::filesystem::create_symlink(link, target.toStdU16String(), error);
            if (error) {
                qWarning().noquote() << "copyTree: cannot copy the link" << entry.filePath() << error.message().c_str();
                return false;
            }
        } else if (entry.isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else {
            if (!QFile::copy(entry.filePath(), target))
                return false;
            QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        }
    }
    return true;
}

// Makes a SQLite database at `path` by running the SQL scripts in order (as the sqlite3 shell would:
// statements, PRAGMAs, transactions). False, with SQLite's message, when a statement fails.
inline bool sqliteFromScripts(const QString &path, const QStringList &scripts)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
        == SQLITE_OK;
    for (const QString &script : scripts) {
        if (!ok)
            break;
        QFile file(script);
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning().noquote() << "sqliteFromScripts: cannot read" << script;
            ok = false;
            break;
        }
        char *message = nullptr;
        ok = sqlite3_exec(db, file.readAll().constData(), nullptr, nullptr, &message) == SQLITE_OK;
        if (!ok)
            qWarning().noquote() << "sqliteFromScripts:" << script << message;
        sqlite3_free(message);
    }
    sqlite3_close(db);
    return ok;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<cannot read>");
}

inline bool append(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(bytes) == bytes.size();
}

inline bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Runs `importer` on `path`. A failure is logged; the report still says what was done.
inline ImportReport importWith(Importer &importer, Store &store, const QString &path)
{
    ImportContext context;
    if (const auto ran = importer.run(store, path, context); !ran)
        qWarning() << "import:" << ran.error().message;
    return context.report;
}

// The first value `sql` returns, as a number; -1 (and a warning) when it fails.
inline qint64 scalar(Store &store, const QString &sql, std::initializer_list<QVariant> binds = {})
{
    const auto value = Sql::value(store.database(), sql, binds);
    if (!value)
        qWarning() << sql << value.error().message;
    return value ? value->toLongLong() : -1;
}

} // namespace TestSupport
