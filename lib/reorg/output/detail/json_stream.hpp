#pragma once
#include <cstddef>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <string_view>

namespace reorg::output::detail {

/// Writes, as `head.dump(2)` would with one more member appended, the object `head` followed
/// by the member `key`: an array of `count` elements that `fill(i, element)` gives one at a
/// time. The bytes are those of dumping the whole document; only one element is held in
/// memory, so a list of every unit of a large organisation is written without building its
/// tree. `element` still holds the element before (null at first): a fill that assigns the same
/// members each time updates them in place, allocating next to nothing. `head` must be a
/// non-empty object without `key`.
void dump_with_streamed_array(
    std::ostream& out, const nlohmann::ordered_json& head, std::string_view key, std::size_t count,
    const std::function<void(std::size_t, nlohmann::ordered_json&)>& fill);

}  // namespace reorg::output::detail
