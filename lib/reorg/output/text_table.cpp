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
    const std::size_t columns = header_.size();
    std::vector<std::size_t> widths(columns);
    for (std::size_t c = 0; c < columns; ++c) widths[c] = display_width(header_[c]);
    const auto measure = [&](std::size_t c, std::string_view cell) {
        widths[c] = std::max(widths[c], display_width(cell));
    };
    for (const auto& row : rows_) {
        for (std::size_t c = 0; c < columns; ++c) measure(c, row[c]);
    }
    // The made rows, each made once: their cells' text one after the other in `made`, where
    // cell c of row i ends at ends[i * columns + c]. The widths are known only after the last.
    std::string made;
    std::vector<std::size_t> ends;
    ends.reserve(count * columns);
    std::vector<std::string> cells(columns);
    for (std::size_t i = 0; i < count; ++i) {
        for (auto& cell : cells) cell.clear();
        make(i, cells);
        for (std::size_t c = 0; c < columns; ++c) {
            measure(c, cells[c]);
            made += cells[c];
            ends.push_back(made.size());
        }
    }

    // Lines are gathered into blocks, not passed to the stream one by one.
    constexpr std::size_t kBlock = std::size_t{1} << 16;
    std::string text;
    text.reserve(kBlock + 1024);
    const auto flush = [&] {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
    };
    // Row `cell(c)` gives the text of each column.
    const auto write_row = [&](const auto& cell) {
        text.append(indent, ' ');
        for (std::size_t c = 0; c < columns; ++c) {
            const std::string_view value = cell(c);
            const std::size_t pad = widths[c] - display_width(value);
            const bool last = c + 1 == columns;
            if (align_[c] == Align::Right) {
                text.append(pad, ' ');
                text += value;
            } else {
                text += value;
                if (!last) text.append(pad, ' ');
            }
            if (!last) text += "  ";
        }
        text += '\n';
        if (text.size() >= kBlock) flush();
    };
    write_row([&](std::size_t c) -> std::string_view { return header_[c]; });
    text.append(indent, ' ');
    for (std::size_t c = 0; c < columns; ++c) {
        text.append(widths[c], '-');
        if (c + 1 < columns) text += "  ";
    }
    text += '\n';
    for (const auto& row : rows_) {
        write_row([&](std::size_t c) -> std::string_view { return row[c]; });
    }
    for (std::size_t i = 0; i < count; ++i) {
        write_row([&](std::size_t c) {
            const auto end = ends[i * columns + c];
            const auto begin = i * columns + c == 0 ? 0 : ends[i * columns + c - 1];
            return std::string_view(made).substr(begin, end - begin);
        });
    }
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
