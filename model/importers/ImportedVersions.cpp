#include "ImportedVersions.h"

namespace ImportedVersions {

Result<bool> add(
    Store &store, qint64 projectId, const FileVersions::Draft &draft, ImportReport &report, const QString &location)
{
    auto added = FileVersions::add(store, projectId, draft);
    if (added)
        return added->added;
    if (added.error().code != Error::Code::PathOutsideWorkspace)
        return std::unexpected(added.error());
    report.skip(location, added.error().message);
    return false;
}

} // namespace ImportedVersions
