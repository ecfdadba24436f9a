#include "LibGit2.h"

#include <git2.h>

namespace LibGit2 {

void ensureInitialised()
{
    // Never shut down: other threads may still use it while the process ends.
    static const int initialised = git_libgit2_init();
    (void)initialised;
}

QString lastError()
{
    const git_error *error = git_error_last();
    return error && error->message ? QString::fromUtf8(error->message) : QStringLiteral("unknown libgit2 error");
}

} // namespace LibGit2
