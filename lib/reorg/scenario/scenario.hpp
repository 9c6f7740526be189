#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "reorg/model/kinds.hpp"

/// A reorganisation scenario (SPEC §4): a named, ordered list of changes to a model, as the
/// scenario file states them. Ids are the base model's (or ones an earlier change created), as
/// text: they are resolved when the scenario is applied. Value types only.
namespace reorg::scenario {

/// The unit a merge creates.
struct NewUnit {
    std::string id;
    std::string name;
    std::optional<model::UnitKind> kind;  ///< default: the kind of the first merged unit
    std::string parent;                   ///< empty: a root
};

/// Units merged into a new one: their posts and sub-units move into it, `head` heads it, and the
/// other merged units' heads report to `head`.
struct Merge {
    std::vector<std::string> units;
    NewUnit into;
    std::string head;
};

/// One of the units a split makes, with the posts that move into it. Its kind and parent are
/// the split unit's unless given.
struct SplitPart {
    std::string id;
    std::string name;
    std::string head;
    std::vector<std::string> posts;
    std::optional<model::UnitKind> kind{};
    std::optional<std::string> parent{};  ///< empty: a root
};

/// Posts of a unit moved into new sibling units; posts not listed stay.
struct SplitUnit {
    std::string unit;
    std::vector<SplitPart> into;
};

struct AddUnit {
    std::string id;
    std::string name;
    model::UnitKind kind = model::UnitKind::Department;
    std::string parent;  ///< empty: a root
    std::string head;    ///< empty: none
    std::optional<double> capacity;
};

/// Its posts and sub-units go to `posts_to` (required when it has any).
struct RemoveUnit {
    std::string unit;
    std::string posts_to;
};

struct RenameUnit {
    std::string unit;
    std::string name;
};

struct MoveUnit {
    std::string unit;
    std::string parent;  ///< empty: a root
};

struct AddPost {
    std::string id;
    std::string title;
    std::string unit;
    std::string reports_to;  ///< empty: a top post
    std::string function;
    double fte = 1.0;
    double cost = 0.0;
    std::string person;  ///< empty: vacant
};

/// Its direct reports go to `successor` (required when it has any), and so does any unit it
/// heads.
struct RemovePost {
    std::string post;
    std::string successor;
};

struct MovePost {
    std::string post;
    std::string unit;
    std::optional<std::string> reports_to;  ///< nullopt: unchanged; empty: a top post
};

struct SetReportsTo {
    std::string post;
    std::string reports_to;  ///< empty: a top post
};

struct VacatePost {
    std::string post;
};

struct FillPost {
    std::string post;
    std::string person;
};

struct AddLink {
    std::string from;
    std::string to;
    model::LinkKind kind = model::LinkKind::Collaborates;
    std::optional<double> weight;
};

/// Removes every link with these ends and kind (and this weight, when given).
struct RemoveLink {
    std::string from;
    std::string to;
    model::LinkKind kind = model::LinkKind::Collaborates;
    std::optional<double> weight;
};

/// Every link of `kind` with an end at `from` gets `to` as that end instead.
struct Reroute {
    model::LinkKind kind = model::LinkKind::Serves;
    std::string from;
    std::string to;
};

struct AddMember {
    std::string post;
    std::string group;
};

struct RemoveMember {
    std::string post;
    std::string group;
};

using ChangeKind = std::variant<Merge, SplitUnit, AddUnit, RemoveUnit, RenameUnit, MoveUnit,
                                AddPost, RemovePost, MovePost, SetReportsTo, VacatePost, FillPost,
                                AddLink, RemoveLink, Reroute, AddMember, RemoveMember>;

/// One change as the file states it, and where.
struct Change {
    ChangeKind what;
    std::uint32_t line = 0;  ///< 1-based line in the scenario file (0: not from a file)
};

/// The file spelling of a change's kind: "merge", "move_post", ...
[[nodiscard]] std::string_view kind_name(const ChangeKind& change) noexcept;

/// Every change kind's file spelling, in the order of ChangeKind.
[[nodiscard]] std::vector<std::string_view> kind_names();

struct Scenario {
    std::string file;  ///< where it was read from, for messages ("" when built in code)
    std::string name;
    std::string description;
    std::vector<std::string> addresses;  ///< finding ids the scenario intends to solve
    std::uint32_t addresses_line = 0;
    std::string base;  ///< the base model the file names, if any (the command line overrides it)
    std::vector<Change> changes;
};

}  // namespace reorg::scenario
