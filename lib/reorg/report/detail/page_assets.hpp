#pragma once
#include <string_view>

/// The page's own style sheet and script, inlined into every report (no external resource).
/// The page is complete without the script: it adds the search, collapsing, sorting and
/// zooming on top.
namespace reorg::report::detail {

inline constexpr std::string_view kStyle = R"css(
:root { --ink: #1b1f24; --muted: #5b6570; --line: #d5dae0; --band: #f4f6f8; --good: #1a7f37;
  --bad: #b42318; --warn: #9a6700; --accent: #0b5cad; }
* { box-sizing: border-box; }
html { font: 15px/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); }
body { margin: 0 auto; max-width: 1180px; padding: 0 24px 48px; }
header.top { border-bottom: 3px solid var(--accent); padding: 20px 0 12px; margin-bottom: 8px; }
header.top h1 { margin: 0 0 4px; font-size: 1.7rem; }
header.top p { margin: 2px 0; color: var(--muted); }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: .9rem; margin: 8px 0 12px; }
nav.toc a { color: var(--accent); text-decoration: none; }
.search { display: none; position: relative; margin: 6px 0 14px; }
.js .search { display: block; }
.search input { width: 100%; max-width: 420px; padding: 6px 10px; font: inherit;
  border: 1px solid var(--line); border-radius: 4px; }
#search-results { list-style: none; margin: 4px 0 0; padding: 0; max-width: 620px; }
#search-results li a { display: block; padding: 3px 8px; color: var(--accent); text-decoration: none; }
#search-results li a:hover, #search-results li:first-child a { background: var(--band); }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin: 34px 0 12px; }
h3 { font-size: 1.1rem; margin: 22px 0 8px; }
h4 { font-size: .95rem; margin: 10px 0 4px; }
.collapse { font: inherit; font-size: .75rem; margin-left: 10px; vertical-align: middle;
  border: 1px solid var(--line); background: #fff; border-radius: 3px; cursor: pointer; color: var(--muted); }
section.collapsed > :not(h2) { display: none; }
p.lead { font-size: 1.05rem; }
.id { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; color: var(--muted); }
.muted { color: var(--muted); }
.good { color: var(--good); } .bad { color: var(--bad); } .warn { color: var(--warn); }
.note { color: var(--muted); font-size: .9rem; font-style: italic; }
table { border-collapse: collapse; margin: 8px 0 14px; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.js table.sortable th { cursor: pointer; }
.js table.sortable th::after { content: " \2195"; color: #a0a8b0; font-size: .8em; }
tr.total td { font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 10px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.card b { display: block; font-size: 1.3rem; }
.card span { color: var(--muted); font-size: .85rem; }
.three { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 14px; }
.three ul, ul.findings { margin: 0; padding-left: 18px; }
.three li, ul.findings li { margin-bottom: 4px; }
article.unit { border-top: 1px solid var(--line); padding: 4px 0 10px; }
article.unit h3 { margin-top: 10px; }
.score { font-weight: 600; }
figure { margin: 12px 0 18px; }
figure .diagram { overflow: auto; border: 1px solid var(--line); border-radius: 4px; padding: 6px; background: #fff; }
figure .diagram svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figure .diagram.zoomed svg { max-width: none; }
.js figure .diagram { cursor: zoom-in; }
.js figure .diagram.zoomed { cursor: zoom-out; }
figcaption { font-size: .9rem; color: var(--muted); margin-top: 4px; }
ol.chain { margin: 2px 0 8px; padding-left: 20px; }
ol.chain li { margin: 0; }
:target { outline: 3px solid #f2c94c; outline-offset: 2px; }
section.scenario { border-top: 2px solid var(--accent); margin-top: 30px; }
.verdict-resolved { color: var(--good); font-weight: 600; }
.verdict-broken { color: var(--bad); font-weight: 600; }
footer { margin-top: 40px; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--line); padding-top: 8px; }
@media screen and (max-width: 800px) { .three { grid-template-columns: 1fr; } }
@page { size: A4; margin: 15mm 13mm 17mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt "DejaVu Sans", sans-serif; color: #5b6570; } }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  nav.toc, .search, .collapse { display: none !important; }
  .js table.sortable th::after { content: none; }
  section.collapsed > :not(h2) { display: revert; }
  section.scenario { break-before: page; border-top: none; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure, .card, article.unit, li { break-inside: avoid; }
  figure .diagram { overflow: visible; border: none; padding: 0; }
  figure .diagram svg { max-width: 100% !important; max-height: 235mm; }
  a { color: inherit; text-decoration: none; }
  :target { outline: none; }
}
)css";

inline constexpr std::string_view kScript = R"js(
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // Search: units and posts from the index at the end of the page.
  var box = document.getElementById("search");
  var list = document.getElementById("search-results");
  var data = document.getElementById("search-index");
  var index = data ? JSON.parse(data.textContent) : [];
  var fold = function (s) { return s.toLocaleLowerCase(); };
  var folded = index.map(function (e) { return fold(e[0]); });
  function search() {
    var q = fold(box.value.trim());
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!q) return;
    var shown = 0, found = 0;
    for (var i = 0; i < index.length; ++i) {
      if (folded[i].indexOf(q) < 0) continue;
      if (++found > 20) continue;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + index[i][1];
      a.textContent = index[i][0];
      li.appendChild(a);
      list.appendChild(li);
      ++shown;
    }
    if (found > shown) {
      var more = document.createElement("li");
      more.className = "muted";
      more.textContent = "The first " + shown + " of " + found + " matches; type more to narrow.";
      list.appendChild(more);
    }
    if (shown === 0) {
      var none = document.createElement("li");
      none.className = "muted";
      none.textContent = "Nothing on this page matches.";
      list.appendChild(none);
    }
  }
  if (box && list) {
    box.addEventListener("input", search);
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) location.hash = first.getAttribute("href");
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) { box.value = q; search(); box.scrollIntoView(); }
  }

  // Collapsible sections.
  Array.prototype.forEach.call(document.querySelectorAll("section.part > h2"), function (h) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "collapse";
    button.textContent = "hide";
    button.setAttribute("aria-expanded", "true");
    button.addEventListener("click", function () {
      var collapsed = h.parentNode.classList.toggle("collapsed");
      button.textContent = collapsed ? "show" : "hide";
      button.setAttribute("aria-expanded", collapsed ? "false" : "true");
    });
    h.appendChild(button);
  });
  // A link into a collapsed section opens it.
  window.addEventListener("hashchange", function () {
    var target = document.getElementById(location.hash.slice(1));
    for (var n = target; n; n = n.parentNode) {
      if (n.classList && n.classList.contains("collapsed")) n.classList.remove("collapsed");
    }
  });

  // Sortable tables: numbers by their data-v, text by its letters.
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, column) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var down = th.getAttribute("aria-sort") !== "descending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var key = function (row) {
          var cell = row.cells[column];
          if (!cell) return "";
          var v = cell.getAttribute("data-v");
          return v !== null ? parseFloat(v) : cell.textContent.trim().toLocaleLowerCase();
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return down ? -c : c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  // Diagrams: fitted to the page; a click shows them at full size.
  Array.prototype.forEach.call(document.querySelectorAll("figure .diagram"), function (d) {
    d.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) return;
      d.classList.toggle("zoomed");
    });
  });
})();
)js";

}  // namespace reorg::report::detail
