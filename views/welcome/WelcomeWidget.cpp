#include "WelcomeWidget.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

WelcomeWidget::WelcomeWidget(QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QHBoxLayout(this);
    auto *column = new QVBoxLayout;
    outer->addStretch(1);
    outer->addLayout(column, 3);
    outer->addStretch(1);

    auto *title = new QLabel(tr("Welcome to Strata"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 2);
    font.setBold(true);
    title->setFont(font);
    auto *intro = new QLabel(tr("Strata brings what your coding agents leave behind (transcripts, tasks, file "
                                "versions and snapshots) into one store you can browse, search, compare and restore "
                                "from. Start with a store: a folder that holds Strata's database."));
    intro->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    auto *newStore = new QPushButton(tr("New Store…"));
    newStore->setObjectName(QStringLiteral("newStoreButton"));
    auto *openStore = new QPushButton(tr("Open Store…"));
    openStore->setObjectName(QStringLiteral("openStoreButton"));
    buttons->addWidget(newStore);
    buttons->addWidget(openStore);
    auto *demo = new QPushButton(tr("Open Demo"));
    demo->setObjectName(QStringLiteral("openDemoButton"));
    demo->setToolTip(tr("A store made from sample sessions of PocketAgent, Claude Code, Codex and Aider"));
    buttons->addWidget(demo);
    buttons->addStretch();

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("welcomeError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #8b0000; background: #fdecea; border: 1px solid #f5c2c0; "
                                          "border-radius: 4px; padding: 8px; }"));
    m_error->hide();

    m_recentTitle = new QLabel(tr("Recent stores"));
    QFont bold = m_recentTitle->font();
    bold.setBold(true);
    m_recentTitle->setFont(bold);
    m_recent = new QListWidget;
    m_recent->setObjectName(QStringLiteral("recentStores"));

    column->addStretch(1);
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
    column->addLayout(buttons);
    column->addWidget(m_error);
    column->addSpacing(12);
    column->addWidget(m_recentTitle);
    column->addWidget(m_recent, 2);
    column->addStretch(1);

    connect(newStore, &QPushButton::clicked, this, &WelcomeWidget::newStoreRequested);
    connect(openStore, &QPushButton::clicked, this, &WelcomeWidget::openStoreRequested);
    connect(demo, &QPushButton::clicked, this, &WelcomeWidget::demoRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentStoreChosen(item->data(Qt::UserRole).toString());
    });
    setRecentStores({});
}

void WelcomeWidget::setRecentStores(const QStringList &folders)
{
    m_recent->clear();
    for (const QString &folder : folders) {
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(folder), m_recent);
        item->setData(Qt::UserRole, folder);
        if (!QFileInfo(folder).isDir()) {
            item->setText(tr("%1 (missing)").arg(QDir::toNativeSeparators(folder)));
            item->setForeground(palette().placeholderText());
        }
    }
    m_recentTitle->setVisible(!folders.isEmpty());
    m_recent->setVisible(!folders.isEmpty());
}

void WelcomeWidget::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void WelcomeWidget::clearError()
{
    m_error->clear();
    m_error->hide();
}

QString WelcomeWidget::shownError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}
