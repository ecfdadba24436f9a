#pragma once

#include "Importer.h"

// orc (randalmurphal/orc): a project's .orc/orc.db, or ~/.orc with projects/<id>/orc.db, read
// read-only. Brings its transcripts: one session per orc session, each message with its task and
// phase. (Tasks, phases and events come with the tasks issue.)
class OrcImporter final : public Importer
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("orc"); }
    [[nodiscard]] QString title() const override;
    [[nodiscard]] int recognizes(const QString &path) const override;
    [[nodiscard]] Result<void> run(Store &store, const QString &path, ImportContext &context) override;
};
