#pragma once

#include <memory>
#include <optional>

#include <QWidget>

#include "Project.h"

class QFormLayout;
class QGridLayout;
class QLabel;
class QStackedLayout;
class Store;

// The central page for one project: what it is, where its files are, and how much the store holds
// of it. Counting runs on a worker thread (it may scan large indexes); the page shows "…" meanwhile.
class ProjectOverviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectOverviewWidget)

public:
    explicit ProjectOverviewWidget(QWidget *parent = nullptr);

    void setStore(std::shared_ptr<Store> store);
    void showProject(const std::optional<Project> &project);

    [[nodiscard]] QString shownName() const;
    // The count shown for `key` ("messages", …), or an empty string while counting.
    [[nodiscard]] QString shownCount(const QString &key) const;

    // The other projects of the same workspace, as shown ("" when there are none).
    [[nodiscard]] QString shownSameWorkspace() const;

Q_SIGNALS:
    void countsShown();
    // A person followed a link to another project (of the same workspace).
    void projectRequested(qint64 projectId);

private:
    void countInBackground(qint64 projectId);

    std::shared_ptr<Store> m_store;
    QStackedLayout *m_pages = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_workspace = nullptr;
    QLabel *m_sameWorkspace = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_lastActive = nullptr;
    QLabel *m_countError = nullptr;
    QGridLayout *m_counts = nullptr;
    QHash<QString, QLabel *> m_countLabels;
    quint64 m_generation = 0; // a newer selection makes older count results stale
};
