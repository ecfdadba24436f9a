#include "ClaudeContent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

void appendValues(const QJsonValue &value, QStringList &out)
{
    // Tool inputs: the strings a person would look for (paths, commands, file contents).
    if (value.isString()) {
        out << value.toString();
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            appendValues(item, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            appendValues(it.value(), out);
    } else if (value.isDouble() || value.isBool()) {
        out << QString::fromUtf8(QJsonDocument(QJsonArray{ value }).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    }
}

QString resultText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue &block : content.toArray()) {
        const QJsonObject object = block.toObject();
        if (object.value(u"type").toString() == u"text")
            parts << object.value(u"text").toString();
        else if (object.value(u"type").toString() == u"image")
            parts << QStringLiteral("[image]");
    }
    return parts.join(u'\n');
}

} // namespace

namespace ClaudeContent {

QString searchableText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue &value : content.toArray()) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(u"type").toString();
        if (type == u"text") {
            parts << block.value(u"text").toString();
        } else if (type == u"thinking") {
            if (const QString thinking = block.value(u"thinking").toString(); !thinking.isEmpty())
                parts << thinking;
        } else if (type == u"tool_use") {
            QStringList call{ block.value(u"name").toString() };
            appendValues(block.value(u"input"), call);
            parts << call.join(u'\n');
        } else if (type == u"tool_result") {
            parts << resultText(block.value(u"content"));
        } else if (type == u"image") {
            parts << QStringLiteral("[image]");
        }
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral("\n\n"));
}

QString kindOf(const QJsonValue &content)
{
    if (content.isString())
        return QStringLiteral("text");
    QString first;
    for (const QJsonValue &value : content.toArray()) {
        const QString type = value.toObject().value(u"type").toString();
        if (type == u"text")
            return QStringLiteral("text");
        if (first.isEmpty())
            first = type;
    }
    return first.isEmpty() ? QStringLiteral("text") : first;
}

QString fillReply(const QJsonObject &reply, MessageDraft &message)
{
    message.role = QStringLiteral("assistant");
    message.kind = kindOf(reply.value(u"content"));
    message.text = searchableText(reply.value(u"content"));
    const QJsonObject usage = reply.value(u"usage").toObject();
    if (usage.contains(u"input_tokens"))
        message.inputTokens = usage.value(u"input_tokens").toInteger();
    if (usage.contains(u"output_tokens"))
        message.outputTokens = usage.value(u"output_tokens").toInteger();
    return reply.value(u"id").toString();
}

QString titleFrom(const QString &prompt)
{
    static const QRegularExpression tags(QStringLiteral("<[^<>]{1,80}>"));
    QString title = prompt;
    title.replace(tags, QStringLiteral(" "));
    title = title.simplified();
    return title.size() > 120 ? title.left(119) + u'…' : title;
}

QDateTime parseTime(const QString &text)
{
    // Go writes nanoseconds ("07:08:07.602834+02:00"); Qt reads milliseconds.
    static const QRegularExpression fraction(QStringLiteral(R"((\.\d{3})\d+)"));
    QString normalised = text;
    normalised.replace(fraction, QStringLiteral("\\1"));
    QDateTime time = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace ClaudeContent
