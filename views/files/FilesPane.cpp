#include "FilesPane.h"

#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include "DiffView.h"
#include "FileHistoryModel.h"
#include "FileTreeModel.h"
#include "RestoreDialog.h"
#include "Store.h"

FilesPane::FilesPane(QWidget *parent)
    : StorePane(parent)
    , m_confirmRestore([](QWidget *owner, const Restore::Plan &plan) {
        RestoreDialog dialog(plan, owner);
        return dialog.exec() == QDialog::Accepted;
    })
    , m_inform([](QWidget *owner, const QString &title, const QString &text) {
        QMessageBox::information(owner, title, text);
    })
{
    m_files = new FileTreeModel(this);
    m_tree = new QTreeView(this);
    m_tree->setModel(m_files);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &FilesPane::fileChosen);

    m_historyView = new QTableView(this);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->setWordWrap(false);
    m_historyView->setToolTip(tr("Choose one version to see what it changed, or two to compare them"));

    m_compareDisk = new QPushButton(tr("Compare with Disk"), this);
    m_restore = new QPushButton(tr("Restore This Version…"), this);
    m_origin = new QPushButton(tr("Show Origin"), this);
    m_origin->setToolTip(tr("Open the message or show the commit that made this version"));
    connect(m_compareDisk, &QPushButton::clicked, this, &FilesPane::compareWithDisk);
    connect(m_restore, &QPushButton::clicked, this, [this] { restoreSelected(); });
    connect(m_origin, &QPushButton::clicked, this, &FilesPane::showOrigin);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_diff = new DiffView(this);

    auto *historyPanel = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyPanel);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyView, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_compareDisk);
    buttons->addWidget(m_restore);
    buttons->addWidget(m_origin);
    buttons->addStretch();
    historyLayout->addLayout(buttons);
    historyLayout->addWidget(m_status);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(historyPanel);
    right->addWidget(m_diff);
    right->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tree);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    versionsChosen();
}

void FilesPane::storeChanged()
{
    m_history = new FileHistoryModel(m_store, this);
    QItemSelectionModel *old = m_historyView->selectionModel();
    m_historyView->setModel(m_history);
    delete old;
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FilesPane::versionsChosen);
}

void FilesPane::load()
{
    const QModelIndex current = m_tree->currentIndex();
    const QString path
        = current.isValid() ? current.siblingAtColumn(0).data(FileTreeModel::PathRole).toString() : QString();
    QList<FileVersions::File> files;
    if (m_store && m_project) {
        auto read = FileVersions::files(*m_store, m_project->id);
        if (read)
            files = *read;
        else
            m_status->setText(tr("Cannot read the files: %1").arg(read.error().message));
    }
    m_files->setFiles(files);
    m_tree->expandAll();
    if (m_history)
        m_history->setFile(std::nullopt);
    if (!path.isEmpty() && selectFile(path))
        return;
    m_diff->clear(files.isEmpty() ? tr("The store has no file versions of this project")
                                  : tr("Choose a file to see its history"));
    versionsChosen();
}

bool FilesPane::selectFile(const QString &path)
{
    ensureLoaded();
    const QModelIndex index = m_files->indexOfPath(FileVersions::normalisedPath(path));
    if (!index.isValid() || !index.data(FileTreeModel::FileIdRole).isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void FilesPane::fileChosen()
{
    if (!m_history)
        return;
    const QModelIndex index = m_tree->currentIndex().siblingAtColumn(0);
    const QVariant fileId = index.data(FileTreeModel::FileIdRole);
    m_history->setFile(fileId.isValid() ? std::optional(fileId.toLongLong()) : std::nullopt);
    m_historyView->resizeColumnsToContents();
    if (m_history->rowCount() > 0)
        selectVersions({ 0 });
    else
        versionsChosen();
}

void FilesPane::selectVersions(const QList<int> &rows)
{
    QItemSelection selection;
    for (int row : rows)
        selection.select(m_history->index(row, 0), m_history->index(row, FileHistoryModel::ColumnCount - 1));
    m_historyView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!rows.isEmpty())
        m_historyView->selectionModel()->setCurrentIndex(
            m_history->index(rows.first(), 0), QItemSelectionModel::NoUpdate);
}

QList<FileVersions::Version> FilesPane::chosenVersions() const
{
    QList<FileVersions::Version> versions;
    if (!m_history)
        return versions;
    QList<int> rows;
    for (const QModelIndex &index : m_historyView->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    for (int row : rows)
        if (auto version = m_history->versionAt(row))
            versions << *version;
    return versions; // newest first
}

QString FilesPane::labelOf(const FileVersions::Version &version) const
{
    return tr("%1, version %2").arg(version.path).arg(version.id);
}

void FilesPane::versionsChosen()
{
    const QList<FileVersions::Version> versions = chosenVersions();
    m_compareDisk->setEnabled(versions.size() == 1 && versions.first().blobId);
    m_restore->setEnabled(versions.size() == 1 && versions.first().blobId);
    m_origin->setEnabled(versions.size() == 1);
    if (!m_store || versions.isEmpty())
        return;
    const auto contentOf = [this](const FileVersions::Version &version) {
        auto content = FileVersions::content(*m_store, version);
        if (!content)
            m_status->setText(content.error().message);
        return content.value_or(QByteArray());
    };
    const FileVersions::Version &newer = versions.first();
    if (versions.size() >= 2) {
        const FileVersions::Version &older = versions.last();
        m_diff->setTexts(contentOf(older), contentOf(newer), labelOf(older), labelOf(newer));
        m_status->setText(tr("Comparing two versions"));
        return;
    }
    std::optional<FileVersions::Version> previous;
    if (newer.previousId)
        if (auto found = FileVersions::version(*m_store, *newer.previousId); found)
            previous = *found;
    m_diff->setTexts(previous ? contentOf(*previous) : QByteArray(),
        contentOf(newer),
        previous ? labelOf(*previous) : tr("(no earlier version)"),
        labelOf(newer));
    m_status->setText(tr("What version %1 changed").arg(newer.id));
}

void FilesPane::compareWithDisk()
{
    const QList<FileVersions::Version> versions = chosenVersions();
    if (versions.size() != 1 || !m_store || !m_project)
        return;
    const FileVersions::Version &version = versions.first();
    const QString path = QDir(m_project->workspaceRoot).filePath(version.path);
    QFile file(path);
    if (m_project->workspaceRoot.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        m_diff->clear(tr("%1 is not on disk").arg(QDir::toNativeSeparators(path)));
        m_status->setText(m_diff->summary());
        return;
    }
    auto content = FileVersions::content(*m_store, version);
    m_diff->setTexts(
        content.value_or(QByteArray()), file.readAll(), labelOf(version), tr("%1 on disk").arg(version.path));
    m_status->setText(tr("Version %1 against the file on disk").arg(version.id));
}

std::optional<Restore::Outcome> FilesPane::restoreSelected()
{
    const QList<FileVersions::Version> versions = chosenVersions();
    if (versions.size() != 1 || !m_store)
        return std::nullopt;
    const qint64 id = versions.first().id;
    auto plan = Restore::plan(*m_store, id);
    if (!plan) {
        m_inform(this, tr("Cannot Restore"), plan.error().message);
        return std::nullopt;
    }
    if (plan->changesNothing()) {
        m_status->setText(tr("The file on disk already holds version %1").arg(id));
        return std::nullopt;
    }
    if (!m_confirmRestore(this, *plan))
        return std::nullopt;
    auto outcome = Restore::apply(*m_store, id);
    if (!outcome) {
        m_inform(this, tr("Cannot Restore"), outcome.error().message);
        return std::nullopt;
    }
    load();
    m_status->setText(tr("Restored version %1; Edit ▸ Undo Restore puts back what was there").arg(id));
    Q_EMIT restored(*outcome);
    return *outcome;
}

void FilesPane::showOrigin()
{
    const QList<FileVersions::Version> versions = chosenVersions();
    if (versions.size() != 1)
        return;
    const FileVersions::Version &version = versions.first();
    if (version.sessionId && version.messageId) {
        Q_EMIT showMessageRequested(*version.sessionId, *version.messageId);
        return;
    }
    QString text;
    if (version.originKind == u"git")
        text = tr("Commit %1\nby %2\non %3").arg(version.origin, version.author, version.time.toString(Qt::ISODate));
    else
        text = tr("%1 %2\nby %3\non %4")
                   .arg(version.originKind, version.origin, version.author, version.time.toString(Qt::ISODate));
    m_inform(this, tr("Origin of Version %1").arg(version.id), text);
}

QString FilesPane::statusText() const
{
    return m_status->text();
}
