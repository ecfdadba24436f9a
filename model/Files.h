#pragma once

#include <functional>

#include <QByteArrayView>
#include <QString>

#include "Error.h"

class QIODevice;

// The one way Strata writes a file: through QSaveFile, with every step checked, so a reader sees
// either the old file or the whole new one, never a partial write. A failure leaves the old file
// untouched and says what went wrong and where.
namespace Files {

[[nodiscard]] Result<void> writeAtomically(const QString &path, QByteArrayView contents);

// For contents produced in pieces (exports, zips): `produce` writes into the device; its error, or
// any write error, cancels the save.
[[nodiscard]] Result<void> writeAtomically(
    const QString &path, const std::function<Result<void>(QIODevice &)> &produce);

// Creates the folder and its parents; an error names the folder and the reason.
[[nodiscard]] Result<void> makeFolder(const QString &path);

} // namespace Files
