#pragma once

#include <QJsonObject>

#include "ImportReport.h"

namespace ImportReports {

// The report as `strata-cli import --json` prints it: the format and sources, what was added per
// kind, every skipped item with its location and reason, the notes, and the error that stopped
// the import, if one did.
[[nodiscard]] QJsonObject toJson(const ImportReport &report, const QString &error = {});

} // namespace ImportReports
