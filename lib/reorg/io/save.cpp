#include "reorg/io/save.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "reorg/base/atomic_file.hpp"
#include "reorg/base/error.hpp"
#include "reorg/base/escape.hpp"
#include "reorg/base/file_buffer.hpp"
#include "reorg/base/text.hpp"
#include "reorg/io/snapshot.hpp"

namespace reorg::io {
namespace {

using model::Table;

std::string number(std::optional<double> value) {
    return value ? base::exact_number(*value) : std::string();
}

// Writes one CSV file of a table: the known columns, then the model's extra columns.
class TableWriter {
public:
    TableWriter(const std::filesystem::path& file, std::initializer_list<std::string_view> header,
                const model::ExtraColumns& extra)
        : file_(file), out_(file_.stream()), extra_(extra) {
        for (const auto column : header) field(column);
        for (const auto& column : extra_.names) field(column);
        out_ << '\n';
        first_ = true;
    }

    void field(std::string_view text) {
        if (!first_) out_ << ',';
        first_ = false;
        cell_.clear();
        base::append_csv(cell_, text);
        out_ << cell_;
    }

    void end_row(std::size_t row) {
        if (!extra_.names.empty()) {
            for (const auto value : extra_.row(row)) field(value);
        }
        out_ << '\n';
        first_ = true;
    }

    void close() { file_.close(); }

private:
    base::OutputFile file_;
    std::ostream& out_;
    const model::ExtraColumns& extra_;
    bool first_ = true;
    std::string cell_;
};

std::string join_ids(const model::Model& model, const std::vector<model::Ref>& refs) {
    std::string text;
    for (const auto ref : refs) {
        if (!text.empty()) text += ';';
        text += model.id_of(ref);
    }
    return text;
}

constexpr std::string_view kFiles[] = {"units.csv", "posts.csv", "people.csv", "links.csv",
                                       "findings.csv"};

// The model's tables, each a file in `dir`.
void write_tables(const model::Model& m, const std::filesystem::path& dir) {
    {
        const auto file = dir / "units.csv";
        TableWriter t(file, {"id", "name", "kind", "parent", "head", "capacity"},
                      m.extra(Table::Units));
        for (std::size_t i = 0; i < m.units().size(); ++i) {
            const auto& unit = m.units()[i];
            t.field(unit.id);
            t.field(unit.name);
            t.field(to_string(unit.kind));
            t.field(unit.parent ? m[*unit.parent].id : std::string_view());
            t.field(unit.head ? m[*unit.head].id : std::string_view());
            t.field(number(unit.capacity));
            t.end_row(i);
        }
        t.close();
    }
    {
        const auto file = dir / "posts.csv";
        TableWriter t(file,
                      {"id", "title", "unit", "reports_to", "function", "fte", "cost", "person"},
                      m.extra(Table::Posts));
        for (std::size_t i = 0; i < m.posts().size(); ++i) {
            const auto& post = m.posts()[i];
            t.field(post.id);
            t.field(post.title);
            t.field(m[post.unit].id);
            t.field(post.reports_to ? m[*post.reports_to].id : std::string_view());
            t.field(post.function);
            t.field(number(post.fte));
            t.field(number(post.cost));
            t.field(post.person ? m[*post.person].id : std::string_view());
            t.end_row(i);
        }
        t.close();
    }
    if (!m.people().empty()) {
        const auto file = dir / "people.csv";
        TableWriter t(file, {"id", "name"}, m.extra(Table::People));
        for (std::size_t i = 0; i < m.people().size(); ++i) {
            t.field(m.people()[i].id);
            t.field(m.people()[i].name);
            t.end_row(i);
        }
        t.close();
    }
    if (!m.links().empty()) {
        const auto file = dir / "links.csv";
        TableWriter t(file, {"from", "to", "kind", "weight", "note"}, m.extra(Table::Links));
        for (std::size_t i = 0; i < m.links().size(); ++i) {
            const auto& link = m.links()[i];
            t.field(m.id_of(link.from));
            t.field(m.id_of(link.to));
            t.field(to_string(link.kind));
            t.field(number(link.weight));
            t.field(link.note);
            t.end_row(i);
        }
        t.close();
    }
    if (!m.findings().empty()) {
        const auto file = dir / "findings.csv";
        TableWriter t(
            file,
            {"id", "kind", "statement", "about", "because", "severity", "count", "source", "check"},
            m.extra(Table::Findings));
        for (std::size_t i = 0; i < m.findings().size(); ++i) {
            const auto& finding = m.findings()[i];
            std::string because;
            for (const auto cause : finding.because) {
                if (!because.empty()) because += ';';
                because += m[cause].id;
            }
            t.field(finding.id);
            t.field(to_string(finding.kind));
            t.field(finding.statement);
            t.field(join_ids(m, finding.about));
            t.field(because);
            t.field(std::to_string(finding.severity));
            t.field(std::to_string(finding.count));
            t.field(finding.source);
            t.field(finding.check);
            t.end_row(i);
        }
        t.close();
    }
}

}  // namespace

void check_save_target(std::filesystem::path path, const SaveOptions& options) {
    if (!is_snapshot_path(path)) (void)base::folder_write(path, kFiles, options.force);
}

void write_csv_folder(const model::Model& model, const std::filesystem::path& folder,
                      const SaveOptions& options) {
    base::write_folder(folder, kFiles, options.force,
                       [&model](const std::filesystem::path& dir) { write_tables(model, dir); });
}

void save_model(const model::Model& model, const std::filesystem::path& path,
                const SaveOptions& options) {
    if (is_snapshot_path(path)) {
        write_snapshot(model, path);
    } else {
        write_csv_folder(model, path, options);
    }
}

}  // namespace reorg::io
