#!/usr/bin/env bash
# Runs a test as an ordinary user. Permission checks (a read-only folder, an unreadable file) mean
# nothing to root, and CI runs as root: there the test drops to `nobody` so that it can still fail.
# When the checkout is in a folder `nobody` cannot enter (under /root, say), a copy of the test, of
# tests/data and of the corpora (when present) runs from a temporary folder instead.
set -euo pipefail
binary=$1
shift
if [ "$(id -u)" -ne 0 ]; then
    exec "$binary" "$@"
fi

as_nobody() {
    setpriv --reuid=nobody --regid=nogroup --clear-groups --reset-env \
        env HOME=/tmp XDG_RUNTIME_DIR= QT_QPA_PLATFORM=offscreen TMPDIR=/tmp \
        STRATA_FIXTURES="${STRATA_FIXTURES:-}" STRATA_TEST_DATA="${STRATA_TEST_DATA:-}" "$@"
}

data=$(cd "$(dirname "$0")/data" && pwd)
fixtures=$(cd "$(dirname "$0")/../../shared/fixtures" 2>/dev/null && pwd || true)
if ! as_nobody test -x "$binary" || ! as_nobody test -r "$data/README.md" \
    || { [ -n "$fixtures" ] && ! as_nobody test -r "$fixtures/README.md"; }; then
    copy=$(mktemp -d /tmp/strata-unprivileged-XXXXXX)
    trap 'rm -rf "$copy"' EXIT
    cp "$binary" "$copy/"
    cp -a "$data" "$copy/data"
    export STRATA_TEST_DATA="$copy/data"
    if [ -n "$fixtures" ]; then
        cp -a "$fixtures" "$copy/fixtures"
        export STRATA_FIXTURES="$copy/fixtures"
    fi
    chmod -R a+rX "$copy"
    binary="$copy/$(basename "$binary")"
fi
as_nobody "$binary" "$@"
