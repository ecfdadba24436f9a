#pragma once

#include "Importer.h"

// A git repository (its work tree or a bare repository), read through libgit2 without writing to
// it. Every commit reachable from HEAD, oldest first, becomes a version of each file it added,
// changed or deleted (against its first parent), with the commit's author, time and id.
class GitImporter final : public Importer
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("git"); }
    [[nodiscard]] QString title() const override;
    [[nodiscard]] int recognizes(const QString &path) const override;
    [[nodiscard]] Result<void> run(Store &store, const QString &path, ImportContext &context) override;
};
