#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QMainWindow>

#include "Restore.h"
#include "Store.h"

class FilesPane;
class EventsPane;
class JobsPane;
class SegmentsPane;
class SnapshotsPane;
class TasksPane;
class QLabel;
class QListView;
class QMenu;
class QSplitter;
class QStackedWidget;
class ProjectListModel;
class ImportDialog;
class ProjectOverviewWidget;
class QTabWidget;
class TranscriptsPane;
class Settings;
class WelcomeWidget;

// The main window: the welcome page while no store is open; with a store, the projects in a
// sidebar and the selected project's overview in the middle.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class FolderPurpose { NewStore, OpenStore };

    // The modal questions the window asks. Each returns what the person chose, or nothing when
    // they cancel. Tests replace them.
    struct Dialogs
    {
        std::function<QString(QWidget *parent, FolderPurpose purpose)> chooseFolder;
        std::function<std::optional<QString>(
            QWidget *parent, const QString &title, const QString &label, const QString &text)>
            askText;
        std::function<bool(QWidget *parent, const QString &title, const QString &question)> confirm;
    };

    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setDialogs(Dialogs dialogs);

    // Opens (or, with CreateIfMissing, creates) the store in `folder`. On failure the welcome page
    // shows why and the previously open store, if any, stays closed.
    bool openStore(const QString &folder, Store::OpenMode mode = Store::OpenMode::OpenExisting);
    void closeStore();
    // Builds the demo store on first use, then opens it.
    bool openDemo();
    // `strata` with no folder: the last store if it still opens, else the welcome page.
    void openLastStoreOrWelcome();

    [[nodiscard]] Store *store() const { return m_store.get(); }
    [[nodiscard]] WelcomeWidget *welcomePage() const { return m_welcome; }
    [[nodiscard]] QListView *projectList() const { return m_sidebar; }
    [[nodiscard]] ProjectOverviewWidget *overview() const { return m_overview; }
    [[nodiscard]] TranscriptsPane *transcripts() const { return m_transcripts; }
    [[nodiscard]] FilesPane *filesPane() const { return m_files; }
    [[nodiscard]] SnapshotsPane *snapshotsPane() const { return m_snapshots; }
    [[nodiscard]] TasksPane *tasksPane() const { return m_tasks; }
    [[nodiscard]] EventsPane *eventsPane() const { return m_events; }
    [[nodiscard]] SegmentsPane *segmentsPane() const { return m_segments; }
    [[nodiscard]] JobsPane *jobsPane() const { return m_jobs; }
    [[nodiscard]] QAction *exportTaskAction() const { return m_exportTask; }
    [[nodiscard]] QAction *undoRestoreAction() const { return m_undoRestore; }
    // Edit ▸ Undo Restore: puts back what the last restore replaced.
    void undoRestore();
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    // The import dialog File ▸ Import… opened last, while it is open.
    [[nodiscard]] ImportDialog *importDialog() const { return m_importDialog; }
    void showImportDialog();
    [[nodiscard]] bool showsWelcome() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void rebuildRecentMenu();
    void chooseAndOpen(FolderPurpose purpose);
    void showWelcome();
    void showAbout();
    void reloadProjects();
    void showCurrentProject();
    void renameCurrentProject();
    void deleteCurrentProject();
    void selectProject(int row);

    Settings &m_settings;
    Dialogs m_dialogs;
    std::shared_ptr<Store> m_store;
    QStackedWidget *m_stack = nullptr;
    WelcomeWidget *m_welcome = nullptr;
    QSplitter *m_storePage = nullptr;
    QWidget *m_sidebarPanel = nullptr;
    QListView *m_sidebar = nullptr;
    ProjectListModel *m_projects = nullptr;
    ProjectOverviewWidget *m_overview = nullptr;
    QTabWidget *m_tabs = nullptr;
    TranscriptsPane *m_transcripts = nullptr;
    FilesPane *m_files = nullptr;
    SnapshotsPane *m_snapshots = nullptr;
    TasksPane *m_tasks = nullptr;
    EventsPane *m_events = nullptr;
    SegmentsPane *m_segments = nullptr;
    JobsPane *m_jobs = nullptr;
    QAction *m_exportTask = nullptr;
    QAction *m_undoRestore = nullptr;
    std::optional<Restore::Outcome> m_lastRestore;
    ImportDialog *m_importDialog = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_storeLabel = nullptr;
    QList<QAction *> m_storeActions; // enabled only while a store is open
    QList<QAction *> m_projectActions; // enabled only while a project is selected
};
