#include "SearchResultsModel.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include "Store.h"

const QString SearchResultsModel::matchStart = QString(QChar(0xE000));
const QString SearchResultsModel::matchEnd = QString(QChar(0xE001));

SearchResultsModel::SearchResultsModel(std::shared_ptr<Store> store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(std::move(store))
{}

SearchResultsModel::~SearchResultsModel() = default;

void SearchResultsModel::setRequest(const Search::Request &request)
{
    const quint64 generation = ++m_generation;
    m_fetching = true; // views fetch from their reset handlers: nothing to fetch yet
    beginResetModel();
    m_hits.clear();
    m_next.reset();
    m_ranked = false;
    endResetModel();
    m_fetching = false;
    m_request = request;
    m_request.highlightStart = matchStart;
    m_request.highlightEnd = matchEnd;
    m_request.after.reset();
    if (request.query.trimmed().isEmpty()) {
        m_searching = false;
        Q_EMIT searchFinished();
        return;
    }
    m_searching = true;
    auto *page = new QFutureWatcher<Result<Search::Page>>(this);
    connect(page, &QFutureWatcher<Result<Search::Page>>::finished, this, [this, page, generation] {
        page->deleteLater();
        showFirstPage(generation, page->result());
    });
    page->setFuture(QtConcurrent::run([store = m_store, search = m_request] { return Search::run(*store, search); }));

    auto *count = new QFutureWatcher<Result<qint64>>(this);
    connect(count, &QFutureWatcher<Result<qint64>>::finished, this, [this, count, generation] {
        count->deleteLater();
        if (generation == m_generation && count->result())
            Q_EMIT countReady(*count->result());
    });
    count->setFuture(
        QtConcurrent::run([store = m_store, search = m_request] { return Search::count(*store, search); }));
}

void SearchResultsModel::showFirstPage(quint64 generation, const Result<Search::Page> &page)
{
    if (generation != m_generation)
        return;
    m_searching = false;
    if (!page) {
        Q_EMIT searchFailed(page.error().message);
        return;
    }
    m_ranked = page->ranked;
    m_next = page->next;
    if (!page->hits.isEmpty()) {
        m_fetching = true;
        beginInsertRows({}, 0, int(page->hits.size()) - 1);
        m_hits = page->hits;
        endInsertRows();
        m_fetching = false;
    }
    Q_EMIT searchFinished();
}

std::optional<Search::Hit> SearchResultsModel::hitAt(int row) const
{
    if (row < 0 || row >= m_hits.size())
        return std::nullopt;
    return m_hits.at(row);
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Search::Hit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString snippet = hit.snippet;
        snippet.remove(matchStart).remove(matchEnd);
        return tr("%1 · %2 · %3\n%4")
            .arg(hit.projectName,
                hit.role,
                QLocale().toString(hit.timestamp.toLocalTime(), QLocale::ShortFormat),
                snippet.simplified());
    }
    case Qt::ToolTipRole:
        return hit.sessionTitle;
    case SnippetHtmlRole: {
        QString html = hit.snippet.simplified().toHtmlEscaped();
        html.replace(matchStart, QStringLiteral("<b style=\"background-color:#ffe58a\">"));
        html.replace(matchEnd, QStringLiteral("</b>"));
        return html;
    }
    case MessageIdRole:
        return hit.messageId;
    case SessionIdRole:
        return hit.sessionId;
    case ProjectIdRole:
        return hit.projectId;
    case ProjectNameRole:
        return hit.projectName;
    case SessionTitleRole:
        return hit.sessionTitle;
    case RoleRole:
        return hit.role;
    case KindRole:
        return hit.kind;
    case TimestampRole:
        return hit.timestamp;
    default:
        return {};
    }
}

bool SearchResultsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_next.has_value() && !m_searching;
}

void SearchResultsModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_next || m_searching || m_fetching)
        return;
    m_fetching = true;
    Search::Request request = m_request;
    request.after = m_next;
    const auto page = Search::run(*m_store, request);
    if (!page) {
        m_next.reset();
        m_fetching = false;
        Q_EMIT searchFailed(page.error().message);
        return;
    }
    m_next = page->next;
    if (!page->hits.isEmpty()) {
        const int first = int(m_hits.size());
        beginInsertRows({}, first, first + int(page->hits.size()) - 1);
        m_hits.append(page->hits);
        endInsertRows();
    }
    m_fetching = false;
}
