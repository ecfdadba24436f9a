#!/usr/bin/env bash
# Opens a store in Strata and in DB Browser for SQLite (its messages table) under one X server and
# prints, for each, the time from launch until its window is visible, the time until the window's
# content stops changing (first rows shown and filled in), and its peak memory.
# Usage: open-time.sh STRATA_EXECUTABLE STORE_DIR [SCREENSHOT_DIR]  (run by BenchTranscripts)
# Needs xvfb-run, xdotool, ImageMagick's import and sqlitebrowser (scripts/setup.sh --bench).
set -euo pipefail

strata=$1
store=$2
shots=${3:-}

unset QT_QPA_PLATFORM # both must show real windows
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

# The X server may still be starting: an application launched now would abort.
for _ in $(seq 100); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.1
done

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# measure NAME COMMAND...: launch, wait for a visible window, then grab it until five grabs in a
# row are the same; the content is taken as shown at the last change.
measure() {
    local name=$1
    shift
    local home
    home=$(mktemp -d) # fresh settings, so neither remembers an earlier run
    local start
    start=$(now_ms)
    HOME=$home XDG_CONFIG_HOME=$home "$@" >/dev/null 2>&1 &
    local pid=$!
    local window=""
    while [ -z "$window" ]; do
        window=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n 1 || true)
        if [ $(($(now_ms) - start)) -gt 30000 ] || ! kill -0 "$pid" 2>/dev/null; then
            echo "open     $name: no window within 30 s"
            kill "$pid" 2>/dev/null || true
            return 0
        fi
    done
    local shown=$(($(now_ms) - start))
    local last="" same=0 changed=$shown
    while [ "$same" -lt 5 ] && [ $(($(now_ms) - start)) -lt 60000 ]; do
        local grab
        grab=$(import -window "$window" rgb:- 2>/dev/null | md5sum)
        if [ "$grab" = "$last" ]; then
            same=$((same + 1))
        else
            same=0
            last=$grab
            changed=$(($(now_ms) - start))
        fi
        sleep 0.05
    done
    local peak
    peak=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
    if [ -n "$shots" ]; then
        import -window root "$shots/open-$name.png" 2>/dev/null || true
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$home"
    printf 'open     %-14s window shown %6d ms, content settled %6d ms, peak memory %7s MB\n' \
        "$name" "$shown" "$changed" "$peak"
}

measure strata "$strata" "$store"
if command -v sqlitebrowser >/dev/null; then
    measure sqlitebrowser sqlitebrowser -t messages "$store/strata.db"
else
    echo "open     sqlitebrowser: not installed (scripts/setup.sh --bench installs it)"
fi
