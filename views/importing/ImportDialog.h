#pragma once

#include <atomic>
#include <memory>

#include <QDialog>
#include <QFuture>

#include "ImportReport.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class Store;

// File ▸ Import…: pick a source and its format, import it on a worker thread with progress and
// Cancel, then read what was added and what was skipped. Closing it while it runs cancels; what
// was read by then is kept, and the next import goes on from there.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    explicit ImportDialog(std::shared_ptr<Store> store, QWidget *parent = nullptr);
    ~ImportDialog() override;

    void setSource(const QString &path);
    // An importer's format name, or empty to recognise it from the source.
    void setFormat(const QString &format);
    void start();
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const ImportReport &report() const { return m_report; }
    [[nodiscard]] QString reportText() const;

Q_SIGNALS:
    void importFinished(bool completed);

protected:
    void reject() override;

private:
    void finish(const QString &error, const ImportReport &report);
    void showReport(const QString &error);

    std::shared_ptr<Store> m_store;
    QLineEdit *m_path = nullptr;
    QComboBox *m_format = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_state = nullptr;
    QTextBrowser *m_reportView = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    bool m_running = false;
    ImportReport m_report;
    QFuture<void> m_job;
};
