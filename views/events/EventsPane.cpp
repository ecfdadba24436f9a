#include "EventsPane.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "Store.h"

namespace {

// "2026-01-21", "2026-01-21 14:00" or ISO 8601: the time; a date alone is its midnight (UTC).
QDateTime parseField(const QString &text, bool endOfDay)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(QString(trimmed).replace(u' ', u'T'), Qt::ISODateWithMs);
    if (time.isValid())
        return time.timeSpec() == Qt::LocalTime ? QDateTime(time.date(), time.time(), Qt::UTC) : time;
    const QDate day = QDate::fromString(trimmed, Qt::ISODate);
    if (!day.isValid())
        return {};
    return endOfDay ? QDateTime(day, QTime(23, 59, 59, 999), Qt::UTC) : QDateTime(day, QTime(0, 0), Qt::UTC);
}

} // namespace

EventsModel::EventsModel(QObject *parent, int pageSize)
    : PagedTableModel(parent, pageSize)
{}

std::optional<Events::Event> EventsModel::eventAt(int row) const
{
    const EventRows::Row *found = rowAt(row);
    return found ? std::optional(eventOf(*found)) : std::nullopt;
}

qint32 EventsModel::textIndex(const QString &text)
{
    const auto found = m_textIndex.constFind(text);
    if (found != m_textIndex.cend())
        return *found;
    m_texts << text;
    m_textIndex.insert(text, qint32(m_texts.size() - 1));
    return qint32(m_texts.size() - 1);
}

Events::Event EventsModel::eventOf(const EventRows::Row &row) const
{
    Events::Event event;
    event.id = row.id;
    event.projectId = row.projectId;
    event.projectName = m_texts.value(row.project);
    if (row.taskId >= 0)
        event.taskId = row.taskId;
    event.taskKey = m_texts.value(row.task);
    event.type = m_texts.value(row.type);
    event.timestamp = QDateTime::fromMSecsSinceEpoch(row.time, Qt::UTC);
    event.phase = m_texts.value(row.phase);
    event.source = m_texts.value(row.source);
    event.payload = row.payload;
    if (row.versionId >= 0)
        event.versionId = row.versionId;
    return event;
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Events::Event event = eventOf(*rowAt(index.row()));
    switch (index.column()) {
    case Time:
        return role == Qt::ToolTipRole
            ? event.timestamp.toUTC().toString(Qt::ISODateWithMs)
            : QLocale().toString(event.timestamp.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Type:
        return event.type;
    case Task:
        return event.taskKey;
    case Phase:
        return event.phase;
    case Source:
        return event.source;
    case Payload: {
        // One line of the payload: enough to tell events apart; the whole of it is below the table.
        const QByteArray line = event.payload.left(300);
        return QString(QString::fromUtf8(line) + (event.payload.size() > 300 ? QStringLiteral("…") : QString()));
    }
    default:
        return {};
    }
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Type:
        return tr("Type");
    case Task:
        return tr("Task");
    case Phase:
        return tr("Phase");
    case Source:
        return tr("Source");
    case Payload:
        return tr("Payload");
    default:
        return {};
    }
}

Result<QList<EventRows::Row>> EventsModel::readPage(
    Store &store, const Events::Filter &filter, const EventRows::Row *last)
{
    const std::optional<Events::Cursor> after
        = last ? std::optional(Events::Cursor{ last->time, last->id }) : std::nullopt;
    auto page = Events::page(store, filter, after, pageSize());
    if (!page)
        return std::unexpected(page.error());
    QList<EventRows::Row> rows;
    rows.reserve(page->size());
    for (const Events::Event &event : std::as_const(*page)) {
        EventRows::Row row;
        row.id = event.id;
        row.time = event.timestamp.toMSecsSinceEpoch();
        row.projectId = event.projectId;
        row.taskId = event.taskId.value_or(-1);
        row.versionId = event.versionId.value_or(-1);
        row.type = textIndex(event.type);
        row.task = textIndex(event.taskKey);
        row.phase = textIndex(event.phase);
        row.source = textIndex(event.source);
        row.project = textIndex(event.projectName);
        row.payload = event.payload;
        row.payload.squeeze();
        rows.append(std::move(row));
    }
    return rows;
}

EventsPane::EventsPane(QWidget *parent)
    : StorePane(parent)
{
    m_model = new EventsModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("eventList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    // Rows of one height, so a million of them scroll without measuring each.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EventsPane::showPayload);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("eventTypeFilter"));
    m_type->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_type->setMinimumContentsLength(18);
    m_from = new QLineEdit(this);
    m_from->setObjectName(QStringLiteral("eventsFrom"));
    m_from->setPlaceholderText(tr("from (2026-01-21)"));
    m_from->setClearButtonEnabled(true);
    m_to = new QLineEdit(this);
    m_to->setObjectName(QStringLiteral("eventsTo"));
    m_to->setPlaceholderText(tr("to (2026-01-22 18:00)"));
    m_to->setClearButtonEnabled(true);
    for (QLineEdit *field : { m_from, m_to })
        field->setMinimumWidth(field->fontMetrics().horizontalAdvance(m_to->placeholderText()) + 40);
    connect(m_type, &QComboBox::activated, this, &EventsPane::applyFilters);
    connect(m_from, &QLineEdit::returnPressed, this, &EventsPane::applyFilters);
    connect(m_to, &QLineEdit::returnPressed, this, &EventsPane::applyFilters);
    m_payload = new QPlainTextEdit(this);
    m_payload->setObjectName(QStringLiteral("eventPayload"));
    m_payload->setReadOnly(true);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("eventsMessage"));
    connect(m_model, &EventsModel::loadFailed, this, [this](const QString &message) {
        m_message->setText(tr("Cannot read the events: %1").arg(message));
    });

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Type:"), this));
    filters->addWidget(m_type);
    filters->addWidget(m_from);
    filters->addWidget(m_to);
    filters->addStretch(1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_payload);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
}

void EventsPane::load()
{
    const QString chosen = m_type->currentData().toString();
    m_type->clear();
    m_type->addItem(tr("All types"), QString());
    if (m_store) {
        if (auto types = Events::types(*m_store, m_project ? std::optional(m_project->id) : std::nullopt))
            for (const QString &type : std::as_const(*types))
                m_type->addItem(type, type);
    }
    m_type->setCurrentIndex(std::max(0, m_type->findData(chosen)));
    applyFilters();
}

void EventsPane::applyFilters()
{
    Events::Filter filter;
    filter.projectId = m_project ? std::optional(m_project->id) : std::nullopt;
    if (const QString type = m_type->currentData().toString(); !type.isEmpty())
        filter.types << type;
    filter.from = parseField(m_from->text(), false);
    filter.to = parseField(m_to->text(), true);
    const bool badFrom = !m_from->text().trimmed().isEmpty() && !filter.from.isValid();
    const bool badTo = !m_to->text().trimmed().isEmpty() && !filter.to.isValid();
    m_model->setQuery(m_store, filter);
    m_message->clear();
    m_model->fetchMore({}); // a failure says so in the message line
    m_payload->clear();
    if (badFrom || badTo)
        m_message->setText(tr("Times are written as 2026-01-21 or 2026-01-21 14:00 (UTC); that one was left out."));
    else if (m_model->rowCount() == 0 && m_message->text().isEmpty())
        m_message->setText(tr("No events here. Events come from orc's event log and Arium's history.log."));
}

void EventsPane::selectEvent(int row)
{
    m_view->selectRow(row);
    m_view->setCurrentIndex(m_model->index(row, 0));
}

QString EventsPane::statusText() const
{
    return m_message->text();
}

void EventsPane::showPayload()
{
    const auto event = m_model->eventAt(m_view->currentIndex().row());
    if (!event) {
        m_payload->clear();
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(event->payload);
    m_payload->setPlainText(document.isNull() ? QString::fromUtf8(event->payload)
                                              : QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
}
