#include "Verify.h"

#include <QCoreApplication>

#include "Blobs.h"
#include "Sql.h"
#include "Store.h"

namespace Verify {

Result<Report> run(Store &store)
{
    const QSqlDatabase db = store.database();
    Report report;

    report.checks << QCoreApplication::translate("Verify", "integrity of the database file");
    // Damage can be bad enough that the checks themselves fail: that is a finding too.
    auto integrity = Sql::run(db, QStringLiteral("PRAGMA integrity_check"));
    if (!integrity && integrity.error().code != Error::Code::Corrupt)
        return std::unexpected(integrity.error());
    if (!integrity)
        report.problems << QCoreApplication::translate("Verify", "integrity: the check could not run: %1")
                               .arg(integrity.error().message);
    while (integrity && integrity->next()) {
        if (const QString line = integrity->value(0).toString(); line != u"ok")
            report.problems << QCoreApplication::translate("Verify", "integrity: %1").arg(line);
    }

    report.checks << QCoreApplication::translate("Verify", "references between tables (foreign keys)");
    auto references = Sql::run(db, QStringLiteral("PRAGMA foreign_key_check"));
    if (!references && references.error().code != Error::Code::Corrupt)
        return std::unexpected(references.error());
    if (!references)
        report.problems << QCoreApplication::translate("Verify", "references: the check could not run: %1")
                               .arg(references.error().message);
    while (references && references->next())
        report.problems << QCoreApplication::translate("Verify", "table %1, row %2 refers to a missing row in %3")
                               .arg(references->value(0).toString(),
                                   references->value(1).toString(),
                                   references->value(2).toString());

    // Every file content read back whole: decompressed (through its delta bases) and hashed.
    if (Sql::tableExists(db, QStringLiteral("blobs"))) {
        report.checks << QCoreApplication::translate("Verify", "file contents (SHA-256 of every blob)");
        auto blobs = Sql::run(db, QStringLiteral("SELECT id FROM blobs ORDER BY id"));
        if (!blobs && blobs.error().code != Error::Code::Corrupt)
            return std::unexpected(blobs.error());
        if (!blobs)
            report.problems << QCoreApplication::translate("Verify", "file contents: the check could not run: %1")
                                   .arg(blobs.error().message);
        while (blobs && blobs->next()) {
            const qint64 id = blobs->value(0).toLongLong();
            if (auto content = Blobs::get(store, id, Blobs::Read::FromDisk); !content)
                report.problems << QCoreApplication::translate("Verify", "file content %1: %2")
                                       .arg(id)
                                       .arg(content.error().message);
        }
    }
    return report;
}

} // namespace Verify
