#include "Compression.h"

#include <QCoreApplication>

#include <zstd.h>

namespace Compression {

QByteArray compress(QByteArrayView data, int level)
{
    if (data.isEmpty())
        return {};
    // One context per thread, reused: creating one per call costs more than compressing a line.
    thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), ZSTD_freeCCtx);
    QByteArray frame(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
    const size_t size
        = ZSTD_compressCCtx(context.get(), frame.data(), size_t(frame.size()), data.data(), size_t(data.size()), level);
    if (ZSTD_isError(size))
        return {};
    frame.truncate(qsizetype(size));
    return frame;
}

Result<QByteArray> decompress(QByteArrayView frame)
{
    if (frame.isEmpty())
        return QByteArray();
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), size_t(frame.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31))
        return fail(Error::Code::Corrupt, QCoreApplication::translate("Compression", "a compressed record is damaged"));
    QByteArray data(qsizetype(size), Qt::Uninitialized);
    const size_t written = ZSTD_decompress(data.data(), size_t(data.size()), frame.data(), size_t(frame.size()));
    if (ZSTD_isError(written) || written != size)
        return fail(Error::Code::Corrupt,
            QCoreApplication::translate("Compression", "a compressed record is damaged: %1")
                .arg(QString::fromLatin1(ZSTD_getErrorName(written))));
    return data;
}

} // namespace Compression
