#include "Verify.h"

#include <QCoreApplication>

#include "Sql.h"
#include "Store.h"

namespace Verify {

Result<Report> run(Store &store)
{
    const QSqlDatabase db = store.database();
    Report report;

    report.checks << QCoreApplication::translate("Verify", "integrity of the database file");
    auto integrity = Sql::run(db, QStringLiteral("PRAGMA integrity_check"));
    if (!integrity)
        return std::unexpected(integrity.error());
    while (integrity->next()) {
        if (const QString line = integrity->value(0).toString(); line != u"ok")
            report.problems << QCoreApplication::translate("Verify", "integrity: %1").arg(line);
    }

    report.checks << QCoreApplication::translate("Verify", "references between tables (foreign keys)");
    auto references = Sql::run(db, QStringLiteral("PRAGMA foreign_key_check"));
    if (!references)
        return std::unexpected(references.error());
    while (references->next())
        report.problems << QCoreApplication::translate("Verify", "table %1, row %2 refers to a missing row in %3")
                               .arg(references->value(0).toString(),
                                   references->value(1).toString(),
                                   references->value(2).toString());
    return report;
}

} // namespace Verify
