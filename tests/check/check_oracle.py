#!/usr/bin/env python3
"""Independent reference implementation (oracle) of the checks of SPEC 4.1 and the rules of
SPEC 4.2, for comparing `reorg findings`, `reorg compare` and `reorg check` with.

Deliberately naive: its own parser, plain dicts, every figure recomputed from the tables for
every call, NetworkX for betweenness and articulation points. It reads models with the apply
oracle's reader (tests/scenario/oracle_apply.py) and applies scenarios with it; lineage is
derived here from the scenario's changes. It shares no code with lib/ (tests/check/README.md).
"""

import math
import os
import re
import sys

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenario"))
import oracle_apply  # noqa: E402

FUNCTIONS = {"posts": 1, "vacant": 1, "fte": 1, "cost": 1, "managers": 1, "span": 1,
             "max_span": 1, "min_span": 1, "layers": 1, "load": 1, "cut_off": 1,
             "single_points": 1, "distance": 2, "betweenness": 1, "members": 1, "exists": 1}
# What each argument names: u unit, p post, x post or unit, g group, a anything.
KINDS = {"posts": "u", "vacant": "x", "fte": "u", "cost": "u", "managers": "u", "span": "p",
         "max_span": "u", "min_span": "u", "layers": "u", "load": "u", "cut_off": "p",
         "single_points": "u", "distance": "xg", "betweenness": "p", "members": "g",
         "exists": "a"}
OPS = ("<=", ">=", "==", "!=", "<", ">")
TOKEN = re.compile(r"\s*(?:(<=|>=|==|!=|<|>)|([(),])|'([^']*)'|\"([^\"]*)\"|([^\s(),<>=!'\"]+))")


# ---------------------------------------------------------------- parsing

def tokens(text):
    out, i = [], 0
    while i < len(text):
        if text[i:].strip() == "":
            break
        m = TOKEN.match(text, i)
        if not m:
            raise ValueError("cannot read %r" % text[i:])
        op, punct, q1, q2, word = m.groups()
        if op:
            out.append(("op", op))
        elif punct:
            out.append((punct, punct))
        elif q1 is not None or q2 is not None:
            out.append(("id", q1 if q1 is not None else q2))
        else:
            out.append(("word", word))
        i = m.end()
    out.append(("end", ""))
    return out


def parse(text):
    """('cmp', op, left, right) | ('and', [..]) | ('or', [..]) | ('not', c); a value is
    ('num', x) or ('fn', name, [ids])."""
    toks = tokens(text)
    pos = [0]

    def peek():
        return toks[pos[0]]

    def take():
        pos[0] += 1
        return toks[pos[0] - 1]

    def value():
        kind, t = take()
        if kind != "word":
            raise ValueError("expected a value")
        try:
            x = float(t)
            if t[0] in "0123456789-." and math.isfinite(x):
                return ("num", x)
        except ValueError:
            pass
        if t not in FUNCTIONS or take()[0] != "(":
            raise ValueError("not a function: %s" % t)
        args = []
        while True:
            kind, a = take()
            if kind not in ("word", "id"):
                raise ValueError("expected an id")
            args.append(a)
            kind, _ = take()
            if kind == ")":
                break
            if kind != ",":
                raise ValueError("expected , or )")
        return ("fn", t, args)

    def primary():
        if peek()[0] == "(":
            take()
            c = disjunction()
            if take()[0] != ")":
                raise ValueError("expected )")
            return c
        left = value()
        kind, op = take()
        if kind != "op":
            raise ValueError("expected a comparison")
        return ("cmp", op, left, value())

    def negation():
        if peek() == ("word", "not"):
            take()
            return ("not", negation())
        return primary()

    def joined(word, part):
        items = [part()]
        while peek() == ("word", word):
            take()
            items.append(part())
        return items[0] if len(items) == 1 else (word, items)

    def conjunction():
        return joined("and", negation)

    def disjunction():
        return joined("or", conjunction)

    c = disjunction()
    if peek()[0] != "end":
        raise ValueError("trailing text")
    return c


def ids_of(c):
    """Every (function, argument index, id) left to right."""
    if c[0] == "cmp":
        out = []
        for v in (c[2], c[3]):
            if v[0] == "fn":
                out += [(v[1], i, a) for i, a in enumerate(v[2])]
        return out
    if c[0] == "not":
        return ids_of(c[1])
    return [x for part in c[1] for x in ids_of(part)]


# ---------------------------------------------------------------- figures, naively

class Figures:
    """Every function of the language on one oracle_apply model."""

    def __init__(self, model, findings=()):
        self.m = model
        self.findings = set(findings)
        self._graph = None
        self._betweenness = None
        self._articulation = None

    def units_under(self, u):
        out, todo = [], [u]
        while todo:
            x = todo.pop()
            out.append(x)
            todo += [k for k, v in self.m["units"].items() if v["parent"] == x]
        return set(out)

    def posts_in(self, u):
        under = self.units_under(u)
        return [p for p in self.m["posts"].values() if p["unit"] in under]

    def span(self, pid):
        return sum(1 for p in self.m["posts"].values() if p["reports_to"] == pid)

    def layer(self, pid):
        n, seen = 0, set()
        while pid is not None and pid not in seen:
            seen.add(pid)
            n += 1
            pid = self.m["posts"][pid]["reports_to"]
        return n

    def graph(self):
        if self._graph is None:
            g = nx.Graph()
            g.add_nodes_from(self.m["posts"])
            for p in self.m["posts"].values():
                if p["reports_to"]:
                    g.add_edge(p["id"], p["reports_to"])
            for l in self.m["links"]:
                if l["kind"] in ("dotted_line", "collaborates") and l["from"] in self.m["posts"] \
                        and l["to"] in self.m["posts"] and l["from"] != l["to"]:
                    g.add_edge(l["from"], l["to"])
            self._graph = g
        return self._graph

    def articulation(self):
        if self._articulation is None:
            self._articulation = set(nx.articulation_points(self.graph()))
        return self._articulation

    def cut_off(self, pid):
        if pid not in self.articulation():
            return 0
        g = self.graph()
        part = nx.node_connected_component(g, pid)
        rest = g.subgraph(part - {pid})
        sizes = [len(c) for c in nx.connected_components(rest)]
        return len(part) - 1 - max(sizes)

    def load(self, u):
        cap = self.m["units"][u]["capacity"]
        if not cap:
            return 0.0
        volume = sum(l["weight"] or 0 for l in self.m["links"]
                     if l["kind"] == "serves" and l["from"] == u and l["from_type"] == "unit")
        return volume / cap

    def members(self, g):
        return {l["from"] for l in self.m["links"]
                if l["kind"] == "member_of" and l["to"] == g and l["from"] in self.m["posts"]}

    def post_distance(self, pid, group):
        if group is None:
            return self.layer(pid) - 1
        if self.m["units"][group]["kind"] != "group":
            return math.inf
        members = self.members(group)
        hops = 0
        while pid is not None:
            if pid in members:
                return hops
            pid = self.m["posts"][pid]["reports_to"]
            hops += 1
        return math.inf

    def betweenness(self, pid):
        if self._betweenness is None:
            self._betweenness = nx.betweenness_centrality(self.graph(), normalized=True)
        return self._betweenness[pid]

    def value(self, name, refs):
        """refs: [(id, 'unit'|'post')] resolved in this model."""
        (a, t) = refs[0]
        if name == "exists":
            return 1.0 if (a in self.m["units"] or a in self.m["posts"] or a in self.findings) \
                else 0.0
        if name == "posts":
            return len(self.posts_in(a))
        if name == "vacant":
            if t == "post":
                return 1.0 if self.m["posts"][a]["person"] is None else 0.0
            return sum(1 for p in self.posts_in(a) if p["person"] is None)
        if name == "fte":
            return sum(1.0 if p["fte"] is None else p["fte"] for p in self.posts_in(a))
        if name == "cost":
            return sum(p["cost"] or 0.0 for p in self.posts_in(a))
        spans = [self.span(p["id"]) for p in self.posts_in(a)] if t == "unit" else []
        managers = [s for s in spans if s > 0]
        if name == "managers":
            return len(managers)
        if name == "max_span":
            return max(managers, default=0)
        if name == "min_span":
            return min(managers, default=0)
        if name == "layers":
            return max((self.layer(p["id"]) for p in self.posts_in(a)), default=0)
        if name == "span":
            return self.span(a)
        if name == "load":
            return self.load(a)
        if name == "cut_off":
            return self.cut_off(a)
        if name == "single_points":
            points = self.articulation()
            return sum(1 for p in self.posts_in(a) if p["id"] in points)
        if name == "betweenness":
            return self.betweenness(a)
        if name == "members":
            return len(self.members(a))
        if name == "distance":
            group = refs[1][0] if len(refs) > 1 else None
            if t == "post":
                return self.post_distance(a, group)
            return max((self.post_distance(p["id"], group) for p in self.posts_in(a)), default=0)
        raise ValueError(name)


def equal(a, b):
    if a == b:
        return True
    if math.isinf(a) or math.isinf(b):
        return False
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def compare(a, op, b):
    e = equal(a, b)
    return {"==": e, "!=": not e, "<": not e and a < b, "<=": e or a < b,
            ">": not e and a > b, ">=": e or a > b}[op]


def base_type(base, ident, kind):
    """What a check's id names in the base: 'unit' or 'post' (a unit first where both may)."""
    if kind in "ugx" and ident in base["units"]:
        return "unit"
    if kind in "px" and ident in base["posts"]:
        return "post"
    return None


def evaluate(text, figures, resolve):
    """(state, value, limit) with state 'holds', 'fails' or 'unknown'; value and limit the two
    sides of the first comparison. resolve(id, kind) -> (id, type) in the model, or None."""
    c = parse(text)
    first = []
    gone = [False]

    def val(v):
        if v[0] == "num":
            return v[1]
        name, args = v[1], v[2]
        if name == "exists":
            return figures.value(name, [(args[0], None)])
        refs = []
        for i, a in enumerate(args):
            r = resolve(a, KINDS[name][i])
            if r is None:
                gone[0] = True
                return None
            refs.append(r)
        return figures.value(name, refs)

    def holds(c):
        if c[0] == "cmp":
            a, b = val(c[2]), val(c[3])
            if a is None or b is None:
                return None
            if not first:
                first.append((a, b))
            return compare(a, c[1], b)
        if c[0] == "not":
            h = holds(c[1])
            return None if h is None else not h
        parts = [holds(x) for x in c[1]]
        if any(p is None for p in parts):
            return None
        return all(parts) if c[0] == "and" else any(parts)

    h = holds(c)
    if h is None or gone[0]:
        return ("unknown", None, None)
    return ("holds" if h else "fails", first[0][0], first[0][1])


def in_base(base):
    def resolve(ident, kind):
        t = base_type(base, ident, kind)
        return None if t is None else (ident, t)
    return resolve


# ---------------------------------------------------------------- scenarios and lineage

def lineage_of(changes):
    """Where each removed or merged id went, as the scenario's changes say: {id: target}."""
    went = {}
    for item in changes:
        kind = oracle_apply.change_kind(item)
        if kind == "merge":
            f = oracle_apply.fields(item["merge"]) if isinstance(item["merge"], dict) else None
            units = item["merge"] if f is None else f.get("units")
            into = item.get("into") if f is None else f.get("into")
            for u in units:
                went[("unit", u)] = into["id"]
        elif kind == "remove_unit":
            f = oracle_apply.fields(item[kind])
            went[("unit", f["unit"])] = oracle_apply.text(f.get("posts_to"))
        elif kind == "remove_post":
            f = oracle_apply.fields(item[kind])
            went[("post", f["post"])] = oracle_apply.text(f.get("successor"))
    return went


def through_lineage(base, result, went):
    def resolve(ident, kind):
        t = base_type(base, ident, kind)
        if t is None:
            return None
        table = result["units" if t == "unit" else "posts"]
        seen = set()
        while ident is not None and ident not in table and ident not in seen:
            seen.add(ident)
            ident = went.get((t, ident))
        return None if ident is None or ident not in table else (ident, t)
    return resolve


# ---------------------------------------------------------------- rules

def violations(rules, figures, resolve, name, budget=None):
    """[(rule, subject, value, limit)] of one model, as SPEC 4.2 says."""
    m, out = figures.m, []
    posts = sorted(m["posts"])
    span = rules.get("span") or {}
    for p in posts:
        s = figures.span(p)
        if s == 0:
            continue
        if "min" in span and not compare(s, ">=", float(span["min"])):
            out.append(("span", p, s, float(span["min"])))
        elif "max" in span and not compare(s, "<=", float(span["max"])):
            out.append(("span", p, s, float(span["max"])))
    if "layers" in rules:
        limit = float(rules["layers"]["max"])
        out += [("layers", p, figures.layer(p), limit) for p in posts
                if not compare(figures.layer(p), "<=", limit)]
    if rules.get("heads_filled") in (True, "true"):
        for u in sorted(m["units"]):
            head = m["units"][u]["head"]
            if head and m["posts"][head]["person"] is None:
                out.append(("heads_filled", u, 1.0, 0.0))
    if "single_points" in rules:
        limit = float(rules["single_points"]["max_cut_off"])
        for p in posts:
            c = figures.cut_off(p)
            if p in figures.articulation() and not compare(c, "<=", limit):
                out.append(("single_points", p, c, limit))
    if "load" in rules:
        limit = float(rules["load"]["max"])
        for u in sorted(m["units"]):
            if m["units"][u]["capacity"] and not compare(figures.load(u), "<=", limit):
                out.append(("load", u, figures.load(u), limit))
    if budget is not None and "budget" in rules:
        cost = sum(p["cost"] or 0.0 for p in m["posts"].values())
        fte = sum(1.0 if p["fte"] is None else p["fte"] for p in m["posts"].values())
        for key, total in (("cost", cost), ("fte", fte)):
            if key in rules["budget"]:
                limit = budget[key] + float(rules["budget"][key])
                if not compare(total, "<=", limit):
                    out.append(("budget", name, total, limit))
    for check in rules.get("checks") or []:
        state, value, limit = evaluate(check["check"], figures, resolve)
        if state != "holds":
            finite = [x if x is not None and math.isfinite(x) else None for x in (value, limit)]
            out.append((check["name"], ids_of(parse(check["check"]))[0][2], *finite))
    return out


def totals(model):
    return {"cost": sum(p["cost"] or 0.0 for p in model["posts"].values()),
            "fte": sum(1.0 if p["fte"] is None else p["fte"] for p in model["posts"].values())}


# ---------------------------------------------------------------- self-test

def self_test():
    """Hand-computed figures on data/minimal's shape, in CSV."""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        files = {
            "units.csv": "id,name,kind,parent,head,capacity\nKLF,K,administration,,KC,\n"
                         "KLF.IT,IT,office,KLF,IT.CHEF,3000\nIT.STYR,S,group,KLF,,\n"
                         "STF,S,administration,,STF.CHEF,\n",
            "posts.csv": "id,title,unit,reports_to,fte,cost,person\nKC,k,KLF,,1,100,P1\n"
                         "EKO,e,KLF,KC,1,100,P2\nIT.CHEF,i,KLF.IT,KC,1,100,P3\n"
                         "IT.1,t,KLF.IT,IT.CHEF,1,100,P4\nIT.2,t,KLF.IT,IT.CHEF,1,100,P5\n"
                         "IT.3,t,KLF.IT,IT.CHEF,1,100,\nSTF.CHEF,s,STF,KC,1,100,P6\n"
                         "S1,s,STF,STF.CHEF,1,100,P7\nS2,s,STF,STF.CHEF,0.75,100,P8\n"
                         "S3,s,STF,STF.CHEF,1,100,P9\n",
            "links.csv": "from,to,kind,weight\nKLF.IT,STF,serves,2400\nKLF.IT,KLF,serves,1200\n"
                         "S1,EKO,dotted_line,\nKC,IT.STYR,member_of,\nSTF.CHEF,IT.STYR,member_of,\n"
                         "IT.CHEF,STF.CHEF,collaborates,3\n"}
        for name, body in files.items():
            with open(os.path.join(d, name), "w") as f:
                f.write(body)
        m = oracle_apply.load_model(d)
    f = Figures(m)
    r = in_base(m)
    checks = 0

    def expect(text, state, value=None):
        nonlocal checks
        got = evaluate(text, f, r)
        assert got[0] == state, (text, got)
        if value is not None:
            assert equal(got[1], value), (text, got)
        checks += 1

    expect("posts(KLF) == 6", "holds", 6)
    expect("vacant(KLF) == 1", "holds", 1)
    expect("fte(STF) == 3.75", "holds", 3.75)
    expect("managers(KLF) == 2", "holds", 2)
    expect("max_span(KLF) == 3 and min_span(IT.STYR) == 0", "holds", 3)
    expect("layers(KLF.IT) == 3", "holds", 3)
    expect("load(KLF.IT) <= 1", "fails", 1.2)
    expect("cut_off(IT.CHEF) == 3 and cut_off(STF.CHEF) == 2 and cut_off(KC) == 0", "holds", 3)
    expect("single_points(KLF) == 1", "holds", 1)
    expect("distance(IT.1, IT.STYR) == 2 and distance(S1, IT.STYR) == 1", "holds", 2)
    expect("distance(KLF.IT, IT.STYR) == 2", "holds", 2)
    expect("distance(IT.1) == 2", "holds", 2)
    expect("members(IT.STYR) == 2", "holds", 2)
    expect("exists(NOPE) == 0 and exists(KC) == 1", "holds", 0)
    expect("not vacant(IT.3) == 1 or span(KC) > 3", "fails", 1)
    expect("(posts(KLF) > 1 or posts(STF) > 9) and not posts(STF) == 4", "fails", 6)
    assert compare(0.1 + 0.2, "==", 0.3) and not compare(math.inf, "<=", 2)
    # Lineage: a merge, a successor, a removal without one.
    changes = [{"merge": ["KLF.IT", "STF"], "into": {"id": "SBF", "name": "S"},
                "head": "STF.CHEF"},
               {"remove_post": {"post": "IT.CHEF", "successor": "IT.1"}},
               {"remove_post": {"post": "IT.3"}}]
    result = oracle_apply.copy_model(m)
    assert oracle_apply.apply_scenario(result, changes) is None
    after = Figures(result)
    resolve = through_lineage(m, result, lineage_of(changes))
    assert resolve("KLF.IT", "u") == ("SBF", "unit")
    assert resolve("IT.CHEF", "p") == ("IT.1", "post")
    assert resolve("IT.3", "p") is None
    assert evaluate("span(IT.CHEF) == 1", after, resolve)[0] == "holds"  # IT.1 leads IT.2
    assert evaluate("vacant(IT.3) == 0", after, resolve)[0] == "unknown"
    assert evaluate("exists(IT.3) == 0", after, resolve)[0] == "holds"
    assert evaluate("load(KLF.IT) <= 1", after, resolve)[0] == "holds"  # 1200 / 3000
    checks += 7
    rules = {"span": {"min": "4"}, "load": {"max": "1"}, "budget": {"cost": "0"},
             "checks": [{"name": "n", "check": "span(IT.CHEF) >= 3"}]}
    got = violations(rules, after, resolve, "S", totals(m))
    assert [v[0] for v in got] == ["span", "span", "n"], got
    checks += 1
    print("check oracle self-test: %d checks passed" % checks)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    sys.stderr.write("usage: check_oracle.py --self-test (compare_checks_with_oracle.py runs it)\n")
    sys.exit(2)
