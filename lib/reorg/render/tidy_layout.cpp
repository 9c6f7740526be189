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
/// algorithm compares keep neighbouring subtrees from moving in under the stack. A `Rail` is
/// the line down to a wrapped node's next row of children: a chain of zero-width nodes, one per
/// level of the row before, the last of which has the next row as its children.
enum class Kind : std::uint8_t { Top, Post, Stack, Spacer, Rail };

/// A node's children in the order the layout places them: its non-leaf children with, where
/// its leaves are stacked, the stack (kStackItem) in their middle.
constexpr std::uint32_t kStackItem = kNone;

/// How a stack of `leaves` leaves is shaped.
struct StackShape {
    std::uint32_t rows = 0;
    std::uint32_t levels = 0;  ///< levels it covers, its own included
    double width = 0;
    double height = 0;
};

StackShape stack_shape(std::size_t leaves, const TidyOptions& o) {
    // The fewest columns c with rows_per_column * c² >= leaves, then the fewest columns the
    // resulting rows need (9 leaves in 4 columns need 3 rows, and then only 3 columns).
    const std::size_t per_column = std::max<std::size_t>(o.rows_per_column, 1);
    auto columns = static_cast<std::size_t>(
        std::ceil(std::sqrt(static_cast<double>(leaves) / static_cast<double>(per_column))));
    while (columns > 1 && per_column * (columns - 1) * (columns - 1) >= leaves) --columns;
    while (per_column * columns * columns < leaves) ++columns;
    columns = std::clamp<std::size_t>(columns, 1, std::max<std::size_t>(o.max_columns, 1));
    const std::size_t rows = (leaves + columns - 1) / columns;
    columns = (leaves + rows - 1) / rows;
    const auto c = static_cast<double>(columns);
    const auto r = static_cast<double>(rows);
    StackShape shape;
    shape.rows = static_cast<std::uint32_t>(rows);
    shape.width = c * (o.column_indent + o.node_width) + (c - 1) * o.sibling_gap;
    shape.height = r * o.node_height + (r - 1) * o.stack_gap;
    // The stack covers level k below its own when it reaches past the middle of the gap above
    // that level: the connectors to level k run along that middle line.
    const double levels =
        std::ceil((shape.height + o.level_gap / 2) / (o.node_height + o.level_gap));
    shape.levels = static_cast<std::uint32_t>(std::max(1.0, levels));
    return shape;
}

struct Stack {
    std::uint32_t node = kNone;  ///< its node in the layout tree
    std::uint32_t manager = 0;   ///< the input node whose leaves it holds
    std::uint32_t first_leaf = 0;
    std::uint32_t leaf_count = 0;
    StackShape shape;
};

/// Which nodes wrap their children into rows, and the estimated size of every subtree: what
/// the layout tree is built from, and what tidy_layout_for_page() compares widths by.
struct RowPlan {
    /// Per input node, and at index `nodes` for the roots: where its rows are in `rows` (the
    /// count, then the number of items in each row), or kNone for one row.
    std::vector<std::uint32_t> first_row;
    std::vector<std::uint32_t> rows;
    std::vector<double> width;          ///< per input node: of its subtree, estimated
    std::vector<std::uint32_t> levels;  ///< per input node: levels of its subtree, exactly
    double top_width = 0;               ///< of the whole drawing, estimated
    std::uint32_t top_levels = 0;
    std::size_t rail_nodes = 0;  ///< layout nodes the rails take, exactly
};

/// A wrapped node's rows as the layout tree is built, and the rails between them.
struct Wrap {
    std::uint32_t manager = kNone;  ///< its layout node (Post or Top)
    std::uint32_t first_leaf = 0;   ///< of its stack, in Tree::stacked_leaves
    std::uint32_t items = 0;        ///< its items' offset in Tree::wrap_items
    std::uint32_t rows = 0;         ///< offset of its row count in RowPlan::rows
};
/// The rail from one row of a wrap down to the next: a chain of Kind::Rail nodes from
/// `first_node`, one a level of the row beside it, the last carrying the next row.
struct Rail {
    std::uint32_t wrap = 0;
    std::uint32_t next_row = 0;    ///< the row its last node carries
    std::uint32_t next_first = 0;  ///< that row's first item, counted in the wrap's items
    std::uint32_t first_node = kNone;
    std::uint32_t levels = 0;  ///< of the row it runs down beside
};

/// The layout tree, numbered in breadth-first order: a node's children are the consecutive
/// numbers `first_child .. first_child + child_count`, and every parent comes before its
/// children.
struct Tree {
    std::vector<Kind> kind;
    std::vector<std::uint32_t> item;  ///< Post: the input node; Stack, Spacer: the stack; Rail: it
    std::vector<std::uint32_t> parent;
    std::vector<std::uint32_t> first_child;
    std::vector<std::uint32_t> child_count;
    std::vector<std::uint32_t> depth;  ///< level; the roots are at 0
    std::vector<double> width;

    std::vector<Stack> stacks;
    std::vector<std::uint32_t> stacked_leaves;  ///< the stacks' leaves, stack after stack
    std::vector<Wrap> wraps;
    std::vector<Rail> rails;
    std::vector<std::uint32_t> wrap_items;  ///< the wrapped nodes' items, wrap after wrap

    /// Whether v's children are roots, which stand a subtree gap apart: the Top's, and those
    /// of the rails between the Top's rows.
    [[nodiscard]] bool children_are_roots(std::uint32_t v) const {
        if (kind[v] == Kind::Rail) v = wraps[rails[item[v]].wrap].manager;
        return kind[v] == Kind::Top;
    }

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
    if (std::isnan(o.wrap_width) || o.wrap_width < 0)
        throw std::invalid_argument("tidy_layout: wrap_width must be >= 0");
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

/// The items of input node v (see kStackItem), appended to `items`; returns the number of
/// leaves its stack holds (0 for none).
std::size_t items_of(std::uint32_t v, std::span<const std::uint32_t> offsets,
                     std::span<const std::uint32_t> children, std::size_t compact_from,
                     std::vector<std::uint32_t>& items) {
    const auto is_leaf = [&](std::uint32_t c) { return offsets[c] == offsets[c + 1]; };
    const auto kids = children.subspan(offsets[v], offsets[v + 1] - offsets[v]);
    const auto leaves = static_cast<std::size_t>(std::count_if(kids.begin(), kids.end(), is_leaf));
    if (leaves < compact_from) {
        items.insert(items.end(), kids.begin(), kids.end());
        return 0;
    }
    // The stack goes in the middle of the other children: then the manager, centred over its
    // children, stands over the stack (with two or more other children exactly as if centred
    // over those).
    const std::size_t stack_at = (kids.size() - leaves) / 2;
    std::size_t placed = 0;
    for (const auto c : kids) {
        if (is_leaf(c)) continue;
        if (placed++ == stack_at) items.push_back(kStackItem);
        items.push_back(c);
    }
    if (placed == stack_at) items.push_back(kStackItem);
    return leaves;
}

/// Splits items of the given widths, `gap` apart, into rows no wider than `limit` (an item
/// wider than that alone), in order: as few rows as filling them one by one gives, then evened
/// out so that the last is not a stub. Appends the row count and sizes to `rows`.
void split_rows(std::span<const double> widths, double gap, double limit,
                std::vector<std::uint32_t>& rows) {
    const auto fill = [&](double width, std::vector<std::uint32_t>* sizes) {
        std::uint32_t count = 0;
        std::uint32_t in_row = 0;
        double used = 0;
        for (const auto w : widths) {
            if (in_row > 0 && used + gap + w > width) {
                if (sizes) sizes->push_back(in_row);
                ++count;
                in_row = 0;
                used = 0;
            }
            used += (in_row > 0 ? gap : 0) + w;
            ++in_row;
        }
        if (sizes) sizes->push_back(in_row);
        return count + 1;
    };
    const auto count = fill(limit, nullptr);
    // The narrowest width that still needs no more rows.
    double total = 0;
    double widest = 0;
    for (const auto w : widths) {
        total += w + gap;
        widest = std::max(widest, w);
    }
    double low = std::max(widest, total / count - gap);
    double high = std::max(low, limit);
    for (int step = 0; step < 40 && high - low > 0.5; ++step) {
        const double mid = (low + high) / 2;
        (fill(mid, nullptr) <= count ? high : low) = mid;
    }
    std::vector<std::uint32_t> sizes;
    (void)fill(high, &sizes);
    rows.push_back(static_cast<std::uint32_t>(sizes.size()));
    rows.insert(rows.end(), sizes.begin(), sizes.end());
}

/// Plans the rows bottom-up: every subtree's size from its children's, and the nodes whose
/// children are wider than `o.wrap_width` wrapped. O(nodes · log(width)).
RowPlan plan_rows(std::span<const std::uint32_t> offsets, std::span<const std::uint32_t> children,
                  std::span<const std::uint32_t> roots, const TidyOptions& o) {
    const auto n = static_cast<std::uint32_t>(offsets.size() - 1);
    const std::size_t compact_from = std::max<std::size_t>(o.compact_from, 1);
    RowPlan plan;
    plan.first_row.assign(std::size_t{n} + 1, kNone);
    plan.width.assign(n, o.node_width);
    plan.levels.assign(n, 1);
    // Breadth-first from the roots, then children before parents.
    std::vector<std::uint32_t> order(roots.begin(), roots.end());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto v = order[i];
        order.insert(order.end(), children.begin() + offsets[v], children.begin() + offsets[v + 1]);
    }
    std::vector<std::uint32_t> items;
    std::vector<double> widths;
    std::vector<std::uint32_t> item_levels;
    const auto plan_node = [&](std::uint32_t at, std::span<const std::uint32_t> node_items,
                               std::size_t leaves, double gap, double& width,
                               std::uint32_t& levels) {
        widths.clear();
        item_levels.clear();
        StackShape stack;
        if (leaves > 0) stack = stack_shape(leaves, o);
        for (const auto item : node_items) {
            widths.push_back(item == kStackItem ? stack.width : plan.width[item]);
            item_levels.push_back(item == kStackItem ? stack.levels : plan.levels[item]);
        }
        double row = 0;
        for (const auto w : widths) row += w + gap;
        row -= gap;
        std::uint32_t below = 0;
        if (row <= o.wrap_width || widths.size() < 2) {
            for (const auto l : item_levels) below = std::max(below, l);
        } else {
            plan.first_row[at] = static_cast<std::uint32_t>(plan.rows.size());
            split_rows(widths, gap, o.wrap_width, plan.rows);
            const auto count = plan.rows[plan.first_row[at]];
            row = 0;
            std::size_t next = 0;
            for (std::uint32_t r = 0; r < count; ++r) {
                const auto size = plan.rows[plan.first_row[at] + 1 + r];
                double used = 0;
                std::uint32_t deepest = 0;
                for (std::uint32_t k = 0; k < size; ++k, ++next) {
                    used += widths[next] + (k > 0 ? gap : 0);
                    deepest = std::max(deepest, item_levels[next]);
                }
                row = std::max(row, used);
                below += deepest;
                if (r + 1 < count) plan.rail_nodes += deepest;  // its rail, one node a level
            }
        }
        width = std::max(width, row);
        levels += below;
    };
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const auto v = *it;
        if (offsets[v] == offsets[v + 1]) continue;
        items.clear();
        const auto stacked = items_of(v, offsets, children, compact_from, items);
        plan_node(v, items, stacked, o.sibling_gap, plan.width[v], plan.levels[v]);
    }
    plan_node(n, roots, 0, o.subtree_gap, plan.top_width, plan.top_levels);
    return plan;
}

/// Builds the layout tree breadth-first from the roots. Marks every node it reaches with 2 in
/// `seen`, so that nodes on a cycle (which `check_forest` cannot see) stay at 1.
Tree build_tree(std::span<const std::uint32_t> offsets, std::span<const std::uint32_t> children,
                std::span<const std::uint32_t> roots, const TidyOptions& o, const RowPlan& plan,
                std::vector<char>& seen) {
    const auto is_leaf = [&](std::uint32_t v) { return offsets[v] == offsets[v + 1]; };
    const std::size_t compact_from = std::max<std::size_t>(o.compact_from, 1);
    const auto n = static_cast<std::uint32_t>(offsets.size() - 1);

    Tree tree;
    tree.reserve(offsets.size());
    const auto add_post = [&](std::uint32_t v, std::uint32_t above) {
        seen[v] = 2;
        tree.add(Kind::Post, v, above, o.node_width);
    };
    const auto add_stack = [&](std::uint32_t manager, std::uint32_t first_leaf,
                               std::uint32_t above) {
        Stack s;
        s.manager = manager;
        s.first_leaf = first_leaf;
        s.leaf_count = 0;
        for (auto c = offsets[manager]; c < offsets[manager + 1]; ++c)
            s.leaf_count += is_leaf(children[c]) ? 1U : 0U;
        s.shape = stack_shape(s.leaf_count, o);
        s.node = tree.add(Kind::Stack, static_cast<std::uint32_t>(tree.stacks.size()), above,
                          s.shape.width);
        tree.stacks.push_back(s);
    };
    // Row `r` of wrap w under layout node `above`, with the rail to the next row among its
    // middle items.
    const auto add_row = [&](std::uint32_t w, std::uint32_t r, std::uint32_t first,
                             std::uint32_t above) {
        const auto& wrap = tree.wraps[w];
        const auto count = plan.rows[wrap.rows];
        const auto size = plan.rows[wrap.rows + 1 + r];
        const auto manager = tree.kind[wrap.manager] == Kind::Top ? kNone : tree.item[wrap.manager];
        std::uint32_t levels = 0;  // of the row: its deepest item's (a stack's when added)
        for (std::uint32_t k = 0; k < size; ++k) {
            const auto item = tree.wrap_items[wrap.items + first + k];
            if (item != kStackItem) levels = std::max(levels, plan.levels[item]);
        }
        // A rail as wide as minus the gap between its neighbours takes no room: they stand as
        // far apart as without it, and it runs down the middle between them.
        // (Not more than twice the subtree gap: boxes further down keep that gap from the rail's
        // edge, and so stay clear of its middle.)
        const double gap = tree.children_are_roots(above) ? o.subtree_gap : o.sibling_gap;
        const double rail_width = -std::min(gap, 2 * o.subtree_gap);
        // With an odd number of items the rail stands off the middle by half an item, to the
        // left and the right in turn, so that the rows, each centred under the rail before,
        // do not drift to one side.
        const auto rail_at = r + 1 < count ? (size + r % 2) / 2 : kNone;
        for (std::uint32_t k = 0; k <= size; ++k) {
            if (k == rail_at) {
                const auto rail = static_cast<std::uint32_t>(tree.rails.size());
                tree.rails.push_back(
                    {w, r + 1, first + size, tree.add(Kind::Rail, rail, above, rail_width), 0});
            }
            if (k == size) break;
            const auto item = tree.wrap_items[wrap.items + first + k];
            if (item == kStackItem) {
                add_stack(manager, wrap.first_leaf, above);
                levels = std::max(levels, tree.stacks.back().shape.levels);
            } else {
                add_post(item, above);
            }
        }
        if (r + 1 < count) tree.rails.back().levels = levels;
    };
    // The children of layout node u (the Top or a Post): its items, in rows where planned.
    std::vector<std::uint32_t> items;
    const auto add_children = [&](std::uint32_t u, std::uint32_t planned) {
        items.clear();
        std::uint32_t first_leaf = 0;
        if (tree.kind[u] == Kind::Top) {
            items.assign(roots.begin(), roots.end());
        } else {
            const auto v = tree.item[u];
            items_of(v, offsets, children, compact_from, items);
            first_leaf = static_cast<std::uint32_t>(tree.stacked_leaves.size());
            if (std::find(items.begin(), items.end(), kStackItem) != items.end()) {
                for (auto c = offsets[v]; c < offsets[v + 1]; ++c) {
                    if (is_leaf(children[c])) {
                        tree.stacked_leaves.push_back(children[c]);
                        seen[children[c]] = 2;
                    }
                }
            }
        }
        if (plan.first_row[planned] != kNone) {
            tree.wraps.push_back({u, first_leaf, static_cast<std::uint32_t>(tree.wrap_items.size()),
                                  plan.first_row[planned]});
            tree.wrap_items.insert(tree.wrap_items.end(), items.begin(), items.end());
            add_row(static_cast<std::uint32_t>(tree.wraps.size() - 1), 0, 0, u);
            return;
        }
        for (const auto item : items) {
            if (item == kStackItem) {
                add_stack(tree.item[u], first_leaf, u);
            } else {
                add_post(item, u);
            }
        }
    };

    tree.add(Kind::Top, kNone, kNone, 0);
    for (std::uint32_t u = 0; u < tree.size(); ++u) {
        tree.first_child[u] = tree.size();
        switch (tree.kind[u]) {
            case Kind::Top:
                add_children(u, n);
                break;
            case Kind::Post:
                if (!is_leaf(tree.item[u])) add_children(u, tree.item[u]);
                break;
            case Kind::Stack:
            case Kind::Spacer: {
                const auto& s = tree.stacks[tree.item[u]];
                if (tree.depth[u] - tree.depth[s.node] + 1 < s.shape.levels) {
                    tree.add(Kind::Spacer, tree.item[u], u, s.shape.width);
                }
                break;
            }
            case Kind::Rail: {
                const auto rail = tree.rails[tree.item[u]];
                if (tree.depth[u] - tree.depth[rail.first_node] + 1 < rail.levels) {
                    tree.add(Kind::Rail, tree.item[u], u, tree.width[u]);
                } else {
                    add_row(rail.wrap, rail.next_row, rail.next_first, u);
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
            const double gap = tree_.children_are_roots(v) ? subtree_gap_ : sibling_gap_;
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

TidyLayout lay_out(std::span<const std::uint32_t> offsets, std::span<const std::uint32_t> children,
                   std::span<const std::uint32_t> roots, const TidyOptions& options,
                   const RowPlan& plan, std::vector<char>& seen) {
    const auto n = static_cast<std::uint32_t>(offsets.size() - 1);
    const auto tree = build_tree(offsets, children, roots, options, plan, seen);
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

    // A connector from the manager of the children of layout node `above` to the bus line over
    // their level, at the x where it turns to them: the manager's bus runs along the middle of
    // the gap below it, and a later row's down the rails of the rows before. False for roots.
    std::vector<std::uint32_t> rails;
    const auto lead = [&](std::uint32_t above, std::vector<Point>& line) {
        rails.clear();
        while (tree.kind[above] == Kind::Rail) {
            rails.push_back(tree.item[above]);
            above = tree.parent[tree.rails[tree.item[above]].first_node];
        }
        if (tree.kind[above] != Kind::Post) return false;
        const auto manager = layout.centre[tree.item[above]];
        line.reserve(5 + 2 * rails.size());
        extend(line, {manager.x, manager.y + h / 2});
        extend(line, {manager.x, manager.y + h / 2 + options.level_gap / 2});
        for (auto it = rails.rbegin(); it != rails.rend(); ++it) {
            const auto& rail = tree.rails[*it];
            const double next_row = tree.depth[rail.first_node] + rail.levels;
            const double rail_x = x[rail.first_node] - left;
            extend(line, {rail_x, line.back().y});
            extend(line, {rail_x, next_row * level_pitch - options.level_gap / 2});
        }
        return true;
    };
    for (std::uint32_t u = 1; u < tree.size(); ++u) {
        if (tree.kind[u] != Kind::Post) continue;
        auto& line = layout.connector[tree.item[u]];
        if (!lead(tree.parent[u], line)) continue;
        const auto to = layout.centre[tree.item[u]];
        extend(line, {to.x, line.back().y});
        extend(line, {to.x, to.y - h / 2});
    }
    for (const auto& s : tree.stacks) {
        const double stack_left = x[s.node] - left - s.shape.width / 2;
        const double top = static_cast<double>(tree.depth[s.node]) * level_pitch;
        layout.width = std::max(layout.width, stack_left + s.shape.width);
        layout.height = std::max(layout.height, top + s.shape.height);
        std::vector<Point> to_bus;
        (void)lead(tree.parent[s.node], to_bus);
        for (std::uint32_t k = 0; k < s.leaf_count; ++k) {
            const auto leaf = tree.stacked_leaves[s.first_leaf + k];
            const double spine = stack_left + static_cast<double>(k / s.shape.rows) *
                                                  (options.column_indent + w + options.sibling_gap);
            const Point centre{
                spine + options.column_indent + w / 2,
                top + static_cast<double>(k % s.shape.rows) * (h + options.stack_gap) + h / 2};
            layout.centre[leaf] = centre;
            layout.stacked[leaf] = true;
            auto& line = layout.connector[leaf];
            line = to_bus;
            extend(line, {spine, line.back().y});
            extend(line, {spine, centre.y});
            extend(line, {centre.x - w / 2, centre.y});
        }
    }
    return layout;
}

}  // namespace

TidyLayout tidy_layout(std::span<const std::uint32_t> offsets,
                       std::span<const std::uint32_t> children,
                       std::span<const std::uint32_t> roots, const TidyOptions& options) {
    check_options(options);
    std::vector<char> seen;
    (void)check_forest(offsets, children, roots, seen);
    const auto plan = plan_rows(offsets, children, roots, options);
    return lay_out(offsets, children, roots, options, plan, seen);
}

TidyLayout tidy_layout_for_page(std::span<const std::uint32_t> offsets,
                                std::span<const std::uint32_t> children,
                                std::span<const std::uint32_t> roots, const TidyOptions& options,
                                const PageFit& page) {
    check_options(options);
    std::vector<char> seen;
    const auto n = check_forest(offsets, children, roots, seen);
    const auto scale = [&](double width, double height) {
        return std::min(page.width / std::max(width, 1.0),
                        page.height / std::max(height + page.heading, 1.0));
    };
    auto tried = options;
    tried.wrap_width = std::numeric_limits<double>::infinity();
    const auto plain_plan = plan_rows(offsets, children, roots, tried);
    auto best = lay_out(offsets, children, roots, options, plain_plan, seen);
    // Wrapping is worth a less regular chart only where it prints a fifth larger.
    double best_scale = 1.2 * scale(best.width, best.height);

    // Narrower and narrower rows, down to a few boxes, judged first by their estimated size
    // (which overstates widths: Walker packs subtrees closer than side by side), then the two
    // that promise most laid out for real. A plan whose rails would take more layout nodes
    // than the forest has (a deep subtree in an early row of a wrap nested in wraps) is left.
    struct Candidate {
        double scale;
        double width;
    };
    std::vector<Candidate> candidates;
    const double narrowest = 3 * (options.node_width + options.sibling_gap);
    for (double width = plain_plan.top_width / std::sqrt(2.0); width >= narrowest;
         width /= std::sqrt(2.0)) {
        tried.wrap_width = width;
        const auto plan = plan_rows(offsets, children, roots, tried);
        if (plan.rail_nodes > n) continue;
        const double levels = plan.top_levels;
        candidates.push_back(
            {scale(plan.top_width, levels * (options.node_height + options.level_gap)), width});
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.scale > b.scale; });
    if (candidates.size() > 2) candidates.resize(2);
    for (const auto& candidate : candidates) {
        tried.wrap_width = candidate.width;
        auto layout = lay_out(offsets, children, roots, options,
                              plan_rows(offsets, children, roots, tried), seen);
        if (const double s = scale(layout.width, layout.height); s > best_scale) {
            best = std::move(layout);
            best_scale = s;
        }
    }
    return best;
}

}  // namespace reorg::render
