#include "LineReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

LineReader::LineReader(const QString &path)
    : m_file(path)
{}

Result<void> LineReader::open(qint64 offset, qint64 linesBefore)
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        const bool denied = QFileInfo::exists(m_file.fileName()) && !QFileInfo(m_file.fileName()).isReadable();
        return fail(denied ? Error::Code::PermissionDenied : Error::Code::NotFound,
            QCoreApplication::translate("LineReader", "cannot read %1: %2")
                .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
    }
    if (offset > 0 && !m_file.seek(offset))
        return fail(Error::Code::Io,
            QCoreApplication::translate("LineReader", "cannot read %1: %2")
                .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
    m_position = offset;
    m_lines = linesBefore;
    return {};
}

bool LineReader::next(Line &line)
{
    if (m_file.atEnd())
        return false;
    line.offset = m_file.pos();
    line.bytes = m_file.readLine(); // any length: a 50 MB line is one line
    if (line.bytes.isEmpty())
        return false;
    line.terminated = line.bytes.endsWith('\n');
    line.number = m_lines + 1;
    if (line.terminated) {
        line.bytes.chop(1);
        if (line.bytes.endsWith('\r'))
            line.bytes.chop(1);
        m_position = m_file.pos();
        m_lines = line.number;
    }
    return true;
}
