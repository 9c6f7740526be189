#!/usr/bin/env bash
# Builds the fuzz targets' seed corpora, build/fuzz/corpus/<target>/, from the repository's own
# files: data/, tests/data, the inputs the tests write inline, and fuzz/seeds/ (scenarios and
# rules over data/minimal, the base model of the scenario, rules and condition targets). The
# snapshots are made with `reorg pack`: REORG names the executable (default: the release
# build's). Corpus files are named by their SHA-1, so rerunning adds nothing twice; what the
# fuzzer added to a corpus stays.
set -euo pipefail
cd "$(dirname "$0")/.."
reorg="${REORG:-build/release/tools/reorg}"
out=build/fuzz/corpus
mkdir -p "$out"

python3 - "$out" <<'PY'
import csv, hashlib, io, os, re, sys

out = sys.argv[1]
count = {}

def seed(target, text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, hashlib.sha1(data).hexdigest())
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)
    count[target] = count.get(target, 0) + 1

def read(path):
    with open(path, "rb") as f:
        return f.read()

def raw_strings(path):
    """The C++ raw strings R"(...)" of a test file."""
    return re.findall(r'R"\((.*?)\)"', read(path).decode("utf-8"), re.S)

sep = b"----\n"
tables = ["units.csv", "posts.csv", "people.csv", "links.csv", "findings.csv"]

# csv_model: the model folders, whole and cut to their first rows, then the test's own tables.
kommun = [read(os.path.join("data/kommun", t)) for t in tables]
seed("csv_model", sep.join(kommun))
for rows in (3, 12):
    seed("csv_model", sep.join(b"".join(f.splitlines(True)[: rows + 1]) for f in kommun))
seed("csv_model", sep.join(kommun[:2]))
seed("csv_model", b"#cp1252\n" + sep.join(kommun[:3]).decode("utf-8").encode("cp1252", "replace"))
csv_test = read("tests/io/load_csv_test.cpp").decode("utf-8")
parts = {}
for name in ("kUnits", "kPosts", "kPeople", "kLinks", "kFindings"):
    m = re.search(name + r' = R"\((.*?)\)"', csv_test, re.S)
    parts[name] = m.group(1) if m else ""
seed("csv_model", "----\n".join(parts[n] for n in ("kUnits", "kPosts", "kPeople", "kLinks", "kFindings")))

# yaml_model: the YAML models and the YAML the tests write.
for path in ("data/minimal/model.yaml", "tests/data/unit-graph.yaml"):
    seed("yaml_model", read(path))
for text in raw_strings("tests/io/load_yaml_test.cpp"):
    seed("yaml_model", text)

# organogram: each senior file alone and with its junior file.
org = "tests/data/organogram"
for name in ("examples", "hefce"):
    senior = read(f"{org}/{name}-senior.csv")
    seed("organogram", senior)
    seed("organogram", senior + (b"" if senior.endswith(b"\n") else b"\n") + sep + read(f"{org}/{name}-junior.csv"))

# hr_csv: the column line (id|manager|title|unit|name|fte|cost), then the file.
hr = {
    "tests/data/hr/staff.csv": "Employee ID|Manager ID|Job title|Department|Full name|FTE|Annual cost",
    "tests/data/hr/personal.csv": "Anst.nr|Chef|Befattning|Enhet|Namn|Tjänstgöringsgrad|Lönekostnad",
}
for path, columns in hr.items():
    seed("hr_csv", columns.encode() + b"\n" + read(path))
    seed("hr_csv", b"#cp1252\n" + (columns + "\n").encode("cp1252") + read(path).decode("utf-8").encode("cp1252"))
seed("hr_csv", b"Employee ID||||||\n" + read("tests/data/hr/staff.csv"))

# scenario: the example scenarios, those over data/minimal, and the tests' own.
for folder in ("data/kommun/scenarios", "fuzz/seeds/scenario"):
    for name in sorted(os.listdir(folder)):
        seed("scenario", read(os.path.join(folder, name)))
for name in sorted(os.listdir("tests/scenario")):
    if name.endswith("_test.cpp"):
        for text in raw_strings(os.path.join("tests/scenario", name)):
            seed("scenario", text if "changes:" in text else "changes:\n" + text)

# rules: the example rules, those over data/minimal, and the tests' own.
seed("rules", read("data/kommun/rules.yaml"))
seed("rules", read("fuzz/seeds/rules/minimal.yaml"))
for text in raw_strings("tests/check/rules_test.cpp"):
    seed("rules", text)

# condition: the findings' checks, the rules' checks and the tests' quoted conditions.
for path in ("data/kommun/findings.csv",):
    for row in csv.DictReader(io.StringIO(read(path).decode("utf-8"))):
        if row.get("check"):
            seed("condition", row["check"])
for folder, names in (("data/kommun", ["rules.yaml"]), ("fuzz/seeds/rules", ["minimal.yaml"])):
    for name in names:
        for m in re.finditer(r'check: "(.*)"', read(os.path.join(folder, name)).decode("utf-8")):
            seed("condition", m.group(1))
for name in ("tests/model/condition_test.cpp", "tests/check/evaluate_test.cpp"):
    for m in re.finditer(r'"((?:[^"\\\n]|\\.)*\([^"\n]*\)(?:[^"\\\n]|\\.)*)"', read(name).decode("utf-8")):
        seed("condition", m.group(1).encode().decode("unicode_escape").encode("latin-1", "replace"))

for target in sorted(count):
    print(f"seeds: {target}: {count[target]} inputs")
PY

# snapshot: the example models packed.
if [ -x "$reorg" ]; then
    mkdir -p "$out/snapshot"
    for model in data/minimal/model.yaml data/kommun; do
        name=$(basename "${model%.yaml}")
        "$reorg" pack "$model" -o "$out/snapshot/$name.reorg" >/dev/null
    done
    echo "seeds: snapshot: $(ls "$out/snapshot" | wc -l) inputs"
else
    echo "seeds: $reorg is not built: the snapshot target starts from an empty corpus" >&2
    mkdir -p "$out/snapshot"
fi
