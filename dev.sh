#!/usr/bin/env bash
# Strata's one entry point for building, running, testing and benchmarking.
#   ./dev.sh run [DIR]   install what is missing, build, start Strata
#   ./dev.sh test [unit|corpus]  install what is missing, build everything (benchmarks too), run every
#                        test (or one label: corpus tests read ../shared/fixtures and skip without it)
#   ./dev.sh bench       build and run the benchmarks (not part of the tests)
#   ./dev.sh format      reformat the sources; ./dev.sh format-check fails on a difference
set -euo pipefail
cd "$(dirname "$0")"

build=${STRATA_BUILD_DIR:-build}

configure() {
    bash scripts/setup.sh "$@"
    if [ ! -f "$build/build.ninja" ]; then
        cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
}

sources() {
    git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h'
}

case "${1:-}" in
run)
    shift
    configure
    cmake --build "$build" --target strata strata-cli
    exec "$build/app/strata" "$@"
    ;;
test)
    label=${2:-}
    case "$label" in
    "") labels=(-LE benchmark) ;;
    unit | corpus) labels=(-L "^$label\$") ;;
    *) echo "dev.sh test: no label $label (unit or corpus)" >&2; exit 1 ;;
    esac
    configure
    cmake --build "$build"
    corpora=${STRATA_FIXTURES:-$(cd .. && pwd)/shared/fixtures}
    if [ "$label" != unit ] && [ ! -d "$corpora" ]; then
        echo "dev.sh test: the corpus tests will report SKIP: corpus absent, no folder at $corpora" >&2
    fi
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600 -j "$(nproc)" "${labels[@]}"
    ;;
bench)
    shift
    configure --bench
    cmake --build "$build"
    cd "$build"
    ctest --output-on-failure -V -L benchmark "$@"
    ;;
format)
    sources | xargs -r clang-format -i
    ;;
format-check)
    sources | xargs -r clang-format --dry-run --Werror
    echo "clang-format: no differences"
    ;;
*)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 1
    ;;
esac
