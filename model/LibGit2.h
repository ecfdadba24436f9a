#pragma once

#include <QString>

// What Strata needs around libgit2 itself.
namespace LibGit2 {

// Initialises libgit2 once per process (thread-safe); call before any other libgit2 function.
void ensureInitialised();

// libgit2's message for the last error on this thread.
[[nodiscard]] QString lastError();

} // namespace LibGit2
