#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

/// UTF-8, once for the whole product: checking input, walking code points for widths and cuts,
/// decoding for the escapers.
namespace reorg::base {

/// Length of the well-formed UTF-8 sequence of two or more bytes at text[i], with its code point
/// in `code_point`; 0 when the bytes there are not one (an ASCII byte, a stray continuation, an
/// overlong form, a surrogate, beyond U+10FFFF, cut short). O(1).
[[nodiscard]] std::size_t decode_utf8(std::string_view text, std::size_t i,
                                      std::uint32_t& code_point) noexcept;

/// The offset of the first byte that is not part of valid UTF-8 (overlongs, surrogates and
/// code points above U+10FFFF are invalid), or nullopt when all of `text` is valid. O(n), with
/// an 8-bytes-at-a-time path for ASCII.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

/// The start of the code point after the one starting at text[i] (continuation bytes skipped).
[[nodiscard]] std::size_t next_code_point(std::string_view text, std::size_t i) noexcept;

/// Number of code points (lead bytes) in UTF-8 text: its width on a terminal for the scripts
/// reorg's users write, where one code point is one column. O(n).
[[nodiscard]] std::size_t code_points(std::string_view text) noexcept;

/// Bytes of the first `count` code points of `text` (all of it when it has fewer). O(n).
[[nodiscard]] std::size_t code_point_prefix(std::string_view text, std::size_t count) noexcept;

}  // namespace reorg::base
