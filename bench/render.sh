#!/usr/bin/env bash
# Org-chart rendering benchmark (issue 5): `reorg render MODEL --view posts -o chart.svg` with
# Graphviz's dot layout (--layout dot) against reorg's own tidy tree layout (--layout tree, drawn
# by Graphviz with fixed positions), on generated organisations of 1,000, 5,000 and 20,000 posts
# (`reorg generate --posts N --seed 1`, default links per post). For each render: wall time and
# peak RSS (/usr/bin/time, whole process: loading, layout and SVG writing), SVG size and the
# number of nodes drawn (class="node" elements; at least the number of posts). Tree renders are
# best of three runs; dot renders best of three at 1,000 posts and one run above that, because
# dot is slow; a dot render that takes longer than DOT_LIMIT seconds (default 300) is stopped
# and reported as "> limit". `reorg validate MODEL` is timed once per size to show how much of
# each render is loading the model. Target: 20,000 posts to SVG in ≤ 5 s. Prints a Markdown
# table; the SVG files are left in build/bench-data/render/.
#   bash bench/render.sh [POSTS...]
# BUILD=build/other (configured like the release preset) times another build tree.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1000 5000 20000); fi
build=${BUILD:-build/release}
dot_limit=${DOT_LIMIT:-300}
bash scripts/setup-debian.sh
if [ "$build" = build/release ]; then
    cmake --preset release >/dev/null
else
    cmake --preset release -B "$build" >/dev/null
fi
cmake --build "$build" --target reorg_cli >/dev/null
reorg=$build/tools/reorg
work=build/bench-data
mkdir -p "$work/render"
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

# timed LIMIT COMMAND...: run once under /usr/bin/time and timeout; sets $secs and $mib, or
# $secs=limit when the time limit stopped it. Any other failure stops the script with the
# command and its error output.
timed() {
    local limit=$1 status=0
    shift
    /usr/bin/time -f "%e %M" -o "$timing" timeout "$limit" "$@" >/dev/null 2>"$timing.err" ||
        status=$?
    if [ "$status" -eq 124 ]; then
        secs=limit mib=
    elif [ "$status" -ne 0 ]; then
        echo "render.sh: exit status $status from: $*" >&2
        cat "$timing.err" >&2
        rm -f "$timing.err"
        exit 1
    else
        read -r secs kib <"$timing"
        mib=$((kib / 1024))
    fi
    rm -f "$timing.err"
}

# best RUNS LIMIT COMMAND...: the fastest of RUNS runs and the largest peak; sets $best, $peak.
best() {
    local runs=$1 limit=$2 i
    shift 2
    best='' peak=0
    for ((i = 0; i < runs; i++)); do
        timed "$limit" "$@"
        if [ "$secs" = limit ]; then best=limit peak=; return; fi
        if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$secs
        fi
        if [ "$mib" -gt "$peak" ]; then peak=$mib; fi
    done
}

rows=()
for posts in "${sizes[@]}"; do
    model="$work/generated-$posts"
    [ -f "$model/links.csv" ] || "$reorg" generate --posts "$posts" --seed 1 -o "$model" >/dev/null 2>&1
    cat "$model"/*.csv >/dev/null # warm the page cache
    # Above --max-nodes (default 25,000) the chart collapses to units; keep drawing posts.
    max_nodes=()
    if [ "$posts" -gt 25000 ]; then max_nodes=(--max-nodes "$posts"); fi

    timed 3600 "$reorg" validate "$model"
    rows+=("| $posts | load + validate only | $secs (1 run) | $mib | — | — | — |")

    dot_secs=
    for layout in dot tree; do
        svg="$work/render/posts-$posts-$layout.svg"
        rm -f "$svg"
        runs=3 limit=3600 note="best of 3"
        if [ "$layout" = dot ]; then
            limit=$dot_limit
            if [ "$posts" -ge 5000 ]; then runs=1 note="1 run"; fi
        fi
        best "$runs" "$limit" "$reorg" render "$model" --view posts --layout "$layout" \
            "${max_nodes[@]}" -o "$svg"
        if [ "$best" = limit ]; then
            rows+=("| $posts | $layout | > $limit (stopped) | — | — | — | — |")
            dot_secs=limit
            continue
        fi
        nodes=$(grep -o 'class="node"' "$svg" | wc -l)
        if [ "$nodes" -lt "$posts" ]; then
            echo "render.sh: $svg draws $nodes nodes, fewer than $posts posts" >&2
            exit 1
        fi
        size=$(awk -v b="$(stat -c %s "$svg")" 'BEGIN { printf "%.1f", b / 1e6 }')
        speedup=—
        if [ "$layout" = dot ]; then
            dot_secs=$best
        elif [ "$dot_secs" = limit ]; then
            speedup="> $(awk -v a="$dot_limit" -v b="$best" 'BEGIN { printf "%.0f", a / (b > 0 ? b : 0.01) }')×"
        else
            speedup="$(awk -v a="$dot_secs" -v b="$best" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 0.01) }')×"
        fi
        rows+=("| $posts | $layout | $best ($note) | $peak | $size | $nodes | $speedup |")
    done
done

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(lscpu | sed -n 's/^Model name: *//p'); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Models: reorg generate --posts N --seed 1 (default links per post); reorg render MODEL --view posts --layout dot|tree -o chart.svg"
echo "Wall time and peak RSS of the whole command (loading, layout, SVG). Dot stopped after $dot_limit s (DOT_LIMIT). Target: 20,000 posts to SVG in ≤ 5 s."
echo
echo "| posts | layout | time (s) | peak MiB | SVG size (MB) | nodes drawn | tree speed-up (dot / tree) |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
