#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/model/id_index.hpp"
#include "reorg/model/ids.hpp"
#include "reorg/model/kinds.hpp"
#include "reorg/model/link_table.hpp"

/// The organisation at one moment in time (SPEC §2): units, posts, people, links and review
/// findings. Value types only; ids are interned to dense indices (ids.hpp) and every table is
/// one contiguous array.
///
/// Strings are views into text storage that the Model owns and shares with its copies: they
/// stay valid as long as any Model holding that storage lives.
namespace reorg::model {

/// An organisational unit. Units form a forest through `parent`.
struct Unit {
    std::string_view id;
    std::string_view name;
    UnitKind kind = UnitKind::Department;
    std::optional<UnitId> parent;
    std::optional<PostId> head;      ///< the post heading the unit; lies inside it
    std::optional<double> capacity;  ///< yearly volume a service unit can handle
};

/// A position in a unit. Posts form the reporting forest through `reports_to`.
struct Post {
    std::string_view id;
    std::string_view title;
    std::string_view function;
    UnitId unit{};
    std::optional<PostId> reports_to;  ///< empty for a top post
    double fte = 1.0;
    double cost = 0.0;               ///< yearly cost, in the model's currency
    std::optional<PersonId> person;  ///< empty for a vacancy

    [[nodiscard]] bool vacant() const noexcept { return !person.has_value(); }
};

/// Who holds a post. Analyses work on posts; people appear in output only when asked.
struct Person {
    std::string_view id;
    std::string_view name;

    /// How the person is shown where names may be: the name, or the id where there is none
    /// (a model without a people table names its holders in the posts' `person` column).
    [[nodiscard]] std::string_view shown_name() const noexcept { return name.empty() ? id : name; }
};

/// A review statement: what works, what does not, or a cause; `because` names the findings
/// (normally causes) that explain it.
struct Finding {
    std::string_view id;
    FindingKind kind = FindingKind::Cause;
    std::string_view statement;
    std::vector<Ref> about;
    std::vector<FindingId> because;
    int severity = 1;  ///< 1 (minor) to 5 (severe)
    int count = 1;     ///< how many respondents said it
    std::string_view source;
    /// A condition in the check language (SPEC §4.1; model/condition.hpp) that holds when the
    /// desired state holds: "fixed" for a doesnt_work finding, "still works" for a works one.
    /// Empty when the finding has none.
    std::string_view check;
};

/// The tables of a model, in the order files list them.
enum class Table : std::uint8_t { Units, Posts, People, Links, Findings };

/// Columns a file carried beyond the known ones, kept so that nothing a user wrote is lost:
/// `values` holds names.size() entries per row, row after row.
struct ExtraColumns {
    std::vector<std::string> names;
    std::vector<std::string_view> values;

    [[nodiscard]] std::span<const std::string_view> row(std::size_t row) const {
        return std::span(values).subspan(row * names.size(), names.size());
    }
};

/// Everything a Model is made of, for the code that builds one (readers, scenarios).
struct ModelParts {
    std::vector<Unit> units;
    std::vector<Post> posts;
    std::vector<Person> people;
    std::vector<Link> links;
    /// Or the links as columns (a snapshot's read in place, or a builder's: memory in
    /// `storage`); used when it holds any, instead of `links`.
    LinkColumns link_columns;
    std::vector<Finding> findings;
    std::vector<ExtraColumns> extra = std::vector<ExtraColumns>(5);  ///< indexed by Table
    /// Owners of the memory the string_views point into (arenas, mapped files).
    std::vector<std::shared_ptr<const void>> storage;

    /// The links as rows to edit, for code that derives parts from a model's: made from the
    /// columns first when the parts hold columns.
    std::vector<Link>& editable_links() {
        if (link_columns.size != 0) {
            const LinkTable columns(link_columns);
            links.assign(columns.begin(), columns.end());
            link_columns = {};
        }
        return links;
    }
};

/// Id indexes over the tables of a ModelParts, for builders that made them along the way.
struct IdIndexes {
    IdIndex units, posts, people, findings;
};

/// The id index of one table. Throws reorg::Error naming the id if the table holds it twice.
/// For loaders that index some tables while they still read others.
[[nodiscard]] IdIndex index_ids(std::span<const Unit> units);
[[nodiscard]] IdIndex index_ids(std::span<const Post> posts);
[[nodiscard]] IdIndex index_ids(std::span<const Person> people);
[[nodiscard]] IdIndex index_ids(std::span<const Finding> findings);

/// Throws reorg::Error naming the id if the table holds it twice: what Model(ModelParts) checks
/// of each table, for loaders that check some tables while they still read others. O(rows),
/// in a third of the memory an index takes.
void check_unique_ids(std::span<const Unit> units);
void check_unique_ids(std::span<const Post> posts);
void check_unique_ids(std::span<const Person> people);
void check_unique_ids(std::span<const Finding> findings);

/// Whether a Model's constructor checks that no table holds an id twice.
enum class IdCheck : std::uint8_t {
    Check,
    Done,  ///< the caller did (check_unique_ids() on each table), or built the tables so
};

template <class Id>
class Forest;
using ReportingForest = Forest<PostId>;  ///< posts by reporting line (model/hierarchy.hpp)
using UnitForest = Forest<UnitId>;       ///< units by parent

/// An immutable organisation model. Cheap to move; copying copies the tables but shares text.
class Model {
public:
    Model();

    /// Takes the parts. Throws reorg::Error if a table holds an id twice (readers report
    /// duplicates with their file and line before getting here), unless `check` says the
    /// caller made sure. The id indexes are built on the first lookup of each table: most
    /// commands never look an id up.
    explicit Model(ModelParts parts, IdCheck check = IdCheck::Check);

    /// Takes the parts with indexes the caller built over exactly these tables, so a loader
    /// that looked every id up anyway does not index them twice.
    Model(ModelParts parts, IdIndexes indexes);

    [[nodiscard]] std::span<const Unit> units() const noexcept { return parts_.units; }
    [[nodiscard]] std::span<const Post> posts() const noexcept { return parts_.posts; }
    [[nodiscard]] std::span<const Person> people() const noexcept { return parts_.people; }
    [[nodiscard]] LinkTable links() const noexcept {
        return parts_.link_columns.size == 0 ? LinkTable(parts_.links)
                                             : LinkTable(parts_.link_columns);
    }
    [[nodiscard]] std::span<const Finding> findings() const noexcept { return parts_.findings; }

    [[nodiscard]] const Unit& operator[](UnitId id) const { return parts_.units[index(id)]; }
    [[nodiscard]] const Post& operator[](PostId id) const { return parts_.posts[index(id)]; }
    [[nodiscard]] const Person& operator[](PersonId id) const { return parts_.people[index(id)]; }
    [[nodiscard]] Link operator[](LinkId id) const { return links()[index(id)]; }
    [[nodiscard]] const Finding& operator[](FindingId id) const {
        return parts_.findings[index(id)];
    }

    /// Looks an id up as the files spell it. O(1) expected, after O(rows) to index the table
    /// on its first lookup (in this model or a copy). Safe from several threads at once.
    [[nodiscard]] std::optional<UnitId> find_unit(std::string_view id) const;
    [[nodiscard]] std::optional<PostId> find_post(std::string_view id) const;
    [[nodiscard]] std::optional<PersonId> find_person(std::string_view id) const;
    [[nodiscard]] std::optional<FindingId> find_finding(std::string_view id) const;

    /// Posts by reporting line and units by parent (model/hierarchy.hpp): built on first need,
    /// in O(rows), and shared by the copies of this model, as the id indexes are, so that
    /// validation and the analyses after it build them once. Safe from several threads.
    [[nodiscard]] const ReportingForest& reporting_forest() const;
    [[nodiscard]] const UnitForest& unit_forest() const;

    /// The id string of a post or unit reference.
    [[nodiscard]] std::string_view id_of(Ref ref) const;

    /// Unknown columns of a table's source file, if any.
    [[nodiscard]] const ExtraColumns& extra(Table table) const {
        return parts_.extra[static_cast<std::size_t>(table)];
    }

    /// The parts, for code that derives a new model from this one.
    [[nodiscard]] const ModelParts& parts() const noexcept { return parts_; }

private:
    struct Derived;
    template <class Row>
    const IdIndex& index_of(std::size_t table, std::span<const Row> rows) const;

    ModelParts parts_;
    // What is derived from the tables (id indexes, forests): built on first need, and shared
    // by the copies of this model, whose tables are the same.
    std::shared_ptr<Derived> derived_;
};

}  // namespace reorg::model
