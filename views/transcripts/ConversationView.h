#pragma once

#include <QHash>
#include <QPair>
#include <QSet>
#include <QTextBrowser>

class ConversationModel;

// A session as a person reads it: each message with its role and time, prose rendered from
// Markdown, tool calls, tool results, thinking and events collapsed to one line that opens on a
// click, long texts folded after their first lines. Renders what the model has loaded, and offers
// the next page at the end.
class ConversationView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationView)

public:
    explicit ConversationView(QWidget *parent = nullptr);

    void setModel(ConversationModel *model);
    // Shows the model's session, loading pages until `messageId` is there, and scrolls to it.
    void showMessage(qint64 messageId);
    [[nodiscard]] qint64 focusedMessage() const { return m_focus; }
    [[nodiscard]] bool isExpanded(qint64 messageId) const { return m_expanded.contains(messageId); }
    // Clicks a link as a person would ("toggle:ID", "unfold:ID", "more:").
    void follow(const QString &link);

    static constexpr int foldAfterLines = 40;

private:
    void render();
    [[nodiscard]] QString messageHtml(int row) const;

    ConversationModel *m_model = nullptr;
    QSet<qint64> m_expanded; // collapsible messages opened by the person
    QSet<qint64> m_unfolded; // long messages shown whole
    // Markdown made HTML once per message and length shown: rendering again after a click (open,
    // unfold, next page) converts only what is new.
    mutable QHash<QPair<qint64, int>, QString> m_markdown;
    qint64 m_focus = 0;
};
