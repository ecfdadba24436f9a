#include "OrcYaml.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace {

struct Line
{
    int number = 0; // 1-based, for errors
    int indent = 0;
    QString text; // without the indentation
};

// lupdate files a tr() under the class that calls it: this one's strings are OrcYaml's.
class Parser
{
    Q_DECLARE_TR_FUNCTIONS(OrcYaml)

public:
    explicit Parser(const QByteArray &text)
    {
        const QStringList lines = QString::fromUtf8(text).split(u'\n');
        for (int i = 0; i < lines.size(); ++i) {
            QString line = lines.at(i);
            if (line.endsWith(u'\r'))
                line.chop(1);
            int indent = 0;
            while (indent < line.size() && line.at(indent) == u' ')
                ++indent;
            m_raw.append({ i + 1, indent, line });
        }
    }

    Result<QJsonObject> document()
    {
        skipBlank();
        if (m_at >= m_raw.size())
            return QJsonObject();
        auto value = block(m_raw.at(m_at).indent);
        if (!value)
            return std::unexpected(value.error());
        skipBlank();
        if (m_at < m_raw.size())
            return error(tr("this line is indented less than the block it follows"));
        if (!value->isObject())
            return error(tr("the document is not a map"));
        return value->toObject();
    }

private:
    std::unexpected<Error> error(const QString &what) const
    {
        const int line = m_at < m_raw.size() ? m_raw.at(m_at).number : int(m_raw.size());
        return fail(Error::Code::Corrupt, tr("line %1: %2").arg(line).arg(what));
    }

    void skipBlank()
    {
        while (m_at < m_raw.size()) {
            const QString trimmed = m_raw.at(m_at).text.trimmed();
            if (!trimmed.isEmpty() && !trimmed.startsWith(u'#') && trimmed != u"---")
                return;
            ++m_at;
        }
    }

    // A map or a sequence whose entries start at `indent`.
    Result<QJsonValue> block(int indent)
    {
        skipBlank();
        if (m_at < m_raw.size() && m_raw.at(m_at).text.mid(indent).startsWith(QStringLiteral("- ")))
            return sequence(indent);
        if (m_at < m_raw.size() && m_raw.at(m_at).text.mid(indent) == u"-")
            return sequence(indent);
        return map(indent);
    }

    Result<QJsonValue> sequence(int indent)
    {
        QJsonArray items;
        for (;;) {
            skipBlank();
            if (m_at >= m_raw.size() || m_raw.at(m_at).indent != indent)
                return QJsonValue(items);
            const QString rest = m_raw.at(m_at).text.mid(indent);
            if (!rest.startsWith(u'-'))
                return QJsonValue(items);
            const QString item = rest.mid(1).trimmed();
            if (item.isEmpty()) {
                ++m_at;
                skipBlank();
                auto value = m_at < m_raw.size() ? block(m_raw.at(m_at).indent) : Result<QJsonValue>(QJsonValue());
                if (!value)
                    return value;
                items.append(*value);
            } else if (keyOf(item) >= 0) {
                // "- key: value": a map whose keys line up after the dash.
                const int inner = indent + int(rest.indexOf(item));
                m_raw[m_at].indent = inner;
                m_raw[m_at].text = QString(inner, u' ') + item;
                auto value = map(inner);
                if (!value)
                    return value;
                items.append(*value);
            } else {
                auto value = scalar(item, indent);
                if (!value)
                    return value;
                items.append(*value);
            }
        }
    }

    // The position of the ':' ending a key, or -1 when the text is no "key: value".
    static qsizetype keyOf(const QString &text)
    {
        if (text.startsWith(u'"') || text.startsWith(u'\''))
            return -1;
        const qsizetype colon = text.indexOf(u':');
        if (colon <= 0)
            return -1;
        return colon + 1 == text.size() || text.at(colon + 1) == u' ' ? colon : -1;
    }

    Result<QJsonValue> map(int indent)
    {
        QJsonObject object;
        for (;;) {
            skipBlank();
            if (m_at >= m_raw.size() || m_raw.at(m_at).indent < indent)
                return QJsonValue(object);
            if (m_raw.at(m_at).indent > indent)
                return error(tr("this line is indented more than the keys around it"));
            const QString text = m_raw.at(m_at).text.mid(indent);
            if (text.startsWith(u"- "))
                return QJsonValue(object);
            const qsizetype colon = keyOf(text);
            if (colon < 0)
                return error(tr("a key followed by a colon was expected"));
            const QString key = text.left(colon).trimmed();
            const QString rest = text.mid(colon + 1).trimmed();
            if (rest.isEmpty()) {
                ++m_at;
                skipBlank();
                // A nested block: deeper, or a sequence at the key's own indentation.
                if (m_at < m_raw.size()
                    && (m_raw.at(m_at).indent > indent
                        || (m_raw.at(m_at).indent == indent && m_raw.at(m_at).text.mid(indent).startsWith(u"- ")))) {
                    auto value = block(m_raw.at(m_at).indent);
                    if (!value)
                        return value;
                    object.insert(key, *value);
                } else {
                    object.insert(key, QString());
                }
                continue;
            }
            auto value = scalar(rest, indent);
            if (!value)
                return value;
            object.insert(key, *value);
        }
    }

    // A scalar on the current line (moves past it, and past a block scalar's lines).
    Result<QJsonValue> scalar(const QString &text, int indent)
    {
        if (text.startsWith(u'&') || text.startsWith(u'*') || text.startsWith(u'{') || text.startsWith(u'['))
            return text == u"[]" || text == u"{}" ? (++m_at, Result<QJsonValue>(QJsonValue(QString())))
                                                  : error(tr("anchors and flow collections are not read"));
        ++m_at;
        if (text == u"|" || text == u"|-" || text == u">" || text == u">-") {
            QStringList lines;
            int blockIndent = -1;
            while (m_at < m_raw.size()) {
                const Line &line = m_raw.at(m_at);
                if (line.text.trimmed().isEmpty()) {
                    lines << QString();
                    ++m_at;
                    continue;
                }
                if (line.indent <= indent)
                    break;
                if (blockIndent < 0)
                    blockIndent = line.indent;
                lines << line.text.mid(std::min(blockIndent, line.indent));
                ++m_at;
            }
            while (!lines.isEmpty() && lines.last().isEmpty())
                lines.removeLast();
            const bool folded = text.startsWith(u'>');
            QString value = lines.join(folded ? u' ' : u'\n');
            if (!text.endsWith(u'-'))
                value += u'\n';
            return QJsonValue(value);
        }
        if (text.startsWith(u'\'')) {
            if (!text.endsWith(u'\'') || text.size() < 2)
                return error(tr("a quoted text does not end on its line"));
            return QJsonValue(text.mid(1, text.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'")));
        }
        if (text.startsWith(u'"')) {
            if (!text.endsWith(u'"') || text.size() < 2)
                return error(tr("a quoted text does not end on its line"));
            QString value;
            const QString inner = text.mid(1, text.size() - 2);
            for (qsizetype i = 0; i < inner.size(); ++i) {
                if (inner.at(i) != u'\\' || i + 1 == inner.size()) {
                    value += inner.at(i);
                    continue;
                }
                const QChar next = inner.at(++i);
                value += next == u'n' ? QChar(u'\n') : next == u't' ? QChar(u'\t') : next;
            }
            return QJsonValue(value);
        }
        QString plain = text;
        if (const qsizetype comment = plain.indexOf(QStringLiteral(" #")); comment >= 0)
            plain = plain.left(comment).trimmed();
        return QJsonValue(plain);
    }

    QList<Line> m_raw;
    qsizetype m_at = 0;
};

} // namespace

namespace OrcYaml {

Result<QJsonObject> parse(const QByteArray &text)
{
    return Parser(text).document();
}

} // namespace OrcYaml
