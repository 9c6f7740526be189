#include "reorg/scenario/scenario_file.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reorg/base/error.hpp"
#include "reorg/base/text.hpp"
#include "reorg/io/input_file.hpp"
#include "reorg/io/text_input.hpp"
#include "reorg/io/yaml_document.hpp"
#include "reorg/io/yaml_fields.hpp"

namespace reorg::scenario {
namespace {

using namespace std::string_view_literals;
using io::line_of;

using io::did_you_mean;
using io::in_backticks;
using Fields = io::YamlFields;

std::optional<model::UnitKind> unit_kind(Fields& f, std::string_view key, bool required) {
    return f.kind<model::UnitKind>(key, model::parse_unit_kind, model::all_unit_kinds(), required);
}

std::optional<model::LinkKind> link_kind(Fields& f) {
    return f.kind<model::LinkKind>("kind", model::parse_link_kind, model::all_link_kinds());
}

// A nested map (`into:` of a merge, a part of a split), read as its own Fields.
template <class Read>
void nested_map(const YAML::Node& node, const std::string& file, std::string what,
                Diagnostics& diagnostics, std::span<const std::string_view> keys, Read&& read) {
    Fields inner(file, line_of(node), std::move(what), diagnostics);
    if (!inner.add_map(node)) return;
    read(inner);
    inner.finish(keys);
}

// How to read each kind of change: its file spelling, the field its key may hold directly
// (`merge: [A, B]`), its fields, and the reader.
struct ChangeSpec {
    std::string_view name;
    std::string_view first;  ///< the field `name: value` gives; empty when there is none
    std::vector<std::string_view> keys;
    std::function<ChangeKind(Fields&, const std::string& file, Diagnostics&)> read;
};

const std::vector<ChangeSpec>& change_specs() {
    static const std::vector<ChangeSpec> specs = {
        {"merge",
         "units",
         {"units", "into", "head"},
         [](Fields& f, const std::string& file, Diagnostics& d) -> ChangeKind {
             Merge m;
             m.units = f.texts("units");
             if (m.units.size() == 1) {
                 f.error(f.line_of_field("units"), "units", "a merge needs two or more units");
             }
             if (const auto into = f.node("into")) {
                 static constexpr std::array kInto = {"id"sv, "name"sv, "kind"sv, "parent"sv};
                 nested_map(*into, file, "merge into", d, kInto, [&](Fields& i) {
                     m.into.id = i.text("id");
                     m.into.name = i.text("name");
                     m.into.kind = unit_kind(i, "kind", false);
                     m.into.parent = i.text("parent", false);
                 });
             }
             m.head = f.text("head");
             return m;
         }},
        {"split_unit",
         "unit",
         {"unit", "into"},
         [](Fields& f, const std::string& file, Diagnostics& d) -> ChangeKind {
             SplitUnit s;
             s.unit = f.text("unit");
             if (const auto into = f.node("into")) {
                 if (!into->IsSequence() || into->size() == 0) {
                     f.error(f.line_of_field("into"), "into",
                             "must be a list of new units: {id, name, head, posts}");
                 } else {
                     static constexpr std::array kPart = {"id"sv,    "name"sv, "head"sv,
                                                          "posts"sv, "kind"sv, "parent"sv};
                     for (const auto& item : *into) {
                         SplitPart part;
                         nested_map(item, file, "split_unit into", d, kPart, [&](Fields& p) {
                             part.id = p.text("id");
                             part.name = p.text("name");
                             part.head = p.text("head", false);
                             part.posts = p.texts("posts");
                             part.kind = unit_kind(p, "kind", false);
                             part.parent = p.optional_text("parent");
                         });
                         s.into.push_back(std::move(part));
                     }
                 }
             }
             return s;
         }},
        {"add_unit",
         "",
         {"id", "name", "kind", "parent", "head", "capacity"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             AddUnit a;
             a.id = f.text("id");
             a.name = f.text("name");
             a.kind = unit_kind(f, "kind", true).value_or(model::UnitKind::Department);
             a.parent = f.text("parent", false);
             a.head = f.text("head", false);
             a.capacity = f.number("capacity");
             return a;
         }},
        {"remove_unit",
         "unit",
         {"unit", "posts_to"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             return RemoveUnit{f.text("unit"), f.text("posts_to", false)};
         }},
        {"rename_unit",
         "unit",
         {"unit", "name"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             return RenameUnit{f.text("unit"), f.text("name")};
         }},
        {"move_unit",
         "unit",
         {"unit", "parent"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             MoveUnit m;
             m.unit = f.text("unit");
             if (!f.has("parent")) f.error(0, "parent", "missing required field (empty: a root)");
             m.parent = f.text("parent", false);
             return m;
         }},
        {"add_post",
         "",
         {"id", "title", "unit", "reports_to", "function", "fte", "cost", "person"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             AddPost a;
             a.id = f.text("id");
             a.title = f.text("title");
             a.unit = f.text("unit");
             a.reports_to = f.text("reports_to", false);
             a.function = f.text("function", false);
             a.fte = f.number("fte").value_or(1.0);
             a.cost = f.number("cost").value_or(0.0);
             a.person = f.text("person", false);
             return a;
         }},
        {"remove_post",
         "post",
         {"post", "successor"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             return RemovePost{f.text("post"), f.text("successor", false)};
         }},
        {"move_post",
         "post",
         {"post", "unit", "reports_to"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             MovePost m;
             m.post = f.text("post");
             m.unit = f.text("unit");
             m.reports_to = f.optional_text("reports_to");
             return m;
         }},
        {"set_reports_to",
         "post",
         {"post", "reports_to"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             SetReportsTo s;
             s.post = f.text("post");
             if (!f.has("reports_to")) {
                 f.error(0, "reports_to", "missing required field (empty: a top post)");
             }
             s.reports_to = f.text("reports_to", false);
             return s;
         }},
        {"vacate_post",
         "post",
         {"post"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             return VacatePost{f.text("post")};
         }},
        {"fill_post",
         "post",
         {"post", "person"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             return FillPost{f.text("post"), f.text("person")};
         }},
        {"add_link",
         "",
         {"from", "to", "kind", "weight"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             AddLink a;
             a.from = f.text("from");
             a.to = f.text("to");
             a.kind = link_kind(f).value_or(model::LinkKind::Collaborates);
             a.weight = f.number("weight");
             return a;
         }},
        {"remove_link",
         "",
         {"from", "to", "kind", "weight"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             RemoveLink r;
             r.from = f.text("from");
             r.to = f.text("to");
             r.kind = link_kind(f).value_or(model::LinkKind::Collaborates);
             r.weight = f.number("weight");
             return r;
         }},
        {"reroute",
         "",
         {"kind", "from", "to"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             Reroute r;
             r.kind = link_kind(f).value_or(model::LinkKind::Serves);
             r.from = f.text("from");
             r.to = f.text("to");
             return r;
         }},
        {"add_member",
         "post",
         {"post", "group"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             return AddMember{f.text("post"), f.text("group")};
         }},
        {"remove_member",
         "post",
         {"post", "group"},
         [](Fields& f, const std::string&, Diagnostics&) -> ChangeKind {
             return RemoveMember{f.text("post"), f.text("group")};
         }},
    };
    return specs;
}

const ChangeSpec* find_spec(std::string_view name) {
    for (const auto& spec : change_specs()) {
        if (spec.name == name) return &spec;
    }
    return nullptr;
}

// One entry of `changes:`: the one key that names a change kind, its fields.
std::optional<Change> read_change(const YAML::Node& entry, std::size_t number,
                                  const std::string& file, Diagnostics& diagnostics) {
    const auto line = line_of(entry);
    const std::string where = "change " + std::to_string(number);
    if (!entry.IsMap() || entry.size() == 0) {
        diagnostics.error({file, line},
                          where + ": must be a map such as `move_post: {post: ..., unit: ...}`");
        return std::nullopt;
    }
    const ChangeSpec* spec = nullptr;
    YAML::Node main;
    std::vector<std::pair<std::string, YAML::Node>> others;
    for (const auto& item : entry) {
        const auto key = item.first.Scalar();
        if (const auto* found = find_spec(key)) {
            if (spec != nullptr) {
                diagnostics.error({file, line_of(item.first)},
                                  where + ": names two changes, `" + std::string(spec->name) +
                                      "` and `" + key + "`: write one change per list entry");
                return std::nullopt;
            }
            spec = found;
            main = item.second;
        } else {
            others.emplace_back(key, item.second);
        }
    }
    if (spec == nullptr) {
        const auto names = kind_names();
        const auto& key = others.front().first;
        diagnostics.error(
            {file, line_of(entry), key},
            where + ": unknown change " + in_backticks(key) + did_you_mean(key, names));
        return std::nullopt;
    }

    const auto errors = diagnostics.error_count();
    Fields fields(file, line, where + " (" + std::string(spec->name) + ")", diagnostics);
    if (main.IsMap()) {
        fields.add_map(main);
    } else if (!main.IsNull()) {
        if (spec->first.empty()) {
            fields.error(line_of(main), spec->name,
                         "its fields go in a map: `" + std::string(spec->name) + ": {...}`");
        } else {
            fields.add(std::string(spec->first), main, line_of(main));
        }
    }
    for (auto& [key, value] : others) fields.add(key, value, line_of(value));
    auto change = spec->read(fields, file, diagnostics);
    fields.finish(spec->keys);
    if (diagnostics.error_count() != errors) return std::nullopt;
    return Change{std::move(change), line};
}

}  // namespace

std::string_view kind_name(const ChangeKind& change) noexcept {
    return change_specs()[change.index()].name;
}

std::vector<std::string_view> kind_names() {
    std::vector<std::string_view> names;
    for (const auto& spec : change_specs()) names.push_back(spec.name);
    return names;
}

namespace {

// A regular YAML file by its name, which may be looked into without using it up.
bool is_yaml_file(const std::filesystem::path& path) {
    const auto extension = path.extension().string();
    return (extension == ".yaml" || extension == ".yml") &&
           io::path_kind(path) == io::PathKind::File;
}

}  // namespace

bool is_scenario_file(const std::filesystem::path& path) {
    try {
        if (!is_yaml_file(path)) return false;
        const auto root = io::read_yaml_file(path);
        return root.IsMap() && root["changes"] && !root["units"];
    } catch (const std::exception&) {
        return false;  // not readable as YAML: let the model reader say why
    }
}

void throw_if_broken_yaml(const std::filesystem::path& path) {
    try {
        if (!is_yaml_file(path)) return;
    } catch (const InputError&) {
        return;  // not there to be read: the model reader says why
    }
    (void)io::read_yaml_file(path);
}

std::optional<std::filesystem::path> base_model(const Scenario& scenario) {
    if (scenario.base.empty()) return std::nullopt;
    const std::filesystem::path base(scenario.base);
    if (base.is_absolute()) return base;
    return std::filesystem::path(scenario.file).parent_path() / base;
}

Scenario read_scenario(const std::filesystem::path& path) {
    Scenario scenario;
    scenario.file = path.string();
    const auto& file = scenario.file;
    const YAML::Node root = io::read_yaml_file(path);
    if (!root.IsMap()) {
        throw InputError({file, line_of(root)},
                         "a scenario is a map with name:, description:, addresses: and changes:");
    }
    Diagnostics diagnostics;
    try {
        Fields top(file, 1, "scenario", diagnostics);
        top.add_map(root);
        scenario.name = top.text("name");
        scenario.description = top.text("description", false);
        scenario.addresses_line = top.line_of_field("addresses");
        scenario.addresses = top.texts("addresses", false);
        scenario.base = top.text("base", false);
        if (const auto changes = top.node("changes")) {
            if (!changes->IsSequence()) {
                diagnostics.error({file, line_of(*changes), "changes"},
                                  "scenario: changes must be a list");
            } else {
                std::size_t number = 0;
                for (const auto& entry : *changes) {
                    if (diagnostics.full()) break;
                    if (auto change = read_change(entry, ++number, file, diagnostics)) {
                        scenario.changes.push_back(std::move(*change));
                    }
                }
            }
        }
        static constexpr std::array kTop = {"name"sv, "description"sv, "addresses"sv, "base"sv,
                                            "changes"sv};
        top.finish(kTop);
    } catch (const YAML::Exception& e) {
        io::rethrow_yaml_error(file, e);
    }
    diagnostics.throw_if_errors();
    return scenario;
}

}  // namespace reorg::scenario
