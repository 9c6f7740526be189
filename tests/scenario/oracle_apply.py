#!/usr/bin/env python3
"""Independent reference implementation (oracle) of applying a reorg scenario.

    oracle_apply.py MODEL_DIR SCENARIO.yaml OUT_DIR

Reads a CSV model folder (units.csv, posts.csv, optional links.csv; people.csv
and findings.csv are not needed), applies the scenario's changes in order and
writes a canonical, sorted text description of the resulting model to OUT_DIR
(units.txt, posts.txt, links.txt), so that the C++ implementation's result can
be compared with a plain text diff.  On the first invalid change it prints
"change N (KIND): reason" to stderr, writes nothing and exits 2.

Deliberately naive: plain dicts and lists, whole-model checks after every
change, no code shared with the C++ side (tests/scenario/README.md).
"""

import csv
import io
import os
import re
import sys

import yaml

UNIT_KINDS = ("administration", "department", "office", "team", "committee",
              "group", "project", "external")
LINK_KINDS = ("dotted_line", "member_of", "serves", "collaborates")
CHANGE_KINDS = ("merge", "split_unit", "add_unit", "remove_unit", "rename_unit",
                "move_unit", "add_post", "remove_post", "move_post",
                "set_reports_to", "vacate_post", "fill_post", "add_link",
                "remove_link", "reroute", "add_member", "remove_member")
NULL_WORDS = ("", "~", "null", "Null", "NULL")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


# ---------------------------------------------------------------- reading

def read_table(path):
    """Rows of one CSV file as dicts (None if the file is absent); ',' or ';'."""
    if not os.path.exists(path):
        return None, ","
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    first = text.split("\n", 1)[0]
    sep = ";" if (";" in first and "," not in first) else ","
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=sep))
    return rows, sep


def cell(row, key):
    """A CSV cell as written ('' when the column is absent)."""
    v = row.get(key)
    return "" if v is None else v


def csv_number(text, sep):
    """A CSV number, or None when empty; with ';' a decimal comma is allowed."""
    if text == "":
        return None
    if sep == ";":
        text = text.replace(",", ".")
    if not NUMBER.match(text):
        raise ValueError("invalid number %r" % text)
    return float(text)


def end_type(model, ident):
    """'post' if ident is a post id, else 'unit' if a unit id, else None."""
    if ident in model["posts"]:
        return "post"
    if ident in model["units"]:
        return "unit"
    return None


def load_model(folder):
    """The model of a CSV folder: {'units': {id: unit}, 'posts': {id: post}, 'links': [link]}."""
    model = {"units": {}, "posts": {}, "links": []}
    rows, sep = read_table(os.path.join(folder, "units.csv"))
    if rows is None:
        raise ValueError("units.csv is missing")
    for r in rows:
        uid = cell(r, "id")
        model["units"][uid] = {
            "id": uid, "name": cell(r, "name"), "kind": cell(r, "kind"),
            "parent": cell(r, "parent") or None, "head": cell(r, "head") or None,
            "capacity": csv_number(cell(r, "capacity"), sep)}
    rows, sep = read_table(os.path.join(folder, "posts.csv"))
    if rows is None:
        raise ValueError("posts.csv is missing")
    for r in rows:
        pid = cell(r, "id")
        model["posts"][pid] = {
            "id": pid, "title": cell(r, "title"), "unit": cell(r, "unit"),
            "reports_to": cell(r, "reports_to") or None,
            "function": cell(r, "function"),
            "fte": csv_number(cell(r, "fte"), sep),
            "cost": csv_number(cell(r, "cost"), sep),
            "person": cell(r, "person") or None}
    rows, sep = read_table(os.path.join(folder, "links.csv"))
    for r in rows or []:
        a, b = cell(r, "from"), cell(r, "to")
        model["links"].append({
            "from": a, "from_type": end_type(model, a),
            "to": b, "to_type": end_type(model, b),
            "kind": cell(r, "kind"), "weight": csv_number(cell(r, "weight"), sep)})
    return model


def copy_model(model):
    """A copy deep enough that applying changes to it leaves model alone."""
    return {"units": {k: dict(v) for k, v in model["units"].items()},
            "posts": {k: dict(v) for k, v in model["posts"].items()},
            "links": [dict(l) for l in model["links"]]}


# ---------------------------------------------------------------- scenario values

def text(v):
    """A YAML scalar (loaded as a string by BaseLoader) or None for null/empty."""
    if v is None:
        return None
    if not isinstance(v, str):
        raise ValueError("expected a single value, got %r" % (v,))
    return None if v in NULL_WORDS else v


def number(v):
    """A YAML number (int or float as written) or None when absent/empty."""
    t = text(v)
    if t is None:
        return None
    if not NUMBER.match(t):
        raise ValueError("invalid number %r" % t)
    return float(t)


def id_list(v):
    """A YAML list of ids."""
    if not isinstance(v, list):
        raise ValueError("expected a list of ids")
    out = []
    for x in v:
        t = text(x)
        if t is None:
            raise ValueError("empty id in list")
        out.append(t)
    return out


def fields(v):
    """The map of a change (error if it is not a map)."""
    if not isinstance(v, dict):
        raise ValueError("expected a map of fields")
    return v


# ---------------------------------------------------------------- lookups and checks

def need_unit(model, uid):
    """Error unless uid is an existing unit."""
    if uid is None:
        raise ValueError("missing unit id")
    if uid not in model["units"]:
        raise ValueError("unknown unit %s" % uid)


def need_post(model, pid):
    """Error unless pid is an existing post."""
    if pid is None:
        raise ValueError("missing post id")
    if pid not in model["posts"]:
        raise ValueError("unknown post %s" % pid)


def need_kind(kind, allowed):
    """Error unless kind is one of allowed."""
    if kind not in allowed:
        raise ValueError("unknown kind %s" % kind)


def ancestors_and_self(model, uid):
    """uid and every unit above it (stops on a cycle)."""
    out = []
    cur = uid
    while cur is not None and cur not in out:
        out.append(cur)
        cur = model["units"][cur]["parent"] if cur in model["units"] else None
    return out


def check_reporting(model):
    """Error if the reporting lines contain a cycle."""
    posts = model["posts"]
    ok = set()
    for pid in posts:
        path = []
        cur = pid
        while cur is not None and cur not in ok:
            if cur in path:
                raise ValueError("reporting cycle through %s" % cur)
            path.append(cur)
            cur = posts[cur]["reports_to"] if cur in posts else None
        ok.update(path)


def check_parents(model):
    """Error if the unit parents contain a cycle."""
    units = model["units"]
    ok = set()
    for uid in units:
        path = []
        cur = uid
        while cur is not None and cur not in ok:
            if cur in path:
                raise ValueError("unit-parent cycle through %s" % cur)
            path.append(cur)
            cur = units[cur]["parent"] if cur in units else None
        ok.update(path)


def check_heads(model):
    """Error if some unit's head is not a post of that unit (the final check)."""
    for uid in sorted(model["units"]):
        head = model["units"][uid]["head"]
        if head is not None and (head not in model["posts"]
                                 or model["posts"][head]["unit"] != uid):
            raise ValueError("head %s of %s is outside it" % (head, uid))


# ---------------------------------------------------------------- links

def move_unit_ends(model, old_ids, new_id):
    """Unit ends in old_ids become new_id; a moved link that now joins new_id to itself is dropped."""
    kept = []
    for l in model["links"]:
        moved = False
        if l["from_type"] == "unit" and l["from"] in old_ids:
            l["from"] = new_id
            moved = True
        if l["to_type"] == "unit" and l["to"] in old_ids:
            l["to"] = new_id
            moved = True
        if (moved and l["from_type"] == "unit" and l["to_type"] == "unit"
                and l["from"] == new_id and l["to"] == new_id):
            continue
        # A membership that would end at a unit that is no group goes with its group.
        if moved and l["kind"] == "member_of" and model["units"][new_id]["kind"] != "group":
            continue
        kept.append(l)
    model["links"] = kept


def drop_ends(model, ident, typ):
    """Remove every link with an end of type typ equal to ident."""
    model["links"] = [l for l in model["links"]
                      if not ((l["from_type"] == typ and l["from"] == ident)
                              or (l["to_type"] == typ and l["to"] == ident))]


def remove_links(model, a, b, kind, weight):
    """Remove links a->b of kind (and weight if not None); error if none matched."""
    kept = []
    for l in model["links"]:
        if (l["from"] == a and l["to"] == b and l["kind"] == kind
                and (weight is None or l["weight"] == weight)):
            continue
        kept.append(l)
    if len(kept) == len(model["links"]):
        raise ValueError("no link %s -> %s of kind %s matches" % (a, b, kind))
    model["links"] = kept


# ---------------------------------------------------------------- the changes

def do_merge(model, item):
    """merge: [U1, ...], into: {id, name, kind?, parent}, head: P."""
    merged = id_list(item.get("merge"))
    if not merged:
        raise ValueError("merge lists no units")
    for uid in merged:
        need_unit(model, uid)
    if len(set(merged)) != len(merged):
        raise ValueError("a unit is listed twice")
    into = fields(item.get("into"))
    new_id = text(into.get("id"))
    if new_id is None:
        raise ValueError("into has no id")
    if new_id in model["units"]:
        raise ValueError("unit %s already exists" % new_id)
    kind = text(into.get("kind"))
    if kind is None:
        kind = model["units"][merged[0]]["kind"]
    else:
        need_kind(kind, UNIT_KINDS)
    parent = text(into.get("parent"))
    if parent is not None:
        need_unit(model, parent)
        for a in ancestors_and_self(model, parent):
            if a in merged:
                raise ValueError("parent %s is or lies under merged unit %s" % (parent, a))
    head = text(item.get("head"))
    need_post(model, head)
    if model["posts"][head]["unit"] not in merged:
        raise ValueError("head %s is not a post of the merged units" % head)
    caps = [model["units"][u]["capacity"] for u in merged
            if model["units"][u]["capacity"] is not None]
    capacity = None
    for c in caps:
        capacity = c if capacity is None else capacity + c
    old_heads = [model["units"][u]["head"] for u in merged]
    for p in model["posts"].values():
        if p["unit"] in merged:
            p["unit"] = new_id
    for u in model["units"].values():
        if u["parent"] in merged:
            u["parent"] = new_id
    for u in merged:
        del model["units"][u]
    model["units"][new_id] = {"id": new_id, "name": text(into.get("name")) or "",
                              "kind": kind, "parent": parent, "head": head,
                              "capacity": capacity}
    for h in old_heads:
        if h is not None and h != head:
            model["posts"][h]["reports_to"] = head
    move_unit_ends(model, merged, new_id)


def do_split_unit(model, f):
    """split_unit: {unit: U, into: [{id, name, head, posts: [ids]}, ...]}."""
    uid = text(f.get("unit"))
    need_unit(model, uid)
    parts = f.get("into")
    if not isinstance(parts, list):
        raise ValueError("into is not a list")
    old = model["units"][uid]
    for part in parts:
        part = fields(part)
        new_id = text(part.get("id"))
        if new_id is None:
            raise ValueError("a new unit has no id")
        if new_id in model["units"]:
            raise ValueError("unit %s already exists" % new_id)
        moved = id_list(part.get("posts"))
        head = text(part.get("head"))
        if head not in moved:
            raise ValueError("head %s of %s is not one of its posts" % (head, new_id))
        for pid in moved:
            need_post(model, pid)
            if model["posts"][pid]["unit"] != uid:
                raise ValueError("post %s is not in %s" % (pid, uid))
            model["posts"][pid]["unit"] = new_id
        model["units"][new_id] = {"id": new_id, "name": text(part.get("name")) or "",
                                  "kind": old["kind"], "parent": old["parent"],
                                  "head": head, "capacity": None}
    if old["head"] is not None and model["posts"][old["head"]]["unit"] != uid:
        old["head"] = None


def do_add_unit(model, f):
    """add_unit: {id, name, kind, parent, head?, capacity?}."""
    uid = text(f.get("id"))
    if uid is None:
        raise ValueError("missing id")
    if uid in model["units"]:
        raise ValueError("unit %s already exists" % uid)
    kind = text(f.get("kind"))
    need_kind(kind, UNIT_KINDS)
    parent = text(f.get("parent"))
    if parent is not None:
        need_unit(model, parent)
    head = text(f.get("head"))
    if head is not None:
        need_post(model, head)
    model["units"][uid] = {"id": uid, "name": text(f.get("name")) or "", "kind": kind,
                           "parent": parent, "head": head,
                           "capacity": number(f.get("capacity"))}


def do_remove_unit(model, f):
    """remove_unit: {unit: U, posts_to: T}."""
    uid = text(f.get("unit"))
    need_unit(model, uid)
    target = text(f.get("posts_to"))
    has_posts = any(p["unit"] == uid for p in model["posts"].values())
    has_subs = any(u["parent"] == uid for u in model["units"].values())
    if target is None:
        if has_posts or has_subs:
            raise ValueError("%s has posts or sub-units and no posts_to" % uid)
        del model["units"][uid]
        drop_ends(model, uid, "unit")
        return
    need_unit(model, target)
    if target == uid:
        raise ValueError("posts_to is the removed unit itself")
    for p in model["posts"].values():
        if p["unit"] == uid:
            p["unit"] = target
    for u in model["units"].values():
        if u["parent"] == uid:
            u["parent"] = target
    del model["units"][uid]
    move_unit_ends(model, [uid], target)


def do_rename_unit(model, f):
    """rename_unit: {unit, name}."""
    uid = text(f.get("unit"))
    need_unit(model, uid)
    model["units"][uid]["name"] = text(f.get("name")) or ""


def do_move_unit(model, f):
    """move_unit: {unit, parent} (empty parent: a root)."""
    uid = text(f.get("unit"))
    need_unit(model, uid)
    parent = text(f.get("parent"))
    if parent is not None:
        need_unit(model, parent)
        if uid in ancestors_and_self(model, parent):
            raise ValueError("new parent %s is %s or lies under it" % (parent, uid))
    model["units"][uid]["parent"] = parent


def do_add_post(model, f):
    """add_post: {id, title, unit, reports_to?, function?, fte?, cost?, person?}."""
    pid = text(f.get("id"))
    if pid is None:
        raise ValueError("missing id")
    if pid in model["posts"]:
        raise ValueError("post %s already exists" % pid)
    uid = text(f.get("unit"))
    need_unit(model, uid)
    boss = text(f.get("reports_to"))
    if boss is not None:
        need_post(model, boss)
    fte = number(f.get("fte"))
    cost = number(f.get("cost"))
    model["posts"][pid] = {"id": pid, "title": text(f.get("title")) or "", "unit": uid,
                           "reports_to": boss, "function": text(f.get("function")) or "",
                           "fte": 1.0 if fte is None else fte,
                           "cost": 0.0 if cost is None else cost,
                           "person": text(f.get("person"))}


def do_remove_post(model, f):
    """remove_post: {post: P, successor: S}."""
    pid = text(f.get("post"))
    need_post(model, pid)
    succ = text(f.get("successor"))
    reports = [p for p in model["posts"].values() if p["reports_to"] == pid]
    if succ is None:
        if reports:
            raise ValueError("%s has direct reports and no successor" % pid)
    else:
        need_post(model, succ)
        if succ == pid:
            raise ValueError("successor is the removed post itself")
    for p in reports:
        if p["id"] == succ:
            # A successor who reported to the removed post takes its place above.
            p["reports_to"] = model["posts"][pid]["reports_to"]
        else:
            p["reports_to"] = succ
    for u in model["units"].values():
        if u["head"] == pid:
            if succ is not None and model["posts"][succ]["unit"] != u["id"]:
                raise ValueError("successor %s is not in %s, which %s heads"
                                 % (succ, u["id"], pid))
            u["head"] = succ
    drop_ends(model, pid, "post")
    del model["posts"][pid]


def do_move_post(model, f):
    """move_post: {post, unit, reports_to?}."""
    pid = text(f.get("post"))
    need_post(model, pid)
    uid = text(f.get("unit"))
    need_unit(model, uid)
    if "reports_to" in f:
        boss = text(f.get("reports_to"))
        if boss is not None:
            need_post(model, boss)
        model["posts"][pid]["reports_to"] = boss
    model["posts"][pid]["unit"] = uid


def do_set_reports_to(model, f):
    """set_reports_to: {post, reports_to} (empty: a top post)."""
    pid = text(f.get("post"))
    need_post(model, pid)
    boss = text(f.get("reports_to"))
    if boss is not None:
        need_post(model, boss)
    model["posts"][pid]["reports_to"] = boss


def do_vacate_post(model, f):
    """vacate_post: {post}."""
    pid = text(f.get("post"))
    need_post(model, pid)
    if model["posts"][pid]["person"] is None:
        raise ValueError("%s is vacant already" % pid)
    model["posts"][pid]["person"] = None


def do_fill_post(model, f):
    """fill_post: {post, person}."""
    pid = text(f.get("post"))
    need_post(model, pid)
    person = text(f.get("person"))
    if person is None:
        raise ValueError("fill_post names no person")
    if model["posts"][pid]["person"] == person:
        raise ValueError("%s is held by %s already" % (pid, person))
    model["posts"][pid]["person"] = person


def need_link_ends(model, kind, ta, tb, b):
    """What each kind joins (SPEC §2): dotted_line post to post, member_of post to group,
    serves unit to unit, collaborates post to post or unit to unit."""
    wanted = {"dotted_line": ("post", "post"), "member_of": ("post", "unit"),
              "serves": ("unit", "unit")}.get(kind)
    if wanted is not None and (ta, tb) != wanted:
        raise ValueError("a %s link joins a %s to a %s" % (kind, wanted[0], wanted[1]))
    if kind == "collaborates" and ta != tb:
        raise ValueError("a collaborates link joins two posts or two units")
    if kind == "member_of":
        need_group(model, b)


def do_add_link(model, f):
    """add_link: {from, to, kind, weight?}; ends are posts (looked up first) or units."""
    a, b = text(f.get("from")), text(f.get("to"))
    ta, tb = end_type(model, a), end_type(model, b)
    if ta is None:
        raise ValueError("unknown id %s" % a)
    if tb is None:
        raise ValueError("unknown id %s" % b)
    kind = text(f.get("kind"))
    need_kind(kind, LINK_KINDS)
    if a == b:
        raise ValueError("a link from %s to itself" % a)
    need_link_ends(model, kind, ta, tb, b)
    model["links"].append({"from": a, "from_type": ta, "to": b, "to_type": tb,
                           "kind": kind, "weight": number(f.get("weight"))})


def do_remove_link(model, f):
    """remove_link: {from, to, kind, weight?}: removes every matching link."""
    remove_links(model, text(f.get("from")), text(f.get("to")), text(f.get("kind")),
                 number(f.get("weight")))


def do_reroute(model, f):
    """reroute: {kind, from: A, to: B}: link ends equal to A become B."""
    kind = text(f.get("kind"))
    need_kind(kind, LINK_KINDS)
    a, b = text(f.get("from")), text(f.get("to"))
    ta, tb = end_type(model, a), end_type(model, b)
    if ta is None:
        raise ValueError("unknown id %s" % a)
    if tb is None:
        raise ValueError("unknown id %s" % b)
    any_moved = False
    for l in model["links"]:
        moved = False
        if l["kind"] == kind:
            if l["from"] == a and l["from_type"] == ta:
                l["from"], l["from_type"] = b, tb
                moved = True
            if l["to"] == a and l["to_type"] == ta:
                l["to"], l["to_type"] = b, tb
                moved = True
        if moved and l["from"] == l["to"] and l["from_type"] == l["to_type"]:
            raise ValueError("rerouting would join %s to itself" % b)
        if moved:
            need_link_ends(model, kind, l["from_type"], l["to_type"], l["to"])
        any_moved = any_moved or moved
    if not any_moved:
        raise ValueError("no %s link at %s" % (kind, a))


def need_group(model, gid):
    """Error unless gid is a unit of kind group."""
    need_unit(model, gid)
    if model["units"][gid]["kind"] != "group":
        raise ValueError("%s is not a group" % gid)


def do_add_member(model, f):
    """add_member: {post, group} = add_link member_of post -> group."""
    pid, gid = text(f.get("post")), text(f.get("group"))
    need_post(model, pid)
    need_group(model, gid)
    for l in model["links"]:
        if l["kind"] == "member_of" and l["from"] == pid and l["to"] == gid:
            raise ValueError("%s is a member of %s already" % (pid, gid))
    model["links"].append({"from": pid, "from_type": "post", "to": gid,
                           "to_type": "unit", "kind": "member_of", "weight": None})


def do_remove_member(model, f):
    """remove_member: {post, group} = remove_link member_of post -> group."""
    pid, gid = text(f.get("post")), text(f.get("group"))
    need_group(model, gid)
    remove_links(model, pid, gid, "member_of", None)


APPLY = {"split_unit": do_split_unit, "add_unit": do_add_unit,
         "remove_unit": do_remove_unit, "rename_unit": do_rename_unit,
         "move_unit": do_move_unit, "add_post": do_add_post,
         "remove_post": do_remove_post, "move_post": do_move_post,
         "set_reports_to": do_set_reports_to, "vacate_post": do_vacate_post,
         "fill_post": do_fill_post, "add_link": do_add_link,
         "remove_link": do_remove_link, "reroute": do_reroute,
         "add_member": do_add_member, "remove_member": do_remove_member}


def change_kind(item):
    """The change kind of one list item of changes: (kind or '?')."""
    if not isinstance(item, dict):
        return "?"
    kinds = [k for k in item if k in CHANGE_KINDS]
    return kinds[0] if len(kinds) == 1 else "?"


def apply_change(model, item):
    """Apply one change (a YAML map) to model in place; ValueError if it is invalid."""
    kind = change_kind(item)
    if kind == "?":
        raise ValueError("not a change (expected one map key naming a change kind)")
    if kind == "merge":
        do_merge(model, item)
    else:
        APPLY[kind](model, fields(item[kind]))
    check_parents(model)
    check_reporting(model)


def load_scenario(path):
    """The list of changes of a scenario file (all scalars loaded as strings)."""
    with open(path, encoding="utf-8-sig") as f:
        doc = yaml.load(f, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    if not isinstance(doc, dict):
        raise ValueError("a scenario is a map")
    changes = doc.get("changes")
    if changes is None or changes == "":
        return []
    if not isinstance(changes, list):
        raise ValueError("changes is not a list")
    return changes


def apply_scenario(model, changes):
    """Apply all changes in order; returns None or the error line 'change N (KIND): reason'."""
    for n, item in enumerate(changes, 1):
        try:
            apply_change(model, item)
        except ValueError as e:
            return "change %d (%s): %s" % (n, change_kind(item), e)
    try:
        check_heads(model)
    except ValueError as e:
        return "final: %s" % e
    return None


# ---------------------------------------------------------------- canonical output

def fmt(x):
    """A number in canonical form ('' for none)."""
    return "" if x is None else "%.10g" % x


def opt(s):
    """A string field ('' for none)."""
    return "" if s is None else s


def canonical(model):
    """The three canonical files as {name: text}."""
    units = sorted([u["id"], u["name"], u["kind"], opt(u["parent"]), opt(u["head"]),
                    fmt(u["capacity"])] for u in model["units"].values())
    posts = sorted([p["id"], p["title"], p["unit"], opt(p["reports_to"]), p["function"],
                    fmt(p["fte"]), fmt(p["cost"]), opt(p["person"])]
                   for p in model["posts"].values())
    links = sorted([l["from"], l["to"], l["kind"], fmt(l["weight"])]
                   for l in model["links"])
    return {name: "".join("|".join(row) + "\n" for row in rows)
            for name, rows in (("units.txt", units), ("posts.txt", posts),
                               ("links.txt", links))}


def main(argv):
    """Command line: MODEL_DIR SCENARIO.yaml OUT_DIR."""
    if len(argv) != 4:
        sys.stderr.write("usage: oracle_apply.py MODEL_DIR SCENARIO.yaml OUT_DIR\n")
        return 2
    try:
        model = load_model(argv[1])
    except (ValueError, OSError) as e:
        sys.stderr.write("model: %s\n" % e)
        return 2
    try:
        changes = load_scenario(argv[2])
    except (ValueError, OSError, yaml.YAMLError) as e:
        sys.stderr.write("scenario: %s\n" % e)
        return 2
    error = apply_scenario(model, changes)
    if error is not None:
        sys.stderr.write(error + "\n")
        return 2
    os.makedirs(argv[3], exist_ok=True)
    for name, body in canonical(model).items():
        with open(os.path.join(argv[3], name), "w", encoding="utf-8", newline="\n") as f:
            f.write(body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
