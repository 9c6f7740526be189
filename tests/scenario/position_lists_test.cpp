#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "reorg/scenario/detail/position_lists.hpp"

using reorg::scenario::detail::PositionLists;

namespace {

std::vector<std::uint32_t> list(std::span<const std::uint32_t> values) {
    return {values.begin(), values.end()};
}

using List = std::vector<std::uint32_t>;

}  // namespace

TEST_CASE("position lists are made from each value's owner, in ascending order",
          "[scenario][lists]") {
    // Values 0–9; owner of v: v % 3, except 4 and 7, which have none.
    const PositionLists lists(4, 10, [](std::size_t v) -> std::optional<std::uint32_t> {
        if (v == 4 || v == 7) return std::nullopt;
        return static_cast<std::uint32_t>(v % 3);
    });
    REQUIRE(lists.size() == 4);
    CHECK(list(lists[0]) == List{0, 3, 6, 9});
    CHECK(list(lists[1]) == List{1});
    CHECK(list(lists[2]) == List{2, 5, 8});
    CHECK(lists[3].empty());

    const PositionLists none(0, 0, [](std::size_t) { return std::optional<std::uint32_t>(); });
    CHECK(none.size() == 0);
}

TEST_CASE("position lists are edited as vectors would be", "[scenario][lists]") {
    PositionLists lists(
        3, 6, [](std::size_t v) { return std::optional(static_cast<std::uint32_t>(v / 2)); });
    const auto untouched = lists[2];  // a base list: stays as it is while others change

    lists.erase(0, 1);
    lists.push_back(0, 5);
    lists.push_back(0, 1);
    CHECK(list(lists[0]) == List{0, 5, 1});
    lists.erase(0, 7);  // not in the list: nothing happens
    CHECK(list(lists[0]) == List{0, 5, 1});
    lists.push_back(1, 2);  // the list already holds 2: now twice, and erase takes the first
    lists.erase(1, 2);
    CHECK(list(lists[1]) == List{3, 2});

    lists.add_owner();
    REQUIRE(lists.size() == 4);
    CHECK(lists[3].empty());
    lists.erase(3, 0);
    lists.push_back(3, 4);
    lists.push_back(3, 0);
    CHECK(list(lists[3]) == List{4, 0});
    lists.erase(3, 4);
    CHECK(list(lists[3]) == List{0});

    CHECK(list(untouched) == List{4, 5});
    CHECK(list(lists[2]) == List{4, 5});
}
