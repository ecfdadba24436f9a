#include <memory>
#include <vector>

#include "Importer.h"
#include "aider/AiderImporter.h"
#include "arium/AriumImporter.h"
#include "astro/AstroImporter.h"
#include "claudecode/ClaudeCodeImporter.h"
#include "codex/CodexImporter.h"
#include "git/GitImporter.h"
#include "orc/OrcImporter.h"
#include "outofcontext/OutOfContextImporter.h"
#include "pocketagent/PocketAgentImporter.h"

namespace Importers {

const std::vector<Importer *> &all()
{
    static const std::vector<std::unique_ptr<Importer>> owned = [] {
        std::vector<std::unique_ptr<Importer>> list;
        list.push_back(std::make_unique<PocketAgentImporter>());
        list.push_back(std::make_unique<ClaudeCodeImporter>());
        list.push_back(std::make_unique<CodexImporter>());
        list.push_back(std::make_unique<AiderImporter>());
        list.push_back(std::make_unique<OrcImporter>());
        list.push_back(std::make_unique<AriumImporter>());
        list.push_back(std::make_unique<OutOfContextImporter>());
        list.push_back(std::make_unique<AstroImporter>());
        list.push_back(std::make_unique<GitImporter>());
        return list;
    }();
    static const std::vector<Importer *> view = [] {
        std::vector<Importer *> list;
        for (const auto &importer : owned)
            list.push_back(importer.get());
        return list;
    }();
    return view;
}

Importer *find(const QString &format)
{
    for (Importer *importer : all()) {
        if (importer->format() == format)
            return importer;
    }
    return nullptr;
}

Importer *detect(const QString &path)
{
    Importer *best = nullptr;
    int bestScore = 0;
    for (Importer *importer : all()) {
        if (const int score = importer->recognizes(path); score > bestScore) {
            best = importer;
            bestScore = score;
        }
    }
    return best;
}

} // namespace Importers
