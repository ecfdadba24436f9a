#include "ProjectOverviewWidget.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QStackedLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "Projects.h"
#include "Stats.h"
#include "Store.h"

namespace {

struct CountKind
{
    const char *key;
    const char *label;
};

constexpr CountKind countKinds[] = {
    { "sessions", QT_TRANSLATE_NOOP("ProjectOverviewWidget", "Sessions") },
    { "messages", QT_TRANSLATE_NOOP("ProjectOverviewWidget", "Messages") },
    { "tasks", QT_TRANSLATE_NOOP("ProjectOverviewWidget", "Tasks") },
    { "events", QT_TRANSLATE_NOOP("ProjectOverviewWidget", "Events") },
    { "files", QT_TRANSLATE_NOOP("ProjectOverviewWidget", "Files") },
    { "versions", QT_TRANSLATE_NOOP("ProjectOverviewWidget", "File versions") },
    { "snapshots", QT_TRANSLATE_NOOP("ProjectOverviewWidget", "Snapshots") },
    { "attachments", QT_TRANSLATE_NOOP("ProjectOverviewWidget", "Attachments") },
};

QLabel *selectableLabel()
{
    auto *label = new QLabel;
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString shownTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::LongFormat);
}

} // namespace

ProjectOverviewWidget::ProjectOverviewWidget(QWidget *parent)
    : QWidget(parent)
    , m_pages(new QStackedLayout(this))
{
    auto *placeholder = new QLabel(tr("Select a project in the sidebar to see its overview."));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setEnabled(false);
    m_pages->addWidget(placeholder);

    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_name = new QLabel;
    m_name->setObjectName(QStringLiteral("projectName"));
    QFont title = m_name->font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setBold(true);
    m_name->setFont(title);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_name);

    auto *facts = new QFormLayout;
    m_source = selectableLabel();
    m_workspace = selectableLabel();
    m_created = selectableLabel();
    m_lastActive = selectableLabel();
    facts->addRow(tr("Source:"), m_source);
    facts->addRow(tr("Workspace:"), m_workspace);
    m_sameWorkspace = new QLabel;
    m_sameWorkspace->setWordWrap(true);
    m_sameWorkspace->setTextFormat(Qt::RichText);
    connect(m_sameWorkspace, &QLabel::linkActivated, this, [this](const QString &link) {
        Q_EMIT projectRequested(link.mid(QStringLiteral("project:").size()).toLongLong());
    });
    facts->addRow(tr("Also seen by:"), m_sameWorkspace);
    facts->addRow(tr("Created:"), m_created);
    facts->addRow(tr("Last active:"), m_lastActive);
    layout->addLayout(facts);

    auto *countsBox = new QGroupBox(tr("In the store"));
    m_counts = new QGridLayout(countsBox);
    int index = 0;
    for (const CountKind &kind : countKinds) {
        auto *value = new QLabel;
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setObjectName(QStringLiteral("count_") + QLatin1StringView(kind.key));
        const int row = index / 2;
        const int column = (index % 2) * 2;
        m_counts->addWidget(new QLabel(tr(kind.label)), row, column);
        m_counts->addWidget(value, row, column + 1);
        m_countLabels.insert(QLatin1StringView(kind.key), value);
        ++index;
    }
    m_counts->setColumnMinimumWidth(1, 60);
    m_counts->setColumnMinimumWidth(2, 160);
    m_counts->setColumnMinimumWidth(3, 60);
    m_counts->setColumnStretch(4, 1); // keep each number next to its label
    m_counts->setHorizontalSpacing(24);
    m_countError = new QLabel;
    m_countError->setWordWrap(true);
    m_countError->hide();
    m_counts->addWidget(m_countError, index / 2 + 1, 0, 1, 4);
    layout->addWidget(countsBox);
    layout->addStretch();
    m_pages->addWidget(page);
}

void ProjectOverviewWidget::setStore(std::shared_ptr<Store> store)
{
    m_store = std::move(store);
    showProject(std::nullopt);
}

QString ProjectOverviewWidget::shownSameWorkspace() const
{
    return m_sameWorkspace->text();
}

QString ProjectOverviewWidget::shownName() const
{
    return m_pages->currentIndex() == 1 ? m_name->text() : QString();
}

QString ProjectOverviewWidget::shownCount(const QString &key) const
{
    const QLabel *label = m_countLabels.value(key);
    return label && label->text() != u"…" ? label->text() : QString();
}

void ProjectOverviewWidget::showProject(const std::optional<Project> &project)
{
    ++m_generation;
    if (!project || !m_store) {
        m_pages->setCurrentIndex(0);
        return;
    }
    m_name->setText(project->name);
    m_source->setText(project->sourceLocation.isEmpty()
            ? project->sourceKind
            : tr("%1, from %2").arg(project->sourceKind, QDir::toNativeSeparators(project->sourceLocation)));
    if (project->workspaceRoot.isEmpty())
        m_workspace->setText(tr("not recorded by the source"));
    else if (!QFileInfo(project->workspaceRoot).isDir())
        m_workspace->setText(tr("%1 (missing on this computer)").arg(QDir::toNativeSeparators(project->workspaceRoot)));
    else
        m_workspace->setText(QDir::toNativeSeparators(project->workspaceRoot));
    QStringList others;
    if (auto same = Projects::sameWorkspace(*m_store, *project)) {
        for (const Project &other : std::as_const(*same))
            others << QStringLiteral("<a href=\"project:%1\">%2</a> (%3)")
                          .arg(other.id)
                          .arg(other.name.toHtmlEscaped(), other.sourceKind.toHtmlEscaped());
    }
    m_sameWorkspace->setText(others.isEmpty() ? tr("no other source") : others.join(QStringLiteral(", ")));
    m_created->setText(shownTime(project->createdAt));
    m_lastActive->setText(shownTime(project->lastActiveAt));
    for (QLabel *label : std::as_const(m_countLabels))
        label->setText(QStringLiteral("…"));
    m_countError->hide();
    m_pages->setCurrentIndex(1);
    countInBackground(project->id);
}

void ProjectOverviewWidget::countInBackground(qint64 projectId)
{
    auto *watcher = new QFutureWatcher<Result<Stats::Counts>>(this);
    connect(
        watcher, &QFutureWatcher<Result<Stats::Counts>>::finished, this, [this, watcher, generation = m_generation] {
            watcher->deleteLater();
            if (generation != m_generation)
                return;
            const Result<Stats::Counts> counts = watcher->result();
            if (!counts) {
                for (QLabel *label : std::as_const(m_countLabels))
                    label->setText(tr("?"));
                m_countError->setText(tr("Cannot count: %1").arg(counts.error().message));
                m_countError->show();
            } else {
                for (const Stats::Count &count : *counts) {
                    if (QLabel *label = m_countLabels.value(count.key))
                        label->setText(QLocale().toString(count.value));
                }
            }
            Q_EMIT countsShown();
        });
    // The job holds the store, so switching stores while it runs is safe.
    watcher->setFuture(QtConcurrent::run([store = m_store, projectId] { return Stats::ofProject(*store, projectId); }));
}
