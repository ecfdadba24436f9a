#include "SearchResultDelegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QTextDocument>

#include "SearchResultsModel.h"

namespace {

QString html(const QModelIndex &index)
{
    const QDateTime time = index.data(SearchResultsModel::TimestampRole).toDateTime();
    const QString where
        = QStringLiteral("%1 · %2 · %3")
              .arg(index.data(SearchResultsModel::ProjectNameRole).toString(),
                  index.data(SearchResultsModel::RoleRole).toString(),
                  time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString());
    return QStringLiteral("<span style=\"color:#666\">%1</span><br>%2")
        .arg(where.toHtmlEscaped(), index.data(SearchResultsModel::SnippetHtmlRole).toString());
}

void layout(QTextDocument &document, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    document.setDefaultFont(option.font);
    document.setDocumentMargin(4);
    document.setHtml(html(index));
    document.setTextWidth(std::max(100, option.rect.width()));
}

} // namespace

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    QStyle *style = item.widget ? item.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

    QTextDocument document;
    layout(document, option, index);
    painter->save();
    painter->translate(option.rect.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    if (option.state & QStyle::State_Selected)
        context.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
    document.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QTextDocument document;
    layout(document, option, index);
    return QSize(int(document.idealWidth()), int(document.size().height()) + 2);
}
