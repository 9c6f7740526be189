#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/render/diagram.hpp"

/// The look every view shares: one palette, colour scales, HTML-like label pieces and the
/// legend drawn into the picture. Colours are from ColorBrewer's colour-blind-safe schemes.
namespace reorg::render::style {

inline constexpr std::string_view kFont = "Helvetica";
inline constexpr std::string_view kInk = "#1a1a1a";        ///< text and lines
inline constexpr std::string_view kMuted = "#5f5f5f";      ///< secondary text
inline constexpr std::string_view kBox = "#ffffff";        ///< default fill
inline constexpr std::string_view kExternal = "#d9d9d9";   ///< external units and their posts
inline constexpr std::string_view kCommittee = "#fff7d6";  ///< committees (fill)
inline constexpr std::string_view kGroup = "#e7e1ef";      ///< groups (fill)
inline constexpr std::string_view kGroupLine = "#7a5195";  ///< groups (border, member lines)
inline constexpr std::string_view kDotted = "#2166ac";     ///< dotted-line reporting
inline constexpr std::string_view kAlso = "#3f4f8f";       ///< a box's dotted lines and groups
inline constexpr std::string_view kVacant = "#b2182b";     ///< the VACANT mark
inline constexpr std::string_view kWorks = "#a6dba0";      ///< works (fill)
inline constexpr std::string_view kWorksLine = "#1b7837";
inline constexpr std::string_view kDoesnt = "#f4a582";  ///< doesn't work (fill)
inline constexpr std::string_view kDoesntLine = "#b2182b";
inline constexpr std::string_view kCause = "#e0e0e0";  ///< cause (fill)
inline constexpr std::string_view kCauseLine = "#4d4d4d";
inline constexpr std::string_view kLoop = "#e66101";       ///< edges on a loop of causes
inline constexpr std::string_view kAdded = "#d9f0d3";      ///< diff: added (fill)
inline constexpr std::string_view kAddedLine = "#1b7837";  ///< diff: added (border)
inline constexpr std::string_view kMoved = "#2166ac";      ///< diff: moved or changed (border)
inline constexpr std::string_view kRemoved = "#b2182b";    ///< diff: removed (dashed border)

/// One step of a colour scale, or one entry of a legend.
struct LegendEntry {
    std::string colour;  ///< fill of the swatch ("" for none)
    std::string label;   ///< the user's text is escaped by legend_html()
    std::string line;    ///< drawn instead of a swatch: "solid", "dashed", "dotted", "bold" or ""
    std::string line_colour = std::string(kInk);
};

struct Legend {
    std::string title;
    std::vector<LegendEntry> entries;
};

/// A sequential scale (light yellow to dark red, five classes) for `value` in [0, max]; the
/// lightest class for 0 or when max ≤ 0.
[[nodiscard]] std::string sequential(double value, double max);
/// The five classes of sequential() as legend entries, labelled with their value ranges
/// formatted by `label(from, to)`.
template <class Label>
[[nodiscard]] std::vector<LegendEntry> sequential_entries(double max, Label&& label);
/// A diverging scale (red for negative, white around 0, green for positive) for `value` in
/// [-extent, extent].
[[nodiscard]] std::string diverging(double value, double extent);
/// Its seven classes as legend entries, most negative first.
[[nodiscard]] std::vector<LegendEntry> diverging_entries(double extent);

/// Service load on a scale anchored at 1.0, where work starts to exceed capacity: below 0.5,
/// 0.5–0.75, 0.75–0.9, 0.9–1.0, and above 1.0 (overloaded, darkest).
[[nodiscard]] std::string load_colour(double load);
[[nodiscard]] std::vector<LegendEntry> load_entries();

/// Text colours that read well on a fill given as "#rrggbb": dark on light fills, light on
/// dark ones.
struct Ink {
    std::string_view text;
    std::string_view muted;  ///< secondary lines
    std::string_view alert;  ///< VACANT, OVERLOADED
};
[[nodiscard]] Ink ink_on(std::string_view fill) noexcept;

/// `html` in a smaller font in the muted colour.
[[nodiscard]] std::string muted_html(const std::string& html, const Ink& ink, int points = 8);

/// Graphviz expands `\N`, `\G`, `\n`, ... in labels and tooltips (HTML-like labels too) and
/// reads `\\` as one backslash: the text with every backslash doubled reads back as written.
[[nodiscard]] std::string graphviz_literal(std::string_view text);

/// The user's text for an HTML-like label: XML-escaped and with backslashes doubled (Graphviz
/// expands `\N` and friends even in HTML-like labels), cut to `max_chars` code points with an
/// ellipsis (0: never cut). Every piece of user text in a label goes through here.
[[nodiscard]] std::string html_text(std::string_view text, std::size_t max_chars = 0);

/// The user's text broken into lines of at most `width` code points at blanks (a longer word
/// is cut), escaped and joined with <BR/>; beyond `max_lines` lines the last ends in "…".
[[nodiscard]] std::string wrapped_html(std::string_view text, std::size_t width,
                                       std::size_t max_lines);

/// How text is set in a box: the room it has and its font (the views' font, Helvetica).
struct TextFit {
    double width = 0;  ///< points available
    double points = 10;
    bool bold = false;
};

/// The width of `text` in points, set in Helvetica at `points` (from its published metrics),
/// with a margin for the wider fonts a system may draw in its place. Accented Latin letters
/// count as their plain letters; other scripts as wide as an "M", East Asian wide ones a full
/// em. O(n).
[[nodiscard]] double text_width(std::string_view text, double points, bool bold = false);

/// html_text() cut by measure: the user's text trimmed and escaped, ended with "…" where it
/// would not fit `fit.width`.
[[nodiscard]] std::string fitted_html(std::string_view text, const TextFit& fit);

/// The user's text broken at blanks into lines that fit `fit.width` (a word too long for a line
/// is cut), escaped and joined with <BR/>; beyond `max_lines` lines the last ends in "…".
/// `lines`, when given, receives the number of lines drawn.
[[nodiscard]] std::string fitted_lines_html(std::string_view text, const TextFit& fit,
                                            std::size_t max_lines, std::size_t* lines = nullptr);

/// The graph label: a title and lines under it, as one HTML-like table (text escaped here).
[[nodiscard]] std::string heading_html(std::string_view title, std::span<const std::string> lines);

/// A legend drawn as a node of its own (an HTML-like table in a plain node), so that Graphviz
/// sizes it to its content; with its estimated size in points, for placing it by hand.
struct LegendNode {
    Attributes attributes;
    double width = 0;
    double height = 0;
};
[[nodiscard]] LegendNode legend_node(const Legend& legend);

/// The graph label with the legends beside the title, for diagrams that `dot` lays out (where a
/// legend node would land wherever `dot` puts it).
[[nodiscard]] std::string heading_with_legends_html(std::string_view title,
                                                    std::span<const std::string> lines,
                                                    std::span<const Legend> legends);

/// Graph, node and edge defaults every view starts from.
void apply_defaults(Diagram& diagram);

/// 1234567 → "1.2 M", 45300 → "45 k", 812 → "812": short amounts for boxes.
[[nodiscard]] std::string compact_amount(double value);

}  // namespace reorg::render::style

#include "reorg/render/style_impl.hpp"
