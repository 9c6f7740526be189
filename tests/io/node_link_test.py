#!/usr/bin/python3
"""`reorg export json` is read by networkx.node_link_graph(data) with no arguments.

    node_link_test.py REORG

Writes a small model, exports it (with and without --units) and has every NetworkX it finds
read the file with node_link_graph(data): the one of the Python running this script and
Debian's (/usr/bin/python3; python3-networkx 2.8.8 in Debian 12 reads "links", NetworkX 3.6 and
later read "edges"). Each must see the model's nodes and edges. Exits 77 (skipped, for CTest's
SKIP_RETURN_CODE) when no Python here has NetworkX and $CI is unset; with $CI set that is a
failure (scripts/setup-debian.sh installs python3-networkx). Standard library only.
"""
import os
import subprocess
import sys
import tempfile

SKIPPED = 77

# 2 units, 4 posts, 3 reporting lines, 2 links between posts.
UNITS = "id,name,kind,parent,head\nORG,Org,administration,,A\nIT,IT,office,ORG,C\n"
POSTS = "id,title,unit,reports_to\nA,Chief,ORG,\nB,Clerk,ORG,A\nC,Head of IT,IT,A\nD,Tech,IT,C\n"
LINKS = "from,to,kind,weight\nB,C,collaborates,2\nD,A,dotted_line,\n"
EXPECTED = {
    (): (4, 5),  # posts; reporting lines and links
    ("--units",): (6, 10),  # and units; and 4 in_unit, 1 parent
}

READ = """
import json, sys
import networkx as nx
with open(sys.argv[1], encoding="utf-8") as f:
    graph = nx.node_link_graph(json.load(f))
print(nx.__version__, graph.number_of_nodes(), graph.number_of_edges())
"""


def pythons():
    """Distinct Python interpreters here that can import networkx."""
    found, seen = [], set()
    for python in (sys.executable, "/usr/bin/python3"):
        if not os.path.exists(python) or os.path.realpath(python) in seen:
            continue
        seen.add(os.path.realpath(python))
        probe = subprocess.run([python, "-c", "import networkx"], capture_output=True)
        if probe.returncode == 0:
            found.append(python)
    return found


def main():
    reorg = sys.argv[1]
    readers = pythons()
    if not readers:
        what = "no Python here has NetworkX (apt-get install python3-networkx)"
        if "CI" not in os.environ:
            print(f"SKIP: {what}", file=sys.stderr)
            return SKIPPED
        print(f"FAIL: {what}, and $CI is set", file=sys.stderr)
        return 1

    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        model = os.path.join(scratch, "model")
        os.mkdir(model)
        for name, text in (("units.csv", UNITS), ("posts.csv", POSTS), ("links.csv", LINKS)):
            with open(os.path.join(model, name), "w", encoding="utf-8") as f:
                f.write(text)
        for flags, (nodes, edges) in EXPECTED.items():
            out = os.path.join(scratch, "graph.json")
            export = subprocess.run([reorg, "export", "json", model, "-o", out, *flags],
                                    capture_output=True, text=True)
            if export.returncode != 0:
                print(f"FAIL: reorg export json {' '.join(flags)}: {export.stderr}", file=sys.stderr)
                return 1
            for python in readers:
                read = subprocess.run([python, "-c", READ, out], capture_output=True, text=True)
                if read.returncode != 0:
                    print(f"FAIL: {python} {' '.join(flags)}: {read.stderr}", file=sys.stderr)
                    failures += 1
                    continue
                version, got_nodes, got_edges = read.stdout.split()
                seen = (int(got_nodes), int(got_edges))
                verdict = "ok" if seen == (nodes, edges) else "FAIL"
                print(f"{verdict}: NetworkX {version} ({python}) {' '.join(flags)}: "
                      f"{seen[0]} nodes, {seen[1]} edges; expected {nodes}, {edges}")
                failures += verdict != "ok"
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
