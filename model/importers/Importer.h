#pragma once

#include <functional>

#include <QString>

#include "Error.h"
#include "ImportReport.h"

class Store;

// What an import run shares with its caller: the report it fills, and the caller's cancel flag
// and progress display. Progress is in bytes of the source.
struct ImportContext
{
    ImportReport report;
    std::function<bool()> isCancelled = [] { return false; };
    std::function<void(qint64 done, qint64 total)> progress = [](qint64, qint64) {};
    // git: also keep every commit's whole tree as a snapshot (it can be large, so it is asked for).
    bool commitsAsSnapshots = false;
};

// One source format. An importer reads its source read-only and syncs it into the store: what is
// already there is not added again, and what was skipped is in the report with where and why.
class Importer
{
public:
    virtual ~Importer() = default;

    // The name `strata-cli import --format` takes.
    [[nodiscard]] virtual QString format() const = 0;
    // What a person picks in the import dialog: "Claude Code sessions (~/.claude/projects)".
    [[nodiscard]] virtual QString title() const = 0;
    // How sure the importer is that `path` is its kind of source: 0 not at all, more is surer.
    [[nodiscard]] virtual int recognizes(const QString &path) const = 0;
    // An error means the import stopped (the store keeps what was committed before it); items
    // that could not be read are in the report instead.
    [[nodiscard]] virtual Result<void> run(Store &store, const QString &path, ImportContext &context) = 0;
};

namespace Importers {

[[nodiscard]] const std::vector<Importer *> &all();
[[nodiscard]] Importer *find(const QString &format);
// The importer that recognizes `path` best, or none.
[[nodiscard]] Importer *detect(const QString &path);

} // namespace Importers
