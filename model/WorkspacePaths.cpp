#include "WorkspacePaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkspacePaths", text);
}

constexpr Qt::CaseSensitivity pathCase =
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    Qt::CaseInsensitive;
#else
    Qt::CaseSensitive;
#endif

bool looksAbsolute(const QString &path)
{
    // Paths come from other systems' files too: a Windows drive or UNC path is absolute everywhere.
    if (QDir::isAbsolutePath(path) || path.startsWith(u'/') || path.startsWith(u'\\'))
        return true;
    return path.size() >= 2 && path.at(1) == u':' && path.at(0).isLetter();
}

} // namespace

namespace WorkspacePaths {

bool isInside(const QString &root, const QString &path)
{
    if (path.compare(root, pathCase) == 0)
        return true;
    const QString prefix = root.endsWith(u'/') ? root : root + u'/';
    return path.startsWith(prefix, pathCase);
}

Result<QString> resolveInside(const QString &root, const QString &relative)
{
    const QString shown = relative;
    if (relative.trimmed().isEmpty())
        return fail(Error::Code::InvalidArgument, tr("an empty path cannot be written"));
    if (looksAbsolute(relative))
        return fail(Error::Code::PathOutsideWorkspace,
            tr("refused %1: an absolute path cannot be written into the workspace").arg(shown));

    QStringList parts;
    for (const QString &part : relative.split(QRegularExpression(QStringLiteral(R"([/\\])")), Qt::SkipEmptyParts)) {
        if (part == u"..")
            return fail(Error::Code::PathOutsideWorkspace,
                tr("refused %1: the path climbs out of the workspace with \"..\"").arg(shown));
        if (part != u".")
            parts.append(part);
    }
    if (parts.isEmpty())
        return fail(
            Error::Code::InvalidArgument, tr("refused %1: it names the workspace itself, not a file").arg(shown));

    const QFileInfo rootInfo(root);
    if (!rootInfo.isDir())
        return fail(
            Error::Code::NotFound, tr("the workspace folder %1 does not exist").arg(QDir::toNativeSeparators(root)));
    const QString canonicalRoot = rootInfo.canonicalFilePath();

    // Walk down while the path exists, resolving symlinks at every level: a link anywhere on the
    // way may point outside the workspace.
    QString resolved = canonicalRoot;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString next = resolved + u'/' + parts.at(i);
        const QFileInfo info(next);
        if (info.isSymLink()) {
            const QString target
                = info.canonicalFilePath().isEmpty() ? QDir::cleanPath(info.symLinkTarget()) : info.canonicalFilePath();
            if (!isInside(canonicalRoot, target))
                return fail(Error::Code::PathOutsideWorkspace,
                    tr("refused %1: %2 is a link that leads outside the workspace")
                        .arg(shown, QDir::toNativeSeparators(next)));
            resolved = target; // a dangling link inside the workspace: the write goes where it points
        } else if (info.exists()) {
            resolved = next;
        } else {
            resolved = next + (i + 1 < parts.size() ? u'/' + parts.mid(i + 1).join(u'/') : QString());
            break;
        }
    }
    return resolved;
}

} // namespace WorkspacePaths
