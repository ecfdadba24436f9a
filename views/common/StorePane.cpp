#include "StorePane.h"

void StorePane::setStore(std::shared_ptr<Store> store)
{
    m_store = std::move(store);
    storeChanged();
    m_project.reset();
    reload();
}

void StorePane::setProject(const std::optional<Project> &project)
{
    m_project = project;
    reload();
}

void StorePane::reload()
{
    m_stale = true;
    if (isVisible())
        loadNow();
}

void StorePane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        loadNow();
}

void StorePane::ensureLoaded()
{
    if (m_stale)
        loadNow();
}

void StorePane::loadNow()
{
    m_stale = false;
    load();
}
