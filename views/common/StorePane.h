#pragma once

#include <memory>
#include <optional>

#include <QWidget>

#include "Project.h"

class Store;

// A tab of the window that shows something of the chosen project: it is given the store and the
// project, and reads them when it is shown (a hidden tab reads nothing when the project changes).
class StorePane : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorePane)

public:
    using QWidget::QWidget;

    // A new store: no project is chosen in it yet.
    void setStore(std::shared_ptr<Store> store);
    void setProject(const std::optional<Project> &project);
    // Reads again; while the pane is hidden, when it is next shown.
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    // Reads what the pane shows from m_store for m_project.
    virtual void load() = 0;
    // A new store was given (before its first read): models that hold the store are made again.
    virtual void storeChanged() {}
    // Reads now if the project changed while the pane was hidden (for calls made before it shows).
    void ensureLoaded();

    std::shared_ptr<Store> m_store;
    std::optional<Project> m_project;

private:
    void loadNow();

    bool m_stale = true;
};
