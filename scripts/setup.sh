#!/usr/bin/env bash
# Installs what Strata needs to build, run and test on Debian 12 / Ubuntu (as root or via sudo);
# with --bench, also what the benchmarks need.
# Idempotent: packages already present are skipped, so it is cheap to call before every build.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git clang-format python3
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev libsqlite3-dev sqlite3 libgit2-dev libzstd-dev libquazip1-qt6-dev
    xvfb xauth
    ripgrep time patch unzip
)
# --bench: also the reference tools the benchmarks compare with and time windows with.
if [ "${1:-}" = "--bench" ]; then
    packages+=(sqlitebrowser xdotool imagemagick zip)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
