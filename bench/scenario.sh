#!/usr/bin/env bash
# Scenario benchmark (SPEC §9): `reorg apply` of a generated scenario, snapshot in and out,
# `reorg compare` of the base and that scenario (default table and --json, each to a file), and
# the merger-review report of both (`reorg report`, target ≤ 30 s and a page ≤ 20 MB), on
# generated organisations: 100,000 posts with 1,000 changes and 1,000,000 posts with 10,000
# changes (targets at that size: apply ≤ 1.5 s, compare ≤ 10 s, whole command). For comparison,
# `reorg validate` and `reorg stats` of the same snapshot show how much of each command is
# loading it (target ≤ 0.5 s at 1,000,000 posts), and `reorg pack base.reorg -o copy.reorg` what
# loading and writing the snapshot cost without any change (the floor under apply).
#
#   bash bench/scenario.sh [POSTS:CHANGES ...]      # default 100000:1000 1000000:10000
#
# Each model is `reorg generate --posts POSTS --seed SEED -o DIR` (default 5 links per post),
# packed with `reorg pack DIR -o base.reorg`; the scenario is written by bench/make_scenario.py
# (valid by construction: only leaf posts change, each once; about 35 % move_post, 25 %
# set_reports_to, 15 % add_post, 15 % remove_post, 10 % vacate_post / fill_post). Every command
# runs RUNS times under /usr/bin/time (start to exit, output written); the table shows the median
# wall time, the range, and the largest peak RSS of the runs.
#
# Environment:
#   REORG=PATH       the executable (default build/release/tools/reorg, built when missing);
#                    it is copied to the scratch folder first, so a rebuild during the run does
#                    not change what is measured
#   BENCH_DIR=DIR    scratch folder (default: a new folder under /tmp); models already in
#                    DIR/scenario-bench are reused
#   KEEP=1           keep the scratch files (models, snapshots, scenarios, outputs)
#   RUNS=3           runs per command
#   SEED=2           seed of `reorg generate` and of the scenario
#   PERF=1           also profile apply and compare of the largest size with `perf record`
#                    (when perf is installed) and print the top symbols
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(100000:1000 1000000:10000); fi
runs=${RUNS:-3}
seed=${SEED:-2}

name=scenario
# shellcheck source=bench/common.sh
source bench/common.sh

bench_scratch

# timed OUT COMMAND...: run once under /usr/bin/time, stdout to OUT; sets $secs and $mib. A
# failure stops the script with the command and its error lines (warnings left out).
timed() {
    local out=$1 status=0
    shift
    /usr/bin/time -f "%e %M" -o "$timing" "$@" >"$out" 2>"$timing.err" || status=$?
    if [ "$status" -ne 0 ]; then
        echo "scenario.sh: exit status $status from: $*" >&2
        grep -v ': warning: ' "$timing.err" | head -20 >&2 || true
        exit 1
    fi
    read -r secs kib <"$timing"
    mib=$((kib / 1024))
}

# median OUT COMMAND...: RUNS runs; sets $med (median seconds), $range ("min–max"), $peak (MiB).
median() {
    local out=$1 i all=()
    shift
    peak=0
    for ((i = 0; i < runs; i++)); do
        timed "$out" "$@"
        all+=("$secs")
        if [ "$mib" -gt "$peak" ]; then peak=$mib; fi
    done
    read -r med range < <(median_range "${all[@]}")
}

# verdict SECONDS TARGET: "met" or "missed (N× the target)"; TARGET "" gives "—".
verdict() {
    if [ -z "$2" ]; then echo "—"; return; fi
    awk -v s="$1" -v t="$2" 'BEGIN {
        if (s <= t) print "met"; else printf "**missed** (%.1f× the target)\n", s / t }'
}

commas() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }
label() { if [ -n "$1" ]; then echo "≤ $1 s"; else echo "— (SPEC: at 1,000,000 posts)"; fi; }

rows=()
commands=()
largest=
for size in "${sizes[@]}"; do
    posts=${size%%:*}
    changes=${size##*:}
    dir=$work/generated-$posts-seed$seed
    snapshot=$dir.reorg
    scenario=$work/scenario-$posts-$changes-seed$seed.yaml
    if [ ! -f "$dir/posts.csv" ]; then
        rm -rf "$dir"
        "$reorg" generate --posts "$posts" --seed "$seed" -o "$dir" >/dev/null 2>&1
    fi
    [ -f "$snapshot" ] || "$reorg" pack "$dir" -o "$snapshot" >/dev/null 2>&1
    [ -f "$scenario" ] || /usr/bin/python3 bench/make_scenario.py "$dir" "$changes" "$seed" "$scenario"
    result=$work/result-$posts-$changes.reorg
    table=$work/compare-$posts-$changes.txt
    json=$work/compare-$posts-$changes.json
    cat "$snapshot" "$scenario" >/dev/null # warm the page cache

    load=$(cut -d' ' -f1 /proc/loadavg)
    target_apply='' target_compare='' target_load=''
    if [ "$posts" -ge 1000000 ] && [ "$changes" -ge 10000 ]; then
        target_apply=1.5 target_compare=10 target_load=0.5
    fi
    sz="$(commas "$posts") | $(commas "$changes")"

    median /dev/null "$reorg" validate "$snapshot"
    rows+=("| $sz | \`validate base.reorg\` | $med ($range) | $peak | $(label "$target_load") | $(verdict "$med" "$target_load") | $load |")
    median /dev/null "$reorg" stats "$snapshot"
    rows+=("| $sz | \`stats base.reorg\` | $med ($range) | $peak | $(label "$target_load") | $(verdict "$med" "$target_load") | $load |")

    # Loading and writing the snapshot with no change: the floor under apply.
    rm -f "$work/copy.reorg"
    median /dev/null "$reorg" pack "$snapshot" -o "$work/copy.reorg"
    rows+=("| $sz | \`pack base.reorg -o copy.reorg\` (load and write, no change) | $med ($range) | $peak | — | — | $load |")
    rm -f "$work/copy.reorg"

    rm -f "$result"
    median /dev/null "$reorg" apply "$snapshot" "$scenario" -o "$result"
    rows+=("| $sz | \`apply base.reorg scenario.yaml -o result.reorg\` | $med ($range) | $peak | $(label "$target_apply") | $(verdict "$med" "$target_apply") | $load |")
    # The result must be a valid model.
    "$reorg" validate "$result" >/dev/null 2>&1 ||
        { echo "scenario.sh: $result does not validate" >&2; exit 1; }

    median "$table" "$reorg" compare "$snapshot" "$scenario"
    rows+=("| $sz | \`compare base.reorg scenario.yaml > table.txt\` | $med ($range) | $peak | $(label "$target_compare") | $(verdict "$med" "$target_compare") | $load |")
    median "$json" "$reorg" compare "$snapshot" "$scenario" --json
    rows+=("| $sz | \`compare base.reorg scenario.yaml --json > compare.json\` | $med ($range) | $peak | $(label "$target_compare") | $(verdict "$med" "$target_compare") | $load |")
    affected=$(/usr/bin/python3 -c "import json,sys; print(int(json.load(open(sys.argv[1]))['rows']['affected_posts'][-1]))" "$json")
    if [ "$affected" -ne "$changes" ]; then
        echo "scenario.sh: compare reports $affected affected posts for $changes changes" >&2
        exit 1
    fi

    # The merger-review report of the same base and scenario (SPEC §8, §9: ≤ 30 s, page ≤ 20 MB).
    target_report=''
    if [ "$posts" -ge 1000000 ] && [ "$changes" -ge 10000 ]; then target_report=30; fi
    report=$work/report-$posts-$changes
    rm -rf "$report"
    median /dev/null "$reorg" report "$snapshot" --scenario "$scenario" -o "$report"
    page_mib=$(awk -v b="$(stat -c %s "$report/index.html")" 'BEGIN { printf "%.1f", b / 1048576 }')
    rows+=("| $sz | \`report base.reorg --scenario scenario.yaml -o report/\` (page $page_mib MiB; target ≤ 20) | $med ($range) | $peak | $(label "$target_report") | $(verdict "$med" "$target_report") | $load |")
    if [ "$posts" -ge 1000000 ] && awk -v m="$page_mib" 'BEGIN { exit !(m > 20) }'; then
        echo "scenario.sh: the report's page is $page_mib MiB, above the 20 MiB of SPEC §9" >&2
    fi

    commands+=("# $(commas "$posts") posts, $(commas "$changes") changes"
        "reorg generate --posts $posts --seed $seed -o DIR        # $(du -sm "$dir" | cut -f1) MiB of CSV"
        "reorg pack DIR -o base.reorg                             # $(du -m "$snapshot" | cut -f1) MiB"
        "python3 bench/make_scenario.py DIR $changes $seed scenario.yaml  # $(du -k "$scenario" | cut -f1) KiB"
        "reorg validate base.reorg; reorg stats base.reorg; reorg pack base.reorg -o copy.reorg"
        "reorg apply base.reorg scenario.yaml -o result.reorg     # $(du -m "$result" | cut -f1) MiB"
        "reorg compare base.reorg scenario.yaml > table.txt       # $(wc -l <"$table") lines"
        "reorg compare base.reorg scenario.yaml --json > compare.json  # $(du -k "$json" | cut -f1) KiB"
        "reorg report base.reorg --scenario scenario.yaml -o report/  # $(du -sm "$report" | cut -f1) MiB")
    largest=$posts:$changes
done

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(lscpu | sed -n 's/^Model name: *//p'); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Executable: $reorg_src, built $(date -u -r "$reorg_src" '+%F %H:%M UTC'); checkout now at $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- lib tools 2>/dev/null || echo ', with uncommitted changes in lib/ or tools/')"
echo "Whole command, start to exit, output written; median of $runs runs (range), largest peak RSS of the runs."
echo
echo "| posts | changes | command | wall s, median (range) | peak MiB | target (SPEC §9) | result | load avg before |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Commands:"
printf '    %s\n' "${commands[@]}"

if [ "${PERF:-0}" = 1 ] && command -v perf >/dev/null; then
    posts=${largest%%:*}
    changes=${largest##*:}
    snapshot=$work/generated-$posts-seed$seed.reorg
    scenario=$work/scenario-$posts-$changes-seed$seed.yaml
    for what in apply compare; do
        args=("$snapshot" "$scenario")
        [ "$what" = apply ] && args+=(-o "$work/result-perf.reorg")
        rm -f "$work/result-perf.reorg"
        perf record -q -g -o "$work/perf-$what.data" "$reorg" "$what" "${args[@]}" >/dev/null 2>&1
        echo
        echo "perf, reorg $what at $posts posts, $changes changes (self time, top symbols):"
        perf report -q -i "$work/perf-$what.data" --no-children -g none --sort symbol \
            --percent-limit 1 2>/dev/null | grep -E '^ +[0-9]' | head -25 | cut -c1-150 | sed 's/ *$//'
    done
fi
