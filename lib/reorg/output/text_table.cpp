#include "reorg/output/text_table.hpp"

#include "reorg/base/escape.hpp"
#include "reorg/base/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ostream>

namespace reorg::output {

std::size_t display_width(std::string_view text) noexcept { return base::code_points(text); }

// The text cut to at most `width` characters, ending in "…" when cut.
std::string shorten(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    auto cut = text.substr(0, base::code_point_prefix(text, width - 1));
    while (!cut.empty() && cut.back() == ' ') cut.remove_suffix(1);
    return std::string(cut) + "…";
}

// The words of `text`, split at blanks and line breaks (a quoted CSV field may hold those).
std::vector<std::string> words(std::string_view text) {
    constexpr std::string_view kBlanks = " \t\r\n";
    std::vector<std::string> list;
    while (!text.empty()) {
        const auto blank = text.find_first_of(kBlanks);
        if (blank != 0) list.emplace_back(text.substr(0, blank));
        if (blank == std::string_view::npos) break;
        text.remove_prefix(blank + 1);
    }
    return list;
}

// The text on one line: its words joined by single spaces.
std::string one_line_text(std::string_view text) {
    std::string line;
    for (const auto& word : words(text)) {
        if (!line.empty()) line += ' ';
        line += word;
    }
    return line;
}

TextTable::TextTable(std::vector<std::string> header, std::vector<Align> align)
    : header_(std::move(header)), align_(std::move(align)) {
    align_.resize(header_.size(), Align::Left);
}

void TextTable::add_row(std::vector<std::string> cells) {
    cells.resize(header_.size());
    rows_.push_back(std::move(cells));
}

void TextTable::write(std::ostream& out, std::size_t indent) const {
    std::vector<std::size_t> widths(header_.size());
    for (std::size_t c = 0; c < header_.size(); ++c) {
        widths[c] = display_width(header_[c]);
        for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    const std::string margin(indent, ' ');
    std::string line;
    const auto write_row = [&](const std::vector<std::string>& cells) {
        line = margin;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::size_t pad = widths[c] - display_width(cells[c]);
            const bool last = c + 1 == cells.size();
            if (align_[c] == Align::Right) {
                line.append(pad, ' ');
                line += cells[c];
            } else {
                line += cells[c];
                if (!last) line.append(pad, ' ');
            }
            if (!last) line += "  ";
        }
        line += '\n';
        out << line;
    };
    write_row(header_);
    std::string rule = margin;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        rule += std::string(widths[c], '-');
        if (c + 1 < widths.size()) rule += "  ";
    }
    out << rule << '\n';
    for (const auto& row : rows_) write_row(row);
}

void write_csv_row(std::ostream& out, std::span<const std::string> fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) line.push_back(',');
        base::append_csv(line, fields[i]);
    }
    line.push_back('\n');
    out << line;
}

}  // namespace reorg::output
