# Shared set-up of the whole-command benchmarks (commands.sh, scenario.sh), sourced from the
# repository's top folder after the caller has set `name` (the benchmark's name, for messages
# and folders). Defines:
#   reorg_src    the executable to measure: REORG, or build/release/tools/reorg (set up and
#                built first when missing)
#   bench_scratch  makes the scratch folder and sets base_dir, work (BENCH_DIR/NAME-bench, or a
#                new folder under /tmp), timing, and reorg: a copy of reorg_src in work, so that a
#                rebuild during the run does not change what is measured. The folder goes at
#                exit unless KEEP=1.
#   median_range   "MEDIAN MIN–MAX" of the seconds given, each to two decimals

reorg_src=${REORG:-build/release/tools/reorg}
if [ ! -x "$reorg_src" ]; then
    if [ -n "${REORG:-}" ]; then
        echo "$name.sh: REORG=$REORG is not an executable" >&2
        exit 1
    fi
    bash scripts/setup-debian.sh
    cmake --preset release >/dev/null
    cmake --build --preset release --target reorg_cli >/dev/null
fi

bench_cleanup() {
    rm -f "$work/reorg" "$work/timing" "$work/timing.err"
    if [ "${KEEP:-0}" = 1 ]; then
        echo "$name.sh: kept $work" >&2
        return
    fi
    rm -rf "$work"
    if [ "$made_base" = 1 ]; then rmdir "$base_dir" 2>/dev/null || true; fi
}

bench_scratch() {
    if [ -n "${BENCH_DIR:-}" ]; then
        mkdir -p "$BENCH_DIR"
        base_dir=$BENCH_DIR made_base=0
    else
        base_dir=$(mktemp -d "/tmp/reorg-$name-bench.XXXXXX") made_base=1
    fi
    work=$base_dir/$name-bench
    mkdir -p "$work"
    trap bench_cleanup EXIT
    cp "$reorg_src" "$work/reorg"
    reorg=$work/reorg
    timing=$work/timing
}

median_range() {
    printf '%s\n' "$@" | sort -g | awk '
        { v[NR] = $1 }
        END {
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%.2f %.2f–%.2f\n", m, v[1], v[NR]
        }'
}
