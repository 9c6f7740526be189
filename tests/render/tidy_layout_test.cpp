#include <catch2/catch.hpp>

#include "reorg/render/tidy_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using reorg::render::Point;
using reorg::render::tidy_layout;
using reorg::render::TidyLayout;
using reorg::render::TidyOptions;

namespace {

constexpr std::uint32_t kRoot = std::numeric_limits<std::uint32_t>::max();
constexpr double kEps = 1e-6;

constexpr std::uint32_t kHuge = 1'000'000;  // fast enough under ASan as well

/// A forest in the CSR form tidy_layout takes, with each node's parent (kRoot for roots).
struct Forest {
    std::vector<std::uint32_t> parent;
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> children;
    std::vector<std::uint32_t> roots;

    [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(parent.size()); }
    [[nodiscard]] std::uint32_t child_count(std::uint32_t v) const {
        return offsets[v + 1] - offsets[v];
    }
};

/// Children are listed in the order of their numbers.
Forest from_parents(std::vector<std::uint32_t> parent) {
    Forest f;
    const auto n = static_cast<std::uint32_t>(parent.size());
    f.offsets.assign(n + 1, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
        if (parent[v] == kRoot) {
            f.roots.push_back(v);
        } else {
            ++f.offsets[parent[v] + 1];
        }
    }
    for (std::uint32_t v = 0; v < n; ++v) f.offsets[v + 1] += f.offsets[v];
    f.children.resize(f.offsets[n]);
    auto next = f.offsets;
    for (std::uint32_t v = 0; v < n; ++v) {
        if (parent[v] != kRoot) f.children[next[parent[v]]++] = v;
    }
    f.parent = std::move(parent);
    return f;
}

TidyLayout lay_out(const Forest& f, const TidyOptions& options = {}) {
    return tidy_layout(f.offsets, f.children, f.roots, options);
}

/// Grows parent lists node by node.
struct Grower {
    std::vector<std::uint32_t> parent;
    std::mt19937 rng;

    explicit Grower(std::uint32_t seed) : rng(seed) {}
    std::uint32_t add(std::uint32_t above) {
        parent.push_back(above);
        return static_cast<std::uint32_t>(parent.size() - 1);
    }
    std::uint32_t pick(std::uint32_t from, std::uint32_t to) {  // uniform in [from, to]
        return std::uniform_int_distribution<std::uint32_t>(from, to)(rng);
    }
    /// A random recursive tree of n nodes under `above`: each node picks its parent uniformly
    /// among the nodes of this tree so far. Returns its root.
    std::uint32_t random_tree(std::uint32_t above, std::uint32_t n) {
        const auto root = add(above);
        for (std::uint32_t i = 1; i < n; ++i) add(pick(root, root + i - 1));
        return root;
    }
    /// A deep, thin tree: each node hangs under one of the last `spread` nodes.
    std::uint32_t deep_tree(std::uint32_t above, std::uint32_t n, std::uint32_t spread) {
        const auto root = add(above);
        for (std::uint32_t i = 1; i < n; ++i) {
            const auto last = root + i - 1;
            add(pick(last - std::min(last - root, spread - 1), last));
        }
        return root;
    }
};

/// Several shapes of forest, each made from its own seed.
std::vector<std::pair<std::string, Forest>> sample_forests(std::uint32_t scale,
                                                           std::uint32_t seed = 0) {
    std::vector<std::pair<std::string, Forest>> forests;
    {
        Grower g(seed * 10 + 1);
        g.random_tree(kRoot, scale);
        forests.emplace_back("a random recursive tree", from_parents(std::move(g.parent)));
    }
    {
        Grower g(seed * 10 + 2);
        g.deep_tree(kRoot, scale, 3);
        forests.emplace_back("a deep bushy chain", from_parents(std::move(g.parent)));
    }
    {
        Grower g(seed * 10 + 3);
        const auto root = g.add(kRoot);
        for (std::uint32_t i = 0; i < 5'000; ++i) g.add(root);
        forests.emplace_back("a star of 5000 leaves", from_parents(std::move(g.parent)));
    }
    {
        // A flat organisation: a few managers with hundreds of reports, a few of those with a
        // small team of their own.
        Grower g(seed * 10 + 4);
        const auto root = g.add(kRoot);
        for (int m = 0; m < 6; ++m) {
            const auto manager = g.add(root);
            const auto reports = g.pick(50, scale / 20);
            for (std::uint32_t r = 0; r < reports; ++r) {
                const auto report = g.add(manager);
                if (g.pick(0, 9) == 0) {
                    for (auto k = g.pick(1, 4); k > 0; --k) g.add(report);
                }
            }
        }
        forests.emplace_back("a flat organisation", from_parents(std::move(g.parent)));
    }
    {
        // Wide managers whose reports mix leaves and subtrees of every depth.
        Grower g(seed * 10 + 5);
        const auto root = g.add(kRoot);
        for (int m = 0; m < 8; ++m) {
            const auto manager = g.add(root);
            for (auto r = g.pick(5, 60); r > 0; --r) {
                switch (g.pick(0, 3)) {
                    case 0:
                        g.random_tree(manager, g.pick(2, scale / 50));
                        break;
                    case 1:
                        g.deep_tree(manager, g.pick(2, 40), 2);
                        break;
                    default:
                        g.add(manager);
                        break;
                }
            }
        }
        forests.emplace_back("wide managers with mixed reports", from_parents(std::move(g.parent)));
    }
    {
        Grower g(seed * 10 + 6);
        for (int t = 0; t < 12; ++t) {
            if (t % 3 == 0) {
                g.deep_tree(kRoot, g.pick(1, scale / 20), 2);
            } else {
                g.random_tree(kRoot, g.pick(1, scale / 20));
            }
        }
        forests.emplace_back("a forest of twelve trees", from_parents(std::move(g.parent)));
    }
    return forests;
}

/// Options that exercise stacks in different ways, and none.
std::vector<std::pair<std::string, TidyOptions>> sample_options() {
    TidyOptions no_stacks;
    no_stacks.compact_from = std::numeric_limits<std::size_t>::max();
    TidyOptions tall_stacks;
    tall_stacks.max_columns = 1;
    tall_stacks.compact_from = 3;
    TidyOptions odd;
    odd.node_width = 37.5;
    odd.node_height = 20;
    odd.sibling_gap = 3;
    odd.subtree_gap = 11;
    odd.level_gap = 7;
    odd.column_indent = 0;
    odd.stack_gap = 0;
    odd.compact_from = 1;
    return {{"default options", {}},
            {"no stacks", no_stacks},
            {"one tall column per stack", tall_stacks},
            {"odd sizes and every leaf stacked", odd}};
}

/// sample_options() and the same with rows wrapped, for the checks that hold either way.
std::vector<std::pair<std::string, TidyOptions>> options_with_rows() {
    auto all = sample_options();
    const auto plain = all.size();
    for (std::size_t i = 0; i < plain; ++i) {
        auto [name, o] = all[i];
        o.wrap_width = 3 * (o.node_width + o.subtree_gap);
        all.emplace_back(name + ", rows wrapped at three boxes", o);
    }
    TidyOptions one_per_row;
    one_per_row.wrap_width = 0;
    all.emplace_back("one child per row", one_per_row);
    return all;
}

struct Box {
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;
};

Box box_of(const TidyLayout& layout, std::uint32_t v, const TidyOptions& o) {
    const auto c = layout.centre[v];
    return {c.x - o.node_width / 2, c.y - o.node_height / 2, c.x + o.node_width / 2,
            c.y + o.node_height / 2};
}

bool interiors_meet(const Box& a, const Box& b) {
    return a.left < b.right - kEps && b.left < a.right - kEps && a.top < b.bottom - kEps &&
           b.top < a.bottom - kEps;
}

/// The first pair of overlapping boxes, or "". Boxes are filed under every cell of a grid of
/// box-sized cells they reach into; only boxes sharing a cell are compared, and without
/// overlaps a cell holds only a handful.
std::string first_overlap(const TidyLayout& layout, const TidyOptions& o) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> cells;
    const auto n = static_cast<std::uint32_t>(layout.centre.size());
    cells.reserve(4 * std::size_t{n});
    const auto column = [&](double x) {
        return static_cast<std::uint64_t>(std::max(0.0, std::floor(x / o.node_width)));
    };
    const auto row = [&](double y) {
        return static_cast<std::uint64_t>(std::max(0.0, std::floor(y / o.node_height)));
    };
    for (std::uint32_t v = 0; v < n; ++v) {
        const auto b = box_of(layout, v, o);
        for (auto cx = column(b.left + kEps); cx <= column(b.right - kEps); ++cx) {
            for (auto cy = row(b.top + kEps); cy <= row(b.bottom - kEps); ++cy) {
                cells.emplace_back(cx << 32 | cy, v);
            }
        }
    }
    std::sort(cells.begin(), cells.end());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        for (auto j = i + 1; j < cells.size() && cells[j].first == cells[i].first; ++j) {
            const auto a = cells[i].second;
            const auto b = cells[j].second;
            if (interiors_meet(box_of(layout, a, o), box_of(layout, b, o))) {
                return "boxes " + std::to_string(a) + " and " + std::to_string(b) + " overlap";
            }
        }
    }
    return "";
}

/// What is wrong with the connectors, or "": each must be an orthogonal polyline that turns
/// at every inner point, from the parent's bottom centre to the child's top centre (or, when
/// stacked, the middle of its left edge); roots have none.
std::string connector_problem(const Forest& f, const TidyLayout& layout, const TidyOptions& o) {
    for (std::uint32_t v = 0; v < f.size(); ++v) {
        const auto& line = layout.connector[v];
        const auto name = "node " + std::to_string(v) + ": ";
        if (f.parent[v] == kRoot) {
            if (!line.empty()) return name + "a root with a connector";
            continue;
        }
        if (line.size() < 2) return name + "fewer than two points";
        const auto p = layout.centre[f.parent[v]];
        const auto c = layout.centre[v];
        if (line.front() != Point{p.x, p.y + o.node_height / 2}) {
            return name + "does not start at the parent's bottom centre";
        }
        const Point end = layout.stacked[v] ? Point{c.x - o.node_width / 2, c.y}
                                            : Point{c.x, c.y - o.node_height / 2};
        if (line.back() != end) return name + "does not end where it should";
        for (std::size_t i = 1; i < line.size(); ++i) {
            const bool vertical = line[i].x == line[i - 1].x;
            const bool horizontal = line[i].y == line[i - 1].y;
            if (vertical == horizontal) return name + "a slanted or empty segment";
            if (i >= 2) {
                const bool was_vertical = line[i - 1].x == line[i - 2].x;
                if (was_vertical == vertical) return name + "two segments in one direction";
            }
        }
    }
    return "";
}

/// The first connector segment that runs through the inside of a box, or "". Brute force.
std::string connector_through_box(const TidyLayout& layout, const TidyOptions& o) {
    const auto n = static_cast<std::uint32_t>(layout.centre.size());
    for (std::uint32_t v = 0; v < n; ++v) {
        const auto& line = layout.connector[v];
        for (std::size_t i = 1; i < line.size(); ++i) {
            const Box segment{
                std::min(line[i - 1].x, line[i].x), std::min(line[i - 1].y, line[i].y),
                std::max(line[i - 1].x, line[i].x), std::max(line[i - 1].y, line[i].y)};
            for (std::uint32_t u = 0; u < n; ++u) {
                const auto b = box_of(layout, u, o);
                if (segment.left < b.right - kEps && segment.right > b.left + kEps &&
                    segment.top < b.bottom - kEps && segment.bottom > b.top + kEps) {
                    return "the connector to " + std::to_string(v) + " runs through box " +
                           std::to_string(u);
                }
            }
        }
    }
    return "";
}

/// A tree drawn from the given child lists (node 0 the only root).
Forest tree_of(const std::vector<std::vector<std::uint32_t>>& children) {
    std::vector<std::uint32_t> parent(children.size(), kRoot);
    for (std::uint32_t v = 0; v < children.size(); ++v) {
        for (const auto c : children[v]) parent[c] = v;
    }
    return from_parents(std::move(parent));
}

TidyOptions small_boxes() {
    TidyOptions o;
    o.node_width = 10;
    o.node_height = 10;
    o.sibling_gap = 2;
    o.subtree_gap = 4;
    o.level_gap = 6;
    o.column_indent = 3;
    o.stack_gap = 1;
    return o;
}

}  // namespace

TEST_CASE("An empty forest gives an empty drawing", "[render][tidy]") {
    const auto layout = lay_out(from_parents({}));
    CHECK(layout.centre.empty());
    CHECK(layout.width == 0);
    CHECK(layout.height == 0);
}

TEST_CASE("A single post is drawn in the top left corner", "[render][tidy]") {
    const auto layout = lay_out(from_parents({kRoot}));
    CHECK(layout.centre == std::vector<Point>{{75, 28}});
    CHECK(layout.connector[0].empty());
    CHECK(layout.width == 150);
    CHECK(layout.height == 56);
}

/*
 *  Boxes 10 wide and high; siblings 2 apart, cousins 4; levels 16 apart.
 *
 *                  0                    y =  5
 *          +-------+-------+
 *          1       2       3            y = 21
 *       +--+--+         +--+--+
 *       4     5         6     7         y = 37
 *
 *  x:   4 = 5, 1 = 11, 5 = 17, 0 = 2 = 24, 6 = 31, 3 = 37, 7 = 43
 *
 *  1, 2 and 3 would be 12 apart, but cousins 5 and 6 need 14: 3 moves right by 2 and 2,
 *  between them, by half of that.
 */
TEST_CASE("A small tree gets the coordinates worked out by hand", "[render][tidy]") {
    const auto o = small_boxes();
    const auto tree = tree_of({{1, 2, 3}, {4, 5}, {}, {6, 7}, {}, {}, {}, {}});
    const auto layout = lay_out(tree, o);
    const std::vector<Point> expected{{24, 5}, {11, 21}, {24, 21}, {37, 21},
                                      {5, 37}, {17, 37}, {31, 37}, {43, 37}};
    CHECK(layout.centre == expected);
    CHECK(layout.width == 48);
    CHECK(layout.height == 42);
    CHECK(layout.connector[1] == std::vector<Point>{{24, 10}, {24, 13}, {11, 13}, {11, 16}});
    CHECK(layout.connector[2] == std::vector<Point>{{24, 10}, {24, 16}});
    CHECK(layout.connector[7] == std::vector<Point>{{37, 26}, {37, 29}, {43, 29}, {43, 32}});
    CHECK(std::none_of(layout.stacked.begin(), layout.stacked.end(), [](bool s) { return s; }));
}

/*
 *    0         2           roots 0 and 2: separate trees, a subtree gap (4) apart on every
 *    |      +--+--+        level, so 2 moves right until 1 and 3 are 4 apart.
 *    1      3     4
 *
 *  x: 0 = 1 = 5, 3 = 19, 2 = 25, 4 = 31
 */
TEST_CASE("Separate trees stand a subtree gap apart on every level", "[render][tidy]") {
    const auto o = small_boxes();
    const auto forest = from_parents({kRoot, 0, kRoot, 2, 2});
    const auto layout = lay_out(forest, o);
    const std::vector<Point> expected{{5, 5}, {5, 21}, {25, 5}, {19, 21}, {31, 21}};
    CHECK(layout.centre == expected);
    CHECK(layout.width == 36);
    CHECK(layout.connector[0].empty());
    CHECK(layout.connector[2].empty());
    CHECK(layout.connector[1] == std::vector<Point>{{5, 10}, {5, 16}});
}

/*
 *          0            Boxes 10 x 10, indent 3, stack gap 1: six leaves make 2 columns
 *          |            of 3, column-major; spines at x = 0 and x = 15, the manager
 *    +-----+--+         centred over the stack (28 wide).
 *    |  1     |  4
 *    +- 2     +- 5
 *    +- 3     +- 6
 */
TEST_CASE("Six leaf reports are stacked in two columns worked out by hand", "[render][tidy]") {
    auto o = small_boxes();
    o.compact_from = 6;
    const auto tree = tree_of({{1, 2, 3, 4, 5, 6}, {}, {}, {}, {}, {}, {}});
    const auto layout = lay_out(tree, o);
    const std::vector<Point> expected{{14, 5},  {8, 21},  {8, 32}, {8, 43},
                                      {23, 21}, {23, 32}, {23, 43}};
    CHECK(layout.centre == expected);
    CHECK(layout.width == 28);
    CHECK(layout.height == 48);
    CHECK(layout.stacked == std::vector<bool>{false, true, true, true, true, true, true});
    CHECK(layout.connector[2] == std::vector<Point>{{14, 10}, {14, 13}, {0, 13}, {0, 32}, {3, 32}});
    CHECK(layout.connector[5] ==
          std::vector<Point>{{14, 10}, {14, 13}, {15, 13}, {15, 32}, {18, 32}});

    SECTION("and five stay in a row") {
        const auto five = lay_out(tree_of({{1, 2, 3, 4, 5}, {}, {}, {}, {}, {}}), o);
        CHECK(std::none_of(five.stacked.begin(), five.stacked.end(), [](bool s) { return s; }));
        CHECK(five.width == 5 * 10 + 4 * 2);
    }
}

TEST_CASE("A parent is centred over its children which keep their order", "[render][tidy]") {
    for (const auto& [shape, forest] : sample_forests(3'000)) {
        for (const auto& [name, o] : sample_options()) {
            INFO(shape << " with " << name);
            const auto layout = lay_out(forest, o);
            for (std::uint32_t v = 0; v < forest.size(); ++v) {
                std::vector<std::uint32_t> normal;
                for (auto i = forest.offsets[v]; i < forest.offsets[v + 1]; ++i) {
                    const auto c = forest.children[i];
                    if (!layout.stacked[c]) normal.push_back(c);
                    REQUIRE(layout.centre[c].y > layout.centre[v].y);
                }
                if (normal.empty()) continue;
                for (std::size_t i = 1; i < normal.size(); ++i) {
                    REQUIRE(layout.centre[normal[i]].x - layout.centre[normal[i - 1]].x >=
                            o.node_width + o.sibling_gap - kEps);
                }
                const bool has_stack = normal.size() != forest.child_count(v);
                if (has_stack && normal.size() < 2) continue;  // centred over the stack
                const double mid =
                    (layout.centre[normal.front()].x + layout.centre[normal.back()].x) / 2;
                REQUIRE_THAT(layout.centre[v].x, Catch::Matchers::WithinAbs(mid, kEps));
                for (const auto c : normal) {
                    REQUIRE(layout.centre[c].y == layout.centre[v].y + o.node_height + o.level_gap);
                }
            }
        }
    }
}

TEST_CASE("Siblings stand a sibling gap apart and other neighbours a subtree gap",
          "[render][tidy]") {
    TidyOptions o;
    o.compact_from = std::numeric_limits<std::size_t>::max();
    for (const auto& [shape, forest] : sample_forests(3'000)) {
        INFO(shape);
        const auto layout = lay_out(forest, o);
        // Leaves whose siblings are all leaves are never spread apart.
        std::vector<char> only_leaves(forest.size(), 1);
        for (std::uint32_t v = 0; v < forest.size(); ++v) {
            if (forest.parent[v] != kRoot && forest.child_count(v) != 0) {
                only_leaves[forest.parent[v]] = 0;
            }
        }
        // Neighbours on each level, left to right.
        std::vector<std::uint32_t> order(forest.size());
        for (std::uint32_t v = 0; v < forest.size(); ++v) order[v] = v;
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto pa = layout.centre[a];
            const auto pb = layout.centre[b];
            return pa.y != pb.y ? pa.y < pb.y : pa.x < pb.x;
        });
        for (std::size_t i = 1; i < order.size(); ++i) {
            const auto a = order[i - 1];
            const auto b = order[i];
            if (layout.centre[a].y != layout.centre[b].y) continue;
            const double gap = layout.centre[b].x - layout.centre[a].x - o.node_width;
            const auto p = forest.parent[a];
            if (p == kRoot || p != forest.parent[b]) {
                REQUIRE(gap >= o.subtree_gap - kEps);
            } else if (only_leaves[p] != 0) {
                REQUIRE(gap == o.sibling_gap);
            } else {
                REQUIRE(gap >= o.sibling_gap - kEps);
            }
        }
    }
}

TEST_CASE("No two boxes overlap on random forests", "[render][tidy]") {
    const auto seed = GENERATE(0U, 1U, 2U);
    for (const auto& [shape, forest] : sample_forests(20'000, seed)) {
        for (const auto& [name, o] : sample_options()) {
            INFO(shape << " from seed " << seed << " with " << name);
            const auto layout = lay_out(forest, o);
            REQUIRE(first_overlap(layout, o).empty());
        }
    }
}

TEST_CASE("No two boxes overlap on random forests in rows", "[render][tidy]") {
    const auto seed = GENERATE(0U, 1U, 2U);
    const auto plain = sample_options().size();
    const auto all = options_with_rows();
    for (const auto& [shape, forest] : sample_forests(3'000, seed)) {
        for (auto o = all.begin() + static_cast<std::ptrdiff_t>(plain); o != all.end(); ++o) {
            INFO(shape << " from seed " << seed << " with " << o->first);
            const auto layout = lay_out(forest, o->second);
            REQUIRE(first_overlap(layout, o->second).empty());
        }
    }
}

TEST_CASE("The overlap check finds overlapping boxes", "[render][tidy]") {
    const auto o = small_boxes();
    auto layout = lay_out(tree_of({{1, 2, 3}, {4, 5}, {}, {6, 7}, {}, {}, {}, {}}), o);
    REQUIRE(first_overlap(layout, o).empty());
    layout.centre[6].x -= 5;  // into the subtree gap, and 1 into box 5
    CHECK(first_overlap(layout, o) == "boxes 5 and 6 overlap");
}

TEST_CASE("Identical subtrees are drawn identically wherever they stand", "[render][tidy]") {
    // The root's children: copies of one random subtree with other subtrees between them.
    Grower pattern(7);
    pattern.random_tree(kRoot, 120);
    const auto manager = pattern.add(0);
    for (int i = 0; i < 9; ++i) pattern.add(manager);  // gives it a stack by default
    const auto size = static_cast<std::uint32_t>(pattern.parent.size());

    Grower g(8);
    const auto root = g.add(kRoot);
    std::vector<std::uint32_t> copies;
    for (int k = 0; k < 5; ++k) {
        copies.push_back(static_cast<std::uint32_t>(g.parent.size()));
        for (std::uint32_t v = 0; v < size; ++v) {
            g.add(v == 0 ? root : copies.back() + pattern.parent[v]);
        }
        if (k % 2 == 0) g.deep_tree(root, 30 + 20 * static_cast<std::uint32_t>(k), 2);
        if (k == 1) g.random_tree(root, 300);
    }
    const auto forest = from_parents(std::move(g.parent));
    for (const auto& [name, o] : sample_options()) {
        INFO(name);
        const auto layout = lay_out(forest, o);
        const auto relative = [&](std::uint32_t copy, std::uint32_t v) {
            const auto a = layout.centre[copy + v];
            const auto r = layout.centre[copy];
            return Point{a.x - r.x, a.y - r.y};
        };
        for (std::size_t k = 1; k < copies.size(); ++k) {
            REQUIRE(layout.centre[copies[k]].x > layout.centre[copies[k - 1]].x);
            for (std::uint32_t v = 1; v < size; ++v) {
                const auto first = relative(copies[0], v);
                const auto other = relative(copies[k], v);
                REQUIRE_THAT(other.x, Catch::Matchers::WithinAbs(first.x, kEps));
                REQUIRE(other.y == first.y);
            }
        }
    }
}

TEST_CASE("A mirrored forest is drawn as the mirror image", "[render][tidy]") {
    TidyOptions o;
    o.compact_from = std::numeric_limits<std::size_t>::max();
    for (const auto& [shape, forest] : sample_forests(3'000)) {
        INFO(shape);
        auto mirrored = forest;
        std::reverse(mirrored.roots.begin(), mirrored.roots.end());
        for (std::uint32_t v = 0; v < forest.size(); ++v) {
            std::reverse(mirrored.children.begin() + forest.offsets[v],
                         mirrored.children.begin() + forest.offsets[v + 1]);
        }
        const auto layout = lay_out(forest, o);
        const auto mirror = lay_out(mirrored, o);
        REQUIRE(mirror.width == layout.width);
        for (std::uint32_t v = 0; v < forest.size(); ++v) {
            REQUIRE_THAT(mirror.centre[v].x,
                         Catch::Matchers::WithinAbs(layout.width - layout.centre[v].x, kEps));
            REQUIRE(mirror.centre[v].y == layout.centre[v].y);
        }
    }
}

TEST_CASE("Twenty leaf reports are stacked far narrower than one row", "[render][tidy]") {
    TidyOptions o;
    o.compact_from = 6;
    std::vector<std::uint32_t> parent{kRoot};
    for (int i = 0; i < 20; ++i) parent.push_back(0);
    const auto forest = from_parents(parent);
    const auto layout = lay_out(forest, o);

    const double one_row = 20 * o.node_width + 19 * o.sibling_gap;
    const double three_columns = 3 * (o.column_indent + o.node_width) + 2 * o.sibling_gap;
    CHECK(one_row == 3304);
    CHECK(layout.width == three_columns);  // 20 leaves: 3 columns of 7
    CHECK(layout.height == 2 * o.node_height + o.level_gap + 6 * (o.node_height + o.stack_gap));
    CHECK(first_overlap(layout, o).empty());
    CHECK(connector_problem(forest, layout, o).empty());
    CHECK(connector_through_box(layout, o).empty());
    for (std::uint32_t v = 1; v <= 20; ++v) {
        INFO("leaf " << v);
        REQUIRE(layout.stacked[v]);
        const auto c = layout.centre[v];
        REQUIRE(layout.connector[v].back() == Point{c.x - o.node_width / 2, c.y});
        // Column-major: 1 to 7 in the first column, 8 to 14 in the second.
        const auto column = (v - 1) / 7;
        const auto row = (v - 1) % 7;
        REQUIRE(c.x == o.column_indent + o.node_width / 2 +
                           column * (o.column_indent + o.node_width + o.sibling_gap));
        REQUIRE(c.y == o.node_height + o.level_gap + o.node_height / 2 +
                           row * (o.node_height + o.stack_gap));
    }
    CHECK(layout.centre[0].x == three_columns / 2);
}

TEST_CASE("A stack stands between its manager's subtrees which stay out from under it",
          "[render][tidy]") {
    // A manager with a bushy subtree, twelve leaves and another bushy subtree. In one column
    // the stack reaches down six levels; the subtrees would close in below it if it did not.
    Grower g(9);
    const auto manager = g.add(kRoot);
    const auto left = g.deep_tree(manager, 60, 4);
    std::vector<std::uint32_t> leaves;
    for (int i = 0; i < 12; ++i) leaves.push_back(g.add(manager));
    const auto right = g.deep_tree(manager, 60, 4);
    const auto forest = from_parents(std::move(g.parent));
    for (const std::size_t columns : {std::size_t{1}, std::size_t{2}, std::size_t{4}}) {
        TidyOptions o;
        o.max_columns = columns;
        INFO(columns << " columns");
        const auto layout = lay_out(forest, o);
        REQUIRE(first_overlap(layout, o).empty());
        REQUIRE(connector_problem(forest, layout, o).empty());
        REQUIRE(connector_through_box(layout, o).empty());
        for (const auto leaf : leaves) {
            REQUIRE(layout.stacked[leaf]);
            REQUIRE(layout.centre[leaf].x > layout.centre[left].x);
            REQUIRE(layout.centre[leaf].x < layout.centre[right].x);
        }
        const double mid = (layout.centre[left].x + layout.centre[right].x) / 2;
        CHECK_THAT(layout.centre[manager].x, Catch::Matchers::WithinAbs(mid, kEps));
    }
}

TEST_CASE("Connectors are orthogonal and join parent to child on random forests",
          "[render][tidy]") {
    for (const auto& [shape, forest] : sample_forests(3'000)) {
        for (const auto& [name, o] : options_with_rows()) {
            INFO(shape << " with " << name);
            const auto layout = lay_out(forest, o);
            REQUIRE(connector_problem(forest, layout, o).empty());
        }
    }
}

TEST_CASE("No connector runs through a box on small random forests", "[render][tidy]") {
    for (std::uint32_t seed = 10; seed < 16; ++seed) {
        Grower g(seed);
        const auto root = g.add(kRoot);
        for (int m = 0; m < 6; ++m) {
            const auto manager = g.add(root);
            for (auto r = g.pick(2, 14); r > 0; --r) {
                if (g.pick(0, 2) == 0) {
                    g.deep_tree(manager, g.pick(2, 25), 3);
                } else {
                    g.add(manager);
                }
            }
        }
        const auto forest = from_parents(std::move(g.parent));
        for (const auto& [name, o] : options_with_rows()) {
            INFO("seed " << seed << " with " << name);
            const auto layout = lay_out(forest, o);
            REQUIRE(connector_through_box(layout, o).empty());
        }
    }
}

TEST_CASE("Every box lies within the drawing which fits tightly", "[render][tidy]") {
    for (const auto& [shape, forest] : sample_forests(3'000)) {
        for (const auto& [name, o] : options_with_rows()) {
            INFO(shape << " with " << name);
            const auto layout = lay_out(forest, o);
            double left = std::numeric_limits<double>::infinity();
            double right = 0;
            double bottom = 0;
            for (std::uint32_t v = 0; v < forest.size(); ++v) {
                const auto b = box_of(layout, v, o);
                REQUIRE(b.left >= 0);
                REQUIRE(b.top >= 0);
                REQUIRE(b.right <= layout.width);
                REQUIRE(b.bottom <= layout.height);
                // The leftmost thing drawn may be a column's spine.
                left = std::min(left, layout.stacked[v] ? b.left - o.column_indent : b.left);
                right = std::max(right, b.right);
                bottom = std::max(bottom, b.bottom);
                for (const auto& p : layout.connector[v]) {
                    REQUIRE(p.x >= 0);
                    REQUIRE(p.x <= layout.width);
                    REQUIRE(p.y <= layout.height);
                }
            }
            CHECK_THAT(left, Catch::Matchers::WithinAbs(0, kEps));
            CHECK(right == layout.width);
            CHECK(bottom == layout.height);
        }
    }
}

TEST_CASE("A very long chain is laid out without recursion", "[render][tidy]") {
    std::vector<std::uint32_t> parent(kHuge);
    parent[0] = kRoot;
    for (std::uint32_t v = 1; v < kHuge; ++v) parent[v] = v - 1;
    const auto forest = from_parents(std::move(parent));
    const TidyOptions o;
    const auto layout = lay_out(forest, o);
    CHECK(layout.width == o.node_width);
    CHECK(layout.height == kHuge * o.node_height + (kHuge - 1) * o.level_gap);
    for (std::uint32_t v = 1; v < kHuge; ++v) {
        REQUIRE(layout.centre[v].x == o.node_width / 2);
        REQUIRE(layout.centre[v].y - layout.centre[v - 1].y == o.node_height + o.level_gap);
        REQUIRE(layout.connector[v].size() == 2);  // straight down
    }
}

TEST_CASE("A star of very many leaves is laid out in a few tall columns", "[render][tidy]") {
    std::vector<std::uint32_t> parent(kHuge + 1, 0);
    parent[0] = kRoot;
    const auto forest = from_parents(std::move(parent));
    const TidyOptions o;
    const auto layout = lay_out(forest, o);
    const double four_columns = 4 * (o.column_indent + o.node_width) + 3 * o.sibling_gap;
    const std::uint32_t rows = kHuge / 4;
    CHECK(layout.width == four_columns);
    CHECK(layout.height ==
          o.node_height + o.level_gap + rows * o.node_height + (rows - 1) * o.stack_gap);
    CHECK(layout.centre[0].x == four_columns / 2);
    CHECK(layout.centre[kHuge].x == four_columns - o.node_width / 2);
    CHECK(layout.centre[kHuge].y == layout.height - o.node_height / 2);
    CHECK(std::all_of(layout.stacked.begin() + 1, layout.stacked.end(), [](bool s) { return s; }));

    SECTION("or in one long row without stacks") {
        TidyOptions row = o;
        row.compact_from = std::numeric_limits<std::size_t>::max();
        const auto wide = lay_out(forest, row);
        CHECK(wide.width == kHuge * o.node_width + (kHuge - 1) * o.sibling_gap);
        CHECK(wide.centre[0].x == wide.width / 2);
    }
}

TEST_CASE("Malformed forests are rejected", "[render][tidy]") {
    using Ids = std::vector<std::uint32_t>;
    const auto throws = [](const Ids& offsets, const Ids& children, const Ids& roots) {
        CHECK_THROWS_AS(tidy_layout(offsets, children, roots), std::invalid_argument);
    };
    // The well-formed forest these are broken from: 0 -> 1 -> 2.
    CHECK_NOTHROW(tidy_layout(Ids{0, 1, 2, 2}, Ids{1, 2}, Ids{0}));

    throws({}, {}, {});                    // no offsets at all
    throws({1, 1, 2, 2}, {1, 2}, {0});     // not starting at 0
    throws({0, 2, 1, 2}, {1, 2}, {0});     // decreasing
    throws({0, 1, 2, 3}, {1, 2}, {0});     // ending past the children
    throws({0, 1, 1, 1}, {1, 2}, {0});     // ending before them
    throws({0, 1, 1, 1}, {1}, {0});        // 2 is nobody's child and not a root
    throws({0, 1, 2, 2}, {1, 3}, {0});     // a child out of range
    throws({0, 1, 2, 2}, {1, 2}, {3});     // a root out of range
    throws({0, 1, 2, 2}, {1, 1}, {0});     // a child twice
    throws({0, 1, 2, 2}, {1, 2}, {0, 0});  // a root twice
    throws({0, 1, 2, 2}, {1, 2}, {0, 2});  // a root that is also a child
    throws({0, 1, 2, 2}, {1, 2}, {});      // no roots
    throws({0, 0, 1, 2}, {2, 1}, {0});     // 1 and 2 only reach each other

    TidyOptions bad;
    bad.node_width = 0;
    CHECK_THROWS_AS(tidy_layout(Ids{0, 0}, Ids{}, Ids{0}, bad), std::invalid_argument);
    bad = {};
    bad.sibling_gap = -1;
    CHECK_THROWS_AS(tidy_layout(Ids{0, 0}, Ids{}, Ids{0}, bad), std::invalid_argument);
    bad = {};
    bad.level_gap = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(tidy_layout(Ids{0, 0}, Ids{}, Ids{0}, bad), std::invalid_argument);
}

TEST_CASE("Children wider than the wrap width go in rows each below the row before",
          "[render][tidy]") {
    // A root with twelve managers of two reports each: side by side 12 subtrees.
    std::vector<std::uint32_t> parent{kRoot};
    for (std::uint32_t m = 0; m < 12; ++m) {
        parent.push_back(0);
        const auto manager = static_cast<std::uint32_t>(parent.size() - 1);
        parent.push_back(manager);
        parent.push_back(manager);
    }
    const auto forest = from_parents(parent);
    TidyOptions o;
    o.compact_from = std::numeric_limits<std::size_t>::max();
    const auto wide = lay_out(forest, o);
    const double subtree = 2 * o.node_width + o.sibling_gap;
    o.wrap_width = 4 * subtree + 3 * o.subtree_gap;  // four subtrees a row
    const auto rows = lay_out(forest, o);
    CHECK(wide.height == 3 * o.node_height + 2 * o.level_gap);
    CHECK(rows.width < wide.width / 2);
    CHECK(rows.height == 7 * o.node_height + 6 * o.level_gap);  // the root and three rows of 2
    CHECK(first_overlap(rows, o).empty());
    CHECK(connector_problem(forest, rows, o).empty());
    CHECK(connector_through_box(rows, o).empty());
    for (std::uint32_t m = 0; m < 12; ++m) {
        const auto manager = 1 + 3 * m;
        INFO("manager " << m);
        const double row = m / 4;
        // Level 1 + 2·row; its reports on the level below.
        REQUIRE(rows.centre[manager].y ==
                (1 + 2 * row) * (o.node_height + o.level_gap) + o.node_height / 2);
        REQUIRE(rows.centre[manager + 1].y == rows.centre[manager].y + o.node_height + o.level_gap);
        // Every row's connectors turn to it along the bus just above it (later rows' come
        // down the line between the middle children of the rows before).
        const auto& line = rows.connector[manager];
        REQUIRE(line.size() >= 3);
        REQUIRE(line[line.size() - 2].y ==
                rows.centre[manager].y - o.node_height / 2 - o.level_gap / 2);
    }
    // The rows keep the children's order, left to right and row after row.
    for (std::uint32_t m = 1; m < 12; ++m) {
        const auto a = rows.centre[1 + 3 * (m - 1)];
        const auto b = rows.centre[1 + 3 * m];
        REQUIRE((m % 4 == 0 ? b.y > a.y : (b.y == a.y && b.x > a.x)));
    }
}

TEST_CASE("Rows are evened out rather than leaving a stub", "[render][tidy]") {
    // Nine roots in rows of at most four: 3, 3 and 3 rather than 4, 4 and 1.
    const auto forest = from_parents(std::vector<std::uint32_t>(9, kRoot));
    TidyOptions o;
    o.wrap_width = 4 * o.node_width + 3 * o.subtree_gap;
    const auto layout = lay_out(forest, o);
    std::vector<double> levels;
    for (std::uint32_t v = 0; v < 9; ++v) levels.push_back(layout.centre[v].y);
    CHECK(std::count(levels.begin(), levels.end(), levels[0]) == 3);
    CHECK(std::count(levels.begin(), levels.end(), levels[8]) == 3);
    // Each row is centred under the line beside the middle root of the row above, off the
    // middle by half a box to the left and to the right in turn: the rows do not drift.
    CHECK(layout.width == 3.5 * o.node_width + 2.5 * o.subtree_gap);
    CHECK(layout.centre[0].x == layout.centre[6].x);
    // Roots have no connectors, wrapped or not.
    for (const auto& line : layout.connector) CHECK(line.empty());
}

TEST_CASE("Fitting a page wraps a flat organisation and leaves a narrow one alone",
          "[render][tidy]") {
    // 69 directors with one report each: one row is 69 boxes wide and two high.
    std::vector<std::uint32_t> parent{kRoot};
    for (std::uint32_t d = 0; d < 69; ++d) {
        parent.push_back(0);
        parent.push_back(static_cast<std::uint32_t>(parent.size() - 1));
    }
    const auto flat = from_parents(parent);
    const TidyOptions o;
    const auto row = lay_out(flat, o);
    const auto fitted =
        reorg::render::tidy_layout_for_page(flat.offsets, flat.children, flat.roots, o);
    const reorg::render::PageFit a3;
    const auto scale = [&](const TidyLayout& l) {
        return std::min(a3.width / l.width, a3.height / l.height);
    };
    CHECK(row.width > 60 * o.node_width);
    CHECK(fitted.width < row.width / 4);
    CHECK(scale(fitted) > 3 * scale(row));
    CHECK(first_overlap(fitted, o).empty());
    CHECK(connector_problem(flat, fitted, o).empty());
    const double aspect = fitted.width / fitted.height;
    CHECK(aspect > 0.7);
    CHECK(aspect < 3);

    // A small chart that fits as it is keeps Walker's layout exactly.
    const auto small = tree_of({{1, 2, 3}, {4, 5}, {}, {6, 7}, {}, {}, {}, {}});
    const auto as_is = lay_out(small, o);
    const auto on_page =
        reorg::render::tidy_layout_for_page(small.offsets, small.children, small.roots, o);
    CHECK(on_page.centre == as_is.centre);
    CHECK(on_page.width == as_is.width);
}

TEST_CASE("A wrap width that is negative or not a number is refused", "[render][tidy]") {
    const auto forest = tree_of({{1}, {}});
    TidyOptions o;
    o.wrap_width = -1;
    CHECK_THROWS_AS(lay_out(forest, o), std::invalid_argument);
    o.wrap_width = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(lay_out(forest, o), std::invalid_argument);
}

TEST_CASE("A rail stays clear of the boxes beside it whatever the gaps", "[render][tidy]") {
    const auto forest = tree_of({{1, 2}, {3, 4}, {}, {}, {}});
    for (const auto& [sibling, subtree] : {std::pair(40.0, 0.0), std::pair(40.0, 10.0),
                                           std::pair(0.0, 40.0), std::pair(16.0, 32.0)}) {
        INFO("sibling gap " << sibling << ", subtree gap " << subtree);
        TidyOptions o;
        o.sibling_gap = sibling;
        o.subtree_gap = subtree;
        o.wrap_width = 0;
        const auto layout = lay_out(forest, o);
        CHECK(first_overlap(layout, o).empty());
        CHECK(connector_problem(forest, layout, o).empty());
        CHECK(connector_through_box(layout, o).empty());
    }
}

TEST_CASE("Fitting a page never prints a chart smaller than without rows", "[render][tidy]") {
    TidyOptions o;  // as the org chart sets them
    o.compact_from = 3;
    o.node_width = 160;
    o.rows_per_column = 8;
    const reorg::render::PageFit page;
    const auto scale = [&](const TidyLayout& l) {
        return std::min(page.width / l.width, page.height / l.height);
    };
    auto forests = sample_forests(3'000);
    // Posts that each report to one of the twenty before them; a caterpillar of managers with
    // two leaves each.
    Grower local(3);
    local.add(kRoot);
    for (std::uint32_t v = 1; v < 3'000; ++v) local.add(local.pick(v > 20 ? v - 20 : 0, v - 1));
    forests.emplace_back("posts under one of the twenty before them",
                         from_parents(std::move(local.parent)));
    std::vector<std::uint32_t> caterpillar{kRoot};
    for (std::uint32_t level = 0; level < 300; ++level) {
        const auto manager = static_cast<std::uint32_t>(caterpillar.size() - 1);
        caterpillar.push_back(manager);
        caterpillar.push_back(manager);
        caterpillar.push_back(manager);
    }
    forests.emplace_back("a caterpillar", from_parents(std::move(caterpillar)));
    for (const auto& [shape, forest] : forests) {
        INFO(shape);
        const auto plain = lay_out(forest, o);
        const auto fitted =
            reorg::render::tidy_layout_for_page(forest.offsets, forest.children, forest.roots, o);
        REQUIRE(scale(fitted) >= scale(plain));
        REQUIRE(first_overlap(fitted, o).empty());
        REQUIRE(connector_problem(forest, fitted, o).empty());
    }
}
