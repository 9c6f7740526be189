#!/usr/bin/env python3
"""Write a random, valid reorg scenario over a CSV model folder.

    random_scenario.py MODEL_DIR SEED N_CHANGES OUT.yaml

Used with oracle_apply.py to compare the C++ scenario engine with an
independent implementation on many random scenarios (tests/scenario/README.md).
Deterministic for a seed (random.Random(seed), no iteration over sets).

Every change is valid at its point: a candidate change is built from the
current model, applied by trial to a copy with oracle_apply's apply_change
(used only as a validity check), and kept only if it is accepted and every
unit's head still lies in its unit afterwards (so the final head check passes).
"""

import os
import random
import sys

import yaml

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_apply  # noqa: E402  (validity check by trial only)

UNIT_KINDS = ["administration", "department", "office", "team", "committee",
              "group", "project", "external"]
TITLES = ["Handläggare", "Utredare", "Samordnare", "Enhetschef", "Controller",
          "Systemförvaltare", "Projektledare", "Administratör", "Specialist"]
FUNCTIONS = ["administration", "IT", "ekonomi", "HR", "ledning", "planering"]
WEIGHTS = [("move_post", 12), ("set_reports_to", 10), ("add_post", 10),
           ("remove_post", 8), ("vacate_post", 5), ("fill_post", 5),
           ("add_link", 8), ("remove_link", 6), ("reroute", 4), ("move_unit", 5),
           ("rename_unit", 4), ("add_unit", 4), ("remove_unit", 4), ("merge", 3),
           ("split_unit", 3), ("add_member", 3), ("remove_member", 3)]


# ---------------------------------------------------------------- views of the model

def unit_ids(m):
    """Unit ids, sorted."""
    return sorted(m["units"])


def post_ids(m):
    """Post ids, sorted."""
    return sorted(m["posts"])


def posts_in(m, uid):
    """Ids of the posts directly in unit uid, sorted."""
    return sorted(p["id"] for p in m["posts"].values() if p["unit"] == uid)


def children(m, uid):
    """Ids of the direct sub-units of uid, sorted."""
    return sorted(u["id"] for u in m["units"].values() if u["parent"] == uid)


def head_posts(m):
    """Ids of the posts that head some unit, sorted."""
    return sorted(set(u["head"] for u in m["units"].values() if u["head"] is not None))


def below_post(m, pid):
    """pid and every post whose reporting line passes through pid, sorted."""
    out = []
    for q in post_ids(m):
        cur, seen = q, []
        while cur is not None and cur not in seen:
            if cur == pid:
                out.append(q)
                break
            seen.append(cur)
            cur = m["posts"][cur]["reports_to"] if cur in m["posts"] else None
    return out


def below_unit(m, uid):
    """uid and every unit under it, sorted."""
    out = []
    for v in unit_ids(m):
        cur, seen = v, []
        while cur is not None and cur not in seen:
            if cur == uid:
                out.append(v)
                break
            seen.append(cur)
            cur = m["units"][cur]["parent"] if cur in m["units"] else None
    return out


def new_id(m, prefix, counter):
    """A fresh id prefix+number that is neither a post nor a unit id."""
    while True:
        counter[0] += 1
        ident = "%s%d" % (prefix, counter[0])
        if ident not in m["posts"] and ident not in m["units"]:
            return ident


def weight_value(w):
    """A link weight as written in YAML (int when whole)."""
    return int(w) if float(w).is_integer() else w


# ---------------------------------------------------------------- candidate changes

def gen_move_post(rng, m, counter):
    """move_post of a post that heads nothing."""
    heads = head_posts(m)
    free = [p for p in post_ids(m) if p not in heads]
    if not free:
        return None
    p = rng.choice(free)
    u = rng.choice(unit_ids(m))
    f = {"post": p, "unit": u}
    r = rng.random()
    head = m["units"][u]["head"]
    if r < 0.6 and head is not None and head != p:
        f["reports_to"] = head
    elif r < 0.8:
        others = [q for q in posts_in(m, u) if q != p]
        if others:
            f["reports_to"] = rng.choice(others)
    elif r < 0.85:
        f["reports_to"] = ""
    return {"move_post": f}


def gen_set_reports_to(rng, m, counter):
    """set_reports_to, mostly within the unit or to the parent unit's head."""
    p = rng.choice(post_ids(m))
    post = m["posts"][p]
    r = rng.random()
    if r < 0.07:
        return {"set_reports_to": {"post": p, "reports_to": ""}}
    if r < 0.2:
        return {"set_reports_to": {"post": p, "reports_to": rng.choice(post_ids(m))}}
    cands = [q for q in posts_in(m, post["unit"]) if q != p]
    parent = m["units"][post["unit"]]["parent"]
    if parent is not None and m["units"][parent]["head"] is not None:
        cands.append(m["units"][parent]["head"])
    if not cands:
        return None
    return {"set_reports_to": {"post": p, "reports_to": rng.choice(cands)}}


def gen_add_post(rng, m, counter):
    """add_post into a random unit, usually reporting to its head."""
    u = rng.choice(unit_ids(m))
    f = {"id": new_id(m, "R.P", counter), "title": rng.choice(TITLES), "unit": u}
    head = m["units"][u]["head"]
    inside = posts_in(m, u)
    r = rng.random()
    if r < 0.6 and head is not None:
        f["reports_to"] = head
    elif r < 0.7 and head is not None and m["posts"][head]["reports_to"] is not None:
        f["reports_to"] = m["posts"][head]["reports_to"]
    elif r < 0.9 and inside:
        f["reports_to"] = rng.choice(inside)
    if rng.random() < 0.7:
        f["function"] = rng.choice(FUNCTIONS)
    r = rng.random()
    if r < 0.5:
        f["fte"] = rng.choice([1, 0.5, 0.75, 1.0, 0.8])
    if rng.random() < 0.7:
        f["cost"] = rng.randint(40, 160) * 10000
    r = rng.random()
    if r < 0.5:
        f["person"] = "NP%d" % counter[0]
    elif r < 0.6:
        f["person"] = ""
    return {"add_post": f}


def gen_remove_post(rng, m, counter):
    """remove_post with a successor outside the removed post's line when needed."""
    managers = sorted(set(q["reports_to"] for q in m["posts"].values()
                          if q["reports_to"] is not None) | set(head_posts(m)))
    p = rng.choice(managers if managers and rng.random() < 0.5 else post_ids(m))
    post = m["posts"][p]
    has_reports = any(q["reports_to"] == p for q in m["posts"].values())
    heads = any(u["head"] == p for u in m["units"].values())
    if not has_reports and not heads and rng.random() < 0.5:
        return {"remove_post": {"post": p}}
    under = below_post(m, p)
    cands = [q for q in posts_in(m, post["unit"]) if q not in under]
    if not heads and post["reports_to"] is not None and rng.random() < 0.4:
        cands = [post["reports_to"]]
    if not cands:
        return None
    return {"remove_post": {"post": p, "successor": rng.choice(cands)}}


def gen_vacate_post(rng, m, counter):
    """vacate_post of a filled post."""
    filled = [p for p in post_ids(m) if m["posts"][p]["person"] is not None]
    return {"vacate_post": {"post": rng.choice(filled)}} if filled else None


def gen_fill_post(rng, m, counter):
    """fill_post of a vacant post with a new person id."""
    vacant = [p for p in post_ids(m) if m["posts"][p]["person"] is None]
    if not vacant:
        return None
    counter[0] += 1
    return {"fill_post": {"post": rng.choice(vacant), "person": "NP%d" % counter[0]}}


def groups(m):
    """Ids of the units of kind group, sorted."""
    return [u for u in unit_ids(m) if m["units"][u]["kind"] == "group"]


def gen_add_link(rng, m, counter):
    """add_link of one of the four kinds between suitable ends."""
    kind = rng.choice(["dotted_line", "member_of", "serves", "collaborates"])
    posts, units = post_ids(m), unit_ids(m)
    if kind == "member_of":
        gs = groups(m)
        if not gs:
            return None
        return {"add_link": {"from": rng.choice(posts), "to": rng.choice(gs),
                             "kind": kind}}
    if kind == "serves" or (kind == "collaborates" and rng.random() < 0.3):
        pool = units
    else:
        pool = posts
    a, b = rng.choice(pool), rng.choice(pool)
    if a == b:
        return None
    f = {"from": a, "to": b, "kind": kind}
    if kind == "serves":
        f["weight"] = rng.randint(1, 500) * 10
    elif kind == "collaborates":
        f["weight"] = rng.choice([1, 2, 3, 4, 5, 2.5])
    return {"add_link": f}


def gen_remove_link(rng, m, counter):
    """remove_link of an existing link, with its weight half of the time."""
    if not m["links"]:
        return None
    l = rng.choice(m["links"])
    f = {"from": l["from"], "to": l["to"], "kind": l["kind"]}
    if l["weight"] is not None and rng.random() < 0.5:
        f["weight"] = weight_value(l["weight"])
    return {"remove_link": f}


def gen_reroute(rng, m, counter):
    """reroute one end of an existing link's kind to another end of the same type."""
    if not m["links"]:
        return None
    l = rng.choice(m["links"])
    end = rng.choice(["from", "to"])
    a = l[end]
    pool = post_ids(m) if l[end + "_type"] == "post" else unit_ids(m)
    b = rng.choice(pool)
    if b == a:
        return None
    return {"reroute": {"kind": l["kind"], "from": a, "to": b}}


def gen_move_unit(rng, m, counter):
    """move_unit to a unit outside its subtree (rarely to the root)."""
    u = rng.choice(unit_ids(m))
    if rng.random() < 0.05:
        return {"move_unit": {"unit": u, "parent": ""}}
    under = below_unit(m, u)
    cands = [v for v in unit_ids(m) if v not in under]
    return {"move_unit": {"unit": u, "parent": rng.choice(cands)}} if cands else None


def gen_rename_unit(rng, m, counter):
    """rename_unit to a new name."""
    counter[0] += 1
    return {"rename_unit": {"unit": rng.choice(unit_ids(m)),
                            "name": rng.choice(["Enhet", "Avdelning för ärenden",
                                                "Område söder"]) + " %d" % counter[0]}}


def gen_add_unit(rng, m, counter):
    """add_unit without a head (a head would lie outside the empty unit)."""
    f = {"id": new_id(m, "R.U", counter), "name": "Ny enhet %d" % counter[0],
         "kind": rng.choice(UNIT_KINDS)}
    if rng.random() < 0.92:
        f["parent"] = rng.choice(unit_ids(m))
    elif rng.random() < 0.5:
        f["parent"] = ""
    if rng.random() < 0.3:
        f["capacity"] = rng.randint(1, 100) * 100
    return {"add_unit": f}


def gen_remove_unit(rng, m, counter):
    """remove_unit handing posts and sub-units to its parent or another unit."""
    u = rng.choice(unit_ids(m))
    full = posts_in(m, u) or children(m, u)
    if not full and rng.random() < 0.5:
        return {"remove_unit": {"unit": u}}
    parent = m["units"][u]["parent"]
    if parent is not None and rng.random() < 0.8:
        return {"remove_unit": {"unit": u, "posts_to": parent}}
    under = below_unit(m, u)
    cands = [v for v in unit_ids(m) if v not in under]
    return {"remove_unit": {"unit": u, "posts_to": rng.choice(cands)}} if cands else None


def gen_merge(rng, m, counter):
    """merge of two sibling units (with a parent) into a new unit under that parent."""
    parents = [u for u in unit_ids(m) if len(children(m, u)) >= 2]
    if not parents:
        return None
    parent = rng.choice(parents)
    a, b = rng.sample(children(m, parent), 2)
    heads = [h for h in (m["units"][a]["head"], m["units"][b]["head"]) if h is not None]
    if heads:
        head = rng.choice(heads)
    else:
        inside = posts_in(m, a) + posts_in(m, b)
        if not inside:
            return None
        head = rng.choice(inside)
    into = {"id": new_id(m, "R.M", counter), "name": "Sammanslagen enhet %d" % counter[0]}
    if rng.random() < 0.3:
        into["kind"] = rng.choice(UNIT_KINDS)
    into["parent"] = parent
    return {"merge": [a, b], "into": into, "head": head}


def gen_split_unit(rng, m, counter):
    """split_unit of a unit with at least two posts into one or two new units."""
    units = [u for u in unit_ids(m) if len(posts_in(m, u)) >= 2]
    if not units:
        return None
    u = rng.choice(units)
    inside = posts_in(m, u)
    k = 1 if len(inside) < 4 or rng.random() < 0.5 else 2
    moved = rng.sample(inside, rng.randint(k, len(inside)))
    parts = []
    for i in range(k):
        chunk = moved[i::k]
        parts.append({"id": new_id(m, "R.S", counter), "name": "Delenhet %d" % counter[0],
                      "head": rng.choice(chunk), "posts": chunk})
    return {"split_unit": {"unit": u, "into": parts}}


def gen_add_member(rng, m, counter):
    """add_member of a post to a group."""
    gs = groups(m)
    if not gs:
        return None
    return {"add_member": {"post": rng.choice(post_ids(m)), "group": rng.choice(gs)}}


def gen_remove_member(rng, m, counter):
    """remove_member of an existing post -> group membership."""
    gs = groups(m)
    ms = [l for l in m["links"] if l["kind"] == "member_of" and l["to"] in gs
          and l["from_type"] == "post" and l["to_type"] == "unit"]
    if not ms:
        return None
    l = rng.choice(ms)
    return {"remove_member": {"post": l["from"], "group": l["to"]}}


GENERATORS = {"move_post": gen_move_post, "set_reports_to": gen_set_reports_to,
              "add_post": gen_add_post, "remove_post": gen_remove_post,
              "vacate_post": gen_vacate_post, "fill_post": gen_fill_post,
              "add_link": gen_add_link, "remove_link": gen_remove_link,
              "reroute": gen_reroute, "move_unit": gen_move_unit,
              "rename_unit": gen_rename_unit, "add_unit": gen_add_unit,
              "remove_unit": gen_remove_unit, "merge": gen_merge,
              "split_unit": gen_split_unit, "add_member": gen_add_member,
              "remove_member": gen_remove_member}


# ---------------------------------------------------------------- trial and output

def as_loaded(v):
    """A change as the oracle sees it after YAML loading (every scalar a string)."""
    if isinstance(v, dict):
        return {k: as_loaded(x) for k, x in v.items()}
    if isinstance(v, list):
        return [as_loaded(x) for x in v]
    if isinstance(v, float):
        return repr(v)
    return str(v)


def try_change(m, change):
    """The model after change, or None if the change is invalid or breaks a head."""
    trial = oracle_apply.copy_model(m)
    try:
        oracle_apply.apply_change(trial, as_loaded(change))
        oracle_apply.check_heads(trial)
    except ValueError:
        return None
    return trial


def generate(model, seed, n):
    """A list of n valid changes over model, deterministic for seed."""
    rng = random.Random(seed)
    kinds = [k for k, _ in WEIGHTS]
    weights = [w for _, w in WEIGHTS]
    counter = [0]
    changes = []
    m = model
    while len(changes) < n:
        for _ in range(1000):
            kind = rng.choices(kinds, weights)[0]
            change = GENERATORS[kind](rng, m, counter)
            if change is None:
                continue
            after = try_change(m, change)
            if after is not None:
                changes.append(change)
                m = after
                break
        else:
            raise RuntimeError("no valid change found after 1000 tries")
    return changes


def to_yaml(seed, changes):
    """The scenario file text: name, then changes as in SPEC section 4."""
    out = ["name: random %s\n" % seed, "changes:\n"]
    for c in changes:
        text = yaml.dump([c], Dumper=yaml.SafeDumper, default_flow_style=None,
                         sort_keys=False, allow_unicode=True, width=1 << 30)
        out.extend("  " + line + "\n" for line in text.splitlines())
    return "".join(out)


def main(argv):
    """Command line: MODEL_DIR SEED N_CHANGES OUT.yaml."""
    if len(argv) != 5:
        sys.stderr.write("usage: random_scenario.py MODEL_DIR SEED N_CHANGES OUT.yaml\n")
        return 2
    model = oracle_apply.load_model(argv[1])
    seed = int(argv[2])
    changes = generate(model, seed, int(argv[3]))
    with open(argv[4], "w", encoding="utf-8", newline="\n") as f:
        f.write(to_yaml(seed, changes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
