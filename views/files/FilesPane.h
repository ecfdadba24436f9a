#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QWidget>

#include "Project.h"
#include "Restore.h"
#include "StorePane.h"

class DiffView;
class FileHistoryModel;
class FileTreeModel;
class QLabel;
class QPushButton;
class QTableView;
class QTreeView;
class Store;

// A project's files and their history: the file tree with version counts, the versions of the
// chosen file (loaded as the list scrolls), and the diff of the chosen versions: one version
// against the one before it, two against each other, or one against the file on disk. A version
// can be restored (after a preview) and its origin shown.
class FilesPane final : public StorePane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesPane)

public:
    // Asks whether to go ahead with a restore; tests replace it.
    using ConfirmRestore = std::function<bool(QWidget *parent, const Restore::Plan &plan)>;
    // Tells the person something went wrong, or what a commit is; tests replace it.
    using Inform = std::function<void(QWidget *parent, const QString &title, const QString &text)>;

    explicit FilesPane(QWidget *parent = nullptr);

    void setConfirmRestore(ConfirmRestore confirm) { m_confirmRestore = std::move(confirm); }
    void setInform(Inform inform) { m_inform = std::move(inform); }

    // Chooses the file at `path`; false when the project has no versions of it.
    bool selectFile(const QString &path);
    // Chooses these rows of the history (one: against the version before; two: against each other).
    void selectVersions(const QList<int> &rows);
    void compareWithDisk();
    // Restores the chosen version after asking; the outcome, or nothing when cancelled or failed.
    std::optional<Restore::Outcome> restoreSelected();
    void showOrigin();

    [[nodiscard]] QTreeView *fileTree() const { return m_tree; }
    [[nodiscard]] FileTreeModel *files() const { return m_files; }
    [[nodiscard]] QTableView *historyView() const { return m_historyView; }
    [[nodiscard]] FileHistoryModel *history() const { return m_history; }
    [[nodiscard]] DiffView *diffView() const { return m_diff; }
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    void restored(const Restore::Outcome &outcome);
    // A version's message: open the conversation there.
    void showMessageRequested(qint64 sessionId, qint64 messageId);

private:
    void load() override;
    void storeChanged() override;
    void fileChosen();
    void versionsChosen();
    [[nodiscard]] QList<FileVersions::Version> chosenVersions() const;
    [[nodiscard]] QString labelOf(const FileVersions::Version &version) const;

    ConfirmRestore m_confirmRestore;
    Inform m_inform;
    QTreeView *m_tree = nullptr;
    FileTreeModel *m_files = nullptr;
    QTableView *m_historyView = nullptr;
    FileHistoryModel *m_history = nullptr;
    DiffView *m_diff = nullptr;
    QPushButton *m_compareDisk = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_origin = nullptr;
    QLabel *m_status = nullptr;
};
