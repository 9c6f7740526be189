#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace reorg::model {

/// What makes `id` unusable as the id of a unit, post, person or finding, or nullopt when it is
/// fine: one sentence about it, for a message, with `what` naming the id ("the id", "the new
/// unit's id", "the prefix"). An id is not empty, is UTF-8, and holds no control character
/// (U+0000–U+001F, U+007F and U+0080–U+009F: tab and line breaks too) and neither of the
/// non-characters U+FFFE and U+FFFF: the exports (XML above all) cannot carry those, and would
/// write ids differing only in them as one node id. The sentence shows the first such character
/// escaped (`\x01`, `\x85` for U+0085, `U+FFFE`; never raw) and its place in the id, counted in
/// characters from 1. O(id).
///
/// Every reader, importer and change that makes an id asks this, so that they all refuse the
/// same ids. Ids that only refer (reports_to, parent, about) need not: they must match an id
/// that was made. Names, titles and notes may hold any character; the writers escape them.
[[nodiscard]] std::optional<std::string> id_problem(std::string_view id,
                                                    std::string_view what = "the id");

}  // namespace reorg::model
