#include "TranscriptsPane.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QSplitter>
#include <QVBoxLayout>

#include "ConversationModel.h"
#include "ConversationView.h"
#include "Projects.h"
#include "SearchResultDelegate.h"
#include "SearchResultsModel.h"
#include "Store.h"
#include "Transcripts.h"

TranscriptsPane::TranscriptsPane(QWidget *parent)
    : QWidget(parent)
    , m_query(new QLineEdit)
    , m_scope(new QComboBox)
    , m_role(new QComboBox)
    , m_period(new QComboBox)
    , m_order(new QComboBox)
    , m_results(new QListView)
    , m_status(new QLabel)
    , m_sessionTitle(new QLabel)
    , m_conversation(new ConversationView)
{
    m_query->setObjectName(QStringLiteral("searchField"));
    m_query->setPlaceholderText(tr("Search transcripts: words, \"a phrase\", prefix*, OR, NOT, -word"));
    m_query->setClearButtonEnabled(true);
    m_scope->addItem(tr("All projects"));
    m_scope->addItem(tr("This project"));
    m_role->addItem(tr("Any role"), QString());
    m_role->addItem(tr("You (prompts)"), QStringLiteral("user"));
    m_role->addItem(tr("Agent"), QStringLiteral("assistant"));
    m_role->addItem(tr("Tools"), QStringLiteral("tool"));
    m_role->addItem(tr("System"), QStringLiteral("system"));
    m_period->addItem(tr("Any time"), 0);
    m_period->addItem(tr("Last 24 hours"), 1);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_order->addItem(tr("Best matches first"), int(Search::Order::Automatic));
    m_order->addItem(tr("Newest first"), int(Search::Order::Newest));
    m_order->setToolTip(
        tr("Best matches first ranks the hits when there are at most %1; with more, the newest come first "
           "so that the first page is instant.")
            .arg(Search::rankLimit));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_query, 1);
    filters->addWidget(m_scope);
    filters->addWidget(m_role);
    filters->addWidget(m_period);
    filters->addWidget(m_order);

    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setWordWrap(true);
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_results, 1);
    leftLayout->addWidget(m_status);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_sessionTitle->font();
    bold.setBold(true);
    m_sessionTitle->setFont(bold);
    m_sessionTitle->setWordWrap(true);
    m_sessionTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_sessionTitle);
    rightLayout->addWidget(m_conversation, 1);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setSizes({ 380, 620 });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    m_typing.setSingleShot(true);
    m_typing.setInterval(250);
    connect(&m_typing, &QTimer::timeout, this, &TranscriptsPane::runSearch);
    connect(m_query, &QLineEdit::textEdited, this, [this] { m_typing.start(); });
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        m_typing.stop();
        runSearch();
    });
    for (QComboBox *filter : { m_scope, m_role, m_period, m_order })
        connect(filter, &QComboBox::currentIndexChanged, this, &TranscriptsPane::runSearch);
    connect(m_results, &QListView::activated, this, [this](const QModelIndex &index) { openHit(index.row()); });
    connect(m_results, &QListView::clicked, this, [this](const QModelIndex &index) { openHit(index.row()); });
    setStore(nullptr);
}

void TranscriptsPane::setStore(std::shared_ptr<Store> store)
{
    m_store = std::move(store);
    m_results->setModel(nullptr);
    delete m_resultsModel;
    delete m_conversationModel;
    m_resultsModel = nullptr;
    m_conversationModel = nullptr;
    m_sessionTitle->clear();
    setEnabled(m_store != nullptr);
    if (!m_store) {
        m_conversation->setModel(nullptr);
        return;
    }
    m_resultsModel = new SearchResultsModel(m_store, this);
    m_conversationModel = new ConversationModel(m_store, this);
    m_results->setModel(m_resultsModel);
    m_conversation->setModel(m_conversationModel);
    connect(m_resultsModel, &SearchResultsModel::searchFinished, this, &TranscriptsPane::updateStatus);
    connect(m_resultsModel, &SearchResultsModel::searchFailed, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
    connect(m_resultsModel, &SearchResultsModel::countReady, this, [this](qint64 total) {
        m_total = total;
        updateStatus();
    });
    connect(m_resultsModel, &QAbstractItemModel::rowsInserted, this, &TranscriptsPane::updateStatus);
    if (!m_query->text().trimmed().isEmpty())
        runSearch();
}

void TranscriptsPane::setProject(const std::optional<Project> &project)
{
    m_project = project;
    m_scope->setItemText(1, project ? tr("This project (%1)").arg(project->name) : tr("This project"));
    if (m_scope->currentIndex() == 1)
        runSearch();
}

void TranscriptsPane::search(const QString &query)
{
    m_query->setText(query);
    m_typing.stop();
    runSearch();
}

void TranscriptsPane::runSearch()
{
    if (!m_resultsModel)
        return;
    Search::Request request;
    request.query = m_query->text();
    if (m_scope->currentIndex() == 1 && m_project)
        request.projectIds = { m_project->id };
    request.role = m_role->currentData().toString();
    if (const int days = m_period->currentData().toInt(); days > 0)
        request.since = QDateTime::currentDateTimeUtc().addDays(-days);
    request.order = Search::Order(m_order->currentData().toInt());
    m_total.reset();
    m_error.clear();
    m_resultsModel->setRequest(request);
    updateStatus();
}

void TranscriptsPane::openHit(int row)
{
    const auto hit = m_resultsModel ? m_resultsModel->hitAt(row) : std::nullopt;
    if (hit)
        openMessage(hit->sessionId, hit->messageId);
}

void TranscriptsPane::openMessage(qint64 sessionId, qint64 messageId)
{
    if (!m_store || !m_conversationModel)
        return;
    if (m_conversationModel->sessionId() != sessionId) {
        m_conversationModel->setSession(sessionId);
        m_conversation->setModel(m_conversationModel);
        const auto session = Transcripts::session(*m_store, sessionId);
        const QString title
            = session && *session && !(*session)->title.isEmpty() ? (*session)->title : tr("Untitled session");
        const auto project
            = session && *session ? Projects::find(*m_store, (*session)->projectId) : Result<std::optional<Project>>();
        const QString projectName = project && *project ? (*project)->name : QString();
        m_sessionTitle->setText(tr("%1 — %2").arg(projectName, title));
    }
    m_conversation->showMessage(messageId);
}

QString TranscriptsPane::statusText() const
{
    return m_status->text();
}

void TranscriptsPane::updateStatus()
{
    if (!m_resultsModel)
        return;
    if (!m_error.isEmpty()) {
        m_status->setText(tr("Cannot search: %1").arg(m_error));
        return;
    }
    if (m_query->text().trimmed().isEmpty()) {
        m_status->setText(tr("Type to search every transcript in the store."));
        return;
    }
    if (m_resultsModel->isSearching()) {
        m_status->setText(tr("Searching…"));
        return;
    }
    const int shown = m_resultsModel->rowCount();
    if (shown == 0) {
        m_status->setText(tr("No messages match."));
        return;
    }
    const QString order = m_resultsModel->isRanked() ? tr("best matches first") : tr("newest first");
    m_status->setText(m_total
            ? tr("%1 of %2 matches shown, %3").arg(QLocale().toString(shown), QLocale().toString(*m_total), order)
            : tr("%1 matches shown, %2").arg(QLocale().toString(shown), order));
}
