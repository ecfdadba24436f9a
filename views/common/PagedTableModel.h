#pragma once

#include <algorithm>
#include <memory>
#include <optional>

#include <QAbstractTableModel>
#include <QList>

#include "Error.h"

class Store;

// What every paged table signals (a class template cannot declare signals itself).
class PagedTableModelBase : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedTableModelBase)

public:
    using QAbstractTableModel::QAbstractTableModel;

Q_SIGNALS:
    // Loading stopped; the model keeps what it has and fetches no more until the next query.
    void loadFailed(const QString &message);
};

// A table read from the store a page at a time as a view scrolls (canFetchMore/fetchMore), each
// page after the last row held (keyset paging: no OFFSET, no COUNT of the whole table). Subclasses
// say how many columns there are and how to read the page after a row; `Filter` is what the rows
// are chosen by. The page size is given when the model is made (tests make it small, to page often).
template <typename Row, typename Filter>
class PagedTableModel : public PagedTableModelBase
{
public:
    PagedTableModel(QObject *parent, int pageSize)
        : PagedTableModelBase(parent)
        , m_pageSize(std::max(1, pageSize))
    {}

    // Drops the rows held; the next fetchMore reads the first page of `filter` (none without a store).
    void setQuery(std::shared_ptr<Store> store, const Filter &filter)
    {
        // Views and QAbstractItemModelTester fetch from their modelReset handlers, while the reset
        // is still being announced: they get rows on their next call, not in the middle of this one.
        m_fetching = true;
        beginResetModel();
        m_store = std::move(store);
        m_filter = filter;
        m_rows.clear();
        m_atEnd = true;
        endResetModel();
        m_atEnd = !m_store;
        m_fetching = false;
    }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : columns();
    }
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override { return !parent.isValid() && !m_atEnd; }
    // Reads the next page, then inserts exactly the rows that came back.
    void fetchMore(const QModelIndex &parent) override
    {
        // Views and QAbstractItemModelTester call back in while rows are being announced.
        if (parent.isValid() || m_atEnd || m_fetching || !m_store)
            return;
        m_fetching = true;
        auto page = readPage(*m_store, m_filter, m_rows.isEmpty() ? nullptr : &m_rows.last());
        if (!page) {
            m_atEnd = true;
            m_fetching = false;
            Q_EMIT loadFailed(page.error().message);
            return;
        }
        m_atEnd = page->size() < m_pageSize;
        if (!page->isEmpty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(page->size()) - 1);
            m_rows += std::move(*page);
            endInsertRows();
        }
        m_fetching = false;
    }

    // Fetches pages until `row` is held or there are no more; whether it is held.
    bool fetchUpTo(int row)
    {
        while (row >= m_rows.size() && canFetchMore({})) {
            const qsizetype before = m_rows.size();
            fetchMore({});
            if (m_rows.size() == before)
                break;
        }
        return row >= 0 && row < m_rows.size();
    }

    [[nodiscard]] int pageSize() const { return m_pageSize; }

protected:
    [[nodiscard]] virtual int columns() const = 0;
    // The rows after `last` (none: the first page), at most pageSize() of them.
    [[nodiscard]] virtual Result<QList<Row>> readPage(Store &store, const Filter &filter, const Row *last) = 0;

    [[nodiscard]] const Row *rowAt(int row) const
    {
        return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
    }

    QList<Row> m_rows;
    std::shared_ptr<Store> m_store;
    Filter m_filter;
    bool m_atEnd = true;

private:
    int m_pageSize;
    bool m_fetching = false;
};
