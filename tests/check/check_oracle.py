#!/usr/bin/env python3
"""Independent reference implementation (oracle) of reorg's checks (SPEC §4.1) and rules (§4.2).

    check_oracle.py --self-test
    check_oracle.py MODEL_DIR [--scenario S.yaml]... [--rules R.yaml]

The second form prints one JSON document: every finding's check on the base, and for each
scenario its checks on the result, its verdicts (resolved, addressed_not_resolved, broken,
unknown) and the rule violations of the base and of every scenario.

Deliberately naive: plain dicts and lists, every figure recomputed from the model by walking
it, cut-offs found by actually removing the post and counting what is left, betweenness from
NetworkX.  It shares no code with lib/ (tests/check/README.md).  Scenarios are applied with
tests/scenario/oracle_apply.py (itself independent of lib/); lineage and what a scenario
touches are derived here from the changes as they are applied.
"""

import json
import math
import os
import re
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree

import networkx as nx  # noqa: E402
import yaml  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "scenario"))
import oracle_apply  # noqa: E402

INF = float("inf")
TOLERANCE = 1e-9

# ---------------------------------------------------------------- comparisons


def equal(a, b):
    """a and b are equal within 1e-9 relative (infinities: only to themselves)."""
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def compare(a, op, b):
    """a op b with the tolerance of equal()."""
    eq = equal(a, b)
    if op == "==":
        return eq
    if op == "!=":
        return not eq
    if op == "<":
        return a < b and not eq
    if op == "<=":
        return a < b or eq
    if op == ">":
        return a > b and not eq
    if op == ">=":
        return a > b or eq
    raise ValueError("unknown comparison %s" % op)


# ---------------------------------------------------------------- the check language

FUNCTIONS = {
    # name: argument kinds (a tuple per allowed arity)
    "posts": [("unit",)], "vacant": [("post_or_unit",)], "fte": [("unit",)],
    "cost": [("unit",)], "managers": [("unit",)], "span": [("post",)],
    "max_span": [("unit",)], "min_span": [("unit",)], "layers": [("unit",)],
    "load": [("unit",)], "cut_off": [("post",)], "single_points": [("unit",)],
    "distance": [("post_or_unit",), ("post_or_unit", "group")],
    "betweenness": [("post",)], "members": [("group",)], "exists": [("any",)],
}
NUMBER_WORD = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
SPECIAL = set("(),<>=!'\"")


class CheckSyntaxError(ValueError):
    """A check that does not parse."""


class CheckInputError(ValueError):
    """A check naming an id the base model lacks, or one of the wrong kind."""


def tokens(textual):
    """The tokens of a check: ('op', s), ('(',), (')',), (',',), ('word', s), ('quoted', s)."""
    out = []
    i = 0
    n = len(textual)
    while i < n:
        c = textual[i]
        if c.isspace():
            i += 1
        elif c in "(),":
            out.append((c, c))
            i += 1
        elif c in "<>=!":
            two = textual[i:i + 2]
            if two in ("<=", ">=", "==", "!="):
                out.append(("op", two))
                i += 2
            elif c in "<>":
                out.append(("op", c))
                i += 1
            else:
                raise CheckSyntaxError("a lone %r at column %d" % (c, i + 1))
        elif c in "'\"":
            j = textual.find(c, i + 1)
            if j < 0:
                raise CheckSyntaxError("unterminated quote at column %d" % (i + 1))
            if j == i + 1:
                raise CheckSyntaxError("empty quoted id at column %d" % (i + 1))
            out.append(("quoted", textual[i + 1:j]))
            i = j + 1
        else:
            j = i
            while j < n and not textual[j].isspace() and textual[j] not in SPECIAL:
                j += 1
            out.append(("word", textual[i:j]))
            i = j
    return out


class Parser:
    """Recursive descent: or < and < not < comparison; parentheses group conditions."""

    def __init__(self, textual):
        self.toks = tokens(textual)
        self.pos = 0

    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else (None, None)

    def take(self):
        tok = self.peek()
        if tok[0] is None:
            raise CheckSyntaxError("the check ends too early")
        self.pos += 1
        return tok

    def is_word(self, word):
        tok = self.peek()
        return tok[0] == "word" and tok[1] == word

    def condition(self):
        parts = [self.conjunction()]
        while self.is_word("or"):
            self.take()
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else ("or", parts)

    def conjunction(self):
        parts = [self.negation()]
        while self.is_word("and"):
            self.take()
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else ("and", parts)

    def negation(self):
        if self.is_word("not"):
            self.take()
            return ("not", self.negation())
        if self.peek()[0] == "(":
            self.take()
            inner = self.condition()
            if self.take()[0] != ")":
                raise CheckSyntaxError("expected )")
            return inner
        left = self.value()
        tok = self.take()
        if tok[0] != "op":
            raise CheckSyntaxError("expected a comparison, got %r" % (tok[1],))
        right = self.value()
        return ("cmp", tok[1], left, right)

    def value(self):
        kind, word = self.take()
        if kind != "word":
            raise CheckSyntaxError("expected a number or a function, got %r" % (word,))
        if NUMBER_WORD.match(word):
            return ("num", float(word))
        if self.peek()[0] != "(":
            raise CheckSyntaxError("expected a number or a function, got %r" % (word,))
        if word not in FUNCTIONS:
            raise CheckSyntaxError("unknown function %s" % word)
        self.take()
        args = []
        while True:
            kind, ident = self.take()
            if kind not in ("word", "quoted"):
                raise CheckSyntaxError("expected an id, got %r" % (ident,))
            args.append(ident)
            kind, _ = self.take()
            if kind == ")":
                break
            if kind != ",":
                raise CheckSyntaxError("expected , or )")
        if len(args) not in [len(a) for a in FUNCTIONS[word]]:
            raise CheckSyntaxError("%s takes %s argument(s), not %d"
                                   % (word, " or ".join(str(len(a)) for a in FUNCTIONS[word]),
                                      len(args)))
        return ("fn", word, args)


def parse(textual):
    """The tree of a check: ('cmp', op, left, right), ('and'|'or', [..]), ('not', x);
    values ('num', x) or ('fn', name, [ids])."""
    p = Parser(textual)
    tree = p.condition()
    if p.pos != len(p.toks):
        raise CheckSyntaxError("unexpected %r after the condition" % (p.peek()[1],))
    return tree


def comparisons(tree):
    """The comparisons of a tree, left to right."""
    if tree[0] == "cmp":
        return [tree]
    if tree[0] == "not":
        return comparisons(tree[1])
    out = []
    for t in tree[1]:
        out.extend(comparisons(t))
    return out


def ids_of(tree):
    """(id, function, argument kind) of every id, left to right."""
    out = []
    for c in comparisons(tree):
        for v in (c[2], c[3]):
            if v[0] == "fn":
                arity = len(v[2])
                kinds = [k for k in FUNCTIONS[v[1]] if len(k) == arity][0]
                out.extend((ident, v[1], kinds[i]) for i, ident in enumerate(v[2]))
    return out


def first_id(tree):
    """The first id a check names, left to right ('' when none)."""
    found = ids_of(tree)
    return found[0][0] if found else ""


# ---------------------------------------------------------------- figures of one model

def fte_of(post):
    return 1.0 if post["fte"] is None else post["fte"]


def cost_of(post):
    return 0.0 if post["cost"] is None else post["cost"]


class Facts:
    """Every figure a check or rule reads, of one model (oracle_apply's dict form), computed
    naively.  `people` and `findings` are the extra ids exists() knows."""

    def __init__(self, model, people=(), findings=()):
        self.model = model
        self.units = model["units"]
        self.posts = model["posts"]
        self.links = model["links"]
        self.people = set(people) | set(p["person"] for p in self.posts.values()
                                        if p["person"] is not None)
        self.findings = set(findings)
        self._reports = None
        self._graph = None
        self._cut = None
        self._betweenness = None

    # -- structure
    def rolled(self, uid):
        """uid and every unit below it, in unit-id order."""
        return [v for v in sorted(self.units) if uid in oracle_apply.ancestors_and_self(
            self.model, v)]

    def posts_in(self, uid):
        """Ids of the posts of uid rolled up, sorted."""
        units = set(self.rolled(uid))
        return sorted(p for p in self.posts if self.posts[p]["unit"] in units)

    def span(self, pid):
        """Number of posts whose reports_to is pid."""
        if self._reports is None:
            self._reports = {}
            for p in self.posts.values():
                if p["reports_to"] is not None:
                    self._reports[p["reports_to"]] = self._reports.get(p["reports_to"], 0) + 1
        return self._reports.get(pid, 0)

    def managers(self):
        return [p for p in sorted(self.posts) if self.span(p) >= 1]

    def layer(self, pid):
        """1 for a top post, one more per reporting step."""
        n = 1
        cur = self.posts[pid]["reports_to"]
        while cur is not None:
            n += 1
            cur = self.posts[cur]["reports_to"]
        return n

    def distance(self, pid):
        return self.layer(pid) - 1

    def members_of(self, gid):
        """Distinct posts with a member_of link to gid, sorted."""
        return sorted(set(l["from"] for l in self.links
                          if l["kind"] == "member_of" and l["to"] == gid
                          and l["to_type"] == "unit" and l["from_type"] == "post"))

    def distance_to(self, pid, gid):
        """Hops up pid's reporting line to the nearest member of gid (0: pid is one)."""
        members = set(self.members_of(gid))
        n = 0
        cur = pid
        while cur is not None:
            if cur in members:
                return float(n)
            n += 1
            cur = self.posts[cur]["reports_to"]
        return INF

    def load(self, uid):
        cap = self.units[uid]["capacity"]
        if cap is None or cap == 0:
            return 0.0
        volume = sum(l["weight"] or 0.0 for l in self.links
                     if l["kind"] == "serves" and l["from"] == uid and l["from_type"] == "unit")
        return volume / cap

    # -- the work graph
    def graph(self):
        """Undirected; vertices every post; edges reporting lines, dotted lines, post-post
        collaborations."""
        if self._graph is None:
            g = nx.Graph()
            g.add_nodes_from(sorted(self.posts))
            for p in sorted(self.posts):
                if self.posts[p]["reports_to"] is not None:
                    g.add_edge(p, self.posts[p]["reports_to"])
            for l in self.links:
                if (l["kind"] in ("dotted_line", "collaborates") and l["from_type"] == "post"
                        and l["to_type"] == "post"):
                    g.add_edge(l["from"], l["to"])
            self._graph = g
        return self._graph

    def cut_off_by_removal(self, pid):
        """None when pid is no articulation point; else the posts of its connected part,
        other than itself, outside the largest piece left after removing it."""
        g = self.graph()
        part = nx.node_connected_component(g, pid)
        rest = g.subgraph([v for v in part if v != pid])
        pieces = [len(c) for c in nx.connected_components(rest)]
        if len(pieces) < 2:
            return None
        return (len(part) - 1) - max(pieces)

    def cut_offs(self):
        """{articulation point: cut-off}.  Candidates from networkx, each confirmed and
        measured by removal."""
        if self._cut is None:
            self._cut = {}
            for p in sorted(nx.articulation_points(self.graph())):
                c = self.cut_off_by_removal(p)
                assert c is not None, "networkx and removal disagree on %s" % p
                self._cut[p] = c
        return self._cut

    def betweenness(self, pid):
        if self._betweenness is None:
            self._betweenness = nx.betweenness_centrality(self.graph(), normalized=True)
        return self._betweenness[pid]

    # -- the functions of the language
    def exists(self, ident):
        return (ident in self.units or ident in self.posts or ident in self.people
                or ident in self.findings)

    def value(self, fn, args, kinds):
        """The value of fn for resolved args ((id, 'unit'|'post') pairs)."""
        a = args[0][0]
        is_unit = args[0][1] == "unit"
        if fn in ("posts", "fte", "cost", "managers", "max_span", "min_span", "layers",
                  "single_points") or (fn == "vacant" and is_unit):
            posts = self.posts_in(a)
            if fn == "posts":
                return float(len(posts))
            if fn == "vacant":
                return float(sum(1 for p in posts if self.posts[p]["person"] is None))
            if fn == "fte":
                return float(sum(fte_of(self.posts[p]) for p in posts))
            if fn == "cost":
                return float(sum(cost_of(self.posts[p]) for p in posts))
            spans = [self.span(p) for p in posts if self.span(p) >= 1]
            if fn == "managers":
                return float(len(spans))
            if fn == "max_span":
                return float(max(spans)) if spans else 0.0
            if fn == "min_span":
                return float(min(spans)) if spans else 0.0
            if fn == "layers":
                return float(max(self.layer(p) for p in posts)) if posts else 0.0
            cut = self.cut_offs()
            return float(sum(1 for p in posts if p in cut))
        if fn == "vacant":
            return 1.0 if self.posts[a]["person"] is None else 0.0
        if fn == "span":
            return float(self.span(a))
        if fn == "load":
            return self.load(a)
        if fn == "cut_off":
            return float(self.cut_offs().get(a, 0))
        if fn == "betweenness":
            return self.betweenness(a)
        if fn == "members":
            return float(len(self.members_of(a)))
        if fn == "distance":
            posts = self.posts_in(a) if is_unit else [a]
            if len(args) == 1:
                values = [float(self.distance(p)) for p in posts]
            else:
                values = [self.distance_to(p, args[1][0]) for p in posts]
            return max(values) if values else 0.0
        raise ValueError("no function %s" % fn)

    # -- totals
    def total_cost(self):
        return float(sum(cost_of(p) for p in self.posts.values()))

    def total_fte(self):
        return float(sum(fte_of(p) for p in self.posts.values()))


# ---------------------------------------------------------------- resolving ids

def base_resolver(base):
    """Ids looked up in the base itself; an id it lacks or of the wrong kind is an input
    error.  Returns resolve(id, kind) -> (id, 'unit'|'post')."""
    def resolve(ident, kind):
        if kind in ("unit", "group"):
            if ident not in base["units"]:
                raise CheckInputError("unknown unit %s" % ident)
            if kind == "group" and base["units"][ident]["kind"] != "group":
                raise CheckInputError("%s is not a group" % ident)
            return (ident, "unit")
        if kind == "post":
            if ident not in base["posts"]:
                raise CheckInputError("unknown post %s" % ident)
            return (ident, "post")
        if kind == "post_or_unit":
            if ident in base["units"]:
                return (ident, "unit")
            if ident in base["posts"]:
                return (ident, "post")
            raise CheckInputError("unknown unit or post %s" % ident)
        raise ValueError(kind)
    return resolve


def lineage_resolver(base, lineage):
    """Base ids followed through lineage ({'units': {id: id|None}, 'posts': ...}); None when
    the element left without lineage.  Ids are validated against the base first."""
    on_base = base_resolver(base)

    def resolve(ident, kind):
        ident, typ = on_base(ident, kind)
        now = lineage["units" if typ == "unit" else "posts"].get(ident)
        return None if now is None else (now, typ)
    return resolve


# ---------------------------------------------------------------- evaluating

def finite_or_none(x):
    return None if x is None or math.isinf(x) or math.isnan(x) else x


def evaluate(tree, facts, resolve):
    """(state, value, limit): state 'holds', 'fails' or 'unknown'; value and limit the two
    sides of the first comparison (None when not finite, or when the check is unknown)."""
    resolved = {}
    for ident, fn, kind in ids_of(tree):
        if kind == "any":
            continue
        r = resolve(ident, kind)
        if r is None:
            return ("unknown", None, None)
        resolved[(ident, kind)] = r

    def side(v):
        if v[0] == "num":
            return v[1]
        fn, args = v[1], v[2]
        if fn == "exists":
            return 1.0 if facts.exists(args[0]) else 0.0
        kinds = [k for k in FUNCTIONS[fn] if len(k) == len(args)][0]
        return facts.value(fn, [resolved[(a, kinds[i])] for i, a in enumerate(args)], kinds)

    def truth(t):
        if t[0] == "cmp":
            return compare(side(t[2]), t[1], side(t[3]))
        if t[0] == "not":
            return not truth(t[1])
        if t[0] == "and":
            return all([truth(x) for x in t[1]])
        return any([truth(x) for x in t[1]])

    first = comparisons(tree)[0]
    state = "holds" if truth(tree) else "fails"
    return (state, finite_or_none(side(first[2])), finite_or_none(side(first[3])))


# ---------------------------------------------------------------- rules (SPEC §4.2)

def violation(rule, subject, value, limit):
    return {"rule": rule, "subject": subject, "value": finite_or_none(value),
            "limit": finite_or_none(limit)}


def violations(rules, facts, resolve, name, base_totals=None):
    """Every violation of rules by the model of facts.  base_totals (cost, fte) only for a
    scenario."""
    out = []
    span = rules.get("span") or {}
    lo, hi = span.get("min"), span.get("max")
    for p in facts.managers():
        s = float(facts.span(p))
        if lo is not None and compare(s, "<", float(lo)):
            out.append(violation("span", p, s, float(lo)))
        if hi is not None and compare(s, ">", float(hi)):
            out.append(violation("span", p, s, float(hi)))
    layers = (rules.get("layers") or {}).get("max")
    if layers is not None:
        for p in sorted(facts.posts):
            n = float(facts.layer(p))
            if compare(n, ">", float(layers)):
                out.append(violation("layers", p, n, float(layers)))
    if rules.get("heads_filled") is True:
        for u in sorted(facts.units):
            head = facts.units[u]["head"]
            if head is not None and facts.posts[head]["person"] is None:
                out.append(violation("heads_filled", u, 1.0, 0.0))
    max_cut = (rules.get("single_points") or {}).get("max_cut_off")
    if max_cut is not None:
        cut = facts.cut_offs()
        for p in sorted(cut):
            if compare(float(cut[p]), ">", float(max_cut)):
                out.append(violation("single_points", p, float(cut[p]), float(max_cut)))
    max_load = (rules.get("load") or {}).get("max")
    if max_load is not None:
        for u in sorted(facts.units):
            if facts.units[u]["capacity"] is not None:
                x = facts.load(u)
                if compare(x, ">", float(max_load)):
                    out.append(violation("load", u, x, float(max_load)))
    budget = rules.get("budget") or {}
    if base_totals is not None:
        base_cost, base_fte = base_totals
        if budget.get("cost") is not None:
            limit = base_cost + float(budget["cost"])
            if compare(facts.total_cost(), ">", limit):
                out.append(violation("budget", name, facts.total_cost(), limit))
        if budget.get("fte") is not None:
            limit = base_fte + float(budget["fte"])
            if compare(facts.total_fte(), ">", limit):
                out.append(violation("budget", name, facts.total_fte(), limit))
    for named in rules.get("checks") or []:
        tree = parse(str(named["check"]))
        state, value, limit = evaluate(tree, facts, resolve)
        if state != "holds":
            out.append(violation(str(named["name"]), first_id(tree), value, limit))
    return out


# ---------------------------------------------------------------- scenarios: lineage, touches

def apply_with_lineage(base, changes):
    """Apply changes (BaseLoader form) to a copy of base.  Returns (result, lineage,
    touched_units, touched_posts) where lineage = {'units': {base id: id or None}, 'posts':
    ...} and the touched sets hold the ids of elements touched (SPEC §4).  Raises ValueError
    for an invalid change."""
    m = oracle_apply.copy_model(base)
    lineage = {"units": {u: u for u in base["units"]}, "posts": {p: p for p in base["posts"]}}
    touched_units, touched_posts = set(), set()

    def remap(table, olds, new):
        for k in sorted(table):
            if table[k] in olds:
                table[k] = new

    text = oracle_apply.text
    for n, item in enumerate(changes, 1):
        kind = oracle_apply.change_kind(item)
        f = item.get(kind) if kind not in ("merge", "?") else None
        # What the change touches, read from the model before it.
        unit_moves, post_moves = None, None
        if kind == "merge":
            merged = oracle_apply.id_list(item.get("merge"))
            touched_units.update(merged)
            touched_units.update(u for u in m["units"] if m["units"][u]["parent"] in merged)
            touched_posts.update(p for p in m["posts"] if m["posts"][p]["unit"] in merged)
            into = item.get("into") if isinstance(item.get("into"), dict) else {}
            unit_moves = (set(merged), text(into.get("id")))
        elif kind == "split_unit":
            for part in f.get("into") or []:
                if isinstance(part, dict) and isinstance(part.get("posts"), list):
                    touched_posts.update(text(x) for x in part["posts"])
        elif kind == "remove_unit":
            u = text(f.get("unit"))
            touched_units.add(u)
            touched_units.update(v for v in m["units"] if m["units"][v]["parent"] == u)
            touched_posts.update(p for p in m["posts"] if m["posts"][p]["unit"] == u)
            unit_moves = ({u}, text(f.get("posts_to")))
        elif kind in ("rename_unit", "move_unit"):
            touched_units.add(text(f.get("unit")))
        elif kind == "remove_post":
            p = text(f.get("post"))
            touched_posts.add(p)
            touched_posts.update(q for q in m["posts"] if m["posts"][q]["reports_to"] == p)
            post_moves = ({p}, text(f.get("successor")))
        elif kind in ("move_post", "set_reports_to"):
            touched_posts.add(text(f.get("post")))
        try:
            oracle_apply.apply_change(m, item)
        except ValueError as e:
            raise ValueError("change %d (%s): %s" % (n, kind, e))
        if unit_moves is not None:
            remap(lineage["units"], unit_moves[0], unit_moves[1])
        if post_moves is not None:
            remap(lineage["posts"], post_moves[0], post_moves[1])
    oracle_apply.check_heads(m)
    return m, lineage, touched_units, touched_posts


def touched_findings(base, findings, touched_units, touched_posts):
    """Ids of the findings whose about names a touched base unit or post, or a unit that held
    a touched post in the base."""
    holders = set(base["posts"][p]["unit"] for p in touched_posts if p in base["posts"])
    out = []
    for f in findings:
        for ident in f["about"]:
            if ((ident in base["units"] and (ident in touched_units or ident in holders))
                    or (ident in base["posts"] and ident in touched_posts)):
                out.append(f["id"])
                break
    return out


def verdicts(findings, before, after, touched):
    """{resolved, addressed_not_resolved, broken, unknown}: sorted finding ids.  before and
    after map finding id -> state."""
    out = {"resolved": [], "addressed_not_resolved": [], "broken": [], "unknown": []}
    for f in findings:
        fid = f["id"]
        if fid not in before:
            continue
        b, a = before[fid], after[fid]
        if a == "unknown":
            out["unknown"].append(fid)
        elif f["kind"] == "doesnt_work" and b == "fails" and a == "holds":
            out["resolved"].append(fid)
        elif f["kind"] == "doesnt_work" and b == "fails" and a == "fails" and fid in touched:
            out["addressed_not_resolved"].append(fid)
        elif f["kind"] == "works" and b == "holds" and a == "fails":
            out["broken"].append(fid)
    return {k: sorted(v) for k, v in out.items()}


# ---------------------------------------------------------------- whole runs

def load_extras(folder):
    """(people ids, findings [{id, kind, about, check}]) of a CSV model folder."""
    rows, _ = oracle_apply.read_table(os.path.join(folder, "people.csv"))
    people = [oracle_apply.cell(r, "id") for r in rows or []]
    rows, _ = oracle_apply.read_table(os.path.join(folder, "findings.csv"))
    findings = []
    for r in rows or []:
        about = [x.strip() for x in oracle_apply.cell(r, "about").split(";") if x.strip()]
        findings.append({"id": oracle_apply.cell(r, "id"), "kind": oracle_apply.cell(r, "kind"),
                         "about": about, "check": oracle_apply.cell(r, "check").strip()})
    return people, findings


def run(base, people, findings, scenarios, rules, base_facts=None):
    """Everything the oracle says about base and scenarios [(name, changes)]:
    {'checks': [...], 'models': [{name, violations}], 'scenarios': [{name, checks, resolved,
    addressed_not_resolved, broken, unknown, violations}]}.  rules may be None; base_facts
    may be given to reuse figures already computed on base."""
    finding_ids = [f["id"] for f in findings]
    base_facts = base_facts or Facts(base, people, finding_ids)
    trees = {f["id"]: parse(f["check"]) for f in findings if f["check"]}
    on_base = base_resolver(base)
    checks, before = [], {}
    for f in findings:
        if f["id"] in trees:
            state, value, limit = evaluate(trees[f["id"]], base_facts, on_base)
            before[f["id"]] = state
            checks.append({"finding": f["id"], "kind": f["kind"], "check": f["check"],
                           "state": state, "value": value, "limit": limit})
    out = {"checks": checks, "models": [], "scenarios": []}
    if rules is not None:
        out["models"].append({"name": "base",
                              "violations": violations(rules, base_facts, on_base, "base")})
    totals = (base_facts.total_cost(), base_facts.total_fte())
    for name, changes in scenarios:
        result, lineage, tu, tp = apply_with_lineage(base, changes)
        facts = Facts(result, base_facts.people, finding_ids)
        resolve = lineage_resolver(base, lineage)
        after, s_checks = {}, []
        for f in findings:
            if f["id"] in trees:
                state, value, limit = evaluate(trees[f["id"]], facts, resolve)
                after[f["id"]] = state
                s_checks.append({"finding": f["id"], "state": state, "value": value,
                                 "limit": limit})
        entry = {"name": name, "checks": s_checks}
        entry.update(verdicts(findings, before, after, touched_findings(base, findings, tu, tp)))
        if rules is not None:
            entry["violations"] = violations(rules, facts, resolve, name, totals)
            out["models"].append({"name": name, "violations": entry["violations"]})
        out["scenarios"].append(entry)
    return out


def load_scenario_file(path):
    """(name, changes) of a scenario file, scalars as strings (as oracle_apply reads them)."""
    with open(path, encoding="utf-8-sig") as f:
        doc = yaml.load(f, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    name = doc.get("name") if isinstance(doc, dict) else None
    return (name if isinstance(name, str) else os.path.basename(path),
            oracle_apply.load_scenario(path))


def load_rules(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.safe_load(f) or {}


# ---------------------------------------------------------------- self-test

class SelfTest:
    def __init__(self):
        self.count = 0
        self.failures = []

    def ok(self, cond, what):
        self.count += 1
        if not cond:
            self.failures.append(what)

    def eq(self, got, want, what):
        self.count += 1
        if isinstance(want, float) and isinstance(got, (int, float)) and got is not None:
            good = equal(float(got), want) if not math.isinf(want) else got == want
        else:
            good = got == want
        if not good:
            self.failures.append("%s: got %r, want %r" % (what, got, want))

    def raises(self, fn, exc, what):
        self.count += 1
        try:
            fn()
        except exc:
            return
        except Exception as e:  # noqa: BLE001
            self.failures.append("%s: raised %r, want %s" % (what, e, exc.__name__))
            return
        self.failures.append("%s: did not raise %s" % (what, exc.__name__))


def fixture():
    """A small model, figures worked out by hand in the comments of self_test().

    ORG (administration, head A)
    ├── IT (office, head B, capacity 100)
    │   └── IT.SUP (team, head D)
    ├── HR (office, head C vacant, capacity 0)
    └── GRP (group, no posts)
    EXT (external root, head X)

    A ─ B ─ D ─ E        reporting: B,C→A; D,G→B; E,F→D; H→C; Y→X
    │   │    ╲  │        dotted line E–F, collaboration G–H (post–post)
    C   G     F          unit-unit collaboration IT–HR (no edge)
    │   │
    H ──┘   X ─ Y
    """
    def unit(i, kind, parent, head, capacity=None):
        return {"id": i, "name": i, "kind": kind, "parent": parent, "head": head,
                "capacity": capacity}

    def post(i, u, boss, fte, cost, person):
        return {"id": i, "title": i, "unit": u, "reports_to": boss, "function": "",
                "fte": fte, "cost": cost, "person": person}

    def link(a, ta, b, tb, kind, weight=None):
        return {"from": a, "from_type": ta, "to": b, "to_type": tb, "kind": kind,
                "weight": weight}

    units = [unit("ORG", "administration", None, "A"), unit("IT", "office", "ORG", "B", 100.0),
             unit("IT.SUP", "team", "IT", "D"), unit("HR", "office", "ORG", "C", 0.0),
             unit("GRP", "group", "ORG", None), unit("EXT", "external", None, "X")]
    posts = [post("A", "ORG", None, 1.0, 1000.0, "pA"), post("B", "IT", "A", 1.0, 800.0, "pB"),
             post("C", "HR", "A", None, 700.0, None), post("D", "IT.SUP", "B", 1.0, 500.0, "pD"),
             post("E", "IT.SUP", "D", 0.5, 300.0, None), post("F", "IT.SUP", "D", 1.0, 300.0, "pF"),
             post("G", "IT", "B", 1.0, 400.0, "pG"), post("H", "HR", "C", 1.0, None, "pH"),
             post("X", "EXT", None, 1.0, 900.0, "pX"), post("Y", "EXT", "X", 1.0, 500.0, None)]
    links = [link("E", "post", "F", "post", "dotted_line"),
             link("G", "post", "H", "post", "collaborates", 2.0),
             link("IT", "unit", "HR", "unit", "collaborates", 5.0),
             link("A", "post", "GRP", "unit", "member_of"),
             link("D", "post", "GRP", "unit", "member_of"),
             link("E", "post", "GRP", "unit", "member_of"),
             link("E", "post", "GRP", "unit", "member_of"),
             link("IT", "unit", "HR", "unit", "serves", 120.0),
             link("IT", "unit", "ORG", "unit", "serves", 30.0),
             link("IT", "unit", "EXT", "unit", "serves", None),
             link("IT.SUP", "unit", "IT", "unit", "serves", 50.0),
             link("HR", "unit", "IT", "unit", "serves", 10.0)]
    model = {"units": {u["id"]: u for u in units}, "posts": {p["id"]: p for p in posts},
             "links": links}
    people = ["pA", "pB", "pD", "pF", "pG", "pH", "pX", "pZ"]
    return model, people


def changes_of(yaml_text):
    """A change list as oracle_apply reads it (BaseLoader: every scalar a string)."""
    return yaml.load(yaml_text, Loader=yaml.BaseLoader)


def self_test():
    t = SelfTest()
    base, people = fixture()
    findings_ids = ["W1", "F1"]
    facts = Facts(base, people, findings_ids)
    on_base = base_resolver(base)

    def val(check_text, f=facts, r=on_base):
        """The left side of a one-comparison check 'fn(..) == 0'."""
        return evaluate(parse(check_text + " == 0"), f, r)[1]

    def raw(fn, *args, f=facts):
        """The value of fn with infinite kept (value() directly)."""
        kinds = [k for k in FUNCTIONS[fn] if len(k) == len(args)][0]
        return f.value(fn, [on_base(a, kinds[i]) for i, a in enumerate(args)], kinds)

    def state(check_text, f=facts, r=on_base):
        return evaluate(parse(check_text), f, r)[0]

    # -- comparisons with tolerance
    t.ok(compare(0.1 + 0.2, "==", 0.3), "0.1+0.2 == 0.3")
    t.ok(not compare(0.1 + 0.2, "!=", 0.3), "0.1+0.2 != 0.3 is false")
    t.ok(not compare(1.0, "<", 1.0 + 1e-12), "1 < 1+1e-12 is false (equal)")
    t.ok(compare(1.0, "<=", 1.0 + 1e-12), "1 <= 1+1e-12")
    t.ok(compare(1.0, ">=", 1.0 + 1e-12), "1 >= 1+1e-12")
    t.ok(not compare(1.0, ">", 1.0 - 1e-12), "1 > 1-1e-12 is false")
    t.ok(compare(1.0, "<", 1.0 + 1e-6), "1 < 1+1e-6")
    t.ok(compare(0.0, "==", 1e-10), "0 == 1e-10 (absolute floor of 1)")
    t.ok(not compare(1e12, "==", 1e12 + 1e4), "1e12 vs 1e12+1e4 differ (1e-8 relative)")
    t.ok(compare(1e12, "==", 1e12 + 100.0), "1e12 == 1e12+100 (1e-10 relative)")
    t.ok(not compare(INF, "<=", 2.0), "inf <= 2 is false")
    t.ok(compare(INF, "==", INF), "inf == inf")
    t.ok(compare(INF, ">", 1e300), "inf > 1e300")
    t.ok(not compare(INF, "!=", INF), "inf != inf is false")
    t.ok(compare(2.0, "!=", 3.0), "2 != 3")

    # -- parsing
    t.eq(parse("posts(IT) == 5"), ("cmp", "==", ("fn", "posts", ["IT"]), ("num", 5.0)), "parse")
    t.eq(parse("posts('IT.SUP')>=-1.5e0"),
         ("cmp", ">=", ("fn", "posts", ["IT.SUP"]), ("num", -1.5)), "quotes, no blanks, exp")
    t.eq(parse('distance( "A" , GRP ) < .5'),
         ("cmp", "<", ("fn", "distance", ["A", "GRP"]), ("num", 0.5)), "two args")
    t.eq(parse("not a(1)==1 or b(2) == 2 and c(3) == 3".replace("a(", "span(")
               .replace("b(", "span(").replace("c(", "span(")),
         ("or", [("not", ("cmp", "==", ("fn", "span", ["1"]), ("num", 1.0))),
                 ("and", [("cmp", "==", ("fn", "span", ["2"]), ("num", 2.0)),
                          ("cmp", "==", ("fn", "span", ["3"]), ("num", 3.0))])]),
         "precedence or < and < not < comparison")
    t.eq(first_id(parse("1 < 2 or exists(Q) == 1 and span(A) > 0")), "Q", "first id")
    for bad in ["posts(IT) ==", "posts(IT) = 5", "foo(IT) == 1", "posts(IT) == 5 and",
                "posts IT == 5", "(posts(IT) == 5", "posts(IT, HR) == 1", "span('A) == 1",
                "posts(IT) == 5 5", "IT == 5", "posts() == 1", "distance(A, B, C) == 1"]:
        t.raises(lambda bad=bad: parse(bad), CheckSyntaxError, "syntax error in %r" % bad)
    for bad in ["posts(NOPE) == 1", "span(IT) == 1", "posts(A) == 1", "members(HR) == 1",
                "distance(A, HR) == 1", "vacant(NOPE) == 1"]:
        t.raises(lambda bad=bad: evaluate(parse(bad), facts, on_base), CheckInputError,
                 "input error in %r" % bad)

    # -- every function on the base (hand-computed)
    # posts of ORG rolled up: A..H; vacant C, E; fte 1+1+1(C: default)+1+0.5+1+1+1 = 7.5
    # cost 1000+800+700+500+300+300+400+0 = 4000; managers A(2) B(2) C(1) D(2)
    expect = {"posts": {"ORG": 8, "IT": 5, "IT.SUP": 3, "HR": 2, "GRP": 0, "EXT": 2},
              "vacant": {"ORG": 2, "IT": 1, "IT.SUP": 1, "HR": 1, "GRP": 0, "EXT": 1},
              "fte": {"ORG": 7.5, "IT": 4.5, "IT.SUP": 2.5, "HR": 2, "GRP": 0, "EXT": 2},
              "cost": {"ORG": 4000, "IT": 2300, "IT.SUP": 1100, "HR": 700, "GRP": 0,
                       "EXT": 1400},
              "managers": {"ORG": 4, "IT": 2, "IT.SUP": 1, "HR": 1, "GRP": 0, "EXT": 1},
              "max_span": {"ORG": 2, "IT": 2, "IT.SUP": 2, "HR": 1, "GRP": 0, "EXT": 1},
              "min_span": {"ORG": 1, "IT": 2, "IT.SUP": 2, "HR": 1, "GRP": 0, "EXT": 1},
              "layers": {"ORG": 4, "IT": 4, "IT.SUP": 4, "HR": 3, "GRP": 0, "EXT": 2},
              # IT: (120 + 30 + none = 0) / 100; IT.SUP's 50 is its own; HR capacity 0
              "load": {"ORG": 0, "IT": 1.5, "IT.SUP": 0, "HR": 0, "GRP": 0, "EXT": 0},
              # articulation points B and D (both in IT and IT.SUP's rollups: D only)
              "single_points": {"ORG": 2, "IT": 2, "IT.SUP": 1, "HR": 0, "GRP": 0, "EXT": 0},
              "distance": {"ORG": 3, "IT": 3, "IT.SUP": 3, "HR": 2, "GRP": 0, "EXT": 1}}
    for fn, per_unit in expect.items():
        for u, want in per_unit.items():
            t.eq(val("%s(%s)" % (fn, u)), float(want), "%s(%s)" % (fn, u))
    spans = {"A": 2, "B": 2, "C": 1, "D": 2, "E": 0, "F": 0, "G": 0, "H": 0, "X": 1, "Y": 0}
    dist = {"A": 0, "B": 1, "C": 1, "D": 2, "E": 3, "F": 3, "G": 2, "H": 2, "X": 0, "Y": 1}
    # nearest member of GRP (A, D, E) up the line, itself counting 0
    dist_grp = {"A": 0, "B": 1, "C": 1, "D": 0, "E": 0, "F": 1, "G": 2, "H": 2, "X": INF,
                "Y": INF}
    vacant = {"A": 0, "B": 0, "C": 1, "D": 0, "E": 1, "F": 0, "G": 0, "H": 0, "X": 0, "Y": 1}
    # Component {A..H} (8 posts) and {X, Y}.  Without B: {D,E,F} and {A,C,G,H}: 7 - 4 = 3.
    # Without D: {E,F} and {A,B,C,G,H}: 7 - 5 = 2.  X, Y: a leaf each, no cut point.
    cut = {"A": 0, "B": 3, "C": 0, "D": 2, "E": 0, "F": 0, "G": 0, "H": 0, "X": 0, "Y": 0}
    # Betweenness, pairs through the post / C(9, 2) = 36 (normalised, n = 10):
    # D: {E,F} x {A,B,C,G,H} = 10.  B: {D,E,F} x {A,C,G,H} = 12, plus A-G (A-B-G is the
    # only shortest path; A-C-H-G is 3) = 13.  A: B-C (B-A-C is 2, B-G-H-C is 3): 1;
    # {D,E,F}-C: D-B-A-C (3) against D-B-G-H-C (4): 1 each = 3; G-C: G-H-C (2) < G-B-A-C:
    # 0.  So A: 4.  C: A-H: A-C-H (2) only = 1; B-H: B-A-C-H
    # and B-G-H: 0 (2 < 3); {D,E,F}-H: via B-G-H shorter: 0.  C: 1.  G: B-H (B-G-H only)
    # = 1; {D,E,F}-H: D-B-G-H (3) vs D-B-A-C-H (4): 3.  G: 4.  H: G-C (G-H-C only) = 1.
    # E, F: the dotted line; E-F direct: 0.  X, Y: 0.
    btw = {"A": 4, "B": 13, "C": 1, "D": 10, "E": 0, "F": 0, "G": 4, "H": 1, "X": 0, "Y": 0}
    for p in sorted(spans):
        t.eq(val("span(%s)" % p), float(spans[p]), "span(%s)" % p)
        t.eq(val("distance(%s)" % p), float(dist[p]), "distance(%s)" % p)
        t.eq(raw("distance", p, "GRP"), float(dist_grp[p]), "distance(%s, GRP)" % p)
        t.eq(val("vacant(%s)" % p), float(vacant[p]), "vacant(%s)" % p)
        t.eq(val("cut_off(%s)" % p), float(cut[p]), "cut_off(%s)" % p)
        t.eq(val("betweenness(%s)" % p), btw[p] / 36.0, "betweenness(%s)" % p)
        c = facts.cut_off_by_removal(p)
        t.eq(0 if c is None else c, cut[p], "cut-off of %s by removal" % p)
    t.eq(val("distance(X, GRP)"), None, "an infinite side is reported as None")
    t.eq(raw("distance", "IT", "GRP"), 2.0, "distance(IT, GRP): G is 2 from A")
    t.eq(raw("distance", "HR", "GRP"), 2.0, "distance(HR, GRP)")
    t.eq(raw("distance", "EXT", "GRP"), INF, "distance(EXT, GRP): none above")
    t.eq(raw("distance", "GRP", "GRP"), 0.0, "distance of a unit without posts")
    t.eq(raw("members", "GRP"), 3.0, "members(GRP): A, D, E (E twice)")
    t.eq(state("distance(X, GRP) <= 2"), "fails", "inf <= 2 fails")
    t.eq(state("distance(X, GRP) == distance(Y, GRP)"), "holds", "inf == inf holds")
    t.eq(state("distance(X, GRP) > 1e300"), "holds", "inf > 1e300")
    for ident, want in [("A", 1), ("IT", 1), ("pA", 1), ("pZ", 1), ("W1", 1), ("F1", 1),
                        ("NOPE", 0), ("R.M1", 0), ("a", 0)]:
        t.eq(val("exists(%s)" % ident), float(want), "exists(%s)" % ident)
    t.eq(state("fte(IT.SUP) == 2.5 and cost(HR) < 701 and cost(HR) > 699.999"), "holds",
         "and")
    t.eq(state("posts(IT) == 5 or posts(IT) == 4 and posts(IT) == 3"), "holds", "or/and")
    t.eq(state("(posts(IT) == 5 or posts(IT) == 4) and posts(IT) == 3"), "fails", "parens")
    t.eq(state("not posts(IT) == 5 or posts(HR) == 2"), "holds", "not binds to comparison")
    t.eq(state("not (posts(IT) == 5 or posts(HR) == 2)"), "fails", "not of a group")
    t.eq(state("not not posts(IT) == 5"), "holds", "not not")
    t.eq(state("-1 < posts(GRP)"), "holds", "negative number on the left")
    t.eq(evaluate(parse("3 < posts(IT) and span(A) > 9"), facts, on_base),
         ("fails", 3.0, 5.0), "value/limit of the first comparison")
    t.eq(evaluate(parse("(load(IT) <= 1.0)"), facts, on_base), ("fails", 1.5, 1.0), "load")

    # -- rules on the base
    def viol(rules, f=facts, r=on_base, name="base", totals=None):
        return sorted((v["rule"], v["subject"], v["value"], v["limit"])
                      for v in violations(rules, f, r, name, totals))
    t.eq(viol({"span": {"min": 2}}), [("span", "C", 1.0, 2.0), ("span", "X", 1.0, 2.0)],
         "span min")
    t.eq(viol({"span": {"max": 1}}), [("span", "A", 2.0, 1.0), ("span", "B", 2.0, 1.0),
                                      ("span", "D", 2.0, 1.0)], "span max")
    t.eq(viol({"span": {"min": 1, "max": 2}}), [], "span bounds are inclusive")
    t.eq(viol({"layers": {"max": 3}}), [("layers", "E", 4.0, 3.0), ("layers", "F", 4.0, 3.0)],
         "layers")
    t.eq(viol({"layers": {"max": 4}}), [], "layers == max is fine")
    t.eq(viol({"heads_filled": True}), [("heads_filled", "HR", 1.0, 0.0)], "heads_filled")
    t.eq(viol({"heads_filled": False}), [], "heads_filled false")
    t.eq(viol({"single_points": {"max_cut_off": 2}}), [("single_points", "B", 3.0, 2.0)],
         "single_points (D's 2 is fine)")
    t.eq(viol({"single_points": {"max_cut_off": 1}}),
         [("single_points", "B", 3.0, 1.0), ("single_points", "D", 2.0, 1.0)], "single_points 1")
    t.eq(viol({"load": {"max": 1.0}}), [("load", "IT", 1.5, 1.0)], "load")
    t.eq(viol({"load": {"max": 1.5}}), [], "load == max is fine")
    t.eq(viol({"load": {"max": -1}}), [("load", "HR", 0.0, -1.0), ("load", "IT", 1.5, -1.0)],
         "load counts only units with a capacity (HR's 0 counts)")
    t.eq(viol({"budget": {"cost": 0, "fte": 0}}), [], "the base never breaks its budget")
    t.eq(viol({"checks": [{"name": "c1", "check": "span(A) >= 3"},
                          {"name": "c2", "check": "distance(X, GRP) <= 2"},
                          {"name": "c3", "check": "posts(IT) == 5"},
                          {"name": "c4", "check": "1 > 2 or exists(Q) == 1"}]}),
         [("c1", "A", 2.0, 3.0), ("c2", "X", None, 2.0), ("c4", "Q", 1.0, 2.0)],
         "named checks: first id, first comparison, infinite as None")

    # -- scenarios: lineage
    def after(changes_yaml):
        result, lineage, tu, tp = apply_with_lineage(base, changes_of(changes_yaml))
        return (Facts(result, people, findings_ids), lineage_resolver(base, lineage), lineage,
                tu, tp)

    merge = "- merge: [IT.SUP, HR]\n  into: {id: M, name: M, parent: ORG}\n  head: D\n"
    f1, r1, lin, tu, tp = after(merge)
    t.eq(lin["units"]["HR"], "M", "lineage: HR merged into M")
    t.eq(lin["units"]["IT.SUP"], "M", "lineage: IT.SUP merged into M")
    t.eq(lin["units"]["IT"], "IT", "lineage: IT kept")
    # M holds D, E, F, C, H; C (HR's head) now reports to D: span(D) = E, F, C
    t.eq(val("posts(HR)", f1, r1), 5.0, "posts(HR) after the merge = posts(M)")
    t.eq(val("span(D)", f1, r1), 3.0, "span(D) after the merge")
    t.eq(val("posts(IT)", f1, r1), 2.0, "posts(IT) after the merge: B, G")
    t.eq(val("vacant(HR)", f1, r1), 2.0, "vacant(HR) = vacant(M): C, E")
    # M's capacity: IT.SUP none + HR 0 = 0: load 0; its serves M->IT: 50 + 10
    t.eq(val("load(HR)", f1, r1), 0.0, "load of the merged unit with capacity 0")
    t.eq(val("exists(M)", f1, r1), 1.0, "exists(M) after the merge")
    t.eq(val("exists(HR)", f1, r1), 0.0, "exists(HR) after: lineage not followed")
    t.eq(val("exists(M)"), 0.0, "exists(M) on the base")
    t.eq(sorted(tu), ["HR", "IT.SUP"], "merge touches the merged units")
    t.eq(sorted(tp), ["C", "D", "E", "F", "H"], "merge touches their posts")
    _, r1b, lin, _, _ = after(merge + "- remove_unit: {unit: M, posts_to: ORG}\n")
    t.eq(lin["units"]["HR"], "ORG", "lineage: merged, then removed into ORG")

    f2, r2, lin, tu, tp = after("- remove_post: {post: D, successor: E}\n"
                                "- remove_post: {post: E, successor: F}\n")
    t.eq(lin["posts"]["D"], "F", "lineage: D -> E -> F")
    t.eq(lin["posts"]["E"], "F", "lineage: E -> F")
    # E took D's place above (reported to B), F then E's: F reports to B, heads IT.SUP
    t.eq(val("span(D)", f2, r2), 0.0, "span(D) = span(F): no reports")
    t.eq(val("distance(D)", f2, r2), 2.0, "distance(D) = distance(F): F -> B -> A")
    t.eq(val("cut_off(D)", f2, r2), 0.0, "cut_off(D) = cut_off(F): a leaf")
    t.eq(val("cut_off(B)", f2, r2), 1.0, "cut_off(B): F alone, (6-1) - 4")
    t.eq(val("members(GRP)", f2, r2), 1.0, "members(GRP): D and E went with their links")
    t.eq(f2.units["IT.SUP"]["head"], "F", "IT.SUP's head is the last successor")
    t.eq(sorted(tp), ["D", "E", "F"], "remove_post touches the post and its reports")

    f3, r3, lin, tu, tp = after("- remove_unit: {unit: IT.SUP, posts_to: IT}\n")
    t.eq(lin["units"]["IT.SUP"], "IT", "lineage: removed unit -> posts_to")
    t.eq(val("posts(IT.SUP)", f3, r3), 5.0, "posts(IT.SUP) = posts(IT)")
    t.eq(val("load(IT.SUP)", f3, r3), 1.5, "load(IT.SUP) = load(IT); IT.SUP->IT dropped")
    t.eq(sorted(tu), ["IT.SUP"], "remove_unit touches the unit")
    t.eq(sorted(tp), ["D", "E", "F"], "and its posts")

    f4, r4, lin, _, _ = after("- split_unit: {unit: IT.SUP, into: [{id: IT.NEW, name: N, "
                              "head: F, posts: [F]}]}\n")
    t.eq(lin["units"]["IT.SUP"], "IT.SUP", "split unit keeps its id")
    t.eq(val("posts(IT.SUP)", f4, r4), 2.0, "posts(IT.SUP) after the split: D, E")
    t.eq(val("posts(IT)", f4, r4), 5.0, "IT.NEW is IT.SUP's sibling under IT")

    f5, r5, lin, _, _ = after("- remove_post: {post: G}\n- remove_unit: {unit: GRP}\n")
    t.eq(lin["posts"]["G"], None, "removed without successor: no lineage")
    t.eq(lin["units"]["GRP"], None, "removed unit without posts_to: no lineage")
    t.eq(evaluate(parse("span(G) == 0"), f5, r5), ("unknown", None, None), "span(G) unknown")
    t.eq(state("posts(IT) == 4 or span(G) == 0", f5, r5), "unknown",
         "any unknown id makes the check unknown")
    t.eq(state("members(GRP) >= 0", f5, r5), "unknown", "members of a removed group")
    t.eq(state("exists(G) == 0", f5, r5), "holds", "exists() is never unknown")
    t.eq(state("exists(G) == 0 and posts(IT) == 4", f5, r5), "holds", "exists + posts")

    # -- verdicts and touches
    findings = [
        {"id": "W1", "kind": "works", "about": ["D"], "check": "span(D) == 2"},
        {"id": "W2", "kind": "works", "about": ["IT"], "check": "posts(IT) >= 3"},
        {"id": "W3", "kind": "works", "about": ["EXT"], "check": "exists(G) == 1"},
        {"id": "D1", "kind": "doesnt_work", "about": ["IT"], "check": "load(IT) <= 1.0"},
        {"id": "D2", "kind": "doesnt_work", "about": ["HR"], "check": "vacant(HR) == 0"},
        {"id": "D3", "kind": "doesnt_work", "about": ["G"], "check": "span(G) >= 1"},
        {"id": "D4", "kind": "doesnt_work", "about": ["EXT"], "check": "posts(EXT) > 5"},
        {"id": "D5", "kind": "doesnt_work", "about": ["ORG"], "check": "posts(ORG) > 5"},
        {"id": "C1", "kind": "cause", "about": ["HR"], "check": ""},
    ]
    s5 = ("- remove_link: {from: IT, to: HR, kind: serves}\n"
          "- set_reports_to: {post: H, reports_to: A}\n"
          "- remove_post: {post: G}\n"
          "- remove_post: {post: D, successor: E}\n")
    s6 = "- add_post: {id: N, title: N, unit: IT, reports_to: B, cost: 250}\n"
    rules = {"span": {"min": 2, "max": 2}, "heads_filled": True, "budget": {"cost": 100, "fte": 0},
             "checks": [{"name": "g", "check": "span(G) >= 1"},
                        {"name": "b", "check": "span(B) <= 2"}]}
    result = run(base, people, findings, [("S5", changes_of(s5)), ("S6", changes_of(s6))], rules)
    t.eq([(c["finding"], c["state"], c["value"], c["limit"]) for c in result["checks"]],
         [("W1", "holds", 2.0, 2.0), ("W2", "holds", 5.0, 3.0), ("W3", "holds", 1.0, 1.0),
          ("D1", "fails", 1.5, 1.0), ("D2", "fails", 1.0, 0.0), ("D3", "fails", 0.0, 1.0),
          ("D4", "fails", 2.0, 5.0), ("D5", "holds", 8.0, 5.0)],
         "base states (D5 already holds: a warning, never resolved)")
    s5r = result["scenarios"][0]
    # load(IT) = 30/100: resolved (no touch needed).  H's new line touches H and HR (held
    # H): D2 addressed, still failing.  G removed: D3 unknown, W3 broken (exists), D1 touched
    # (IT held G).  D -> E, and E took D's place: span(E) = 1 (F): W1 broken.  IT: B, E, F.
    t.eq(s5r["resolved"], ["D1"], "S5 resolved")
    t.eq(s5r["addressed_not_resolved"], ["D2"], "S5 addressed, not resolved")
    t.eq(s5r["broken"], ["W1", "W3"], "S5 broken")
    t.eq(s5r["unknown"], ["D3"], "S5 unknown")
    t.eq([c["state"] for c in s5r["checks"]],
         ["fails", "holds", "fails", "holds", "fails", "unknown", "fails", "holds"], "S5 states")
    s6r = result["scenarios"][1]
    t.eq((s6r["resolved"], s6r["addressed_not_resolved"], s6r["broken"], s6r["unknown"]),
         ([], [], [], []), "S6: adding a post touches nothing, changes no state")
    _, _, _, tu, tp = after(s5)
    # W1 names D (removed), W2 and D1 IT (held G), D2 and C1 HR (held H), D3 names G.
    t.eq(touched_findings(base, findings, tu, tp), ["W1", "W2", "D1", "D2", "D3", "C1"],
         "S5 touches")
    _, _, _, tu, tp = after("- rename_unit: {unit: EXT, name: E2}\n")
    t.eq(touched_findings(base, findings, tu, tp), ["W3", "D4"], "rename touches the unit")
    _, _, _, tu, tp = after("- move_post: {post: E, unit: HR}\n")
    t.eq(touched_findings(base, findings, tu, tp), [], "only the unit that held it (IT.SUP)")
    _, _, _, tu, tp = after("- vacate_post: {post: A}\n- fill_post: {post: C, person: pQ}\n"
                            "- add_member: {post: B, group: GRP}\n")
    t.eq((sorted(tu), sorted(tp)), ([], []), "filling, vacating, members touch nothing")

    # -- rules on scenarios
    models = {m["name"]: sorted((v["rule"], v["subject"], v["value"], v["limit"])
                                for v in m["violations"]) for m in result["models"]}
    t.eq(models["base"], [("g", "G", 0.0, 1.0), ("heads_filled", "HR", 1.0, 0.0),
                          ("span", "C", 1.0, 2.0),
                          ("span", "X", 1.0, 2.0)], "base violations")
    # S5: cost 5400 - 400 (G) - 500 (D) = 4500 (base 5400), fte 9.5 - 2 = 7.5.
    # Spans: A 3 (B, C, H), B 1 (E), C 0, E 1 (F), X 1.  g: span(G) is unknown.  E, vacant,
    # succeeds D as IT.SUP's head.
    t.eq(models["S5"], [("g", "G", None, None), ("heads_filled", "HR", 1.0, 0.0),
                        ("heads_filled", "IT.SUP", 1.0, 0.0),
                        ("span", "A", 3.0, 2.0), ("span", "B", 1.0, 2.0),
                        ("span", "E", 1.0, 2.0), ("span", "X", 1.0, 2.0)], "S5 violations")
    # S6: cost 5400 + 250 = 5650 > 5500; fte 9.5 + 1 = 10.5 > 9.5; span(B) = 3.
    t.eq(models["S6"], [("b", "B", 3.0, 2.0), ("budget", "S6", 10.5, 9.5),
                        ("budget", "S6", 5650.0, 5500.0), ("g", "G", 0.0, 1.0),
                        ("heads_filled", "HR", 1.0, 0.0),
                        ("span", "B", 3.0, 2.0), ("span", "C", 1.0, 2.0),
                        ("span", "X", 1.0, 2.0)], "S6 violations, budget twice")
    t.eq(viol({"budget": {"cost": 250}}, f=Facts(apply_with_lineage(base, changes_of(s6))[0]),
              name="S6", totals=(5400.0, 9.5)), [], "budget == allowance is fine")
    t.eq(viol({"budget": {"fte": 1}}, f=Facts(apply_with_lineage(base, changes_of(s6))[0]),
              name="S6", totals=(5400.0, 9.5)), [], "budget fte only, at the allowance")
    t.raises(lambda: apply_with_lineage(base, changes_of("- remove_post: {post: A}\n")),
             ValueError, "an invalid change is refused")

    if t.failures:
        for f in t.failures:
            print("FAIL:", f)
        print("%d of %d assertions failed" % (len(t.failures), t.count))
        return 1
    print("self-test passed: %d assertions" % t.count)
    return 0


# ---------------------------------------------------------------- command line

def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="a CSV model folder")
    parser.add_argument("--scenario", action="append", default=[])
    parser.add_argument("--rules", help="rules file (default: MODEL/rules.yaml if present)")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args(argv[1:])
    base = oracle_apply.load_model(args.model)
    people, findings = load_extras(args.model)
    rules_path = args.rules or os.path.join(args.model, "rules.yaml")
    rules = load_rules(rules_path) if os.path.exists(rules_path) else None
    result = run(base, people, findings, [load_scenario_file(s) for s in args.scenario], rules)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
