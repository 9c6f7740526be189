#include "reorg/base/escape.hpp"

#include <algorithm>
#include <cstdint>

#include "reorg/base/utf8.hpp"

namespace reorg::base {
namespace {

using namespace std::string_view_literals;

constexpr auto kReplacement = "\xEF\xBF\xBD"sv;  // U+FFFD

// Appends `text` to `out`: each ASCII byte through `ascii(out, text, i)`, which escapes it for
// the format; other characters as they are, except ill-formed UTF-8 and the non-characters
// U+FFFE and U+FFFF (not allowed in XML), which become U+FFFD.
template <class Ascii>
void append_text(std::string& out, std::string_view text, Ascii&& ascii) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ascii(out, text, i);
            ++i;
            continue;
        }
        std::uint32_t code_point = 0;
        const auto length = decode_utf8(text, i, code_point);
        if (length == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        if (code_point == 0xFFFE || code_point == 0xFFFF) {
            out += kReplacement;
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
}

[[nodiscard]] bool is_control(char c) noexcept { return static_cast<unsigned char>(c) < 0x20; }

}  // namespace

// XML 1.0 text and attribute values. Tab, LF and CR become character references, which XML
// parsers keep as they are (a literal one would be normalised: CR LF to LF, and in attribute
// values to a space); other control characters are not allowed in XML 1.0 at all, not even as
// references, and become U+FFFD.
void append_xml(std::string& out, std::string_view text) {
    append_text(out, text, [](std::string& o, std::string_view t, std::size_t i) {
        const char c = t[i];
        switch (c) {
            case '&':
                o += "&amp;";
                break;
            case '<':
                o += "&lt;";
                break;
            case '>':
                o += "&gt;";
                break;
            case '"':
                o += "&quot;";
                break;
            case '\'':
                o += "&apos;";
                break;
            case '\t':
                o += "&#9;";
                break;
            case '\n':
                o += "&#10;";
                break;
            case '\r':
                o += "&#13;";
                break;
            default:
                if (is_control(c)) {
                    o += kReplacement;
                } else {
                    o.push_back(c);
                }
        }
    });
}

// A JSON string's contents: quote and backslash escaped, control characters as \u00XX.
void append_json(std::string& out, std::string_view text) {
    append_text(out, text, [](std::string& o, std::string_view t, std::size_t i) {
        const char c = t[i];
        if (c == '"' || c == '\\') {
            o.push_back('\\');
            o.push_back(c);
        } else if (is_control(c)) {
            constexpr auto kHex = "0123456789abcdef"sv;
            const auto byte = static_cast<unsigned char>(c);
            o += "\\u00";
            o.push_back(kHex[byte >> 4]);
            o.push_back(kHex[byte & 0xF]);
        } else {
            o.push_back(c);
        }
    });
}

// A DOT quoted string's contents: quote and backslash escaped (Graphviz reads `\\` in a label
// as one backslash), a line break (LF, CR LF or CR) as `\n`, tab kept, other control characters
// as U+FFFD.
void append_dot(std::string& out, std::string_view text) {
    append_text(out, text, [](std::string& o, std::string_view t, std::size_t i) {
        const char c = t[i];
        if (c == '"' || c == '\\') {
            o.push_back('\\');
            o.push_back(c);
        } else if (c == '\n') {
            o += "\\n";
        } else if (c == '\r') {
            if (i + 1 == t.size() || t[i + 1] != '\n') o += "\\n";
        } else if (is_control(c) && c != '\t') {
            o += kReplacement;
        } else {
            o.push_back(c);
        }
    });
}

void append_clean(std::string& out, std::string_view text) {
    append_text(out, text, [](std::string& o, std::string_view t, std::size_t i) {
        if (is_control(t[i])) {
            o += kReplacement;
        } else {
            o.push_back(t[i]);
        }
    });
}

void append_csv(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out.push_back('"');
    for (const char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

std::string xml_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_xml(out, text);
    return out;
}

void append_terminal(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    const auto escaped = [&](unsigned char code) {
        out += "\\x";
        out += kHex[code >> 4];
        out += kHex[code & 0xF];
    };
    // Nearly all text needs nothing escaped: copy it in runs up to the next byte that may.
    const auto may_need = [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && byte != '\t' && byte != '\n') || byte == 0x7F || byte == 0xC2;
    };
    auto i = text.begin();
    while (i != text.end()) {
        const auto plain = std::find_if(i, text.end(), may_need);
        out.append(i, plain);
        if (plain == text.end()) break;
        const auto byte = static_cast<unsigned char>(*plain);
        i = plain + 1;
        if (byte != 0xC2) {
            escaped(byte);
        } else if (i != text.end() && static_cast<unsigned char>(*i) >= 0x80 &&
                   static_cast<unsigned char>(*i) <= 0x9F) {
            escaped(static_cast<unsigned char>(*i++));  // a C1 control, by its code point
        } else {
            out += *plain;
        }
    }
}

std::string terminal_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_terminal(out, text);
    return out;
}

}  // namespace reorg::base
