#!/usr/bin/env bash
# Longer fuzzing than CI's minute: every reader's fuzz target for SECONDS each (default 600),
# one after the other, continuing from the corpus earlier runs left in build/fuzz/corpus/.
# Prints the table of scripts/fuzz.sh (executions, coverage, findings); the runs of bench/README.md.
#   bash bench/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
bash scripts/setup-debian.sh
# The snapshot seeds are packed by the release build's reorg.
cmake --preset release >/dev/null
cmake --build --preset release --target reorg_cli
exec bash scripts/fuzz.sh "$seconds" "$@"
