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
echo
echo "== reorg compare data/kommun data/kommun/scenarios/*.yaml"
"$reorg" compare data/kommun data/kommun/scenarios/*.yaml
echo
echo "== reorg check data/kommun --scenario ... (the guardrails of data/kommun/rules.yaml)"
# Exit 3 says a rule is broken, which is what the example shows; anything else is a failure.
status=0
"$reorg" check data/kommun $(printf -- '--scenario %s ' data/kommun/scenarios/*.yaml) || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"
echo
echo "== reorg render data/kommun: diagrams in reports/kommun/"
mkdir -p reports/kommun
"$reorg" render data/kommun --view units -o reports/kommun/units.svg
"$reorg" render data/kommun --view units --overlay findings -o reports/kommun/units-findings.svg
"$reorg" render data/kommun --view posts -o reports/kommun/org-chart.svg
"$reorg" render data/kommun --view posts --focus KLF.IT --overlay spof -o reports/kommun/it-office-spof.svg
"$reorg" render data/kommun --view findings -o reports/kommun/why-graph.svg
"$reorg" render data/kommun --view flows -o reports/kommun/flows.svg
for scenario in data/kommun/scenarios/*.yaml; do
    name=$(basename "$scenario" .yaml)
    "$reorg" render data/kommun --view diff --scenario "$scenario" -o "reports/kommun/diff-$name.svg"
done
ls -l reports/kommun
