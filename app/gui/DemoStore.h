#pragma once

#include <QString>

#include "Error.h"

// The demo store: sample data of each kind of agent, shipped inside Strata and imported with the
// real importers, so that the first run shows real content.
namespace DemoStore {

// <application data>/demo
[[nodiscard]] QString folder();

// Builds the demo store in `folder` unless it is there already: the samples are written to
// `folder`/samples (the store keeps its sources beside it, so Sync works) and imported.
[[nodiscard]] Result<void> ensure(const QString &folder);

} // namespace DemoStore
