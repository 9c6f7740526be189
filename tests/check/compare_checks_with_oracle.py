#!/usr/bin/env python3
"""Random checks and rules on a model, evaluated by `reorg findings`, `reorg compare` and
`reorg check` and by the independent oracle (check_oracle.py); exits 1 on any disagreement.

Usage: compare_checks_with_oracle.py REORG MODEL_DIR [--generate POSTS [--links-per-post L]]
                                     --seeds N --checks K [--changes C]

For each seed: K random checks (every function, and/or/not, thresholds near the true base
figure so that both states occur) written into the model's findings.csv, a random rules.yaml
beside it, and two random valid scenarios of C changes (tests/scenario/random_scenario.py).
Compared: every check's state and first-comparison figures on the base, each scenario's
resolved, addressed-not-resolved, broken and unknown findings, and every model's violations,
the number of broken models and check's exit code. With --generate the model is made by
`reorg generate` instead (L working links per post beyond the reporting line, default 1).
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

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "scenario"))
import check_oracle as oracle  # noqa: E402
import oracle_apply  # noqa: E402
import random_scenario  # noqa: E402


def number(x):
    return "%.10g" % x


def random_value(rng, model, groups):
    """A function of random ids of the right kinds: ('fn', name, [ids])."""
    units, posts = sorted(model["units"]), sorted(model["posts"])
    while True:
        name = rng.choice(sorted(oracle.FUNCTIONS))
        args = []
        for i, kind in enumerate(oracle.KINDS[name]):
            if name == "distance" and i == 1 and (not groups or rng.random() < 0.4):
                break
            if kind == "u":
                args.append(rng.choice(units))
            elif kind == "p":
                args.append(rng.choice(posts))
            elif kind == "x":
                args.append(rng.choice(units if rng.random() < 0.4 else posts))
            elif kind == "g":
                if not groups:
                    break
                args.append(rng.choice(groups))
            else:
                args.append(rng.choice(posts + units + ["NOT.THERE"]))
        if len(args) >= 1 and (name != "members" or groups):
            return ("fn", name, args)


def spelt(value):
    return "%s(%s)" % (value[1], ", ".join(value[2]))


def random_comparison(rng, model, groups, figures):
    value = random_value(rng, model, groups)
    current = oracle.evaluate(spelt(value) + " == 0", figures, oracle.in_base(model))[1]
    if current is None or not math.isfinite(current):
        limit = rng.choice([1, 2, 3])
    else:
        limit = rng.choice([current, current, current + 1, current - 1, current * 1.1,
                            current * 0.9])
    return "%s %s %s" % (spelt(value), rng.choice(oracle.OPS), number(limit))


def random_check(rng, model, groups, figures):
    r = rng.random()
    if r < 0.2:
        return "%s and %s" % (random_comparison(rng, model, groups, figures),
                              random_comparison(rng, model, groups, figures))
    if r < 0.35:
        return "(%s or %s) and not %s" % tuple(
            random_comparison(rng, model, groups, figures) for _ in range(3))
    if r < 0.45:
        return "not %s" % random_comparison(rng, model, groups, figures)
    return random_comparison(rng, model, groups, figures)


def write_findings(folder, rng, checks):
    with open(os.path.join(folder, "findings.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "kind", "statement", "about", "check"])
        for i, text in enumerate(checks, 1):
            about = oracle.ids_of(oracle.parse(text))[0][2]
            w.writerow(["R%d" % i, rng.choice(["works", "doesnt_work"]), "random check %d" % i,
                        about if about != "NOT.THERE" else "", text])


def write_rules(folder, rng, model, groups, figures):
    spans = [figures.span(p) for p in model["posts"]]
    spans = [s for s in spans if s > 0] or [1]
    layers = max(figures.layer(p) for p in model["posts"])
    cuts = sorted(figures.cut_off(p) for p in figures.articulation()) or [0]
    lines = [
        "span: {min: %d, max: %d}" % (rng.choice([1, 2, 3]), rng.choice([max(spans) - 1,
                                                                         max(spans), 12])),
        "layers: {max: %d}" % max(1, layers - rng.choice([0, 1])),
        "heads_filled: %s" % rng.choice(["true", "false"]),
        "single_points: {max_cut_off: %d}" % rng.choice(cuts),
        "load: {max: %s}" % rng.choice(["0.9", "1.0", "1.5"]),
        "budget: {cost: %s, fte: %s}" % (rng.choice(["0", "100000", "-1"]),
                                         rng.choice(["0", "1", "0.5"])),
        "checks:"]
    named = [random_check(rng, model, groups, figures)
             for _ in range(rng.choice([2, 3, 4]))]
    for i, text in enumerate(named, 1):
        lines.append("  - {name: named %d, check: %s}" % (i, json.dumps(text)))
    with open(os.path.join(folder, "rules.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return oracle_apply.yaml.safe_load("\n".join(lines))


def run(args, expect=(0,)):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode not in expect:
        raise RuntimeError("%s exited %d:\n%s" % (" ".join(args), done.returncode, done.stderr))
    return done


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return oracle.equal(float(a), float(b))


def finite(x):
    return x if x is not None and math.isfinite(x) else None


def violation_keys(items):
    return sorted((r, s, number(v) if v is not None else "null",
                   number(l) if l is not None else "null") for r, s, v, l in items)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("reorg")
    parser.add_argument("model")
    parser.add_argument("--generate", type=int, default=0)
    parser.add_argument("--links-per-post", default="1")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--checks", type=int, default=40)
    parser.add_argument("--changes", type=int, default=40)
    args = parser.parse_args()

    problems, checks_seen, violations_seen = [], 0, 0
    with tempfile.TemporaryDirectory() as scratch:
        source = args.model
        if args.generate:
            source = os.path.join(scratch, "generated")
            run([args.reorg, "generate", "--posts", str(args.generate), "--seed", "7",
                 "--links-per-post", args.links_per_post, "-o", source])
        for seed in range(1, args.seeds + 1):
            rng = random.Random(seed)
            folder = os.path.join(scratch, "m%d" % seed)
            os.makedirs(folder)
            for name in ("units.csv", "posts.csv", "people.csv", "links.csv"):
                if os.path.exists(os.path.join(source, name)):
                    shutil.copy(os.path.join(source, name), folder)
            base = oracle_apply.load_model(folder)
            groups = sorted(u for u, v in base["units"].items() if v["kind"] == "group")
            figures = oracle.Figures(base)
            checks = [random_check(rng, base, groups, figures) for _ in range(args.checks)]
            write_findings(folder, rng, checks)
            with open(os.path.join(folder, "findings.csv"), encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            kinds = {r["id"]: r["kind"] for r in rows}
            finding_ids = set(kinds)
            figures.findings = finding_ids  # exists() looks at findings too
            rules = write_rules(folder, rng, base, groups, figures)
            scenarios = []
            for k in (1, 2):
                path = os.path.join(scratch, "s%d-%d.yaml" % (seed, k))
                random_scenario.main(["random_scenario.py", folder, str(seed * 10 + k),
                                      str(args.changes), path])
                scenarios.append(path)

            where = "seed %d" % seed
            # The base: every check's state and figures.
            got = json.loads(run([args.reorg, "findings", folder, "--json"]).stdout)["checks"]
            expected = {}
            for r in rows:
                expected[r["id"]] = oracle.evaluate(r["check"], figures, oracle.in_base(base))
            for c in got:
                state, value, limit = expected[c["finding"]]
                checks_seen += 1
                if c["state"] != state or not same(c["value"], finite(value)) \
                        or not same(c["limit"], finite(limit)):
                    problems.append("%s base %s `%s`: reorg %s %s %s, oracle %s %s %s" % (
                        where, c["finding"], c["check"], c["state"], c["value"], c["limit"],
                        state, value, limit))
            if len(got) != len(rows):
                problems.append("%s: reorg lists %d checks, not %d" % (where, len(got), len(rows)))

            # Each scenario: the verdicts and the violations, through lineage.
            compared = json.loads(run([args.reorg, "compare", folder] + scenarios +
                                      ["--json"]).stdout)
            budget = oracle.totals(base)
            expected_models = [("base", oracle.violations(rules, figures, oracle.in_base(base),
                                                          "base"))]
            for k, path in enumerate(scenarios):
                changes = oracle_apply.load_scenario(path)
                result = oracle_apply.copy_model(base)
                error = oracle_apply.apply_scenario(result, changes)
                if error is not None:
                    problems.append("%s: the apply oracle refuses its scenario: %s" % (where, error))
                    continue
                after = oracle.Figures(result, finding_ids)
                resolve = oracle.through_lineage(base, result, oracle.lineage_of(changes))
                s = compared["scenarios"][k]
                addressed = set(s["addressed"])
                verdicts = {"resolved": [], "addressed_not_resolved": [], "broken": [],
                            "unknown": []}
                for r in rows:
                    before = expected[r["id"]][0]
                    now = oracle.evaluate(r["check"], after, resolve)[0]
                    if now == "unknown":
                        verdicts["unknown"].append(r["id"])
                    elif kinds[r["id"]] == "doesnt_work" and before == "fails":
                        if now == "holds":
                            verdicts["resolved"].append(r["id"])
                        elif r["id"] in addressed:
                            verdicts["addressed_not_resolved"].append(r["id"])
                    elif kinds[r["id"]] == "works" and before == "holds" and now == "fails":
                        verdicts["broken"].append(r["id"])
                for key, ids in verdicts.items():
                    if sorted(s[key]) != sorted(ids):
                        problems.append("%s scenario %d %s: reorg %s, oracle %s" % (
                            where, k + 1, key, sorted(s[key]), sorted(ids)))
                name = s["name"]
                expected_models.append((name, oracle.violations(rules, after, resolve, name,
                                                                budget)))

            # reorg check: every model's violations, the count and the exit code.
            checked = run([args.reorg, "check", folder, "--json"] +
                          [x for p in scenarios for x in ("--scenario", p)], expect=(0, 3))
            doc = json.loads(checked.stdout)
            broken = sum(1 for _, v in expected_models if v)
            if doc["broken"] != broken or checked.returncode != (3 if broken else 0):
                problems.append("%s: reorg check broken %d exit %d, oracle broken %d" % (
                    where, doc["broken"], checked.returncode, broken))
            for (name, wanted), model in zip(expected_models, doc["models"]):
                got_v = violation_keys((v["rule"], v["subject"], v["value"], v["limit"])
                                       for v in model["violations"])
                want_v = violation_keys((r, s_, finite(v), finite(l)) for r, s_, v, l in wanted)
                violations_seen += len(want_v)
                if model["name"] != name or got_v != want_v:
                    missing = [v for v in want_v if v not in got_v][:5]
                    extra = [v for v in got_v if v not in want_v][:5]
                    problems.append("%s model %s: oracle only %s; reorg only %s" % (
                        where, name, missing, extra))
            for k, s in enumerate(compared["scenarios"]):
                if len(s["violations"]) != len(expected_models[k + 1][1]):
                    problems.append("%s: compare lists %d violations for %s, check %d" % (
                        where, len(s["violations"]), s["name"], len(expected_models[k + 1][1])))

    for p in problems[:30]:
        print(p)
    print("%d seeds, %d checks, %d violations; %d disagreements" % (
        args.seeds, checks_seen, violations_seen, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
