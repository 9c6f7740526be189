#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, runs reorg on the example
# municipality in data/kommun, and writes its merger-review report into reports/kommun/.
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
echo "== reorg render data/kommun: single diagrams in reports/diagrams/"
mkdir -p reports/diagrams
"$reorg" render data/kommun --view posts -o reports/diagrams/org-chart.svg
"$reorg" render data/kommun --view posts --focus KLF.IT --overlay spof -o reports/diagrams/it-office-spof.svg
"$reorg" render data/kommun --view units --overlay findings -o reports/diagrams/units-findings.svg
ls reports/diagrams
echo
echo "== reorg report data/kommun --scenario ... -o reports/kommun (the merger-review report)"
# Diagrams an earlier demo wrote into reports/kommun/ are in the report now.
rm -f reports/kommun/*.svg
"$reorg" report data/kommun $(printf -- '--scenario %s ' data/kommun/scenarios/*.yaml) -o reports/kommun
ls -l reports/kommun
echo
echo "Open reports/kommun/index.html in a browser; report.xlsx continues in a spreadsheet."
