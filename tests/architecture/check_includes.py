#!/usr/bin/env python3
"""Checks that every #include between reorg's modules points one of the allowed ways.

Usage:
    check_includes.py ROOT        check the tree at ROOT (the repository root)
    check_includes.py --self-test build a tiny tree with known arrows and check the checker

The table below *is* the architecture: each module of lib/reorg/ and the modules it may
include. A module may always include itself and the top-level `reorg/version.hpp`.

Reads `#include "reorg/..."` and `#include <reorg/...>` in lib/reorg/**, tools/** and fuzz/**
(*.hpp, *.cpp, *.hpp.in). A file's module is its first folder under lib/reorg/; the included
module is the first path segment after `reorg/`. Tests are not checked.
"""

import contextlib
import io
import os
import re
import sys
import tempfile

# Module -> the modules it may include (besides itself). Dependencies point one way; a module
# that is not listed here is an error, so that the table stays true.
ALLOWED = {
    "base": set(),  # errors, text, escaping: needs nothing
    "model": {"base"},  # value types
    "io": {"base", "model"},  # files in and out; the only place wire:: appears
    "synth": {"base", "model"},  # generated example models
    "graph": {"base", "model"},  # graph views of a model
    "analysis": {"base", "model", "graph"},  # free functions over the views
    "check": {"base", "model", "io", "graph", "analysis"},  # checks on findings, rules
    "output": {"base", "model", "graph", "analysis", "check", "scenario"},  # what is printed
    "render": {"base", "model", "graph", "analysis"},  # the Graphviz adapter and the views
    "scenario": {"base", "model", "io", "graph", "analysis", "check"},  # apply, compare, verify
    "report": {"base", "model", "io", "graph", "analysis", "check", "scenario", "render",
               "output"},
}

# Top-level headers of lib/reorg/ (such as version.hpp, configured from version.hpp.in) are like
# `base`: anything may include them, and they include no other module.
TOP_LEVEL = "(top level)"

# tools/ may include anything under reorg/ except another module's detail/ headers.
TOOLS = "tools"

# fuzz/ (the fuzz targets) likewise: they call the readers' public API, as a user would.
FUZZ = "fuzz"

# Headers generated from schemas/<name>.capnp, included as "<name>.capnp.h", and the modules
# that may include them: wire types never leave io/.
WIRE_MODULES = {"io"}

SOURCE_SUFFIXES = (".hpp", ".cpp", ".hpp.in")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')


def module_of_lib_path(relative):
    """Module of a path relative to lib/reorg/: its first folder, or TOP_LEVEL."""
    parts = relative.split("/")
    return parts[0] if len(parts) > 1 else TOP_LEVEL


def source_files(root, top):
    folder = os.path.join(root, top)
    for directory, subdirectories, files in os.walk(folder):
        subdirectories.sort()
        for name in sorted(files):
            if name.endswith(SOURCE_SUFFIXES):
                yield os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/")


def tools_files(root):
    """Every file under tools/, relative to the root, to recognise a tool's header by name."""
    found = set()
    for directory, _, files in os.walk(os.path.join(root, "tools")):
        for name in files:
            found.add(os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/"))
    return found


def names_tools_file(include, tools):
    """The file under tools/ that INCLUDE names (as a trailing part of its path), if any."""
    stripped = include.lstrip("./")
    for path in sorted(tools):
        if path == stripped or path.endswith("/" + stripped):
            return path
    return None


def check_reorg_include(module, include, detail_ok_from):
    """Problems with including `reorg/...` from MODULE, as messages (empty: allowed)."""
    parts = include.split("/")
    if len(parts) < 3:  # reorg/version.hpp and the like
        return []
    target = parts[1]
    if target not in ALLOWED:
        return [f"includes unknown module {target} ({include}): add it to the table"]
    if "detail" in parts[2:-1] and target != detail_ok_from:
        return [f"{module} must not include {target}'s detail header ({include})"]
    if module in (TOOLS, FUZZ) or target == module:
        return []
    allowed = ALLOWED.get(module, set())
    if target not in allowed:
        return [f"{module} must not include {target} ({include})"]
    return []


def check_local_include(root, path, module, include, tools):
    """Problems with a lib file's quoted include that does not start with `reorg/`."""
    if include.endswith(".capnp.h"):
        schema = os.path.join(root, "schemas", include[: -len(".h")])
        if os.path.isfile(schema):
            if module in WIRE_MODULES:
                return []
            return [f"{module} must not include the wire format ({include}): only io may"]
    folder = os.path.dirname(os.path.join(root, path))
    resolved = os.path.normpath(os.path.join(folder, include))
    relative = os.path.relpath(resolved, root).replace(os.sep, "/")
    if os.path.isfile(resolved):
        if relative.startswith("tools/"):
            return [f"the library must not include the tools ({include}: {relative})"]
        if relative.startswith("lib/reorg/"):
            target = module_of_lib_path(relative[len("lib/reorg/") :])
            if target == TOP_LEVEL:
                return []
            return check_reorg_include(module, "reorg/" + relative[len("lib/reorg/") :], module)
        return [f"{module} must not include a file outside lib/reorg ({include}: {relative})"]
    in_tools = names_tools_file(include, tools)
    if in_tools:
        return [f"the library must not include the tools ({include}: {in_tools})"]
    return [
        f'{module} includes "{include}", which is neither reorg/... nor beside the file: '
        "the library never reaches the tools"
    ]


def check_tree(root):
    """(violations, files checked, includes checked) for the tree at ROOT."""
    violations = []
    files = 0
    includes = 0
    tools = tools_files(root)
    paths = [(p, "lib") for p in source_files(root, "lib/reorg")]
    paths += [(p, TOOLS) for p in source_files(root, "tools")]
    paths += [(p, FUZZ) for p in source_files(root, "fuzz")]
    for path, where in paths:
        files += 1
        if where == "lib":
            module = module_of_lib_path(path[len("lib/reorg/") :])
            if module != TOP_LEVEL and module not in ALLOWED:
                violations.append(f"{path}: unknown module {module}: add it to the table")
                continue
        else:
            module = where
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as source:
            lines = source.read().splitlines()
        for number, line in enumerate(lines, start=1):
            match = INCLUDE.match(line)
            if not match:
                continue
            bracket, include = match.groups()
            if include.startswith("reorg/"):
                includes += 1
                problems = check_reorg_include(module, include, module)
            elif where == "lib" and bracket == '"':
                includes += 1
                problems = check_local_include(root, path, module, include, tools)
            else:
                continue  # the standard library, third-party headers, a tool's own headers
            violations.extend(f"{path}:{number}: {problem}" for problem in problems)
    return violations, files, includes


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        return self_test()
    if len(argv) != 2:
        print("usage: check_includes.py ROOT | --self-test", file=sys.stderr)
        return 2
    root = argv[1]
    if not os.path.isdir(os.path.join(root, "lib", "reorg")):
        print(f"check_includes.py: {root} has no lib/reorg/", file=sys.stderr)
        return 2
    violations, files, includes = check_tree(root)
    for violation in violations:
        print(violation)
    if violations:
        summary = f"{len(violations)} forbidden of {includes} includes in {files} files"
        print(summary, file=sys.stderr)
        return 1
    print(f"{files} files, {includes} includes checked")
    return 0


# --- self-test ---------------------------------------------------------------------------------

# A tiny tree: path -> lines. Each include that must be reported carries `// FORBIDDEN`; every
# other include must be accepted.
FAKE_TREE = {
    "schemas/model.capnp": [],
    "lib/reorg/version.hpp.in": [
        "#pragma once",
        "#include <string_view>",
        '#include "reorg/model/model.hpp"  // FORBIDDEN',
    ],
    "lib/reorg/base/error.hpp": [
        '#include "reorg/version.hpp"',
        '#include "reorg/model/model.hpp"  // FORBIDDEN',
    ],
    "lib/reorg/model/x.hpp": [
        '#include "reorg/io/y.hpp"  // FORBIDDEN',
        "#include <reorg/io/load.hpp>  // FORBIDDEN",
        '#include "reorg/base/error.hpp"',
        '#include "reorg/model/model.hpp"',
        '#include "reorg/version.hpp"',
        "#include <vector>",
    ],
    "lib/reorg/model/model.hpp": ['#include "x.hpp"', '#include "model.capnp.h"  // FORBIDDEN'],
    "lib/reorg/io/y.hpp": [
        '#include "reorg/model/model.hpp"',
        '#include "csv.hpp"',
        '#include "../model/x.hpp"',
        '#include "../graph/views.hpp"  // FORBIDDEN',
        '#include "reorg/graph/views.hpp"  // FORBIDDEN',
    ],
    "lib/reorg/io/csv.hpp": [],
    "lib/reorg/io/snapshot.cpp": ['#include "model.capnp.h"', '#include "reorg/io/y.hpp"'],
    "lib/reorg/graph/views.hpp": [
        '#include "reorg/graph/detail/csr.hpp"',
        '#include "reorg/analysis/centrality.hpp"  // FORBIDDEN',
    ],
    "lib/reorg/graph/detail/csr.hpp": ['#include "reorg/model/model.hpp"'],
    "lib/reorg/analysis/centrality.hpp": [
        '#include "reorg/graph/views.hpp"',
        '#include "reorg/graph/detail/csr.hpp"  // FORBIDDEN',
        '#include "reorg/analysis/detail/brandes.hpp"',
    ],
    "lib/reorg/analysis/detail/brandes.hpp": [],
    "lib/reorg/render/graphviz.cpp": [
        '#include "reorg/io/output.hpp"  // FORBIDDEN',
        '#include "reorg/analysis/centrality.hpp"',
        '#include "reorg/render/detail/overlay.hpp"',
        '#include "detail/overlay.hpp"',
        '#include "print.hpp"  // FORBIDDEN',
        '#include "nowhere.hpp"  // FORBIDDEN',
        '#include "../../../tools/reorg/commands.hpp"  // FORBIDDEN',
        '#include "reorg/scenario/apply.hpp"  // FORBIDDEN',
        "#include <graphviz/gvc.h>",
    ],
    "lib/reorg/render/detail/overlay.hpp": [],
    "lib/reorg/output/table.cpp": [
        '#include "reorg/analysis/centrality.hpp"',
        '#include "reorg/render/graphviz.hpp"  // FORBIDDEN',
        '#include "reorg/bogus/thing.hpp"  // FORBIDDEN',
    ],
    "lib/reorg/report/html.cpp": [
        '#include "reorg/output/table.hpp"',
        '#include "reorg/render/graphviz.hpp"',
        '#include "reorg/scenario/apply.hpp"',
        '#include "reorg/io/y.hpp"',
    ],
    "lib/reorg/bogus/b.hpp": ['#include "reorg/model/model.hpp"'],
    "tools/reorg/print.hpp": ['#include "reorg/report/html.hpp"'],
    "tools/reorg/commands.hpp": [],
    "fuzz/yaml_model.cpp": [
        '#include "fuzz_support.hpp"',
        '#include "reorg/io/load.hpp"',
        '#include "reorg/scenario/apply.hpp"',
        '#include "reorg/io/detail/csv_table.hpp"  // FORBIDDEN',
    ],
    "tools/reorg/main.cpp": [
        '#include "commands.hpp"',
        '#include "print.hpp"',
        '#include "reorg/io/y.hpp"',
        "#include <reorg/render/graphviz.hpp>",
        '#include "reorg/version.hpp"',
        '#include "reorg/graph/detail/csr.hpp"  // FORBIDDEN',
        '#include "reorg/bogus/thing.hpp"  // FORBIDDEN',
    ],
}

# Reported once for the file itself, not for a line.
FAKE_UNKNOWN_FILES = {"lib/reorg/bogus/b.hpp"}


def self_test():
    failures = []
    with tempfile.TemporaryDirectory() as root:
        for path, lines in FAKE_TREE.items():
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as out:
                out.write("".join(line + "\n" for line in lines))
        violations, files, includes = check_tree(root)
        reported = {}
        for violation in violations:
            where = ":".join(violation.split(":")[:2]) if violation.count(":") >= 2 else ""
            reported.setdefault(where, []).append(violation)
        expected_forbidden = 0
        accepted = 0
        for path, lines in FAKE_TREE.items():
            for number, line in enumerate(lines, start=1):
                if not INCLUDE.match(line):
                    continue
                where = f"{path}:{number}"
                if path in FAKE_UNKNOWN_FILES:
                    continue
                if "FORBIDDEN" in line:
                    expected_forbidden += 1
                    if where not in reported:
                        failures.append(f"not reported: {where}: {line}")
                elif where in reported:
                    failures.append(f"wrongly reported: {reported[where]}")
                else:
                    accepted += 1
        for path in FAKE_UNKNOWN_FILES:
            if not any(v.startswith(path + ": unknown module") for v in violations):
                failures.append(f"unknown module not reported: {path}")
        known = {f"{p}:{n}" for p, ls in FAKE_TREE.items() for n in range(1, len(ls) + 1)}
        for violation in violations:
            where = ":".join(violation.split(":")[:2])
            if where not in known and violation.split(":")[0] not in FAKE_UNKNOWN_FILES:
                failures.append(f"unexpected report: {violation}")
        # The message names both modules and the include, as in the real output.
        wanted = "lib/reorg/model/x.hpp:1: model must not include io (reorg/io/y.hpp)"
        if wanted not in violations:
            failures.append(f"message not as documented; wanted: {wanted}")
        # The exit codes: 1 with violations, 0 on a tree with only allowed arrows.
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            dirty_exit = main(["check_includes.py", root])
        if dirty_exit != 1:
            failures.append("exit code is not 1 for a tree with forbidden includes")
        clean = os.path.join(root, "clean")
        os.makedirs(os.path.join(clean, "lib", "reorg", "model"))
        with open(os.path.join(clean, "lib", "reorg", "model", "m.hpp"), "w") as out:
            out.write('#include "reorg/base/error.hpp"\n#include "reorg/version.hpp"\n')
        with contextlib.redirect_stdout(io.StringIO()):
            clean_exit = main(["check_includes.py", clean])
        if clean_exit != 0:
            failures.append("exit code is not 0 for a tree with only allowed includes")
    for failure in failures:
        print(f"self-test: {failure}", file=sys.stderr)
    if failures:
        return 1
    print(
        f"self-test: {expected_forbidden} forbidden includes reported, {accepted} allowed ones "
        f"accepted, {len(FAKE_UNKNOWN_FILES)} unknown module folder reported "
        f"({files} files, {includes} includes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
