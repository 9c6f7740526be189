#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/io/text_input.hpp"
#include "reorg/model/error.hpp"
#include "reorg/model/model.hpp"
#include "reorg/model/text.hpp"

namespace reorg::io {

/// A row of each table as the files write it: text, not yet checked. Empty means absent.
struct UnitFields {
    std::string_view id, name, kind, parent, head, capacity;
};
struct PostFields {
    std::string_view id, title, unit, reports_to, function, fte, cost, person;
};
struct PersonFields {
    std::string_view id, name;
};
struct LinkFields {
    std::string_view from, to, kind, weight, note;
};
struct FindingFields {
    std::string_view id, kind, statement, about, because, severity, count, source;
};

/// Turns rows of text into a valid Model, checking every value and reference (SPEC §3) and
/// reporting each problem with its file, line and column into `diagnostics`; finish() then
/// checks the structure as a whole and throws InputError if anything was wrong. Readers of every
/// text format feed it, so they all accept and reject the same things.
///
/// Order: units, posts and people in any order, then links and findings (which refer to them).
/// Rows are copied; the caller's strings need to live only for the call.
class ModelBuilder {
public:
    explicit ModelBuilder(Diagnostics& diagnostics);

    /// The file the following rows of `table` come from, and how its numbers are written.
    void set_source(model::Table table, std::string file, NumberFormat numbers = {});
    /// Names of unknown columns of `table`, kept in the model; each row then passes as many.
    void set_extra_columns(model::Table table, std::vector<std::string> names);
    /// Whether a people table was given: posts may then only name people listed in it; without
    /// it, each distinct `person` value of posts becomes a person with no name.
    void set_people_listed(bool listed) { people_listed_ = listed; }

    void add_unit(const UnitFields& row, std::uint32_t line,
                  std::span<const std::string_view> extra = {});
    void add_post(const PostFields& row, std::uint32_t line,
                  std::span<const std::string_view> extra = {});
    void add_person(const PersonFields& row, std::uint32_t line,
                    std::span<const std::string_view> extra = {});
    void add_link(const LinkFields& row, std::uint32_t line,
                  std::span<const std::string_view> extra = {});
    void add_finding(const FindingFields& row, std::uint32_t line,
                     std::span<const std::string_view> extra = {});

    /// The model, with its warnings left in the diagnostics. Throws InputError listing every
    /// error found since construction.
    [[nodiscard]] model::Model finish() &&;

    /// Where a row came from, for messages about it.
    [[nodiscard]] Location locate(model::Table table, std::uint32_t row,
                                  std::string_view column = {}) const;

private:
    struct Source {
        std::string file;
        NumberFormat numbers;
        std::vector<std::uint32_t> lines;  // per row
    };
    // References among units, posts and people, resolved in finish() once all are known.
    struct PendingUnit {
        std::string_view parent, head;
    };
    struct PendingPost {
        std::string_view unit, reports_to, person;
    };

    Source& source(model::Table table) { return sources_[static_cast<std::size_t>(table)]; }
    const Source& source(model::Table table) const {
        return sources_[static_cast<std::size_t>(table)];
    }
    std::uint32_t begin_row(model::Table table, std::uint32_t line);
    Location at(model::Table table, std::uint32_t line, std::string_view column) const;
    void error(model::Table table, std::uint32_t line, std::string_view column,
               std::string message);
    void keep_extra(model::Table table, std::span<const std::string_view> extra);
    bool check_id(model::Table table, std::string_view id, std::uint32_t line);
    std::optional<double> number(model::Table table, std::uint32_t line, std::string_view column,
                                 std::string_view text);
    std::optional<int> whole_number(model::Table table, std::uint32_t line, std::string_view column,
                                    std::string_view text, int low, int high, int absent);
    std::optional<model::Ref> resolve_ref(std::string_view id, bool post, bool unit) const;
    void resolve_units_posts_people();
    void resolve_because();

    Diagnostics& diagnostics_;
    std::shared_ptr<model::TextArena> text_;
    model::TextArena pending_text_;  // reference strings until finish()
    model::ModelParts parts_;
    model::IdIndexes ids_;
    std::vector<PendingUnit> pending_units_;
    std::vector<PendingPost> pending_posts_;
    std::vector<std::vector<std::string_view>> pending_because_;
    std::vector<Source> sources_ = std::vector<Source>(5);
    bool people_listed_ = false;
    bool references_resolved_ = false;
};

}  // namespace reorg::io
