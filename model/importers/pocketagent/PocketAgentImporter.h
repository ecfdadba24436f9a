#pragma once

#include "Importer.h"

// PocketAgent (bebsworthy/pocket_agent): a data folder with projects/<id>/metadata.json and the
// message logs in projects/<id>/logs/messages_*.jsonl (the code's layout) or logs/<id>/ beside
// projects/ (the storage README's layout). Each project becomes a project with one session.
class PocketAgentImporter final : public Importer
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("pocketagent"); }
    [[nodiscard]] QString title() const override;
    [[nodiscard]] int recognizes(const QString &path) const override;
    [[nodiscard]] Result<void> run(Store &store, const QString &path, ImportContext &context) override;
};
