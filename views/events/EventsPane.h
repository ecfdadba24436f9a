#pragma once

#include <memory>
#include <optional>

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <QWidget>

#include "Events.h"
#include "PagedTableModel.h"
#include "Project.h"
#include "StorePane.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class Store;

namespace EventRows {
// One event as the Events tab's model keeps it: a million scrolled through stay in memory, so the
// few distinct types, tasks, phases, sources and projects are numbers into a table of texts.
struct Row
{
    qint64 id = 0;
    qint64 time = 0;
    qint64 projectId = 0;
    qint64 taskId = -1;
    qint64 versionId = -1;
    qint32 type = 0;
    qint32 task = 0;
    qint32 phase = 0;
    qint32 source = 0;
    qint32 project = 0;
    QByteArray payload;
};
} // namespace EventRows

// The event log in time order, fetched a page at a time as the view scrolls (keyset paging on
// time and id, never a count of the whole table): time, type, task, phase, source, payload.
class EventsModel final : public PagedTableModel<EventRows::Row, Events::Filter>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsModel)

public:
    enum Column { Time, Type, Task, Phase, Source, Payload, ColumnCount };
    static constexpr int rowsPerPage = 500;

    explicit EventsModel(QObject *parent = nullptr, int pageSize = rowsPerPage);

    [[nodiscard]] std::optional<Events::Event> eventAt(int row) const;

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] int columns() const override { return ColumnCount; }
    [[nodiscard]] Result<QList<EventRows::Row>> readPage(
        Store &store, const Events::Filter &filter, const EventRows::Row *last) override;

private:
    [[nodiscard]] qint32 textIndex(const QString &text);
    [[nodiscard]] Events::Event eventOf(const EventRows::Row &row) const;

    QStringList m_texts; // every distinct text seen, kept across queries (there are few)
    QHash<QString, qint32> m_textIndex;
};

// The Events tab: the project's event log with a type filter and a time range; the chosen
// event's payload as formatted JSON.
class EventsPane final : public StorePane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsPane)

public:
    explicit EventsPane(QWidget *parent = nullptr);

    // Applies the filters as they are in the fields (type, from, to).
    void applyFilters();
    void selectEvent(int row);

    [[nodiscard]] EventsModel *events() const { return m_model; }
    [[nodiscard]] QTableView *eventView() const { return m_view; }
    [[nodiscard]] QComboBox *typeFilter() const { return m_type; }
    [[nodiscard]] QLineEdit *fromField() const { return m_from; }
    [[nodiscard]] QLineEdit *toField() const { return m_to; }
    [[nodiscard]] QPlainTextEdit *payloadView() const { return m_payload; }
    [[nodiscard]] QString statusText() const;

private:
    void load() override;
    void showPayload();

    EventsModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QLabel *m_message = nullptr;
};
