#include "Sql.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace {

Error classified(int code, const QString &text)
{
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), also as extended codes: the file is damaged,
    // which a person handles differently from a failed statement.
    const int primary = code & 0xff;
    if (primary == 11 || primary == 26)
        return Error{ Error::Code::Corrupt,
            QCoreApplication::translate("Sql", "the store's database is damaged: %1").arg(text) };
    return Error{ Error::Code::Database,
        QCoreApplication::translate("Sql", "the store's database failed: %1").arg(text) };
}

Error databaseError(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return classified(error.nativeErrorCode().toInt(), text);
}

} // namespace

namespace Sql {

Result<QSqlQuery> run(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(databaseError(query.lastError()));
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(databaseError(query.lastError()));
    return query;
}

Result<void> exec(QSqlQuery &query)
{
    if (!query.exec())
        return std::unexpected(databaseError(query.lastError()));
    return {};
}

Error errorOf(const QSqlQuery &query)
{
    return databaseError(query.lastError());
}

Result<QVariant> value(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds)
{
    auto query = run(db, sql, binds);
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return fail(Error::Code::Database, QCoreApplication::translate("Sql", "the store's database returned no row"));
    return query->value(0);
}

sqlite3 *handle(const QSqlDatabase &db)
{
    const QVariant value = db.driver() ? db.driver()->handle() : QVariant();
    if (!value.isValid() || qstrcmp(value.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(value.constData());
}

Error errorOf(sqlite3 *db, int code)
{
    return classified(code, QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
}

bool tableExists(const QSqlDatabase &db, const QString &table)
{
    const auto found
        = value(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?"), { table });
    return found && found->toInt() > 0;
}

Result<Transaction> Transaction::begin(const QSqlDatabase &db)
{
    if (auto started = run(db, QStringLiteral("BEGIN IMMEDIATE")); !started)
        return std::unexpected(started.error());
    Transaction transaction(db);
    transaction.m_open = true;
    return transaction;
}

Transaction::Transaction(const QSqlDatabase &db)
    : m_db(db)
{}

Transaction::Transaction(Transaction &&other) noexcept
    : m_db(other.m_db)
    , m_open(std::exchange(other.m_open, false))
{}

Transaction::~Transaction()
{
    if (m_open)
        (void)run(m_db, QStringLiteral("ROLLBACK"));
}

Result<void> Transaction::commit()
{
    auto committed = run(m_db, QStringLiteral("COMMIT"));
    if (!committed)
        return std::unexpected(committed.error());
    m_open = false;
    return {};
}

} // namespace Sql
