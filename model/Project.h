#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// A project: one agent's workspace as one source knows it.
struct Project
{
    qint64 id = 0;
    QString name;
    QString sourceKind; // the importer's format name ("pocketagent", "claude-code", …) or "manual"
    QString sourceLocation; // where the source keeps it: a folder or file; identifies it for re-imports
    QString workspaceRoot; // the project's own files on disk; may be empty or missing
    QDateTime createdAt;
    QDateTime lastActiveAt;
    QJsonObject metadata;
};

// Where a page of projects ends; the next page starts after it (keyset paging by name, then id).
struct ProjectCursor
{
    QString name;
    qint64 id = 0;
};
