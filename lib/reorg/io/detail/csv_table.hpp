#pragma once
// One CSV file as the text readers take it: the header, columns found by name, and the records,
// with everything wrong in the file reported at its line (and column). Shared by the model
// folder reader and the importers, so that they accept and reject the same files. Internal to
// reorg_io.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/io/csv.hpp"
#include "reorg/io/text_input.hpp"

namespace reorg::io::detail {

/// The field index of a column the header lacks.
inline constexpr std::size_t kAbsent = ~std::size_t{0};

/// Whether a header name is the name wanted; each reader compares names in its own way.
using SameName = bool (*)(std::string_view header, std::string_view wanted);

/// What an empty file (no header line) is.
enum class IfEmpty { Error, Allowed };

/// One CSV file, its text held whole (see CsvReader for the dialect). The fields of every record
/// point into the table's buffer and stay valid while it lives, so readers keep views of them; a
/// table is therefore never copied or moved once made (make it in place, e.g. with
/// std::optional::emplace).
class CsvTable {
public:
    /// `text` is the file's content in UTF-8 (see read_text); `file` names it in messages.
    CsvTable(std::string file, std::string text);
    CsvTable(const CsvTable&) = delete;
    CsvTable& operator=(const CsvTable&) = delete;
    CsvTable(CsvTable&&) = delete;
    CsvTable& operator=(CsvTable&&) = delete;
    ~CsvTable() = default;

    /// Reads the header line. False when there is none, after reporting why: a quoted field
    /// never closed, or (unless `empty` allows it) an empty file.
    [[nodiscard]] bool read_header(Diagnostics& diagnostics, IfEmpty empty = IfEmpty::Error);

    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] const CsvRecord& header() const noexcept { return header_; }
    /// How the file writes numbers: decimal commas when `;` separates its fields.
    [[nodiscard]] NumberFormat numbers() const noexcept {
        return {.decimal_comma = reader_.separator() == ';'};
    }

    /// The header's name for a field, trimmed, or `absent` for a field the header lacks.
    [[nodiscard]] std::string column_name(std::size_t field, std::string_view absent) const;

    /// Where a field of a record is, for a message about it.
    [[nodiscard]] Location at(std::uint32_t line, std::size_t field,
                              std::string_view absent = {}) const {
        return {file_, line, column_name(field, absent)};
    }

    /// The field of the first of `names` (in order of preference) that the header holds, by
    /// `same`; kAbsent if none. A name the header holds more than once is an error at each of its
    /// later fields. O(names × header fields).
    [[nodiscard]] std::size_t find(std::initializer_list<std::string_view> names, SameName same,
                                   Diagnostics& diagnostics) const;

    /// The fields of every one of `names` that the header holds, in the order given.
    [[nodiscard]] std::vector<std::size_t> find_each(std::initializer_list<std::string_view> names,
                                                     SameName same, Diagnostics& diagnostics) const;

    /// Whether `field` (found by find()) is there; if not, reports the column `name` as a
    /// missing required column on the header line, with the header's columns and the one of
    /// them, not found as another column, nearest to `name` (`manager` for `reports_to`).
    bool require(std::size_t field, std::string_view name, Diagnostics& diagnostics) const;

    /// For a message about the missing column `name`: "(the header has a, b, c)", and the
    /// header's column nearest to it, if one is near, as "; is 'manager' meant to be
    /// 'reports_to'?".
    [[nodiscard]] std::string header_and_nearest(std::string_view name) const;

    /// Reads the next record into `record`; false at the end of the file. A record with more
    /// fields than the header is reported and skipped, unless the fields beyond the header are
    /// all blank (spreadsheets write trailing separators). A quoted field still open at the end
    /// of the file is reported when the end is reached.
    bool next(CsvRecord& record, Diagnostics& diagnostics);

private:
    // Reports a quoted field left open at the end of the file, if there is one; whether it did.
    bool report_open_quote(Diagnostics& diagnostics) const;

    std::string file_;
    CsvReader reader_;
    CsvRecord header_;
    // Fields find() matched to a column, which require() does not suggest for another. A record
    // of lookups, not of the table's content, hence mutable.
    mutable std::unordered_set<std::size_t> claimed_;
};

}  // namespace reorg::io::detail
