#pragma once

#include "Importer.h"

// Aider's chat log: .aider.chat.history.md in a project folder (or any such Markdown file), with
// the prompt times from .aider.input.history beside it. Each "# aider chat started at" begins a
// session; "#### " lines are the person's, "> " lines are Aider's own output, the rest is the model.
class AiderImporter final : public Importer
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("aider"); }
    [[nodiscard]] QString title() const override;
    [[nodiscard]] int recognizes(const QString &path) const override;
    [[nodiscard]] Result<void> run(Store &store, const QString &path, ImportContext &context) override;
};
