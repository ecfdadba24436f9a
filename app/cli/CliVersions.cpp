// strata-cli log, diff and restore: file versions (see FileVersions, Diff, Restore).

#include <cstdio>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include "Cli.h"
#include "Diff.h"
#include "FileVersions.h"
#include "Projects.h"
#include "Restore.h"
#include "Store.h"

namespace {

// One side of a diff: a version in the store or a file on disk.
struct Side
{
    QString name; // as the diff's header shows it
    QByteArray content;
};

} // namespace

void Cli::writeOut(const QByteArray &bytes)
{
    m_out.flush();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

int Cli::log(QCommandLineParser &parser)
{
    const QStringList arguments = parser.positionalArguments();
    const QString projectName = parser.value(QStringLiteral("project"));
    if (arguments.size() != 1 || projectName.isEmpty())
        return usageError(tr("use: log --project P FILE"));
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    const auto matching = projectsMatching(*store, projectName);
    if (!matching)
        return failed(matching.error());
    if (matching->size() > 1)
        return usageError(tr("%1 projects are named %2; give the id").arg(matching->size()).arg(projectName));
    const qint64 projectId = matching->first();
    QString path = arguments.first();
    if (QFileInfo(path).isAbsolute()) {
        // A path on disk inside the project's workspace.
        const auto project = Projects::find(*store, projectId);
        if (!project)
            return failed(project.error());
        if (*project && !(*project)->workspaceRoot.isEmpty())
            path = QDir((*project)->workspaceRoot).relativeFilePath(path);
    }
    const auto file = FileVersions::file(*store, projectId, path);
    if (!file)
        return failed(file.error());
    if (!*file)
        return failed({ Error::Code::NotFound, tr("project %1 has no versions of %2").arg(projectName, path) });

    QList<FileVersions::Version> versions;
    std::optional<qint64> before;
    while (true) {
        const auto page = FileVersions::history(*store, (*file)->id, before, 500);
        if (!page)
            return failed(page.error());
        versions += *page;
        if (page->size() < 500)
            break;
        before = page->last().id;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const FileVersions::Version &version : std::as_const(versions))
            array.append(QJsonObject{
                { QStringLiteral("id"), version.id },
                { QStringLiteral("path"), version.path },
                { QStringLiteral("time"),
                    version.time.isValid() ? QJsonValue(version.time.toString(Qt::ISODateWithMs)) : QJsonValue() },
                { QStringLiteral("author"), version.author },
                { QStringLiteral("origin_kind"), version.originKind },
                { QStringLiteral("origin"), version.origin },
                { QStringLiteral("deleted"), !version.blobId },
                { QStringLiteral("size"), version.size },
                { QStringLiteral("added"), version.added },
                { QStringLiteral("removed"), version.removed },
                { QStringLiteral("previous"), version.previousId ? QJsonValue(*version.previousId) : QJsonValue() },
                { QStringLiteral("session"), version.sessionId ? QJsonValue(*version.sessionId) : QJsonValue() },
                { QStringLiteral("message"), version.messageId ? QJsonValue(*version.messageId) : QJsonValue() },
            });
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)) << '\n';
        m_out.flush();
        return Done;
    }
    for (const FileVersions::Version &version : std::as_const(versions)) {
        m_out << QStringLiteral("%1  %2  %3  %4  %5\n")
                     .arg(QString::number(version.id).rightJustified(6),
                         version.time.isValid() ? version.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                                : QStringLiteral("—").leftJustified(19),
                         version.blobId ? tr("%1 bytes").arg(version.size).rightJustified(12)
                                        : tr("deleted").rightJustified(12),
                         QStringLiteral("+%1 -%2").arg(version.added).arg(version.removed).leftJustified(11),
                         FileVersions::originText(version)
                             + (version.author.isEmpty() ? QString() : QStringLiteral(", ") + version.author));
    }
    m_out.flush();
    return Done;
}

int Cli::diff(QCommandLineParser &parser)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 2)
        return usageError(tr("use: diff A B, where A and B are version ids (see `strata-cli log`) or disk:PATH"));
    Diff::Options options;
    if (parser.isSet(QStringLiteral("ignore-whitespace")))
        options.whitespace = Diff::Options::Whitespace::IgnoreAll;
    else if (parser.isSet(QStringLiteral("ignore-space-change")))
        options.whitespace = Diff::Options::Whitespace::IgnoreChange;
    else if (parser.isSet(QStringLiteral("ignore-space-at-eol")))
        options.whitespace = Diff::Options::Whitespace::IgnoreAtEol;
    options.ignoreBlankLines = parser.isSet(QStringLiteral("ignore-blank-lines"));
    options.minimal = parser.isSet(QStringLiteral("minimal"));
    options.indentHeuristic = !parser.isSet(QStringLiteral("no-indent-heuristic"));
    const QString context = parser.value(QStringLiteral("context"));
    bool ok = false;
    options.context = context == u"all" ? -1 : context.toInt(&ok);
    if (context != u"all" && (!ok || options.context < 0))
        return usageError(tr("--context takes a number of lines, or \"all\""));

    std::unique_ptr<Store> store;
    const auto sideOf = [&](const QString &argument) -> Result<Side> {
        if (argument.startsWith(u"disk:")) {
            const QString path = argument.mid(5);
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return fail(Error::Code::NotFound,
                    tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
            return Side{ QDir::fromNativeSeparators(path).remove(QRegularExpression(QStringLiteral("^/+"))),
                file.readAll() };
        }
        bool isNumber = false;
        const qint64 id = argument.toLongLong(&isNumber);
        if (!isNumber)
            return fail(Error::Code::InvalidArgument, tr("%1 is neither a version id nor disk:PATH").arg(argument));
        if (!store) {
            store = openStore();
            if (!store)
                return fail(Error::Code::NotFound, QString());
        }
        const auto version = FileVersions::version(*store, id);
        if (!version)
            return std::unexpected(version.error());
        if (!*version)
            return fail(Error::Code::NotFound, tr("there is no version %1 in the store").arg(id));
        const auto content = FileVersions::content(*store, **version);
        if (!content)
            return std::unexpected(content.error());
        return Side{ (*version)->path, *content };
    };
    Side sides[2];
    for (int i = 0; i < 2; ++i) {
        auto side = sideOf(arguments.at(i));
        if (!side) {
            if (side.error().message.isEmpty())
                return m_openFailure;
            return side.error().code == Error::Code::InvalidArgument ? usageError(side.error().message)
                                                                     : failed(side.error());
        }
        sides[i] = std::move(*side);
    }
    const auto compared = Diff::compare(sides[0].content, sides[1].content, options);
    if (!compared)
        return failed(compared.error());
    writeOut(Diff::unified(*compared, sides[0].name, sides[1].name));
    if (compared->binary)
        m_err << tr("binary, %1 bytes differ").arg(compared->differingBytes) << ' '
              << tr("(%1 bytes, then %2 bytes)").arg(compared->oldSize).arg(compared->newSize) << '\n';
    return Done;
}

int Cli::restore(QCommandLineParser &parser)
{
    const QStringList arguments = parser.positionalArguments();
    bool isNumber = false;
    const qint64 id = arguments.value(0).toLongLong(&isNumber);
    if (arguments.size() != 1 || !isNumber)
        return usageError(tr("use: restore VERSION [--dry-run] [--yes], VERSION being an id `strata-cli log` lists"));
    const auto store = openStore();
    if (!store)
        return m_openFailure;
    const auto plan = Restore::plan(*store, id);
    if (!plan)
        return failed(plan.error());
    const QString target = QDir::toNativeSeparators(plan->target);
    if (plan->changesNothing()) {
        m_err << tr("%1 already holds version %2; nothing to do.").arg(target).arg(id) << '\n';
        return Done;
    }
    // What will change, before anything is written.
    writeOut(Diff::unified(plan->diff, plan->version.path, plan->version.path));
    if (plan->diff.binary)
        m_err << tr("binary, %1 bytes differ").arg(plan->diff.differingBytes) << '\n';
    if (parser.isSet(QStringLiteral("dry-run"))) {
        m_err << (plan->onDisk ? tr("Would write %1 (the diff above is from the disk to version %2).")
                               : tr("Would create %1 with version %2."))
                     .arg(target)
                     .arg(id)
              << '\n';
        return Done;
    }
    if (!parser.isSet(QStringLiteral("yes")))
        return usageError(tr("restoring writes %1 (the diff above shows how); add --yes to do it").arg(target));
    const auto outcome = Restore::apply(*store, id);
    if (!outcome)
        return failed(outcome.error());
    m_err << tr("Restored %1 to version %2.").arg(target).arg(id) << ' '
          << (outcome->created
                     ? tr("The file did not exist before: delete it to go back.")
                     : tr("What was on disk is kept as version %1: `strata-cli restore %1 --yes` puts it back.")
                           .arg(outcome->safetyVersionId))
          << '\n';
    return Done;
}
