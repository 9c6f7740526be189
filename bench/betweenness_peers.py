"""Exact betweenness of a reorg model's work graph in a peer library, for bench/betweenness.sh.

    /usr/bin/python3 bench/betweenness_peers.py LIBRARY MODEL [--weighted] [--values FILE]
                                                [--k SOURCES]

LIBRARY is igraph, graph-tool or networkx. The work graph is built as reorg builds it: posts as
vertices (in posts.csv order), an undirected edge for every reporting line and every
dotted_line or collaborates link between two posts, self-loops dropped, parallel edges merged
keeping the shortest; with --weighted a link's weight is its length (1 without a weight, and
for reporting lines). Only the betweenness call is timed. Prints one JSON line; with --values
writes the normalised values (NetworkX's normalized=True), one per post, to FILE.
--k (NetworkX only) samples that many sources and scales the time by n/k: an estimate of the
exact run, labelled as such by the caller. Run with Debian's python3.
"""
import argparse
import csv
import json
import os
import time


def work_graph(folder, weighted):
    with open(os.path.join(folder, "posts.csv"), newline="", encoding="utf-8") as f:
        posts = list(csv.DictReader(f))
    index = {row["id"]: i for i, row in enumerate(posts)}
    lengths = {}

    def add(a, b, length):
        if a == b:
            return
        key = (a, b) if a < b else (b, a)
        if key not in lengths or length < lengths[key]:
            lengths[key] = length

    for i, row in enumerate(posts):
        if row["reports_to"]:
            add(i, index[row["reports_to"]], 1.0)
    with open(os.path.join(folder, "links.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["kind"] not in ("dotted_line", "collaborates"):
                continue
            a, b = index.get(row["from"]), index.get(row["to"])
            if a is None or b is None:
                continue
            add(a, b, float(row["weight"]) if weighted and row["weight"] else 1.0)
    edges = sorted(lengths)
    return len(posts), edges, [lengths[e] for e in edges]


def run_igraph(n, edges, weights, weighted, _k):
    import igraph

    graph = igraph.Graph(n=n, edges=edges, directed=False)
    start = time.perf_counter()
    raw = graph.betweenness(directed=False, weights=weights if weighted else None)
    seconds = time.perf_counter() - start
    scale = 2.0 / ((n - 1) * (n - 2))  # igraph counts each unordered pair once
    return seconds, [x * scale for x in raw], {"threads": 1}


def run_graph_tool(n, edges, weights, weighted, _k):
    import graph_tool.all as gt
    import numpy

    threads = int(os.environ.get("OMP_NUM_THREADS", "2"))
    gt.openmp_set_num_threads(threads)
    graph = gt.Graph(directed=False)
    graph.add_vertex(n)
    graph.add_edge_list(numpy.array(edges, dtype=numpy.int64))
    length = None
    if weighted:
        length = graph.new_edge_property("double")
        length.a = numpy.array(weights, dtype=numpy.float64)
    start = time.perf_counter()
    vertex, _edge = gt.betweenness(graph, weight=length, norm=True)
    seconds = time.perf_counter() - start
    # graph-tool's norm=True is 2/((n−1)(n−2)) over unordered pairs: NetworkX's normalisation.
    return seconds, list(vertex.a), {"threads": threads}


def run_networkx(n, edges, weights, weighted, k):
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    if weighted:
        graph.add_weighted_edges_from((a, b, w) for (a, b), w in zip(edges, weights))
    else:
        graph.add_edges_from(edges)
    start = time.perf_counter()
    values = nx.betweenness_centrality(graph, normalized=True, weight="weight" if weighted else None,
                                       k=k, seed=1 if k else None)
    seconds = time.perf_counter() - start
    extra = {"threads": 1}
    if k:
        extra.update({"sampled_sources": k, "measured_s": round(seconds, 3)})
        seconds *= n / k
    return seconds, [values[v] for v in range(n)], extra


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("library", choices=["igraph", "graph-tool", "networkx"])
    parser.add_argument("model")
    parser.add_argument("--weighted", action="store_true")
    parser.add_argument("--values")
    parser.add_argument("--k", type=int)
    args = parser.parse_args()
    n, edges, weights = work_graph(args.model, args.weighted)
    run = {"igraph": run_igraph, "graph-tool": run_graph_tool, "networkx": run_networkx}[args.library]
    seconds, values, extra = run(n, edges, weights, args.weighted, args.k)
    if args.values:
        with open(args.values, "w", encoding="utf-8") as f:
            f.writelines("%.17g\n" % x for x in values)
    print(json.dumps(dict({"library": args.library, "posts": n, "edges": len(edges),
                           "weighted": args.weighted, "seconds": round(seconds, 3)}, **extra)))


if __name__ == "__main__":
    main()
