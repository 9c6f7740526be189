#include "reorg/io/text_input.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <utility>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/base/utf8.hpp"

namespace reorg::io {

std::string read_file(const std::filesystem::path& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (std::filesystem::is_directory(status)) {
        throw InputError({path.string()}, "is a folder, not a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({path.string()}, "cannot open the file");
    if (!std::filesystem::is_regular_file(status)) {
        // A pipe or a device has no size to ask for: read it as the stream it is.
        std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (in.bad()) throw InputError({path.string()}, "cannot read the file");
        return bytes;
    }
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0) throw InputError({path.string()}, "cannot read the file");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    in.read(bytes.data(), size);
    if (!in) throw InputError({path.string()}, "cannot read the file");
    return bytes;
}

namespace {

// Line and byte column of an offset, for a message about invalid bytes.
std::pair<std::uint32_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    const auto before = text.substr(0, offset);
    const auto line =
        static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
    const auto line_start = before.rfind('\n');
    return {line, offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1};
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
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte == '\n') {
            ++line;
            line_start = i + 1;
        }
        if (byte < 0x80) {
            out += static_cast<char>(byte);
        } else if (byte >= 0xA0) {
            append_utf8(out, byte);
        } else if (const char32_t code = kWindows1252C1[byte - 0x80u]; code != 0) {
            append_utf8(out, code);
        } else {
            constexpr std::string_view kHex = "0123456789ABCDEF";
            diagnostics.error({file, line},
                              std::string("byte 0x") + kHex[byte >> 4] + kHex[byte & 0xF] +
                                  " (byte " + std::to_string(i - line_start + 1) +
                                  " of the line) is not a Windows-1252 character (is the file "
                                  "in another encoding?)");
        }
    }
    return out;
}

}  // namespace

std::optional<std::string> read_text(const std::filesystem::path& path, Diagnostics& diagnostics,
                                     const TextOptions& options) {
    const std::string file = path.string();
    std::string bytes = read_file(path);
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
        const auto errors_before = diagnostics.error_count();
        auto text = windows1252_to_utf8(bytes, file, diagnostics);
        if (diagnostics.error_count() != errors_before) return std::nullopt;
        return text;
    }
    if (const auto bad = base::find_invalid_utf8(bytes)) {
        const auto [line, column] = line_and_column(bytes, *bad);
        diagnostics.error({file, line}, "invalid UTF-8 at byte " + std::to_string(column) +
                                            " of the line (save the file as UTF-8" +
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
