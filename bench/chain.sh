#!/usr/bin/env bash
# A reporting chain (issue 14, "limits"): posts P0 ← P1 ← … in one line, the work graph whose
# shortest paths are as long as the organisation. Times `reorg analyze --json CHAIN` as a whole
# command (output to a file) beside NetworkX's exact betweenness_centrality(normalized=True) on
# the same posts.csv, a whole python3 process, in the same run; prints a Markdown table.
#
#   bash bench/chain.sh [POSTS...]            # default 10000 100000 1000000
#   PEER_TIMEOUT=S                            # seconds before NetworkX is stopped (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
peer_timeout="${PEER_TIMEOUT:-300}"
reorg="${REORG:-build/release/tools/reorg}"
[ -x "$reorg" ] || { cmake --preset release >/dev/null && cmake --build --preset release --target reorg; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "seconds peak_MiB exit" of a whole command, its output into $work/out.
timed() {
    local status=0
    /usr/bin/time -f "%e %M" -o "$work/time" timeout "$1" "${@:2}" >"$work/out" 2>/dev/null ||
        status=$?
    read -r seconds kib < <(tail -1 "$work/time")
    echo "$seconds $((kib / 1024)) $status"
}

cat >"$work/peer.py" <<'PY'
import csv, json, sys
import networkx as nx
g = nx.Graph()
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        g.add_node(row["id"])
        if row["reports_to"]:
            g.add_edge(row["id"], row["reports_to"])
json.dump(nx.betweenness_centrality(g, normalized=True), sys.stdout)
PY

echo "| posts | reorg analyze --json | NetworkX betweenness_centrality | reorg method | max abs difference (top posts) |"
echo "|---|---|---|---|---|"
for n in "${sizes[@]}"; do
    model="$work/chain-$n"
    mkdir -p "$model"
    python3 - "$model" "$n" <<'PY'
import sys
folder, n = sys.argv[1], int(sys.argv[2])
with open(f"{folder}/units.csv", "w") as f:
    f.write("id,name,kind,parent,head,capacity\nU,Enhet,office,,P0,\n")
with open(f"{folder}/posts.csv", "w") as f:
    f.write("id,title,unit,reports_to,function,fte,cost,person\nP0,Chef,U,,ledning,1.0,1,\n")
    for i in range(1, n):
        f.write(f"P{i},Handläggare,U,P{i-1},x,1.0,1,\n")
PY
    read -r rs rm rstatus < <(timed 3600 "$reorg" analyze --json "$model")
    cp "$work/out" "$work/reorg.json"
    read -r ps pm pstatus < <(timed "$peer_timeout" python3 "$work/peer.py" "$model/posts.csv")
    method=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['betweenness']['method'])" "$work/reorg.json")
    if [ "$pstatus" -eq 0 ]; then
        peer="$ps s, $pm MiB"
        diff=$(python3 - "$work/reorg.json" "$work/out" <<'PY'
import json, sys
ours = {p["id"]: p["value"] for p in json.load(open(sys.argv[1]))["betweenness"]["posts"]}
theirs = json.load(open(sys.argv[2]))
print(f"{max(abs(v - theirs[k]) for k, v in ours.items()):.1e}")  # over the posts listed
PY
)
    else
        peer="> $peer_timeout s (stopped)"
        diff="—"
    fi
    [ "$rstatus" -eq 0 ] || rs="exit $rstatus after $rs"
    echo "| $(printf "%'d" "$n") | $rs s, $rm MiB | $peer | $method | $diff |"
done
