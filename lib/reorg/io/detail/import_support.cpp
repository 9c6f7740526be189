#include "reorg/io/detail/import_support.hpp"

#include <algorithm>

#include "reorg/base/utf8.hpp"
#include "reorg/io/detail/tables.hpp"
#include "reorg/model/id_rules.hpp"

namespace reorg::io::detail {
namespace {

// ASCII letters and digits lower-cased, any run of other characters as one '-', other UTF-8
// characters kept: "Finance & HR" → "finance-hr", "Löner" → "löner". No separator, quote,
// blank, ';' or '.' survives, so the ids are safe in every output, and '.' joins a
// department's id to its organisation's without ambiguity; nor does any character that
// model::id_problem refuses in an id (a C1 control such as U+0085 in a name, say), which a
// name may hold.
std::string id_part(std::string_view name) {
    std::string id;
    bool dash = false;
    for (std::size_t i = 0; i < name.size();) {
        const char c = name[i];
        const bool upper = c >= 'A' && c <= 'Z';
        std::size_t length = 1;
        bool keep = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (static_cast<unsigned char>(c) >= 0x80) {
            length = base::next_code_point(name, i) - i;
            keep = !model::id_problem(name.substr(i, length));
        }
        if (!keep) {
            dash = true;
            i += length;
            continue;
        }
        if (dash && !id.empty()) id += '-';
        dash = false;
        if (upper) {
            id += static_cast<char>(c - 'A' + 'a');
        } else {
            id.append(name.substr(i, length));
        }
        i += length;
    }
    return id.empty() ? std::string("unit") : id;
}

// Each unit's head: the post of the unit that every other post of it reports up to, that is
// its only post whose manager lies outside it (or who has none), when that post may head a
// unit. A unit whose posts hang from several such tops, or whose top may not head it (a group
// of junior staff), has no head: naming one would leave the others "without a path to the
// head of their unit", a warning of the import's making rather than the file's.
void choose_heads(std::vector<UnitDraft>& units, std::span<const PostDraft> posts) {
    constexpr auto kNone = ~std::uint32_t{0};
    constexpr auto kSeveral = kNone - 1;
    std::vector<std::uint32_t> top(units.size(), kNone);
    for (std::uint32_t p = 0; p < posts.size(); ++p) {
        const auto& post = posts[p];
        if (post.manager && posts[*post.manager].unit == post.unit) continue;
        auto& found = top[post.unit];
        found = found == kNone ? p : kSeveral;
    }
    for (std::size_t u = 0; u < units.size(); ++u) {
        if (!units[u].headless && top[u] < kSeveral && posts[top[u]].may_head)
            units[u].head = top[u];
    }
}

}  // namespace

ColumnNames made_from(std::string_view header) {
    ColumnNames names;
    const auto add = [&](std::string_view column) {
        const bool known = std::any_of(names.begin(), names.end(),
                                       [&](const auto& name) { return name.first == column; });
        if (!known) names.emplace_back(column, header);
    };
    for (const auto& column : kUnitColumns) add(column.name);
    for (const auto& column : kPersonColumns) add(column.name);
    return names;
}

std::uint32_t UnitMaker::root(std::string_view name, Origin origin) {
    const auto [it, added] = roots_.try_emplace(std::string(name), 0);
    if (added) {
        it->second = add(id_part(name), it->first, model::UnitKind::Administration, {}, origin);
    }
    return it->second;
}

std::uint32_t UnitMaker::department(std::uint32_t root, std::string_view name, Origin origin) {
    const auto [it, added] = departments_.try_emplace({root, std::string(name)}, 0);
    if (added) {
        it->second = add(units_[root].id + "." + id_part(name), it->first.second,
                         model::UnitKind::Department, root, origin);
    }
    return it->second;
}

std::uint32_t UnitMaker::add(std::string id, std::string_view name, model::UnitKind kind,
                             std::optional<std::uint32_t> parent, Origin origin) {
    // Names differing only in case or punctuation give the same id: number the later ones.
    if (!ids_.insert(id).second) {
        for (int n = 2;; ++n) {
            if (auto candidate = id + "-" + std::to_string(n); ids_.insert(candidate).second) {
                id = std::move(candidate);
                break;
            }
        }
    }
    units_.push_back({std::move(id), name, kind, parent, {}, origin});
    return static_cast<std::uint32_t>(units_.size() - 1);
}

model::Model build_model(ModelBuilder& builder, std::vector<UnitDraft>& units,
                         std::span<const PostDraft> posts, std::vector<std::string> extra_columns) {
    choose_heads(units, posts);
    builder.set_people_listed(true);
    const auto extra_count = extra_columns.size();
    builder.set_extra_columns(model::Table::Posts, std::move(extra_columns));

    for (const auto& unit : units) {
        builder.add_unit({.id = unit.id,
                          .name = unit.name,
                          .kind = model::to_string(unit.kind),
                          .parent = unit.parent ? std::string_view(units[*unit.parent].id) : "",
                          .head = unit.head ? posts[*unit.head].id : "",
                          .capacity = {}},
                         unit.origin);
    }
    for (const auto& post : posts) {
        builder.add_post({.id = post.id,
                          .title = post.title,
                          .unit = units[post.unit].id,
                          .reports_to = post.manager ? posts[*post.manager].id : "",
                          .function = post.function,
                          .fte = post.fte,
                          .cost = post.cost,
                          .person = post.person},
                         post.origin, std::span(post.extra).first(extra_count));
        if (!post.person.empty()) {
            builder.add_person({.id = post.person, .name = post.person_name}, post.person_origin);
        }
    }
    return std::move(builder).finish();
}

}  // namespace reorg::io::detail
