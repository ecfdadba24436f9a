#include "ConversationView.h"

#include <QLocale>
#include <QScrollBar>
#include <QTextDocumentFragment>

#include "ConversationModel.h"

namespace {

bool collapsible(const QString &kind)
{
    return kind != u"text";
}

QString roleLabel(const QString &role)
{
    if (role == u"user")
        return ConversationView::tr("You");
    if (role == u"assistant")
        return ConversationView::tr("Agent");
    if (role == u"tool")
        return ConversationView::tr("Tool");
    return ConversationView::tr("System");
}

QString kindLabel(const QString &kind)
{
    if (kind == u"tool_use")
        return ConversationView::tr("Tool call");
    if (kind == u"tool_result")
        return ConversationView::tr("Tool result");
    if (kind == u"thinking")
        return ConversationView::tr("Thinking");
    if (kind == u"meta")
        return ConversationView::tr("Context");
    if (kind == u"summary")
        return ConversationView::tr("Summary");
    if (kind == u"error")
        return ConversationView::tr("Error");
    if (kind == u"result")
        return ConversationView::tr("Result");
    return ConversationView::tr("Event");
}

// Markdown as HTML to embed: toHtml() writes a whole document, of which the fragment is wanted.
QString markdownHtml(const QString &markdown)
{
    const QString document = QTextDocumentFragment::fromMarkdown(markdown).toHtml();
    const QString start = QStringLiteral("<!--StartFragment-->");
    const qsizetype from = document.indexOf(start);
    const qsizetype to = document.indexOf(QStringLiteral("<!--EndFragment-->"));
    if (from < 0 || to < from)
        return markdown.toHtmlEscaped();
    return document.mid(from + start.size(), to - from - start.size());
}

QString background(const QString &role)
{
    if (role == u"user")
        return QStringLiteral("#e8f0fe");
    if (role == u"assistant")
        return QStringLiteral("#ffffff");
    if (role == u"tool")
        return QStringLiteral("#f3f3f3");
    return QStringLiteral("#fbf7ea");
}

} // namespace

ConversationView::ConversationView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setObjectName(QStringLiteral("conversationView"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) { follow(url.toString()); });
}

void ConversationView::setModel(ConversationModel *model)
{
    m_model = model;
    m_markdown.clear();
    m_expanded.clear();
    m_unfolded.clear();
    m_focus = 0;
    render();
}

void ConversationView::showMessage(qint64 messageId)
{
    if (!m_model)
        return;
    m_focus = messageId;
    if (m_model->rowCount() == 0 && m_model->canFetchMore({}))
        m_model->fetchMore({});
    (void)m_model->rowOfMessage(messageId);
    render();
    scrollToAnchor(QStringLiteral("m%1").arg(messageId));
}

void ConversationView::follow(const QString &link)
{
    const int scroll = verticalScrollBar()->value();
    const qint64 id = link.section(u':', 1).toLongLong();
    if (link.startsWith(QStringLiteral("toggle:"))) {
        if (!m_expanded.remove(id))
            m_expanded.insert(id);
    } else if (link.startsWith(QStringLiteral("unfold:"))) {
        m_unfolded.insert(id);
    } else if (link.startsWith(QStringLiteral("more:")) && m_model && m_model->canFetchMore({})) {
        m_model->fetchMore({});
    } else {
        return;
    }
    render();
    verticalScrollBar()->setValue(scroll);
}

QString ConversationView::messageHtml(int row) const
{
    const QModelIndex index = m_model->index(row, 0);
    const qint64 id = index.data(ConversationModel::MessageIdRole).toLongLong();
    const QString role = index.data(ConversationModel::RoleRole).toString();
    const QString kind = index.data(ConversationModel::KindRole).toString();
    const QString text = index.data(ConversationModel::TextRole).toString();
    const QDateTime time = index.data(ConversationModel::TimestampRole).toDateTime();

    QStringList details;
    if (time.isValid())
        details << QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    const QString task = index.data(ConversationModel::TaskRole).toString();
    if (!task.isEmpty())
        details << QString(task + u' ' + index.data(ConversationModel::PhaseRole).toString()).trimmed();
    if (const QVariant tokens = index.data(ConversationModel::TokensRole); tokens.isValid())
        details << tr("%n output tokens", nullptr, tokens.toInt());

    // The hit the conversation was opened at stands out (Qt's rich text draws no borders).
    QString html
        = QStringLiteral("<a name=\"m%1\"></a><table width=\"100%\" cellpadding=\"6\" style=\"background-color:%2\">"
                         "<tr><td><b>%3</b> <span style=\"color:#666\">%4</span>")
              .arg(id)
              .arg(id == m_focus ? QStringLiteral("#fff1c2") : background(role),
                  roleLabel(role).toHtmlEscaped(),
                  details.join(QStringLiteral(" · ")).toHtmlEscaped());
    QStringList lines = text.split(u'\n');
    const bool folded = lines.size() > foldAfterLines && !m_unfolded.contains(id);
    if (folded)
        lines = lines.mid(0, foldAfterLines);
    const QString shown = lines.join(u'\n');

    if (collapsible(kind)) {
        const bool open = m_expanded.contains(id);
        const QString first = text.section(u'\n', 0, 0).left(120);
        html += QStringLiteral("<br><a href=\"toggle:%1\">%2 %3</a> <span style=\"color:#444\">%4</span>")
                    .arg(id)
                    .arg(open ? QStringLiteral("▾") : QStringLiteral("▸"),
                        kindLabel(kind).toHtmlEscaped(),
                        open ? QString() : first.toHtmlEscaped());
        if (open)
            html += QStringLiteral("<pre style=\"white-space:pre-wrap\">%1</pre>").arg(shown.toHtmlEscaped());
    } else {
        auto cached = m_markdown.find({ id, int(shown.size()) });
        if (cached == m_markdown.end())
            cached = m_markdown.insert({ id, int(shown.size()) }, markdownHtml(shown));
        html += QStringLiteral("<div>%1</div>").arg(*cached);
    }
    if (folded && (!collapsible(kind) || m_expanded.contains(id)))
        html += QStringLiteral("<a href=\"unfold:%1\">%2</a>")
                    .arg(id)
                    .arg(tr("Show all %n lines", nullptr, int(text.count(u'\n') + 1)).toHtmlEscaped());
    html += QStringLiteral("</td></tr></table><br>");
    return html;
}

void ConversationView::render()
{
    if (!m_model || !m_model->sessionId()) {
        setHtml(QStringLiteral("<p style=\"color:#666\">%1</p>")
                    .arg(tr("Open a search hit to read its conversation.").toHtmlEscaped()));
        return;
    }
    QString html;
    for (int row = 0; row < m_model->rowCount(); ++row)
        html += messageHtml(row);
    if (m_model->canFetchMore({}))
        html += QStringLiteral("<p><a href=\"more:\">%1</a></p>").arg(tr("Show the next messages").toHtmlEscaped());
    else if (m_model->rowCount() == 0)
        html += QStringLiteral("<p style=\"color:#666\">%1</p>")
                    .arg(tr("This session has no messages.").toHtmlEscaped());
    setHtml(html);
}
