#!/usr/bin/env python3
"""Write a benchmark scenario of N changes over a CSV model folder, valid by construction.

    python3 bench/make_scenario.py MODEL_DIR N SEED OUT.yaml

Reads units.csv and posts.csv of MODEL_DIR (only the columns it needs) and writes a scenario
(SPEC §4) of N changes, mixed about 35 % move_post, 25 % set_reports_to, 15 % add_post,
15 % remove_post and 10 % vacate_post / fill_post, in an order shuffled by SEED. The same model
and seed give the same file.

Why every change is valid, whatever the order:
- Only "leaf" posts change: posts that no post reports to and that head no unit. Each is
  changed at most once. A leaf has no reports, so moving, re-pointing or removing it cannot
  create a reporting cycle or leave anyone without a manager (remove_post needs no successor),
  and since it heads nothing, no unit loses its head.
- Every new manager is a unit's head post, and heads are never changed.
- move_post {post, unit: U, reports_to: head of U}: U is a unit that holds posts and has a
  head (administration, department, office or team), other than the post's own unit.
- set_reports_to {post, reports_to: H}: H is the head of the post's own unit or of one of that
  unit's direct sub-units (so the post keeps its path to the head of its unit and the result has
  no new "no path to the head" warning), never the post's current manager.
- add_post: new ids NEW00001, NEW00002, ... (checked against the model's post ids), in a unit
  as for move_post, reporting to its head, cost 500000 (vacant).
- vacate_post only for a filled leaf, fill_post only for a vacant one, with a new person id
  NEWP00001, ... (checked against the model's person ids).

Python 3 standard library only.
"""

import csv
import json
import random
import sys
import time

PLACE_KINDS = {"administration", "department", "office", "team"}


def read_columns(path, wanted):
    """The wanted columns of a CSV file as parallel lists (missing columns: empty strings)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        sample = f.readline()
        f.seek(0)
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        reader = csv.reader(f, delimiter=delimiter)
        header = [h.strip() for h in next(reader)]
        index = {name: i for i, name in enumerate(header)}
        if "id" not in index:
            sys.exit(f"make_scenario.py: {path}: no column id")
        columns = {w: [] for w in wanted}
        picks = [(columns[w], index.get(w)) for w in wanted]
        for row in reader:
            if not row:
                continue
            for column, i in picks:
                column.append(row[i] if i is not None and i < len(row) else "")
        return columns


def quote(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML double-quoted scalars)."""
    return json.dumps(text, ensure_ascii=False)


def main(argv):
    if len(argv) != 5:
        sys.exit("usage: make_scenario.py MODEL_DIR N SEED OUT.yaml")
    model_dir, n, seed, out = argv[1], int(argv[2]), int(argv[3]), argv[4]
    started = time.monotonic()
    rng = random.Random(seed)

    units = read_columns(f"{model_dir}/units.csv", ["id", "kind", "parent", "head"])
    posts = read_columns(f"{model_dir}/posts.csv", ["id", "unit", "reports_to", "person"])

    post_ids = posts["id"]
    post_unit = posts["unit"]
    post_manager = posts["reports_to"]
    post_person = posts["person"]
    head_of = {u: h for u, h in zip(units["id"], units["head"]) if h}
    parent_of = dict(zip(units["id"], units["parent"]))
    children = {}
    for u, parent in zip(units["id"], units["parent"]):
        if parent:
            children.setdefault(parent, []).append(u)

    managers = set(post_manager)
    heads = set(head_of.values())
    leaves = [i for i, p in enumerate(post_ids) if p not in managers and p not in heads]

    units_with_posts = set(post_unit)
    places = sorted(
        (u for u, k in zip(units["id"], units["kind"])
         if k in PLACE_KINDS and u in head_of and u in units_with_posts),
        key=lambda u: (len(u), u))
    if len(places) < 2:
        sys.exit("make_scenario.py: the model needs at least two units with a head and posts")

    def nearest_head(unit):
        seen = set()
        while unit and unit not in seen:
            seen.add(unit)
            if unit in head_of:
                return head_of[unit]
            unit = parent_of.get(unit, "")
        return ""

    # Shuffled pools of leaves; `used` makes each leaf change at most once.
    all_leaves = leaves[:]
    rng.shuffle(all_leaves)
    vacant_leaves = [i for i in all_leaves if not post_person[i]]
    filled_leaves = [i for i in all_leaves if post_person[i]]
    used = set()
    cursor = {"all": 0, "vacant": 0, "filled": 0}
    pools = {"all": all_leaves, "vacant": vacant_leaves, "filled": filled_leaves}

    def take(pool, accept=lambda i: True):
        items = pools[pool]
        while cursor[pool] < len(items):
            i = items[cursor[pool]]
            cursor[pool] += 1
            if i in used or not accept(i):
                continue
            used.add(i)
            return i
        return None

    n_move = round(0.35 * n)
    n_set = round(0.25 * n)
    n_add = round(0.15 * n)
    n_remove = round(0.15 * n)
    n_holder = n - n_move - n_set - n_add - n_remove
    # Half vacate, half fill, as far as the model has filled and vacant leaves.
    n_fill = min(n_holder // 2, len(vacant_leaves))
    n_vacate = n_holder - n_fill
    kinds = (["move_post"] * n_move + ["set_reports_to"] * n_set + ["add_post"] * n_add +
             ["remove_post"] * n_remove + ["vacate_post"] * n_vacate + ["fill_post"] * n_fill)
    rng.shuffle(kinds)

    existing_posts = set(post_ids)
    existing_people = set(post_person)
    next_post = [0]
    next_person = [0]

    def fresh(counter, prefix, taken):
        while True:
            counter[0] += 1
            candidate = f"{prefix}{counter[0]:05d}"
            if candidate not in taken:
                return candidate

    def set_candidates(i):
        unit = post_unit[i]
        options = []
        own = nearest_head(unit)
        if own:
            options.append(own)
        for child in children.get(unit, ()):
            if child in head_of and head_of[child] not in options:
                options.append(head_of[child])
        return [h for h in options if h != post_manager[i]]

    lines = []
    counts = {}
    for kind in kinds:
        if kind == "move_post":
            i = take("all")
            if i is None:
                break
            unit = places[rng.randrange(len(places))]
            while unit == post_unit[i]:
                unit = places[rng.randrange(len(places))]
            lines.append(f"  - move_post: {{post: {quote(post_ids[i])}, unit: {quote(unit)}, "
                         f"reports_to: {quote(head_of[unit])}}}")
        elif kind == "set_reports_to":
            i = take("all", lambda j: bool(set_candidates(j)))
            if i is None:
                break
            options = set_candidates(i)
            head = options[rng.randrange(len(options))]
            lines.append(f"  - set_reports_to: {{post: {quote(post_ids[i])}, "
                         f"reports_to: {quote(head)}}}")
        elif kind == "add_post":
            unit = places[rng.randrange(len(places))]
            new_id = fresh(next_post, "NEW", existing_posts)
            lines.append(f"  - add_post: {{id: {quote(new_id)}, title: {quote('Ny tjänst ' + new_id)}, "
                         f"unit: {quote(unit)}, reports_to: {quote(head_of[unit])}, cost: 500000}}")
        elif kind == "remove_post":
            i = take("all")
            if i is None:
                break
            lines.append(f"  - remove_post: {{post: {quote(post_ids[i])}}}")
        elif kind == "vacate_post":
            i = take("filled")
            if i is None:
                break
            lines.append(f"  - vacate_post: {{post: {quote(post_ids[i])}}}")
        else:
            i = take("vacant")
            if i is None:
                break
            person = fresh(next_person, "NEWP", existing_people)
            lines.append(f"  - fill_post: {{post: {quote(post_ids[i])}, person: {quote(person)}}}")
        counts[kind] = counts.get(kind, 0) + 1
    if len(lines) != n:
        sys.exit(f"make_scenario.py: the model has too few leaf posts ({len(leaves)}) "
                 f"for {n} changes (wrote none)")

    mix = ", ".join(f"{counts.get(k, 0)} {k}" for k in
                    ("move_post", "set_reports_to", "add_post", "remove_post",
                     "vacate_post", "fill_post"))
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"name: benchmark {n} changes\n")
        f.write(f"description: {quote(f'Generated by bench/make_scenario.py (seed {seed}): {mix}; only leaf posts change, each once.')}\n")
        f.write("changes:\n")
        f.write("\n".join(lines))
        f.write("\n")
    print(f"make_scenario.py: {out}: {n} changes ({mix}) over {len(post_ids)} posts, "
          f"{len(leaves)} leaves, in {time.monotonic() - started:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
