#include <catch2/catch.hpp>
#include <optional>
#include <random>
#include <vector>

#include "reorg/model/hierarchy.hpp"

using namespace reorg::model;

namespace {

using Parents = std::vector<std::optional<PostId>>;

ReportingForest forest_of(const Parents& parents) {
    return ReportingForest::build(parents.size(), [&](std::size_t i) { return parents[i]; });
}

std::vector<std::vector<PostId>> cycles_of(const Parents& parents) {
    return parent_cycles<PostId>(parents.size(), [&](std::size_t i) { return parents[i]; });
}

// Brute force: walk up from `node`, at most n steps.
bool brute_is_ancestor(const Parents& parents, std::size_t ancestor, std::size_t node) {
    for (std::size_t steps = 0; steps <= parents.size(); ++steps) {
        if (node == ancestor) return true;
        if (!parents[node]) return false;
        node = index(*parents[node]);
    }
    return false;
}

}  // namespace

//        0           5
//      / | \         |
//     1  2  3        6
//     |     |
//     4     7
TEST_CASE("a forest knows children, roots, depths and pre-order", "[model][hierarchy]") {
    const Parents parents{std::nullopt, PostId{0},    PostId{0}, PostId{0},
                          PostId{1},    std::nullopt, PostId{5}, PostId{3}};
    const auto forest = forest_of(parents);

    CHECK(forest.roots().size() == 2);
    CHECK(forest.child_count(PostId{0}) == 3);
    CHECK(forest.child_count(PostId{4}) == 0);
    const auto children = forest.children(PostId{0});
    CHECK(std::vector(children.begin(), children.end()) ==
          std::vector{PostId{1}, PostId{2}, PostId{3}});
    CHECK(forest.depth(PostId{0}) == 1);
    CHECK(forest.depth(PostId{4}) == 3);
    CHECK(forest.depth(PostId{7}) == 3);
    CHECK(forest.depth(PostId{6}) == 2);

    // Every parent comes before its children in pre-order.
    const auto order = forest.preorder();
    REQUIRE(order.size() == parents.size());
    std::vector<std::size_t> position(parents.size());
    for (std::size_t i = 0; i < order.size(); ++i) position[index(order[i])] = i;
    for (std::size_t i = 0; i < parents.size(); ++i) {
        if (parents[i]) CHECK(position[index(*parents[i])] < position[i]);
    }
}

TEST_CASE("ancestor queries agree with walking up the tree", "[model][hierarchy]") {
    std::mt19937 random(7);
    Parents parents(300);
    for (std::size_t i = 1; i < parents.size(); ++i) {
        // A few extra roots; every other node hangs under an earlier one.
        if (random() % 20 != 0) parents[i] = at<PostId>(random() % i);
    }
    const auto forest = forest_of(parents);
    for (std::size_t a = 0; a < parents.size(); a += 7) {
        for (std::size_t n = 0; n < parents.size(); ++n) {
            REQUIRE(forest.is_ancestor(at<PostId>(a), at<PostId>(n)) ==
                    brute_is_ancestor(parents, a, n));
        }
    }
}

//   0 -> 1 -> 2 -> 0     (a cycle)        3 -> 1   (a tail into it)
//   4 -> 4               (a self-loop)    5 -> 6 -> 7 (no cycle)
TEST_CASE("parent cycles are found once each, with every member", "[model][hierarchy]") {
    const Parents parents{PostId{1}, PostId{2}, PostId{0}, PostId{1},
                          PostId{4}, PostId{6}, PostId{7}, std::nullopt};
    const auto cycles = cycles_of(parents);
    REQUIRE(cycles.size() == 2);
    CHECK(cycles[0] == std::vector{PostId{0}, PostId{1}, PostId{2}});
    CHECK(cycles[1] == std::vector{PostId{4}});

    // Nodes on or under a cycle have no root above them, so no depth.
    const auto forest = forest_of(parents);
    CHECK(forest.depth(PostId{3}) == 0);
    CHECK(forest.depth(PostId{0}) == 0);
    CHECK(forest.depth(PostId{6}) == 2);
    CHECK(forest.preorder().size() == 3);
}

TEST_CASE("a long chain is walked without recursion", "[model][hierarchy]") {
    Parents parents(200000);
    for (std::size_t i = 1; i < parents.size(); ++i) parents[i] = at<PostId>(i - 1);
    const auto forest = forest_of(parents);
    CHECK(forest.depth(at<PostId>(parents.size() - 1)) == parents.size());
    CHECK(cycles_of(parents).empty());
    parents[0] = at<PostId>(parents.size() - 1);
    REQUIRE(cycles_of(parents).size() == 1);
    CHECK(cycles_of(parents).front().size() == parents.size());
}
