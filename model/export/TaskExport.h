#pragma once

#include <functional>

#include <QString>
#include <QStringList>

#include "Error.h"
#include "Tasks.h"

class Store;

// A task's artifacts handed to someone else: a folder or a zip holding a manifest (every file with
// its size and SHA-256), the task with its phases and decisions (task.json and a readable
// summary.md), its transcripts as Markdown and JSONL, every file change as a .patch, attachments,
// phase outputs and events. Or orc's own export layout (task.yaml, state.yaml, context.md,
// transcripts/NNN_<phase>.txt).
//
// Nothing partial is ever left at the target: a folder is written beside it under a hidden name
// and renamed into place when whole; a zip is written into a QSaveFile and committed whole. A
// failure or a cancel removes what was written.
namespace TaskExport {

enum class Layout {
    Strata,
    Orc,
};

struct Options
{
    QString target; // the folder or zip file to make; must not exist (an empty folder may)
    bool zip = false;
    Layout layout = Layout::Strata;
    std::function<void(int done, int total)> progress;
    std::function<bool()> cancelled;
};

struct Exported
{
    QString target;
    int files = 0; // besides the manifest
    qint64 bytes = 0; // of the files, before compression
};

[[nodiscard]] Result<Exported> run(Store &store, const Tasks::Task &task, const Options &options);

// A name safe in any file system and inside a zip: letters, digits, '.', '-', '_' (others become
// '_'), not hidden, not "..", at most 100 characters.
[[nodiscard]] QString safeName(const QString &name);

// Checks a folder or zip against its manifest.json. The problems, each naming a file: missing,
// altered (size or SHA-256), or extra (not in the manifest). An error when there is no readable
// manifest.
[[nodiscard]] Result<QStringList> verify(const QString &path);

} // namespace TaskExport
