#pragma once

#include <atomic>
#include <functional>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent>

// Runs `work` on a worker thread (it gets a progress callback and a cancel flag) while a
// window-modal progress dialog keeps the window painting; returns its result.
template <typename T>
inline T runWithProgress(QWidget *parent,
    const QString &label,
    const std::function<T(const std::function<void(int, int)> &, const std::function<bool()> &)> &work)
{
    QProgressDialog progress(label, QCoreApplication::translate("RunWithProgress", "Cancel"), 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    std::atomic<bool> cancelled = false;
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [&cancelled] { cancelled = true; });
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QPointer<QProgressDialog> shown(&progress);
    watcher.setFuture(QtConcurrent::run([&] {
        return work(
            [shown](int done, int total) {
                QMetaObject::invokeMethod(shown, [shown, done, total] {
                    if (shown) {
                        shown->setMaximum(total);
                        shown->setValue(done);
                    }
                });
            },
            [&cancelled] { return cancelled.load(); });
    }));
    if (!watcher.isFinished())
        loop.exec();
    progress.reset();
    return watcher.result();
}
