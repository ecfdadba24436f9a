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

namespace {

Result<QByteArray> damaged(size_t code)
{
    return fail(Error::Code::Corrupt,
        QCoreApplication::translate("Compression", "a compressed record is damaged: %1")
            .arg(QString::fromLatin1(ZSTD_getErrorName(code))));
}

// The size a frame says it holds, or an error for a frame that does not say (Strata's always do).
Result<qsizetype> contentSize(QByteArrayView frame)
{
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), size_t(frame.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31))
        return fail(Error::Code::Corrupt, QCoreApplication::translate("Compression", "a compressed record is damaged"));
    return qsizetype(size);
}

} // namespace

QByteArray compressAfter(QByteArrayView prefix, QByteArrayView data, int level)
{
    thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), ZSTD_freeCCtx);
    ZSTD_CCtx *cctx = context.get();
    ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1);
    // The window must reach back over the whole prefix for the delta to find it.
    int windowLog = 10;
    while (windowLog < 27 && (qsizetype(1) << windowLog) < prefix.size() + data.size())
        ++windowLog;
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_windowLog, windowLog);
    ZSTD_CCtx_refPrefix(cctx, prefix.data(), size_t(prefix.size()));
    QByteArray frame(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
    static const char nothing = 0;
    const size_t size = ZSTD_compress2(
        cctx, frame.data(), size_t(frame.size()), data.isEmpty() ? &nothing : data.data(), size_t(data.size()));
    if (ZSTD_isError(size))
        return {};
    frame.truncate(qsizetype(size));
    return frame;
}

Result<QByteArray> decompressAfter(QByteArrayView prefix, QByteArrayView frame)
{
    const auto size = contentSize(frame);
    if (!size)
        return std::unexpected(size.error());
    thread_local std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
    ZSTD_DCtx *dctx = context.get();
    ZSTD_DCtx_reset(dctx, ZSTD_reset_session_and_parameters);
    ZSTD_DCtx_setParameter(dctx, ZSTD_d_windowLogMax, 27);
    ZSTD_DCtx_refPrefix(dctx, prefix.data(), size_t(prefix.size()));
    QByteArray data(*size, Qt::Uninitialized);
    const size_t written
        = ZSTD_decompressDCtx(dctx, data.data(), size_t(data.size()), frame.data(), size_t(frame.size()));
    if (ZSTD_isError(written))
        return damaged(written);
    if (qsizetype(written) != *size)
        return fail(Error::Code::Corrupt, QCoreApplication::translate("Compression", "a compressed record is damaged"));
    return data;
}

Result<QByteArray> decompress(QByteArrayView frame)
{
    if (frame.isEmpty())
        return QByteArray();
    return decompressAfter({}, frame); // an empty prefix is none
}

} // namespace Compression
