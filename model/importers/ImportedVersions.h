#pragma once

#include "Error.h"
#include "FileVersions.h"
#include "ImportReport.h"

class Store;

namespace ImportedVersions {

// Adds a version an importer found (in the open transaction). A path the store refuses because it
// leads outside the workspace is reported at `location` and skipped; other errors stop the import.
// True when a new version was added.
[[nodiscard]] Result<bool> add(
    Store &store, qint64 projectId, const FileVersions::Draft &draft, ImportReport &report, const QString &location);

} // namespace ImportedVersions
