#pragma once
#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include "reorg/base/text.hpp"

/// Plain-text and CSV tables for the terminal and for spreadsheets.
namespace reorg::output {

enum class Align { Left, Right };

/// A table printed with aligned columns; widths count UTF-8 characters, not bytes, so Swedish
/// names line up. Rows are added and held, or, for a long table (a hundred thousand units),
/// made while it is written, each into cells reused from row to row.
class TextTable {
public:
    /// The cells of one row, one per column, each empty when a RowMaker is called.
    using Cells = std::span<std::string>;
    /// Fills the cells of row `row`.
    using RowMaker = std::function<void(std::size_t row, Cells cells)>;

    /// One header per column; `align` defaults to left for every column.
    explicit TextTable(std::vector<std::string> header, std::vector<Align> align = {});

    void add_row(std::vector<std::string> cells);
    [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }

    /// Header, a rule, then the rows; `indent` spaces before each line.
    void write(std::ostream& out, std::size_t indent = 0) const;

    /// Header, a rule, the rows added, then rows 0 to `count` - 1 as `make` fills them. Each
    /// is made once, into cells reused from row to row; until the widths of the columns are
    /// known, only the text of the cells is kept, one after the other in one buffer (no
    /// string per cell).
    void write(std::ostream& out, std::size_t count, const RowMaker& make,
               std::size_t indent = 0) const;

private:
    std::vector<std::string> header_;
    std::vector<Align> align_;
    std::vector<std::vector<std::string>> rows_;
};

/// Number of characters (code points) in UTF-8 text.
[[nodiscard]] std::size_t display_width(std::string_view text) noexcept;

/// The text cut to at most `width` characters, ending in "…" when cut.
[[nodiscard]] std::string shorten(std::string_view text, std::size_t width);

/// The words of `text`, split at blanks and line breaks (a quoted CSV field may hold those).
[[nodiscard]] std::vector<std::string> words(std::string_view text);

/// The text on one line: its words joined by single spaces.
[[nodiscard]] std::string one_line_text(std::string_view text);

/// One RFC 4180 record: fields quoted when they hold a comma, quote or line break; CRLF-free.
void write_csv_row(std::ostream& out, std::span<const std::string> fields);

// Numbers are spelt as the rest of the product spells them (model/text.hpp).
using base::format_amount;
using base::format_number;

}  // namespace reorg::output
