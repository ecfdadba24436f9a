#pragma once

#include <utility>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include "Tasks.h"
#include "Transcript.h"

// orc's own export of a task (internal/storage/export.go): task.yaml and state.yaml as gopkg.in/
// yaml.v3 writes them (4-space indent), context.md from its template, and each transcript row's
// content as transcripts/NNN_<phase>.txt. Built from what the orc importer kept of orc's rows
// (Task::details["orc"], Phase::details["orc"]), so times keep orc's own offsets.
namespace OrcLayout {

using Files = QList<std::pair<QString, QByteArray>>;

// `messages`: the task's transcript rows in orc's order (time, then id).
[[nodiscard]] Files build(const Tasks::Task &task,
    const QList<Tasks::Phase> &phases,
    const QList<Tasks::Decision> &decisions,
    const QList<Message> &messages,
    const QDateTime &now);

} // namespace OrcLayout
