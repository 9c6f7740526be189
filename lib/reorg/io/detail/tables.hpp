#pragma once
// The columns of each table of SPEC §3, shared by the text readers so that a CSV folder and a
// YAML file are read by the same rules. Internal to reorg_io.
#include <span>
#include <string_view>

#include "reorg/io/detail/model_builder.hpp"

namespace reorg::io::detail {

template <class Fields>
struct Column {
    std::string_view name;
    bool required;
    std::string_view Fields::*field;
};

template <class Fields>
struct TableSpec {
    model::Table table;
    std::string_view file;  ///< the CSV file name in a model folder
    std::string_view key;   ///< the list's key in a YAML model
    bool required;          ///< whether a model must have it
    std::span<const Column<Fields>> columns;
};

inline constexpr Column<UnitFields> kUnitColumns[] = {
    {"id", true, &UnitFields::id},      {"name", true, &UnitFields::name},
    {"kind", false, &UnitFields::kind}, {"parent", false, &UnitFields::parent},
    {"head", false, &UnitFields::head}, {"capacity", false, &UnitFields::capacity},
};
inline constexpr Column<PostFields> kPostColumns[] = {
    {"id", true, &PostFields::id},
    {"title", false, &PostFields::title},
    {"unit", true, &PostFields::unit},
    {"reports_to", true, &PostFields::reports_to},
    {"function", false, &PostFields::function},
    {"fte", false, &PostFields::fte},
    {"cost", false, &PostFields::cost},
    {"person", false, &PostFields::person},
};
inline constexpr Column<PersonFields> kPersonColumns[] = {
    {"id", true, &PersonFields::id},
    {"name", false, &PersonFields::name},
};
inline constexpr Column<LinkFields> kLinkColumns[] = {
    {"from", true, &LinkFields::from},  {"to", true, &LinkFields::to},
    {"kind", true, &LinkFields::kind},  {"weight", false, &LinkFields::weight},
    {"note", false, &LinkFields::note},
};
inline constexpr Column<FindingFields> kFindingColumns[] = {
    {"id", true, &FindingFields::id},
    {"kind", true, &FindingFields::kind},
    {"statement", true, &FindingFields::statement},
    {"about", false, &FindingFields::about},
    {"because", false, &FindingFields::because},
    {"severity", false, &FindingFields::severity},
    {"count", false, &FindingFields::count},
    {"source", false, &FindingFields::source},
    {"check", false, &FindingFields::check},
};

inline constexpr TableSpec<UnitFields> kUnits{model::Table::Units, "units.csv", "units", true,
                                              kUnitColumns};
inline constexpr TableSpec<PostFields> kPosts{model::Table::Posts, "posts.csv", "posts", true,
                                              kPostColumns};
inline constexpr TableSpec<PersonFields> kPeople{model::Table::People, "people.csv", "people",
                                                 false, kPersonColumns};
inline constexpr TableSpec<LinkFields> kLinks{model::Table::Links, "links.csv", "links", false,
                                              kLinkColumns};
inline constexpr TableSpec<FindingFields> kFindings{model::Table::Findings, "findings.csv",
                                                    "findings", false, kFindingColumns};

/// Hands a row to the builder's add_* for its table.
inline void add_row(ModelBuilder& builder, const UnitFields& row, Origin origin,
                    std::span<const std::string_view> extra) {
    builder.add_unit(row, origin, extra);
}
inline void add_row(ModelBuilder& builder, const PostFields& row, Origin origin,
                    std::span<const std::string_view> extra) {
    builder.add_post(row, origin, extra);
}
inline void add_row(ModelBuilder& builder, const PersonFields& row, Origin origin,
                    std::span<const std::string_view> extra) {
    builder.add_person(row, origin, extra);
}
inline void add_row(ModelBuilder& builder, const LinkFields& row, Origin origin,
                    std::span<const std::string_view> extra) {
    builder.add_link(row, origin, extra);
}
inline void add_row(ModelBuilder& builder, const FindingFields& row, Origin origin,
                    std::span<const std::string_view> extra) {
    builder.add_finding(row, origin, extra);
}

/// Header and key names compare trimmed and without ASCII case: `Reports_To` is `reports_to`.
[[nodiscard]] inline bool same_name(std::string_view a, std::string_view b) {
    return base::iequals_ascii(base::trim(a), b);
}

}  // namespace reorg::io::detail
