#pragma once

#include <optional>

#include <QByteArray>

#include "Error.h"

class Store;

// File contents in the store, named by their SHA-256 and kept once (see the blobs table in
// Schema.cpp). Writes go into the caller's transaction.
namespace Blobs {

struct Stored
{
    qint64 id = 0;
    bool added = false; // false: the store already had this content
};

// Stores `content` unless the store has it. `similar` is a blob that is probably much like it (the
// previous version of the same file): the content is then kept as a delta against it when that
// is smaller.
[[nodiscard]] Result<Stored> put(Store &store, QByteArrayView content, std::optional<qint64> similar = {});

// The blob holding exactly `content`, if the store has one.
[[nodiscard]] std::optional<qint64> find(Store &store, QByteArrayView content);

enum class Read {
    Cached, // a content read lately may come from memory (it was checked then)
    FromDisk, // always read, decompressed and checked again (verify)
};

// A blob's content; an error when it is missing or damaged (its hash is checked).
[[nodiscard]] Result<QByteArray> get(Store &store, qint64 id, Read read = Read::Cached);

[[nodiscard]] QByteArray sha256(QByteArrayView content);

} // namespace Blobs
