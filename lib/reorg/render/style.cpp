#include "reorg/render/style.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "reorg/base/escape.hpp"
#include "reorg/base/text.hpp"
#include "reorg/base/utf8.hpp"

namespace reorg::render::style {
namespace {

using namespace std::string_view_literals;

// ColorBrewer YlOrRd, 5 classes.
constexpr std::array kSequential = {"#ffffb2"sv, "#fecc5c"sv, "#fd8d3c"sv, "#f03b20"sv,
                                    "#bd0026"sv};
// ColorBrewer RdYlGn, 7 classes (red for the negative end).
constexpr std::array kDiverging = {"#d73027"sv, "#fc8d59"sv, "#fee08b"sv, "#ffffbf"sv,
                                   "#d9ef8b"sv, "#91cf60"sv, "#1a9850"sv};

std::size_t class_of(double fraction, std::size_t classes) {
    if (!(fraction > 0)) return 0;  // also NaN
    const auto k = static_cast<std::size_t>(fraction * static_cast<double>(classes));
    return std::min(k, classes - 1);
}

// Text for an HTML-like label: XML-escaped, then backslashes doubled.
std::string escaped(std::string_view text) { return graphviz_literal(base::xml_escaped(text)); }

}  // namespace

namespace detail {
std::span<const std::string_view> sequential_colours() noexcept { return kSequential; }
}  // namespace detail

std::string sequential(double value, double max) {
    if (!(max > 0)) return std::string(kSequential.front());
    return std::string(kSequential[class_of(value / max, kSequential.size())]);
}

std::string diverging(double value, double extent) {
    if (!(extent > 0)) return std::string(kDiverging[kDiverging.size() / 2]);
    // Seven classes over [-extent, extent]; the middle one holds values near 0.
    const double fraction = (std::clamp(value, -extent, extent) + extent) / (2 * extent);
    return std::string(kDiverging[class_of(fraction, kDiverging.size())]);
}

std::vector<LegendEntry> diverging_entries(double extent) {
    std::vector<LegendEntry> entries;
    const auto classes = static_cast<double>(kDiverging.size());
    for (std::size_t i = 0; i < kDiverging.size(); ++i) {
        const double from = -extent + 2 * extent * static_cast<double>(i) / classes;
        const double to = -extent + 2 * extent * static_cast<double>(i + 1) / classes;
        entries.push_back({std::string(kDiverging[i]),
                           base::format_number(from, 0) + " to " + base::format_number(to, 0), "",
                           std::string(kInk)});
    }
    return entries;
}

std::string load_colour(double load) {
    constexpr std::array kBounds = {0.5, 0.75, 0.9, 1.0};
    std::size_t k = 0;
    while (k < kBounds.size() && load > kBounds[k]) ++k;
    // 0.5 itself is in the first class, 1.0 in the fourth: only above 1.0 is overloaded.
    return std::string(kSequential[k]);
}

std::vector<LegendEntry> load_entries() {
    const std::array labels = {"up to 0.50", "0.50 – 0.75", "0.75 – 0.90", "0.90 – 1.00",
                               "above 1.00: overloaded"};
    std::vector<LegendEntry> entries;
    for (std::size_t k = 0; k < labels.size(); ++k) {
        entries.push_back({std::string(kSequential[k]), labels[k], "", std::string(kInk)});
    }
    return entries;
}

Ink ink_on(std::string_view fill) noexcept {
    constexpr Ink kOnLight{kInk, kMuted, kVacant};
    constexpr Ink kOnDark{"#ffffff", "#f2f2f2", "#ffffff"};
    if (fill.size() != 7 || fill.front() != '#') return kOnLight;
    const auto channel = [&](std::size_t at) {
        unsigned value = 0;
        for (std::size_t i = at; i < at + 2; ++i) {
            const char c = fill[i];
            value = value * 16 + static_cast<unsigned>(c >= 'a'   ? c - 'a' + 10
                                                       : c >= 'A' ? c - 'A' + 10
                                                                  : c - '0');
        }
        return static_cast<double>(value) / 255.0;
    };
    // Relative luminance (sRGB weights, without the gamma curve: close enough to choose).
    const double luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return luminance < 0.5 ? kOnDark : kOnLight;
}

std::string muted_html(const std::string& html, const Ink& ink, int points) {
    return R"(<FONT POINT-SIZE=")" + std::to_string(points) + R"(" COLOR=")" +
           std::string(ink.muted) + R"(">)" + html + "</FONT>";
}

std::string graphviz_literal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

std::string html_text(std::string_view text, std::size_t max_chars) {
    if (max_chars > 0) {
        std::size_t kept_end = 0;  // after the first max_chars − 1 code points
        std::size_t count = 0;
        for (std::size_t i = 0; i < text.size(); i = base::next_code_point(text, i)) {
            if (count == max_chars - 1) kept_end = i;
            if (++count > max_chars) {
                return escaped(base::trim(text.substr(0, kept_end))) + "…";
            }
        }
    }
    return escaped(text);
}

namespace {

// Advance widths of Helvetica and Helvetica-Bold (Adobe's AFM files), in 1/1000 em, for the
// printable ASCII characters ' ' to '~'.
constexpr std::array<std::uint16_t, 95> kHelvetica = {
    278,  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // ' '../
    556,  556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @..O
    667,  778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P.._
    333,  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // `..o
    556,  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};      // p..~
constexpr std::array<std::uint16_t, 95> kHelveticaBold = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,  // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,  // 0..?
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,  // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,  // P.._
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,  // `..o
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};      // p..~

// Fonts that stand in for Helvetica (DejaVu Sans, say) set a little wider.
constexpr double kFallbackMargin = 1.08;

// The advance of one code point (control characters already replaced), in 1/1000 em.
double advance(std::uint32_t code_point, bool bold) {
    if (code_point >= 0x20 && code_point < 0x7f)
        return (bold ? kHelveticaBold : kHelvetica)[code_point - 0x20];
    // Latin letters with accents (Latin-1 and Latin Extended-A) as wide as a plain capital or
    // small letter; combining accents take no room of their own.
    if (code_point >= 0xc0 && code_point <= 0x17f && code_point != 0xd7 && code_point != 0xf7) {
        const bool capital = code_point < 0xdf || (code_point >= 0x100 && code_point % 2 == 0);
        return capital ? 722 : (bold ? 611 : 556);
    }
    if (code_point >= 0x300 && code_point <= 0x36f) return 0;
    const bool wide = (code_point >= 0x1100 && code_point <= 0x115f) ||
                      (code_point >= 0x2e80 && code_point <= 0xa4cf) ||
                      (code_point >= 0xac00 && code_point <= 0xd7a3) ||
                      (code_point >= 0xf900 && code_point <= 0xfaff) ||
                      (code_point >= 0xfe30 && code_point <= 0xfe4f) ||
                      (code_point >= 0xff00 && code_point <= 0xff60) ||
                      (code_point >= 0x1f300 && code_point <= 0x1faff) ||
                      (code_point >= 0x20000 && code_point <= 0x3fffd);
    return wide ? 1000 : 833;
}

// Code point by code point: the width of each, in points, with the byte offset after it.
template <class Visit>
void each_advance(std::string_view text, double points, bool bold, Visit&& visit) {
    const double scale = points / 1000 * kFallbackMargin;
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t code_point = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        if (code_point >= 0x80) {
            length = base::decode_utf8(text, i, code_point);
            if (length == 0) {  // an ill-formed byte, drawn as U+FFFD
                length = 1;
                code_point = 0xfffd;
            }
        } else if (code_point < 0x20 || code_point == 0x7f) {
            code_point = 0xfffd;  // the adapter draws control characters so
        }
        i += length;
        if (!visit(advance(code_point, bold) * scale, i)) return;
    }
}

// The bytes of `text` that fit `width` points (all of it when it fits).
std::size_t fitting_prefix(std::string_view text, const TextFit& fit, double width) {
    std::size_t end = 0;
    double used = 0;
    each_advance(text, fit.points, fit.bold, [&](double w, std::size_t after) {
        if (used + w > width) return false;
        used += w;
        end = after;
        return true;
    });
    return end;
}

}  // namespace

double text_width(std::string_view text, double points, bool bold) {
    double width = 0;
    each_advance(text, points, bold, [&](double w, std::size_t) {
        width += w;
        return true;
    });
    return width;
}

std::string fitted_html(std::string_view text, const TextFit& fit) {
    text = base::trim(text);
    if (text_width(text, fit.points, fit.bold) <= fit.width) return html_text(text);
    const double ellipsis = text_width("…", fit.points, fit.bold);
    const auto kept = fitting_prefix(text, fit, std::max(0.0, fit.width - ellipsis));
    return html_text(base::trim(text.substr(0, kept))) + "…";
}

std::string fitted_lines_html(std::string_view text, const TextFit& fit, std::size_t max_lines,
                              std::size_t* lines_drawn) {
    max_lines = std::max<std::size_t>(max_lines, 1);
    const double space = text_width(" ", fit.points, fit.bold);
    std::vector<std::string_view> lines;
    text = base::trim(text);
    std::size_t line_start = 0;  // of the line being filled, in `text`
    std::size_t line_end = 0;
    double line_width = 0;
    bool more = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto blank = text.find_first_of(" \t\r\n", i);
        const auto word_end = blank == std::string_view::npos ? text.size() : blank;
        const double word = text_width(text.substr(i, word_end - i), fit.points, fit.bold);
        const bool empty_line = line_end == line_start;
        if (!empty_line && line_width + space + word > fit.width) {
            lines.push_back(text.substr(line_start, line_end - line_start));
            if (lines.size() == max_lines) {
                more = true;
                break;
            }
            line_start = line_end = i;
            line_width = 0;
        }
        line_width += (line_end == line_start ? 0 : space) + word;
        line_end = word_end;
        i = text.find_first_not_of(" \t\r\n", word_end);
        if (i == std::string_view::npos) i = text.size();
    }
    if (!more && line_end > line_start)
        lines.push_back(text.substr(line_start, line_end - line_start));
    std::string html;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (k > 0) html += "<BR/>";
        const bool last = k + 1 == lines.size();
        if (last && more) {
            // The rest of the text from this line on, cut with its ellipsis: it cannot fit,
            // since the next word did not.
            html += fitted_html(text.substr(line_start), fit);
        } else {
            html += fitted_html(lines[k], fit);
        }
    }
    if (lines_drawn) *lines_drawn = lines.size();
    return html;
}

std::string wrapped_html(std::string_view text, std::size_t width, std::size_t max_lines) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_chars = 0;
    text = base::trim(text);
    bool more = false;
    while (!text.empty()) {
        const auto blank = text.find_first_of(" \t\r\n");
        const auto word = text.substr(0, blank);
        text =
            blank == std::string_view::npos ? std::string_view{} : base::trim(text.substr(blank));
        const auto chars = base::code_points(word);
        if (line_chars > 0 && line_chars + 1 + chars > width) {
            lines.push_back(std::move(line));
            line.clear();
            line_chars = 0;
        }
        if (lines.size() == max_lines) {
            more = true;
            break;
        }
        if (line_chars > 0) {
            line.push_back(' ');
            ++line_chars;
        }
        line += word;
        line_chars += chars;
    }
    if (!more && !line.empty()) lines.push_back(std::move(line));
    if (lines.size() > max_lines) {
        lines.resize(max_lines);
        more = true;
    }
    std::string html;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) html += "<BR/>";
        const bool last = i + 1 == lines.size();
        html += html_text(lines[i], width);
        if (last && more) html += "…";
    }
    return html;
}

std::string heading_html(std::string_view title, std::span<const std::string> lines) {
    std::string html = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">)";
    html += R"(<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="20"><B>)";
    html += html_text(title);
    html += "</B></FONT></TD></TR>";
    for (const auto& line : lines) {
        html += R"(<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="11" COLOR=")";
        html += kMuted;
        html += R"(">)";
        html += html_text(line);
        html += "</FONT></TD></TR>";
    }
    html += "</TABLE>";
    return html;
}

namespace {

// The legend as an HTML-like table, with its estimated size in points.
LegendNode legend_table(const Legend& legend) {
    // Graphviz stretches a table's columns evenly when one cell spans them and is wider than
    // they are; making the label column as wide as the title keeps the swatches small.
    constexpr double kCharWidth = 6.2;  // points, Helvetica at 10 pt, a little generous
    constexpr double kSwatch = 26;
    std::size_t label_chars = 0;
    for (const auto& entry : legend.entries) {
        label_chars =
            std::max(label_chars, static_cast<std::size_t>(base::code_points(entry.label)));
    }
    const double title_width = static_cast<double>(base::code_points(legend.title)) * kCharWidth;
    const double label_width =
        std::max(static_cast<double>(label_chars) * kCharWidth, title_width - kSwatch);

    std::string html = R"(<TABLE BORDER="1" COLOR="#bdbdbd" BGCOLOR="white" CELLBORDER="0" )"
                       R"(CELLSPACING="2" CELLPADDING="2">)";
    html += R"(<TR><TD COLSPAN="2" ALIGN="LEFT"><B>)" + html_text(legend.title) + "</B></TD></TR>";
    bool first = true;
    for (const auto& entry : legend.entries) {
        html += "<TR>";
        if (!entry.line.empty()) {
            // A line sample: box-drawing characters in the line's colour.
            const auto* sample = entry.line == "dashed"   ? "╍╍╍"
                                 : entry.line == "dotted" ? "┅┅┅"
                                 : entry.line == "bold"   ? "━━━"
                                                          : "───";
            html += R"(<TD><FONT COLOR=")" + entry.line_colour + R"(">)" + sample + "</FONT></TD>";
        } else if (!entry.colour.empty()) {
            html += R"(<TD BGCOLOR=")" + entry.colour + R"(" BORDER="1" COLOR=")" +
                    entry.line_colour + R"(" WIDTH="18" HEIGHT="12"> </TD>)";
        } else {
            html += "<TD></TD>";
        }
        html += R"(<TD ALIGN="LEFT")";
        if (first) {
            html += R"( WIDTH=")" + std::to_string(static_cast<int>(label_width)) + '"';
            first = false;
        }
        html += ">" + html_text(entry.label) + "</TD></TR>";
    }
    html += "</TABLE>";
    LegendNode node;
    node.attributes = {{"label", std::move(html), ValueKind::Html}};
    node.width = kSwatch + label_width + 12;
    node.height = 18.0 * static_cast<double>(legend.entries.size() + 1) + 8;
    return node;
}

}  // namespace

LegendNode legend_node(const Legend& legend) {
    auto node = legend_table(legend);
    node.attributes.insert(node.attributes.begin(), {"shape", "plain"});
    return node;
}

std::string heading_with_legends_html(std::string_view title, std::span<const std::string> lines,
                                      std::span<const Legend> legends) {
    // One row: the title and its lines as text (text in a cell keeps to the top; a nested
    // table would be stretched), then each legend at its natural width.
    std::string html = R"(<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="10" CELLPADDING="0">)";
    html += R"(<TR><TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT"><FONT POINT-SIZE="20"><B>)";
    html += html_text(title);
    html += "</B></FONT>";
    for (const auto& line : lines) {
        html += R"(<BR ALIGN="LEFT"/><FONT POINT-SIZE="11" COLOR=")";
        html += kMuted;
        html += R"(">)" + html_text(line) + "</FONT>";
    }
    html += R"(<BR ALIGN="LEFT"/></TD>)";
    for (const auto& legend : legends) {
        html += R"(<TD VALIGN="TOP">)";
        html += legend_table(legend).attributes.front().value;
        html += "</TD>";
    }
    html += "</TR></TABLE>";
    return html;
}

void apply_defaults(Diagram& diagram) {
    const std::string font(kFont);
    diagram.graph.push_back({"fontname", font});
    diagram.graph.push_back({"fontsize", "10"});  // legends in the heading, as in the nodes
    diagram.graph.push_back({"labelloc", "t"});
    diagram.graph.push_back({"labeljust", "l"});
    diagram.graph.push_back({"bgcolor", "white"});
    diagram.graph.push_back({"pad", "0.3"});
    diagram.node_defaults.push_back({"fontname", font});
    diagram.node_defaults.push_back({"fontsize", "10"});
    diagram.node_defaults.push_back({"fontcolor", std::string(kInk)});
    diagram.node_defaults.push_back({"color", std::string(kInk)});
    diagram.node_defaults.push_back({"shape", "box"});
    diagram.node_defaults.push_back({"style", "rounded,filled"});
    diagram.node_defaults.push_back({"fillcolor", std::string(kBox)});
    diagram.node_defaults.push_back({"penwidth", "1"});
    diagram.edge_defaults.push_back({"fontname", font});
    diagram.edge_defaults.push_back({"fontsize", "9"});
    diagram.edge_defaults.push_back({"color", "#737373"});
    diagram.edge_defaults.push_back({"arrowsize", "0.6"});
}

std::string compact_amount(double value) {
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e9) return base::format_number(value / 1e9, 1) + " G";
    if (magnitude >= 1e6) return base::format_number(value / 1e6, 1) + " M";
    if (magnitude >= 1e4) return base::format_number(value / 1e3, 0) + " k";
    return base::format_number(value, 0);
}

}  // namespace reorg::render::style
