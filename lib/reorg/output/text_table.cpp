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

void TextTable::write(std::ostream& out, std::size_t indent) const { write(out, 0, {}, indent); }

void TextTable::write(std::ostream& out, std::size_t count, const RowMaker& make,
                      std::size_t indent) const {
    // Every row, held or made, passed to `visit`: made ones into `cells`, cleared first.
    std::vector<std::string> cells(header_.size());
    const auto each_row = [&](const auto& visit) {
        for (const auto& row : rows_) visit(std::span<const std::string>(row));
        for (std::size_t i = 0; i < count; ++i) {
            for (auto& cell : cells) cell.clear();
            make(i, cells);
            visit(std::span<const std::string>(cells));
        }
    };

    std::vector<std::size_t> widths(header_.size());
    for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = display_width(header_[c]);
    each_row([&](std::span<const std::string> row) {
        for (std::size_t c = 0; c < widths.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    });

    // Lines are gathered into blocks, not passed to the stream one by one.
    constexpr std::size_t kBlock = std::size_t{1} << 16;
    std::string text;
    text.reserve(kBlock + 1024);
    const auto flush = [&] {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
    };
    const auto write_row = [&](std::span<const std::string> row) {
        text.append(indent, ' ');
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::size_t pad = widths[c] - display_width(row[c]);
            const bool last = c + 1 == row.size();
            if (align_[c] == Align::Right) {
                text.append(pad, ' ');
                text += row[c];
            } else {
                text += row[c];
                if (!last) text.append(pad, ' ');
            }
            if (!last) text += "  ";
        }
        text += '\n';
        if (text.size() >= kBlock) flush();
    };
    write_row(header_);
    text.append(indent, ' ');
    for (std::size_t c = 0; c < widths.size(); ++c) {
        text.append(widths[c], '-');
        if (c + 1 < widths.size()) text += "  ";
    }
    text += '\n';
    each_row(write_row);
    flush();
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
