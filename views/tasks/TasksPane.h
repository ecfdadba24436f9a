#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QAbstractTableModel>
#include <QWidget>

#include "PagedTableModel.h"
#include "Project.h"
#include "StorePane.h"
#include "TaskExport.h"
#include "Tasks.h"

class DiffView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;
class Store;

// Tasks, newest first, fetched a page at a time: id, title, status, phase, created, cost. Sorting
// by a column first fetches the rest (a store holds thousands of tasks, not millions).
class TaskListModel final : public PagedTableModel<Tasks::Task, Tasks::Filter>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskListModel)

public:
    enum Column { Key, Title, Status, Phase, Created, Cost, ColumnCount };

    static constexpr int rowsPerPage = 200;

    explicit TaskListModel(QObject *parent = nullptr, int pageSize = rowsPerPage);

    [[nodiscard]] std::optional<Tasks::Task> taskAt(int row) const;

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

protected:
    [[nodiscard]] int columns() const override { return ColumnCount; }
    [[nodiscard]] Result<QList<Tasks::Task>> readPage(
        Store &store, const Tasks::Filter &filter, const Tasks::Task *last) override;
};

// The Tasks tab: the project's tasks with a status filter and a search; the chosen task's detail:
// its fields, phases as a timeline, gate decisions, comments, attachments (open or save), the
// conversations that worked on it (open in the Transcripts tab) and its file changes (open in a
// diff view). Export… writes the task to a folder or zip.
class TasksPane final : public StorePane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TasksPane)

public:
    // Asks where and how to export a task; none when the person cancels. Tests replace it.
    using ChooseExport = std::function<std::optional<TaskExport::Options>(QWidget *parent, const Tasks::Task &task)>;
    // Asks where to save an attachment; an empty path cancels. Tests replace it.
    using ChooseSavePath = std::function<QString(QWidget *parent, const QString &suggested)>;

    explicit TasksPane(QWidget *parent = nullptr);

    void setChooseExport(ChooseExport choose) { m_chooseExport = std::move(choose); }
    void setChooseSavePath(ChooseSavePath choose) { m_chooseSavePath = std::move(choose); }

    void selectTask(int row);
    // Exports the chosen task (asking where); the result, or none when nothing was exported.
    std::optional<TaskExport::Exported> exportChosen();
    // Follows a link of the detail view: "session:N", "version:N", "attachment:N".
    void openLink(const QUrl &link);

    [[nodiscard]] TaskListModel *tasks() const { return m_model; }
    [[nodiscard]] QTableView *taskView() const { return m_view; }
    [[nodiscard]] QTextBrowser *detail() const { return m_detail; }
    [[nodiscard]] QComboBox *statusFilter() const { return m_status; }
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] DiffView *diffView() const { return m_diff; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] std::optional<Tasks::Task> chosenTask() const;

Q_SIGNALS:
    void showMessageRequested(qint64 sessionId, qint64 messageId);

private:
    void load() override;
    void showDetail();

    ChooseExport m_chooseExport;
    ChooseSavePath m_chooseSavePath;
    TaskListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_search = nullptr;
    QTextBrowser *m_detail = nullptr;
    DiffView *m_diff = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_message = nullptr;
};
