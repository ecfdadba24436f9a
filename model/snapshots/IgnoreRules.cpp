#include "IgnoreRules.h"

namespace {

// A gitignore glob as a regular expression over a path relative to the rule's folder.
QString toRegularExpression(const QString &glob, bool anchored)
{
    QString out = anchored ? QStringLiteral("^") : QStringLiteral("^(?:.*/)?");
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u'*') {
            if (i + 1 < glob.size() && glob.at(i + 1) == u'*') {
                const bool slashAfter = i + 2 < glob.size() && glob.at(i + 2) == u'/';
                out += slashAfter ? QStringLiteral("(?:.*/)?") : QStringLiteral(".*");
                i += slashAfter ? 2 : 1;
            } else {
                out += QStringLiteral("[^/]*");
            }
        } else if (c == u'?') {
            out += QStringLiteral("[^/]");
        } else if (c == u'[') {
            const qsizetype close = glob.indexOf(u']', i + 1);
            if (close < 0) {
                out += QStringLiteral("\\[");
                continue;
            }
            QString set = glob.mid(i + 1, close - i - 1);
            if (set.startsWith(u'!'))
                set[0] = u'^';
            out += u'[' + set + u']';
            i = close;
        } else if (c == u'\\' && i + 1 < glob.size()) {
            out += QRegularExpression::escape(glob.mid(++i, 1));
        } else {
            out += QRegularExpression::escape(QString(c));
        }
    }
    // A pattern names a path and everything below it.
    return out + QStringLiteral("(?:/.*)?$");
}

} // namespace

IgnoreRules::IgnoreRules()
{
    for (const char *builtIn : { ".git/",
             "node_modules/",
             "build/",
             "dist/",
             "target/",
             "__pycache__/",
             ".venv/",
             ".gradle/",
             "cmake-build-*/",
             ".DS_Store",
             "Thumbs.db" })
        add(QString(), QString::fromLatin1(builtIn));
}

void IgnoreRules::addFile(const QString &folder, const QByteArray &contents)
{
    for (const QByteArray &line : contents.split('\n')) {
        QString pattern = QString::fromUtf8(line);
        if (pattern.endsWith(u'\r'))
            pattern.chop(1);
        // Trailing spaces are not part of a pattern unless escaped.
        while (pattern.endsWith(u' ') && !pattern.endsWith(QStringLiteral("\\ ")))
            pattern.chop(1);
        if (pattern.isEmpty() || pattern.startsWith(u'#'))
            continue;
        add(folder, pattern);
    }
}

void IgnoreRules::add(const QString &folder, QString pattern)
{
    Rule rule;
    rule.folder = folder;
    if (pattern.startsWith(u'!')) {
        rule.negated = true;
        pattern.remove(0, 1);
    } else if (pattern.startsWith(QStringLiteral("\\!")) || pattern.startsWith(QStringLiteral("\\#"))) {
        pattern.remove(0, 1);
    }
    if (pattern.endsWith(u'/')) {
        rule.foldersOnly = true;
        pattern.chop(1);
    }
    const bool anchored = pattern.contains(u'/');
    if (pattern.startsWith(u'/'))
        pattern.remove(0, 1);
    if (pattern.isEmpty())
        return;
    rule.pattern = QRegularExpression(toRegularExpression(pattern, anchored));
    if (rule.pattern.isValid())
        m_rules.append(rule);
}

bool IgnoreRules::ignores(const QString &path, bool isFolder) const
{
    bool ignored = false;
    for (const Rule &rule : m_rules) {
        QString below = path;
        if (!rule.folder.isEmpty()) {
            if (!path.startsWith(rule.folder + u'/'))
                continue;
            below = path.mid(rule.folder.size() + 1);
        }
        // A folders-only rule matches a folder itself, or a file inside a matching folder.
        const QRegularExpressionMatch match = rule.pattern.match(below);
        if (!match.hasMatch())
            continue;
        if (rule.foldersOnly && !isFolder) {
            // Matched through the "(/.*)?" tail only when a folder above the file matched.
            bool viaFolder = false;
            for (qsizetype slash = below.indexOf(u'/'); slash >= 0 && !viaFolder;
                 slash = below.indexOf(u'/', slash + 1))
                viaFolder = rule.pattern.match(below.left(slash)).hasMatch();
            if (!viaFolder)
                continue;
        }
        ignored = !rule.negated;
    }
    return ignored;
}
