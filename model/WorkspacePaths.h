#pragma once

#include <QString>

#include "Error.h"

// Every path Strata writes into a user's workspace passes through here first.
namespace WorkspacePaths {

// Resolves `relative` (a path inside a workspace, with / or \ as separators) against `root` and
// returns the absolute path to write. Refuses an empty path, an absolute path, any `..` component,
// and a path whose existing part (or the file itself, when it is a symlink) leads outside `root`
// through a symlink. `root` must exist: a missing workspace is an error the caller reports.
[[nodiscard]] Result<QString> resolveInside(const QString &root, const QString &relative);

// True when `path` is `root` or below it; both must be absolute and clean.
[[nodiscard]] bool isInside(const QString &root, const QString &path);

} // namespace WorkspacePaths
