#!/usr/bin/env bash
# Loading benchmark (SPEC §9): a generated organisation of POSTS posts (default 1,000,000) with
# 5 collaboration links per post, loaded as a CSV folder and as a snapshot by reorg, and the
# same CSV files loaded into python-igraph, in one run. Prints a Markdown table.
#   bash bench/load.sh [POSTS]
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-1000000}
bash scripts/setup-debian.sh
dpkg-query -W -f='${Status}' python3-igraph 2>/dev/null | grep -q "install ok installed" ||
    { sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo); DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq python3-igraph >/dev/null; }
cmake --preset release >/dev/null
cmake --build --preset release --target reorg_cli reorg_bench_load >/dev/null
reorg=build/release/tools/reorg
bench=build/release/bench/reorg_bench_load
work=build/bench-data
mkdir -p "$work"
model="$work/generated-$posts"
if [ ! -d "$model" ]; then
    "$reorg" generate --posts "$posts" --seed 1 --links-per-post 5 -o "$model"
fi
"$reorg" pack "$model" -o "$model.reorg" 2>/dev/null

# Warm the page cache so that every reader starts alike.
cat "$model"/*.csv "$model.reorg" >/dev/null

csv=$("$bench" "$model")
snapshot=$("$bench" "$model.reorg")
igraph=$(/usr/bin/python3 bench/igraph_load.py "$model")

field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
links=$(field "$csv" links)
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(lscpu | sed -n 's/^Model name: *//p')"
echo "Model: $posts posts, $links links (reorg generate --seed 1 --links-per-post 5)"
echo
echo "| work | reorg | target | igraph |"
echo "|---|---|---|---|"
echo "| load the CSV folder | $(field "$csv" load_s) s, $(field "$csv" peak_mib) MiB peak | ≤ 3 s, ≤ 1.5 GB | $(field "$igraph" load_s) s, $(field "$igraph" peak_mib) MiB peak |"
echo "| load the snapshot | $(field "$snapshot" load_s) s, $(field "$snapshot" peak_mib) MiB peak | ≤ 0.3 s | — |"
echo "| stats after loading the CSV | $(field "$csv" stats_s) s | ≤ 1 s | — |"
echo "| stats after loading the snapshot | $(field "$snapshot" stats_s) s | ≤ 1 s | — |"
echo
echo "Snapshot size: $(du -m "$model.reorg" | cut -f1) MiB; CSV folder: $(du -sm "$model" | cut -f1) MiB"
