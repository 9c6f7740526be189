#!/usr/bin/env python3
"""Checks a workbook that `reorg report` wrote (report.xlsx), reading the file's XML itself.

Usage: check_workbook.py FILE.xlsx [--expect-text TEXT]... [--reject-text TEXT]...

Asserts: the five sheets in order; the header row of each frozen; the known numeric columns
hold numbers (not texts that look like numbers); no cell anywhere holds a formula; and each
--expect-text is a cell's string value, exactly, and never part of a formula; and each
--reject-text is part of no cell (people's names without --names). Exit 0 when all hold, 1
with the first thing that does not.
"""

import argparse
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

SHEETS = ["Figures", "Comparison", "Affected posts", "Findings", "Rule violations"]

# Columns that hold only numbers (or nothing), by header title.
NUMERIC_COLUMNS = {
    "Figures": ["Posts", "Vacant", "Headcount", "FTE", "Cost", "Posts, rolled up",
                "Headcount, rolled up", "FTE, rolled up", "Cost, rolled up", "Managers",
                "Deepest layer"],
    "Comparison": [],
    "Affected posts": ["Change no."],
    "Findings": ["Severity", "Count", "Weight"],
    "Rule violations": ["Value", "Limit"],
}
# Comparison rows whose base and scenario cells are numbers, by key (column A).
NUMERIC_COMPARISON_ROWS = ["posts", "vacant", "fte", "cost", "units", "managers", "layers_max"]


class Failure(Exception):
    pass


def column_of(ref):
    match = re.match(r"([A-Z]+)(\d+)$", ref)
    if not match:
        raise Failure(f"a cell with reference {ref!r}")
    return match.group(1), int(match.group(2))


def shared_strings(archive):
    try:
        root = ET.fromstring(archive.read("xl/sharedStrings.xml"))
    except KeyError:
        return []
    # A string item is one <t> or runs <r><t>; its text is all of them joined.
    return ["".join(t.text or "" for t in si.iter(MAIN + "t")) for si in root.iter(MAIN + "si")]


def sheet_files(archive):
    """(name, path inside the archive) of every sheet, in the workbook's order."""
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(PKG_REL + "Relationship")}
    found = []
    for sheet in workbook.iter(MAIN + "sheet"):
        target = targets[sheet.get(REL + "id")]
        path = target.lstrip("/") if target.startswith("/") else "xl/" + target
        found.append((sheet.get("name"), path))
    return found


class Cell:
    def __init__(self, element, strings):
        self.ref = element.get("r")
        self.column, self.row = column_of(self.ref)
        self.type = element.get("t", "n")
        self.formula = element.find(MAIN + "f") is not None
        v = element.find(MAIN + "v")
        self.raw = v.text if v is not None else None
        if self.type == "s" and self.raw is not None:
            self.text = strings[int(self.raw)]
        elif self.type == "inlineStr":
            self.text = "".join(t.text or "" for t in element.iter(MAIN + "t"))
        elif self.type == "str":
            self.text = self.raw
        else:
            self.text = None

    def is_number(self):
        if self.type != "n" or self.formula or self.raw is None:
            return False
        try:
            float(self.raw)
        except ValueError:
            return False
        return True

    def shown(self):
        return self.text if self.text is not None else self.raw


def check_sheet(name, root, strings, expected_texts, rejected_texts, found_texts):
    panes = list(root.iter(MAIN + "pane"))
    if not any(p.get("ySplit") == "1" and p.get("state") == "frozen" for p in panes):
        raise Failure(f"sheet {name!r}: the header row is not frozen "
                      f"(no <pane ySplit=\"1\" state=\"frozen\"/>)")
    cells = [Cell(c, strings) for c in root.iter(MAIN + "c")]
    for cell in cells:
        if cell.formula:
            raise Failure(f"sheet {name!r}, cell {cell.ref}: holds a formula")
        if cell.type == "str":
            raise Failure(f"sheet {name!r}, cell {cell.ref}: a formula's string result")
    header = {c.column: c.text for c in cells if c.row == 1}
    if not header:
        raise Failure(f"sheet {name!r}: no header row")
    if any(t is None for t in header.values()):
        raise Failure(f"sheet {name!r}: a header cell that is not text")

    numeric = {col for col, title in header.items() if title in NUMERIC_COLUMNS.get(name, [])}
    missing = set(NUMERIC_COLUMNS.get(name, [])) - set(header.values())
    if missing:
        raise Failure(f"sheet {name!r}: no column {sorted(missing)}")
    key_of_row = {c.row: c.text for c in cells if c.column == "A"}
    for cell in cells:
        if cell.row == 1:
            continue
        must_be_number = cell.column in numeric
        if (name == "Comparison" and cell.column not in ("A", "B")
                and key_of_row.get(cell.row) in NUMERIC_COMPARISON_ROWS):
            must_be_number = True
        if must_be_number and not cell.is_number():
            raise Failure(f"sheet {name!r}, cell {cell.ref} (column {header.get(cell.column)!r}):"
                          f" {cell.shown()!r} is not a number")
    for cell in cells:
        if cell.text is None:
            continue
        if cell.text in expected_texts:
            found_texts.add(cell.text)
        for text in rejected_texts:
            if text in cell.text:
                raise Failure(f"sheet {name!r}, cell {cell.ref}: holds {text!r}")
    return cells


def check(path, expected_texts, rejected_texts):
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise Failure(f"not a readable .xlsx (zip) file: {error}")
    with archive:
        bad = archive.testzip()
        if bad is not None:
            raise Failure(f"a damaged member in the archive: {bad}")
        strings = shared_strings(archive)
        sheets = sheet_files(archive)
        names = [n for n, _ in sheets]
        if names != SHEETS:
            raise Failure(f"sheets {names}, expected {SHEETS}")
        found = set()
        rows = {}
        for name, member in sheets:
            root = ET.fromstring(archive.read(member))
            cells = check_sheet(name, root, strings, set(expected_texts), rejected_texts, found)
            rows[name] = max((c.row for c in cells), default=0)
        # No formula may have been defined elsewhere either (defined names other than the
        # filter ranges libxlsxwriter writes).
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        for defined in workbook.iter(MAIN + "definedName"):
            if defined.get("name") != "_xlnm._FilterDatabase":
                raise Failure(f"a defined name {defined.get('name')!r}")
        for text in expected_texts:
            if text not in found:
                raise Failure(f"no cell holds the text {text!r} as a string")
        return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--expect-text", action="append", default=[], metavar="TEXT",
                        help="a text that must be a cell's string value (repeatable)")
    parser.add_argument("--reject-text", action="append", default=[], metavar="TEXT",
                        help="a text that must be part of no cell (repeatable)")
    args = parser.parse_args()
    try:
        rows = check(args.file, args.expect_text, args.reject_text)
    except Failure as failure:
        print(f"check_workbook: {args.file}: {failure}", file=sys.stderr)
        return 1
    except (ET.ParseError, KeyError) as error:
        print(f"check_workbook: {args.file}: malformed workbook: {error}", file=sys.stderr)
        return 1
    summary = ", ".join(f"{name}: {n} rows" for name, n in rows.items())
    print(f"check_workbook: {args.file}: ok ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
