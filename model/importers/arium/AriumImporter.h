#pragma once

#include <QHash>

#include "Importer.h"

// Arium (BOHDANMARCEN/Arium-AI-Powered-IDE-Agent-Platform): a project folder
// `workspace/<project>/` (history.log, files/, versions/, snapshots/) or the workspace holding
// several. Brings the file versions in versions/*.json (both file-name styles), each placed at
// the path its VFSChangeEvent in history.log names, or found through its `prev` chain. The
// project's workspace is its files/ folder; snapshots/*.json become snapshots. (Events come with
// the tasks issue.)
class AriumImporter final : public Importer
{
public:
    [[nodiscard]] QString format() const override { return QStringLiteral("arium"); }
    [[nodiscard]] QString title() const override;
    [[nodiscard]] int recognizes(const QString &path) const override;
    [[nodiscard]] Result<void> run(Store &store, const QString &path, ImportContext &context) override;

private:
    [[nodiscard]] Result<void> importProject(Store &store, const QString &folder, ImportContext &context);
    [[nodiscard]] Result<void> importSnapshots(Store &store,
        const QString &folder,
        qint64 projectId,
        const QHash<QString, qint64> &times,
        ImportContext &context);
};
