#pragma once

#include "Importer.h"

// Claude Code transcripts: ~/.claude (or its projects/ folder, one project folder, or one session
// file). Sessions come from each line's sessionId, projects from each line's cwd (the folder names
// are lossy), subagents (agent-*.jsonl beside the sessions, or <session>/subagents/) become
// sessions linked to their parent, and one API reply written over several lines is one message.
class ClaudeCodeImporter final : public Importer
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("claude-code"); }
    [[nodiscard]] QString title() const override;
    [[nodiscard]] int recognizes(const QString &path) const override;
    [[nodiscard]] Result<void> run(Store &store, const QString &path, ImportContext &context) override;
};
