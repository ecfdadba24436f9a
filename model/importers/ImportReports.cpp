#include "ImportReports.h"

#include <QJsonArray>

namespace ImportReports {

QJsonObject toJson(const ImportReport &report, const QString &error)
{
    QJsonArray skipped;
    for (const ImportReport::Skipped &item : report.skipped)
        skipped.append(
            QJsonObject{ { QStringLiteral("location"), item.location }, { QStringLiteral("reason"), item.reason } });
    QJsonObject json{
        { QStringLiteral("format"), report.format },
        { QStringLiteral("sources"), QJsonArray::fromStringList(report.sources) },
        { QStringLiteral("added"),
            QJsonObject{ { QStringLiteral("projects"), report.projects },
                { QStringLiteral("sessions"), report.sessions },
                { QStringLiteral("messages"), report.messages },
                { QStringLiteral("versions"), report.versions },
                { QStringLiteral("snapshots"), report.snapshots },
                { QStringLiteral("tasks"), report.tasks },
                { QStringLiteral("events"), report.events },
                { QStringLiteral("attachments"), report.attachments },
                { QStringLiteral("segments"), report.segments },
                { QStringLiteral("jobs"), report.jobs } } },
        { QStringLiteral("merged"), report.merged },
        { QStringLiteral("files_read"), report.filesRead },
        { QStringLiteral("bytes_read"), report.bytesRead },
        { QStringLiteral("skipped"), skipped },
        { QStringLiteral("notes"), QJsonArray::fromStringList(report.notes) },
    };
    if (!error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    return json;
}

} // namespace ImportReports
