#pragma once

#include <memory>
#include <optional>

#include <QAbstractTableModel>
#include <QList>

#include "Error.h"

class Store;

// A table read from the store a page at a time as a view scrolls (canFetchMore/fetchMore), each
// page after the last row held (keyset paging: no OFFSET, no COUNT of the whole table). Subclasses
// say how many columns there are and how to read the page after a row; `Filter` is what the rows
// are chosen by.
template <typename Row, typename Filter>
class PagedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setQuery(std::shared_ptr<Store> store, const Filter &filter)
    {
        beginResetModel();
        m_store = std::move(store);
        m_filter = filter;
        m_rows.clear();
        // Nothing to fetch until the reset is over: views fetch while it is being announced.
        m_atEnd = true;
        endResetModel();
        m_atEnd = !m_store;
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
    void fetchMore(const QModelIndex &parent) override
    {
        if (parent.isValid() || m_atEnd || !m_store)
            return;
        auto page = readPage(*m_store, m_filter, m_rows.isEmpty() ? nullptr : &m_rows.last());
        if (!page || page->isEmpty()) {
            m_atEnd = true;
            return;
        }
        m_atEnd = page->size() < pageSize();
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
        m_rows += std::move(*page);
        endInsertRows();
    }

protected:
    [[nodiscard]] virtual int columns() const = 0;
    [[nodiscard]] virtual int pageSize() const { return 500; }
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
};
