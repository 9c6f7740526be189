#!/usr/bin/python3
"""Reads a graph that `reorg export` wrote, with NetworkX, and prints what NetworkX saw as JSON.

The oracle of tests/io/export_test.cpp: NetworkX (Debian's python3-networkx, run with
/usr/bin/python3) parses GraphML and GEXF with xml.etree, so a file that is not well-formed XML
fails here, and the strings it prints are the strings a real consumer gets back.

    read_graphml.py [--format graphml|gexf|json] FILE [--node ID]... [--edges-of ID]... [--all]

Prints {"directed", "multigraph", "nodes": count, "edges": count, "node": {id: attributes},
"edge": [[source, target, attributes], ...]}: "node" holds the nodes named by --node (every node
with --all), "edge" the edges leaving or entering a node named by --edges-of (every edge with
--all), sorted. Edge ids that NetworkX adds as attributes (`id`) are left out. Exits 1 with the
reader's message if NetworkX cannot read the file.
"""
import argparse
import json
import sys

import networkx as nx


def read(path, fmt):
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path)
    with open(path, encoding="utf-8") as f:
        return nx.node_link_graph(json.load(f))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--format", choices=["graphml", "gexf", "json"], default="graphml")
    parser.add_argument("--node", action="append", default=[])
    parser.add_argument("--edges-of", action="append", default=[])
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()

    try:
        graph = read(args.file, args.format)
    except Exception as error:  # the message is the test's evidence
        print(f"read_graphml.py: {type(error).__name__}: {error}", file=sys.stderr)
        return 1

    names = list(graph.nodes) if args.all else args.node
    missing = [n for n in names if n not in graph]
    if missing:
        print(f"read_graphml.py: no such node: {missing}", file=sys.stderr)
        return 1
    edges_of = set(args.edges_of)
    edges = []
    for source, target, data in graph.edges(data=True):
        if args.all or source in edges_of or target in edges_of:
            data = {k: v for k, v in data.items() if k != "id"}
            edges.append([source, target, data])
    edges.sort(key=lambda e: json.dumps(e, sort_keys=True, ensure_ascii=False))

    json.dump(
        {
            "directed": graph.is_directed(),
            "multigraph": graph.is_multigraph(),
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "node": {n: graph.nodes[n] for n in names},
            "edge": edges,
        },
        sys.stdout,
        ensure_ascii=False,
        sort_keys=True,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
