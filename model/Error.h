#pragma once

#include <expected>

#include <QString>

// What went wrong, said so that a person can act on it: "cannot write /x/y: permission denied",
// never "error 13". The code lets callers (and strata-cli's exit codes) tell kinds apart.
struct Error
{
    enum class Code {
        Io,
        PermissionDenied,
        NotFound,
        PathOutsideWorkspace,
        NotAStore,
        Corrupt,
        NewerSchema,
        MigrationFailed,
        Database,
        InvalidArgument,
        Cancelled,
    };

    Code code = Code::Io;
    QString message;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(Error::Code code, const QString &message)
{
    return std::unexpected(Error{ code, message });
}
