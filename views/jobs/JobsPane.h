#pragma once

#include <memory>
#include <optional>

#include <QAbstractTableModel>
#include <QWidget>

#include "Jobs.h"
#include "PagedTableModel.h"
#include "Project.h"
#include "StorePane.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableView;
class Store;

// Astro's plans, runs, agents and jobs, a page at a time: kind, name, status, attempts, run at,
// started, finished, last error.
class JobListModel final : public PagedTableModel<Jobs::Job, Jobs::Filter>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListModel)

public:
    enum Column { Kind, Name, Status, Attempts, RunAt, Started, Completed, LastError, ColumnCount };

    static constexpr int rowsPerPage = 500;

    explicit JobListModel(QObject *parent = nullptr, int pageSize = rowsPerPage);

    [[nodiscard]] std::optional<Jobs::Job> jobAt(int row) const;

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] int columns() const override { return ColumnCount; }
    [[nodiscard]] Result<QList<Jobs::Job>> readPage(
        Store &store, const Jobs::Filter &filter, const Jobs::Job *last) override;
};

// The Jobs tab (Astro / griffin-hub): the project's plans, runs, agents and queued jobs with a kind
// filter; the chosen row as the source had it (formatted JSON).
class JobsPane final : public StorePane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPane)

public:
    explicit JobsPane(QWidget *parent = nullptr);

    // Shows one kind (0: all, 1 plans, 2 runs, 3 agents, 4 jobs).
    void showKind(int index);
    void selectJob(int row);

    [[nodiscard]] JobListModel *jobs() const { return m_model; }
    [[nodiscard]] QPlainTextEdit *detailView() const { return m_detail; }
    [[nodiscard]] QString statusText() const;

private:
    void load() override;
    void showDetail();

    JobListModel *m_model = nullptr;
    QComboBox *m_kind = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QLabel *m_message = nullptr;
};
