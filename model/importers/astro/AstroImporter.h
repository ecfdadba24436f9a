#pragma once

#include "Importer.h"

// Astro (griffin's astro-runner) and its successor griffin-hub: test plans, runs, agents and
// queued jobs. From an SQLite store (Astro's document-per-row tables plans/job_runs/jobs, or
// griffin-hub's drizzle tables agents/plans/runs), read read-only, or from a PostgreSQL dump
// (INSERT statements or pg_dump's COPY blocks for agents, plans or monitors, runs, jobs).
class AstroImporter final : public Importer
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("astro"); }
    [[nodiscard]] QString title() const override;
    [[nodiscard]] int recognizes(const QString &path) const override;
    [[nodiscard]] Result<void> run(Store &store, const QString &path, ImportContext &context) override;
};
