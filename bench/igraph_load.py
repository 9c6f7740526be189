"""Loads a reorg CSV model folder into python-igraph the way a user of that library would:
read posts.csv and links.csv with the csv module, map ids to vertex numbers, build the graph.
Prints one JSON line with the time taken and the peak memory. Run with Debian's python3."""
import csv
import json
import resource
import sys
import time

import igraph


def main(folder):
    start = time.perf_counter()
    index = {}
    edges = []
    with open(f"{folder}/posts.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for i, row in enumerate(rows):
        index[row["id"]] = i
    for row in rows:
        if row["reports_to"]:
            edges.append((index[row["id"]], index[row["reports_to"]]))
    with open(f"{folder}/links.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b = index.get(row["from"]), index.get(row["to"])
            if a is not None and b is not None:
                edges.append((a, b))
    graph = igraph.Graph(n=len(rows), edges=edges, directed=False)
    graph.vs["name"] = [row["id"] for row in rows]
    load = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"model": folder, "posts": graph.vcount(), "edges": graph.ecount(),
                      "load_s": round(load, 3), "peak_mib": round(peak)}))


if __name__ == "__main__":
    main(sys.argv[1])
