#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

// Which files a snapshot leaves out: `.gitignore` files (their patterns apply to their folder and
// below: `*`, `?`, `[...]`, `**`, a leading or inner '/' anchoring to that folder, a trailing '/'
// for folders only, '!' taking a file back in; the last matching pattern decides), and a
// built-in list of what is never a workspace's own work (`.git/`, `node_modules/`, build folders).
class IgnoreRules final
{
public:
    // The built-in list only.
    IgnoreRules();

    // Adds the patterns of a .gitignore found in `folder` (relative to the root, '' for the root).
    void addFile(const QString &folder, const QByteArray &contents);

    // True when `path` (relative to the root, '/' between folders) is left out.
    [[nodiscard]] bool ignores(const QString &path, bool isFolder) const;

private:
    struct Rule
    {
        QString folder; // where the .gitignore was
        QRegularExpression pattern; // matched against the path below `folder`
        bool negated = false;
        bool foldersOnly = false;
    };
    void add(const QString &folder, QString pattern);

    QList<Rule> m_rules;
};
