#include "reorg/io/detail/csv_table.hpp"

#include <algorithm>
#include <utility>

#include "reorg/base/text.hpp"

namespace reorg::io::detail {

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
    diagnostics.error({file_, header_.line, std::string(name)}, "missing required column");
    return false;
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
