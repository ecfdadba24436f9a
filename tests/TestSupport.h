#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include "Importer.h"
#include "Sql.h"
#include "Store.h"

// Helpers the tests share. Fixtures are read-only and must not be changed: tests copy them first.
namespace TestSupport {

// A fixture's path: under STRATA_FIXTURES when it is set (run-unprivileged.sh sets it to a copy
// an ordinary user can read), else under ../shared/fixtures beside the checkout.
inline QString fixture(const QString &relative)
{
    const QString root = qEnvironmentVariable("STRATA_FIXTURES");
    return (root.isEmpty() ? QStringLiteral(STRATA_FIXTURES) : root) + u'/' + relative;
}

// Copies a folder tree (links as links), making every copy writable so tests can change it.
inline bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(
        from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo entry(it.next());
        const QString target = to + u'/' + QDir(from).relativeFilePath(entry.filePath());
        if (entry.isSymLink()) {
            if (!QFile::link(entry.symLinkTarget(), target))
                return false;
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
