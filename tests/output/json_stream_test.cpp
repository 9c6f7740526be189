#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "reorg/output/detail/json_stream.hpp"

using nlohmann::ordered_json;

namespace {

// What the streamed writer gives for `head` plus the member `key` holding `elements`.
std::string streamed(const ordered_json& head, const ordered_json& elements) {
    std::ostringstream out;
    reorg::output::detail::dump_with_streamed_array(
        out, head, "by_unit", elements.size(),
        [&](std::size_t i, ordered_json& element) { element = elements[i]; });
    return out.str();
}

std::string whole(ordered_json head, const ordered_json& elements) {
    head["by_unit"] = elements;
    return head.dump(2);
}

}  // namespace

TEST_CASE("a streamed array gives the bytes of dumping the whole document", "[output][json]") {
    const ordered_json head = {{"posts", 4},
                               {"fte", 3.25},
                               {"span", {{"min", 1}, {"histogram", {{"2", 1}}}}},
                               {"names", {"Kommunchef", "Åsa \"IT\"\nchef"}}};
    const ordered_json one_unit = {{"unit", "KLF.IT"},
                                   {"parent", nullptr},
                                   {"layers", {{"max", 2}, {"mean", 1.5}}},
                                   {"empty", ordered_json::array()},
                                   {"list", {1, 2, {{"deep", "x\ny"}}}}};

    for (const std::size_t n : {0U, 1U, 3U}) {
        ordered_json elements = ordered_json::array();
        for (std::size_t i = 0; i < n; ++i) {
            ordered_json element = one_unit;
            element["posts"] = i;
            elements.push_back(element);
        }
        INFO(n << " elements");
        CHECK(streamed(head, elements) == whole(head, elements));
    }
}
