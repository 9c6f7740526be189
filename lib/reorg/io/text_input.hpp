#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "reorg/base/error.hpp"
#include "reorg/io/input_file.hpp"

/// Reading the bytes of user files: whole-file reads, UTF-8 checks and Windows-1252 conversion,
/// numbers as people type them.
namespace reorg::io {

/// The whole file, or all a stream holds when `path_source` allows one (InputFile). Throws
/// InputError naming the file and the system's reason if it cannot be read.
[[nodiscard]] std::string read_file(const std::filesystem::path& path,
                                    PathSource path_source = PathSource::Named);

/// How a text file is encoded.
enum class Encoding { Utf8, Windows1252 };

/// How read_text() reads a file.
struct TextOptions {
    Encoding encoding = Encoding::Utf8;
    /// How the person can ask to read the file as UTF-8, or as Windows-1252, in the words of the
    /// front end (a command says its flag: "read it with --encoding cp1252"); the message about
    /// a file that seems to be in the other encoding ends with it. Empty: it suggests nothing.
    std::string read_as_utf8{};
    std::string read_as_windows1252{};
    /// Where the file's path comes from: whether a pipe or a device may be read (read_file()).
    PathSource path_source = PathSource::Named;
};

/// The file's text in UTF-8: UTF-8 checked, or Windows-1252 converted. nullopt after reporting
/// in `diagnostics`, at its line, why the file cannot be read as `options.encoding`: the first
/// byte that is not UTF-8 (and its place in the line); in Windows-1252, a UTF-8 byte-order mark,
/// or each of the five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
/// O(n). Throws InputError naming the file if it cannot be read.
[[nodiscard]] std::optional<std::string> read_text(const std::filesystem::path& path,
                                                   Diagnostics& diagnostics,
                                                   const TextOptions& options = {});

/// How a number column is written.
struct NumberFormat {
    /// `0,5` means one half (Swedish Excel, with `;` as separator). Spaces, no-break spaces and
    /// apostrophes between digit groups are then accepted too.
    bool decimal_comma = false;
};

/// What a message about `text`, which is no number in `format`, should add: when it would be
/// one with a decimal comma (`0,5`) in a file that does not separate its fields with `;` (SPEC
/// §3: only those read decimal commas), that it needs that separator. Empty otherwise.
[[nodiscard]] std::string invalid_number_hint(std::string_view text, NumberFormat format);

/// Parses a decimal number such as `12`, `-0.5`, `1e6`, `1 150 000` or (with decimal comma)
/// `0,5`; surrounding blanks are ignored. nullopt for anything else, including an empty text,
/// `nan` and `inf`.
[[nodiscard]] std::optional<double> parse_number(std::string_view text, NumberFormat format = {});

}  // namespace reorg::io
