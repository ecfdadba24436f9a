#include "GitImporter.h"

#include <memory>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QTimeZone>

#include <git2.h>

#include "Blobs.h"
#include "FileVersions.h"
#include "ImportedVersions.h"
#include "LibGit2.h"
#include "Projects.h"
#include "Snapshots.h"
#include "Sql.h"
#include "Store.h"
#include "TranscriptWriter.h"

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GitImporter", text);
}

using RepositoryPtr = std::unique_ptr<git_repository, decltype(&git_repository_free)>;
using CommitPtr = std::unique_ptr<git_commit, decltype(&git_commit_free)>;
using TreePtr = std::unique_ptr<git_tree, decltype(&git_tree_free)>;
using DiffPtr = std::unique_ptr<git_diff, decltype(&git_diff_free)>;
using BlobPtr = std::unique_ptr<git_blob, decltype(&git_blob_free)>;
using WalkPtr = std::unique_ptr<git_revwalk, decltype(&git_revwalk_free)>;

RepositoryPtr openRepository(const QString &path)
{
    LibGit2::ensureInitialised();
    git_repository *repository = nullptr;
    if (git_repository_open_ext(
            &repository, QFile::encodeName(path).constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr)
        != 0)
        repository = nullptr;
    return RepositoryPtr(repository, git_repository_free);
}

QString hexOf(const git_oid *id)
{
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, id);
    return QString::fromLatin1(hex);
}

// Commits from HEAD back, oldest first (parents before children).
Result<QList<git_oid>> commitsOf(git_repository *repository)
{
    git_revwalk *walk = nullptr;
    if (git_revwalk_new(&walk, repository) != 0)
        return fail(Error::Code::Io, LibGit2::lastError());
    WalkPtr owned(walk, git_revwalk_free);
    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
    if (git_revwalk_push_head(walk) != 0)
        return QList<git_oid>(); // no commits yet
    QList<git_oid> commits;
    git_oid id;
    while (git_revwalk_next(&id, walk) == 0)
        commits.append(id);
    return commits;
}

// Every file of a commit's tree as snapshot entries, reading each git blob once per import.
struct Walk
{
    git_repository *repository = nullptr;
    Store *store = nullptr;
    QHash<QByteArray, std::pair<qint64, qint64>> *contentIds = nullptr;
    QList<Snapshots::Entry> entries;
    std::optional<Error> error;
};

int visit(const char *root, const git_tree_entry *entry, void *payload)
{
    auto *walk = static_cast<Walk *>(payload);
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
        return 0; // folders are walked into; submodules are not file contents
    const git_filemode_t mode = git_tree_entry_filemode(entry);
    const git_oid *id = git_tree_entry_id(entry);
    const QByteArray key(reinterpret_cast<const char *>(id->id), GIT_OID_RAWSZ);
    auto known = walk->contentIds->constFind(key);
    if (known == walk->contentIds->cend()) {
        git_blob *raw = nullptr;
        if (git_blob_lookup(&raw, walk->repository, id) != 0) {
            walk->error = Error{ Error::Code::Corrupt, LibGit2::lastError() };
            return -1;
        }
        BlobPtr blob(raw, git_blob_free);
        const QByteArrayView content(
            static_cast<const char *>(git_blob_rawcontent(blob.get())), qsizetype(git_blob_rawsize(blob.get())));
        auto stored = Blobs::put(*walk->store, content);
        if (!stored) {
            walk->error = stored.error();
            return -1;
        }
        known = walk->contentIds->insert(key, { stored->id, content.size() });
    }
    walk->entries.append({ QString::fromUtf8(root) + QString::fromUtf8(git_tree_entry_name(entry)),
        known->first,
        known->second,
        mode == GIT_FILEMODE_LINK                  ? 0120000
            : mode == GIT_FILEMODE_BLOB_EXECUTABLE ? 0755
                                                   : 0644 });
    return 0;
}

Result<QList<Snapshots::Entry>> entriesOf(
    git_repository *repository, git_tree *tree, Store &store, QHash<QByteArray, std::pair<qint64, qint64>> &contentIds)
{
    Walk walk{ repository, &store, &contentIds, {}, std::nullopt };
    if (git_tree_walk(tree, GIT_TREEWALK_PRE, visit, &walk) != 0)
        return std::unexpected(walk.error.value_or(Error{ Error::Code::Corrupt, LibGit2::lastError() }));
    return walk.entries;
}

} // namespace

QString GitImporter::title() const
{
    return tr("A git repository (every commit's changed files)");
}

int GitImporter::recognizes(const QString &path) const
{
    const QFileInfo info(path);
    if (!info.isDir())
        return 0;
    if (QFileInfo(path + QStringLiteral("/.git")).exists())
        return 40;
    return QFileInfo::exists(path + QStringLiteral("/HEAD")) && QFileInfo(path + QStringLiteral("/objects")).isDir()
        ? 40
        : 0;
}

Result<void> GitImporter::run(Store &store, const QString &path, ImportContext &context)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    RepositoryPtr repository = openRepository(absolute);
    if (!repository)
        return fail(Error::Code::NotFound,
            tr("%1 is not a git repository: %2").arg(QDir::toNativeSeparators(path), LibGit2::lastError()));
    const char *workdir = git_repository_workdir(repository.get());
    const QString root = workdir ? QDir::cleanPath(QFile::decodeName(workdir)) : absolute;
    context.report.sources << root;

    TranscriptWriter writer(store);
    if (auto begun = writer.begin(); !begun)
        return begun;
    Project draft = Projects::inFolder(format(), root);
    if (!workdir)
        draft.workspaceRoot.clear(); // a bare repository has no files on disk
    auto projectId = writer.project(draft);
    if (!projectId)
        return writer.finish(context.report, std::unexpected(projectId.error()));

    QSet<QString> imported;
    {
        auto rows = Sql::run(store.database(),
            QStringLiteral("SELECT DISTINCT origin FROM file_versions WHERE project_id = ? AND origin_kind = 'git'"),
            { *projectId });
        if (!rows)
            return writer.finish(context.report, std::unexpected(rows.error()));
        while (rows->next())
            imported.insert(rows->value(0).toString());
    }
    QSet<QString> snapshotted; // commits kept as snapshots before
    if (context.commitsAsSnapshots) {
        auto rows = Sql::run(store.database(),
            QStringLiteral(
                "SELECT substr(source_key, 5) FROM snapshots WHERE project_id = ? AND source_key LIKE 'git:%'"),
            { *projectId });
        if (!rows)
            return writer.finish(context.report, std::unexpected(rows.error()));
        while (rows->next())
            snapshotted.insert(rows->value(0).toString());
    }
    QHash<QByteArray, std::pair<qint64, qint64>> contentIds; // git blob id -> store blob id, size
    auto commits = commitsOf(repository.get());
    if (!commits)
        return writer.finish(context.report, std::unexpected(commits.error()));

    qint64 pendingVersions = 0;
    qint64 done = 0;
    const auto commitBatch = [&]() -> Result<void> {
        if (auto committed = writer.commit(); !committed)
            return committed;
        context.report.versions += pendingVersions;
        pendingVersions = 0;
        return writer.begin();
    };
    for (const git_oid &id : std::as_const(*commits)) {
        context.progress(done++, commits->size());
        if (context.isCancelled()) {
            auto cancelled = fail(Error::Code::Cancelled, tr("the import was cancelled"));
            if (auto committed = writer.commit(); committed)
                context.report.versions += pendingVersions;
            return writer.finish(context.report, cancelled);
        }
        const QString hex = hexOf(&id);
        const bool wantVersions = !imported.contains(hex);
        const bool wantSnapshot = context.commitsAsSnapshots && !snapshotted.contains(hex);
        if (!wantVersions && !wantSnapshot)
            continue;
        git_commit *rawCommit = nullptr;
        if (git_commit_lookup(&rawCommit, repository.get(), &id) != 0) {
            context.report.skip(QStringLiteral("commit %1").arg(hex), LibGit2::lastError());
            continue;
        }
        CommitPtr commit(rawCommit, git_commit_free);
        git_tree *rawTree = nullptr;
        git_tree *rawParentTree = nullptr;
        if (git_commit_tree(&rawTree, commit.get()) != 0) {
            context.report.skip(QStringLiteral("commit %1").arg(hex), LibGit2::lastError());
            continue;
        }
        TreePtr tree(rawTree, git_tree_free);
        if (wantSnapshot) {
            auto entries = entriesOf(repository.get(), tree.get(), store, contentIds);
            if (!entries) {
                if (entries.error().code != Error::Code::Database)
                    context.report.skip(QStringLiteral("commit %1").arg(hex), entries.error().message);
                else
                    return writer.finish(context.report, std::unexpected(entries.error()));
            } else {
                const char *summary = git_commit_summary(commit.get());
                auto made = Snapshots::createFromEntries(store,
                    *projectId,
                    *entries,
                    QDateTime::fromSecsSinceEpoch(qint64(git_commit_time(commit.get())), Qt::UTC),
                    hex.left(10) + (summary ? QStringLiteral(" ") + QString::fromUtf8(summary) : QString()),
                    QStringLiteral("imported"),
                    QStringLiteral("git:") + hex);
                if (!made) {
                    if (made.error().code != Error::Code::PathOutsideWorkspace)
                        return writer.finish(context.report, std::unexpected(made.error()));
                    context.report.skip(QStringLiteral("commit %1").arg(hex), made.error().message);
                } else if (*made) {
                    ++context.report.snapshots;
                }
            }
        }
        if (!wantVersions)
            continue;
        if (git_commit_parentcount(commit.get()) > 0) {
            git_commit *rawParent = nullptr;
            if (git_commit_parent(&rawParent, commit.get(), 0) == 0) {
                CommitPtr parent(rawParent, git_commit_free);
                if (git_commit_tree(&rawParentTree, parent.get()) != 0)
                    rawParentTree = nullptr;
            }
        }
        TreePtr parentTree(rawParentTree, git_tree_free);
        git_diff *rawDiff = nullptr;
        if (git_diff_tree_to_tree(&rawDiff, repository.get(), parentTree.get(), tree.get(), nullptr) != 0) {
            context.report.skip(QStringLiteral("commit %1").arg(hex), LibGit2::lastError());
            continue;
        }
        DiffPtr diff(rawDiff, git_diff_free);
        const git_signature *author = git_commit_author(commit.get());
        const QDateTime time = QDateTime::fromSecsSinceEpoch(qint64(git_commit_time(commit.get())), Qt::UTC);
        const QString authorName = author
            ? QStringLiteral("%1 <%2>").arg(QString::fromUtf8(author->name), QString::fromUtf8(author->email))
            : QString();
        const size_t deltas = git_diff_num_deltas(diff.get());
        for (size_t d = 0; d < deltas; ++d) {
            const git_diff_delta *delta = git_diff_get_delta(diff.get(), d);
            const bool deleted = delta->status == GIT_DELTA_DELETED;
            const git_diff_file &side = deleted ? delta->old_file : delta->new_file;
            if (side.mode == GIT_FILEMODE_COMMIT || (!deleted && side.mode == GIT_FILEMODE_LINK))
                continue; // submodules and symbolic links are not file contents
            FileVersions::Draft version;
            version.path = QString::fromUtf8(side.path);
            version.time = time;
            version.author = authorName;
            version.originKind = format();
            version.origin = hex;
            // The commit is in `origin`; 64 bits of it tell a file's versions apart (the key is
            // kept twice, in the row and in its unique index).
            version.sourceKey = QStringLiteral("git:") + hex.left(16);
            if (!deleted) {
                git_blob *rawBlob = nullptr;
                if (git_blob_lookup(&rawBlob, repository.get(), &side.id) != 0) {
                    context.report.skip(QStringLiteral("commit %1, %2").arg(hex, version.path), LibGit2::lastError());
                    continue;
                }
                BlobPtr blob(rawBlob, git_blob_free);
                version.content = QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())),
                    qsizetype(git_blob_rawsize(blob.get())));
            }
            auto added = ImportedVersions::add(
                store, *projectId, version, context.report, QStringLiteral("commit %1, %2").arg(hex, version.path));
            if (!added)
                return writer.finish(context.report, std::unexpected(added.error()));
            pendingVersions += *added ? 1 : 0;
        }
        if (pendingVersions >= 2000)
            if (auto committed = commitBatch(); !committed)
                return writer.finish(context.report, committed);
    }
    auto finished = writer.finish(context.report);
    if (finished)
        context.report.versions += pendingVersions;
    return finished;
}
