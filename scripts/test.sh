#!/usr/bin/env bash
# The README's test command: installs what is missing, checks the formatting, builds with
# warnings as errors and runs every test, then does the same under ASan + UBSan, then runs every
# reader's fuzz target for a short while (scripts/fuzz.sh: 60 s each in CI, 10 s elsewhere;
# REORG_FUZZ_SECONDS says otherwise, 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
export CCACHE_DIR="${CCACHE_DIR:-$PWD/build/ccache}"
jobs=$(nproc)

echo "== format"
bash scripts/check-format.sh

for preset in release asan; do
    echo "== $preset: build"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
    echo "== $preset: test"
    ctest --preset "$preset" -j "$jobs"
done

# The fuzz targets start from the seeds and the snapshots the release build packs.
fuzz_seconds="${REORG_FUZZ_SECONDS:-$([ "${CI:-}" = true ] && echo 60 || echo 10)}"
if [ "$fuzz_seconds" -gt 0 ]; then
    echo "== fuzz: ${fuzz_seconds} s per target"
    JOBS="$jobs" bash scripts/fuzz.sh "$fuzz_seconds"
fi
