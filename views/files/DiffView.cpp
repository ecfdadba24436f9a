#include "DiffView.h"

#include <QAction>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBlock>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

enum class Kind { Context, Added, Removed, Filler, Separator };

struct Row
{
    QString text;
    Kind kind = Kind::Context;
    QList<Diff::Range> marks; // in UTF-16 units of `text`
};

// Inline marks come in UTF-8 bytes of the line; the editor counts UTF-16 units after the prefix.
QList<Diff::Range> toText(const QByteArray &line, const QList<Diff::Range> &ranges, int prefix)
{
    QList<Diff::Range> marks;
    for (const Diff::Range &range : ranges)
        marks.append({ prefix + int(QString::fromUtf8(line.left(range.start)).size()),
            int(QString::fromUtf8(line.mid(range.start, range.length)).size()) });
    return marks;
}

QString shown(const QByteArray &text)
{
    return QString::fromUtf8(text);
}

void fill(QPlainTextEdit *editor, const QList<Row> &rows)
{
    QStringList lines;
    lines.reserve(rows.size());
    for (const Row &row : rows)
        lines << row.text;
    editor->setPlainText(lines.join(u'\n'));
    QList<QTextEdit::ExtraSelection> selections;
    const QTextDocument *document = editor->document();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        if (row.kind == Kind::Context)
            continue;
        const QTextBlock block = document->findBlockByNumber(int(i));
        QTextEdit::ExtraSelection line;
        line.cursor = QTextCursor(block);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        switch (row.kind) {
        case Kind::Added:
            line.format.setBackground(QColor(0xe6, 0xff, 0xec));
            break;
        case Kind::Removed:
            line.format.setBackground(QColor(0xff, 0xeb, 0xe9));
            break;
        case Kind::Filler:
            line.format.setBackground(QColor(0xf2, 0xf2, 0xf2));
            break;
        default:
            line.format.setBackground(QColor(0xea, 0xf1, 0xfb));
            line.format.setForeground(QColor(0x57, 0x60, 0x6a));
            break;
        }
        selections.append(line);
        for (const Diff::Range &mark : row.marks) {
            QTextEdit::ExtraSelection word;
            word.cursor = QTextCursor(block);
            word.cursor.setPosition(block.position() + mark.start);
            word.cursor.setPosition(block.position() + mark.start + mark.length, QTextCursor::KeepAnchor);
            word.format.setBackground(row.kind == Kind::Added ? QColor(0xab, 0xf2, 0xbc) : QColor(0xff, 0xc1, 0xbd));
            selections.append(word);
        }
    }
    editor->setExtraSelections(selections);
}

QPlainTextEdit *makeEditor(QWidget *parent)
{
    auto *editor = new QPlainTextEdit(parent);
    editor->setReadOnly(true);
    editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return editor;
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_previous = m_toolBar->addAction(tr("Previous Change"), this, &DiffView::previousChange);
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    m_previous->setToolTip(tr("Previous change (Shift+F7)"));
    m_next = m_toolBar->addAction(tr("Next Change"), this, &DiffView::nextChange);
    m_next->setShortcut(QKeySequence(Qt::Key_F7));
    m_next->setToolTip(tr("Next change (F7)"));
    m_toolBar->addSeparator();
    m_sideBySide = m_toolBar->addAction(tr("Side by Side"));
    m_sideBySide->setCheckable(true);
    m_sideBySide->setChecked(true);
    connect(m_sideBySide, &QAction::toggled, this, [this] { render(); });
    m_whitespace = m_toolBar->addAction(tr("Ignore Whitespace"));
    m_whitespace->setCheckable(true);
    connect(m_whitespace, &QAction::toggled, this, [this] { render(); });
    m_fullFile = m_toolBar->addAction(tr("Whole File"));
    m_fullFile->setCheckable(true);
    m_fullFile->setToolTip(tr("Show every line, not only the changes and three lines around them"));
    connect(m_fullFile, &QAction::toggled, this, [this] { render(); });

    m_labels = new QLabel(this);
    m_labels->setTextFormat(Qt::PlainText);
    m_labels->setMinimumWidth(0);
    m_labels->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);

    m_stack = new QStackedWidget(this);
    auto *sides = new QWidget(m_stack);
    auto *sidesLayout = new QHBoxLayout(sides);
    sidesLayout->setContentsMargins(0, 0, 0, 0);
    sidesLayout->setSpacing(2);
    m_old = makeEditor(sides);
    m_new = makeEditor(sides);
    sidesLayout->addWidget(m_old);
    sidesLayout->addWidget(m_new);
    m_unified = makeEditor(m_stack);
    m_stack->addWidget(sides);
    m_stack->addWidget(m_unified);
    // Both sides scroll as one.
    for (auto [from, to] : { std::pair(m_old, m_new), std::pair(m_new, m_old) }) {
        connect(from->verticalScrollBar(), &QScrollBar::valueChanged, to->verticalScrollBar(), &QScrollBar::setValue);
        connect(
            from->horizontalScrollBar(), &QScrollBar::valueChanged, to->horizontalScrollBar(), &QScrollBar::setValue);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolBar);
    auto *labels = new QHBoxLayout;
    labels->addWidget(m_labels, 1);
    labels->addWidget(m_summary);
    layout->addLayout(labels);
    layout->addWidget(m_stack, 1);
    clear();
}

void DiffView::setTexts(
    const QByteArray &oldText, const QByteArray &newText, const QString &oldLabel, const QString &newLabel)
{
    m_oldText = oldText;
    m_newText = newText;
    m_oldLabel = oldLabel;
    m_newLabel = newLabel;
    m_hasTexts = true;
    m_message.clear();
    render();
}

void DiffView::clear(const QString &message)
{
    m_hasTexts = false;
    m_message = message;
    m_diff = {};
    render();
}

void DiffView::setSideBySide(bool sideBySide)
{
    m_sideBySide->setChecked(sideBySide);
}

bool DiffView::isSideBySide() const
{
    return m_sideBySide->isChecked();
}

void DiffView::setIgnoreWhitespace(bool ignore)
{
    m_whitespace->setChecked(ignore);
}

bool DiffView::ignoresWhitespace() const
{
    return m_whitespace->isChecked();
}

void DiffView::setFullFile(bool full)
{
    m_fullFile->setChecked(full);
}

bool DiffView::showsFullFile() const
{
    return m_fullFile->isChecked();
}

QString DiffView::summary() const
{
    return m_summary->text();
}

void DiffView::render()
{
    m_changeRows.clear();
    m_current = -1;
    m_stack->setCurrentIndex(isSideBySide() ? 0 : 1);
    if (!m_hasTexts) {
        m_labels->clear();
        m_summary->setText(m_message);
        for (QPlainTextEdit *editor : { m_old, m_new, m_unified }) {
            editor->clear();
            editor->setExtraSelections({});
        }
        m_next->setEnabled(false);
        m_previous->setEnabled(false);
        return;
    }
    m_labels->setText(tr("%1  →  %2").arg(m_oldLabel, m_newLabel));
    Diff::Options options;
    options.context = showsFullFile() ? -1 : 3;
    if (ignoresWhitespace())
        options.whitespace = Diff::Options::Whitespace::IgnoreAll;
    const auto diff = Diff::compare(m_oldText, m_newText, options);
    m_diff = diff ? *diff : Diff::FileDiff{};

    QList<Row> left;
    QList<Row> right;
    QList<Row> unified;
    int width = 1;
    for (const Diff::Hunk &hunk : std::as_const(m_diff.hunks))
        width = std::max<int>(
            width, int(QString::number(std::max(hunk.oldStart + hunk.oldCount, hunk.newStart + hunk.newCount)).size()));
    const auto number = [width](int value) {
        return value > 0 ? QStringLiteral("%1  ").arg(value, width) : QString(width + 2, u' ');
    };
    const int prefix = width + 2;

    for (const Diff::Hunk &hunk : std::as_const(m_diff.hunks)) {
        const Row separator{ QString::fromUtf8(hunk.header), Kind::Separator, {} };
        left << separator;
        right << separator;
        unified << separator;
        qsizetype i = 0;
        while (i < hunk.lines.size()) {
            const Diff::Line &line = hunk.lines.at(i);
            if (line.kind == Diff::Line::Kind::Context) {
                left << Row{ number(line.oldNumber) + shown(line.text), Kind::Context, {} };
                right << Row{ number(line.newNumber) + shown(line.text), Kind::Context, {} };
                unified << Row{
                    number(line.oldNumber) + number(line.newNumber) + u"  " + shown(line.text), Kind::Context, {}
                };
                ++i;
                continue;
            }
            // A change: the removed lines, then the added ones; paired line by line.
            QList<const Diff::Line *> removed;
            QList<const Diff::Line *> added;
            while (i < hunk.lines.size() && hunk.lines.at(i).kind == Diff::Line::Kind::Removed)
                removed << &hunk.lines.at(i++);
            while (i < hunk.lines.size() && hunk.lines.at(i).kind == Diff::Line::Kind::Added)
                added << &hunk.lines.at(i++);
            m_changeRows << int(isSideBySide() ? left.size() : unified.size());
            QList<QList<Diff::Range>> removedMarks(removed.size());
            QList<QList<Diff::Range>> addedMarks(added.size());
            for (qsizetype k = 0; k < std::min(removed.size(), added.size()); ++k) {
                const Diff::InlineChanges changes = Diff::inlineChanges(removed.at(k)->text, added.at(k)->text);
                if (!changes.similar)
                    continue;
                removedMarks[k] = changes.removed;
                addedMarks[k] = changes.added;
            }
            const qsizetype rows = std::max(removed.size(), added.size());
            for (qsizetype k = 0; k < rows; ++k) {
                if (k < removed.size())
                    left << Row{ number(removed.at(k)->oldNumber) + shown(removed.at(k)->text),
                        Kind::Removed,
                        toText(removed.at(k)->text, removedMarks.at(k), prefix) };
                else
                    left << Row{ QString(), Kind::Filler, {} };
                if (k < added.size())
                    right << Row{ number(added.at(k)->newNumber) + shown(added.at(k)->text),
                        Kind::Added,
                        toText(added.at(k)->text, addedMarks.at(k), prefix) };
                else
                    right << Row{ QString(), Kind::Filler, {} };
            }
            for (qsizetype k = 0; k < removed.size(); ++k)
                unified << Row{ number(removed.at(k)->oldNumber) + QString(prefix, u' ') + u"- "
                        + shown(removed.at(k)->text),
                    Kind::Removed,
                    toText(removed.at(k)->text, removedMarks.at(k), 2 * prefix + 2) };
            for (qsizetype k = 0; k < added.size(); ++k)
                unified << Row{ QString(prefix, u' ') + number(added.at(k)->newNumber) + u"+ "
                        + shown(added.at(k)->text),
                    Kind::Added,
                    toText(added.at(k)->text, addedMarks.at(k), 2 * prefix + 2) };
        }
    }
    if (isSideBySide()) {
        fill(m_old, left);
        fill(m_new, right);
    } else {
        fill(m_unified, unified);
    }

    if (m_diff.binary)
        m_summary->setText(tr("Binary files: %1 bytes differ (%2 bytes, then %3 bytes)")
                               .arg(m_diff.differingBytes)
                               .arg(m_diff.oldSize)
                               .arg(m_diff.newSize));
    else if (m_diff.hunks.isEmpty())
        m_summary->setText(ignoresWhitespace() ? tr("No differences but in whitespace") : tr("No differences"));
    else
        m_summary->setText(tr("+%1 −%2; changes: %3").arg(m_diff.added).arg(m_diff.removed).arg(m_changeRows.size())
            + (ignoresWhitespace() ? tr(", whitespace ignored") : QString()));
    m_next->setEnabled(!m_changeRows.isEmpty());
    m_previous->setEnabled(!m_changeRows.isEmpty());
}

void DiffView::nextChange()
{
    if (!m_changeRows.isEmpty())
        goToChange(std::min(m_current + 1, int(m_changeRows.size()) - 1));
}

void DiffView::previousChange()
{
    if (!m_changeRows.isEmpty())
        goToChange(std::max(m_current - 1, 0));
}

void DiffView::goToChange(int index)
{
    m_current = index;
    const int row = m_changeRows.at(index);
    for (QPlainTextEdit *editor : isSideBySide() ? QList{ m_old, m_new } : QList{ m_unified }) {
        QTextCursor cursor(editor->document()->findBlockByNumber(row));
        editor->setTextCursor(cursor);
        editor->centerCursor();
    }
}
