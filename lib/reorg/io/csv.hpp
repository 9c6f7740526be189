#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reorg::io {

/// One record of a CSV file: its fields and the line it starts on.
struct CsvRecord {
    std::vector<std::string_view> fields;
    std::uint32_t line = 0;  ///< 1-based line of the record's first byte
};

/// A streaming RFC 4180 reader over a file held in memory: quoted fields with `""` escapes and
/// line breaks inside quotes, CRLF or LF, a leading UTF-8 byte-order mark, blank lines skipped.
/// The separator (`,`, `;` or tab) is detected from the header line: the one that occurs most
/// often outside quotes, `,` on a tie. Quoted fields are unescaped in place, so the fields of
/// every record stay valid for the reader's lifetime and reading allocates nothing per field.
/// Lenient where spreadsheets are: a quote inside an unquoted field, or text after a closing
/// quote, is kept as written.
class CsvReader {
public:
    explicit CsvReader(std::string bytes);

    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;
    CsvReader(CsvReader&&) = default;
    CsvReader& operator=(CsvReader&&) = default;
    ~CsvReader() = default;

    [[nodiscard]] char separator() const noexcept { return separator_; }

    /// Reads the next non-blank record into `record`; false at the end of the input.
    /// Throws InputError-free: a quote left open at the end of the file is reported through
    /// unterminated_quote_line() and ends the input.
    bool next(CsvRecord& record);

    /// The line of a quoted field that was still open at the end of the file, if any.
    [[nodiscard]] std::optional<std::uint32_t> unterminated_quote_line() const noexcept {
        return unterminated_;
    }

private:
    std::string bytes_;
    std::size_t position_ = 0;
    std::uint32_t line_ = 1;
    char separator_ = ',';
    std::optional<std::uint32_t> unterminated_;
};

}  // namespace reorg::io
