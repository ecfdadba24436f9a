#pragma once

#include <QByteArray>
#include <QJsonObject>

#include "Error.h"

// The YAML orc wrote before its SQLite store (gopkg.in/yaml.v3 output: .orc/tasks/<id>/task.yaml and
// state.yaml, orc_exports/TASK-*.yaml): nested maps by indentation, sequences ("- "), plain, quoted
// and block ("|", "|-") scalars, comments. Scalars come back as strings. Anything else (anchors,
// flow collections, multi-document files) is an error naming the line.
namespace OrcYaml {

[[nodiscard]] Result<QJsonObject> parse(const QByteArray &text);

} // namespace OrcYaml
