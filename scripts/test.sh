#!/usr/bin/env bash
# The README's test command: installs what is missing, checks the formatting, builds with
# warnings as errors and runs every test, runs every reader's fuzz target for a short while
# (scripts/fuzz.sh: 60 s each in CI, 10 s elsewhere; REORG_FUZZ_SECONDS says otherwise, 0 skips
# it), then builds and runs every test again under ASan + UBSan + LeakSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
export CCACHE_DIR="${CCACHE_DIR:-$PWD/build/ccache}"
jobs=$(nproc)

echo "== format"
bash scripts/check-format.sh

build_and_test() {
    echo "== $1: build"
    cmake --preset "$1" >/dev/null
    cmake --build --preset "$1" -j "$jobs"
    echo "== $1: test"
    ctest --preset "$1" -j "$jobs"
}

build_and_test release

# The fuzz targets start from the seeds and the snapshots the release build packs.
fuzz_seconds="${REORG_FUZZ_SECONDS:-$([ "${CI:-}" = true ] && echo 60 || echo 10)}"
if [ "$fuzz_seconds" -gt 0 ]; then
    echo "== fuzz: ${fuzz_seconds} s per target"
    JOBS="$jobs" bash scripts/fuzz.sh "$fuzz_seconds"
fi

# Last, so that the run ends with ctest's summary.
build_and_test asan
