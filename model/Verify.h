#pragma once

#include <QStringList>

#include "Error.h"

class Store;

// `strata-cli verify`: SQLite's integrity check and foreign-key check over the whole store, and
// every file content read back and checked against its SHA-256.
namespace Verify {

struct Report
{
    QStringList checks; // what was checked, in order
    QStringList problems; // one line each, saying where; empty when the store is sound

    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};

// Reads only. An error means the checks could not run; problems they found are in the report.
[[nodiscard]] Result<Report> run(Store &store);

} // namespace Verify
