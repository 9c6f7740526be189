"""The peer side of bench/commands.sh: what a python-igraph or NetworkX user would write for the
nearest equivalent of a reorg command, as one whole process (timed from outside, start to exit).

    /usr/bin/python3 bench/peers_commands.py LIBRARY TASK MODEL OUT [--k SOURCES] [--seed S]

LIBRARY is igraph or networkx; MODEL a reorg CSV folder (posts.csv and links.csv); OUT the
JSON file written. Every task first loads the CSV files with the csv module and builds the work
graph as reorg builds it: posts as vertices in posts.csv order, an undirected edge for every
reporting line (reports_to) and every dotted_line or collaborates link between two posts,
self-loops dropped, parallel edges merged (igraph: simplify(); NetworkX: nx.Graph merges them).
TASK is one of
  load          build the graph; OUT: vertex and edge counts
  stats         as load, then basic figures: vertex and edge counts, the degree summary (library
                call), the span of control of the managers and the layers of the reporting lines
                (plain Python over posts.csv, as reorg stats reports them)
  articulation  as load, then the articulation points (library call); OUT: their post ids
  betweenness   NetworkX only: betweenness_centrality(normalized=True, k=SOURCES, seed=S),
                Brandes from SOURCES sampled sources (default 1000), scaled by n/k; OUT: the top
                ten. python-igraph 0.10 has no sampled betweenness (cutoff= limits path
                lengths, it does not sample), so "igraph betweenness" exits with status 2.
OUT also records the seconds of each phase and the peak RSS, for the reader; the caller times
the whole process. Run with Debian's python3 (python3-igraph, python3-networkx).
"""
import argparse
import csv
import json
import os
import resource
import statistics
import sys
import time

WORK_LINKS = ("dotted_line", "collaborates")


def read_model(folder):
    """Post ids, the reporting line of each post (index or -1) and the work graph's edges."""
    with open(os.path.join(folder, "posts.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        id_col, manager_col = header.index("id"), header.index("reports_to")
        rows = [(row[id_col], row[manager_col]) for row in reader if row]
    ids = [post for post, _ in rows]
    index = {post: i for i, post in enumerate(ids)}
    managers = [index.get(manager, -1) if manager else -1 for _, manager in rows]
    edges = [(i, m) for i, m in enumerate(managers) if m >= 0 and m != i]
    with open(os.path.join(folder, "links.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        a_col, b_col, kind_col = header.index("from"), header.index("to"), header.index("kind")
        for row in reader:
            if not row or row[kind_col] not in WORK_LINKS:
                continue
            a, b = index.get(row[a_col]), index.get(row[b_col])
            if a is not None and b is not None and a != b:
                edges.append((a, b))
    return ids, managers, edges


def build_igraph(n, edges):
    import igraph

    graph = igraph.Graph(n=n, edges=edges, directed=False)
    graph.simplify(multiple=True, loops=True)
    return graph


def build_networkx(n, edges):
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    return graph


def summary(values):
    if not values:
        return {"min": 0, "median": 0, "mean": 0, "max": 0}
    return {"min": min(values), "median": statistics.median(values),
            "mean": round(sum(values) / len(values), 4), "max": max(values)}


def reporting_figures(managers):
    """Span of control of every manager and the layer of every post (a top post is layer 1)."""
    reports = [0] * len(managers)
    for m in managers:
        if m >= 0:
            reports[m] += 1
    spans = [r for r in reports if r > 0]
    children = [[] for _ in managers]
    for i, m in enumerate(managers):
        if m >= 0:
            children[m].append(i)
    layer = [0] * len(managers)
    stack = [i for i, m in enumerate(managers) if m < 0]
    for i in stack:
        layer[i] = 1
    while stack:
        i = stack.pop()
        for c in children[i]:
            layer[c] = layer[i] + 1
            stack.append(c)
    return {"managers": len(spans), "span_of_control": summary(spans),
            "layers": {"max": max(layer, default=0),
                       "mean": round(sum(layer) / max(len(layer), 1), 4)}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("library", choices=["igraph", "networkx"])
    parser.add_argument("task", choices=["load", "stats", "articulation", "betweenness"])
    parser.add_argument("model")
    parser.add_argument("out")
    parser.add_argument("--k", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.library == "igraph" and args.task == "betweenness":
        print("peers_commands.py: python-igraph has no sampled betweenness", file=sys.stderr)
        sys.exit(2)

    start = time.perf_counter()
    ids, managers, edges = read_model(args.model)
    n = len(ids)
    build = build_igraph if args.library == "igraph" else build_networkx
    graph = build(n, edges)
    del edges
    if args.library == "igraph":
        import igraph
        version, vertices, edge_count = igraph.__version__, graph.vcount(), graph.ecount()
    else:
        import networkx as nx
        version, vertices, edge_count = nx.__version__, graph.number_of_nodes(), graph.number_of_edges()
    loaded = time.perf_counter()
    result = {"library": args.library, "version": version, "task": args.task,
              "vertices": vertices, "edges": edge_count}

    if args.task == "stats":
        degrees = graph.degree() if args.library == "igraph" else [d for _, d in graph.degree()]
        result["degree"] = summary(degrees)
        result.update(reporting_figures(managers))
    elif args.task == "articulation":
        if args.library == "igraph":
            points = graph.articulation_points()
        else:
            import networkx as nx
            points = list(nx.articulation_points(graph))
        result["articulation_points"] = len(points)
        result["posts"] = sorted(ids[p] for p in points)
    elif args.task == "betweenness":
        import networkx as nx
        k = min(args.k, n)
        values = nx.betweenness_centrality(graph, k=k, normalized=True, seed=args.seed)
        top = sorted(values.items(), key=lambda item: -item[1])[:10]
        result["sampled_sources"] = k
        result["top"] = [[ids[v], value] for v, value in top]

    done = time.perf_counter()
    result["load_s"] = round(loaded - start, 3)
    result["task_s"] = round(done - loaded, 3)
    result["peak_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
