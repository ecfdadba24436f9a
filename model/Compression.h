#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include "Error.h"

// zstd for what the store keeps verbatim (a message's raw record; later, file contents).
namespace Compression {

// A zstd frame; empty input gives an empty result.
[[nodiscard]] QByteArray compress(QByteArrayView data, int level = 1);

// The data of a zstd frame; an error names what is wrong with it.
[[nodiscard]] Result<QByteArray> decompress(QByteArrayView frame);

} // namespace Compression
