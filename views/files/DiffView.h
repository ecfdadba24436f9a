#pragma once

#include <QWidget>

#include "Diff.h"

class QAction;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QToolBar;

// Two texts compared, as a person reads a diff in a git GUI: side by side (the old text left, the
// new right, aligned, with filler where one side has no line) or unified, with line numbers,
// added and removed lines coloured, and the words that changed inside a changed line marked.
// F7 and Shift+F7 go to the next and previous change; whitespace can be ignored and the whole
// file shown; both sides scroll together.
class DiffView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffView)

public:
    explicit DiffView(QWidget *parent = nullptr);

    void setTexts(
        const QByteArray &oldText, const QByteArray &newText, const QString &oldLabel, const QString &newLabel);
    // Nothing to compare; `message` says why.
    void clear(const QString &message = {});

    void setSideBySide(bool sideBySide);
    [[nodiscard]] bool isSideBySide() const;
    void setIgnoreWhitespace(bool ignore);
    [[nodiscard]] bool ignoresWhitespace() const;
    void setFullFile(bool full);
    [[nodiscard]] bool showsFullFile() const;

    void nextChange();
    void previousChange();
    [[nodiscard]] int changeCount() const { return int(m_changeRows.size()); }
    // The change the views are at, from 0; -1 before the first.
    [[nodiscard]] int currentChange() const { return m_current; }

    [[nodiscard]] const Diff::FileDiff &diff() const { return m_diff; }
    // "+3 −1 in 2 changes", "Binary files: 12 bytes differ (…)", "No differences", or the message.
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QPlainTextEdit *oldSide() const { return m_old; }
    [[nodiscard]] QPlainTextEdit *newSide() const { return m_new; }
    [[nodiscard]] QPlainTextEdit *unifiedView() const { return m_unified; }
    [[nodiscard]] QToolBar *toolBar() const { return m_toolBar; }
    [[nodiscard]] QAction *nextAction() const { return m_next; }
    [[nodiscard]] QAction *previousAction() const { return m_previous; }
    [[nodiscard]] QAction *whitespaceAction() const { return m_whitespace; }
    [[nodiscard]] QAction *fullFileAction() const { return m_fullFile; }
    [[nodiscard]] QAction *sideBySideAction() const { return m_sideBySide; }

private:
    void render();
    void goToChange(int index);

    QByteArray m_oldText;
    QByteArray m_newText;
    QString m_oldLabel;
    QString m_newLabel;
    QString m_message;
    bool m_hasTexts = false;
    Diff::FileDiff m_diff;
    QList<int> m_changeRows; // the first row of each change, the same on both sides
    int m_current = -1;
    QToolBar *m_toolBar = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_whitespace = nullptr;
    QAction *m_fullFile = nullptr;
    QAction *m_sideBySide = nullptr;
    QLabel *m_labels = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_stack = nullptr;
    QPlainTextEdit *m_old = nullptr;
    QPlainTextEdit *m_new = nullptr;
    QPlainTextEdit *m_unified = nullptr;
};
