#include "JobsPane.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "Store.h"

namespace {

QString shortTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

} // namespace

JobListModel::JobListModel(QObject *parent, int pageSize)
    : PagedTableModel(parent, pageSize)
{}

std::optional<Jobs::Job> JobListModel::jobAt(int row) const
{
    const Jobs::Job *job = rowAt(row);
    return job ? std::optional(*job) : std::nullopt;
}

Result<QList<Jobs::Job>> JobListModel::readPage(Store &store, const Jobs::Filter &filter, const Jobs::Job *last)
{
    return Jobs::list(store, filter, last ? std::optional(last->id) : std::nullopt, pageSize());
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Jobs::Job &job = *rowAt(index.row());
    if (role == Qt::ToolTipRole && index.column() == LastError)
        return job.lastError;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Kind:
        return job.kind;
    case Name:
        return job.name;
    case Status:
        return job.status;
    case Attempts:
        return job.attempts ? QStringLiteral("%1/%2").arg(*job.attempts).arg(job.maxAttempts.value_or(0)) : QString();
    case RunAt:
        return shortTime(job.runAt);
    case Started:
        return shortTime(job.startedAt);
    case Completed:
        return shortTime(job.completedAt);
    case LastError:
        return job.lastError;
    default:
        return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind:
        return tr("Kind");
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case Attempts:
        return tr("Attempts");
    case RunAt:
        return tr("Runs at");
    case Started:
        return tr("Started");
    case Completed:
        return tr("Finished");
    case LastError:
        return tr("Last error");
    default:
        return {};
    }
}

JobsPane::JobsPane(QWidget *parent)
    : StorePane(parent)
{
    m_model = new JobListModel(this);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("jobKindFilter"));
    m_kind->addItem(tr("Everything"), QString());
    m_kind->addItem(tr("Plans"), QStringLiteral("plan"));
    m_kind->addItem(tr("Runs"), QStringLiteral("run"));
    m_kind->addItem(tr("Agents"), QStringLiteral("agent"));
    m_kind->addItem(tr("Jobs"), QStringLiteral("job"));
    connect(m_kind, &QComboBox::activated, this, &JobsPane::showKind);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("jobList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &JobsPane::showDetail);
    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("jobDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("jobsMessage"));
    connect(m_model, &JobListModel::loadFailed, this, [this](const QString &message) {
        m_message->setText(tr("Cannot read the jobs: %1").arg(message));
    });

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_kind);
    filters->addStretch(1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
}

void JobsPane::load()
{
    showKind(m_kind->currentIndex());
}

void JobsPane::showKind(int index)
{
    m_kind->setCurrentIndex(index);
    Jobs::Filter filter;
    filter.projectId = m_project ? std::optional(m_project->id) : std::nullopt;
    filter.kind = m_kind->currentData().toString();
    m_model->setQuery(m_store, filter);
    m_message->clear();
    m_model->fetchMore({}); // a failure says so in the message line
    m_detail->clear();
    if (m_model->rowCount() == 0 && m_message->text().isEmpty())
        m_message->setText(tr("Nothing here. Plans, runs, agents and jobs come from Astro or griffin-hub: File ▸ "
                              "Import… its database or a PostgreSQL dump."));
}

void JobsPane::selectJob(int row)
{
    m_view->selectRow(row);
    m_view->setCurrentIndex(m_model->index(row, 0));
}

QString JobsPane::statusText() const
{
    return m_message->text();
}

void JobsPane::showDetail()
{
    const auto job = m_model->jobAt(m_view->currentIndex().row());
    m_detail->setPlainText(
        job ? QString::fromUtf8(QJsonDocument(job->details).toJson(QJsonDocument::Indented)) : QString());
}
