#include "DemoStore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "Files.h"
#include "Importer.h"
#include "Store.h"

namespace DemoStore {

QString folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
}

Result<void> ensure(const QString &target)
{
    if (QFileInfo::exists(target + QStringLiteral("/strata.db")))
        return {};
    const QString samples = target + QStringLiteral("/samples");
    QDirIterator it(QStringLiteral(":/demo"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString resource = it.next();
        const QString path = samples + resource.mid(QStringLiteral(":/demo").size());
        QFile input(resource);
        if (!input.open(QIODevice::ReadOnly))
            return fail(Error::Code::Io,
                QCoreApplication::translate("DemoStore", "cannot read the demo sample %1").arg(resource));
        if (auto made = Files::makeFolder(QFileInfo(path).absolutePath()); !made)
            return made;
        if (auto written = Files::writeAtomically(path, input.readAll()); !written)
            return written;
    }

    auto store = Store::open(target, Store::OpenMode::CreateIfMissing);
    if (!store)
        return std::unexpected(store.error());
    const std::pair<const char *, const char *> sources[] = {
        { "pocketagent", "/pocketagent" },
        { "claude-code", "/claude/projects" },
        { "codex", "/codex/sessions" },
        { "aider", "/aider/garden-planner" },
    };
    for (const auto &[format, relative] : sources) {
        Importer *importer = Importers::find(QLatin1StringView(format));
        ImportContext context;
        if (auto ran = importer->run(**store, samples + QLatin1StringView(relative), context); !ran)
            return ran;
    }
    return {};
}

} // namespace DemoStore
