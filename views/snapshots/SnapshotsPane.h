#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QAbstractTableModel>
#include <QWidget>

#include "PagedTableModel.h"
#include "Project.h"
#include "Snapshots.h"
#include "StorePane.h"

class DiffView;
class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class Store;

// A project's snapshots (the filter is the project's id), newest first, a page at a time: time,
// label, trigger, files, size.
class SnapshotListModel final : public PagedTableModel<Snapshots::Snapshot, qint64>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotListModel)

public:
    enum Column { Time, Label, Trigger, Files, Size, ColumnCount };
    static constexpr int rowsPerPage = 200;

    explicit SnapshotListModel(QObject *parent = nullptr, int pageSize = rowsPerPage);

    [[nodiscard]] std::optional<Snapshots::Snapshot> snapshotAt(int row) const;

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] int columns() const override { return ColumnCount; }
    [[nodiscard]] Result<QList<Snapshots::Snapshot>> readPage(
        Store &store, const qint64 &projectId, const Snapshots::Snapshot *last) override;
};

// The Snapshots tab: the timeline of a project's snapshots; one chosen is compared with the disk,
// two with each other, as a list of changed files with their kind and +/- lines; a file opens in
// the diff view. Take Snapshot keeps the workspace as it is; Restore… puts a snapshot back (after
// a preview, with progress and Cancel), or only the chosen files.
class SnapshotsPane final : public StorePane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotsPane)

public:
    // Asks before a restore, showing its plan; returns whether to go on and whether files the
    // snapshot lacks go too. Tests replace it.
    using ConfirmRestore = std::function<std::optional<bool>(QWidget *parent, const Snapshots::RestorePlan &plan)>;

    explicit SnapshotsPane(QWidget *parent = nullptr);

    void setConfirmRestore(ConfirmRestore confirm) { m_confirmRestore = std::move(confirm); }

    // Snapshots the project's workspace now.
    std::optional<Snapshots::Snapshot> takeSnapshot(const QString &label = {});
    // Chooses rows of the timeline (one: against the disk; two: against each other).
    void selectSnapshots(const QList<int> &rows);
    // Shows the diff of the change in `row` of the change list.
    void showChange(int row);
    // Restores the chosen snapshot, or only the files chosen in the change list when `onlyChosen`.
    std::optional<Snapshots::Restored> restoreChosen(bool onlyChosen = false);

    [[nodiscard]] QTableView *timeline() const { return m_timelineView; }
    [[nodiscard]] SnapshotListModel *snapshots() const { return m_model; }
    [[nodiscard]] QTableWidget *changeList() const { return m_changes; }
    [[nodiscard]] const QList<Snapshots::Change> &changes() const { return m_changeItems; }
    [[nodiscard]] DiffView *diffView() const { return m_diff; }
    [[nodiscard]] QString statusText() const;

private:
    void load() override;
    void compareChosen();
    [[nodiscard]] QList<Snapshots::Snapshot> chosen() const;

    ConfirmRestore m_confirmRestore;
    SnapshotListModel *m_model = nullptr;
    QTableView *m_timelineView = nullptr;
    QTableWidget *m_changes = nullptr;
    QList<Snapshots::Change> m_changeItems;
    DiffView *m_diff = nullptr;
    QPushButton *m_take = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_restoreFiles = nullptr;
    QLabel *m_status = nullptr;
};
