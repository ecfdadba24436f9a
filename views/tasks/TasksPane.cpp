#include "TasksPane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include "Blobs.h"
#include "DiffView.h"
#include "FileVersions.h"
#include "Files.h"
#include "RunWithProgress.h"
#include "Store.h"
#include "Transcripts.h"

namespace {

QString shortTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// The export dialog: where, as a folder or a zip, in Strata's layout or orc's.
std::optional<TaskExport::Options> askExport(QWidget *parent, const Tasks::Task &task)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("exportDialog"));
    dialog.setWindowTitle(QCoreApplication::translate("TasksPane", "Export %1").arg(task.key));
    auto *path = new QLineEdit(
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' + TaskExport::safeName(task.key));
    path->setObjectName(QStringLiteral("exportPath"));
    auto *browse = new QPushButton(QCoreApplication::translate("TasksPane", "Browse…"));
    auto *zip = new QCheckBox(QCoreApplication::translate("TasksPane", "One zip file"));
    zip->setObjectName(QStringLiteral("exportZip"));
    auto *layout = new QComboBox;
    layout->setObjectName(QStringLiteral("exportLayout"));
    layout->addItem(QCoreApplication::translate("TasksPane",
        "Everything (manifest, task, transcripts, patches, "
        "attachments, events)"));
    layout->addItem(QCoreApplication::translate("TasksPane",
        "orc's own export (task.yaml, state.yaml, context.md, "
        "transcripts)"));
    QObject::connect(browse, &QPushButton::clicked, &dialog, [&] {
        const QString chosen = QFileDialog::getSaveFileName(&dialog,
            QCoreApplication::translate("TasksPane", "Export To"),
            path->text(),
            QString(),
            nullptr,
            QFileDialog::DontConfirmOverwrite);
        if (!chosen.isEmpty())
            path->setText(chosen);
    });
    QObject::connect(zip, &QCheckBox::toggled, &dialog, [path](bool on) {
        QString text = path->text();
        if (on && !text.endsWith(u".zip"))
            path->setText(text + QStringLiteral(".zip"));
        else if (!on && text.endsWith(u".zip"))
            path->setText(text.chopped(4));
    });
    auto *where = new QHBoxLayout;
    where->addWidget(path, 1);
    where->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(QCoreApplication::translate("TasksPane", "New folder or file:"), where);
    form->addRow(QString(), zip);
    form->addRow(QCoreApplication::translate("TasksPane", "Contents:"), layout);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(QCoreApplication::translate("TasksPane", "Export"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("confirmExport"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *box = new QVBoxLayout(&dialog);
    box->addLayout(form);
    box->addWidget(buttons);
    dialog.resize(620, 160);
    if (dialog.exec() != QDialog::Accepted || path->text().trimmed().isEmpty())
        return std::nullopt;
    TaskExport::Options options;
    options.target = path->text().trimmed();
    options.zip = zip->isChecked();
    options.layout = layout->currentIndex() == 1 ? TaskExport::Layout::Orc : TaskExport::Layout::Strata;
    return options;
}

QString askSavePath(QWidget *parent, const QString &suggested)
{
    return QFileDialog::getSaveFileName(parent,
        QCoreApplication::translate("TasksPane", "Save Attachment"),
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation) + u'/' + suggested);
}

} // namespace

TaskListModel::TaskListModel(QObject *parent, int pageSize)
    : PagedTableModel(parent, pageSize)
{}

std::optional<Tasks::Task> TaskListModel::taskAt(int row) const
{
    const Tasks::Task *task = rowAt(row);
    return task ? std::optional(*task) : std::nullopt;
}

Result<QList<Tasks::Task>> TaskListModel::readPage(Store &store, const Tasks::Filter &filter, const Tasks::Task *last)
{
    return Tasks::list(store, filter, last ? std::optional(last->id) : std::nullopt, pageSize());
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Tasks::Task &task = *rowAt(index.row());
    if (role == Qt::ToolTipRole)
        return task.description.isEmpty() ? task.title : task.description;
    if (role == Qt::TextAlignmentRole && index.column() == Cost)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Key:
        return task.key;
    case Title:
        return task.title;
    case Status:
        return task.status;
    case Phase:
        return task.currentPhase;
    case Created:
        return shortTime(task.createdAt);
    case Cost:
        return task.costUsd ? QStringLiteral("$%1").arg(*task.costUsd, 0, 'f', 2) : QString();
    default:
        return {};
    }
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Key:
        return tr("Task");
    case Title:
        return tr("Title");
    case Status:
        return tr("Status");
    case Phase:
        return tr("Phase");
    case Created:
        return tr("Created");
    case Cost:
        return tr("Cost");
    default:
        return {};
    }
}

void TaskListModel::sort(int column, Qt::SortOrder order)
{
    while (canFetchMore({}))
        fetchMore({});
    const auto key = [column](const Tasks::Task &task) -> QVariant {
        switch (column) {
        case Key:
            return task.key;
        case Title:
            return task.title.toLower();
        case Status:
            return task.status;
        case Phase:
            return task.currentPhase;
        case Cost:
            return task.costUsd.value_or(0);
        default:
            return task.createdAt.isValid() ? task.createdAt.toMSecsSinceEpoch() : -1;
        }
    };
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Selections and the current row follow their task to its new row.
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    for (const QModelIndex &index : before)
        ids << m_rows.at(index.row()).id;
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Tasks::Task &a, const Tasks::Task &b) {
        const QPartialOrdering ordering = QVariant::compare(key(a), key(b));
        return order == Qt::AscendingOrder ? ordering == QPartialOrdering::Less : ordering == QPartialOrdering::Greater;
    });
    QHash<qint64, int> rows;
    for (int row = 0; row < m_rows.size(); ++row)
        rows.insert(m_rows.at(row).id, row);
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after << index(rows.value(ids.at(i)), before.at(i).column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

TasksPane::TasksPane(QWidget *parent)
    : StorePane(parent)
    , m_chooseExport(askExport)
    , m_chooseSavePath(askSavePath)
{
    m_model = new TaskListModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("taskList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(TaskListModel::Title, QHeaderView::Stretch);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(TaskListModel::Created, Qt::DescendingOrder);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TasksPane::showDetail);

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("taskStatusFilter"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("taskSearch"));
    m_search->setPlaceholderText(tr("Filter by id or title"));
    m_search->setClearButtonEnabled(true);
    connect(m_status, &QComboBox::activated, this, &TasksPane::load);
    connect(m_search, &QLineEdit::returnPressed, this, &TasksPane::load);
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("exportTask"));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, [this] { exportChosen(); });

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("taskDetail"));
    m_detail->setOpenLinks(false);
    connect(m_detail, &QTextBrowser::anchorClicked, this, &TasksPane::openLink);
    m_diff = new DiffView(this);
    m_diff->setObjectName(QStringLiteral("taskDiff"));
    m_diff->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("tasksMessage"));
    m_message->setWordWrap(true);
    connect(m_model, &TaskListModel::loadFailed, this, [this](const QString &message) {
        m_message->setText(tr("Cannot read the tasks: %1").arg(message));
    });

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_export);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_view, 1);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_detail);
    right->addWidget(m_diff);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 480, 520 });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
}

void TasksPane::load()
{
    const QString chosenStatus = m_status->currentData().toString();
    m_status->clear();
    m_status->addItem(tr("All"), QString());
    const std::optional<qint64> projectId = m_project ? std::optional(m_project->id) : std::nullopt;
    if (m_store) {
        if (auto statuses = Tasks::statuses(*m_store, projectId))
            for (const QString &status : std::as_const(*statuses))
                m_status->addItem(status, status);
    }
    m_status->setCurrentIndex(std::max(0, m_status->findData(chosenStatus)));
    Tasks::Filter filter;
    filter.projectId = projectId;
    filter.status = m_status->currentData().toString();
    filter.text = m_search->text().trimmed();
    m_model->setQuery(m_store, filter);
    m_message->clear();
    m_model->fetchMore({}); // a failure says so in the message line
    m_detail->clear();
    m_diff->hide();
    m_export->setEnabled(false);
    if (m_model->rowCount() == 0 && m_message->text().isEmpty())
        m_message->setText(
            tr("No tasks here. Tasks come from orchestrators such as orc: File ▸ Import… an .orc folder."));
    if (m_model->rowCount() > 0)
        selectTask(0);
}

void TasksPane::selectTask(int row)
{
    m_view->selectRow(row);
    m_view->setCurrentIndex(m_model->index(row, 0));
}

std::optional<Tasks::Task> TasksPane::chosenTask() const
{
    return m_model->taskAt(m_view->currentIndex().row());
}

QString TasksPane::statusText() const
{
    return m_message->text();
}

void TasksPane::showDetail()
{
    const auto task = chosenTask();
    m_export->setEnabled(task.has_value());
    m_diff->hide();
    if (!task || !m_store) {
        m_detail->clear();
        return;
    }
    const auto read = Tasks::detail(*m_store, *task);
    if (!read) {
        m_detail->setPlainText(tr("Cannot read %1: %2").arg(task->key, read.error().message));
        return;
    }
    const Tasks::Detail &detail = *read;
    const auto &phases = detail.phases;
    const auto &decisions = detail.decisions;
    const auto &comments = detail.comments;
    const auto &dependencies = detail.dependencies;
    const auto &artifacts = detail.artifacts;
    const auto &sessions = detail.sessions;
    const auto &versions = detail.versionIds;
    const QLocale locale;

    QString html = QStringLiteral("<h2>%1 %2</h2>").arg(escaped(task->key), escaped(task->title));
    QStringList facts;
    const auto fact = [&facts](const QString &name, const QString &value) {
        if (!value.isEmpty())
            facts << QStringLiteral("<b>%1</b> %2").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    fact(tr("Status:"), task->status);
    fact(tr("Phase:"), task->currentPhase);
    fact(tr("Weight:"), task->weight);
    fact(tr("Priority:"), task->priority);
    fact(tr("Category:"), task->category);
    fact(tr("Branch:"), task->branch);
    fact(tr("Initiative:"), task->initiativeKey);
    fact(tr("Created:"), shortTime(task->createdAt));
    fact(tr("Completed:"), shortTime(task->completedAt));
    fact(tr("Cost:"), task->costUsd ? QStringLiteral("$%1").arg(*task->costUsd, 0, 'f', 4) : QString());
    if (task->inputTokens || task->outputTokens)
        fact(tr("Tokens:"),
            tr("%1 in, %2 out")
                .arg(locale.toString(task->inputTokens.value_or(0)), locale.toString(task->outputTokens.value_or(0))));
    fact(tr("Depends on:"), dependencies.join(QStringLiteral(", ")));
    html += QStringLiteral("<p>%1</p>").arg(facts.join(QStringLiteral(" &nbsp; ")));
    if (!task->description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(task->description));

    // Phases as a timeline: each bar from its start to its end, on the span of the whole task.
    if (!phases.isEmpty()) {
        qint64 first = std::numeric_limits<qint64>::max();
        qint64 last = std::numeric_limits<qint64>::min();
        for (const Tasks::Phase &phase : std::as_const(phases)) {
            if (phase.startedAt.isValid())
                first = std::min(first, phase.startedAt.toMSecsSinceEpoch());
            const QDateTime end = phase.completedAt.isValid() ? phase.completedAt : phase.startedAt;
            if (end.isValid())
                last = std::max(last, end.toMSecsSinceEpoch());
        }
        const double span = last > first ? double(last - first) : 1.0;
        html += QStringLiteral("<h3>%1</h3><table cellspacing=0 cellpadding=3 width='100%'>").arg(tr("Phases"));
        for (const Tasks::Phase &phase : std::as_const(phases)) {
            int before = 0;
            int width = 0;
            if (phase.startedAt.isValid()) {
                const qint64 start = phase.startedAt.toMSecsSinceEpoch();
                const qint64 end = phase.completedAt.isValid() ? phase.completedAt.toMSecsSinceEpoch() : start;
                before = int(100 * (start - first) / span);
                width = std::max(1, int(100 * (end - start) / span));
            }
            const QString colour = phase.status == u"completed" ? QStringLiteral("#6aa84f")
                : phase.status == u"failed"                     ? QStringLiteral("#cc4125")
                : phase.status == u"running"                    ? QStringLiteral("#3c78d8")
                                                                : QStringLiteral("#bbbbbb");
            QString bar = QStringLiteral("<table cellspacing=0 cellpadding=0 width='100%'><tr>");
            if (before > 0)
                bar += QStringLiteral("<td width='%1%'></td>").arg(before);
            if (width > 0)
                bar += QStringLiteral("<td width='%1%' bgcolor='%2'>&nbsp;</td>").arg(width).arg(colour);
            bar += QStringLiteral("<td></td></tr></table>");
            html += QStringLiteral("<tr><td nowrap>%1</td><td nowrap>%2</td><td nowrap>%3</td><td nowrap>%4</td>"
                                   "<td width='50%'>%5</td></tr>")
                        .arg(escaped(phase.name),
                            escaped(phase.status),
                            tr("%1×").arg(phase.iterations.value_or(0)),
                            phase.costUsd ? QStringLiteral("$%1").arg(*phase.costUsd, 0, 'f', 2) : QString(),
                            bar);
            if (!phase.error.isEmpty())
                html += QStringLiteral("<tr><td></td><td colspan=4><font color='#cc4125'>%1</font></td></tr>")
                            .arg(escaped(phase.error));
        }
        html += QStringLiteral("</table>");
    }
    if (!decisions.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Gate decisions"));
        for (const Tasks::Decision &decision : std::as_const(decisions))
            html += QStringLiteral("<li>%1 · %2 · <b>%3</b> (%4): %5</li>")
                        .arg(escaped(shortTime(decision.decidedAt)),
                            escaped(decision.phase),
                            decision.approved ? tr("approved") : tr("rejected"),
                            escaped(decision.gate),
                            escaped(decision.reason));
        html += QStringLiteral("</ul>");
    }
    if (!comments.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Comments"));
        for (const Tasks::Comment &comment : std::as_const(comments)) {
            QString where;
            if (!comment.path.isEmpty())
                where = QStringLiteral(" <code>%1:%2</code>").arg(escaped(comment.path)).arg(comment.line.value_or(0));
            html += QStringLiteral("<li><b>%1</b>%2 %3: %4</li>")
                        .arg(escaped(comment.author.isEmpty() ? comment.authorKind : comment.author),
                            where,
                            escaped(comment.severity),
                            escaped(comment.text));
        }
        html += QStringLiteral("</ul>");
    }
    if (!artifacts.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Attachments and outputs"));
        for (const Tasks::Artifact &artifact : std::as_const(artifacts))
            html
                += QStringLiteral("<li>%1 (%2, %3) — <a href='open:%4'>%5</a> · <a href='attachment:%4'>%6</a></li>")
                       .arg(escaped(artifact.kind == u"output" ? artifact.phase + u' ' + artifact.name : artifact.name),
                           escaped(artifact.contentType),
                           escaped(locale.formattedDataSize(artifact.size)))
                       .arg(artifact.id)
                       .arg(tr("Open"), tr("Save…"));
        html += QStringLiteral("</ul>");
    }
    if (!sessions.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Transcripts"));
        for (const Tasks::TaskSession &session : std::as_const(sessions))
            html += QStringLiteral("<li><a href='session:%1'>%2</a> — %3</li>")
                        .arg(session.id)
                        .arg(escaped(session.title.isEmpty() ? tr("Untitled session") : session.title),
                            tr("messages: %1").arg(session.messages));
        html += QStringLiteral("</ul>");
    }
    if (!versions.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(tr("File changes"));
        for (const qint64 id : std::as_const(versions)) {
            auto version = FileVersions::version(*m_store, id);
            if (version && *version)
                html += QStringLiteral("<li><a href='version:%1'>%2</a> +%3 −%4</li>")
                            .arg(id)
                            .arg(escaped((*version)->path))
                            .arg((*version)->added)
                            .arg((*version)->removed);
        }
        html += QStringLiteral("</ul>");
    }
    m_detail->setHtml(html);
}

void TasksPane::openLink(const QUrl &link)
{
    if (!m_store)
        return;
    const QString kind = link.scheme();
    const qint64 id = link.path().toLongLong();
    if (kind == u"session") {
        auto first = Transcripts::messages(*m_store, id, std::nullopt, 1);
        if (first && !first->isEmpty())
            emit showMessageRequested(id, first->first().id);
        return;
    }
    if (kind == u"version") {
        auto version = FileVersions::version(*m_store, id);
        if (!version || !*version)
            return;
        QByteArray before;
        if ((*version)->previousId) {
            auto previous = FileVersions::version(*m_store, *(*version)->previousId);
            if (previous && *previous)
                before = FileVersions::content(*m_store, **previous).value_or(QByteArray());
        }
        const QByteArray after = FileVersions::content(*m_store, **version).value_or(QByteArray());
        m_diff->setTexts(before, after, tr("before"), (*version)->path);
        m_diff->show();
        return;
    }
    if (kind != u"attachment" && kind != u"open")
        return;
    const auto task = chosenTask();
    if (!task)
        return;
    auto artifacts = Tasks::artifacts(*m_store, task->id);
    if (!artifacts)
        return;
    for (const Tasks::Artifact &artifact : std::as_const(*artifacts)) {
        if (artifact.id != id)
            continue;
        auto content = Blobs::get(*m_store, artifact.blobId);
        if (!content) {
            m_message->setText(tr("Cannot read %1: %2").arg(artifact.name, content.error().message));
            return;
        }
        const QString name
            = TaskExport::safeName(artifact.kind == u"output" ? artifact.name + QStringLiteral(".md") : artifact.name);
        QString path;
        if (kind == u"open") {
            // A copy in a folder of its own under the temporary folder, opened with the desktop's viewer.
            path = QDir::tempPath() + QStringLiteral("/strata-attachments/%1/%2").arg(artifact.id).arg(name);
            if (auto folder = Files::makeFolder(QFileInfo(path).absolutePath()); !folder) {
                m_message->setText(folder.error().message);
                return;
            }
        } else {
            path = m_chooseSavePath(this, name);
            if (path.isEmpty())
                return;
        }
        if (auto written = Files::writeAtomically(path, *content); !written) {
            m_message->setText(written.error().message);
            return;
        }
        if (kind == u"open")
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        else
            m_message->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
        return;
    }
}

std::optional<TaskExport::Exported> TasksPane::exportChosen()
{
    const auto task = chosenTask();
    if (!task || !m_store) {
        m_message->setText(tr("Choose a task to export."));
        return std::nullopt;
    }
    const auto options = m_chooseExport(this, *task);
    if (!options)
        return std::nullopt;
    const std::shared_ptr<Store> store = m_store;
    const Tasks::Task chosen = *task;
    const TaskExport::Options chosenOptions = *options;
    const auto exported = runWithProgress<Result<TaskExport::Exported>>(this,
        tr("Exporting %1…").arg(chosen.key),
        [store, chosen, chosenOptions](
            const std::function<void(int, int)> &progress, const std::function<bool()> &cancelled) {
            TaskExport::Options withProgress = chosenOptions;
            withProgress.progress = progress;
            withProgress.cancelled = cancelled;
            return TaskExport::run(*store, chosen, withProgress);
        });
    if (!exported) {
        m_message->setText(tr("The export stopped: %1").arg(exported.error().message));
        return std::nullopt;
    }
    m_message->setText(tr("Exported %1 to %2: %3 files and a manifest.")
                           .arg(chosen.key, QDir::toNativeSeparators(exported->target))
                           .arg(exported->files));
    return *exported;
}
