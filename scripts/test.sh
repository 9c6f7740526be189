#!/usr/bin/env bash
# The README's test command: installs what is missing, checks the formatting, builds with
# warnings as errors and runs every test, then does the same under ASan + UBSan. Ends with
# ctest's summary.
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
