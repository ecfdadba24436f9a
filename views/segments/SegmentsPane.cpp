#include "SegmentsPane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "Store.h"

SegmentListModel::SegmentListModel(QObject *parent, int pageSize)
    : PagedTableModel(parent, pageSize)
{}

std::optional<Segments::Segment> SegmentListModel::segmentAt(int row) const
{
    const Segments::Segment *segment = rowAt(row);
    return segment ? std::optional(*segment) : std::nullopt;
}

Result<QList<Segments::Segment>> SegmentListModel::readPage(
    Store &store, const Segments::Filter &filter, const Segments::Segment *last)
{
    return Segments::list(store, filter, last ? std::optional(last->id) : std::nullopt, pageSize());
}

QVariant SegmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Segments::Segment &segment = *rowAt(index.row());
    if (role == Qt::ToolTipRole)
        return segment.text.left(500);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Created:
        return segment.createdAt.isValid() ? QLocale().toString(segment.createdAt.toLocalTime(), QLocale::ShortFormat)
                                           : QString();
    case Kind:
        return segment.kind;
    case Task:
        return segment.task;
    case File:
        return segment.lineFrom
            ? QStringLiteral("%1:%2-%3").arg(segment.path).arg(*segment.lineFrom).arg(*segment.lineTo)
            : segment.path;
    case Tags:
        return segment.tags.join(QStringLiteral(", "));
    case Tokens:
        return segment.tokens ? QVariant(*segment.tokens) : QVariant();
    case State:
        return segment.pinned ? tr("pinned, %1").arg(segment.tier) : segment.tier;
    default:
        return {};
    }
}

QVariant SegmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Created:
        return tr("Created");
    case Kind:
        return tr("Type");
    case Task:
        return tr("Task");
    case File:
        return tr("File");
    case Tags:
        return tr("Tags");
    case Tokens:
        return tr("Tokens");
    case State:
        return tr("State");
    default:
        return {};
    }
}

SegmentsPane::SegmentsPane(QWidget *parent)
    : StorePane(parent)
{
    m_model = new SegmentListModel(this);
    m_facet = new QComboBox(this);
    m_facet->setObjectName(QStringLiteral("segmentFacet"));
    m_facet->addItems({ tr("By task"), tr("By file"), tr("By tag") });
    connect(m_facet, &QComboBox::activated, this, &SegmentsPane::browseBy);
    m_values = new QListWidget(this);
    m_values->setObjectName(QStringLiteral("segmentValues"));
    connect(m_values, &QListWidget::currentRowChanged, this, &SegmentsPane::chooseValue);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("segmentList"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SegmentsPane::showSegment);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("segmentText"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("segmentsMessage"));
    m_message->setWordWrap(true);
    connect(m_model, &SegmentListModel::loadFailed, this, [this](const QString &message) {
        m_message->setText(tr("Cannot read the segments: %1").arg(message));
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_facet);
    leftLayout->addWidget(m_values, 1);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_view);
    right->addWidget(m_text);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 220, 780 });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
}

void SegmentsPane::load()
{
    browseBy(m_facet->currentIndex());
}

void SegmentsPane::browseBy(int facet)
{
    m_facet->setCurrentIndex(facet);
    const QSignalBlocker blocker(m_values);
    m_values->clear();
    m_values->addItem(tr("All segments"));
    if (m_store) {
        const Segments::Facet kind = facet == 0 ? Segments::Facet::Task
            : facet == 1                        ? Segments::Facet::Path
                                                : Segments::Facet::Tag;
        auto values = Segments::facet(*m_store, kind, m_project ? std::optional(m_project->id) : std::nullopt);
        if (values) {
            for (const auto &[value, count] : std::as_const(*values)) {
                auto *item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(value).arg(count), m_values);
                item->setData(Qt::UserRole, value);
            }
        }
    }
    m_values->setCurrentRow(0);
    chooseValue(0);
}

void SegmentsPane::chooseValue(int row)
{
    if (row < 0)
        return;
    if (m_values->currentRow() != row) {
        m_values->setCurrentRow(row); // comes back here through currentRowChanged
        return;
    }
    Segments::Filter filter;
    filter.projectId = m_project ? std::optional(m_project->id) : std::nullopt;
    const QString value = m_values->item(row)->data(Qt::UserRole).toString();
    if (!value.isEmpty()) {
        if (m_facet->currentIndex() == 0)
            filter.task = value;
        else if (m_facet->currentIndex() == 1)
            filter.path = value;
        else
            filter.tag = value;
    }
    m_model->setQuery(m_store, filter);
    m_message->clear();
    m_model->fetchMore({}); // a failure says so in the message line
    m_text->clear();
    if (m_model->rowCount() == 0 && m_message->text().isEmpty())
        m_message->setText(
            tr("No context segments here. They come from out_of_context: File ▸ Import… a .out_of_context folder."));
    if (m_model->rowCount() > 0)
        selectSegment(0);
}

void SegmentsPane::selectSegment(int row)
{
    m_view->selectRow(row);
    m_view->setCurrentIndex(m_model->index(row, 0));
}

QString SegmentsPane::statusText() const
{
    return m_message->text();
}

void SegmentsPane::showSegment()
{
    const auto segment = m_model->segmentAt(m_view->currentIndex().row());
    if (!segment) {
        m_text->clear();
        return;
    }
    QString heading
        = QStringLiteral("**%1** · %2").arg(segment->kind.isEmpty() ? tr("segment") : segment->kind, segment->key);
    if (!segment->task.isEmpty())
        heading += QStringLiteral(" · ") + tr("task %1").arg(segment->task);
    // Code and logs keep their lines; the rest is Markdown, as out_of_context writes it.
    const bool verbatim = segment->kind == u"code" || segment->kind == u"log";
    m_text->setMarkdown(heading + QStringLiteral("\n\n---\n\n")
        + (verbatim ? QStringLiteral("```\n") + segment->text + QStringLiteral("\n```") : segment->text));
}
