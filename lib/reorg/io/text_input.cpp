#include "reorg/io/text_input.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/base/utf8.hpp"
#include "reorg/io/input_file.hpp"

namespace reorg::io {

std::string read_file(const std::filesystem::path& path, PathSource path_source) {
    InputFile file(path, path_source);
    return file.read_all();
}

namespace {

// Line and byte column of an offset, for a message about invalid bytes.
std::pair<std::uint32_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = text.find_first_of("\r\n"); i < offset;
         i = text.find_first_of("\r\n", i + 1)) {
        if (base::ends_line(text, i)) {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, offset - line_start + 1};
}

// Windows-1252 bytes 0x80–0x9F as Unicode code points; 0 where the code page defines none
// (0x81, 0x8D, 0x8F, 0x90, 0x9D). Bytes 0xA0–0xFF are U+00A0–U+00FF.
constexpr std::array<char32_t, 32> kWindows1252C1 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80–87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88–8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90–97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98–9F
};

void append_utf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// `bytes` read as Windows-1252, in UTF-8. The five bytes the code page leaves undefined are
// errors, not U+FFFD: a file holding them is most likely not Windows-1252 at all, and a
// silently replaced letter in a name would go unnoticed.
std::string windows1252_to_utf8(std::string_view bytes, const std::string& file,
                                Diagnostics& diagnostics) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    // Said once for the file, at the first such byte: a file in another encoding has them on
    // every other line, and one message says all there is to say.
    std::size_t undefined = 0;
    Location first;
    std::string first_message;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (base::ends_line(bytes, i)) {
            ++line;
            line_start = i + 1;
        }
        if (byte < 0x80) {
            out += static_cast<char>(byte);
        } else if (byte >= 0xA0) {
            append_utf8(out, byte);
        } else if (const char32_t code = kWindows1252C1[byte - 0x80u]; code != 0) {
            append_utf8(out, code);
        } else if (undefined++ == 0) {
            constexpr std::string_view kHex = "0123456789ABCDEF";
            first = {file, line};
            first_message = std::string("byte 0x") + kHex[byte >> 4] + kHex[byte & 0xF] +
                            " (byte " + std::to_string(i - line_start + 1) +
                            " of the line) is not a Windows-1252 character";
        }
    }
    if (undefined > 0) {
        diagnostics.error(std::move(first),
                          first_message +
                              (undefined > 1 ? ", nor are " + std::to_string(undefined - 1) +
                                                   " more bytes of the file"
                                             : std::string()) +
                              ": the file is not in Windows-1252 (is it in another encoding?)");
    }
    return out;
}

}  // namespace

std::optional<std::string> read_text(const std::filesystem::path& path, Diagnostics& diagnostics,
                                     const TextOptions& options) {
    const std::string file = path.string();
    std::string bytes = read_file(path, options.path_source);
    if (options.encoding == Encoding::Windows1252) {
        if (bytes.starts_with("\xEF\xBB\xBF")) {
            diagnostics.error(
                {file, 1},
                "the file starts with a UTF-8 byte-order mark: it is UTF-8, not "
                "Windows-1252" +
                    (options.read_as_utf8.empty() ? std::string()
                                                  : " (" + options.read_as_utf8 + ")"));
            return std::nullopt;
        }
        // Valid UTF-8 with letters beyond ASCII is UTF-8: read as Windows-1252 its `å` would
        // become `Ã¥` without a word, or a byte the code page lacks would be reported as if the
        // file were broken.
        const bool beyond_ascii = std::any_of(bytes.begin(), bytes.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x80;
        });
        if (beyond_ascii && !base::find_invalid_utf8(bytes)) {
            diagnostics.error(
                {file, 0}, "the file is UTF-8, not Windows-1252" +
                               (options.read_as_utf8.empty() ? std::string()
                                                             : " (" + options.read_as_utf8 + ")"));
            return std::nullopt;
        }
        const auto errors_before = diagnostics.error_count();
        auto text = windows1252_to_utf8(bytes, file, diagnostics);
        if (diagnostics.error_count() != errors_before) return std::nullopt;
        return text;
    }
    if (const auto bad = base::find_invalid_utf8(bytes)) {
        const auto [line, column] = line_and_column(bytes, *bad);
        // Once for the file: its first invalid byte says that it is in another encoding.
        diagnostics.error({file, line}, "invalid UTF-8 at byte " + std::to_string(column) +
                                            " of the line: the file is not UTF-8 (save it as "
                                            "UTF-8" +
                                            (options.read_as_windows1252.empty()
                                                 ? std::string()
                                                 : ", or " + options.read_as_windows1252) +
                                            ")");
        return std::nullopt;
    }
    return bytes;
}

namespace {

// Removes digit-group separators and turns the decimal comma into a point. Returns false when
// the text cannot be a number in this format (more than one comma, say).
bool normalise_decimal_comma(std::string_view text, std::string& out) {
    out.clear();
    bool comma = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ',') {
            if (comma) return false;
            comma = true;
            out += '.';
        } else if (c == '.') {
            return false;  // a point alongside decimal commas is ambiguous; refuse it
        } else if (c == ' ' || c == '\'') {
            continue;
        } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
            ++i;  // U+00A0 no-break space
        } else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
                   text[i + 2] == '\xAF') {
            i += 2;  // U+202F narrow no-break space, what Excel writes for Swedish locales
        } else {
            out += c;
        }
    }
    return true;
}

}  // namespace

std::string invalid_number_hint(std::string_view text, NumberFormat format) {
    if (format.decimal_comma || text.find(',') == std::string_view::npos ||
        !parse_number(text, {.decimal_comma = true})) {
        return {};
    }
    return " (a decimal comma needs ';' as the file's separator: write " +
           base::exact_number(*parse_number(text, {.decimal_comma = true})) +
           ", or save the file with ';')";
}

std::optional<double> parse_number(std::string_view text, NumberFormat format) {
    text = base::trim(text);
    std::string normalised;
    if (format.decimal_comma && text.find_first_of(", '\xC2\xE2") != std::string_view::npos) {
        if (!normalise_decimal_comma(text, normalised)) return std::nullopt;
        text = normalised;
    }
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '-' || text.front() == '+')) return std::nullopt;
    }
    if (text.empty()) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

}  // namespace reorg::io
