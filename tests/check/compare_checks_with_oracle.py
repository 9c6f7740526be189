#!/usr/bin/env python3
"""Compares reorg's checks (SPEC §4.1) and rules (§4.2) with the independent oracle.

Usage: compare_checks_with_oracle.py REORG MODEL_DIR --seeds N --checks K [--generate POSTS]
                                     [--changes C] [--touches oracle|reorg]

For each seed 1..N: a copy of MODEL_DIR (or, with --generate, an organisation of POSTS posts
made by `REORG generate --seed SEED`) in a scratch folder; K random valid checks written into
its findings.csv (findings rows of kind works/doesnt_work are added when it has too few); a
random rules.yaml beside it (every rule kind, bounds near the model's own figures, 2-4 named
checks); two random valid scenarios of C changes (tests/scenario/random_scenario.py).  Then
`reorg findings --json`, `reorg compare --json` and `reorg check --json` are compared with the
oracle: every check's state and the two sides of its first comparison, each scenario's
verdict lists, every model's violations (as multisets), `broken` and the exit code of check.

addressed_not_resolved needs what a scenario touches: by default the oracle's own reading of
SPEC §4; with --touches reorg, the `addressed` list reorg's compare prints (what a change
touches is tested by the scenario tests); with --touches none it is not compared.

Deterministic for a seed.  Prints a compact list of disagreements and exits 1, or
"N seeds, M checks, V violations agreed" and exits 0.
"""

import argparse
import csv
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "scenario"))
import check_oracle as oracle  # noqa: E402
import oracle_apply  # noqa: E402
import random_scenario  # noqa: E402

SAFE_ID = set(oracle.SPECIAL)
BETWEENNESS_UP_TO = 1000  # posts; NetworkX takes ~40 s a model at 2,000 posts: none above


# ---------------------------------------------------------------- random checks

def fmt_number(rng, x):
    """A number as a check writes it (sometimes with an exponent or a trailing .0)."""
    if float(x).is_integer() and abs(x) < 1e15:
        r = rng.random()
        if r < 0.1:
            return "%d.0" % x
        if r < 0.15:
            return "%de0" % x
        return "%d" % x
    return repr(float(x))


def fmt_id(rng, ident):
    """An id as a check writes it: bare, or quoted with ' or " now and then (always when it
    holds a character that ends a bare id)."""
    bare_ok = not any(c in SAFE_ID or c.isspace() for c in ident)
    if bare_ok and rng.random() < 0.88:
        return ident
    quote = "'" if "'" not in ident and (rng.random() < 0.5 or '"' in ident) else '"'
    return quote + ident + quote


class Pool:
    """The ids of a base model, sorted, by what a function takes."""

    def __init__(self, facts, findings):
        self.facts = facts
        self.units = sorted(facts.units)
        self.posts = sorted(facts.posts)
        both = set(self.units) & set(self.posts)  # ambiguous ids: avoided
        self.units = [u for u in self.units if u not in both]
        self.posts = [p for p in self.posts if p not in both]
        self.groups = [u for u in self.units if facts.units[u]["kind"] == "group"]
        self.capacity = [u for u in self.units if facts.units[u]["capacity"] is not None]
        self.managers = [p for p in facts.managers() if p in self.posts]
        self.cut = [p for p in sorted(facts.cut_offs()) if p in self.posts]
        self.people = sorted(facts.people)
        self.findings = sorted(f["id"] for f in findings)
        self.betweenness = len(self.posts) <= BETWEENNESS_UP_TO


def pick_post(rng, pool, preferred):
    return rng.choice(preferred) if preferred and rng.random() < 0.7 else rng.choice(pool.posts)


def gen_function(rng, pool):
    """(text, function name, [(id, kind)]) of a random function call."""
    menu = [("posts", 1), ("vacant_u", 1), ("vacant_p", 1), ("fte", 1), ("cost", 1),
            ("managers", 1), ("span", 1.5), ("max_span", 1), ("min_span", 1), ("layers", 1),
            ("load", 1.5), ("cut_off", 1.5), ("single_points", 1), ("distance", 1),
            ("distance_u", 0.7), ("exists", 1)]
    if pool.groups:
        menu += [("distance_g", 1.5), ("members", 1)]
    if pool.betweenness:
        menu += [("betweenness", 0.7)]
    name = rng.choices([m for m, _ in menu], [w for _, w in menu])[0]
    if name in ("posts", "vacant_u", "fte", "cost", "managers", "max_span", "min_span",
                "layers", "single_points", "distance_u"):
        args = [(rng.choice(pool.units), "unit")]
    elif name == "load":
        u = rng.choice(pool.capacity) if pool.capacity and rng.random() < 0.8 else \
            rng.choice(pool.units)
        args = [(u, "unit")]
    elif name in ("span",):
        args = [(pick_post(rng, pool, pool.managers), "post")]
    elif name == "cut_off":
        args = [(pick_post(rng, pool, pool.cut), "post")]
    elif name in ("vacant_p", "distance", "betweenness"):
        args = [(rng.choice(pool.posts), "post")]
    elif name == "distance_g":
        first = (rng.choice(pool.units), "unit") if rng.random() < 0.3 else \
            (rng.choice(pool.posts), "post")
        args = [first, (rng.choice(pool.groups), "unit")]
    elif name == "members":
        args = [(rng.choice(pool.groups), "unit")]
    else:  # exists: any id, now and then one a random scenario may create
        r = rng.random()
        if r < 0.3:
            ident = rng.choice(pool.posts)
        elif r < 0.5:
            ident = rng.choice(pool.units)
        elif r < 0.6 and pool.people:
            ident = rng.choice(pool.people)
        elif r < 0.7 and pool.findings:
            ident = rng.choice(pool.findings)
        elif r < 0.9:
            ident = "R.%s%d" % (rng.choice("PUMS"), rng.randint(1, 12))
        else:
            ident = "NO.SUCH.%d" % rng.randint(1, 99)
        args = [(ident, "any")]
    fn = name.split("_")[0] if name in ("vacant_u", "vacant_p", "distance_g",
                                        "distance_u") else name
    textual = "%s(%s)" % (fn, ", ".join(fmt_id(rng, a) for a, _ in args))
    return textual, args


def value_of(textual, facts):
    """The value of one function call on the base (infinite kept)."""
    tree = oracle.parse(textual + " == 0")
    v = tree[2]
    resolve = oracle.base_resolver(facts.model)
    if v[1] == "exists":
        return 1.0 if facts.exists(v[2][0]) else 0.0
    kinds = [k for k in oracle.FUNCTIONS[v[1]] if len(k) == len(v[2])][0]
    return facts.value(v[1], [resolve(a, kinds[i]) for i, a in enumerate(v[2])], kinds)


def near(rng, v):
    """A threshold near v, so that both outcomes occur."""
    if math.isinf(v):
        return float(rng.choice([0, 1, 2, 3, 5, 10]))
    if float(v).is_integer():
        return v + rng.choice([0, 0, 0, 1, -1, 2, -2]) * (1 if abs(v) < 50 else max(1, abs(v)
                                                                                // 20))
    r = rng.random()
    if r < 0.4:
        return v
    if r < 0.7:
        return v * rng.choice([0.9, 0.99, 1.01, 1.1])
    if r < 0.85:
        return round(v, 2)
    return float(round(v))


def gen_comparison(rng, pool, used):
    """A comparison's text; its ids are added to used."""
    ops = ["<", "<=", "==", "!=", ">=", ">"]
    op = rng.choice(ops)
    left, args = gen_function(rng, pool)
    used.extend(args)
    r = rng.random()
    if r < 0.1:
        right, args2 = gen_function(rng, pool)
        used.extend(args2)
        return "%s %s %s" % (left, op, right)
    number = fmt_number(rng, near(rng, value_of(left, pool.facts)))
    if r < 0.25:
        return "%s %s %s" % (number, op, left)
    return "%s %s %s" % (left, op, number)


def gen_condition(rng, pool, used, depth=0):
    """(text, precedence) of a random condition: or 1, and 2, not 3, comparison 4."""
    r = rng.random()
    if depth >= 2 or r < 0.5:
        text, prec = gen_comparison(rng, pool, used), 4
    elif r < 0.72:
        parts = [gen_condition(rng, pool, used, depth + 1) for _ in range(rng.randint(2, 3))]
        text = " and ".join(t if p > 2 else "(%s)" % t for t, p in parts)
        prec = 2
    elif r < 0.9:
        parts = [gen_condition(rng, pool, used, depth + 1) for _ in range(rng.randint(2, 3))]
        text = " or ".join(t for t, p in parts)
        prec = 1
    else:
        t, p = gen_condition(rng, pool, used, depth + 1)
        text = "not " + (t if p >= 3 else "(%s)" % t)
        prec = 3
    if rng.random() < 0.08:
        text, prec = "(%s)" % text, 4
    return text, prec


def gen_check(rng, pool, want=None):
    """(check text, ids used) whose base state is want ('holds'/'fails') when that is found
    within a few tries."""
    for _ in range(8):
        used = []
        text, _ = gen_condition(rng, pool, used)
        state = oracle.evaluate(oracle.parse(text), pool.facts,
                                oracle.base_resolver(pool.facts.model))[0]
        if want is None or state == want:
            break
    return text, used


# ---------------------------------------------------------------- the scratch model

def write_findings(rng, folder, pool, k):
    """K random checks in folder/findings.csv (rows added when needed); returns the
    findings as the oracle reads them."""
    path = os.path.join(folder, "findings.csv")
    rows, fieldnames = [], ["id", "kind", "statement", "about", "because", "severity", "count",
                            "source", "check"]
    if os.path.exists(path):
        with open(path, encoding="utf-8-sig", newline="") as f:
            text = f.read()
        first = text.split("\n", 1)[0]
        sep = ";" if (";" in first and "," not in first) else ","
        reader = csv.DictReader(text.splitlines(True), delimiter=sep)
        rows = [dict(r) for r in reader]
        fieldnames = list(reader.fieldnames)
        if "check" not in fieldnames:
            fieldnames.append("check")
    for r in rows:
        r["check"] = ""
    eligible = [r for r in rows if r.get("kind") in ("works", "doesnt_work")]
    rng.shuffle(eligible)
    taken = set(r.get("id") for r in rows) | set(pool.facts.units) | set(pool.facts.posts) \
        | set(pool.facts.people)
    n = 0
    targets = []
    while len(eligible) < k:
        n += 1
        fid = "CHK%03d" % n
        if fid in taken:
            continue
        row = {name: "" for name in fieldnames}
        row.update({"id": fid, "kind": rng.choice(["works", "doesnt_work"]),
                    "statement": "Slumpad kontroll %d" % n, "severity": "3", "count": "1"})
        rows.append(row)
        eligible.append(row)
    for row in eligible[:k]:
        want = "holds" if row["kind"] == "works" else "fails"
        text, used = gen_check(rng, pool, want if rng.random() < 0.85 else None)
        row["check"] = text
        for ident, kind in used:
            if kind != "any" and ident not in targets:
                targets.append(ident)
        if row["id"].startswith("CHK") and not row.get("about"):
            about = []
            for ident, kind in used:
                if kind != "any" and ident not in about:
                    about.append(ident)
            row["about"] = ";".join(about) or rng.choice(pool.units)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fieldnames, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k2: (r.get(k2) or "") for k2 in fieldnames})
    return oracle.load_extras(folder)[1], targets


def targeted(rng, model, changes, targets, howmany):
    """changes, plus up to howmany changes that remove or merge an element a check names
    (so that lineage and unknown checks occur), each kept only when valid."""
    m = model
    for c in changes:
        m = random_scenario.try_change(m, c)
    out = list(changes)
    for ident in rng.sample(targets, min(howmany, len(targets))):
        cands = []
        if ident in m["posts"]:
            reports = [q for q in sorted(m["posts"]) if m["posts"][q]["reports_to"] == ident]
            heads = any(u["head"] == ident for u in m["units"].values())
            if not reports and not heads:
                cands.append({"remove_post": {"post": ident}})
            under = random_scenario.below_post(m, ident)
            same = [q for q in random_scenario.posts_in(m, m["posts"][ident]["unit"])
                    if q not in under]
            if same:
                cands.append({"remove_post": {"post": ident, "successor": rng.choice(same)}})
        elif ident in m["units"]:
            unit = m["units"][ident]
            if not random_scenario.posts_in(m, ident) and not random_scenario.children(m, ident):
                cands.append({"remove_unit": {"unit": ident}})
            if unit["parent"] is not None:
                cands.append({"remove_unit": {"unit": ident, "posts_to": unit["parent"]}})
                sibs = [v for v in random_scenario.children(m, unit["parent"]) if v != ident]
                heads = [h for h in [unit["head"]] if h is not None]
                if sibs and heads:
                    cands.append({"merge": [ident, rng.choice(sibs)],
                                  "into": {"id": "R.T%d" % (len(out) + 1),
                                           "name": "Sammanslagen %d" % (len(out) + 1),
                                           "parent": unit["parent"]},
                                  "head": heads[0]})
        rng.shuffle(cands)
        for c in cands:
            after = random_scenario.try_change(m, c)
            if after is not None:
                out.append(c)
                m = after
                break
    return out


def gen_rules(rng, pool):
    """A random rules dict with bounds near the model's own figures."""
    facts = pool.facts
    rules = {}
    spans = sorted(facts.span(p) for p in facts.managers())
    if spans and rng.random() < 0.9:
        span = {}
        r = rng.random()
        if r < 0.8:
            span["min"] = rng.choice([1, 2, 2, 3])
        if r > 0.2:
            span["max"] = max(1, spans[-1] - rng.randint(0, 3))
        rules["span"] = span
    if facts.posts and rng.random() < 0.9:
        deepest = max(facts.layer(p) for p in facts.posts)
        rules["layers"] = {"max": max(1, deepest - rng.randint(0, 2))}
    r = rng.random()
    if r < 0.7:
        rules["heads_filled"] = True
    elif r < 0.85:
        rules["heads_filled"] = False
    cuts = sorted(facts.cut_offs().values())
    if rng.random() < 0.9:
        rules["single_points"] = {"max_cut_off": rng.choice(cuts) if cuts and rng.random() < 0.8
                                  else rng.randint(0, 30)}
    loads = [facts.load(u) for u in pool.capacity]
    if rng.random() < 0.9:
        rules["load"] = {"max": rng.choice(loads) if loads and rng.random() < 0.6
                         else rng.choice([0.5, 1.0, 1.0, 1.5])}
    if rng.random() < 0.9:
        budget = {}
        if rng.random() < 0.85:
            budget["cost"] = rng.choice([0, 0, 100000, 500000, 2500000])
        if rng.random() < 0.85:
            budget["fte"] = rng.choice([0, 0, 0.5, 1, 3])
        if budget:
            rules["budget"] = budget
    rules["checks"] = []
    for i in range(rng.randint(2, 4)):
        text, _ = gen_check(rng, pool)
        rules["checks"].append({"name": "Regel %d: %s" % (i + 1, rng.choice(
            ["IT nära styrgruppen", "Lönen hänger inte på en post", "Chefer i tjänst",
             "Service klarar flödet"])), "check": text})
    return rules


# ---------------------------------------------------------------- comparing

def same_number(a, b):
    if a is None or b is None:
        return a is None and b is None
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    return oracle.equal(float(a), float(b))


def as_tuple(v):
    return (v.get("rule"), v.get("subject"), v.get("value"), v.get("limit"))


def same_violation(a, b):
    return a[0] == b[0] and a[1] == b[1] and same_number(a[2], b[2]) and same_number(a[3], b[3])


def diff_violations(wanted, got):
    """(missing from reorg, extra in reorg) of two lists of violations, as multisets."""
    rest = [as_tuple(v) for v in got]
    missing = []
    for v in (as_tuple(x) for x in wanted):
        for i, g in enumerate(rest):
            if same_violation(v, g):
                del rest[i]
                break
        else:
            missing.append(v)
    return missing, rest


def run_json(cmd, allowed=(0,)):
    """(exit code, JSON document or None, stderr)."""
    p = subprocess.run(cmd, capture_output=True, text=True)
    doc = None
    if p.returncode in allowed:
        try:
            doc = json.loads(p.stdout)
        except ValueError:
            doc = None
    return p.returncode, doc, p.stderr.strip()


def compare_seed(args, seed, scratch, notes):
    """Disagreement lines of one seed; counts added to notes."""
    rng = random.Random(seed)
    folder = os.path.join(scratch, "model-%d" % seed)
    if args.generate:
        subprocess.run([args.reorg, "generate", "--posts", str(args.generate), "--seed",
                        str(seed), "-o", folder], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    else:
        shutil.copytree(args.model, folder)
    for stale in ("rules.yaml", "model.reorg"):
        if os.path.exists(os.path.join(folder, stale)):
            os.remove(os.path.join(folder, stale))
    base = oracle_apply.load_model(folder)
    people, findings = oracle.load_extras(folder)
    pool = Pool(oracle.Facts(base, people, [f["id"] for f in findings]), findings)
    findings, targets = write_findings(rng, folder, pool, args.checks)
    pool.facts.findings = set(f["id"] for f in findings)  # rows may have been added
    rules = gen_rules(rng, pool)
    with open(os.path.join(folder, "rules.yaml"), "w", encoding="utf-8") as f:
        yaml_text = oracle.yaml.safe_dump(rules, allow_unicode=True, sort_keys=False,
                                          width=1 << 20)
        f.write(yaml_text)
    scenario_files, scenarios = [], []
    for i in (1, 2):
        s_seed = seed * 1000 + i
        changes = random_scenario.generate(base, s_seed, args.changes)
        if rng.random() < 0.8:
            changes = targeted(rng, base, changes, targets, rng.randint(1, 4))
        path = os.path.join(scratch, "scenario-%d-%d.yaml" % (seed, i))
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(random_scenario.to_yaml(s_seed, changes))
        scenario_files.append(path)
        scenarios.append(oracle.load_scenario_file(path))
    want = oracle.run(base, people, findings, scenarios, rules, pool.facts)
    notes["checks"] += len(want["checks"])
    for c in want["checks"]:
        notes["base " + c["state"]] = notes.get("base " + c["state"], 0) + 1
    for s in want["scenarios"]:
        for c in s["checks"]:
            notes["after " + c["state"]] = notes.get("after " + c["state"], 0) + 1
        for key in ("resolved", "addressed_not_resolved", "broken", "unknown"):
            notes[key] = notes.get(key, 0) + len(s[key])
    notes["violations"] += sum(len(m["violations"]) for m in want["models"])
    out = []

    def say(line):
        out.append("seed %d: %s" % (seed, line))

    # reorg findings --json: the checks on the base
    rc, doc, err = run_json([args.reorg, "findings", folder, "--json"])
    if doc is None or not isinstance(doc.get("checks"), list):
        say("reorg findings exited %d: %s" % (rc, err[:500]))
    else:
        got = {c.get("finding"): c for c in doc["checks"]}
        for c in want["checks"]:
            g = got.pop(c["finding"], None)
            if g is None:
                say("findings: no check for %s (%s)" % (c["finding"], c["check"]))
                continue
            if (g.get("state") != c["state"] or not same_number(g.get("value"), c["value"])
                    or not same_number(g.get("limit"), c["limit"])):
                say("findings %s `%s`: oracle %s %r %r, reorg %s %r %r (%s)"
                    % (c["finding"], c["check"], c["state"], c["value"], c["limit"],
                       g.get("state"), g.get("value"), g.get("limit"), g.get("reason")))
        for fid in sorted(x for x in got if x is not None):
            say("findings: reorg has a check for %s that the oracle lacks" % fid)
        for fid in [x for x in got if x is None]:
            say("findings: a check without a finding id")

    # reorg compare --json: the verdicts per scenario
    rc, doc, err = run_json([args.reorg, "compare", folder] + scenario_files + ["--json"])
    if doc is None or not isinstance(doc.get("scenarios"), list):
        say("reorg compare exited %d: %s" % (rc, err[:500]))
    elif len(doc["scenarios"]) != len(want["scenarios"]):
        say("compare: %d scenarios, the oracle has %d" % (len(doc["scenarios"]),
                                                          len(want["scenarios"])))
    else:
        kinds = {f["id"]: f["kind"] for f in findings}
        for w, g in zip(want["scenarios"], doc["scenarios"]):
            if g.get("name") != w["name"]:
                say("compare: scenario %r, the oracle's is %r" % (g.get("name"), w["name"]))
            lists = ["resolved", "broken", "unknown"]
            expected = dict(w)
            if args.touches == "reorg":
                if isinstance(g.get("addressed"), list):
                    after = {c["finding"]: c["state"] for c in w["checks"]}
                    before = {c["finding"]: c["state"] for c in want["checks"]}
                    expected["addressed_not_resolved"] = sorted(
                        f for f in g["addressed"] if kinds.get(f) == "doesnt_work"
                        and before.get(f) == "fails" and after.get(f) == "fails")
                    lists.append("addressed_not_resolved")
                else:
                    notes["not_compared"] = True
            elif args.touches == "oracle":
                lists.append("addressed_not_resolved")
            else:
                notes["not_compared"] = True
            for key in lists:
                if sorted(g.get(key) or []) != expected[key]:
                    say("compare %s %s: oracle %s, reorg %s"
                        % (w["name"], key, expected[key], sorted(g.get(key) or [])))
            missing, extra = diff_violations(w["violations"], g.get("violations") or [])
            for v in missing[:8]:
                say("compare %s: violation missing from reorg: %r" % (w["name"], v))
            for v in extra[:8]:
                say("compare %s: violation only in reorg: %r" % (w["name"], v))

    # reorg check --json: the violations per model
    cmd = [args.reorg, "check", folder]
    for s in scenario_files:
        cmd += ["--scenario", s]
    rc, doc, err = run_json(cmd + ["--json"], allowed=(0, 3))
    broken = sum(1 for m in want["models"] if m["violations"])
    if doc is None or not isinstance(doc.get("models"), list):
        say("reorg check exited %d: %s" % (rc, err[:500]))
    else:
        if rc != (3 if broken else 0):
            say("check exited %d, the oracle expects %d" % (rc, 3 if broken else 0))
        if doc.get("broken") != broken:
            say("check: broken %r, the oracle says %d" % (doc.get("broken"), broken))
        names = [m.get("name") for m in doc["models"]]
        if names != [m["name"] for m in want["models"]]:
            say("check: models %r, the oracle's %r" % (names, [m["name"] for m in
                                                               want["models"]]))
        for w, g in zip(want["models"], doc["models"]):
            missing, extra = diff_violations(w["violations"], g.get("violations") or [])
            for v in missing[:8]:
                say("check %s: violation missing from reorg: %r" % (w["name"], v))
            for v in extra[:8]:
                say("check %s: violation only in reorg: %r" % (w["name"], v))
            if len(missing) > 8 or len(extra) > 8:
                say("check %s: %d missing, %d extra in all" % (w["name"], len(missing),
                                                               len(extra)))
    if out:
        out.append("seed %d: files kept in %s" % (seed, folder))
    return out


def main():
    parser = argparse.ArgumentParser(
        description="Compare reorg findings/compare/check with the independent check oracle.")
    parser.add_argument("reorg", help="the reorg executable")
    parser.add_argument("model", help="a CSV model folder (ignored with --generate)")
    parser.add_argument("--seeds", type=int, default=10, help="seeds 1..N (default 10)")
    parser.add_argument("--checks", type=int, default=40, help="checks per seed (default 40)")
    parser.add_argument("--generate", type=int, default=0, metavar="POSTS",
                        help="use `reorg generate --posts POSTS --seed SEED` (at most 2000)")
    parser.add_argument("--changes", type=int, default=10,
                        help="changes per random scenario (default 10)")
    parser.add_argument("--touches", choices=["oracle", "reorg", "none"], default="oracle",
                        help="where addressed_not_resolved takes what a scenario touches from")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()
    if args.generate > 2000:
        parser.error("--generate: at most 2000 posts")

    notes = {"checks": 0, "violations": 0, "not_compared": False}
    problems = []
    scratch = tempfile.mkdtemp(prefix="reorg-checks-")
    try:
        for seed in range(1, args.seeds + 1):
            lines = compare_seed(args, seed, scratch, notes)
            for line in lines[:25]:
                print(line)
            if len(lines) > 25:
                print("seed %d: ... %d more" % (seed, len(lines) - 25))
            problems.extend(lines)
    finally:
        if not problems and not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            print("scratch folder kept: %s" % scratch)
    print("oracle: on the base %d hold, %d fail; on the scenarios %d hold, %d fail, %d unknown;"
          " %d resolved, %d addressed not resolved, %d broken"
          % tuple(notes.get(k, 0) for k in ("base holds", "base fails", "after holds",
                                            "after fails", "after unknown", "resolved",
                                            "addressed_not_resolved", "broken")))
    if notes["not_compared"]:
        print("addressed_not_resolved: not compared")
    if problems:
        print("%d seeds, %d checks, %d violations; %d disagreements"
              % (args.seeds, notes["checks"], notes["violations"],
                 len([p for p in problems if "files kept in" not in p])))
        return 1
    print("%d seeds, %d checks, %d violations agreed"
          % (args.seeds, notes["checks"], notes["violations"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
