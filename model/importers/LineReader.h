#pragma once

#include <QByteArray>
#include <QFile>

#include "Error.h"

// Reads a text log line by line from a byte offset, telling each line's offset and number. A last
// line without its newline is returned marked unterminated: it may still be being written.
class LineReader final
{
public:
    struct Line
    {
        QByteArray bytes; // without the line break
        qint64 offset = 0;
        qint64 number = 0; // 1-based
        bool terminated = true;
    };

    explicit LineReader(const QString &path);

    // Opens the file and seeks to `offset`, which is line `linesBefore` + 1.
    [[nodiscard]] Result<void> open(qint64 offset = 0, qint64 linesBefore = 0);
    [[nodiscard]] bool next(Line &line);
    // Where the whole lines read so far end.
    [[nodiscard]] qint64 position() const { return m_position; }
    [[nodiscard]] qint64 linesRead() const { return m_lines; }
    [[nodiscard]] qint64 size() const { return m_file.size(); }

private:
    QFile m_file;
    qint64 m_position = 0;
    qint64 m_lines = 0;
};
