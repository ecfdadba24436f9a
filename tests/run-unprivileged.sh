#!/usr/bin/env bash
# Runs a test as an ordinary user. Permission checks (a read-only folder, an unreadable file) mean
# nothing to root, and CI runs as root: there the test drops to `nobody` so that it can still fail.
set -euo pipefail
if [ "$(id -u)" -eq 0 ]; then
    exec setpriv --reuid=nobody --regid=nogroup --clear-groups --reset-env \
        env HOME=/tmp XDG_RUNTIME_DIR= QT_QPA_PLATFORM=offscreen TMPDIR=/tmp "$@"
fi
exec "$@"
