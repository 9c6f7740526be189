#include "reorg/base/utf8.hpp"

#include <cstring>

namespace reorg::base {
namespace {

bool is_continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

}  // namespace

std::size_t decode_utf8(std::string_view text, std::size_t i, std::uint32_t& code_point) noexcept {
    const auto byte = [&](std::size_t k) -> std::uint32_t {
        return static_cast<unsigned char>(text[k]);
    };
    const auto lead = byte(i);
    std::size_t length = 0;
    std::uint32_t low = 0x80;  // the allowed range of the second byte
    std::uint32_t high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code_point = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code_point = lead & 0x07;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
    } else {
        return 0;
    }
    if (text.size() - i < length) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = byte(i + k);
        if (next < (k == 1 ? low : 0x80u) || next > (k == 1 ? high : 0xBFu)) return 0;
        code_point = (code_point << 6) | (next & 0x3F);
    }
    return length;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        std::uint32_t code_point = 0;
        const auto length = decode_utf8(text, i, code_point);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

std::size_t next_code_point(std::string_view text, std::size_t i) noexcept {
    ++i;
    while (i < text.size() && is_continuation(text[i])) ++i;
    return i;
}

std::size_t code_points(std::string_view text) noexcept {
    std::size_t count = 0;
    for (const char c : text) count += is_continuation(c) ? 0U : 1U;
    return count;
}

std::size_t code_point_prefix(std::string_view text, std::size_t count) noexcept {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_continuation(text[i])) continue;
        if (seen == count) return i;
        ++seen;
    }
    return text.size();
}

}  // namespace reorg::base
