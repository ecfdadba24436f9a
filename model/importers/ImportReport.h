#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// What one import did: what it added, and every item it skipped with where and why. A report with
// skipped items is still a finished import (strata-cli exits 0); the report says what was left out.
struct ImportReport
{
    struct Skipped
    {
        QString location; // "file:line", "file", or "table row N"
        QString reason;
    };

    QString format;
    QStringList sources;
    qint64 projects = 0;
    qint64 sessions = 0;
    qint64 messages = 0;
    qint64 merged = 0; // messages that continued one already in the store
    qint64 versions = 0; // file versions
    qint64 snapshots = 0;
    qint64 tasks = 0; // tasks added or brought up to date
    qint64 events = 0;
    qint64 attachments = 0; // attachments and phase outputs
    qint64 segments = 0; // out_of_context context segments
    qint64 jobs = 0; // Astro plans, runs, agents and jobs
    qint64 filesRead = 0;
    qint64 bytesRead = 0;
    QList<Skipped> skipped;
    QStringList notes; // things a person should know that are not errors (a recovered file)

    void skip(const QString &location, const QString &reason) { skipped.append({ location, reason }); }
};
