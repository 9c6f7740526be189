#pragma once
#include <string>
#include <string_view>

/// Escaping text for the formats reorg writes, shared by the exporters, the renderer and the
/// report, so that every name reaches XML, SVG, HTML, JSON, DOT and CSV as text and never as
/// markup. Each function appends `text` to `out`; except for CSV, ill-formed UTF-8 and the
/// non-characters U+FFFE and U+FFFF become U+FFFD, so the output is always well-formed UTF-8.
/// O(text).
namespace reorg::base {

/// XML 1.0 text or attribute value (also HTML, and Graphviz's HTML-like labels): `& < > " '`
/// as entities; tab, LF and CR as character references; other control characters as U+FFFD.
void append_xml(std::string& out, std::string_view text);

/// The contents of a JSON string: quote and backslash escaped, control characters as \u00XX.
void append_json(std::string& out, std::string_view text);

/// The contents of a DOT quoted string: quote and backslash escaped (Graphviz reads `\\` in a
/// label as one backslash), a line break as `\n`, tab kept, other control characters U+FFFD.
void append_dot(std::string& out, std::string_view text);

/// Text as it is, except that control characters (tab and line breaks too) become U+FFFD:
/// safe for any format that quotes its strings but cannot carry control characters.
void append_clean(std::string& out, std::string_view text);

/// One CSV field (RFC 4180): as it is, or in double quotes with quotes doubled when it holds a
/// comma, a quote or a line break. Control characters are kept: CSV carries them.
void append_csv(std::string& out, std::string_view field);

/// Text for a terminal: control characters — C0 but tab and line feed, DEL, and the C1 range
/// U+0080–U+009F — as `\xNN`, so that a name in a file cannot move the cursor, retitle or
/// clear the reader's terminal; everything else as it is. Feed it whole UTF-8 sequences: a C1
/// character is two bytes (0xC2 0x80–0x9F).
void append_terminal(std::string& out, std::string_view text);

/// append_terminal into a new string.
[[nodiscard]] std::string terminal_escaped(std::string_view text);

/// append_xml into a new string.
[[nodiscard]] std::string xml_escaped(std::string_view text);

}  // namespace reorg::base
