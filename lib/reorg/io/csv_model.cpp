#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "reorg/io/detail/csv_table.hpp"
#include "reorg/io/detail/model_builder.hpp"
#include "reorg/io/detail/tables.hpp"
#include "reorg/io/input_file.hpp"
#include "reorg/io/load.hpp"
#include "reorg/io/text_input.hpp"

namespace reorg::io {
namespace {

// Reads one table's file into `builder`. A file that is there but cannot be read (not in the
// encoding, no header, a required column missing) is reported once and marked unread, so that
// the other files' references to its rows do not each become an error too. One that the system
// will not read, or that is no regular file (a folder, a link to nothing, a FIFO), is an
// InputError: an optional file is optional only when it is absent.
template <class Fields>
void read_table(const std::filesystem::path& folder, const detail::TableSpec<Fields>& spec,
                TextOptions text_options, ModelBuilder& builder, Diagnostics& diagnostics) {
    const auto path = folder / spec.file;
    if (!is_present(path)) {
        if (spec.required) diagnostics.error({path.string()}, "the file is missing");
        return;
    }
    text_options.path_source = PathSource::Found;
    auto text = read_text(path, diagnostics, text_options);
    if (!text) {
        builder.set_unread(spec.table);
        return;
    }
    // A line per row at most, less the header: growing a table of millions row by row
    // would copy it a dozen times over fresh memory. Lines end in LF or CR LF, or in a lone CR
    // in a file that has no LF at all (Excel for Mac): one pass over the text for most files.
    auto line_ends = std::count(text->begin(), text->end(), '\n');
    if (line_ends == 0) line_ends = std::count(text->begin(), text->end(), '\r');
    builder.reserve(spec.table, static_cast<std::size_t>(line_ends));
    detail::CsvTable table(path.string(), std::move(*text));
    if (!table.read_header(diagnostics,
                           spec.required ? detail::IfEmpty::Error : detail::IfEmpty::Allowed)) {
        if (diagnostics.has_errors()) builder.set_unread(spec.table);
        return;
    }

    // Which field holds each known column; the others are kept as extra columns.
    const auto errors = diagnostics.error_count();
    std::vector<std::size_t> field_of(spec.columns.size());
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        field_of[c] = table.find({spec.columns[c].name}, detail::same_name, diagnostics);
    }
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
        if (spec.columns[c].required) table.require(field_of[c], spec.columns[c].name, diagnostics);
    }
    if (diagnostics.error_count() != errors) {
        builder.set_unread(spec.table);
        return;
    }
    const auto& header = table.header().fields;
    std::vector<std::size_t> extra_fields;
    std::vector<std::string> extra_names;
    for (std::size_t f = 0; f < header.size(); ++f) {
        const bool known =
            std::any_of(spec.columns.begin(), spec.columns.end(),
                        [&](const auto& c) { return detail::same_name(header[f], c.name); });
        if (known) continue;
        extra_fields.push_back(f);
        extra_names.push_back(table.column_name(f, ""));
    }
    builder.set_extra_columns(spec.table, std::move(extra_names));
    const auto source = builder.add_source(table.file(), table.numbers());

    // Rows go to the builder in batches, each row's index slots prefetched as it is read: the
    // reader's fields stay valid for the table's lifetime, so a batch is views only.
    constexpr std::size_t kBatch = 32;
    std::vector<Fields> rows;
    std::vector<std::uint32_t> lines;
    std::vector<std::string_view> extras;  // extra_fields.size() per row
    rows.reserve(kBatch);
    lines.reserve(kBatch);
    extras.reserve(kBatch * extra_fields.size());
    const auto hand_over = [&] {
        const auto width = extra_fields.size();
        for (std::size_t r = 0; r < rows.size() && !diagnostics.full(); ++r) {
            detail::add_row(builder, rows[r], {source, lines[r]},
                            std::span(extras).subspan(r * width, width));
        }
        rows.clear();
        lines.clear();
        extras.clear();
    };
    CsvRecord record;
    while (!diagnostics.full() && table.next(record, diagnostics)) {
        const auto& fields = record.fields;
        const auto field = [&](std::size_t f) {
            return f < fields.size() ? fields[f] : std::string_view{};
        };
        Fields& row = rows.emplace_back();
        for (std::size_t c = 0; c < spec.columns.size(); ++c) {
            if (field_of[c] != detail::kAbsent) row.*(spec.columns[c].field) = field(field_of[c]);
        }
        for (const auto f : extra_fields) extras.push_back(field(f));
        lines.push_back(record.line);
        builder.prefetch(row);
        if (rows.size() == kBatch) hand_over();
    }
    hand_over();
}

}  // namespace

model::Model read_csv_folder(const std::filesystem::path& folder, Diagnostics& diagnostics,
                             const TextOptions& text) {
    for (const auto* required : {&detail::kUnits.file, &detail::kPosts.file}) {
        if (!is_present(folder / *required)) {
            diagnostics.error({(folder / *required).string()}, "the file is missing");
        }
    }
    diagnostics.throw_if_errors();
    ModelBuilder builder(diagnostics);
    builder.set_people_listed(is_present(folder / detail::kPeople.file));
    read_table(folder, detail::kUnits, text, builder, diagnostics);
    read_table(folder, detail::kPosts, text, builder, diagnostics);
    read_table(folder, detail::kPeople, text, builder, diagnostics);
    read_table(folder, detail::kLinks, text, builder, diagnostics);
    read_table(folder, detail::kFindings, text, builder, diagnostics);
    return std::move(builder).finish();
}

}  // namespace reorg::io
