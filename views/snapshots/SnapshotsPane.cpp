#include "SnapshotsPane.h"

#include <atomic>

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "DiffView.h"
#include "RunWithProgress.h"
#include "Store.h"

SnapshotListModel::SnapshotListModel(QObject *parent, int pageSize)
    : PagedTableModel(parent, pageSize)
{}

std::optional<Snapshots::Snapshot> SnapshotListModel::snapshotAt(int row) const
{
    const Snapshots::Snapshot *snapshot = rowAt(row);
    return snapshot ? std::optional(*snapshot) : std::nullopt;
}

Result<QList<Snapshots::Snapshot>> SnapshotListModel::readPage(
    Store &store, const qint64 &projectId, const Snapshots::Snapshot *last)
{
    return Snapshots::page(store, projectId, last ? std::optional(last->id) : std::nullopt, pageSize());
}

QVariant SnapshotListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Snapshots::Snapshot &snapshot = *rowAt(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Files ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QLocale().toString(snapshot.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Label:
        return snapshot.label;
    case Trigger:
        return snapshot.trigger == u"before-restore" ? tr("before a restore")
            : snapshot.trigger == u"imported"        ? tr("imported")
            : snapshot.trigger == u"agent-finished"  ? tr("agent finished")
                                                     : tr("manual");
    case Files:
        return snapshot.fileCount;
    case Size:
        return QLocale().formattedDataSize(snapshot.totalSize);
    default:
        return {};
    }
}

QVariant SnapshotListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Label:
        return tr("Label");
    case Trigger:
        return tr("Made");
    case Files:
        return tr("Files");
    case Size:
        return tr("Size");
    default:
        return {};
    }
}

namespace {

// The default question before a restore: the plan, and whether extra files go.
std::optional<bool> askRestore(QWidget *parent, const Snapshots::RestorePlan &plan)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("restoreDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("SnapshotsPane", "Restore Snapshot"));
    auto *what
        = new QLabel(QCoreApplication::translate("SnapshotsPane",
                         "Restoring snapshot %1 changes these files in %2. The workspace as it is now is kept as "
                         "a snapshot first, so restoring that one puts it back.")
                         .arg(plan.snapshot.id)
                         .arg(QDir::toNativeSeparators(plan.root)),
            &dialog);
    what->setWordWrap(true);
    auto *steps = new QListWidget(&dialog);
    steps->setObjectName(QStringLiteral("restorePlan"));
    for (const Snapshots::Step &step : plan.steps)
        steps->addItem(
            (step.kind == Snapshots::Step::Kind::Write ? QCoreApplication::translate("SnapshotsPane", "write")
                    : step.kind == Snapshots::Step::Kind::Create
                    ? QCoreApplication::translate("SnapshotsPane", "create")
                    : QCoreApplication::translate("SnapshotsPane", "delete"))
            + QStringLiteral("  ") + step.path);
    auto *deleteExtra = new QCheckBox(
        QCoreApplication::translate("SnapshotsPane", "Also delete files the snapshot does not have"), &dialog);
    deleteExtra->setObjectName(QStringLiteral("deleteExtraFiles"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    buttons->addButton(QCoreApplication::translate("SnapshotsPane", "Restore"), QDialogButtonBox::AcceptRole)
        ->setObjectName(QStringLiteral("confirmRestore"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(what);
    layout->addWidget(steps, 1);
    layout->addWidget(deleteExtra);
    layout->addWidget(buttons);
    dialog.resize(640, 480);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return deleteExtra->isChecked();
}

} // namespace

SnapshotsPane::SnapshotsPane(QWidget *parent)
    : StorePane(parent)
    , m_confirmRestore(askRestore)
{
    m_model = new SnapshotListModel(this);
    connect(m_model, &SnapshotListModel::loadFailed, this, [this](const QString &message) {
        m_status->setText(tr("Cannot read the snapshots: %1").arg(message));
    });
    m_timelineView = new QTableView(this);
    m_timelineView->setObjectName(QStringLiteral("snapshotTimeline"));
    m_timelineView->setModel(m_model);
    m_timelineView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timelineView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_timelineView->verticalHeader()->hide();
    m_timelineView->horizontalHeader()->setStretchLastSection(true);
    m_timelineView->setToolTip(tr("Choose one snapshot to compare it with the disk, or two to compare them"));
    connect(
        m_timelineView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SnapshotsPane::compareChosen);

    m_changes = new QTableWidget(0, 3, this);
    m_changes->setObjectName(QStringLiteral("snapshotChanges"));
    m_changes->setHorizontalHeaderLabels({ tr("Change"), tr("File"), tr("Lines") });
    m_changes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->verticalHeader()->hide();
    m_changes->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    connect(m_changes, &QTableWidget::currentCellChanged, this, [this](int row) { showChange(row); });

    m_take = new QPushButton(tr("Take Snapshot"), this);
    m_take->setObjectName(QStringLiteral("takeSnapshot"));
    m_restore = new QPushButton(tr("Restore Snapshot…"), this);
    m_restore->setObjectName(QStringLiteral("restoreSnapshot"));
    m_restoreFiles = new QPushButton(tr("Restore Chosen Files…"), this);
    m_restoreFiles->setObjectName(QStringLiteral("restoreChosenFiles"));
    connect(m_take, &QPushButton::clicked, this, [this] { takeSnapshot(); });
    connect(m_restore, &QPushButton::clicked, this, [this] { restoreChosen(false); });
    connect(m_restoreFiles, &QPushButton::clicked, this, [this] { restoreChosen(true); });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("snapshotStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_diff = new DiffView(this);
    m_diff->setObjectName(QStringLiteral("snapshotDiff"));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_take);
    buttons->addWidget(m_restore);
    buttons->addWidget(m_restoreFiles);
    buttons->addStretch();
    topLayout->addLayout(buttons);
    auto *lists = new QSplitter(Qt::Horizontal, top);
    lists->addWidget(m_timelineView);
    lists->addWidget(m_changes);
    topLayout->addWidget(lists, 1);
    topLayout->addWidget(m_status);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    compareChosen();
}

void SnapshotsPane::load()
{
    m_status->clear();
    m_model->setQuery(m_project ? m_store : nullptr, m_project ? m_project->id : 0);
    m_model->fetchMore({}); // a failure says so in the status line
    m_timelineView->resizeColumnsToContents();
    m_take->setEnabled(m_project && !m_project->workspaceRoot.isEmpty());
    compareChosen();
    if (m_project && m_model->rowCount() == 0 && m_status->text().isEmpty())
        m_status->setText(tr("No snapshots of this project yet: Take Snapshot keeps its workspace as it is"));
}

std::optional<Snapshots::Snapshot> SnapshotsPane::takeSnapshot(const QString &label)
{
    if (!m_store || !m_project || m_project->workspaceRoot.isEmpty())
        return std::nullopt;
    const std::shared_ptr<Store> store = m_store;
    const qint64 projectId = m_project->id;
    const QString root = m_project->workspaceRoot;
    const auto created = runWithProgress<Result<Snapshots::Created>>(this,
        tr("Taking a snapshot of %1…").arg(QDir::toNativeSeparators(root)),
        [store, projectId, root, label](const std::function<void(int, int)> &progress, const std::function<bool()> &) {
            return Snapshots::create(*store, projectId, root, label, QStringLiteral("manual"), progress);
        });
    if (!created) {
        m_status->setText(tr("Cannot take a snapshot: %1").arg(created.error().message));
        return std::nullopt;
    }
    load();
    m_status->setText(tr("Snapshot %1: %2 files; %3 read, the rest unchanged")
                          .arg(created->snapshot.id)
                          .arg(created->snapshot.fileCount)
                          .arg(created->filesRead));
    return created->snapshot;
}

void SnapshotsPane::selectSnapshots(const QList<int> &rows)
{
    ensureLoaded();
    QItemSelection selection;
    for (int row : rows)
        if (m_model->fetchUpTo(row))
            selection.select(m_model->index(row, 0), m_model->index(row, SnapshotListModel::ColumnCount - 1));
    m_timelineView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QList<Snapshots::Snapshot> SnapshotsPane::chosen() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_timelineView->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<Snapshots::Snapshot> list;
    for (int row : rows)
        if (auto snapshot = m_model->snapshotAt(row))
            list << *snapshot;
    return list; // newest first
}

void SnapshotsPane::compareChosen()
{
    const QList<Snapshots::Snapshot> snapshots = chosen();
    m_restore->setEnabled(snapshots.size() == 1);
    m_restoreFiles->setEnabled(snapshots.size() == 1);
    m_changes->setRowCount(0);
    m_changeItems.clear();
    m_diff->clear(tr("Choose a snapshot to compare it with the disk, or two to compare them"));
    if (!m_store || !m_project || snapshots.isEmpty())
        return;
    Result<QList<Snapshots::Change>> changes;
    if (snapshots.size() == 1) {
        changes = Snapshots::compareWithDisk(*m_store, snapshots.first().id, m_project->workspaceRoot);
        if (changes)
            m_status->setText(tr("Snapshot %1 against the workspace on disk; changed files: %2")
                                  .arg(snapshots.first().id)
                                  .arg(changes->size()));
    } else {
        changes = Snapshots::compare(*m_store, snapshots.last().id, snapshots.first().id);
        if (changes)
            m_status->setText(tr("From snapshot %1 to snapshot %2; changed files: %3")
                                  .arg(snapshots.last().id)
                                  .arg(snapshots.first().id)
                                  .arg(changes->size()));
    }
    if (!changes) {
        m_status->setText(changes.error().message);
        return;
    }
    m_changeItems = *changes;
    m_changes->setRowCount(int(m_changeItems.size()));
    for (int row = 0; row < m_changeItems.size(); ++row) {
        const Snapshots::Change &change = m_changeItems.at(row);
        const QString kind = change.kind == Snapshots::Change::Kind::Added ? tr("added")
            : change.kind == Snapshots::Change::Kind::Removed              ? tr("removed")
            : change.kind == Snapshots::Change::Kind::Renamed              ? tr("renamed")
                                                                           : tr("modified");
        m_changes->setItem(row, 0, new QTableWidgetItem(kind));
        m_changes->setItem(row,
            1,
            new QTableWidgetItem(
                change.oldPath.isEmpty() ? change.path : change.oldPath + QStringLiteral(" → ") + change.path));
        m_changes->setItem(row,
            2,
            new QTableWidgetItem(
                change.binary ? tr("binary") : QStringLiteral("+%1 −%2").arg(change.added).arg(change.removed)));
    }
    m_changes->resizeColumnToContents(0);
}

void SnapshotsPane::showChange(int row)
{
    if (!m_store || row < 0 || row >= m_changeItems.size())
        return;
    const Snapshots::Change &change = m_changeItems.at(row);
    const auto contents = Snapshots::contentsOf(*m_store, change);
    if (!contents) {
        m_diff->clear(contents.error().message);
        return;
    }
    const QList<Snapshots::Snapshot> snapshots = chosen();
    const QString older = snapshots.isEmpty() ? QString() : tr("snapshot %1").arg(snapshots.last().id);
    const QString newer = snapshots.size() == 1 ? tr("on disk") : tr("snapshot %1").arg(snapshots.value(0).id);
    m_diff->setTexts(contents->first,
        contents->second,
        (change.oldPath.isEmpty() ? change.path : change.oldPath) + QStringLiteral(", ") + older,
        change.path + QStringLiteral(", ") + newer);
}

std::optional<Snapshots::Restored> SnapshotsPane::restoreChosen(bool onlyChosen)
{
    const QList<Snapshots::Snapshot> snapshots = chosen();
    if (!m_store || !m_project || snapshots.size() != 1)
        return std::nullopt;
    QStringList only;
    if (onlyChosen) {
        for (const QModelIndex &index : m_changes->selectionModel()->selectedRows()) {
            const Snapshots::Change &change = m_changeItems.at(index.row());
            only << (change.oldPath.isEmpty() ? change.path : change.oldPath);
        }
        if (only.isEmpty()) {
            m_status->setText(tr("Choose the files to restore in the list of changes"));
            return std::nullopt;
        }
    }
    const qint64 id = snapshots.first().id;
    auto plan = Snapshots::planRestore(*m_store, id, m_project->workspaceRoot, only, false);
    if (!plan) {
        m_status->setText(tr("Cannot restore: %1").arg(plan.error().message));
        return std::nullopt;
    }
    const std::optional<bool> deleteExtra = m_confirmRestore(this, *plan);
    if (!deleteExtra)
        return std::nullopt;
    if (*deleteExtra) {
        plan = Snapshots::planRestore(*m_store, id, m_project->workspaceRoot, only, true);
        if (!plan) {
            m_status->setText(tr("Cannot restore: %1").arg(plan.error().message));
            return std::nullopt;
        }
    }
    const std::shared_ptr<Store> store = m_store;
    const Snapshots::RestorePlan chosenPlan = *plan;
    const auto restored = runWithProgress<Result<Snapshots::Restored>>(this,
        tr("Restoring snapshot %1…").arg(id),
        [store, chosenPlan](const std::function<void(int, int)> &progress, const std::function<bool()> &cancelled) {
            return Snapshots::restore(*store, chosenPlan, progress, cancelled);
        });
    load();
    if (!restored) {
        m_status->setText(tr("The restore stopped: %1").arg(restored.error().message));
        return std::nullopt;
    }
    m_status->setText(tr("Restored snapshot %1: %2 written, %3 created, %4 deleted; snapshot %5 holds what was there")
                          .arg(id)
                          .arg(restored->written)
                          .arg(restored->created)
                          .arg(restored->deleted)
                          .arg(restored->beforeSnapshotId));
    return *restored;
}

QString SnapshotsPane::statusText() const
{
    return m_status->text();
}
