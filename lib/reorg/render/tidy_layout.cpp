#include "reorg/render/tidy_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace reorg::render {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/// The nodes the layout works on. `Top` is the invisible root over the forest's roots; a
/// `Post` is an input node drawn as its own box; a `Stack` stands for the stacked leaves of one
/// manager, as a single box as wide as the stack; a `Spacer` is a virtual only child of a stack
/// or spacer, one per further level the stack reaches down into, so that the contours Walker's
/// algorithm compares keep neighbouring subtrees from moving in under the stack.
enum class Kind : std::uint8_t { Top, Post, Stack, Spacer };

struct Stack {
    std::uint32_t node = kNone;  ///< its node in the layout tree
    std::uint32_t first_leaf = 0;
    std::uint32_t leaf_count = 0;
    std::uint32_t rows = 0;
    std::uint32_t levels = 0;  ///< levels it covers, its own included
    double width = 0;
    double height = 0;
};

/// The layout tree, numbered in breadth-first order: a node's children are the consecutive
/// numbers `first_child .. first_child + child_count`, and every parent comes before its
/// children.
struct Tree {
    std::vector<Kind> kind;
    std::vector<std::uint32_t> item;  ///< Post: the input node; Stack, Spacer: the stack
    std::vector<std::uint32_t> parent;
    std::vector<std::uint32_t> first_child;
    std::vector<std::uint32_t> child_count;
    std::vector<std::uint32_t> depth;  ///< level; the roots are at 0
    std::vector<double> width;

    std::vector<Stack> stacks;
    std::vector<std::uint32_t> stacked_leaves;  ///< the stacks' leaves, stack after stack

    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(kind.size()); }

    void reserve(std::size_t n) {
        kind.reserve(n);
        item.reserve(n);
        parent.reserve(n);
        first_child.reserve(n);
        child_count.reserve(n);
        depth.reserve(n);
        width.reserve(n);
    }

    std::uint32_t add(Kind k, std::uint32_t what, std::uint32_t above, double w) {
        if (kind.size() >= kNone - 1) throw std::invalid_argument("tidy_layout: forest too large");
        const auto id = size();
        kind.push_back(k);
        item.push_back(what);
        parent.push_back(above);
        first_child.push_back(kNone);
        child_count.push_back(0);
        depth.push_back(above == kNone || kind[above] == Kind::Top ? 0 : depth[above] + 1);
        width.push_back(w);
        return id;
    }
};

void check_options(const TidyOptions& o) {
    const auto bad = [](double v) { return !std::isfinite(v) || v < 0; };
    if (bad(o.node_width) || bad(o.node_height) || o.node_width == 0 || o.node_height == 0) {
        throw std::invalid_argument("tidy_layout: boxes need a positive, finite size");
    }
    if (bad(o.sibling_gap) || bad(o.subtree_gap) || bad(o.level_gap) || bad(o.column_indent) ||
        bad(o.stack_gap)) {
        throw std::invalid_argument("tidy_layout: gaps and indents must be finite and >= 0");
    }
}

/// Checks the CSR arrays and marks in `seen` every node that occurs (as a root or child).
/// Returns the number of nodes.
std::uint32_t check_forest(std::span<const std::uint32_t> offsets,
                           std::span<const std::uint32_t> children,
                           std::span<const std::uint32_t> roots, std::vector<char>& seen) {
    using std::to_string;
    if (offsets.empty()) throw std::invalid_argument("tidy_layout: offsets must hold nodes + 1");
    if (offsets.size() - 1 >= kNone / 2) throw std::invalid_argument("tidy_layout: too many nodes");
    const auto n = static_cast<std::uint32_t>(offsets.size() - 1);
    if (offsets.front() != 0) throw std::invalid_argument("tidy_layout: offsets must start at 0");
    for (std::uint32_t i = 0; i < n; ++i) {
        if (offsets[i + 1] < offsets[i]) {
            throw std::invalid_argument("tidy_layout: offsets decrease after node " + to_string(i));
        }
    }
    if (offsets.back() != children.size()) {
        throw std::invalid_argument("tidy_layout: offsets end at " + to_string(offsets.back()) +
                                    " but there are " + to_string(children.size()) + " children");
    }
    seen.assign(n, 0);
    const auto mark = [&](std::uint32_t v, const char* as) {
        if (v >= n) {
            throw std::invalid_argument(std::string("tidy_layout: ") + as + " " + to_string(v) +
                                        " is not a node (there are " + to_string(n) + ")");
        }
        if (seen[v] != 0) {
            throw std::invalid_argument("tidy_layout: node " + to_string(v) + " appears twice");
        }
        seen[v] = 1;
    };
    for (const auto r : roots) mark(r, "root");
    for (const auto c : children) mark(c, "child");
    for (std::uint32_t v = 0; v < n; ++v) {
        if (seen[v] == 0) {
            throw std::invalid_argument("tidy_layout: node " + to_string(v) +
                                        " is unreachable from the roots");
        }
    }
    return n;
}

/// Builds the layout tree breadth-first from the roots. Marks every node it reaches with 2 in
/// `seen`, so that nodes on a cycle (which `check_forest` cannot see) stay at 1.
Tree build_tree(std::span<const std::uint32_t> offsets, std::span<const std::uint32_t> children,
                std::span<const std::uint32_t> roots, const TidyOptions& o,
                std::vector<char>& seen) {
    const auto is_leaf = [&](std::uint32_t v) { return offsets[v] == offsets[v + 1]; };
    const std::size_t compact_from = std::max<std::size_t>(o.compact_from, 1);
    const std::size_t max_columns = std::max<std::size_t>(o.max_columns, 1);
    const double level_pitch = o.node_height + o.level_gap;

    Tree tree;
    tree.reserve(offsets.size());
    const auto add_post = [&](std::uint32_t v, std::uint32_t above) {
        seen[v] = 2;
        tree.add(Kind::Post, v, above, o.node_width);
    };
    const auto add_stack = [&](std::uint32_t first_leaf, std::uint32_t above) {
        Stack s;
        s.first_leaf = first_leaf;
        s.leaf_count = static_cast<std::uint32_t>(tree.stacked_leaves.size() - first_leaf);
        // The fewest columns c with rows_per_column * c² >= leaves, then the fewest columns the
        // resulting rows need (9 leaves in 4 columns need 3 rows, and then only 3 columns).
        const std::size_t leaves = s.leaf_count;
        const std::size_t per_column = std::max<std::size_t>(o.rows_per_column, 1);
        auto columns = static_cast<std::size_t>(
            std::ceil(std::sqrt(static_cast<double>(leaves) / static_cast<double>(per_column))));
        while (columns > 1 && per_column * (columns - 1) * (columns - 1) >= leaves) --columns;
        while (per_column * columns * columns < leaves) ++columns;
        columns = std::clamp<std::size_t>(columns, 1, max_columns);
        const std::size_t rows = (leaves + columns - 1) / columns;
        columns = (leaves + rows - 1) / rows;
        const auto c = static_cast<double>(columns);
        const auto r = static_cast<double>(rows);
        s.rows = static_cast<std::uint32_t>(rows);
        s.width = c * (o.column_indent + o.node_width) + (c - 1) * o.sibling_gap;
        s.height = r * o.node_height + (r - 1) * o.stack_gap;
        // The stack covers level k below its own when it reaches past the middle of the gap
        // above that level: the connectors to level k run along that middle line.
        const double levels = std::ceil((s.height + o.level_gap / 2) / level_pitch);
        s.levels = static_cast<std::uint32_t>(std::max(1.0, levels));
        s.node =
            tree.add(Kind::Stack, static_cast<std::uint32_t>(tree.stacks.size()), above, s.width);
        tree.stacks.push_back(s);
    };

    tree.add(Kind::Top, kNone, kNone, 0);
    for (std::uint32_t u = 0; u < tree.size(); ++u) {
        tree.first_child[u] = tree.size();
        switch (tree.kind[u]) {
            case Kind::Top:
                for (const auto r : roots) add_post(r, u);
                break;
            case Kind::Post: {
                const auto v = tree.item[u];
                const auto kids = children.subspan(offsets[v], offsets[v + 1] - offsets[v]);
                const auto leaves =
                    static_cast<std::size_t>(std::count_if(kids.begin(), kids.end(), is_leaf));
                if (leaves < compact_from) {
                    for (const auto c : kids) add_post(c, u);
                    break;
                }
                // The stack goes in the middle of the other children: then the manager, centred
                // over its children, stands over the stack (with two or more other children
                // exactly as if centred over those).
                const auto first_leaf = static_cast<std::uint32_t>(tree.stacked_leaves.size());
                for (const auto c : kids) {
                    if (is_leaf(c)) {
                        tree.stacked_leaves.push_back(c);
                        seen[c] = 2;
                    }
                }
                const std::size_t stack_at = (kids.size() - leaves) / 2;
                std::size_t placed = 0;
                for (const auto c : kids) {
                    if (is_leaf(c)) continue;
                    if (placed++ == stack_at) add_stack(first_leaf, u);
                    add_post(c, u);
                }
                if (placed == stack_at) add_stack(first_leaf, u);
                break;
            }
            case Kind::Stack:
            case Kind::Spacer: {
                const auto& s = tree.stacks[tree.item[u]];
                if (tree.depth[u] - tree.depth[s.node] + 1 < s.levels) {
                    tree.add(Kind::Spacer, tree.item[u], u, s.width);
                }
                break;
            }
        }
        tree.child_count[u] = tree.size() - tree.first_child[u];
    }
    return tree;
}

/// Walker's algorithm in the linear form of Buchheim, Jünger and Leipert (2002), with boxes of
/// different widths: neighbouring siblings are `sibling_gap` apart, all other neighbours on a
/// level (compared along the contours in apportion) `subtree_gap`. Both walks are loops over
/// the breadth-first numbering: backwards for the first walk (children before parents),
/// forwards for the second.
class Walker {
public:
    Walker(const Tree& tree, double sibling_gap, double subtree_gap)
        : tree_(tree),
          sibling_gap_(sibling_gap),
          subtree_gap_(subtree_gap),
          prelim_(tree.size(), 0.0),
          mod_(tree.size(), 0.0),
          shift_(tree.size(), 0.0),
          change_(tree.size(), 0.0),
          mid_(tree.size(), 0.0),
          thread_(tree.size(), kNone),
          ancestor_(tree.size()) {
        for (std::uint32_t v = 0; v < tree.size(); ++v) ancestor_[v] = v;
    }

    /// The centre x of every node, up to a common offset.
    std::vector<double> run() && {
        first_walk();
        // Second walk. A child sits prelim(c) - mid(p) from its parent: prelim(p) - mod(p) =
        // mid(p) holds throughout, and using it instead of summing mods keeps an only child
        // exactly (not just up to rounding) under its parent. Positions overwrite prelim.
        auto& x = prelim_;
        x[0] = 0;
        for (std::uint32_t v = 1; v < tree_.size(); ++v) {
            const auto p = tree_.parent[v];
            x[v] = x[p] + (x[v] - mid_[p]);
        }
        return std::move(prelim_);
    }

private:
    [[nodiscard]] std::uint32_t next_left(std::uint32_t v) const {
        return tree_.child_count[v] != 0 ? tree_.first_child[v] : thread_[v];
    }
    [[nodiscard]] std::uint32_t next_right(std::uint32_t v) const {
        return tree_.child_count[v] != 0 ? tree_.first_child[v] + tree_.child_count[v] - 1
                                         : thread_[v];
    }

    void first_walk() {
        for (auto v = tree_.size(); v-- > 0;) {
            const auto count = tree_.child_count[v];
            if (count == 0) continue;  // a leaf's children are centred on 0: mid stays 0
            const auto first = tree_.first_child[v];
            const auto last = first + count - 1;
            const double gap = tree_.kind[v] == Kind::Top ? subtree_gap_ : sibling_gap_;
            auto default_ancestor = first;
            prelim_[first] = mid_[first];
            for (auto c = first + 1; c <= last; ++c) {
                prelim_[c] = prelim_[c - 1] + (tree_.width[c - 1] + tree_.width[c]) / 2 + gap;
                mod_[c] = prelim_[c] - mid_[c];
                default_ancestor = apportion(c, default_ancestor);
            }
            execute_shifts(v);
            mid_[v] = (prelim_[first] + prelim_[last]) / 2;
        }
    }

    /// Pushes the subtree of v (not the leftmost child) right until, on every level below v,
    /// it clears the right contour of its left siblings' subtrees; Buchheim's APPORTION with
    /// i = inner, o = outer, l = the left siblings' side (their "minus"), r = v's side.
    std::uint32_t apportion(std::uint32_t v, std::uint32_t default_ancestor) {
        const auto leftmost = tree_.first_child[tree_.parent[v]];
        auto inner_r = v;
        auto outer_r = v;
        auto inner_l = v - 1;
        auto outer_l = leftmost;
        double s_inner_r = mod_[v];
        double s_outer_r = mod_[v];
        double s_inner_l = mod_[inner_l];
        double s_outer_l = mod_[outer_l];
        for (;;) {
            const auto next_l = next_right(inner_l);
            const auto next_r = next_left(inner_r);
            if (next_l == kNone || next_r == kNone) break;
            inner_l = next_l;
            inner_r = next_r;
            outer_l = next_left(outer_l);
            outer_r = next_right(outer_r);
            ancestor_[outer_r] = v;
            const double shift = (prelim_[inner_l] + s_inner_l) - (prelim_[inner_r] + s_inner_r) +
                                 (tree_.width[inner_l] + tree_.width[inner_r]) / 2 + subtree_gap_;
            if (shift > 0) {
                move_subtree(greatest_distinct_ancestor(inner_l, v, default_ancestor), v, shift);
                s_inner_r += shift;
                s_outer_r += shift;
            }
            s_inner_l += mod_[inner_l];
            s_inner_r += mod_[inner_r];
            s_outer_l += mod_[outer_l];
            s_outer_r += mod_[outer_r];
        }
        if (next_right(inner_l) != kNone && next_right(outer_r) == kNone) {
            thread_[outer_r] = next_right(inner_l);
            mod_[outer_r] += s_inner_l - s_outer_r;
        }
        if (next_left(inner_r) != kNone && next_left(outer_l) == kNone) {
            thread_[outer_l] = next_left(inner_r);
            mod_[outer_l] += s_inner_r - s_outer_l;
            default_ancestor = v;
        }
        return default_ancestor;
    }

    /// The left sibling of v whose subtree holds the contour node `inner_l`.
    [[nodiscard]] std::uint32_t greatest_distinct_ancestor(std::uint32_t inner_l, std::uint32_t v,
                                                           std::uint32_t default_ancestor) const {
        const auto a = ancestor_[inner_l];
        return tree_.parent[a] == tree_.parent[v] ? a : default_ancestor;
    }

    /// Moves the subtree of `right` by `amount`, and records that the siblings between `left`
    /// and `right` are to be spread evenly over it (done by execute_shifts).
    void move_subtree(std::uint32_t left, std::uint32_t right, double amount) {
        // Siblings have consecutive numbers, so their distance is the difference of numbers.
        const double per_subtree = amount / static_cast<double>(right - left);
        change_[right] -= per_subtree;
        shift_[right] += amount;
        change_[left] += per_subtree;
        prelim_[right] += amount;
        mod_[right] += amount;
    }

    void execute_shifts(std::uint32_t v) {
        double shift = 0;
        double change = 0;
        const auto first = tree_.first_child[v];
        for (auto c = first + tree_.child_count[v]; c-- > first;) {
            prelim_[c] += shift;
            mod_[c] += shift;
            change += change_[c];
            shift += shift_[c] + change;
        }
    }

    const Tree& tree_;
    double sibling_gap_;
    double subtree_gap_;
    std::vector<double> prelim_;
    std::vector<double> mod_;
    std::vector<double> shift_;
    std::vector<double> change_;
    std::vector<double> mid_;  ///< centre of a node's children (0 for a leaf), from its prelim
    std::vector<std::uint32_t> thread_;
    std::vector<std::uint32_t> ancestor_;
};

/// Appends p to an orthogonal polyline, dropping repeated points and merging a segment that
/// continues the previous one in the same direction.
void extend(std::vector<Point>& line, Point p) {
    if (!line.empty() && line.back() == p) return;
    if (line.size() >= 2) {
        const auto& a = line[line.size() - 2];
        const auto& b = line.back();
        if ((a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y)) {
            line.back() = p;
            return;
        }
    }
    line.push_back(p);
}

}  // namespace

TidyLayout tidy_layout(std::span<const std::uint32_t> offsets,
                       std::span<const std::uint32_t> children,
                       std::span<const std::uint32_t> roots, const TidyOptions& options) {
    check_options(options);
    std::vector<char> seen;
    const auto n = check_forest(offsets, children, roots, seen);
    const auto tree = build_tree(offsets, children, roots, options, seen);
    for (std::uint32_t v = 0; v < n; ++v) {
        if (seen[v] != 2) {
            throw std::invalid_argument("tidy_layout: node " + std::to_string(v) +
                                        " lies on a cycle, unreachable from the roots");
        }
    }

    TidyLayout layout;
    layout.centre.resize(n);
    layout.connector.resize(n);
    layout.stacked.assign(n, false);
    if (tree.size() == 1) return layout;

    const auto x = Walker(tree, options.sibling_gap, options.subtree_gap).run();
    double left = std::numeric_limits<double>::infinity();
    for (std::uint32_t u = 1; u < tree.size(); ++u) left = std::min(left, x[u] - tree.width[u] / 2);

    const double w = options.node_width;
    const double h = options.node_height;
    const double level_pitch = h + options.level_gap;
    for (std::uint32_t u = 1; u < tree.size(); ++u) {
        if (tree.kind[u] != Kind::Post) continue;
        const double y = static_cast<double>(tree.depth[u]) * level_pitch + h / 2;
        layout.centre[tree.item[u]] = {x[u] - left, y};
        layout.height = std::max(layout.height, y + h / 2);
        layout.width = std::max(layout.width, x[u] - left + w / 2);
    }

    // The manager's connector bus runs along the middle of the gap below it.
    const auto bus = [&](Point manager, std::vector<Point>& line) {
        line.reserve(5);
        extend(line, {manager.x, manager.y + h / 2});
        extend(line, {manager.x, manager.y + h / 2 + options.level_gap / 2});
    };
    for (std::uint32_t u = 1; u < tree.size(); ++u) {
        if (tree.kind[u] != Kind::Post || tree.kind[tree.parent[u]] != Kind::Post) continue;
        const auto from = layout.centre[tree.item[tree.parent[u]]];
        const auto to = layout.centre[tree.item[u]];
        auto& line = layout.connector[tree.item[u]];
        bus(from, line);
        extend(line, {to.x, line.back().y});
        extend(line, {to.x, to.y - h / 2});
    }
    for (const auto& s : tree.stacks) {
        const double stack_left = x[s.node] - left - s.width / 2;
        const double top = static_cast<double>(tree.depth[s.node]) * level_pitch;
        const auto manager = layout.centre[tree.item[tree.parent[s.node]]];
        layout.width = std::max(layout.width, stack_left + s.width);
        layout.height = std::max(layout.height, top + s.height);
        for (std::uint32_t k = 0; k < s.leaf_count; ++k) {
            const auto leaf = tree.stacked_leaves[s.first_leaf + k];
            const double spine = stack_left + static_cast<double>(k / s.rows) *
                                                  (options.column_indent + w + options.sibling_gap);
            const Point centre{
                spine + options.column_indent + w / 2,
                top + static_cast<double>(k % s.rows) * (h + options.stack_gap) + h / 2};
            layout.centre[leaf] = centre;
            layout.stacked[leaf] = true;
            auto& line = layout.connector[leaf];
            bus(manager, line);
            extend(line, {spine, line.back().y});
            extend(line, {spine, centre.y});
            extend(line, {centre.x - w / 2, centre.y});
        }
    }
    return layout;
}

}  // namespace reorg::render
