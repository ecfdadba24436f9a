#pragma once

#include <memory>
#include <optional>

#include <QAbstractTableModel>
#include <QWidget>

#include "PagedTableModel.h"
#include "Project.h"
#include "Segments.h"
#include "StorePane.h"

class QComboBox;
class QLabel;
class QListWidget;
class QTableView;
class QTextBrowser;
class Store;

// Context segments, newest first, a page at a time: type, task, file, tags, tokens, state.
class SegmentListModel final : public PagedTableModel<Segments::Segment, Segments::Filter>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SegmentListModel)

public:
    enum Column { Created, Kind, Task, File, Tags, Tokens, State, ColumnCount };

    static constexpr int rowsPerPage = 500;

    explicit SegmentListModel(QObject *parent = nullptr, int pageSize = rowsPerPage);

    [[nodiscard]] std::optional<Segments::Segment> segmentAt(int row) const;

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] int columns() const override { return ColumnCount; }
    [[nodiscard]] Result<QList<Segments::Segment>> readPage(
        Store &store, const Segments::Filter &filter, const Segments::Segment *last) override;
};

// The Segments tab (out_of_context): browse the project's segments by task, file or tag (with how
// many each has), the chosen segment's text as Markdown with its state. Their text is also found
// by the Transcripts tab's search.
class SegmentsPane final : public StorePane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SegmentsPane)

public:
    explicit SegmentsPane(QWidget *parent = nullptr);

    // Browses by task, file or tag (0, 1, 2) and shows the segments of one value (row of the list;
    // row 0 is every segment).
    void browseBy(int facet);
    void chooseValue(int row);
    void selectSegment(int row);

    [[nodiscard]] SegmentListModel *segments() const { return m_model; }
    [[nodiscard]] QListWidget *values() const { return m_values; }
    [[nodiscard]] QTextBrowser *text() const { return m_text; }
    [[nodiscard]] QString statusText() const;

private:
    void load() override;
    void showSegment();

    SegmentListModel *m_model = nullptr;
    QComboBox *m_facet = nullptr;
    QListWidget *m_values = nullptr;
    QTableView *m_view = nullptr;
    QTextBrowser *m_text = nullptr;
    QLabel *m_message = nullptr;
};
