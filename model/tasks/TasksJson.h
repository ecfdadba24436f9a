#pragma once

#include <QJsonObject>

#include "Events.h"
#include "Tasks.h"

// Tasks and events as JSON: what `strata-cli tasks/task/events --json` print and what an export's
// task.json holds. Times are ISO 8601 in UTC; absent values are left out.
namespace TasksJson {

[[nodiscard]] QJsonObject of(const Tasks::Task &task);
[[nodiscard]] QJsonObject of(const Tasks::Phase &phase);
[[nodiscard]] QJsonObject of(const Tasks::Decision &decision);
[[nodiscard]] QJsonObject of(const Tasks::Comment &comment);
[[nodiscard]] QJsonObject of(const Tasks::Artifact &artifact);
[[nodiscard]] QJsonObject of(const Tasks::WorkflowRun &run);
[[nodiscard]] QJsonObject of(const Tasks::TaskSession &session);
[[nodiscard]] QJsonObject of(const Events::Event &event);

} // namespace TasksJson
