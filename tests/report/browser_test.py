#!/usr/bin/env python3
"""The report's page in a real browser: headless Chromium loads what `reorg report` wrote.

    python3 browser_test.py REORG_EXECUTABLE SOURCE_DIR [--keep]

Checks, on the example municipality (SOURCE_DIR/data/kommun with every scenario) and on a tiny
model with hostile names:
  a. `reorg report` writes the page;
  b. the DOM after the page's script ran holds every section heading, one section per scenario,
     and the `js` class the script sets;
  c. `?q=<a unit's name>` fills the search results with links to anchors that exist;
  d. names that are markup (<script>, <img onerror>) arrive as text and run nothing;
  e. a screenshot can be taken;
  f. `reorg report --pdf` prints A4 pages, each scenario starting a page.
Exits 77 (skipped, for CTest's SKIP_RETURN_CODE) when Chromium, pdfinfo or pdftotext is missing
and $CI is unset; with $CI set that is a failure. Standard library only.
"""

import csv
import html.parser
import json
import os
import re
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
from pathlib import Path

TIMEOUT = 120  # seconds, for every command
SKIPPED = 77

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # tests run as root in containers, where the sandbox refuses to start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-default-browser-check",
]

SECTION_HEADINGS = [
    "Summary",
    "The organisation in figures",
    "What works, what doesn't, and why",
    "Root causes and why-chains",
    "Bottlenecks and single points of failure",
    "Scenarios",
    "Traceability",
]

HOSTILE_UNIT = "<script>document.documentElement.setAttribute('data-pwned','1')</script>"
HOSTILE_POST = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">"


class Failure(Exception):
    """A check that failed: what was checked, and the command involved if there was one."""

    def __init__(self, message, ran=False):
        super().__init__(message)
        self.ran = ran  # True when the message already names the command


# The last command run and its stderr, for the message of a check that fails on its output.
last = {"command": None, "stderr": ""}


def tail(text, lines=20):
    return "\n".join(text.rstrip().splitlines()[-lines:])


def run(command, what, cwd=None):
    """Runs `command` (a list) with a timeout, in a process group of its own so that a timeout
    stops Chromium's helpers too. Returns (stdout, stderr, seconds); a non-zero exit fails.
    stderr is looked at only then: Chromium complains about D-Bus and more on every run."""
    started = time.monotonic()
    last["command"], last["stderr"] = command, ""
    process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = process.communicate()
        raise Failure(f"{what}: did not finish within {TIMEOUT} s\n  command: {shlex.join(command)}"
                      f"\n  stderr (last lines):\n{tail(err.decode(errors='replace'))}", ran=True)
    seconds = time.monotonic() - started
    last["stderr"] = err.decode("utf-8", errors="replace")
    if process.returncode != 0:
        raise Failure(f"{what}: exit status {process.returncode}\n  command: {shlex.join(command)}"
                      f"\n  stderr (last lines):\n{tail(last['stderr'])}", ran=True)
    return out.decode("utf-8", errors="replace"), err.decode("utf-8", errors="replace"), seconds


def find_chromium():
    chosen = os.environ.get("REORG_CHROMIUM")
    if chosen:
        return shutil.which(chosen)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def file_url(path, query=None):
    url = "file://" + urllib.parse.quote(str(Path(path).resolve()), safe="/")
    if query is not None:
        url += "?" + urllib.parse.urlencode({"q": query}, quote_via=urllib.parse.quote)
    return url


class Browser:
    """Headless Chromium, each run in a fresh profile folder under `scratch`."""

    def __init__(self, executable, scratch):
        self.executable = executable
        self.scratch = scratch
        self.runs = 0

    def run(self, what, *arguments):
        self.runs += 1
        profile = self.scratch / f"profile-{self.runs}"
        profile.mkdir()
        command = [self.executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments]
        try:
            return run(command, what)
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    def dump_dom(self, what, url):
        out, _, seconds = self.run(what, "--dump-dom", url)
        if "<html" not in out:
            raise Failure(f"{what}: Chromium printed no DOM for {url}")
        return out, seconds


class Dom(html.parser.HTMLParser):
    """What the checks need from a serialised DOM: headings, ids, sections, links, texts.
    A heading's text leaves out the buttons in it (the script adds a "hide" toggle to each)."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.html_classes = []
        self.h2 = []
        self.ids = set()
        self.scenario_sections = 0
        self.attributes_named = {}  # attribute name -> count, for data-pwned
        self.texts = []  # every text node, entities decoded
        self.scripts = []  # (type, content) of every <script>
        self.imgs = []  # attributes of every <img>
        self.search_results = []  # (href, text) of each link in <ol id="search-results">
        self.search_value = None
        self._stack = []
        self._h2 = None
        self._button = 0
        self._script = None
        self._in_results = 0
        self._link = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, _ in attrs:
            self.attributes_named[name] = self.attributes_named.get(name, 0) + 1
        if "id" in attributes:
            self.ids.add(attributes["id"])
        classes = (attributes.get("class") or "").split()
        if tag == "html":
            self.html_classes = classes
        elif tag == "h2":
            self._h2 = []
        elif tag == "button" and self._h2 is not None:
            self._button += 1  # the script's "hide" toggle is not part of the heading
        elif tag == "section" and "scenario" in classes:
            self.scenario_sections += 1
        elif tag == "script":
            self._script = (attributes.get("type") or "", [])
        elif tag == "img":
            self.imgs.append(attributes)
        elif tag == "input" and attributes.get("id") == "search":
            self.search_value = attributes.get("value")
        elif tag == "ol" and attributes.get("id") == "search-results":
            self._in_results = 1
        elif tag == "ol" and self._in_results:
            self._in_results += 1
        elif tag == "a" and self._in_results:
            self._link = (attributes.get("href") or "", [])

    def handle_endtag(self, tag):
        if tag == "h2" and self._h2 is not None:
            self.h2.append(" ".join("".join(self._h2).split()))
            self._h2 = None
        elif tag == "button" and self._button:
            self._button -= 1
        elif tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None
        elif tag == "ol" and self._in_results:
            self._in_results -= 1
        elif tag == "a" and self._link is not None:
            self.search_results.append((self._link[0], "".join(self._link[1])))
            self._link = None

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
            return
        self.texts.append(data)
        if self._h2 is not None and not self._button:
            self._h2.append(data)
        if self._link is not None:
            self._link[1].append(data)


def check(condition, what):
    if not condition:
        raise Failure(what)


def normalised(text):
    """NFKC (pdftotext may give ligatures) with runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def scenario_name(file):
    """The `name:` of a scenario file, read with a regex: a plain or quoted scalar."""
    match = re.search(r"^name:[ \t]*(.+?)[ \t]*$", file.read_text(encoding="utf-8"), re.M)
    if not match:
        raise Failure(f"{file}: no `name:` line")
    name = match.group(1)
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "'\"":
        name = name[1:-1]
    return name


def step(label, message):
    print(f"ok   {label} {message}", flush=True)


def report_kommun(reorg, model, scenarios, out, *extra):
    command = [reorg, "report", str(model), "--scenario", *map(str, scenarios), *extra,
               "-o", str(out)]
    _, _, seconds = run(command, f"reorg report {' '.join(extra)}".rstrip())
    page = out / "index.html"
    check(page.is_file() and page.stat().st_size > 0, f"{page} is missing or empty")
    return seconds


def check_page(browser, page, scenarios):
    dom_text, seconds = browser.dump_dom("dump the DOM of the page", file_url(page))
    dom = Dom(dom_text)
    missing = [heading for heading in SECTION_HEADINGS if heading not in dom.h2]
    check(not missing, f"b. headings missing from the <h2>s: {missing}; the <h2>s are {dom.h2}")
    check(dom.scenario_sections == len(scenarios),
          f"b. {dom.scenario_sections} <section class=\"scenario\"> for {len(scenarios)} "
          "scenario files")
    check("js" in dom.html_classes,
          f"b. the script did not run: <html> has classes {dom.html_classes}, no `js`")
    step("b.", f"the DOM holds the {len(SECTION_HEADINGS)} section headings, "
         f"{dom.scenario_sections} scenario sections, and <html class=\"js\"> "
         f"(chromium --dump-dom {seconds:.1f} s)")


def check_search(browser, page, units_csv):
    with units_csv.open(encoding="utf-8-sig", newline="") as file:
        units = list(csv.DictReader(file))
    named = [unit for unit in units if "IT" in unit["name"]]
    check(named, f"c. no unit in {units_csv} has `IT` in its name to search for")
    unit = named[0]
    query = unit["name"]
    url = file_url(page, query)
    dom_text, seconds = browser.dump_dom("search the page", url)
    dom = Dom(dom_text)
    hits = dom.search_results
    check(hits, f"c. {url}: <ol id=\"search-results\"> lists no links "
          f"(the search box holds {dom.search_value!r} as an attribute)")
    unit_hits = [(href, text) for href, text in hits if re.fullmatch(r"#u\d+", href)]
    check(unit_hits, f"c. {url}: no hit links to a unit anchor #u…; the hits are {hits}")
    dangling = [(href, text) for href, text in hits if href[1:] not in dom.ids]
    check(not dangling, f"c. {url}: hits link to anchors that are not on the page: {dangling}")
    own = [href for href, text in unit_hits if text.startswith(unit["name"])]
    check(own, f"c. {url}: no hit for the unit {unit['name']!r} ({unit['id']}) itself; "
          f"the hits are {hits}")
    step("c.", f"?q={query} lists {len(hits)} hits, {len(unit_hits)} of them units, the unit "
         f"itself at {own[0]}; every anchor exists (chromium --dump-dom {seconds:.1f} s)")


def write_hostile_model(folder):
    """Two units and three posts; the top unit and one post are named like markup."""
    folder.mkdir()
    with (folder / "units.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "name", "kind", "parent", "head", "capacity"])
        writer.writerow(["H", HOSTILE_UNIT, "administration", "", "H.CHEF", ""])
        writer.writerow(["H.TEAM", "Ordinary team", "team", "H", "H.LEAD", ""])
    with (folder / "posts.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "title", "unit", "reports_to", "function", "fte", "cost", "person"])
        writer.writerow(["H.CHEF", HOSTILE_POST, "H", "", "ledning", "1.0", "1000000", ""])
        writer.writerow(["H.LEAD", "Team lead", "H.TEAM", "H.CHEF", "ledning", "1.0", "800000",
                         ""])
        writer.writerow(["H.001", "Clerk", "H.TEAM", "H.LEAD", "administration", "1.0", "500000",
                         ""])


def check_hostile(reorg, browser, scratch):
    model = scratch / "hostile"
    out = scratch / "hostile-out"
    write_hostile_model(model)
    _, _, report_seconds = run([reorg, "report", str(model), "-o", str(out)],
                               "reorg report of the hostile model")
    page = out / "index.html"
    written = page.read_text(encoding="utf-8")
    dom_text, seconds = browser.dump_dom("dump the DOM of the hostile page", file_url(page))
    dom = Dom(dom_text)
    check("data-pwned" not in dom.attributes_named and "data-pwned=" not in dom_text,
          "d. a name ran as script: an element has a data-pwned attribute")
    check("js" in dom.html_classes, "d. the page's own script did not run on the hostile page")
    check("&lt;script&gt;" in dom_text, "d. no `&lt;script&gt;` in the DOM: the unit's name "
          "is not on the page as text")
    texts = "".join(dom.texts)
    for name, what in ((HOSTILE_UNIT, "unit"), (HOSTILE_POST, "post")):
        check(name in texts, f"d. the {what}'s name {name!r} does not appear as text")
    running = [content for kind, content in dom.scripts
               if kind in ("", "text/javascript", "module") and "pwned" in content]
    check(not running, "d. a script element that runs holds a hostile name")
    check(not any(img.get("src") == "x" for img in dom.imgs), "d. the post's <img> is an element")
    # The search index (JSON in a <script>) keeps the names exactly, and the results show them
    # as text.
    entries = [entry for kind, content in dom.scripts if kind == "application/json"
               for entry in json.loads(content)]
    for name, what in ((HOSTILE_UNIT, "unit"), (HOSTILE_POST, "post")):
        check(any(isinstance(entry, list) and entry and str(entry[0]).startswith(name)
                  for entry in entries), f"d. the search index lacks the {what}'s name {name!r}")
    dom_found, search_seconds = browser.dump_dom("search the hostile page",
                                                 file_url(page, "onerror"))
    found = Dom(dom_found)
    check(any(text.startswith(HOSTILE_POST) for _, text in found.search_results),
          f"d. ?q=onerror does not list the post as text; the hits are {found.search_results}")
    check("data-pwned" not in found.attributes_named, "d. a search result ran as script")
    step("d.", f"hostile names arrive as text (&lt;script&gt;), no data-pwned attribute, also "
         f"in the search results; page {len(written)} bytes (reorg {report_seconds:.1f} s, "
         f"chromium --dump-dom {seconds:.1f} s and {search_seconds:.1f} s)")


def png_size(file):
    data = file.read_bytes()[:24]
    check(data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"e. {file} is not a PNG")
    return struct.unpack(">II", data[16:24])


def check_screenshot(browser, page, scratch):
    shot = scratch / "shot.png"
    _, _, seconds = browser.run("take a screenshot", f"--screenshot={shot}",
                                "--window-size=1280,2400", file_url(page))
    check(shot.is_file() and shot.stat().st_size > 0, f"e. {shot} is missing or empty")
    width, height = png_size(shot)
    step("e.", f"screenshot {width}×{height}, {shot.stat().st_size} bytes "
         f"(chromium --screenshot {seconds:.1f} s)")


def check_pdf(reorg, model, scenarios, scratch):
    out = scratch / "out2"
    seconds = report_kommun(reorg, model, scenarios, out, "--pdf")
    pdf = out / "report.pdf"
    check(pdf.is_file() and pdf.stat().st_size > 0, f"f. {pdf} is missing or empty")
    info, _, _ = run(["pdfinfo", str(pdf)], "pdfinfo")
    size = re.search(r"^Page size:.*$", info, re.M)
    check(size and "(A4)" in size.group(0), f"f. the pages are not A4: {size and size.group(0)}")
    pages = re.search(r"^Pages:\s*(\d+)", info, re.M)
    check(pages and int(pages.group(1)) > 3, f"f. {pages and pages.group(1)} pages, not more than 3")
    text, _, _ = run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], "pdftotext")
    whole = normalised(text)
    check("Scenarios" in whole, "f. the PDF's text has no `Scenarios`")
    names = [scenario_name(file) for file in scenarios]
    missing = [name for name in names if normalised(name) not in whole]
    check(not missing, f"f. the PDF's text lacks the scenarios {missing}")
    # SPEC §8: printed, the section on each scenario starts a page (its heading comes first).
    firsts = [normalised(next((line for line in page.splitlines() if line.strip()), ""))
              for page in text.split("\f")]
    not_first = [name for name in names
                 if not any(first.endswith(normalised(name)) for first in firsts)]
    check(not not_first, f"f. these scenarios do not start a page: {not_first}; the pages begin "
          f"with {firsts}")
    step("f.", f"report.pdf: {pages.group(1)} pages, {size.group(0).split(':', 1)[1].strip()}; "
         f"its text holds `Scenarios` and {', '.join(names)}, each starting a page "
         f"(reorg report --pdf {seconds:.1f} s)")


def main(argv):
    arguments = [arg for arg in argv[1:] if arg != "--keep"]
    keep = "--keep" in argv[1:]
    if len(arguments) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    reorg = str(Path(arguments[0]).resolve())
    source = Path(arguments[1]).resolve()

    chromium = find_chromium()
    missing = [name for name, found in (("chromium", chromium), ("pdfinfo", shutil.which("pdfinfo")),
                                        ("pdftotext", shutil.which("pdftotext"))) if not found]
    if missing:
        what = f"{', '.join(missing)} not installed (Debian: apt-get install chromium poppler-utils)"
        if "CI" not in os.environ:
            print(f"skipped: {what}")
            return SKIPPED
        print(f"FAIL: {what}, and $CI is set", file=sys.stderr)
        return 1

    model = source / "data" / "kommun"
    scenarios = sorted((model / "scenarios").glob("*.yaml"))
    scratch = Path(tempfile.mkdtemp(prefix="reorg-browser-test-"))
    browser = Browser(chromium, scratch)
    try:
        out = scratch / "out"
        seconds = report_kommun(reorg, model, scenarios, out)
        step("a.", f"reorg report of {model} with {len(scenarios)} scenarios wrote "
             f"{out / 'index.html'} ({seconds:.1f} s)")
        page = out / "index.html"
        check_page(browser, page, scenarios)
        check_search(browser, page, model / "units.csv")
        check_hostile(reorg, browser, scratch)
        check_screenshot(browser, page, scratch)
        check_pdf(reorg, model, scenarios, scratch)
    except Failure as failure:
        print(f"FAIL {failure}", file=sys.stderr)
        if not failure.ran and last["command"]:
            print(f"  after the command: {shlex.join(last['command'])}\n  its stderr (last lines):"
                  f"\n{tail(last['stderr'])}", file=sys.stderr)
        if keep:
            print(f"kept {scratch}", file=sys.stderr)
        return 1
    finally:
        if not keep:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"all checks passed (with {chromium}){f'; kept {scratch}' if keep else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
