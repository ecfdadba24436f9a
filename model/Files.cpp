#include "Files.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Files", text);
}

// Qt reports most failures as a generic open or write error; whether it was a question of
// permission is read off the file system, where it shows.
Error::Code codeFor(const QSaveFile &file, const QString &path)
{
    const QFileInfo target(path);
    const QFileInfo folder(target.absolutePath());
    const bool denied = file.error() == QFileDevice::PermissionsError || (folder.isDir() && !folder.isWritable())
        || (target.exists() && !target.isWritable());
    return denied ? Error::Code::PermissionDenied : Error::Code::Io;
}

// QSaveFile reports "Permission denied" and the like; we add the path and the step.
Error saveError(const QSaveFile &file, const QString &path, const char *step)
{
    return Error{ codeFor(file, path), tr(step).arg(QDir::toNativeSeparators(path), file.errorString()) };
}

} // namespace

namespace Files {

Result<void> writeAtomically(const QString &path, QByteArrayView contents)
{
    return writeAtomically(path, [contents](QIODevice &device) -> Result<void> {
        if (device.write(contents.data(), contents.size()) != contents.size())
            return fail(Error::Code::Io, device.errorString());
        return {};
    });
}

Result<void> writeAtomically(const QString &path, const std::function<Result<void>(QIODevice &)> &produce)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(saveError(file, path, QT_TRANSLATE_NOOP("Files", "cannot write %1: %2")));

    if (auto produced = produce(file); !produced) {
        file.cancelWriting();
        if (produced.error().code == Error::Code::Cancelled)
            return produced;
        return fail(produced.error().code,
            tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), produced.error().message));
    }
    if (file.error() != QFileDevice::NoError) {
        const Error error = saveError(file, path, QT_TRANSLATE_NOOP("Files", "cannot write %1: %2"));
        file.cancelWriting();
        return std::unexpected(error);
    }
    if (!file.commit())
        return std::unexpected(saveError(file, path, QT_TRANSLATE_NOOP("Files", "cannot save %1: %2")));
    return {};
}

Result<void> makeFolder(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return {};
    if (info.exists())
        return fail(Error::Code::Io,
            tr("cannot create folder %1: a file of that name is in the way").arg(QDir::toNativeSeparators(path)));
    if (!QDir().mkpath(path)) {
        // QDir does not say why; the nearest existing parent tells whether it is a permission problem.
        QFileInfo parent(info.absolutePath());
        while (!parent.exists() && !parent.isRoot())
            parent.setFile(parent.absolutePath());
        const bool denied = parent.exists() && !parent.isWritable();
        return fail(denied ? Error::Code::PermissionDenied : Error::Code::Io,
            tr("cannot create folder %1: %2")
                .arg(QDir::toNativeSeparators(path), denied ? tr("permission denied") : tr("the system refused")));
    }
    return {};
}

ParallelWrites::ParallelWrites(int threads, qint64 pendingBytesLimit)
    : m_pendingBytesLimit(pendingBytesLimit)
{
    for (int i = 0; i < std::max(1, threads); ++i)
        m_threads.emplace_back([this] { work(); });
}

ParallelWrites::~ParallelWrites()
{
    (void)finish();
}

bool ParallelWrites::add(const QString &path, QByteArray contents, std::function<void()> after)
{
    std::unique_lock lock(m_mutex);
    // One file larger than the limit still goes, alone.
    m_changed.wait(lock,
        [&] { return m_error || m_pendingBytes == 0 || m_pendingBytes + contents.size() <= m_pendingBytesLimit; });
    if (m_error)
        return false;
    m_pendingBytes += contents.size();
    m_jobs.push_back(Job{ path, std::move(contents), std::move(after) });
    m_changed.notify_all();
    return true;
}

Result<void> ParallelWrites::finish()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
    if (m_error)
        return std::unexpected(*m_error);
    return {};
}

void ParallelWrites::work()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_closed || m_error || !m_jobs.empty(); });
        if (m_error || m_jobs.empty())
            return;
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        lock.unlock();
        Result<void> written = writeAtomically(job.path, job.contents);
        if (written && job.after)
            job.after();
        lock.lock();
        m_pendingBytes -= job.contents.size();
        if (written)
            ++m_written;
        else if (!m_error)
            m_error = written.error();
        m_changed.notify_all();
    }
}

} // namespace Files
