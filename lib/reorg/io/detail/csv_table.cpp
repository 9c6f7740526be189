#include "reorg/io/detail/csv_table.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "reorg/base/text.hpp"

namespace reorg::io::detail {
namespace {

// A header name by its ASCII letters and digits, lower-cased: `Reports To` is `reportsto`.
std::string letters_and_digits(std::string_view name) {
    std::string key;
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
    }
    return key;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const auto above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// What people call a required column instead, by the key of its name: HR systems export the
// manager's id, not a `reports_to`.
constexpr std::pair<std::string_view, std::string_view> kOtherNames[] = {
    {"reportsto", "manager"},
    {"reportsto", "managerid"},
    {"reportsto", "supervisor"},
    {"reportsto", "boss"},
    {"reportsto", "linemanager"},
    {"reportsto", "parent"},
    {"unit", "department"},
    {"unit", "dept"},
    {"unit", "team"},
    {"unit", "orgunit"},
    {"id", "postid"},
    {"id", "employeeid"},
    {"name", "unitname"},
    {"from", "source"},
    {"to", "target"},
    {"statement", "text"},
    {"kind", "type"},
};

// How far a header name is from the wanted one (lower is nearer); nullopt when too far to
// suggest. Same letters, a known other name, one name inside the other, then a few typos.
std::optional<std::size_t> name_distance(std::string_view header, std::string_view wanted) {
    const auto have = letters_and_digits(header);
    const auto want = letters_and_digits(wanted);
    if (have.empty()) return std::nullopt;
    if (have == want) return 0;
    for (const auto& [name, other] : kOtherNames) {
        if (name == want && other == have) return 1;
    }
    if (have.find(want) != std::string::npos || want.find(have) != std::string::npos) return 2;
    const auto typos = edit_distance(have, want);
    if (typos <= std::max<std::size_t>(1, want.size() / 3)) return 2 + typos;
    return std::nullopt;
}

}  // namespace

CsvTable::CsvTable(std::string file, std::string text)
    : file_(std::move(file)), reader_(std::move(text)) {}

bool CsvTable::read_header(Diagnostics& diagnostics, IfEmpty empty) {
    if (reader_.next(header_)) return true;
    if (!report_open_quote(diagnostics) && empty == IfEmpty::Error) {
        diagnostics.error({file_, 1}, "the file is empty (no header line)");
    }
    return false;
}

std::string CsvTable::column_name(std::size_t field, std::string_view absent) const {
    return std::string(field < header_.fields.size() ? base::trim(header_.fields[field]) : absent);
}

std::size_t CsvTable::find(std::initializer_list<std::string_view> names, SameName same,
                           Diagnostics& diagnostics) const {
    for (const auto name : names) {
        std::size_t found = kAbsent;
        for (std::size_t f = 0; f < header_.fields.size(); ++f) {
            if (!same(header_.fields[f], name)) continue;
            if (found == kAbsent) {
                found = f;
                claimed_.insert(f);
            } else {
                diagnostics.error(at(header_.line, f), "the column appears twice");
            }
        }
        if (found != kAbsent) return found;
    }
    return kAbsent;
}

std::vector<std::size_t> CsvTable::find_each(std::initializer_list<std::string_view> names,
                                             SameName same, Diagnostics& diagnostics) const {
    std::vector<std::size_t> found;
    for (const auto name : names) {
        if (const auto f = find({name}, same, diagnostics); f != kAbsent) found.push_back(f);
    }
    return found;
}

bool CsvTable::require(std::size_t field, std::string_view name, Diagnostics& diagnostics) const {
    if (field != kAbsent) return true;
    diagnostics.error({file_, header_.line, std::string(name)},
                      "missing required column " + header_and_nearest(name));
    return false;
}

std::string CsvTable::header_and_nearest(std::string_view name) const {
    std::string columns;
    std::optional<std::size_t> nearest;
    std::size_t nearest_distance = 0;
    for (std::size_t f = 0; f < header_.fields.size(); ++f) {
        const auto column = column_name(f, "");
        if (column.empty()) continue;
        if (!columns.empty()) columns += ", ";
        columns += column;
        if (claimed_.contains(f)) continue;  // another column's
        const auto d = name_distance(column, name);
        if (d && (!nearest || *d < nearest_distance)) {
            nearest = f;
            nearest_distance = *d;
        }
    }
    std::string text =
        "(the header has " + (columns.empty() ? std::string("no names") : columns) + ")";
    if (nearest) {
        text += "; is '" + column_name(*nearest, "") + "' meant to be '" + std::string(name) + "'?";
    }
    return text;
}

bool CsvTable::next(CsvRecord& record, Diagnostics& diagnostics) {
    while (reader_.next(record)) {
        const auto& fields = record.fields;
        const bool extra_text =
            fields.size() > header_.fields.size() &&
            std::any_of(fields.begin() + static_cast<std::ptrdiff_t>(header_.fields.size()),
                        fields.end(), [](std::string_view f) { return !base::trim(f).empty(); });
        if (!extra_text) return true;
        diagnostics.error({file_, record.line}, "the row has " + std::to_string(fields.size()) +
                                                    " fields but the header has " +
                                                    std::to_string(header_.fields.size()) +
                                                    " (a separator inside an unquoted value?)");
    }
    report_open_quote(diagnostics);
    return false;
}

bool CsvTable::report_open_quote(Diagnostics& diagnostics) const {
    const auto line = reader_.unterminated_quote_line();
    if (line) diagnostics.error({file_, *line}, "a quoted field is never closed");
    return line.has_value();
}

}  // namespace reorg::io::detail
