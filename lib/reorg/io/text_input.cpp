#include "reorg/io/text_input.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>

#include "reorg/model/error.hpp"
#include "reorg/model/text.hpp"

namespace reorg::io {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({path.string()}, "cannot open the file");
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0) throw InputError({path.string()}, "cannot read the file");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    in.read(bytes.data(), size);
    if (!in) throw InputError({path.string()}, "cannot read the file");
    return bytes;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80;  // allowed range of the second byte
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;   // no overlongs
            if (lead == 0xED) high = 0x9F;  // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;   // no overlongs
            if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
        } else {
            return i;
        }
        if (i + length > n) return i;
        if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
        for (std::size_t k = 2; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80) return i;
        }
        i += length;
    }
    return std::nullopt;
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
    text = model::trim(text);
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
