// The two tree views: the org chart of posts and the unit tree.
#include "reorg/render/detail/views_impl.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "reorg/analysis/structure.hpp"
#include "reorg/base/text.hpp"
#include "reorg/model/hierarchy.hpp"
#include "reorg/render/detail/tree_chart.hpp"
#include "reorg/render/style.hpp"

namespace reorg::render::detail {
namespace {

using model::Model;
using model::PostId;
using model::UnitId;
using model::UnitKind;

// The width of a tidy box, and the room its text has inside the border.
constexpr double kBoxWidth = 160;
constexpr double kTextRoom = kBoxWidth - 18;
// The height a line adds to a box, at 10 and at 8 points.
constexpr double kLine = 12;
constexpr double kSmallLine = 10;

// The user's text in a box: in a tidy chart (boxes of one size) cut or wrapped to the box's
// width by measure, so that nothing runs over its border; where `dot` sizes each box to its
// label, whole.
struct BoxText {
    bool tidy = false;

    // The title, bold, on at most two lines; `lines` is raised to the number drawn.
    [[nodiscard]] std::string title(std::string_view text, std::size_t& lines) const {
        if (!tidy) return "<B>" + style::html_text(text) + "</B>";
        std::size_t drawn = 1;
        auto html = style::fitted_lines_html(text, {kTextRoom, 10, true}, 2, &drawn);
        lines = std::max(lines, drawn);
        return "<B>" + html + "</B>";
    }
    [[nodiscard]] std::string line(std::string_view text, double points = 10,
                                   bool bold = false) const {
        return tidy ? style::fitted_html(text, {kTextRoom, points, bold}) : style::html_text(text);
    }
};

// The nodes of a forest under `roots` for which `keep` holds, parents first, at most `depth`
// levels deep, each with its parent among them; children follow the forest's order.
template <class Id>
struct Selection {
    std::vector<Id> order;
    std::vector<std::optional<Id>> parent;
};
template <class Id, class Keep>
Selection<Id> select(const model::Forest<Id>& forest, const std::vector<Id>& roots,
                     std::optional<std::size_t> depth, Keep&& keep) {
    Selection<Id> selection;
    std::vector<std::pair<Id, std::size_t>> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.emplace_back(*it, 1);
    std::vector<std::optional<Id>> parent_of(forest.size());
    while (!stack.empty()) {
        const auto [id, level] = stack.back();
        stack.pop_back();
        selection.order.push_back(id);
        selection.parent.push_back(parent_of[index(id)]);
        if (depth && level >= *depth) continue;
        const auto children = forest.children(id);
        for (auto it = children.rbegin(); it != children.rend(); ++it) {
            if (!keep(*it)) continue;
            parent_of[index(*it)] = id;
            stack.emplace_back(*it, level + 1);
        }
    }
    return selection;
}

// Cuts a selection to its top levels, as many as fit in `max_nodes` boxes (at least the first),
// and says what was left out.
template <class Id>
std::string keep_top_levels(Selection<Id>& selection, std::size_t max_nodes) {
    // Parents come before their children, so one pass gives every level.
    std::vector<std::size_t> level(selection.order.size(), 1);
    std::vector<std::size_t> per_level(2, 0);
    std::unordered_map<std::size_t, std::size_t> position;
    for (std::size_t i = 0; i < selection.order.size(); ++i) {
        position.emplace(index(selection.order[i]), i);
        if (const auto& parent = selection.parent[i])
            level[i] = level[position.at(index(*parent))] + 1;
        if (per_level.size() <= level[i]) per_level.resize(level[i] + 1, 0);
        ++per_level[level[i]];
    }
    std::size_t levels = 1;
    for (std::size_t total = per_level[1];
         levels + 1 < per_level.size() && total + per_level[levels + 1] <= max_nodes;) {
        total += per_level[++levels];
    }
    const auto all = selection.order.size();
    Selection<Id> kept;
    for (std::size_t i = 0; i < all; ++i) {
        if (level[i] > levels) continue;
        kept.order.push_back(selection.order[i]);
        kept.parent.push_back(selection.parent[i]);
    }
    selection = std::move(kept);
    return std::to_string(all) + " units are more than the limit of " + std::to_string(max_nodes) +
           ": the chart shows the top " + std::to_string(levels) +
           (levels == 1 ? " level" : " levels") + " (" + std::to_string(selection.order.size()) +
           " units).";
}

// "group · 12 members", or "group · 2 of 12 members shown" in a part of the organisation.
std::string group_count(std::size_t shown, std::size_t all) {
    const auto noun = all == 1 ? " member" : " members";
    if (shown == all) return "group · " + std::to_string(all) + noun;
    return "group · " + std::to_string(shown) + " of " + std::to_string(all) + noun + " shown";
}

// "4 of 20 posts shown; 16 below depth 2, 30 outside KLF", or "20 posts shown". `in_depth`:
// how many the focus (or the whole model) holds down to the depth, before the box limit cut
// them to `shown`; `in_focus`: at any depth.
std::string shown_line(std::string_view noun, std::size_t shown, std::size_t in_depth,
                       std::size_t in_focus, std::size_t all, const ViewOptions& options) {
    auto line = std::to_string(shown);
    if (shown < all) line += " of " + std::to_string(all);
    line += " " + std::string(noun) + " shown";
    std::string hidden;
    const auto add = [&](const std::string& part) {
        hidden += (hidden.empty() ? "" : ", ") + part;
    };
    if (in_depth > shown) {
        add(std::to_string(in_depth - shown) + " beyond the limit of " +
            std::to_string(box_limit(options)));
    }
    if (options.depth && in_focus > in_depth) {
        add(std::to_string(in_focus - in_depth) + " below depth " + std::to_string(*options.depth));
    }
    if (options.focus && all > in_focus) {
        add(std::to_string(all - in_focus) + " outside " + *options.focus);
    }
    return hidden.empty() ? line : line + "; " + hidden;
}

bool external(const Model& model, UnitId unit) { return model[unit].kind == UnitKind::External; }

const style::Legend& tree_legend(bool posts) {
    static const style::Legend kPosts{
        "Posts",
        {{std::string(style::kBox), "post", "", std::string(style::kInk)},
         {std::string(style::kBox), "vacant post (dashed, VACANT)", "",
          std::string(style::kVacant)},
         {std::string(style::kExternal), "post in an external unit", "", std::string(style::kInk)},
         {std::string(style::kGroup), "group", "", std::string(style::kGroupLine)},
         {"", "reports to", "solid", "#737373"},
         {"", "dotted-line reporting (╌ in the box)", "dashed", std::string(style::kDotted)},
         {"", "member of group (◆ in the box)", "dotted", std::string(style::kGroupLine)}}};
    static const style::Legend kUnits{
        "Units",
        {{std::string(style::kBox), "unit (figures include sub-units)", "",
          std::string(style::kInk)},
         {std::string(style::kCommittee), "committee", "", std::string(style::kInk)},
         {std::string(style::kGroup), "group", "", std::string(style::kGroupLine)},
         {std::string(style::kExternal), "external unit", "", std::string(style::kInk)},
         {"", "part of", "solid", "#737373"}}};
    return posts ? kPosts : kUnits;
}

bool use_tidy(const ViewOptions& options, std::size_t boxes) {
    switch (options.layout) {
        case LayoutChoice::Tree:
            return true;
        case LayoutChoice::Dot:
            return false;
        case LayoutChoice::Auto:
            break;
    }
    return boxes > options.tree_from;
}

// `extra`: the height the boxes need beyond the view's usual lines.
TidyOptions tidy_options(const OverlayColours& overlay, double extra = 0) {
    TidyOptions options;
    // Org charts read down a column of reports more easily than across a wide row; stacking
    // from three leaf reports keeps a large organisation from becoming one endless row.
    options.compact_from = 3;
    options.node_width = kBoxWidth;
    options.rows_per_column = 8;
    if (!overlay.post_value.empty() || !overlay.unit_value.empty()) options.node_height += kLine;
    options.node_height += extra;
    return options;
}

std::string focus_title(const Model& model, const std::optional<std::string>& focus) {
    if (!focus) return {};
    if (const auto post = model.find_post(*focus)) return " — " + std::string(model[*post].title);
    if (const auto unit = model.find_unit(*focus)) return " — " + std::string(model[*unit].name);
    return {};
}

// ---- The diff view's marks ----------------------------------------------------------------

const style::Legend& diff_legend() {
    static const style::Legend kDiff{
        "Changes",
        {{std::string(style::kAdded), "added", "", std::string(style::kAddedLine)},
         {std::string(style::kBox), "moved, or a new manager (\"from …\")", "",
          std::string(style::kMoved)},
         {std::string(style::kBox), "removed (dashed, REMOVED)", "", std::string(style::kRemoved)},
         {std::string(style::kBox), "unchanged", "", std::string(style::kInk)}}};
    return kDiff;
}

// What a box of the diff view looks like beyond the view's own: fill, border and lines.
struct DiffLook {
    std::string fill;                ///< "" keeps the view's
    std::string border;              ///< "" keeps the view's
    std::vector<std::string> lines;  ///< plain text, escaped when drawn
};

DiffLook post_look(const PostMark& mark) {
    DiffLook look;
    if (mark.added) {
        look.fill = style::kAdded;
        look.border = style::kAddedLine;
        look.lines.push_back("NEW POST");
        return look;
    }
    if (!mark.moved_from.empty()) {
        look.border = style::kMoved;
        look.lines.push_back("from " + mark.moved_from);
    }
    if (mark.new_manager) {
        look.border = style::kMoved;
        look.lines.push_back(mark.old_manager.empty()
                                 ? "new manager (was a top post)"
                                 : "new manager (was " + mark.old_manager + ")");
    }
    return look;
}

DiffLook unit_look(const UnitMark& mark) {
    DiffLook look;
    if (!mark.merged_from.empty()) {
        std::string from;
        for (const auto& id : mark.merged_from) from += (from.empty() ? "" : ", ") + id;
        look.fill = style::kAdded;
        look.border = style::kMoved;
        look.lines.push_back("merged from " + from);
    } else if (!mark.split_from.empty()) {
        look.fill = style::kAdded;
        look.border = style::kMoved;
        look.lines.push_back("split from " + mark.split_from);
    } else if (mark.added) {
        look.fill = style::kAdded;
        look.border = style::kAddedLine;
        look.lines.push_back("NEW UNIT");
    }
    if (mark.moved) {
        look.border = style::kMoved;
        look.lines.push_back(mark.moved_from.empty() ? "moved (was a root)"
                                                     : "moved from " + mark.moved_from);
    }
    if (!mark.old_name.empty()) {
        look.border = style::kMoved;
        look.lines.push_back("renamed from " + mark.old_name);
    }
    return look;
}

// Applies a look to a box's fill, attributes and label.
void apply_look(const DiffLook& look, std::string& fill, Attributes& attributes, std::string& label,
                const BoxText& text) {
    if (!look.fill.empty()) fill = look.fill;
    if (!look.border.empty()) {
        attributes.push_back({"color", look.border});
        attributes.push_back({"penwidth", "2.2"});
    }
    for (const auto& line : look.lines) {
        label += R"(<BR/><FONT POINT-SIZE="8" COLOR=")" +
                 std::string(look.border.empty() ? style::kMoved : look.border) + R"("><B>)" +
                 text.line(line, 8, true) + "</B></FONT>";
    }
}

Attributes removed_box(const std::string& id, const std::string& title,
                       const std::vector<std::string>& lines, const BoxText& text,
                       std::size_t& title_lines) {
    std::string label = text.title(title, title_lines);
    label += R"(<BR/><FONT COLOR=")" + std::string(style::kRemoved) + R"("><B>REMOVED</B></FONT>)";
    for (const auto& line : lines) {
        label += "<BR/>" + style::muted_html(text.line(line, 8), style::ink_on(style::kBox));
    }
    return {{"label", std::move(label), ValueKind::Html},
            {"tooltip", id + " — " + title + " — removed", ValueKind::Text},
            {"fillcolor", std::string(style::kBox)},
            {"fontcolor", std::string(style::kInk)},
            {"style", "rounded,filled,dashed"},
            {"color", std::string(style::kRemoved)},
            {"penwidth", "1.8"}};
}

// "3 posts added, 12 moved, 4 with a new manager, 1 removed."
std::string diff_counts(const DiffMarks& diff) {
    std::size_t added = 0, moved = 0, managers = 0;
    for (const auto& mark : diff.posts) {
        added += mark.added ? 1U : 0U;
        moved += mark.moved_from.empty() ? 0U : 1U;
        managers += mark.new_manager && !mark.added ? 1U : 0U;
    }
    const auto removed_units = diff.removed_units.size();
    return std::to_string(added) + (added == 1 ? " post added, " : " posts added, ") +
           std::to_string(moved) + " moved, " + std::to_string(managers) + " with a new manager, " +
           std::to_string(diff.removed_posts.size()) + " removed; " +
           std::to_string(removed_units) +
           (removed_units == 1 ? " unit removed." : " units removed.");
}

// The units the units view starts from: the focus (a post's unit), or the roots of the tree.
std::vector<UnitId> unit_roots(const Model& model, const ViewOptions& options) {
    std::vector<UnitId> roots;
    if (options.focus) {
        if (const auto unit = model.find_unit(*options.focus)) {
            roots.push_back(*unit);
        } else if (const auto post = model.find_post(*options.focus)) {
            roots.push_back(model[*post].unit);
        } else {
            unknown_focus(*options.focus, "post or unit");
        }
    } else {
        const auto& forest = model::unit_forest(model);
        roots.assign(forest.roots().begin(), forest.roots().end());
    }
    return roots;
}

Diagram units_chart(const Model& model, const ViewOptions& options, const OverlayFigures& figures,
                    const std::vector<UnitId>& roots, const std::string& note,
                    const DiffMarks* diff = nullptr) {
    const auto& forest = model::unit_forest(model);
    auto selection = select(forest, roots, options.depth, [](UnitId) { return true; });
    const auto in_depth = selection.order.size();
    const auto in_focus =
        options.depth
            ? select(forest, roots, std::nullopt, [](UnitId) { return true; }).order.size()
            : in_depth;
    std::string cap_note;
    if (selection.order.size() > box_limit(options)) {
        cap_note = keep_top_levels(selection, box_limit(options));
    }
    const auto overlay = overlay_colours(model, figures, false, {}, selection.order);
    const auto structure = analysis::structure(model);
    std::vector<const analysis::UnitStructure*> by_unit(model.units().size(), nullptr);
    for (const auto& unit : structure.by_unit) by_unit[index(unit.unit)] = &unit;
    std::vector<std::size_t> group_members(model.units().size(), 0);
    for (const auto& link : model.links()) {
        const auto* group = std::get_if<UnitId>(&link.to);
        if (link.kind == model::LinkKind::MemberOf && group) ++group_members[index(*group)];
    }

    // With a diff: per unit, how many of its own posts were added, moved in or got a new manager.
    struct PostCounts {
        std::size_t added = 0, moved_in = 0, new_manager = 0;
    };
    std::vector<PostCounts> post_counts(diff ? model.units().size() : 0);
    if (diff) {
        for (std::size_t p = 0; p < model.posts().size(); ++p) {
            const auto& mark = diff->posts[p];
            auto& counts = post_counts[index(model.posts()[p].unit)];
            counts.added += mark.added ? 1U : 0U;
            counts.moved_in += mark.moved_from.empty() ? 0U : 1U;
            counts.new_manager += mark.new_manager && !mark.added ? 1U : 0U;
        }
    }

    const bool tidy = use_tidy(options, selection.order.size());
    const BoxText text{tidy};
    std::size_t title_lines = 1;
    TreeChart chart;
    std::vector<std::uint32_t> box_of(model.units().size(), UINT32_MAX);
    for (std::size_t i = 0; i < selection.order.size(); ++i) {
        const auto id = selection.order[i];
        const auto& unit = model[id];
        const auto u = index(id);
        Attributes attributes{
            {"tooltip", std::string(unit.id) + " — " + std::string(unit.name), ValueKind::Text}};
        add_link(attributes, options.unit_link, id);
        std::string fill(style::kBox);
        switch (unit.kind) {
            case UnitKind::External:
                fill = style::kExternal;
                attributes.push_back({"style", "rounded,filled,dashed"});
                break;
            case UnitKind::Group:
                fill = style::kGroup;
                attributes.push_back({"shape", "tab"});
                attributes.push_back({"style", "filled"});
                attributes.push_back({"color", std::string(style::kGroupLine)});
                break;
            case UnitKind::Committee:
                fill = style::kCommittee;
                attributes.push_back({"peripheries", "2"});
                attributes.push_back({"style", "filled"});
                break;
            default:
                break;
        }
        if (!overlay.unit_fill.empty() && !overlay.unit_fill[u].empty())
            fill = overlay.unit_fill[u];
        const auto ink = style::ink_on(fill);

        std::string label = text.title(unit.name, title_lines);
        label += "<BR/>" + style::muted_html(text.line(std::string(unit.id) + " · " +
                                                           std::string(model::to_string(unit.kind)),
                                                       8),
                                             ink);
        if (unit.kind == UnitKind::Group && by_unit[u] && by_unit[u]->rollup.posts == 0) {
            // A group's people sit in other units: its members are what it has.
            label += "<BR/>" + std::to_string(group_members[u]) +
                     (group_members[u] == 1 ? " member" : " members");
        } else if (const auto* figure = by_unit[u]) {
            const auto& total = figure->rollup;
            label += "<BR/>" + std::to_string(total.headcount) + " staff · " +
                     base::format_number(total.fte, 1) + " FTE";
            if (total.vacant > 0) label += " · " + std::to_string(total.vacant) + " vacant";
            label += "<BR/>cost " + style::compact_amount(total.cost);
        }
        if (unit.head && model[*unit.head].vacant()) {
            label += R"(<BR/><FONT POINT-SIZE="8" COLOR=")" + std::string(ink.alert) +
                     R"("><B>HEAD VACANT</B></FONT>)";
        }
        if (!overlay.unit_value.empty() && !overlay.unit_value[u].empty()) {
            label += "<BR/>" + style::muted_html(
                                   "<B>" + style::html_text(overlay.unit_value[u]) + "</B>", ink);
        }
        if (diff) {
            auto look = unit_look(diff->units[u]);
            const auto& counts = post_counts[u];
            std::string posts;
            const auto add = [&](std::size_t n, const char* what) {
                if (n > 0) posts += (posts.empty() ? "" : ", ") + std::to_string(n) + what;
            };
            add(counts.added, counts.added == 1 ? " post added" : " posts added");
            add(counts.moved_in, " moved in");
            add(counts.new_manager, " new manager");
            if (!posts.empty()) {
                look.lines.push_back(posts);
                if (look.border.empty()) look.border = style::kMoved;
            }
            apply_look(look, fill, attributes, label, text);
        }
        attributes.push_back({"label", std::move(label), ValueKind::Html});
        attributes.push_back({"fontcolor", std::string(ink.text)});
        attributes.push_back({"fillcolor", std::move(fill)});
        const auto parent = selection.parent[i];
        box_of[u] = chart.add_box(std::move(attributes),
                                  parent ? std::optional(box_of[index(*parent)]) : std::nullopt);
    }

    if (diff) {
        for (const auto& removed : diff->removed_units) {
            const auto under = removed.under && box_of[index(*removed.under)] != UINT32_MAX
                                   ? std::optional(box_of[index(*removed.under)])
                                   : std::nullopt;
            if (!under && options.focus) continue;  // it belongs outside what is shown
            std::vector<std::string> lines{removed.id};
            if (!removed.went_to.empty()) lines.push_back("its posts went to " + removed.went_to);
            (void)chart.add_box(removed_box(removed.id, removed.name, lines, text, title_lines),
                                under);
        }
    }

    Diagram diagram;
    style::apply_defaults(diagram);
    Heading heading{diff ? "Changes: " + diff->scenario + focus_title(model, options.focus)
                         : "Units" + focus_title(model, options.focus),
                    {},
                    {tree_legend(false)}};
    if (diff) {
        heading.legends.push_back(diff_legend());
        heading.lines.push_back(diff_counts(*diff));
    }
    if (!note.empty()) heading.lines.push_back(note);
    if (!cap_note.empty()) heading.lines.push_back(cap_note);
    heading.lines.push_back(shown_line("units", selection.order.size(), in_depth, in_focus,
                                       model.units().size(), options) +
                            "; staff, FTE and cost include the units below.");
    for (auto& legend : set_heading(diagram, std::move(heading), overlay)) {
        chart.add_legend(std::move(legend));
    }
    std::move(chart).draw(diagram, tidy, tidy_options(overlay, title_lines > 1 ? kLine : 0));
    return diagram;
}

}  // namespace

Diagram units_view(const Model& model, const ViewOptions& options, const OverlayFigures& figures,
                   const std::string& note) {
    return units_chart(model, options, figures, unit_roots(model, options), note);
}

Diagram posts_view(const Model& model, const ViewOptions& options, const OverlayFigures& figures,
                   const DiffMarks* diff) {
    const auto& forest = model::reporting_forest(model);
    const auto& units = model::unit_forest(model);
    std::vector<PostId> roots;
    std::optional<UnitId> focus_unit;
    if (options.focus) {
        if (const auto post = model.find_post(*options.focus)) {
            roots.push_back(*post);
        } else if ((focus_unit = model.find_unit(*options.focus))) {
            // The unit's posts (and its sub-units') whose manager lies outside it.
            for (const auto p : forest.preorder()) {
                const auto& manager = model[p].reports_to;
                if (units.is_ancestor(*focus_unit, model[p].unit) &&
                    (!manager || !units.is_ancestor(*focus_unit, model[*manager].unit))) {
                    roots.push_back(p);
                }
            }
        } else {
            unknown_focus(*options.focus, "post or unit");
        }
    } else {
        roots.assign(forest.roots().begin(), forest.roots().end());
    }
    // A unit's chart keeps to the unit: reports in other units are left out.
    const auto in_unit = [&](PostId p) {
        return !focus_unit || units.is_ancestor(*focus_unit, model[p].unit);
    };
    const auto selection = select(forest, roots, options.depth, in_unit);

    if (selection.order.size() > box_limit(options)) {
        // The whole unit tree, the focus unit, or under a post the units that hold the posts
        // asked for: the topmost of them, with the units below. Levels of posts are not levels
        // of units, so the depth does not carry over.
        auto as_units = options;
        as_units.depth.reset();
        const auto note =
            std::to_string(selection.order.size()) + " posts are more than the limit of " +
            std::to_string(box_limit(options)) + ": the chart shows their units instead.";
        if (!options.focus || focus_unit) {
            return units_chart(model, as_units, figures, unit_roots(model, options), note, diff);
        }
        std::vector<bool> holds(model.units().size(), false);
        for (const auto p : selection.order) holds[index(model[p].unit)] = true;
        std::vector<UnitId> unit_tops;
        for (const auto u : units.preorder()) {
            if (!holds[index(u)]) continue;
            const auto covered = std::any_of(unit_tops.begin(), unit_tops.end(),
                                             [&](UnitId top) { return units.is_ancestor(top, u); });
            if (!covered) unit_tops.push_back(u);
        }
        return units_chart(model, as_units, figures, unit_tops, note, diff);
    }

    const auto overlay = overlay_colours(model, figures, true, selection.order, {});
    const bool tidy = use_tidy(options, selection.order.size());
    const auto in_focus = options.depth ? select(forest, roots, std::nullopt, in_unit).order.size()
                                        : selection.order.size();

    // Each post's dotted lines and groups, said in its box as well: in a large chart the line
    // to a distant box is left out (see TreeChart::add_link), and the box still tells.
    std::vector<bool> shown(model.posts().size(), false);
    for (const auto p : selection.order) shown[index(p)] = true;
    std::vector<std::string> also(model.posts().size());
    for (const auto& link : model.links()) {
        const auto* from = std::get_if<PostId>(&link.from);
        if (!from || !shown[index(*from)]) continue;
        std::string text;
        if (link.kind == model::LinkKind::DottedLine) {
            if (const auto* to = std::get_if<PostId>(&link.to)) {
                text = "╌ " + std::string(model[*to].title);
            }
        } else if (link.kind == model::LinkKind::MemberOf) {
            if (const auto* group = std::get_if<UnitId>(&link.to)) {
                text = "◆ " + std::string(model[*group].name);
            }
        }
        if (text.empty()) continue;
        auto& line = also[index(*from)];
        line += (line.empty() ? "" : " · ") + text;
    }
    const bool any_also = std::any_of(selection.order.begin(), selection.order.end(),
                                      [&](PostId p) { return !also[index(p)].empty(); });
    const BoxText text{tidy};
    std::size_t title_lines = 1;
    bool any_group = false;
    // A post standing for a group of staff (an organogram's junior grades) says how many and,
    // where the model has the column, which grade: two "Administrator" boxes are told apart.
    const auto& extra = model.extra(model::Table::Posts);
    const auto grade = static_cast<std::size_t>(
        std::find(extra.names.begin(), extra.names.end(), "grade") - extra.names.begin());
    const bool names_anyone = std::any_of(model.people().begin(), model.people().end(),
                                          [](const model::Person& p) { return !p.name.empty(); });
    TreeChart chart;
    std::vector<std::uint32_t> box_of(model.posts().size(), UINT32_MAX);
    std::size_t vacant = 0;
    for (std::size_t i = 0; i < selection.order.size(); ++i) {
        const auto id = selection.order[i];
        const auto& post = model[id];
        const auto p = index(id);
        const auto& unit = model[post.unit];
        std::string fill =
            external(model, post.unit) ? std::string(style::kExternal) : std::string(style::kBox);
        if (!overlay.post_fill.empty() && !overlay.post_fill[p].empty())
            fill = overlay.post_fill[p];
        const auto ink = style::ink_on(fill);

        std::string label = text.title(post.title, title_lines);
        if (options.ids) label += "<BR/>" + style::muted_html(text.line(post.id, 8), ink);
        const bool group = post.fte > 1;
        if (group) {
            any_group = true;
            std::string staff = base::format_number(post.fte, 2) + " FTE";
            if (grade < extra.names.size()) {
                if (const auto value = base::trim(extra.row(p)[grade]); !value.empty())
                    staff += " · " + std::string(value);
            }
            label += "<BR/>" + text.line(staff);
        }
        if (post.vacant()) {
            ++vacant;
            label += R"(<BR/><FONT COLOR=")" + std::string(ink.alert) + R"("><B>VACANT</B></FONT>)";
        } else if (options.names) {
            // The holder's name; in a model that names nobody (no people table) the person
            // value is the name. Where others are named, an unnamed holder (an organogram's
            // junior staff) is left unsaid rather than shown by an id made up for it.
            const auto& person = model[*post.person];
            if (!person.name.empty()) {
                label += "<BR/>" + text.line(person.name);
            } else if (!names_anyone && !group) {
                label += "<BR/>" + text.line(person.id);
            }
        }
        label += "<BR/>" + style::muted_html(text.line(unit.name, 8), ink);
        if (!also[p].empty()) {
            const auto colour = ink.text == style::kInk ? style::kAlso : ink.muted;
            label += R"(<BR/><FONT POINT-SIZE="8" COLOR=")" + std::string(colour) + R"(">)" +
                     text.line(also[p], 8) + "</FONT>";
        }
        if (!overlay.post_value.empty() && !overlay.post_value[p].empty()) {
            label += "<BR/>" + style::muted_html(
                                   "<B>" + style::html_text(overlay.post_value[p]) + "</B>", ink);
        }
        std::string tooltip =
            std::string(post.id) + " — " + std::string(post.title) + " — " + std::string(unit.name);
        Attributes attributes{{"tooltip", std::move(tooltip), ValueKind::Text},
                              {"fontcolor", std::string(ink.text)}};
        add_link(attributes, options.post_link, id);
        const auto look = diff ? post_look(diff->posts[p]) : DiffLook{};
        if (post.vacant()) {
            attributes.push_back({"style", "rounded,filled,dashed"});
            if (look.border.empty()) {  // a change's colour frames it instead
                attributes.push_back({"color", std::string(style::kVacant)});
                attributes.push_back({"penwidth", "1.5"});
            }
        }
        if (diff) apply_look(look, fill, attributes, label, text);
        attributes.push_back({"label", std::move(label), ValueKind::Html});
        attributes.push_back({"fillcolor", std::move(fill)});
        const auto parent = selection.parent[i];
        box_of[p] = chart.add_box(std::move(attributes),
                                  parent ? std::optional(box_of[index(*parent)]) : std::nullopt);
    }

    // Dotted lines and groups among the posts shown.
    std::vector<std::uint32_t> group_box(model.units().size(), UINT32_MAX);
    std::vector<std::size_t> members(model.units().size(), 0);  // shown
    std::vector<std::size_t> all_members(model.units().size(), 0);
    for (const auto& link : model.links()) {
        const auto* from = std::get_if<PostId>(&link.from);
        const auto* group = std::get_if<UnitId>(&link.to);
        if (!from || !group || link.kind != model::LinkKind::MemberOf) continue;
        ++all_members[index(*group)];
        if (box_of[index(*from)] != UINT32_MAX) ++members[index(*group)];
    }
    for (const auto& link : model.links()) {
        const auto* from = std::get_if<PostId>(&link.from);
        if (!from || box_of[index(*from)] == UINT32_MAX) continue;
        if (link.kind == model::LinkKind::DottedLine) {
            const auto* to = std::get_if<PostId>(&link.to);
            if (!to || box_of[index(*to)] == UINT32_MAX) continue;
            chart.add_link(box_of[index(*to)], box_of[index(*from)],
                           {{"style", "dashed"},
                            {"color", std::string(style::kDotted)},
                            {"penwidth", "1.4"},
                            {"arrowhead", "none"}},
                           TreeChart::Reach::NearOnly);
        } else if (link.kind == model::LinkKind::MemberOf) {
            const auto* group = std::get_if<UnitId>(&link.to);
            if (!group) continue;
            const auto g = index(*group);
            if (group_box[g] == UINT32_MAX) {
                const auto& unit = model[*group];
                std::string label = text.title(unit.name, title_lines) + "<BR/>" +
                                    style::muted_html(group_count(members[g], all_members[g]),
                                                      style::ink_on(style::kGroup));
                group_box[g] = chart.add_loose_box(
                    {{"label", std::move(label), ValueKind::Html},
                     {"tooltip", std::string(unit.id) + " — " + std::string(unit.name),
                      ValueKind::Text},
                     {"shape", "tab"},
                     {"style", "filled"},
                     {"fillcolor", std::string(style::kGroup)},
                     {"color", std::string(style::kGroupLine)}});
            }
            chart.add_link(group_box[g], box_of[index(*from)],
                           {{"style", "dotted"},
                            {"color", std::string(style::kGroupLine)},
                            {"penwidth", "1.2"},
                            {"arrowhead", "none"}},
                           TreeChart::Reach::NearOnly);
        }
    }

    // Removed posts, beneath the post that took over from them (when it is shown).
    std::size_t removed_shown = 0;
    if (diff) {
        for (const auto& removed : diff->removed_posts) {
            const auto under = removed.under && box_of[index(*removed.under)] != UINT32_MAX
                                   ? std::optional(box_of[index(*removed.under)])
                                   : std::nullopt;
            if (!under && options.focus) continue;
            std::vector<std::string> lines{removed.unit};
            if (!removed.successor.empty()) lines.push_back("successor " + removed.successor);
            (void)chart.add_box(removed_box(removed.id, removed.title, lines, text, title_lines),
                                under);
            ++removed_shown;
        }
    }

    Diagram diagram;
    style::apply_defaults(diagram);
    Heading heading{diff ? "Changes: " + diff->scenario + focus_title(model, options.focus)
                         : "Organisation chart" + focus_title(model, options.focus),
                    {},
                    {tree_legend(true)}};
    if (diff) {
        heading.legends.push_back(diff_legend());
        heading.lines.push_back(diff_counts(*diff));
    }
    heading.lines.push_back(
        shown_line("posts", selection.order.size(), selection.order.size(), in_focus,
                   model.posts().size(), options) +
        "; " + std::to_string(vacant) + " vacant" +
        (removed_shown > 0 ? ", " + std::to_string(removed_shown) + " removed drawn dashed in red."
                           : "."));
    for (auto& legend : set_heading(diagram, std::move(heading), overlay)) {
        chart.add_legend(std::move(legend));
    }
    const double extra_height = (options.ids ? kSmallLine : 0) + (any_group ? kLine : 0) +
                                (title_lines > 1 ? kLine : 0) + (any_also ? kSmallLine : 0);
    std::move(chart).draw(diagram, tidy, tidy_options(overlay, extra_height));
    return diagram;
}

}  // namespace reorg::render::detail
