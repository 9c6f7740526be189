#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

/// Reading the bytes of user files: whole-file reads, UTF-8 checks, numbers as people type them.
namespace reorg::io {

/// The whole file. Throws InputError naming the file if it cannot be read.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// The offset of the first byte that is not part of valid UTF-8 (overlongs, surrogates and
/// code points above U+10FFFF are invalid), or nullopt when all of `text` is valid. O(n), with
/// an 8-bytes-at-a-time path for ASCII.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

/// How a number column is written.
struct NumberFormat {
    /// `0,5` means one half (Swedish Excel, with `;` as separator). Spaces, no-break spaces and
    /// apostrophes between digit groups are then accepted too.
    bool decimal_comma = false;
};

/// Parses a decimal number such as `12`, `-0.5`, `1e6`, `1 150 000` or (with decimal comma)
/// `0,5`; surrounding blanks are ignored. nullopt for anything else, including an empty text,
/// `nan` and `inf`.
[[nodiscard]] std::optional<double> parse_number(std::string_view text, NumberFormat format = {});

}  // namespace reorg::io
