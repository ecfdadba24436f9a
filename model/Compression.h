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

// A zstd frame of `data` compressed with `prefix` as its history (zstd's delta mode): what `data`
// shares with `prefix` costs almost nothing. Reading it needs the same prefix.
[[nodiscard]] QByteArray compressAfter(QByteArrayView prefix, QByteArrayView data, int level);
[[nodiscard]] Result<QByteArray> decompressAfter(QByteArrayView prefix, QByteArrayView frame);

} // namespace Compression
