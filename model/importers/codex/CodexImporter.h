#pragma once

#include "Importer.h"

// OpenAI Codex CLI rollouts: ~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl, or one rollout. The
// response items are the conversation (messages, reasoning summaries, tool calls and their output);
// of the UI events, errors, aborted turns and applied patches are kept.
class CodexImporter final : public Importer
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("codex"); }
    [[nodiscard]] QString title() const override;
    [[nodiscard]] int recognizes(const QString &path) const override;
    [[nodiscard]] Result<void> run(Store &store, const QString &path, ImportContext &context) override;
};
