#pragma once

#include "Importer.h"

// out_of_context (HJeon139/hjeon139-mcp-outofcontext): context segments in all three of its
// on-disk formats: v1 ~/.out_of_context/storage.json (projects → segments), v2 a .out_of_context/
// folder (stashed/<project>.json, evicted/<segment>.json), v4 out_of_context/contexts/*.mdc
// (Markdown with YAML front matter). Each segment keeps its type, task, file, lines, tags, tokens
// and pinned/tier state; its text becomes a message, so the transcript search finds it.
class OutOfContextImporter final : public Importer
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("out-of-context"); }
    [[nodiscard]] QString title() const override;
    [[nodiscard]] int recognizes(const QString &path) const override;
    [[nodiscard]] Result<void> run(Store &store, const QString &path, ImportContext &context) override;
};
