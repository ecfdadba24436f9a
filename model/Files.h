#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <QByteArray>
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

// Many whole files written on several threads, each through writeAtomically. Writing a file is
// mostly waiting for the disk (QSaveFile syncs each file before its rename), so a few writers at
// once finish a restore or an export of thousands of files several times sooner. Each file is
// still old or new, never partial; the first failure stops the writes not yet started.
class ParallelWrites
{
public:
    explicit ParallelWrites(int threads = 8, qint64 pendingBytesLimit = qint64(64) << 20);
    ~ParallelWrites();
    ParallelWrites(const ParallelWrites &) = delete;
    ParallelWrites &operator=(const ParallelWrites &) = delete;

    // Queues a file, waiting while too many bytes are queued. `after` runs on the writer once the
    // file is saved (to set its permissions, say). False once a write has failed: stop adding.
    bool add(const QString &path, QByteArray contents, std::function<void()> after = {});
    // Files saved so far.
    int written() const { return m_written.load(); }
    // Waits for every queued file; the first failure, if any.
    [[nodiscard]] Result<void> finish();

private:
    struct Job
    {
        QString path;
        QByteArray contents;
        std::function<void()> after;
    };
    void work();

    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Job> m_jobs;
    qint64 m_pendingBytes = 0;
    qint64 m_pendingBytesLimit;
    bool m_closed = false;
    std::optional<Error> m_error;
    std::atomic<int> m_written = 0;
};

} // namespace Files
