#!/usr/bin/env bash
# Regenerates every golden file in tests/golden/ from the cases in tests/golden/cases.txt, then
# shows what changed. Run it after an intended change of reorg's output, read the diff, commit.
#   bash scripts/approve-golden.sh          uses build/release/tools/reorg
#   REORG=path/to/reorg bash scripts/approve-golden.sh
set -euo pipefail
reorg="${REORG:-build/release/tools/reorg}"
# Resolve before leaving the caller's folder, so that a relative $REORG means what it says.
reorg="$(realpath -- "$reorg")"
cd "$(dirname "$0")/.."
golden=tests/golden
[ -x "$reorg" ] || { echo "approve-golden: no executable at $reorg (build it first)" >&2; exit 1; }

scratch="$(mktemp -d)"
trap 'rm -rf -- "$scratch"' EXIT

# Exit 0 when files $1 and $2 are the same but for decimal numbers within 1e-12 relative: the
# comparison golden_test.cpp makes for `approx` cases.
same_but_rounding() {
    python3 - "$1" "$2" <<'EOF'
import re, sys
number = re.compile(r"-?[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)")
def close(a, b):
    x, y = float(a), float(b)
    return abs(x - y) <= 1e-12 * max(abs(x), abs(y))
old, new = (open(p, encoding="utf-8").read().split("\n") for p in sys.argv[1:])
same = len(old) == len(new) and all(
    a == b or (number.sub("#", a) == number.sub("#", b)
               and all(close(x, y) for x, y in zip(number.findall(a), number.findall(b))))
    for a, b in zip(old, new))
sys.exit(0 if same else 1)
EOF
}

failed=0
while IFS=$'\t' read -r file expected_exit flags args; do
    case "$file" in '' | '#'*) continue ;; esac
    # As the test does: ARGS are shell words, run from the repository root.
    exit_code=0
    eval "\"\$reorg\" $args" >"$scratch/out" 2>"$scratch/err" </dev/null || exit_code=$?
    if [ "$exit_code" != "$expected_exit" ]; then
        echo "approve-golden: $file: reorg $args exited $exit_code, cases.txt expects" \
            "$expected_exit:" >&2
        cat "$scratch/err" >&2
        failed=1
    fi
    case ",$flags," in
        *,stderr,*) cat "$scratch/out" "$scratch/err" >"$scratch/new" ;;
        *) cp "$scratch/out" "$scratch/new" ;;
    esac
    # An approx file that still matches keeps its digits, so that the diff shows only changes.
    if [[ ",$flags," == *,approx,* ]] && [ -f "$golden/$file" ] &&
        same_but_rounding "$golden/$file" "$scratch/new"; then
        continue
    fi
    cp "$scratch/new" "$golden/$file"
done <"$golden/cases.txt"

git diff --stat -- "$golden"
git ls-files --others --exclude-standard -- "$golden" | sed 's/^/new: /'
exit "$failed"
