#!/usr/bin/env bash
# Runs every fuzz target (fuzz/, README "Fuzzing") for SECONDS each, one after the other:
#   scripts/fuzz.sh SECONDS [TARGET...]
# Builds the fuzz preset (clang, libFuzzer, ASan + UBSan), refreshes the seed corpora
# (fuzz/seeds.sh), runs each target on its corpus with its dictionary and prints a table: run
# time, executions, coverage (cov: and ft: of libFuzzer's last status line) and findings. What
# a target finds (crash-*, leak-*, timeout-*, oom-* inputs) is kept in build/fuzz/findings/
# and fails the script; the logs are in build/fuzz/logs/. New inputs the fuzzer finds stay in
# build/fuzz/corpus/<target>/ for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: scripts/fuzz.sh SECONDS [TARGET...]" >&2; exit 2; }
seconds=$1
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] ||
    targets=(csv_model yaml_model snapshot organogram hr_csv scenario rules condition)
export CCACHE_DIR="${CCACHE_DIR:-$PWD/build/ccache}"
jobs="${JOBS:-$(nproc)}"

echo "== fuzz: build"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target "${targets[@]/#/fuzz_}"
bash fuzz/seeds.sh

findings=build/fuzz/findings
logs=build/fuzz/logs
mkdir -p "$findings" "$logs"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
failed=()
rows=()
for target in "${targets[@]}"; do
    echo "== fuzz: $target, ${seconds} s"
    mkdir -p "$findings/$target"
    before=$(find "$findings/$target" -type f | wc -l)
    log="$logs/$target.log"
    start=$(date +%s)
    status=0
    "build/fuzz/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict="fuzz/dict/$target.dict" -print_final_stats=1 \
        -artifact_prefix="$findings/$target/" "build/fuzz/corpus/$target" >"$log" 2>&1 ||
        status=$?
    took=$(($(date +%s) - start))
    after=$(find "$findings/$target" -type f | wc -l)
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    # The last status line ("#1234 DONE cov: 567 ft: 890 corp: ...") carries the coverage.
    status_line=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status_line")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status_line")
    found=$((after - before))
    rows+=("$(printf '%-11s %6s %12s %7s %7s %9s' "$target" "$took" "${executions:-?}" \
        "${cov:-?}" "${ft:-?}" "$found")")
    if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
        failed+=("$target")
        echo "fuzz: $target failed (exit $status, $found new findings in $findings/$target; log $log):" >&2
        grep -E 'ERROR: |SUMMARY: |runtime error|terminate called|Test unit written' "$log" |
            head -8 >&2 || true
    fi
done

echo "== fuzz: results (${seconds} s per target)"
printf '%-11s %6s %12s %7s %7s %9s\n' target "s" executions cov ft findings
printf '%s\n' "${rows[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in ${failed[*]}: see $findings/ and $logs/" >&2
    exit 1
fi
