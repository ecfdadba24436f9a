#pragma once

#include <QList>
#include <QString>

#include "Error.h"

class Store;

// Counts of everything in a store, in a fixed key order (the `stats --json` contract).
namespace Stats {

struct Count
{
    QString key;
    qint64 value = 0;
};
using Counts = QList<Count>;

// The keys, in order: projects, sessions, messages, tasks, events, files, versions, snapshots,
// attachments, blobs, blob_bytes. A kind whose table this store's schema does not have yet
// counts 0.
[[nodiscard]] Result<Counts> ofStore(Store &store);

// The same counts for one project (without `projects`, `blobs` and `blob_bytes`, which are shared).
// Counting may scan large indexes: call it off the GUI thread.
[[nodiscard]] Result<Counts> ofProject(Store &store, qint64 projectId);

} // namespace Stats
