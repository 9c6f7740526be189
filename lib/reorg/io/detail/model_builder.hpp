#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/model/model.hpp"

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
    std::string_view id, kind, statement, about, because, severity, count, source, check;
};

/// Where a row comes from: a source registered with ModelBuilder::add_source() and the 1-based
/// line in it.
struct Origin {
    std::uint32_t source = 0;
    std::uint32_t line = 0;
};

/// How a source's file names the builder's columns, for messages: pairs of the builder's name
/// and the file's (`{"reports_to", "Reports to Senior Post"}`). A column not listed is reported
/// under the builder's name; one named "" is reported with no column.
using ColumnNames = std::vector<std::pair<std::string, std::string>>;

/// Turns rows of text into a valid Model, checking every value and reference (SPEC §3) and
/// reporting each problem with its file, line and column into `diagnostics`; finish() then
/// checks the structure as a whole and throws InputError if anything was wrong. Readers of every
/// text format feed it, so they all accept and reject the same things.
///
/// Each row names its origin: a source (a file, how it writes numbers, its names for the
/// columns) and a line. Rows of one table may come from several sources, which importers use
/// (posts from two files, units made from the values of a column).
///
/// Order: units, posts and people in any order, then links and findings (which refer to them).
/// Rows are copied; the caller's strings need to live only for the call.
class ModelBuilder {
public:
    explicit ModelBuilder(Diagnostics& diagnostics);

    /// Registers a file rows come from, how it writes numbers (those of its rows are parsed so)
    /// and its names for the builder's columns; returns the source id for Origin. O(1) amortised.
    [[nodiscard]] std::uint32_t add_source(std::string file, NumberFormat numbers = {},
                                           ColumnNames columns = {});
    /// Names of unknown columns of `table`, kept in the model; each row then passes as many.
    void set_extra_columns(model::Table table, std::vector<std::string> names);
    /// Whether a people table was given: posts may then only name people listed in it; without
    /// it, each distinct `person` value of posts becomes a person with no name.
    void set_people_listed(bool listed) { people_listed_ = listed; }
    /// Says that `table` could not be read at all (its file is not UTF-8, say, or lacks a
    /// required column), for which an error has been reported. References to its rows then go
    /// unreported: four hundred "unknown post" errors would bury the one that explains them.
    void set_unread(model::Table table) { unread_[static_cast<std::size_t>(table)] = true; }

    /// Makes room for `rows` more rows of `table` (an estimate, such as a file's line count),
    /// so that a table of millions is not copied as it grows. Only a hint.
    void reserve(model::Table table, std::size_t rows);

    /// Each checks a row, reports what is wrong at `origin` and keeps the row unless its id is
    /// one no id may be (model::id_problem: empty, a control character) or a duplicate (or, for
    /// a link, a wrong kind or end). Amortised O(1) plus the length of the row's text.
    void add_unit(const UnitFields& row, Origin origin,
                  std::span<const std::string_view> extra = {});
    void add_post(const PostFields& row, Origin origin,
                  std::span<const std::string_view> extra = {});
    void add_person(const PersonFields& row, Origin origin,
                    std::span<const std::string_view> extra = {});
    void add_link(const LinkFields& row, Origin origin,
                  std::span<const std::string_view> extra = {});
    void add_finding(const FindingFields& row, Origin origin,
                     std::span<const std::string_view> extra = {});

    /// Starts loading the index slots that add_*() of `row` will look at: a reader that hands
    /// each row over a few dozen rows after this keeps many cache misses in flight instead of
    /// waiting for each (the ids of a million posts are looked up ten million times). Only a
    /// hint.
    void prefetch(const UnitFields& row) const noexcept;
    void prefetch(const PostFields& row) const noexcept;
    void prefetch(const PersonFields& row) const noexcept;
    void prefetch(const LinkFields& row) const noexcept;
    void prefetch(const FindingFields& row) const noexcept;

    /// The model, with its warnings left in the diagnostics. Resolves the references, then
    /// checks the structure as a whole (cycles, heads); after an error reported into the
    /// diagnostics since construction, it checks only for cycles among the references that
    /// resolved, so that they come in the same run as the other errors. Throws InputError if the
    /// diagnostics hold any error, including those reported before construction.
    [[nodiscard]] model::Model finish() &&;

    /// Where a row kept in `table` came from, for messages about it: its source's file, its line
    /// and the source's name for `column`. O(log r), r the runs of consecutive rows from one
    /// source.
    [[nodiscard]] Location locate(model::Table table, std::uint32_t row,
                                  std::string_view column = {}) const;

private:
    struct Source {
        std::string file;
        NumberFormat numbers;
        ColumnNames columns;
    };
    // The origins of a table's rows. A source's rows mostly come one after another, so the
    // source is kept per run of rows: 4 bytes a row, however many sources there are.
    struct Rows {
        std::vector<std::uint32_t> lines;                           // per row
        std::vector<std::pair<std::uint32_t, std::uint32_t>> runs;  // first row, source
    };
    // References among units, posts and people, resolved in finish() once all are known.
    struct PendingUnit {
        std::string_view parent, head;
    };
    struct PendingPost {
        std::string_view unit, reports_to, person;
    };

    Rows& rows(model::Table table) { return rows_[static_cast<std::size_t>(table)]; }
    const Rows& rows(model::Table table) const { return rows_[static_cast<std::size_t>(table)]; }
    void begin_row(model::Table table, Origin origin);
    Origin origin(model::Table table, std::uint32_t row) const;
    Location at(Origin origin, std::string_view column) const;
    void error(Origin origin, std::string_view column, std::string message);
    void keep_extra(model::Table table, std::span<const std::string_view> extra);
    bool check_id(model::Table table, std::string_view id, Origin origin);
    void duplicate(model::Table table, std::string_view id, std::uint32_t first, Origin origin);
    std::optional<double> number(Origin origin, std::string_view column, std::string_view text);
    std::optional<int> whole_number(Origin origin, std::string_view column, std::string_view text,
                                    int low, int high, int absent);
    std::optional<model::Ref> resolve_ref(std::string_view id, bool post, bool unit) const;
    bool unread(model::Table table) const { return unread_[static_cast<std::size_t>(table)]; }
    void report_cycles();
    void resolve_units_posts_people();
    void resolve_because();

    Diagnostics& diagnostics_;
    std::size_t errors_before_;  // in diagnostics_ at construction
    std::shared_ptr<base::TextArena> text_;
    base::TextArena pending_text_;  // reference strings until finish()
    model::ModelParts parts_;
    model::LinkColumnsBuilder links_;  // the links, as columns: a third of the memory of rows
    model::IdIndexes ids_;
    std::vector<PendingUnit> pending_units_;
    std::vector<PendingPost> pending_posts_;
    std::vector<std::vector<std::string_view>> pending_because_;
    std::vector<Source> sources_;
    std::array<Rows, 5> rows_;
    bool people_listed_ = false;
    std::array<bool, 5> unread_{};
};

}  // namespace reorg::io
