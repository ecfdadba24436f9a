#pragma once

#include <initializer_list>
#include <optional>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include "Error.h"

struct sqlite3;

// Small helpers over Qt Sql that turn driver errors into Errors with the statement's purpose.
namespace Sql {

// Prepares and runs `sql` with positional `binds`; the returned query is positioned before the
// first row.
[[nodiscard]] Result<QSqlQuery> run(
    const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds = {});

// Runs a query prepared once and bound again for each row (importers' inserts).
[[nodiscard]] Result<void> exec(QSqlQuery &query);

// The error a failed statement reports, for a query the caller ran itself.
[[nodiscard]] Error errorOf(const QSqlQuery &query);

// The first column of the first row, or an error when the statement fails or returns no row.
[[nodiscard]] Result<QVariant> value(
    const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds = {});

// A string for a NOT NULL text column: Qt binds a null QString as SQL NULL, this binds ''.
[[nodiscard]] inline QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

// A number for a nullable column: SQL NULL when there is none.
[[nodiscard]] inline QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

// A nullable number as read back.
[[nodiscard]] inline std::optional<qint64> optionalOf(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional(value.toLongLong());
}

// The connection's own SQLite handle, for the few paths that bind values straight (an import's
// hot insert): same connection, same transaction. Null if the driver is not SQLite.
[[nodiscard]] sqlite3 *handle(const QSqlDatabase &db);

// An Error for a failed sqlite3_* call on `db`, classified as Qt's path classifies it.
[[nodiscard]] Error errorOf(sqlite3 *db, int code);

[[nodiscard]] bool tableExists(const QSqlDatabase &db, const QString &table);

// An explicit write transaction (BEGIN IMMEDIATE, so two writers queue on the busy timeout instead
// of failing on upgrade). Rolls back when destroyed uncommitted, so an early return loses nothing
// but the half-done change.
class Transaction final
{
public:
    [[nodiscard]] static Result<Transaction> begin(const QSqlDatabase &db);
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    [[nodiscard]] Result<void> commit();

private:
    explicit Transaction(const QSqlDatabase &db);

    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace Sql
