#!/usr/bin/python3
"""Writes the NetworkX reference values that tests/analysis/centrality_test.cpp compares against.

Run with Debian's python3 (python3-networkx), from anywhere:

    /usr/bin/python3 tests/data/betweenness/make_reference.py

One JSON file per graph, beside this script:
    {"name", "description", "networkx", "vertices", "weighted",
     "edges": [[a, b] or [a, b, weight], ...],
     "betweenness": [value of vertex 0, 1, ...]}
Vertices are numbered 0..n-1 (named graphs: in sorted name order, the names kept in "names").
The values are nx.betweenness_centrality(G, normalized=True, weight=None or "weight"), the
weighted ones with the weights as distances. Fractional weights are drawn so that no two
different paths have equal lengths (NetworkX compares lengths exactly; reorg within a relative
tolerance), so both agree; the tie behaviour is tested separately by hand.
"""
import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def numbered(graph):
    """The graph relabelled 0..n-1 (sorted names) and the names in that order."""
    names = sorted(graph.nodes(), key=str)
    index = {name: i for i, name in enumerate(names)}
    return nx.relabel_nodes(graph, index), [str(name) for name in names]


def write(name, description, graph, weighted=False, names=None):
    n = graph.number_of_nodes()
    assert sorted(graph.nodes()) == list(range(n)), name
    edges = []
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (min(e[0], e[1]), max(e[0], e[1]))):
        a, b = min(a, b), max(a, b)
        edges.append([a, b, data["weight"]] if weighted else [a, b])
    values = nx.betweenness_centrality(graph, normalized=True, weight="weight" if weighted else None)
    document = {
        "name": name,
        "description": description,
        "networkx": nx.__version__,
        "call": "betweenness_centrality(G, normalized=True, weight=%s)" % ('"weight"' if weighted else "None"),
        "vertices": n,
        "weighted": weighted,
        "edges": edges,
        "betweenness": [values[v] for v in range(n)],
    }
    if names is not None:
        document["names"] = names
    # One key per line and one edge per line: readable, and diffs stay small.
    lines = []
    for key, value in document.items():
        if key == "edges":
            body = ",\n  ".join(json.dumps(edge) for edge in value)
            lines.append('"edges": [\n  %s\n ]' % body if value else '"edges": []')
        else:
            lines.append("%s: %s" % (json.dumps(key), json.dumps(value, ensure_ascii=False)))
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        f.write("{\n " + ",\n ".join(lines) + "\n}\n")


def with_weights(graph, seed, draw):
    rng = random.Random(seed)
    graph = graph.copy()
    for a, b in sorted(graph.edges()):
        graph[a][b]["weight"] = draw(rng)
    return graph


def main():
    write("krackhardt_kite", "Krackhardt's kite (10 vertices)", nx.krackhardt_kite_graph())
    florentine, names = numbered(nx.florentine_families_graph())
    write("florentine_families", "Padgett's Florentine families (15 vertices)", florentine, names=names)
    karate = nx.karate_club_graph()
    unweighted = nx.Graph()
    unweighted.add_nodes_from(karate.nodes())
    unweighted.add_edges_from(karate.edges())
    write("karate_club", "Zachary's karate club (34 vertices)", unweighted)
    write("karate_club_weighted", "Zachary's karate club with its integer weights (1..7) as distances",
          karate, weighted=True)

    # Seeded random graphs; the sparse ones fall apart into several parts.
    for n, p, seed in [(30, 0.06, 1), (60, 0.08, 2), (100, 0.05, 3), (150, 0.03, 4), (200, 0.04, 5)]:
        graph = nx.gnp_random_graph(n, p, seed=seed)
        parts = nx.number_connected_components(graph)
        tag = "gnp_%d_%s_seed%d" % (n, str(p).replace(".", ""), seed)
        write(tag, "G(n=%d, p=%g), seed %d: %d connected part%s" % (n, p, seed, parts, "s" if parts > 1 else ""),
              graph)
        write(tag + "_int", "the same with integer weights 1..5 (random.Random(%d))" % seed,
              with_weights(graph, seed, lambda rng: rng.randint(1, 5)), weighted=True)
        write(tag + "_frac", "the same with fractional weights uniform in [0.5, 3) (random.Random(%d))" % seed,
              with_weights(graph, seed, lambda rng: rng.uniform(0.5, 3.0)), weighted=True)
    write("barabasi_albert_120", "Barabási–Albert, 120 vertices, m = 2, seed 6",
          nx.barabasi_albert_graph(120, 2, seed=6))
    write("watts_strogatz_80", "Watts–Strogatz, 80 vertices, k = 4, p = 0.1, seed 7 (many equal paths)",
          nx.watts_strogatz_graph(80, 4, 0.1, seed=7))
    grid = nx.convert_node_labels_to_integers(nx.grid_2d_graph(6, 7), ordering="sorted")
    write("grid_6x7", "a 6×7 grid (many shortest paths per pair)", grid)
    write("grid_6x7_int", "the 6×7 grid with integer weights 1..3 (random.Random(8))",
          with_weights(grid, 8, lambda rng: rng.randint(1, 3)), weighted=True)

    disconnected = nx.disjoint_union_all([nx.path_graph(4), nx.cycle_graph(5), nx.star_graph(3),
                                          nx.empty_graph(2)])
    write("disconnected", "a path of 4, a cycle of 5, a star of 4 and 2 isolated vertices", disconnected)

    # Normalisation edge cases.
    write("path_7", "a path of 7 vertices", nx.path_graph(7))
    write("star_6", "a star: centre 0 and 5 leaves", nx.star_graph(5))
    write("single_vertex", "one vertex (NetworkX gives 0 for n <= 2)", nx.empty_graph(1))
    write("two_vertices", "two vertices and their edge (0 for n <= 2)", nx.path_graph(2))
    write("three_isolated", "three vertices, no edges", nx.empty_graph(3))


if __name__ == "__main__":
    main()
