#!/usr/bin/env bash
# Betweenness benchmark (SPEC §9): exact betweenness of reorg against igraph (python3-igraph),
# graph-tool on two threads (python3-graph-tool) and NetworkX on the same generated work graphs,
# weighted and unweighted, side by side; then sampled betweenness and a top-10 run on a large
# organisation. Prints Markdown tables.
#
#   bash bench/betweenness.sh [SIZE...]            # exact comparison sizes, default 10000 50000
#
# Environment:
#   EXACT=0           skip the exact comparison (only the large sampled runs)
#   LARGE=1000000     posts for the sampled and top-k runs (0: skip them)
#   NX_FULL_UP_TO=10000  NetworkX runs exactly up to this size; above it NX_K sampled sources
#   NX_K=200             estimate the exact time as (time with k sources) × n/k, labelled "est."
#   THREADS=2         threads for reorg and graph-tool (igraph and NetworkX have one)
#
# Every library gets the same work graph (posts.csv and links.csv of `reorg generate --posts N
# --seed 1`: reporting lines, dotted lines and collaborations between posts, undirected,
# parallel edges merged keeping the shortest; weighted: the link weights as lengths) and only
# the betweenness call is timed. Each peer's values are compared with reorg's (max |Δ|).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 50000)
[ "${EXACT:-1}" = 0 ] && sizes=()
large=${LARGE:-1000000}
nx_full_up_to=${NX_FULL_UP_TO:-10000}
nx_k=${NX_K:-200}
threads=${THREADS:-2}

bash scripts/setup-debian.sh
missing=()
for p in python3-igraph python3-graph-tool; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "betweenness.sh: installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
cmake --preset release >/dev/null
cmake --build --preset release --target reorg_cli reorg_bench_betweenness >/dev/null
reorg=build/release/tools/reorg
bench=build/release/bench/reorg_bench_betweenness
work=build/bench-data
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$work"

model_of() {
    local model="$work/generated-$1"
    [ -f "$model/links.csv" ] || "$reorg" generate --posts "$1" --seed 1 -o "$model" >/dev/null 2>&1
    echo "$model"
}
field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], ''))" "$1" "$2"; }
ratio() { /usr/bin/python3 -c "import sys; print('%.1f×' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
difference() {  # max |reorg − peer| over all posts
    /usr/bin/python3 - "$1" "$2" <<'EOF'
import sys
ours = [float(line.split()[1]) for line in open(sys.argv[1])]
theirs = [float(line) for line in open(sys.argv[2])]
assert len(ours) == len(theirs)
print("%.0e" % max(abs(a - b) for a, b in zip(ours, theirs)))
EOF
}

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(lscpu | sed -n 's/^Model name: *//p'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Versions: igraph $(/usr/bin/python3 -c 'import igraph; print(igraph.__version__)'), graph-tool $(/usr/bin/python3 -c 'import graph_tool; print(graph_tool.__version__.split()[0])' 2>/dev/null), NetworkX $(/usr/bin/python3 -c 'import networkx; print(networkx.__version__)')"
if [ ${#sizes[@]} -gt 0 ]; then
    echo
    echo "Exact betweenness, seconds for the betweenness call (reorg and graph-tool on $threads threads; igraph and NetworkX have one). Ratios: peer time / reorg time. max |Δ|: the largest difference of a normalised value from reorg's."
    echo
    echo "| posts | edges | weighted | reorg | igraph | graph-tool | NetworkX | igraph / reorg | graph-tool / reorg | NetworkX / reorg | max \|Δ\| igraph, graph-tool, NetworkX |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    for size in "${sizes[@]}"; do
        model=$(model_of "$size")
        cat "$model"/*.csv >/dev/null
        for weighted in no yes; do
            flag=()
            [ "$weighted" = yes ] && flag=(--weighted)
            ours=$("$bench" "$model" --exact --threads "$threads" --values "$scratch/reorg" "${flag[@]}")
            igraph=$(/usr/bin/python3 bench/betweenness_peers.py igraph "$model" "${flag[@]}" --values "$scratch/igraph")
            gt=$(OMP_NUM_THREADS=$threads /usr/bin/python3 bench/betweenness_peers.py graph-tool "$model" "${flag[@]}" --values "$scratch/gt")
            if [ "$size" -le "$nx_full_up_to" ]; then
                nx=$(/usr/bin/python3 bench/betweenness_peers.py networkx "$model" "${flag[@]}" --values "$scratch/nx")
                nx_time="$(field "$nx" seconds)"
                nx_diff=$(difference "$scratch/reorg" "$scratch/nx")
            else
                nx=$(/usr/bin/python3 bench/betweenness_peers.py networkx "$model" "${flag[@]}" --k "$nx_k")
                nx_time="est. $(field "$nx" seconds) ($nx_k sources: $(field "$nx" measured_s) s)"
                nx_diff="—"
            fi
            t=$(field "$ours" seconds)
            echo "| $size | $(field "$ours" edges) | $weighted | $t | $(field "$igraph" seconds) | $(field "$gt" seconds) | $nx_time | $(ratio "$(field "$igraph" seconds)" "$t") | $(ratio "$(field "$gt" seconds)" "$t") | $(ratio "$(field "$nx" seconds)" "$t")$( [ "$size" -le "$nx_full_up_to" ] || echo " (est.)") | $(difference "$scratch/reorg" "$scratch/igraph"), $(difference "$scratch/reorg" "$scratch/gt"), $nx_diff |"
        done
    done
fi

if [ "$large" -gt 0 ]; then
    model=$(model_of "$large")
    cat "$model"/*.csv >/dev/null
    echo
    echo "Sampled betweenness at $large posts (reorg, $threads threads; seconds for the betweenness call, after loading)"
    echo
    echo "| run | posts | edges | method | ε | δ | samples | vertex-diameter bound | seconds | target | result |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    sampled=$("$bench" "$model" --epsilon 0.01 --delta 0.1 --seed 1 --threads "$threads")
    top=$(/usr/bin/python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(', '.join('%s %.2e' % (p, v) for p, v, e in d['top'][:3]))" "$sampled")
    echo "| --epsilon 0.01 --delta 0.1 | $(field "$sampled" posts) | $(field "$sampled" edges) | $(field "$sampled" method) | $(field "$sampled" epsilon) | $(field "$sampled" delta) | $(field "$sampled" samples) | $(field "$sampled" vertex_diameter) | $(field "$sampled" seconds) | ≤ 10 s | top 3: $top (each ± 0.01) |"
    topk=$("$bench" "$model" --top-k 10 --delta 0.1 --seed 1 --threads "$threads")
    top=$(/usr/bin/python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(', '.join('%s %.2e ± %.0e' % (p, v, e) for p, v, e in d['top'][:3]))" "$topk")
    echo "| --top-k 10 --delta 0.1 | $(field "$topk" posts) | $(field "$topk" edges) | $(field "$topk" method) (adaptive; ε = widest error bar) | $(field "$topk" epsilon) | $(field "$topk" delta) | $(field "$topk" samples) | $(field "$topk" vertex_diameter) | $(field "$topk" seconds) | ≤ 60 s | certain ranks: $(field "$topk" certain_ranks) of 10, top 10 separated: $(field "$topk" top_separated); top 3: $top |"
fi
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
