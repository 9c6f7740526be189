#include "reorg/io/import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "reorg/io/csv.hpp"
#include "reorg/io/model_builder.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/model/text.hpp"

namespace reorg::io {
namespace {

using model::Table;
using model::trim;

constexpr std::size_t kAbsent = ~std::size_t{0};

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

bool iequals(std::string_view a, std::string_view b) { return model::iequals_ascii(a, b); }

// The shortest text that reads back as `value`, for handing computed numbers to the builder.
std::string number_text(double value) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

// Line and byte column of an offset, for a message about invalid bytes.
std::pair<std::uint32_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    const auto before = text.substr(0, offset);
    const auto line =
        static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
    const auto line_start = before.rfind('\n');
    return {line, offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1};
}

// ---------------------------------------------------------------------------------------------
// Text encodings

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
            std::array<char, 8> hex{};
            const auto end = std::to_chars(hex.data(), hex.data() + hex.size(), byte, 16).ptr;
            diagnostics.error({file, line},
                              "byte 0x" + std::string(hex.data(), end) + " (byte " +
                                  std::to_string(i - line_start + 1) +
                                  " of the line) is not a Windows-1252 character (is the file "
                                  "in another encoding?)");
        }
    }
    return out;
}

// The file's text in UTF-8, or nullopt after reporting why it cannot be read as `encoding`.
// Throws InputError if the file cannot be read at all.
std::optional<std::string> read_text(const std::filesystem::path& path, Encoding encoding,
                                     Diagnostics& diagnostics) {
    const std::string file = path.string();
    std::string bytes = read_file(path);
    if (encoding == Encoding::Windows1252) {
        if (bytes.starts_with("\xEF\xBB\xBF")) {
            diagnostics.error({file, 1},
                              "the file starts with a UTF-8 byte-order mark: it is UTF-8, not "
                              "Windows-1252 (read it with --encoding utf-8)");
            return std::nullopt;
        }
        const auto errors_before = diagnostics.error_count();
        auto text = windows1252_to_utf8(bytes, file, diagnostics);
        if (diagnostics.error_count() != errors_before) return std::nullopt;
        return text;
    }
    if (const auto bad = find_invalid_utf8(bytes)) {
        const auto [line, column] = line_and_column(bytes, *bad);
        diagnostics.error({file, line}, "invalid UTF-8 at byte " + std::to_string(column) +
                                            " of the line (save the file as UTF-8, or read it "
                                            "with --encoding cp1252)");
        return std::nullopt;
    }
    return bytes;
}

// ---------------------------------------------------------------------------------------------
// CSV tables

// One CSV file being imported. The fields of every record point into the reader's buffer and
// stay valid while the table lives, so importers keep views of them; a table is therefore
// never copied or moved once made.
class CsvTable {
public:
    CsvTable(std::string file, std::string text)
        : file_(std::move(file)), reader_(std::move(text)) {}
    CsvTable(const CsvTable&) = delete;
    CsvTable& operator=(const CsvTable&) = delete;
    CsvTable(CsvTable&&) = delete;
    CsvTable& operator=(CsvTable&&) = delete;
    ~CsvTable() = default;

    /// Reads the header line; false, with an error, when the file has none.
    bool read_header(Diagnostics& diagnostics) {
        if (reader_.next(header_)) return true;
        diagnostics.error({file_, 1}, "the file is empty (no header line)");
        return false;
    }

    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] const CsvRecord& header() const noexcept { return header_; }
    [[nodiscard]] NumberFormat numbers() const noexcept {
        return {.decimal_comma = reader_.separator() == ';'};
    }

    /// The header's name for a field, as the file writes it, or `absent` for a column it lacks.
    [[nodiscard]] std::string column_name(std::size_t field, std::string_view absent) const {
        return std::string(field < header_.fields.size() ? trim(header_.fields[field]) : absent);
    }

    /// Where a field of a record is, for a message about it.
    [[nodiscard]] Location at(std::uint32_t line, std::size_t field,
                              std::string_view absent = {}) const {
        return {file_, line, column_name(field, absent)};
    }

    /// The first of `names` (in order of preference) that the header holds, by `same`; kAbsent
    /// if none. A name the header holds twice is an error.
    template <class Same>
    std::size_t find(std::initializer_list<std::string_view> names, Same same,
                     Diagnostics& diagnostics) const {
        for (const auto name : names) {
            std::size_t found = kAbsent;
            for (std::size_t f = 0; f < header_.fields.size(); ++f) {
                if (!same(header_.fields[f], name)) continue;
                if (found != kAbsent) {
                    diagnostics.error(at(header_.line, f), "the column appears twice");
                    break;
                }
                found = f;
            }
            if (found != kAbsent) return found;
        }
        return kAbsent;
    }

    /// Every one of `names` that the header holds, in the order given.
    template <class Same>
    std::vector<std::size_t> find_each(std::initializer_list<std::string_view> names, Same same,
                                       Diagnostics& diagnostics) const {
        std::vector<std::size_t> found;
        for (const auto name : names) {
            if (const auto f = find({name}, same, diagnostics); f != kAbsent) found.push_back(f);
        }
        return found;
    }

    /// The next record. One with more fields than the header is reported and skipped, unless
    /// the extra fields are empty (spreadsheets write trailing separators).
    bool next(CsvRecord& record, Diagnostics& diagnostics) {
        while (reader_.next(record)) {
            const auto& fields = record.fields;
            const bool extra_text =
                fields.size() > header_.fields.size() &&
                std::any_of(fields.begin() + static_cast<std::ptrdiff_t>(header_.fields.size()),
                            fields.end(), [](std::string_view f) { return !trim(f).empty(); });
            if (!extra_text) return true;
            diagnostics.error({file_, record.line},
                              "the row has " + std::to_string(fields.size()) +
                                  " fields but the header has " +
                                  std::to_string(header_.fields.size()) +
                                  " (a separator inside an unquoted value?)");
        }
        if (const auto line = reader_.unterminated_quote_line()) {
            diagnostics.error({file_, *line}, "a quoted field is never closed");
        }
        return false;
    }

private:
    std::string file_;
    CsvReader reader_;
    CsvRecord header_;
};

// A field's trimmed value; empty for a column the file lacks or a short row.
std::string_view field(std::span<const std::string_view> fields, std::size_t index) {
    return index < fields.size() ? trim(fields[index]) : std::string_view{};
}

// The first non-empty value among the fields at `indices`.
std::string_view first_value(std::span<const std::string_view> fields,
                             const std::vector<std::size_t>& indices) {
    for (const auto index : indices) {
        if (const auto value = field(fields, index); !value.empty()) return value;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// Handing rows to the ModelBuilder, and translating its messages back

// Where the rows handed to the ModelBuilder came from. The builder knows one file per table,
// but an organogram's posts come from two files and units are made from values in rows of
// either: so every row goes to the builder with a stand-in line number (its place here), and
// whatever the builder reports is translated back to the real file, line and column.
class Origins {
public:
    /// A file rows come from, and its header's names for the builder's columns.
    struct Source {
        std::string file;
        std::vector<std::pair<std::string_view, std::string>> columns;  ///< builder → header
    };

    /// The builder's file name for `table`: a marker no real path can equal.
    static std::string marker(Table table) {
        return std::string("\0import-", 8) + std::to_string(static_cast<int>(table));
    }

    std::uint32_t add_source(Source source) {
        sources_.push_back(std::move(source));
        return static_cast<std::uint32_t>(sources_.size() - 1);
    }

    /// The stand-in line for a row of `table` made from `line` of `source`. A non-empty
    /// `column` is named in every message about the row (a unit made from a "Unit" value).
    std::uint32_t row(Table table, std::uint32_t source, std::uint32_t line,
                      std::string_view column = {}) {
        std::uint32_t column_index = kNoColumn;
        if (!column.empty()) {
            const auto known = std::find(columns_.begin(), columns_.end(), column);
            column_index = static_cast<std::uint32_t>(known - columns_.begin());
            if (known == columns_.end()) columns_.emplace_back(column);
        }
        auto& rows = rows_[static_cast<std::size_t>(table)];
        rows.push_back({source, line, column_index});
        return static_cast<std::uint32_t>(rows.size());
    }

    /// Adds what `from` (the builder's diagnostics) holds to `to`, at the real locations.
    void copy(const Diagnostics& from, Diagnostics& to) const {
        for (const auto& error : from.errors()) to.error(translate(error.where), error.message);
        for (const auto& warning : from.warnings()) {
            to.warning(translate(warning.where), warning.message);
        }
    }

private:
    static constexpr std::uint32_t kNoColumn = ~std::uint32_t{0};
    struct Row {
        std::uint32_t source;
        std::uint32_t line;
        std::uint32_t column;  ///< into columns_, or kNoColumn
    };

    Location translate(const Location& where) const {
        for (std::size_t t = 0; t < rows_.size(); ++t) {
            if (where.file != marker(static_cast<Table>(t))) continue;
            const auto& rows = rows_[t];
            if (where.line == 0 || where.line > rows.size()) return {"", 0, where.column};
            const Row& row = rows[where.line - 1];
            const Source& source = sources_[row.source];
            if (row.column != kNoColumn) return {source.file, row.line, columns_[row.column]};
            for (const auto& [builder_column, header] : source.columns) {
                if (builder_column == where.column) return {source.file, row.line, header};
            }
            return {source.file, row.line, where.column};
        }
        return where;
    }

    std::vector<Source> sources_;
    std::vector<std::string> columns_;
    std::array<std::vector<Row>, 3> rows_;  // units, posts, people
};

