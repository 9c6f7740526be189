#!/usr/bin/env bash
# Single-points-of-failure benchmark (SPEC §9: articulation points of 1,000,000 posts and
# 5,000,000 links in ≤ 1.5 s). A generated organisation is packed to a snapshot, loaded, and its
# work graph searched by reorg's articulation_points() and bridges(); the same graph, written as
# an edge list, goes to python-igraph's articulation_points() and bridges(). Each is timed on the
# built graph, best of three runs. A second, sparse organisation (0.5 links per post) has
# articulation points to find, so the cut-off bookkeeping is timed too. Prints a Markdown table.
#   bash bench/articulation.sh [POSTS]
# BUILD=build/other (configured like the release preset) times another build tree.
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-1000000}
build=${BUILD:-build/release}
bash scripts/setup-debian.sh
dpkg-query -W -f='${Status}' python3-igraph 2>/dev/null | grep -q "install ok installed" ||
    { sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo); DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq python3-igraph >/dev/null; }
if [ "$build" = build/release ]; then
    cmake --preset release >/dev/null
else
    cmake --preset release -B "$build" >/dev/null
fi
cmake --build "$build" --target reorg_cli reorg_bench_articulation >/dev/null
reorg=$build/tools/reorg
bench=$build/bench/reorg_bench_articulation
work=build/bench-data
mkdir -p "$work"

# The igraph side, inline so that the script is the whole benchmark.
igraph_script=$(cat <<'PY'
import json, sys, time
import igraph

def best_of_three(work):
    best, result = None, None
    for _ in range(3):
        start = time.perf_counter()
        result = work()
        taken = time.perf_counter() - start
        best = taken if best is None else min(best, taken)
    return best, result

path, vertices = sys.argv[1], int(sys.argv[2])
graph = igraph.Graph.Read_Edgelist(path, directed=False)
if graph.vcount() < vertices:  # isolated posts at the end of the numbering
    graph.add_vertices(vertices - graph.vcount())
articulation_s, points = best_of_three(graph.articulation_points)
bridges_s, bridges = best_of_three(graph.bridges)
print(json.dumps({"version": igraph.__version__, "edges": graph.ecount(),
                  "articulation_s": round(articulation_s, 3), "count": len(points),
                  "sum": sum(points), "bridges_s": round(bridges_s, 3), "bridges": len(bridges)}))
PY
)

field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

# run NAME LINKS_PER_POST: generate (once), pack (once), time both; sets $ours and $theirs.
run() {
    local model="$work/generated-$posts$1"
    if [ ! -f "$model/posts.csv" ]; then
        "$reorg" generate --posts "$posts" --seed 1 --links-per-post "$2" -o "$model" >/dev/null
    fi
    if [ ! -f "$model.reorg" ] || [ "$model/posts.csv" -nt "$model.reorg" ]; then
        "$reorg" pack "$model" -o "$model.reorg" 2>/dev/null
    fi
    ours=$("$bench" "$model.reorg" "$model.edges")
    theirs=$(/usr/bin/python3 -c "$igraph_script" "$model.edges" "$(field "$ours" posts)")
    rm -f "$model.edges"
}

row() {
    local agree=no
    [ "$(field "$ours" count)" = "$(field "$theirs" count)" ] &&
        [ "$(field "$ours" sum)" = "$(field "$theirs" sum)" ] &&
        [ "$(field "$ours" bridges)" = "$(field "$theirs" bridges)" ] && agree=yes
    echo "| $1 | $(field "$ours" edges) | $(field "$ours" count) (largest cut-off $(field "$ours" largest_cut_off)) | **$(field "$ours" articulation_s) s** | $(field "$theirs" articulation_s) s | $(field "$ours" bridges_s) s | $(field "$theirs" bridges_s) s | $(field "$ours" single_points_s) s | $agree |"
}

run "" 5
dense=$ours dense_igraph=$theirs
run "-sparse" 0.5
sparse=$ours sparse_igraph=$theirs

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(lscpu | sed -n 's/^Model name: *//p')"
echo "Models: reorg generate --posts $posts --seed 1 (--links-per-post 5, and 0.5 for the sparse one), packed to a snapshot; python-igraph $(field "$dense_igraph" version)"
echo "Times on the built graph, best of three runs; target ≤ 1.5 s for articulation points at 1,000,000 posts + 5,000,000 links."
echo
echo "| work graph | edges | articulation points | reorg articulation_points | igraph articulation_points() | reorg bridges | igraph bridges() | reorg single_points (all of it) | same answers |"
echo "|---|---|---|---|---|---|---|---|---|"
ours=$dense theirs=$dense_igraph row "$posts posts, 5 links per post"
ours=$sparse theirs=$sparse_igraph row "$posts posts, 0.5 links per post"
echo
echo "Before the search (not in the times above): loading the snapshot $(field "$dense" load_s) s and building the work graph $(field "$dense" graph_s) s (5 links per post); $(field "$sparse" load_s) s and $(field "$sparse" graph_s) s (0.5)."
