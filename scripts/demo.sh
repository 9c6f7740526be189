#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs reorg on the example
# municipality in data/kommun.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
export CCACHE_DIR="${CCACHE_DIR:-$PWD/build/ccache}"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target reorg_cli
reorg=build/release/tools/reorg

echo "== reorg validate data/kommun"
"$reorg" validate data/kommun
echo
echo "== reorg stats data/kommun"
"$reorg" stats data/kommun
echo
echo "== reorg analyze data/kommun --between KLF.IT STF --merge KLF.PLAN STF --to LG"
"$reorg" analyze data/kommun --between KLF.IT STF --merge KLF.PLAN STF --to LG
echo
echo "== reorg findings data/kommun --unit KLF"
"$reorg" findings data/kommun --unit KLF
