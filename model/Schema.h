#pragma once

#include <vector>

#include <QString>
#include <QStringList>

// One forward-only step of the store's schema. An upgrade runs every step it needs in one
// transaction together with the `PRAGMA user_version` that records it, so a store is always at a
// whole version: the one it had, or the latest.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

namespace Schema {

// Marks a SQLite file as a Strata store (`PRAGMA application_id`, "STRA").
inline constexpr int applicationId = 0x53545241;

// The migrations this Strata knows, in version order starting at 1.
[[nodiscard]] const std::vector<Migration> &migrations();

[[nodiscard]] int latestVersion(const std::vector<Migration> &steps = migrations());

} // namespace Schema
