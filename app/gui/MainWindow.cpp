#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include "BuildInfo.h"
#include "DemoStore.h"
#include "EventsPane.h"
#include "FilesPane.h"
#include "ImportDialog.h"
#include "JobsPane.h"
#include "ProjectListModel.h"
#include "ProjectOverviewWidget.h"
#include "Projects.h"
#include "SegmentsPane.h"
#include "Settings.h"
#include "SnapshotsPane.h"
#include "TasksPane.h"
#include "TranscriptsPane.h"
#include "WelcomeWidget.h"

namespace {

MainWindow::Dialogs standardDialogs()
{
    MainWindow::Dialogs dialogs;
    dialogs.chooseFolder = [](QWidget *parent, MainWindow::FolderPurpose purpose) {
        const bool creating = purpose == MainWindow::FolderPurpose::NewStore;
        return QFileDialog::getExistingDirectory(parent,
            creating ? MainWindow::tr("New Store: choose or create an empty folder")
                     : MainWindow::tr("Open Store: choose a store folder"),
            QDir::homePath());
    };
    dialogs.askText =
        [](QWidget *parent, const QString &title, const QString &label, const QString &text) -> std::optional<QString> {
        bool ok = false;
        const QString answer = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
        return ok ? std::optional(answer) : std::nullopt;
    };
    dialogs.confirm = [](QWidget *parent, const QString &title, const QString &question) {
        return QMessageBox::question(
                   parent, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    return dialogs;
}

} // namespace

MainWindow::MainWindow(Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_dialogs(standardDialogs())
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomeWidget)
    , m_storePage(new QSplitter(Qt::Horizontal))
    , m_sidebarPanel(new QWidget)
    , m_sidebar(new QListView)
    , m_overview(new ProjectOverviewWidget)
    , m_tabs(new QTabWidget)
    , m_transcripts(new TranscriptsPane)
    , m_storeLabel(new QLabel)
{
    setWindowTitle(tr("Strata"));
    setObjectName(QStringLiteral("MainWindow"));

    auto *sidebarLayout = new QVBoxLayout(m_sidebarPanel);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("Projects"));
    heading->setContentsMargins(6, 6, 6, 2);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    sidebarLayout->addWidget(heading);
    sidebarLayout->addWidget(m_sidebar);
    m_sidebar->setObjectName(QStringLiteral("projectList"));
    m_sidebar->setUniformItemSizes(true);
    m_sidebar->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_storePage->addWidget(m_sidebarPanel);
    m_tabs->setObjectName(QStringLiteral("storeTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_tabs->addTab(m_transcripts, tr("Transcripts"));
    m_files = new FilesPane;
    m_tabs->addTab(m_files, tr("Files"));
    m_snapshots = new SnapshotsPane;
    m_tabs->addTab(m_snapshots, tr("Snapshots"));
    m_tasks = new TasksPane;
    m_tabs->addTab(m_tasks, tr("Tasks"));
    m_events = new EventsPane;
    m_tabs->addTab(m_events, tr("Events"));
    m_segments = new SegmentsPane;
    m_tabs->addTab(m_segments, tr("Segments"));
    m_jobs = new JobsPane;
    m_tabs->addTab(m_jobs, tr("Jobs"));
    connect(m_overview, &ProjectOverviewWidget::projectRequested, this, [this](qint64 projectId) {
        if (!m_projects)
            return;
        if (const int row = m_projects->rowOf(projectId); row >= 0)
            selectProject(row);
    });
    connect(m_tasks, &TasksPane::showMessageRequested, this, [this](qint64 sessionId, qint64 messageId) {
        m_tabs->setCurrentWidget(m_transcripts);
        m_transcripts->openMessage(sessionId, messageId);
    });
    connect(m_files, &FilesPane::showMessageRequested, this, [this](qint64 sessionId, qint64 messageId) {
        m_tabs->setCurrentWidget(m_transcripts);
        m_transcripts->openMessage(sessionId, messageId);
    });
    connect(m_files, &FilesPane::restored, this, [this](const Restore::Outcome &outcome) {
        m_lastRestore = outcome;
        m_undoRestore->setEnabled(true);
        statusBar()->showMessage(tr("Restored %1.").arg(QDir::toNativeSeparators(outcome.target)));
    });
    m_storePage->addWidget(m_tabs);
    m_storePage->setStretchFactor(1, 1);
    m_storePage->setSizes({ 260, 740 });
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_storePage);
    setCentralWidget(m_stack);

    m_storeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_storeLabel);

    createMenus();
    connect(m_welcome, &WelcomeWidget::newStoreRequested, this, [this] { chooseAndOpen(FolderPurpose::NewStore); });
    connect(m_welcome, &WelcomeWidget::openStoreRequested, this, [this] { chooseAndOpen(FolderPurpose::OpenStore); });
    connect(m_welcome, &WelcomeWidget::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomeWidget::recentStoreChosen, this, [this](const QString &folder) { openStore(folder); });

    resize(1100, 720);
    restoreGeometry(m_settings.windowGeometry());
    restoreState(m_settings.windowState());
    m_storePage->restoreState(m_settings.splitterState());
    showWelcome();
}

MainWindow::~MainWindow() = default;

void MainWindow::setDialogs(Dialogs dialogs)
{
    m_dialogs = std::move(dialogs);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newStore = file->addAction(tr("&New Store…"), this, [this] { chooseAndOpen(FolderPurpose::NewStore); });
    newStore->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(tr("&Open Store…"), this, [this] { chooseAndOpen(FolderPurpose::OpenStore); });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QAction *close = file->addAction(tr("&Close Store"), this, &MainWindow::closeStore);
    close->setShortcut(QKeySequence::Close);
    m_storeActions << close;
    file->addSeparator();
    QAction *import = file->addAction(tr("&Import…"), this, &MainWindow::showImportDialog);
    import->setShortcut(Qt::CTRL | Qt::Key_I);
    m_storeActions << import;
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoRestore = edit->addAction(tr("&Undo Restore"), this, &MainWindow::undoRestore);
    m_undoRestore->setShortcut(QKeySequence::Undo);
    m_undoRestore->setEnabled(false);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *sidebar = view->addAction(tr("Show &Sidebar"));
    sidebar->setCheckable(true);
    sidebar->setChecked(true);
    connect(sidebar, &QAction::toggled, m_sidebarPanel, &QWidget::setVisible);
    m_storeActions << sidebar;
    QAction *find = view->addAction(tr("&Search Transcripts"), this, [this] {
        m_tabs->setCurrentWidget(m_transcripts);
        m_transcripts->queryField()->setFocus();
        m_transcripts->queryField()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    m_storeActions << find;
    QAction *reload = view->addAction(tr("&Reload"), this, &MainWindow::reloadProjects);
    reload->setShortcut(QKeySequence::Refresh);
    m_storeActions << reload;

    QMenu *project = menuBar()->addMenu(tr("&Project"));
    QAction *rename = project->addAction(tr("&Rename…"), this, &MainWindow::renameCurrentProject);
    rename->setShortcut(Qt::Key_F2);
    QAction *remove = project->addAction(tr("&Delete…"), this, &MainWindow::deleteCurrentProject);
    remove->setShortcut(QKeySequence::Delete);
    m_projectActions << rename << remove;
    QMenu *task = menuBar()->addMenu(tr("&Task"));
    m_exportTask = task->addAction(tr("&Export…"), this, [this] {
        m_tabs->setCurrentWidget(m_tasks);
        m_tasks->exportChosen();
    });
    m_exportTask->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportTask->setEnabled(false);
    // The same actions on the sidebar's context menu; their shortcuts work while it has focus.
    m_sidebar->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_sidebar->addActions(m_projectActions);
    for (QAction *action : std::as_const(m_projectActions)) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setEnabled(false);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Strata"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_settings.recentStores();
    for (const QString &folder : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(folder), this, [this, folder] { openStore(folder); });
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Recent Stores"), this, [this] {
            const QStringList all = m_settings.recentStores();
            for (const QString &folder : all)
                m_settings.forgetStore(folder);
            rebuildRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
    m_welcome->setRecentStores(recent);
}

void MainWindow::chooseAndOpen(FolderPurpose purpose)
{
    const QString folder = m_dialogs.chooseFolder(this, purpose);
    if (folder.isEmpty())
        return;
    openStore(
        folder, purpose == FolderPurpose::NewStore ? Store::OpenMode::CreateIfMissing : Store::OpenMode::OpenExisting);
}

bool MainWindow::openStore(const QString &folder, Store::OpenMode mode)
{
    auto opened = Store::open(folder, mode);
    if (!opened) {
        closeStore();
        m_welcome->showError(
            tr("Cannot open the store in %1.\n%2").arg(QDir::toNativeSeparators(folder), opened.error().message));
        statusBar()->showMessage(tr("Cannot open the store: %1").arg(opened.error().message));
        return false;
    }
    closeStore();
    m_store = std::shared_ptr<Store>(std::move(*opened));
    m_welcome->clearError();

    m_projects = new ProjectListModel(m_store, this);
    m_sidebar->setModel(m_projects);
    connect(m_projects, &ProjectListModel::loadFailed, this, [this](const QString &message) {
        statusBar()->showMessage(message);
    });
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::showCurrentProject);
    m_overview->setStore(m_store);
    m_transcripts->setStore(m_store);
    m_files->setStore(m_store);
    m_snapshots->setStore(m_store);
    m_tasks->setStore(m_store);
    m_exportTask->setEnabled(true);
    m_events->setStore(m_store);
    m_segments->setStore(m_store);
    m_jobs->setStore(m_store);
    m_lastRestore.reset();
    m_undoRestore->setEnabled(false);

    const QString shown = QDir::toNativeSeparators(m_store->folder());
    m_settings.noteStoreOpened(m_store->folder());
    rebuildRecentMenu();
    setWindowTitle(tr("%1 — Strata").arg(QDir(m_store->folder()).dirName()));
    m_storeLabel->setText(tr("Store: %1").arg(shown));
    for (QAction *action : std::as_const(m_storeActions))
        action->setEnabled(true);
    m_stack->setCurrentWidget(m_storePage);

    if (m_projects->canFetchMore({}))
        m_projects->fetchMore({});
    selectProject(0);
    if (!m_store->migrationBackup().isEmpty())
        statusBar()->showMessage(tr("Upgraded the store to schema %1; the backup made first is %2.")
                                     .arg(m_store->schemaVersion())
                                     .arg(QDir::toNativeSeparators(m_store->migrationBackup())));
    else if (m_projects->rowCount() == 0)
        statusBar()->showMessage(tr("This store has no projects yet."));
    else
        statusBar()->clearMessage();
    return true;
}

bool MainWindow::openDemo()
{
    const QString folder = DemoStore::folder();
    statusBar()->showMessage(tr("Preparing the demo store…"));
    if (auto made = DemoStore::ensure(folder); !made) {
        m_welcome->showError(
            tr("Cannot make the demo store in %1.\n%2").arg(QDir::toNativeSeparators(folder), made.error().message));
        statusBar()->showMessage(tr("Cannot make the demo store: %1").arg(made.error().message));
        return false;
    }
    return openStore(folder);
}

void MainWindow::closeStore()
{
    if (!m_store)
        return;
    delete m_importDialog;
    m_overview->setStore(nullptr);
    m_transcripts->setStore(nullptr);
    m_files->setStore(nullptr);
    m_snapshots->setStore(nullptr);
    m_tasks->setStore(nullptr);
    m_exportTask->setEnabled(false);
    m_events->setStore(nullptr);
    m_segments->setStore(nullptr);
    m_jobs->setStore(nullptr);
    m_lastRestore.reset();
    m_undoRestore->setEnabled(false);
    m_sidebar->setModel(nullptr);
    delete m_projects;
    m_projects = nullptr;
    m_store.reset();
    for (QAction *action : std::as_const(m_projectActions))
        action->setEnabled(false);
    m_storeLabel->clear();
    setWindowTitle(tr("Strata"));
    showWelcome();
}

void MainWindow::openLastStoreOrWelcome()
{
    const QString last = m_settings.lastStore();
    if (last.isEmpty() || !openStore(last))
        showWelcome();
}

bool MainWindow::showsWelcome() const
{
    return m_stack->currentWidget() == m_welcome;
}

void MainWindow::showWelcome()
{
    for (QAction *action : std::as_const(m_storeActions))
        action->setEnabled(false);
    m_stack->setCurrentWidget(m_welcome);
}

void MainWindow::reloadProjects()
{
    if (!m_projects)
        return;
    const QVariant current = m_sidebar->currentIndex().data(ProjectListModel::IdRole);
    m_projects->reload();
    m_projects->fetchMore({});
    const int row = current.isValid() ? m_projects->rowOf(current.toLongLong()) : -1;
    selectProject(row < 0 ? 0 : row);
}

void MainWindow::selectProject(int row)
{
    if (!m_projects)
        return;
    row = std::min(row, m_projects->rowCount() - 1);
    m_sidebar->setCurrentIndex(row < 0 ? QModelIndex() : m_projects->index(row, 0));
    showCurrentProject();
}

void MainWindow::showCurrentProject()
{
    const auto project = m_projects ? m_projects->projectAt(m_sidebar->currentIndex().row()) : std::nullopt;
    for (QAction *action : std::as_const(m_projectActions))
        action->setEnabled(project.has_value());
    m_overview->showProject(project);
    m_transcripts->setProject(project);
    m_files->setProject(project);
    m_snapshots->setProject(project);
    m_tasks->setProject(project);
    m_events->setProject(project);
    m_segments->setProject(project);
    m_jobs->setProject(project);
}

void MainWindow::undoRestore()
{
    if (!m_store || !m_lastRestore)
        return;
    const auto undone = Restore::undo(*m_store, *m_lastRestore);
    if (!undone) {
        statusBar()->showMessage(tr("Cannot undo the restore: %1").arg(undone.error().message));
        QMessageBox::warning(this, tr("Cannot Undo Restore"), undone.error().message);
        return;
    }
    m_lastRestore.reset();
    m_undoRestore->setEnabled(false);
    m_files->reload();
    statusBar()->showMessage(
        tr("Put back what %1 held before the restore.").arg(QDir::toNativeSeparators(undone->target)));
}

void MainWindow::showImportDialog()
{
    if (!m_store)
        return;
    if (!m_importDialog) {
        m_importDialog = new ImportDialog(m_store, this);
        m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_importDialog, &QObject::destroyed, this, [this] { m_importDialog = nullptr; });
        connect(m_importDialog, &ImportDialog::importFinished, this, [this] {
            reloadProjects();
            m_files->reload();
            statusBar()->showMessage(tr("Import finished: %1 messages and %2 file versions added.")
                                         .arg(m_importDialog->report().messages)
                                         .arg(m_importDialog->report().versions));
        });
    }
    m_importDialog->open();
}

void MainWindow::renameCurrentProject()
{
    const auto project = m_projects ? m_projects->projectAt(m_sidebar->currentIndex().row()) : std::nullopt;
    if (!project)
        return;
    const auto name = m_dialogs.askText(this, tr("Rename Project"), tr("New name:"), project->name);
    if (!name || name->trimmed() == project->name)
        return;
    if (const auto renamed = Projects::rename(*m_store, project->id, *name); !renamed) {
        statusBar()->showMessage(tr("Cannot rename the project: %1").arg(renamed.error().message));
        return;
    }
    m_projects->reload();
    m_projects->fetchMore({});
    selectProject(m_projects->rowOf(project->id));
    statusBar()->showMessage(tr("Renamed “%1” to “%2”.").arg(project->name, name->trimmed()));
}

void MainWindow::deleteCurrentProject()
{
    const int row = m_sidebar->currentIndex().row();
    const auto project = m_projects ? m_projects->projectAt(row) : std::nullopt;
    if (!project)
        return;
    const QString question
        = tr("Delete the project “%1” and everything this store holds of it?\n\nIts workspace files on disk are not "
             "touched, and importing its source again brings it back.")
              .arg(project->name);
    if (!m_dialogs.confirm(this, tr("Delete Project"), question))
        return;
    if (const auto removed = Projects::remove(*m_store, project->id); !removed) {
        statusBar()->showMessage(tr("Cannot delete the project: %1").arg(removed.error().message));
        return;
    }
    m_projects->reload();
    m_projects->fetchMore({});
    selectProject(row);
    statusBar()->showMessage(tr("Deleted the project “%1”.").arg(project->name));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
        tr("About Strata"),
        tr("<h3>Strata %1</h3><p>Browse, search, compare and restore the work of AI coding agents.</p>"
           "<p>%2</p>")
            .arg(QStringLiteral(STRATA_VERSION), BuildInfo::describe(tr("Strata")).toHtmlEscaped()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setValue(Settings::Key::WindowGeometry, saveGeometry());
    m_settings.setValue(Settings::Key::WindowState, saveState());
    m_settings.setValue(Settings::Key::SplitterState, m_storePage->saveState());
    m_settings.sync();
    event->accept();
}
