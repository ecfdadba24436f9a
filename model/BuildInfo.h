#pragma once

#include <QString>

namespace BuildInfo {

// "Strata 0.1.0 (Qt 6.4.2, SQLite 3.40.1, libgit2 1.5.1, zstd 1.5.4)": the versions running now,
// which is what a bug report needs.
[[nodiscard]] QString describe(const QString &program);

} // namespace BuildInfo
